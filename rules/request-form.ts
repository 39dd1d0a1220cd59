import { defineRule } from '../src/engine/rule.js';
import { isProse, type Paragraph } from '../src/model/report.js';

/** The closing formula of a 请示: 妥否，请批示 / 当否，请批示 / 以上请示如无不妥，请批准 / 特此请示 / 请予批准. */
const CLOSING = /(?:妥否|当否|可否|是否妥当|是否可行|如无不妥|以上请示)[，,]?\s*(?:恳请|请)(?:予以|予)?(?:批示|审批|批复|指示|批准|审定|示复|核准)|(?:恳请|请)(?:予以|予)?(?:批示|批复|审批|批准)|特此请示/u;
/** Verbs that open a matter in a title: 关于增设……和追加……的请示 asks two things. */
const MATTER_VERB = /^(?:申请|增设|增加|追加|调整|拨付|划拨|批准|设立|成立|撤销|变更|解决|购置|建设|开展|举办|核定|核拨|新建|改建|扩建|招聘|录用|提高|减免)/u;
/** A 抄送 line that names subordinate bodies. */
const COPY_DOWN = /各(?:乡镇|街道|部门|单位|县|区|市|支部|基层党组织|直属单位)|下属|所属|基层/u;

function titleCore(title: string): string | null {
  const m = /关于(.+?)的请示/u.exec(title);
  return m ? m[1] : null;
}

export default defineRule({
  id: 'request-form',
  category: 'structure',
  severity: 'warn',
  fixable: false,
  genres: ['request'],
  options: {},
  messages: {
    oneMatter: {
      zh: '请示应当一文一事：标题提出了{count}项事项（{matters}）',
      en: 'A 请示 asks for one matter: the title raises {count} ({matters})',
    },
    oneAddressee: {
      zh: '请示只主送一个上级机关，实为“{text}”；需要同时送其他机关的，用抄送',
      en: 'A 请示 goes to one superior body, not “{text}”; send copies (抄送) to any other',
    },
    closing: {
      zh: '请示缺少结束语，应以“妥否，请批示”“以上请示，请予审批”等结尾',
      en: 'The 请示 has no closing formula; end it with 妥否，请批示 or 以上请示，请予审批',
    },
    copyDown: {
      zh: '请示不得抄送下级机关：“{text}”',
      en: 'A 请示 is not copied to subordinate bodies: “{text}”',
    },
  },
  docs: {
    summary: {
      zh: '请示：一文一事、只主送一个机关、有结束语、不抄送下级',
      en: 'A 请示: one matter, one addressee, a closing formula, no copies to subordinates',
    },
    why: {
      zh: '条例对请示有明确要求：一文一事，一般只写一个主送机关，不得抄送下级机关。一文多事、多头主送会使上级无从批复或相互推诿；没有“妥否，请批示”之类的结束语，请示事项就不明确。',
      en: 'The regulations are explicit about a 请示: one matter per document, one addressee, no copies to subordinates. Several matters or several addressees leave the superior unable to reply, or each body waiting for the other; without a closing such as 妥否，请批示 the request itself is unclear.',
    },
    standard: '《党政机关公文处理工作条例》（2012）第十五条第（二）项、第（四）项',
    details: {
      zh: '只检查标题为“……的请示”的公文。一文一事：标题“关于……的请示”中由“和”“及”“并”“、”连接的两部分各以“申请”“增设”“追加”“调整”“拨付”等动词开头时报告；主送机关中有顿号、逗号或“和”时报告；全文没有“妥否，请批示”“当否，请批示”“以上请示，请予审批”“请予批准”“特此请示”等结束语时报告；版记“抄送”中出现“各乡镇”“各部门”“下属”“所属”等下级机关时报告。报告中夹带的请示用语由 no-request-in-report 检查。',
      en: 'Only documents titled ……的请示 are checked. One matter: reported when the title 关于……的请示 has two parts joined by 和, 及, 并 or 、 that each begin with a verb such as 申请, 增设, 追加, 调整 or 拨付. One addressee: reported when the addressee holds 、, ，or 和. Closing: reported when no closing formula (妥否，请批示, 当否，请批示, 以上请示，请予审批, 请予批准, 特此请示 …) appears. Copies: reported when the 抄送 line names subordinate bodies (各乡镇, 各部门, 下属, 所属 …). Request wording inside a report is no-request-in-report’s.',
    },
  },
  examples: [
    {
      valid: ['关于增设派驻纪检监察组的请示', '中共平湖县委：', '现就增设派驻纪检监察组有关事项请示如下。拟增设第十派驻纪检监察组。', '妥否，请批示。', '中共平湖县纪委监委', '2024年3月6日'].join('\n'),
    },
    {
      invalid: ['关于增设派驻纪检监察组和追加工作经费的请示', '县委、县政府：', '现就有关事项请示如下。拟增设第十派驻纪检监察组，追加经费18万元。', '中共平湖县纪委监委', '2024年3月6日'].join('\n'),
      expect: ['1:1 oneMatter', '2:1 oneAddressee', '3:1 closing'],
    },
    {
      invalid: ['关于增设派驻纪检监察组的请示', '中共平湖县委：', '现就增设派驻纪检监察组有关事项请示如下。', '妥否，请批示。', '中共平湖县纪委监委', '2024年3月6日', '抄送：县委组织部，各乡镇纪委。', '中共平湖县纪委办公室　　2024年3月6日印发'].join('\n'),
      expect: ['7:1 copyDown'],
    },
  ],
  check(report, context) {
    const title = report.title?.content.text ?? '';
    const core = titleCore(title);
    if (core && report.title) {
      const parts = core.split(/和|以及|及|并|、/u).filter(Boolean);
      const matters = parts.filter((p) => MATTER_VERB.test(p));
      if (matters.length >= 2) {
        context.report({ at: report.title, messageId: 'oneMatter', data: { count: matters.length, matters: matters.map((m) => `“${m}”`).join(context.locale === 'zh' ? '、' : ', ') } });
      }
    }
    if (report.addressee) {
      const text = report.addressee.content.text.replace(/[：:]\s*$/u, '');
      if (/[、，,]|和/u.test(text)) context.report({ at: report.addressee, messageId: 'oneAddressee', data: { text } });
    }
    const body = report.paragraphs.filter((p) => isProse(p));
    if (body.length && !body.some((p) => CLOSING.test(p.content.text))) {
      context.report({ at: body[body.length - 1], messageId: 'closing' });
    }
    for (const p of report.paragraphs) {
      if (p.kind !== 'distribution' || !/^\s*抄\s*送/u.test(p.content.text)) continue;
      if (COPY_DOWN.test(p.content.text)) context.report({ at: p as Paragraph, messageId: 'copyDown', data: { text: p.content.text.trim() } });
    }
  },
});
