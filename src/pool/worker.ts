import { builtinRegistry } from '../../rules/index.js';
import { ReferenceLoader } from '../copy/references.js';
import { lintFile, readTask, type FileOutcome, type FileTask } from '../lint-file.js';

/** A worker thread of the pool: lints a few files per call with the built-in rules. */

export interface WorkerInput {
  /** Several files a call: each call costs a message each way and tinypool's memory probe. */
  tasks: FileTask[];
  /** For the worker's own ReferenceLoader: each worker loads the reference corpus once. */
  references: string[];
}

const loaders = new Map<string, ReferenceLoader>();

export default async function lintInWorker(input: WorkerInput): Promise<FileOutcome[]> {
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
  return outcomes;
}
