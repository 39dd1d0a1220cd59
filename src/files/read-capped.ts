import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { statSync } from './inputs.js';
import { UsageError } from '../errors.js';
import { ERRNO_REASONS } from './read.js';
import { decode, DecodeError } from './decode.js';

/**
 * Reads a file reportlint needs besides the reports (a baseline, a config, a
 * reference index): regular files only, never more than `maxBytes` (a FIFO
 * would block, /dev/zero would never end). `text` decodes as reports are
 * decoded (a BOM, UTF-16 …) and refuses what is not text. Throws UsageError.
 */
export function readCapped(file: string, maxBytes: number, as: 'text'): string;
export function readCapped(file: string, maxBytes: number, as: 'bytes'): Buffer;
export function readCapped(file: string, maxBytes: number, as: 'text' | 'bytes'): string | Buffer {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // stat before open: opening a FIFO for reading blocks until someone writes.
    const info = statSync(file);
    if (!info.isFile()) throw new UsageError('readFailed', { path: file, reason: '' }, 'reasonNotRegular');
    if (info.size > maxBytes) throw tooLarge(file, maxBytes);
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    bytes = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let n = 0;
    while (n < bytes.length) {
      const k = readSync(fd, bytes, n, bytes.length - n, null);
      if (k === 0) break;
      n += k;
    }
    if (n > maxBytes) throw tooLarge(file, maxBytes);
    bytes = bytes.subarray(0, n);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError('readFailed', { path: file, reason: code }, ERRNO_REASONS[code]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (as === 'bytes') return bytes;
  try {
    return decode(bytes).text;
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new UsageError('readFailed', { path: file, reason: '' }, error.reason === 'binary' ? 'fileBinary' : 'fileUndecodable');
  }
}

function tooLarge(file: string, maxBytes: number): UsageError {
  return new UsageError('fileTooLargeNamed', { path: file, max: (maxBytes / 1024 / 1024).toFixed(0) });
}
