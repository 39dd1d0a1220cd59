/**
 * Sentences and clauses of a paragraph's text, and the bracketed or quoted
 * stretches inside it. Content rules read a report sentence by sentence; all
 * functions here are single linear passes and return index ranges into the
 * text, so a match can still be turned into a source span.
 */

/** A half-open range [start, end) of indexes into a text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * A sentence end (GB/T 15834: 句号、问号、叹号, and the 分号 that closes a coordinate
 * sentence), with any further marks and the closing quotes or brackets that stay with it: 。” ？）
 */
const SENTENCE_END = /[。！？；!?;][。！？；!?;”’）》」』】〕〉)"']*/g;
/** Marks that end a clause inside a sentence (逗号、冒号), or the sentence itself. */
const CLAUSE_END = /[，：,:。！？；!?;]/g;

/**
 * The sentences of text[from, to): each runs up to and including its
 * sentence-final mark (。！？；) and any closing quotes or brackets after it.
 * Leading whitespace is skipped; a trailing piece without a final mark is a sentence too.
 */
export function sentences(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  let start = skipSpace(text, from, to);
  SENTENCE_END.lastIndex = start;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < to; m = SENTENCE_END.exec(text)) {
    const end = Math.min(to, m.index + m[0].length);
    out.push({ start, end });
    start = skipSpace(text, end, to);
    SENTENCE_END.lastIndex = start;
  }
  if (start < to && hasContent(text, start, to)) out.push({ start, end: to });
  return out;
}

/** The clauses of a sentence: split at ， and ：; each clause excludes the mark that ends it. */
export function clauses(text: string, sentence: Range): Range[] {
  const out: Range[] = [];
  let start = sentence.start;
  CLAUSE_END.lastIndex = start;
  for (let m = CLAUSE_END.exec(text); m !== null && m.index < sentence.end; m = CLAUSE_END.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + 1;
  }
  if (start < sentence.end) out.push({ start, end: sentence.end });
  return out;
}

/**
 * The stretches between an opening and a closing mark, marks included, e.g.
 * every 《…》 or “…”. Nested pairs count once (the outermost); an opening mark
 * that is never closed runs to the end of the text.
 */
export function enclosed(text: string, open: string, close: string): Range[] {
  const out: Range[] = [];
  // Most paragraphs quote nothing: no scan at all.
  const first = text.indexOf(open);
  if (first === -1) return out;
  const o = open.charCodeAt(0);
  const cl = close.charCodeAt(0);
  let depth = 0;
  let start = 0;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === o) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === cl && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1 });
    }
  }
  if (depth > 0) out.push({ start, end: text.length });
  return out;
}

/** A copy of `text` with each range overwritten by `fill` (one character per character): indexes stay valid. */
export function masked(text: string, ranges: readonly Range[], fill = '\u3000'): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.end <= at) continue;
    const from = Math.max(r.start, at);
    out += text.slice(at, from) + fill.repeat(r.end - from);
    at = r.end;
  }
  return out + text.slice(at);
}

function hasContent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/u.test(text[i])) return true;
  return false;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && (text[i] === ' ' || text[i] === '\u3000' || text[i] === '\t' || text[i] === '\n')) i++;
  return i;
}
