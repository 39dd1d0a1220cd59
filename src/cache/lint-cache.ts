import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LintMessage, LintResult, RuleRegistry } from '../engine/lint.js';
import { existsSync as existsInput, RACY_MS, readFileSync as readInput, statSync } from '../files/inputs.js';
import { writeOutputFile } from '../files/safe-write.js';
import type { BatchPayload, FileOutcome } from '../lint-file.js';
import { packageRoot } from '../package-root.js';
import { VERSION } from '../version.js';
import { headOf, readAt, readRecord, readSections, sha1, type RecordSlot, type Region } from './layout.js';

export { cacheFile, DEFAULT_CACHE_FILE } from './layout.js';

/**
 * `--cache`, as ESLint users know it. A file's outcome (and what batch rules
 * collected from it, so that cross-copy stays right on a warm run) is reused
 * while its content, its effective config, the rule set, the built-in
 * dictionaries, reportlint's version and the reference documents are unchanged.
 *
 * The outcomes are in two sections (layout.ts), in Node's structured
 * serialisation (fingerprints stay compact typed arrays), each checked by SHA-1:
 * - the light one (keys, findings, counts), read and checked whole on opening;
 * - the heavy one (each file's text and what batch rules collected from it,
 *   nearly all the bytes), whose pieces each carry their own SHA-1 and are read
 *   only when the run needs them: a warm run whose batch did not change, with a
 *   format that shows no text, never reads it.
 * Before them come the recorded runs (replay.ts): this cache carries them over
 * from file to file, and never reads them itself.
 * Damage is never trusted: in the light section it is found on opening, in a
 * heavy piece when the piece is read (see verify); either way it is said, the
 * file is linted again and the cache rebuilt. The cache is written atomically.
 */

export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

/** Recorded runs kept: the last few command lines (a CI job and a writer's editor each have theirs). */
const MAX_RUNS = 4;
/** Older records are dropped past this many bytes in all: every run that misses reads the cache file. */
const MAX_RUNS_BYTES = 32 * 1024 * 1024;

/** A piece of the heavy section: where it sits (from the section's start) and its SHA-1. */
interface Slice {
  offset: number;
  length: number;
  sha1: string;
}

/** A heavy piece: in the cache file read (a slice), or made by this run (bytes to write). */
type Heavy = Slice | Uint8Array;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes. */
  hash: string;
  /**
   * The file was changed within RACY_MS of being read: a change in the same clock tick
   * could leave its size and time as they were, so the metadata strategy checks its hash.
   */
  racy?: boolean;
  /** The config, rules and references the outcome was made under (see configKey). */
  configKey: string;
  /** The outcome without the text and without what batch rules collected: those are heavy. */
  outcome: Omit<FileOutcome, 'batch' | 'result'> & { result: Omit<LintResult, 'source'> };
  /** The text that was linted, as UTF-16 code units (exact for any string). */
  source: Heavy;
  /** The batch payload (fingerprints, normalised text), serialised. */
  batch?: Heavy;
}

/** An entry as the file holds it: its heavy pieces are slices. */
type StoredEntry = CacheEntry & { source: Slice; batch?: Slice };

interface CacheData {
  /** reportlint's and Node's versions, the rule set, the built-in dictionaries: any change empties the cache. */
  key: string;
  entries: Record<string, StoredEntry>;
  /** The batch rules' findings of the last run, and the identity of the batch they came from (see batchKey). */
  batch?: { key: string; findings: [string, LintMessage[]][] };
}

/** The cache file opened: kept open, so that a cache another run writes meanwhile cannot mix in. */
interface OpenedFile {
  fd: number;
  light: Region & { sha1: string };
  heavy: Region;
  records: Region;
  runs: RecordSlot[];
}

/** What lookup learnt of a file: a hit, or what to store with the fresh outcome. */
export interface CacheProbe {
  filePath: string;
  configKey: string;
  size: number;
  mtimeMs: number;
  hash: string;
  hit?: FileOutcome;
}

/** A heavy piece that does not match its SHA-1 (or lies outside the file). */
class CacheDamagedError extends Error {
  constructor(readonly file: string) {
    super(`reportlint: the cache file ${file} is damaged`);
  }
}

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) to hold `.reportlintcache`. */

/** What invalidates every entry at once: reportlint's version, Node's (the serialisation), the rules and the built-in dictionaries. */
function globalKey(registry: RuleRegistry): string {
  const root = packageRoot();
  const data = ['canonical-terms.yaml', 'typos.yaml'].map((name) => {
    const file = root ? path.join(root, 'rules', 'data', name) : '';
    return file && existsInput(file) ? sha1(readInput(file)) : '-';
  });
  return sha1([VERSION, process.version, [...registry.keys()].join(','), ...data].join('\n'));
}

export class LintCache {
  private readonly previous: Record<string, CacheEntry>;
  private readonly next: Record<string, CacheEntry> = {};
  private readonly key: string;
  private batch: CacheData['batch'];
  /** Nothing new to write: every file was a hit and the batch findings were reused. */
  private unchanged: boolean;
  /** A heavy piece was found damaged during the run (the caller says so, as for a damaged file). */
  private damagedPieces = false;
  private readonly referenceKeys = new WeakMap<ReadonlySet<string>, string>();
  private readonly configKeys = new WeakMap<object, WeakMap<object, Map<string, string>>>();
  /** This run's record (replay.ts), to be kept under its key in front of the others. */
  private run: { key: string; bytes: Buffer } | undefined;
  /** Damage was found before the run began (the file, or this run's record): the run said so. */
  private damagedBefore = false;

  private constructor(
    readonly file: string,
    readonly strategy: CacheStrategy,
    registry: RuleRegistry,
    previous: CacheData | undefined,
    private opened: OpenedFile | undefined,
  ) {
    this.key = globalKey(registry);
    const valid = previous?.key === this.key;
    this.previous = valid ? previous.entries : {};
    this.batch = valid ? previous.batch : undefined;
    this.unchanged = valid;
    if (!valid) this.close();
  }

  /** Opens the cache file; `damaged` is true when one was there but could not be trusted (it is then rebuilt). */
  static open(file: string, strategy: CacheStrategy, registry: RuleRegistry): { cache: LintCache; damaged: boolean } {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return { cache: new LintCache(file, strategy, registry, undefined, undefined), damaged: false };
    }
    const opened = readOpened(fd);
    if (!opened.data) closeSync(fd);
    const cache = new LintCache(file, strategy, registry, opened.data, opened.data && opened.sections ? { fd, ...opened.sections } : undefined);
    cache.damagedBefore = opened.damaged;
    return { cache, damaged: opened.damaged };
  }

  /** True when the cache was found damaged before the run began (see also foundDamage). */
  get openedDamaged(): boolean {
    return this.damagedBefore;
  }

  /** The record of a run (replay.ts) turned out damaged: it is dropped, and counts as damage found on opening. */
  dropDamagedRun(key: string): void {
    this.damagedBefore = true;
    this.recordRun(key, undefined);
  }

  /**
   * Keeps a record of this run under its key (replay.ts), in place of the one
   * there; `undefined` forgets the one there (it was found damaged, or is outdated).
   */
  recordRun(key: string, bytes: Buffer | undefined): void {
    const old = this.opened?.runs.find((r) => r.key === key);
    if (bytes ? old?.sha1 === sha1(bytes) : !old) return;
    this.run = { key, bytes: bytes ?? Buffer.alloc(0) };
  }

  /** True when a heavy piece turned out damaged during the run: the files concerned were linted again. */
  get foundDamage(): boolean {
    return this.damagedPieces;
  }

  /** Looks the file up; reads it only with the content strategy. Never throws: a file that cannot be looked at is a miss. */
  async lookup(filePath: string, configKey: string): Promise<CacheProbe> {
    const probe: CacheProbe = { filePath, configKey, size: -1, mtimeMs: -1, hash: '' };
    try {
      // Synchronous, as files are read (src/files/read.ts): a promise per file cost more than the stat.
      const info = statSync(filePath);
      probe.size = info.size;
      probe.mtimeMs = info.mtimeMs;
      const entry = this.previous[filePath];
      if (this.strategy === 'content') probe.hash = sha1(await readFile(filePath));
      if (!entry || entry.configKey !== configKey || entry.size !== info.size) return probe;
      if (this.strategy === 'content' ? entry.hash !== probe.hash : entry.mtimeMs !== info.mtimeMs) return probe;
      // A racy entry's size and time prove nothing: its content must match (as git does for racily clean files).
      if (this.strategy === 'metadata' && entry.racy && entry.hash !== sha1(await readFile(filePath))) return probe;
      probe.hash = entry.hash;
      probe.hit = new CachedOutcome(this, entry);
      // Checked, and old enough now that a later change will move its time: trusted from the next
      // write of the cache on (not a reason on its own to rewrite a cache the run did not change).
      const racy = entry.racy && isRacy(info.mtimeMs);
      this.next[filePath] = this.strategy === 'content' || entry.racy !== racy ? { ...entry, mtimeMs: info.mtimeMs, racy } : entry;
      if (entry.mtimeMs !== info.mtimeMs) this.unchanged = false;
      return probe;
    } catch {
      return probe;
    }
  }

  /** Keeps a fresh outcome. Files that could not be read or were skipped are not kept: they are tried again. */
  async store(probe: CacheProbe, outcome: FileOutcome): Promise<void> {
    if (!outcome.stamp || probe.size < 0) return;
    // The stamp is what the lint read: a file changed between the probe and the read is not cached.
    if (outcome.stamp.size !== probe.size || outcome.stamp.mtimeMs !== probe.mtimeMs) return;
    if (probe.hash && outcome.stamp.sha1 && probe.hash !== outcome.stamp.sha1) return;
    // The hash of the bytes linted (read.ts), not of what the file holds by now.
    const hash = outcome.stamp.sha1 ?? (probe.hash || sha1(await readFile(probe.filePath).catch(() => Buffer.alloc(0))));
    this.unchanged = false;
    const { original: _original, formatted: _formatted, ...stamp } = outcome.stamp;
    const { batch, result, ...rest } = outcome;
    const { source, ...light } = result;
    this.next[probe.filePath] = {
      size: probe.size,
      mtimeMs: probe.mtimeMs,
      hash,
      ...(isRacy(probe.mtimeMs) ? { racy: true } : {}),
      configKey: probe.configKey,
      outcome: { ...rest, result: light, stamp },
      source: Buffer.from(source, 'utf16le'),
      ...(batch ? { batch: serialize(batch) } : {}),
    };
  }

  /** True for an outcome this cache answered with. */
  isHit(outcome: FileOutcome | undefined): boolean {
    return outcome instanceof CachedOutcome && outcome.cache === this;
  }

  /**
   * Reads and checks the heavy pieces of these hits that the run will use: the
   * text when `source` says so (or the hit is a Word document, whose findings
   * quote it), and the text and batch payload when `batch` is true. Returns the
   * hits whose pieces are damaged; they are forgotten, and must be linted again.
   */
  verify(hits: readonly FileOutcome[], need: { source: boolean; batch: boolean }): Set<FileOutcome> {
    const damaged = new Set<FileOutcome>();
    for (const hit of hits) {
      if (!(hit instanceof CachedOutcome)) continue;
      try {
        if (need.source || need.batch || hit.hints) void hit.result.source;
        if (need.batch) void hit.batch;
      } catch (error) {
        if (!(error instanceof CacheDamagedError)) throw error;
        damaged.add(hit);
        this.forget(hit.result.filePath);
      }
    }
    return damaged;
  }

  /**
   * The identity of a batch: each file's path, content and config key, in
   * order, and the batch's own settings. The same key means the batch rules
   * would find exactly what they found last time.
   */
  batchKey(filePaths: readonly string[], batchSettings: unknown): string {
    const parts: string[] = [typeof batchSettings === 'object' && batchSettings !== null ? stableJson(batchSettings) : JSON.stringify(batchSettings)];
    for (const filePath of filePaths) {
      const entry = this.next[filePath];
      // A file without an entry (unreadable, skipped) gave the batch nothing: only its name counts.
      parts.push(entry ? `${filePath}\0${entry.hash}\0${entry.size}\0${entry.configKey}` : `${filePath}\0-`);
    }
    return sha1(parts.join('\n'));
  }

  /** The batch findings stored under this key, when the last run had the same batch. */
  batchFindings(key: string): Map<string, LintMessage[]> | undefined {
    return this.batch?.key === key ? new Map(this.batch.findings) : undefined;
  }

  storeBatchFindings(key: string, findings: ReadonlyMap<string, LintMessage[]>): void {
    this.unchanged = false;
    this.batch = { key, findings: [...findings] };
  }

  /**
   * The key of everything besides the file that decides its outcome: rules with
   * their options, settings (profiles, the user's terms and typos, layout),
   * locale, encoding, size limit, and the reference documents (see referencesKey).
   * Computed once per combination: the files of a directory share their config objects.
   */
  configKey(parts: { rules: object; settings: object; locale: string; encoding?: string; maxFileSize: number; references: string }): string {
    const rest = [parts.locale, parts.encoding ?? '', parts.maxFileSize, parts.references].join('\0');
    let bySettings = this.configKeys.get(parts.rules);
    if (!bySettings) this.configKeys.set(parts.rules, (bySettings = new WeakMap()));
    let byRest = bySettings.get(parts.settings);
    if (!byRest) bySettings.set(parts.settings, (byRest = new Map()));
    let key = byRest.get(rest);
    if (key === undefined) byRest.set(rest, (key = sha1([stableJson(parts.rules), stableJson(parts.settings), rest].join('\0'))));
    return key;
  }

  /** The identity of a set of reference files, computed once per set: path, size and modification time (and a content hash with the content strategy). */
  referencesKey(files: ReadonlySet<string> | undefined): string {
    if (!files?.size) return '';
    let key = this.referenceKeys.get(files);
    if (key === undefined) {
      const parts: string[] = [];
      for (const f of [...files].sort()) {
        const info = statSync(f, { throwIfNoEntry: false });
        const content = this.strategy === 'content' && info ? sha1(readInput(f)) : '';
        parts.push(`${f}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\0${content}`);
      }
      this.referenceKeys.set(files, (key = sha1(parts.join('\n'))));
    }
    return key;
  }

  /**
   * Writes the cache atomically: this run's entries, and earlier ones of files this run did
   * not see. An earlier entry whose heavy pieces turn out damaged is left out (linted next time).
   * When only the recorded runs changed, the outcomes are copied as they are: each heavy
   * piece keeps its own SHA-1, and is checked when a run reads it.
   */
  save(): void {
    if (this.unchanged && !this.run && existsSync(this.file)) return;
    const runs = this.runsToKeep();
    const index: RecordSlot[] = [];
    let recordsLength = 0;
    for (const run of runs) {
      index.push({ key: run.key, offset: recordsLength, length: run.bytes.length, sha1: sha1(run.bytes) });
      recordsLength += run.bytes.length;
    }
    const opened = this.opened;
    const outcomes = this.unchanged && opened ? readAt(opened.fd, opened.light.length + opened.heavy.length, opened.light.start) : undefined;
    if (opened && outcomes) {
      writeOutputFile(this.file, [
        ...headOf(index, recordsLength, { length: opened.light.length, sha1: opened.light.sha1 }, opened.heavy.length),
        ...runs.map((r) => r.bytes),
        outcomes,
      ]);
      return;
    }
    const heavy: Uint8Array[] = [];
    let offset = 0;
    const place = (piece: Heavy): Slice => {
      const bytes = this.bytesOf(piece);
      const slice = { offset, length: bytes.length, sha1: isSlice(piece) ? piece.sha1 : sha1(bytes) };
      heavy.push(bytes);
      offset += bytes.length;
      return slice;
    };
    const entries: Record<string, StoredEntry> = {};
    for (const [filePath, entry] of Object.entries({ ...this.previous, ...this.next })) {
      try {
        const { source, batch, ...rest } = entry;
        entries[filePath] = { ...rest, source: place(source), ...(batch ? { batch: place(batch) } : {}) };
      } catch (error) {
        if (!(error instanceof CacheDamagedError)) throw error;
      }
    }
    const light = serialize({ key: this.key, entries, batch: this.batch } satisfies CacheData);
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeOutputFile(this.file, [
      ...headOf(index, recordsLength, { length: light.length, sha1: sha1(light) }, offset),
      ...runs.map((r) => r.bytes),
      light,
      ...heavy.map((b) => Buffer.from(b.buffer, b.byteOffset, b.length)),
    ]);
  }

  /** This run's record first, then the others read back (a damaged one is dropped), within MAX_RUNS and MAX_RUNS_BYTES. */
  private runsToKeep(): { key: string; bytes: Buffer }[] {
    const runs = this.run?.bytes.length ? [this.run] : [];
    let total = runs[0]?.bytes.length ?? 0;
    for (const slot of this.opened?.runs ?? []) {
      if (runs.length >= MAX_RUNS || slot.key === this.run?.key || total + slot.length > MAX_RUNS_BYTES) continue;
      const bytes = readRecord(this.opened!.fd, this.opened!.records, slot);
      if (!bytes) continue;
      runs.push({ key: slot.key, bytes });
      total += bytes.length;
    }
    return runs;
  }

  /** Lets go of the cache file opened. A cached result's text not read by then cannot be read. */
  close(): void {
    if (!this.opened) return;
    closeSync(this.opened.fd);
    this.opened = undefined;
  }

  /** The bytes of a heavy piece; a slice is read from the file and checked against its SHA-1. */
  bytesOf(piece: Heavy): Uint8Array {
    if (!isSlice(piece)) return piece;
    const section = this.opened?.heavy;
    // Only a cache opened from a file holds slices, and it keeps the file open until close().
    if (!section) throw new Error(`reportlint: the cache ${this.file} was closed before all it holds was read`);
    if (piece.offset + piece.length > section.length) throw new CacheDamagedError(this.file);
    let bytes: Buffer | undefined;
    try {
      bytes = readAt(this.opened!.fd, piece.length, section.start + piece.offset);
    } catch {
      // An error reading the file open (EIO) is damage too: the piece cannot be trusted.
    }
    if (!bytes || sha1(bytes) !== piece.sha1) throw new CacheDamagedError(this.file);
    return bytes;
  }

  private forget(filePath: string): void {
    delete this.previous[filePath];
    delete this.next[filePath];
    this.unchanged = false;
    this.damagedPieces = true;
  }
}

/** Changed too recently for its time to prove that it did not change again (see CacheEntry.racy). */
function isRacy(mtimeMs: number): boolean {
  return Date.now() - mtimeMs < RACY_MS;
}

function isSlice(piece: Heavy): piece is Slice {
  return !(piece instanceof Uint8Array);
}

/**
 * A cached outcome whose heavy pieces are read on first use. Its result's
 * `source` is an enumerable accessor, so that copying the result (spread)
 * still gives the text; a class, so that a thousand hits stay cheap.
 */
class CachedOutcome implements FileOutcome {
  readonly result: LintResult;
  readonly stamp: FileOutcome['stamp'];
  readonly hints: FileOutcome['hints'];
  private text: string | undefined;
  private payload: BatchPayload | undefined;

  constructor(
    readonly cache: LintCache,
    private readonly entry: CacheEntry,
  ) {
    ({ stamp: this.stamp, hints: this.hints } = entry.outcome);
    const result = { ...entry.outcome.result } as LintResult;
    Object.defineProperty(result, 'source', { get: () => this.source, enumerable: true, configurable: true });
    this.result = result;
  }

  private get source(): string {
    if (this.text === undefined) {
      const bytes = this.cache.bytesOf(this.entry.source);
      this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf16le');
    }
    return this.text;
  }

  get batch(): BatchPayload | undefined {
    if (this.entry.batch && !this.payload) this.payload = deserialize(this.cache.bytesOf(this.entry.batch)) as BatchPayload;
    return this.payload;
  }
}

/** Reads the head and the light section of an opened cache file. */
function readOpened(fd: number): { data?: CacheData; sections?: Omit<OpenedFile, 'fd'>; damaged: boolean } {
  const sections = readSections(fd);
  // A cache in an earlier layout is outdated, not damaged: it is rebuilt without a warning.
  if (sections === 'outdated') return { damaged: false };
  if (sections === 'damaged') return { damaged: true };
  try {
    const light = readAt(fd, sections.light.length, sections.light.start);
    if (!light || sha1(light) !== sections.light.sha1) return { damaged: true };
    const data = deserialize(light) as CacheData;
    if (!data || typeof data.key !== 'string' || !data.entries || typeof data.entries !== 'object') return { damaged: true };
    return { data, sections: { light: sections.light, heavy: sections.heavy, records: sections.records, runs: sections.index }, damaged: false };
  } catch {
    return { damaged: true };
  }
}

const keyOfObject = new WeakMap<object, string>();

/** JSON of a config part, computed once per object (files of one directory share their config). */
function stableJson(value: object): string {
  let json = keyOfObject.get(value);
  if (json === undefined) keyOfObject.set(value, (json = JSON.stringify(value)));
  return json;
}
