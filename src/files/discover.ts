import fg from 'fast-glob';
import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../errors.js';
import type { CoreMessageId } from '../i18n/messages.js';

/** The extensions a directory is searched for, in any case (`.DOCX` too). */
export const REPORT_EXTENSIONS = ['md', 'markdown', 'txt', 'docx', 'doc', 'wps', 'odt', 'rtf', 'pdf'];

/**
 * Files a word processor leaves beside a document while it is open: Word's
 * owner file `~$报告.docx`, LibreOffice's `.~lock.报告.docx#`, temporary `~WRL0001.tmp`.
 */
export function isLockOrTempFile(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('~$') || /^\.~lock\..*#$/.test(name) || /^~.*\.tmp$/i.test(name);
}
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface DiscoveredFile {
  path: string;
  /** Named on the command line itself (not found through a directory or glob). */
  explicit: boolean;
}

/** A pattern that named nothing: reported for its own path while the others are linted. */
export interface DiscoveryProblem {
  path: string;
  messageId: CoreMessageId;
  reason?: string;
}

/**
 * Expands files, directories and globs into absolute file paths, sorted and
 * without duplicates. A pattern that names nothing is a problem of its own;
 * when no pattern names anything the whole run is a usage error.
 */
export function discoverFiles(
  patterns: string[],
  cwd: string,
  ignorePatterns: string[] = [],
): { files: DiscoveredFile[]; problems: DiscoveryProblem[] } {
  const ignore = [...ALWAYS_IGNORED, ...ignorePatterns];
  const ignored = ignoreMatcher(ignorePatterns, cwd);
  const found = new Map<string, DiscoveredFile>();
  const problems: DiscoveryProblem[] = [];
  const add = (file: string, explicit: boolean) => {
    const prev = found.get(file);
    if (!prev || (explicit && !prev.explicit)) found.set(file, { path: file, explicit });
  };
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(abs, { throwIfNoEntry: false });
    } catch (error) {
      // ELOOP, EACCES …: the path exists but cannot be looked at.
      problems.push({ path: abs, messageId: 'readFailed', reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
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
        suppressErrors: true,
        caseSensitiveMatch: false,
      });
      const before = found.size;
      for (const entry of entries) if (!ignored(entry)) add(path.normalize(entry), false);
      if (found.size === before && entries.length === 0) problems.push({ path: abs, messageId: 'noReportsInDirectory' });
    } else if (fg.isDynamicPattern(pattern)) {
      const entries = fg.sync(fg.convertPathToPattern(cwd) + '/' + pattern.replace(/^\.\//, ''), {
        absolute: true,
        ignore,
        onlyFiles: true,
        followSymbolicLinks: false,
        suppressErrors: true,
      });
      for (const entry of entries) if (!ignored(entry)) add(path.normalize(entry), false);
      if (entries.length === 0) problems.push({ path: pattern, messageId: 'noGlobMatch' });
    } else {
      problems.push({ path: pattern, messageId: 'pathNotFound' });
    }
  }
  if (found.size === 0) {
    // Nothing to lint at all: say so once, as ESLint does.
    if (problems.length === 1) throw new UsageError(problems[0].messageId, { path: problems[0].path, reason: problems[0].reason ?? '' });
    throw new UsageError('noFilesMatched', { patterns: patterns.join(' ') });
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
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
