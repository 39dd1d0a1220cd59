import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Bytes → text, and back for --fix. Offices still save plain text as GBK, so
 * the encoding is detected: a BOM decides first (UTF-8, UTF-16 LE/BE); then
 * valid UTF-8; then GB18030 (a superset of GBK and GB2312) when it decodes
 * cleanly. Anything else is refused with a reason, never guessed into mojibake.
 */

export interface Decoded {
  /** The text, without BOM. */
  text: string;
  /** A name iconv-lite knows: utf-8, utf-16le, utf-16be, gb18030, or what --encoding said. */
  encoding: string;
  bom: boolean;
}

export type DecodeFailure = 'binary' | 'undecodable' | 'unknown-encoding';

export class DecodeError extends Error {
  constructor(readonly reason: DecodeFailure, readonly detail = '') {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decode(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) {
    if (!isKnownEncoding(forced)) throw new DecodeError('unknown-encoding', forced);
    const text = iconv.decode(Buffer.from(bytes), forced, { stripBOM: false });
    const bom = text.charCodeAt(0) === 0xfeff;
    return { text: bom ? text.slice(1) : text, encoding: forced.toLowerCase(), bom };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict(utf8, bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  if (looksBinary(bytes)) throw new DecodeError('binary');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: GB18030 is the only legacy encoding Chinese offices use for reports.
  }
  try {
    const text = gb18030.decode(bytes);
    if (controlShare(text) > 0.01) throw new DecodeError('binary');
    return { text, encoding: 'gb18030', bom: false };
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    const guess = chardet.detect(bytes);
    throw new DecodeError('undecodable', guess ?? '');
  }
}

/** The bytes to write back: the same encoding and BOM the file had. */
export function encode(text: string, decoded: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  const body = iconv.encode(text, decoded.encoding, { addBOM: false });
  if (!decoded.bom) return body;
  return Buffer.concat([iconv.encode('\uFEFF', decoded.encoding, { addBOM: false }), body]);
}

function strict(decoder: TextDecoder, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DecodeError('undecodable', 'utf-8');
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2) throw new DecodeError('undecodable', encoding);
  return iconv.decode(Buffer.from(bytes), encoding, { stripBOM: false });
}

/** A NUL byte in the first 8 KB: no text file of a report has one. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Share of control characters other than tab, line feed, carriage return and form feed. */
function controlShare(text: string): number {
  if (!text.length) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) n++;
  }
  return n / text.length;
}
