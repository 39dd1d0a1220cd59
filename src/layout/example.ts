import type { LineHint } from '../model/hints.js';
import { buildReport } from '../model/build.js';
import { DOCUMENT_PART } from './document.js';
import { defaultLayoutProfile } from './profile.js';
import { fontSpec, roleSegments, type Role } from './roles.js';
import type { Alignment, DocumentLayout, FooterLayout, Leftover, LineRule, ParagraphLayout, RunLayout } from './types.js';
import { mmToTwips, ptToTwips } from './units.js';

/**
 * A Word layout written in a few lines, for rule examples and tests: a plain
 * text report stands for the document (one paragraph a line), laid out as
 * GB/T 9704 asks, and the example states only what differs.
 */
export interface ExampleLayout {
  /** Page setup, millimetres and points, over GB/T 9704's. */
  page?: { width?: number; height?: number; top?: number; bottom?: number; left?: number; right?: number; grid?: 'none' | 'lines' | 'linesAndChars'; charSpace?: number };
  /** Formatting of a line (1-based) over what its role has. */
  lines?: Record<number, LineSpec>;
  /** The footer of odd pages (and all pages without even/odd), `#` standing for the page number; `null` for none. */
  footer?: (Partial<Omit<FooterLayout, 'type' | 'part' | 'pageField' | 'before' | 'after'>> & { size?: number; font?: string }) | null;
  /** Whether odd and even pages have their own footers (default true, the even one left-aligned). */
  evenAndOdd?: boolean;
  /** Comments, tracked changes, hidden text: `line` is the 1-based line they are in. */
  leftovers?: (Omit<Leftover, 'part' | 'index'> & { line?: number })[];
}

export interface LineSpec {
  font?: string;
  size?: number;
  align?: Alignment;
  /** First-line indent in characters (hundredths are written by Word; here plain characters). */
  indentChars?: number;
  /** First-line indent in points. */
  indentPt?: number;
  /** Left and right indents in characters. */
  leftChars?: number;
  rightChars?: number;
  lineRule?: LineRule;
  /** Points for exact/atLeast, a multiple for auto. */
  line?: number;
  /**
   * The formatting comes from this paragraph style (named as Word lists it, e.g. `Normal`) rather than
   * direct formatting: lines of one style share their wrong values.
   */
  style?: string;
  /** The first `length` characters in another font or size (a run-in heading typed by hand). */
  head?: { length: number; font?: string; size?: number };
}

const BODY_LINE = 579; // twips: 28.95 pt, 22 lines in 225 mm

export function exampleLayout(text: string, spec: ExampleLayout = {}): { layout: DocumentLayout; lineHints: Map<number, LineHint> } {
  const lines = text.replace(/\n$/, '').split('\n');
  const hints = new Map<number, LineHint>();
  lines.forEach((_l, i) => hints.set(i + 1, { source: { part: DOCUMENT_PART, index: i, prefix: 0 } }));
  const report = buildReport(text, 'text', hints);
  const profile = defaultLayoutProfile();
  // Each line's formatting from the role the model gives it.
  const roleRuns = new Map<number, { role: Role; from: number; to: number }[]>();
  const layoutStub: DocumentLayout = { paragraphs: lines.map((t, i) => stubParagraph(t, i)), sections: [], evenAndOddHeaders: true, defaultHalfPoints: 32, leftovers: [] };
  for (const seg of roleSegments(report, layoutStub)) {
    const list = roleRuns.get(seg.word.index) ?? [];
    list.push({ role: seg.role, from: seg.from, to: seg.to });
    roleRuns.set(seg.word.index, list);
  }
  const paragraphs: ParagraphLayout[] = lines.map((line, i) => {
    const p = stubParagraph(line, i);
    const segs = roleRuns.get(i) ?? [{ role: 'body' as Role, from: 0, to: line.length }];
    const model = report.paragraphs.find((x) => x.hint?.source?.index === i);
    p.runs = segs.map((s) => run(s.from, s.to, fontSpec(profile, s.role).fonts[0], fontSpec(profile, s.role).size));
    const role = segs[0].role;
    if (role === 'title') {
      p.align = 'center';
      p.indent.firstLineChars = null;
      p.indent.firstLine = 0;
    } else if (model?.kind === 'addressee') {
      p.indent.firstLineChars = null;
      p.indent.firstLine = 0;
    } else if (model?.kind === 'signature' || model?.kind === 'date') {
      // GB/T 9704 7.3.5: the signature two characters from the right margin, the date four.
      p.align = 'right';
      p.indent.firstLineChars = null;
      p.indent.firstLine = 0;
      setChars(p, 'right', model.kind === 'date' ? 4 : 2);
    } else if (role === 'caption') {
      p.align = 'center';
      p.indent.firstLineChars = null;
      p.indent.firstLine = 0;
    } else if (role === 'distribution') {
      p.indent.firstLineChars = null;
      p.indent.firstLine = 0;
      setChars(p, 'left', 1);
    }
    const over = spec.lines?.[i + 1];
    if (over) applyLine(p, over);
    return p;
  });
  const page = spec.page ?? {};
  const footer = spec.footer === null ? null : { text: '— # —', align: 'right' as Alignment, size: 14, font: '宋体', ...spec.footer };
  const footers: FooterLayout[] = [];
  if (footer) {
    const base = { part: 'word/footer1.xml', pageField: footer.text.includes('#'), before: footer.text.split('#')[0] ?? '', after: footer.text.split('#').slice(1).join('#'), halfPoints: footer.size * 2, asciiFont: footer.font };
    footers.push({ type: 'default', ...base, text: footer.text, align: footer.align });
    if (spec.evenAndOdd !== false) footers.push({ type: 'even', ...base, part: 'word/footer2.xml', text: footer.text, align: 'left' });
  }
  const gridType = page.grid ?? 'linesAndChars';
  const layout: DocumentLayout = {
    paragraphs,
    sections: [
      {
        pageWidth: mmToTwips(page.width ?? 210),
        pageHeight: mmToTwips(page.height ?? 297),
        margins: { top: mmToTwips(page.top ?? 37), bottom: mmToTwips(page.bottom ?? 35), left: mmToTwips(page.left ?? 28), right: mmToTwips(page.right ?? 26) },
        grid: gridType === 'none' ? { type: 'default', linePitch: null, charSpace: null } : { type: gridType, linePitch: BODY_LINE, charSpace: gridType === 'linesAndChars' ? (page.charSpace ?? -848) : null },
        footers,
        titlePage: false,
      },
    ],
    evenAndOddHeaders: spec.evenAndOdd !== false,
    defaultHalfPoints: 32,
    leftovers: (spec.leftovers ?? []).map((l) => ({ kind: l.kind, text: l.text, part: DOCUMENT_PART, index: l.line === undefined ? null : l.line - 1 })),
  };
  return { layout, lineHints: hints };
}

function stubParagraph(text: string, index: number): ParagraphLayout {
  const body = run(0, text.length, '仿宋_GB2312', 16);
  return {
    part: DOCUMENT_PART,
    index,
    text,
    styleId: null,
    styleName: null,
    align: 'both',
    indent: { firstLine: 640, firstLineChars: 200, left: 0, leftChars: null, right: 0, rightChars: null },
    line: BODY_LINE,
    lineRule: 'exact',
    ownSpacing: false,
    snapToGrid: true,
    base: { eastAsiaFont: body.eastAsiaFont, asciiFont: body.asciiFont, halfPoints: body.halfPoints, bold: false, spacing: 0, hidden: false },
    runs: [body],
    section: 0,
    inTable: false,
    numbering: null,
  };
}

function run(start: number, end: number, font: string, size: number): RunLayout {
  return { start, end, eastAsiaFont: font, asciiFont: 'Times New Roman', halfPoints: size * 2, bold: false, spacing: 0, hidden: false };
}

function applyLine(p: ParagraphLayout, over: LineSpec): void {
  for (const r of p.runs) {
    if (over.font !== undefined) r.eastAsiaFont = over.font;
    if (over.size !== undefined) r.halfPoints = over.size * 2;
  }
  if (over.head) {
    const first = p.runs[0];
    const head = { ...first, end: over.head.length };
    if (over.head.font !== undefined) head.eastAsiaFont = over.head.font;
    if (over.head.size !== undefined) head.halfPoints = over.head.size * 2;
    p.runs = [head, ...p.runs.map((r) => ({ ...r, start: Math.max(r.start, over.head!.length) })).filter((r) => r.start < r.end)];
  }
  if (over.align) p.align = over.align;
  if (over.indentChars !== undefined) {
    p.indent.firstLineChars = Math.round(over.indentChars * 100);
    p.indent.firstLine = ptToTwips(over.indentChars * 16);
  }
  if (over.leftChars !== undefined) setChars(p, 'left', over.leftChars);
  if (over.rightChars !== undefined) setChars(p, 'right', over.rightChars);
  if (over.indentPt !== undefined) {
    p.indent.firstLineChars = null;
    p.indent.firstLine = ptToTwips(over.indentPt);
  }
  if (over.lineRule) p.lineRule = over.lineRule;
  if (over.line !== undefined) p.line = p.lineRule === 'auto' ? Math.round(over.line * 240) : ptToTwips(over.line);
  if (over.style !== undefined) {
    p.styleId = over.style;
    p.styleName = over.style;
    const last = p.runs[p.runs.length - 1];
    p.base = { ...p.base, eastAsiaFont: last.eastAsiaFont, halfPoints: last.halfPoints };
  } else if (over.lineRule !== undefined || over.line !== undefined) {
    p.ownSpacing = true;
  }
}

function setChars(p: ParagraphLayout, side: 'left' | 'right', chars: number): void {
  if (side === 'left') {
    p.indent.leftChars = Math.round(chars * 100);
    p.indent.left = ptToTwips(chars * 16);
  } else {
    p.indent.rightChars = Math.round(chars * 100);
    p.indent.right = ptToTwips(chars * 16);
  }
}
