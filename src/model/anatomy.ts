/**
 * The anatomy of a Party and government document (GB/T 9704-2012 §7): the
 * patterns that say what a line is when it is not body text. Every heuristic
 * that recognises a document part lives here, with its table-driven tests in
 * test/anatomy.test.ts; build.ts applies them in document order, and rules
 * only read the resulting paragraph kinds.
 */

/** What a report is, from the 文种 at the end of its title (《党政机关公文处理工作条例》第八条). */
export type Genre = 'report' | 'request' | 'letter' | 'notice' | 'bulletin' | 'speech' | 'news' | 'other' | 'unknown';

/** Genre names for messages and --print-config. */
export const GENRE_NAMES: Record<Genre, { zh: string; en: string }> = {
  report: { zh: '报告', en: 'report' },
  request: { zh: '请示', en: 'request (请示)' },
  letter: { zh: '函', en: 'letter (函)' },
  notice: { zh: '通知', en: 'notice (通知)' },
  bulletin: { zh: '通报', en: 'bulletin (通报)' },
  speech: { zh: '讲话', en: 'speech' },
  news: { zh: '信息简报', en: 'news item' },
  other: { zh: '其他文种', en: 'another kind of document' },
  unknown: { zh: '未识别（按报告检查）', en: 'not recognised (checked as a report)' },
};

/** The 文种 at the end of a title; the longest names come first. Order matters: 情况报告 before 报告. */
const GENRE_SUFFIXES: [RegExp, Genre][] = [
  [/(?:请示报告|报告请示)$/u, 'report'], // stacked kinds: judged as a report, and report-title says they are stacked
  [/请示$/u, 'request'],
  [/(?:复函|函)$/u, 'letter'],
  [/通知$/u, 'notice'],
  [/通报$/u, 'bulletin'],
  [/(?:讲话|发言|致辞|讲稿|主持词|发言提纲|讲话提纲)$/u, 'speech'],
  [/(?:信息|简报|动态|快讯|专报|要情)$/u, 'news'],
  [/(?:报告|汇报|总结|述职|述责述廉|自查|情况)$/u, 'report'],
  [/(?:意见|方案|办法|规定|决定|纪要|计划|要点|规划|细则|制度|公告|通告|批复|议案|决议|公报|命令|令)$/u, 'other'],
];

/** A news item's first words: `本报讯　`, `本网讯`, `（记者 ……）`. */
const NEWS_LEAD = /^(?:本报讯|本网讯|本台讯|本刊讯|[\u4e00-\u9fa5]{2,10}讯[\s\u3000（(])/u;

export function opensNewsItem(text: string): boolean {
  return NEWS_LEAD.test(text);
}

/** Where a news item's dateline ends (`本报讯　` → the index of its ideographic space), or -1. */
export function datelineSpace(text: string): number {
  const m = /^[\u4e00-\u9fa5]{0,10}讯\u3000/u.exec(text);
  return m ? m[0].length - 1 : -1;
}

/** The genre a title names, or 'unknown'. Trailing brackets such as `（2024年度）` or `（征求意见稿）` are passed over. */
export function genreOfTitle(title: string): Genre {
  const core = title
    .replace(/[\s\u3000]+/gu, '')
    .replace(/(?:[（(][^（）()]*[）)])+$/u, '')
    .replace(/[。.！!？?，,；;：:、]+$/u, '');
  for (const [re, genre] of GENRE_SUFFIXES) if (re.test(core)) return genre;
  return 'unknown';
}

/** A title's last words name a document kind (used to join a title split over lines). */
export function endsWithGenre(text: string): boolean {
  return genreOfTitle(text) !== 'unknown';
}

/** Page numbers left in text pasted from Word or PDF: `— 1 —`, `-2-`, `第3页 共8页`, `3/8`. */
const PAGE_NUMBER = /^(?:[—–－\-─]\s*[0-9０-９]{1,4}\s*[—–－\-─]|第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9]{1,4}\s*\/\s*[0-9]{1,4})$/u;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/** A Word header or footer whose page number is a field (its result may be empty until Word lays the page out): `第  页`, `—  —`. */
const PAGE_NUMBER_FIELD = /^(?:[—–－\-─]\s*[0-9０-９]{0,4}\s*[—–－\-─]|第\s*[0-9０-９]{0,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9０-９]{0,4}\s*页)?|[0-9]{0,4}\s*\/\s*[0-9]{0,4})$/u;

export function isPageNumberField(text: string): boolean {
  return PAGE_NUMBER_FIELD.test(text);
}

/**
 * 版头 (GB/T 9704 §7.2): 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人,
 * and the separator line. Also a stray line before the title, as a website shows it.
 */
const FRONT_MATTER: RegExp[] = [
  /^[0-9]{6}$/u, // 份号
  /^(?:绝密|机密|秘密)(?:\s*[★☆*＊]\s*(?:[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月))?)?$/u, // 密级
  /^(?:特急|加急|特提|平急)$/u, // 紧急程度
  /^(?:(?:绝密|机密|秘密)(?:[★☆][^\s]*)?\s+)?(?:特急|加急)$/u,
  /^[\u4e00-\u9fa5（）()、\s]{2,40}文件$/u, // 发文机关标志: 中共青山区委文件
  /^[\u4e00-\u9fa5]{1,12}[〔［\[(（][0-9]{4}[〕］\])）]\s*[0-9]{1,4}\s*号(?:\s+签发人[：:].*)?$/u, // 发文字号
  /^签发人[：:]\s*\S.{0,30}$/u,
  /^[─—━_\-=]{6,}$/u, // 版头中的分隔线
  // A web page around a pasted document.
  /^(?:来源|发布时间|发布日期|发布机构|作者|浏览次数|点击数|信息来源|索引号|文号|主题分类|成文日期|发文日期)[：:].{0,60}$/u,
  /^(?:当前位置|您当前的位置|您现在的位置)[：:]/u,
  /(?:【?字体[：:]?\s*[［\[]?\s*大\s*[］\]]?\s*中\s*小|打印本页|关闭窗口|分享到[：:]?|扫一扫在手机打开)/u,
];

export function isFrontMatter(text: string): boolean {
  return FRONT_MATTER.some((re) => re.test(text));
}

/** Under a title: `——在全区……会议上的讲话`, a date or meeting line `（2024年1月5日）`, `（2023年度）`. */
const SUBTITLE = /^(?:——|—|--).{2,60}$/u;
const TITLE_NOTE = /^[（(][^（）()。；;！？]{2,50}[）)]$/u;
/** An author, byline or keywords line. */
const BYLINE =
  /^(?:作者|撰稿|撰文|执笔|文|来源|关键词|关键字|主题词|通讯员|记者|本报记者|供稿)\s*[：:／/]\s*\S.{0,60}$|^(?:通讯员|记者|本报记者)\s+\S.{0,30}$|^[\u4e00-\u9fa5×Ｘ]{2,20}(?:调研组|课题组|写作组|调查组|专题组|联合调研组|理论学习中心组)$/u;
/** A speaker's line under a speech title: `区委书记　王建国`, `王建国`. */
const SPEAKER = /^(?:[\u4e00-\u9fa5]{2,16}[\s\u3000]+)?[\u4e00-\u9fa5][\s\u3000]?[\u4e00-\u9fa5]{1,3}$/u;

export type TitleBlockLine = 'subtitle' | 'byline';

/** A line of the title block after the title, or null. `speech`: a speaker's name line is expected. */
export function titleBlockLine(text: string, speech: boolean): TitleBlockLine | null {
  if (SUBTITLE.test(text)) return 'subtitle';
  if (TITLE_NOTE.test(text)) return 'byline';
  if (BYLINE.test(text)) return 'byline';
  if (speech && SPEAKER.test(text)) return 'byline';
  return null;
}

/** `同志们：`, `各位代表：`, `尊敬的各位领导、同志们：`. */
const SALUTATION = /^(?:尊敬的)?[\u4e00-\u9fa5、，,\s]{0,20}(?:同志们|代表们?|委员们?|来宾|领导|朋友们|同学们|老师们)[：:！!]$/u;

export function isSalutation(text: string): boolean {
  return text.length <= 30 && SALUTATION.test(text);
}

/** 版记 (§7.4): 抄送 and 印发 lines, the copies count. */
const DISTRIBUTION = /^(?:抄送|抄报|分送|发送)[：:]|印发$|^[（(]共印\s*[0-9０-９]+\s*份[）)]$/u;

export function isDistribution(text: string): boolean {
  return DISTRIBUTION.test(text.replace(/[\s\u3000]+$/u, ''));
}

/** 附注 (§7.3.6): `（联系人：张三，电话：12345678）`, `（此件公开发布）`. */
const NOTE = /^[（(](?:(?:此件|本件|联系人|联系电话|电话|联系方式|经办人)[^（）()]{0,80}|[^（）()]{2,40}(?:供稿|撰稿|来稿|供图))[）)]$/u;

export function isNote(text: string): boolean {
  return NOTE.test(text);
}

/** The label of a document attached after the date (§7.5): `附件1`, `附件 2`, `附件一`, `附件`. */
const APPENDIX_LABEL = /^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}$/u;

export function isAppendixLabel(text: string): boolean {
  return APPENDIX_LABEL.test(text);
}

/** 附件说明 (§7.3.4): `附件：1.……` or `附件：《……》`, and the lines `2.……` that follow it. */
const ATTACHMENT_NOTE_HEAD = /^附\s*件\s*[：:]\s*\S/u;
const ATTACHMENT_NOTE_ITEM = /^[0-9０-９]{1,2}\s*[.．、]\s*\S/u;

export function isAttachmentNoteHead(text: string): boolean {
  return ATTACHMENT_NOTE_HEAD.test(text);
}

/** A later line of the attachment note: `2.2024年度工作台账`; a sentence (with 。 inside) is not one. */
export function isAttachmentNoteItem(text: string): boolean {
  return ATTACHMENT_NOTE_ITEM.test(text) && !/[。！？；]./u.test(text) && text.length <= 80;
}

/** A table or figure caption: `表1 2024年度审计项目统计表`, `图2：……`, `续表`. */
const CAPTION = /^(?:表|图|续表)\s*[0-9０-９一二三四五六七八九十]{1,3}(?:[-—.．][0-9]{1,2})?(?:[\s\u3000：:.．]+\S.{0,60})?$|^续表$/u;

export function isCaption(text: string): boolean {
  return CAPTION.test(text) && !/[。！？；，]$/u.test(text);
}

/** A row of a table pasted as text: `项目 | 数量 | 完成率`, at least two cells. */
const TEXT_TABLE_ROW = /^\|?[^|｜]+(?:[|｜][^|｜]*)+\|?$/u;

export function isTextTableRow(text: string): boolean {
  // Every row holds a bar; most lines hold none, and the pattern backtracks over the whole line to say so.
  if (text.indexOf('|') === -1 && text.indexOf('｜') === -1) return false;
  if (!TEXT_TABLE_ROW.test(text)) return false;
  const cells = text.replace(/^[|｜]|[|｜]$/gu, '').split(/[|｜]/u);
  return cells.length >= 2 && cells.every((c) => c.trim().length <= 40);
}

/** A Markdown/text table rule line: `---|---`, `+----+----+`. */
export function isTableRule(text: string): boolean {
  return /^[|｜+]?\s*:?[-=─━]{2,}:?\s*(?:[|｜+]\s*:?[-=─━]{2,}:?\s*)*[|｜+]?$/u.test(text);
}

/**
 * A problems part written as prose (存在的主要问题：一是…… / 但也存在一些不足：……):
 * the paragraph opens by saying that problems follow, then names them. The
 * lead-in must open the paragraph (after a connective such as 但 or 同时) and
 * end in ：, or run straight into an enumeration; a passing mention
 * (`对巡察发现的问题，逐项整改`) is not a problems part.
 */
const PROBLEMS_LEAD =
  /^(?:[^。！？：:]{0,40}?[，,。]\s*)?(?:但(?:是)?|同时|然而|不过|当然|此外|另外)?[，,]?(?:[^。！？：:，,]{0,16}?)(?:存在的?(?:主要|突出|一些|以下|不少|若干)?(?:问题|不足|短板|差距|薄弱环节)|(?:问题|不足|短板|差距)(?:和|与|及)(?:不足|差距|短板|问题)|(?:仍|还|也|仍然|依然)(?:存在|有)(?:着)?(?:一些|不少|以下|若干|较多)?(?:问题|不足|短板|差距|薄弱环节)|清醒(?:地)?(?:看到|认识到)[^。！？：:]{0,20}?(?:问题|不足|短板|差距)|不足之处|薄弱环节)[^。！？：:]{0,12}?(?:[：:]|[，,。](?=\s*(?:一是|主要是|主要表现(?:在|为)|具体表现(?:在|为)|表现(?:在|为)|有的|有些|其一|第一)))/u;

/** Where the problems lead-in of a prose paragraph ends (the index after its ： or ，), or -1. */
export function problemsLeadEnd(text: string): number {
  const m = PROBLEMS_LEAD.exec(text);
  if (!m) return -1;
  const end = m[0].length;
  // The problems themselves must follow.
  return text.slice(end).replace(/[\s\p{P}]/gu, '').length >= 10 ? end : -1;
}

/**
 * What a line that starts with a numbering marker is, from the text after the marker:
 * - `standalone`: a heading on its own line. No sentence-final punctuation, up to
 *   MAX_STANDALONE characters, whatever commas it holds (`突出政治建设，从严落实主体责任`).
 *   Its title is the whole line less any trailing marks.
 * - `run-in`: a short heading phrase closed by 。 with body text after it
 *   (`压实责任链条。区委常委会……`); the title runs to that 。.
 * - `item`: a numbered sentence with no title of its own
 *   (`区委常委会全年专题研究全面从严治党工作12次，……。`): body text that keeps its place in the numbering.
 * `leadEnd`: where a bold lead (`**（一）标题**正文`) ends in `rest`, when the line has one.
 */
export type MarkerLineShape =
  | { kind: 'standalone'; titleEnd: number }
  | { kind: 'run-in'; titleEnd: number; headingEnd: number }
  | { kind: 'item' };

export const MAX_STANDALONE = 60;
const STOP = /[。！？!?]/u;
const TRAILING_MARKS = /[。，：；、,.:;！？!?\s\u3000]+$/u;

/** A heading phrase: short, one or two phrases, no clause marks inside, no figures. */
export function isHeadingPhrase(text: string, maxLength = 30): boolean {
  if (!text || text.length > maxLength || /[；;：:。！？]/u.test(text) || /[0-9０-９]/u.test(text)) return false;
  const phrases = text.split(/[，,]/u);
  return phrases.length <= 2 && phrases.every((p) => p.length >= 2 && p.length <= 18);
}

/** A count with its measure word (`14个村`, `2次`, `1.2万元`): sentences state these, headings seldom do. */
const COUNT = /[0-9０-９]+(?:\.[0-9]+)?\s*(?:个|次|人|名|件|项|家|起|份|条|批|场|期|天|户|笔|处|所|篇|万|亿|元|%|％|人次|余)/u;

/** A standalone heading line: up to three phrases of at most 20 characters, and no counts. */
function isHeadingLine(core: string): boolean {
  if (COUNT.test(core)) return false;
  const phrases = core.split(/[，,；;]/u);
  return phrases.length <= 3 && phrases.every((p) => p.length <= 24);
}

export function markerLineShape(rest: string, leadEnd?: number): MarkerLineShape {
  // A bold lead marks the heading whatever it holds.
  if (leadEnd !== undefined && leadEnd > 0 && rest.slice(leadEnd).trim()) {
    const lead = rest.slice(0, leadEnd);
    const titleEnd = lead.replace(TRAILING_MARKS, '').length;
    return { kind: 'run-in', titleEnd, headingEnd: leadEnd };
  }
  const stop = STOP.exec(rest);
  if (stop && rest.slice(stop.index + 1).trim()) {
    const title = rest.slice(0, stop.index);
    return isHeadingPhrase(title) ? { kind: 'run-in', titleEnd: stop.index, headingEnd: stop.index + 1 } : { kind: 'item' };
  }
  const core = rest.replace(TRAILING_MARKS, '');
  const trailing = rest.slice(core.length).trim();
  if (!core) return { kind: 'standalone', titleEnd: 0 };
  if (STOP.test(trailing)) {
    // `（一）压实责任。` alone: a heading with a stray 。 (heading-punctuation says so); a sentence is an item.
    return isHeadingPhrase(core, 20) ? { kind: 'standalone', titleEnd: core.length } : { kind: 'item' };
  }
  if (core.length > MAX_STANDALONE || !isHeadingLine(core)) return { kind: 'item' };
  // `1.全年开展督查4次，` stops mid-sentence: an item (truncated-paragraph judges it), not a heading.
  if (/[，,；;、：:]/u.test(trailing) && /[，,；;]/u.test(core)) return { kind: 'item' };
  return { kind: 'standalone', titleEnd: core.length };
}
