import { builtinRegistry } from '../../rules/index.js';
import { ReferenceLoader } from '../copy/references.js';
import { lintFile, type FileOutcome, type FileTask } from '../lint-file.js';

/** A worker thread of the pool: lints one file per call with the built-in rules. */

export interface WorkerInput {
  task: FileTask;
  /** For the worker's own ReferenceLoader: each worker loads the reference corpus once. */
  references: string[];
}

const loaders = new Map<string, ReferenceLoader>();

export default async function lintInWorker(input: WorkerInput): Promise<FileOutcome> {
  const key = [input.task.cwd, ...input.references].join('\0');
  let loader = loaders.get(key);
  if (!loader) loaders.set(key, (loader = new ReferenceLoader(input.task.cwd, input.references)));
  const references = await loader.forSettings(input.task.settings);
  return lintFile(input.task, builtinRegistry, references?.corpus);
}
