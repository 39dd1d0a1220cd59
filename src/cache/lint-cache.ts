import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LintMessage, LintResult, RuleRegistry } from '../engine/lint.js';
import { writeOutputFile } from '../files/safe-write.js';
import type { BatchPayload, FileOutcome } from '../lint-file.js';
import { packageRoot } from '../package-root.js';
import { VERSION } from '../version.js';

/**
 * `--cache`, as ESLint users know it. A file's outcome (and what batch rules
 * collected from it, so that cross-copy stays right on a warm run) is reused
 * while its content, its effective config, the rule set, the built-in
 * dictionaries, reportlint's version and the reference documents are unchanged.
 *
 * The file is Node's structured serialisation (fingerprints stay compact typed
 * arrays) behind a magic line and a SHA-1 of the payload: a damaged or foreign
 * file is ignored with a warning, never trusted. It is written atomically.
 */

export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];
export const DEFAULT_CACHE_FILE = '.reportlintcache';

/** The first line; its number changes with the layout of what follows. */
const MAGIC = Buffer.from('reportlint-cache 2\n');
const FAMILY = Buffer.from('reportlint-cache ');
const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes. */
  hash: string;
  /** The config, rules and references the outcome was made under (see configKey). */
  configKey: string;
  /** The outcome without what batch rules collected, which is kept serialised in `batch`. */
  outcome: Omit<FileOutcome, 'batch'>;
  /**
   * The batch payload (fingerprints, normalised text), serialised on its own: most of the
   * cache's bytes. A warm run whose batch did not change never reads it, so it is
   * deserialised only when asked for.
   */
  batch?: Uint8Array;
}

interface CacheData {
  /** reportlint's and Node's versions, the rule set, the built-in dictionaries: any change empties the cache. */
  key: string;
  entries: Record<string, CacheEntry>;
  /** The batch rules' findings of the last run, and the identity of the batch they came from (see batchKey). */
  batch?: { key: string; findings: [string, LintMessage[]][] };
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

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) to hold `.reportlintcache`. */
export function cacheFile(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const file = path.resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(file) && statSync(file).isDirectory());
  return isDir ? path.join(file, DEFAULT_CACHE_FILE) : file;
}

/** What invalidates every entry at once: reportlint's version, Node's (the serialisation), the rules and the built-in dictionaries. */
function globalKey(registry: RuleRegistry): string {
  const root = packageRoot();
  const data = ['canonical-terms.yaml', 'typos.yaml'].map((name) => {
    const file = root ? path.join(root, 'rules', 'data', name) : '';
    return file && existsSync(file) ? sha1(readFileSync(file)) : '-';
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
  private readonly referenceKeys = new WeakMap<ReadonlySet<string>, string>();

  private constructor(
    readonly file: string,
    readonly strategy: CacheStrategy,
    registry: RuleRegistry,
    previous: CacheData | undefined,
  ) {
    this.key = globalKey(registry);
    const valid = previous?.key === this.key;
    this.previous = valid ? previous.entries : {};
    this.batch = valid ? previous.batch : undefined;
    this.unchanged = valid;
  }

  /** Opens the cache file; `damaged` is true when one was there but could not be trusted (it is then rebuilt). */
  static open(file: string, strategy: CacheStrategy, registry: RuleRegistry): { cache: LintCache; damaged: boolean } {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return { cache: new LintCache(file, strategy, registry, undefined), damaged: false };
    }
    // A cache in an earlier layout is outdated, not damaged: it is rebuilt without a warning.
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) && bytes.subarray(0, FAMILY.length).equals(FAMILY)) {
      return { cache: new LintCache(file, strategy, registry, undefined), damaged: false };
    }
    const data = parseCache(bytes);
    return { cache: new LintCache(file, strategy, registry, data), damaged: data === undefined };
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
      probe.hash = entry.hash;
      probe.hit = new CachedOutcome(entry);
      this.next[filePath] = this.strategy === 'content' ? { ...entry, mtimeMs: info.mtimeMs } : entry;
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
    const hash = probe.hash || sha1(await readFile(probe.filePath).catch(() => Buffer.alloc(0)));
    this.unchanged = false;
    const { original: _original, formatted: _formatted, ...stamp } = outcome.stamp;
    const { batch, ...rest } = outcome;
    this.next[probe.filePath] = {
      size: probe.size,
      mtimeMs: probe.mtimeMs,
      hash,
      configKey: probe.configKey,
      outcome: { ...rest, stamp },
      ...(batch ? { batch: serialize(batch) } : {}),
    };
  }

  /**
   * The identity of a batch: each file's path, content and config key, in
   * order, and the batch's own settings. The same key means the batch rules
   * would find exactly what they found last time.
   */
  batchKey(filePaths: readonly string[], batchSettings: unknown): string {
    const parts: string[] = [JSON.stringify(batchSettings)];
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
   */
  configKey(parts: { rules: object; settings: object; locale: string; encoding?: string; maxFileSize: number; references: string }): string {
    return sha1([stableJson(parts.rules), stableJson(parts.settings), parts.locale, parts.encoding ?? '', parts.maxFileSize, parts.references].join('\0'));
  }

  /** The identity of a set of reference files, computed once per set: path, size and modification time (and a content hash with the content strategy). */
  referencesKey(files: ReadonlySet<string> | undefined): string {
    if (!files?.size) return '';
    let key = this.referenceKeys.get(files);
    if (key === undefined) {
      const parts: string[] = [];
      for (const f of [...files].sort()) {
        const info = statSync(f, { throwIfNoEntry: false });
        const content = this.strategy === 'content' && info ? sha1(readFileSync(f)) : '';
        parts.push(`${f}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\0${content}`);
      }
      this.referenceKeys.set(files, (key = sha1(parts.join('\n'))));
    }
    return key;
  }

  /** Writes the cache atomically: this run's entries, and earlier ones of files this run did not see. */
  save(): void {
    if (this.unchanged && existsSync(this.file)) return;
    const entries = { ...this.previous, ...this.next };
    const payload = serialize({ key: this.key, entries, batch: this.batch } satisfies CacheData);
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeOutputFile(this.file, [MAGIC, Buffer.from(sha1(payload) + '\n'), payload]);
  }
}

/**
 * A cached outcome whose batch payload is deserialised on first use (the whole cache
 * was checked against its SHA-1). A class, not a property defined per object: a
 * thousand hits stay cheap.
 */
class CachedOutcome implements FileOutcome {
  readonly result: FileOutcome['result'];
  readonly stamp: FileOutcome['stamp'];
  readonly hints: FileOutcome['hints'];
  private readonly bytes: Uint8Array | undefined;
  private payload: BatchPayload | undefined;

  constructor(entry: CacheEntry) {
    ({ result: this.result, stamp: this.stamp, hints: this.hints } = entry.outcome);
    this.bytes = entry.batch;
  }

  get batch(): BatchPayload | undefined {
    if (this.bytes && !this.payload) this.payload = deserialize(this.bytes) as BatchPayload;
    return this.payload;
  }
}

function parseCache(bytes: Buffer): CacheData | undefined {
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const hashEnd = MAGIC.length + 41;
  const hash = bytes.subarray(MAGIC.length, hashEnd - 1).toString('latin1');
  const payload = bytes.subarray(hashEnd);
  if (sha1(payload) !== hash) return undefined;
  try {
    const data = deserialize(payload) as CacheData;
    return data && typeof data.key === 'string' && data.entries && typeof data.entries === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

const keyOfObject = new WeakMap<object, string>();

/** JSON of a config part, computed once per object (files of one directory share their config). */
function stableJson(value: object): string {
  let json = keyOfObject.get(value);
  if (json === undefined) keyOfObject.set(value, (json = JSON.stringify(value)));
  return json;
}
