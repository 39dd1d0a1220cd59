#!/usr/bin/env node
// Writes prebuilt/: the CLI (cli.cjs, and launch.js that runs it), the library API (index.js),
// the replay tried before the CLI is loaded (replay.js) and, when src/pool/worker.ts exists, the
// pool's worker (worker.js), bundled from src/ and rules/. cli.cjs is one CommonJS file; the others
// are ES modules that share chunks. It is committed, so that installs that cannot run tsc
// (`npm install -g git+…`, pre-commit, the Action) still get a runnable CLI; test/prebuilt.test.ts
// fails when it is stale: run `npm run bundle`. Plain JavaScript, so that it runs before anything is compiled.
//
// Made for start-up time (issue 15):
// - The CLI is one CommonJS file, cli.cjs, run by launch.js (src/launch/launch.ts) through vm.Script
//   with a V8 code cache: what an earlier run compiled is read back, not compiled again (about 35 ms
//   of a small run). Node 20's module loaders keep no code cache, and only a script (not an ES module)
//   takes one. Its import.meta.url and its import() of the packages left as imports (below) are
//   given by launch.js's wrapper, as __reportlintUrl and __reportlintImport. One file, as esbuild
//   splits no CommonJS: the code a run does not use is read but, with the cache, never compiled.
// - The npm packages every text run needs (commander, fast-glob, picomatch, chalk, string-width …)
//   are bundled in: one file read instead of hundreds resolved through Node's loaders (measured:
//   faster, see README "Speed").
// - What few runs need is behind dynamic import(): the Word reader and writer, each formatter, diff,
//   rule docs (chunks of their own in the ES modules; in cli.cjs, modules initialised on first use).
//   Packages that are large or must stay files of their own are left as imports: pdfjs-dist (its worker file), tinypool (its thread script),
//   write-excel-file (xlsx only). iconv-lite, chardet, cli-progress and Ajv's compiler are
//   required lazily by the sources (createRequire), so they are not bundled either.
// - What many runs need but a plain Markdown report without a config file does not, and what the
//   sources call synchronously (so import() will not do), is bundled into CommonJS files beside
//   cli.js, required on first use (LAZY_GROUPS): lazy-yaml.cjs (config files, --rule, user
//   dictionaries), lazy-remark.cjs (unified, remark-parse, micromark and the GFM table and
//   front-matter extensions: Markdown beyond src/model/plain-markdown.ts's subset, and --fix)
//   and lazy-validators.cjs (below). The sources' imports of those packages are given a shim:
//   for each function they import, one that requires the file and forwards the call. They are
//   690 KB of the 1.8 MB that a small run used to read and compile. CommonJS, so that require()
//   loads them synchronously on every Node 20.
// - Node's built-ins that few runs use are loaded when first used as well: node:crypto (src/hash.ts),
//   node:child_process (src/files/convert.ts imports it to convert; commander's require is patched
//   below).
// - The built-in dictionaries and every JSON schema are compiled now: src/data/embedded.ts and
//   src/config/precompiled.ts, stand-ins in the sources, are replaced by the parsed dictionaries
//   (a JSON string, parsed on first use) and by Ajv standalone validators (lazy-validators.cjs,
//   each required on its first call).
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
    precompiled: precompiledModule(keys),
  };
}

/**
 * The module that takes the place of src/config/precompiled.ts: each schema's JSON → a validator that requires
 * lazy-validators.cjs on its first call. Ajv's standalone code reports through its function's `errors`
 * property (src/config/validate.ts reads it), so each call's is copied onto the stand-in.
 */
function precompiledModule(keys) {
  return (
    "import { load } from 'reportlint-lazy-loader:validators';\n" +
    'function lazyValidator(name) {\n' +
    '  const validate = function (...args) {\n' +
    '    const real = load()[name];\n' +
    '    try {\n' +
    '      return Reflect.apply(real, this, args);\n' +
    '    } finally {\n' +
    '      validate.errors = real.errors;\n' +
    '    }\n' +
    '  };\n' +
    '  validate.errors = null;\n' +
    '  return validate;\n' +
    '}\n' +
    `export const PRECOMPILED = {\n${keys.map((key, i) => `  ${JSON.stringify(key)}: lazyValidator('v${i}'),`).join('\n')}\n};\n`
  );
}

/** The module that takes the place of src/data/embedded.ts: each dictionary as a JSON string, parsed when first asked for. */
function embeddedModule({ terms, typos }) {
  const json = (value) => JSON.stringify(JSON.stringify(value));
  return `export const embeddedTerms = () => JSON.parse(${json(terms)});\nexport const embeddedTypos = () => JSON.parse(${json(typos)});\n`;
}

/**
 * Packages loaded from a CommonJS file of their own (prebuilt/lazy-<group>.cjs) the first time one of their
 * functions is called, with the specifiers the sources import them by. A plain Markdown report read without a
 * config file uses none of them (src/model/plain-markdown.ts reads it without remark).
 */
export const LAZY_GROUPS = {
  yaml: ['yaml'],
  remark: ['unified', 'remark-parse', 'remark-frontmatter', 'micromark-extension-gfm-table', 'mdast-util-gfm-table'],
};
const LAZY_GROUP_OF = new Map(Object.entries(LAZY_GROUPS).flatMap(([group, specifiers]) => specifiers.map((specifier) => [specifier, group])));
const LAZY_FILE = (group) => `lazy-${group}.cjs`;

/** An import of a lazy package by src/ or rules/ (the packages' imports among themselves are bundled as usual). */
function lazySpecifier(args) {
  const fromSources = args.namespace === 'file' && ['src', 'rules'].some((dir) => args.importer.startsWith(path.join(root, dir) + path.sep));
  if (!fromSources) return undefined;
  if (LAZY_GROUP_OF.has(args.path)) return args.path;
  if ([...LAZY_GROUP_OF.keys()].some((specifier) => args.path.startsWith(`${specifier}/`))) throw new Error(`bundle: ${args.importer} imports ${args.path}: add it to LAZY_GROUPS (scripts/bundle.mjs), or it is loaded at start-up`);
  return undefined;
}

/** The plugin that puts the generated modules (scripts/bundle.mjs's header) in place of the stand-ins. */
function generatedModules(generated) {
  return {
    name: 'reportlint-generated',
    setup(b) {
      // The stand-ins, replaced wherever they are imported from.
      b.onLoad({ filter: /[\\/]src[\\/]data[\\/]embedded\.ts$/ }, () => ({ contents: generated.embedded, loader: 'js' }));
      b.onLoad({ filter: /[\\/]src[\\/]config[\\/]precompiled\.ts$/ }, () => ({ contents: generated.precompiled, loader: 'js', resolveDir: root }));
      // What the generated modules and the lazy packages' shims import to require a lazy-<group>.cjs.
      b.onResolve({ filter: /^reportlint-lazy-loader:/ }, (args) => ({ path: args.path.slice('reportlint-lazy-loader:'.length), namespace: 'reportlint-lazy-loader' }));
      b.onLoad({ filter: /.*/, namespace: 'reportlint-lazy-loader' }, (args) => ({ contents: lazyLoader(args.path), loader: 'js' }));
      // string-width makes an Intl.Segmenter when imported, which loads ICU's break data (15–50 ms):
      // made on first use instead, so a run that measures no text (a clean report) pays nothing.
      b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) =>
        madeLazy(args.path, 'const segmenter = new Intl.Segmenter();', 'let lazySegmenter;\nconst segmenter = { segment: (text) => (lazySegmenter ??= new Intl.Segmenter()).segment(text) };'),
      );
      // commander requires node:child_process (about a millisecond to load) for subcommands run as
      // executables of their own, which reportlint has none of: required on first spawn instead.
      b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) =>
        madeLazy(args.path, "const childProcess = require('node:child_process');", "let lazyChildProcess;\nconst childProcess = { spawn: (...args) => (lazyChildProcess ??= require('node:child_process')).spawn(...args) };", /\bchildProcess\.(?!spawn\()/),
      );
    },
  };
}

/**
 * A package's module with `eager` (done when it is imported) replaced by `lazy`: fails when `eager` is gone
 * or `otherUse` matches, so that a new version of the package is looked at rather than broken.
 */
async function madeLazy(file, eager, lazy, otherUse) {
  const text = await readFile(file, 'utf8');
  if (!text.includes(eager)) throw new Error(`${file}: no \`${eager}\` to make lazy (the package changed: update scripts/bundle.mjs)`);
  const other = otherUse?.exec(text);
  if (other) throw new Error(`${file}: uses \`${other[0]}\`, which the lazy stand-in does not have (the package changed: update scripts/bundle.mjs)`);
  return { contents: text.replace(eager, lazy), loader: 'js' };
}

/**
 * What the bundle imports from each lazy package (specifier → export names), from an unwritten build that
 * leaves them as imports: esbuild prints one import statement per source import, of the names still used.
 * Throws where a wrapper function could not stand in for the export (see lazyShim).
 */
async function lazyImports(entryPoints, generated) {
  const out = await build({
    absWorkingDir: root,
    entryPoints,
    // Nothing is written; several entries need a directory all the same.
    outdir: path.join(root, 'prebuilt'),
    bundle: true,
    external: EXTERNAL_PACKAGES,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [generatedModules(generated), { name: 'reportlint-lazy-names', setup: (b) => b.onResolve({ filter: /^[^.]/ }, (args) => (lazySpecifier(args) ? { path: args.path, external: true } : undefined)) }],
    write: false,
    logLevel: 'warning',
  });
  return lazyImportsIn(out.outputFiles.map((file) => file.text));
}

/** lazyImports, from the text of the files esbuild wrote (exported for test/bundle.test.ts). */
export function lazyImportsIn(texts) {
  const imports = new Map();
  for (const text of texts) {
    for (const [, clause, specifier] of text.matchAll(/^(?:import|export)\s+([^;]*?)\s+from\s+"([^"]+)";$/gm)) {
      if (!LAZY_GROUP_OF.has(specifier)) continue;
      const names = imports.get(specifier) ?? imports.set(specifier, new Set()).get(specifier);
      for (const { name, local } of importedNames(clause, specifier)) {
        names.add(name);
        const misuse = new RegExp(`(?:instanceof|extends)\\s+${local.replace(/\$/g, '\\$')}(?![\\w$])`).exec(text);
        if (misuse) throw new Error(`bundle: the sources use ${specifier}'s ${name} as \`${misuse[0]}\`: a lazy wrapper cannot stand in for it (take ${specifier} out of LAZY_GROUPS in scripts/bundle.mjs)`);
      }
    }
  }
  return imports;
}

/** `x, { a, b as c }` → [{ name: 'default', local: 'x' }, { name: 'a', local: 'a' }, { name: 'b', local: 'c' }]. */
function importedNames(clause, specifier) {
  if (clause.includes('*')) throw new Error(`bundle: the sources import all of ${specifier} (\`${clause}\`): name the functions, so that each can be loaded lazily`);
  const braces = /\{([^}]*)\}/.exec(clause);
  const names = (braces?.[1] ?? '').split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name, local = name] = part.split(/\s+as\s+/);
    return { name, local };
  });
  const defaultLocal = clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim();
  if (defaultLocal) names.push({ name: 'default', local: defaultLocal });
  return names;
}

/** The key under which lazy-<group>.cjs exports `name` of `specifier`. */
const lazyKey = (specifier, name) => `${specifier}:${name}`;

/** The entry of lazy-<group>.cjs: each export the bundle imports from the group's packages, under its lazyKey. */
function lazyEntry(group, imports) {
  return LAZY_GROUPS[group]
    .filter((specifier) => imports.has(specifier))
    .map((specifier) => `export { ${[...imports.get(specifier)].map((name) => `${name} as ${JSON.stringify(lazyKey(specifier, name))}`).join(', ')} } from '${specifier}';\n`)
    .join('');
}

/** The module that requires lazy-<group>.cjs on first use (every chunk sits beside it in prebuilt/, so the relative path holds). */
function lazyLoader(group) {
  return `import { createRequire } from 'node:module';\nlet loaded;\nexport function load() {\n  return (loaded ??= createRequire(import.meta.url)('./${LAZY_FILE(group)}'));\n}\n`;
}

/**
 * The module the bundle imports in place of `specifier`: for each name it imports, a function of the same
 * name that loads the package and forwards the call, `this` included (unified calls plugins with the
 * processor as `this`), or the `new` (yaml's LineCounter). Only functions can be stood in for like this:
 * a value, or a class tested with `instanceof` or extended, would not be the package's own (lazyImports
 * throws for those). Exported for test/bundle.test.ts.
 */
export async function lazyShim(specifier, names) {
  const real = await import(specifier);
  let code = `import { load } from 'reportlint-lazy-loader:${LAZY_GROUP_OF.get(specifier)}';\n`;
  for (const name of names) {
    const value = real[name];
    if (typeof value !== 'function') throw new Error(`bundle: the sources import ${specifier}'s ${name}, ${value === undefined ? 'which it does not export' : `of type ${typeof value}`}: only functions can be loaded lazily (take ${specifier} out of LAZY_GROUPS in scripts/bundle.mjs)`);
    const local = name === 'default' ? (/^[A-Za-z_$][\w$]*$/.test(value.name) ? value.name : 'lazyDefault') : name;
    code +=
      `function ${local}(...args) {\n` +
      `  const real = load()[${JSON.stringify(lazyKey(specifier, name))}];\n` +
      `  return new.target ? Reflect.construct(real, args) : Reflect.apply(real, this, args);\n` +
      `}\n` +
      `export { ${local} as ${name} };\n`;
  }
  return code;
}

/** The plugin that sends the sources' imports of the lazy packages to their shims. */
function lazyShims(imports) {
  return {
    name: 'reportlint-lazy',
    setup(b) {
      b.onResolve({ filter: /^[^.]/ }, (args) => {
        const specifier = lazySpecifier(args);
        return specifier ? { path: specifier, namespace: 'reportlint-lazy' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'reportlint-lazy' }, async (args) => ({ contents: await lazyShim(args.path, imports.get(args.path) ?? []), loader: 'js' }));
    },
  };
}

/** Options of the CommonJS builds of lazy-<group>.cjs (loaded with require(), which needs no require(esm) on any Node 20). */
const LAZY_BUILD = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'eof',
  banner: { js: '// Generated by scripts/bundle.mjs (npm run bundle). Do not edit.' },
  metafile: true,
  logLevel: 'warning',
};

/** lazy-<group>.cjs for a group of packages. */
function buildLazyPackages(group, imports, options) {
  return build({ ...LAZY_BUILD, ...options, stdin: { contents: lazyEntry(group, imports), resolveDir: root, sourcefile: `lazy-${group}.js`, loader: 'js' } });
}

/** lazy-validators.cjs: Ajv's standalone code, with the runtime helpers it requires and the `regex` format. */
function buildLazyValidators(generated, options) {
  return build({
    ...LAZY_BUILD,
    ...options,
    stdin: { contents: generated.validators, resolveDir: root, sourcefile: 'validators.js', loader: 'js' },
    plugins: [
      {
        name: 'reportlint-formats',
        setup(b) {
          b.onResolve({ filter: /^reportlint:formats$/ }, () => ({ path: 'formats', namespace: 'reportlint' }));
          b.onLoad({ filter: /.*/, namespace: 'reportlint' }, () => ({ contents: generated.formats, loader: 'js' }));
        },
      },
    ],
  });
}

/**
 * cli.cjs with each import() (of a package left as an import, or a built-in) made a call of __reportlintImport,
 * which launch.js gives: a script run by vm.Script has no import() of its own on Node 20 without an experimental
 * feature. Exported for test/bundle.test.ts.
 */
export function withImportsGiven(text) {
  const given = text.replace(/\bimport\((?=(["'])([^"'\n]*)\1\))/g, (_call, _quote, specifier) => {
    if (!specifier.startsWith('node:') && !EXTERNAL_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
      throw new Error(`bundle: cli.cjs imports ${specifier} with import(): only packages left as imports (EXTERNAL_PACKAGES) and built-ins should be (scripts/bundle.mjs)`);
    }
    return '__reportlintImport(';
  });
  const left = /\bimport\s*\(/.exec(given);
  if (left) throw new Error(`bundle: cli.cjs has an import() that is not of a string (at ${left.index}): launch.js cannot give it (scripts/bundle.mjs)`);
  return given;
}

/** The npm packages whose code a build bundled (from its metafile). */
function bundledPackages(metafile) {
  return new Set(Object.keys(metafile.inputs).flatMap((input) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input)?.[1] ?? []));
}

/** The bundle's files (name → text); written to `outdir` unless `write` is false. */
export async function bundle({ write = true, outdir = path.join(root, 'prebuilt') } = {}) {
  const data = await generatedData();
  const generated = { ...validatorModules(data.schemas, data.ajvOptions), embedded: embeddedModule(data) };
  // Generated code nobody reads, in the start-up path of every run with a config file: minified, it is a third of the size to parse.
  generated.validators = (await transform(generated.validators, { format: 'cjs', minify: true, target: 'node20', platform: 'node' })).code;
  // replay.js: what bin/reportlint.js tries before it loads cli.cjs when a run has --cache (a replay needs no more).
  const entryPoints = { index: 'src/index.ts', replay: 'src/cache/replay.ts' };
  // The lead's worker pool: an entry beside cli.cjs (the pool finds it as new URL('./worker.js', import.meta.url)).
  if (existsSync(path.join(root, 'src/pool/worker.ts'))) entryPoints.worker = 'src/pool/worker.ts';
  const imports = await lazyImports({ cli: 'src/cli/main.ts', ...entryPoints }, generated);

  // Chunk names carry hashes: a stale chunk would stay behind and fail the freshness test.
  if (write) rmSync(outdir, { recursive: true, force: true });
  const main = build({
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
    plugins: [generatedModules(generated), lazyShims(imports)],
    metafile: true,
    write,
    logLevel: 'warning',
  });
  const lazy = [
    ...Object.keys(LAZY_GROUPS).map((group) => buildLazyPackages(group, imports, { outfile: path.join(outdir, LAZY_FILE(group)), write })),
    buildLazyValidators(generated, { outfile: path.join(outdir, LAZY_FILE('validators')), write }),
  ];
  const cli = build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    external: EXTERNAL_PACKAGES,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'eof',
    define: { 'import.meta.url': '__reportlintUrl' },
    banner: { js: '// Generated by scripts/bundle.mjs from src/ and rules/ (npm run bundle). Do not edit.\n// Run by launch.js (src/launch/launch.ts), whose wrapper gives __reportlintUrl and __reportlintImport.' },
    plugins: [generatedModules(generated), lazyShims(imports)],
    metafile: true,
    write: false,
    logLevel: 'warning',
  }).then(({ metafile, outputFiles }) => {
    // esbuild makes any other import.meta an empty object in CommonJS: undefined at run time.
    if (outputFiles.some((file) => /\bimport_meta\b/.test(file.text))) throw new Error('bundle: the sources use an import.meta property other than url: give it to cli.cjs as define gives url (scripts/bundle.mjs)');
    const files = outputFiles.map((file) => ({ path: file.path, text: withImportsGiven(file.text) }));
    if (write) for (const file of files) writeFileSync(file.path, file.text);
    return { metafile, outputFiles: files };
  });
  const launcher = build({
    absWorkingDir: root,
    entryPoints: { launch: 'src/launch/launch.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    banner: { js: '// Generated by scripts/bundle.mjs from src/launch/launch.ts (npm run bundle). Do not edit.' },
    metafile: true,
    write,
    logLevel: 'warning',
  });
  const [mainResult, cliResult, launchResult, ...lazyResults] = await Promise.all([main, cli, launcher, ...lazy]);
  const results = [mainResult, cliResult, launchResult, ...lazyResults];
  if (bundledPackages(launchResult.metafile).size) throw new Error(`bundle: launch.js bundles ${[...bundledPackages(launchResult.metafile)].join(', ')}: it runs before cli.cjs and should need Node's built-ins only`);
  // A package that reaches the main bundle some other way (through another package) would be loaded at start-up all the same.
  const eager = new Set([...bundledPackages(mainResult.metafile), ...bundledPackages(cliResult.metafile)]);
  const both = lazyResults.flatMap((result) => [...bundledPackages(result.metafile)].filter((name) => eager.has(name)));
  if (both.length) throw new Error(`bundle: ${[...new Set(both)].join(', ')} bundled both into the main bundle and into a lazy-*.cjs: find what imports it (scripts/bundle.mjs LAZY_GROUPS)`);
  if (write) return undefined;
  return Object.fromEntries(results.flatMap((result) => result.outputFiles).map((f) => [path.relative(outdir, f.path), f.text]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle();
}
