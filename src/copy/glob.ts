// fast-glob's own escaping, without its walker: a run that reads no directory loads none of it.
import { convertPathToPattern } from 'fast-glob/out/utils/path.js';
import path from 'node:path';

/** A glob made absolute against `dir`, with `/` separators and the directory's special characters escaped. */
export function absoluteGlob(dir: string, pattern: string): string {
  const p = pattern.replace(/\\/g, '/');
  if (path.isAbsolute(pattern) || /^[A-Za-z]:\//.test(p)) return p;
  return `${convertPathToPattern(path.resolve(dir))}/${p.replace(/^(?:\.\/)+/, '')}`;
}
