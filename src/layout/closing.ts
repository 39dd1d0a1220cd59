import { bodyWidthPt, charPitchPt } from './metrics.js';
import type { LayoutProfile } from './profile.js';
import type { DocumentLayout, ParagraphLayout } from './types.js';
import { twipsToPt } from './units.js';

/**
 * Where a one-line paragraph stands on its line, in characters: how far its
 * first character is from the left margin and its last from the right. Word
 * users place the signature and the date in several correct ways (right
 * alignment with a right indent in characters or twips, trailing full-width
 * spaces, a left indent or leading spaces, centring); all are measured here.
 */
export interface Placement {
  /** Characters from the left margin to the first character. */
  start: number;
  /** Characters the text takes: a Chinese or full-width character 1, a half-width one ½. */
  width: number;
  /** Characters from the last character to the right margin. */
  right: number;
  /** False when the offset depends on estimated glyph widths (not right-aligned): judged with half a character more slack. */
  exact: boolean;
}

const FULL_WIDTH = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000]|[\ud840-\ud8bf][\udc00-\udfff]/u;

export function textWidth(text: string): number {
  let n = 0;
  for (const c of text) n += FULL_WIDTH.test(c) ? 1 : 0.5;
  return n;
}

/** Spaces typed at one end, in characters: a full-width space is one, a half-width space half, a tab two. */
function spaces(run: string, halfWidth = true): number {
  let n = 0;
  for (const c of run) n += c === '\u3000' ? 1 : c === '\t' ? 2 : halfWidth ? 0.5 : 0;
  return n;
}

/**
 * The character advance of the paragraph's text, points: its first visible run's size and spacing, or
 * the character grid's pitch. A size off the profile's is layout-fonts' finding: the place is then
 * judged at the profile's size, as it will stand once the size is put right.
 */
export function advancePt(layout: DocumentLayout, p: ParagraphLayout, size?: { value: number; tolerance: number }): number {
  const run = p.runs.find((r) => p.text.slice(r.start, r.end).trim()) ?? p.base;
  const actual = run.halfPoints / 2;
  const own = (size && Math.abs(actual - size.value) > size.tolerance ? size.value : actual) + run.spacing / 20;
  const section = layout.sections[p.section];
  return section ? charPitchPt(layout, section, own) : own;
}

export function placement(layout: DocumentLayout, p: ParagraphLayout, size?: { value: number; tolerance: number }): Placement | null {
  const section = layout.sections[p.section];
  const widthPt = section ? bodyWidthPt(section) : null;
  if (widthPt === null) return null;
  const unit = advancePt(layout, p, size);
  const chars = (hundredths: number | null, twips: number) => (hundredths !== null ? hundredths / 100 : twipsToPt(twips) / unit);
  const line = widthPt / unit;
  const left = chars(p.indent.leftChars, p.indent.left);
  const right = chars(p.indent.rightChars, p.indent.right);
  const first = chars(p.indent.firstLineChars, p.indent.firstLine);
  const lead = /^[ \u3000\t]*/.exec(p.text)![0];
  const trail = /[ \u3000\t]*$/.exec(p.text.slice(lead.length))![0];
  const width = textWidth(p.text.slice(lead.length, p.text.length - trail.length));
  if (p.align === 'right') {
    // Word hangs trailing half-width spaces past the margin; full-width ones take their place.
    const r = right + spaces(trail, false);
    return { start: line - r - width, width, right: r, exact: true };
  }
  if (p.align === 'center') {
    const whole = spaces(lead) + width + spaces(trail);
    const start = left + first + (line - left - first - right - whole) / 2 + spaces(lead);
    return { start, width, right: line - start - width, exact: false };
  }
  const start = left + first + spaces(lead);
  return { start, width, right: line - start - width, exact: false };
}

export type ClosingVerdict = { what: 'signature' | 'date'; expected: number; found: number }[];

/**
 * GB/T 9704 7.3.5 for the last signature line and the date below it. Accepted:
 * - 7.3.5.2 (no seal): the date's first character two to the right of the signature's, with the
 *   signature two characters in from the right margin, or, when the date is the longer, the date;
 * - 7.3.5.1 (seal): the date four characters in, the signature centred over it;
 * - the common practice both follow: signature two characters in, date four (`layout.closing`).
 * Otherwise each line that is not at its `layout.closing` offset is named.
 */
export function judgeClosing(sig: Placement | null, date: Placement | null, profile: LayoutProfile): ClosingVerdict {
  const { signature: sigRight, date: dateRight, tolerance } = profile.closing;
  const near = (p: Placement, value: number, found: number) => Math.abs(found - value) <= tolerance + (p.exact ? 0 : 0.5);
  const out: ClosingVerdict = [];
  if (sig && date) {
    const both = (x: number) => Math.abs(x) <= tolerance + (sig.exact && date.exact ? 0 : 0.5);
    const sigOk = near(sig, sigRight, sig.right);
    const dateOk = near(date, dateRight, date.right);
    // Shifted two right, the date must still end two characters in; a longer date ends there and moves the signature left.
    const shifted = both(date.start - sig.start - 2) && ((near(sig, 2, sig.right) && date.right >= 2 - tolerance) || near(date, 2, date.right));
    const centred = dateOk && both(sig.start + sig.width / 2 - (date.start + date.width / 2));
    if ((sigOk && dateOk) || shifted || centred) return out;
    if (!sigOk) out.push({ what: 'signature', expected: sigRight, found: sig.right });
    if (!dateOk) out.push({ what: 'date', expected: dateRight, found: date.right });
    return out;
  }
  if (sig && !near(sig, sigRight, sig.right)) out.push({ what: 'signature', expected: sigRight, found: sig.right });
  // A date alone: four characters in, or two when it stands under a longer line it was shifted against.
  if (date && !near(date, dateRight, date.right) && !near(date, 2, date.right)) out.push({ what: 'date', expected: dateRight, found: date.right });
  return out;
}
