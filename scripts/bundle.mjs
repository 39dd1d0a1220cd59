#!/usr/bin/env node
// Writes prebuilt/: the CLI (cli.js), the library API (index.js) and, when src/pool/worker.ts
// exists, the pool's worker (worker.js), bundled from src/ and rules/ into ES modules that share
// chunks. It is committed, so that installs that cannot run tsc (`npm install -g git+…`,
// pre-commit, the Action) still get a runnable CLI; test/prebuilt.test.ts fails when it is
// stale: run `npm run bundle`. Plain JavaScript, so that it runs before anything is compiled.
//
// Made for start-up time (issue 15):
// - The npm packages every text run needs (commander, unified/remark/micromark, yaml, fast-glob,
//   picomatch, chalk, string-width …) are bundled in: one file read instead of hundreds resolved
//   through Node's loaders (measured: faster, see README "Speed").
// - What few runs need sits in chunks of its own behind dynamic import(): the Word reader and
//   writer, each formatter, diff, rule docs. Packages that are large or must stay files of
//   their own are left as imports: pdfjs-dist (its worker file), tinypool (its thread script),
//   write-excel-file (xlsx only). iconv-lite, chardet, cli-progress and Ajv's compiler are
//   required lazily by the sources (createRequire), so they are not bundled either.
// - The built-in dictionaries and every JSON schema are compiled now: src/data/embedded.ts and
//   src/config/precompiled.ts, stand-ins in the sources, are replaced by the parsed dictionaries
//   (a JSON string, parsed on first use) and by Ajv standalone validators.
import { build, transform } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Packages that stay imports of node_modules (see above). */
export const EXTERNAL_PACKAGES = ['pdfjs-dist', 'tinypool', 'write-excel-file'];

/** The built-in data and schemas, computed by the sources themselves: a small TypeScript generator bundled and run now. */
async function generatedData() {
  const generator = `
    import { readFileSync } from 'node:fs';
    import path from 'node:path';
    import { parse } from 'yaml';
    import { builtinRules } from './rules/index.ts';
    import { CONFIG_SCHEMA } from './src/config/schema.ts';
    import { AJV_OPTIONS } from './src/config/validate.ts';
    import { optionsSchema } from './src/engine/rule.ts';
    import { BUILTIN_TERMS_FILE, parseTermsData } from './src/terms.ts';
    import { BUILTIN_TYPOS_FILE, validateTypos } from './src/typos.ts';
    export function generate(root) {
      const read = (file) => readFileSync(path.join(root, file), 'utf8');
      return {
        terms: parseTermsData(read(BUILTIN_TERMS_FILE)),
        typos: validateTypos(parse(read(BUILTIN_TYPOS_FILE))),
        schemas: [CONFIG_SCHEMA, ...builtinRules.map((rule) => optionsSchema(rule))],
        ajvOptions: AJV_OPTIONS,
      };
    }`;
  const out = await build({
    absWorkingDir: root,
    stdin: { contents: generator, resolveDir: root, sourcefile: 'bundle-data.ts', loader: 'ts' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  // Inside node_modules, so that the generator's package imports resolve; a name of its own per call.
  const dir = path.join(root, 'node_modules/.cache/reportlint-bundle');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `generate-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return (await import(pathToFileURL(file).href)).generate(root);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Ajv standalone code (CommonJS) validating every schema, and the module that maps each schema's JSON to its validator. */
function validatorModules(schemas, ajvOptions) {
  const { Ajv, _ } = require('ajv');
  const standaloneCode = require('ajv/dist/standalone').default;
  // The one format the schemas use, checked as src/config/validate.ts checks it (the pattern compiles with the `u` flag).
  const ajv = new Ajv({ ...ajvOptions, code: { source: true, formats: _`require("reportlint:formats")` } });
  ajv.addFormat('regex', { type: 'string', validate: () => true });
  // Ajv ignores a format it does not know (strict is off): one the sources validate through ajv-formats would pass here unchecked.
  const formats = new Set(JSON.stringify(schemas).match(/"format":"[^"]*"/g) ?? []);
  formats.delete('"format":"regex"');
  if (formats.size) throw new Error(`bundle: the schemas use ${[...formats].join(', ')}: give the precompiled validators that format (scripts/bundle.mjs)`);
  const keys = [];
  const names = {};
  for (const schema of schemas) {
    const key = JSON.stringify(schema);
    if (keys.includes(key)) continue;
    names[`v${keys.length}`] = `s${keys.length}`;
    ajv.addSchema(schema, `s${keys.length}`);
    keys.push(key);
  }
  return {
    validators: standaloneCode(ajv, names),
    formats: "module.exports = { regex: { type: 'string', validate(pattern) { try { new RegExp(pattern, 'u'); return true; } catch { return false; } } } };\n",
    precompiled:
      "import validators from 'reportlint:validators';\n" +
      `export const PRECOMPILED = {\n${keys.map((key, i) => `  ${JSON.stringify(key)}: validators.v${i},`).join('\n')}\n};\n`,
  };
}

/** The module that takes the place of src/data/embedded.ts: each dictionary as a JSON string, parsed when first asked for. */
function embeddedModule({ terms, typos }) {
  const json = (value) => JSON.stringify(JSON.stringify(value));
  return `export const embeddedTerms = () => JSON.parse(${json(terms)});\nexport const embeddedTypos = () => JSON.parse(${json(typos)});\n`;
}

/** The bundle's files (name → text); written to `outdir` unless `write` is false. */
export async function bundle({ write = true, outdir = path.join(root, 'prebuilt') } = {}) {
  const data = await generatedData();
  const generated = { ...validatorModules(data.schemas, data.ajvOptions), embedded: embeddedModule(data) };
  // Generated code nobody reads, in the start-up path of every run with a config file: minified, it is a third of the size to parse.
  generated.validators = (await transform(generated.validators, { format: 'cjs', minify: true, target: 'node20', platform: 'node' })).code;
  const entryPoints = { cli: 'src/cli/main.ts', index: 'src/index.ts' };
  // The lead's worker pool: a second entry beside cli.js (the pool finds it as new URL('./worker.js', import.meta.url)).
  if (existsSync(path.join(root, 'src/pool/worker.ts'))) entryPoints.worker = 'src/pool/worker.ts';

  // Chunk names carry hashes: a stale chunk would stay behind and fail the freshness test.
  if (write) rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    // Entries and chunks side by side, so that a URL relative to import.meta.url means the same in each.
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL_PACKAGES,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    // Third-party licence comments of the bundled packages, at the end of the file that holds their code.
    legalComments: 'eof',
    banner: {
      // CommonJS packages bundled into ES modules still require() Node's built-ins.
      js: "// Generated by scripts/bundle.mjs from src/ and rules/ (npm run bundle). Do not edit.\nimport { createRequire as __reportlintCreateRequire } from 'node:module';\nconst require = __reportlintCreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'reportlint-generated',
        setup(b) {
          // The stand-ins, replaced wherever they are imported from.
          b.onLoad({ filter: /[\\/]src[\\/]data[\\/]embedded\.ts$/ }, () => ({ contents: generated.embedded, loader: 'js' }));
          b.onLoad({ filter: /[\\/]src[\\/]config[\\/]precompiled\.ts$/ }, () => ({ contents: generated.precompiled, loader: 'js', resolveDir: root }));
          b.onResolve({ filter: /^reportlint:/ }, (args) => ({ path: args.path.slice('reportlint:'.length), namespace: 'reportlint' }));
          // resolveDir: the standalone code requires Ajv's runtime helpers (ajv/dist/runtime/…), bundled from node_modules.
          b.onLoad({ filter: /.*/, namespace: 'reportlint' }, (args) => ({ contents: generated[args.path], loader: 'js', resolveDir: root }));
          // string-width makes an Intl.Segmenter when imported, which loads ICU's break data (15–50 ms):
          // made on first use instead, so a run that measures no text (a clean report) pays nothing.
          b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const eager = 'const segmenter = new Intl.Segmenter();';
            if (!text.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy (string-width changed: update scripts/bundle.mjs)`);
            const lazy = 'let lazySegmenter;\nconst segmenter = { segment: (text) => (lazySegmenter ??= new Intl.Segmenter()).segment(text) };';
            return { contents: text.replace(eager, lazy), loader: 'js' };
          });
        },
      },
    ],
    write,
    logLevel: 'warning',
  });
  if (write) return undefined;
  return Object.fromEntries(result.outputFiles.map((f) => [path.relative(outdir, f.path), f.text]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle();
}
