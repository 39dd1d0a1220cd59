import { Command, CommanderError, Option } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { builtinRegistry, builtinRules } from '../../rules/index.js';
import { ConfigError, ConfigResolver } from '../config/index.js';
import { listRules, ruleDoc } from '../docs/rule-docs.js';
import { UsageError } from '../errors.js';
import { outputFixes, writeAtomically } from '../files/write-fixes.js';
import { formatters } from '../formatters/index.js';
import { coreMessage } from '../i18n/messages.js';
import { hasFatal, lintFiles, readStamp } from '../lint-files.js';
import { LOCALES, type Locale } from '../types.js';
import { VERSION } from '../version.js';
import { HELP } from './help-text.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

interface CliOptions {
  config?: string | false;
  rule: string[];
  ignorePattern: string[];
  format: string;
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
}

/** The locale asked for on the command line, read before parsing so that --help speaks it. */
function argvLocale(argv: string[]): Locale | undefined {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i === -1) return undefined;
  const value = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return LOCALES.includes(value as Locale) ? (value as Locale) : undefined;
}

function buildProgram(locale: Locale, io: CliIO): Command {
  const h = (key: keyof typeof HELP) => HELP[key][locale];
  const collect = (value: string, previous: string[]) => [...previous, value];
  return new Command('reportlint')
    .description(h('description'))
    .argument('[patterns...]', h('patterns'))
    .option('-c, --config <file>', h('config'))
    .option('--no-config', h('noConfig'))
    .option('--rule <rule>', h('rule'), collect, [])
    .option('--ignore-pattern <pattern>', h('ignorePattern'), collect, [])
    .addOption(new Option('-f, --format <name>', h('format')).default('stylish'))
    .option('-o, --output-file <file>', h('outputFile'))
    .option('--quiet', h('quiet'))
    .option('--max-warnings <number>', h('maxWarnings'))
    .option('--locale <locale>', h('locale'))
    .option('--color', h('color'))
    .option('--no-color', h('noColor'))
    .option('--fix', h('fix'))
    .option('--fix-dry-run', h('fixDryRun'))
    .option('--fix-rule <rule>', h('fixRule'), collect, [])
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

/** Runs the CLI; returns the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let locale: Locale = argvLocale(argv) ?? 'zh';
  const program = buildProgram(locale, io);
  let debug = argv.includes('--debug');
  const fail = (message: string): number => {
    io.stderr(`reportlint: ${message}\n`);
    return EXIT.usage;
  };

  try {
    try {
      program.parse(argv, { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) {
        if (error.exitCode === 0) return EXIT.ok; // --help, --version
        return fail(error.message.replace(/^error: /, ''));
      }
      throw error;
    }
    const opts = program.opts<CliOptions>();
    const patterns = program.args;
    debug = Boolean(opts.debug);

    if (opts.locale !== undefined && !LOCALES.includes(opts.locale as Locale)) {
      throw new UsageError('badLocale', { value: opts.locale });
    }
    const formatter = formatters[opts.format];
    if (!formatter) throw new UsageError('unknownFormat', { format: opts.format, choices: Object.keys(formatters).join(', ') });
    let maxWarnings = -1;
    if (opts.maxWarnings !== undefined) {
      if (!/^\d+$/.test(opts.maxWarnings)) throw new UsageError('badMaxWarnings', { value: opts.maxWarnings });
      maxWarnings = Number(opts.maxWarnings);
    }

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
      const config = resolver.forFile(path.resolve(io.cwd, opts.printConfig));
      io.stdout(JSON.stringify(config, null, 2) + '\n');
      return EXIT.ok;
    }

    for (const ruleId of opts.fixRule) {
      if (!builtinRegistry.get(ruleId)?.fixable) throw new UsageError('unknownFixRule', { ruleId });
    }
    const fix = Boolean(opts.fix || opts.fixDryRun);
    let results = await lintFiles(patterns, {
      cwd: io.cwd,
      resolver,
      ignorePatterns: opts.ignorePattern,
      locale: opts.locale as Locale | undefined,
      fix,
      fixRules: opts.fixRule.length ? opts.fixRule : undefined,
    });
    if (opts.fixDryRun) {
      for (const r of results) {
        if (r.output === undefined) continue;
        const rel = path.relative(io.cwd, r.filePath) || r.filePath;
        io.stdout(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, readStamp(r)?.original ?? '', r.output));
      }
    } else if (opts.fix) {
      for (const file of outputFixes(results)) io.stderr(`reportlint: ${coreMessage(locale, 'fileChanged', { path: file })}\n`);
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

    const color = opts.color ?? (io.isTTY && !opts.outputFile && !('NO_COLOR' in io.env && io.env.NO_COLOR !== ''));
    const output = formatter(results, { locale, color, cwd: io.cwd, registry: builtinRegistry });
    if (opts.outputFile) {
      const file = path.resolve(io.cwd, opts.outputFile);
      mkdirSync(path.dirname(file), { recursive: true });
      writeAtomically(file, output);
    } else io.stdout(output);

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
