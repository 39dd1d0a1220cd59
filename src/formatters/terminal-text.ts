import stringWidth from 'string-width';

/**
 * Text for a terminal: characters that would act on it instead of showing
 * (ESC and the other C0/C1 controls, DEL, and the bidi controls that reorder a
 * line, as in "Trojan Source") are shown as `\x1b`, `\u202e`… File names and
 * report text reach stylish, summary and github output through this.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `keepNewlines`: CR and LF stay (for a format that escapes them its own way). */
export function visible(text: string, { keepNewlines = false } = {}): string {
  const out = text.replace(keepNewlines ? CONTROL_BUT_LINE_BREAKS : CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return keepNewlines ? out : out.replace(/\n/g, '\\n');
}

/** At most this many characters of one message are printed (and so measured); the JSON output has them all. */
export const MAX_PRINTED_CHARS = 400;

/** Cuts a text to `max` code points with “…”, before anything measures it. */
export function clipChars(text: string, max = MAX_PRINTED_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

// Made on first use: creating a segmenter loads ICU's break data (tens of milliseconds), and a clean run measures nothing.
let segmenter: Intl.Segmenter | undefined;

/** Terminal columns of a text (a CJK character takes two). */
export function width(text: string): number {
  // Report text is mostly ASCII, Han and CJK punctuation: counted here, as string-width counts them,
  // without its grapheme segmenter (whose first use costs a short run tens of milliseconds).
  let columns = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) columns += 1;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) columns += 2;
    else if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0x2014 || c === 0xb7) columns += 1;
    else return stringWidth(text);
  }
  return columns;
}

/** Pads to a display width. */
export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

const CLOSING = /^[，。、；：！？”’）》〉」』】…]$/u;
const ASCII = /^[\x21-\x7e]$/;

/**
 * Breaks a text into lines of at most `columns` display columns, between
 * grapheme clusters: a run of ASCII (a word, a number, a file name) is not
 * split when it can move to the next line whole, and closing punctuation never
 * starts a line (it takes the character before it along).
 */
export function wrap(text: string, columns: number): string[] {
  if (columns < 1 || width(text) <= columns) return [text];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const { segment } of (segmenter ??= new Intl.Segmenter()).segment(text)) {
    const w = width(segment);
    if (lineWidth + w > columns && line !== '') {
      if (segment === ' ') {
        lines.push(line);
        line = '';
        lineWidth = 0;
        continue;
      }
      // Where to cut the line: before the ASCII run the segment continues, or before the
      // character (and closing punctuation) that closing punctuation must stay with.
      const chars = Array.from(line);
      let cut = chars.length;
      if (ASCII.test(segment)) {
        let k = cut;
        while (k > 0 && ASCII.test(chars[k - 1])) k--;
        if (k > 0) cut = k;
      } else if (CLOSING.test(segment)) {
        let k = cut - 1;
        while (k > 0 && CLOSING.test(chars[k])) k--;
        if (k > 0) cut = k;
      }
      lines.push(chars.slice(0, cut).join('').trimEnd());
      line = chars.slice(cut).join('');
      lineWidth = width(line);
    }
    line += segment;
    lineWidth += w;
  }
  if (line) lines.push(line);
  return lines;
}
