import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLayoutDocx } from './layout-fixtures.js';
import { formatted } from './layout-lint.js';

/**
 * The renderer check of a formatted copy: LibreOffice lays it out, pdftotext
 * reads the pages back. A full body page must hold 22 lines and a full body
 * line 28 characters, whatever CJK font stands in for 仿宋 on this machine
 * (the grid fixes line pitch and the character advance, not the glyphs);
 * the characters of the document must be those of the original, in order;
 * and on the last page signature, date, 附件说明, 附注 and 版记 stand where
 * GB/T 9704 puts them (pdftotext -bbox-layout, in characters from the margins).
 */

const has = (cmd: string, flag: string) => spawnSync(cmd, [flag], { encoding: 'utf8' }).status === 0;
const HAS_TOOLS = has('soffice', '--version') && has('pdftotext', '-v');
if (!HAS_TOOLS) console.warn('[layout-render.test] SKIPPED: soffice (LibreOffice) or pdftotext (poppler-utils) not found; .ci/run installs them to check formatted Word copies in a real renderer.');

const PAGE_NUMBER = /^[—－-]\s*\d+\s*[—－-]$/;
const dir = mkdtempSync(path.join(tmpdir(), 'reportlint-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts .docx files to PDF in one LibreOffice run and returns each PDF's text, page by page (form feeds). */
function render(files: Record<string, Buffer>): Record<string, string[][]> {
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.docx`), bytes);
  const profile = path.join(dir, 'lo-profile');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => path.join(dir, `${n}.docx`))], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const out: Record<string, string[][]> = {};
  for (const name of Object.keys(files)) {
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).stdout;
    out[name] = text
      .split('\f')
      .map((page) => page.split('\n').map((l) => l.replace(/[ \u3000]/g, '')).filter((l) => l))
      .filter((lines) => lines.length);
  }
  return out;
}

/** The words pdftotext finds on the last page, with their boxes (points). */
function bboxWords(pdf: string): { pageWidth: number; list: { text: string; xMin: number; xMax: number }[] } {
  const html = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  const pages = html.split('<page ').slice(1);
  const last = pages[pages.length - 1];
  const pageWidth = Number(/width="([\d.]+)"/.exec(last)![1]);
  const list = [...last.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3], xMin: Number(m[1]), xMax: Number(m[2]) }));
  return { pageWidth, list };
}

const bodyLines = (page: string[]) => page.filter((l) => !PAGE_NUMBER.test(l));
const words = (pages: string[][]) => pages.flatMap(bodyLines).join('');

describe.skipIf(!HAS_TOOLS)('a formatted copy in LibreOffice', () => {
  it('22 lines on a full body page, 28 characters on a full body line, the same words; signature, date, attachment note, note and 版记 in place', { timeout: 180_000 }, async () => {
    const original = await buildLayoutDocx('songti-body');
    const copy = await formatted(original);
    const pages = render({ original, copy });
    const [, middle] = pages.copy; // page 2: the report runs to page 3, so page 2 is full
    expect(pages.copy.length).toBeGreaterThanOrEqual(3);
    expect(middle.some((l) => PAGE_NUMBER.test(l)), 'a page number in the footer').toBe(true);
    expect(bodyLines(middle)).toHaveLength(22);
    const lengths = bodyLines(middle).map((l) => [...l].length);
    expect(Math.max(...lengths)).toBe(28);
    expect(lengths.filter((n) => n === 28).length).toBeGreaterThanOrEqual(10);
    // The words: the same characters in the same order, before and after.
    expect(words(pages.copy)).toBe(words(pages.original));
    // GB/T 9704 7.3.4, 7.3.5 and 7.4 on the last page, in characters of 3号 (16 pt) from the type area's edges.
    const boxes = bboxWords(path.join(dir, 'copy.pdf'));
    const left = (28 * 72) / 25.4;
    const right = boxes.pageWidth - (26 * 72) / 25.4;
    const find = (text: string) => boxes.list.find((w) => w.text === text || w.text.startsWith(text))!;
    const chars = (pt: number, size = 16) => Number((pt / size).toFixed(2));
    const places = {
      signature: chars(right - find('中共青山区委').xMax),
      date: chars(right - find('日').xMax),
      attachment: chars(find('附件：').xMin - left),
      attachmentItem: chars(find('2.二〇二四年度监督检查').xMin - left),
      note: chars(find('（联系人').xMin - left),
      distribution: chars(find('抄送：').xMin - left, 14),
    };
    console.log(`[layout-render.test] places in characters: ${JSON.stringify(places)}`);
    const expected = { signature: 2, date: 4, attachment: 2, attachmentItem: 5, note: 2, distribution: 1 };
    for (const [k, v] of Object.entries(expected)) expect(Math.abs(places[k as keyof typeof places] - v), k).toBeLessThanOrEqual(0.25);
    console.log(`[layout-render.test] body page: ${bodyLines(middle).length} lines; line lengths ${lengths.join(' ')}; fonts: ${spawnSync('pdffonts', [path.join(dir, 'copy.pdf')], { encoding: 'utf8' }).stdout.split('\n').slice(2).map((l) => l.split(/\s+/)[0]).filter(Boolean).join(', ')}`);
  });
});
