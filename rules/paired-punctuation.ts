import { defineRule } from '../src/engine/rule.js';
import { blockedAt, isAsciiDigit, isAsciiLetter, isChineseNumeral, isItemNumber, markerLength } from '../src/text/punctuation.js';

/** Each paired mark: its partner, its family, and its name (GB/T 15834-2011 §4.8–4.11). */
interface MarkInfo {
  pair: string;
  family: number;
  opens: boolean;
  zh: string;
  en: string;
}
const MARKS = new Map<string, MarkInfo>();
function pair(open: string, close: string, family: number, zh: string, en: string): void {
  MARKS.set(open, { pair: close, family, opens: true, zh: `前${zh}`, en: `Opening ${en}` });
  MARKS.set(close, { pair: open, family, opens: false, zh: `后${zh}`, en: `Closing ${en}` });
}
const DOUBLE = 0;
const SINGLE = 1;
const PAREN = 2;
pair('“', '”', DOUBLE, '双引号', 'double quotation mark');
pair('‘', '’', SINGLE, '单引号', 'single quotation mark');
pair('（', '）', PAREN, '括号', 'bracket');
pair('《', '》', 3, '书名号', 'title mark');
pair('〈', '〉', 4, '单书名号', 'single title mark');
pair('〔', '〕', 5, '六角括号', 'tortoise-shell bracket');
pair('【', '】', 6, '方头括号', 'lenticular bracket');
const FAMILIES = 7;
/** Half-width brackets close and open like full-width ones (so （总支) is not reported here), but are never reported. */
const HALF: Record<string, boolean> = { '(': true, ')': false };
/** Every mark the rule pairs: the scan visits only these (a native regex search), not every character. */
const ANY_MARK = new RegExp(`[${[...MARKS.keys(), ...Object.keys(HALF)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

interface Entry {
  ch: string;
  at: number;
  family: number;
  /** The nearest quotation mark below this one in the stack. */
  quoteParent: Entry | null;
  /** Inside “ ” at some depth. */
  inDouble: boolean;
  /** Positions of “ that opened directly inside this quote and were closed. */
  doublesInside: number[] | null;
}

export default defineRule({
  id: 'paired-punctuation',
  category: 'format',
  severity: 'error',
  fixable: false,
  options: {
    multiParagraphQuotes: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '允许跨段引文：引文有多段时每段开头用前引号，只在最后一段末尾用后引号（GB/T 15834 §4.9.3.4）。设为 false 则每段的引号都须配对。',
        en: 'Allow a quotation over several paragraphs: each paragraph opens with “ and only the last one closes with ” (GB/T 15834 §4.9.3.4). With false, quotes must pair within each paragraph.',
      },
    },
    checkNesting: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '检查引号嵌套：外层用双引号，里层用单引号。',
        en: 'Check how quotation marks nest: double outside, single inside.',
      },
    },
  },
  messages: {
    unclosed: {
      zh: '{zhName} {mark} 缺少配对的 {pair}',
      en: '{enName} {mark} has no matching {pair}',
    },
    unopened: {
      zh: '{zhName} {mark} 前面缺少配对的 {pair}',
      en: '{enName} {mark} has no matching {pair} before it',
    },
    doubleInDouble: {
      zh: '双引号内再用引号应改用单引号 ‘ ’，实为双引号 “ ”',
      en: 'Quotation marks inside “ ” should be single ‘ ’, found double “ ”',
    },
    singleOutside: {
      zh: '引号嵌套应外层用双引号、里层用单引号，此处单引号 ‘ ’ 内套用了双引号 “ ”',
      en: 'Quotation marks nest double outside and single inside; here “ ” stands inside ‘ ’',
    },
  },
  docs: {
    summary: {
      zh: '引号、括号、书名号须在段内成对使用（“”‘’（）《》〈〉〔〕【】），引号外双内单',
      en: 'Quotes, brackets and title marks pair up within a paragraph (“” ‘’ （） 《》 〈〉 〔〕 【】), double quotes outside single ones',
    },
    why: {
      zh: '缺了后引号、后括号或书名号，读者分不清引文、注释、文件名到哪里结束，多半是修改时删去了半边。引号嵌套颠倒（单引号套双引号）也是常见的标点错误。',
      en: 'A missing closing quote, bracket or title mark leaves the reader unsure where a quotation, a note or a document title ends; usually half of the pair was deleted while editing. Nesting quotes the wrong way round (double inside single) is another common fault.',
    },
    standard: 'GB/T 15834-2011 §4.9 引号、§4.10 括号、§4.15 书名号',
    details: {
      zh: '在每个段落（含标题、表格单元格）内用栈配对“”‘’（）《》〈〉〔〕【】，缺少配对的一半在其所在位置报告；交叉嵌套（如“《……”……》”）时按最近的配对处理，报告中间未闭合的标记。半角括号参与配对但不报告（其宽度由 punctuation-width 检查），段首序号“（一）”不检查，作序号用的“1）”“a）”不算缺少前括号。引号须外层用双引号、里层用单引号：双引号内直接再用双引号、或不在双引号内的单引号里套用双引号，都报告（第三层可再用双引号）。引文有多段时，每段开头用前引号、只在最后一段末尾用后引号，这种段末未闭合的前引号不报告（见 multiParagraphQuotes）。代码、HTML 注释和 front matter 不检查。',
      en: 'Within each paragraph (headings and table cells included) a stack pairs “” ‘’ （） 《》 〈〉 〔〕 【】; the unmatched half is reported where it stands. When pairs cross (“《……”……》), the nearest match wins and the marks left open in between are reported. Half-width brackets take part in pairing but are never reported (their width is punctuation-width’s job); a paragraph’s numbering marker （一） is not checked, and an item number like 1） or a） is not a missing opening bracket. Quotes nest double outside and single inside: double quotes straight inside double quotes, and double quotes inside single quotes that are not themselves inside double quotes, are reported (a third level may use double quotes again). A quotation over several paragraphs opens each paragraph with “ and closes only the last one: the open “ at the end of such a paragraph is fine (see multiParagraphQuotes). Code, HTML comments and front matter are not checked.',
    },
  },
  examples: [
    { valid: '严格执行《党委（党组）落实全面从严治党主体责任规定》，坚持“第一议题”制度，落实“‘三会一课’制度”要求。' },
    {
      valid: '关于2024年度工作情况的报告\n（一）压实责任。主要做法：1）加强学习；2）完善制度。\n会上强调：“第一，要提高政治站位。\n“第二，要压实工作责任。\n“第三，要强化监督检查。”',
      note: { zh: '序号“1）”与跨段引文。', en: 'Item numbers like 1） and a quotation over three paragraphs.' },
    },
    {
      format: 'markdown',
      valid: '---\ntitle: 《报告\n---\n\n按`“未闭合`格式填写。\n\n<!-- （注释 -->\n\n```\n《代码\n```\n\n| 项目 | 说明 |\n| --- | --- |\n| 《规定》 | （已印发） |\n',
      note: { zh: '行内代码、代码块、HTML 注释、front matter 不检查；表格单元格各自配对。', en: 'Inline code, code blocks, HTML comments and front matter are not checked; each table cell pairs on its own.' },
    },
    {
      invalid: '组织开展“清廉水务宣传月活动，学习《中国共产党纪律处分条例，完善制度（试行。',
      expect: ['1:5 unclosed', '1:18 unclosed', '1:35 unclosed'],
    },
    {
      invalid: '发放宣传资料1200份”，印发（试行）》等文件。',
      expect: ['1:12 unopened', '1:20 unopened'],
    },
    {
      invalid: '学习《党委（党组》规定》，开展“清廉】建设”。',
      expect: ['1:6 unclosed', '1:12 unopened', '1:19 unopened'],
      note: { zh: '交叉或多余的标记在其位置报告。', en: 'Crossed or extra marks are reported where they stand.' },
    },
    {
      invalid: '他说：“要落实“三会一课”制度。”',
      expect: ['1:8 doubleInDouble'],
    },
    {
      invalid: '推动‘清廉“细胞”建设’走深走实。',
      expect: ['1:3 singleOutside'],
    },
    {
      invalid: '会上强调：“第一，要提高政治站位。\n“第二，要压实工作责任。”',
      options: { multiParagraphQuotes: false },
      expect: ['1:6 unclosed'],
    },
  ],
  check(report, context) {
    const { multiParagraphQuotes, checkNesting } = context.options;
    const paragraphs = report.paragraphs;

    paragraphs.forEach((paragraph, index) => {
      const text = paragraph.content.text;
      // matchAll copies lastIndex from the regex: start every paragraph at 0.
      ANY_MARK.lastIndex = 0;
      if (!ANY_MARK.test(text)) return;
      // The marks of the paragraph's own numbering marker (（一）) are not looked at: start after it.
      const markerEnd = markerLength(paragraph);
      ANY_MARK.lastIndex = markerEnd;
      if (!ANY_MARK.test(text)) return;
      ANY_MARK.lastIndex = markerEnd;
      const blocked = blockedAt(paragraph, markerEnd);
      const stack: Entry[] = [];
      const counts = new Int32Array(FAMILIES);
      let quoteTop: Entry | null = null;

      const at = (i: number) => paragraph.content.span(i, i + 1);
      const unmatched = (i: number, messageId: 'unclosed' | 'unopened'): void => {
        const ch = text[i];
        const info = MARKS.get(ch);
        if (!info) return; // half-width: punctuation-width's
        context.report({ at: at(i), messageId, data: { mark: ch, pair: info.pair, zhName: info.zh, enName: info.en } });
      };
      const pop = (): Entry => {
        const e = stack.pop()!;
        counts[e.family]--;
        if (e === quoteTop) quoteTop = e.quoteParent;
        return e;
      };
      const closed = (e: Entry): void => {
        if (!checkNesting) return;
        if (e.family === DOUBLE && e.doublesInside) {
          for (const inner of e.doublesInside) context.report({ at: at(inner), messageId: 'doubleInDouble' });
        }
        if (e.family === SINGLE && e.doublesInside && !e.inDouble) context.report({ at: at(e.at), messageId: 'singleOutside' });
        const parent = e.quoteParent;
        if (e.family === DOUBLE && parent && (parent.family === SINGLE ? !parent.inDouble : true)) {
          (parent.doublesInside ??= []).push(e.at);
        }
      };

      for (const m of text.matchAll(ANY_MARK)) {
        const i = m.index;
        const ch = m[0];
        const info = MARKS.get(ch);
        const half = HALF[ch];
        if ((!info && half === undefined) || blocked(i)) continue;
        const family = info ? info.family : PAREN;
        const opens = info ? info.opens : half;
        if (opens) {
          const quote = family === DOUBLE || family === SINGLE;
          const parent: Entry | null = quoteTop;
          const e: Entry = {
            ch,
            at: i,
            family,
            quoteParent: parent,
            inDouble: parent !== null && (parent.family === DOUBLE || parent.inDouble),
            doublesInside: null,
          };
          stack.push(e);
          counts[family]++;
          if (quote) quoteTop = e;
          continue;
        }
        if (counts[family] === 0) {
          if (isEnumerationCloser(text, i)) continue;
          unmatched(i, 'unopened');
          continue;
        }
        // Close the nearest opener of this family; whatever opened after it was never closed.
        for (;;) {
          const e = pop();
          if (e.family === family) {
            closed(e);
            break;
          }
          unmatched(e.at, 'unclosed');
        }
      }

      if (!stack.length) return;
      // A quotation running on into the next paragraph: the next paragraph opens with “ again.
      if (multiParagraphQuotes && stack.length === 1 && stack[0].ch === '“') {
        const next = paragraphs[index + 1];
        if (next && next.content.text[markerLength(next)] === '“') return;
      }
      for (const e of stack) unmatched(e.at, 'unclosed');
    });
  },
});

/** 1） a） 一）: an item number, not a bracket missing its opening half. */
function isEnumerationCloser(text: string, i: number): boolean {
  if (text[i] !== '）' && text[i] !== ')') return false;
  let s = i;
  while (s > 0 && i - s < 3 && (isAsciiDigit(text[s - 1]) || isChineseNumeral(text[s - 1]) || isAsciiLetter(text[s - 1]))) s--;
  return isItemNumber(text, s, i);
}
