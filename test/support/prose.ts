/** Deterministic random prose: Han characters in sentences, nothing any other call shares by chance. */
export function prose(seed: number, chars: number): string {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  let out = '';
  let sentence = 0;
  for (let i = 0; i < chars; i++) {
    out += String.fromCharCode(0x4e00 + Math.floor(next() * 0x5000));
    if (++sentence > 12 + next() * 20) {
      out += next() < 0.7 ? '，' : '。';
      sentence = 0;
    }
  }
  return out + '。';
}
