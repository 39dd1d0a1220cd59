import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { variedReport } from '../bench/bench-copy.js';
import { plainMarkdownBlocks } from '../src/model/plain-markdown.js';
import { markdownUnits, remarkUnits, type Units } from '../src/model/units.js';

/** Everything a rule can see of the units: kinds, texts, flags and each character's source offset. */
function dump({ units, excluded }: Units): unknown {
  return {
    units: units.map((u) => ({
      kind: u.kind,
      depth: u.depth,
      text: u.content.text,
      startsBlock: u.startsBlock,
      quoted: u.quoted,
      leadEnd: u.leadEnd,
      offsets: Array.from({ length: u.content.length + 1 }, (_, i) => u.content.offsetAt(i)),
    })),
    excluded,
  };
}

/** True when the plain path takes `source`; then its units must be remark's. */
function agreesWithRemark(source: string): boolean {
  if (!plainMarkdownBlocks(source)) return false;
  expect(dump(markdownUnits(source)), JSON.stringify(source.slice(0, 200))).toEqual(dump(remarkUnits(source)));
  return true;
}

describe('plain Markdown subset', () => {
  // Whether the plain path takes a document; when it does not, remark-parse reads it.
  it.each([
    ['prose only', '中共某某县委关于2025年度落实全面从严治党主体责任情况的报告\n\n市委：\n\n正文。\n', true],
    ['ATX headings 1–6', '# 标题\n\n###### 六级\n正文', true],
    ['CRLF line endings', '# 标题\r\n\r\n正文第一行\r\n第二行\r\n', true],
    ['a whole-line directive', '<!-- reportlint-disable no-placeholder -->\n正文', true],
    ['full-width spaces lead a line', '　　正文。', true],
    ['a date line (digits, no list marker)', '2026年1月12日', true],
    ['1．with a full-width point', '1．加强学习。', true],
    ['1.with no space after it', '1.加强学习。', true],
    ['an ordered list item', '1. 加强学习。', false],
    ['1) list item', '1) 加强学习。', false],
    ['a bullet', '- 要点', false],
    ['a plus bullet', '+ 要点', false],
    ['bold', '**（一）压实责任。**正文', false],
    ['emphasis with underscores', '_强调_', false],
    ['inline code', '用 `code` 写', false],
    ['a link', '见[通知](a.html)', false],
    ['an inline comment', '正文<!-- reportlint-disable-line -->', false],
    ['an HTML block', '<div>正文</div>', false],
    ['a block quote', '> 引文', false],
    ['a setext underline', '标题\n===', false],
    ['a thematic break', '正文\n\n---\n', false],
    ['front matter', '---\ntitle: x\n---\n正文', false],
    ['a fenced block', '~~~\ncode\n~~~', false],
    ['indented code', '    code', false],
    ['a tab', '正文\t正文', false],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |', false],
    ['an entity', '&amp;', false],
    ['a backslash', '正文\\\n下一行', false],
    ['a hard break (two trailing spaces)', '正文  \n下一行', false],
    ['a closing # sequence', '# 标题 #', false],
    ['# with no space', '#标题', false],
    ['seven #', '####### 标题', false],
    ['an empty heading', '#', false],
    ['a lone \\r', '正文\r下一行', false],
    ['a byte-order mark', '\uFEFF正文', false],
  ])('%s → %s', (_label, source, plain) => {
    expect(plainMarkdownBlocks(source) !== undefined).toBe(plain);
    if (plain) expect(agreesWithRemark(source)).toBe(true);
  });

  it('gives remark’s units on every Markdown fixture it takes', () => {
    const files = fg.sync('fixtures/**/*.md');
    let taken = 0;
    for (const file of files) if (agreesWithRemark(readFileSync(file, 'utf8'))) taken++;
    // Most fixtures are plain prose with headings; the rest exercise Markdown on purpose.
    expect(files.length).toBeGreaterThan(40);
    expect(taken).toBeGreaterThan(10);
  });

  it('takes every report of the benchmark corpus, with remark’s units', () => {
    for (let i = 0; i < 40; i++) expect(agreesWithRemark(variedReport(i, 40).text)).toBe(true);
  });

  it('gives remark’s units on generated documents near the edge of the subset', () => {
    // Lines built from pieces that are inside the subset, or just outside it.
    const pieces = [
      '正文', '。', '，', '　', ' ', '  ', '\r', '\n', '\n\n', '\r\n', '# ', '## ', '#', '1.', '1. ', '2)', '12',
      '<!-- reportlint-disable -->', '<!---->', '<!-- a -- b -->', '<!-->', '-', '=', '>', '*', '_', '(', ')', '!',
      '"', "'", ':', '~', 'a', 'http://x.cn', '\u3000', '\uFEFF', '\u00A0', '（一）', '一、', '$', '^', '{', '}',
    ];
    let seed = 20261202;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    let taken = 0;
    for (let doc = 0; doc < 3000; doc++) {
      let source = '';
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) source += pieces[Math.floor(random() * pieces.length)];
      if (agreesWithRemark(source)) taken++;
    }
    // The generator must reach the plain path often, or this test proves nothing.
    expect(taken).toBeGreaterThan(300);
  });
});
