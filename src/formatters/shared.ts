import path from 'node:path';
import { hexDigest } from '../hash.js';
import { interpolate } from '../i18n/format.js';
import { LineIndex } from '../model/line-index.js';
import type { LintMessage, LintResult } from '../engine/lint.js';
import type { Locale, Localized, Position } from '../types.js';

/**
 * Helpers shared by the CI formats (sarif, github, gitlab, junit, rdjson):
 * paths as CI systems want them, rule links, and stable fingerprints.
 */

export const TOOL_NAME = 'reportlint';
export const TOOL_URL = 'https://github.com/reportlint/reportlint';
/** Where each rule's page lives: `<base><id>.md`. The one place that knows it. */
export const RULE_DOCS_BASE = `${TOOL_URL}/blob/main/docs/rules/`;

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}

/**
 * The id a CI system files a finding under: the rule id, or for the core's own
 * findings (ruleId null: an unknown rule in a directive, an unreadable or ignored file)
 * `reportlint/<messageId>`.
 */
export function checkId(m: LintMessage): string {
  return m.ruleId ?? `${TOOL_NAME}/${m.messageId}`;
}

/** A file the run could not read (lintFiles marks its one message `fatal`). */
export function isFatal(m: LintMessage): boolean {
  return (m as LintMessage & { fatal?: boolean }).fatal === true;
}

/** Extra fields some results carry on their messages (Word documents: paragraph, quote, and the part when not the body). */
export function messageExtras(m: LintMessage): { paragraph?: number; quote?: string; part?: string } {
  const extra = m as LintMessage & { paragraph?: unknown; quote?: unknown; part?: unknown };
  const out: { paragraph?: number; quote?: string; part?: string } = {};
  if (typeof extra.paragraph === 'number') out.paragraph = extra.paragraph;
  if (typeof extra.quote === 'string') out.quote = extra.quote;
  if (typeof extra.part === 'string') out.part = extra.part;
  return out;
}

const PART_NAMES: Record<string, Localized> = {
  table: { zh: '表格', en: 'table' },
  toc: { zh: '目录', en: 'contents' },
  caption: { zh: '题注', en: 'caption' },
  footnote: { zh: '脚注', en: 'footnote' },
  endnote: { zh: '尾注', en: 'endnote' },
  header: { zh: '页眉', en: 'header' },
  footer: { zh: '页脚', en: 'footer' },
};

/**
 * Where a finding is for a reader of the document: `第12段` (`¶12`) in a Word
 * document, with the part when not the body (`第3段（表格）`, `页眉`), else `line:column`.
 */
export function locationText(m: LintMessage, locale: Locale): string {
  const { paragraph, part } = messageExtras(m);
  const partName = part && PART_NAMES[part] ? (PART_NAMES[part][locale] ?? PART_NAMES[part].zh) : '';
  if (paragraph !== undefined) {
    const base = locale === 'zh' ? `第${paragraph}段` : `¶${paragraph}`;
    return partName ? (locale === 'zh' ? `${base}（${partName}）` : `${base} (${partName})`) : base;
  }
  return partName || `${m.line}:${m.column}`;
}

/** `a/b.md` relative to cwd, with `/` on every platform; `../x.md` for a file outside cwd. */
export function relativePath(cwd: string, filePath: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, filePath)) || path.basename(filePath);
  return rel.split(path.sep).join('/');
}

export type SeverityWord = 'error' | 'warning' | 'info';

export function severityWord(severity: LintMessage['severity']): SeverityWord {
  return severity === 2 ? 'error' : severity === 1 ? 'warning' : 'info';
}

/** Small words of the CI formats, in both languages. */
const WORDS = {
  section: { zh: '所在章节：{section}', en: 'Section: {section}' },
  fixReplace: { zh: '把“{from}”改为“{to}”', en: 'Replace “{from}” with “{to}”' },
  fixInsert: { zh: '插入“{to}”', en: 'Insert “{to}”' },
  fixDelete: { zh: '删除“{from}”', en: 'Delete “{from}”' },
  problems: { zh: '{count} 处问题', en: '{count} {count|problem|problems}' },
  notes: { zh: '{count} 条提示', en: '{count} {count|note|notes}' },
  noProblems: { zh: '未发现问题', en: 'no problems' },
} satisfies Record<string, Localized>;

export function word(locale: Locale, key: keyof typeof WORDS, data?: Record<string, string | number>): string {
  return interpolate(WORDS[key][locale] ?? WORDS[key].zh, data);
}

/** Shortens text for a one-line description (the full text stays in the fix itself). */
export function clip(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Line/column lookups into a result's source, built once per result. */
export class SourceMap {
  private index: LineIndex | undefined;

  constructor(readonly source: string) {}

  private get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.source));
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  offset(line: number, column: number): number {
    return this.lines.offset({ line, column });
  }

  /** The text a message points at (empty for a zero-width finding). */
  textOf(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
    const start = this.offset(m.line, m.column);
    const end = this.offset(m.endLine, m.endColumn);
    return end > start ? this.source.slice(start, end) : '';
  }

  /** The whole of a 1-based line, without its line ending. */
  lineText(line: number): string {
    return this.source.slice(this.lines.lineStart(line), this.lines.lineEnd(line));
  }

  /**
   * A UTF-16 column turned into a 1-based UTF-8 byte column (reviewdog counts bytes).
   * Past the end of the line it counts on as if the rest were ASCII.
   */
  utf8Column(line: number, column: number): number {
    const text = this.lineText(line);
    const before = text.slice(0, column - 1);
    return Buffer.byteLength(before, 'utf8') + Math.max(0, column - 1 - before.length) + 1;
  }
}

/** Whitespace folded, so that re-wrapping or re-indenting a passage keeps its fingerprint. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * A fingerprint for each message of a result, stable when lines are inserted or
 * removed elsewhere: a hash of the check id, the message id, the file path
 * (relative to cwd), the section and the flagged text with whitespace folded,
 * never the line or column. Findings with the same key in one file are told apart
 * by their order (`#2`, `#3`…), so each fingerprint of a file is unique.
 */
export function fingerprints(result: LintResult, cwd: string, map = new SourceMap(result.source)): string[] {
  const file = relativePath(cwd, result.filePath);
  const seen = new Map<string, number>();
  return result.messages.map((m) => {
    const key = JSON.stringify([checkId(m), m.messageId, file, m.sectionPath, normalizeText(map.textOf(m))]);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return hexDigest('sha256', n === 1 ? key : `${key}#${n}`);
  });
}
