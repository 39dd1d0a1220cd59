import fc from 'fast-check';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { fixText } from '../src/engine/fixer.js';
import { lintText } from '../src/engine/lint.js';
import { decode, encodeExactly } from '../src/files/decode.js';
import { tempPathFor } from '../src/files/safe-write.js';
import { writeFixes } from '../src/files/write-fixes.js';
import { lintFiles } from '../src/lint-files.js';
import { plainTextReason } from '../src/model/markdown-guard.js';
import { CLEAN_REPORT } from './cli-helper.js';

/** Issue 17 at unit level: the properties behind “never lose a byte, never hang”. */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-safety-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'gb18030', 'gbk', 'gb2312', 'cp936', 'big5'];
const PIECES = ['今年以来,', '工作。。', '王䶮', '李𠀀', '😀', '参训', ' ', '\u3000', '（一）', 'abc', '３', '½', 'é', '\uFEFF'];

describe('(1, 2) --fix writes a file only when every byte comes back', () => {
  it('random text with characters outside GBK, every --encoding: the file is either untouched or decodes to exactly the fixed text', async () => {
    const seen = { written: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.constantFrom(...ENCODINGS), fc.constantFrom('gb18030', 'utf-8'), async (pieces, forced, stored) => {
        const dir = path.join(tmp, `p${n++}`);
        mkdirSync(dir);
        const file = path.join(dir, 'a.txt');
        const before = iconv.encode(CLEAN_REPORT.replace('市委：', `市委：${pieces.join('')}`), stored);
        writeFileSync(file, before);
        const results = await lintFiles([file], { cwd: dir, useConfigFiles: false, fix: true, encoding: forced });
        writeFixes(results);
        const after = readFileSync(file);
        if (results[0].messages.some((m) => m.messageId === 'fix-refused')) seen.refused++;
        if (after.equals(before)) return;
        seen.written++;
        // Written: the decoding was clean, and the bytes hold exactly the fixed text.
        const decoded = decode(before, forced);
        expect(decoded.clean).toBe(true);
        expect(iconv.decode(after, forced)).toBe(results[0].output);
        expect(results[0].output!.replace(/[^\u4e00-\u9fff\u3400-\u4dbf\u{20000}-\u{2ffff}\u{1f600}-\u{1f64f}]/gu, '')).toBe(
          iconv.decode(before, forced).replace(/[^\u4e00-\u9fff\u3400-\u4dbf\u{20000}-\u{2ffff}\u{1f600}-\u{1f64f}]/gu, ''),
        );
      }),
      { numRuns: 60 },
    );
    // Both ways were taken: the property is not vacuous.
    expect(seen.written).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('encodeExactly names the first character an encoding cannot hold', () => {
    expect(encodeExactly('王䶮李𠀀', { encoding: 'gbk', bom: false })).toEqual({ lost: '𠀀' });
    expect('bytes' in encodeExactly('王䶮李𠀀', { encoding: 'gb18030', bom: false })).toBe(true);
  });

  it('a UTF-8 file read as GB18030 is not clean even when the bytes happen to round-trip', () => {
    expect(decode(Buffer.from('党支部认真开展工作'), 'gb18030').clean).toBe(false);
    expect(decode(iconv.encode('党支部认真开展工作', 'gb18030'), 'gb18030').clean).toBe(true);
  });
});

describe('(6) fixes leave the Markdown alone', () => {
  const fix = (text: string) => fixText(text, { registry: builtinRegistry, format: 'markdown' }).output;
  it.each([
    ['a link destination with Han and a comma', '# 关于工作的报告\n\n详见[文件](https://x.gov.cn/政策,解读)。\n'],
    ['a bare URL with Han in its path', '# 关于工作的报告\n\n详见https://x.gov.cn/政策,解读.html。\n'],
    ['a line of U+3000 above a setext underline', '关于工作的报告\n\n\u3000\n---\n\n正文内容。\n'],
    ['a line of no-break space above a setext underline', '关于工作的报告\n\n\u00a0\n---\n\n正文内容。\n'],
    ['a soft line break inside 3千', '# 关于工作的报告\n\n参加人数约3\n千人。\n'],
  ])('%s is kept', (_, text) => {
    expect(fix(text)).toBe(text);
  });

  it('**1.**,参训 keeps its emphasis', () => {
    expect(fix('# 关于工作的报告\n\n**1.**,参训人员120人。\n')).toBe('# 关于工作的报告\n\n**1.**，参训人员120人。\n');
  });
});

describe('(7) temporary files', () => {
  it('are named after the file and this process, in its directory', () => {
    expect(tempPathFor('/a/b/报告.md')).toBe(`/a/b/.报告.md.reportlint-${process.pid}.tmp`);
  });

  it('a failed write is one problem; the next file is still written', async () => {
    const dir = path.join(tmp, `w${n++}`);
    mkdirSync(dir);
    const bad = CLEAN_REPORT.replace('2024年以来，', '2024年以来,');
    for (const name of ['a.txt', 'b.txt']) writeFileSync(path.join(dir, name), bad);
    // A directory where a.txt's temporary file would go: its write fails whoever runs the test.
    mkdirSync(tempPathFor(path.join(dir, 'a.txt')));
    const results = await lintFiles([dir], { cwd: dir, useConfigFiles: false, fix: true });
    const problems = writeFixes(results);
    expect(problems.map((p) => [path.basename(p.file), p.kind, p.error?.messageId])).toEqual([['a.txt', 'failed', 'writeFailed']]);
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(CLEAN_REPORT);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(bad);
  });
});

describe('(8) book-title-marks on nested marks', () => {
  const rules = { 'book-title-marks': { severity: 'warn' as const } };
  it('40,000 nested levels: one finding per inner pair, each message bounded', () => {
    const text = '关于工作的报告\n' + '《'.repeat(40_000) + '规定' + '》'.repeat(40_000) + '\n';
    const messages = lintText(text, { registry: builtinRegistry, format: 'text', rules }).messages;
    expect(messages).toHaveLength(39_999);
    expect(Math.max(...messages.map((m) => m.message.length))).toBeLessThan(120);
  });

  it('documents with a trailing note pass; an activity is still found', () => {
    const text = '关于工作的报告\n印发《第十四个五年规划纲要（2021—2025年）》宣传活动方案，开展《考核办法（试行）》宣讲，开展《清廉机关》创建。\n';
    const messages = lintText(text, { registry: builtinRegistry, format: 'text', rules }).messages;
    expect(messages.map((m) => `${m.line}:${m.column} ${m.messageId}`)).toEqual(['2:51 notDocument']);
  });
});

describe('(12) Markdown the parser would take minutes on is read as plain text, with a note', () => {
  it.each([
    ['党* repeated', '党* '.repeat(3000), 'inline-markup'],
    ['nested [', '['.repeat(3000) + 'a' + ']'.repeat(3000), 'inline-markup'],
    ['[a]( repeated', '[a]('.repeat(2000), 'inline-markup'],
    ['a run of 65 *', '*'.repeat(65) + '党', 'emphasis-run'],
    ['lists nested 30 deep', Array.from({ length: 2000 }, (_, i) => '  '.repeat(i % 30) + '- 项\n').join(''), 'nesting'],
    ['lists nested 40 deep', '- '.repeat(40) + '项\n', 'nesting'],
  ])('%s', (_, text, reason) => {
    expect(plainTextReason(text)).toBe(reason);
  });

  it('a long real report with bold phrases and lists is parsed as Markdown', () => {
    const body = Array.from({ length: 300 }, (_, i) => `- **第${i}项**：[链接](https://x.cn/${i})完成。\n  - 子项${i}\n`).join('');
    expect(plainTextReason('# 关于工作的报告\n\n' + body)).toBeUndefined();
  });

  it('lintFiles says so once, as an info note', async () => {
    const dir = path.join(tmp, `g${n++}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.md'), '# 关于工作的报告\n\n' + '党* '.repeat(3000) + '\n');
    const [result] = await lintFiles(['a.md'], { cwd: dir, useConfigFiles: false });
    expect(result.messages[0]).toMatchObject({ messageId: 'markdown-as-text', severity: 0, message: 'Markdown 结构过于复杂（同一段中的 *、_、[、] 过多），本文件按纯文本检查' });
  });
});
