import { describe, expect, it } from 'vitest';
import {
  genreOfTitle,
  isAppendixLabel,
  isAttachmentNoteHead,
  isAttachmentNoteItem,
  isCaption,
  isDistribution,
  isFrontMatter,
  isNote,
  isPageNumber,
  isPageNumberField,
  isSalutation,
  isTextTableRow,
  markerLineShape,
  opensNewsItem,
  problemsLeadEnd,
  titleBlockLine,
  type Genre,
} from '../src/model/anatomy.js';
import { buildReport } from '../src/model/build.js';
import type { ParagraphKind } from '../src/model/report.js';

/** The recognisers of document parts, one table each: what must match, and what must not. */
const RECOGNISERS: [string, (text: string) => boolean, string[], string[]][] = [
  ['page-number field of a header or footer', isPageNumberField, ['第  页', '—  —', '第 3 页', '第  页 共  页'], ['第一页的内容', '页码']],
  ['page number', isPageNumber, ['— 1 —', '-2-', '－ 12 －', '第3页 共8页', '第 3 页', '3/8'], ['1', '一、工作情况', '共3页的材料', '2024-1-5']],
  [
    '版头',
    isFrontMatter,
    ['000123', '机密★1年', '秘密', '特急', '中共青山区委文件', '青委发〔2024〕3号', '青委发〔2024〕3号　　签发人：王明', '签发人：王明', '来源：青山区纪委监委', '您当前的位置：首页＞政务公开', '【字体：大 中 小】 打印本页'],
    ['中共青山区委关于2023年度工作情况的报告', '市委：', '2024年1月15日', '全年发文3号文件。', '关于印发青委发〔2024〕3号文件的通知'],
  ],
  ['salutation', isSalutation, ['同志们：', '各位代表：', '尊敬的各位领导、同志们：', '同学们！'], ['市委：', '现将有关情况报告如下：', '同志们在工作中表现突出：']],
  ['版记', isDistribution, ['抄送：市纪委监委，市委组织部。', '中共青山区委办公室　　2024年1月16日印发', '（共印30份）'], ['全年印发文件23件。', '抄送情况良好']],
  ['附注', isNote, ['（联系人：王明，电话：12345678）', '（此件公开发布）', '（白沙县纪委监委宣传部　供稿）'], ['（一）压实责任', '（2024年1月5日）', '（联系人与电话略）。']],
  ['attachment label', isAppendixLabel, ['附件1', '附件 2', '附件一', '附件'], ['附件：1.清单', '附件1：清单', '附件材料']],
  ['附件说明 head', isAttachmentNoteHead, ['附件：1.2023年度主体责任清单', '附件：《责任清单》'], ['附件1', '附件：']],
  ['附件说明 item', isAttachmentNoteItem, ['2.2023年度问题整改台账', '3．督查情况汇总表'], ['2.全年开展督查4次。开展谈话12人次。', '二、存在的问题']],
  ['caption', isCaption, ['表1 2024年度审计项目统计表', '表2：巡察发现问题分类', '图3 问题分布', '续表'], ['表1中的数据说明，问题有所减少。', '表彰先进集体12个']],
  ['text table row', isTextTableRow, ['项目 | 数量 | 完成率', '| 审计 | 12 |', '经济责任审计｜12'], ['全年开展督查4次。', '|']],
];

describe('document parts (anatomy.ts)', () => {
  for (const [name, recognise, yes, no] of RECOGNISERS) {
    it.each(yes)(`${name}: %s`, (text) => expect(recognise(text)).toBe(true));
    it.each(no)(`not ${name}: %s`, (text) => expect(recognise(text)).toBe(false));
  }

  it.each<[string, Genre]>([
    ['中共青山区委关于2023年度落实全面从严治党主体责任情况的报告', 'report'],
    ['关于2024年度工作情况的报告（征求意见稿）', 'report'],
    ['2024年工作总结', 'report'],
    ['关于全面从严治党主体责任落实情况的请示报告', 'report'],
    ['关于增加2024年度专项经费的请示', 'request'],
    ['关于商请协助开展联合检查的函', 'letter'],
    ['关于开展2024年度考核工作的通知', 'notice'],
    ['关于3起违反中央八项规定精神典型问题的通报', 'bulletin'],
    ['在全区全面从严治党工作会议上的讲话', 'speech'],
    ['纪检监察工作简报', 'news'],
    ['关于加强基层监督的实施意见', 'other'],
    ['白沙县召开2024年全面从严治党工作会议', 'unknown'],
  ])('genre of %s: %s', (title, genre) => expect(genreOfTitle(title)).toBe(genre));

  it.each([
    ['——在全区全面从严治党工作会议上的讲话', false, 'subtitle'],
    ['（2024年1月5日）', false, 'byline'],
    ['（2023年度）', false, 'byline'],
    ['关键词：乡镇纪委　规范化建设', false, 'byline'],
    ['青阳市纪委监委调研组', false, 'byline'],
    ['区委书记　王建国', true, 'byline'],
    ['区委书记　王建国', false, null],
    ['市委：', true, null],
    ['一、工作开展情况', true, null],
  ])('title block line %s (speech: %s): %s', (text, speech, kind) => expect(titleBlockLine(text, speech)).toBe(kind));

  it.each([
    ['本报讯　2月22日，白沙县召开会议。', true],
    ['本网讯 近日，……', true],
    ['2月22日，白沙县召开会议。', false],
  ])('news lead %s: %s', (text, yes) => expect(opensNewsItem(text)).toBe(yes));

  it.each([
    ['存在的主要问题：一是学习不够深入，二是监督不够有力。', '存在的主要问题：'],
    ['但也存在一些不足：个别支部组织生活质量不高，有的党员学习不深入。', '但也存在一些不足：'],
    ['一年来工作取得一定进展，但也存在一些不足：有的社区书记抓党建意识不强，有的干部作风不实。', '一年来工作取得一定进展，但也存在一些不足：'],
    ['在肯定成绩的同时，我们也清醒地看到工作中存在的问题：一是政治监督精准度不够，二是基层监督力量薄弱。', '在肯定成绩的同时，我们也清醒地看到工作中存在的问题：'],
    ['对巡察发现的问题，逐项建立台账，已整改32个。', null],
    ['针对存在的问题，区委研究制定了整改方案，明确整改措施12条。', null],
    ['存在的问题：无。', null],
  ])('problems lead-in of %s', (text, lead) => {
    const end = problemsLeadEnd(text);
    expect(end === -1 ? null : text.slice(0, end)).toBe(lead);
  });
});

describe('marker lines: heading, run-in heading or numbered item', () => {
  it.each([
    ['突出政治建设，从严落实主体责任', 'standalone', '突出政治建设，从严落实主体责任'],
    ['强化政治引领，筑牢思想根基', 'standalone', '强化政治引领，筑牢思想根基'],
    ['工作开展情况', 'standalone', '工作开展情况'],
    ['压实责任。', 'standalone', '压实责任'],
    ['压实责任链条。区委常委会先后12次研究部署。', 'run-in', '压实责任链条'],
    ['强化政治引领，筑牢思想根基。全年开展集中学习14次。', 'run-in', '强化政治引领，筑牢思想根基'],
    ['区委常委会全年专题研究全面从严治党工作12次，听取汇报5次。', 'item', ''],
    ['全年开展督查12次。', 'item', ''],
    ['区委常委会全年专题研究全面从严治党工作12次，听取汇报5次。同时建立台账。', 'item', ''],
    ['全年开展督查4次，', 'item', ''],
    ['镇党委书记带队走访14个村（社区）党组织，现场解决集体经济项目用地等问', 'item', ''],
    ['在政治建设方面，我们做了以下工作：', 'item', ''],
  ])('%s → %s', (rest, kind, title) => {
    const shape = markerLineShape(rest);
    expect(shape.kind).toBe(kind);
    if (shape.kind !== 'item') expect(rest.slice(0, shape.titleEnd)).toBe(title);
  });

  it('a bold lead ends the heading', () => {
    expect(markerLineShape('压实责任区委常委会先后12次研究部署。', 4)).toEqual({ kind: 'run-in', titleEnd: 4, headingEnd: 4 });
  });
});

/** Whole documents: the kind of each line (by line number) and the genre. */
function kinds(text: string, format: 'text' | 'markdown' = 'text'): { genre: Genre; lines: Record<number, ParagraphKind> } {
  const report = buildReport(text, format);
  const lines: Record<number, ParagraphKind> = {};
  for (const p of report.paragraphs) lines[report.lines.position(p.span.start).line] = p.kind;
  return { genre: report.genre, lines };
}

describe('the parts of whole documents', () => {
  it('版头, a title over two lines, the body, 附件说明, signature, date, 附注, attached documents and 版记', () => {
    const text = [
      '000123', // 1
      '特急',
      '中共青山区委文件',
      '青委发〔2024〕3号',
      '中共青山区委关于2023年度落实全面从严治党', // 5
      '主体责任情况的报告',
      '市委：',
      '现将有关情况报告如下。',
      '一、突出政治建设，从严落实主体责任',
      '（一）区委常委会全年专题研究全面从严治党工作12次，听取汇报5次。', // 10
      '— 1 —',
      '特此报告。',
      '附件：1.2023年度主体责任清单',
      '2.2023年度问题整改台账',
      '中共青山区委', // 15
      '2024年1月15日',
      '（联系人：王明，电话：12345678）',
      '附件1',
      '2023年度主体责任清单',
      '一、总体情况', // 20
      '全年共完成清单任务48项。',
      '抄送：市纪委监委。',
      '中共青山区委办公室　　2024年1月16日印发',
    ].join('\n');
    const { genre, lines } = kinds(text);
    expect(genre).toBe('report');
    expect(lines).toEqual({
      1: 'front-matter',
      2: 'front-matter',
      3: 'front-matter',
      4: 'front-matter',
      5: 'title',
      7: 'addressee',
      8: 'body',
      9: 'heading',
      10: 'body',
      12: 'body',
      13: 'attachment-note',
      14: 'attachment-note',
      15: 'signature',
      16: 'date',
      17: 'note',
      18: 'appendix-label',
      19: 'appendix-title',
      20: 'heading',
      21: 'body',
      22: 'distribution',
      23: 'distribution',
    });
    const report = buildReport(text, 'text');
    expect(report.title!.content.text).toBe('中共青山区委关于2023年度落实全面从严治党主体责任情况的报告');
    expect(report.sections.map((s) => s.label)).toEqual(['一、突出政治建设，从严落实主体责任']);
    expect(report.allSections.map((s) => [s.style, s.title])).toEqual([
      ['standalone', '突出政治建设，从严落实主体责任'],
      ['item', ''],
    ]);
    expect(report.appendices.map((a) => a.allSections.map((s) => s.path.join(' › ')))).toEqual([['附件1 › 一、总体情况']]);
    expect(report.excluded.map((e) => e.kind)).toEqual(['furniture']);
  });

  it('a speech: subtitle, date line, speaker and salutation', () => {
    const { genre, lines } = kinds(['在全县全面从严治党工作会议上的讲话', '（2024年2月26日）', '县委书记　周明远', '同志们：', '今天召开会议。'].join('\n'));
    expect(genre).toBe('speech');
    expect(lines).toEqual({ 1: 'title', 2: 'byline', 3: 'byline', 4: 'salutation', 5: 'body' });
  });

  it('a web page line before the title does not hide it', () => {
    const { lines } = kinds(['您当前的位置：首页＞政务公开＞工作报告', '关于2023年度工作情况的报告', '市委：', '现报告如下。'].join('\n'));
    expect(lines).toEqual({ 1: 'front-matter', 2: 'title', 3: 'addressee', 4: 'body' });
  });

  it('a headline title takes its kind from the subtitle; a news item from its dateline', () => {
    expect(kinds(['坚持严字当头　推动责任落地', '——关于2023年度落实主体责任情况的报告', '现报告如下。'].join('\n')).genre).toBe('report');
    expect(kinds(['白沙县召开全面从严治党工作会议', '本报讯　2月22日，白沙县召开会议。'].join('\n')).genre).toBe('news');
  });

  it('tables and captions, in text and Markdown', () => {
    expect(kinds(['关于工作情况的报告', '表1 2024年度审计项目统计表', '项目 | 数量', '审计 | 12', '全年审计12项。'].join('\n')).lines).toEqual({
      1: 'title',
      2: 'caption',
      3: 'table-cell',
      4: 'table-cell',
      5: 'body',
    });
    const md = kinds(['# 关于工作情况的报告', '', '表1　统计表', '', '| 项目 | 数量 |', '| --- | --- |', '| 审计 | 12 |'].join('\n'), 'markdown');
    expect(md.lines[3]).toBe('caption');
    expect(md.lines[5]).toBe('table-cell');
  });

  it('a literal bold lead is markup, and ends a run-in heading', () => {
    const report = buildReport(['# 报告', '', '**（一）压实责任。**区委常委会先后12次研究部署。'].join('\n'), 'markdown');
    const [section] = report.allSections.filter((s) => s.marker);
    expect([section.style, section.title]).toEqual(['run-in', '压实责任']);
    expect(report.excluded.filter((e) => e.kind === 'markup')).toHaveLength(2);
  });

  it('enclosed numerals are markers', () => {
    const report = buildReport(['关于工作情况的报告', '一、工作情况', '㈠压实责任', '全年召开会议12次。', '㈡强化监督', '开展督查4次。'].join('\n'), 'text');
    expect(report.allSections.map((s) => [s.level, s.marker?.number, s.title])).toEqual([
      [1, 1, '工作情况'],
      [2, 1, '压实责任'],
      [2, 2, '强化监督'],
    ]);
  });
});
