import { defineRule } from '../src/engine/rule.js';
import { isWording, type Paragraph } from '../src/model/report.js';
import { clauses, enclosed, masked, sentences, type Range } from '../src/text/sentences.js';

/** The wider duty and the narrower one that the notice says must not be mixed up (混为一谈). */
const WIDE = '全面从严治党';
const NARROW = '党风廉政建设';
/** What may follow 党风廉政建设 to name the narrower responsibility. */
const NARROW_TAILS = ['和反腐败工作主体责任', '和反腐败工作责任制', '主体责任', '责任制'];
/** Joiners that make the two one thing: 全面从严治党（党风廉政建设）, 暨, 即 … */
const EQUATE = new Set(['暨', '即', '亦即', '也即', '也就是', '就是', '等同于', '等于', '/', '／']);
/** Joiners that set the two side by side under one head: 全面从严治党和党风廉政建设主体责任. */
const PAIR = new Set(['和', '与', '及', '以及', '、', '同']);
/** What may follow either name to make it a responsibility. */
const RESPONSIBILITY_TAILS = ['主体责任', '责任制', '责任'];

/**
 * Who holds a responsibility. A discipline body (纪委、纪检组、纪检监察组 …, with 派驻/驻局 …)
 * or a Party body (党委、党组、党工委、党支部、区委 …), each optionally followed by a role.
 */
const HOLDER = new RegExp(
  String.raw`((?:派驻|驻[局厅委办院部处所校]?)?(?:纪委监委|纪检监察工委|纪检监察组|纪检监察室|纪检监察机构|纪检监察机关|纪检组|纪工委|纪委))` +
    String.raw`|(党委（党组）|党委\(党组\)|党（工）委|党\(工\)委|党工委|党委|党组织|党组|党总支|党支部|领导班子|[省市州县区旗盟]委|工委)`,
  'gu',
);
/** Roles after a holder: 书记 and 组长 lead it; a 常委会 or 班子 is the body itself; anyone else is another person. */
const ROLES = ['常委会', '领导班子', '班子成员', '班子', '主要负责人', '副书记', '书记', '副组长', '组长', '长', '常委', '委员', '成员'];
const LEAD_ROLES = new Set(['书记', '组长', '长', '主要负责人']);
const BODY_ROLES = new Set(['常委会', '领导班子', '班子']);
/** Level prefixes that belong to the holder's name in the finding: 镇纪委, 局党组, 集团纪委. */
const PREFIX_2 = ['街道', '集团', '公司', '学校', '机关'];
const PREFIX_1 = '省市州县区旗盟镇乡村街校院局厅办部处所司';

const RESPONSIBILITY = /主体责任|监督责任|第一责任人/gu;
/** Verbs that make the holder the one who carries the responsibility. */
const HOLDING = /履行|落实|承担|负有|负起|负|担负|肩负|扛起|扛牢|扛稳|担起|担当|担任|是|为|作为|牵头|抓好|抓实|尽到/u;
/** Words that make the holder act on someone else's responsibility: 纪委协助党委、督促、监督 … */
const ACTING_ON = /协助|督促|推动|支持|监督|帮助|配合|指导|约谈|检查|考核|传导|问责|追责|对|向|分别|各自|机关|自身/u;
/** Words before a holder that make it the object, not the subject: 对下级党组织, 督促局党组. */
const OBJECT_MARK = /(?:对|向|督促|支持|协助|帮助|推动|指导|要求|约谈|配合)|(?:同|与|和|及|、)$/u;
/** How far before a holder such a word is looked for (对下级党组织). */
const OBJECT_WINDOW = 6;
/** The responsibility named as the object of something else: 主体责任落实情况, 主体责任清单. */
const AS_OBJECT = /^(?:的?落实情况|清单|考核|检查|制度|体系|的监督|监督)/u;
/** A reversed sentence: 主体责任由纪委牵头落实. */
const BY = /^(?:应当|应|要|均|则|统一)?由/u;
const BY_VERB = /^(?:牵头|负责|承担|履行|落实|负|担任)/u;

/** Sentences that criticise or explain the confusion rather than commit it. */
const CRITICISM =
  /混为一谈|混淆|混同|搞混|等同起来|简单等同|错误地|错误认为|错误理解|错误认识|错误观念|模糊认识|错把|误把|误将|误以为|误认为|片面|曲解|不能把|不能将|不应把|不应将|不要把|不是|不等于|不等同|不同于|区别于|有别于|区分|而非|偏差/u;
const BELIEF = /认为|以为|看作|看成|当作|当成|视为|视作|理解为|理解成|把|将/gu;
const JUST = /就是|即是|等于|等同|只是|仅是|仅仅是|当作|当成|看作|看成|视为|视作/gu;
/** Sentences that relate the two correctly: 党风廉政建设是全面从严治党的重要组成部分. */
const RELATING = /涵盖|包含|包括|组成部分|之一|范畴|一部分/u;
/** The wider areas that show a report is about 全面从严治党, whatever its title says. */
const WIDE_AREAS = ['政治建设', '思想建设', '组织建设'];

type HolderKind = 'discipline' | 'disciplineLead' | 'party' | 'partyLead' | 'other';
interface Holder extends Range {
  kind: HolderKind;
  /** Where the finding starts: the holder with its level prefix and a 由 before it. */
  from: number;
}

export default defineRule({
  id: 'responsibility-conflation',
  category: 'content',
  severity: 'error',
  fixable: false,
  options: {
    wideTitle: {
      default: '全面从严治党',
      schema: { type: 'string', format: 'regex', minLength: 1 },
      description: {
        zh: '报告标题与此正则表达式相符时，视为全面从严治党主体责任报告，正文中的“党风廉政建设主体责任”“党风廉政建设责任制”逐处报告。',
        en: 'A report whose title matches this regular expression is a 全面从严治党 report: each “党风廉政建设主体责任” or “党风廉政建设责任制” in its body is reported.',
      },
    },
    maxHolderGap: {
      default: 20,
      schema: { type: 'integer', minimum: 0, maximum: 100 },
      description: {
        zh: '责任主体（纪委、党委……）与“主体责任”“监督责任”“第一责任人”之间最多相隔的字数；超过则不认为二者相连。',
        en: 'How many characters may separate the holder (纪委, 党委 …) from 主体责任, 监督责任 or 第一责任人 for the two to be read together.',
      },
    },
  },
  messages: {
    equated: {
      zh: '“{text}”把全面从严治党与党风廉政建设混为一谈：党风廉政建设只是全面从严治党的一部分，应写“全面从严治党主体责任”',
      en: '“{text}” treats 全面从严治党 and 党风廉政建设 as the same thing: clean-government building is only one part of strict Party self-governance; write “全面从严治党主体责任”',
    },
    paired: {
      zh: '“{text}”把党风廉政建设与全面从严治党并列：前者包含在后者之中，不是并列的两项，应写“全面从严治党主体责任”',
      en: '“{text}” sets 党风廉政建设 beside 全面从严治党 as a second, equal duty: the first is part of the second; write “全面从严治党主体责任”',
    },
    narrower: {
      zh: '报告讲的是全面从严治党主体责任，此处却写“{text}”：党风廉政建设主体责任（责任制）只是其中一部分，应写“全面从严治党主体责任”',
      en: 'The report is about 全面从严治党主体责任 but says “{text}” here: the clean-government responsibility is only part of it; write “全面从严治党主体责任”',
    },
    narrowTitle: {
      zh: '标题写“{text}”，正文讲的却是全面从严治党主体责任：标题应为“……落实全面从严治党主体责任情况的报告”',
      en: 'The title says “{text}” but the report covers the whole of 全面从严治党主体责任: title it “……落实全面从严治党主体责任情况的报告”',
    },
    disciplineMain: {
      zh: '“{text}”：主体责任由党委（党组）承担，纪委（纪检组、纪检监察组）负的是监督责任',
      en: '“{text}”: the Party committee or leading group (党委/党组) holds the 主体责任; the discipline body (纪委/纪检监察组) holds the 监督责任',
    },
    partySupervision: {
      zh: '“{text}”：党委（党组）负主体责任，监督责任由纪委（纪检组、纪检监察组）承担',
      en: '“{text}”: the Party committee or leading group (党委/党组) holds the 主体责任; the 监督责任 belongs to the discipline body (纪委/纪检监察组)',
    },
    disciplineFirst: {
      zh: '“{text}”：第一责任人是党委（党组）书记，纪委书记（纪检监察组组长）负监督责任',
      en: '“{text}”: the 第一责任人 is the secretary of the Party committee or leading group (党委/党组书记); the discipline secretary (纪委书记) carries the 监督责任',
    },
  },
  docs: {
    summary: {
      zh: '不得把全面从严治党主体责任与党风廉政建设主体责任混为一谈，不得错置主体责任与监督责任',
      en: 'Do not confuse 全面从严治党主体责任 with the narrower 党风廉政建设主体责任, nor give the 主体责任 and the 监督责任 to the wrong body',
    },
    why: {
      zh: '市里通报点名的问题之一是“将全面从严治党主体责任与党风廉政建设主体责任混为一谈”。党风廉政建设责任制（党委负主体责任、纪委负监督责任）针对的是党风廉政建设和反腐败工作；全面从严治党主体责任范围更广，涵盖党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中，深入推进反腐败斗争。主体责任在党委（党组、党工委），书记是第一责任人，班子成员落实“一岗双责”；纪委（纪检组、纪检监察组）负监督责任。写成“全面从严治党（党风廉政建设）主体责任”“纪委履行主体责任”“党委负监督责任”“纪委书记是第一责任人”，说明对责任的内涵和主体认识不清。',
      en: 'The city’s notice singles out reports that “mix up 全面从严治党主体责任 and 党风廉政建设主体责任” (混为一谈). The clean-government responsibility system (党风廉政建设责任制: the Party committee holds the 主体责任, the discipline commission the 监督责任) concerns clean government and anti-corruption; 全面从严治党主体责任 is the wider duty covering political, ideological, organisational, conduct and discipline building, institution building and the fight against corruption. The 主体责任 lies with the Party committee or leading group (党委/党组/党工委), whose secretary is the 第一责任人 and whose members carry 一岗双责; the discipline body (纪委/纪检组/纪检监察组) holds the 监督责任. Wording such as 全面从严治党（党风廉政建设）主体责任, 纪委履行主体责任, 党委负监督责任 or 纪委书记是第一责任人 shows the writer is unclear about what the duty is and who holds it.',
    },
    standard: '《党委（党组）落实全面从严治党主体责任规定》（2020）；《关于实行党风廉政建设责任制的规定》（2010）',
    details: {
      zh: [
        '检查三类问题：',
        '（1）等同写法：全面从严治党与党风廉政建设用括号、“暨”“即”“就是”“等同于”连成一个责任，如“全面从严治党（党风廉政建设）主体责任”“全面从严治党暨党风廉政建设主体责任”“全面从严治党主体责任即党风廉政建设主体责任”（反过来写同样报告）。用“和”“与”“及”“、”连接且共用“主体责任”（“全面从严治党和党风廉政建设主体责任”）也报告：这是把包含关系写成了并列关系。括号写法总报告；“暨”“和”等只在连着“主体责任”“责任制”“责任”时报告，因此“全面从严治党暨党风廉政建设工作会议”这样的会议名称不报告。标题中二者并列（“关于全面从严治党和党风廉政建设工作情况的报告”）一律报告。',
        '（2）标题与正文不一致：标题与 wideTitle（默认“全面从严治党”）相符时，正文中每一处“党风廉政建设主体责任”“党风廉政建设责任制”都报告；标题写“党风廉政建设主体责任/责任制”而不提全面从严治党，正文却讲“全面从严治党主体责任”或涉及政治建设、思想建设、组织建设中的两项以上时，在标题处报告。',
        '（3）责任主体错位：在同一分句（以。！？；，：分隔）内，离责任最近的责任主体承担了错误的责任——纪委（纪检组、纪检监察组、派驻纪检组）履行、落实、承担、负主体责任，“由纪委牵头落实主体责任”“主体责任由纪委牵头”，党委（党组、党工委、区委……）负、履行监督责任，纪委书记是、作为第一责任人。主体与责任之间须有“履行”“落实”“承担”“负”“是”“作为”“牵头”等动词，且相隔不超过 maxHolderGap 字。正确搭配（党委负主体责任、纪委负监督责任、党委书记是第一责任人）不报告；“纪委协助党委履行主体责任”“督促”“推动”“支持”“对……”等以他人责任为对象的写法，以及主体前六字内有“对”“督促”“协助”等、本身是对象的（“上级党委对下级党组织负有监督责任”）不报告；“党委履行全面监督责任”“党内监督责任”不报告；“纪委书记是落实监督责任的第一责任人”不报告；纪委谈本机关自身的主体责任（“纪委落实机关全面从严治党主体责任”）不报告。',
        '批评或辨析这种混淆的句子不报告：含“认为……就是……”“把……当作……”“混为一谈”“混淆”“错误地”“误将”“不等同于”“区分”“偏差”等；说明二者关系的句子（“党风廉政建设是全面从严治党的重要组成部分”“涵盖”“包括”）不按第（2）类报告。书名号内的文件名（《党委（党组）落实全面从严治党主体责任规定》《关于实行党风廉政建设责任制的规定》）和 Markdown 引用块不检查。',
      ].join('\n\n'),
      en: [
        'Three kinds of fault are reported.',
        '(1) Equating wording: 全面从严治党 and 党风廉政建设 made one responsibility with brackets or with 暨, 即, 就是, 等同于: 全面从严治党（党风廉政建设）主体责任, 全面从严治党暨党风廉政建设主体责任, 全面从严治党主体责任即党风廉政建设主体责任 (and the same the other way round). Joining them with 和, 与, 及 or 、 under one shared 主体责任 (全面从严治党和党风廉政建设主体责任) is reported too: it turns “one contains the other” into “two equal duties”. The bracket form is always reported; 暨, 和 and the like only when 主体责任, 责任制 or 责任 follows, so a meeting name such as 全面从严治党暨党风廉政建设工作会议 passes. In the title, any joining of the two is reported.',
        '(2) Title and body disagree: when the title matches `wideTitle` (default 全面从严治党), each 党风廉政建设主体责任 or 党风廉政建设责任制 in the body is reported. When the title names 党风廉政建设主体责任/责任制 without 全面从严治党 while the body speaks of 全面从严治党主体责任, or of at least two of 政治建设, 思想建设 and 组织建设, the title is reported.',
        '(3) The wrong holder: within one clause (split at 。！？；，：), the holder nearest to the responsibility carries the wrong one: the discipline body (纪委, 纪检组, 纪检监察组, 派驻纪检组) 履行/落实/承担/负 the 主体责任, 由纪委牵头落实主体责任, 主体责任由纪委牵头, the Party body (党委, 党组, 党工委, 区委 …) 负/履行 the 监督责任, the discipline secretary 是/作为 第一责任人. A verb such as 履行, 落实, 承担, 负, 是, 作为 or 牵头 must link them, at most `maxHolderGap` characters apart. The correct pairs (党委负主体责任, 纪委负监督责任, 党委书记是第一责任人) pass; so do 纪委协助党委履行主体责任 and other wording where the holder acts on someone else’s duty (督促, 推动, 支持, 对……), and a holder that is itself the object, with 对, 督促, 协助 … up to six characters before it (上级党委对下级党组织负有监督责任); 党委履行全面监督责任 and 党内监督责任; 纪委书记是落实监督责任的第一责任人; and a discipline body speaking of its own office’s duty (纪委落实机关全面从严治党主体责任).',
        'Sentences that criticise or explain the confusion are not reported: 认为……就是……, 把……当作……, 混为一谈, 混淆, 错误地, 误将, 不等同于, 区分, 偏差 and the like. Sentences that relate the two correctly (党风廉政建设是全面从严治党的重要组成部分, 涵盖, 包括) are not reported under (2). Document titles in 《》 (《党委（党组）落实全面从严治党主体责任规定》, 《关于实行党风廉政建设责任制的规定》) and Markdown block quotes are not checked.',
      ].join('\n\n'),
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '区委认真履行全面从严治党主体责任，区委书记是第一责任人，班子成员落实一岗双责。',
        '区纪委监委履行监督责任，协助区委推进全面从严治党，督促各级党组织落实主体责任。',
        '召开全区全面从严治党暨党风廉政建设工作会议，组织学习《党委（党组）落实全面从严治党主体责任规定》。',
      ].join('\n'),
      note: { zh: '正确的主体与责任搭配、会议名称和文件名不报告。', en: 'Correct holders, a meeting name and a document title pass.' },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '个别干部认为全面从严治党主体责任就是党风廉政建设主体责任，把管党治党简单等同于抓廉政。',
        '有的支部把纪委负主体责任、党委负监督责任混为一谈。',
        '党风廉政建设主体责任是全面从严治党主体责任的重要组成部分。',
      ].join('\n'),
      note: {
        zh: '批评混淆、说明二者关系的句子不报告。',
        en: 'Sentences that criticise the confusion or relate the two correctly pass.',
      },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '党委、纪委分别履行主体责任和监督责任，纪委书记是落实监督责任的第一责任人。',
        '局党组履行全面监督责任，驻局纪检监察组聚焦监督首责，纪委监委落实机关全面从严治党主体责任。',
        '上级党委对下级党组织负有监督责任，纪检组长协助党组书记履行第一责任人职责。',
      ].join('\n'),
      note: {
        zh: '“分别”、全面监督、监督责任的第一责任人、纪委机关自身的主体责任、作为对象的主体（“对下级党组织”“协助党组书记”）不报告。',
        en: '分别, 全面监督, the first person responsible for the 监督责任, a discipline body’s own office and a holder that is the object (对下级党组织, 协助党组书记) pass.',
      },
    },
    {
      invalid: ['关于2024年度落实全面从严治党主体责任情况的报告', '镇党委把落实全面从严治党（党风廉政建设）主体责任作为重大政治任务。'].join('\n'),
      expect: ['2:7 equated'],
    },
    {
      invalid: [
        '关于2024年度工作情况的报告',
        '落实全面从严治党暨党风廉政建设主体责任。',
        '全面从严治党主体责任即党风廉政建设主体责任。',
        '落实全面从严治党和党风廉政建设主体责任。',
      ].join('\n'),
      expect: ['2:3 equated', '3:1 equated', '4:3 paired'],
    },
    {
      invalid: ['关于落实全面从严治党主体责任情况的报告', '镇党委认真落实党风廉政建设责任制，签订责任书19份。'].join('\n'),
      expect: ['2:8 narrower'],
    },
    {
      invalid: [
        '关于落实党风廉政建设主体责任情况的报告',
        '局党组认真履行全面从严治党主体责任，把政治建设摆在首位。',
      ].join('\n'),
      expect: ['1:5 narrowTitle'],
    },
    {
      invalid: ['关于全面从严治党和党风廉政建设工作情况的报告', '局党组召开党组会议12次。'].join('\n'),
      expect: ['1:3 paired'],
      note: { zh: '标题把二者并列。', en: 'The title sets the two side by side.' },
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '镇纪委履行主体责任，牵头制定监督检查计划。',
        '工作由驻局纪检监察组牵头落实主体责任。',
        '镇纪委书记是第一责任人，全年主持召开专题会议6次。',
        '镇党委负监督责任，每季度听取镇纪委工作汇报。',
      ].join('\n'),
      expect: ['2:1 disciplineMain', '3:3 disciplineMain', '4:1 disciplineFirst', '5:1 partySupervision'],
    },
    {
      invalid: ['关于2024年度落实全面从严治党主体责任情况的报告', '主体责任由纪委牵头落实，监督责任由党委承担。'].join('\n'),
      expect: ['2:1 disciplineMain', '2:13 partySupervision'],
      note: { zh: '倒装的“由……”句同样报告。', en: 'The reversed 由 form is reported too.' },
    },
    {
      valid: ['关于2024年度落实全面从严治党主体责任情况的报告', '县纪委在年初全面深入细致地认真履行主体责任。'].join('\n'),
      options: { maxHolderGap: 10 },
      note: { zh: '主体与责任相隔超过 maxHolderGap 字时不报告。', en: 'A holder further than maxHolderGap characters away is not read with the duty.' },
    },
  ],
  check(report, context) {
    const wideTitle = new RegExp(context.options.wideTitle, 'u');
    const maxGap = context.options.maxHolderGap;
    const title = report.title;
    const titleText = title ? title.content.text : '';
    const wide = title !== null && wideTitle.test(titleText);
    // The report's wording, and the names of its attached documents (a merged name there is the unit's own).
    const body = report.paragraphs.filter((p) => isWording(p) || ((p.kind === 'attachment-note' || p.kind === 'appendix-title') && !p.quoted));

    if (title) {
      for (const f of equatingIn(titleText, { start: 0, end: titleText.length }, true)) {
        context.report({ at: title.content.span(f.start, f.end), messageId: f.kind, data: { text: titleText.slice(f.start, f.end) } });
      }
      if (!titleText.includes(WIDE)) {
        const narrow = firstNarrow(titleText);
        if (narrow && bodyIsWide(body)) {
          context.report({
            at: title.content.span(narrow.start, narrow.end),
            messageId: 'narrowTitle',
            data: { text: titleText.slice(narrow.start, narrow.end) },
          });
        }
      }
    }

    for (const p of body) {
      const raw = p.content.text;
      // Every fault needs a 责任, or both names side by side: most paragraphs are passed over here.
      const hasNames = raw.includes(WIDE) && raw.includes(NARROW);
      if (!hasNames && !raw.includes('责任')) continue;
      const text = raw.includes('《') ? masked(raw, enclosed(raw, '《', '》')) : raw;

      for (const s of sentences(text)) {
        const found: Found[] = [];
        const equating = hasNames ? equatingIn(text, s, false) : [];
        found.push(...equating);

        if (wide) {
          let e = 0; // equating[0, e) end at or before i
          for (let i = text.indexOf(NARROW, s.start); i !== -1 && i < s.end; i = text.indexOf(NARROW, i + NARROW.length)) {
            while (e < equating.length && equating[e].end <= i) e++;
            const inEquating = e < equating.length && equating[e].start <= i;
            const narrow = narrowAt(text, i);
            if (narrow && narrow.end <= s.end && !inEquating) found.push({ kind: 'narrower', ...narrow });
          }
          if (found.length > equating.length && RELATING.test(text.slice(s.start, s.end))) found.length = equating.length;
        }

        if (hasResponsibility(text, s)) {
          for (const c of clauses(text, s)) found.push(...wrongHolders(text, c, maxGap));
        }

        // Only a sentence that would be reported is read for criticism (认为……就是……).
        if (found.length === 0 || criticises(text, s)) continue;
        found.sort((a, b) => a.start - b.start);
        for (const f of found) {
          context.report({ at: p.content.span(f.start, f.end), messageId: f.kind, data: { text: raw.slice(f.start, f.end) } });
        }
      }
    }
  },
});

/** Whether the sentence names one of the responsibilities a holder can be wrong about. */
function hasResponsibility(text: string, s: Range): boolean {
  for (let i = text.indexOf('责任', s.start); i !== -1 && i + 2 <= s.end; i = text.indexOf('责任', i + 2)) {
    if (i - 2 < s.start) continue;
    const before = text.slice(i - 2, i);
    if (before === '主体' || before === '监督' || (before === '第一' && text[i + 2] === '人')) return true;
  }
  return false;
}

/** 党风廉政建设主体责任 / 党风廉政建设责任制 starting exactly at `i`, or null. */
function narrowAt(text: string, i: number): Range | null {
  if (!text.startsWith(NARROW, i)) return null;
  for (const tail of NARROW_TAILS) {
    if (text.startsWith(tail, i + NARROW.length)) return { start: i, end: i + NARROW.length + tail.length };
  }
  return null;
}

/** The first 党风廉政建设主体责任 / 党风廉政建设责任制 in the text, or null. */
function firstNarrow(text: string): Range | null {
  for (let i = text.indexOf(NARROW); i !== -1; i = text.indexOf(NARROW, i + NARROW.length)) {
    const found = narrowAt(text, i);
    if (found) return found;
  }
  return null;
}

interface Found extends Range {
  kind: string;
}

/**
 * Equating or pairing wording in text[s.start, s.end): each 全面从严治党 next to a
 * 党风廉政建设 (either order) is judged by what joins them.
 */
function equatingIn(text: string, s: Range, inTitle: boolean): Found[] {
  const names: Array<{ start: number; end: number; word: string }> = [];
  for (const word of [WIDE, NARROW]) {
    for (let i = text.indexOf(word, s.start); i !== -1 && i + word.length <= s.end; i = text.indexOf(word, i + word.length)) {
      names.push({ start: i, end: i + word.length, word });
    }
  }
  if (names.length < 2) return [];
  names.sort((a, b) => a.start - b.start);

  const out: Found[] = [];
  for (let k = 0; k + 1 < names.length; k++) {
    const a = names[k];
    const b = names[k + 1];
    if (a.word === b.word) continue;
    let gapStart = a.end;
    const leftTail = RESPONSIBILITY_TAILS.find((t) => text.startsWith(t, gapStart)) ?? (text.startsWith('工作', gapStart) ? '工作' : '');
    gapStart += leftTail.length;
    const gap = text.slice(gapStart, b.start);
    let end = b.end;
    let kind: string | null = null;
    if ((gap === '（' && text[b.end] === '）') || (gap === '(' && text[b.end] === ')')) {
      kind = 'equated';
      end = b.end + 1;
    }
    const rightTail = RESPONSIBILITY_TAILS.find((t) => text.startsWith(t, end)) ?? '';
    const leftResponsibility = leftTail !== '' && leftTail !== '工作';
    if (!kind && EQUATE.has(gap) && (inTitle || leftResponsibility || rightTail)) kind = 'equated';
    // 全面从严治党和党风廉政建设主体责任: one head for both. 全面从严治党主体责任和党风廉政建设责任制 is (2)'s business, except in the title.
    if (!kind && PAIR.has(gap) && (inTitle || (rightTail === '主体责任' && !leftResponsibility))) kind = 'paired';
    if (kind) {
      out.push({ kind, start: a.start, end: end + (end + rightTail.length <= s.end ? rightTail.length : 0) });
      k++; // b is used up
    }
  }
  return out;
}

/** Whether the sentence criticises or explains the confusion (认为……就是……, 混为一谈 …). */
function criticises(text: string, s: Range): boolean {
  const sentence = text.slice(s.start, s.end);
  if (CRITICISM.test(sentence)) return true;
  BELIEF.lastIndex = 0;
  const belief = BELIEF.exec(sentence);
  if (!belief) return false;
  JUST.lastIndex = belief.index + belief[0].length;
  return JUST.test(sentence);
}

/** Whether the report's body is about 全面从严治党主体责任 whatever its title says. */
function bodyIsWide(body: Paragraph[]): boolean {
  const areas = new Set<string>();
  for (const p of body) {
    const raw = p.content.text;
    const text = masked(raw, enclosed(raw, '《', '》'));
    for (const s of sentences(text)) {
      if (criticises(text, s)) continue;
      const sentence = text.slice(s.start, s.end);
      if (sentence.includes(`${WIDE}主体责任`)) return true;
      for (const area of WIDE_AREAS) if (sentence.includes(area)) areas.add(area);
    }
  }
  return areas.size >= 2;
}

/** Holders in a clause, in order. */
function holdersIn(text: string, c: Range): Holder[] {
  const out: Holder[] = [];
  HOLDER.lastIndex = c.start;
  for (let m = HOLDER.exec(text); m !== null && m.index + m[0].length <= c.end; m = HOLDER.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // 长 only after 组: 纪检组长, not 纪委长期.
    const role = ROLES.find((r) => text.startsWith(r, end) && end + r.length <= c.end && (r !== '长' || text[end - 1] === '组'));
    if (role) end += role.length;
    HOLDER.lastIndex = end;
    const discipline = m[1] !== undefined;
    let kind: HolderKind;
    if (role === undefined || BODY_ROLES.has(role)) kind = discipline ? 'discipline' : 'party';
    else if (LEAD_ROLES.has(role)) kind = discipline ? 'disciplineLead' : 'partyLead';
    else kind = 'other';
    let from = start;
    if (from - 2 >= c.start && PREFIX_2.includes(text.slice(from - 2, from))) from -= 2;
    else if (from > c.start && PREFIX_1.includes(text[from - 1])) from -= 1;
    if (from > c.start && text[from - 1] === '由') from -= 1;
    out.push({ start, end, kind, from });
  }
  return out;
}

/** Which message a holder and a responsibility make, or null when they go together. */
function mismatch(holder: HolderKind, responsibility: string): string | null {
  if (responsibility === '主体责任' && (holder === 'discipline' || holder === 'disciplineLead')) return 'disciplineMain';
  if (responsibility === '监督责任' && holder === 'party') return 'partySupervision';
  if (responsibility === '第一责任人' && (holder === 'discipline' || holder === 'disciplineLead')) return 'disciplineFirst';
  return null;
}

/** Wrong holders in one clause: 纪委履行主体责任, 党委负监督责任, 纪委书记是第一责任人, 主体责任由纪委牵头. */
function wrongHolders(text: string, c: Range, maxGap: number): Found[] {
  const duties: Array<{ start: number; end: number; name: string }> = [];
  RESPONSIBILITY.lastIndex = c.start;
  for (let m = RESPONSIBILITY.exec(text); m !== null && m.index + m[0].length <= c.end; m = RESPONSIBILITY.exec(text)) {
    duties.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  }
  if (duties.length === 0) return [];
  const holders = holdersIn(text, c);
  if (holders.length === 0) return [];
  const out: Found[] = [];
  // Duties and holders are both in text order: walk them together (linear, whatever the clause).
  let k = 0; // holders[0, k) end at or before the duty
  let after = 0; // first holder that starts at or after the duty's end
  for (const duty of duties) {
    const rStart = duty.start;
    const rEnd = duty.end;
    while (k < holders.length && holders[k].end <= rStart) k++;
    if (k < holders.length && holders[k].start < rEnd) continue; // the duty is part of a holder's name
    if (AS_OBJECT.test(text.slice(rEnd, Math.min(c.end, rEnd + 6)))) continue;

    // Holder before the duty: the nearest one speaks for it.
    if (k > 0) {
      const holder = holders[k - 1];
      const previousEnd = k > 1 ? holders[k - 2].end : c.start;
      if (rStart - holder.end > maxGap) continue;
      const gap = text.slice(holder.end, rStart);
      const before = text.slice(Math.max(previousEnd, holder.from - OBJECT_WINDOW), holder.from);
      if (OBJECT_MARK.test(before)) continue;
      if (HOLDING.test(gap) && !ACTING_ON.test(gap) && !/(?:全面|党内)$/u.test(gap)) {
        const kind = mismatch(holder.kind, duty.name);
        if (kind) out.push({ kind, start: holder.from, end: rEnd });
      }
      continue;
    }

    // Reversed: 主体责任由纪委牵头落实.
    const by = BY.exec(text.slice(rEnd, Math.min(c.end, rEnd + 4)));
    if (!by) continue;
    const at = rEnd + by[0].length;
    while (after < holders.length && holders[after].start < at) after++;
    const next = holders[after];
    if (!next || next.start - at > 2 || (next.from > at && next.start !== at)) continue;
    const verb = BY_VERB.exec(text.slice(next.end, Math.min(c.end, next.end + 2)));
    if (!verb) continue;
    const kind = mismatch(next.kind, duty.name);
    if (kind) out.push({ kind, start: rStart, end: next.end + verb[0].length });
  }
  return out;
}
