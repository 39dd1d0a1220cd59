import path from 'node:path';
import picomatch from 'picomatch';

/**
 * A glob of an `overrides` or `ignores` entry, relative to the directory of the config that holds it.
 * A pattern without a `/` matches the base name at any depth below that directory (`*.txt`); a leading
 * `/` or `./` anchors it to the directory. A file outside the directory never matches.
 */
export interface ConfigGlob {
  /** As written. */
  pattern: string;
  /** Absolute, with `/` separators, e.g. `/repo/docs/**\/*.txt`. */
  absolute: string;
  /** The file matches. */
  matchesFile(absPath: string): boolean;
  /** The file or one of its directories (below the config's directory) matches. */
  matchesFileOrDirectory(absPath: string): boolean;
}

export function configGlob(dir: string, pattern: string): ConfigGlob {
  let glob = pattern.replace(/^(?:\.\/)+/, '');
  const anchored = glob.startsWith('/');
  if (anchored) glob = glob.replace(/^\/+/, '');
  const directoryOnly = glob.endsWith('/');
  if (directoryOnly) glob = glob.replace(/\/+$/, '');
  const baseName = !anchored && !glob.includes('/');
  const isMatch = picomatch(glob, { dot: true });
  const base = toPosix(dir).replace(/\/$/, '');
  const absolute = `${base}/${baseName ? `**/${glob}` : glob}${directoryOnly ? '/' : ''}`;

  /** The parts of the path below `dir`, or undefined when it is not below `dir`. */
  const partsOf = (absPath: string): string[] | undefined => {
    const relative = path.relative(dir, absPath);
    if (!relative || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep);
  };
  const test = (parts: string[], count: number): boolean =>
    baseName ? isMatch(parts[count - 1]) : isMatch(parts.slice(0, count).join('/'));

  return {
    pattern,
    absolute,
    matchesFile(absPath) {
      const parts = partsOf(absPath);
      return !!parts && !directoryOnly && test(parts, parts.length);
    },
    matchesFileOrDirectory(absPath) {
      const parts = partsOf(absPath);
      if (!parts) return false;
      const last = directoryOnly ? parts.length - 1 : parts.length;
      for (let count = 1; count <= last; count++) if (test(parts, count)) return true;
      return false;
    },
  };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
