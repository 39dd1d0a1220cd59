import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { commentText, copyPath, findingsToAnnotations } from '../src/cli/docx-copies.js';
import { annotateDocx } from '../src/docx/annotate.js';
import { openPackage } from '../src/docx/package.js';
import { visibleText, wordParagraphs, W_NS } from '../src/docx/visible-text.js';
import { lintText } from '../src/engine/lint.js';
import { readReport } from '../src/files/read.js';
import type { LineHint } from '../src/model/hints.js';
import { cli } from './cli-helper.js';
import { readComments, structureProblems } from './docx-annotate-helpers.js';
import { buildDocx } from './docx-builder.js';

/**
 * `--format docx` and `--fix` on Word files: an annotated copy beside the
 * input (or in --output-dir), the input never touched. The chain from
 * findings to comments needs the reader's `LineHint.source`; where the reader
 * does not give it yet, the anchoring tests are skipped with a notice and the
 * same chain is checked with hints made here.
 */

const REPORT = ['# 关于某项工作的报告', '今年以来,我们认真工作。。', '全年开展专项督查×次。'];
const DOC = 'word/document.xml';

function dir(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'rl-docx-copies-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(d, name), content);
  return d;
}

async function paragraphTexts(buffer: Buffer): Promise<string[]> {
  const pkg = await openPackage(buffer);
  return wordParagraphs(pkg.xml(DOC)!).map(visibleText);
}

const probeFile = path.join(dir({ 'probe.docx': await buildDocx(REPORT) }), 'probe.docx');
const probe = await readReport(probeFile, { maxFileSize: 10 * 1024 * 1024 });
const READER_GIVES_SOURCE = probe.kind === 'text' && [...(probe.docx?.hints.values() ?? [])].some((h) => h.source);
if (!READER_GIVES_SOURCE) {
  console.warn('[docx-copies.e2e.test] SKIPPED the end-to-end anchoring tests: the Word reader gives no LineHint.source yet (the `word` branch adds it); the chain is checked below with hints made by the test.');
}

describe('--format docx and --fix on Word files', () => {
  it('writes NAME.reportlint.docx beside the input, with the same text, and leaves the input alone', async () => {
    const bytes = await buildDocx(REPORT);
    const d = dir({ 'a.docx': bytes });
    const r = cli(['a.docx', '-f', 'docx'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^reportlint: 已写入带批注的副本 a\.reportlint\.docx：\d+ 条批注，0 处修订$/m);
    expect(readFileSync(path.join(d, 'a.docx'))).toEqual(bytes);
    const copy = readFileSync(path.join(d, 'a.reportlint.docx'));
    expect(await paragraphTexts(copy)).toEqual(await paragraphTexts(bytes));
    expect(await structureProblems(copy)).toEqual([]);
  });

  it('writes into --output-dir, alongside another format on standard output', async () => {
    const d = dir({ 'a.docx': await buildDocx(REPORT) });
    const r = cli(['a.docx', '-f', 'docx', '-f', 'json', '--output-dir', 'out/copies'], { cwd: d });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
    expect(existsSync(path.join(d, 'out/copies/a.reportlint.docx'))).toBe(true);
    expect(existsSync(path.join(d, 'a.reportlint.docx'))).toBe(false);
  });

  it('with --fix writes the copy instead of refusing, and never modifies the input', async () => {
    const bytes = await buildDocx(REPORT);
    const d = dir({ 'a.docx': bytes });
    const r = cli(['a.docx', '--fix', '--no-color'], { cwd: d });
    expect(r.stdout).not.toContain('不显示修复差异');
    expect(r.stderr).toContain('a.reportlint.docx');
    expect(readFileSync(path.join(d, 'a.docx'))).toEqual(bytes);
    expect(existsSync(path.join(d, 'a.reportlint.docx'))).toBe(true);
  });

  it('does not lint the copies of an earlier run found in a folder, only when named', async () => {
    const d = dir({ 'a.docx': await buildDocx(REPORT) });
    expect(cli(['.', '-f', 'docx'], { cwd: d }).code).toBe(1);
    const again = JSON.parse(cli(['.', '-f', 'json'], { cwd: d }).stdout) as { filePath: string }[];
    expect(again.map((r) => path.basename(r.filePath))).toEqual(['a.docx']);
    const named = JSON.parse(cli(['a.reportlint.docx', '-f', 'json'], { cwd: d }).stdout) as { filePath: string }[];
    expect(named.map((r) => path.basename(r.filePath))).toEqual(['a.reportlint.docx']);
  });

  it('writes no copy of a Markdown file', () => {
    const d = dir({ 'a.md': '# 报告\n\n全年开展督查×次。\n' });
    const r = cli(['a.md', '-f', 'docx'], { cwd: d });
    expect(r.stderr).toBe('');
    expect(existsSync(path.join(d, 'a.reportlint.md'))).toBe(false);
    expect(existsSync(path.join(d, 'a.reportlint.docx'))).toBe(false);
  });

  it.each([
    [['-f', 'docx:x.docx'], '“docx”格式为每个 Word 文件写出带批注的副本，不接文件名；目录用 --output-dir 指定'],
    [['--output-dir', 'out'], '--output-dir 需与 --format docx 或 --fix 同用'],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const d = dir({ 'a.docx': await buildDocx(REPORT) });
    const r = cli(['a.docx', ...args], { cwd: d });
    expect([r.code, r.stderr]).toEqual([2, `reportlint: ${message}\n`]);
  });

  it('names the copy after the input, in any case of extension', () => {
    expect(copyPath('/r/报告.DOCX', undefined, '/x')).toBe('/r/报告.reportlint.docx');
    expect(copyPath('/r/a.docx', 'out', '/x')).toBe('/x/out/a.reportlint.docx');
  });

  it.skipIf(!READER_GIVES_SOURCE)('end to end: each finding a comment on its text; --fix adds the fixes as tracked changes', async () => {
    const bytes = await buildDocx(REPORT);
    const d = dir({ 'a.docx': bytes });
    const r = cli(['a.docx', '--fix', '-f', 'json'], { cwd: d });
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string | null; severity: number }[];
    const copy = readFileSync(path.join(d, 'a.reportlint.docx'));
    const comments = [...(await readComments(copy)).values()];
    expect(comments.length).toBe(messages.filter((m) => m.ruleId !== null || m.severity > 0).length);
    expect(r.stderr).toMatch(/已写入带批注的副本 a\.reportlint\.docx：\d+ 条批注，2 处修订/);
    expect(comments.find((c) => c.text.includes('no-placeholder'))?.anchored).toBe('×');
    expect(comments.find((c) => c.text.includes('punctuation-width'))?.anchored).toBe('，');
    expect(await paragraphTexts(copy)).toEqual(['关于某项工作的报告', '今年以来，我们认真工作。', '全年开展专项督查×次。']);
    expect(await structureProblems(copy)).toEqual([]);
    expect(readFileSync(path.join(d, 'a.docx'))).toEqual(bytes);
  });
});

describe('findings to comments and tracked changes (with the hints the reader is to give)', () => {
  it('anchors each finding on its text, says message, rule and fix, and writes the fixes as tracked changes', async () => {
    const bytes = await buildDocx(REPORT);
    const read = await readReport(probeFile, { maxFileSize: 10 * 1024 * 1024 });
    if (read.kind !== 'text') throw new Error('probe unreadable');
    // One paragraph per line, no numbering: line n is paragraph n-1, prefix 0.
    const hints = new Map<number, LineHint>();
    read.text.split('\n').forEach((_, i) => hints.set(i + 1, { ...read.docx?.hints.get(i + 1), source: { part: DOC, index: i, prefix: 0 } }));
    const result = lintText(read.text, { filePath: 'a.docx', format: 'text', lineHints: hints, registry: builtinRegistry });
    const { annotations, changes, unplaced } = findingsToAnnotations(result, hints, { locale: 'zh', fixes: true });
    expect(unplaced).toBe(0);
    const out = await annotateDocx(bytes, annotations, changes);
    expect(out.skipped).toEqual([]);
    const comments = [...(await readComments(out.buffer)).values()];
    expect(comments.length).toBe(result.messages.length);
    expect(comments.find((c) => c.text.includes('no-placeholder'))).toMatchObject({
      anchored: '×',
      author: 'reportlint',
      text: '模板占位符“×”未填写\n规则：no-placeholder',
    });
    expect(comments.find((c) => c.text.includes('punctuation-width'))).toMatchObject({
      anchored: '，',
      text: '应为全角“，”，实为半角“,”\n规则：punctuation-width\n建议：将“,”改为“，”',
    });
    expect(comments.find((c) => c.text.includes('duplicate-punctuation'))?.text).toMatch(/建议：(将“。。”改为“。”|删除“。”)/);
    expect(await paragraphTexts(out.buffer)).toEqual(['关于某项工作的报告', '今年以来，我们认真工作。', '全年开展专项督查×次。']);
    const xml = (await openPackage(out.buffer)).xml(DOC)!;
    expect(xml.getElementsByTagNameNS(W_NS, 'del').length).toBeGreaterThanOrEqual(2);
    expect(await structureProblems(out.buffer)).toEqual([]);
  });

  it('subtracts Word’s own numbering: a finding after it lands on the XML text, one inside it at the paragraph’s start', async () => {
    const bytes = await buildDocx(['# 关于某项工作的报告', '(0) 工作××情况', '全年开展督查。', '(0) 存在的问题', '一是问题。']);
    const file = path.join(dir({ 'n.docx': bytes }), 'n.docx');
    const read = await readReport(file, { maxFileSize: 10 * 1024 * 1024 });
    if (read.kind !== 'text') throw new Error('unreadable');
    // As the reader is to give them: prefix = what Word draws in front of the paragraph's own text.
    const paragraphs = await paragraphTexts(bytes);
    const hints = new Map<number, LineHint>();
    read.text.split('\n').slice(0, -1).forEach((line, i) => {
      expect(line.endsWith(paragraphs[i])).toBe(true);
      hints.set(i + 1, { ...read.docx?.hints.get(i + 1), source: { part: DOC, index: i, prefix: line.length - paragraphs[i].length } });
    });
    expect(hints.get(2)?.source?.prefix).toBe(2);
    const result = lintText(read.text, { filePath: 'n.docx', format: 'text', lineHints: hints, registry: builtinRegistry });
    const placeholder = result.messages.find((m) => m.ruleId === 'no-placeholder')!;
    expect([placeholder.line, placeholder.column]).toEqual([2, 5]);
    const { annotations } = findingsToAnnotations(result, hints, { locale: 'zh', fixes: false });
    const synthetic = { ...placeholder, ruleId: 'x', column: 1, endColumn: 3, fix: undefined };
    const inNumbering = findingsToAnnotations({ source: result.source, messages: [synthetic] }, hints, { locale: 'zh', fixes: false }).annotations;
    const out = await annotateDocx(bytes, [...annotations, ...inNumbering]);
    const comments = [...(await readComments(out.buffer)).values()];
    expect(comments.find((c) => c.text.includes('no-placeholder'))?.anchored).toBe('××');
    expect(comments.find((c) => c.text.includes('规则：x'))?.anchored).toBeNull();
    expect(await paragraphTexts(out.buffer)).toEqual(paragraphs);
  });

  it('keeps --fix-rule: only that rule’s fixes become tracked changes', async () => {
    const read = await readReport(probeFile, { maxFileSize: 10 * 1024 * 1024 });
    if (read.kind !== 'text') throw new Error('probe unreadable');
    const hints = new Map<number, LineHint>(read.text.split('\n').map((_, i) => [i + 1, { source: { part: DOC, index: i, prefix: 0 } }]));
    const result = lintText(read.text, { filePath: 'a.docx', format: 'text', lineHints: hints, registry: builtinRegistry });
    const { changes } = findingsToAnnotations(result, hints, { locale: 'zh', fixes: true, fixRules: ['punctuation-width'] });
    expect(changes.map((c) => [c.index, c.expected, c.replacement])).toEqual([[1, ',', '，']]);
  });

  it('says the fix in English with --locale en', () => {
    const m = { ruleId: 'x', messageId: 'm', severity: 2 as const, message: 'M', line: 1, column: 1, endLine: 1, endColumn: 2, sectionPath: '', fix: { range: [0, 1] as [number, number], text: '' } };
    expect(commentText(m, 'ab', 'en')).toBe('M\nRule: x\nSuggested fix: delete “a”');
  });
});
