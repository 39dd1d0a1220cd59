import { existsSync, fstatSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { hexDigest } from '../hash.js';

/**
 * The cache file's layout, shared by the cache (lint-cache.ts) and the replay of
 * whole runs (replay.ts), which reads only the head of the file:
 *
 *     reportlint-cache 4
 *     <index length> <index SHA-1> <records length> <light length> <light SHA-1> <heavy length>
 *     index | records | light | heavy
 *
 * - index: JSON, the recorded runs: each one's key, place in the records and SHA-1;
 * - records: the recorded runs (replay.ts), JSON each;
 * - light and heavy: the files' outcomes (lint-cache.ts).
 * The lengths say exactly how long the file is: one cut short or grown is damaged.
 */

export const DEFAULT_CACHE_FILE = '.reportlintcache';

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) to hold `.reportlintcache`. */
export function cacheFile(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const file = path.resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(file) && statSync(file).isDirectory());
  return isDir ? path.join(file, DEFAULT_CACHE_FILE) : file;
}

/** The first line; its number changes with the layout of what follows. */
const MAGIC = Buffer.from('reportlint-cache 4\n');
const FAMILY = Buffer.from('reportlint-cache ');
const HEADER = /^(\d{1,15}) ([0-9a-f]{40}) (\d{1,15}) (\d{1,15}) ([0-9a-f]{40}) (\d{1,15})\n/;

export const sha1 = (data: string | Uint8Array) => hexDigest('sha1', data);

/** A part of the file: where it starts (from the file's start) and how long it is. */
export interface Region {
  start: number;
  length: number;
}

/** A recorded run in the index: its key, where it sits in the records section and its SHA-1. */
export interface RecordSlot {
  key: string;
  offset: number;
  length: number;
  sha1: string;
}

export interface Sections {
  index: RecordSlot[];
  records: Region;
  light: Region & { sha1: string };
  heavy: Region;
}

/** The sections of an opened cache file: `outdated` for an earlier layout (rebuilt without a word), `damaged` for anything else wrong. */
export function readSections(fd: number): Sections | 'outdated' | 'damaged' {
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, MAGIC.length + 160));
    readSync(fd, head, 0, head.length, 0);
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) return head.subarray(0, FAMILY.length).equals(FAMILY) ? 'outdated' : 'damaged';
    const header = HEADER.exec(head.subarray(MAGIC.length).toString('latin1'));
    if (!header) return 'damaged';
    const [indexLength, recordsLength, lightLength, heavyLength] = [1, 3, 4, 6].map((i) => Number(header[i]));
    const indexStart = MAGIC.length + header[0].length;
    if (indexStart + indexLength + recordsLength + lightLength + heavyLength !== size) return 'damaged';
    const indexBytes = readAt(fd, indexLength, indexStart);
    if (!indexBytes || sha1(indexBytes) !== header[2]) return 'damaged';
    const index = parseIndex(indexBytes.toString('utf8'), recordsLength);
    if (!index) return 'damaged';
    const recordsStart = indexStart + indexLength;
    const lightStart = recordsStart + recordsLength;
    return {
      index,
      records: { start: recordsStart, length: recordsLength },
      light: { start: lightStart, length: lightLength, sha1: header[5] },
      heavy: { start: lightStart + lightLength, length: heavyLength },
    };
  } catch {
    return 'damaged';
  }
}

/** The first lines and the index, for sections of these lengths. */
export function headOf(index: RecordSlot[], recordsLength: number, light: { length: number; sha1: string }, heavyLength: number): Buffer[] {
  const indexBytes = Buffer.from(JSON.stringify(index));
  const header = Buffer.from(`${indexBytes.length} ${sha1(indexBytes)} ${recordsLength} ${light.length} ${light.sha1} ${heavyLength}\n`);
  return [MAGIC, header, indexBytes];
}

/** `length` bytes from `position`, or undefined when the file ends before. */
export function readAt(fd: number, length: number, position: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, position + read);
    if (n === 0) return undefined;
    read += n;
  }
  return bytes;
}

/** A recorded run's bytes, checked against their SHA-1; undefined when damaged. */
export function readRecord(fd: number, records: Region, slot: RecordSlot): Buffer | undefined {
  try {
    const bytes = readAt(fd, slot.length, records.start + slot.offset);
    return bytes && sha1(bytes) === slot.sha1 ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function parseIndex(text: string, recordsLength: number): RecordSlot[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const ok = value.every(
    (s: RecordSlot) =>
      s !== null &&
      typeof s === 'object' &&
      typeof s.key === 'string' &&
      typeof s.sha1 === 'string' &&
      Number.isSafeInteger(s.offset) &&
      Number.isSafeInteger(s.length) &&
      s.offset >= 0 &&
      s.length >= 0 &&
      s.offset + s.length <= recordsLength,
  );
  return ok ? (value as RecordSlot[]) : undefined;
}
