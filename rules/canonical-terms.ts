import { defineRule, type ReportDescriptor } from '../src/engine/rule.js';
import type { Paragraph, Report } from '../src/model/report.js';
import { termDictionary, type TermDefinition } from '../src/terms.js';
import { isHan } from '../src/text/prose.js';
import type { Edit, Locale, Localized, Span } from '../src/types.js';

/**
 * A unit written twice before the body it names: 东莞市市委 → 东莞市委,
 * 松川县县政府 → 松川县政府. The lookahead names the body; nothing repeats.
 */
const DOUBLED = /(?:市市|县县|区区|省省)(?=(人民政府|政府|委|人大|政协|纪委|监委))/gu;
/** What every DOUBLED match starts with: one regex test is cheaper than four searches. */
const ANY_DOUBLED = /市市|县县|区区|省省/u;

/**
 * Characters before a doubled unit that mean it is not a place name plus its unit:
 * 各县县委 (each county's committee), 全市市委, 两区区委, 城市市委, 直辖市市委,
 * 县市区区委, 设区的市市委, 自治区区委 (which is 自治区党委: no fix can be guessed).
 */
const NOT_A_NAME_COMMON = '各全本我该每此其两几多诸外邻原首一二三四五六七八九十百千省市县区州盟旗地乡镇村级辖城郊治列的之在为对向由经据从被把将同或等与及';
/**
 * Names that are one character plus the unit, where the doubled form is the usual one:
 * 浦东新区区委, 矿区区委, 郊区区委, 林区区委, 市中区区委, 东区区委, 开发区区委;
 * the counties 新县, 单县, 滑县, 萧县, 沛县 … (新县县委); 沙市 (沙市市委).
 */
const NOT_A_NAME: Record<string, string> = {
  区: '新矿林特东西南北中发园范税验作贸景港能',
  县: '新单滑萧沛息黟歙岚泾蠡献涉易代祁磁宁眉陇勉乾礼徽岷成文康漳和泗兴隰蒲沁盂绛吉浚杞睢唐雄容藤郏叶夏宾富洋凤佳莒曹冠莘荣泸珙高忠渠茂理丰寿淇温范攸道澧赵沧青魏邱威蔚费应古临房嵩彬户华达安开沙',
  市: '沙',
  省: '',
};
/** How many characters before the doubled unit the finding starts at: most place names have two. */
const NAME_LENGTH = 2;

/** The closing quote of each opening quote a verb pairing may use. */
const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '"': '"', '「': '」', '‘': '’', "'": "'" };

const DOUBLED_NOTE: Localized = {
  zh: '单位名称已含“{unit}”，简称中不再重复',
  en: 'the name already ends in {unit}, so the short form does not repeat it',
};

export default defineRule({
  id: 'canonical-terms',
  category: 'content',
  severity: 'warn',
  fixable: true,
  options: {
    doubledUnits: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '检查地名后重复的“市”“县”“区”“省”（东莞市市委 → 东莞市委）。',
        en: 'Check a unit doubled after a place name (东莞市市委 → 东莞市委).',
      },
    },
    consistency: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '同一提法在一份报告中有两种以上写法时（三会一课 与 3会1课），在少数写法处给出提示（info）。',
        en: 'When one term is written two ways in a report (三会一课 and 3会1课), add a note (info) at the less frequent form.',
      },
    },
  },
  messages: {
    nonstandard: {
      zh: '应使用规范提法“{correct}”，而非“{wrong}”{note}',
      en: 'Use the standard wording “{correct}”, not “{wrong}”{note}',
    },
    inconsistent: {
      zh: '同一提法写法不一：此处作“{form}”，本报告另有{count}处作“{other}”',
      en: 'The same term is written two ways: “{form}” here, “{other}” in {count} {count|other place|other places} of the report',
    },
  },
  docs: {
    summary: {
      zh: '使用规范提法（增强“四个意识”、以习近平同志为核心的党中央、三会一课、一岗双责）',
      en: 'Use the standard formulations (增强“四个意识”, 以习近平同志为核心的党中央, 三会一课, 一岗双责)',
    },
    why: {
      zh: '重要提法必须与中央文件的表述一字不差。“坚定‘四个意识’”“以习近平总书记为核心的党中央”“4个意识”“一岗两责”“东莞市市委”这类问题，审阅时会被当作政治性、规范性“错漏”指出，反映出材料起草不严谨、把关不严；同一报告中一会儿写“三会一课”一会儿写“3会1课”，说明材料拼凑而成、未经统稿。',
      en: 'Key political formulations must match the wording of central documents exactly. Slips such as 坚定“四个意识” (wrong verb), 以习近平总书记为核心的党中央, 4个意识 (digits in a fixed term), 一岗两责 or 东莞市市委 (the unit doubled) are flagged by reviewers as political and editorial slips (错漏) that show careless drafting; writing 三会一课 in one place and 3会1课 in another shows a report pasted together and never edited as a whole.',
    },
    standard: 'GB/T 15835-2011《出版物上数字用法》（已定型的含汉字数字的词语用汉字数字）；《党政机关公文处理工作条例》（2012）（公文起草“表述准确”）',
    details: {
      zh: [
        '词典来自 rules/data/canonical-terms.yaml（内置条目及说明见该文件），可在配置文件中用 `terms:` 增加或替换条目：`- { correct: 规范提法, wrong: [错误写法, …], note: 说明 }`；与内置条目 `correct` 相同的条目替换内置条目，`wrong: []` 则关闭该条目。',
        '检查四类问题：（1）动宾搭配：增强“四个意识”、坚定“四个自信”、做到“两个维护”，引号可为“”、""、「」、‘’或不加；搭配后紧跟“的”时（增强“两个维护”的自觉）动词管的是后面的名词，不报；树牢、牢固树立等未列为错误的动词不报。（2）固定表述：习近平新时代中国特色社会主义思想、以习近平同志为核心的党中央等。（3）固定提法中的数字用汉字（GB/T 15835）：4个意识、3会1课、8项规定、4风等；数字不与前后数字相连（14个意识不算），“4风险”“4个意识形态阵地”“8项规定动作”“第8项规定”等另有所指的不报，全角数字按半角处理。（4）地名后重复的市、县、区、省：东莞市市委 → 东莞市委（只在其后为委、政府、人民政府、人大、政协、纪委、监委时）；“各县县委”“全市市委”“市委市政府”“城市市容”“浦东新区区委”“新县县委”等不报，“自治区区委”应为“自治区党委”，无法自动修正，也不报。',
        '修正：只有唯一规范写法时才自动修正，且只改有差别的字（动宾搭配只换动词，重复的单位只删去一个字）；用户词条使同一错误写法对应多个规范写法时，只报告不修正。',
        '同一条目的规范写法与错误写法在一份报告中都出现时，另在出现次数较少的写法（次数相同时为错误写法）的第一处给出提示（info），不影响退出码；加不加引号不算两种写法。选项 consistency 为 false 时不给提示；doubledUnits 为 false 时不检查重复的单位。',
      ].join('\n\n'),
      en: [
        'The dictionary is rules/data/canonical-terms.yaml (see that file for the built-in entries and why each is there). Add or replace entries with `terms:` in a config file: `- { correct: standard form, wrong: [wrong form, …], note: why }`; an entry with the same `correct` as a built-in one replaces it, and `wrong: []` switches it off.',
        'Four kinds of fault: (1) verb pairings: 增强“四个意识”, 坚定“四个自信”, 做到“两个维护”, with the term in “”, "", 「」, ‘’ or no quotes; a pairing followed by 的 (增强“两个维护”的自觉) is not reported, as the verb governs the noun after 的, and verbs not listed as wrong (树牢, 牢固树立) are left alone. (2) Fixed wording: 习近平新时代中国特色社会主义思想, 以习近平同志为核心的党中央 and others. (3) Chinese numerals inside fixed terms (GB/T 15835): 4个意识, 3会1课, 8项规定, 4风 …; a digit form never matches inside a longer number (14个意识), words that only start the same (4风险, 4个意识形态阵地, 8项规定动作, 第8项规定) are not reported, and full-width digits count as ASCII. (4) A unit doubled after a place name: 东莞市市委 → 东莞市委, only before 委, 政府, 人民政府, 人大, 政协, 纪委 or 监委; 各县县委, 全市市委, 市委市政府, 城市市容, 浦东新区区委 and 新县县委 are not reported, nor 自治区区委 (it should be 自治区党委, which no fix can guess).',
        'Fixes: only when there is exactly one standard form, and only the characters that differ are replaced (the verb of a pairing; one character of a doubled unit). When user entries give one wrong form two standard forms, the finding has no fix.',
        'When a report has both the standard form and a wrong form of one entry, a note (info, never failing a run) is added at the first occurrence of the less frequent form (the wrong one on a tie); quotes around a term do not make it another form. Set `consistency` to false to drop these notes, and `doubledUnits` to false to skip doubled units.',
      ].join('\n\n'),
    },
  },
  examples: [
    {
      invalid: '深入开展廉洁机关创建活动。',
      settings: { terms: [{ correct: '清廉机关', wrong: ['廉洁机关'] }] },
      note: { zh: '配置中 terms 添加的提法与内置词典合并。', en: 'Terms added with `terms:` in the config join the built-in dictionary.' },
      expect: ['1:5 nonstandard'],
      output: '深入开展清廉机关创建活动。',
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '局党组坚持以习近平新时代中国特色社会主义思想为指导，引导党员干部增强“四个意识”、坚定“四个自信”、做到“两个维护”，更加紧密地团结在以习近平同志为核心的党中央周围。',
        '严格落实“三会一课”制度，班子成员落实一岗双责，严格执行中央八项规定精神，持续纠治“四风”。',
        '东莞市委、市政府高度重视，市委市政府主要领导多次听取汇报。',
      ].join('\n'),
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '全市排查廉政4风险点，新建4个意识形态阵地，组建2个维护班组，完成主题党日8项规定动作，落实第8项规定。',
        '各县县委书记、各地市市委和浦东新区区委、新县县委负责同志参加会议，会议研究了城市市容整治。',
        '党员干部增强“两个维护”的自觉，树牢“四个意识”，深入学习总书记重要讲话精神。',
        '开展四个意识主题学习，党员“四个意识”明显增强，共计14个意识薄弱环节已整改。',
      ].join('\n'),
      note: {
        zh: '不报：4风险、4个意识形态、2个维护班组、8项规定动作、第8项规定（另有所指）；各县县委、各地市市委、浦东新区区委、新县县委、城市市容；后接“的”的搭配和未列为错误的动词；学习总书记；加不加引号不算两种写法；14个意识中的“4个意识”不单独成词。',
        en: 'Not reported: 4风险, 4个意识形态, 2个维护班组, 8项规定动作, 第8项规定 (other words); 各县县委, 各地市市委, 浦东新区区委, 新县县委, 城市市容; a pairing followed by 的 and verbs not listed as wrong; 学习总书记; a term with and without quotes is one form; 4个意识 inside 14个意识.',
      },
    },
    {
      invalid: '局党组引导党员干部坚定“四个意识”，把增强两个维护作为根本政治任务。',
      expect: ['1:10 nonstandard', '1:20 nonstandard'],
      output: '局党组引导党员干部增强“四个意识”，把做到两个维护作为根本政治任务。',
      note: { zh: '动宾搭配：只换动词，引号可有可无。', en: 'Verb pairings: only the verb is replaced; the quotes are optional.' },
    },
    {
      invalid: [
        '关于2024年度工作情况的报告',
        '深入学习习近平新时代中国特色社会主义理论，更加紧密地团结在以习近平总书记为核心的党中央周围。',
      ].join('\n'),
      expect: ['2:5 nonstandard', '2:30 nonstandard'],
      output: [
        '关于2024年度工作情况的报告',
        '深入学习习近平新时代中国特色社会主义思想，更加紧密地团结在以习近平同志为核心的党中央周围。',
      ].join('\n'),
    },
    {
      invalid: '围绕4个意识开展研讨，落实3会1课制度和中央8项规定精神，纠治4风问题，落实一岗两责。',
      expect: ['1:3 nonstandard', '1:14 nonstandard', '1:23 nonstandard', '1:32 nonstandard', '1:39 nonstandard'],
      output: '围绕四个意识开展研讨，落实三会一课制度和中央八项规定精神，纠治四风问题，落实一岗双责。',
    },
    {
      invalid: '按照东莞市市委部署，县政府会同松川县县政府开展督查。',
      expect: ['1:3 nonstandard', '1:16 nonstandard'],
      output: '按照东莞市委部署，县政府会同松川县政府开展督查。',
      note: { zh: '重复的单位：只删去一个字。', en: 'A doubled unit: one character is removed.' },
    },
    {
      valid: '按照东莞市市委部署开展督查。',
      options: { doubledUnits: false },
    },
    {
      invalid: [
        '关于2024年度工作情况的报告',
        '各支部严格落实“三会一课”制度。',
        '机关党委检查“三会一课”记录42本。',
        '有的支部3会1课记录不全。',
      ].join('\n'),
      expect: ['4:5 nonstandard', '4:5 inconsistent'],
      output: ['关于2024年度工作情况的报告', '各支部严格落实“三会一课”制度。', '机关党委检查“三会一课”记录42本。', '有的支部三会一课记录不全。'].join('\n'),
      note: {
        zh: '同一提法两种写法：在少数写法处另给提示（info）。',
        en: 'One term written two ways: a note (info) at the less frequent form.',
      },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '有的支部3会1课记录不全。', '各支部严格落实“三会一课”制度。'].join('\n'),
      options: { consistency: false },
      expect: ['2:5 nonstandard'],
    },
  ],
  check(report, context) {
    const dict = termDictionary(context.settings.terms);
    const { locale } = context;
    const found: { start: number; rank: number; d: ReportDescriptor }[] = [];
    /** Per entry: each form seen, how often, and where first. */
    const tally = new Map<TermDefinition, Map<string, { count: number; first: Span; correct: boolean }>>();

    for (const p of report.paragraphs) {
      const text = p.content.text;
      if (!text) continue;
      const { terms, verbs } = dict.find(text);

      for (const v of verbs) {
        // Take in the closing quote when the term is quoted: 坚定“四个意识”.
        const open = OPEN_TO_CLOSE[text[v.verbEnd]];
        const end = open && text[v.end] === open ? v.end + 1 : v.end;
        const span = p.content.span(v.start, end);
        const rest = text.slice(v.verbEnd, end);
        const fix = exactEdit(report, p, v.start, v.verbEnd, v.pairing.verb);
        found.push({
          start: span.start,
          rank: 0,
          d: {
            at: span,
            messageId: 'nonstandard',
            data: { correct: inner(v.pairing.verb + rest), wrong: inner(text.slice(v.start, end)), note: noteText(v.pairing.note, locale) },
            ...(fix ? { fix } : {}),
          },
        });
      }

      for (const hit of terms) {
        const span = p.content.span(hit.start, hit.end);
        const written = text.slice(hit.start, hit.end);
        if (hit.entries.length === 1) {
          const forms = tally.get(hit.entries[0]) ?? new Map();
          tally.set(hit.entries[0], forms);
          const seen = forms.get(hit.form);
          if (seen) seen.count++;
          else forms.set(hit.form, { count: 1, first: span, correct: hit.correct });
        }
        if (hit.correct) continue;
        const single = hit.entries.length === 1 ? hit.entries[0] : null;
        const correct = hit.entries.map((e) => e.correct).join(locale === 'zh' ? '”或“' : '” or “');
        const fix = single && single.fix ? minimalEdit(report, p, hit.start, hit.end, single.correct) : null;
        found.push({
          start: span.start,
          rank: 1,
          d: {
            at: span,
            messageId: 'nonstandard',
            data: { correct, wrong: written, note: single ? noteText(single.note, locale) : '' },
            ...(fix ? { fix } : {}),
          },
        });
      }

      if (context.options.doubledUnits) found.push(...doubledUnits(report, p, locale));
    }

    if (context.options.consistency) {
      for (const forms of tally.values()) {
        if (forms.size < 2) continue;
        // The usual form: the most frequent, the correct one on a tie.
        let major: [string, { count: number; correct: boolean }] | null = null;
        for (const entry of forms) {
          if (!major || entry[1].count > major[1].count || (entry[1].count === major[1].count && entry[1].correct && !major[1].correct)) {
            major = entry;
          }
        }
        for (const [form, seen] of forms) {
          if (form === major![0]) continue;
          found.push({
            start: seen.first.start,
            rank: 2,
            d: {
              at: seen.first,
              messageId: 'inconsistent',
              data: { form, other: major![0], count: major![1].count },
              infoOnly: true,
            },
          });
        }
      }
    }

    found.sort((a, b) => a.start - b.start || a.rank - b.rank);
    for (const f of found) context.report(f.d);
  },
});

/** Quotes inside a quoted term become single quotes (GB/T 15834: 双引号里面再用单引号). */
function inner(s: string): string {
  return s.replaceAll('“', '‘').replaceAll('”', '’');
}

/** The note after the message: `：why` / `: why`, or nothing. */
function noteText(note: Localized | undefined, locale: Locale): string {
  if (!note) return '';
  return locale === 'zh' ? `：${note.zh}` : `: ${note.en}`;
}

/**
 * Replaces text[start, end) by `replacement`, when that stretch maps to the
 * source character for character (no line break, markup or code inside it).
 */
function exactEdit(report: Report, p: Paragraph, start: number, end: number, replacement: string): Edit | null {
  const range = p.content.span(start, end);
  if (report.source.slice(range.start, range.end) !== p.content.text.slice(start, end)) return null;
  return { range, text: replacement };
}

/**
 * The smallest edit that turns text[start, end) into `correct`. Same length:
 * one edit per differing character (3会1课 → 三会一课 changes 3 and 1, even
 * across a line break); otherwise the common start and end are kept.
 */
function minimalEdit(report: Report, p: Paragraph, start: number, end: number, correct: string): Edit[] | null {
  const written = p.content.text.slice(start, end);
  if (written.length === correct.length) {
    const edits: Edit[] = [];
    for (let i = 0; i < written.length; i++) {
      if (written[i] === correct[i]) continue;
      const edit = exactEdit(report, p, start + i, start + i + 1, correct[i]);
      if (!edit) return null;
      edits.push(edit);
    }
    return edits.length ? edits : null;
  }
  // The whole form must map exactly, or the kept characters might not be what we think.
  if (!exactEdit(report, p, start, end, written)) return null;
  const max = Math.min(written.length, correct.length);
  let head = 0;
  while (head < max && written[head] === correct[head]) head++;
  let tail = 0;
  while (tail < max - head && written[written.length - 1 - tail] === correct[correct.length - 1 - tail]) tail++;
  const text = correct.slice(head, correct.length - tail);
  if (head + tail === written.length) {
    // An insertion (全过程民主 → 全过程人民民主): just after the last kept character.
    const at = head > 0 ? p.content.span(start + head - 1, start + head).end : p.content.span(start, start + 1).start;
    return [{ range: { start: at, end: at }, text }];
  }
  return [exactEdit(report, p, start + head, end - tail, text)!];
}

/** 东莞市市委 → 东莞市委: a unit written twice before the body it names. */
function doubledUnits(report: Report, p: Paragraph, locale: Locale): { start: number; rank: number; d: ReportDescriptor }[] {
  const text = p.content.text;
  if (!ANY_DOUBLED.test(text)) return [];
  const out: { start: number; rank: number; d: ReportDescriptor }[] = [];
  for (const m of text.matchAll(DOUBLED)) {
    const at = m.index;
    const unit = text[at];
    const before = text[at - 1];
    if (!isHan(before) || NOT_A_NAME_COMMON.includes(before) || NOT_A_NAME[unit].includes(before)) continue;
    let from = at;
    while (from > at - NAME_LENGTH && isHan(text[from - 1])) from--;
    const end = at + 2 + m[1].length;
    const name = text.slice(from, at + 1);
    const span = p.content.span(from, end);
    const fix = exactEdit(report, p, at + 1, at + 2, '');
    const note = noteText({ zh: DOUBLED_NOTE.zh.replace('{unit}', unit), en: DOUBLED_NOTE.en.replace('{unit}', unit) }, locale);
    out.push({
      start: span.start,
      rank: 1,
      d: {
        at: span,
        messageId: 'nonstandard',
        data: { correct: name + m[1], wrong: text.slice(from, end), note },
        ...(fix ? { fix } : {}),
      },
    });
  }
  return out;
}
