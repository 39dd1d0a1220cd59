import { Command, CommanderError, Option } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRegistry, builtinRules } from '../../rules/index.js';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline } from '../baseline.js';
import { ConfigError, ConfigResolver } from '../config/index.js';
import { buildIndexFile } from '../copy/index-file.js';
import { listRules, ruleDoc } from '../docs/rule-docs.js';
import type { LintResult } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { isKnownEncoding } from '../files/decode.js';
import { outputFixes, writeAtomically } from '../files/write-fixes.js';
import { coreMessage, type CoreMessageId } from '../i18n/messages.js';
import { describeDocument, hasFatal, lintFiles, readStamp } from '../lint-files.js';
import { LOCALES, type Locale } from '../types.js';
import { VERSION } from '../version.js';
import { HELP } from './help-text.js';
import { parseFormatTargets, writeOutputs } from './outputs.js';
import { progressBar } from './progress.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
  /** Whether stderr is a terminal (for the progress bar). */
  stderrIsTTY?: boolean;
  /** Reads all of standard input (for --stdin). */
  readStdin?: () => Promise<string>;
  /** Writes raw text to stderr for the progress bar (it redraws in place). */
  progressStream?: NodeJS.WritableStream;
}

/** The exit codes, as ESLint has them. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

interface CliOptions {
  config?: string | false;
  rule: string[];
  ignorePattern: string[];
  format: string[];
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: string;
  locale?: string;
  color?: boolean;
  printConfig?: string;
  listRules?: boolean;
  explain?: string;
  debug?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  fixRule: string[];
  reference: string[];
  encoding?: string;
  maxFileSize?: string;
  stdin?: boolean;
  stdinFilename?: string;
  baseline?: string;
  baselineWrite?: string;
}

/** The locale asked for on the command line, read before parsing so that --help speaks it. */
function argvLocale(argv: string[]): Locale | undefined {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i === -1) return undefined;
  const value = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return LOCALES.includes(value as Locale) ? (value as Locale) : undefined;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function buildProgram(locale: Locale, io: CliIO): Command {
  const h = (key: keyof typeof HELP) => HELP[key][locale];
  return new Command('reportlint')
    .description(h('description'))
    .argument('[patterns...]', h('patterns'))
    .option('-c, --config <file>', h('config'))
    .option('--no-config', h('noConfig'))
    .option('--rule <rule>', h('rule'), collect, [])
    .option('--ignore-pattern <pattern>', h('ignorePattern'), collect, [])
    .addOption(new Option('-f, --format <name[:file]>', h('format')).argParser(collect).default([]))
    .option('-o, --output-file <file>', h('outputFile'))
    .option('--quiet', h('quiet'))
    .option('--max-warnings <number>', h('maxWarnings'))
    .option('--locale <locale>', h('locale'))
    .option('--color', h('color'))
    .option('--no-color', h('noColor'))
    .option('--fix', h('fix'))
    .option('--fix-dry-run', h('fixDryRun'))
    .option('--fix-rule <rule>', h('fixRule'), collect, [])
    .option('--reference <glob>', h('reference'), collect, [])
    .option('--encoding <name>', h('encoding'))
    .option('--max-file-size <megabytes>', h('maxFileSize'))
    .option('--stdin', h('stdin'))
    .option('--stdin-filename <name>', h('stdinFilename'))
    .option('--baseline <file>', h('baseline'))
    .option('--baseline-write <file>', h('baselineWrite'))
    .option('--print-config <file>', h('printConfig'))
    .option('--list-rules', h('listRules'))
    .option('--explain <rule>', h('explain'))
    .option('--debug', h('debug'))
    .version(VERSION, '-v, --version', h('version'))
    .helpOption('-h, --help', h('help'))
    .addHelpText('after', h('after'))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .allowExcessArguments(false);
}

function buildIndexProgram(locale: Locale, io: CliIO): Command {
  const h = (key: keyof typeof HELP) => HELP[key][locale];
  return new Command('reportlint index')
    .description(h('indexDescription'))
    .argument('<patterns...>', h('indexPatterns'))
    .requiredOption('-o, --output <file>', h('indexOutput'))
    .option('--locale <locale>', h('locale'))
    .helpOption('-h, --help', h('help'))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
}

/** Runs the CLI; returns the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let locale: Locale = argvLocale(argv) ?? 'zh';
  let debug = argv.includes('--debug');
  const fail = (message: string): number => {
    io.stderr(`reportlint: ${message}\n`);
    return EXIT.usage;
  };
  const parse = (program: Command, args: string[]): number | null => {
    try {
      program.parse(args, { from: 'user' });
      return null;
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : fail(commanderMessage(error, locale));
      throw error;
    }
  };

  try {
    if (argv[0] === 'index') {
      const program = buildIndexProgram(locale, io);
      const exit = parse(program, argv.slice(1));
      if (exit !== null) return exit;
      const { output } = program.opts<{ output: string }>();
      const built = await buildIndexFile(program.args, io.cwd, output);
      io.stderr(coreMessage(locale, 'indexWritten', { files: built.files, path: output }) + '\n');
      return EXIT.ok;
    }

    const program = buildProgram(locale, io);
    const exit = parse(program, argv);
    if (exit !== null) return exit;
    const opts = program.opts<CliOptions>();
    const patterns = program.args;
    debug = Boolean(opts.debug);

    if (opts.locale !== undefined && !LOCALES.includes(opts.locale as Locale)) throw new UsageError('badLocale', { value: opts.locale });
    const targets = parseFormatTargets(opts.format, opts.outputFile);
    let maxWarnings = -1;
    if (opts.maxWarnings !== undefined) {
      if (!/^\d+$/.test(opts.maxWarnings)) throw new UsageError('badMaxWarnings', { value: opts.maxWarnings });
      maxWarnings = Number(opts.maxWarnings);
    }
    let maxFileSize: number | undefined;
    if (opts.maxFileSize !== undefined) {
      maxFileSize = Number(opts.maxFileSize) * 1024 * 1024;
      if (!(maxFileSize > 0)) throw new UsageError('badMaxFileSize', { value: opts.maxFileSize });
    }
    if (opts.encoding !== undefined && !isKnownEncoding(opts.encoding)) throw new UsageError('badEncoding', { value: opts.encoding });
    if (opts.stdin && opts.fix) throw new UsageError('stdinFix');
    if (opts.stdin && patterns.length) throw new UsageError('stdinPatterns');

    const resolver = new ConfigResolver({
      registry: builtinRegistry,
      cwd: io.cwd,
      configFile: typeof opts.config === 'string' ? opts.config : undefined,
      useConfigFiles: opts.config !== false,
      ruleFlags: opts.rule,
    });
    locale = (opts.locale as Locale | undefined) ?? resolver.forCwd().locale ?? locale;

    if (opts.listRules) {
      io.stdout(listRules(builtinRules, locale));
      return EXIT.ok;
    }
    if (opts.explain !== undefined) {
      const rule = builtinRegistry.get(opts.explain);
      if (!rule) throw new UsageError('unknownRule', { ruleId: opts.explain });
      io.stdout(ruleDoc(rule, builtinRegistry, locale));
      return EXIT.ok;
    }
    if (opts.printConfig !== undefined) {
      const file = path.resolve(io.cwd, opts.printConfig);
      // What the file is, when it can be read: the genre decides which report rules apply.
      const document = await describeDocument(file, { encoding: opts.encoding as string | undefined });
      io.stdout(JSON.stringify({ ...resolver.forFile(file), ...(document ? { document } : {}) }, null, 2) + '\n');
      return EXIT.ok;
    }
    for (const ruleId of opts.fixRule) {
      if (!builtinRegistry.get(ruleId)?.fixable) throw new UsageError('unknownFixRule', { ruleId });
    }
    const baseline = opts.baseline === undefined ? undefined : readBaseline(path.resolve(io.cwd, opts.baseline));

    const quietProgress = opts.quiet || io.env.CI !== undefined || !io.stderrIsTTY || !io.progressStream;
    const progress = quietProgress ? undefined : progressBar(io.progressStream!, locale);
    let results: LintResult[];
    try {
      results = await lintFiles(patterns, {
        cwd: io.cwd,
        resolver,
        ignorePatterns: opts.ignorePattern,
        locale: opts.locale as Locale | undefined,
        fix: Boolean(opts.fix || opts.fixDryRun),
        fixRules: opts.fixRule.length ? opts.fixRule : undefined,
        references: opts.reference,
        encoding: opts.encoding,
        maxFileSize,
        stdin: opts.stdin ? { text: await (io.readStdin ?? noStdin)(), filePath: opts.stdinFilename ?? '<stdin>.md' } : undefined,
        onProgress: progress?.update,
      });
    } finally {
      progress?.stop();
    }

    if (opts.fixDryRun) {
      for (const r of results) {
        if (r.output === undefined) continue;
        const rel = path.relative(io.cwd, r.filePath) || r.filePath;
        io.stdout(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, readStamp(r)?.original ?? '', r.output));
      }
    } else if (opts.fix) {
      for (const file of outputFixes(results)) io.stderr(`reportlint: ${coreMessage(locale, 'fileChanged', { path: file })}\n`);
    }

    if (opts.baselineWrite !== undefined) {
      const file = path.resolve(io.cwd, opts.baselineWrite);
      const written = createBaseline(results, file);
      writeAtomically(file, serializeBaseline(written));
      io.stderr(coreMessage(locale, 'baselineWritten', { count: written.entries.reduce((n, e) => n + e.count, 0), path: opts.baselineWrite }) + '\n');
      return hasFatal(results) ? EXIT.usage : EXIT.ok;
    }
    if (baseline) {
      const applied = applyBaseline(results, baseline.data, baseline.file);
      results = applied.results;
      if (applied.suppressed) io.stderr(coreMessage(locale, 'baselineSuppressed', { count: applied.suppressed }) + '\n');
    }
    if (opts.quiet) {
      results = results.map((r) => ({
        ...r,
        messages: r.messages.filter((m) => m.severity === 2),
        warningCount: 0,
        infoCount: 0,
        fixableWarningCount: 0,
      }));
    }

    const colorEnv = !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    writeOutputs(targets, results, {
      locale,
      cwd: io.cwd,
      registry: builtinRegistry,
      color: (toStdout) => opts.color ?? (toStdout && io.isTTY && colorEnv),
      stdout: io.stdout,
    });

    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (hasFatal(results)) return EXIT.usage;
    if (errors > 0) return EXIT.problems;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(coreMessage(locale, 'tooManyWarnings', { max: maxWarnings }) + '\n');
      return EXIT.problems;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) return fail(error.format(locale));
    const detail = error instanceof Error ? error.message : String(error);
    if (debug && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return fail(coreMessage(locale, 'unexpected', { error: detail }));
  }
}

/** commander's own errors, in the user's language: the option it names is the quoted part of its message. */
function commanderMessage(error: CommanderError, locale: Locale): string {
  const english = error.message.replace(/^error: /, '');
  if (locale === 'en') return english;
  const quoted = /'([^']+)'/.exec(english)?.[1] ?? '';
  const ids: Record<string, CoreMessageId> = {
    'commander.unknownOption': 'cliUnknownOption',
    'commander.optionMissingArgument': 'cliMissingValue',
    'commander.missingMandatoryOptionValue': 'cliMissingValue',
    'commander.missingArgument': 'cliMissingArgument',
    'commander.excessArguments': 'cliExcessArguments',
  };
  const id = ids[error.code];
  return id ? coreMessage(locale, id, { option: quoted }) : english;
}

function readBaseline(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError('readFailed', { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const data = parseBaseline(text);
  if (typeof data === 'string') throw new UsageError('badBaseline', { path: file, reason: data });
  return { file, data };
}

async function noStdin(): Promise<string> {
  return '';
}
