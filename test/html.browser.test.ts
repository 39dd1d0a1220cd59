import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli } from './cli-helper.js';

/**
 * The HTML report in a real browser (Debian's chromium, driven by
 * playwright-core): the summary counts equal the JSON output, clicking a
 * highlighted finding shows its message, and the page makes no network
 * request. Screenshots (screen and print) go to test-output/, which git ignores.
 *
 * Skipped, with a notice, where /usr/bin/chromium is absent (`.ci/run`
 * installs it, so CI runs these).
 */

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(`[html.browser.test] SKIPPED: ${CHROMIUM} not found; install it (apt-get install chromium) to run the browser tests of --format html.`);
}

const OUT = path.join(ROOT, 'test-output', 'html');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: { message: string; ruleId: string | null; line: number; column: number }[];
}

describe.skipIf(!HAS_CHROMIUM)('--format html in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let json: JsonResult[];
  let pageUrl: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // A report that tries to run a script and load an image, in a file whose name tries too.
    const hostileDir = path.join(OUT, 'hostile');
    rmSync(hostileDir, { recursive: true, force: true });
    mkdirSync(hostileDir, { recursive: true });
    writeFileSync(
      path.join(hostileDir, 'x"><img src=x onerror="document.title=1">.md'),
      '# 中共某某局党组关于<script>document.title="pwned"</script>工作情况的报告\n\n市委：\n\n<img src="http://192.0.2.1/track.png">开展专项督查××次。\n',
    );
    const patterns = ['fixtures', '--ignore-pattern', 'fixtures/shapes/**', '--ignore-pattern', 'fixtures/bad/shapes/**', path.relative(ROOT, hostileDir)];
    const file = path.join(OUT, 'report.html');
    const r = cli([...patterns, '--format', 'html', '--output-file', file]);
    expect(r.stderr).toBe('');
    expect(existsSync(file)).toBe(true);
    json = JSON.parse(cli([...patterns, '--format', 'json']).stdout) as JsonResult[];

    const { chromium } = await import('playwright-core');
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 1000 },
    });
    context.on('request', (req) => requests.push(req.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    pageUrl = pathToFileURL(file).href;
    await page.goto(pageUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('the summary counts equal the JSON output', async () => {
    const rows = await page.$$eval('#summary-table tbody tr', (trs) =>
      trs.map((tr) => ({
        file: tr.getAttribute('data-file'),
        errors: Number(tr.querySelector('.c-err')!.textContent),
        warnings: Number(tr.querySelector('.c-warn')!.textContent),
        verdict: tr.querySelector('.verdict')!.classList.contains('pass') ? 'pass' : 'fail',
      })),
    );
    const expected = json.map((r) => ({
      file: path.relative(ROOT, r.filePath).split(path.sep).join('/'),
      errors: r.errorCount,
      warnings: r.warningCount,
      verdict: r.errorCount === 0 ? 'pass' : 'fail',
    }));
    expect(rows).toEqual(expected);
    const stat = async (key: string) => Number(await page.textContent(`[data-stat="${key}"] b`));
    expect(await stat('statFiles')).toBe(json.length);
    expect(await stat('statErrors')).toBe(json.reduce((n, r) => n + r.errorCount, 0));
    expect(await stat('statWarnings')).toBe(json.reduce((n, r) => n + r.warningCount, 0));
    expect(await stat('statFailed')).toBe(json.filter((r) => r.errorCount > 0).length);
    await page.screenshot({ path: path.join(OUT, 'summary.png') });
  });

  it('clicking a highlighted finding shows its message', async () => {
    const mark = page.locator('article.report .src mark.hl[data-f]').first();
    const [file, k] = await mark.evaluate((el) => [el.closest('article')!.getAttribute('data-file'), el.getAttribute('data-f')!.split(' ')[0]]);
    const result = json.find((r) => path.relative(ROOT, r.filePath).split(path.sep).join('/') === file)!;
    const expected = result.messages[Number(k) - 1].message;
    await expect.poll(() => page.isVisible('#pop')).toBe(false);
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await expect.poll(() => page.isVisible('#pop')).toBe(true);
    expect(await page.textContent('#pop')).toContain(expected);
    await page.screenshot({ path: path.join(OUT, 'finding.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.isVisible('#pop')).toBe(false);
  });

  it('sorts and filters the table', async () => {
    const errorsColumn = () => page.$$eval('#summary-table tbody tr:not([hidden]) .c-err', (tds) => tds.map((td) => Number(td.textContent)));
    await page.click('#summary-table th.c-err button');
    const sorted = await errorsColumn();
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    await page.selectOption('#f-sev', '2');
    const shown = await errorsColumn();
    expect(shown.length).toBe(json.filter((r) => r.errorCount > 0).length);
    expect(shown.every((n) => n > 0)).toBe(true);
    await page.click('#f-reset');
    expect((await errorsColumn()).length).toBe(json.length);
  });

  it('shows hostile text as text and runs none of it', async () => {
    expect(await page.title()).not.toBe('pwned');
    expect(await page.title()).not.toBe('1');
    expect(await page.locator('main img, main script').count()).toBe(0);
    const text = await page.locator('article.report', { hasText: 'track.png' }).innerText();
    expect(text).toContain('<img src="http://192.0.2.1/track.png">');
    expect(text).toContain('<script>document.title="pwned"</script>');
    expect(errors).toEqual([]);
  });

  it('the page made no network request', async () => {
    // Everything the page did so far (load, clicks, sorting, filtering), plus a print layout.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: path.join(OUT, 'print-summary.png') });
    await page.locator('article.report').nth(3).screenshot({ path: path.join(OUT, 'print-report.png') });
    await page.pdf({ path: path.join(OUT, 'report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(requests.filter((url) => url !== pageUrl)).toEqual([]);
    expect(requests).toContain(pageUrl);
  });
});
