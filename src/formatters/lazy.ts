import type { LintResult } from '../engine/lint.js';
import type { Formatter, FormatterContext } from './types.js';

/**
 * The formatters as the CLI loads them: by name, each module on first use, so
 * a run loads only the formats it writes (the HTML assets, write-excel-file and
 * string-width stay unread otherwise). The names and their order are those of
 * index.ts, which imports every formatter at once for the library API.
 */

export type BinaryFormatter = (results: LintResult[], context: FormatterContext) => Promise<Uint8Array>;

const TEXT_FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: () => import('./stylish.js').then((m) => m.stylish),
  json: () => import('./json.js').then((m) => m.json),
  html: () => import('./html/index.js').then((m) => m.html),
  summary: () => import('./summary.js').then((m) => m.summary),
  sarif: () => import('./sarif.js').then((m) => m.sarif),
  github: () => import('./github.js').then((m) => m.github),
  gitlab: () => import('./gitlab.js').then((m) => m.gitlab),
  junit: () => import('./junit.js').then((m) => m.junit),
  rdjson: () => import('./rdjson.js').then((m) => m.rdjson),
  csv: () => import('./csv.js').then((m) => m.csv),
};

/** Formats that write a binary file, never standard output. */
const BINARY_FORMATTERS: Record<string, () => Promise<BinaryFormatter>> = {
  xlsx: () => import('./xlsx.js').then((m) => m.xlsx),
};

/**
 * Formats that never read a result's `source` (test/formatters.test.ts holds them to it): with only
 * these, a warm `--cache` run leaves the reports' texts unread in the cache file.
 */
export const SOURCELESS_FORMATS: ReadonlySet<string> = new Set(['stylish', 'json', 'junit', 'github', 'summary', 'csv']);

export const TEXT_FORMAT_NAMES: readonly string[] = Object.keys(TEXT_FORMATTERS);
export const BINARY_FORMAT_NAMES: readonly string[] = Object.keys(BINARY_FORMATTERS);

export function isBinaryFormat(name: string): boolean {
  return Object.hasOwn(BINARY_FORMATTERS, name);
}

/** The formatter of a text format named by TEXT_FORMAT_NAMES. */
export function loadFormatter(name: string): Promise<Formatter> {
  return TEXT_FORMATTERS[name]();
}

/** The formatter of a binary format named by BINARY_FORMAT_NAMES. */
export function loadBinaryFormatter(name: string): Promise<BinaryFormatter> {
  return BINARY_FORMATTERS[name]();
}
