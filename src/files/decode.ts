import type chardetModule from 'chardet';
import type iconvModule from 'iconv-lite';
import { createRequire } from 'node:module';

/**
 * Bytes → text, and back for --fix. Offices still save plain text as GBK, so
 * the encoding is detected: a BOM decides first (UTF-8, UTF-32 LE/BE, UTF-16
 * LE/BE); then valid UTF-8; then GB18030 (a superset of GBK and GB2312) when it
 * decodes cleanly. Anything else is refused with a reason, never guessed into
 * mojibake. Whatever decodes, `clean` says whether the text gives back exactly
 * the bytes it came from: --fix writes only files that are clean.
 */

export interface Decoded {
  /** The text, without BOM. */
  text: string;
  /** A name iconv-lite knows: utf-8, utf-16le, utf-16be, utf-32le, utf-32be, gb18030, or what --encoding said. */
  encoding: string;
  bom: boolean;
  /**
   * True when encoding `text` again gives the very bytes read: no invalid
   * sequence became U+FFFD or '?'. A file that is not clean is never written.
   */
  clean: boolean;
}

export type DecodeFailure = 'binary' | 'undecodable' | 'unknown-encoding';

export class DecodeError extends Error {
  constructor(
    readonly reason: DecodeFailure,
    readonly detail = '',
    /** For 'undecodable': the 1-based line of the first byte that is not UTF-8 (0 when unknown). */
    readonly line = 0,
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

// iconv-lite and chardet are loaded on first use: a UTF-8 file that is only read needs neither.
const requireLazily = createRequire(import.meta.url);
let iconvLoaded: typeof iconvModule | undefined;
const iconv = (): typeof iconvModule => (iconvLoaded ??= requireLazily('iconv-lite') as typeof iconvModule);
const detectEncoding = (bytes: Uint8Array): string | null => (requireLazily('chardet') as typeof chardetModule).detect(bytes);

export function isKnownEncoding(name: string): boolean {
  return iconv().encodingExists(name);
}

// ignoreBOM: the BOM is handled here; a second U+FEFF after it is text and must be kept.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Opening ICU's GB18030 converter takes milliseconds: only for a file that is not UTF-8.
let gb18030: TextDecoder | undefined;

export function decode(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) {
    if (!isKnownEncoding(forced)) throw new DecodeError('unknown-encoding', forced);
    const text = iconv().decode(Buffer.from(bytes), forced, { stripBOM: false });
    const bom = text.charCodeAt(0) === 0xfeff;
    const encoding = forced.toLowerCase();
    // Mostly UTF-8 read as a legacy encoding is mojibake that may still round-trip: a fix would write GBK into a UTF-8 file.
    const mojibake = !/^utf-?(8|16|32)/.test(encoding) && mostlyUtf8(bytes);
    const clean = !mojibake && encode(text, { encoding, bom: false }).equals(Buffer.from(bytes));
    return { text: bom ? text.slice(1) : text, encoding, bom, clean };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict(utf8, bytes.subarray(3)), encoding: 'utf-8', bom: true, clean: true };
  }
  // UTF-32 LE's BOM starts like UTF-16 LE's: test it first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return wide(bytes, 4, 'utf-32le');
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return wide(bytes, 4, 'utf-32be');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return wide(bytes, 2, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return wide(bytes, 2, 'utf-16be');
  if (looksBinary(bytes)) throw new DecodeError('binary');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false, clean: true };
  } catch {
    // Not UTF-8: GB18030 is the only legacy encoding Chinese offices use for reports.
  }
  try {
    const text = (gb18030 ??= new TextDecoder('gb18030', { fatal: true, ignoreBOM: true })).decode(bytes);
    if (controlShare(text) > 0.01) throw new DecodeError('binary');
    return { text, encoding: 'gb18030', bom: false, clean: true };
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    const guess = detectEncoding(bytes);
    throw new DecodeError('undecodable', guess ?? '', firstNonUtf8Line(bytes));
  }
}

/** The bytes to write back: the same encoding and BOM the file had. */
export function encode(text: string, decoded: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  const body = iconv().encode(text, decoded.encoding, { addBOM: false });
  if (!decoded.bom) return body;
  return Buffer.concat([iconv().encode('\uFEFF', decoded.encoding, { addBOM: false }), body]);
}

/**
 * Encodes `text` and proves it: the bytes decode back to the very same text.
 * Otherwise returns the first character the encoding cannot hold (GBK has no
 * 𠀀, no emoji), and nothing must be written.
 */
export function encodeExactly(text: string, target: Pick<Decoded, 'encoding' | 'bom'>): { bytes: Buffer } | { lost: string } {
  const bytes = encode(text, target);
  const back = iconv().decode(bytes, target.encoding, { stripBOM: false });
  const expected = (target.bom ? '\uFEFF' : '') + text;
  if (back === expected) return { bytes };
  let i = 0;
  while (i < expected.length && expected.charCodeAt(i) === back.charCodeAt(i)) i++;
  const cp = expected.codePointAt(i);
  return { lost: cp === undefined ? '' : String.fromCodePoint(cp) };
}

function strict(decoder: TextDecoder, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DecodeError('undecodable', 'utf-8', firstNonUtf8Line(bytes));
  }
}

function wide(bytes: Uint8Array, bomLength: 2 | 4, encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): Decoded {
  const body = bytes.subarray(bomLength);
  if (body.length % bomLength) throw new DecodeError('undecodable', encoding);
  const text = iconv().decode(Buffer.from(body), encoding, { stripBOM: false });
  return { text, encoding, bom: true, clean: iconv().encode(text, encoding, { addBOM: false }).equals(Buffer.from(body)) };
}

/** The line of the first byte sequence that is not UTF-8: where a mixed file turns into another encoding. */
function firstNonUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let from = 0;
  while (from <= bytes.length) {
    let nl = bytes.indexOf(0x0a, from);
    if (nl === -1) nl = bytes.length;
    try {
      utf8.decode(bytes.subarray(from, nl));
    } catch {
      return line;
    }
    line++;
    from = nl + 1;
  }
  return 0;
}

/** More than half of the non-ASCII bytes form valid multi-byte UTF-8 sequences. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let high = 0;
  let inSequences = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      high += length;
      inSequences += length;
      i += length - 1;
    } else high++;
  }
  return high > 0 && inSequences * 2 > high;
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
