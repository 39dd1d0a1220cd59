import { readFileSync, statSync } from './inputs.js';
import path from 'node:path';
import type { CoreMessageId } from '../i18n/messages.js';
import type { LineHints } from '../model/hints.js';
import type { DocumentLayout } from '../layout/types.js';
import { hexDigest } from '../hash.js';
import { CONVERTIBLE, convertToDocx } from './convert.js';
import { decode, DecodeError } from './decode.js';

/**
 * Reads one report, whatever it is: text in any encoding reportlint knows, or a
 * Word document. Every way it can fail becomes an outcome with a one-line
 * reason; nothing here throws for a bad file.
 */

export interface ReadStamp {
  mtimeMs: number;
  size: number;
  /** With `hash`: the SHA-1 of the bytes read (the cache keys what was linted, not what is there later). */
  sha1?: string;
}

export type ReadOutcome =
  | {
      kind: 'text';
      text: string;
      encoding: string;
      bom: boolean;
      /** The text gives back exactly the bytes read (see `Decoded.clean`): only then may --fix write it. */
      clean: boolean;
      /**
       * For .docx (and formats converted to it): what Word knows of each line, its layout for
       * the layout rules, and its bytes for the annotated and formatted copies.
       */
      docx?: { hints: LineHints; layout?: DocumentLayout; bytes?: Buffer };
      /**
       * The file is not text reportlint could write back (Word, a converted
       * .doc/.wps/.odt/.rtf, a PDF): its upper-case extension, for the no-fix note.
       */
      readOnly?: string;
      stamp: ReadStamp;
    }
  /** Not linted: a warning (too large) or an error that fails the run with 2 (unreadable). */
  | { kind: 'skipped'; fatal: boolean; messageId: CoreMessageId; data: Record<string, string | number> };

export interface ReadOptions {
  /** --encoding: decode with this instead of detecting. */
  encoding?: string;
  /** --max-file-size in bytes. */
  maxFileSize: number;
  /** Stamp the bytes read with their SHA-1 (for --cache). */
  hash?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export const ERRNO_REASONS: Record<string, CoreMessageId> = {
  EACCES: 'reasonPermission',
  EPERM: 'reasonPermission',
  ELOOP: 'reasonLoop',
  ENOENT: 'reasonMissing',
  EISDIR: 'reasonDirectory',
};

export async function readReport(file: string, options: ReadOptions): Promise<ReadOutcome> {
  let bytes: Buffer;
  let stamp: ReadStamp;
  try {
    // Synchronous, as ESLint reads: for files in the page cache a promise-based stat and read
    // cost ~0.4 ms of this thread's time a file (thread-pool hops), the synchronous calls ~0.02 ms.
    const info = statSync(file);
    // A FIFO or a device would block or never end: reports are regular files.
    if (!info.isFile()) return { kind: 'skipped', fatal: true, messageId: 'notRegularFile', data: { path: file } };
    if (info.size > options.maxFileSize) {
      return {
        kind: 'skipped',
        fatal: false,
        messageId: 'fileTooLarge',
        data: { size: megabytes(info.size), max: megabytes(options.maxFileSize) },
      };
    }
    bytes = readFileSync(file);
    stamp = { mtimeMs: info.mtimeMs, size: info.size, ...(options.hash ? { sha1: hexDigest('sha1', bytes) } : {}) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { kind: 'skipped', fatal: true, messageId: 'readFailed', data: { path: file, reason: code, why: ERRNO_REASONS[code] ?? '' } };
  }

  return readBytes(bytes, file, options, stamp);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Formats read as bytes, not text: Word, what LibreOffice converts to Word, PDF. */
export function isBinaryFormat(file: string): boolean {
  const ext = extensionOf(file);
  return ext === 'docx' || ext === 'pdf' || CONVERTIBLE.has(ext);
}

function extensionOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

/** Reads a report from bytes already in hand (a file's, or standard input's with --stdin-filename). */
export async function readBytes(bytes: Buffer, file: string, options: Pick<ReadOptions, 'encoding'>, stamp: ReadStamp): Promise<ReadOutcome> {
  const ext = extensionOf(file);
  const label = `.${ext}`;
  if (ext === 'docx') return readWord(bytes, file, stamp, 'DOCX');

  if (CONVERTIBLE.has(ext)) {
    // A .docx saved under an old name (报告.doc) is read as what it is, without LibreOffice.
    if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
      const direct = await readWord(bytes, file, stamp, ext.toUpperCase());
      if (direct.kind === 'text') return direct;
    }
    const converted = await convertToDocx(bytes, ext);
    if (!converted.ok) {
      const messageId: CoreMessageId = converted.reason === 'no-office' ? 'convertNoOffice' : 'convertFailed';
      return { kind: 'skipped', fatal: true, messageId, data: { path: file, ext: label, reason: converted.detail } };
    }
    return readWord(converted.docx, file, stamp, ext.toUpperCase(), true);
  }

  if (ext === 'pdf') {
    const { readPdfText, PdfError } = await import('./pdf.js');
    try {
      const text = await readPdfText(bytes);
      return { kind: 'text', text, encoding: 'utf-8', bom: false, clean: true, readOnly: 'PDF', stamp };
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      if (error.reason === 'no-text') return { kind: 'skipped', fatal: true, messageId: 'pdfNoText', data: { path: file } };
      return { kind: 'skipped', fatal: true, messageId: 'pdfUnreadable', data: { path: file, reason: error.message } };
    }
  }

  return decodeReport(bytes, file, options.encoding, stamp);
}

/** Decodes the bytes of a report (a file's, or standard input's). */
export function decodeReport(bytes: Uint8Array, file: string, encoding: string | undefined, stamp: ReadStamp): ReadOutcome {
  try {
    const decoded = decode(bytes, encoding);
    return { kind: 'text', ...decoded, stamp };
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    if (error.reason === 'binary') return { kind: 'skipped', fatal: true, messageId: 'fileBinary', data: { path: file } };
    const messageId: CoreMessageId = error.line > 0 ? 'fileUndecodableAt' : 'fileUndecodable';
    return { kind: 'skipped', fatal: true, messageId, data: { path: file, guess: error.detail, line: error.line } };
  }
}

async function readWord(bytes: Buffer, file: string, stamp: ReadStamp, readOnly: string, converted = false): Promise<ReadOutcome> {
  const { readDocx } = await import('./docx.js');
  try {
    const docx = await readDocx(bytes, { converted });
    const layout = await import('../layout/read.js').then((m) => m.readLayout(bytes));
    return { kind: 'text', text: docx.text, encoding: 'utf-8', bom: false, clean: true, docx: { hints: docx.hints, layout, bytes }, readOnly, stamp };
  } catch (error) {
    // PackageError, told by name: importing its module here would load the XML parser at start-up.
    const reason = (error as { name?: string; reason?: string }).name === 'PackageError' ? (error as { reason?: string }).reason : undefined;
    if (reason === 'too-large' || reason === 'too-many-entries') {
      return { kind: 'skipped', fatal: true, messageId: 'docxTooLarge', data: { path: file, reason: (error as Error).message } };
    }
    return { kind: 'skipped', fatal: true, messageId: 'docxCorrupt', data: { path: file } };
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
