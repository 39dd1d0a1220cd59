import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRegistry, builtinRules } from '../../rules/index.js';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline } from '../baseline.js';
import { RunRecorder } from '../cache/replay.js';
import { ConfigResolver } from '../config/index.js';
import { withMessages, type LintResult } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { isKnownEncoding } from '../files/decode.js';
import { readCapped } from '../files/read-capped.js';
import { journalActive, startJournal, stopJournal } from '../files/inputs.js';
import { DEFAULT_MAX_FILE_SIZE } from '../files/read.js';
import { writeOutputFile } from '../files/safe-write.js';
import { writeFixes } from '../files/write-fixes.js';
import { SOURCELESS_FORMATS } from '../formatters/lazy.js';
import { coreMessage } from '../i18n/messages.js';
import { describeDocument, hasFatal, lintFiles, readStamp } from '../lint-files.js';
import { closest } from '../suggest.js';
import { LOCALES, type Locale } from '../types.js';
import type { Ask } from './init.js';
import { EXIT, type CliIO, type CliOptions, type RunSession } from './main.js';
import { parseFormatTargets, writeOutputs } from './outputs.js';
import { progressBar } from './progress.js';

/**
 * The CLI once its command line is parsed: config, linting, fixes, outputs.
 * main.ts loads this module only after parsing, so that `--help` and
 * `--version` load none of the linter; what few runs need (init, rule docs,
 * the diff of --fix-dry-run, Word copies) is imported where it is used.
 * Throws UsageError or ConfigError for what the user must fix; main.ts turns
 * them into one line and exit code 2.
 */
export async function runLint(opts: CliOptions, patterns: string[], io: CliIO, session: RunSession): Promise<number> {
  let locale = session.locale;
  if (opts.locale !== undefined && !LOCALES.includes(opts.locale as Locale)) throw new UsageError('badLocale', { value: opts.locale });
  if (opts.init) {
    const { runInit } = await import('./init.js');
    const written = await runInit({ preset: opts.preset, profile: opts.profile }, io.cwd, locale, io.ask ?? terminalAsk(io));
    const text = readFileSync(path.join(io.cwd, written), 'utf8');
    const value = (key: string) => new RegExp(`^${key}: (\\S+)`, 'm').exec(text)?.[1] ?? '';
    io.stderr(coreMessage(locale, 'initWritten', { path: written, preset: value('extends'), profile: value('profile') }) + '\n');
    return EXIT.ok;
  }
  if (opts.preset !== undefined) throw new UsageError('initOnly', { option: '--preset' });
  if (opts.profile !== undefined) throw new UsageError('initOnly', { option: '--profile' });
  const targets = parseFormatTargets(opts.format, opts.outputFile);
  // A copy needs the file it copies: standard input has none.
  const docxCopies = !opts.stdin && (opts.format.includes('docx') || Boolean(opts.fix && !opts.fixDryRun));
  if (opts.outputDir !== undefined && !docxCopies) throw new UsageError('outputDirUnused');
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
  // TIMING=1, as in ESLint: time per rule on stderr (one thread, so that every rule is timed here).
  const timing = io.env.TIMING !== undefined && io.env.TIMING !== '' && io.env.TIMING !== '0';

  // A run that changes nothing but its reports is recorded for replay (cache/replay.ts): from here on,
  // what it reads is noted (files/inputs.ts) and what it prints is taken down.
  const recording =
    opts.cache && session.replay && !opts.fix && !opts.fixDryRun && !opts.stdin && !timing && !docxCopies && opts.baselineWrite === undefined;
  if (!recording) return lintAndReport(opts, patterns, io, session, { targets, docxCopies, maxWarnings, maxFileSize, timing });
  const recorder = new RunRecorder(io);
  startJournal();
  try {
    return await lintAndReport(opts, patterns, recorder.io, session, { targets, docxCopies, maxWarnings, maxFileSize, timing, recorder, debug: io.stderr });
  } finally {
    if (journalActive()) stopJournal();
  }
}

/** What runLint worked out from the command line. */
interface RunPlan {
  targets: ReturnType<typeof parseFormatTargets>;
  docxCopies: boolean;
  maxWarnings: number;
  maxFileSize: number | undefined;
  timing: boolean;
  /** Takes down the run for its record; `debug` prints, with --debug, why it was or was not recorded. */
  recorder?: RunRecorder;
  debug?: (text: string) => void;
}

async function lintAndReport(opts: CliOptions, patterns: string[], io: CliIO, session: RunSession, plan: RunPlan): Promise<number> {
  const { targets, docxCopies, maxWarnings, maxFileSize, timing, recorder } = plan;
  let locale = session.locale;
  const resolver = new ConfigResolver({
    registry: builtinRegistry,
    cwd: io.cwd,
    configFile: typeof opts.config === 'string' ? opts.config : undefined,
    useConfigFiles: opts.config !== false,
    ruleFlags: opts.rule,
  });
  locale = (opts.locale as Locale | undefined) ?? resolver.forCwd().locale ?? locale;
  session.locale = locale;

  if (opts.listRules) {
    const { listRules } = await import('../docs/rule-docs.js');
    io.stdout(listRules(builtinRules, locale));
    return EXIT.ok;
  }
  if (opts.explain !== undefined) {
    const rule = builtinRegistry.get(opts.explain);
    if (!rule) throw new UsageError('unknownRule', { ruleId: opts.explain, suggestion: closest(opts.explain, builtinRegistry.keys()) ?? '' });
    const { ruleDoc } = await import('../docs/rule-docs.js');
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
    if (!builtinRegistry.get(ruleId)?.fixable) {
      const fixable = [...builtinRegistry.values()].filter((r) => r.fixable).map((r) => r.id);
      throw new UsageError('unknownFixRule', { ruleId, suggestion: closest(ruleId, fixable) ?? '' });
    }
  }
  const baseline = opts.baseline === undefined ? undefined : readBaseline(path.resolve(io.cwd, opts.baseline));
  const stdinLimit = maxFileSize ?? DEFAULT_MAX_FILE_SIZE;

  const cache = await openCache(opts, io, locale, session.replay);
  if (timing) (await import('../engine/timing.js')).enableTiming();
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
      docxTrackedChanges: Boolean(opts.fix && !opts.fixDryRun),
      references: opts.reference,
      encoding: opts.encoding,
      maxFileSize,
      stdin: opts.stdin ? { text: await (io.readStdin ?? noStdin)(stdinLimit), filePath: opts.stdinFilename ?? '<stdin>.md' } : undefined,
      onProgress: progress?.update,
      cache,
      // Only what reads the reports' texts makes a warm run read them from the cache.
      needSources: !targets.every((t) => SOURCELESS_FORMATS.has(t.format)) || baseline !== undefined || opts.baselineWrite !== undefined || docxCopies,
      workers: timing ? 0 : parseWorkers(io.env.REPORTLINT_WORKERS),
    });
  } finally {
    progress?.stop();
  }
  if (cache?.foundDamage) io.stderr(`reportlint: ${coreMessage(locale, 'cacheDamaged', { path: shownPath(io.cwd, cache.file) })}\n`);
  // As ESLint: TIMING=all lists every rule, TIMING=n the n slowest, anything else the 15 slowest.
  const rows = io.env.TIMING === 'all' ? Infinity : Number(io.env.TIMING) > 1 ? Number(io.env.TIMING) : 15;
  if (timing) io.stderr((await import('../engine/timing.js')).timingTable(rows));

  // Why this run is not recorded for replay, when it is not (said with --debug).
  let notRecorded: string | undefined = recorder ? 'it did not finish' : undefined;
  try {
    const exit = await report();
    if (recorder && cache && session.replay) {
      const inputs = stopJournal();
      if ('spoiled' in inputs) notRecorded = inputs.spoiled;
      else if (exit === EXIT.usage) notRecorded = 'a file could not be read or written';
      else if (cache.foundDamage || cache.openedDamaged) notRecorded = 'the cache was damaged';
      else {
        const record = recorder.finish(inputs, exit);
        if (record) cache.recordRun(session.replay.key, record);
        notRecorded = record ? undefined : 'its record would be too large';
      }
    }
    return exit;
  } finally {
    if (cache) {
      try {
        cache.save();
      } catch (error) {
        // A cache that cannot be written costs the next run time, not this run its findings.
        io.stderr(`reportlint: ${error instanceof UsageError ? error.format(locale) : String(error)}\n`);
        notRecorded ??= 'the cache could not be written';
      }
      // Every text the outputs read has been read.
      cache.close();
    }
    if (recorder && opts.debug) {
      plan.debug?.(`reportlint: debug: cache: ${notRecorded === undefined ? 'recorded this run for replay' : `this run is not recorded for replay: ${notRecorded}`}\n`);
    }
  }

  /** Fixes, baselines, the outputs and Word copies; the exit code. */
  async function report(): Promise<number> {
    let writeFailed = false;
    if (opts.fixDryRun) {
      // The diff is for people: it goes to stdout only when no machine-read format does.
      const machineOnStdout = targets.some((t) => t.file === undefined && !HUMAN_FORMATS.has(t.format));
      const print = machineOnStdout ? io.stderr : io.stdout;
      const { createTwoFilesPatch } = await import('diff');
      for (const r of results) {
        if (r.output === undefined) continue;
        const rel = path.relative(io.cwd, r.filePath) || r.filePath;
        print(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, readStamp(r)?.original ?? '', r.output));
      }
    } else if (opts.fix) {
      // One line per file that could not be written; the batch and its findings go on.
      for (const problem of writeFixes(results)) {
        if (problem.kind === 'changed') {
          io.stderr(`reportlint: ${coreMessage(locale, 'fileChanged', { path: problem.file })}\n`);
          continue;
        }
        writeFailed = true;
        const message = problem.error!.format(locale);
        io.stderr(`reportlint: ${message.includes(problem.file) ? message : `${problem.file}${locale === 'zh' ? '：' : ': '}${message}`}\n`);
      }
    }

    if (opts.baselineWrite !== undefined) {
      const file = path.resolve(io.cwd, opts.baselineWrite);
      const written = createBaseline(results, file);
      writeOutputFile(file, serializeBaseline(written), { shownPath: opts.baselineWrite });
      io.stderr(coreMessage(locale, 'baselineWritten', { count: written.entries.reduce((n, e) => n + e.count, 0), path: opts.baselineWrite }) + '\n');
      return hasFatal(results) ? EXIT.usage : EXIT.ok;
    }
    if (baseline) {
      const applied = applyBaseline(results, baseline.data, baseline.file);
      results = applied.results;
      if (applied.suppressed) io.stderr(coreMessage(locale, 'baselineSuppressed', { count: applied.suppressed }) + '\n');
    }
    if (opts.quiet) {
      results = results.map((r) => withMessages(r, r.messages.filter((m) => m.severity === 2)));
    }

    const colorEnv = !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    await writeOutputs(targets, results, {
      locale,
      cwd: io.cwd,
      registry: builtinRegistry,
      color: (toStdout) => opts.color ?? (toStdout && io.isTTY && colorEnv),
      stdout: io.stdout,
      columns: io.isTTY ? io.columns : undefined,
      onWritten: recorder ? (file, shown, data) => recorder.wrote(file, shown, data) : undefined,
    });
    const copiesWritten = !docxCopies
      ? true
      : await (await import('./docx-copies.js')).writeDocxCopies(results, {
          cwd: io.cwd,
          outputDir: opts.outputDir,
          locale,
          fixes: Boolean(opts.fix && !opts.fixDryRun),
          fixRules: opts.fixRule,
          say: (line) => io.stderr(`reportlint: ${line}\n`),
        });

    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (hasFatal(results) || writeFailed || !copiesWritten) return EXIT.usage;
    if (errors > 0) return EXIT.problems;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(coreMessage(locale, 'tooManyWarnings', { max: maxWarnings }) + '\n');
      return EXIT.problems;
    }
    return EXIT.ok;
  }
}

/** `--cache`: the cache file opened (a damaged one is said and rebuilt); undefined without --cache or with --fix. */
async function openCache(opts: CliOptions, io: CliIO, locale: Locale, replay: RunSession['replay']) {
  if (opts.cacheStrategy !== undefined && opts.cacheStrategy !== 'metadata' && opts.cacheStrategy !== 'content') {
    throw new UsageError('badCacheStrategy', { value: opts.cacheStrategy });
  }
  if (!opts.cache) return undefined;
  if (opts.fix || opts.fixDryRun) {
    io.stderr(`reportlint: ${coreMessage(locale, 'cacheWithFix')}\n`);
    return undefined;
  }
  if (opts.stdin) return undefined;
  const { LintCache, cacheFile } = await import('../cache/lint-cache.js');
  const file = cacheFile(io.cwd, opts.cacheLocation);
  const { cache, damaged } = LintCache.open(file, opts.cacheStrategy === 'content' ? 'content' : 'metadata', builtinRegistry);
  // A damaged record of this run (found by main's replay) is damage like any other: said, and dropped.
  if (replay?.damaged) cache.dropDamagedRun(replay.key);
  if (damaged || replay?.damaged) io.stderr(`reportlint: ${coreMessage(locale, 'cacheDamaged', { path: shownPath(io.cwd, file) })}\n`);
  return cache;
}

/** A path as the user would write it: relative below the working directory, absolute elsewhere. */
function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** REPORTLINT_WORKERS: how many worker threads (0: none); unset lets the batch size decide. */
function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError('badWorkers', { value });
  return Number(value);
}

/** Baselines are small: one line per finding. A larger file is not one (and /dev/zero never ends). */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;
const HUMAN_FORMATS = new Set(['stylish', 'summary']);

function readBaseline(file: string) {
  const text = readCapped(file, MAX_BASELINE_BYTES, 'text');
  const data = parseBaseline(text);
  if (typeof data === 'string') throw new UsageError('badBaseline', { path: file, reason: data });
  return { file, data };
}

/** Questions through readline, when both standard input and output are terminals. */
function terminalAsk(io: CliIO): Ask | undefined {
  if (!io.isTTY || !process.stdin.isTTY) return undefined;
  return async (question) => {
    // Loaded here: only `--init` on a terminal asks anything.
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}

async function noStdin(_maxBytes: number): Promise<string> {
  return '';
}

