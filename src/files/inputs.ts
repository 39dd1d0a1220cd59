import * as fs from 'node:fs';
import path from 'node:path';
import { hexDigest } from '../hash.js';

/**
 * What a run reads from disk, noted as it is read: each file's stamp, taken
 * before the read, and each directory listing a walk read. `--cache` keeps
 * them with the run's output, and a later run with the same command line
 * replays that output while every stamp is still the same (cache/replay.ts).
 *
 * Every read of an input goes through the functions here (test/inputs.test.ts
 * checks the imports): an input read past them is a change a replay would miss.
 * With no journal started they only read.
 */

export interface RunInputs {
  /** Absolute path → stamp (see fileStamp). */
  files: [string, string][];
  /** Absolute path → stamp of its listing (see listingStamp). */
  dirs: [string, string][];
}

/**
 * A file whose times are this close to the moment it is noted cannot be
 * trusted: a change within the file system's clock tick may leave them as
 * they are (ext4 and tmpfs tick in milliseconds, FAT in two seconds). Such a
 * run is not recorded; the next one is.
 */
export const RACY_MS = 2000;

class Journal {
  readonly files = new Map<string, string>();
  readonly dirs = new Map<string, string>();
  spoiled: string | undefined;
  /** How many of each were handed on by takeNewInputs. */
  filesTaken = 0;
  dirsTaken = 0;
}

let journal: Journal | undefined;

/** Starts noting this thread's reads (one run at a time). */
export function startJournal(): void {
  journal = new Journal();
}

/** Stops noting; what was read, or why it cannot stand for the run (a racy stamp, a device read …). */
export function stopJournal(): RunInputs | { spoiled: string } {
  const done = journal;
  journal = undefined;
  if (!done) return { spoiled: 'no journal' };
  if (done.spoiled) return { spoiled: done.spoiled };
  return { files: [...done.files], dirs: [...done.dirs] };
}

export function journalActive(): boolean {
  return journal !== undefined;
}

/** The run read something whose stamp cannot stand for its content. */
export function spoilJournal(reason: string): void {
  if (journal && !journal.spoiled) journal.spoiled = reason;
}

/**
 * What was noted since the last call, the journal going on: a pool worker hands
 * this on with each call's outcomes (two calls may run at once in a worker, so
 * its journal spans them all; the main thread merges the parts).
 */
export function takeNewInputs(): RunInputs | { spoiled: string } {
  if (!journal) return { spoiled: 'no journal' };
  if (journal.spoiled) return { spoiled: journal.spoiled };
  const files = [...journal.files].slice(journal.filesTaken);
  const dirs = [...journal.dirs].slice(journal.dirsTaken);
  journal.filesTaken += files.length;
  journal.dirsTaken += dirs.length;
  return { files, dirs };
}

/** Adds what another thread read (a pool worker's journal). */
export function mergeInputs(inputs: RunInputs | { spoiled: string }): void {
  if (!journal) return;
  if ('spoiled' in inputs) return spoilJournal(inputs.spoiled);
  for (const [file, stamp] of inputs.files) if (!journal.files.has(file)) journal.files.set(file, stamp);
  for (const [dir, stamp] of inputs.dirs) if (!journal.dirs.has(dir)) journal.dirs.set(dir, stamp);
}

/** Notes a file about to be read (or probed: an absent file is noted as absent). */
export function noteFile(file: fs.PathLike): void {
  if (!journal) return;
  if (typeof file !== 'string') return spoilJournal('a read by descriptor or URL');
  const abs = path.resolve(file);
  if (journal.files.has(abs)) return;
  const { stamp, racy } = statStamp(abs);
  journal.files.set(abs, stamp);
  if (racy) spoilJournal(`${abs} changed less than ${RACY_MS} ms ago`);
  else if (stamp === 'o') spoilJournal(`${abs} is not a regular file`);
}

/** Notes a directory listing a walk read. */
export function noteListing(dir: fs.PathLike, entries: readonly (fs.Dirent | string)[]): void {
  if (!journal) return;
  if (typeof dir !== 'string') return spoilJournal('a listing by URL');
  const abs = path.resolve(dir);
  if (!journal.dirs.has(abs)) journal.dirs.set(abs, listingStamp(entries));
}

/**
 * What a file is, as far as a replay needs to know: absent (-), a directory
 * (d: its listing is noted apart when walked), another kind (o), unreadable
 * (e:CODE), or a regular file with its device, inode, size and both times in
 * nanoseconds. The change time moves on every write and cannot be set back
 * (`touch -d` sets only the modification time), so an equal stamp is an unchanged file.
 */
export function fileStamp(file: string): string {
  return statStamp(file).stamp;
}

function statStamp(file: string): { stamp: string; racy: boolean } {
  let info: fs.BigIntStats | undefined;
  try {
    info = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    return { stamp: `e:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`, racy: false };
  }
  if (!info) return { stamp: '-', racy: false };
  if (info.isDirectory()) return { stamp: 'd', racy: false };
  if (!info.isFile()) return { stamp: 'o', racy: false };
  const recent = BigInt(Date.now() - RACY_MS) * 1_000_000n;
  return {
    stamp: `f:${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`,
    racy: info.mtimeNs >= recent || info.ctimeNs >= recent,
  };
}

/** A directory's entries, names and kinds, in any order: a hash of the sorted list. */
export function listingStamp(entries: readonly (fs.Dirent | string)[]): string {
  const lines = entries.map((e) => (typeof e === 'string' ? `? ${e}` : `${direntKind(e)} ${e.name}`)).sort();
  return hexDigest('sha1', lines.join('\n'));
}

/** The stamp of a directory's listing now, as noteListing would note it. */
export function currentListing(dir: string): string {
  try {
    return listingStamp(fs.readdirSync(dir, { withFileTypes: true }));
  } catch (error) {
    return `e:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

function direntKind(e: fs.Dirent): string {
  return e.isFile() ? 'f' : e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : 'o';
}

// The reads of inputs: node:fs's own, each noting its path first.

export const statSync = ((file: fs.PathLike, options?: fs.StatSyncOptions) => {
  noteFile(file);
  return fs.statSync(file, options);
}) as typeof fs.statSync;

export const lstatSync = ((file: fs.PathLike, options?: fs.StatSyncOptions) => {
  noteFile(file);
  return fs.lstatSync(file, options);
}) as typeof fs.lstatSync;

export function existsSync(file: fs.PathLike): boolean {
  noteFile(file);
  return fs.existsSync(file);
}

export const readFileSync = ((file: fs.PathOrFileDescriptor, options?: Parameters<typeof fs.readFileSync>[1]) => {
  if (typeof file === 'number') spoilJournal('a read by descriptor');
  else noteFile(file);
  return fs.readFileSync(file, options);
}) as typeof fs.readFileSync;

/** Opens a file to read it (the stamp is taken first). */
export function openForReading(file: string): number {
  noteFile(file);
  return fs.openSync(file, 'r');
}
