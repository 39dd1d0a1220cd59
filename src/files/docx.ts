import mammoth from 'mammoth';
import type { LineHint } from '../model/hints.js';
import { markerText, matchMarker, type MarkerFamily } from '../model/markers.js';

/**
 * A Word document as the report model needs it: one line per paragraph (so a
 * finding's line is the paragraph number), with Word heading styles and
 * automatic numbering made explicit. mammoth reads the .docx; only the walk
 * over its document tree is ours.
 */
export interface DocxText {
  /** Paragraphs joined with `\n`; numbering that Word generates is written out (一、 （一） 1. （1）). */
  text: string;
  /** 1-based line → what Word knows of it (heading style depth, …). */
  hints: Map<number, LineHint>;
}

interface Element {
  type: string;
  value?: string;
  children?: Element[];
  styleName?: string | null;
  styleId?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
}

const FAMILY_BY_LEVEL: MarkerFamily[] = ['cn', 'cn-paren', 'arabic', 'arabic-paren'];

export async function readDocx(buffer: Buffer): Promise<DocxText> {
  let root: Element | undefined;
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: unknown) => {
        root = document as Element;
        return document;
      },
    },
  );
  if (!root) throw new Error('no document body');

  const lines: string[] = [];
  const hints = new Map<number, LineHint>();
  const counters = [0, 0, 0, 0];
  for (const paragraph of paragraphsOf(root)) {
    let text = textOf(paragraph).replace(/[\r\n]+/g, '').trim();
    const depth = headingDepth(paragraph);
    const numbering = paragraph.numbering;
    if (numbering?.isOrdered && text) {
      const level = Math.min(Number(numbering.level) || 0, FAMILY_BY_LEVEL.length - 1);
      counters[level]++;
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
      // Word draws the number; the text has none unless the writer typed it.
      if (!matchMarker(text)) text = markerText(FAMILY_BY_LEVEL[level], counters[level]) + text;
    }
    lines.push(text);
    if (depth && text) hints.set(lines.length, { headingDepth: depth });
  }
  return { text: lines.join('\n') + '\n', hints };
}

function* paragraphsOf(element: Element): Generator<Element> {
  // Iterative: a hostile document may nest tables deeply.
  const stack: Element[] = [element];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.type === 'paragraph') {
      yield e;
      continue;
    }
    if (e.children) for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
}

function textOf(paragraph: Element): string {
  let out = '';
  const stack: Element[] = [paragraph];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.type === 'text') out += e.value ?? '';
    else if (e.type === 'tab') out += '\t';
    if (e.children) for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return out;
}

/** `Heading 2`, `heading 2`, `标题 2` → 2; `Title` → 1. */
function headingDepth(paragraph: Element): number | null {
  const name = `${paragraph.styleName ?? ''} ${paragraph.styleId ?? ''}`;
  const m = /(?:heading|标题)\s*(\d)/i.exec(name);
  if (m) return Number(m[1]);
  return /\btitle\b/i.test(name) ? 1 : null;
}
