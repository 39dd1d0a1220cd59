import { defineRule } from '../src/engine/rule.js';
import { bodyHeightPt, bodyWidthPt, charPitchPt, describeSpacing, fit, linePitch } from '../src/layout/metrics.js';
import { profileOf, roleSegments, sectionAnchor, styleLabel, type RoleSegment } from '../src/layout/roles.js';
import type { ParagraphLayout } from '../src/layout/types.js';
import { mm, pt } from '../src/layout/units.js';

const REPORT = ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '2024年，区委认真履行主体责任。现将有关情况报告如下。', '一、工作开展情况', '区委常委会先后12次专题研究全面从严治党工作。'].join('\n');

/** Line spacing, lines per page and characters per line (GB/T 9704-2012 5.2.4). */
export default defineRule({
  id: 'layout-line-spacing',
  category: 'layout',
  severity: 'error',
  fixable: false,
  options: {},
  messages: {
    spacing: {
      zh: '行距应为固定值{expected}（每页{lines}行），实为{found}',
      en: 'Line spacing should be exactly {expected} ({lines} lines a page); it is {found}',
    },
    styleSpacing: {
      zh: '“{style}”样式的行距应为固定值{expected}（每页{lines}行），实为{found}，共{count}段',
      en: 'Line spacing of the style “{style}” should be exactly {expected} ({lines} lines a page); it is {found}, in {count} paragraphs',
    },
    linesPerPage: {
      zh: '每页应排{expected}行，按版心高{height}、行距{pitch}实为{found}行',
      en: 'A page should hold {expected} lines; with a {height} type area and {pitch} lines it holds {found}',
    },
    charsPerLine: {
      zh: '每行应排{expected}字，按版心宽{width}、字距{pitch}实为{found}字',
      en: 'A line should hold {expected} characters; with a {width} type area and a {pitch} character pitch it holds {found}',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档每页22行、每行28字：正文和各级标题用固定行距（约28.95磅）或文档网格',
      en: 'Word documents: 22 lines a page, 28 characters a line; body and headings at a fixed line pitch (about 28.95 pt) or on the document grid',
    },
    why: {
      zh: 'GB/T 9704 规定一般每面排22行、每行排28个字，并撑满版心。单倍行距或1.5倍行距下每页行数随字体变化，打印出来页数、分页都与规定不符；字距不压缩则3号字每行只能排27个字。',
      en: 'GB/T 9704 asks for 22 lines a page and 28 characters a line, filling the type area. With single or 1.5 spacing the lines per page depend on the font, so the printout’s pages and breaks are off; without a condensed character pitch a line of 3号 characters holds only 27.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》5.2.4（行数和字数）',
    details: {
      zh: '只检查 Word 文档（.docx）。正文和各级标题段逐段计算实际行距：固定值按其值；最小值取其值与字高中较大者；多倍行距在文档网格（“行网格”或“字符网格”）下按网格行距计算，没有网格时按字号的1.3倍估算（消息中标“约”）。行距在 `layout.lineSpacing`（默认28.95±0.95磅）以内时，再按版心高度检查每页行数（`layout.linesPerPage`，默认22），按版心宽度和字符网格（w:charSpace）检查每行字数（`layout.charsPerLine`，默认28）；每节各报告一次。行距来自段落样式（段落本身没有设行距）的各段，按样式和实际行距合并为一处报告，放在第一段，并说明共几段；段落直接设置的行距逐段报告。主送机关、署名、日期、附件说明、附注与正文同样检查；标题、表题、版记、版头等不检查行距。',
      en: 'Word documents (.docx) only. The line pitch of each body and heading paragraph is computed: an exact value as it is; “at least” as the larger of the value and the font height; multiple spacing on a document grid (line or character grid) by the grid pitch, without a grid estimated at 1.3 × the font size (the message says “about”). When the spacing is within `layout.lineSpacing` (28.95 ± 0.95 pt), the lines per page follow from the type area’s height (`layout.linesPerPage`, 22) and the characters per line from its width and the character grid (`w:charSpace`; `layout.charsPerLine`, 28), once per section. Paragraphs whose spacing comes from their style (none set on the paragraph itself) are reported once per style and spacing, at the first of them, with how many share it; spacing set on a paragraph is reported for that paragraph. Addressee, signature, date, attachment note and notes are checked like the body; the title, captions, the distribution lines and the header block are not.',
    },
  },
  examples: [
    { valid: REPORT, layout: {} },
    {
      valid: REPORT,
      layout: { lines: { 3: { lineRule: 'auto', line: 1 }, 5: { lineRule: 'auto', line: 1 } } },
      note: { zh: '单倍行距落在每行28.95磅的文档网格上。', en: 'Single spacing on a document grid of 28.95 pt lines.' },
    },
    {
      invalid: REPORT,
      layout: { page: { grid: 'none', charSpace: 0 }, lines: { 3: { lineRule: 'auto', line: 1.5 } } },
      note: { zh: '没有文档网格时的1.5倍行距。', en: '1.5 lines without a document grid.' },
      expect: ['1:1 charsPerLine', '3:1 spacing'],
    },
    {
      invalid: REPORT,
      layout: { lines: { 2: { lineRule: 'exact', line: 29.5 }, 3: { lineRule: 'exact', line: 29.5 }, 4: { lineRule: 'exact', line: 29.5 }, 5: { lineRule: 'exact', line: 29.5 } } },
      note: { zh: '固定值29.5磅在容差内，但版心只排得下21行。', en: 'Exactly 29.5 pt is within the tolerance, but the type area then holds 21 lines.' },
      expect: ['1:1 linesPerPage'],
    },
    {
      invalid: REPORT,
      layout: { lines: Object.fromEntries([2, 3, 4, 5].map((n) => [n, { lineRule: 'exact', line: 20, style: 'Normal' }])) },
      note: {
        zh: '“正文”样式的行距是固定值20磅：一处报告，说明共几段。',
        en: 'The Normal style’s spacing is exactly 20 pt: one finding, naming how many paragraphs share it.',
      },
      expect: ['2:1 styleSpacing'],
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const profile = profileOf(context.settings);
    const locale = context.locale;
    const expectedLines = profile.linesPerPage.value;
    // One finding per Word paragraph; the heading and the body of a run-in heading share a paragraph.
    const seen = new Set<number>();
    // Paragraphs whose spacing comes from their style: one finding per style and value, at the first of them.
    const groups = new Map<string, { at: RoleSegment; found: string; count: number }>();
    const pitches = new Map<number, number[]>();
    const sizes = new Map<number, number[]>();
    for (const seg of roleSegments(report, layout)) {
      // The title, captions, the 版记 and the header block are not set on the body's grid.
      if (!GRID_ROLES.has(seg.role) || seen.has(seg.word.index)) continue;
      seen.add(seg.word.index);
      const section = layout.sections[seg.word.section] ?? null;
      const size = sizeOf(seg);
      const pitch = linePitch(seg.word, section, size);
      if (Math.abs(pitch.pt - profile.lineSpacing.value) > profile.lineSpacing.tolerance) {
        const found = describeSpacing(seg.word, pitch, locale);
        const key = seg.word.ownSpacing ? `own\0${seg.word.index}` : `style\0${seg.word.styleId ?? ''}\0${found}`;
        const group = groups.get(key);
        if (group) group.count++;
        else groups.set(key, { at: seg, found, count: 1 });
        continue;
      }
      push(pitches, seg.word.section, pitch.pt);
      if (seg.role === 'body') push(sizes, seg.word.section, advanceOf(seg, profile.body.size, profile.sizeTolerance));
    }
    for (const { at, found, count } of groups.values()) {
      const expected = pt(profile.lineSpacing.value, locale);
      if (count === 1) context.report({ at: at.paragraph, messageId: 'spacing', data: { expected, lines: expectedLines, found } });
      else context.report({ at: at.paragraph, messageId: 'styleSpacing', data: { style: styleLabel(at.word.styleName, locale), expected, lines: expectedLines, found, count } });
    }
    layout.sections.forEach((section, i) => {
      const at = sectionAnchor(report, layout, i);
      const pitch = mode(pitches.get(i));
      const height = bodyHeightPt(section);
      if (pitch !== null && height !== null) {
        const found = fit(height, pitch);
        if (Math.abs(found - expectedLines) > profile.linesPerPage.tolerance) {
          context.report({ at, messageId: 'linesPerPage', data: { expected: expectedLines, height: mm((height * 25.4) / 72, locale), pitch: pt(pitch, locale), found } });
        }
      }
      const width = bodyWidthPt(section);
      const size = mode(sizes.get(i)) ?? profile.body.size;
      if (width !== null && seen.size) {
        const charPitch = charPitchPt(layout, section, size);
        const found = fit(width, charPitch);
        if (Math.abs(found - profile.charsPerLine.value) > profile.charsPerLine.tolerance) {
          context.report({ at, messageId: 'charsPerLine', data: { expected: profile.charsPerLine.value, width: mm((width * 25.4) / 72, locale), pitch: pt(charPitch, locale), found } });
        }
      }
    });
  },
});

const GRID_ROLES: ReadonlySet<RoleSegment['role']> = new Set(['heading1', 'heading2', 'heading3', 'heading4', 'body']);

/** The size the paragraph's text is set in: its first visible run's, else its style's. */
function sizeOf(seg: RoleSegment): number {
  const p: ParagraphLayout = seg.word;
  const run = p.runs.find((r) => p.text.slice(r.start, r.end).trim());
  return (run ?? p.base).halfPoints / 2;
}

/**
 * Font size plus character spacing of the paragraph's first visible run: what a character advances.
 * A wrong size is layout-fonts' finding: characters per line are then judged at the right size.
 */
function advanceOf(seg: RoleSegment, size: number, tolerance: number): number {
  const p: ParagraphLayout = seg.word;
  const run = p.runs.find((r) => p.text.slice(r.start, r.end).trim()) ?? p.base;
  const own = run.halfPoints / 2;
  return (Math.abs(own - size) > tolerance ? size : own) + run.spacing / 20;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** The most frequent value (the first of a tie). */
function mode(values: number[] | undefined): number | null {
  if (!values?.length) return null;
  const counts = new Map<number, number>();
  let best = values[0];
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > counts.get(best)!) best = v;
  }
  return best;
}
