import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { bodyText } from '../src/model/report.js';
import { countHan } from '../src/text/han.js';

const PROSE = new Set<Paragraph['kind']>(['body', 'list-item']);

/** Stock phrases that say nothing a reader can check (空话套话), as writing guides list them. */
const BUILTIN = [
  '高度重视', '高位推动', '精心组织', '周密部署', '精心部署', '统筹安排', '强化措施', '狠抓落实', '抓紧抓实', '抓细抓实', '抓常抓长',
  '取得了明显成效', '取得明显成效', '取得了显著成效', '取得显著成效', '取得了较好成效', '取得较好成效', '取得了积极成效', '取得积极成效',
  '收到了良好效果', '收到良好效果', '取得了良好效果', '得到了进一步提升', '得到进一步提升', '有了新的提高', '有了明显提高',
  '迈上新台阶', '再上新台阶', '开创新局面', '呈现新气象', '展现新作为', '取得新成效',
  '进一步加强', '进一步提高', '进一步增强', '进一步提升', '进一步完善', '进一步强化', '切实加强', '切实提高', '不断加强', '不断提高', '不断完善', '不断增强',
  '认真贯彻落实', '认真学习贯彻', '扎实推进', '稳步推进', '有序推进', '全面推进', '纵深推进', '持续深化', '持续推进', '持续发力', '深入推进',
  '多措并举', '综合施策', '形成合力', '凝聚合力', '齐抓共管', '上下联动', '统筹兼顾', '层层压实', '压紧压实', '落细落实', '落到实处', '落地见效',
  '营造良好氛围', '营造了良好氛围', '营造浓厚氛围', '营造了浓厚氛围', '确保各项工作落到实处', '确保取得实效',
  '提供坚强保障', '提供了坚强保障', '提供有力保障', '提供了有力保障', '奠定了坚实基础', '奠定坚实基础',
  '摆在突出位置', '放在重要位置', '摆上重要议事日程', '作为重要政治任务', '作为首要政治任务',
  '全力以赴', '凝心聚力', '真抓实干', '攻坚克难', '砥砺奋进', '踔厉奋发', '勇毅前行', '久久为功', '持之以恒', '常抓不懈', '驰而不息',
  '以高度的政治责任感和使命感', '以更加饱满的热情', '以更高的标准', '以更加务实的作风', '以钉钉子精神',
  '守土有责', '守土负责', '守土尽责', '担当作为', '奋发有为', '积极作为', '主动作为', '敢于担当', '善于作为',
];

export default defineRule({
  id: 'no-empty-phrases',
  category: 'content',
  severity: 'warn',
  fixable: false,
  recommended: false,
  options: {
    share: {
      default: 0.4,
      schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      description: {
        zh: '套话所占字数比例达到多少时报告该段（0–1，默认 0.4）。',
        en: 'The share of a paragraph’s characters in stock phrases from which it is reported (0–1, default 0.4).',
      },
    },
    minChars: {
      default: 20,
      schema: { type: 'integer', minimum: 1 },
      description: {
        zh: '只检查至少有这么多汉字的段落。',
        en: 'Only paragraphs with at least this many Han characters are judged.',
      },
    },
    extraPhrases: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', minLength: 2 } },
      description: {
        zh: '额外的套话。',
        en: 'More stock phrases.',
      },
    },
  },
  messages: {
    empty: {
      zh: '本段多为空话套话（{share}%的字数：{phrases}），缺少具体事实、数字或做法',
      en: 'This paragraph is mostly stock phrases ({share}% of its characters: {phrases}) and gives no facts, figures or measures',
    },
  },
  docs: {
    summary: {
      zh: '段落多为空话套话（高度重视、扎实推进、取得明显成效），缺少实质内容（需手动开启）',
      en: 'A paragraph made mostly of stock phrases (高度重视, 扎实推进, 取得明显成效) without substance (opt-in)',
    },
    why: {
      zh: '“高度重视、精心组织、扎实推进，取得了明显成效”这样的段落，换一个单位、换一年也一字不差，读者得不到任何信息；通报中批评的“空话套话多”“泛泛而谈”多指这类文字。',
      en: 'A paragraph such as 高度重视、精心组织、扎实推进，取得了明显成效 would fit any unit in any year and tells the reader nothing; it is what reviews criticise as 空话套话多 and 泛泛而谈.',
    },
    details: {
      zh: '逐段判断：套话覆盖的汉字占该段汉字的比例达到 share（默认 0.4），且该段没有任何数字时报告。只看正文和列表项中至少 minChars 个汉字的段落；run-in 标题只看标题后的正文。不在 recommended 中，需在配置中开启：`rules: { no-empty-phrases: warn }`；可用 extraPhrases 增加套话。',
      en: 'Judged per paragraph: reported when the stock phrases cover at least `share` (default 0.4) of its Han characters and it holds no digit at all. Only body paragraphs and list items with at least minChars Han characters are judged; for a run-in heading, only the body after it. Not in recommended: switch it on with `rules: { no-empty-phrases: warn }`; add phrases with extraPhrases.',
    },
  },
  examples: [
    { valid: '区委高度重视，全年召开常委会12次专题研究，对8个镇街开展专项督查，发现问题46个，已整改43个。' },
    {
      invalid: '区委高度重视，精心组织，周密部署，多措并举，扎实推进，狠抓落实，取得了明显成效，营造了浓厚氛围。',
      expect: ['1:1 empty'],
    },
  ],
  check(report, context) {
    const index = phraseIndex(context.options.extraPhrases);
    for (const p of report.paragraphs) {
      if (!PROSE.has(p.kind) || p.quoted) continue;
      const text = bodyText(p);
      // A paragraph with a digit is never reported: that test is cheaper than counting.
      if (DIGIT.test(text)) continue;
      const han = countHan(text);
      if (han < context.options.minChars) continue;
      const { covered, used } = coverage(text, index);
      const share = covered / han;
      if (share < context.options.share) continue;
      const shown = used.slice(0, 4).join(context.locale === 'zh' ? '、' : ', ') + (used.length > 4 ? '…' : '');
      context.report({ at: p, messageId: 'empty', data: { share: Math.round(share * 100), phrases: shown } });
    }
  },
});

const DIGIT = /[0-9０-９]/;

/** The phrases, longest first, and where to look for them: their ids by first code unit. */
interface PhraseIndex {
  phrases: string[];
  byFirst: Map<number, number[]>;
  /** Code units that start some phrase: a cheap test before the map look-up. */
  starts: Uint8Array;
}

/** One index per distinct extraPhrases. */
const indexes = new Map<string, PhraseIndex>();

function phraseIndex(extra: readonly string[]): PhraseIndex {
  const key = extra.join('\n');
  let index = indexes.get(key);
  if (index) return index;
  const phrases = [...new Set([...BUILTIN, ...extra])].sort((a, b) => b.length - a.length);
  const byFirst = new Map<number, number[]>();
  const starts = new Uint8Array(65536);
  phrases.forEach((phrase, id) => {
    const c = phrase.charCodeAt(0);
    starts[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(id);
    else byFirst.set(c, [id]);
  });
  indexes.set(key, (index = { phrases, byFirst, starts }));
  return index;
}

/**
 * How many characters of `text` the phrases cover, and the phrases that cover
 * some character no longer phrase did. Each phrase counts at its occurrences
 * from the left that do not overlap one another; the text is read once.
 */
function coverage(text: string, { phrases, byFirst, starts }: PhraseIndex): { covered: number; used: string[] } {
  const found = new Map<number, number[]>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!starts[c]) continue;
    for (const id of byFirst.get(c)!) {
      if (!text.startsWith(phrases[id], i)) continue;
      const at = found.get(id);
      if (at) at.push(i);
      else found.set(id, [i]);
    }
  }
  if (!found.size) return { covered: 0, used: [] };
  const covered = new Uint8Array(text.length);
  const used: string[] = [];
  let n = 0;
  // Longest phrases first, as they are numbered.
  for (const id of [...found.keys()].sort((a, b) => a - b)) {
    const phrase = phrases[id];
    let fresh = false;
    let next = 0;
    for (const start of found.get(id)!) {
      if (start < next) continue; // overlaps this phrase's previous occurrence
      next = start + phrase.length;
      for (let k = start; k < next; k++) if (!covered[k]) (covered[k] = 1), n++, (fresh = true);
    }
    if (fresh) used.push(phrase);
  }
  return { covered: n, used };
}
