// The Word shape fixtures are well-formed packages with the intended paragraphs.
// What reportlint finds in them is asserted elsewhere (issue 11's precision test).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPackage } from '../src/docx/package.js';
import { visibleText, wordParagraphs, W_NS } from '../src/docx/visible-text.js';
import { buildShapeDocuments, writeShapeDocuments, type ShapeDocument } from '../scripts/shapes-docx.js';

const NAMES = ['two-phrase-headings', 'sentence-items', 'table-caption', 'banji-attachments', 'word-numbering', 'title-two-paragraphs'];

let docs: ShapeDocument[];
beforeAll(async () => {
  docs = await buildShapeDocuments();
});

function find(name: string, faulty = false): ShapeDocument {
  const d = docs.find((x) => x.name === name && x.faulty === faulty);
  if (!d) throw new Error(`no ${name}`);
  return d;
}

async function body(d: ShapeDocument) {
  const pkg = await openPackage(d.buffer);
  const xml = pkg.xml('word/document.xml');
  if (!xml) throw new Error('no word/document.xml');
  return { pkg, xml, paragraphs: wordParagraphs(xml) };
}

const texts = (ps: Element[]) => ps.map(visibleText);
const style = (p: Element) => p.getElementsByTagNameNS(W_NS, 'pStyle').length;
const numbered = (p: Element) => p.getElementsByTagNameNS(W_NS, 'numPr').length > 0;

describe('shapes-docx generator', () => {
  it('builds every shape as a correct document and a faulty twin', () => {
    expect(docs.map((d) => `${d.name}${d.faulty ? ' (faulty)' : ''}`).sort()).toEqual(NAMES.flatMap((n) => [n, `${n} (faulty)`]).sort());
  });

  it('gives each document the paragraphs it declares, in order', async () => {
    for (const d of docs) {
      const { paragraphs } = await body(d);
      expect(texts(paragraphs), `${d.name} faulty=${d.faulty}`).toEqual(d.paragraphs);
      expect(d.paragraphs.length).toBeGreaterThan(15);
    }
  });

  it('writes two-phrase headings as plain paragraphs, no heading style', async () => {
    const { paragraphs } = await body(find('two-phrase-headings'));
    const heading = paragraphs.find((p) => visibleText(p) === '（一）强化政治引领，筑牢思想根基');
    expect(heading).toBeDefined();
    expect(style(heading!)).toBe(0);
    expect(paragraphs.every((p) => style(p) === 0)).toBe(true);
  });

  it('keeps whole-sentence items as one paragraph each', async () => {
    const { paragraphs } = await body(find('sentence-items'));
    expect(texts(paragraphs)).toContain('（一）区委常委会全年专题研究全面从严治党工作12次，听取纪委监委、组织部等部门专项汇报8次，对换届后新任职的56名领导干部开展任前廉政谈话。');
  });

  it('puts a 4×3 table right after its caption paragraph', async () => {
    const { xml } = await body(find('table-caption'));
    const tables = xml.getElementsByTagNameNS(W_NS, 'tbl');
    expect(tables.length).toBe(1);
    const rows = Array.from(tables[0].getElementsByTagNameNS(W_NS, 'tr'));
    expect(rows.map((r) => r.getElementsByTagNameNS(W_NS, 'tc').length)).toEqual([3, 3, 3, 3]);
    expect(texts(wordParagraphs(rows[0]))).toEqual(['项目类别', '项目数（个）', '查出问题金额（万元）']);
    let prev = tables[0].previousSibling;
    while (prev && prev.nodeType !== 1) prev = prev.previousSibling;
    expect(visibleText(prev as Element)).toBe('表1　2024年度审计项目统计表');
  });

  it('ends with 附件说明, signature, date and a 版记 whose 印发 line uses a tab', async () => {
    const t = texts((await body(find('banji-attachments'))).paragraphs);
    expect(t.slice(-6)).toEqual([
      '附件：1.江口县委办公室2024年度督查工作情况统计表',
      '2.江口县委办公室2024年度保密检查问题整改清单',
      '中共江口县委办公室',
      '2025年1月9日',
      '抄送：县纪委监委，县委组织部。',
      '中共江口县委办公室\t2025年1月10日印发',
    ]);
  });

  it('numbers headings and items with Word numbering in chineseCounting, the marker not in the text', async () => {
    const { pkg, paragraphs } = await body(find('word-numbering'));
    const numberingXml = pkg.text('word/numbering.xml') ?? '';
    expect(numberingXml).toContain('w:val="chineseCounting"');
    expect(numberingXml).toContain('w:val="%1、"');
    expect(numberingXml).toContain('w:val="（%2）"');
    const first = paragraphs.find((p) => visibleText(p) === '工作开展情况');
    expect(first && numbered(first)).toBe(true);
    expect(paragraphs.filter(numbered).length).toBe(22);
    expect(texts(paragraphs).some((s) => /^([一二三]、|（[一二]）|\d\.)/.test(s))).toBe(false);
  });

  it('splits the title over two paragraphs', async () => {
    const t = texts((await body(find('title-two-paragraphs'))).paragraphs);
    expect(t.slice(0, 3)).toEqual(['中共南溪市自然资源和规划局党组', '关于2024年度落实全面从严治党主体责任情况的报告', '中共南溪市委：']);
  });

  it('carries the planted faults of the text twins into the faulty Word twins', async () => {
    const has = async (name: string, s: string) => texts((await body(find(name, true))).paragraphs).some((p) => p.includes(s));
    expect(await has('two-phrase-headings', '县纪委监委履行主体责任')).toBe(true);
    expect(await has('sentence-items', '镇街党组织×个')).toBe(true);
    expect(await has('table-caption', '未收到违反审计纪律的反')).toBe(true);
    expect(await has('banji-attachments', '2025年1月×日印发')).toBe(true);
    expect(await has('title-two-paragraphs', '中共××市委：')).toBe(true);
    const faultyNumbering = (await body(find('word-numbering', true))).pkg.text('word/numbering.xml') ?? '';
    expect(faultyNumbering).toContain('w:val="%3、"');
    expect((await body(find('word-numbering'))).pkg.text('word/numbering.xml')).not.toContain('w:val="%3、"');
  });

  it('writes the documents as .docx files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shapes-docx-'));
    try {
      const files = await writeShapeDocuments(dir);
      expect(files.length).toBe(12);
      for (const n of NAMES) {
        expect(existsSync(path.join(dir, `${n}.docx`))).toBe(true);
        expect(existsSync(path.join(dir, 'faulty', `${n}.docx`))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
