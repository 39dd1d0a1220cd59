import { XMLSerializer } from '@xmldom/xmldom';
import yazl from 'yazl';
import { openPackage, type DocxPackage } from '../docx/package.js';
import { textPieces, visibleText, W_NS, wordParagraphs } from '../docx/visible-text.js';
import type { Paragraph, Report } from '../model/report.js';
import { DOCUMENT_PART, documentLayout } from './document.js';
import type { LayoutProfile } from './profile.js';
import { fontSpec, roleSegments, type Role } from './roles.js';
import { mmToTwips, ptToTwips } from './units.js';
import { dirOf, PKG_REL_NS, relationships, relsName, wAncestor, wAttr, wChild, wChildren, wDescendants } from './xml.js';

/**
 * Lays a copy of a Word report out as the profile asks: page setup, the faces
 * and sizes of title, headings and body, line spacing, indents and the page
 * number footer. Only formatting changes: the copy's text is compared with
 * the original's before it is returned, and a difference refuses the copy.
 */

export class FormatRefused extends Error {}

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const FOOTER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const FOOTER_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';

// Schema order of the children we touch: Word refuses elements out of order.
const PPR_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];
const RPR_ORDER = ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'ins', 'del', 'moveFrom', 'moveTo', 'rPrChange'];
// A paragraph mark's run properties start with its revision marks.
const MARK_RPR_ORDER = ['ins', 'del', 'moveFrom', 'moveTo', ...RPR_ORDER.filter((x) => !['ins', 'del', 'moveFrom', 'moveTo'].includes(x))];
const SECT_ORDER = ['headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid', 'printerSettings', 'sectPrChange'];
const SETTINGS_AFTER_EVEN_ODD = ['bookFoldRevPrinting', 'bookFoldPrinting', 'bookFoldPrintingSheets', 'drawingGridHorizontalSpacing', 'drawingGridVerticalSpacing', 'displayHorizontalDrawingGridEvery', 'displayVerticalDrawingGridEvery', 'doNotUseMarginsForDrawingGridOrigin', 'drawingGridHorizontalOrigin', 'drawingGridVerticalOrigin', 'doNotShadeFormData', 'noPunctuationKerning', 'characterSpacingControl', 'printTwoOnOne', 'strictFirstAndLastChars', 'noLineBreaksAfter', 'noLineBreaksBefore', 'savePreviewPicture', 'doNotValidateAgainstSchema', 'saveInvalidXml', 'ignoreMixedContent', 'alwaysShowPlaceholderText', 'doNotDemarcateInvalidXml', 'saveXmlDataOnly', 'useXSLTWhenSaving', 'saveThroughXslt', 'showXMLTags', 'alwaysMergeEmptyNamespace', 'updateFields', 'hdrShapeDefaults', 'footnotePr', 'endnotePr', 'compat', 'docVars', 'rsids', 'mathPr', 'attachedSchema', 'themeFontLang', 'clrSchemeMapping', 'doNotIncludeSubdocsInStats', 'doNotAutoCompressPictures', 'forceUpgrade', 'captions', 'readModeInkLockDown', 'smartTagType', 'schemaLibrary', 'shapeDefaults', 'doNotEmbedSmartTags', 'decimalSymbol', 'listSeparator'];

type Kind = Paragraph['kind'];
interface Plan {
  kind: Kind;
  /** Role by offset in the Word paragraph's visible text: [from, role], ascending. */
  roles: [number, Role][];
}

/** The characters of a line: 3号 is 16 pt, and 28 of them must fit the type area. */
export function condensing(profile: LayoutProfile): number {
  const width = mmToTwips(profile.paper.width) - mmToTwips(profile.margins.left) - mmToTwips(profile.margins.right);
  const pitch = width / profile.charsPerLine.value; // twips
  const needed = pitch - profile.body.size * 20;
  // Whole twips, rounded down (condensed a hair more, never less): LibreOffice and Word both honour w:spacing.
  return needed >= 0 ? 0 : Math.floor(needed);
}

export async function formatDocx(bytes: Buffer, report: Report, profile: LayoutProfile): Promise<Buffer> {
  const pkg = await openPackage(bytes);
  const doc = pkg.xml(DOCUMENT_PART);
  if (!doc) throw new FormatRefused(`${DOCUMENT_PART} is missing`);
  const layout = report.layout ?? documentLayout(pkg);
  const before = wordParagraphs(doc.documentElement).map(visibleText);

  const plans = new Map<number, Plan>();
  for (const seg of roleSegments(report, layout)) {
    const plan = plans.get(seg.word.index) ?? { kind: seg.paragraph.kind, roles: [] };
    plan.roles.push([Math.max(0, seg.from - seg.prefix), seg.role]);
    plans.set(seg.word.index, plan);
  }
  const kindOf = new Map<Paragraph, Kind>();
  if (report.addressee) kindOf.set(report.addressee, 'addressee');
  for (const p of report.signature) kindOf.set(p, 'signature');
  if (report.date) kindOf.set(report.date, 'date');
  for (const [p, kind] of kindOf) {
    const i = p.hint?.source?.index;
    const plan = i === undefined ? undefined : plans.get(i);
    if (plan) plan.kind = kind;
  }

  const spacing = condensing(profile);
  const line = ptToTwips(profile.lineSpacing.value);
  const ps = wordParagraphs(doc.documentElement);
  ps.forEach((p, index) => {
    if (wAncestor(p, 'tbl') || wAncestor(p, 'txbxContent')) return;
    const plan = plans.get(index);
    formatParagraph(p, plan, profile, line, spacing);
  });

  formatStyles(pkg, profile, line, spacing);
  const parts = new Map<string, string>();
  const footers = addFooters(pkg, parts, profile);
  for (const sectPr of wDescendants(doc.documentElement, 'sectPr')) {
    if (wAncestor(sectPr, 'sectPrChange')) continue;
    formatSection(sectPr, profile, footers);
  }
  const settings = pkg.xml('word/settings.xml');
  if (settings) evenAndOdd(settings);

  const serializer = new XMLSerializer();
  const write = (name: string, xml: Document) => parts.set(name, serializer.serializeToString(xml as never));
  write(DOCUMENT_PART, doc);
  const styles = pkg.xml('word/styles.xml');
  if (styles) write('word/styles.xml', styles);
  if (settings) write('word/settings.xml', settings);
  const out = await rezip(pkg, parts);

  // The words must be the same: compare every paragraph's visible text.
  const copy = await openPackage(out);
  const after = wordParagraphs(copy.xml(DOCUMENT_PART)!.documentElement).map(visibleText);
  if (after.length !== before.length || after.some((t, i) => t !== before[i])) throw new FormatRefused('the text would change');
  return out;
}

function formatParagraph(p: Element, plan: Plan | undefined, profile: LayoutProfile, line: number, spacing: number): void {
  const d = p.ownerDocument;
  const first = plan?.roles[0][1];
  // The header block, subtitle, byline and attachment labels keep their own layout: GB/T 9704 sets them apart.
  if (first === 'other') return;
  const pPr = ensureFirst(p, 'pPr');
  const sp = setChild(pPr, 'spacing', PPR_ORDER);
  setW(sp, 'line', String(line));
  setW(sp, 'lineRule', 'exact');
  setW(sp, 'before', '0');
  setW(sp, 'after', '0');
  for (const a of ['beforeLines', 'afterLines', 'beforeAutospacing', 'afterAutospacing']) sp.removeAttributeNS(W_NS, a);
  if (!plan || !first) {
    // An empty line still takes one line of the grid: give its mark the body size.
    markSize(pPr, profile.body.size);
    return;
  }
  const ind = setChild(pPr, 'ind', PPR_ORDER);
  for (const a of Array.from(ind.attributes)) ind.removeAttributeNode(a);
  const jc = setChild(pPr, 'jc', PPR_ORDER);
  const body = profile.body.size * 20;
  const indent = profile.firstLineIndent.value;
  if (first === 'title') {
    setW(jc, 'val', 'center');
    setInd(ind, { left: 0, firstLine: 0, right: 0 });
  } else if (first === 'caption') {
    // 表题 and 图题 are centred by convention; their faces are the author's.
    setW(jc, 'val', 'center');
    setInd(ind, { left: 0, firstLine: 0, right: 0 });
    return;
  } else if (first === 'distribution') {
    // GB/T 9704 7.4: 抄送机关 and 印发机关 one character in, in 4号.
    setW(jc, 'val', 'left');
    const size = fontSpec(profile, 'distribution').size * 20;
    setInd(ind, { left: size, leftChars: 100, firstLine: 0 });
  } else if (plan.kind === 'addressee') {
    setW(jc, 'val', 'left');
    setInd(ind, { left: 0, firstLine: 0 });
  } else if (plan.kind === 'signature' || plan.kind === 'date') {
    // GB/T 9704 7.3.5: signature two characters from the right margin, the date four.
    setW(jc, 'val', 'right');
    const chars = plan.kind === 'date' ? profile.closing.date : profile.closing.signature;
    setInd(ind, { left: 0, firstLine: 0, right: Math.round(chars * body), rightChars: Math.round(chars * 100) });
  } else if (plan.kind === 'attachment-note') {
    // 7.3.4: 附件： two characters in; what wraps, and the later items, align with the first name after it (three characters on).
    setW(jc, 'val', 'both');
    const label = 3;
    const head = /^[ \u3000\t]*附\s*件/.test(visibleText(p));
    setInd(ind, head ? { left: Math.round((indent + label) * body), leftChars: Math.round((indent + label) * 100), hanging: label * body, hangingChars: label * 100 } : { left: Math.round((indent + label) * body), leftChars: Math.round((indent + label) * 100), firstLine: 0 });
  } else {
    setW(jc, 'val', 'both');
    setInd(ind, { left: 0, firstLine: Math.round(indent * body), firstLineChars: Math.round(indent * 100) });
  }
  markSize(pPr, fontSpec(profile, first).size);
  if (!d) return;
  splitRuns(p, plan.roles.map(([from]) => from).filter((x) => x > 0));
  // Runs take the role of where their text starts; runs without text that of the paragraph's start.
  const starts = new Map<Element, number>();
  for (const piece of textPieces(p)) if (piece.run && !starts.has(piece.run)) starts.set(piece.run, piece.start);
  for (const run of wDescendants(p, 'r')) {
    if (wAncestor(run, 'p') !== p) continue; // a text box's own paragraph
    const at = starts.get(run) ?? 0;
    let role: Role = first;
    for (const [from, r] of plan.roles) if (from <= at) role = r;
    formatRun(run, fontSpec(profile, role), role === 'title' || role === 'distribution' ? 0 : spacing);
  }
}

function formatRun(run: Element, spec: { fonts: string[]; size: number }, spacing: number): void {
  const rPr = ensureFirst(run, 'rPr');
  const fonts = setChild(rPr, 'rFonts', RPR_ORDER);
  for (const a of ['asciiTheme', 'hAnsiTheme', 'eastAsiaTheme', 'cstheme', 'hint']) fonts.removeAttributeNS(W_NS, a);
  setW(fonts, 'eastAsia', spec.fonts[0]);
  setW(fonts, 'ascii', spec.fonts[0]);
  setW(fonts, 'hAnsi', spec.fonts[0]);
  const sp = setChild(rPr, 'spacing', RPR_ORDER);
  setW(sp, 'val', String(spacing));
  setW(setChild(rPr, 'sz', RPR_ORDER), 'val', String(Math.round(spec.size * 2)));
  setW(setChild(rPr, 'szCs', RPR_ORDER), 'val', String(Math.round(spec.size * 2)));
}

function markSize(pPr: Element, size: number): void {
  const rPr = setChild(pPr, 'rPr', PPR_ORDER);
  setW(setChild(rPr, 'sz', MARK_RPR_ORDER), 'val', String(Math.round(size * 2)));
  setW(setChild(rPr, 'szCs', MARK_RPR_ORDER), 'val', String(Math.round(size * 2)));
}

function setInd(ind: Element, values: Record<string, number>): void {
  for (const [k, v] of Object.entries(values)) setW(ind, k, String(v));
}

/**
 * Splits runs so that each offset (in the paragraph's visible text) starts a
 * run: a run-in heading and its body get formatting of their own.
 */
function splitRuns(p: Element, offsets: number[]): void {
  for (const offset of offsets) {
    const piece = textPieces(p).find((x) => x.start < offset && offset < x.start + x.text.length && x.element.localName === 't');
    if (!piece?.run) continue; // the offset already falls between pieces
    const run = piece.run;
    const clone = run.cloneNode(true) as Element;
    // Original keeps everything up to the piece, with the text before the offset; the clone the rest.
    const kids = Array.from(run.childNodes).filter((n) => n.nodeType === 1) as Element[];
    const at = kids.indexOf(piece.element);
    const cloneKids = (Array.from(clone.childNodes).filter((n) => n.nodeType === 1) as Element[]);
    const k = offset - piece.start;
    kids.forEach((kid, i) => {
      if (i > at && kid.localName !== 'rPr') run.removeChild(kid);
    });
    cloneKids.forEach((kid, i) => {
      if (i < at && kid.localName !== 'rPr') clone.removeChild(kid);
    });
    setText(piece.element, piece.text.slice(0, k));
    setText(cloneKids[at], piece.text.slice(k));
    run.parentNode!.insertBefore(clone, run.nextSibling);
  }
}

function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(t.ownerDocument!.createTextNode(text));
  t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
}

function formatStyles(pkg: DocxPackage, profile: LayoutProfile, line: number, spacing: number): void {
  const styles = pkg.xml('word/styles.xml');
  const root = styles?.documentElement;
  if (!root) return;
  let defaults = wChild(root, 'docDefaults');
  if (!defaults) defaults = root.insertBefore(el(root, 'docDefaults'), root.firstChild);
  const rPrDefault = wChild(defaults, 'rPrDefault') ?? defaults.insertBefore(el(root, 'rPrDefault'), defaults.firstChild);
  const rPr = ensureFirst(rPrDefault, 'rPr');
  const fonts = setChild(rPr, 'rFonts', RPR_ORDER);
  for (const a of ['asciiTheme', 'hAnsiTheme', 'eastAsiaTheme']) fonts.removeAttributeNS(W_NS, a);
  setW(fonts, 'eastAsia', profile.body.fonts[0]);
  setW(fonts, 'ascii', profile.body.fonts[0]);
  setW(fonts, 'hAnsi', profile.body.fonts[0]);
  setW(setChild(rPr, 'spacing', RPR_ORDER), 'val', String(spacing));
  setW(setChild(rPr, 'sz', RPR_ORDER), 'val', String(profile.body.size * 2));
  setW(setChild(rPr, 'szCs', RPR_ORDER), 'val', String(profile.body.size * 2));
  const pPrDefault = wChild(defaults, 'pPrDefault') ?? defaults.appendChild(el(root, 'pPrDefault'));
  const pPr = ensureFirst(pPrDefault, 'pPr');
  const sp = setChild(pPr, 'spacing', PPR_ORDER);
  setW(sp, 'line', String(line));
  setW(sp, 'lineRule', 'exact');
  // The default paragraph style's own size is what LibreOffice and Word measure the grid by.
  for (const s of wChildren(root, 'style')) {
    if (wAttr(s, 'type') === 'paragraph' && ['1', 'true', 'on'].includes(wAttr(s, 'default') ?? '')) {
      const own = wChild(s, 'rPr');
      if (own) {
        setW(setChild(own, 'sz', RPR_ORDER), 'val', String(profile.body.size * 2));
        setW(setChild(own, 'szCs', RPR_ORDER), 'val', String(profile.body.size * 2));
      }
    }
  }
}

interface Footers {
  odd: string;
  even: string;
}

/** Two footer parts (odd right, even left, `— PAGE —` in 4号 宋体), their relationships and content types. */
function addFooters(pkg: DocxPackage, parts: Map<string, string>, profile: LayoutProfile): Footers {
  const spec = profile.pageNumber;
  const size = String(Math.round(spec.size * 2));
  const font = spec.fonts[0];
  const footer = (jc: 'right' | 'left') => {
    const side = jc === 'right' ? 'right' : 'left';
    const rPr = `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
    const r = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W_NS}"><w:p><w:pPr><w:jc w:val="${jc}"/><w:ind w:${side}="${Math.round(spec.size * 20)}" w:${side}Chars="100"/></w:pPr>` +
      r('<w:t xml:space="preserve">— </w:t>') +
      r('<w:fldChar w:fldCharType="begin"/>') +
      r('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
      r('<w:fldChar w:fldCharType="separate"/>') +
      r('<w:t>1</w:t>') +
      r('<w:fldChar w:fldCharType="end"/>') +
      r('<w:t xml:space="preserve"> —</w:t>') +
      `</w:p></w:ftr>`
    );
  };
  const free = (base: string) => {
    for (let i = 1; ; i++) {
      const name = `word/${base}${i}.xml`;
      if (!pkg.names.includes(name) && !parts.has(name)) return name;
    }
  };
  const odd = free('footer');
  parts.set(odd, footer('right'));
  const even = free('footer');
  parts.set(even, footer('left'));

  const relsPart = relsName(DOCUMENT_PART);
  const relsDoc = pkg.xml(relsPart);
  if (!relsDoc) throw new FormatRefused(`${relsPart} is missing`);
  const existing = relationships(relsDoc, dirOf(DOCUMENT_PART));
  const id = (n: number) => {
    for (let i = n; ; i++) if (!existing.has(`rIdRl${i}`)) return `rIdRl${i}`;
  };
  const oddId = id(1);
  existing.set(oddId, { type: FOOTER_TYPE, target: odd });
  const evenId = id(2);
  for (const [rid, target] of [
    [oddId, odd],
    [evenId, even],
  ]) {
    const rel = relsDoc.createElementNS(PKG_REL_NS, 'Relationship');
    rel.setAttribute('Id', rid);
    rel.setAttribute('Type', FOOTER_TYPE);
    rel.setAttribute('Target', target.slice('word/'.length));
    relsDoc.documentElement.appendChild(rel);
  }
  const serializer = new XMLSerializer();
  parts.set(relsPart, serializer.serializeToString(relsDoc as never));
  const types = pkg.xml('[Content_Types].xml');
  if (!types) throw new FormatRefused('[Content_Types].xml is missing');
  for (const name of [odd, even]) {
    const o = types.createElementNS(CT_NS, 'Override');
    o.setAttribute('PartName', `/${name}`);
    o.setAttribute('ContentType', FOOTER_CT);
    types.documentElement.appendChild(o);
  }
  parts.set('[Content_Types].xml', serializer.serializeToString(types as never));
  return { odd: oddId, even: evenId };
}

function formatSection(sectPr: Element, profile: LayoutProfile, footers: Footers): void {
  for (const ref of wChildren(sectPr, 'footerReference')) {
    const type = wAttr(ref, 'type') ?? 'default';
    if (type !== 'first') sectPr.removeChild(ref);
  }
  for (const [type, rid] of [
    ['even', footers.even],
    ['default', footers.odd],
  ]) {
    const ref = el(sectPr, 'footerReference');
    setW(ref, 'type', type);
    ref.setAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r:id', rid);
    sectPr.insertBefore(ref, sectPr.firstChild);
  }
  const pgSz = setChild(sectPr, 'pgSz', SECT_ORDER);
  setW(pgSz, 'w', String(mmToTwips(profile.paper.width)));
  setW(pgSz, 'h', String(mmToTwips(profile.paper.height)));
  pgSz.removeAttributeNS(W_NS, 'orient');
  const pgMar = setChild(sectPr, 'pgMar', SECT_ORDER);
  const m = profile.margins;
  setW(pgMar, 'top', String(mmToTwips(m.top)));
  setW(pgMar, 'bottom', String(mmToTwips(m.bottom)));
  setW(pgMar, 'left', String(mmToTwips(m.left)));
  setW(pgMar, 'right', String(mmToTwips(m.right)));
  if (wAttr(pgMar, 'header') === null) setW(pgMar, 'header', String(mmToTwips(15)));
  // The page number's dash line stands 7 mm below the type area (GB/T 9704 7.5).
  setW(pgMar, 'footer', String(Math.max(0, mmToTwips(m.bottom - 7) - ptToTwips(profile.pageNumber.size * 1.3))));
  if (wAttr(pgMar, 'gutter') === null) setW(pgMar, 'gutter', '0');
  const grid = setChild(sectPr, 'docGrid', SECT_ORDER);
  for (const a of Array.from(grid.attributes)) grid.removeAttributeNode(a);
  setW(grid, 'type', 'lines');
  setW(grid, 'linePitch', String(ptToTwips(profile.lineSpacing.value)));
}

function evenAndOdd(settings: Document): void {
  const root = settings.documentElement;
  const found = wChild(root, 'evenAndOddHeaders');
  if (found) {
    found.removeAttributeNS(W_NS, 'val'); // `w:val="false"` turns it off
    return;
  }
  const e = el(root, 'evenAndOddHeaders');
  let before: Node | null = null;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && SETTINGS_AFTER_EVEN_ODD.includes((c as Element).localName ?? '')) {
      before = c;
      break;
    }
  }
  root.insertBefore(e, before);
}

async function rezip(pkg: DocxPackage, parts: Map<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const names = [...pkg.names, ...[...parts.keys()].filter((n) => !pkg.names.includes(n))];
  // [Content_Types].xml first, as Word writes it.
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    const text = parts.get(name);
    zip.addBuffer(text !== undefined ? Buffer.from(text, 'utf8') : pkg.bytes(name)!, name, { mtime: new Date(0) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function el(ctx: Node, local: string): Element {
  const doc = (ctx.nodeType === 9 ? ctx : ctx.ownerDocument) as Document;
  return doc.createElementNS(W_NS, `w:${local}`);
}

function setW(e: Element, name: string, value: string): void {
  e.setAttributeNS(W_NS, `w:${name}`, value);
}

/** The `w:local` child that must come first (pPr in a paragraph, rPr in a run). */
function ensureFirst(parent: Element, local: string): Element {
  return wChild(parent, local) ?? parent.insertBefore(el(parent, local), parent.firstChild);
}

/** The `w:local` child, created in its schema place when absent. */
function setChild(parent: Element, local: string, order: string[]): Element {
  const found = wChild(parent, local);
  if (found) return found;
  const created = el(parent, local);
  const rank = order.indexOf(local);
  let before: Node | null = null;
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const r = order.indexOf((c as Element).localName ?? '');
    if (r > rank) {
      before = c;
      break;
    }
  }
  return parent.insertBefore(created, before) as Element;
}
