import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBytes } from '../src/files/read.js';
import { buildReport } from '../src/model/build.js';
import type { LineHint } from '../src/model/hints.js';
import { cli } from './cli-helper.js';
import { buildShapesDocx, pdf } from './word-fixtures.js';

/**
 * A folder of submissions as units send them: Word in any case of extension,
 * Word's lock file, the older and other formats LibreOffice converts, PDF with
 * and without a text layer, and a Word file on standard input.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function dir(files: Record<string, string | Buffer>): string {
  const d = path.join(tmp, `d${n++}`);
  mkdirSync(d, { recursive: true });
  for (const [rel, content] of Object.entries(files)) writeFileSync(path.join(d, rel), content);
  return d;
}

type Related = { filePath: string; line: number; paragraph?: number; quote?: string };
type Message = { ruleId: string | null; messageId: string; severity: number; line: number; message: string; paragraph?: number; quote?: string; part?: string; related?: Related[]; fatal?: boolean };
type Json = { filePath: string; messages: Message[] }[];
const json = (args: string[], cwd: string, env?: Record<string, string>) => {
  const r = cli([...args, '-f', 'json'], { cwd, env });
  return { code: r.code, results: JSON.parse(r.stdout) as Json, stderr: r.stderr };
};
const byName = (results: Json, name: string) => results.find((r) => path.basename(r.filePath) === name)!;

let shapes: Buffer;
beforeAll(async () => {
  shapes = await buildShapesDocx();
});

describe('a folder of Word submissions', () => {
  it('finds .DOCX in upper case, skips Word’s lock file with a note (no exit 2), and names paragraphs, parts and quotes', () => {
    const d = dir({ 'a.docx': shapes, 'B.DOCX': shapes, '~$a.docx': Buffer.from([0x0a, 0x41, 0x00]) });
    const { code, results } = json(['.'], d);
    expect(code).toBe(1);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(['B.DOCX', 'a.docx', '~$a.docx']);
    expect(byName(results, '~$a.docx').messages.map((m) => [m.messageId, m.severity])).toEqual([['lock-file-skipped', 0]]);

    const a = byName(results, 'a.docx').messages;
    const placeholders = a.filter((m) => m.ruleId === 'no-placeholder').map((m) => [m.paragraph, m.part, m.quote]);
    // The content control still showing its prompt is a blank; the footnote takes the paragraph of its reference (8); the header has no number.
    expect(placeholders).toEqual([
      [15, undefined, '责任人：单击或点击此处输入文字。'],
      [8, 'footnote', '数据来源：××县统计局。'],
      [undefined, 'header', '中共××县委办公室文件'],
    ]);
  });

  it('copy findings between two Word files name the other file’s paragraph and quote it', () => {
    const d = dir({ 'a.docx': shapes, 'b.docx': shapes });
    const { results } = json(['.'], d);
    const copied = byName(results, 'a.docx').messages.filter((m) => m.messageId === 'copiedParagraph');
    expect(copied.length).toBeGreaterThan(0);
    const first = copied[0];
    expect(first.message).toMatch(/^与 b\.docx 第 \d+ 段的文字雷同（\d+ 字）$/);
    expect(first.paragraph).toBe(first.related![0].paragraph);
    expect(first.related![0].quote).toBe(first.quote);
  });

  it('stylish says 第N段 with the part, never a line of extracted text', () => {
    const d = dir({ 'a.docx': shapes });
    const out = cli(['a.docx', '--no-color'], { cwd: d }).stdout;
    expect(out).toMatch(/^ {2}第8段（脚注） +错误 {2}模板占位符“××”未填写「数据来源：××县统计局。」/m);
    expect(out).toMatch(/^ {2}页眉 +错误 {2}模板占位符“××”未填写「中共××县委办公室文件」/m);
    // A table is a table: its cells are not paragraphs that must end in 。 (issue 11).
    expect(out).not.toMatch(/（表格）.*truncated-paragraph/);
    expect(out).not.toMatch(/^ {2}\d+:\d+ /m);
    expect(out).not.toMatch(/^ {2}\d+:\d+ /m);
  });

  it('reads a .docx from standard input with --stdin-filename x.docx', () => {
    const d = dir({});
    const r = cli(['--stdin', '--stdin-filename', 'x.docx', '-f', 'json'], { cwd: d, input: shapes });
    const [result] = JSON.parse(r.stdout) as Json;
    expect(path.basename(result.filePath)).toBe('x.docx');
    expect(result.messages.filter((m) => m.ruleId === 'no-placeholder').map((m) => m.part ?? m.paragraph)).toEqual([15, 'footnote', 'header']);
  });

  it('the HTML report shows an unreadable file as unreadable, not as a count of errors', () => {
    const d = dir({ 'a.docx': shapes, 'broken.docx': Buffer.from('PK\u0003\u0004 not a zip') });
    const r = cli(['.', '-f', 'html'], { cwd: d });
    expect(r.code).toBe(2);
    const row = /<tr[^>]*data-file="broken.docx"[^>]*>.*?<\/tr>/s.exec(r.stdout)?.[0] ?? '';
    expect(row).toContain('无法读取，未检查');
    expect(row).not.toContain('>1</td>');
    const summary = cli(['.', '-f', 'summary', '--no-color'], { cwd: d }).stdout;
    expect(summary).toMatch(/broken\.docx +— +— +— +— +无法读取，未检查/);
  });
});

describe('PDF', () => {
  it('reads the text layer', async () => {
    const out = await readBytes(pdf('Quarterly report on the duty of oversight.'), 'r.pdf', {}, { mtimeMs: 0, size: 0 });
    expect(out).toMatchObject({ kind: 'text', text: 'Quarterly report on the duty of oversight.\n', readOnly: 'PDF' });
  });

  it('a PDF without text (a scan) gets one line, and exit 2', () => {
    const d = dir({ 'scan.PDF': pdf(null), 'good.pdf': pdf('A report.') });
    const r = cli(['.', '--no-color'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('未检查：PDF 没有文字层（可能是扫描件），请提供 Word 版本或先做文字识别（OCR）');
  });

  it('a damaged PDF gets one line', async () => {
    const out = await readBytes(Buffer.from('%PDF-1.4\ngarbage'), 'bad.pdf', {}, { mtimeMs: 0, size: 0 });
    expect(out).toMatchObject({ kind: 'skipped', fatal: true });
  });

  it('--fix never writes a PDF', () => {
    const bytes = pdf('A report,with a half-width comma.');
    const d = dir({ 'r.pdf': bytes });
    const r = cli(['r.pdf', '--fix', '--no-color'], { cwd: d });
    expect(r.stdout).toContain('.pdf 文件不提供自动修复，请在原文档中修改');
    expect(readFileSync(path.join(d, 'r.pdf'))).toEqual(bytes);
  });
});

describe('without LibreOffice', () => {
  it('a .doc gets one line saying how to proceed; the other files are still checked', () => {
    const d = dir({ 'old.DOC': Buffer.from('not really a doc'), 'a.docx': shapes });
    const r = cli(['.', '--no-color'], { cwd: d, env: { REPORTLINT_SOFFICE: path.join(tmp, 'no-such-soffice') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('未检查：读取 .doc 文件需要 LibreOffice（soffice），请安装 LibreOffice，或在 Word/WPS 中另存为 .docx 后再检查');
    expect(r.stdout).toContain('a.docx');
  });
});

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!SOFFICE) console.warn('[word-formats.e2e] SKIPPED conversions: soffice not found; install LibreOffice (apt-get install libreoffice-writer) to run them.');

/** The body's section paths, from the lines without a role other than table cell or caption. */
function bodySections(text: string, hints: ReadonlyMap<number, LineHint>): string[] {
  const kept: string[] = [];
  const keptHints = new Map<number, LineHint>();
  text.split('\n').forEach((line, i) => {
    const h = hints.get(i + 1);
    if (h?.role && h.role !== 'table-cell' && h.role !== 'caption') return;
    kept.push(line);
    if (h) keptHints.set(kept.length, h);
  });
  return buildReport(kept.join('\n'), 'text', keptHints).allSections.map((s) => s.path.join(' › '));
}

describe.skipIf(!SOFFICE)('formats LibreOffice converts (.doc, .wps, .odt, .rtf) and a PDF it prints', () => {
  const made: Record<string, Buffer> = {};
  beforeAll(() => {
    const work = path.join(tmp, 'soffice');
    mkdirSync(work, { recursive: true });
    writeFileSync(path.join(work, 'shapes.docx'), shapes);
    for (const ext of ['doc', 'odt', 'pdf']) {
      const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', ext, '--outdir', work, path.join(work, 'shapes.docx')], { encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`soffice --convert-to ${ext}: ${r.stderr}`);
      made[ext] = readFileSync(path.join(work, `shapes.${ext}`));
    }
    // WPS Writer files are Word 97 binaries; a .wps is a .doc by another name for LibreOffice.
    copyFileSync(path.join(work, 'shapes.doc'), path.join(work, 'shapes.wps'));
    made.wps = readFileSync(path.join(work, 'shapes.wps'));
  }, 400_000);

  const EXPECTED = (JSON.parse(readFileSync(new URL('./expected/word-sections.json', import.meta.url), 'utf8')) as Record<string, string[]>)['shapes.docx'];

  it.each(['doc', 'odt', 'wps'])('.%s is converted and read with Word’s numbering, tables and notes', async (ext) => {
    const started = Date.now();
    const out = await readBytes(made[ext], `shapes.${ext}`, {}, { mtimeMs: 0, size: 0 });
    const ms = Date.now() - started;
    console.log(`[word-formats.e2e] .${ext}: conversion and reading took ${ms} ms`);
    if (out.kind !== 'text') throw new Error(JSON.stringify(out));
    expect(out.readOnly).toBe(ext.toUpperCase());
    expect(bodySections(out.text, out.docx!.hints)).toEqual(EXPECTED);
    const roles = [...out.docx!.hints.values()].map((h) => h.role).filter(Boolean);
    // LibreOffice's .doc export drops the caption's SEQ field: the caption is then an ordinary paragraph.
    const expected = ['toc', 'table-cell', 'footnote', 'header', 'footer', ...(ext === 'odt' ? ['caption'] : [])];
    expect(new Set(roles)).toEqual(new Set(expected));
    expect(out.text).toContain('数据来源：××县统计局。');
  }, 200_000);

  it('reads the PDF LibreOffice prints: paragraphs, not visual lines; numbers as printed', async () => {
    const out = await readBytes(made.pdf, 'shapes.pdf', {}, { mtimeMs: 0, size: 0 });
    if (out.kind !== 'text') throw new Error(JSON.stringify(out));
    const lines = out.text.split('\n');
    expect(lines).toContain('一、工作开展情况');
    expect(lines).toContain('1.制定责任清单。明确责任事项56项。');
    expect(lines).toContain('审计项目\t12');
    expect(lines).toContain('二、存在的问题');
    expect(buildReport(out.text, 'text').allSections.map((s) => s.label)).toContain('（一）责任传导不够到位');
  });

  afterAll(async () => (await import('../src/files/convert.js')).releaseProfile());

  it('a conversion past its time limit is killed with its process group, and the next one starts afresh', async () => {
    const { convertToDocx } = await import('../src/files/convert.js');
    expect(await convertToDocx(Buffer.from('{\\rtf1 hello}'), 'rtf', 50)).toEqual({ ok: false, reason: 'failed', detail: 'timed out after 0 s' });
    expect((await convertToDocx(Buffer.from('{\\rtf1 hello}'), 'rtf')).ok).toBe(true);
  }, 200_000);

  it('a folder with every format is one report per file; a .doc that is really a .docx is read as one', () => {
    const d = dir({ 'a.docx': shapes, 'b.doc': made.doc, 'c.ODT': made.odt, 'd.pdf': made.pdf, 'e.wps': made.wps, 'f.doc': shapes });
    const { code, results } = json(['.', '--rule', 'no-cross-copy: off'], d);
    expect(code).toBe(1);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(['a.docx', 'b.doc', 'c.ODT', 'd.pdf', 'e.wps', 'f.doc']);
    const placeholders = (name: string) => byName(results, name).messages.filter((m) => m.ruleId === 'no-placeholder').map((m) => m.part ?? m.line);
    for (const name of ['a.docx', 'f.doc']) expect(placeholders(name), name).toEqual([20, 'footnote', 'header']);
    // LibreOffice writes the content control as a form field: its prompt is then plain text (no-placeholder's patterns judge it).
    for (const name of ['b.doc', 'c.ODT', 'e.wps']) expect(placeholders(name).filter((p) => typeof p === 'string'), name).toEqual(['footnote', 'header']);
    // The PDF is text: its lines, as printed (the header first); the printed prompt of the content control is a blank too.
    expect(placeholders('d.pdf')).toEqual([1, 18, 24]);
  }, 300_000);
});
