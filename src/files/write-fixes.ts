import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { readStamp } from '../lint-files.js';
import { encode } from './decode.js';

/**
 * Writes the fixed text of each result that has one: through a temporary file
 * and a rename in the same directory, keeping the file's mode. A file that
 * changed on disk since it was read is not overwritten. Returns the files skipped.
 */
export function outputFixes(results: LintResult[]): string[] {
  const skipped: string[] = [];
  for (const result of results) {
    // A Word document is never overwritten: its layout fixes go to NAME.formatted.docx.
    const copy = readStamp(result)?.formatted;
    if (copy) writeAtomically(copy.path, copy.bytes);
    if (result.output === undefined) continue;
    const file = result.filePath;
    const stamp = readStamp(result);
    const now = statSync(file, { throwIfNoEntry: false });
    if (!now || !stamp || now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) {
      skipped.push(file);
      continue;
    }
    // Back in the file's own encoding, with its BOM (the fixed text has none of its own).
    const text = result.output.charCodeAt(0) === 0xfeff ? result.output.slice(1) : result.output;
    writeAtomically(file, encode(text, { encoding: stamp.encoding, bom: stamp.bom || result.output !== text }), now.mode & 0o7777);
  }
  return skipped;
}

/** Temporary file, then rename: a reader never sees half a file, and a crash leaves the old one. */
export function writeAtomically(file: string, content: string | Buffer, mode?: number): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.reportlint-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, mode === undefined ? undefined : { mode });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError('writeFailed', { path: file, reason });
  }
}
