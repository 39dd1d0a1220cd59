import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closest } from '../src/suggest.js';
import { cli } from './cli-helper.js';

/** "Did you mean" for every name a user types: options, formats, rule ids in --rule, config, directives, --explain, --fix-rule. */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-dym-'));
  writeFileSync(path.join(dir, 'a.md'), '# 关于某项工作的报告\n<!-- reportlint-disable-next-line no-placehldr -->\n正文\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => cli(args, { cwd: dir });

describe('did you mean', () => {
  it('a mistyped option', () => {
    expect(run(['--fromat', 'json'])).toMatchObject({ code: 2, stderr: 'reportlint: 未知的选项 --fromat，是否应为“--format”？（reportlint --help 列出全部选项）\n' });
    expect(run(['--locale', 'en', '--max-warning', '0'])).toMatchObject({ code: 2, stderr: 'reportlint: unknown option --max-warning; did you mean “--max-warnings”?\n' });
  });

  it('a mistyped format name', () => {
    expect(run(['-f', 'jsno', 'a.md']).stderr).toBe(
      'reportlint: 不支持的输出格式“jsno”，是否应为“json”？（可选：stylish, json, html, summary, sarif, github, gitlab, junit, rdjson, csv, xlsx, docx）\n',
    );
    expect(run(['-f', 'sarf:out.sarif', 'a.md', '--locale', 'en']).stderr).toContain('Unknown format “sarf”; did you mean “sarif”?');
  });

  it('a rule id in --rule', () => {
    expect(run(['--no-config', '--rule', 'truncated-paragrph: off', 'a.md'])).toMatchObject({
      code: 2,
      stderr: 'reportlint: 配置错误 --rule:1：规则“truncated-paragrph”不存在，是否应为“truncated-paragraph”？\n',
    });
  });

  it('a rule id in a config file', () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'reportlint-dym-config-'));
    try {
      writeFileSync(path.join(d, '.reportlintrc.yaml'), 'rules:\n  no-placeholdr: error\n');
      writeFileSync(path.join(d, 'a.md'), '# 报告\n');
      const r = cli(['a.md', '--locale', 'en'], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\.reportlintrc\.yaml:2: unknown rule “no-placeholdr”; did you mean “no-placeholder”\?\n$/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('a key or a rule option in a config file', () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'reportlint-dym-keys-'));
    try {
      writeFileSync(path.join(d, 'a.md'), '# 报告\n');
      writeFileSync(path.join(d, '.reportlintrc.yaml'), 'rule:\n  no-placeholder: error\n');
      expect(cli(['a.md'], { cwd: d }).stderr).toBe(`reportlint: 配置错误 ${path.join(d, '.reportlintrc.yaml')}:1：未知的配置项“rule”，是否应为“rules”？\n`);
      writeFileSync(path.join(d, '.reportlintrc.yaml'), 'rules:\n  problems-section: [error, {alias: ["问题清单"]}]\n');
      expect(cli(['a.md', '--locale', 'en'], { cwd: d }).stderr).toMatch(/:2: unknown rule option “rules\.problems-section\.alias”; did you mean “aliases”\?\n$/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('a rule id in an inline directive', () => {
    const r = run(['--no-config', 'a.md', '-f', 'json']);
    const messages = (JSON.parse(r.stdout) as { messages: { messageId: string; message: string; line: number }[] }[])[0].messages;
    expect(messages.filter((m) => m.messageId === 'unknown-rule').map((m) => [m.line, m.message])).toEqual([[2, '注释指令中的规则“no-placehldr”不存在，是否应为“no-placeholder”？']]);
  });

  it('a rule id in --explain and --fix-rule (only fixable rules are offered)', () => {
    expect(run(['--no-config', '--explain', 'no-placehoder']).stderr).toBe('reportlint: 规则“no-placehoder”不存在，是否应为“no-placeholder”？\n');
    expect(run(['--no-config', '--fix-rule', 'punctuaton-width', 'a.md']).stderr).toBe(
      'reportlint: --fix-rule 指定的规则“punctuaton-width”不存在或不支持自动修复，是否应为“punctuation-width”？\n',
    );
  });

  it('nothing when no name is close', () => {
    expect(run(['--no-config', '--rule', 'zzzzz: off', 'a.md']).stderr).toBe('reportlint: 配置错误 --rule:1：规则“zzzzz”不存在\n');
    expect(closest('format', ['stylish', 'json'])).toBeUndefined();
    expect(closest('jsno', ['stylish', 'json'])).toBe('json');
  });
});
