import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import noChecklistCopy from '../rules/no-checklist-copy.js';
import noCrossCopy from '../rules/no-cross-copy.js';
import { ConfigResolver } from '../src/config/index.js';
import { buildCorpusPart, ReferenceCorpus } from '../src/copy/corpus.js';
import { collectCross, findCrossCopies } from '../src/copy/cross.js';
import { K, kgramHashes, NO_HASH, windowFor, winnow } from '../src/copy/fingerprint.js';
import { buildIndexFile, checkIndexSources, loadIndexFile, readIndexHeader } from '../src/copy/index-file.js';
import { normalizeReport, normalizeString, normalizeUnit, SEP, unitsToString } from '../src/copy/normalize.js';
import { ReferenceLoader } from '../src/copy/references.js';
import { copiedShare, mergeOverlapping, shareFindings } from '../src/copy/shares.js';
import { StockMatcher, stockMatcher } from '../src/copy/stock.js';
import { lintText, type LintResult, type RuleRegistry } from '../src/engine/lint.js';
import { UsageError } from '../src/errors.js';
import { lintFiles } from '../src/lint-files.js';
import { buildReport } from '../src/model/build.js';
import { defaultSettings } from '../src/settings.js';
import { prose } from './support/prose.js';

const FIXTURES = path.resolve(new URL('../fixtures/', import.meta.url).pathname);
const COPY = path.join(FIXTURES, 'copy');
const CHECKLIST = path.join(COPY, 'reference', 'city-checklist.md');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-copy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const copyRules: RuleRegistry = new Map([
  [noChecklistCopy.id, noChecklistCopy],
  [noCrossCopy.id, noCrossCopy],
]);

/** Findings of the copy rules as `file line:col-line:col rule → file:line:col-line:col`, for exact comparison. */
function view(results: LintResult[], base = COPY): string[] {
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'no-checklist-copy' || m.ruleId === 'no-cross-copy')
      .map((m) => {
        const where = `${path.relative(base, r.filePath)} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.messageId}`;
        const related = (m.related ?? []).map((x) => `${path.relative(base, x.filePath)}:${x.line}:${x.column}-${x.endLine}:${x.endColumn}`);
        return related.length ? `${where} → ${related.join(' ')}` : where;
      }),
  );
}

function units(text: string, format: 'text' | 'markdown' = 'text'): string {
  return unitsToString(normalizeReport(buildReport(text, format)).units);
}

describe('normalisation', () => {
  it('reads units back as a string code unit for code unit: SEP, astral halves and lone surrogates kept', () => {
    const units = Uint16Array.from([0, 0x4e2d, 0xd840, 0xdc00, 0xd800, 0x61, 0xdc00, 0]);
    const expected = String.fromCharCode(...units);
    expect(unitsToString(units)).toBe(expected);
    expect(unitsToString(units, 2, 6)).toBe(expected.slice(2, 6));
    // A view into a larger buffer starts where the view does.
    expect(unitsToString(units.subarray(1, 4))).toBe(expected.slice(1, 4));
  });

  it('drops punctuation, spaces, numbering and digit formatting; unifies width and case', () => {
    expect(normalizeString('“四个意识”、 四个自信；')).toBe('四个意识四个自信');
    expect(normalizeString('投资１，３００万元 ＡＢｃ')).toBe('投资1300万元abc');
    expect(normalizeString('投资1,300万元')).toBe(normalizeString('投资１３００万元'));
    expect(normalizeString('完成率97.6%')).toBe('完成率976');
    expect(normalizeString('一是（1）加强①学习（一）')).toBe('一是加强学习');
    expect(normalizeString('二〇二五年、二○二五年')).toBe('二〇二五年二〇二五年');
    expect(normalizeString('各镇街党（工）委（2024）')).toBe('各镇街党工委2024');
  });

  it('removes heading markers, leaves out the title, addressee, signature and date, separates paragraphs', () => {
    const text = ['中共某某区委关于2025年度工作情况的报告', '市委：', '一、工作开展情况', '（一）压实责任。全年召开会议12次。', '1.制定清单。细化任务。', '中共某某区委', '2026年1月8日'].join('\n');
    expect(units(text).split('\0')).toEqual(['', '工作开展情况', '压实责任全年召开会议12次', '制定清单细化任务', '']);
    expect(units('## 二、存在的问题\n\n### （一）减负有反弹\n\n部分部门仍然布置填报任务。\n', 'markdown').split('\0')).toEqual(['', '存在的问题', '减负有反弹', '部分部门仍然布置填报任务', '']);
  });

  it('maps every normalised unit back to the source character it came from', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'党的建设，。、“”１２3 AＢc（一）(2)\n\n一、①#*-'.split('')), { maxLength: 200 }), fc.constantFrom<'text' | 'markdown'>('text', 'markdown'), (chars, format) => {
        const source = `标题\n\n${chars.join('')}`;
        const report = buildReport(source, format);
        const doc = normalizeReport(report);
        for (let i = 0; i < doc.units.length; i++) {
          if (doc.units[i] === SEP) {
            expect(doc.offsets[i]).toBe(-1);
          } else {
            expect(normalizeUnit(report.source.charCodeAt(doc.offsets[i]))).toBe(doc.units[i]);
            if (i > 0 && doc.units[i - 1] !== SEP) expect(doc.offsets[i]).toBeGreaterThan(doc.offsets[i - 1]);
          }
        }
      }),
    );
  });
});

describe('fingerprints', () => {
  const enc = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

  it('no k-gram across a paragraph boundary or wholly inside a stock phrase', () => {
    const text = enc('\0甲乙丙丁戊己庚辛壬\0子丑寅\0');
    const h = kgramHashes(text);
    expect([...h].map((v) => v !== NO_HASH)).toEqual([false, true, true, false, false, false, false, false, false, false, false, false, false, false, false, false].slice(0, h.length));
    const stock = Int32Array.of(1, 10); // the whole first paragraph
    expect([...kgramHashes(text, stock)].every((v) => v === NO_HASH)).toBe(true);
    expect(kgramHashes(enc('甲乙丙'))).toHaveLength(0);
  });

  it('winnowing: a shared run of w + k − 1 units always shares a fingerprint', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x4e40 }).map((c) => String.fromCharCode(c)); // a small alphabet: many near-collisions
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 40 }),
        fc.array(han, { maxLength: 60 }),
        fc.array(han, { maxLength: 60 }),
        fc.array(han, { minLength: 60, maxLength: 100 }),
        fc.array(han, { maxLength: 60 }),
        (minChars, a, b, shared, c) => {
          const w = windowFor(minChars);
          const run = shared.slice(0, minChars).join('');
          const x = winnow(kgramHashes(enc(a.join('') + run + c.join(''))), w);
          const y = winnow(kgramHashes(enc(b.join('') + run)), w);
          const ys = new Set(y.hashes);
          expect([...x.hashes].some((h) => ys.has(h))).toBe(true);
        },
      ),
    );
  });

  it('winnowing keeps one position in every window and about 2/(w+1) of them', () => {
    const text = enc(normalizeString(prose(7, 20000)));
    const hashes = kgramHashes(text);
    const w = windowFor(20);
    const fp = winnow(hashes, w);
    for (let i = 1; i < fp.positions.length; i++) expect(fp.positions[i] - fp.positions[i - 1]).toBeLessThanOrEqual(w);
    const density = fp.positions.length / hashes.length;
    expect(density).toBeGreaterThan(1.5 / (w + 1));
    expect(density).toBeLessThan(2.5 / (w + 1));
    expect(winnow(hashes, 1).positions.length).toBe(hashes.length);
  });
});

describe('stock phrases', () => {
  it('finds stock phrases in normalised text, longest first, merged', () => {
    const m = new StockMatcher(['现将有关情况报告如下', '全面从严治党主体责任', '落实全面从严治党主体责任']);
    const text = Uint16Array.from('\0认真落实全面从严治党主体责任现将有关情况报告如下\0', (c) => c.charCodeAt(0));
    expect([...m.find(text)]).toEqual([3, 25]);
  });

  it('include the canonical-terms dictionary and the user’s terms and extra phrases', () => {
    const find = (m: StockMatcher, s: string) => [...m.find(Uint16Array.from(normalizeString(s), (c) => c.charCodeAt(0)))];
    expect(find(stockMatcher(), '以习近平同志为核心的党中央')).toEqual([0, 13]);
    expect(find(stockMatcher(), '一岗双责')).toEqual([0, 4]);
    expect(find(stockMatcher([{ correct: '清廉望湖建设', wrong: [] }], ['三级联动机制']), '清廉望湖建设三级联动机制')).toEqual([0, 12]);
  });

  it('a copy made only of stock phrases does not fire; stock characters do not count towards minChars', () => {
    const reference = '坚持以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”、做到“两个维护”。';
    const run = (text: string, options: Record<string, unknown> = {}) =>
      lintText(text, { registry: copyRules, format: 'text', rules: { 'no-checklist-copy': { severity: 'error', options: { referenceTexts: [reference], maxShare: 1, ...options } } } }).messages;
    expect(run(`区委${reference}全年召开会议12次。`)).toEqual([]);
    // A copied run of 39 characters, of which 17 are not stock: under 20.
    const ref2 = '坚持以习近平新时代中国特色社会主义思想为指导，研究制定年度要点并逐项分解到各单位。';
    expect(run(ref2, { referenceTexts: [ref2] }).map((m) => m.messageId)).toEqual([]);
    expect(run(ref2, { referenceTexts: [ref2], minChars: 17 }).map((m) => `${m.messageId} ${m.message}`)).toEqual(['copied 照搬参考文件 referenceTexts[0] 第 1 行的文字（39 字）']);
  });
});

describe('run extension across edits (no-cross-copy core)', () => {
  const base = '县水利局党组建立班子成员联系基层党支部制度，每名党组成员联系2个党支部，每季度参加一次所联系支部的组织生活，帮助支部研究解决党员教育管理、阵地建设和业务推进中的具体困难，全年累计解决问题23个，推动支部工作与中心任务同频共振。';
  function pieces(a: string, b: string): string[] {
    const stock = stockMatcher();
    const da = collectCross(buildReport(`${prose(1, 80)}\n${a}\n${prose(2, 80)}`, 'text'), stock, 20);
    const db = collectCross(buildReport(`${prose(3, 80)}\n${b}\n${prose(4, 80)}`, 'text'), stock, 20);
    const { runs } = findCrossCopies([da, db], { templateShare: 0.2, templateMinFiles: 5 });
    return runs.map((r) => unitsToString(da.units, r.aStart, r.aEnd)).sort((x, y) => y.length - x.length);
  }

  it('an edited unit name and number leave the runs around the change', () => {
    const edited = base.replace('县水利局', '县自然资源局').replace('23个', '31个');
    const found = pieces(base, edited);
    expect(found[0]).toBe(normalizeString('局党组建立班子成员联系基层党支部制度，每名党组成员联系2个党支部，每季度参加一次所联系支部的组织生活，帮助支部研究解决党员教育管理、阵地建设和业务推进中的具体困难，全年累计解决问题'));
    expect(found[0]).toHaveLength(85);
    expect(found.slice(1).every((p) => p.length < 20)).toBe(true);
  });

  it('changed punctuation and digit formatting are no change at all', () => {
    const edited = base.replace(/，/g, ',').replace('23个', '２３个').replace(/。/g, '；');
    expect(pieces(base, edited)[0]).toBe(normalizeString(base));
  });

  it('a changed number in the middle splits the run in two', () => {
    const text = `${prose(9, 30)}，全年累计解决问题23个，${prose(10, 30)}`;
    const found = pieces(text, text.replace('23个', '45个'));
    expect(found.map((p) => p.length)).toEqual([38, 31]);
  });
});

describe('template text in a batch (Moss)', () => {
  const template = '按照县委统一部署，结合本单位实际，对照年初确定的任务清单逐项开展自查，形成本报告并按时报送县委办公室备案。';
  async function batch(count: number, withTemplate: number): Promise<string[]> {
    const dir = mkdtempSync(path.join(tmp, 'template-'));
    for (let i = 0; i < count; i++) {
      const body = [`一、工作开展情况`, prose(100 + i, 300), i < withTemplate ? template : prose(200 + i, 50), '二、存在的问题', prose(300 + i, 200)];
      writeFileSync(path.join(dir, `unit-${String(i).padStart(2, '0')}.txt`), `${body.join('\n')}\n`);
    }
    const results = await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: copyRules });
    return view(results, dir);
  }

  it('text in more than 20% of the files and in at least 5 is template: not reported', async () => {
    expect(await batch(20, 5)).toEqual([]);
  });

  it('text in at least 5 files but not more than 20% of them is copying', async () => {
    const found = await batch(25, 5);
    expect(found.filter((f) => f.includes('copied'))).toHaveLength(5);
    expect(found[0]).toMatch(/^unit-00\.txt 3:1-3:53 no-cross-copy copied → unit-01\.txt:3:1-3:53 unit-02\.txt:3:1-3:53 unit-03\.txt:3:1-3:53 unit-04\.txt:3:1-3:53$/);
  });

  it('text in 3 files but not more than 20% of them is copying', async () => {
    const found = await batch(20, 3);
    expect(found).toEqual([
      'unit-00.txt 3:1-3:53 no-cross-copy copied → unit-01.txt:3:1-3:53 unit-02.txt:3:1-3:53',
      'unit-01.txt 3:1-3:53 no-cross-copy copied → unit-00.txt:3:1-3:53 unit-02.txt:3:1-3:53',
      'unit-02.txt 3:1-3:53 no-cross-copy copied → unit-00.txt:3:1-3:53 unit-01.txt:3:1-3:53',
    ]);
  });

  it('a small batch learns its template too: text in 3 of 3, 3 of 4 or 3 of 10 files is template', async () => {
    expect(await batch(3, 3)).toEqual([]);
    expect(await batch(4, 3)).toEqual([]);
    expect(await batch(10, 3)).toEqual([]);
  });

  it('two files of three that share a text: copying, in both', async () => {
    expect(await batch(3, 2)).toEqual([
      'unit-00.txt 3:1-3:53 no-cross-copy copied → unit-01.txt:3:1-3:53',
      'unit-01.txt 3:1-3:53 no-cross-copy copied → unit-00.txt:3:1-3:53',
    ]);
  });

  it('template text next to a real copy is cut out of it', () => {
    const stock = stockMatcher();
    const copied = prose(42, 40);
    const docs = Array.from({ length: 10 }, (_, i) => {
      const middle = i < 2 ? copied : prose(500 + i, 40);
      return collectCross(buildReport(`${prose(600 + i, 60)}\n${template}${middle}\n${prose(700 + i, 60)}`, 'text'), stock, 20);
    });
    const { runs, templateHashes } = findCrossCopies(docs, { templateShare: 0.2, templateMinFiles: 5 });
    expect(templateHashes).toBeGreaterThan(0);
    expect(runs.map((r) => [r.a, r.b, unitsToString(docs[0].units, r.aStart, r.aEnd)])).toEqual([[0, 1, normalizeString(copied)]]);
  });
});

describe('mandated formulas (规定表述)', () => {
  const opening = '按照区委全面从严治党工作领导小组办公室《关于报送2024年度落实全面从严治党主体责任情况的通知》要求，现将有关情况报告如下。';
  const guiding = '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，严格落实中央八项规定及其实施细则精神。';

  it('are stock with their variable parts: the whole formula, nothing around it', () => {
    const find = (s: string) => {
      const units = normalizeString(s);
      return [...stockMatcher().find(Uint16Array.from(units, (c) => c.charCodeAt(0)))].map((x) => x);
    };
    const o = normalizeString(opening);
    expect(find(opening)).toEqual([0, o.length]);
    const g = normalizeString(guiding);
    expect(find(guiding)).toEqual([0, g.length]);
    // Text around the formula stays outside it.
    expect(find(`区委常委会${guiding}全年召开会议`)).toEqual([5, 5 + g.length]);
  });

  it('two reports that share only the mandated wording: nothing, even as a pair', async () => {
    const dir = mkdtempSync(path.join(tmp, 'mandated-'));
    writeFileSync(path.join(dir, 'a.txt'), `${opening}\n一、工作开展情况\n${guiding}\n${prose(1, 200)}\n`);
    writeFileSync(path.join(dir, 'b.txt'), `${opening}\n一、工作开展情况\n${guiding}\n${prose(2, 200)}\n`);
    expect(view(await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: copyRules }), dir)).toEqual([]);
  });

  it('a real copy right after the formula is still found, in both files', async () => {
    const dir = mkdtempSync(path.join(tmp, 'mandated-copy-'));
    const copied = '全年组织开展廉政家访活动覆盖干部家庭四百余户并建立家庭助廉档案逐户登记回访。';
    writeFileSync(path.join(dir, 'a.txt'), `一、工作开展情况\n${guiding}${copied}\n${prose(1, 200)}\n`);
    writeFileSync(path.join(dir, 'b.txt'), `一、工作开展情况\n${guiding}${copied}\n${prose(2, 200)}\n`);
    const end = guiding.length + copied.length; // the run ends before the final 。
    expect(view(await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: copyRules }), dir).filter((f) => f.includes(' copied '))).toEqual([
      `a.txt 2:1-2:${end} no-cross-copy copied → b.txt:2:1-2:${end}`,
      `b.txt 2:1-2:${end} no-cross-copy copied → a.txt:2:1-2:${end}`,
    ]);
  });
});

describe('a run is reported in both files or in neither', () => {
  it('a stock phrase that ends inside the run in one file only does not make it one-sided', async () => {
    const dir = mkdtempSync(path.join(tmp, 'both-'));
    const shared = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未';
    // The shared run is 18 + 一岗 = 20 characters; in a.txt 一岗 is the start of the stock phrase 一岗双责.
    writeFileSync(path.join(dir, 'a.txt'), `${prose(1, 200)}\n${shared}一岗双责落实到位。\n`);
    writeFileSync(path.join(dir, 'b.txt'), `${prose(2, 200)}\n${shared}一岗位练兵活动。\n`);
    expect(view(await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: copyRules }), dir)).toEqual([]);
    // (Before, b.txt alone reported it: 20 characters there, 18 in a.txt.) Two characters more, and both files report it.
    writeFileSync(path.join(dir, 'a.txt'), `${prose(1, 200)}\n申酉${shared}一岗双责落实到位。\n`);
    writeFileSync(path.join(dir, 'b.txt'), `${prose(2, 200)}\n申酉${shared}一岗位练兵活动。\n`);
    expect(view(await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: copyRules }), dir)).toEqual([
      'a.txt 2:1-2:23 no-cross-copy copied → b.txt:2:1-2:23',
      'b.txt 2:1-2:23 no-cross-copy copied → a.txt:2:1-2:23',
    ]);
  });
});

describe('shares', () => {
  const sections = [
    { start: 0, end: 100, chars: 98, heading: { start: 0, end: 4 }, label: '一、甲' },
    { start: 100, end: 300, chars: 199, heading: { start: 200, end: 204 }, label: '二、乙' },
  ];
  const doc = { chars: 297, sections, whole: { start: 0, end: 10 } };

  it('counts the union of copied runs per top-level section and for the whole', () => {
    const copied = [[10, 40], [30, 60], [150, 170]] as const;
    expect(copiedShare(doc, copied)).toBeCloseTo(70 / 297);
    expect(shareFindings(doc, copied, 0.3).map((s) => [s.kind, s.label, s.percent])).toEqual([['section', '一、甲', 51]]);
    expect(shareFindings(doc, copied, 0.2).map((s) => [s.kind, s.label, s.percent])).toEqual([
      ['section', '一、甲', 51],
      ['report', '', 23],
    ]);
    expect(shareFindings(doc, [], 0)).toEqual([]);
  });

  it('merges overlapping runs into one passage, sources of the longest run first', () => {
    expect(mergeOverlapping([{ start: 5, end: 30, source: 'a' }, { start: 0, end: 10, source: 'b' }, { start: 30, end: 40, source: 'c' }])).toEqual([
      { start: 0, end: 30, sources: ['a', 'b'] },
      { start: 30, end: 40, sources: ['c'] },
    ]);
  });
});

describe('no-checklist-copy on the fixtures', () => {
  const expected = [
    'copies-checklist.md 11:6-11:50 no-checklist-copy copied → reference/city-checklist.md:9:8-9:52',
    'copies-checklist.md 17:3-17:54 no-checklist-copy copied → reference/city-checklist.md:15:3-15:54',
    'copies-checklist.md 21:1-21:48 no-checklist-copy copied → reference/city-checklist.md:23:3-23:50',
  ];

  it('references from the config: the three copied items, at their exact places, naming the checklist line', async () => {
    const results = await lintFiles(['copies-checklist.md'], { cwd: COPY, registry: copyRules });
    expect(view(results)).toEqual(expected);
    const messages = results[0].messages;
    expect(messages[0].message).toBe('照搬参考文件 reference/city-checklist.md 第 9 行的文字（42 字）');
    expect(messages[0].related).toEqual([{ filePath: CHECKLIST, line: 9, column: 8, endLine: 9, endColumn: 52, message: expect.any(String) }]);
    // The related location carries the reference's words (normalised) for side-by-side views.
    expect(messages[0].related![0].message).toMatch(/^[\u4e00-\u9fff]{20,}$/);
    expect(messages[0].sectionPath).toBe('一、工作开展情况 › （一）抓实责任部署');
  });

  it('references from --reference give the same; the paraphrase (line 13) never fires, even at 12 characters', async () => {
    const results = await lintFiles(['copies-checklist.md'], { cwd: COPY, useConfigFiles: false, registry: copyRules, references: ['reference/*.md'] });
    expect(view(results)).toEqual(expected);
    const twelve = await lintFiles(['copies-checklist.md'], {
      cwd: COPY,
      useConfigFiles: false,
      registry: copyRules,
      references: ['reference/city-checklist.md'],
      ruleFlags: ['no-checklist-copy: [error, {minChars: 12}]'],
    });
    expect(view(twelve)).toEqual(expected);
  });

  it('shares: about 11% of the report; the first section has the highest share', async () => {
    const report = buildReport(readFileSync(path.join(COPY, 'copies-checklist.md'), 'utf8'), 'markdown');
    const doc = normalizeReport(report);
    const corpus = ReferenceCorpus.fromDocuments([{ path: CHECKLIST, text: readFileSync(CHECKLIST, 'utf8') }]);
    const stock = stockMatcher().find(doc.units);
    const runs = corpus.findRuns(doc, stock).filter((m) => m.end - m.start >= 20).map((m) => [m.start, m.end] as const);
    const share = copiedShare(doc, runs);
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.13);
    const low = shareFindings(doc, runs, 0.1);
    expect(low.map((s) => [s.kind, s.label])).toEqual([
      ['section', '一、工作开展情况'],
      ['report', ''],
    ]);
    const firstSection = low[0].percent / 100;
    const results = await lintFiles(['copies-checklist.md'], {
      cwd: COPY,
      registry: copyRules,
      ruleFlags: [`no-checklist-copy: [error, {maxShare: ${firstSection - 0.01}}]`],
    });
    expect(view(results).filter((f) => f.includes('share'))).toEqual(['copies-checklist.md 7:4-7:12 no-checklist-copy section-share']);
    expect(results[0].messages.find((m) => m.messageId === 'section-share')!.message).toBe(
      `本节 ${low[0].percent}% 的文字照搬参考文件（上限 ${Math.round((firstSection - 0.01) * 100)}%）`,
    );
  });

  it('references are not linted, and a report is not compared with itself', async () => {
    const results = await lintFiles(['.'], {
      cwd: COPY,
      useConfigFiles: false,
      ignorePatterns: ['README.md'],
      registry: copyRules,
      references: ['reference/*.md', 'copies-checklist.md'],
    });
    expect(results.map((r) => path.relative(COPY, r.filePath))).toEqual(['batch/unit-a.md', 'batch/unit-b.md', 'batch/unit-c.md', 'batch/unit-d.txt']);
    const corpus = ReferenceCorpus.fromDocuments([{ path: CHECKLIST, text: readFileSync(CHECKLIST, 'utf8') }]);
    const self = lintText(readFileSync(CHECKLIST, 'utf8'), { filePath: CHECKLIST, registry: copyRules, references: corpus });
    expect(self.messages).toEqual([]);
  });

  it('a reference glob that names nothing is a usage error', async () => {
    await expect(lintFiles(['copies-checklist.md'], { cwd: COPY, useConfigFiles: false, registry: copyRules, references: ['nowhere/*.md'] })).rejects.toThrow(UsageError);
  });
});

describe('no-cross-copy on the fixtures', () => {
  it('the four units: two shared passages, found in both files, naming each other; units c and d stay clean', async () => {
    const results = await lintFiles(['batch'], { cwd: COPY, registry: copyRules });
    expect(view(results)).toEqual([
      'batch/unit-a.md 19:1-19:92 no-cross-copy copied → batch/unit-b.md:15:1-15:92',
      'batch/unit-a.md 25:4-25:94 no-cross-copy copied → batch/unit-b.md:25:6-25:96',
      'batch/unit-b.md 15:1-15:92 no-cross-copy copied → batch/unit-a.md:19:1-19:92',
      'batch/unit-b.md 25:6-25:96 no-cross-copy copied → batch/unit-a.md:25:4-25:94',
    ]);
    expect(results[0].messages.filter((m) => m.ruleId === 'no-cross-copy').map((m) => m.message)).toEqual([
      '与 unit-b.md 第 15 行的文字雷同（83 字）',
      '与 unit-b.md 第 25 行的文字雷同（85 字）',
    ]);
  });

  it('all copy fixtures together (with the checklist from the config): exactly the planted copies', async () => {
    const results = await lintFiles(['.'], { cwd: COPY });
    expect(view(results)).toEqual([
      'batch/unit-a.md 19:1-19:92 no-cross-copy copied → batch/unit-b.md:15:1-15:92',
      'batch/unit-a.md 25:4-25:94 no-cross-copy copied → batch/unit-b.md:25:6-25:96',
      'batch/unit-b.md 15:1-15:92 no-cross-copy copied → batch/unit-a.md:19:1-19:92',
      'batch/unit-b.md 25:6-25:96 no-cross-copy copied → batch/unit-a.md:25:4-25:94',
      'copies-checklist.md 11:6-11:50 no-checklist-copy copied → reference/city-checklist.md:9:8-9:52',
      'copies-checklist.md 17:3-17:54 no-checklist-copy copied → reference/city-checklist.md:15:3-15:54',
      'copies-checklist.md 21:1-21:48 no-checklist-copy copied → reference/city-checklist.md:23:3-23:50',
    ]);
    expect(results.map((r) => path.basename(r.filePath))).not.toContain('city-checklist.md');
  });

  it('the clean fixtures linted as one batch, with the clean units and the checklist: neither rule fires', async () => {
    const results = await lintFiles(['clean', 'copy/batch/unit-c.md', 'copy/batch/unit-d.txt'], { cwd: FIXTURES, references: ['copy/reference/city-checklist.md'] });
    expect(results).toHaveLength(8);
    expect(view(results, FIXTURES)).toEqual([]);
  });

  it('a report alone, or an edited copy under the threshold, gives nothing', async () => {
    const dir = mkdtempSync(path.join(tmp, 'pair-'));
    writeFileSync(path.join(dir, 'a.txt'), `${prose(1, 200)}\n全年累计解决问题23个，推动支部工作与中心任务同频共振。\n`);
    writeFileSync(path.join(dir, 'b.txt'), `${prose(2, 200)}\n全年累计解决问题31个，推动支部工作与中心任务同频共振。\n`);
    expect(view(await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: copyRules }), dir)).toEqual([]);
    expect(view(await lintFiles([path.join(COPY, 'batch', 'unit-a.md')], { cwd: COPY, registry: copyRules }))).toEqual([]);
  });
});

describe('reference index (.rlidx)', () => {
  it('round trip: the same corpus, the same findings, the sources recorded', async () => {
    const dir = mkdtempSync(path.join(tmp, 'index-'));
    mkdirSync(path.join(dir, 'refs'));
    copyFileSync(CHECKLIST, path.join(dir, 'refs', 'city-checklist.md'));
    writeFileSync(path.join(dir, 'refs', 'other.txt'), `${prose(5, 3000)}\n`);
    const output = path.join(dir, 'refs.rlidx');
    const built = await buildIndexFile(['refs'], dir, 'refs.rlidx');
    expect(built.files).toBe(2);
    expect(statSync(output).size).toBe(built.bytes);

    const header = readIndexHeader(output);
    expect(header.minChars).toBe(20);
    expect(header.sources.map((s) => s[0])).toEqual(['refs/city-checklist.md', 'refs/other.txt']);
    expect(header.sources[0][1]).toBe(statSync(CHECKLIST).size);
    expect(header.sources[0][3]).toMatch(/^[0-9a-f]{40}$/);

    const part = loadIndexFile(output);
    const inMemory = buildCorpusPart(
      [
        { path: path.join(dir, 'refs', 'city-checklist.md'), text: readFileSync(CHECKLIST, 'utf8') },
        { path: path.join(dir, 'refs', 'other.txt'), text: readFileSync(path.join(dir, 'refs', 'other.txt'), 'utf8') },
      ],
      { stock: stockMatcher(), w: windowFor(20) },
    );
    expect(part.k).toBe(K);
    expect([...part.hashes]).toEqual([...inMemory.hashes]);
    expect([...part.positions]).toEqual([...inMemory.positions]);
    expect(unitsToString(part.text)).toBe(unitsToString(inMemory.text));
    expect(part.docs.map((d) => d.path)).toEqual(inMemory.docs.map((d) => d.path));
    expect(part.location(0, part.docs[0].textStart + 5, part.docs[0].textStart + 30)).toEqual(inMemory.location(0, inMemory.docs[0].textStart + 5, inMemory.docs[0].textStart + 30));

    const report = path.join(dir, 'copies-checklist.md');
    copyFileSync(path.join(COPY, 'copies-checklist.md'), report);
    const results = await lintFiles([report], { cwd: dir, useConfigFiles: false, registry: copyRules, references: ['refs.rlidx'] });
    expect(view(results, dir)).toEqual([
      'copies-checklist.md 11:6-11:50 no-checklist-copy copied → refs/city-checklist.md:9:8-9:52',
      'copies-checklist.md 17:3-17:54 no-checklist-copy copied → refs/city-checklist.md:15:3-15:54',
      'copies-checklist.md 21:1-21:48 no-checklist-copy copied → refs/city-checklist.md:23:3-23:50',
    ]);

    // The same from a config's `references:`, relative to the config file.
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nreferences: refs.rlidx\n');
    const viaConfig = await lintFiles([report], { cwd: os.tmpdir(), registry: copyRules });
    expect(view(viaConfig, dir)).toHaveLength(3);

    expect(checkIndexSources(part)).toEqual({ changed: [], missing: [] });
    writeFileSync(path.join(dir, 'refs', 'other.txt'), '改过了。\n');
    rmSync(path.join(dir, 'refs', 'city-checklist.md'));
    expect(checkIndexSources(part)).toEqual({ changed: [path.join(dir, 'refs', 'other.txt')], missing: [path.join(dir, 'refs', 'city-checklist.md')] });
  });

  it('refuses a file that is not an index or is truncated', async () => {
    const bad = path.join(tmp, 'bad.rlidx');
    writeFileSync(bad, 'not an index');
    expect(() => loadIndexFile(bad)).toThrow(UsageError);
    const dir = mkdtempSync(path.join(tmp, 'trunc-'));
    await buildIndexFile([CHECKLIST], dir, 'refs.rlidx');
    const bytes = readFileSync(path.join(dir, 'refs.rlidx'));
    writeFileSync(path.join(dir, 'cut.rlidx'), bytes.subarray(0, bytes.length - 100));
    expect(() => loadIndexFile(path.join(dir, 'cut.rlidx'))).toThrow(/truncated/);
  });
});

describe('config and loader', () => {
  it('`references:` globs are resolved against the config’s directory and added up through the cascade', () => {
    const dir = mkdtempSync(path.join(tmp, 'config-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nreferences: refs/*.md\n');
    writeFileSync(path.join(dir, 'sub', '.reportlintrc.yaml'), 'references: [../old/2024.md, ./local.txt]\n');
    const resolver = new ConfigResolver({ registry: builtinRegistry, cwd: dir });
    expect(resolver.forFile(path.join(dir, 'sub', 'a.md')).settings.references).toEqual([`${dir}/refs/*.md`, `${dir}/sub/../old/2024.md`, `${dir}/sub/local.txt`]);
    expect(resolver.forFile(path.join(dir, 'b.md')).settings.references).toEqual([`${dir}/refs/*.md`]);
    writeFileSync(path.join(dir, 'sub', '.reportlintrc.yaml'), 'references: []\n');
    expect(() => new ConfigResolver({ registry: builtinRegistry, cwd: dir }).forFile(path.join(dir, 'sub', 'a.md'))).toThrow();
  });

  it('the loader reads each list once and knows the reference files', async () => {
    const loader = new ReferenceLoader(COPY, ['reference/*.md']);
    const settings = defaultSettings();
    const a = await loader.forSettings(settings);
    expect(await loader.forSettings({ ...settings })).toBe(a);
    expect([...a!.files]).toEqual([CHECKLIST]);
    expect(a!.corpus.documentCount).toBe(1);
    expect(await new ReferenceLoader(COPY).forSettings(settings)).toBeUndefined();
    // A directory stands for the references below it.
    const dir = await new ReferenceLoader(COPY, ['reference']).forSettings(settings);
    expect([...dir!.files]).toEqual([CHECKLIST]);
  });
});
