import { textPieces, W_NS, type TextPiece } from './visible-text.js';

/**
 * Run surgery for writers: splitting `w:r` elements at offsets of a
 * paragraph's visible text (as `textPieces` counts it), so that a comment
 * marker or a tracked change can sit exactly between two runs. A split run
 * keeps its attributes and a copy of its `w:rPr`, so the text looks the same.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Elements that may hold runs and range markers side by side (CT_P and friends). */
const RUN_CONTAINERS = new Set(['p', 'hyperlink', 'smartTag', 'customXml', 'sdtContent']);
/** Revision and field wrappers: a marker inside them would be accepted, rejected or recomputed with them. */
const WRAPPERS = new Set(['ins', 'del', 'moveTo', 'moveFrom', 'fldSimple']);

export function wElement(doc: Document, local: string, attrs: Record<string, string> = {}): Element {
  const e = doc.createElementNS(W_NS, `w:${local}`);
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W_NS, `w:${k}`, v);
  return e;
}

function isW(node: Node | null, local: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === W_NS;
}

/** The child of `ancestor` that contains `node` (or is it). */
function childOf(ancestor: Element, node: Node): Node | null {
  let n: Node | null = node;
  while (n && n.parentNode !== ancestor) n = n.parentNode;
  return n;
}

function insertAfter(node: Node, ref: Node): void {
  ref.parentNode!.insertBefore(node, ref.nextSibling);
}

/**
 * Splits runs so that each offset falls between two runs. Returns false when an
 * offset lies in text outside any run (malformed), which the caller then refuses.
 */
export function splitRunsAt(paragraph: Element, offsets: Iterable<number>): boolean {
  for (const k of [...new Set(offsets)].sort((a, b) => a - b)) {
    let pieces = textPieces(paragraph);
    const inside = pieces.find((p) => p.start < k && k < p.start + p.text.length);
    if (inside) {
      if (!isW(inside.element, 't')) return false;
      splitText(inside.element, k - inside.start);
      pieces = textPieces(paragraph);
    }
    const next = pieces.find((p) => p.start === k);
    const prev = pieces.find((p) => p.start + p.text.length === k);
    if (!next || !prev) continue; // the paragraph's start or end: nothing to split
    if (!next.run || !prev.run) return false;
    if (next.run === prev.run) {
      const child = childOf(next.run, next.element);
      if (!child) return false;
      splitRunBefore(next.run, child);
    }
  }
  return true;
}

function splitText(t: Element, at: number): void {
  const text = t.textContent ?? '';
  const second = t.cloneNode(false) as Element;
  t.textContent = text.slice(0, at);
  second.textContent = text.slice(at);
  // A split may leave a space at an edge; without this Word would drop it.
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  second.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  insertAfter(second, t);
}

function splitRunBefore(run: Element, child: Node): void {
  const second = run.cloneNode(false) as Element;
  const rPr = firstW(run, 'rPr');
  if (rPr) second.appendChild(rPr.cloneNode(true));
  for (let c: Node | null = child; c; ) {
    const next: Node | null = c.nextSibling;
    second.appendChild(c);
    c = next;
  }
  insertAfter(second, run);
}

export function firstW(parent: Element, local: string): Element | null {
  for (let c = parent.firstChild; c; c = c.nextSibling) if (isW(c, local)) return c as Element;
  return null;
}

/** Where a point in the paragraph's text lies, once runs are split there. */
export interface RunSpot {
  /** Insert before this node… */
  before?: Node;
  /** …or after this one… */
  after?: Node;
  /** …or, in a paragraph without text, at its end. */
  paragraph: Element;
}

/** The gap at offset `k`, seen from the text after it (a start) or before it (an end). */
export function spotAt(paragraph: Element, pieces: TextPiece[], k: number, side: 'start' | 'end'): RunSpot {
  const next = pieces.find((p) => p.start === k && p.run);
  const prev = [...pieces].reverse().find((p) => p.start + p.text.length === k && p.run);
  if (side === 'start' && next) return { before: next.run!, paragraph };
  if (prev) return { after: prev.run!, paragraph };
  if (next) return { before: next.run!, paragraph };
  return { paragraph };
}

export function insertAt(spot: RunSpot, node: Node): void {
  if (spot.before) spot.before.parentNode!.insertBefore(node, spot.before);
  else if (spot.after) insertAfter(node, spot.after);
  else spot.paragraph.appendChild(node);
}

/**
 * The same spot moved out of revision and field wrappers: a comment's
 * reference mark must not vanish when a tracked change is rejected.
 */
export function hoisted(spot: RunSpot): RunSpot {
  let node = spot.before ?? spot.after;
  if (!node) return spot;
  let moved = false;
  while (node.parentNode && node.parentNode.nodeType === 1 && WRAPPERS.has((node.parentNode as Element).localName)) {
    node = node.parentNode;
    moved = true;
  }
  if (!moved) return spot;
  return spot.before ? { before: node, paragraph: spot.paragraph } : { after: node, paragraph: spot.paragraph };
}

/**
 * The same spot moved out of wrappers it stands at the edge of: a range that
 * starts at an insertion's first run starts before the insertion, so that
 * accepting or rejecting it leaves the comment's range whole.
 */
export function atWrapperEdge(spot: RunSpot): RunSpot {
  let node = spot.before ?? spot.after;
  if (!node) return spot;
  const sibling = (n: Node) => (spot.before ? n.previousSibling : n.nextSibling);
  const atEdge = (n: Node) => {
    for (let s = sibling(n); s; s = sibling(s)) if (s.nodeType === 1) return false;
    return true;
  };
  while (node.parentNode && node.parentNode.nodeType === 1 && WRAPPERS.has((node.parentNode as Element).localName) && atEdge(node)) {
    node = node.parentNode;
  }
  return spot.before ? { before: node, paragraph: spot.paragraph } : { after: node, paragraph: spot.paragraph };
}

/** Runs in a complex field (between `begin` and `end`): editing them would desynchronise the field. */
export function runsInFields(paragraph: Element): Set<Element> {
  const out = new Set<Element>();
  let depth = 0;
  const runs = paragraph.getElementsByTagNameNS(W_NS, 'r');
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const before = depth;
    for (let c = run.firstChild; c; c = c.nextSibling) {
      if (!isW(c, 'fldChar')) continue;
      const type = (c as Element).getAttributeNS(W_NS, 'fldCharType');
      if (type === 'begin') depth++;
      else if (type === 'end') depth = Math.max(0, depth - 1);
    }
    if (before > 0 || depth > 0) out.add(run);
  }
  return out;
}

/** Children a run may have for a tracked change to delete it whole without losing anything but text. */
const PLAIN_RUN_CHILDREN = new Set(['rPr', 't', 'tab', 'noBreakHyphen', 'softHyphen', 'lastRenderedPageBreak']);

/** A run that holds only text and sits directly in a paragraph-like container, outside fields. */
export function isPlainRun(run: Element, inFields: Set<Element>): boolean {
  if (inFields.has(run)) return false;
  const parent = run.parentNode as Element | null;
  if (!parent || parent.namespaceURI !== W_NS || !RUN_CONTAINERS.has(parent.localName)) return false;
  for (let c = run.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (e.namespaceURI !== W_NS || !PLAIN_RUN_CHILDREN.has(e.localName)) return false;
  }
  return true;
}

/** Text as run content: `w:t` pieces, with a `w:tab` for each tab. */
export function appendRunText(doc: Document, run: Element, text: string, element: 't' | 'delText' = 't'): void {
  // Control characters are not allowed in XML 1.0; a message quoting odd input must not break the part.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  for (const part of clean.split(/(\t)/)) {
    if (!part) continue;
    if (part === '\t') {
      run.appendChild(wElement(doc, 'tab'));
      continue;
    }
    const t = wElement(doc, element);
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.textContent = part;
    run.appendChild(t);
  }
}

/** Turns a run's `w:t` into `w:delText`, as Word writes deleted text. */
export function markRunDeleted(doc: Document, run: Element): void {
  for (let c = run.firstChild; c; ) {
    const next = c.nextSibling;
    if (isW(c, 't')) {
      const d = wElement(doc, 'delText');
      d.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      d.textContent = c.textContent;
      run.replaceChild(d, c);
    }
    c = next;
  }
}
