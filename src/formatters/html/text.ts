import type { LintMessage } from '../../engine/lint.js';
import { LineIndex } from '../../model/line-index.js';
import type { Locale } from '../../types.js';
import { attrs, esc } from './escape.js';
import { severityName } from './rows.js';

/**
 * The report's text, line by line, with every finding highlighted in place.
 * Overlapping findings split the text into segments; each segment is one
 * `<mark>` naming all the findings that cover it (`data-f`). A numbered
 * reference (`<a class="ref">`) sits after each finding's text (before it when
 * the finding spans several lines or none), linking to the finding in the list.
 */

export interface PlacedFinding {
  /** 1-based number of the finding within its report. */
  k: number;
  message: LintMessage;
  start: number;
  end: number;
  multiLine: boolean;
  /** A copied passage: drawn apart, so that other faults inside it still stand out. */
  copy?: boolean;
}

/** UTF-16 offsets of each finding (lines and columns are 1-based into `source`). */
export function placeFindings(source: string, messages: LintMessage[]): PlacedFinding[] {
  const lines = new LineIndex(source);
  return messages.map((message, i) => {
    const at = (line: number, column: number) => {
      if (!Number.isFinite(line) || !Number.isFinite(column)) return 0;
      return Math.max(0, Math.min(lines.offset({ line: Math.max(1, line), column: Math.max(1, column) }), source.length));
    };
    let start = at(message.line, message.column);
    let end = at(message.endLine ?? message.line, message.endColumn ?? message.column);
    if (end < start) [start, end] = [end, start];
    // A span that takes in the line break ends on its last line, not at the start of the next.
    const endPos = lines.position(end);
    if (end > start && endPos.column === 1 && endPos.line > lines.position(start).line) end = Math.max(start, lines.lineEnd(endPos.line - 1));
    return { k: i + 1, message, start, end, multiLine: lines.position(start).line !== lines.position(end).line };
  });
}

/** Where a finding's reference number goes. */
function refOffset(f: PlacedFinding): number {
  return f.start === f.end || f.multiLine ? f.start : f.end;
}

const HEADING = /^\s*(#{1,6}\s|[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\([一二三四五六七八九十百]+\))/;

export function findingTooltip(findings: PlacedFinding[], locale: Locale): string {
  return findings.map((f) => `${f.k}. [${severityName(f.message.severity, locale)}] ${f.message.message}${f.message.ruleId ? ` (${f.message.ruleId})` : ''}`).join('\n');
}

/** `id` is the report's element id; lines get `${id}-L${n}`, references `${id}-m${k}`. */
export function renderText(source: string, findings: PlacedFinding[], id: string, locale: Locale): string {
  const lines = new LineIndex(source);
  const out: string[] = [];
  for (let n = 1; n <= lines.lineCount; n++) {
    const ls = lines.lineStart(n);
    const le = lines.lineEnd(n);
    const here = findings.filter((f) => f.start <= le && f.end >= ls);
    const points = new Set<number>([ls, le]);
    for (const f of here) {
      points.add(Math.min(Math.max(f.start, ls), le));
      points.add(Math.min(Math.max(f.end, ls), le));
    }
    const refs = new Map<number, PlacedFinding[]>();
    for (const f of here) {
      const at = refOffset(f);
      if (lines.position(at).line !== n) continue;
      const pos = Math.min(at, le);
      points.add(pos);
      refs.set(pos, [...(refs.get(pos) ?? []), f]);
    }
    const sorted = [...points].sort((a, b) => a - b);
    let html = '';
    sorted.forEach((pt, i) => {
      // At one point, the references of findings ending there come before those starting there.
      const isEnd = (f: PlacedFinding) => refOffset(f) === f.end && f.start !== f.end;
      const atPoint = (refs.get(pt) ?? []).sort((a, b) => Number(isEnd(b)) - Number(isEnd(a)) || a.k - b.k);
      for (const f of atPoint) {
        html += `<a${attrs({ class: `ref s${f.message.severity}`, id: `${id}-m${f.k}`, href: `#${id}-f${f.k}`, 'data-f': f.k, title: findingTooltip([f], locale) })}>${f.k}</a>`;
      }
      const next = sorted[i + 1];
      if (next === undefined || next <= pt) return;
      const text = source.slice(pt, next);
      const covering = here.filter((f) => f.start < f.end && f.start <= pt && f.end >= next);
      if (!covering.length) {
        // Markdown's heading marks are shown, dimmed: the reader sees the text the lines and columns refer to.
        const marker = pt === ls ? /^#{1,6}[ \t]+/.exec(text)?.[0] : undefined;
        html += marker ? `<span class="md">${esc(marker)}</span>${esc(text.slice(marker.length))}` : esc(text);
        return;
      }
      const severity = Math.max(...covering.map((f) => f.message.severity));
      const wide = covering.every((f) => f.multiLine);
      const copy = covering.every((f) => f.copy);
      html += `<mark${attrs({
        class: `hl s${severity}${wide ? ' wide' : ''}${copy ? ' copy' : ''}`,
        'data-f': covering.map((f) => f.k).join(' '),
        tabindex: 0,
        role: 'button',
        title: findingTooltip(covering, locale),
      })}>${esc(text)}</mark>`;
    });
    // A standalone heading, not a run-in one (`（一）标题。正文……`), is set in bold.
    const lineText = source.slice(ls, le);
    const heading = HEADING.test(lineText) && !/[。！？；].*\S/.test(lineText);
    const cls = heading ? 'ln hd' : /\S/.test(lineText) ? 'ln' : 'ln blank';
    out.push(`<div${attrs({ class: cls, id: `${id}-L${n}` })}><span class="no" aria-hidden="true">${n}</span><span class="tx">${html}</span></div>`);
  }
  return out.join('\n');
}

/**
 * A span given in lines and columns, with the rest of its lines around it
 * (cut to `context` characters each side): the copied run and the paragraph it
 * sits in.
 */
export function excerpt(
  source: string,
  loc: { line: number; column: number; endLine: number; endColumn: number },
  max = 600,
  context = 80,
): { before: string; text: string; after: string } {
  const lines = new LineIndex(source);
  const clamp = (line: number, column: number) => Math.max(0, Math.min(lines.offset({ line: Math.max(1, line), column: Math.max(1, column) }), source.length));
  let start = clamp(loc.line, loc.column);
  let end = clamp(loc.endLine, loc.endColumn);
  if (end < start) [start, end] = [end, start];
  const from = lines.lineStart(lines.position(start).line);
  const to = Math.max(end, lines.lineEnd(lines.position(end).line));
  const clean = (t: string) => t.replace(/\r/g, '');
  let before = clean(source.slice(from, start));
  let text = clean(source.slice(start, end));
  let after = clean(source.slice(end, to));
  if (before.length > context) before = `…${before.slice(-context)}`;
  if (after.length > context) after = `${after.slice(0, context)}…`;
  if (text.length > max) text = `${text.slice(0, max)}…`;
  return { before, text, after };
}
