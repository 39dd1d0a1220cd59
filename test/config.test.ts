import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLayoutProfile } from '../src/layout/profile.js';
import { builtinRegistry } from '../rules/index.js';
import { ConfigError, ConfigResolver, presetNames, type ConfigResolverOptions, type ResolvedConfig } from '../src/config/index.js';
import { lintText, type RuleRegistry } from '../src/engine/lint.js';
import { defineRule, type Rule } from '../src/engine/rule.js';

// A registry of our own, so that the expected values do not change as built-in rules are added:
// the real no-placeholder (its option uses `format: regex`), a warning with two options, and a rule
// outside the recommended preset.
const none = { zh: '', en: '' };
const demoWarn = defineRule({
  id: 'demo-warn',
  category: 'format',
  severity: 'warn',
  fixable: false,
  options: {
    max: { default: 10, schema: { type: 'integer', minimum: 1 }, description: none },
    words: { default: ['甲'] as string[], schema: { type: 'array', items: { type: 'string' } }, description: none },
  },
  messages: {},
  docs: { summary: none, why: none },
  examples: [],
  check() {},
});
const demoOptional = defineRule({
  id: 'demo-optional',
  category: 'content',
  severity: 'error',
  recommended: false,
  fixable: false,
  options: {},
  messages: {},
  docs: { summary: none, why: none },
  examples: [],
  check() {},
});
const noPlaceholder = builtinRegistry.get('no-placeholder') as Rule;
const registry: RuleRegistry = new Map([noPlaceholder, demoWarn, demoOptional].map((rule) => [rule.id, rule]));

const RECOMMENDED = { 'no-placeholder': 'error', 'demo-warn': 'warn', 'demo-optional': 'off' };

let tmp: string;
beforeEach(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'reportlint-config-')));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function write(relative: string, text: string): string {
  const file = join(tmp, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function resolver(options: Partial<ConfigResolverOptions> = {}): ConfigResolver {
  return new ConfigResolver({ registry, cwd: tmp, ...options });
}

function severities(config: ResolvedConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config.rules).map(([id, setting]) => [id, setting.severity]));
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('presets and defaults', () => {
  it('lists the built-in presets', () => {
    expect(presetNames()).toEqual(['recommended', 'gate', 'strict']);
  });

  it('--no-config gives the recommended preset with full default options, ignoring config files', () => {
    write('.reportlintrc.yaml', 'root: true\nlocale: en\nignores: ["*.md"]\nrules:\n  demo-optional: error\n');
    const r = resolver({ useConfigFiles: false });
    expect(r.forFile(join(tmp, 'a.md'))).toEqual({
      rules: {
        'no-placeholder': { severity: 'error', options: { extraPatterns: [] } },
        'demo-warn': { severity: 'warn', options: { max: 10, words: ['甲'] } },
        'demo-optional': { severity: 'off', options: {} },
      },
      locale: undefined,
      ignores: [],
      files: [],
      settings: { profile: 'auto', profiles: {}, terms: [], references: [], layout: defaultLayoutProfile() },
    });
    expect(r.isIgnored(join(tmp, 'a.md'))).toBe(false);
  });

  it('--no-config does not even read a broken config', () => {
    write('.reportlintrc.yaml', 'rules: [\n');
    expect(severities(resolver({ useConfigFiles: false }).forFile(join(tmp, 'a.md')))).toEqual(RECOMMENDED);
  });

  it('a config that extends nothing starts from recommended', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  no-placeholder: warn\n');
    expect(severities(resolver().forFile(join(tmp, 'a.md')))).toEqual({
      'no-placeholder': 'warn',
      'demo-warn': 'warn',
      'demo-optional': 'off',
    });
  });

  it('an empty config file (or one of comments only) is an empty config', () => {
    const file = write('.reportlintrc.yaml', '');
    const config = resolver().forFile(join(tmp, 'a.md'));
    expect(severities(config)).toEqual(RECOMMENDED);
    expect(config.files).toEqual([file]);
    write('sub/.reportlintrc.yaml', '# nothing yet\nroot: true\n# rules:\n#   demo-warn: off\n');
    expect(severities(resolver().forFile(join(tmp, 'sub/a.md')))).toEqual(RECOMMENDED);
  });

  it('a key without a value counts as absent', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n#  demo-warn: off\nignores:\nlocale:\n');
    const config = resolver().forFile(join(tmp, 'a.md'));
    expect(severities(config)).toEqual(RECOMMENDED);
    expect(config.locale).toBeUndefined();
  });

  it('extends: strict turns every rule on as an error', () => {
    write('.reportlintrc.yaml', 'root: true\nextends: strict\n');
    expect(severities(resolver().forFile(join(tmp, 'a.md')))).toEqual({
      'no-placeholder': 'error',
      'demo-warn': 'error',
      'demo-optional': 'error',
    });
  });

  it('extends: recommended after strict does not turn rules off', () => {
    write('.reportlintrc.yaml', 'root: true\nextends: [strict, recommended]\n');
    expect(severities(resolver().forFile(join(tmp, 'a.md')))['demo-optional']).toBe('error');
  });
});

describe('cascade', () => {
  it('applies every config up to root: true, the nearest winning', () => {
    const top = write('.reportlintrc.yaml', 'root: true\nlocale: en\nrules:\n  demo-warn: error\n  demo-optional: warn\n');
    const sub = write('sub/.reportlintrc.yml', 'rules:\n  demo-warn: off\n');
    const deep = resolver().forFile(join(tmp, 'sub/deeper/report.md'));
    expect(severities(deep)).toEqual({ 'no-placeholder': 'error', 'demo-warn': 'off', 'demo-optional': 'warn' });
    expect(deep.locale).toBe('en');
    expect(deep.files).toEqual([top, sub]);
    const above = resolver().forFile(join(tmp, 'report.md'));
    expect(severities(above)).toEqual({ 'no-placeholder': 'error', 'demo-warn': 'error', 'demo-optional': 'warn' });
    expect(above.files).toEqual([top]);
  });

  it('the nearest locale wins', () => {
    write('.reportlintrc.yaml', 'root: true\nlocale: en\n');
    write('sub/.reportlintrc.yaml', 'locale: zh\n');
    write('sub/x/.reportlintrc.yaml', 'rules:\n  demo-warn: off\n');
    expect(resolver().forFile(join(tmp, 'sub/x/a.md')).locale).toBe('zh');
    expect(resolver().forFile(join(tmp, 'a.md')).locale).toBe('en');
  });

  it('root: true stops the search: configs above are not applied (nor read)', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-optional: error\n');
    write('outer/.reportlintrc.yaml', 'this: [is, broken\n');
    const inner = write('outer/inner/.reportlintrc.yaml', 'root: true\nlocale: zh\n');
    const config = resolver().forFile(join(tmp, 'outer/inner/a.md'));
    expect(severities(config)).toEqual(RECOMMENDED);
    expect(config.files).toEqual([inner]);
    // Without root: true the broken config above is reached.
    expect(configError(() => resolver().forFile(join(tmp, 'outer/a.md'))).file).toBe(join(tmp, 'outer/.reportlintrc.yaml'));
  });

  it('without root: true the search goes on upward', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-optional: error\n');
    write('outer/inner/.reportlintrc.yaml', 'locale: zh\n');
    expect(severities(resolver().forFile(join(tmp, 'outer/inner/a.md')))['demo-optional']).toBe('error');
  });

  it('takes one config per directory: .reportlintrc.yaml, then .yml, then reportlint.config.yaml', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-warn: error\n');
    write('reportlint.config.yaml', 'root: true\nrules:\n  demo-warn: off\n');
    expect(severities(resolver().forFile(join(tmp, 'a.md')))['demo-warn']).toBe('error');
    write('b/.reportlintrc.yml', 'root: true\nrules:\n  demo-warn: error\n');
    write('b/reportlint.config.yaml', 'root: true\nrules:\n  demo-warn: off\n');
    expect(severities(resolver().forFile(join(tmp, 'b/a.md')))['demo-warn']).toBe('error');
    write('c/reportlint.config.yaml', 'root: true\nrules:\n  demo-warn: off\n');
    expect(severities(resolver().forFile(join(tmp, 'c/a.md')))['demo-warn']).toBe('off');
  });
});

describe('options', () => {
  it('merges options over the defaults', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-warn: [error, {max: 3}]\n');
    expect(resolver().forFile(join(tmp, 'a.md')).rules['demo-warn']).toEqual({
      severity: 'error',
      options: { max: 3, words: ['甲'] },
    });
  });

  it('a nearer config that sets only a severity keeps the options set earlier', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-warn: [warn, {max: 3}]\n');
    write('a/.reportlintrc.yaml', 'rules:\n  demo-warn: error\n');
    write('b/.reportlintrc.yaml', 'rules:\n  demo-warn: [off]\n');
    write('c/.reportlintrc.yaml', 'extends: strict\n');
    const r = resolver();
    expect(r.forFile(join(tmp, 'a/x.md')).rules['demo-warn']).toEqual({ severity: 'error', options: { max: 3, words: ['甲'] } });
    expect(r.forFile(join(tmp, 'b/x.md')).rules['demo-warn']).toEqual({ severity: 'off', options: { max: 3, words: ['甲'] } });
    expect(r.forFile(join(tmp, 'c/x.md')).rules['demo-warn']).toEqual({ severity: 'error', options: { max: 3, words: ['甲'] } });
  });

  it('a nearer config that gives options replaces the earlier ones (merged over the defaults)', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-warn: [warn, {max: 3}]\n');
    write('a/.reportlintrc.yaml', 'rules:\n  demo-warn: [warn, {words: [乙, 丙]}]\n');
    expect(resolver().forFile(join(tmp, 'a/x.md')).rules['demo-warn']).toEqual({
      severity: 'warn',
      options: { max: 10, words: ['乙', '丙'] },
    });
  });

  it('accepts 0, 1 and 2 as severities, alone or in a list', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  no-placeholder: 0\n  demo-warn: [2]\n  demo-optional: 1\n');
    expect(severities(resolver().forFile(join(tmp, 'a.md')))).toEqual({
      'no-placeholder': 'off',
      'demo-warn': 'error',
      'demo-optional': 'warn',
    });
  });

  it('the resolved options drive the rule', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  no-placeholder: [warn, {extraPatterns: [请填写]}]\n');
    const config = resolver().forFile(join(tmp, 'a.txt'));
    const result = lintText('负责人：请填写。', { registry, rules: config.rules, filePath: 'a.txt' });
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`)).toEqual(['1:5 no-placeholder 1']);
  });
});

describe('extends', () => {
  it('applies a config given by a relative path before the config itself', () => {
    const shared = write('shared/base.yaml', 'locale: en\nrules:\n  demo-warn: error\n  demo-optional: warn\n');
    const own = write('project/.reportlintrc.yaml', 'root: true\nextends: ../shared/base.yaml\nrules:\n  demo-optional: off\n');
    const config = resolver().forFile(join(tmp, 'project/a.md'));
    expect(severities(config)).toEqual({ 'no-placeholder': 'error', 'demo-warn': 'error', 'demo-optional': 'off' });
    expect(config.locale).toBe('en');
    expect(config.files).toEqual([shared, own]);
  });

  it('applies a list in order, then the config, and follows extends recursively', () => {
    write('relaxed.yaml', 'extends: ./more/quiet.yaml\nrules:\n  demo-optional: off\n');
    write('more/quiet.yaml', 'rules:\n  no-placeholder: warn\n  demo-warn: off\n');
    write('.reportlintrc.yaml', 'root: true\nextends: [strict, ./relaxed.yaml]\nrules:\n  demo-warn: warn\n');
    const config = resolver().forFile(join(tmp, 'a.md'));
    expect(severities(config)).toEqual({ 'no-placeholder': 'warn', 'demo-warn': 'warn', 'demo-optional': 'off' });
    expect(config.files).toEqual([join(tmp, 'more/quiet.yaml'), join(tmp, 'relaxed.yaml'), join(tmp, '.reportlintrc.yaml')]);
  });

  it('a config extended twice (a diamond) is not a cycle', () => {
    write('common.yaml', 'rules:\n  demo-optional: warn\n');
    write('a.yaml', 'extends: ./common.yaml\n');
    write('b.yaml', 'extends: ./common.yaml\n');
    write('.reportlintrc.yaml', 'root: true\nextends: [./a.yaml, ./b.yaml]\n');
    expect(severities(resolver().forFile(join(tmp, 'x.md')))['demo-optional']).toBe('warn');
  });

  it('detects a cycle, naming the config that closes it and the line of the entry', () => {
    write('a.yaml', 'rules:\n  demo-warn: off\nextends: ./b.yaml\n');
    const b = write('b.yaml', '# b\nextends:\n  - strict\n  - ./a.yaml\n');
    write('.reportlintrc.yaml', 'root: true\nextends: ./a.yaml\n');
    const error = configError(() => resolver().forFile(join(tmp, 'x.md')));
    expect([error.file, error.line, error.messageId, error.keyPath]).toEqual([b, 4, 'configExtendsCycle', 'extends[1]']);
    expect(error.data).toEqual({ file: join(tmp, 'a.yaml') });
    expect(error.format('en')).toBe(`Config error in ${b}:4: extends cycle through ${join(tmp, 'a.yaml')}`);
    expect(error.format('zh')).toBe(`配置错误 ${b}:4：extends 循环引用：${join(tmp, 'a.yaml')}`);
  });

  it('detects a config that extends itself', () => {
    const file = write('.reportlintrc.yaml', 'root: true\nextends: ./.reportlintrc.yaml\n');
    const error = configError(() => resolver().forFile(join(tmp, 'x.md')));
    expect([error.file, error.line, error.messageId, error.data]).toEqual([file, 2, 'configExtendsCycle', { file }]);
  });

  it('reports a missing extended file at the line of the entry', () => {
    const file = write('.reportlintrc.yaml', 'root: true\nextends:\n  - recommended\n  - ./nope.yaml\n');
    const error = configError(() => resolver().forFile(join(tmp, 'x.md')));
    expect([error.file, error.line, error.messageId, error.keyPath]).toEqual([file, 4, 'configNotFound', 'extends[1]']);
    expect(error.format('en')).toBe(`Config error in ${file}:4: Config file not found: ${join(tmp, 'nope.yaml')}`);
    expect(error.format('zh')).toBe(`配置错误 ${file}:4：找不到配置文件 ${join(tmp, 'nope.yaml')}`);
  });

  it('reports an error inside an extended file against that file', () => {
    const base = write('base.yaml', 'rules:\n  demo-warn: loud\n');
    write('.reportlintrc.yaml', 'root: true\nextends: ./base.yaml\n');
    const error = configError(() => resolver().forFile(join(tmp, 'x.md')));
    expect([error.file, error.line, error.messageId, error.keyPath]).toEqual([base, 2, 'configBadSeverity', 'rules.demo-warn']);
  });
});

describe('overrides', () => {
  beforeEach(() => {
    write(
      '.reportlintrc.yaml',
      [
        'root: true',
        'rules:',
        '  demo-warn: error',
        'overrides:',
        "  - files: '*.txt'",
        '    rules:',
        '      demo-warn: off',
        '  - files: [docs/**/*.md, /top.md]',
        '    rules:',
        '      demo-optional: [warn]',
        '',
      ].join('\n'),
    );
    write('sub/.reportlintrc.yaml', 'rules:\n  demo-warn: warn\n');
  });

  const demo = (r: ConfigResolver, file: string) => {
    const { rules } = r.forFile(join(tmp, file));
    return `${rules['demo-warn'].severity} ${rules['demo-optional'].severity}`;
  };

  it('a pattern without a slash matches the base name at any depth', () => {
    const r = resolver();
    expect(demo(r, 'a.txt')).toBe('off off');
    expect(demo(r, 'deep/er/b.txt')).toBe('off off');
    expect(demo(r, '.notes/.hidden.txt')).toBe('off off');
    expect(demo(r, 'a.md')).toBe('error off');
    expect(demo(r, 'a.txt.md')).toBe('error off');
  });

  it('a pattern with a slash is relative to the directory of its config', () => {
    const r = resolver();
    expect(demo(r, 'docs/x/y.md')).toBe('error warn');
    expect(demo(r, 'docs/y.md')).toBe('error warn');
    expect(demo(r, 'other/docs/y.md')).toBe('error off');
    expect(demo(r, 'docs/y.txt')).toBe('off off');
    expect(demo(r, 'top.md')).toBe('error warn');
    expect(demo(r, 'deep/top.md')).toBe('error off');
  });

  it("a nearer config's own rules win over a farther config's overrides", () => {
    expect(demo(resolver(), 'sub/c.txt')).toBe('warn off');
    expect(demo(resolver(), 'sub/c.md')).toBe('warn off');
  });

  it('a nearer override wins over a nearer config', () => {
    write('sub/.reportlintrc.yaml', "rules:\n  demo-warn: warn\noverrides:\n  - files: ['*.md']\n    rules: {demo-warn: off}\n");
    expect(demo(resolver(), 'sub/c.md')).toBe('off off');
    expect(demo(resolver(), 'sub/c.txt')).toBe('warn off');
  });

  it('takes a path relative to the cwd', () => {
    const r = resolver({ cwd: join(tmp, 'docs') });
    expect(r.forFile('x/y.md')).toBe(r.forFile(join(tmp, 'docs/x/y.md')));
    expect(severities(r.forFile('x/y.md'))['demo-optional']).toBe('warn');
  });

  it('caches per directory and per set of matching overrides', () => {
    const r = resolver();
    const md = r.forFile(join(tmp, 'x/a.md'));
    expect(r.forFile(join(tmp, 'x/b.md'))).toBe(md);
    const txt = r.forFile(join(tmp, 'x/a.txt'));
    expect(txt).not.toBe(md);
    expect(r.forFile(join(tmp, 'x/b.txt'))).toBe(txt);
    expect(severities(md)['demo-warn']).toBe('error');
    expect(severities(txt)['demo-warn']).toBe('off');
  });

  it('the globs of an extended config are relative to that config', () => {
    write('shared/base.yaml', "overrides:\n  - files: 'docs/*.md'\n    rules:\n      demo-optional: error\n");
    write('project/team.yaml', 'extends: ../shared/base.yaml\n');
    const r = resolver({ configFile: 'project/team.yaml' });
    expect(severities(r.forFile(join(tmp, 'shared/docs/a.md')))['demo-optional']).toBe('error');
    expect(severities(r.forFile(join(tmp, 'project/docs/a.md')))['demo-optional']).toBe('off');
  });

  it('forCwd applies no overrides', () => {
    write('w/.reportlintrc.yaml', "locale: en\noverrides:\n  - files: '**'\n    rules: {demo-optional: error}\n");
    const r = resolver({ cwd: join(tmp, 'w') });
    expect(severities(r.forCwd())).toEqual({ 'no-placeholder': 'error', 'demo-warn': 'error', 'demo-optional': 'off' });
    expect(r.forCwd().locale).toBe('en');
    expect(severities(r.forFile(join(tmp, 'w/a.md')))['demo-optional']).toBe('error');
  });
});

describe('ignores', () => {
  beforeEach(() => {
    write('.reportlintrc.yaml', "root: true\nignores:\n  - drafts\n  - '*.bak.md'\n  - /top.md\n  - archive/2023/**\n  - old/\n");
    write('sub/.reportlintrc.yaml', 'ignores: [notes.md]\n');
  });

  it('ignores matching files and files in matching directories', () => {
    const r = resolver();
    const ignored = (file: string) => r.isIgnored(join(tmp, file));
    expect(ignored('drafts/a.md')).toBe(true);
    expect(ignored('x/drafts/y/a.md')).toBe(true);
    expect(ignored('a.bak.md')).toBe(true);
    expect(ignored('x/a.bak.md')).toBe(true);
    expect(ignored('top.md')).toBe(true);
    expect(ignored('x/top.md')).toBe(false);
    expect(ignored('archive/2023/q1/a.md')).toBe(true);
    expect(ignored('archive/2024/a.md')).toBe(false);
    expect(ignored('old/a.md')).toBe(true);
    expect(ignored('x/old/a.md')).toBe(true);
    expect(ignored('old')).toBe(false);
    expect(ignored('a.md')).toBe(false);
    expect(ignored('drafts.md')).toBe(false);
  });

  it("a config's ignores apply only below its directory", () => {
    const r = resolver();
    expect(r.isIgnored(join(tmp, 'sub/notes.md'))).toBe(true);
    expect(r.isIgnored(join(tmp, 'sub/x/notes.md'))).toBe(true);
    expect(r.isIgnored(join(tmp, 'notes.md'))).toBe(false);
    expect(r.isIgnored(join(tmp, 'sub/drafts/a.md'))).toBe(true);
  });

  it('lists the patterns that apply as absolute globs', () => {
    expect(resolver().forFile(join(tmp, 'sub/a.md')).ignores).toEqual([
      `${tmp}/**/drafts`,
      `${tmp}/**/*.bak.md`,
      `${tmp}/top.md`,
      `${tmp}/archive/2023/**`,
      `${tmp}/**/old/`,
      `${tmp}/sub/**/notes.md`,
    ]);
    expect(resolver().forFile(join(tmp, 'a.md')).ignores).toHaveLength(5);
  });
});

describe('--config', () => {
  it('uses that file (and what it extends) instead of the configs found', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-optional: error\n');
    write('configs/base.yaml', 'rules:\n  demo-warn: off\n');
    const team = write('configs/team.yaml', 'extends: ./base.yaml\nlocale: en\nignores: ["*.tmp.md"]\n');
    const r = resolver({ configFile: 'configs/team.yaml' });
    const config = r.forFile(join(tmp, 'reports/a.md'));
    expect(severities(config)).toEqual({ 'no-placeholder': 'error', 'demo-warn': 'off', 'demo-optional': 'off' });
    expect(config.files).toEqual([join(tmp, 'configs/base.yaml'), team]);
    expect(config.locale).toBe('en');
    expect(r.isIgnored(join(tmp, 'configs/x/a.tmp.md'))).toBe(true);
    expect(r.forCwd().files).toEqual([join(tmp, 'configs/base.yaml'), team]);
  });

  it('accepts an absolute path', () => {
    const file = write('elsewhere/x.yaml', 'rules:\n  demo-warn: error\n');
    expect(severities(resolver({ configFile: file }).forFile(join(tmp, 'a.md')))['demo-warn']).toBe('error');
  });

  it('is validated when the resolver is made', () => {
    const file = write('bad.yaml', 'rules:\n  demo-warn: [warn, {max: 0}]\n');
    const error = configError(() => resolver({ configFile: 'bad.yaml' }));
    expect([error.file, error.line, error.keyPath]).toEqual([file, 2, 'rules.demo-warn.max']);
  });

  it('reports a missing file', () => {
    const error = configError(() => resolver({ configFile: 'missing.yaml' }));
    expect([error.file, error.line, error.messageId, error.data]).toEqual([
      '--config',
      0,
      'configNotFound',
      { file: join(tmp, 'missing.yaml') },
    ]);
    expect(error.format('en')).toBe(`Config error in --config: Config file not found: ${join(tmp, 'missing.yaml')}`);
    expect(error.format('zh')).toBe(`配置错误 --config：找不到配置文件 ${join(tmp, 'missing.yaml')}`);
    expect(error.message).toBe(error.format('en'));
  });
});

describe('--rule', () => {
  it('applies last, over the nearest config and its overrides', () => {
    write('.reportlintrc.yaml', "root: true\nrules:\n  demo-warn: error\noverrides:\n  - files: '*.md'\n    rules: {demo-optional: error}\n");
    const r = resolver({ ruleFlags: ['demo-optional: off', '{demo-warn: 1, no-placeholder: 0}'] });
    expect(severities(r.forFile(join(tmp, 'a.md')))).toEqual({ 'no-placeholder': 'off', 'demo-warn': 'warn', 'demo-optional': 'off' });
  });

  it('applies with --no-config too', () => {
    expect(severities(resolver({ useConfigFiles: false, ruleFlags: ['demo-optional: warn'] }).forCwd())['demo-optional']).toBe('warn');
  });

  it('takes options, merged over the defaults, and keeps earlier options when only a severity is given', () => {
    write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-warn: [warn, {max: 5}]\n');
    const withOptions = resolver({ ruleFlags: ['demo-warn: [error, {words: ["乙"]}]'] });
    expect(withOptions.forFile(join(tmp, 'a.md')).rules['demo-warn']).toEqual({ severity: 'error', options: { max: 10, words: ['乙'] } });
    const severityOnly = resolver({ ruleFlags: ['demo-warn: error'] });
    expect(severityOnly.forFile(join(tmp, 'a.md')).rules['demo-warn']).toEqual({ severity: 'error', options: { max: 5, words: ['甲'] } });
  });

  it('accepts the form without a space after the colon', () => {
    expect(severities(resolver({ useConfigFiles: false, ruleFlags: ['demo-warn:off'] }).forCwd())['demo-warn']).toBe('off');
  });

  it('is validated when the resolver is made, with --rule as the file', () => {
    const unknown = configError(() => resolver({ ruleFlags: ['demo-warn: off', 'demo-wran: off'] }));
    expect([unknown.file, unknown.line, unknown.messageId, unknown.keyPath]).toEqual(['--rule', 1, 'configUnknownRule', 'demo-wran']);
    expect(unknown.format('en')).toBe('Config error in --rule:1: unknown rule “demo-wran”; did you mean “demo-warn”?');
    expect(unknown.format('zh')).toBe('配置错误 --rule:1：规则“demo-wran”不存在，是否应为“demo-warn”？');

    const option = configError(() => resolver({ ruleFlags: ['no-placeholder: [error, {extraPatterns: ["请填写", "[待"]}]'] }));
    expect([option.file, option.line, option.messageId, option.keyPath]).toEqual([
      '--rule',
      1,
      'configBadRegex',
      'no-placeholder.extraPatterns[1]',
    ]);
    expect(option.format('en')).toBe(
      'Config error in --rule:1: “no-placeholder.extraPatterns[1]” is not a valid regular expression: Invalid regular expression: /[待/u: Unterminated character class',
    );
  });

  it('rejects a value that is not a YAML mapping', () => {
    for (const flag of ['demo-warn', 'demo-warn: [error', '- demo-warn']) {
      const error = configError(() => resolver({ ruleFlags: [flag] }));
      expect([error.file, error.messageId, error.data]).toEqual(['--rule', 'badRuleFlag', { value: flag }]);
    }
    expect(configError(() => resolver({ ruleFlags: ['demo-warn'] })).format('zh')).toBe(
      '配置错误 --rule:1：--rule 参数无法解析：“demo-warn”（格式如 "no-placeholder: error"）',
    );
  });

  it('rejects a bad severity', () => {
    const error = configError(() => resolver({ ruleFlags: ['demo-warn: loud'] }));
    expect(error.format('en')).toBe('Config error in --rule:1: “demo-warn” must be off, warn or error (or [severity, {options}])');
  });
});

describe('caching', () => {
  it('reads each config file once per resolver', () => {
    const file = write('.reportlintrc.yaml', 'root: true\nrules:\n  demo-warn: off\n');
    const r = resolver();
    expect(severities(r.forFile(join(tmp, 'a/x.md')))['demo-warn']).toBe('off');
    writeFileSync(file, 'root: true\nrules:\n  demo-warn: error\n');
    // Another directory: the chain is new, the file is not read again.
    expect(severities(r.forFile(join(tmp, 'b/x.md')))['demo-warn']).toBe('off');
    expect(severities(resolver().forFile(join(tmp, 'b/x.md')))['demo-warn']).toBe('error');
  });

  it('keeps throwing the same error for a broken config', () => {
    write('.reportlintrc.yaml', 'root: true\nrulez: {}\n');
    const r = resolver();
    const first = configError(() => r.forFile(join(tmp, 'a/x.md')));
    expect(configError(() => r.forFile(join(tmp, 'b/x.md')))).toBe(first);
  });
});

describe('validation errors', () => {
  /** Each case: the text of .reportlintrc.yaml, then the expected line, key path, message id, and both messages. */
  const cases: [name: string, text: string, line: number, keyPath: string, messageId: string, en: string, zh: string][] = [
    [
      'YAML syntax error',
      'root: true\nrules:\n  demo-warn: [error\n',
      4,
      '',
      'configYaml',
      'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'duplicate key',
      'locale: zh\nroot: true\nlocale: en\n',
      3,
      '',
      'configYaml',
      'YAML syntax error: Map keys must be unique',
      'YAML 语法错误：Map keys must be unique',
    ],
    ['not a mapping', '- root\n- rules\n', 1, '', 'configTopLevel', 'the config must be a mapping (key: value)', '配置须为映射（键: 值）'],
    ['unknown key', 'root: true\n\nrule:\n  demo-warn: off\n', 3, 'rule', 'configUnknownKey', 'unknown key “rule”; did you mean “rules”?', '未知的配置项“rule”，是否应为“rules”？'],
    [
      'unknown rule',
      '# 工作报告检查配置\nroot: true\nrules:\n  no-placeholdr: error\n',
      4,
      'rules.no-placeholdr',
      'configUnknownRule',
      'unknown rule “no-placeholdr”; did you mean “no-placeholder”?',
      '规则“no-placeholdr”不存在，是否应为“no-placeholder”？',
    ],
    ['root not a boolean', 'root: yes\n', 1, 'root', 'configExpectBoolean', '“root” must be true or false', '“root”须为 true 或 false'],
    ['bad locale', 'root: true\nlocale: fr\n', 2, 'locale', 'configExpectOneOf', '“locale” must be one of: zh, en', '“locale”须为以下之一：zh, en'],
    [
      'extends not a string',
      'root: true\nextends: 3\n',
      2,
      'extends',
      'configExpectStringOrList',
      '“extends” must be a string or a list of strings',
      '“extends”须为字符串或字符串列表',
    ],
    [
      'unknown preset',
      'root: true\nextends:\n  - strict\n  - recomended\n',
      4,
      'extends[1]',
      'configUnknownPreset',
      'unknown preset “recomended”; did you mean “recommended”? (choose one of recommended, gate, strict, or a path to a config file)',
      '未知的预设“recomended”，是否应为“recommended”？（可选：recommended, gate, strict，或配置文件路径）',
    ],
    [
      'rules not a mapping',
      'root: true\nrules:\n  - demo-warn\n',
      3,
      'rules',
      'configExpectMapping',
      '“rules” must be a mapping (key: value)',
      '“rules”须为映射（键: 值）',
    ],
    [
      'bad severity',
      'root: true\nrules:\n  demo-warn: fatal\n',
      3,
      'rules.demo-warn',
      'configBadSeverity',
      '“rules.demo-warn” must be off, warn or error (or [severity, {options}])',
      '“rules.demo-warn”的级别须为 off、warn 或 error（或 [级别, {选项}]）',
    ],
    [
      'bad severity number',
      'root: true\nrules:\n  demo-warn: 3\n',
      3,
      'rules.demo-warn',
      'configBadSeverity',
      '“rules.demo-warn” must be off, warn or error (or [severity, {options}])',
      '“rules.demo-warn”的级别须为 off、warn 或 error（或 [级别, {选项}]）',
    ],
    [
      'bad severity in a list',
      'root: true\nrules:\n  demo-warn:\n    - fatal\n    - {max: 3}\n',
      4,
      'rules.demo-warn',
      'configBadSeverity',
      '“rules.demo-warn” must be off, warn or error (or [severity, {options}])',
      '“rules.demo-warn”的级别须为 off、warn 或 error（或 [级别, {选项}]）',
    ],
    [
      'empty list',
      'root: true\nrules:\n  demo-warn: []\n',
      3,
      'rules.demo-warn',
      'configBadSeverity',
      '“rules.demo-warn” must be off, warn or error (or [severity, {options}])',
      '“rules.demo-warn”的级别须为 off、warn 或 error（或 [级别, {选项}]）',
    ],
    [
      'too many elements',
      'root: true\nrules:\n  demo-warn:\n    - warn\n    - {max: 3}\n    - {max: 4}\n',
      6,
      'rules.demo-warn',
      'configBadSeverity',
      '“rules.demo-warn” must be off, warn or error (or [severity, {options}])',
      '“rules.demo-warn”的级别须为 off、warn 或 error（或 [级别, {选项}]）',
    ],
    [
      'unknown option',
      'root: true\nrules:\n  demo-warn:\n    - warn\n    - maxx: 3\n',
      5,
      'rules.demo-warn.maxx',
      'configUnknownOption',
      'unknown rule option “rules.demo-warn.maxx”; did you mean “max”?',
      '未知的规则选项“rules.demo-warn.maxx”，是否应为“max”？',
    ],
    [
      'option of the wrong type',
      'root: true\nrules:\n  demo-warn:\n    - warn\n    - words: [甲]\n      max: many\n',
      6,
      'rules.demo-warn.max',
      'configExpectInteger',
      '“rules.demo-warn.max” must be a whole number',
      '“rules.demo-warn.max”须为整数',
    ],
    [
      'option below its minimum',
      'root: true\nrules:\n  demo-warn: [warn, {max: 0}]\n',
      3,
      'rules.demo-warn.max',
      'configTooSmall',
      '“rules.demo-warn.max” must be 1 or more',
      '“rules.demo-warn.max”不得小于 1',
    ],
    [
      'option list item of the wrong type',
      'root: true\nrules:\n  demo-warn:\n    - warn\n    - words:\n        - 甲\n        - {乙: 丙}\n',
      7,
      'rules.demo-warn.words[1]',
      'configExpectString',
      '“rules.demo-warn.words[1]” must be a string',
      '“rules.demo-warn.words[1]”须为字符串',
    ],
    [
      'invalid regular expression',
      "root: true\nrules:\n  no-placeholder:\n    - error\n    - extraPatterns:\n        - 请填写\n        - '(待补'\n",
      7,
      'rules.no-placeholder.extraPatterns[1]',
      'configBadRegex',
      '“rules.no-placeholder.extraPatterns[1]” is not a valid regular expression: Invalid regular expression: /(待补/u: Unterminated group',
      '“rules.no-placeholder.extraPatterns[1]”不是有效的正则表达式：Invalid regular expression: /(待补/u: Unterminated group',
    ],
    [
      'regular expression valid only without the u flag the rules use',
      "root: true\nrules:\n  no-placeholder: [error, {extraPatterns: ['\\-']}]\n",
      3,
      'rules.no-placeholder.extraPatterns[0]',
      'configBadRegex',
      '“rules.no-placeholder.extraPatterns[0]” is not a valid regular expression: Invalid regular expression: /\\-/u: Invalid escape',
      '“rules.no-placeholder.extraPatterns[0]”不是有效的正则表达式：Invalid regular expression: /\\-/u: Invalid escape',
    ],
    [
      'options not a mapping',
      'root: true\nrules:\n  no-placeholder: [error, 请填写]\n',
      3,
      'rules.no-placeholder',
      'configExpectMapping',
      '“rules.no-placeholder” must be a mapping (key: value)',
      '“rules.no-placeholder”须为映射（键: 值）',
    ],
    [
      'overrides not a list',
      'root: true\noverrides:\n  files: "*.md"\n',
      3,
      'overrides',
      'configExpectList',
      '“overrides” must be a list',
      '“overrides”须为列表',
    ],
    [
      'override without files',
      'root: true\noverrides:\n  - rules:\n      demo-warn: off\n',
      3,
      'overrides[0]',
      'configMissingKey',
      '“overrides[0]” is missing “files”',
      '“overrides[0]”缺少“files”',
    ],
    [
      'override files of the wrong type',
      'root: true\noverrides:\n  - files: "*.md"\n  - files: {a: b}\n',
      4,
      'overrides[1].files',
      'configExpectStringOrList',
      '“overrides[1].files” must be a string or a list of strings',
      '“overrides[1].files”须为字符串或字符串列表',
    ],
    [
      'override with an empty list of files',
      'root: true\noverrides:\n  - files: []\n',
      3,
      'overrides[0].files',
      'configEmptyValue',
      '“overrides[0].files” must not be empty',
      '“overrides[0].files”不能为空',
    ],
    [
      'unknown key in an override',
      'root: true\noverrides:\n  - files: "*.md"\n    rulez:\n      demo-warn: off\n',
      4,
      'overrides[0].rulez',
      'configUnknownKey',
      'unknown key “overrides[0].rulez”; did you mean “rules”?',
      '未知的配置项“overrides[0].rulez”，是否应为“rules”？',
    ],
    [
      'unknown rule in an override',
      'root: true\noverrides:\n  - files: "*.md"\n  - files: "*.txt"\n    rules:\n      demo-warn: off\n      no-placeholdr: off\n',
      7,
      'overrides[1].rules.no-placeholdr',
      'configUnknownRule',
      'unknown rule “no-placeholdr”; did you mean “no-placeholder”?',
      '规则“no-placeholdr”不存在，是否应为“no-placeholder”？',
    ],
    [
      'bad option in an override',
      'root: true\noverrides:\n  - files: "*.md"\n    rules:\n      no-placeholder: [error, {extraPatterns: 请填写}]\n',
      5,
      'overrides[0].rules.no-placeholder.extraPatterns',
      'configExpectList',
      '“overrides[0].rules.no-placeholder.extraPatterns” must be a list',
      '“overrides[0].rules.no-placeholder.extraPatterns”须为列表',
    ],
    ['ignores not a list', 'root: true\nignores: drafts\n', 2, 'ignores', 'configExpectList', '“ignores” must be a list', '“ignores”须为列表'],
    [
      'ignores item not a string',
      'root: true\nignores:\n  - drafts\n  - 3\n',
      4,
      'ignores[1]',
      'configExpectString',
      '“ignores[1]” must be a string',
      '“ignores[1]”须为字符串',
    ],
    [
      'ignores item empty',
      "root: true\nignores:\n  - ''\n",
      3,
      'ignores[0]',
      'configEmptyValue',
      '“ignores[0]” must not be empty',
      '“ignores[0]”不能为空',
    ],
  ];

  it.each(cases)('%s', (_name, text, line, keyPath, messageId, en, zh) => {
    const file = write('.reportlintrc.yaml', text);
    const error = configError(() => resolver().forFile(join(tmp, 'report.md')));
    expect(error.file).toBe(file);
    expect(error.line).toBe(line);
    expect(error.keyPath).toBe(keyPath);
    expect(error.messageId).toBe(messageId);
    expect(error.format('en')).toBe(`Config error in ${file}:${line}: ${en}`);
    expect(error.format('zh')).toBe(`配置错误 ${file}:${line}：${zh}`);
    expect(error.message).toBe(error.format('en'));
    expect(error).toBeInstanceOf(Error);
  });

  it('the same errors are found through --config, when the resolver is made', () => {
    const file = write('team.yaml', 'rules:\n  no-placeholdr: error\n');
    const error = configError(() => resolver({ configFile: 'team.yaml' }));
    expect(error.format('zh')).toBe(`配置错误 ${file}:2：规则“no-placeholdr”不存在，是否应为“no-placeholder”？`);
    expect(error.data).toEqual({ key: 'no-placeholdr', suggestion: 'no-placeholder' });
  });
});

describe('shared settings', () => {
  it('takes the nearest profile, merges profiles by name and terms by their correct form', () => {
    write('.reportlintrc.yaml', [
      'profile: zhuti-zeren',
      'profiles:',
      '  shuzhi:',
      '    detect: 述职报告$',
      '    sections:',
      '      - { id: work, name: 履职情况, pattern: 履职 }',
      'terms:',
      '  - { correct: 一岗双责, wrong: [一岗两责] }',
      '  - { correct: 四风, wrong: [4风] }',
    ].join('\n') + '\n');
    write('sub/.reportlintrc.yaml', 'profile: shuzhi\nterms:\n  - { correct: 四风, wrong: [4风, 四种风气] }\n');
    const settings = resolver().forFile(join(tmp, 'sub/a.md')).settings;
    expect(settings.profile).toBe('shuzhi');
    expect(Object.keys(settings.profiles)).toEqual(['shuzhi']);
    expect(settings.terms).toEqual([
      { correct: '一岗双责', wrong: ['一岗两责'] },
      { correct: '四风', wrong: ['4风', '四种风气'] },
    ]);
  });

  it('validates profiles and terms with file, line and key', () => {
    write('.reportlintrc.yaml', 'profiles:\n  p:\n    sections:\n      - { id: a, name: 甲, pattern: "(" }\n');
    expect(() => resolver().forFile(join(tmp, 'a.md'))).toThrow(/\.reportlintrc\.yaml:4.*profiles\.p\.sections\[0\]\.pattern/);
    write('.reportlintrc.yaml', 'terms:\n  - { correct: 甲 }\n');
    expect(() => resolver().forFile(join(tmp, 'a.md'))).toThrow(/\.reportlintrc\.yaml:2.*wrong/);
  });
});
