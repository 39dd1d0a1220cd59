import { builtinRegistry, builtinRules } from '../rules/index.js';
import { openPackage } from '../src/docx/package.js';
import { visibleText, wordParagraphs } from '../src/docx/visible-text.js';
import { lintText, type LintResult } from '../src/engine/lint.js';
import { readDocx } from '../src/files/docx.js';
import { DOCUMENT_PART } from '../src/layout/document.js';
import { readLayout } from '../src/layout/read.js';
import type { LineHint } from '../src/model/hints.js';
import type { Locale } from '../src/types.js';
import { formatDocx } from '../src/layout/format.js';
import { defaultLayoutProfile } from '../src/layout/profile.js';
import { buildReport } from '../src/model/build.js';

export const LAYOUT_RULES = builtinRules.filter((r) => r.category === 'layout').map((r) => r.id);

/**
 * Until the Word reader fills `hint.source` (branch `word`), tests pair each
 * line with its `w:p` here: the next paragraph of document.xml whose visible
 * text is the line (after any numbering Word draws).
 */
export async function sourceHints(bytes: Buffer, text: string, hints: ReadonlyMap<number, LineHint>): Promise<Map<number, LineHint>> {
  const pkg = await openPackage(bytes);
  const ps = wordParagraphs(pkg.xml(DOCUMENT_PART)!.documentElement).map((p) => visibleText(p).trim());
  const out = new Map(hints);
  let next = 0;
  text.replace(/\n$/, '').split('\n').forEach((line, i) => {
    for (let j = next; j < ps.length; j++) {
      if (line.endsWith(ps[j]) && (ps[j] || !line)) {
        out.set(i + 1, { ...out.get(i + 1), source: { part: DOCUMENT_PART, index: j, prefix: line.length - ps[j].length } });
        next = j + 1;
        return;
      }
    }
  });
  return out;
}

/** Reads a .docx as the CLI does (text, hints, layout) and lints it with the given rules (the layout rules by default). */
export async function lintDocx(bytes: Buffer, rules: string[] = LAYOUT_RULES, locale: Locale = 'zh', settings?: Parameters<typeof lintText>[1]['settings']): Promise<LintResult> {
  const docx = await readDocx(bytes);
  const layout = await readLayout(bytes);
  const lineHints = await sourceHints(bytes, docx.text, docx.hints);
  return lintText(docx.text, {
    registry: builtinRegistry,
    format: 'text',
    lineHints,
    layout,
    locale,
    settings,
    rules: Object.fromEntries(rules.map((id) => [id, { severity: builtinRegistry.get(id)!.severity }])),
  });
}

/** Formats a .docx as `--fix` does: the report model (with source hints) and the layout of the original. */
export async function formatted(bytes: Buffer): Promise<Buffer> {
  const docx = await readDocx(bytes);
  const report = buildReport(docx.text, 'text', await sourceHints(bytes, docx.text, docx.hints));
  report.layout = await readLayout(bytes);
  return formatDocx(bytes, report, defaultLayoutProfile());
}
