import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { main } from '../src/cli/main.js';
import { ConfigResolver } from '../src/config/index.js';
import { cli } from './cli-helper.js';

/** `reportlint --init`: a starter config, from flags or from answers on a terminal. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const config = () => readFileSync(path.join(dir, '.reportlintrc.yaml'), 'utf8');
const resolved = () => new ConfigResolver({ registry: builtinRegistry, cwd: dir }).forFile(path.join(dir, 'a.md'));

describe('--init', () => {
  it('non-interactively: --init --preset gate --profile zhuti-zeren writes a config that loads', () => {
    const r = cli(['--init', '--preset', 'gate', '--profile', 'zhuti-zeren'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '已写入 .reportlintrc.yaml（预设 gate，报告类型 zhuti-zeren）\n' });
    expect(config()).toMatch(/^root: true\nextends: gate +#.*\nprofile: zhuti-zeren +#.*\nlocale: zh\n/m);
    const settings = resolved();
    expect(settings.settings.profile).toBe('zhuti-zeren');
    // gate: a blocker stays an error, everything else is a warning.
    expect(settings.rules['no-placeholder']?.severity).toBe('error');
    expect(settings.rules['punctuation-width']?.severity).toBe('warn');
  });

  it('without a terminal and without flags: the defaults', () => {
    expect(cli(['--init', '--locale', 'en'], { cwd: dir }).stderr).toBe('Wrote .reportlintrc.yaml (preset recommended, report kind auto)\n');
    expect(config()).toContain('extends: recommended ');
    expect(config()).toContain('locale: en');
  });

  it('never overwrites a config', () => {
    writeFileSync(path.join(dir, '.reportlintrc.yml'), 'root: true\n');
    expect(cli(['--init'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'reportlint: 配置文件 .reportlintrc.yml 已存在，未覆盖\n' });
    expect(existsSync(path.join(dir, '.reportlintrc.yaml'))).toBe(false);
  });

  it('checks the names, with did you mean', () => {
    expect(cli(['--init', '--preset', 'gaet'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'reportlint: 未知的预设“gaet”，是否应为“gate”？（可选：recommended, gate, strict）\n' });
    expect(cli(['--init', '--profile', 'zhuti'], { cwd: dir }).stderr).toBe('reportlint: 未知的报告类型“zhuti”，是否应为“zhuti-zeren”？（可选：auto, zhuti-zeren, none）\n');
    expect(cli(['--preset', 'gate'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'reportlint: --preset 只能与 --init 同用\n' });
    expect(existsSync(path.join(dir, '.reportlintrc.yaml'))).toBe(false);
  });

  it('on a terminal: asks for the report kind and the strictness, by number or name, and asks again after a wrong answer', async () => {
    const questions: string[] = [];
    const answers = ['2', 'banana', 'strict'];
    let stderr = '';
    const code = await main(['--init'], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      cwd: dir,
      env: {},
      isTTY: true,
      ask: async (q) => {
        questions.push(q);
        return answers.shift()!;
      },
    });
    expect(code).toBe(0);
    expect(questions[0]).toBe('报告类型（输入序号，回车取第一项）：\n  1) auto  按标题自动判断\n  2) zhuti-zeren  主体责任情况报告\n  3) none  不检查必备部分\n> ');
    expect(questions[1]).toMatch(/^把关严格程度/);
    expect(questions).toHaveLength(3);
    expect(stderr).toBe('已写入 .reportlintrc.yaml（预设 strict，报告类型 zhuti-zeren）\n');
    expect(resolved().rules['punctuation-width']?.severity).toBe('error');
  });

  it('on a terminal, flags given are not asked for; Enter takes the first choice', async () => {
    const questions: string[] = [];
    await main(['--init', '--preset', 'gate'], { stdout: () => {}, stderr: () => {}, cwd: dir, env: {}, isTTY: true, ask: async (q) => (questions.push(q), '') });
    expect(questions).toHaveLength(1);
    expect(config()).toMatch(/extends: gate .*\nprofile: auto /);
  });
});
