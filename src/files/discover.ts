import type { FileSystemAdapter } from 'fast-glob';
import * as fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../errors.js';
import type { CoreMessageId } from '../i18n/messages.js';
import { lstatSync, noteListing, statSync } from './inputs.js';

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
export async function discoverFiles(
  patterns: string[],
  cwd: string,
  ignorePatterns: string[] = [],
): Promise<{ files: DiscoveredFile[]; problems: DiscoveryProblem[] }> {
  const ignore = [...ALWAYS_IGNORED, ...ignorePatterns];
  const walk = watchedFs();
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
    if (!stat) {
      // A dangling link exists, but names nothing: say so rather than “no such path”.
      if (lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
        problems.push({ path: abs, messageId: 'brokenSymlink' });
        continue;
      }
    } else if (!stat.isFile() && !stat.isDirectory()) {
      problems.push({ path: abs, messageId: 'notRegularFile' });
      continue;
    }
    if (stat?.isFile()) {
      if (!ignored(abs)) add(abs, true);
      continue;
    }
    // Loaded only for a directory or a glob: a run on named files (a pre-commit hook) never walks.
    const fg = (await import('fast-glob')).default;
    if (stat?.isDirectory()) {
      const entries = fg.sync(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: abs,
        absolute: true,
        ignore,
        dot: false,
        onlyFiles: true,
        followSymbolicLinks: false,
        suppressErrors: true,
        caseSensitiveMatch: false,
        fs: walk.fs,
      });
      const before = found.size;
      for (const entry of entries) if (!ignored(entry)) add(path.normalize(entry), false);
      if (found.size === before && entries.length === 0 && !walk.failures.some((f) => f.path === abs)) problems.push({ path: abs, messageId: 'noReportsInDirectory' });
    } else if (fg.isDynamicPattern(pattern)) {
      const entries = fg.sync(fg.convertPathToPattern(cwd) + '/' + pattern.replace(/^\.\//, ''), {
        absolute: true,
        ignore,
        onlyFiles: true,
        followSymbolicLinks: false,
        suppressErrors: true,
        fs: walk.fs,
      });
      for (const entry of entries) if (!ignored(entry)) add(path.normalize(entry), false);
      if (entries.length === 0) problems.push({ path: pattern, messageId: 'noGlobMatch' });
    } else {
      problems.push({ path: pattern, messageId: 'pathNotFound' });
    }
  }
  // A directory the walk could not read is one line each (the others are still linted), never silence.
  for (const failure of walk.failures) problems.push({ path: failure.path, messageId: 'readDirFailed', reason: failure.code });
  if (found.size === 0) {
    // Nothing to lint at all: say so once, as ESLint does.
    if (problems.length === 1) throw new UsageError(problems[0].messageId, { path: problems[0].path, reason: problems[0].reason ?? '' });
    throw new UsageError('noFilesMatched', { patterns: patterns.join(' ') });
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/**
 * fast-glob skips a directory it cannot read without a word (suppressErrors), or
 * aborts the whole walk (without it). This file system records each failure and
 * lets the walk go on. It also notes each listing read (files/inputs.ts).
 */
export function watchedFs(): { fs: Partial<FileSystemAdapter>; failures: { path: string; code: string }[] } {
  const failures: { path: string; code: string }[] = [];
  const seen = new Set<string>();
  const note = (dir: fs.PathLike, error: unknown) => {
    const p = path.resolve(String(dir));
    if (seen.has(p)) return;
    seen.add(p);
    failures.push({ path: p, code: (error as NodeJS.ErrnoException).code ?? String(error) });
  };
  const readdirSync = ((dir: fs.PathLike, options?: unknown) => {
    try {
      const entries = fs.readdirSync(dir, options as fs.ObjectEncodingOptions & { withFileTypes: true });
      // What the walk saw, so that a replayed run knows when a file was added or removed.
      noteListing(dir, entries);
      return entries;
    } catch (error) {
      note(dir, error);
      throw error;
    }
  }) as typeof fs.readdirSync;
  const readdir = ((dir: fs.PathLike, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (error: NodeJS.ErrnoException | null, entries?: unknown) => void;
    const opts = typeof options === 'function' ? undefined : options;
    fs.readdir(dir, opts as fs.ObjectEncodingOptions & { withFileTypes: true }, (error, entries) => {
      if (error) note(dir, error);
      else noteListing(dir, entries);
      cb(error, entries);
    });
  }) as typeof fs.readdir;
  return { fs: { readdirSync, readdir }, failures };
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
