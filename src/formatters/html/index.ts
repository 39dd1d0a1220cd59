import { reportScore } from '../score.js';
import { ruleName } from '../table.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { LintMessage, LintResult, RuleRegistry } from '../../engine/lint.js';
import type { RelatedLocation } from '../../engine/rule.js';
import type { Locale } from '../../types.js';
import { VERSION } from '../../version.js';
import type { Formatter } from '../types.js';
import { locationText } from '../shared.js';
import { categoryChart } from './chart.js';
import { attrs, esc, jsonForScript } from './escape.js';
import { label } from './labels.js';
import {
  categoryName,
  categoryOf,
  displayPath,
  formatPercent,
  problemsLabel,
  severityName,
  summaryRows,
  totals,
  type SummaryRow,
  type Totals,
} from './rows.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { excerpt, placeFindings, renderText, type PlacedFinding } from './text.js';

/**
 * `--format html`: one self-contained page for the people who receive a batch
 * of reports. First the batch summary (counts, a chart of findings by category,
 * a sortable, filterable table with a verdict per report), then each report's
 * text with its findings highlighted in place, the findings grouped by section
 * path, and copied passages beside their sources.
 *
 * Self-contained: the style and the script are inline and allowed by hash in
 * the page's Content-Security-Policy, which forbids every other load, so the
 * page makes no request even if a report's text were to slip through
 * unescaped. All text from reports and file names goes through `esc`, and the
 * data for the script through `jsonForScript`.
 */

interface Page {
  locale: Locale;
  cwd: string;
  registry: RuleRegistry;
  rows: SummaryRow[];
  /** Resolved file path → the report's element id (`r1`, `r2`, …). */
  ids: Map<string, string>;
  /** Each report's source, by resolved path, for the sources of copied passages. */
  sources: Map<string, string>;
}

/** How many failing reports the summary names as links; the table has them all. */
const FAILING_CHIPS = 12;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const html: Formatter = (results, { locale, cwd, registry }) => {
  const rows = summaryRows(results, cwd, registry);
  const page: Page = {
    locale,
    cwd,
    registry,
    rows,
    ids: new Map(results.map((r, i) => [path.resolve(cwd, r.filePath), `r${i + 1}`])),
    sources: new Map(results.map((r) => [path.resolve(cwd, r.filePath), r.source ?? ''])),
  };
  const t = totals(rows, registry);
  const l = (key: Parameters<typeof label>[1], data?: Record<string, string | number>) => label(locale, key, data);
  const overview = l('overview', { files: t.files, passed: t.passed, failed: t.failed, errors: t.errors, warnings: t.warnings }) + (t.infos ? (locale === 'zh' ? '；' : '; ') + l('infoNotes', { infos: t.infos }) : '');

  const data = {
    labels: { status: l('filterStatus') },
    files: rows.map((row) => ({
      file: row.file,
      title: row.title ?? null,
      errors: row.errors,
      warnings: row.warnings,
      infos: row.infos,
      problems: row.problems,
      copied: row.copied ?? null,
      pass: row.pass,
      findings: row.result.messages.map((m) => [m.ruleId ?? '-', m.severity]),
    })),
  };

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(SCRIPT)}`,
    `style-src ${sha256(STYLE)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!DOCTYPE html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reportlint ${esc(VERSION)}">
<title>${esc(l('pageTitle'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top" id="top">
<h1>${esc(l('pageTitle'))}</h1>
<p class="overview">${esc(overview)}</p>
<p class="gen">${esc(l('generator', { version: VERSION }))}</p>
</header>
<main>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${esc(l('summaryHeading'))}</h2>
<div class="glance">
<div class="glance-main">
${stats(t, locale)}
${failingList(rows, locale)}
</div>
${categoryChart(t, locale)}
</div>
${rows.length ? filters(page) + summaryTable(page) : `<p class="empty">${esc(l('noReports'))}</p>`}
</section>
${rows.length ? `<section id="reports" aria-labelledby="reports-h">\n<h2 id="reports-h">${esc(l('reportsHeading'))}</h2>\n${rows.map((row) => reportArticle(row, page)).join('\n')}\n</section>` : ''}
</main>
<div id="pop" role="dialog" aria-modal="false" aria-labelledby="pop-title" hidden>
<div class="pop-head"><span class="pop-title" id="pop-title"></span><button type="button" class="pop-close" aria-label="${esc(l('close'))}" title="${esc(l('close'))}">×</button></div>
<ol class="findings"></ol>
</div>
<script type="application/json" id="reportlint-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
};

function stats(t: Totals, locale: Locale): string {
  const stat = (value: number, key: Parameters<typeof label>[1], cls: string) =>
    `<div class="stat ${cls}" data-stat="${key}"><b>${value}</b><span>${esc(label(locale, key))}</span></div>`;
  return (
    `<div class="stats">` +
    stat(t.files, 'statFiles', '') +
    stat(t.passed, 'statPassed', t.passed ? 'good' : '') +
    stat(t.failed, 'statFailed', t.failed ? 'bad' : '') +
    stat(t.errors, 'statErrors', t.errors ? 'bad' : '') +
    stat(t.warnings, 'statWarnings', t.warnings ? 'warn' : '') +
    `</div>`
  );
}

/** Quick links to the reports that fail, the most errors first: who fails is the first thing a receiver asks. */
function failingList(rows: SummaryRow[], locale: Locale): string {
  if (!rows.length) return '';
  const failing = rows.filter((r) => !r.pass).sort((a, b) => b.errors - a.errors || a.index - b.index);
  if (!failing.length) return `<p class="failing none">${esc(label(locale, 'allPassed'))}</p>`;
  const chips = failing
    .slice(0, FAILING_CHIPS)
    .map((r) => `<li><a${attrs({ href: `#r${r.index}`, title: r.title ? `${r.title}\n${r.file}` : r.file })}><span class="idx">${r.index}</span> ${esc(r.unit ?? r.name)} <span class="cnt">${r.errors}</span></a></li>`)
    .join('');
  const more = failing.length > FAILING_CHIPS ? `<li class="more">${esc(label(locale, 'failingMore', { more: failing.length - FAILING_CHIPS }))}</li>` : '';
  return `<div class="failing"><h3>${esc(label(locale, 'failingHeading', { failed: failing.length }))}</h3><ul>${chips}${more}</ul></div>`;
}

/** The title with the unit at its start in bold, so the eye finds who wrote it. */
function nameHtml(row: SummaryRow): string {
  if (row.unit && row.title?.startsWith(row.unit)) return `<strong>${esc(row.unit)}</strong>${esc(row.title.slice(row.unit.length))}`;
  return esc(row.name);
}

function ruleLabel(ruleId: string | null): string {
  return ruleId ?? 'reportlint';
}

function filters(page: Page): string {
  const { locale, rows, registry } = page;
  const l = (key: Parameters<typeof label>[1]) => esc(label(locale, key));
  const ruleCounts = new Map<string, number>();
  for (const row of rows) for (const m of row.result.messages) ruleCounts.set(m.ruleId ?? '-', (ruleCounts.get(m.ruleId ?? '-') ?? 0) + 1);
  const ruleOptions = [...ruleCounts]
    .sort(([a], [b]) => a.localeCompare(b))
    // The rule's name in the page's language, then its id: reviewers know the names.
    .map(([id, n]) => {
      const name = id === '-' ? '' : ruleName(id, registry, locale);
      return `<option value="${esc(id)}">${esc(name ? (locale === 'zh' ? `${name}（${id}）` : `${name} [${id}]`) : id === '-' ? ruleLabel(null) : id)} (${n})</option>`;
    })
    .join('');
  const sevOptions = [2, 1, 0].map((s) => `<option value="${s}">${esc(severityName(s, locale))}</option>`).join('');
  return `<div class="filters" id="filters" role="search" hidden>
<label>${l('filterRule')} <select id="f-rule"><option value="">${l('filterAll')}</option>${ruleOptions}</select></label>
<label>${l('filterSeverity')} <select id="f-sev"><option value="">${l('filterAll')}</option>${sevOptions}</select></label>
<label>${l('filterVerdict')} <select id="f-verdict"><option value="">${l('filterAll')}</option><option value="fail">${l('filterFailing')}</option><option value="pass">${l('filterPassing')}</option></select></label>
<button type="button" id="f-reset">${l('filterReset')}</button>
<span class="status" id="f-status" aria-live="polite"></span>
</div>`;
}

function summaryTable(page: Page): string {
  const { locale, rows } = page;
  const l = (key: Parameters<typeof label>[1]) => esc(label(locale, key));
  const th = (key: Parameters<typeof label>[1], cls: string, type: 'num' | 'text' = 'num') =>
    `<th scope="col" class="${cls}" data-type="${type}" aria-sort="none"><button type="button" title="${l('sortBy')}">${l(key)}</button></th>`;
  const head =
    `<tr>${th('colIndex', 'n c-idx')}${th('colReport', 'c-name', 'text')}${th('colErrors', 'n c-err')}${th('colWarnings', 'n c-warn')}` +
    `${th('colProblems', 'c-prob')}${th('colCopied', 'n c-copy')}${th('colScore', 'n c-score')}${th('colVerdict', 'c-verdict')}${th('colMatches', 'n c-match')}</tr>`;
  const body = rows
    .map((row) => {
      const id = `r${row.index}`;
      const prob = row.problems === 'present' ? 2 : row.problems === 'empty' ? 1 : 0;
      return (
        `<tr${attrs({ id: `row-${row.index}`, class: row.pass ? 'pass' : 'fail', 'data-i': row.index, 'data-file': row.file })}>` +
        `<td class="n c-idx" data-v="${row.index}">${row.index}</td>` +
        `<td class="c-name" data-v="${esc(row.name)}"><a class="name" href="#${id}">${nameHtml(row)}</a>${row.title ? `<div class="path">${esc(row.file)}</div>` : ''}</td>` +
        // An unreadable file was not checked: no counts that could read as "nearly clean".
        (row.unreadable
          ? `<td class="n c-err" data-v="${row.errors}">—</td><td class="n c-warn" data-v="${row.warnings}">—</td><td class="c-prob" data-v="-1">—</td><td class="n c-copy" data-v="-1">—</td><td class="n c-score" data-v="-1">—</td>` +
            `<td class="c-verdict" data-v="-1"><span class="verdict fail unreadable">${esc(label(locale, 'unreadable'))}</span></td>`
          : `<td class="n c-err${row.errors ? '' : ' zero'}" data-v="${row.errors}">${row.errors}</td>` +
            `<td class="n c-warn${row.warnings ? '' : ' zero'}" data-v="${row.warnings}">${row.warnings}</td>` +
            `<td class="c-prob prob-${row.problems}" data-v="${prob}">${row.problems === 'present' ? '✓' : '✗'} ${esc(problemsLabel(row.problems, locale))}</td>` +
            `<td class="n c-copy" data-v="${row.copied ?? -1}">${esc(formatPercent(row.copied, locale))}</td>` +
            `<td class="n c-score" data-v="${reportScore(row.result) ?? -1}" title="${l('scoreHelp')}">${reportScore(row.result) ?? '—'}</td>` +
            `<td class="c-verdict" data-v="${row.pass ? 1 : 0}"><span class="verdict ${row.pass ? 'pass' : 'fail'}">${esc(label(locale, row.pass ? 'pass' : 'fail'))}</span></td>`) +
        `<td class="n c-match" data-v="0">0</td>` +
        `</tr>`
      );
    })
    .join('\n');
  return `<table class="summary" id="summary-table">\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function reportArticle(row: SummaryRow, page: Page): string {
  const { locale } = page;
  const l = (key: Parameters<typeof label>[1], data?: Record<string, string | number>) => esc(label(locale, key, data));
  const id = `r${row.index}`;
  const source = row.result.source ?? '';
  const placed = placeFindings(source, row.result.messages).map((f) => ({ ...f, copy: categoryOf(f.message, page.registry) === 'copy' }));
  const fact = (key: Parameters<typeof label>[1], value: string, cls = '') => `<span class="${cls}"><span class="k">${l(key)}</span> ${value}</span>`;
  const facts = row.unreadable ? [`<span class="verdict fail unreadable">${l('unreadable')}</span>`] : [
    `<span class="verdict ${row.pass ? 'pass' : 'fail'}">${l(row.pass ? 'pass' : 'fail')}</span>`,
    fact('colErrors', String(row.errors), 'f-err'),
    fact('colWarnings', String(row.warnings), 'f-warn'),
    ...(row.infos ? [fact('severityInfo', String(row.infos), 'f-info')] : []),
    fact('colProblems', esc(problemsLabel(row.problems, locale)), `prob-${row.problems}`),
    fact('colCopied', esc(formatPercent(row.copied, locale)), 'f-copy'),
  ];
  const text = source.length
    ? `<div class="src" lang="zh-CN">\n${renderText(source, placed, id, locale)}\n</div>`
    : `<p class="empty">${l('emptyText')}</p>`;
  return `<article${attrs({ class: `report ${row.pass ? 'pass' : 'fail'}`, id, 'data-file': row.file })}>
<header>
<h3><span class="idx">${row.index}.</span><span class="name">${esc(row.name)}</span></h3>
${row.title ? `<div class="path">${esc(row.file)}</div>` : ''}
<div class="facts">${facts.join('')}</div>
</header>
${placed.length ? `<div class="report-body">
<div class="text-col">
<h4>${l('textHeading')}<span class="no-print">${l('textHint')}</span></h4>
${legend(locale)}
${text}
</div>
<aside class="findings-col"><div class="scroll">
<h4>${l('findingsHeading')}</h4>
${findingGroups(placed, id, page)}
</div></aside>
</div>` : `<div class="report-body clean">
<details class="text-col"><summary><h4>${l('cleanText')}</h4></summary>
${text}
</details>
</div>`}
${copies(placed, row, id, page)}
<p class="back"><a href="#summary">↑ ${l('backToSummary')}</a></p>
</article>`;
}

/** What the colours of the highlights mean. */
function legend(locale: Locale): string {
  const item = (cls: string, text: string) => `<span class="key"><mark class="${cls}">${esc(text)}</mark></span>`;
  return (
    `<p class="legend">` +
    item('hl s2', severityName(2, locale)) +
    item('hl s1', severityName(1, locale)) +
    item('hl s0', severityName(0, locale)) +
    item('hl s2 copy', label(locale, 'legendCopy')) +
    `</p>`
  );
}

/** Findings grouped by section path, in the order the sections first appear. */
function findingGroups(placed: PlacedFinding[], id: string, page: Page): string {
  if (!placed.length) return `<p class="empty">${esc(label(page.locale, 'noFindings'))}</p>`;
  const groups = new Map<string, PlacedFinding[]>();
  for (const f of placed) groups.set(f.message.sectionPath ?? '', [...(groups.get(f.message.sectionPath ?? '') ?? []), f]);
  return [...groups]
    .map(
      ([sectionPath, findings]) =>
        `<div class="group"><h5>${esc(sectionPath || label(page.locale, 'wholeReport'))}</h5><ol class="findings">${findings.map((f) => findingItem(f, id, page)).join('')}</ol></div>`,
    )
    .join('\n');
}

function findingItem(f: PlacedFinding, id: string, page: Page): string {
  const { locale } = page;
  const m = f.message;
  const loc = locationText(m, locale);
  const category = categoryName(categoryOf(m, page.registry), locale);
  const related = (m.related ?? [])
    .map((r) => `<div class="related">${esc(label(locale, 'source'))}${locale === 'zh' ? '：' : ': '}${relatedLink(r, page)}${r.message ? ` — ${esc(r.message)}` : ''}</div>`)
    .join('');
  return (
    `<li${attrs({ class: 'finding', id: `${id}-f${f.k}`, 'data-rule': m.ruleId ?? '-', 'data-sev': m.severity })}>` +
    `<a class="num" href="#${id}-m${f.k}" data-k="${f.k}">${f.k}</a>` +
    `<span class="sev s${m.severity}">${esc(severityName(m.severity, locale))}</span>` +
    `<span class="msg">${esc(m.message)}</span>` +
    `<span class="meta"><a class="loc" href="#${id}-L${m.line}" data-k="${f.k}">${esc(loc)}</a> · <code>${esc(ruleLabel(m.ruleId))}</code> · ${esc(category)}</span>` +
    related +
    `</li>`
  );
}

function relatedText(r: RelatedLocation, page: Page): string {
  // A Word document: the paragraph its writer counts, and a quote.
  if (r.paragraph !== undefined) {
    const where = page.locale === 'zh' ? `第${r.paragraph}段` : `¶${r.paragraph}`;
    return `${displayPath(r.filePath, page.cwd)} ${where}${r.quote ? (page.locale === 'zh' ? `「${r.quote}」` : ` “${r.quote}”`) : ''}`;
  }
  const span = r.endLine && (r.endLine !== r.line || r.endColumn !== r.column) ? `${r.line}:${r.column}–${r.endLine}:${r.endColumn}` : `${r.line}:${r.column}`;
  return `${displayPath(r.filePath, page.cwd)} ${span}`;
}

function relatedLink(r: RelatedLocation, page: Page): string {
  const target = page.ids.get(path.resolve(page.cwd, r.filePath));
  const text = esc(relatedText(r, page));
  return target ? `<a href="#${target}-L${r.line}">${text}</a>` : `<span>${text}</span>`;
}

function excerptHtml(e: ReturnType<typeof excerpt>): string {
  return `${esc(e.before)}<mark class="cp">${esc(e.text)}</mark>${esc(e.after)}`;
}

/** Copied passages beside their sources: this report's text on the left, each source on the right. */
function copies(placed: PlacedFinding[], row: SummaryRow, id: string, page: Page): string {
  const { locale } = page;
  const pairs = placed
    .filter((f) => f.message.related?.length)
    .map((f) => {
      const m: LintMessage = f.message;
      const mine = excerptHtml(excerpt(row.result.source ?? '', m));
      const span = `${m.line}:${m.column}–${m.endLine}:${m.endColumn}`;
      const sources = m.related!.map((r) => {
        const text = page.sources.get(path.resolve(page.cwd, r.filePath));
        const body = text !== undefined ? excerptHtml(excerpt(text, r)) : `<span class="empty">${esc(r.message ?? label(locale, 'sourceUnavailable'))}</span>`;
        return `<div class="side src-side"><div class="cap"><b>${esc(label(locale, 'source'))}</b> ${relatedLink(r, page)}</div><blockquote>${body}</blockquote></div>`;
      });
      return (
        `<div class="pair" data-f="${f.k}">` +
        `<div class="side mine"><div class="cap"><b>${esc(label(locale, 'thisReport'))}</b> <a class="loc" href="#${id}-L${m.line}" data-k="${f.k}">${esc(span)}</a> · <code>${esc(ruleLabel(m.ruleId))}</code> · <a href="#${id}-f${f.k}">${f.k}</a></div><blockquote>${mine}</blockquote></div>` +
        `<div class="sources">${sources.join('')}</div>` +
        `</div>`
      );
    });
  if (!pairs.length) return '';
  return `<section class="copies"><h4>${esc(label(locale, 'copiesHeading'))}</h4>\n${pairs.join('\n')}\n</section>`;
}
