import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { isChinese, isHan, isLatinOnly } from '../src/text/prose.js';
import {
  blockedMask,
  charEdit,
  isAsciiDigit,
  isAsciiLetter,
  isChineseNumeral,
  isItemNumber,
  isSpace,
  markerLength,
  scriptCounts,
} from '../src/text/punctuation.js';
import type { Edit } from '../src/types.js';

/** The half-width marks this rule knows, and their full-width forms (quotes and brackets are chosen by position). */
const ALL_MARKS = ',.;:?!()"\'';
const FULL: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** Half-width marks skipped when looking for a mark's neighbour: in `提升?!` the `!` is beside 升 too. */
const SKIPPED = new Set([',', '.', ';', ':', '?', '!']);
/** A quote followed by one of these cannot open. */
const NO_OPEN_BEFORE = new Set([...'，。、；：？！）》〉】〕”’,.;:?!)']);
/** A quote preceded by one of these cannot close. */
const NO_CLOSE_AFTER = new Set([...'（《〈【〔“‘(：:']);
/** Marks a standalone heading may end in: heading-punctuation removes them. */
const HEADING_END = new Set([...',.:;。，：；、']);
/** How far a neighbour search may skip over spaces and half-width marks. */
const MAX_SKIP = 8;

type QuoteRole = 'open' | 'close' | 'unclear';

/** The nearest character before text[i], skipping spaces and half-width clause marks. */
function prevSignificant(text: string, i: number): string | undefined {
  let j = i - 1;
  for (let n = 0; j >= 0 && n < MAX_SKIP && (isSpace(text[j]) || SKIPPED.has(text[j])); n++) j--;
  return j >= 0 ? text[j] : undefined;
}

/** The nearest character after text[i], skipping spaces and half-width clause marks. */
function nextSignificant(text: string, i: number): string | undefined {
  let j = i + 1;
  for (let n = 0; j < text.length && n < MAX_SKIP && (isSpace(text[j]) || SKIPPED.has(text[j])); n++) j++;
  return j < text.length ? text[j] : undefined;
}

/** `&amp;`: the semicolon of an HTML character reference. */
function endsEntity(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && i - j <= 10; j--) {
    const ch = text[j];
    if (ch === '&') return j < i - 1;
    if (!(isAsciiLetter(ch) || isAsciiDigit(ch) || ch === '#')) return false;
  }
  return false;
}

export default defineRule({
  id: 'punctuation-width',
  category: 'format',
  severity: 'error',
  fixable: true,
  options: {
    marks: {
      default: ALL_MARKS,
      schema: { type: 'string', pattern: '^[,.;:?!()"\']*$' },
      description: {
        zh: '要检查的半角标点，默认全部检查：, . ; : ? ! ( ) " \'。例如设为 ",;:?!" 则不检查句点、括号和引号。',
        en: 'The half-width marks to check; all by default: , . ; : ? ! ( ) " \'. For example ",;:?!" leaves points, brackets and quotes alone.',
      },
    },
  },
  messages: {
    halfWidth: {
      zh: '应为全角“{expected}”，实为半角“{actual}”',
      en: 'Expected full-width “{expected}”, found half-width “{actual}”',
    },
    halfWidthParens: {
      zh: '应为全角括号“（）”，实为半角括号“()”',
      en: 'Expected full-width brackets “（）”, found half-width “()”',
    },
    openingQuote: {
      zh: '应为全角前引号 {expected} ，实为半角引号 {actual}',
      en: 'Expected a full-width opening quotation mark {expected}, found half-width {actual}',
    },
    closingQuote: {
      zh: '应为全角后引号 {expected} ，实为半角引号 {actual}',
      en: 'Expected a full-width closing quotation mark {expected}, found half-width {actual}',
    },
    unclearQuote: {
      zh: '半角引号 {actual} 应为全角，无法判断是前引号还是后引号，请手动修改',
      en: 'Half-width quotation mark {actual} should be full-width; cannot tell whether it opens or closes, so fix it by hand',
    },
  },
  docs: {
    summary: {
      zh: '中文文字旁的标点用全角：，。；：？！（）“”‘’，不用半角 , . ; : ? ! ( ) " \'',
      en: 'Punctuation beside Chinese text is full-width (，。；：？！（）“”‘’), not half-width , . ; : ? ! ( ) " \'',
    },
    why: {
      zh: '中文正文中夹用半角逗号、句点、冒号、括号、引号，多因输入法未切换或从网页、表格中复制而来。半角标点字宽只有半个字，排版后挤在一起，是审阅中一眼就能看出的格式问题。',
      en: 'Half-width commas, points, colons, brackets and quotes in Chinese text come from an input method left in English mode or from text pasted from web pages and spreadsheets. They take half a character’s width and crowd the line: a format fault reviewers see at a glance.',
    },
    standard: 'GB/T 15834-2011 §4（标点符号的用法）、附录 A（全角标点的形式）',
    details: {
      zh: '半角标点与汉字或全角标点相邻（中间可隔空格或其他半角点号）即报告，并改为对应的全角标点。引号按位置定前后：文字前的为前引号“‘，文字后的为后引号”’，前后都可能时按配对顺序判断，无法判断的只报告、不修改。括号成对出现且都是半角时整对改为全角（一个报告），只有一半是半角时只改那一半，找不到配对的半角括号只报告、不修改。句中的“一.”（汉字序号）改为“一、”。不报告：小数、日期和版本号中的点（3.5、0.8%、2025.3.5）；段首序号（“1.”“(一)”等由 heading-punctuation 检查）和句中的条目序号（“：1.加强……；2.完善……”“1)”）；拉丁字母之间的点（No.3、Node.js）及后接拉丁字母的点（.NET、.docx）；省略号式的连续句点（“...”，由 punctuation-forms 检查）；数字间的逗号、冒号（1,000、10:30）；HTML 字符实体（&amp;）；网址、电子邮箱、行内代码；函数式的括号（f(x)）；不含汉字的段落、以英文为主的段落（拉丁字母多于汉字且有两处以上词间空格，如引用中文术语的英文说明），以及中文段落里以空格分词的英文短语末尾的句点；单独成行标题末尾的标点（由 heading-punctuation 删除）。代码块、HTML 注释和 front matter 不检查。marks 选项可限定要检查的标点。',
      en: 'A half-width mark next to a Han character or a full-width mark (spaces and other half-width points may stand between) is reported and replaced by its full-width form. Quotes are chosen by position: before text an opening “ ‘, after text a closing ” ’; where either could fit, the order of the pair decides, and a quote that cannot be told is reported without a fix. A pair of half-width brackets becomes a full-width pair (one finding); when only one of a pair is half-width, only that one is replaced; a half-width bracket without a partner is reported without a fix. A “一.” item number inside a sentence becomes “一、”. Not reported: points in decimals, dates and versions (3.5, 0.8%, 2025.3.5); the paragraph’s numbering marker (“1.”, “(一)”: heading-punctuation’s job) and item numbers inside a sentence (“：1.加强……；2.完善……”, “1)”); a point between Latin letters (No.3, Node.js) or before one (.NET, .docx); runs of points (“...”: punctuation-forms); commas and colons between digits (1,000, 10:30); HTML character references (&amp;); URLs, e-mail addresses and inline code; function-like brackets (f(x)); paragraphs without Han, paragraphs that are mostly English (more Latin letters than Han and at least two spaces between words, e.g. English notes quoting a Chinese term), and the final point of an English phrase with spaces inside a Chinese paragraph; the end punctuation of a standalone heading (heading-punctuation removes it). Code blocks, HTML comments and front matter are not checked. The marks option limits which marks are checked.',
    },
  },
  examples: [
    { valid: '全年开展集中学习12次，专题研讨4次，人均学习时长3.5小时，占比0.8%。' },
    {
      valid: '关于2024年度工作情况的报告\n1.制定责任清单。主要做法：1.加强学习；2.完善制度；3)强化考核。\n（1）逐项明确牵头领导。',
      note: { zh: '段首序号和句中条目序号不报。', en: 'Markers and item numbers are not reported.' },
    },
    {
      valid: '网址为https://example.gov.cn/a.html?id=1,2，邮箱为jw@example.gov.cn，按GB/T 9704-2012执行，文号No.3。',
      note: { zh: '网址、邮箱、标准号和缩写。', en: 'URLs, e-mail, standard numbers and abbreviations.' },
    },
    { valid: 'See section 2.1 (appendix). He said "yes": it\'s done!' },
    {
      valid: 'The report follows 《党政机关公文格式》 (GB/T 9704-2012), see the notes: 一岗双责 (two duties).',
      note: { zh: '以英文为主的段落不检查。', en: 'A paragraph that is mostly English is not checked.' },
    },
    {
      format: 'markdown',
      valid: '---\ntitle: "a, b"\n---\n\n字段按`a.b`格式命名，运行`f(x);`即可。\n\n<!-- 注释: 不检查 -->\n\n```\n代码, 不检查.\n```\n\n| 项目 | 数值 |\n| --- | --- |\n| 专项检查 | 3.5 |\n',
      note: { zh: '行内代码、代码块、HTML 注释、front matter 和表格中的小数。', en: 'Inline code, code blocks, HTML comments, front matter, and a decimal in a table.' },
    },
    {
      invalid: '全年开展集中学习12次,专题研讨4次.局党组确定的学习重点是:党章党规;形成调研成果6项?成效明显!',
      expect: ['1:12 halfWidth', '1:19 halfWidth', '1:31 halfWidth', '1:36 halfWidth', '1:45 halfWidth', '1:50 halfWidth'],
      output: '全年开展集中学习12次，专题研讨4次。局党组确定的学习重点是：党章党规；形成调研成果6项？成效明显！',
    },
    {
      invalid: '各基层党支部(总支)均按计划完成任务，世界贸易组织(WTO)的规则（2023)已学习。',
      expect: ['1:7 halfWidthParens', '1:26 halfWidthParens', '1:39 halfWidth'],
      output: '各基层党支部（总支）均按计划完成任务，世界贸易组织（WTO）的规则（2023）已学习。',
    },
    {
      invalid: '组织开展"清廉水务"宣传月活动，他说:"要把责任扛在肩上。"',
      expect: ['1:5 openingQuote', '1:10 closingQuote', '1:19 halfWidth', '1:20 openingQuote', '1:30 closingQuote'],
      output: '组织开展“清廉水务”宣传月活动，他说：“要把责任扛在肩上。”',
    },
    {
      invalid: "推动“清廉'细胞'建设”，打造'PDCA'闭环。",
      expect: ['1:6 openingQuote', '1:9 closingQuote', '1:16 openingQuote', '1:21 closingQuote'],
      output: '推动“清廉‘细胞’建设”，打造‘PDCA’闭环。',
    },
    {
      invalid: '工作重点包括 " 三个方面。',
      expect: ['1:8 unclearQuote'],
      note: { zh: '前后都是空格，无法判断前后引号。', en: 'Spaces on both sides: opening or closing cannot be told.' },
    },
    {
      invalid: '主要做法：一.加强学习；二.完善制度。全年完成任务的100.采用PDCA.',
      expect: ['1:7 halfWidth', '1:14 halfWidth', '1:30 halfWidth', '1:37 halfWidth'],
      output: '主要做法：一、加强学习；二、完善制度。全年完成任务的100。采用PDCA。',
      note: { zh: '句中“一.”改为“一、”。', en: 'A “一.” item number inside a sentence becomes “一、”.' },
    },
    {
      invalid: '经费压减15%,节约资金(已上缴',
      expect: ['1:8 halfWidth', '1:13 halfWidth'],
      output: '经费压减15%，节约资金(已上缴',
      note: { zh: '没有配对的半角括号只报告、不修改。', en: 'A half-width bracket without a partner is reported, not fixed.' },
    },
    {
      invalid: '全年开展集中学习12次,专题研讨4次.',
      options: { marks: ',' },
      expect: ['1:12 halfWidth'],
      output: '全年开展集中学习12次，专题研讨4次.',
    },
  ],
  check(report, context) {
    const marks = new Set(context.options.marks);
    const brackets = marks.has('(') || marks.has(')');
    const { source } = report;
    // The marks are ASCII (the option's schema says so): one flag per char code, no string per character.
    const markCode = new Uint8Array(128);
    for (const m of marks) markCode[m.charCodeAt(0)] = 1;

    for (const paragraph of report.paragraphs) {
      const text = paragraph.content.text;
      // Every finding is at one of the marks: a paragraph without any has nothing to report.
      let hasMark = false;
      for (let i = 0; i < text.length && !hasMark; i++) {
        const c = text.charCodeAt(i);
        hasMark = c < 128 && markCode[c] === 1;
      }
      if (!hasMark || isLatinOnly(text)) continue;
      checkParagraph(paragraph);
    }

    function checkParagraph(paragraph: Paragraph): void {
      const text = paragraph.content.text;
      const n = text.length;
      const mask = blockedMask(paragraph);
      if (paragraph.kind === 'heading') {
        // The end punctuation of a standalone heading is heading-punctuation's to remove.
        const from = markerLength(paragraph);
        let k = n;
        while (k > from && HEADING_END.has(text[k - 1])) k--;
        mask.fill(1, k);
      }
      const { han, latin, wordGaps } = scriptCounts(text, mask);
      // English prose that quotes a Chinese term or two keeps its own punctuation.
      if (latin[n] > han[n] && wordGaps >= 2) return;
      const hasHanIn = (a: number, b: number): boolean => b > a && han[b] - han[a] > 0;

      /** An edit turning text[i] into `to`; a Markdown escape (`\(`) goes with it. */
      const edit = (i: number, to: string): Edit | null => {
        if (i > 0 && text[i - 1] === '\\' && report.format === 'markdown') {
          const esc = charEdit(paragraph, source, i - 1, '');
          const own = charEdit(paragraph, source, i, to);
          return esc && own && esc.range.end === own.range.start ? { range: { start: esc.range.start, end: own.range.end }, text: to } : own;
        }
        return charEdit(paragraph, source, i, to);
      };

      const reportMark = (i: number, expected: string, fixable = true): void => {
        const fix = fixable ? edit(i, expected) : null;
        context.report({
          at: paragraph.content.span(i, i + 1),
          messageId: 'halfWidth',
          data: { expected, actual: text[i] },
          fix: fix ?? undefined,
        });
      };

      const besideChinese = (i: number): boolean => isChinese(prevSignificant(text, i)) || isChinese(nextSignificant(text, i));

      // Brackets: a stack of openers of either width.
      const openers: number[] = [];
      const pairBrackets = (o: number, c: number): void => {
        const halfO = text[o] === '(';
        const halfC = text[c] === ')';
        if (!halfO && !halfC) return;
        // Chinese inside (more Han than Latin letters), or a full-width partner.
        const inside = han[c] - han[o + 1];
        let chinese = halfO !== halfC || (inside > 0 && inside >= latin[c] - latin[o + 1]);
        if (!chinese) {
          // f(x), Fig.2(a): a bracket glued to a Latin word holds no Chinese.
          const glued = isAsciiLetter(text[o - 1]) || isAsciiDigit(text[o - 1]);
          chinese = !glued && (isChinese(prevSignificant(text, o)) || isChinese(nextSignificant(text, c)));
        }
        if (!chinese) return;
        if (halfO && halfC) {
          const a = edit(o, '（');
          const b = edit(c, '）');
          context.report({
            at: paragraph.content.span(o, c + 1),
            messageId: 'halfWidthParens',
            fix: a && b ? [a, b] : undefined,
          });
        } else {
          reportMark(halfO ? o : c, halfO ? '（' : '）');
        }
      };
      const loneBracket = (i: number): void => {
        if (text[i] !== '(' && text[i] !== ')') return;
        if (text[i] === ')') {
          // 1) 2) a): an item number, not half a pair.
          let s = i;
          while (s > 0 && i - s < 3 && (isAsciiDigit(text[s - 1]) || isChineseNumeral(text[s - 1]) || isAsciiLetter(text[s - 1]))) s--;
          if (isItemNumber(text, s, i)) return;
        }
        if (besideChinese(i)) reportMark(i, FULL[text[i]], false);
      };

      // Quotes: one state per kind; `open` is the opener waiting for its closer.
      interface QuoteKind {
        half: string;
        opening: string;
        closing: string;
        /** The opener waiting for its closer: a full-width one, or an entry of `quotes`. */
        open: { at: number; entry: number | null } | null;
      }
      interface QuoteEntry {
        at: number;
        kind: QuoteKind;
        role: QuoteRole;
        /** The other half of the pair, and whether it is half-width too. */
        partner: number | null;
        partnerHalf: boolean;
      }
      const doubles: QuoteKind = { half: '"', opening: '“', closing: '”', open: null };
      const singles: QuoteKind = { half: "'", opening: '‘', closing: '’', open: null };
      const quotes: QuoteEntry[] = [];
      const quote = (kind: QuoteKind, i: number): void => {
        const prev = text[i - 1];
        const next = text[i + 1];
        const canOpen = next !== undefined && !isSpace(next) && !NO_OPEN_BEFORE.has(next);
        const canClose = prev !== undefined && !isSpace(prev) && !NO_CLOSE_AFTER.has(prev);
        const role: QuoteRole = canOpen && canClose ? (kind.open ? 'close' : 'open') : canOpen ? 'open' : canClose ? 'close' : 'unclear';
        const entry: QuoteEntry = { at: i, kind, role, partner: null, partnerHalf: false };
        if (role === 'open') {
          kind.open = { at: i, entry: quotes.length };
        } else if (role === 'close' && kind.open) {
          entry.partner = kind.open.at;
          if (kind.open.entry !== null) {
            entry.partnerHalf = true;
            quotes[kind.open.entry].partner = i;
            quotes[kind.open.entry].partnerHalf = true;
          }
          kind.open = null;
        }
        quotes.push(entry);
      };

      let lastHan = -1;
      let lastSpace = -1;
      for (let i = 0; i < n; i++) {
        const ch = text[i];
        if (isHan(ch)) lastHan = i;
        else if (isSpace(ch)) lastSpace = i;
        if (mask[i]) continue;
        switch (ch) {
          case '（':
          case '(':
            if (brackets) openers.push(i);
            break;
          case '）':
          case ')':
            if (!brackets) break;
            if (openers.length) pairBrackets(openers.pop()!, i);
            else loneBracket(i);
            break;
          case '“':
            doubles.open = { at: i, entry: null };
            break;
          case '”':
            doubles.open = null;
            break;
          case '‘':
            singles.open = { at: i, entry: null };
            break;
          case '’':
            singles.open = null;
            break;
          case '"':
            if (marks.has(ch)) quote(doubles, i);
            break;
          case "'":
            // An apostrophe (it's, Xi's) is not a quote.
            if (marks.has(ch) && !(isAsciiLetter(text[i - 1]) && isAsciiLetter(text[i + 1]))) quote(singles, i);
            break;
          case ',':
          case ':':
            if (!marks.has(ch) || (isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1]))) break;
            if (besideChinese(i)) reportMark(i, FULL[ch]);
            break;
          case ';':
            if (!marks.has(ch) || endsEntity(text, i)) break;
            if (besideChinese(i)) reportMark(i, FULL[ch]);
            break;
          case '?':
          case '!':
            if (marks.has(ch) && besideChinese(i)) reportMark(i, FULL[ch]);
            break;
          case '.': {
            if (!marks.has(ch)) break;
            const expected = pointTo(i, lastHan, lastSpace);
            if (expected) reportMark(i, expected);
            break;
          }
          default:
            break;
        }
      }
      for (const o of openers) loneBracket(o);

      for (const q of quotes) {
        let chinese: boolean;
        if (q.partner !== null && !q.partnerHalf) chinese = true; // its partner is already full-width
        else if (q.partner !== null) {
          const [o, c] = q.role === 'open' ? [q.at, q.partner] : [q.partner, q.at];
          chinese = hasHanIn(o + 1, c) || isChinese(prevSignificant(text, o)) || isChinese(nextSignificant(text, c));
        } else chinese = besideChinese(q.at);
        if (!chinese) continue;
        const at = paragraph.content.span(q.at, q.at + 1);
        if (q.role === 'unclear') {
          context.report({ at, messageId: 'unclearQuote', data: { actual: q.kind.half } });
          continue;
        }
        const expected = q.role === 'open' ? q.kind.opening : q.kind.closing;
        context.report({
          at,
          messageId: q.role === 'open' ? 'openingQuote' : 'closingQuote',
          data: { expected, actual: q.kind.half },
          fix: edit(q.at, expected) ?? undefined,
        });
      }

      /** What a half-width point at i should be, or null when it is not a Chinese full stop. */
      function pointTo(i: number, lastHanIndex: number, lastSpaceIndex: number): string | null {
        const p = text[i - 1];
        const next = text[i + 1];
        if (p === '.' || next === '.') return null; // ... is punctuation-forms' business
        if (isAsciiDigit(p) && isAsciiDigit(next)) return null; // 3.5, 2025.3.5
        if (isAsciiLetter(p) && (isAsciiLetter(next) || isAsciiDigit(next))) return null; // No.3, Node.js
        if (isAsciiLetter(p) && text[i - 2] === '.') return null; // e.g. U.S.
        const before = prevSignificant(text, i);
        const after = nextSignificant(text, i);
        // An English phrase with spaces since the last Han character: See Appendix A.
        const englishTail = lastSpaceIndex > lastHanIndex || lastHanIndex < 0;
        if (isChinese(before)) {
          if (isAsciiLetter(next)) return null; // .NET, .docx
          if (isChineseNumeral(p) && isHan(after)) {
            let s = i;
            while (s > 0 && i - s < 3 && isChineseNumeral(text[s - 1])) s--;
            if (isItemNumber(text, s, i)) return '、'; // ；二.完善 → 二、
          }
          return '。';
        }
        if (isAsciiDigit(p)) {
          let s = i;
          while (s > 0 && isAsciiDigit(text[s - 1])) s--;
          if (isChinese(after)) return isItemNumber(text, s, i) ? null : '。'; // ：1.加强 is an item number
          if (after === undefined && !englishTail) return '。';
          return null;
        }
        if (isChinese(after)) return isAsciiLetter(next) ? null : '。';
        if (after === undefined && !englishTail) return '。';
        return null;
      }
    }
  },
});
