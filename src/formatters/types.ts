import type { LintResult, RuleRegistry } from '../engine/lint.js';
import type { Locale } from '../types.js';

export interface FormatterContext {
  locale: Locale;
  /** Colour the output (stylish only). */
  color: boolean;
  /** Paths are shown relative to this directory. */
  cwd: string;
  registry: RuleRegistry;
  /** The terminal's width in columns, when the output goes to a terminal (stylish wraps to it). */
  columns?: number;
}

/** Formatters see findings, never the report model. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
