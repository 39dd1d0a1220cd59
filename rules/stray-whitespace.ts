import { datelineSpace } from '../src/model/anatomy.js';
import { defineRule, type RuleContext } from '../src/engine/rule.js';
import type { Paragraph, Report } from '../src/model/report.js';
import { isChinese, isCjkPunctuation, isHan, isLatinOnly, protectedRanges, rangeGuard } from '../src/text/prose.js';
import { contiguousSpan, indexOfInlineSpace, isCloser, isInlineSpace, isInlineSpaceCode, isOpener } from '../src/text/forms.js';
import type { Edit } from '../src/types.js';

const IDEOGRAPHIC_SPACE = '\u3000';

/** A line that starts a new Markdown block, so the line before it cannot end in a hard break. */
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|```|~~~|<|\||(?:[-*_=]\s*){3,}$)/;

type Options = { allowHardBreak: boolean };

export default defineRule({
  id: 'stray-whitespace',
  category: 'format',
  severity: 'warn',
  fixable: true,
  options: {
    allowHardBreak: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: 'Markdown 中行尾两个及以上空格、且下一行接续同一段落时，是“硬换行”标记，默认不报告；设为 false 则同样报告并删除（删除后该处不再换行）。',
        en: 'In Markdown, two or more spaces at the end of a line that the paragraph continues after are a hard line break and pass by default; with false they are reported and removed too (the line break then goes away).',
      },
    },
  },
  messages: {
    spaceBetweenChinese: {
      zh: '汉字、全角标点之间不加空格：“{text}”',
      en: 'No space between Chinese characters or beside full-width punctuation: “{text}”',
    },
    spaceInsideBrackets: {
      zh: '括号、引号、书名号内侧不加空格：“{text}”',
      en: 'No space just inside brackets, quotes or book-title marks: “{text}”',
    },
    spaceAfterMarker: {
      zh: '序号“{marker}”后不加空格',
      en: 'No space after the heading marker “{marker}”',
    },
    fullwidthSpace: {
      zh: '句中有全角空格：“{text}”',
      en: 'Full-width (ideographic) space inside a sentence: “{text}”',
    },
    trailingSpace: {
      zh: '行尾有多余的空白字符',
      en: 'Trailing whitespace at the end of the line',
    },
  },
  docs: {
    summary: {
      zh: '删除汉字之间、括号引号内侧、序号之后、句中的多余空格和行尾空白',
      en: 'Remove stray spaces between Chinese characters, inside brackets and quotes, after heading markers, inside sentences and at line ends',
    },
    why: {
      zh: '中文排版中汉字、全角标点之间不留空格。从 PDF、网页或表格复制文字，或用空格“对齐”文字，常留下“党 支 部”“（ 一 ）”这样的空格和看不见的行尾空白，排版后字距不匀，也影响检索和查重。',
      en: 'Chinese typesetting puts no space between Han characters or beside full-width punctuation. Text copied from PDFs, web pages or spreadsheets, or “aligned” with spaces, leaves gaps such as “党 支 部” or “（ 一 ）” and invisible trailing blanks; the printed spacing becomes uneven and searching and duplicate checks miss the words.',
    },
    standard: 'GB/T 15834-2011 §5.1（标点符号的位置和书写形式）；GB/T 9704-2012 §7.3.3',
    details: {
      zh: '报告：两个汉字或全角标点之间的空格（包括不换行空格、制表符）；全角括号、引号、书名号内侧的空格；序号“一、”“（一）”“1.”之后的空格；句中的全角空格（U+3000）；行尾空白。段首的全角空格缩进不算（段落文字已去掉首尾空白），汉字与阿拉伯数字、英文之间的空格不报告。修复时删除空格；全角空格两侧都是英文或数字时改为半角空格，以免单词粘连；空格两侧夹着 Markdown 标记（如“**党** **支部**”）时只报告不修复。“二 工作”这种以空格代替顿号的序号由 heading-punctuation 处理。行尾空白按源文件逐行检查，代码块、YAML 前言和 HTML 注释所在的行不查；Markdown 中行尾两个及以上空格且下一行接续同一段落时是硬换行，默认不报告（见 allowHardBreak）；整行只有全角空格或不换行空格时只报告不修复（Markdown 把这样的行当作段落，删去会改变结构，如把标题变成分隔线）。网址、电子邮箱、行内代码和纯英文段落不检查。',
      en: 'Reports spaces (no-break spaces and tabs included) between two Chinese characters or full-width punctuation marks; spaces just inside full-width brackets, quotes and book-title marks; spaces after a heading marker (一、 （一） 1.); ideographic spaces (U+3000) inside a sentence; trailing whitespace. A full-width indent at the start of a paragraph is not stray (paragraph text is trimmed), and spaces between Chinese and Arabic digits or Latin words are not reported. The fix removes the spaces; an ideographic space between Latin words or digits becomes an ordinary space so that words do not run together; when Markdown markup stands beside the space (“**党** **支部**”) it is reported without a fix. A marker like “二 工作” (a space instead of 、) is heading-punctuation’s. Trailing whitespace is checked on source lines, skipping code blocks, front matter and HTML comments; in Markdown two or more trailing spaces before a line that continues the paragraph are a hard line break and pass by default (see allowHardBreak); a line holding only ideographic or no-break spaces is reported without a fix (Markdown takes such a line for a paragraph: emptying it can turn a heading into a rule). URLs, e-mail addresses, inline code and Latin-only paragraphs are not checked.',
    },
  },
  examples: [
    {
      valid:
        '关于2024年度工作情况的报告\n一、工作开展情况\n（一）压实责任。2024年开展 GB/T 9704 培训2次，组织“清廉机关”创建。\n\u3000\u3000全年发现问题12个，均已整改。\n二 存在的问题',
      note: {
        zh: '段首的全角空格缩进、汉字与数字或英文之间的空格不报告；“二 存在的问题”中代替顿号的空格由 heading-punctuation 处理。',
        en: 'A full-width indent at the start of a paragraph and spaces beside digits or Latin words pass; the space standing for 、 in “二 存在的问题” is heading-punctuation’s.',
      },
    },
    {
      format: 'markdown',
      valid:
        '---\ntitle: 党 支 部  \n---\n\n# 关于2024年度工作情况的报告\n\n网址为 https://example.gov.cn/a.html ，邮箱为 jw@example.gov.cn 。\n\n第一行以硬换行结束  \n第二行接续同一段落。\n\n导出字段按 `党 支 部` 命名。\n\n<!-- 党 支 部 -->\n\n```\n党 支 部  \n```\n\n1. 制定责任清单。\n\nSee section 2.1 (appendix).\n\n| 监督方式 | 全年次数 |\n| --- | --- |\n| 专项检查 | 12次 |\n',
      note: {
        zh: '前言、网址、邮箱、硬换行、行内代码、HTML 注释、代码块、有序列表的“1. ”和表格对齐空格都不报告。',
        en: 'Front matter, URLs, e-mail, hard breaks, inline code, HTML comments, code blocks, the “1. ” of a list and table padding pass.',
      },
    },
    {
      invalid: '组织党 支 部书记集中培训2次 ，参训46人次。',
      expect: ['1:3 spaceBetweenChinese', '1:15 spaceBetweenChinese'],
      output: '组织党支部书记集中培训2次，参训46人次。',
    },
    {
      invalid: '关于2024年度工作情况的报告\n（ 一 ）深化“ 清廉机关 ”创建。全年开展活动6次。',
      expect: ['2:2 spaceInsideBrackets', '2:4 spaceInsideBrackets', '2:9 spaceInsideBrackets', '2:14 spaceInsideBrackets'],
      output: '关于2024年度工作情况的报告\n（一）深化“清廉机关”创建。全年开展活动6次。',
    },
    {
      invalid: '关于2024年度工作情况的报告\n一、 工作开展情况\n（一） 压实责任。区委常委会先后12次研究部署。\n1. 制定责任清单。明确责任事项56项。',
      expect: ['2:3 spaceAfterMarker', '3:4 spaceAfterMarker', '4:3 spaceAfterMarker'],
      output: '关于2024年度工作情况的报告\n一、工作开展情况\n（一）压实责任。区委常委会先后12次研究部署。\n1.制定责任清单。明确责任事项56项。',
    },
    {
      invalid: '全年开展专项检查\u300012次，发现问题31个。\nReport\u3000No.\u30002 已归档。',
      expect: ['1:9 fullwidthSpace', '2:7 fullwidthSpace', '2:11 fullwidthSpace'],
      output: '全年开展专项检查12次，发现问题31个。\nReport No. 2 已归档。',
    },
    {
      invalid: '关于2024年度工作情况的报告 \n全年开展专项检查12次。\t\n发现问题31个。',
      expect: ['1:16 trailingSpace', '2:13 trailingSpace'],
      output: '关于2024年度工作情况的报告\n全年开展专项检查12次。\n发现问题31个。',
    },
    {
      format: 'markdown',
      invalid: '# 关于2024年度工作情况的报告\n\n全年开展专项检查12次。  \n\n第一行以硬换行结束  \n第二行接续同一段落。\n\n组织**党** **支部**书记培训。\n',
      expect: ['3:13 trailingSpace', '8:5 spaceBetweenChinese'],
      output: '# 关于2024年度工作情况的报告\n\n全年开展专项检查12次。\n\n第一行以硬换行结束  \n第二行接续同一段落。\n\n组织**党** **支部**书记培训。\n',
      note: {
        zh: '段末的行尾空格不是硬换行；空格两侧是 Markdown 标记时只报告不修复。',
        en: 'Trailing spaces at the end of a paragraph are no hard break; a space between Markdown markup is reported without a fix.',
      },
    },
    {
      format: 'markdown',
      options: { allowHardBreak: false },
      invalid: '# 关于2024年度工作情况的报告\n\n第一行以硬换行结束  \n第二行接续同一段落。\n',
      expect: ['3:10 trailingSpace'],
      output: '# 关于2024年度工作情况的报告\n\n第一行以硬换行结束\n第二行接续同一段落。\n',
    },
  ],
  check(report, context) {
    for (const paragraph of report.paragraphs) {
      // A table pasted as text: the spaces around its | are the table's.
      if (LAID_OUT.has(paragraph.kind) || (paragraph.kind === 'table-cell' && /[|｜]/u.test(paragraph.content.text))) continue;
      checkParagraph(paragraph, context);
    }
    checkLineEnds(report, context);
  },
});

/**
 * Parts that GB/T 9704 lays out with spaces: 版头 (`青委发〔2024〕3号　　签发人：王明`),
 * a speaker's line (`区委书记　王建国`), the signature and date block, 版记
 * (`……办公室　　2024年1月10日印发`).
 */
const LAID_OUT: ReadonlySet<Paragraph['kind']> = new Set(['front-matter', 'byline', 'signature', 'date', 'distribution', 'note', 'caption']);
/** Kinds in which an ideographic space parts two phrases (`坚持严字当头　推动责任落地`), as headlines are set. */
const PHRASE_SPACED: ReadonlySet<Paragraph['kind']> = new Set(['title', 'subtitle', 'appendix-title']);

function checkParagraph(paragraph: Paragraph, context: RuleContext<Options>): void {
  const { content } = paragraph;
  const text = content.text;
  // Every finding starts at a space after the first character: most paragraphs have none (a native search).
  const first = indexOfInlineSpace(text, 1);
  if (first === -1) return;
  // In a Latin-only paragraph only an ideographic space is out of place.
  const latinOnly = isLatinOnly(text);
  if (latinOnly && !text.includes(IDEOGRAPHIC_SPACE)) return;
  const guarded = rangeGuard(protectedRanges(text));
  const marker = paragraph.heads?.marker ?? null;

  /** A run of spaces [i, j) removed or replaced, keeping the source around it intact. */
  const edit = (i: number, j: number, replacement = ''): Edit | null => {
    // The neighbours must touch the run in the source: no markup (**, [ ]) between them.
    if (!contiguousSpan(content, Math.max(0, i - 1), Math.min(text.length, j + 1))) return null;
    const range = contiguousSpan(content, i, j);
    return range ? { range, text: replacement } : null;
  };

  const spaceEnd = (i: number): number => {
    let j = i;
    while (j < text.length && isInlineSpace(text[j])) j++;
    return j;
  };

  for (let i = first; i < text.length; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) continue;
    const j = spaceEnd(i);
    const prev = text[i - 1];
    const next = text[j];
    if (j >= text.length || guarded(i - 1, j + 1)) {
      i = j;
      continue;
    }
    const run = text.slice(i, j);
    if (latinOnly && !run.includes(IDEOGRAPHIC_SPACE)) {
      i = j - 1;
      continue;
    }

    if (marker && i === marker.raw.length && !/[、.．，,）)]$/.test(marker.raw)) {
      // “二 工作”: the space stands for the marker’s 顿号; heading-punctuation replaces both.
      i = j - 1;
      continue;
    }
    // One ideographic space after a marker is how Word users set `一、　标题`; ASCII spaces are still stray.
    if (marker && i === marker.raw.length && run === IDEOGRAPHIC_SPACE) {
      i = j - 1;
      continue;
    }
    if (run.includes(IDEOGRAPHIC_SPACE) && !run.includes(' ') && ((PHRASE_SPACED.has(paragraph.kind) && isChinese(prev) && isChinese(next)) || i === datelineSpace(text))) {
      i = j - 1;
      continue;
    }
    if (marker && i === marker.raw.length) {
      const fix = edit(i, j);
      context.report({
        at: content.span(i, j),
        messageId: 'spaceAfterMarker',
        data: { marker: marker.raw },
        fix: fix ?? undefined,
      });
    } else if (run.includes(IDEOGRAPHIC_SPACE)) {
      // Between Latin words or digits a space is still needed: make it an ordinary one.
      const keep = !isChinese(prev) && !isChinese(next) ? ' ' : '';
      const fix = edit(i, j, keep);
      context.report({
        at: content.span(i, j),
        messageId: 'fullwidthSpace',
        data: { text: text.slice(i - 1, j + 1) },
        fix: fix ?? undefined,
      });
    } else if (isOpener(prev) || isCloser(next)) {
      const fix = edit(i, j);
      context.report({
        at: content.span(i, j),
        messageId: 'spaceInsideBrackets',
        data: { text: text.slice(i - 1, j + 1) },
        fix: fix ?? undefined,
      });
    } else if (beside(prev, next)) {
      // `党 支 部`: one finding for the whole spaced-out stretch.
      const runs: Array<[number, number]> = [[i, j]];
      let cursor = j;
      for (;;) {
        let k = cursor;
        while (k < text.length && isHan(text[k])) k++;
        if (k === cursor || k >= text.length || !isInlineSpace(text[k])) break;
        const m = spaceEnd(k);
        if (m >= text.length || text.slice(k, m).includes(IDEOGRAPHIC_SPACE) || !isHan(text[m]) || guarded(k, m + 1)) break;
        runs.push([k, m]);
        cursor = m;
      }
      const last = runs[runs.length - 1][1];
      const edits = runs.map(([a, b]) => edit(a, b)).filter((e): e is Edit => e !== null);
      context.report({
        at: content.span(i - 1, last + 1),
        messageId: 'spaceBetweenChinese',
        data: { text: text.slice(i - 1, last + 1) },
        fix: edits.length ? edits : undefined,
      });
      i = last - 1;
      continue;
    }
    i = j - 1;
  }
}

/** Chinese on both sides, or full-width punctuation on either side. */
function beside(prev: string, next: string): boolean {
  return (isChinese(prev) && isChinese(next)) || isCjkPunctuation(prev) || isCjkPunctuation(next);
}

function checkLineEnds(report: Report, context: RuleContext<Options>): void {
  const { source, lines } = report;
  const excluded = [...report.excluded].sort((a, b) => a.start - b.start);
  let e = 0;
  for (let line = 1; line <= lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    let k = end;
    while (k > start && isInlineSpace(source[k - 1])) k--;
    if (k === end) continue;
    while (e < excluded.length && excluded[e].end <= k) e++;
    if (e < excluded.length && excluded[e].start < end) continue;
    if (report.format === 'markdown' && context.options.allowHardBreak && isHardBreak(source, lines, line, k, end)) continue;
    // A line of nothing but U+3000 or a no-break space is a paragraph to Markdown (it can make a setext
    // heading): emptying it changes the document. Reported, not fixed.
    const onlySpace = k === start && /[^ \t]/.test(source.slice(k, end));
    context.report({
      at: { start: k, end },
      messageId: 'trailingSpace',
      fix: onlySpace ? undefined : { range: { start: k, end }, text: '' },
    });
  }
}

/** Two or more spaces ending a paragraph line that the next line continues: a Markdown hard line break. */
function isHardBreak(source: string, lines: Report['lines'], line: number, k: number, end: number): boolean {
  if (end - k < 2 || !/^ +$/.test(source.slice(k, end))) return false;
  const current = source.slice(lines.lineStart(line), k).trimStart();
  if (!current || /^#{1,6}(?:\s|$)/.test(current) || current.startsWith('|')) return false;
  if (line >= lines.lineCount) return false;
  const next = source.slice(lines.lineStart(line + 1), lines.lineEnd(line + 1)).trimStart();
  return next !== '' && !BLOCK_START.test(next);
}
