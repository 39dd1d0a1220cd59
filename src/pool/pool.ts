import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { journalActive, mergeInputs } from '../files/inputs.js';
import type { FileOutcome, FileTask } from '../lint-file.js';
import type { WorkerInput, WorkerOutput } from './worker.js';

/**
 * Large batches are linted in a pool of worker threads (tinypool). Outcomes are
 * put back in the order of the files, so the output is byte for byte that of a
 * single-threaded run; batch rules get the fingerprints the workers recorded.
 */

/**
 * Below this many files the pool costs more than it saves: each worker loads
 * the linter before its first file, outcomes cross threads, and on two cores
 * the garbage collector's own threads already keep the second core busy during
 * a single-threaded run. Measured with 15 KB reports on the 2-core CI machine
 * (one thread vs two workers, wall time): 1,000 files 3.0 s vs 3.3 s, 2,000
 * files 4.8 s vs 4.8 s, 5,000 files 12.4 s vs 10.5 s.
 */
export const POOL_THRESHOLD = 2500;

/** The worker's module: beside the bundle's chunks (prebuilt/worker.js) or tsc's output (dist/src/pool/worker.js). */
const WORKER_FILE = new URL('./worker.js', import.meta.url);

/**
 * How many worker threads for `files` files; 0 means lint on the main thread.
 * `requested` (REPORTLINT_WORKERS) overrides the threshold: 0 forces one thread.
 */
export function workerCount(files: number, requested?: number): number {
  // Run from TypeScript sources (vitest), there is no compiled worker to start.
  if (!existsSync(fileURLToPath(WORKER_FILE))) return 0;
  if (requested !== undefined && Number.isFinite(requested)) return Math.max(0, Math.min(64, Math.floor(requested)));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (files < POOL_THRESHOLD || cores < 2) return 0;
  // One per 1,000 files, at least two (one would leave this thread idle), at most one per core.
  return Math.min(cores, Math.max(2, Math.ceil(files / 1000)));
}

/** Files per call: enough to spread a call's fixed cost, few enough to keep both workers busy to the end. */
const CHUNK = 16;

/**
 * Runs the tasks in `threads` workers, a chunk of files a call and two calls at a
 * time in each. `onOutcome` gets each outcome with its task's index as its chunk
 * comes back; the promise settles when all are done.
 */
export async function runPooled(
  tasks: FileTask[],
  references: string[],
  threads: number,
  onOutcome: (outcome: FileOutcome, index: number) => void,
): Promise<void> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: WORKER_FILE.href, minThreads: threads, maxThreads: threads, idleTimeout: 0, concurrentTasksPerWorker: 2 });
  const size = Math.max(1, Math.min(CHUNK, Math.floor(tasks.length / (threads * 4))));
  const calls: Promise<void>[] = [];
  for (let from = 0; from < tasks.length; from += size) {
    const input: WorkerInput = { tasks: tasks.slice(from, from + size), references, journal: journalActive() };
    calls.push(
      pool.run(input).then(({ outcomes, inputs }: WorkerOutput) => {
        if (inputs) mergeInputs(inputs);
        outcomes.forEach((outcome, k) => onOutcome(revive(outcome), from + k));
      }),
    );
  }
  try {
    await Promise.all(calls);
  } finally {
    await pool.destroy();
  }
}

/** A Buffer crosses a thread as a plain Uint8Array: the formatted copy's bytes become a Buffer again, as writers expect. */
function revive(outcome: FileOutcome): FileOutcome {
  const copy = outcome.stamp?.formatted;
  if (copy && !Buffer.isBuffer(copy.bytes)) {
    const bytes = copy.bytes as Uint8Array;
    copy.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return outcome;
}
