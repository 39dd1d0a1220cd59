import { closeSync, readSync } from 'node:fs';
import { openForReading, readFileSync, statSync } from '../files/inputs.js';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { hexDigest } from '../hash.js';
import type { CoreMessageId } from '../i18n/messages.js';
import { discoverFiles } from '../files/discover.js';
import { readReport } from '../files/read.js';
import { readCapped } from '../files/read-capped.js';
import { resolveLinks, writeOutputFile } from '../files/safe-write.js';
import { CorpusPart, buildCorpusPart, type CorpusDoc, type CorpusInput } from './corpus.js';
import { K, windowFor } from './fingerprint.js';
import { NORMALIZER_VERSION } from './normalize.js';
import { stockMatcher } from './stock.js';

/**
 * The `.rlidx` reference index: a CorpusPart on disk, built by
 * `reportlint index <patterns...> --output refs.rlidx` and named in
 * `references:` or `--reference` like any reference file.
 *
 * Layout (little-endian; every section starts at a multiple of 4):
 *
 *     0   8 bytes   magic "RLIDX\0\0\0"
 *     8   u32       format version (INDEX_VERSION)
 *    12   u32       header length H in bytes
 *    16   H bytes   header: UTF-8 JSON (IndexHeader)
 *         0–3       zero padding; the data starts here (offset D)
 *    D+…  u32[n]    fingerprint hashes, ascending           (header.sections.hashes)
 *         u32[n]    global text position of each            (header.sections.positions)
 *         u16[t]    normalised text of all documents        (header.sections.text)
 *         u8[m]     varint position maps, one per document  (header.sections.maps)
 *
 * Loading reads the file once and makes typed-array views on it (no copy, no
 * parsing beyond the JSON header), so an index of 10,000 documents loads in a
 * fraction of a second. The header records each source file with its size,
 * mtime and SHA-1 (`checkIndexSources` tells which changed), and the
 * normaliser version: an index made by another version is refused.
 */

export const INDEX_VERSION = 1;
/** 10,000 reports make an index of about 200 MB; a file beyond 2 GB is not one of ours. */
const MAX_INDEX_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const MAGIC = Buffer.from('RLIDX\0\0\0', 'latin1');

/** [path relative to the index's directory, size, mtimeMs, sha1, textStart, textEnd, mapStart, mapEnd] */
type SourceRow = [string, number, number, string, number, number, number, number];

export interface IndexHeader {
  format: 'reportlint-index';
  version: number;
  normalizer: number;
  k: number;
  w: number;
  /** Runs of this many normalised characters are sure to be found (w + k − 1). */
  minChars: number;
  created: string;
  /** Byte offsets from the start of the data, and element counts. */
  sections: {
    hashes: [number, number];
    positions: [number, number];
    text: [number, number];
    maps: [number, number];
  };
  sources: SourceRow[];
}

export interface BuildIndexOptions {
  /** Runs of at least this many normalised characters are sure to be in the index (default 20; at least 8). */
  minChars?: number;
}

export interface BuildIndexResult {
  files: number;
  fingerprints: number;
  bytes: number;
}

/**
 * Builds a reference index from files, directories and globs (relative to
 * `cwd`, as for linting) and writes it to `output` (relative to `cwd`),
 * atomically. Throws UsageError when a pattern names nothing or a file cannot be read.
 */
export async function buildIndexFile(patterns: string[], cwd: string, output: string, options: BuildIndexOptions = {}): Promise<BuildIndexResult> {
  const { files, problems } = await discoverFiles(patterns, cwd);
  if (problems.length) throw new UsageError(problems[0].messageId, { path: problems[0].path, reason: problems[0].reason ?? '' });
  const inputs: CorpusInput[] = [];
  for (const file of files) {
    // Directories are searched for every report format; references are text (Markdown or plain) for now.
    if (!file.explicit && !isTextReference(file.path)) continue;
    inputs.push(await readReference(file.path));
  }
  const minChars = Math.max(K, options.minChars ?? 20);
  const part = buildCorpusPart(inputs, { stock: stockMatcher(), w: windowFor(minChars) });
  const target = path.resolve(cwd, output);
  const bytes = writeIndex(part, target, output);
  return { files: inputs.length, fingerprints: part.hashes.length, bytes };
}

/** What a reference can be besides an index: any report format reportlint reads (text, Word, what LibreOffice converts, PDF). */
export function isTextReference(file: string): boolean {
  return /\.(?:md|markdown|txt|docx|doc|wps|odt|rtf|pdf)$/i.test(file);
}

/** Reads a reference file for a corpus: text (any encoding reportlint reads, or a Word document), size, mtime and SHA-1. Throws UsageError. */
export async function readReference(file: string): Promise<CorpusInput> {
  const read = await readReport(file, { maxFileSize: Number.MAX_SAFE_INTEGER });
  if (read.kind === 'skipped') {
    // One line that names the file: “无法使用参考文件 a.bin：不是文本文件”.
    if (read.messageId === 'readFailed') throw new UsageError('readFailed', { path: file, reason: String(read.data.reason ?? '') }, read.data.why ? (read.data.why as CoreMessageId) : undefined);
    throw new UsageError('referenceUnusable', { ...read.data, path: file, reason: '' }, read.messageId);
  }
  // The hash is of the text: an index notices a changed source whatever its encoding.
  return { path: file, text: read.text, size: read.stamp.size, mtimeMs: read.stamp.mtimeMs, sha1: hexDigest('sha1', read.text) };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Writes a part as an index file; returns its size in bytes. */
export function writeIndex(part: CorpusPart, file: string, shownPath = file): number {
  if (os.endianness() !== 'LE') throw new Error('reference indexes are written on little-endian machines only');
  const dir = path.dirname(resolveLinks(file));
  const hashesBytes = part.hashes.length * 4;
  const textBytes = part.text.length * 2;
  const at = { hashes: 0, positions: hashesBytes, text: 2 * hashesBytes, maps: 2 * hashesBytes + align4(textBytes) };
  const header: IndexHeader = {
    format: 'reportlint-index',
    version: INDEX_VERSION,
    normalizer: NORMALIZER_VERSION,
    k: part.k,
    w: part.w,
    minChars: part.w + part.k - 1,
    created: new Date().toISOString(),
    sections: {
      hashes: [at.hashes, part.hashes.length],
      positions: [at.positions, part.positions.length],
      text: [at.text, part.text.length],
      maps: [at.maps, part.maps.length],
    },
    sources: part.docs.map((d): SourceRow => [
      path.relative(dir, d.path).split(path.sep).join('/'),
      d.size,
      d.mtimeMs,
      d.sha1,
      d.textStart,
      d.textEnd,
      d.mapStart,
      d.mapEnd,
    ]),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(16);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(INDEX_VERSION, 8);
  prefix.writeUInt32LE(json.length, 12);
  const pad = (n: number) => Buffer.alloc(align4(n) - n);
  const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const chunks = [prefix, json, pad(16 + json.length), view(part.hashes), view(part.positions), view(part.text), pad(textBytes), view(part.maps)];

  // Through the common writer: a link is followed, a device written in place, a regular file replaced atomically.
  writeOutputFile(file, chunks, { shownPath });
  return chunks.reduce((n, c) => n + c.length, 0);
}

/** Tells whether a file starts like a reference index. */
export function isIndexFile(file: string): boolean {
  return /\.rlidx$/i.test(file);
}

/** Loads an index file. Throws UsageError when it cannot be read or is not a usable index. */
export function loadIndexFile(file: string): CorpusPart {
  return parseIndex(readCapped(file, MAX_INDEX_BYTES, 'bytes'), file);
}

/** Reads only the header (for listing the sources of an index). */
export function readIndexHeader(file: string): IndexHeader {
  const fd = openForReading(file);
  try {
    const prefix = Buffer.alloc(16);
    readSync(fd, prefix, 0, 16, 0);
    let length = prefix.subarray(0, 8).equals(MAGIC) ? prefix.readUInt32LE(12) : 0;
    // A damaged length must not allocate gigabytes: `header` then says the index is truncated.
    if (16 + length > statSync(file).size) length = 0;
    const buf = Buffer.alloc(16 + length);
    readSync(fd, buf, 0, buf.length, 0);
    return header(buf, file).header;
  } finally {
    closeSync(fd);
  }
}

function fail(file: string, reason: string): never {
  throw new UsageError('badIndex', { path: file, reason });
}

function header(buf: Buffer, file: string): { header: IndexHeader; dataStart: number } {
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) fail(file, 'not a reportlint reference index');
  const version = buf.readUInt32LE(8);
  if (version !== INDEX_VERSION) fail(file, `index format ${version}, this reportlint reads format ${INDEX_VERSION}: rebuild it with \`reportlint index\``);
  const length = buf.readUInt32LE(12);
  if (16 + length > buf.length) fail(file, 'the index is truncated');
  let h: IndexHeader;
  try {
    h = JSON.parse(buf.toString('utf8', 16, 16 + length)) as IndexHeader;
  } catch {
    fail(file, 'the index header is damaged');
  }
  if (!h || typeof h !== 'object' || h.format !== 'reportlint-index') fail(file, 'not a reportlint reference index');
  if (h.normalizer !== NORMALIZER_VERSION || h.k !== K) fail(file, 'the index was built by another version of reportlint: rebuild it with `reportlint index`');
  return { header: h, dataStart: align4(16 + length) };
}

export function parseIndex(buf: Buffer, file: string): CorpusPart {
  if (os.endianness() !== 'LE') fail(file, 'reference indexes can be read on little-endian machines only');
  const { header: h, dataStart } = header(buf, file);
  const damaged = (what: string): never => fail(file, `the index is damaged (${what})`);
  // Every offset, length and count is checked against the buffer before it is used: a crafted index is refused, never followed.
  const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!isCount(h.k) || h.k < 1 || !isCount(h.w) || h.w < 1) damaged('k, w');
  const sections = h.sections as Partial<IndexHeader['sections']> | undefined;
  if (!sections || typeof sections !== 'object') damaged('sections');
  const section = (name: keyof IndexHeader['sections'], size: number): [number, number] => {
    const sec = sections![name];
    if (!Array.isArray(sec) || sec.length !== 2 || !isCount(sec[0]) || !isCount(sec[1]) || sec[0] % size !== 0) damaged(`sections.${name}`);
    if (dataStart + sec![0] + sec![1] * size > buf.length) fail(file, 'the index is truncated');
    return sec as [number, number];
  };
  const s = { hashes: section('hashes', 4), positions: section('positions', 4), text: section('text', 2), maps: section('maps', 1) };
  if (s.hashes[1] !== s.positions[1]) damaged('hashes and positions differ in number');
  const typed = <T>(make: (ab: ArrayBufferLike, offset: number, length: number) => T, [offset, count]: [number, number], size: number, copy: (b: Buffer) => T): T => {
    const abs = buf.byteOffset + dataStart + offset;
    if (abs % size === 0) return make(buf.buffer, abs, count);
    return copy(buf.subarray(dataStart + offset, dataStart + offset + count * size));
  };
  const u32 = (sec: [number, number]) =>
    typed((ab, o, n) => new Uint32Array(ab, o, n), sec, 4, (b) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)));
  const hashes = u32(s.hashes);
  const positions = u32(s.positions);
  const text = typed((ab, o, n) => new Uint16Array(ab, o, n), s.text, 2, (b) => new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)));
  const maps = new Uint8Array(buf.buffer, buf.byteOffset + dataStart + s.maps[0], s.maps[1]);
  for (let i = 0; i < hashes.length; i++) {
    if (i > 0 && hashes[i] < hashes[i - 1]) damaged('fingerprints out of order');
    if (positions[i] >= text.length) damaged('a fingerprint outside the text');
  }
  if (!Array.isArray(h.sources)) damaged('sources');
  const dir = path.dirname(path.resolve(file));
  let lastText = 0;
  const docs: CorpusDoc[] = h.sources.map((row): CorpusDoc => {
    if (!Array.isArray(row) || row.length !== 8) damaged('a source row');
    const [rel, size, mtimeMs, sha1, textStart, textEnd, mapStart, mapEnd] = row;
    if (typeof rel !== 'string' || typeof sha1 !== 'string' || !Number.isFinite(size) || !Number.isFinite(mtimeMs)) damaged('a source row');
    if (!isCount(textStart) || !isCount(textEnd) || textStart < lastText || textEnd < textStart || textEnd > text.length) damaged(`text range of ${rel}`);
    if (!isCount(mapStart) || !isCount(mapEnd) || mapEnd < mapStart || mapEnd > maps.length) damaged(`map range of ${rel}`);
    if (!mapFits(maps, mapStart, mapEnd)) damaged(`map of ${rel}`);
    lastText = textStart;
    return { path: path.resolve(dir, rel), size, mtimeMs, sha1, textStart, textEnd, mapStart, mapEnd };
  });
  return new CorpusPart(h.k, h.w, docs, text, hashes, positions, maps);
}

/**
 * Walks a document's position map (see `writeMap` in corpus.ts) without decoding it: every
 * varint must end inside [start, end), and the counts it announces must fit in the bytes left.
 */
function mapFits(maps: Uint8Array, start: number, end: number): boolean {
  let pos = start;
  const uint = (): number => {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (pos >= end) return -1;
      const b = maps[pos++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
    return -1;
  };
  const skip = (n: number): boolean => {
    for (let i = 0; i < n; i++) if (uint() < 0) return false;
    return true;
  };
  const lines = uint();
  if (lines < 1 || lines - 1 > end - pos || !skip(lines - 1)) return false;
  const runs = uint();
  if (runs < 0 || runs * 2 > end - pos || !skip(runs * 2)) return false;
  return true;
}

/** The sources of an index that changed since it was built (size or content) or are gone. */
export function checkIndexSources(part: CorpusPart): { changed: string[]; missing: string[] } {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const d of part.docs) {
    const info = statSync(d.path, { throwIfNoEntry: false });
    if (!info) missing.push(d.path);
    else if (info.size !== d.size) changed.push(d.path);
    else if (info.mtimeMs !== d.mtimeMs && hexDigest('sha1', readFileSync(d.path)) !== d.sha1) changed.push(d.path);
  }
  return { changed, missing };
}
