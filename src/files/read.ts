import { readFile, stat } from 'node:fs/promises';
import type { CoreMessageId } from '../i18n/messages.js';
import { decode, DecodeError } from './decode.js';
import { readDocx } from './docx.js';
import type { LineHints } from '../model/hints.js';

/**
 * Reads one report, whatever it is: text in any encoding reportlint knows, or a
 * Word document. Every way it can fail becomes an outcome with a one-line
 * reason; nothing here throws for a bad file.
 */

export interface ReadStamp {
  mtimeMs: number;
  size: number;
}

export type ReadOutcome =
  | {
      kind: 'text';
      text: string;
      encoding: string;
      bom: boolean;
      /** The text gives back exactly the bytes read (see `Decoded.clean`): only then may --fix write it. */
      clean: boolean;
      /** For .docx: what Word knows of each line; findings point to paragraphs, and there is no --fix. */
      docx?: { hints: LineHints };
      stamp: ReadStamp;
    }
  /** Not linted: a warning (too large) or an error that fails the run with 2 (unreadable). */
  | { kind: 'skipped'; fatal: boolean; messageId: CoreMessageId; data: Record<string, string | number> };

export interface ReadOptions {
  /** --encoding: decode with this instead of detecting. */
  encoding?: string;
  /** --max-file-size in bytes. */
  maxFileSize: number;
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
    const info = await stat(file);
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
    bytes = await readFile(file);
    stamp = { mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { kind: 'skipped', fatal: true, messageId: 'readFailed', data: { path: file, reason: code, why: ERRNO_REASONS[code] ?? '' } };
  }

  if (/\.docx$/i.test(file)) {
    try {
      const docx = await readDocx(bytes);
      return { kind: 'text', text: docx.text, encoding: 'utf-8', bom: false, clean: true, docx: { hints: docx.hints }, stamp };
    } catch {
      return { kind: 'skipped', fatal: true, messageId: 'docxCorrupt', data: { path: file } };
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

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
