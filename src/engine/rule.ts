import type { ReferenceCorpus } from '../copy/corpus.js';
import type { Genre } from '../model/anatomy.js';
import type { Report } from '../model/report.js';
import type { Settings } from '../settings.js';
import type { DocumentFormat, Edit, Locale, Localized, Position, Span } from '../types.js';

/**
 * The shape of a rule: metadata, docs, examples, check; everything the CLI,
 * the docs and the tests know about a rule comes from this one object.
 */

export type RuleCategory = 'structure' | 'content' | 'format' | 'copy';
export const RULE_CATEGORIES: Record<RuleCategory, Localized> = {
  structure: { zh: '结构', en: 'structure' },
  content: { zh: '内容', en: 'content' },
  format: { zh: '格式', en: 'format' },
  copy: { zh: '照搬', en: 'copying' },
};

/** A JSON Schema fragment (validated with Ajv). */
export type JsonSchema = Record<string, unknown>;

export interface OptionSpec<T = unknown> {
  default: T;
  /** JSON Schema for the value; the config validator uses it. */
  schema: JsonSchema;
  description: Localized;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValues<O extends OptionSpecs> = { -readonly [K in keyof O]: O[K]['default'] };

export interface RuleDocs {
  /** One line: what the rule checks. Used by --list-rules and the README table. */
  summary: Localized;
  /** Why it matters: what reviewers object to. */
  why: Localized;
  /** The clause of a standard or regulation behind the rule, if any. */
  standard?: string;
  /** Anything else a user should know: exemptions, how options change it. */
  details?: Localized;
}

/** An example: runs as a test and appears in the generated docs. */
export type RuleExample = {
  /** Plain text by default; Markdown when a heading or list shape matters. */
  format?: DocumentFormat;
  options?: Record<string, unknown>;
  /** Shared settings (profile, profiles, terms) as a config file would give them. */
  settings?: Partial<Settings>;
  /** Explains the example in the docs. */
  note?: Localized;
} & (
  | { valid: string }
  | {
      invalid: string;
      /** `line:column messageId` for each expected finding, in order. */
      expect: string[];
      /** The text after all fixes, for fixable rules. */
      output?: string;
    }
);

export interface ReportDescriptor {
  /** Where: a source span, or anything that has one (a paragraph, a section). */
  at: Span | { span: Span };
  messageId: string;
  data?: Record<string, string | number>;
  fix?: Edit | Edit[];
  /** A rule may report a lesser finding as a warning even when it is configured as an error. */
  warnOnly?: boolean;
  /** …or as an informational note (severity 0), which never fails a run. */
  infoOnly?: boolean;
  /** Other places the finding refers to (the reference passage a run was copied from). */
  related?: RelatedLocation[];
}

export interface RuleContext<O> {
  readonly options: O;
  readonly locale: Locale;
  readonly filePath: string | undefined;
  /** Settings shared by rules: the report profile and the terms dictionary. */
  readonly settings: Settings;
  /** Reference documents to compare with (no-checklist-copy); lintFiles loads them from `references` and --reference. */
  readonly references?: ReferenceCorpus;
  report(descriptor: ReportDescriptor): void;
  /** True when the span lies in code, HTML or front matter. */
  isExcluded(span: Span): boolean;
  /** Whether another rule runs on this file (to leave it a finding rather than report the same fault twice). */
  isEnabled(ruleId: string): boolean;
}

/** A place in another file that a finding refers to (the source of a copied passage). */
export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message?: string;
}

/** One linted file as the batch phase sees it. */
export interface BatchFile<D, O> {
  filePath: string;
  /** What `collect` returned for this file. */
  data: D;
  /** This file's options for the rule (overrides may differ between files). */
  options: O;
}

export interface BatchReportDescriptor {
  /** The file the finding is in. */
  file: BatchFile<unknown, unknown>;
  at: Span;
  messageId: string;
  data?: Record<string, string | number>;
  /** Other places involved: `{file, at}` for a file of the batch, or a location already in lines and columns. */
  related?: ({ file: BatchFile<unknown, unknown>; at: Span; message?: string } | RelatedLocation)[];
}

export interface BatchContext {
  readonly locale: Locale;
  readonly settings: Settings;
  report(descriptor: BatchReportDescriptor): void;
  /** Line and column of an offset in one of the batch's files (to name it in a message). */
  position(file: BatchFile<unknown, unknown>, offset: number): Position;
}

/**
 * Rules that compare files with each other (copy detection) work in two
 * steps: `collect` runs with the per-file check and keeps what the comparison
 * needs (fingerprints, not the text); `check` runs once all files are read.
 */
export interface BatchHooks<D, O> {
  collect(report: Report, context: RuleContext<O>): D;
  check(files: BatchFile<D, O>[], context: BatchContext): void;
}

export interface RuleDefinition<O extends OptionSpecs = OptionSpecs> {
  id: string;
  category: RuleCategory;
  severity: 'warn' | 'error';
  fixable: boolean;
  /** In the `recommended` preset (default true). */
  recommended?: boolean;
  options: O;
  messages: Record<string, Localized>;
  docs: RuleDocs;
  examples: RuleExample[];
  /**
   * The kinds of document the rule judges (from the title's 文种; see anatomy.ts).
   * A document whose kind is not recognised is judged as a report. Absent: every kind.
   */
  genres?: Genre[];
  check(report: Report, context: RuleContext<OptionValues<O>>): void;
  /** For rules that compare the files linted together (see BatchHooks). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  batch?: BatchHooks<any, OptionValues<O>>;
}

// Rules are stored with their option types erased.
export type Rule = RuleDefinition<OptionSpecs>;

/** Whether a rule that judges `genres` applies to a document of kind `genre`. */
export function appliesToGenre(rule: Pick<Rule, 'genres'>, genre: Genre): boolean {
  if (!rule.genres) return true;
  return rule.genres.includes(genre === 'unknown' ? 'report' : genre);
}

export function defineRule<O extends OptionSpecs>(rule: RuleDefinition<O>): Rule {
  return rule as unknown as Rule;
}

const defaultsCache = new WeakMap<Rule, Readonly<Record<string, unknown>>>();

/** A rule's default options (built once per rule and frozen: rules read options, never write them). */
export function defaultOptions(rule: Rule): Readonly<Record<string, unknown>> {
  let out = defaultsCache.get(rule);
  if (!out) {
    const built: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(rule.options)) built[key] = deepFreeze(structuredClone(spec.default));
    defaultsCache.set(rule, (out = Object.freeze(built)));
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The JSON Schema of a rule's options object, derived from its option specs. */
export function optionsSchema(rule: Rule): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, spec] of Object.entries(rule.options)) properties[key] = spec.schema;
  return { type: 'object', properties, additionalProperties: false };
}
