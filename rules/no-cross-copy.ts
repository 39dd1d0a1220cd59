import { collectCross, countedChars, findCrossCopies, type CrossData } from '../src/copy/cross.js';
import { sourceSpanFromRuns } from '../src/copy/normalize.js';
import { displayPath, mergeOverlapping, shareFindings } from '../src/copy/shares.js';
import { stockMatcher } from '../src/copy/stock.js';
import { defineRule, type BatchFile } from '../src/engine/rule.js';

/** Other files listed per finding, at most. */
const MAX_RELATED = 5;

export default defineRule({
  id: 'no-cross-copy',
  category: 'copy',
  severity: 'error',
  fixable: false,
  options: {
    minChars: {
      default: 20,
      schema: { type: 'integer', minimum: 8 },
      description: {
        zh: '雷同段落的最短长度：规范化后（去掉标点、空格、编号，统一全半角）至少这么多字才报告，套话不计入。默认 20，最小 8。',
        en: 'Shortest shared run reported, in normalised characters (punctuation, spaces and numbering removed, full/half width unified); stock phrases do not count. Default 20, at least 8.',
      },
    },
    maxShare: {
      default: 0.3,
      schema: { type: 'number', minimum: 0, maximum: 1 },
      description: {
        zh: '一级标题下的一节或全文中与其他报告雷同的文字所占比例超过此值（0–1）时，另报一条。默认 0.3（30%）。',
        en: 'When more than this share (0–1) of a top-level section, or of the whole report, is shared with other reports, that section or the report gets a finding of its own. Default 0.3 (30%).',
      },
    },
    templateShare: {
      default: 0.2,
      schema: { type: 'number', minimum: 0, maximum: 1 },
      description: {
        zh: '同一段文字出现在超过这一比例（0–1）的报告中（且不少于 templateMinFiles 份）时，视为模板或套话，不算雷同。默认 0.2（20%）。',
        en: 'Text found in more than this share (0–1) of the reports (and in at least templateMinFiles of them) is template or stock language and is not reported. Default 0.2 (20%).',
      },
    },
    templateMinFiles: {
      default: 3,
      schema: { type: 'integer', minimum: 2 },
      description: {
        zh: '视为模板文字所需的最少报告份数。默认 3：三个单位各自写出的同一段话，是上级规定的表述而不是互相抄袭；两份报告之间无从区分，共有的文字按雷同处理（内置的规定表述除外）。',
        en: 'The fewest reports a text must be in to count as template text. Default 3: the same words written by three units are the wording they were told to use, not copying; between two reports the two cannot be told apart, so what they share is copying (the built-in mandated formulas aside).',
      },
    },
    extraStockPhrases: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', minLength: 1 } },
      description: {
        zh: '额外的套话：与内置套话、规范提法词典一样，其中的字不计入雷同长度。',
        en: 'More stock phrases: like the built-in ones and the canonical-terms dictionary, their characters do not count towards a shared run.',
      },
    },
  },
  messages: {
    copied: {
      zh: '与 {source} 第 {line} 行的文字雷同（{chars} 字）',
      en: 'Same text as {source}, line {line} ({chars} characters)',
    },
    copiedParagraph: {
      zh: '与 {source} 第 {paragraph} 段的文字雷同（{chars} 字）',
      en: 'Same text as {source}, paragraph {paragraph} ({chars} characters)',
    },
    'section-share': {
      zh: '本节 {percent}% 的文字与其他报告雷同（上限 {max}%）',
      en: '{percent}% of this section is shared with other reports (at most {max}%)',
    },
    'report-share': {
      zh: '全文 {percent}% 的文字与其他报告雷同（上限 {max}%）',
      en: '{percent}% of the report is shared with other reports (at most {max}%)',
    },
  },
  docs: {
    summary: {
      zh: '禁止各单位报告之间互相抄袭（一并检查的多份报告）',
      en: 'Disallow passages shared between the reports linted together',
    },
    why: {
      zh: '下级单位互相抄报告、只改单位名称，是通知批评的照抄照搬的另一种形式；汇总审阅大量报告时人工很难发现。',
      en: 'Units copying each other’s reports, often changing only the unit name, is the other face of the copying the notice criticises; across a stack of reports a reviewer can hardly spot it by eye.',
    },
    details: {
      zh:
        '一次检查多份报告时，找出一份报告与另一份共有的文字，在两份报告中各报告一条（要么两份都报，要么都不报），指明对方文件及行号（JSON 中的 related 给出起止行列）。只检查一份报告时本规则不报告。\n\n' +
        '比对的是规范化后的文字：去掉标点、空格、编号和数字格式，统一全半角与大小写；标题、主送机关、落款和日期不参与比对。改了单位名称或数字的抄袭表现为改动处两侧的片段，各自达到 minChars（默认 20）字即报告。\n\n' +
        '方法（同 Moss）：每份报告的 8 字片段（k-gram）取哈希，经 winnowing（Schleimer 等，SIGMOD 2003）筛选为指纹；全部指纹按哈希排序形成倒排索引，只有共享指纹的报告才互相比较，命中后扩展到最长的相同片段。耗时随报告数近似线性增长，从不两两全文比较。\n\n' +
        '模板与套话不算雷同：内置套话、规范提法词典中的标准表述和 extraStockPhrases 不计入长度；各单位都须使用的规定表述也不计入，包括指导思想及其后的“深入贯彻……精神”（“坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神”）、“两个确立”“两个维护”“四个意识”“四个自信”、“中央八项规定（及其实施细则）精神”以及开头的“按照……要求，现将……报告如下”。此外从本批报告中学习模板文字：出现在不少于 templateMinFiles（默认 3）份、且超过 templateShare（默认 20%）份报告中的文字视为模板，从雷同片段中去除。因此 3～14 份的小批次中 3 份共有的文字即为模板，更大的批次中须超过 20%；只有 2 份报告时无从区分模板与抄袭，共有文字（规定表述除外）按雷同报告。\n\n' +
        '另计算每个一级标题下各节和全文中雷同文字的比例，超过 maxShare（默认 30%）时另报一条。批次级的选项（templateShare、templateMinFiles）取第一份报告所用配置中的值。',
      en:
        'When several reports are linted together, text one report shares with another is reported in both (always both or neither), each finding naming the other file and line (the JSON gives the range as `related`). A report linted alone gets no findings from this rule.\n\n' +
        'Text is compared after normalisation: punctuation, spaces, numbering and digit formatting are removed, full and half width and letter case are unified; the title, addressee, signature and date are not compared. A copy with the unit’s name or a number changed shows as the runs on either side of the change, each reported when it has at least minChars (default 20) characters.\n\n' +
        'Method (as Moss): the 8-character k-grams of each report are hashed and thinned by winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) into fingerprints; all fingerprints are sorted by hash into an inverted index, only reports sharing a fingerprint are compared, and each hit is extended to the longest shared run. Time grows about linearly with the number of reports; no two reports are ever compared whole.\n\n' +
        'Template and stock language is not copying: built-in stock phrases, the standard forms of the canonical-terms dictionary and extraStockPhrases do not count towards a run’s length; nor does the wording every unit is required to use: the guiding thought with the 深入贯彻……精神 that follows it (坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神), 两个确立, 两个维护, 四个意识 and 四个自信, 中央八项规定（及其实施细则）精神, and the opening 按照……要求，现将……报告如下. Template text is also learnt from the batch itself: text found in at least templateMinFiles reports (default 3) and in more than templateShare of them (default 20%) is template text, cut out of the shared runs. So in a batch of 3 to 14 reports, text three of them share is template; in larger batches it must be in more than 20%. With only two reports a formula cannot be told from a copy, and what they share (the mandated formulas aside) is reported.\n\n' +
        'The shared share of each top-level section and of the whole report is computed too; above maxShare (default 30%) the section or the report gets a finding of its own. The batch-wide options (templateShare, templateMinFiles) are taken from the first report’s config.',
    },
  },
  examples: [
    {
      valid: '县水利局党组建立班子成员联系基层党支部制度，每名党组成员联系2个党支部，每季度参加一次所联系支部的组织生活。',
      note: {
        zh: '一份报告单独检查时没有可比对的对象；雷同的示例见 test/copy.test.ts。',
        en: 'A report linted alone has nothing to be compared with; see test/copy.test.ts for reports that share text.',
      },
    },
  ],
  check() {
    // Everything happens in the batch phase.
  },
  batch: {
    collect(report, context): CrossData {
      const stock = stockMatcher(context.settings.terms, context.options.extraStockPhrases);
      return collectCross(report, stock, context.options.minChars);
    },
    check(files: BatchFile<CrossData, { minChars: number; maxShare: number; templateShare: number; templateMinFiles: number }>[], context) {
      if (files.length < 2) return;
      const data = files.map((f) => f.data);
      const { templateShare, templateMinFiles } = files[0].options;
      const minRun = files.reduce((m, f) => Math.min(m, f.options.minChars), Infinity);
      const { runs } = findCrossCopies(data, { templateShare, templateMinFiles, minRun });

      type Partner = { file: number; start: number; end: number };
      const perFile = files.map((): { start: number; end: number; source: Partner }[] => []);
      const long = (file: number, start: number, end: number) => countedChars(data[file], start, end) >= files[file].options.minChars;
      for (const r of runs) {
        // A run is reported in both files or in neither: the same text, judged once for the pair
        // (the files' stock intervals or minChars may differ at the edges).
        if (!long(r.a, r.aStart, r.aEnd) || !long(r.b, r.bStart, r.bEnd)) continue;
        perFile[r.a].push({ start: r.aStart, end: r.aEnd, source: { file: r.b, start: r.bStart, end: r.bEnd } });
        perFile[r.b].push({ start: r.bStart, end: r.bEnd, source: { file: r.a, start: r.aStart, end: r.aEnd } });
      }

      files.forEach((file, i) => {
        // One finding per shared passage, naming every file it is found in.
        const found = mergeOverlapping(perFile[i]);
        for (const f of found) {
          const related = f.sources.slice(0, MAX_RELATED).map((p) => ({ file: files[p.file], at: sourceSpanFromRuns(data[p.file].runs, p.start, p.end) }));
          const first = related[0];
          // A Word document is named by the paragraph its writer counts, not by a line of extracted text.
          const paragraph = context.paragraph?.(first.file, first.at.start);
          const source = displayPath(file.filePath, first.file.filePath);
          context.report({
            file,
            at: sourceSpanFromRuns(file.data.runs, f.start, f.end),
            ...(paragraph !== undefined
              ? { messageId: 'copiedParagraph', data: { source, paragraph, chars: f.end - f.start } }
              : { messageId: 'copied', data: { source, line: context.position(first.file, first.at.start).line, chars: f.end - f.start } }),
            related,
          });
        }
        const maxShare = file.options.maxShare;
        for (const s of shareFindings(file.data, found.map((f) => [f.start, f.end] as const), maxShare)) {
          context.report({
            file,
            at: s.at,
            messageId: s.kind === 'section' ? 'section-share' : 'report-share',
            data: { percent: s.percent, max: Math.round(maxShare * 100) },
          });
        }
      });
    },
  },
});
