import fg from 'fast-glob';
import path from 'node:path';

/** A glob made absolute against `dir`, with `/` separators and the directory's special characters escaped. */
export function absoluteGlob(dir: string, pattern: string): string {
  const p = pattern.replace(/\\/g, '/');
  if (path.isAbsolute(pattern) || /^[A-Za-z]:\//.test(p)) return p;
  return `${fg.convertPathToPattern(path.resolve(dir))}/${p.replace(/^(?:\.\/)+/, '')}`;
}
