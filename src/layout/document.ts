import type { DocxPackage } from '../docx/package.js';
import { textPieces, visibleText, W_NS, wordParagraphs } from '../docx/visible-text.js';
import { FormatResolver } from './resolve.js';
import type { DocumentLayout, FooterLayout, GridType, Leftover, ParagraphLayout, SectionLayout } from './types.js';
import { dirOf, isW, nsAttr, onOff, R_NS, relationships, relsName, wAncestor, wAttr, wChild, wChildren, wDescendants, wInt } from './xml.js';

export const DOCUMENT_PART = 'word/document.xml';

/**
 * The layout of a whole package: each paragraph of the main document with
 * its effective formatting, the sections with their page setup and footers,
 * and what a clean copy should not carry (comments, tracked changes, hidden text).
 */
export function documentLayout(pkg: DocxPackage): DocumentLayout {
  const doc = pkg.xml(DOCUMENT_PART);
  if (!doc) throw new Error(`${DOCUMENT_PART} is missing`);
  const resolver = FormatResolver.fromPackage(pkg);
  const rels = relationships(pkg.xml(relsName(DOCUMENT_PART)), dirOf(DOCUMENT_PART));
  const paragraphs: ParagraphLayout[] = [];
  const sectPrs: Element[] = [];
  const leftovers: Leftover[] = [];
  const body = wChild(doc.documentElement, 'body');
  const ps = wordParagraphs(doc.documentElement);
  ps.forEach((p, index) => {
    const layout = resolver.paragraph(p, DOCUMENT_PART, index, sectPrs.length, wAncestor(p, 'tbl') !== null);
    paragraphs.push(layout);
    for (const r of layout.runs) if (r.hidden && layout.text.slice(r.start, r.end).trim()) leftovers.push({ kind: 'hidden', part: DOCUMENT_PART, index, text: layout.text.slice(r.start, r.end) });
    // A section ends with the paragraph that carries its sectPr.
    const sectPr = wChild(wChild(p, 'pPr'), 'sectPr');
    if (sectPr && p.parentNode === body) sectPrs.push(sectPr);
  });
  const last = wChild(body, 'sectPr');
  if (last) sectPrs.push(last);
  else if (!sectPrs.length || paragraphs.some((p) => p.section >= sectPrs.length)) sectPrs.push(doc.createElementNS(W_NS, 'w:sectPr'));

  const sections: SectionLayout[] = [];
  let inherited: FooterLayout[] = [];
  for (const sectPr of sectPrs) {
    const section = sectionLayout(sectPr);
    const own = wChildren(sectPr, 'footerReference')
      .map((ref) => ({ type: wAttr(ref, 'type') ?? 'default', target: rels.get(nsAttr(ref, R_NS, 'id') ?? '')?.target }))
      .filter((f): f is { type: string; target: string } => !!f.target)
      .map((f) => footerLayout(pkg, resolver, f.target, f.type as FooterLayout['type']))
      .filter((f): f is FooterLayout => f !== null);
    // A section without a footer of some type shows the previous section's.
    const types = new Set(own.map((f) => f.type));
    section.footers = [...own, ...inherited.filter((f) => !types.has(f.type))];
    inherited = section.footers;
    sections.push(section);
  }

  leftovers.push(...trackedChanges(doc.documentElement, ps, DOCUMENT_PART));
  leftovers.push(...comments(pkg, doc.documentElement, ps));
  leftovers.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
  const settings = pkg.xml('word/settings.xml');
  const defaults = resolver.runLayout(resolver.baseRunProps(doc.createElementNS(W_NS, 'w:p')));
  return {
    paragraphs,
    sections,
    evenAndOddHeaders: onOff(wChild(settings?.documentElement ?? null, 'evenAndOddHeaders')) ?? false,
    // w:charSpace counts from the Normal style's size (defaults included).
    defaultHalfPoints: defaults.halfPoints,
    leftovers,
  };
}

export function sectionLayout(sectPr: Element): SectionLayout {
  const pgSz = wChild(sectPr, 'pgSz');
  const pgMar = wChild(sectPr, 'pgMar');
  const grid = wChild(sectPr, 'docGrid');
  const type = (wAttr(grid, 'type') ?? 'default') as GridType;
  const abs = (n: number | null) => (n === null ? null : Math.abs(n)); // a negative top/bottom margin is a fixed one
  return {
    pageWidth: wInt(pgSz, 'w'),
    pageHeight: wInt(pgSz, 'h'),
    margins: { top: abs(wInt(pgMar, 'top')), bottom: abs(wInt(pgMar, 'bottom')), left: wInt(pgMar, 'left'), right: wInt(pgMar, 'right') },
    grid: { type: ['lines', 'linesAndChars', 'snapToChars'].includes(type) ? type : 'default', linePitch: wInt(grid, 'linePitch'), charSpace: wInt(grid, 'charSpace') },
    footers: [],
    titlePage: onOff(wChild(sectPr, 'titlePg')) ?? false,
  };
}

function footerLayout(pkg: DocxPackage, resolver: FormatResolver, part: string, type: FooterLayout['type']): FooterLayout | null {
  const xml = pkg.xml(part);
  if (!xml) return null;
  const ps = wordParagraphs(xml.documentElement);
  const texts: string[] = [];
  let found: { p: Element; before: string; after: string; run: Element | null } | null = null;
  for (const p of ps) {
    const shown = fieldText(p);
    texts.push(shown.text);
    if (shown.pageField && !found) found = { p, before: shown.before, after: shown.after, run: shown.run };
  }
  const p = found?.p ?? ps.find((x) => visibleText(x).trim()) ?? ps[0];
  const run = p ? resolver.runLayout(resolver.runProps(p, found?.run ?? firstRun(p))) : null;
  const layout = p ? resolver.paragraph(p, part, ps.indexOf(p), 0, false) : null;
  return {
    type: ['even', 'first'].includes(type) ? type : 'default',
    part,
    text: texts.join('\n').trim(),
    pageField: found !== null,
    before: found?.before ?? '',
    after: found?.after ?? '',
    align: layout?.align ?? 'left',
    halfPoints: run?.halfPoints ?? null,
    asciiFont: run?.asciiFont ?? null,
  };
}

function firstRun(p: Element): Element | null {
  return textPieces(p)[0]?.run ?? wDescendants(p, 'r')[0] ?? null;
}

/**
 * A footer paragraph's text with a PAGE field as `#`, and the text around it.
 * Walks runs in order: complex fields (`w:fldChar` begin/separate/end with
 * `w:instrText`) and simple ones (`w:fldSimple`).
 */
export function fieldText(p: Element): { text: string; pageField: boolean; before: string; after: string; run: Element | null } {
  let text = '';
  let pageAt = -1;
  let run: Element | null = null;
  let depth = 0;
  let instr = '';
  let inResult = false;
  let pageInResult = false;
  const walk = (node: Element) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (el.namespaceURI !== W_NS) {
        walk(el);
        continue;
      }
      switch (el.localName) {
        case 'fldSimple': {
          const isPage = /^\s*PAGE\b/i.test(wAttr(el, 'instr') ?? '');
          if (isPage && pageAt === -1) {
            pageAt = text.length;
            text += '#';
            run = wDescendants(el, 'r')[0] ?? null;
          } else walk(el);
          break;
        }
        case 'fldChar': {
          const t = wAttr(el, 'fldCharType');
          if (t === 'begin') {
            depth++;
            instr = '';
          } else if (t === 'separate') {
            inResult = true;
            if (/^\s*PAGE\b/i.test(instr) && pageAt === -1) {
              pageAt = text.length;
              text += '#';
              pageInResult = true;
            }
          } else if (t === 'end') {
            if (!inResult && /^\s*PAGE\b/i.test(instr) && pageAt === -1) {
              pageAt = text.length;
              text += '#';
            }
            depth = Math.max(0, depth - 1);
            inResult = false;
            pageInResult = false;
          }
          break;
        }
        case 'instrText':
          instr += el.textContent ?? '';
          if (/^\s*PAGE\b/i.test(instr)) run ??= wAncestor(el, 'r');
          break;
        case 't':
          if (depth > 0 && !inResult) break;
          if (pageInResult) break; // the cached number is the `#`
          text += el.textContent ?? '';
          break;
        case 'tab':
          if (isW(el.parentNode, 'r')) text += '\t';
          break;
        case 'del':
        case 'delText':
        case 'pPr':
        case 'rPr':
        case 'txbxContent':
          break;
        default:
          walk(el);
      }
    }
  };
  walk(p);
  return {
    text,
    pageField: pageAt !== -1,
    before: pageAt === -1 ? '' : text.slice(0, pageAt),
    after: pageAt === -1 ? '' : text.slice(pageAt + 1),
    run,
  };
}

const CHANGES: Record<string, Leftover['kind']> = {
  ins: 'insertion',
  del: 'deletion',
  moveFrom: 'move',
  moveTo: 'move',
  pPrChange: 'format-change',
  rPrChange: 'format-change',
  sectPrChange: 'format-change',
  tblPrChange: 'format-change',
  tcPrChange: 'format-change',
  trPrChange: 'format-change',
  numberingChange: 'format-change',
};

function trackedChanges(root: Element, ps: Element[], part: string): Leftover[] {
  const indexOf = new Map(ps.map((p, i) => [p, i]));
  const out: Leftover[] = [];
  // One walk over the document, not one per kind of change.
  for (const el of wDescendants(root, '*')) {
    const local = el.localName;
    const kind = Object.hasOwn(CHANGES, local) ? CHANGES[local] : undefined;
    if (!kind) continue;
    {
      // A run's inserted mark (`w:rPr/w:ins`) flags a paragraph mark; it is reported with its paragraph.
      const p = wAncestor(el, 'p');
      const index = p ? (indexOf.get(p) ?? null) : null;
      const text = local === 'del' || local === 'moveFrom' ? wDescendants(el, 'delText').map((t) => t.textContent ?? '').join('') || textOf(el) : textOf(el);
      out.push({ kind, part, index, text });
    }
  }
  return out;
}

function textOf(el: Element): string {
  return wDescendants(el, 't')
    .map((t) => t.textContent ?? '')
    .join('');
}

function comments(pkg: DocxPackage, root: Element, ps: Element[]): Leftover[] {
  const indexOf = new Map(ps.map((p, i) => [p, i]));
  const bodies = new Map<string, string>();
  const part = pkg.xml('word/comments.xml');
  if (part) for (const c of wDescendants(part.documentElement, 'comment')) bodies.set(wAttr(c, 'id') ?? '', textOf(c));
  const out: Leftover[] = [];
  const anchored = new Set<string>();
  for (const ref of [...wDescendants(root, 'commentRangeStart'), ...wDescendants(root, 'commentReference')]) {
    const id = wAttr(ref, 'id') ?? '';
    if (anchored.has(id)) continue;
    anchored.add(id);
    const p = wAncestor(ref, 'p') ?? (ref.nextSibling && isW(ref.nextSibling, 'p') ? ref.nextSibling : null);
    out.push({ kind: 'comment', part: DOCUMENT_PART, index: p ? (indexOf.get(p) ?? null) : null, text: bodies.get(id) ?? '' });
  }
  for (const [id, text] of bodies) if (!anchored.has(id)) out.push({ kind: 'comment', part: 'word/comments.xml', index: null, text });
  return out;
}
