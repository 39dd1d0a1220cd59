import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LintResult, RuleRegistry } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { resolveLinks, writeOutputFile } from '../files/safe-write.js';
import { formatters } from '../formatters/index.js';
import type { Locale } from '../types.js';

/**
 * Several formats in one run: `--format name[:file]`, repeatable. A format
 * without a file goes to --output-file, or to standard output; at most one may.
 *   reportlint reports/ -f stylish -f sarif:out/report.sarif -f json:out/report.json
 */
export interface FormatTarget {
  format: string;
  /** Absolute or relative to the working directory; undefined = standard output. */
  file?: string;
}

export function parseFormatTargets(values: string[], outputFile: string | undefined): FormatTarget[] {
  const targets = (values.length ? values : ['stylish']).map((value): FormatTarget => {
    const colon = value.indexOf(':');
    const format = colon === -1 ? value : value.slice(0, colon);
    const file = colon === -1 ? undefined : value.slice(colon + 1);
    if (!formatters[format]) throw new UsageError('unknownFormat', { format, choices: Object.keys(formatters).join(', ') });
    if (file === '') throw new UsageError('badFormatTarget', { value });
    return { format, file };
  });
  const unnamed = targets.filter((t) => t.file === undefined);
  if (unnamed.length > 1) throw new UsageError('tooManyStdoutFormats', { formats: unnamed.map((t) => t.format).join(', ') });
  if (outputFile !== undefined) {
    if (!unnamed.length) throw new UsageError('outputFileUnused');
    unnamed[0].file = outputFile;
  }
  return targets;
}

export interface OutputContext {
  locale: Locale;
  cwd: string;
  registry: RuleRegistry;
  /** Whether to colour, given whether the output goes to standard output. */
  color: (toStdout: boolean) => boolean;
  stdout: (text: string) => void;
}

const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

export function writeOutputs(targets: FormatTarget[], results: LintResult[], context: OutputContext): void {
  for (const target of targets) {
    // Our own standard output, named as a file: written through it (it may be a socket, which cannot be opened by name).
    const toStdout = target.file === undefined || STDOUT_NAMES.has(target.file);
    const text = formatters[target.format](results, {
      locale: context.locale,
      color: context.color(toStdout),
      cwd: context.cwd,
      registry: context.registry,
    });
    if (toStdout) {
      context.stdout(text);
    } else {
      const file = path.resolve(context.cwd, target.file!);
      // A report directory is made on demand (out/report.sarif); a link or a device is written as it is.
      const dir = path.dirname(resolveLinks(file));
      if (!statSync(file, { throwIfNoEntry: false }) && !statSync(dir, { throwIfNoEntry: false })) {
        try {
          mkdirSync(dir, { recursive: true });
        } catch (error) {
          throw new UsageError('writeFailed', { path: target.file!, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
        }
      }
      writeOutputFile(file, text, { shownPath: target.file });
    }
  }
}
