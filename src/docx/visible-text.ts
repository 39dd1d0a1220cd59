/**
 * The one definition of "a Word paragraph's text", shared by the reader (what
 * rules see) and the writers (where a comment or a tracked change is
 * anchored). Both must agree to the character, so both walk the XML here.
 *
 * - Paragraphs are the `w:p` elements of a part in document order (depth
 *   first), tables and content controls included. A paragraph inside a text
 *   box is a paragraph of its own; its text does not count for its host.
 * - Text is `w:t` (and `w:tab` as a tab, `w:noBreakHyphen` as `-`). Breaks,
 *   soft hyphens, symbols and note references add nothing.
 * - Deleted text (`w:del`, `w:delText`, `w:moveFrom`) is not text; inserted
 *   text is. A complex field shows its result, not its instruction
 *   (`w:instrText`, and everything between `begin` and `separate`).
 */

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A piece of a paragraph's text: a `w:t` text, or a one-character stand-in (tab, hyphen). */
export interface TextPiece {
  /** The element that carries the text (`w:t`, `w:tab`, `w:noBreakHyphen`). */
  element: Element;
  /** The run (`w:r`) the piece belongs to. */
  run: Element | null;
  text: string;
  /** Offset of the piece in the paragraph's visible text. */
  start: number;
}

const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'txbxContent', 'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'Fallback']);

function isW(node: Node, local: string): boolean {
  return node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === W_NS;
}

function elementChildren(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** Every `w:p` below `root`, in document order. Iterative: hostile documents nest tables deeply. */
export function wordParagraphs(root: Node): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isW(node, 'p')) out.push(node as Element);
    // mc:AlternateContent repeats its content in a fallback; read the choice only.
    const kids = elementChildren(node).filter((k) => k.localName !== 'Fallback');
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** The visible pieces of one paragraph, in order, with their offsets. */
export function textPieces(paragraph: Element): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  // Field state: a stack, since fields nest; true while inside an instruction.
  const fields: boolean[] = [];
  const stack: Array<{ node: Element; run: Element | null }> = [];
  const kids = elementChildren(paragraph);
  for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], run: null });
  while (stack.length) {
    const { node, run } = stack.pop()!;
    if (node.namespaceURI === W_NS || node.localName === 'Fallback') {
      const name = node.localName;
      if (SKIPPED.has(name)) continue;
      if (name === 'p') continue; // a nested paragraph (text box) is its own
      if (name === 'fldChar') {
        const type = node.getAttributeNS(W_NS, 'fldCharType') || node.getAttribute('w:fldCharType');
        if (type === 'begin') fields.push(true);
        else if (type === 'separate' && fields.length) fields[fields.length - 1] = false;
        else if (type === 'end') fields.pop();
        continue;
      }
      const inInstruction = fields.some((f) => f);
      if (name === 't') {
        if (!inInstruction) {
          const text = node.textContent ?? '';
          if (text) pieces.push({ element: node, run, text, start: offset });
          offset += text.length;
        }
        continue;
      }
      if (name === 'tab' && run) {
        if (!inInstruction) pieces.push({ element: node, run, text: '\t', start: offset++ });
        continue;
      }
      if (name === 'noBreakHyphen') {
        if (!inInstruction) pieces.push({ element: node, run, text: '-', start: offset++ });
        continue;
      }
    }
    const nextRun = isW(node, 'r') ? node : run;
    const children = elementChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], run: nextRun });
  }
  return pieces;
}

/** A paragraph's visible text, as rules see it (before any generated numbering). */
export function visibleText(paragraph: Element): string {
  let s = '';
  for (const p of textPieces(paragraph)) s += p.text;
  return s;
}
