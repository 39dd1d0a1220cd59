import path from 'node:path';
import type { LineHint } from '../model/hints.js';
import { Numbering } from './numbering.js';
import { openPackage, PackageError, type DocxPackage } from './package.js';
import { numPr, Styles, wAttr, wChild, wVal } from './styles.js';
import { textPieces, visibleText, W_NS, wordParagraphs } from './visible-text.js';

/**
 * A Word document as Word shows it, for the report model: one line per
 * paragraph (the body in document order, table cells in place; then
 * footnotes, endnotes, headers and footers), each line the paragraph's
 * visible text with the number Word draws in front of it, and a hint saying
 * what Word knows of the line (style, table cell, list, part, paragraph number).
 */
export interface DocxText {
  /** Paragraphs joined with `\n`. */
  text: string;
  /** 1-based line → what Word knows of it. */
  hints: Map<number, LineHint>;
}

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
/** Fields whose result is a list of the document's own headings or entries, not body text. */
const TOC_FIELD = /^\s*(?:TOC|INDEX|TOA)\b/i;
const CAPTION_FIELD = /^\s*SEQ\b/i;

function isW(node: Node | null, local: string): boolean {
  return !!node && node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === W_NS;
}

function elementsByW(root: Node, local: string): Element[] {
  const list = (root as Element | Document).getElementsByTagNameNS(W_NS, local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i] as Element);
  return out;
}

/** Targets of the main part's relationships, by type (`header`, `footnotes` …), as part names. */
function relationships(pkg: DocxPackage): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rels = pkg.xml('word/_rels/document.xml.rels');
  if (!rels) return out;
  const list = rels.getElementsByTagName('Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as Element;
    const type = r.getAttribute('Type') ?? '';
    const target = r.getAttribute('Target') ?? '';
    if (!type.startsWith(REL_TYPE) || r.getAttribute('TargetMode') === 'External' || !target) continue;
    const name = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join('word', target));
    const key = type.slice(REL_TYPE.length);
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(name);
  }
  return out;
}

class Lines {
  readonly lines: string[] = [];
  readonly hints = new Map<number, LineHint>();

  add(text: string, hint: LineHint): void {
    // A stray line break inside a w:t would split the paragraph; one character for one keeps offsets.
    this.lines.push(text.replace(/[\r\n\u2028\u2029]/g, ' '));
    this.hints.set(this.lines.length, hint);
  }
}

/** Where a body paragraph stands: in a table cell, a text box, a TOC content control. */
interface Place {
  /** Innermost table, row, cell. */
  table: Element | null;
  row: Element | null;
  cell: Element | null;
  /** Outermost table: the unit a Word user counts as one paragraph. */
  outerTable: Element | null;
  tocControl: boolean;
}

function placeOf(p: Element): Place {
  const place: Place = { table: null, row: null, cell: null, outerTable: null, tocControl: false };
  for (let n = p.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    const e = n as Element;
    if (e.namespaceURI !== W_NS) continue;
    if (e.localName === 'tc' && !place.cell) place.cell = e;
    else if (e.localName === 'tr' && !place.row) place.row = e;
    else if (e.localName === 'tbl') {
      if (!place.table) place.table = e;
      place.outerTable = e;
    } else if (e.localName === 'sdt') {
      const gallery = wVal(wChild(wChild(e, 'sdtPr'), 'docPartObj'), 'docPartGallery');
      if (gallery && /table of contents/i.test(gallery)) place.tocControl = true;
    }
  }
  return place;
}

/** Position of `e` among its element siblings of the same name. */
function siblingIndex(e: Element): number {
  let i = 0;
  for (let s = e.previousSibling; s; s = s.previousSibling) if (isW(s, e.localName)) i++;
  return i;
}

/**
 * Complex fields span paragraphs (a TOC's result is many paragraphs). Walks a
 * paragraph's field characters and text in order, with the field stack carried
 * over from the paragraphs before, and says whether any visible text lies in
 * the result of a TOC-like field, and whether the paragraph holds a SEQ field
 * (a caption's number).
 */
class FieldTracker {
  private stack: { instr: string; result: boolean }[] = [];

  scan(p: Element): { toc: boolean; seq: boolean } {
    let toc = this.stack.some((f) => f.result && TOC_FIELD.test(f.instr));
    const atStart = toc;
    let sawText = false;
    let seq = false;
    const walk: Node[] = [p];
    while (walk.length) {
      const node = walk.pop()!;
      if (node.nodeType !== 1) continue;
      const e = node as Element;
      if (e.namespaceURI === W_NS) {
        const name = e.localName;
        if (name === 'del' || name === 'moveFrom' || name === 'txbxContent' || name === 'pPr' || name === 'rPr') continue;
        if (name === 'fldChar') {
          const type = wAttr(e, 'fldCharType');
          if (type === 'begin') this.stack.push({ instr: '', result: false });
          else if (type === 'separate' && this.stack.length) this.stack[this.stack.length - 1].result = true;
          else if (type === 'end') this.stack.pop();
          continue;
        }
        if (name === 'instrText') {
          const top = this.stack[this.stack.length - 1];
          if (top && !top.result) top.instr += e.textContent ?? '';
          if (CAPTION_FIELD.test(top?.instr ?? '')) seq = true;
          continue;
        }
        if (name === 'fldSimple') {
          const instr = wAttr(e, 'instr') ?? '';
          if (CAPTION_FIELD.test(instr)) seq = true;
          if (TOC_FIELD.test(instr)) toc = true;
        }
        if (name === 't' && (e.textContent ?? '').trim()) {
          sawText = true;
          if (this.stack.some((f) => f.result && TOC_FIELD.test(f.instr))) toc = true;
          continue;
        }
      }
      for (let c = e.lastChild; c; c = c.previousSibling) walk.push(c);
    }
    // A paragraph with no text inside a TOC (its blank end) belongs to it too.
    if (!sawText && atStart) toc = true;
    // Bound the stack: a damaged file may open fields it never closes.
    if (this.stack.length > 64) this.stack = this.stack.slice(-64);
    return { toc, seq };
  }
}

export interface ReadDocxOptions {
  /** The package was written by LibreOffice converting another format: read its lists as LibreOffice shows them. */
  converted?: boolean;
}

export async function readDocx(buffer: Buffer, options: ReadDocxOptions = {}): Promise<DocxText> {
  const pkg = await openPackage(buffer);
  const document = pkg.xml('word/document.xml');
  if (!document) throw new PackageError('no word/document.xml', 'missing-part');
  const body = elementsByW(document, 'body')[0];
  if (!body) throw new PackageError('word/document.xml has no body', 'bad-xml');
  const rels = relationships(pkg);
  const first = (type: string, fallback: string) => rels.get(type)?.[0] ?? fallback;
  const styles = new Styles(pkg.xml(first('styles', 'word/styles.xml')));
  const numbering = new Numbering(pkg.xml(first('numbering', 'word/numbering.xml')), options.converted === true);
  numbering.resolveStyleLinks((id) => styles.numIdOf(id));

  const out = new Lines();
  const noteOrdinal = new Map<string, number>();
  readBody(document, styles, numbering, out, noteOrdinal);

  for (const [type, role, element] of [
    ['footnotes', 'footnote', 'footnote'],
    ['endnotes', 'endnote', 'endnote'],
  ] as const) {
    const part = first(type, `word/${type}.xml`);
    const root = pkg.xml(part);
    if (!root) continue;
    const index = indexOf(root);
    for (const note of elementsByW(root, element)) {
      const kind = wAttr(note, 'type');
      if (kind && kind !== 'normal') continue; // separators
      const ordinal = noteOrdinal.get(`${role}:${wAttr(note, 'id')}`);
      for (const p of wordParagraphs(note)) {
        const hint: LineHint = { role, source: { part, index: index.get(p)!, prefix: 0 } };
        if (ordinal !== undefined) hint.ordinal = ordinal;
        out.add(visibleText(p), hint);
      }
    }
  }
  for (const [type, role] of [
    ['header', 'header'],
    ['footer', 'footer'],
  ] as const) {
    for (const part of [...new Set(rels.get(type) ?? [])].sort(naturalOrder)) {
      const root = pkg.xml(part);
      if (!root) continue;
      wordParagraphs(root).forEach((p, i) => out.add(visibleText(p), { role, source: { part, index: i, prefix: 0 } }));
    }
  }
  return { text: out.lines.join('\n') + '\n', hints: out.hints };
}

/** Whether `e` lies in a content control that shows its placeholder prompt (`w:showingPlcHdr`). */
function inPlaceholder(e: Element): boolean {
  for (let n = e.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    const el = n as Element;
    if (isW(el, 'sdt') && wChild(wChild(el, 'sdtPr'), 'showingPlcHdr')) return true;
    if (isW(el, 'body') || isW(el, 'txbxContent')) return false;
  }
  return false;
}

/** The ranges of a paragraph's text (after `offset` generated characters) that are content-control prompts. */
function placeholderRanges(p: Element, offset: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const piece of textPieces(p)) {
    if (!inPlaceholder(piece.element)) continue;
    const start = offset + piece.start;
    const end = start + piece.text.length;
    const last = out[out.length - 1];
    if (last && last.end === start) last.end = end;
    else out.push({ start, end });
  }
  return out;
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function indexOf(root: Node): Map<Element, number> {
  const m = new Map<Element, number>();
  wordParagraphs(root).forEach((p, i) => m.set(p, i));
  return m;
}

function readBody(document: Document, styles: Styles, numbering: Numbering, out: Lines, noteOrdinal: Map<string, number>): void {
  const part = 'word/document.xml';
  const tables = new Map<Element, number>();
  elementsByW(document, 'tbl').forEach((t, i) => tables.set(t, i));
  const fields = new FieldTracker();
  const tableOrdinal = new Map<Element, number>();
  let ordinal = 0;

  wordParagraphs(document).forEach((p, index) => {
    const pPr = wChild(p, 'pPr');
    const styleId = styles.styleOf(pPr);
    const place = placeOf(p);
    const { toc, seq } = fields.scan(p);
    const text = visibleText(p);

    const hint: LineHint = { source: { part, index, prefix: 0 } };
    let marker = '';
    const own = numPr(pPr);
    const fromStyle = own ? null : styles.numbering(styleId);
    const numId = own ? own.numId : (fromStyle?.numId ?? null);
    if (numId && numId !== '0') {
      const level = own?.ilvl ?? fromStyle?.ilvl ?? (styleId ? numbering.levelForStyle(numId, styleId) : null) ?? 0;
      const drawn = numbering.next(numId, level);
      // Word draws a number even on an empty paragraph; it counts, but an empty line stays empty here.
      if (drawn?.marker && text.trim()) {
        marker = drawn.marker;
        hint.numbering = { marker: drawn.marker, level: drawn.level };
        hint.source!.prefix = marker.length;
      }
    }
    const line = marker + text;
    const blanks = placeholderRanges(p, marker.length);
    if (blanks.length) hint.blanks = blanks;

    if (place.cell && place.table) {
      hint.role = 'table-cell';
      hint.cell = { table: tables.get(place.table)!, row: place.row ? siblingIndex(place.row) : 0, column: siblingIndex(place.cell) };
    } else if (toc || place.tocControl || styles.isToc(styleId)) {
      hint.role = 'toc';
    } else if (seq || styles.isCaption(styleId)) {
      hint.role = 'caption';
    } else {
      const depth = styles.headingDepth(styleId, pPr && wVal(pPr, 'outlineLvl') !== null ? Number(wVal(pPr, 'outlineLvl')) : null);
      if (depth) hint.headingDepth = depth;
    }

    // The paragraph number a Word user counts: non-empty paragraphs, a whole table as one.
    if (place.outerTable) {
      let n = tableOrdinal.get(place.outerTable);
      if (n === undefined) tableOrdinal.set(place.outerTable, (n = ++ordinal));
      hint.ordinal = n;
    } else if (line.trim()) {
      hint.ordinal = ++ordinal;
    }
    if (hint.ordinal !== undefined) {
      for (const ref of elementsByW(p, 'footnoteReference')) noteOrdinal.set(`footnote:${wAttr(ref, 'id')}`, hint.ordinal);
      for (const ref of elementsByW(p, 'endnoteReference')) noteOrdinal.set(`endnote:${wAttr(ref, 'id')}`, hint.ordinal);
    }
    out.add(line, hint);
  });
}
