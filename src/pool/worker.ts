import { builtinRegistry } from '../../rules/index.js';
import { ReferenceLoader } from '../copy/references.js';
import { journalActive, startJournal, takeNewInputs, type RunInputs } from '../files/inputs.js';
import { lintFile, readTask, type FileOutcome, type FileTask } from '../lint-file.js';

/** A worker thread of the pool: lints a few files per call with the built-in rules. */

export interface WorkerInput {
  /** Several files a call: each call costs a message each way and tinypool's memory probe. */
  tasks: FileTask[];
  /** For the worker's own ReferenceLoader: each worker loads the reference corpus once. */
  references: string[];
  /** The run is noting what it reads (files/inputs.ts): so does the worker, and hands it on. */
  journal: boolean;
}

export interface WorkerOutput {
  outcomes: FileOutcome[];
  inputs?: RunInputs | { spoiled: string };
}

const loaders = new Map<string, ReferenceLoader>();

export default async function lintInWorker(input: WorkerInput): Promise<WorkerOutput> {
  // One journal for the worker's life (one run): its calls overlap.
  if (input.journal && !journalActive()) startJournal();
  const outcomes: FileOutcome[] = [];
  let next = input.tasks.length ? readTask(input.tasks[0]) : undefined;
  for (let k = 0; k < input.tasks.length; k++) {
    const task = input.tasks[k];
    const reading = next!;
    // Read the next file while this one is linted.
    next = k + 1 < input.tasks.length ? readTask(input.tasks[k + 1]) : undefined;
    const key = [task.cwd, ...input.references].join('\0');
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = new ReferenceLoader(task.cwd, input.references)));
    const references = await loader.forSettings(task.settings);
    outcomes.push(await lintFile(task, builtinRegistry, references?.corpus, reading));
  }
  return { outcomes, ...(input.journal ? { inputs: takeNewInputs() } : {}) };
}
