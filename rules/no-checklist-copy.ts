import path from 'node:path';
import { ReferenceCorpus, type ReferenceMatch } from '../src/copy/corpus.js';
import { normalizedReport, sourceSpan } from '../src/copy/normalize.js';
import { displayPath, mergeOverlapping, shareFindings } from '../src/copy/shares.js';
import { stockMatcher, stockOverlap } from '../src/copy/stock.js';
import { defineRule, type RelatedLocation } from '../src/engine/rule.js';

/** Related locations listed per finding, at most. */
const MAX_RELATED = 5;

/** Corpora for `referenceTexts`, by content. */
const inline = new Map<string, ReferenceCorpus>();
function inlineCorpus(texts: readonly string[]): ReferenceCorpus {
  const key = JSON.stringify(texts);
  let corpus = inline.get(key);
  if (!corpus) {
    const docs = texts.map((text, i) => ({ path: `referenceTexts[${i}]`, text, format: 'text' as const }));
    corpus = ReferenceCorpus.fromDocuments(docs);
    if (inline.size >= 16) inline.delete(inline.keys().next().value!);
    inline.set(key, corpus);
  }
  return corpus;
}

export default defineRule({
  id: 'no-checklist-copy',
  category: 'copy',
  severity: 'error',
  fixable: false,
  options: {
    minChars: {
      default: 20,
      schema: { type: 'integer', minimum: 8 },
      description: {
        zh: '照搬段落的最短长度：规范化后（去掉标点、空格、编号，统一全半角）至少这么多字才报告，套话不计入。默认 20，最小 8。',
        en: 'Shortest copied run reported, in normalised characters (punctuation, spaces and numbering removed, full/half width unified); stock phrases do not count. Default 20, at least 8.',
      },
    },
    maxShare: {
      default: 0.3,
      schema: { type: 'number', minimum: 0, maximum: 1 },
      description: {
        zh: '一级标题下的一节或全文中照搬文字所占比例超过此值（0–1）时，另报一条。默认 0.3（30%）。',
        en: 'When more than this share (0–1) of a top-level section, or of the whole report, is copied, that section or the report gets a finding of its own. Default 0.3 (30%).',
      },
    },
    referenceTexts: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', minLength: 1 } },
      description: {
        zh: '直接写在配置中的参考文本（如清单中的几条），与参考文件一并比对；在结果中以 referenceTexts[序号] 指代。',
        en: 'Reference passages written in the config itself (a few items of a checklist), compared as reference files are; findings name them referenceTexts[index].',
      },
    },
    extraStockPhrases: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', minLength: 1 } },
      description: {
        zh: '额外的套话：与内置套话、规范提法词典一样，其中的字不计入照搬长度。',
        en: 'More stock phrases: like the built-in ones and the canonical-terms dictionary, their characters do not count towards a copied run.',
      },
    },
  },
  messages: {
    copied: {
      zh: '照搬参考文件 {source} 第 {line} 行的文字（{chars} 字）',
      en: 'Copied from reference {source}, line {line} ({chars} characters)',
    },
    'section-share': {
      zh: '本节 {percent}% 的文字照搬参考文件（上限 {max}%）',
      en: '{percent}% of this section is copied from reference documents (at most {max}%)',
    },
    'report-share': {
      zh: '全文 {percent}% 的文字照搬参考文件（上限 {max}%）',
      en: '{percent}% of the report is copied from reference documents (at most {max}%)',
    },
  },
  docs: {
    summary: {
      zh: '禁止照搬参考文件（上级责任清单、往年报告、模板）',
      en: 'Disallow passages copied from reference documents (the checklist, past reports, templates)',
    },
    why: {
      zh: '通知点名批评“照搬市委责任清单”：把上级清单或往年报告原样抄进本单位报告，说明没有结合实际梳理责任落实情况。',
      en: 'The notice singles out 照搬市委责任清单: pasting the city’s checklist or an old report into one’s own shows that the unit did not look at how it actually carried out its duties.',
    },
    details: {
      zh:
        '参考文件在配置的 references:（相对配置文件的 glob）或命令行 --reference 中给出，可以是 Markdown、纯文本或 reportlint index 预先建立的 .rlidx 索引；参考文件本身不检查，报告也不会与索引中同一路径的自身比对。\n\n' +
        '比对的是规范化后的文字：去掉标点、空格、编号（一、（一）1.（1）①）和数字格式（千分位、全角数字），统一全半角与大小写；标题、主送机关、落款和日期不参与比对。\n\n' +
        '方法：参考文件的 8 字片段（k-gram）取哈希，经 winnowing（Schleimer 等，SIGMOD 2003）筛选后存入按哈希排序的倒排索引；报告的每个 8 字片段在索引中二分查找，命中后向两侧扩展到最长的相同片段，不做逐对全文比较。\n\n' +
        '每个长度不少于 minChars（默认 20）的照搬片段在报告中的准确位置报告一条，指明参考文件及行号（JSON 中的 related 给出起止行列）。只改了单位名称、数字或标点的照搬，表现为改动处两侧的片段，各自达到长度即报告。\n\n' +
        '内置套话（如“现将有关情况报告如下”）、规范提法词典中的标准表述及 extraStockPhrases 中的文字不计入长度。另计算每个一级标题下各节和全文中照搬文字的比例，超过 maxShare（默认 30%）时另报一条。\n\n' +
        '.rlidx 索引保证不少于建索引时 --min-chars（默认 20）字的片段必能找到；更短的 minChars 需要相应重建索引。',
      en:
        'References are named in the config (`references:`, globs relative to the config file) or with --reference; they can be Markdown, plain text or a `.rlidx` index built beforehand by `reportlint index`. References are not linted themselves, and a report is never compared with a document of the same path in an index.\n\n' +
        'Text is compared after normalisation: punctuation, spaces, numbering (一、 （一） 1. （1） ①) and digit formatting (thousands separators, full-width digits) are removed, full and half width and letter case are unified; the title, addressee, signature and date are not compared.\n\n' +
        'Method: the 8-character k-grams of the references are hashed, thinned by winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) and kept in an inverted index sorted by hash; each k-gram of the report is looked up by binary search, and a hit is extended both ways to the longest shared run. No two texts are ever compared whole.\n\n' +
        'Each copied run of at least minChars (default 20) normalised characters is reported at its exact place in the report, naming the reference file and line (the JSON gives the range as `related`). A copy edited by changing the unit’s name, a number or the punctuation shows as the runs on either side of the change, each reported when long enough.\n\n' +
        'Built-in stock phrases (现将有关情况报告如下 …), the standard forms of the canonical-terms dictionary and extraStockPhrases do not count towards a run’s length. The copied share of each top-level section and of the whole report is computed too; above maxShare (default 30%) the section or the report gets a finding of its own.\n\n' +
        'A `.rlidx` index is sure to find runs of at least the --min-chars it was built with (default 20); for a smaller minChars, rebuild it.',
    },
  },
  examples: [
    {
      valid: '区委书记坚持同每位班子成员面对面谈心，发现问题当面点明，并对改进工作提出具体意见。',
      options: { referenceTexts: ['市委书记每年至少与班子成员和各区县党委书记开展1次谈心谈话，及时指出存在问题，提出改进要求。'] },
      note: { zh: '同样的意思换了说法，不是照搬。', en: 'The same meaning in other words is not copying.' },
    },
    {
      valid: '坚持以习近平新时代中国特色社会主义思想为指导，认真落实全面从严治党主体责任，全年召开专题会议12次。',
      options: { referenceTexts: ['坚持以习近平新时代中国特色社会主义思想为指导，认真落实全面从严治党主体责任。'] },
      note: { zh: '套话和规范提法不算照搬。', en: 'Stock phrases and standard formulations are not copying.' },
    },
    {
      invalid: '区委严格执行民主集中制，凡属“三重一大”事项必须经集体讨论决定，不得以传阅、个别征求意见等方式代替集体决策。全年研究重大事项96项。',
      options: { referenceTexts: ['5.严格执行民主集中制，凡属“三重一大”事项必须经集体讨论决定，不得以传阅、个别征求意见等方式代替集体决策。'] },
      expect: ['1:1 report-share', '1:3 copied'],
      note: { zh: '编号和标点不影响比对；照搬占全文比例过高另报一条。', en: 'Numbering and punctuation do not hide a copy; a report mostly copied gets a finding of its own.' },
    },
    {
      invalid: '每年年初区委常委会专题研究制定全面从严治党年度工作要点，明确各项任务的责任领导、牵头单位和完成时限，今年共分解任务42项，年中和年末各开展一次对账销号，完成率达到97.6%，推动责任层层落实。',
      options: { referenceTexts: ['每年年初市委常委会专题研究制定全面从严治党年度工作要点，明确各项任务的责任领导、牵头单位和完成时限。'], maxShare: 1 },
      expect: ['1:6 copied'],
      note: {
        zh: '只把“市委”改成“区委”：改动之后的一段照搬仍然报告（前面的“每年年初”不足 20 字）。maxShare 为 1 时不报告比例。',
        en: 'Only 市委 changed to 区委: the copied run after the change is still reported (每年年初 before it is too short). With maxShare 1, shares are never reported.',
      },
    },
    {
      invalid: [
        '一、工作开展情况',
        '区委严格执行民主集中制，凡属“三重一大”事项必须经集体讨论决定，不得以传阅、个别征求意见等方式代替集体决策。',
        '二、存在的问题',
        '年内专项检查发现，有2个区直单位把应当集体研究的采购事项改为主要负责人签批，涉及金额合计86万元，决策程序存在明显漏洞，个别班子成员对集体领导的原则理解不深，会议记录不完整，表决情况没有逐项记载，有的议题会前没有充分酝酿。',
      ].join('\n'),
      options: { referenceTexts: ['严格执行民主集中制，凡属“三重一大”事项必须经集体讨论决定，不得以传阅、个别征求意见等方式代替集体决策。'] },
      expect: ['1:1 section-share', '2:3 copied'],
    },
  ],
  check(report, context) {
    const { minChars, maxShare, referenceTexts, extraStockPhrases } = context.options;
    const corpora: ReferenceCorpus[] = [];
    if (context.references?.documentCount) corpora.push(context.references);
    if (referenceTexts.length) corpora.push(inlineCorpus(referenceTexts));
    if (!corpora.length) return;

    const doc = normalizedReport(report);
    const stock = stockMatcher(context.settings.terms, extraStockPhrases).find(doc.units);
    const self = context.filePath ? path.resolve(context.filePath) : undefined;
    const runs: { start: number; end: number; source: { corpus: ReferenceCorpus; match: ReferenceMatch } }[] = [];
    for (const corpus of corpora) {
      for (const match of corpus.findRuns(doc, stock, self)) {
        if (match.end - match.start - stockOverlap(stock, match.start, match.end) < minChars) continue;
        runs.push({ start: match.start, end: match.end, source: { corpus, match } });
      }
    }
    // One finding per copied passage, naming every reference it is found in.
    const found = mergeOverlapping(runs);
    for (const f of found) {
      const related: RelatedLocation[] = f.sources.slice(0, MAX_RELATED).map((s) => s.corpus.location(s.match));
      context.report({
        at: sourceSpan(doc.offsets, f.start, f.end),
        messageId: 'copied',
        data: { source: displayPath(context.filePath, related[0].filePath), line: related[0].line, chars: f.end - f.start },
        related,
      });
    }
    for (const s of shareFindings(doc, found.map((f) => [f.start, f.end] as const), maxShare)) {
      context.report({
        at: s.at,
        messageId: s.kind === 'section' ? 'section-share' : 'report-share',
        data: { percent: s.percent, max: Math.round(maxShare * 100) },
      });
    }
  },
});
