import { defineRule } from '../src/engine/rule.js';
import { isWording } from '../src/model/report.js';
import { enclosed, masked } from '../src/text/sentences.js';

/** Verbs that ask the superior to decide: 批示, 批准, 审批 … (审阅, 审查, 阅示, 指正 only ask it to read). */
const DECIDE = '批示|指示|批复|审批|批准|审定|核准|示复';
/** 请 as a request, not part of 申请, 提请, 报请, 邀请 … */
const PLEASE = '(?<![申提报邀聘延宴吁敬普回呈])请';

/** Request wording that a report may not carry (条例 第十五条). Longest forms first: 妥否，请批示 is one finding. */
const BUILTIN = [
  // 妥否，请批示 / 当否，请指示 / 可否，请审批: the closing formula of a 请示.
  String.raw`(?:妥否|当否|可否|是否妥当|是否可行)[，,、]?\s*(?:恳请|请)(?:予以|予)?[\u4e00-\u9fff]{2}`,
  // 请批示, 请予批准, 请审批, 请批复, 请指示, 请予审定 …
  String.raw`(?:恳|特)?${PLEASE}(?:予以|予)?(?:${DECIDE})`,
  // 请市委审定, 请上级批准.
  String.raw`${PLEASE}(?:[省市州县区镇乡]委|[省市州县区]政府|上级|领导|组织)[^。；！？，\n]{0,4}?(?:${DECIDE})`,
  // 请市委予以批准, 恳请上级给予支持.
  String.raw`(?:恳请|特请|${PLEASE})[^。；！？，\n]{1,10}?(?:予以|给予)(?:${DECIDE}|支持|解决|协调|拨付|倾斜|帮助)`,
  String.raw`恳请[^。；！？，\n]{1,10}?(?:${DECIDE}|同意|解决|拨付)`,
  // A clause that begins with 请求: 请求市委协调解决.
  String.raw`(?<=^|[，。；：！？\s])请求[^。；！？，\n]{0,10}?(?:${DECIDE}|同意|支持|解决|协调|拨付)`,
  // 特此请示, 专此请示, 现请示如下.
  String.raw`(?:特此|专此)请示|请示如下`,
  // 请予同意, 请予核拨, 请予支持: asking the superior to agree, allocate or back.
  String.raw`(?:恳|特)?${PLEASE}(?:予以|予)(?:同意|核拨|拨付|支持|解决|协调)`,
  // 妥否 / 当否 on their own, ending a clause (以上报告妥否。当否，请示。): the question a 请示 asks.
  // Not 应当否决, 不当否认, 相当否定: there 当 belongs to the word before and 否 to the word after.
  String.raw`(?<![应不相])(?:妥否|当否)(?=[，,。；;？！?!]|\s*$)`,
];

export default defineRule({
  id: 'no-request-in-report',
  category: 'content',
  severity: 'warn',
  fixable: false,
  genres: ['report'],
  options: {
    extraPatterns: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', format: 'regex' } },
      description: {
        zh: '额外的请示用语正则表达式（JavaScript 语法），如“请予备案并批复”。',
        en: 'Extra request wording (JavaScript regular expressions), e.g. “请予备案并批复”.',
      },
    },
  },
  messages: {
    request: {
      zh: '报告中夹带请示事项：“{text}”。报告不得夹带请示事项，需要批准的事项应另行请示；报告可用“特此报告”结束',
      en: 'The report carries a request: “{text}”. A report may not carry requests; send anything that needs approval as a separate 请示, and close the report with “特此报告”',
    },
  },
  docs: {
    summary: {
      zh: '报告不得夹带请示事项（妥否，请批示；请予批准；特此请示）',
      en: 'Disallow requests in a report (妥否，请批示; 请予批准; 特此请示)',
    },
    why: {
      zh: '报告用于向上级汇报工作、反映情况，上级不作批复；需要上级批准的事项必须用请示，一文一事。在报告中写“妥否，请批示”“请予批准”“特此请示”，上级无从办理，所请事项容易被搁置，也是公文审核中退文的常见原因。',
      en: 'A report tells the superior how the work went; the superior does not reply to it. Whatever needs approval goes in a 请示, one matter per document. A report that says 妥否，请批示, 请予批准 or 特此请示 asks for something no one will act on, and is a common reason for documents to be sent back.',
    },
    standard: '《党政机关公文处理工作条例》（2012）第十五条第（四）项：“请示应当一文一事。不得在报告等非请示性公文中夹带请示事项。”',
    details: {
      zh: '报告的请示用语：“妥否（当否、可否），请批示（指示、批复……）”，“请批示”“请指示”“请批复”“请审批”“请批准”“请予批准”“请审定”“请予审定”“请核准”，“请市委审定”“请上级批准”“请市委予以批准”“恳请……支持（解决、拨付、倾斜）”，以“请求”开头的分句，“特此请示”“专此请示”“请示如下”，“请予同意”“请予核拨”“请予支持”，以及单独使用、结束分句的“妥否”“当否”（“以上报告妥否。”“以上意见当否，请示。”；“应当否决”“不当否认”不报）。“请审定”“请予审定”要求上级作出决定，也按请示用语报告。报告的正常结束语“特此报告”“以上报告，请审阅”“请审阅”“请审查”“请阅示”“如有不当，请指正”不报告；“申请批准”“报请市委批准”“提请常委会审定”是叙述办事程序，“请示报告制度”“重大事项请示报告”是制度名称，“群众请求解决的问题”不是请求，均不报告。报告标题、主送机关、署名、日期，引号、书名号内的文字和 Markdown 引用块不检查；标题中的“请示报告”由 report-title 报告。',
      en: 'Request wording: 妥否（当否、可否），请批示（指示、批复 …）; 请批示, 请指示, 请批复, 请审批, 请批准, 请予批准, 请审定, 请予审定, 请核准; 请市委审定, 请上级批准, 请市委予以批准 and 恳请……支持（解决、拨付、倾斜）; a clause that begins with 请求; 特此请示, 专此请示, 请示如下; 请予同意, 请予核拨, 请予支持; 妥否 or 当否 on their own, ending a clause (以上报告妥否。, 以上意见当否，请示。; not 应当否决 or 不当否认). 请审定 and 请予审定 ask the superior to decide and count as requests. The normal closings of a report pass: 特此报告, 以上报告，请审阅, 请审阅, 请审查, 请阅示, 如有不当，请指正. So do 申请批准, 报请市委批准 and 提请常委会审定, which tell how something was done; 请示报告制度 and 重大事项请示报告, which name a rule; and 群众请求解决的问题, which is no request. The title, addressee, signature and date, text in quotation marks or 《》 and Markdown block quotes are not checked; 请示报告 in the title is report-title’s.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '严格执行重大事项请示报告制度，年度方案已报请市委批准实施，办理群众请求解决的问题217件。',
        '以上报告，请审阅。',
        '对不符合条件的申请应当否决，不当否认群众诉求。',
        '特此报告。',
      ].join('\n'),
    },
    {
      valid: ['关于2024年度工作情况的报告', '纠正个别单位在报告中写“妥否，请批示”的问题。', '如有不当，请指正。'].join('\n'),
      note: { zh: '引号内的文字和“请指正”不报告。', en: 'Quoted text and 请指正 pass.' },
    },
    { invalid: ['关于2024年度工作情况的报告', '妥否，请批示。'].join('\n'), expect: ['2:1 request'] },
    {
      invalid: ['关于2024年度工作情况的报告', '拟新建廉政教育基地1处，请予批准。', '恳请市委协调解决编制问题。', '特此请示。'].join('\n'),
      expect: ['2:13 request', '3:1 request', '4:1 request'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '拟增加专项经费30万元，请予核拨。', '上述安排是否可行，请予同意。', '以上报告，妥否。', '以上报告妥否。', '以上意见当否，请示。'].join('\n'),
      expect: ['2:13 request', '3:5 request', '4:6 request', '5:5 request', '6:5 request'],
      note: { zh: '“请予核拨”“请予同意”“请予支持”和单独的“妥否”“当否”也是请示用语。', en: '请予核拨, 请予同意, 请予支持 and 妥否 or 当否 on their own are request wording too.' },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '以上报告，请予备案。'].join('\n'),
      options: { extraPatterns: ['请予备案'] },
      expect: ['2:6 request'],
    },
  ],
  check(report, context) {
    const pattern = new RegExp([...BUILTIN, ...context.options.extraPatterns].map((s) => `(?:${s})`).join('|'), 'gu');
    for (const p of report.paragraphs) {
      if (!isWording(p)) continue;
      const raw = p.content.text;
      if (context.options.extraPatterns.length === 0 && !raw.includes('请') && !raw.includes('否')) continue;
      const text = masked(raw, [...enclosed(raw, '“', '”'), ...enclosed(raw, '《', '》')]);
      for (const m of text.matchAll(pattern)) {
        if (!m[0]) continue;
        context.report({ at: p.content.span(m.index, m.index + m[0].length), messageId: 'request', data: { text: raw.slice(m.index, m.index + m[0].length) } });
      }
    }
  },
});
