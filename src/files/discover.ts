import fg from 'fast-glob';
import picomatch from 'picomatch';
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** The extensions a directory is searched for. */
export const REPORT_EXTENSIONS = ['md', 'markdown', 'txt'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface DiscoveredFile {
  path: string;
  /** Named on the command line itself (not found through a directory or glob). */
  explicit: boolean;
}

/**
 * Expands files, directories and globs into absolute file paths, sorted and
 * without duplicates. A pattern that names nothing is a usage error.
 */
export function discoverFiles(patterns: string[], cwd: string, ignorePatterns: string[] = []): DiscoveredFile[] {
  const ignore = [...ALWAYS_IGNORED, ...ignorePatterns];
  const ignored = ignoreMatcher(ignorePatterns, cwd);
  const found = new Map<string, DiscoveredFile>();
  const add = (file: string, explicit: boolean) => {
    const prev = found.get(file);
    if (!prev || (explicit && !prev.explicit)) found.set(file, { path: file, explicit });
  };
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      if (!ignored(abs)) add(abs, true);
    } else if (stat?.isDirectory()) {
      const entries = fg.sync(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: abs,
        absolute: true,
        ignore,
        dot: false,
        onlyFiles: true,
        followSymbolicLinks: false,
      });
      for (const entry of entries) if (!ignored(entry)) add(path.normalize(entry), false);
    } else if (fg.isDynamicPattern(pattern)) {
      const entries = fg.sync(fg.convertPathToPattern(cwd) + '/' + pattern.replace(/^\.\//, ''), {
        absolute: true,
        ignore,
        onlyFiles: true,
        followSymbolicLinks: false,
      });
      for (const entry of entries) if (!ignored(entry)) add(path.normalize(entry), false);
    } else {
      throw new UsageError('pathNotFound', { path: pattern });
    }
  }
  if (found.size === 0) throw new UsageError('noFilesMatched', { patterns: patterns.join(' ') });
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `--ignore-pattern` globs, relative to the working directory; `dir/` means everything below it. */
function ignoreMatcher(patterns: string[], cwd: string): (file: string) => boolean {
  if (!patterns.length) return () => false;
  const globs = patterns.flatMap((p) => (p.endsWith('/') ? [`${p}**`] : [p, `${p}/**`]));
  const isMatch = picomatch(globs, { dot: true, basename: false });
  const bare = patterns.filter((p) => !p.includes('/'));
  const baseMatch = bare.length ? picomatch(bare, { dot: true, basename: true }) : () => false;
  return (file) => {
    const rel = path.relative(cwd, file).split(path.sep).join('/');
    return isMatch(rel) || baseMatch(rel);
  };
}
