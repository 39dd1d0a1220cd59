import iconv from 'iconv-lite';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_REPORT, cli } from './cli-helper.js';
import { buildDocx } from './docx-builder.js';

/** Real files: encodings, Word documents, and input that tries to break the batch. */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function dir(files: Record<string, string | Buffer>): string {
  const d = path.join(tmp, `d${n++}`);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
    writeFileSync(path.join(d, rel), content);
  }
  return d;
}

const BAD = CLEAN_REPORT.replace('4次', '×次').replace('2024年以来，', '2024年以来,');
type Json = { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string; paragraph?: number; quote?: string }[] }[];
const json = (args: string[], cwd: string) => JSON.parse(cli([...args, '-f', 'json'], { cwd }).stdout) as Json;
const view = (r: Json) => r.map((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));

describe('encodings', () => {
  const variants: Record<string, Buffer> = {
    'utf8.txt': Buffer.from(BAD, 'utf8'),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD, 'utf8')]),
    'utf16le.txt': iconv.encode(BAD, 'utf-16le', { addBOM: true }),
    'utf16be.txt': iconv.encode(BAD, 'utf-16be', { addBOM: true }),
    'gbk.txt': iconv.encode(BAD, 'gb18030'),
    'crlf-gbk.txt': iconv.encode(BAD.replace(/\n/g, '\r\n'), 'gb18030'),
  };
  const d = dir(variants);

  it('gives the same findings for every encoding as for the UTF-8 copy', () => {
    const results = json(Object.keys(variants), d);
    const expected = view(json(['utf8.txt'], d))[0];
    expect(expected).toEqual(['3:8 punctuation-width', '5:9 no-placeholder']);
    for (const r of view(results)) expect(r).toEqual(expected);
  });

  it('--fix writes back in the original encoding, with its BOM and line endings', () => {
    const fixDir = dir(variants);
    cli(['.', '--fix'], { cwd: fixDir });
    const fixed = BAD.replace('2024年以来,', '2024年以来，');
    expect(readFileSync(path.join(fixDir, 'gbk.txt'))).toEqual(iconv.encode(fixed, 'gb18030'));
    expect(readFileSync(path.join(fixDir, 'crlf-gbk.txt'))).toEqual(iconv.encode(fixed.replace(/\n/g, '\r\n'), 'gb18030'));
    expect(readFileSync(path.join(fixDir, 'utf16le.txt'))).toEqual(iconv.encode(fixed, 'utf-16le', { addBOM: true }));
    expect(readFileSync(path.join(fixDir, 'utf16be.txt'))).toEqual(iconv.encode(fixed, 'utf-16be', { addBOM: true }));
    expect(readFileSync(path.join(fixDir, 'utf8-bom.txt'))).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixed)]));
  });

  it('--encoding overrides detection; an unknown one is a usage error', () => {
    const d2 = dir({ 'latin.txt': iconv.encode(BAD, 'gb18030') });
    expect(view(json(['latin.txt', '--encoding', 'gbk'], d2))[0]).toEqual(['3:8 punctuation-width', '5:9 no-placeholder']);
    const r = cli(['latin.txt', '--encoding', 'klingon'], { cwd: d2 });
    expect([r.code, r.stderr]).toEqual([2, 'reportlint: 不支持的编码“klingon”\n']);
  });
});

describe('Word documents', () => {
  it('lints a .docx through the same model, pointing to paragraphs with a quote', async () => {
    const d = dir({
      'report.docx': await buildDocx([
        '# 关于某项工作的报告',
        '市委：',
        '2024年以来，我们认真落实市委部署，坚持问题导向，扎实推进各项工作，现将有关情况报告如下。',
        '(0) 工作开展情况',
        '全年开展专项督查×次，覆盖全部基层党组织，督促整改问题线索18条，建立问题台账并逐项销号。',
        '(0) 下一步工作打算',
        '督促2个党支部在3月底前完成换届，逐月检查三会一课落实情况，年内实现谈心谈话全覆盖。',
      ]),
    });
    const [result] = json(['.'], d);
    expect(path.basename(result.filePath)).toBe('report.docx');
    const placeholder = result.messages.find((m) => m.ruleId === 'no-placeholder')!;
    expect([placeholder.paragraph, placeholder.quote]).toEqual([5, '…开展专项督查×次，覆盖全部基层党组织，督…']);
    // Word numbering became 一、 二、 in the model: the problems section is missing between them.
    const missing = result.messages.find((m) => m.ruleId === 'problems-section');
    expect(missing?.message).toBe('报告没有“存在的问题”部分，只讲成绩不提问题');
    const stylish = cli(['.', '--no-color'], { cwd: d }).stdout;
    expect(stylish).toContain('第5段  错误  模板占位符“×”未填写「…开展专项督查×次，覆盖全部基层党组织，督…」');
  });

  it('with --fix leaves the file alone: the fixes go into the annotated copy (test/docx-copies.e2e.test.ts)', async () => {
    const bytes = await buildDocx(['# 关于某项工作的报告', '今年以来,我们认真工作。。']);
    const d = dir({ 'a.docx': bytes });
    const r = cli(['a.docx', '--fix', '--no-color'], { cwd: d });
    expect(r.stderr).toContain('a.reportlint.docx');
    expect(readFileSync(path.join(d, 'a.docx'))).toEqual(bytes);
  });

  it('says plainly that --fix-dry-run shows no diff of a Word file, and leaves the file alone', async () => {
    const bytes = await buildDocx(['# 关于某项工作的报告', '今年以来,我们认真工作。。']);
    const d = dir({ 'a.docx': bytes });
    const r = cli(['a.docx', '--fix-dry-run', '--no-color'], { cwd: d });
    expect(r.stdout).toContain('提示  Word 文档（.docx）不显示修复差异；--fix 会把修复作为修订写入副本“名称.reportlint.docx”，原文件不变');
    expect(readFileSync(path.join(d, 'a.docx'))).toEqual(bytes);
  });
});

describe('bad input: one clear line each, the batch goes on, exit 2 when a file could not be read', () => {
  const loopDir = dir({ 'good.md': CLEAN_REPORT });
  symlinkSync(path.join(loopDir, 'loop-a.md'), path.join(loopDir, 'loop-b.md'));
  symlinkSync(path.join(loopDir, 'loop-b.md'), path.join(loopDir, 'loop-a.md'));
  const d = dir({
    'good.md': CLEAN_REPORT,
    'empty.md': '',
    'blank.txt': ' \n\t\n\u3000\n',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    'locked.md': CLEAN_REPORT,
    'big.md': CLEAN_REPORT + '党支部认真开展工作。'.repeat(40000),
    'broken.docx': Buffer.from('PK\u0003\u0004 not really a zip'),
    'nothing/notes.xlsx': 'x',
  });
  chmodSync(path.join(d, 'locked.md'), 0o000);
  const asRoot = process.getuid?.() === 0;

  const cases: [string, string[], number, string][] = [
    ['an empty file', ['empty.md'], 1, '文件为空，没有可检查的内容'],
    ['a file of only whitespace', ['blank.txt'], 1, '文件为空，没有可检查的内容'],
    ['a binary file with a report extension', ['binary.md'], 2, '不是文本文件（含二进制内容），未检查'],
    ['a file over --max-file-size', ['big.md', '--max-file-size', '0.1'], 0, '文件大小 1.1 MB 超过上限 0.1 MB（--max-file-size），已跳过'],
    ['a corrupt .docx', ['broken.docx'], 2, 'Word 文档已损坏或不是 .docx 格式，未检查'],
  ];
  it.each(cases)('%s', (_name, args, code, message) => {
    const r = cli([...args, 'good.md', '--no-color'], { cwd: d });
    expect(r.code).toBe(code);
    expect(r.stdout).toContain(message);
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it.skipIf(asRoot)('a file that cannot be read (permissions)', () => {
    const r = cli(['locked.md', 'good.md', '--no-color'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('权限不足（EACCES）');
  });

  it('a path that does not exist and a directory with no reports, among good files', () => {
    const r = cli(['missing.md', 'nothing', 'good.md', '--no-color'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('路径不存在：missing.md');
    expect(r.stdout).toContain('目录中没有报告文件（.md、.markdown、.txt、.docx、.doc、.wps、.odt、.rtf、.pdf）');
    expect(r.stdout).toContain('检查 3 个文件');
  });

  it('a symbolic-link loop', () => {
    const r = cli(['loop-a.md', 'good.md', '--no-color'], { cwd: loopDir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('符号链接循环（ELOOP）');
    // Walking the directory skips the loop without failing.
    expect(cli(['.'], { cwd: loopDir }).code).toBe(0);
  });
});
