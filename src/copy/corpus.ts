import type { RelatedLocation } from '../engine/rule.js';
import { formatFor } from '../engine/lint.js';
import { hexDigest } from '../hash.js';
import { buildReport } from '../model/build.js';
import type { DocumentFormat } from '../types.js';
import { K, kgramHashes, NO_HASH, winnow } from './fingerprint.js';
import { positionIn } from '../model/line-index.js';
import { normalizeReport, offsetFromRuns, SEP, compressOffsets, type NormalizedDoc } from './normalize.js';
import { GrowableU16, GrowableU32, lowerBound, sortIndicesByKey, VarintReader, VarintWriter } from './sort.js';
import { stockMatcher, type StockMatcher } from './stock.js';

/**
 * The reference corpus: the documents a report is compared with by
 * `no-checklist-copy` (the city's checklist, past years' reports). It is built
 * in memory from the files that `references:` and `--reference` name, or
 * loaded from a prebuilt `.rlidx` index (see index-file.ts); both give the same
 * `CorpusPart`, and a corpus is a list of parts.
 *
 * A part holds, for all its documents at once:
 * - `text`: their normalised text, one after another, SEP between documents and paragraphs;
 * - the inverted index: fingerprint hashes sorted ascending (`hashes`) with the
 *   position in `text` of each (`positions`), so a lookup is a binary search;
 * - `maps`: per document, varint-coded line starts and offset runs, to turn a
 *   normalised range back into the source's lines and columns.
 */

/** Where a reference document came from: enough to tell whether it changed since. */
export interface ReferenceSource {
  /** Absolute path (or a name such as `referenceTexts[0]` for text given in options). */
  path: string;
  /** Size in bytes (of the UTF-8 text when it did not come from a file). */
  size: number;
  /** Modification time in ms (0 when it did not come from a file). */
  mtimeMs: number;
  /** SHA-1 of the bytes, hex. */
  sha1: string;
}

export interface CorpusDoc extends ReferenceSource {
  /** Range of the document's units in the part's `text` (the unit before and the last one are SEP). */
  textStart: number;
  textEnd: number;
  /** Byte range of its position map in `maps`. */
  mapStart: number;
  mapEnd: number;
}

interface DocMap {
  lineStarts: Int32Array;
  runs: Int32Array;
}

/** Characters of a reference passage carried with a finding. */
const EXCERPT_LIMIT = 160;

export class CorpusPart {
  /** `textStart` of each document, for finding the document of a position. */
  private readonly docStarts: Uint32Array;
  private readonly decoded = new Map<number, DocMap>();
  private byPath: Map<string, number> | undefined;

  constructor(
    /** k-gram length the fingerprints were made with. */
    readonly k: number,
    /** Winnowing window: runs of `w + k − 1` units are sure to be found. */
    readonly w: number,
    readonly docs: readonly CorpusDoc[],
    readonly text: Uint16Array,
    readonly hashes: Uint32Array,
    readonly positions: Uint32Array,
    readonly maps: Uint8Array,
  ) {
    this.docStarts = Uint32Array.from(docs, (d) => d.textStart);
  }

  /** The document holding global position `pos`. */
  docAt(pos: number): number {
    let lo = 0;
    let hi = this.docStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.docStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the document with this path, or -1. */
  docByPath(path: string): number {
    if (!this.byPath) this.byPath = new Map(this.docs.map((d, i) => [d.path, i]));
    return this.byPath.get(path) ?? -1;
  }

  /** Lines and columns (as in findings) of the global normalised range [start, end) in document `doc`. */
  location(doc: number, start: number, end: number): RelatedLocation {
    const d = this.docs[doc];
    const map = this.map(doc);
    const a = offsetFromRuns(map.runs, start - d.textStart);
    const b = offsetFromRuns(map.runs, end - 1 - d.textStart) + 1;
    const pa = positionIn(map.lineStarts, a);
    const pb = positionIn(map.lineStarts, b);
    // The copied text as the reference has it (normalised: no punctuation), for side-by-side views.
    const excerpt = new TextDecoder('utf-16le').decode(this.text.subarray(start, Math.min(end, start + EXCERPT_LIMIT)));
    return { filePath: d.path, line: pa.line, column: pa.column, endLine: pb.line, endColumn: pb.column, message: excerpt };
  }

  private map(doc: number): DocMap {
    let m = this.decoded.get(doc);
    if (m) return m;
    const d = this.docs[doc];
    const r = new VarintReader(this.maps, d.mapStart);
    const lines = r.uint();
    const lineStarts = new Int32Array(lines);
    for (let i = 1; i < lines; i++) lineStarts[i] = lineStarts[i - 1] + r.uint();
    const count = r.uint();
    const runs = new Int32Array(count * 2);
    let norm = 0;
    let src = 0;
    for (let i = 0; i < count; i++) {
      norm += r.uint();
      src += r.int();
      runs[i * 2] = norm;
      runs[i * 2 + 1] = src;
    }
    m = { lineStarts, runs };
    this.decoded.set(doc, m);
    return m;
  }
}


/** A document to put in a corpus. */
export interface CorpusInput {
  path: string;
  text: string;
  /** Defaults to the path's (`.txt` plain text, anything else Markdown). */
  format?: DocumentFormat;
  size?: number;
  mtimeMs?: number;
  sha1?: string;
}

export interface BuildPartOptions {
  stock: StockMatcher;
  /** Winnowing window; 1 keeps every k-gram (in-memory references: any run of k units is found). */
  w: number;
  k?: number;
}

/** Normalises, fingerprints and indexes documents. No I/O. */
export function buildCorpusPart(inputs: readonly CorpusInput[], options: BuildPartOptions): CorpusPart {
  const k = options.k ?? K;
  const text = new GrowableU16(1 << 16);
  const fpHashes = new GrowableU32(1 << 14);
  const fpPositions = new GrowableU32(1 << 14);
  const maps = new VarintWriter();
  const docs: CorpusDoc[] = [];
  for (const input of inputs) {
    const report = buildReport(input.text, input.format ?? formatFor(input.path));
    const doc = normalizeReport(report);
    const textStart = text.length;
    text.append(doc.units);
    const fp = winnow(kgramHashes(doc.units, options.stock.find(doc.units), k), options.w);
    for (let i = 0; i < fp.hashes.length; i++) {
      fpHashes.push(fp.hashes[i]);
      fpPositions.push(textStart + fp.positions[i]);
    }
    const mapStart = maps.length;
    writeMap(maps, report.source, doc);
    docs.push({
      path: input.path,
      size: input.size ?? Buffer.byteLength(input.text),
      mtimeMs: input.mtimeMs ?? 0,
      sha1: input.sha1 ?? hexDigest('sha1', input.text),
      textStart,
      textEnd: text.length,
      mapStart,
      mapEnd: maps.length,
    });
  }
  if (text.length === 0) text.push(SEP);
  const order = sortIndicesByKey(fpHashes.data, fpHashes.length);
  const hashes = new Uint32Array(order.length);
  const positions = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    hashes[i] = fpHashes.data[order[i]];
    positions[i] = fpPositions.data[order[i]];
  }
  return new CorpusPart(k, options.w, docs, text.toArray(), hashes, positions, maps.toArray());
}

function writeMap(out: VarintWriter, source: string, doc: NormalizedDoc): void {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  out.uint(starts.length);
  for (let i = 1; i < starts.length; i++) out.uint(starts[i] - starts[i - 1]);
  const runs = compressOffsets(doc.offsets);
  out.uint(runs.length / 2);
  let norm = 0;
  let src = 0;
  for (let i = 0; i < runs.length; i += 2) {
    out.uint(runs[i] - norm);
    out.int(runs[i + 1] - src);
    norm = runs[i];
    src = runs[i + 1];
  }
}

/** A run of the report found in a reference document. */
export interface ReferenceMatch {
  /** Normalised range in the report. */
  start: number;
  end: number;
  part: CorpusPart;
  doc: number;
  /** Global normalised range in the part's text. */
  refStart: number;
  refEnd: number;
}

export class ReferenceCorpus {
  constructor(readonly parts: readonly CorpusPart[]) {}

  /** A corpus of documents held in memory, every k-gram indexed (runs of k characters and more are found). */
  static fromDocuments(inputs: readonly CorpusInput[], stock: StockMatcher = stockMatcher()): ReferenceCorpus {
    return new ReferenceCorpus([buildCorpusPart(inputs, { stock, w: 1 })]);
  }

  get documentCount(): number {
    return this.parts.reduce((n, p) => n + p.docs.length, 0);
  }

  /** The documents, in order. */
  get sources(): ReferenceSource[] {
    return this.parts.flatMap((p) => p.docs.map(({ path, size, mtimeMs, sha1 }) => ({ path, size, mtimeMs, sha1 })));
  }

  /**
   * Every maximal run the report shares with a reference document and that
   * holds at least one of its k-grams (so at least k units). `stock`: the
   * report's stock intervals (those k-grams are not looked up). `exclude`: a
   * path whose document is skipped (the report itself).
   */
  findRuns(query: NormalizedDoc, stock: Int32Array, exclude?: string): ReferenceMatch[] {
    const out: ReferenceMatch[] = [];
    const byK = new Map<number, Uint32Array>();
    for (const part of this.parts) {
      let qHashes = byK.get(part.k);
      if (!qHashes) byK.set(part.k, (qHashes = kgramHashes(query.units, stock, part.k)));
      matchPart(part, query.units, qHashes, exclude === undefined ? -1 : part.docByPath(exclude), out);
    }
    return out;
  }

  location(m: ReferenceMatch): RelatedLocation {
    return m.part.location(m.doc, m.refStart, m.refEnd);
  }
}

/**
 * Looks every k-gram of the query up in the part's sorted fingerprints and
 * extends each hit to the maximal run on its diagonal (query position minus
 * reference position); a hit inside a run already found is skipped.
 */
function matchPart(part: CorpusPart, q: Uint16Array, qHashes: Uint32Array, excluded: number, out: ReferenceMatch[]): void {
  const { hashes, positions, text: t } = part;
  if (!hashes.length) return;
  const qn = q.length;
  const tn = t.length;
  const reached = new Map<number, number>(); // diagonal → query end of the last run on it
  for (let i = 0; i < qHashes.length; i++) {
    const h = qHashes[i];
    if (h === NO_HASH) continue;
    for (let j = lowerBound(hashes, h); j < hashes.length && hashes[j] === h; j++) {
      const r = positions[j];
      const diagonal = r - i;
      if ((reached.get(diagonal) ?? -1) > i) continue;
      let a = i;
      let b = r;
      while (a > 0 && b > 0 && q[a - 1] !== SEP && q[a - 1] === t[b - 1]) {
        a--;
        b--;
      }
      let e = i;
      let f = r;
      while (e < qn && f < tn && q[e] !== SEP && q[e] === t[f]) {
        e++;
        f++;
      }
      reached.set(diagonal, Math.max(e, i + 1));
      if (e - i < part.k) continue; // a hash collision, not shared text
      const doc = part.docAt(r);
      if (doc === excluded) continue;
      out.push({ start: a, end: e, part, doc, refStart: b, refEnd: f });
    }
  }
}
