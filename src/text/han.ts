/**
 * Counting Chinese characters, as the length rules measure text: Han characters only (CJK
 * unified ideographs, extension A, compatibility ideographs and 〇); digits, Latin letters,
 * punctuation and spaces do not count.
 */

/** A Han character's code unit (`isHan` in prose.ts takes a string). */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** The number of Han characters in `text`. A loop over char codes: this runs over every section. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}

/** Whether `text` holds at least `n` Han characters, stopping as soon as it does. */
export function hasHan(text: string, n: number): boolean {
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i)) && --n === 0) return true;
  return false;
}
