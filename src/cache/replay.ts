import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../cli/main.js';
import { currentListing, fileStamp, type RunInputs } from '../files/inputs.js';
import { writeReportFile } from '../files/safe-write.js';
import { VERSION } from '../version.js';
import { cacheFile, readRecord, readSections, sha1 } from './layout.js';

/**
 * Whole runs, replayed. A `--cache` run records, beside the files' outcomes,
 * everything it read (files/inputs.ts: each file's stamp, each directory
 * listing its walks read) and everything it gave: what it printed, the report
 * files it wrote, its exit code. A later run with the same key (command line,
 * working directory, the environment variables reportlint reads, terminal,
 * reportlint's and Node's versions) checks the stamps; when every one is as it
 * was, it gives the same output again without loading the linter at all. It is
 * what Turborepo and Nx do for a task whose inputs did not change.
 *
 * Anything else is a miss, and the run goes on as usual: a stamp that differs,
 * a record that is damaged (said by the run that follows), a file that cannot
 * be read. Only runs that change nothing but their reports are recorded (no
 * fixes, no Word copies, no baseline written), and only when no file could not
 * be read and the journal is whole (see run.ts).
 */

export interface RunRecord {
  inputs: RunInputs;
  /** What the run printed, in order: 1 for standard output, 2 for standard error. */
  printed: [1 | 2, string][];
  /** The report files it wrote (`-o`, `-f fmt:FILE`): path, path as given, and content (text, or bytes in base64). */
  written: { file: string; shown: string; text?: string; base64?: string }[];
  exit: number;
}

/** Environment variables that change what a run gives, besides REPORTLINT_* (test/replay.test.ts checks that the sources read no others). */
export const RUN_ENV = ['CI', 'FORCE_COLOR', 'NO_COLOR', 'TIMING'];

/** Past this, a run is not recorded: a replay would save less than it costs to keep. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** The code itself: a rebuilt bundle or a recompiled dist/ is another reportlint, whatever its version says. */
const CODE_FILE = fileURLToPath(import.meta.url);

/** What a run is replayed under: everything besides the files it reads that decides what it gives. `codeFile` is the CLI's module or bundle. */
export function runKey(argv: readonly string[], io: CliIO, codeFile = CODE_FILE): string {
  const env = Object.keys(io.env)
    .filter((name) => RUN_ENV.includes(name) || name.startsWith('REPORTLINT_'))
    .sort()
    .map((name) => [name, io.env[name]]);
  return sha1(
    JSON.stringify({
      version: VERSION,
      node: process.version,
      code: fileStamp(codeFile),
      cwd: io.cwd,
      argv,
      env,
      terminal: [io.isTTY, Boolean(io.stderrIsTTY), io.isTTY ? (io.columns ?? null) : null],
    }),
  );
}

export type Replay = { exit: number } | { key: string; damaged: boolean };

/**
 * Replays the run when the cache holds a record of it whose inputs are all
 * unchanged: returns its exit code. Otherwise returns the run's key (for the
 * record the run will leave) and whether the record found was damaged.
 */
export function tryReplay(argv: readonly string[], io: CliIO, codeFile = CODE_FILE): Replay {
  const key = runKey(argv, io, codeFile);
  let fd: number;
  try {
    fd = openSync(cacheFile(io.cwd, lastValue(argv, '--cache-location')), 'r');
  } catch {
    return { key, damaged: false };
  }
  try {
    const sections = readSections(fd);
    // A damaged or outdated file is the run's to say and rebuild.
    if (typeof sections === 'string') return { key, damaged: false };
    const slot = sections.index.find((s) => s.key === key);
    if (!slot) return { key, damaged: false };
    const bytes = readRecord(fd, sections.records, slot);
    const record = bytes && parseRecord(bytes);
    if (!record) return { key, damaged: true };
    if (!unchanged(record.inputs)) return { key, damaged: false };
    // Files first: one that cannot be written now leaves the run to say so, with nothing printed twice.
    for (const w of record.written) writeReportFile(w.file, w.text ?? Buffer.from(w.base64 ?? '', 'base64'), w.shown);
    for (const [stream, text] of record.printed) (stream === 1 ? io.stdout : io.stderr)(text);
    return { exit: record.exit };
  } catch {
    return { key, damaged: false };
  } finally {
    closeSync(fd);
  }
}

/** What --debug says of a replayed run. */
export const REPLAYED = 'reportlint: debug: cache: replayed the recorded run (no input changed)\n';

/**
 * The replay alone, as bin/reportlint.js tries it before it loads the CLI (prebuilt/replay.js): a replay needs
 * none of the CLI's code. Returns the run's exit code when the run was replayed; otherwise undefined, and the CLI
 * tries again (it then says why a record was not used) and runs. `codeFile` is the CLI's bundle, as the CLI's own
 * key names it.
 */
export function replayBeforeLoading(argv: readonly string[], io: CliIO, codeFile: string): number | undefined {
  if (!argv.includes('--cache')) return undefined;
  const replay = tryReplay(argv, io, codeFile);
  if (!('exit' in replay)) return undefined;
  if (argv.includes('--debug')) io.stderr(REPLAYED);
  return replay.exit;
}

/** True when every file and listing the run read is as it was. */
function unchanged(inputs: RunInputs): boolean {
  for (const [file, stamp] of inputs.files) if (fileStamp(file) !== stamp) return false;
  for (const [dir, stamp] of inputs.dirs) if (currentListing(dir) !== stamp) return false;
  return true;
}

/**
 * The value of a long option, as commander reads it (`--name value`, `--name=value`, the
 * last one wins). A misreading can only miss: a record is found under the key of its own command line.
 */
function lastValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === name) value = argv[++i];
    else if (argv[i].startsWith(`${name}=`)) value = argv[i].slice(name.length + 1);
  }
  return value;
}

function parseRecord(bytes: Buffer): RunRecord | undefined {
  try {
    const r = JSON.parse(bytes.toString('utf8')) as RunRecord;
    const ok =
      Array.isArray(r.inputs?.files) && Array.isArray(r.inputs.dirs) && Array.isArray(r.printed) && Array.isArray(r.written) && Number.isInteger(r.exit);
    return ok ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Takes down what a run prints and writes, for its record. */
export class RunRecorder {
  private readonly printed: RunRecord['printed'] = [];
  private readonly written: RunRecord['written'] = [];
  /** The run's io, printing through the recorder. */
  readonly io: CliIO;

  constructor(io: CliIO) {
    this.io = {
      ...io,
      stdout: (text) => {
        this.printed.push([1, text]);
        io.stdout(text);
      },
      stderr: (text) => {
        this.printed.push([2, text]);
        io.stderr(text);
      },
    };
  }

  wrote(file: string, shown: string, data: string | Buffer): void {
    this.written.push(typeof data === 'string' ? { file, shown, text: data } : { file, shown, base64: data.toString('base64') });
  }

  /** The record, or undefined when it would be too large to be worth keeping. */
  finish(inputs: RunInputs, exit: number): Buffer | undefined {
    const bytes = Buffer.from(JSON.stringify({ inputs, printed: this.printed, written: this.written, exit } satisfies RunRecord));
    return bytes.length <= MAX_RECORD_BYTES ? bytes : undefined;
  }
}
