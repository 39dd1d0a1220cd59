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
 * the characters of the document must be those of the original, in order.
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

const bodyLines = (page: string[]) => page.filter((l) => !PAGE_NUMBER.test(l));
const words = (pages: string[][]) => pages.flatMap(bodyLines).join('');

describe.skipIf(!HAS_TOOLS)('a formatted copy in LibreOffice', () => {
  it('22 lines on a full body page, 28 characters on a full body line, the same words', { timeout: 180_000 }, async () => {
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
    console.log(`[layout-render.test] body page: ${bodyLines(middle).length} lines; line lengths ${lengths.join(' ')}; fonts: ${spawnSync('pdffonts', [path.join(dir, 'copy.pdf')], { encoding: 'utf8' }).stdout.split('\n').slice(2).map((l) => l.split(/\s+/)[0]).filter(Boolean).join(', ')}`);
  });
});
