/**
 * Counting Chinese characters, as the length rules measure text: Han characters only (the
 * ranges of `isHan` in prose.ts: CJK unified ideographs, extension A, compatibility ideographs
 * and 〇); digits, Latin letters, punctuation and spaces do not count.
 */

/** The number of Han characters in `text`. A loop over char codes: this runs over every section. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007) n++;
  }
  return n;
}
