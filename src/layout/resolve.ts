import type { DocxPackage } from '../docx/package.js';
import { textPieces } from '../docx/visible-text.js';
import type { Alignment, LineRule, ParagraphLayout, RunLayout } from './types.js';
import { A_NS, onOff, wAttr, wChild, wChildren, wInt } from './xml.js';

/**
 * Effective formatting, resolved the way Word does, in this order (later wins):
 * document defaults (`w:docDefaults`); the paragraph style and what it is
 * `w:basedOn` (the default paragraph style when none is named); for run
 * properties the character style chain; for paragraph properties the
 * numbering level; then direct formatting. Fonts are resolved per slot
 * (ascii, eastAsia), a theme attribute through the theme part's major/minor
 * fonts (`a:ea`, else the `Hans` script font).
 */

interface FontSlot {
  font?: string;
  theme?: string;
}

export interface RunProps {
  ascii: FontSlot;
  eastAsia: FontSlot;
  halfPoints?: number;
  bold?: boolean;
  spacing?: number;
  hidden?: boolean;
}

export interface ParaProps {
  jc?: string;
  firstLine?: number;
  firstLineChars?: number | null;
  left?: number;
  leftChars?: number | null;
  right?: number;
  rightChars?: number | null;
  line?: number;
  lineRule?: string;
  snapToGrid?: boolean;
  numId?: string;
  ilvl?: number;
}

interface Style {
  type: string;
  name: string | null;
  basedOn: string | null;
  pPr: Element | null;
  rPr: Element | null;
}

/** Word's size when nothing sets one: 10 pt. */
export const WORD_DEFAULT_HALF_POINTS = 20;
const MAX_CHAIN = 32; // basedOn loops exist in the wild

export class FormatResolver {
  private readonly styles = new Map<string, Style>();
  private defaultParagraphStyle: string | null = null;
  private readonly defaultPPr: Element | null = null;
  private readonly defaultRPr: Element | null = null;
  private readonly numbering: Document | null;
  private readonly theme: { major: { latin: string | null; ea: string | null }; minor: { latin: string | null; ea: string | null } };

  constructor(stylesXml: Document | null, numberingXml: Document | null, themeXml: Document | null) {
    this.numbering = numberingXml;
    this.theme = readTheme(themeXml);
    const root = stylesXml?.documentElement ?? null;
    if (!root) return;
    const defaults = wChild(root, 'docDefaults');
    this.defaultPPr = wChild(wChild(defaults, 'pPrDefault'), 'pPr');
    this.defaultRPr = wChild(wChild(defaults, 'rPrDefault'), 'rPr');
    for (const s of wChildren(root, 'style')) {
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const type = wAttr(s, 'type') ?? 'paragraph';
      this.styles.set(id, { type, name: wAttr(wChild(s, 'name'), 'val'), basedOn: wAttr(wChild(s, 'basedOn'), 'val'), pPr: wChild(s, 'pPr'), rPr: wChild(s, 'rPr') });
      if (type === 'paragraph' && ['1', 'true', 'on'].includes(wAttr(s, 'default') ?? '')) this.defaultParagraphStyle ??= id;
    }
  }

  /** `w:sz` of the document defaults, when set. */
  docDefaultHalfPoints(): number | null {
    const props: RunProps = { ascii: {}, eastAsia: {} };
    mergeRPr(props, this.defaultRPr);
    return props.halfPoints ?? null;
  }

  static fromPackage(pkg: DocxPackage): FormatResolver {
    const theme = pkg.names.find((n) => /^word\/theme\/theme\d*\.xml$/.test(n));
    return new FormatResolver(pkg.xml('word/styles.xml'), pkg.xml('word/numbering.xml'), theme ? pkg.xml(theme) : null);
  }

  styleName(id: string | null): string | null {
    return id === null ? null : (this.styles.get(id)?.name ?? id);
  }

  /** The paragraph's style id: its `w:pStyle`, or the default paragraph style. */
  paragraphStyle(p: Element): string | null {
    return wAttr(wChild(wChild(p, 'pPr'), 'pStyle'), 'val') ?? this.defaultParagraphStyle;
  }

  private readonly chains = new Map<string, Style[]>();
  private readonly levels = new Map<string, Element | null>();

  /** Style chain, root first (cached: every paragraph of a style asks). */
  private chain(id: string | null): Style[] {
    if (!id) return [];
    const cached = this.chains.get(id);
    if (cached) return cached;
    const out: Style[] = [];
    this.chains.set(id, out);
    const seen = new Set<string>();
    for (let cur: string | null = id; cur && !seen.has(cur) && out.length < MAX_CHAIN; ) {
      seen.add(cur);
      const s = this.styles.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }

  paragraphProps(p: Element): ParaProps {
    const props: ParaProps = {};
    const pPr = wChild(p, 'pPr');
    mergePPr(props, this.defaultPPr);
    for (const s of this.chain(this.paragraphStyle(p))) mergePPr(props, s.pPr);
    // Numbering sits between the style and direct formatting; it may come from either.
    const direct: ParaProps = {};
    mergePPr(direct, pPr);
    const numId = direct.numId ?? props.numId;
    const ilvl = direct.ilvl ?? props.ilvl ?? 0;
    if (numId && numId !== '0') mergePPr(props, this.levelPPr(numId, ilvl));
    mergePPr(props, pPr);
    return props;
  }

  /** Run properties from the defaults and the paragraph style chain: an unformatted run of this paragraph. */
  baseRunProps(p: Element): RunProps {
    const props: RunProps = { ascii: {}, eastAsia: {} };
    mergeRPr(props, this.defaultRPr);
    for (const s of this.chain(this.paragraphStyle(p))) mergeRPr(props, s.rPr);
    return props;
  }

  runProps(p: Element, run: Element | null, base = this.baseRunProps(p)): RunProps {
    const props: RunProps = { ...base, ascii: { ...base.ascii }, eastAsia: { ...base.eastAsia } };
    const rPr = run ? wChild(run, 'rPr') : null;
    const charStyle = wAttr(wChild(rPr, 'rStyle'), 'val');
    if (charStyle) for (const s of this.chain(charStyle)) mergeRPr(props, s.rPr);
    mergeRPr(props, rPr);
    return props;
  }

  font(slot: FontSlot): string | null {
    if (slot.theme) {
      const major = slot.theme.startsWith('major') ? this.theme.major : this.theme.minor;
      const themed = /EastAsia$/.test(slot.theme) ? major.ea : /Bidi$/.test(slot.theme) ? null : major.latin;
      if (themed) return themed;
    }
    return slot.font ?? null;
  }

  runLayout(props: RunProps): Omit<RunLayout, 'start' | 'end'> {
    return {
      eastAsiaFont: this.font(props.eastAsia),
      asciiFont: this.font(props.ascii),
      halfPoints: props.halfPoints ?? WORD_DEFAULT_HALF_POINTS,
      bold: props.bold ?? false,
      spacing: props.spacing ?? 0,
      hidden: props.hidden ?? false,
    };
  }

  /** Everything the layout rules read of one paragraph. */
  paragraph(p: Element, part: string, index: number, section: number, inTable: boolean): ParagraphLayout {
    const props = this.paragraphProps(p);
    const baseProps = this.baseRunProps(p);
    const runs: RunLayout[] = [];
    let text = '';
    for (const piece of textPieces(p)) {
      const last = runs[runs.length - 1];
      text += piece.text;
      if (last && last.end === piece.start && pieceRun.get(last) === piece.run) {
        last.end = piece.start + piece.text.length;
        continue;
      }
      const r: RunLayout = { start: piece.start, end: piece.start + piece.text.length, ...this.runLayout(this.runProps(p, piece.run, baseProps)) };
      pieceRun.set(r, piece.run);
      runs.push(r);
    }
    return {
      part,
      index,
      text,
      styleId: this.paragraphStyle(p),
      styleName: this.styleName(this.paragraphStyle(p)),
      align: alignment(props.jc),
      indent: { firstLine: props.firstLine ?? 0, firstLineChars: props.firstLineChars ?? null, left: props.left ?? 0, leftChars: props.leftChars ?? null, right: props.right ?? 0, rightChars: props.rightChars ?? null },
      line: props.line ?? null,
      lineRule: lineRule(props.lineRule, props.line),
      ownSpacing: ownSpacing(p),
      snapToGrid: props.snapToGrid ?? true,
      base: this.runLayout(baseProps),
      runs,
      section,
      inTable,
      numbering: props.numId && props.numId !== '0' ? { numId: props.numId, level: props.ilvl ?? 0 } : null,
    };
  }

  /** The `w:pPr` of a numbering level, `w:lvlOverride` first (cached per level). */
  private levelPPr(numId: string, ilvl: number): Element | null {
    const key = `${numId}\0${ilvl}`;
    if (!this.levels.has(key)) this.levels.set(key, this.findLevelPPr(numId, ilvl));
    return this.levels.get(key)!;
  }

  private findLevelPPr(numId: string, ilvl: number): Element | null {
    const root = this.numbering?.documentElement;
    if (!root) return null;
    const num = wChildren(root, 'num').find((n) => wAttr(n, 'numId') === numId);
    if (!num) return null;
    const override = wChildren(num, 'lvlOverride').find((o) => wInt(o, 'ilvl') === ilvl);
    const overridden = wChild(override, 'lvl');
    if (overridden && wChild(overridden, 'pPr')) return wChild(overridden, 'pPr');
    const abstractId = wAttr(wChild(num, 'abstractNumId'), 'val');
    const abstract = wChildren(root, 'abstractNum').find((a) => wAttr(a, 'abstractNumId') === abstractId);
    if (!abstract) return null;
    const lvl = wChildren(abstract, 'lvl').find((l) => wInt(l, 'ilvl') === ilvl);
    return wChild(lvl, 'pPr');
  }
}

// Which run a RunLayout was built from, while building (not part of the data).
const pieceRun = new WeakMap<RunLayout, Element | null>();

export function mergePPr(props: ParaProps, pPr: Element | null): void {
  if (!pPr) return;
  const jc = wAttr(wChild(pPr, 'jc'), 'val');
  if (jc) props.jc = jc;
  const ind = wChild(pPr, 'ind');
  if (ind) {
    const firstLine = wInt(ind, 'firstLine');
    const hanging = wInt(ind, 'hanging');
    const firstLineChars = wInt(ind, 'firstLineChars');
    const hangingChars = wInt(ind, 'hangingChars');
    if (hanging !== null) props.firstLine = -hanging;
    else if (firstLine !== null) props.firstLine = firstLine;
    // Character units win over twips when set; twips set alone at a later level replace earlier character units.
    if (hangingChars !== null && hangingChars !== 0) props.firstLineChars = -hangingChars;
    else if (firstLineChars !== null && firstLineChars !== 0) props.firstLineChars = firstLineChars;
    else if (firstLineChars === 0 || hangingChars === 0 || firstLine !== null || hanging !== null) props.firstLineChars = null;
    const left = wInt(ind, 'left') ?? wInt(ind, 'start');
    const leftChars = wInt(ind, 'leftChars') ?? wInt(ind, 'startChars');
    if (left !== null) props.left = left;
    if (leftChars !== null && leftChars !== 0) props.leftChars = leftChars;
    else if (leftChars === 0 || left !== null) props.leftChars = null;
    const right = wInt(ind, 'right') ?? wInt(ind, 'end');
    const rightChars = wInt(ind, 'rightChars') ?? wInt(ind, 'endChars');
    if (right !== null) props.right = right;
    if (rightChars !== null && rightChars !== 0) props.rightChars = rightChars;
    else if (rightChars === 0 || right !== null) props.rightChars = null;
  }
  const spacing = wChild(pPr, 'spacing');
  if (spacing) {
    const line = wInt(spacing, 'line');
    const rule = wAttr(spacing, 'lineRule');
    if (line !== null) {
      props.line = line;
      props.lineRule = rule ?? 'auto';
    } else if (rule) props.lineRule = rule;
  }
  const snap = onOff(wChild(pPr, 'snapToGrid'));
  if (snap !== undefined) props.snapToGrid = snap;
  const numPr = wChild(pPr, 'numPr');
  if (numPr) {
    const numId = wAttr(wChild(numPr, 'numId'), 'val');
    const ilvl = wInt(wChild(numPr, 'ilvl'), 'val');
    if (numId !== null) props.numId = numId;
    if (ilvl !== null) props.ilvl = ilvl;
  }
}

export function mergeRPr(props: RunProps, rPr: Element | null): void {
  if (!rPr) return;
  const fonts = wChild(rPr, 'rFonts');
  if (fonts) {
    mergeSlot(props.ascii, wAttr(fonts, 'ascii'), wAttr(fonts, 'asciiTheme'));
    mergeSlot(props.eastAsia, wAttr(fonts, 'eastAsia'), wAttr(fonts, 'eastAsiaTheme'));
  }
  const sz = wInt(wChild(rPr, 'sz'), 'val');
  if (sz !== null && sz > 0) props.halfPoints = sz;
  const b = onOff(wChild(rPr, 'b'));
  if (b !== undefined) props.bold = b;
  const spacing = wInt(wChild(rPr, 'spacing'), 'val');
  if (spacing !== null) props.spacing = spacing;
  const vanish = onOff(wChild(rPr, 'vanish'));
  if (vanish !== undefined) props.hidden = vanish;
}

/** A theme attribute beats the explicit font of the same element; a later explicit font replaces an earlier theme. */
function mergeSlot(slot: FontSlot, font: string | null, theme: string | null): void {
  if (theme) {
    slot.theme = theme;
    if (font) slot.font = font;
  } else if (font) {
    slot.font = font;
    delete slot.theme;
  }
}

function ownSpacing(p: Element): boolean {
  const spacing = wChild(wChild(p, 'pPr'), 'spacing');
  return spacing !== null && (wAttr(spacing, 'line') !== null || wAttr(spacing, 'lineRule') !== null);
}

function alignment(jc: string | undefined): Alignment {
  switch (jc) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'lowKashida':
    case 'mediumKashida':
    case 'highKashida':
    case 'thaiDistribute':
      return 'both';
    case 'distribute':
      return 'distribute';
    default:
      return 'left';
  }
}

function lineRule(rule: string | undefined, line: number | undefined): LineRule {
  if (line === undefined) return 'auto';
  return rule === 'exact' ? 'exact' : rule === 'atLeast' ? 'atLeast' : 'auto';
}

function readTheme(theme: Document | null) {
  const empty = { latin: null, ea: null };
  const root = theme?.documentElement;
  if (!root) return { major: empty, minor: empty };
  const read = (name: string) => {
    const el = root.getElementsByTagNameNS(A_NS, name)[0];
    if (!el) return empty;
    const face = (local: string) => {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && (c as Element).localName === local && (c as Element).namespaceURI === A_NS) return (c as Element).getAttribute('typeface') || null;
      }
      return null;
    };
    let ea = face('ea');
    if (!ea) {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && (c as Element).localName === 'font' && (c as Element).getAttribute('script') === 'Hans') ea = (c as Element).getAttribute('typeface') || null;
      }
    }
    return { latin: face('latin'), ea };
  };
  return { major: read('majorFont'), minor: read('minorFont') };
}
