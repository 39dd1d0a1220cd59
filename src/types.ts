/** Shared vocabulary of the core. Everything here is plain data: no I/O. */

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** A text in both languages the tool speaks. */
export interface Localized {
  zh: string;
  en: string;
}

/** Severity as written in config. */
export type SeverityName = 'off' | 'warn' | 'error';
/** Severity as reported (ESLint's numbers): 1 warning, 2 error; 0 an informational note that never fails a run. */
export type Severity = 0 | 1 | 2;

export const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'warn', 'error'];

/** A half-open range of UTF-16 offsets into the document text (BOM removed). */
export interface Span {
  start: number;
  end: number;
}

/** 1-based line and column (column counts UTF-16 code units, as ESLint does). */
export interface Position {
  line: number;
  column: number;
}

export type DocumentFormat = 'markdown' | 'text';

/** One replacement of source text; the unit a fix is made of. */
export interface Edit {
  range: Span;
  text: string;
}
