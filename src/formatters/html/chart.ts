import type { Locale } from '../../types.js';
import { attrs, esc } from './escape.js';
import { label } from './labels.js';
import { CATEGORY_KEYS, categoryName, severityName, type Totals } from './rows.js';

const COLORS: Record<number, string> = { 2: '#d92d20', 1: '#dc9b00', 0: '#2e90fa' };

/**
 * Findings by category as an inline SVG: one bar per category, stacked by
 * severity, with the total at its end and a legend below. Each segment has a
 * `<title>` (the tooltip).
 */
export function categoryChart(t: Totals, locale: Locale): string {
  // `other` and `layout` (Word only) appear when they have findings.
  const keys = CATEGORY_KEYS.filter((k) => (k !== 'other' && k !== 'layout') || t.byCategory[k].some((n) => n > 0));
  const sum = (k: (typeof keys)[number]) => t.byCategory[k].reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...keys.map(sum));
  const labelWidth = 64;
  const barWidth = 290;
  const rowHeight = 26;
  const width = labelWidth + barWidth + 46;
  const legendY = keys.length * rowHeight + 12;
  const height = legendY + 14;
  const summary = keys.map((k) => `${categoryName(k, locale)} ${sum(k)}`).join(locale === 'zh' ? '，' : ', ');
  const parts: string[] = [];
  keys.forEach((k, row) => {
    const y = row * rowHeight + 4;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${esc(categoryName(k, locale))}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="18" fill="#f2f4f7" rx="3"/>`);
    let x = labelWidth;
    for (const severity of [2, 1, 0]) {
      const n = t.byCategory[k][severity];
      if (!n || !max) continue;
      const w = Math.max(2, (n / max) * barWidth);
      parts.push(
        `<rect${attrs({ x: x.toFixed(1), y, width: w.toFixed(1), height: 18, fill: COLORS[severity], rx: 3 })}><title>${esc(`${categoryName(k, locale)} · ${severityName(severity, locale)}：${n}`)}</title></rect>`,
      );
      x += w;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 13}">${sum(k)}</text>`);
  });
  const legend = [2, 1, 0].map((severity, i) => {
    const x = labelWidth + i * 90;
    return `<rect x="${x}" y="${legendY - 9}" width="10" height="10" fill="${COLORS[severity]}" rx="2"/><text x="${x + 15}" y="${legendY}">${esc(severityName(severity, locale))}</text>`;
  });
  const caption = label(locale, 'chartTitle');
  return (
    `<figure class="chart"><figcaption>${esc(caption)}</figcaption>` +
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${caption}: ${summary}`)}">` +
    `<title>${esc(`${caption}: ${summary}`)}</title>${parts.join('')}<g class="legend">${legend.join('')}</g></svg></figure>`
  );
}
