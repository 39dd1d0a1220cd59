import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/error.js';
import { UsageError } from '../errors.js';
import { coreMessage, type CoreMessageId } from '../i18n/messages.js';
import { LOCALES, type Locale } from '../types.js';
import { VERSION } from '../version.js';
import { HELP } from './help-text.js';
import type { Ask } from './init.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
  /** Whether stderr is a terminal (for the progress bar). */
  stderrIsTTY?: boolean;
  /** Reads standard input (for --stdin), stopping after `maxBytes` + 1 bytes: what is over the limit need not be read. */
  readStdin?: (maxBytes: number) => Promise<string | Uint8Array>;
  /** The terminal's width in columns (stylish wraps to it when stdout is a terminal). */
  columns?: number;
  /** Asks a question on the terminal (--init); absent when standard input or output is not a terminal. */
  ask?: Ask;
  /** Writes raw text to stderr for the progress bar (it redraws in place). */
  progressStream?: NodeJS.WritableStream;
}

/** The exit codes, as ESLint has them. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export interface CliOptions {
  config?: string | false;
  rule: string[];
  ignorePattern: string[];
  format: string[];
  outputFile?: string;
  outputDir?: string;
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
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: string;
  init?: boolean;
  preset?: string;
  profile?: string;
}

/** What main hands the run: the locale so far (the run may change it), and what the cache's replay found. */
export interface RunSession {
  locale: Locale;
  /** With --cache: the run's key for its record, and whether the record found under it was damaged. */
  replay?: { key: string; damaged: boolean };
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
    .option('--output-dir <dir>', h('outputDir'))
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
    .option('--cache', h('cache'))
    .option('--cache-location <path>', h('cacheLocation'))
    .option('--cache-strategy <strategy>', h('cacheStrategy'))
    .option('--print-config <file>', h('printConfig'))
    .option('--list-rules', h('listRules'))
    .option('--explain <rule>', h('explain'))
    .option('--init', h('init'))
    .option('--preset <name>', h('preset'))
    .option('--profile <name>', h('profile'))
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

let linterRan = false;
/** Whether this process's main() went on to lint (rather than --help, --version or a replay): the launcher caches the code of a run that did (src/launch/launch.ts). */
export const ranLinter = (): boolean => linterRan;

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
      const { buildIndexFile } = await import('../copy/index-file.js');
      const built = await buildIndexFile(program.args, io.cwd, output);
      io.stderr(coreMessage(locale, 'indexWritten', { files: built.files, path: output }) + '\n');
      return EXIT.ok;
    }

    // A run the cache recorded, whose inputs are all as they were, is given again without loading the linter.
    const session: RunSession = { locale };
    if (argv.includes('--cache')) {
      const { REPLAYED, tryReplay } = await import('../cache/replay.js');
      const replay = tryReplay(argv, io);
      if ('exit' in replay) {
        if (debug) io.stderr(REPLAYED);
        return replay.exit;
      }
      session.replay = replay;
    }

    const program = buildProgram(locale, io);
    const exit = parse(program, argv);
    if (exit !== null) return exit;
    const opts = program.opts<CliOptions>();
    const patterns = program.args;
    debug = Boolean(opts.debug);

    // The linter is loaded only now: --help and --version never load it.
    linterRan = true;
    const { runLint } = await import('./run.js');
    // The config may name another locale; errors after that are told in it.
    try {
      return await runLint(opts, patterns, io, session);
    } finally {
      locale = session.locale;
    }
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
  const quoted = /'([^']+)'/.exec(english)?.[1] ?? '';
  // commander's own "(Did you mean --format?)", on the same line as ours.
  if (error.code === 'commander.unknownOption') return coreMessage(locale, 'cliUnknownOption', { option: quoted, suggestion: /Did you mean (\S+?)\?/.exec(english)?.[1] ?? '' });
  if (locale === 'en') return english;
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

