import {
  chmodSync,
  closeSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { CoreMessageId } from '../i18n/messages.js';

/**
 * Every file reportlint writes goes through here: fixed reports, -o and
 * `-f fmt:FILE` outputs, baselines and reference indexes.
 *
 * - A symbolic link is followed: the file it names is written, the link stays.
 * - A regular file (or a path that does not exist yet) is written through a
 *   temporary file in the same directory and a rename: a reader never sees half
 *   a file, a crash leaves the old one. Mode, owner and group are kept.
 * - Anything else (/dev/null, /dev/stdout, a FIFO, process substitution) is
 *   written in place: renaming over it would replace a device with a file.
 * - A temporary file left by a killed run (ours by name, its process gone) is
 *   removed the next time reportlint writes into that directory.
 */

const TEMP_NAME = /^\.(.+)\.reportlint-(\d+)\.tmp$/;

export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.reportlint-${process.pid}.tmp`);
}

/** Follows symbolic links (also dangling ones, to the path they name). Throws UsageError on a loop. */
export function resolveLinks(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats;
    try {
      info = lstatSync(current);
    } catch {
      return current;
    }
    if (!info.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), readlinkSync(current));
  }
  throw new UsageError('writeFailed', { path: file, reason: 'ELOOP' });
}

export interface WriteOptions {
  /** Keep this file's mode, owner and group (the file being replaced). */
  like?: Stats;
  /** Used for messages; defaults to the path written. */
  shownPath?: string;
}

/** Writes `content` to `file` as described above. Throws UsageError with a one-line reason. */
export function writeOutputFile(file: string, content: string | Buffer | readonly Buffer[], options: WriteOptions = {}): void {
  const shown = options.shownPath ?? file;
  const chunks = typeof content === 'string' ? [Buffer.from(content, 'utf8')] : Buffer.isBuffer(content) ? [content] : content;
  // stat follows links as the kernel does: /dev/stdout and /dev/fd/63 name pipes through /proc, not paths.
  let info: Stats | undefined;
  try {
    info = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw failure(shown, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  if (info?.isDirectory()) throw failure(shown, 'EISDIR', 'reasonDirectory');
  // /dev/stdout may be a regular file (`> out.json`, `>> log`): written in place all the same, as the shell opened it.
  if (info && (!info.isFile() || /^\/(?:dev|proc)\//.test(path.resolve(file)))) {
    writeInPlace(file, chunks, shown);
    return;
  }
  // A regular file behind links is replaced where it is; a dangling link is followed to the path it names.
  const target = info ? realpathSync(file) : resolveLinks(file);
  const dir = path.dirname(target);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw failure(shown, 'ENOENT', 'reasonNoDirectory');
  removeStaleTemps(dir);
  writeAtomically(target, chunks, options.like ?? info, shown);
}

/** A report (`-o`, `-f fmt:FILE`): its directory is made on demand (out/report.sarif); a link or a device is written as it is. */
export function writeReportFile(file: string, content: string | Buffer, shown: string): void {
  const dir = path.dirname(resolveLinks(file));
  if (!statSync(file, { throwIfNoEntry: false }) && !statSync(dir, { throwIfNoEntry: false })) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new UsageError('writeFailed', { path: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  writeOutputFile(file, content, { shownPath: shown });
}

/** Temporary file, then rename. */
function writeAtomically(file: string, chunks: readonly Buffer[], like: Stats | undefined, shown: string): void {
  const tmp = tempPathFor(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', like ? like.mode & 0o777 : 0o666);
    writeAll(fd, chunks);
    if (like) {
      // As root the file keeps its owner; otherwise keep at least its group when we may.
      try {
        fchownSync(fd, like.uid, like.gid);
      } catch {
        // not permitted: the file becomes ours, as with any editor
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // chmod after chown: chown clears set-id bits, and the umask narrowed the open.
    if (like) chmodSync(tmp, like.mode & 0o7777);
    renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw failure(shown, code);
  }
}

function writeInPlace(file: string, chunks: readonly Buffer[], shown: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    writeAll(fd, chunks);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw failure(shown, code);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAll(fd: number, chunks: readonly Buffer[]): void {
  for (const chunk of chunks) {
    let off = 0;
    while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
  }
}

const ERRNO_WHY: Record<string, CoreMessageId> = {
  EACCES: 'reasonPermission',
  EPERM: 'reasonPermission',
  EROFS: 'reasonPermission',
  ENOENT: 'reasonNoDirectory',
  EISDIR: 'reasonDirectory',
  ELOOP: 'reasonLoop',
};

function failure(file: string, code: string, why: CoreMessageId | undefined = ERRNO_WHY[code]): UsageError {
  return new UsageError('writeFailed', { path: file, reason: code }, why);
}

const checkedDirs = new Set<string>();

/** Removes `.NAME.reportlint-PID.tmp` files in `dir` whose process is gone (once per directory and run). */
export function removeStaleTemps(dir: string): void {
  if (checkedDirs.has(dir)) return;
  checkedDirs.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    try {
      if (lstatSync(path.join(dir, name)).isFile()) unlinkSync(path.join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
