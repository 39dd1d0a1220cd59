import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { main } from '../src/cli/main.js';
import { formatters } from '../src/formatters/index.js';
import { BINARY_FORMAT_NAMES, loadBinaryFormatter, loadFormatter, TEXT_FORMAT_NAMES } from '../src/formatters/lazy.js';
import { xlsx } from '../src/formatters/xlsx.js';
import { BUILTIN_TERMS_FILE, parseTermsData } from '../src/terms.js';
import { BUILTIN_TYPOS_FILE, validateTypos } from '../src/typos.js';
import { CLEAN_REPORT, ROOT } from './cli-helper.js';

/**
 * The shipped bundle (prebuilt/) is made for start-up time (scripts/bundle.mjs):
 * what a run does not use is not loaded, the built-in dictionaries and the
 * schemas' validators are compiled into it. These tests run the committed
 * bundle, as installs do, and look at what it loads.
 */

const BIN = path.join(ROOT, 'bin/reportlint.js');
const TRACE = path.join(ROOT, 'test/support/trace-loads.mjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let traces = 0;
/**
 * Runs the bundled CLI; returns its output, every module file it loaded, the built-ins (`node:…`) and,
 * from V8's coverage, the modules of prebuilt/ whose code ran (`initialized`).
 */
function traced(args: string[], options: { cwd?: string; bin?: string; env?: Record<string, string> } = {}) {
  const n = traces++;
  const out = path.join(tmp, `trace-${n}.txt`);
  const coverage = path.join(tmp, `coverage-${n}`);
  writeFileSync(out, '');
  const r = spawnSync(process.execPath, ['--import', TRACE, options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, REPORTLINT_PREBUILT: '1', REPORTLINT_TRACE_LOADS: out, REPORTLINT_COMPILE_CACHE: path.join(tmp, 'code-cache'), NODE_V8_COVERAGE: coverage, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
  });
  const files = [...new Set(readFileSync(out, 'utf8').split('\n').filter(Boolean))].map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, files, initialized: initializedModules(coverage) };
}

/**
 * The modules (as esbuild names them: `src/…`, `node_modules/…`) whose code ran in prebuilt/'s files, from a
 * run's V8 coverage: esbuild puts each module of cli.cjs and of lazy-*.cjs in a function named after it, run
 * when the module is first used (test/bundle.test.ts checks that every module is so wrapped).
 */
function initializedModules(coverageDir: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(coverageDir)) {
    const { result } = JSON.parse(readFileSync(path.join(coverageDir, file), 'utf8')) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] };
    for (const script of result) {
      const scriptPath = script.url.startsWith('file:') ? fileURLToPath(script.url) : script.url;
      if (path.dirname(scriptPath) !== path.join(ROOT, 'prebuilt') && !scriptPath.includes(`${path.sep}prebuilt${path.sep}`)) continue;
      for (const fn of script.functions) if (/^(?:src|rules|node_modules)\//.test(fn.functionName) && fn.ranges[0].count > 0) names.add(fn.functionName);
    }
  }
  return [...names];
}

/** The packages a run loaded from node_modules (outside prebuilt/), and the modules of prebuilt/ it initialised. */
function loadedModules(run: { files: string[]; initialized: string[] }) {
  const packages = new Set<string>();
  for (const file of run.files) {
    const rel = path.relative(ROOT, file);
    const inModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
    if (inModules && !rel.includes('.cache')) packages.add(inModules[1]);
  }
  return { packages, bundled: run.initialized };
}

// main.ts itself needs ConfigError (to tell a config problem from a crash); nothing else of the config code.
const LINTER = /^(rules\/|src\/(engine|model|config\/(?!error\.ts)|files|lint-files|cli\/run)|node_modules\/(micromark|unified|remark|mdast|yaml|fast-glob|picomatch)\b)/;

describe('the bundled CLI loads only what a run uses', () => {
  it('--help loads commander and the help text, none of the linter', () => {
    const r = traced(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reportlint/);
    const { packages, bundled } = loadedModules(r);
    expect([...packages]).toEqual([]);
    expect(bundled).toContain('src/cli/main.ts');
    expect(bundled).toContain('node_modules/commander/lib/command.js');
    expect(bundled.filter((m) => LINTER.test(m))).toEqual([]);
  });

  it('--version alone loads no CLI at all (test/launch.test.ts compares its line with commander\'s)', () => {
    const r = traced(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.initialized).toEqual([]);
    expect(r.files.filter((f) => f.includes(`${path.sep}prebuilt${path.sep}`))).toEqual([]);
  });

  it('every module in cli.cjs is wrapped in a function named after it (what `initialized` is read from)', () => {
    const text = readFileSync(path.join(ROOT, 'prebuilt/cli.cjs'), 'utf8');
    const modules = [...text.matchAll(/^\/\/ ((?:src|rules|node_modules)\/\S+)$/gm)].map((m) => m[1]);
    const wrapped = new Set([...text.matchAll(/^ {2}"((?:src|rules|node_modules)\/[^"]+)"\(/gm)].map((m) => m[1]));
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.filter((m) => !wrapped.has(m))).toEqual([]);
  });

  it('a UTF-8 report loads no decoder for other encodings, no Word, PDF or spreadsheet code, no diff, progress bar, schema compiler or directory walker', () => {
    const r = traced(['fixtures/clean/school.md']);
    expect(r.code).toBe(0);
    const { packages, bundled } = loadedModules(r);
    // Everything a text run needs is in the bundle: nothing is resolved in node_modules.
    expect([...packages]).toEqual([]);
    expect(bundled).toContain('rules/typo-words.ts');
    const unused = /^(src\/(docx\/(package|reader|parts|annotate|styles|numbering|runs)|layout\/read|files\/(docx|pdf)|formatters\/(html|xlsx|sarif|json))|src\/cli\/(docx-copies|init)|src\/docs\/|node_modules\/(@xmldom|yauzl|yazl|diff|iconv-lite|chardet|pdfjs-dist|write-excel-file|cli-progress|ajv\/dist\/(ajv|core|compile)|fast-glob\/out\/(index|providers)|@nodelib|micromatch))/;
    expect(bundled.filter((m) => unused.test(m))).toEqual([]);
  });

  it('iconv-lite and chardet load when a file needs them, and only then', () => {
    const dir = path.join(tmp, 'gbk');
    mkdirSync(dir, { recursive: true });
    // 报告 in GB18030 (read with the platform's decoder), then bytes no encoding reportlint knows decodes.
    writeFileSync(path.join(dir, 'gb.txt'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x0a]));
    writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x81, 0x30, 0xff, 0x0a]));
    const detected = traced(['--no-config', 'gb.txt'], { cwd: dir });
    expect(detected.stderr).toBe('');
    expect([...loadedModules(detected).packages]).toEqual([]);
    const forced = traced(['--no-config', '--encoding', 'gbk', 'gb.txt'], { cwd: dir });
    expect(forced.stderr).toBe('');
    // safer-buffer is iconv-lite's own dependency.
    expect([...loadedModules(forced).packages].sort()).toEqual(['iconv-lite', 'safer-buffer']);
    const undecodable = traced(['--no-config', 'bad.txt'], { cwd: dir });
    expect(undecodable.code).toBe(2);
    expect(loadedModules(undecodable).packages.has('chardet')).toBe(true);
  });
});

/** Which of prebuilt/'s lazy-*.cjs files (scripts/bundle.mjs LAZY_GROUPS, and the validators) a run loaded. */
function lazyFiles(files: string[]): string[] {
  return files.filter((f) => path.dirname(f) === path.join(ROOT, 'prebuilt') && /^lazy-.*\.cjs$/.test(path.basename(f))).map((f) => path.basename(f)).sort();
}

/** [rule id, line] of each finding, from `-f json` output. */
function findings(stdout: string): [string, number][] {
  return (JSON.parse(stdout) as { messages: { ruleId: string; line: number }[] }[]).flatMap((r) => r.messages.map((m): [string, number] => [m.ruleId, m.line]));
}

/** What the sources (not the bundle) print for the same run. */
async function fromSources(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: () => {}, cwd, env: {}, isTTY: false });
  return { code, stdout };
}

// The packages of lazy-yaml.cjs and lazy-remark.cjs, as their modules are named in the bundle files a run loads.
const LAZY_PACKAGES = /^node_modules\/(yaml|unified|remark-|micromark|mdast-util|character-entities|decode-named-character-reference)/;

describe('yaml, remark and the schema validators load when first used (scripts/bundle.mjs LAZY_GROUPS)', () => {
  // Markdown within src/model/plain-markdown.ts's subset: `#` headings, prose, blank lines; a half-width comma on line 4.
  const PLAIN_MARKDOWN = CLEAN_REPORT.replace('关于某项工作的报告\n', '# 关于某项工作的报告\n\n')
    .replace('一、工作开展情况\n', '\n## 一、工作开展情况\n\n')
    .replace('二、存在的问题\n', '\n## 二、存在的问题\n\n')
    .replace('三、下一步工作打算\n', '\n## 三、下一步工作打算\n\n')
    .replace('坚持问题导向，', '坚持问题导向,');

  it('are files of their own in prebuilt/', () => {
    expect(readdirSync(path.join(ROOT, 'prebuilt')).filter((f) => f.startsWith('lazy-')).sort()).toEqual(['lazy-remark.cjs', 'lazy-validators.cjs', 'lazy-yaml.cjs']);
  });

  it('a plain Markdown report without a config file loads none of them', () => {
    const dir = path.join(tmp, 'plain');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'r.md'), PLAIN_MARKDOWN);
    const r = traced(['-f', 'json', 'r.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(findings(r.stdout)).toEqual([['punctuation-width', 4]]);
    expect(lazyFiles(r.files)).toEqual([]);
    const { packages, bundled } = loadedModules(r);
    expect([...packages]).toEqual([]);
    expect(bundled.filter((m) => LAZY_PACKAGES.test(m))).toEqual([]);
    expect(bundled).toContain('src/model/plain-markdown.ts');
  });

  it('a config file loads yaml and the validators, and gives what the sources give', async () => {
    const dir = path.join(tmp, 'with-config');
    mkdirSync(dir, { recursive: true });
    // Every section must now have 500 Han characters: the option is read (yaml), validated (the validators) and applied.
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nextends: recommended\nrules:\n  section-min-length: [warn, { minChars: 500 }]\n  punctuation-width: off\n');
    writeFileSync(path.join(dir, 'r.md'), PLAIN_MARKDOWN);
    const r = traced(['-f', 'json', 'r.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(lazyFiles(r.files)).toEqual(['lazy-validators.cjs', 'lazy-yaml.cjs']);
    expect(findings(r.stdout)).toEqual([['section-min-length', 6], ['section-min-length', 10], ['section-min-length', 14]]);
    const sources = await fromSources(['-f', 'json', 'r.md'], dir);
    expect(r.code).toBe(sources.code);
    expect(r.stdout).toBe(sources.stdout);
  });

  it('--rule loads yaml (to read the setting) and the validators only when the rule has options', () => {
    const dir = path.join(tmp, 'plain');
    const off = traced(['--no-config', '--rule', 'punctuation-width: off', '-f', 'json', 'r.md'], { cwd: dir });
    expect(findings(off.stdout)).toEqual([]);
    expect(lazyFiles(off.files)).toEqual(['lazy-yaml.cjs']);
    const bad = traced(['--no-config', '--rule', 'section-min-length: [warn, { minChars: "many" }]', 'r.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/section-min-length/);
    expect(lazyFiles(bad.files)).toEqual(['lazy-validators.cjs', 'lazy-yaml.cjs']);
  });

  it('Markdown with a table, a list and emphasis loads remark, which reads the cells, items and emphasised text', async () => {
    const dir = path.join(tmp, 'remark');
    mkdirSync(dir, { recursive: true });
    const report = [
      '# 关于某项工作的报告', // 1
      '',
      '市委：',
      '',
      '2024年以来，我们认真落实市委部署，坚持问题导向，扎实推进各项工作，现将有关情况报告如下。', // 5
      '',
      '## 一、工作开展情况',
      '',
      '| 项目 | 数量 |',
      '| --- | --- |', // 10
      '| 专项督查,覆盖基层 | 4次 |',
      '',
      '- 督促整改问题线索18条。。',
      '- 建立问题台账并逐项销号，取得了阶段性成效。',
      '', // 15
      '全年开展专项督查4次，覆盖全部基层党组织，**于2024年01月05日**完成整改，推动监督工作常态化开展。',
      '',
      '## 二、存在的问题',
      '',
      '一是有2个党支部未按期换届，组织生活不够规范，个别支部三会一课记录不完整。二是谈心谈话覆盖率仅为76%，部分班子成员对分管领域的日常监督不够经常，发现问题的能力还需提高。', // 20
      '',
      '## 三、下一步工作打算',
      '',
      '督促2个党支部在3月底前完成换届，逐月检查三会一课落实情况。年内实现谈心谈话全覆盖，完善班子成员履职清单，每季度听取一次分管领域情况汇报。',
      '', // 25
      '中共某某委员会',
      '',
      '2025年1月5日',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'r.md'), report);
    const r = traced(['--no-config', '-f', 'json', 'r.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(lazyFiles(r.files)).toEqual(['lazy-remark.cjs']);
    // The comma in a table cell, the doubled full stop in a list item, the zero-padded date in bold text.
    expect(findings(r.stdout).sort()).toEqual([['date-format', 16], ['duplicate-punctuation', 13], ['punctuation-width', 11]]);
    const sources = await fromSources(['--no-config', '-f', 'json', 'r.md'], dir);
    expect(r.stdout).toBe(sources.stdout);
  });
});

describe('built-ins that few runs use', () => {
  const loaded = (files: string[], name: string) => files.includes(`node:${name}`);

  it('node:crypto loads for the fingerprints of findings in SARIF, not for a plain run', () => {
    const plain = traced(['--no-config', 'fixtures/clean/school.md']);
    expect(plain.code).toBe(0);
    // The trace lists built-ins at all (the child_process and crypto checks below would pass on an empty list).
    expect(loaded(plain.files, 'fs')).toBe(true);
    expect(loaded(plain.files, 'crypto')).toBe(false);
    expect(loaded(plain.files, 'child_process')).toBe(false);
    const sarif = traced(['--no-config', '-f', 'sarif', 'fixtures/bad/placeholders.md']);
    expect(sarif.code).toBe(1);
    expect(loaded(sarif.files, 'crypto')).toBe(true);
  });

  it('node:child_process loads to convert a file with LibreOffice', () => {
    const dir = path.join(tmp, 'convert');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'r.doc'), 'not a Word file');
    const r = traced(['--no-config', 'r.doc'], { cwd: dir, env: { REPORTLINT_SOFFICE: path.join(dir, 'no-such-office') } });
    expect(r.code).toBe(2);
    expect(loaded(r.files, 'child_process')).toBe(true);
  });
});

describe("cli.cjs's import() calls (scripts/bundle.mjs withImportsGiven)", async () => {
  const { withImportsGiven } = (await import(path.join(ROOT, 'scripts/bundle.mjs'))) as { withImportsGiven: (text: string) => string };

  it('become calls of the launcher\'s __reportlintImport, for a package left as an import or a built-in', () => {
    expect(withImportsGiven('const t = await import("tinypool");\nconst p = import(\'pdfjs-dist/legacy/build/pdf.mjs\');\nimport("node:child_process");\n')).toBe(
      'const t = await __reportlintImport("tinypool");\nconst p = __reportlintImport(\'pdfjs-dist/legacy/build/pdf.mjs\');\n__reportlintImport("node:child_process");\n',
    );
    expect(readFileSync(path.join(ROOT, 'prebuilt/cli.cjs'), 'utf8')).toMatch(/__reportlintImport\("tinypool"\)/);
  });

  it.each([
    ['a bundled module', 'import("./formatters/html.js")', /imports \.\/formatters\/html\.js with import\(\)/],
    ['another package', 'import("yaml")', /imports yaml with import\(\)/],
    ['a specifier that is not a string', 'import(name)', /not of a string/],
  ])('refuse %s', (_name, text, message) => {
    expect(() => withImportsGiven(text)).toThrow(message);
  });
});

describe('scripts/bundle.mjs refuses what a lazy wrapper cannot stand in for', async () => {
  const { lazyImportsIn, lazyShim } = (await import(path.join(ROOT, 'scripts/bundle.mjs'))) as {
    lazyImportsIn: (texts: string[]) => Map<string, Set<string>>;
    lazyShim: (specifier: string, names: Iterable<string>) => Promise<string>;
  };

  it('reads the names the bundle imports from esbuild\'s output', () => {
    const imports = lazyImportsIn(['import { LineCounter as LineCounter2, parse } from "yaml";\nimport remarkParse from "remark-parse";\nimport { x } from "other";\nnew LineCounter2();\n']);
    expect(Object.fromEntries([...imports].map(([k, v]) => [k, [...v]]))).toEqual({ yaml: ['LineCounter', 'parse'], 'remark-parse': ['default'] });
  });

  it.each([
    ['instanceof', 'import { LineCounter as LC } from "yaml";\nif (a instanceof LC) f();\n', /instanceof LC/],
    ['extends', 'import { LineCounter } from "yaml";\nclass Lines extends LineCounter {}\n', /extends LineCounter/],
    ['a namespace import', 'import * as YAML from "yaml";\n', /all of yaml/],
  ])('%s', (_name, text, message) => {
    expect(() => lazyImportsIn([text])).toThrow(message);
  });

  it('a value that is not a function', async () => {
    await expect(lazyShim('yaml', ['CST'])).rejects.toThrow(/yaml's CST, of type object/);
    await expect(lazyShim('yaml', ['parseDocument', 'LineCounter'])).resolves.toMatch(/function LineCounter\(\.\.\.args\)/);
  });
});

describe('compiled into the bundle', () => {
  it('every schema has a precompiled validator: checking a config with options for every rule loads no Ajv compiler', () => {
    const dir = path.join(tmp, 'all-rules');
    mkdirSync(dir, { recursive: true });
    const rules = builtinRules.map((rule) => `  ${rule.id}: [warn, {}]`).join('\n');
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), `root: true\nlayout: {}\nprofiles: { p: { sections: [{ id: a, name: b, pattern: "c" }] } }\nrules:\n${rules}\n`);
    writeFileSync(path.join(dir, 'r.md'), CLEAN_REPORT);
    const r = traced(['r.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).not.toBe(2);
    const { packages, bundled } = loadedModules(r);
    expect(packages.has('ajv')).toBe(false);
    expect(packages.has('ajv-formats')).toBe(false);
    // The validators' own runtime helpers are bundled; Ajv's compiler is not.
    expect(bundled.filter((m) => m.startsWith('node_modules/ajv/') && !m.startsWith('node_modules/ajv/dist/runtime/'))).toEqual([]);
  });

  const badConfigs: [string, string][] = [
    ['unknown key', 'root: true\nrulez: {}\n'],
    ['wrong type', 'root: true\nignores: 3\n'],
    ['bad regex', 'root: true\nprofiles: { p: { sections: [{ id: a, name: b, pattern: "(" }] } }\n'],
    ['enum', 'root: true\nlocale: fr\n'],
    ['missing key', 'root: true\noverrides: [{ rules: {} }]\n'],
    ['unknown rule option', 'root: true\nrules:\n  no-placeholder: [error, { nope: 1 }]\n'],
    ['bad layout value', 'root: true\nlayout: { page: { width: "wide" } }\n'],
  ];

  it.each(badConfigs)('a config with a fault (%s) gets the same message from the bundle as from the sources', (_name, config) => {
    const dir = path.join(tmp, `bad-${_name.replace(/\W/g, '-')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), config);
    writeFileSync(path.join(dir, 'r.md'), CLEAN_REPORT);
    const bundled = traced(['r.md'], { cwd: dir });
    expect(bundled.code).toBe(2);
    let stderr = '';
    return main(['r.md'], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: dir, env: {}, isTTY: false }).then((code) => {
      expect(code).toBe(2);
      expect(bundled.stderr).toBe(stderr);
    });
  });

  /** The value the bundle returns from one of src/data/embedded.ts's functions, read from the committed prebuilt/. */
  function embedded(name: 'embeddedTerms' | 'embeddedTypos'): unknown {
    expect(loadedModules(traced(['fixtures/clean/school.md'])).bundled).toContain('src/data/embedded.ts');
    // esbuild prints the JSON text as a string literal in either quote.
    const re = new RegExp(`${name} = \\(\\) => JSON\\.parse\\(("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*')\\)`);
    const m = re.exec(readFileSync(path.join(ROOT, 'prebuilt/cli.cjs'), 'utf8'));
    if (!m) throw new Error(`${name} is not in prebuilt/cli.cjs`);
    return JSON.parse(vm.runInNewContext(m[1]) as string);
  }

  it('the embedded dictionaries are what parsing rules/data/*.yaml gives', () => {
    expect(embedded('embeddedTerms')).toEqual(parseTermsData(readFileSync(path.join(ROOT, BUILTIN_TERMS_FILE), 'utf8')));
    expect(embedded('embeddedTypos')).toEqual(validateTypos(parse(readFileSync(path.join(ROOT, BUILTIN_TYPOS_FILE), 'utf8'))));
  });

  it('the bundle finds wrong words and formulations without the YAML files', () => {
    const dir = path.join(tmp, 'no-data');
    mkdirSync(path.join(dir, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'prebuilt'), path.join(dir, 'prebuilt'), { recursive: true });
    cpSync(BIN, path.join(dir, 'bin/reportlint.js'));
    cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const report = CLEAN_REPORT.replace('扎实推进各项工作', '扎实推进各项工作，认真布署，以习近平总书记为核心的党中央');
    writeFileSync(path.join(dir, 'r.md'), report);
    const r = traced(['--no-config', '-f', 'json', 'r.md'], { cwd: dir, bin: path.join(dir, 'bin/reportlint.js') });
    expect(r.stderr).toBe('');
    const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
    expect(ids).toContain('typo-words');
    expect(ids).toContain('canonical-terms');
  });
});

describe('formatters loaded by name (src/formatters/lazy.ts)', () => {
  it('are those of index.ts, in its order, each the same function', async () => {
    expect(TEXT_FORMAT_NAMES).toEqual(Object.keys(formatters));
    for (const name of TEXT_FORMAT_NAMES) expect(await loadFormatter(name), name).toBe(formatters[name]);
    expect(BINARY_FORMAT_NAMES).toEqual(['xlsx']);
    expect(await loadBinaryFormatter('xlsx')).toBe(xlsx);
  });
});
