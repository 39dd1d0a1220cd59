import path from 'node:path';
import type { LintResult, RuleRegistry } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { closest } from '../suggest.js';
import { writeReportFile } from '../files/safe-write.js';
import { BINARY_FORMAT_NAMES, isBinaryFormat, loadBinaryFormatter, loadFormatter, TEXT_FORMAT_NAMES } from '../formatters/lazy.js';
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

/** Formats that write files of their own instead of a report: `docx` writes an annotated copy of each Word file. */
export const FILE_FORMATS = new Set(['docx']);

export function parseFormatTargets(values: string[], outputFile: string | undefined): FormatTarget[] {
  const targets = (values.length ? values : ['stylish']).flatMap((value): FormatTarget[] => {
    if (FILE_FORMATS.has(value)) return [];
    const colon = value.indexOf(':');
    const format = colon === -1 ? value : value.slice(0, colon);
    const file = colon === -1 ? undefined : value.slice(colon + 1);
    if (FILE_FORMATS.has(format)) throw new UsageError('docxTarget');
    const names = [...TEXT_FORMAT_NAMES, ...BINARY_FORMAT_NAMES, ...FILE_FORMATS];
    if (!names.includes(format)) throw new UsageError('unknownFormat', { format, choices: names.join(', '), suggestion: closest(format, names) ?? '' });
    if (file === '') throw new UsageError('badFormatTarget', { value });
    return [{ format, file }];
  });
  const unnamed = targets.filter((t) => t.file === undefined);
  if (unnamed.length > 1) throw new UsageError('tooManyStdoutFormats', { formats: unnamed.map((t) => t.format).join(', ') });
  if (outputFile !== undefined) {
    if (!unnamed.length) throw new UsageError('outputFileUnused');
    unnamed[0].file = outputFile;
  }
  const binary = targets.find((t) => isBinaryFormat(t.format) && t.file === undefined);
  if (binary) throw new UsageError('formatNeedsFile', { format: binary.format });
  return targets;
}

export interface OutputContext {
  locale: Locale;
  cwd: string;
  registry: RuleRegistry;
  /** Whether to colour, given whether the output goes to standard output. */
  color: (toStdout: boolean) => boolean;
  stdout: (text: string) => void;
  /** The terminal's width, when standard output is a terminal. */
  columns?: number;
  /** Told of each file written (for the record of the run, cache/replay.ts). */
  onWritten?: (file: string, shown: string, data: string | Buffer) => void;
}

const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

export async function writeOutputs(targets: FormatTarget[], results: LintResult[], context: OutputContext): Promise<void> {
  for (const target of targets) {
    if (isBinaryFormat(target.format)) {
      const binary = await loadBinaryFormatter(target.format);
      const file = path.resolve(context.cwd, target.file!);
      const bytes = Buffer.from(await binary(results, { locale: context.locale, color: false, cwd: context.cwd, registry: context.registry }));
      writeReportFile(file, bytes, target.file!);
      context.onWritten?.(file, target.file!, bytes);
      continue;
    }
    // Our own standard output, named as a file: written through it (it may be a socket, which cannot be opened by name).
    const toStdout = target.file === undefined || STDOUT_NAMES.has(target.file);
    const formatter = await loadFormatter(target.format);
    const text = formatter(results, {
      locale: context.locale,
      color: context.color(toStdout),
      cwd: context.cwd,
      registry: context.registry,
      columns: toStdout ? context.columns : undefined,
    });
    if (toStdout) {
      context.stdout(text);
    } else {
      const file = path.resolve(context.cwd, target.file!);
      writeReportFile(file, text, target.file!);
      context.onWritten?.(file, target.file!, text);
    }
  }
}
