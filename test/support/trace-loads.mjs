// Preload (`node --import ./trace-loads.mjs …`): appends every module the process loads,
// one file URL or path a line, to the file named by REPORTLINT_TRACE_LOADS. ES modules are
// seen by a resolve hook (it runs on Node's loader thread, hence the file), CommonJS ones
// (a package's own require() calls, createRequire) by wrapping Module._load. At exit, the
// public built-in modules Node loaded, as `node:name` lines.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const out = process.env.REPORTLINT_TRACE_LOADS;
if (out) {
  register(new URL('./trace-loads-hooks.mjs', import.meta.url), { data: { out } });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    let resolved = request;
    try {
      resolved = Module._resolveFilename(request, parent, isMain);
    } catch {}
    if (!resolved.startsWith('node:') && resolved.includes('/')) appendFileSync(out, `${resolved}\n`);
    return load.apply(this, arguments);
  };
  process.on('exit', () => {
    const builtins = process.moduleLoadList.flatMap((entry) => /^NativeModule (?!internal\/)(\S+)$/.exec(entry)?.[1] ?? []);
    appendFileSync(out, builtins.map((name) => `node:${name}\n`).join(''));
  });
}
