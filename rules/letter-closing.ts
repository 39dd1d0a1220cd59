import { defineRule } from '../src/engine/rule.js';
import { isProse } from '../src/model/report.js';

/** The closing formulas of a 函: 特此函告, 特此函复, 请予函复, 请于……前反馈, 盼复, ……为盼, 此复. */
const CLOSING = /特此(?:函告|函复|函询|函达|函商|函请|复函|函)|(?:请|望|恳请)[^。；]{0,30}?(?:函复|复函|回复|反馈|告知|答复)|盼复|为盼|为荷|此复/u;

export default defineRule({
  id: 'letter-closing',
  category: 'structure',
  severity: 'warn',
  fixable: false,
  genres: ['letter'],
  options: {},
  messages: {
    closing: {
      zh: '函缺少结束语，应以“特此函告”“特此函复”“请予函复”“盼复”等结尾',
      en: 'The 函 has no closing formula; end it with 特此函告, 特此函复, 请予函复 or 盼复',
    },
  },
  docs: {
    summary: {
      zh: '函以“特此函告”“特此函复”“请予函复”等结束语结尾',
      en: 'A 函 ends with a closing formula (特此函告, 特此函复, 请予函复)',
    },
    why: {
      zh: '函用于不相隶属机关之间商洽工作、询问和答复问题。去函以“请予函复”“盼复”收束，复函以“特此函复”收束，告知事项以“特此函告”收束；缺少结束语，对方不清楚是否需要回复。',
      en: 'A 函 goes between bodies with no line of authority, to arrange, ask or answer. A letter that asks ends with 请予函复 or 盼复, a reply with 特此函复, a notice with 特此函告; without one, the other side cannot tell whether an answer is expected.',
    },
    standard: '《党政机关公文处理工作条例》（2012）第八条第（十四）项',
    details: {
      zh: '只检查标题为“……的函”“……的复函”的公文：正文中没有“特此函告（函复、函询、函达）”“请予函复”“请复函”“请于……前反馈（回复、告知）”“盼复”“……为盼”“……为荷”“此复”等结束语时，在正文最后一段报告。',
      en: 'Only documents titled ……的函 or ……的复函 are checked: when the body has no closing formula (特此函告, 特此函复, 特此函询, 请予函复, 请复函, 请于……前反馈 (回复, 告知), 盼复, ……为盼, ……为荷, 此复), the last body paragraph is reported.',
    },
  },
  examples: [
    { valid: ['关于商请协助开展联合监督检查的函', '县审计局：', '为加强对惠民资金的监督，拟于5月联合开展专项检查，请派2名同志参加。', '请予函复。', '中共平湖县纪委监委', '2024年4月2日'].join('\n') },
    {
      invalid: ['关于商请协助开展联合监督检查的函', '县审计局：', '为加强对惠民资金的监督，拟于5月联合开展专项检查，请派2名同志参加。', '中共平湖县纪委监委', '2024年4月2日'].join('\n'),
      expect: ['3:1 closing'],
    },
  ],
  check(report, context) {
    const body = report.paragraphs.filter((p) => isProse(p));
    if (body.length && !body.some((p) => CLOSING.test(p.content.text))) context.report({ at: body[body.length - 1], messageId: 'closing' });
  },
});
