/**
 * The text layer of a PDF, as report text: pdf.js (legacy build, which runs on
 * Node 20) gives positioned text items; they are grouped into visual lines,
 * and lines into paragraphs. A Chinese report's paragraph starts with a
 * first-line indent and its lines run to the right margin, so a line that
 * reaches the margin continues into the next one unless that one is indented
 * or is a new numbered item. pdf.js is large: it is imported only when a PDF
 * is read.
 */

export class PdfError extends Error {
  constructor(
    message: string,
    readonly reason: 'no-text' | 'unreadable',
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

interface VisualLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

const MAX_PAGES = 2000;

export async function readPdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: { numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>; destroy(): Promise<void> };
  try {
    doc = (await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise) as unknown as typeof doc;
  } catch (e) {
    throw new PdfError((e as Error).name === 'PasswordException' ? 'encrypted' : ((e as Error).message || 'unreadable').slice(0, 120), 'unreadable');
  }
  try {
    const paragraphs: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      paragraphs.push(...joinLines(visualLines(content.items as TextItemLike[])));
      page.cleanup();
    }
    const text = paragraphs.join('\n');
    if (!text.replace(/\s/g, '')) throw new PdfError('no text layer', 'no-text');
    return text + '\n';
  } finally {
    await doc.destroy();
  }
}

function visualLines(items: TextItemLike[]): VisualLine[] {
  const lines: VisualLine[] = [];
  let current: VisualLine | null = null;
  let pendingSpace = false;
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.transform) continue;
    const x = item.transform[4];
    const y = item.transform[5];
    const size = Math.abs(item.height) || Math.abs(item.transform[3]) || 10;
    if (!item.str.trim()) {
      // pdf.js stands in a space for a gap; the gap itself says more (a word space or a table column).
      pendingSpace = true;
    } else if (current && Math.abs(current.y - y) <= size * 0.5 && x >= current.right - size) {
      // Same line: a gap of two characters or more separates table cells (a tab); a smaller one, words.
      const gap = x - current.right;
      if (gap > size * 1.5) current.text = current.text.trimEnd() + '\t';
      else if (pendingSpace || gap > size * 0.8) current.text += ' ';
      current.text += item.str;
      current.right = Math.max(current.right, x + item.width);
      current.size = Math.max(current.size, size);
      pendingSpace = false;
    } else {
      if (current) lines.push(current);
      current = { text: item.str, x, right: x + item.width, y, size };
      pendingSpace = false;
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
      pendingSpace = false;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text);
}

/** A TOC entry: dot leaders and a page number. It ends its line however far it reaches. */
const TOC_ENTRY = /(?:[.…·]{3,}|\s)\s*\d{1,4}$/;
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
/** Spacing a layout puts between Chinese and Latin text, or that pdf.js infers from gaps, is not in the writer's text. */
const CJK_SPACE = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'gu');

const LIST_GAP = /^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,3}[.．、])\t/;

const NEW_ITEM = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+[.．、](?![0-9])|第[一二三四五六七八九十]+[章节条部分])/;

/** Lines of one page joined into paragraphs. */
function joinLines(lines: VisualLine[]): string[] {
  if (!lines.length) return [];
  // A footnote reference is a superscript digit on a line of its own: not text of its own.
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const median = sizes[sizes.length >> 1];
  lines = lines.filter((l) => !(/^\d{1,3}$/.test(l.text) && l.size < median * 0.8));
  if (!lines.length) return [];
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const out: string[] = [];
  let prev: VisualLine | null = null;
  for (const line of lines) {
    const full = prev !== null && prev.right >= right - prev.size * 1.5 && prev.x < right - prev.size * 10;
    const flushLeft = line.x <= left + line.size * 0.5;
    const sameSize = prev !== null && Math.abs(prev.size - line.size) < 0.5;
    // The gap Word leaves after a list number is layout, not a table column.
    const text = line.text.replace(CJK_SPACE, '').replace(LIST_GAP, '$1');
    if (prev && full && flushLeft && sameSize && !NEW_ITEM.test(text) && !TOC_ENTRY.test(prev.text)) {
      const last = out[out.length - 1];
      // Latin words wrapped across lines keep a space between them.
      out[out.length - 1] = last + (/[A-Za-z0-9]$/.test(last) && /^[A-Za-z0-9]/.test(text) ? ' ' : '') + text;
    } else out.push(text);
    prev = line;
  }
  return out;
}
