import { accessSync, constants, statSync } from 'node:fs';
import type { LintResult } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { readStamp } from '../lint-files.js';
import { encodeExactly } from './decode.js';
import { resolveLinks, writeOutputFile } from './safe-write.js';

/**
 * Writes the fixed text of each result that has one, keeping the file's
 * encoding, BOM, mode, owner and group (see safe-write.ts for how). A file is
 * not written, and the batch goes on, when:
 * - it changed on disk since it was read;
 * - it is read-only (as an editor would, reportlint asks for `chmod u+w`
 *   rather than offering a force flag: the permission is the user's switch);
 * - its encoding cannot hold the fixed text exactly;
 * - the write itself fails (a read-only directory, a full disk).
 * A symbolic link is followed: the file it names is fixed and the link stays.
 */
export interface FixWriteProblem {
  file: string;
  /** `changed`: the file changed since it was read (a warning); the others fail the run with 2. */
  kind: 'changed' | 'failed';
  error?: UsageError;
}

export function writeFixes(results: LintResult[]): FixWriteProblem[] {
  const problems: FixWriteProblem[] = [];
  for (const result of results) {
    // A Word document is never overwritten: its layout fixes go to NAME.formatted.docx.
    const copy = readStamp(result)?.formatted;
    if (copy) writeOutputFile(copy.path, copy.bytes);
    if (result.output === undefined) continue;
    const file = result.filePath;
    try {
      const target = resolveLinks(file);
      const stamp = readStamp(result);
      const now = statSync(target, { throwIfNoEntry: false });
      if (!now || !stamp || now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) {
        problems.push({ file, kind: 'changed' });
        continue;
      }
      if (!now.isFile()) throw new UsageError('notRegularFile', { path: file });
      if (isReadOnly(target, now.mode)) throw new UsageError('fixReadOnly', { path: file });
      // The text as decoded had its BOM removed; `output` keeps any further U+FEFF as text.
      const encoded = encodeExactly(result.output, { encoding: stamp.encoding, bom: stamp.bom });
      if ('lost' in encoded) throw new UsageError('fixRefusedEncoding', { encoding: stamp.encoding, char: encoded.lost, path: file });
      writeOutputFile(target, encoded.bytes, { like: now, shownPath: file });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push({ file, kind: 'failed', error });
    }
  }
  return problems;
}

/** The files whose fixes were not written (API of earlier versions). */
export function outputFixes(results: LintResult[]): string[] {
  return writeFixes(results).map((p) => p.file);
}

/** No write bit at all (root could write it, but an editor would still ask), or not writable by us. */
function isReadOnly(file: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return true;
  try {
    accessSync(file, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}
