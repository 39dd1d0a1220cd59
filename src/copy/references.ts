import { statSync } from '../files/inputs.js';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { watchedFs } from '../files/discover.js';
import { ERRNO_REASONS } from '../files/read.js';
import type { Settings } from '../settings.js';
import { ReferenceCorpus, buildCorpusPart, type CorpusInput, type CorpusPart } from './corpus.js';
import { isIndexFile, isTextReference, loadIndexFile, readReference } from './index-file.js';
import { absoluteGlob } from './glob.js';
import { stockMatcher } from './stock.js';

/**
 * The file side of references, for `lintFiles`: expands the `references`
 * setting (absolute globs, resolved against each config's directory) and the
 * `--reference` globs (relative to the cwd), reads the files once per distinct
 * list, and builds the corpus the rules get through `RuleContext.references`.
 * Markdown and text files are normalised and indexed in memory (every k-gram,
 * so any shared run of 8 characters or more is found); `.rlidx` files are
 * loaded as prebuilt indexes (each file once per run, whatever lists name it).
 * A directory stands for the Markdown, text and index files below it; a glob
 * picks those kinds only. A pattern that names nothing is a UsageError.
 */

export interface LoadedReferences {
  corpus: ReferenceCorpus;
  /** The reference files themselves (absolute paths): they are not linted. */
  files: ReadonlySet<string>;
}

export class ReferenceLoader {
  private readonly extra: string[];
  private readonly byList = new Map<string, Promise<LoadedReferences | undefined>>();
  private readonly bySettings = new WeakMap<Settings, Promise<LoadedReferences | undefined>>();
  private readonly indexes = new Map<string, CorpusPart>();

  /** `cliPatterns`: the `--reference` globs, relative to `cwd`. */
  constructor(cwd: string, cliPatterns: readonly string[] = []) {
    this.extra = cliPatterns.map((p) => absoluteGlob(cwd, p));
  }

  /** The references that apply under these settings, or undefined when there are none. Throws UsageError. */
  forSettings(settings: Settings): Promise<LoadedReferences | undefined> {
    let cached = this.bySettings.get(settings);
    if (!cached) this.bySettings.set(settings, (cached = this.forPatterns(settings.references ?? [])));
    return cached;
  }

  /** The references for a list of absolute globs (plus the `--reference` ones). */
  forPatterns(absolute: readonly string[]): Promise<LoadedReferences | undefined> {
    const patterns = [...new Set([...absolute, ...this.extra])];
    if (!patterns.length) return Promise.resolve(undefined);
    const key = patterns.join('\0');
    let loaded = this.byList.get(key);
    if (!loaded) this.byList.set(key, (loaded = this.load(patterns)));
    return loaded;
  }

  private async load(patterns: string[]): Promise<LoadedReferences> {
    const fg = (await import('fast-glob')).default;
    const files = new Set<string>();
    for (const pattern of patterns) {
      // A directory stands for the references below it; a glob picks text references and indexes only.
      const directory = !fg.isDynamicPattern(pattern) && statSync(pattern, { throwIfNoEntry: false })?.isDirectory();
      const glob = directory ? `${pattern.replace(/\/+$/, '')}/**/*.{md,markdown,txt,rlidx}` : pattern;
      const walk = watchedFs();
      let found = fg.sync(glob, { absolute: true, onlyFiles: true, dot: true, followSymbolicLinks: true, suppressErrors: true, fs: walk.fs });
      const failure = walk.failures[0];
      if (failure) throw new UsageError('readDirFailed', { path: failure.path, reason: failure.code }, ERRNO_REASONS[failure.code]);
      if (fg.isDynamicPattern(pattern)) found = found.filter((f) => isIndexFile(f) || isTextReference(f));
      if (!found.length) throw new UsageError('noFilesMatched', { patterns: `references: ${pattern}` });
      for (const f of found.sort()) files.add(path.normalize(f));
    }
    const parts: CorpusPart[] = [];
    const inputs: CorpusInput[] = [];
    for (const file of files) {
      if (isIndexFile(file)) {
        let part = this.indexes.get(file);
        if (!part) this.indexes.set(file, (part = loadIndexFile(file)));
        parts.push(part);
      } else {
        inputs.push(await readReference(file));
      }
    }
    if (inputs.length) parts.unshift(buildCorpusPart(inputs, { stock: stockMatcher(), w: 1 }));
    return { corpus: new ReferenceCorpus(parts), files };
  }
}
