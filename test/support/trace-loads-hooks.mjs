// The loader-thread half of trace-loads.mjs: records each resolved ES module URL.
import { appendFileSync } from 'node:fs';

let out;
export function initialize(data) {
  out = data.out;
}
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) appendFileSync(out, `${result.url}\n`);
  return result;
}
