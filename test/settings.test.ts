import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { lintFiles } from '../src/lint-files.js';
import { defaultSettings, type Settings } from '../src/settings.js';
import { main } from '../src/cli/main.js';

/** The shared settings reach the rules: profiles chosen in config or from the title, user profiles, user terms. */
const rules = { 'required-sections': { severity: 'error' as const }, 'canonical-terms': { severity: 'warn' as const } };
const lint = (text: string, settings: Partial<Settings>) =>
  lintText(text, { registry: builtinRegistry, format: 'text', rules, settings: { ...defaultSettings(), ...settings } }).messages.map(
    (m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`,
  );

const SHUZHI = '2025年度个人述职报告\n一、履职情况\n认真履行岗位职责。\n二、存在的不足\n学习不够深入。\n';

describe('profiles', () => {
  it('detects the built-in profile from the title', () => {
    expect(lint('关于落实全面从严治党主体责任情况的报告\n一、工作开展情况\n正文。\n', {})).toEqual([
      '1:1 required-sections missing',
      '1:1 required-sections missing',
    ]);
  });

  it('uses a user profile detected by its own pattern, and stays quiet with none', () => {
    const profiles = {
      shuzhi: {
        detect: '述职报告$',
        sections: [
          { id: 'work', name: '履职情况', pattern: '履职' },
          { id: 'next', name: '努力方向', pattern: '努力方向|下一步' },
        ],
      },
    };
    expect(lint(SHUZHI, { profiles })).toEqual(['1:1 required-sections missing']);
    expect(lint(SHUZHI, { profiles, profile: 'none' })).toEqual([]);
    expect(lint(SHUZHI, { profile: 'no-such-kind' })).toEqual(['1:1 required-sections unknown-profile']);
  });

  it('user terms add to the dictionary', () => {
    expect(lint('关于某项工作的报告\n创建廉洁机关。\n', { terms: [{ correct: '清廉机关', wrong: ['廉洁机关'] }] })).toEqual([
      '2:3 canonical-terms nonstandard',
    ]);
  });
});

describe('settings from a config file, through lintFiles', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('profile: and terms: in .reportlintrc.yaml', async () => {
    writeFileSync(
      path.join(dir, '.reportlintrc.yaml'),
      'root: true\nprofile: shuzhi\nprofiles:\n  shuzhi:\n    sections:\n      - { id: next, name: 努力方向, pattern: 努力方向 }\nterms:\n  - { correct: 清廉机关, wrong: [廉洁机关] }\n',
    );
    writeFileSync(path.join(dir, 'a.txt'), SHUZHI.replace('学习不够深入', '廉洁机关创建不够深入'));
    const [result] = await lintFiles(['a.txt'], { cwd: dir, ruleFlags: ['{required-sections: error, canonical-terms: warn}'] });
    expect(result.messages.filter((m) => m.ruleId === 'required-sections' || m.ruleId === 'canonical-terms').map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '1:1 报告缺少“努力方向”部分，内容不全（“shuzhi”类报告应有：“努力方向”）',
      '5:1 应使用规范提法“清廉机关”，而非“廉洁机关”',
    ]);
  });
});

describe('progress bar', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'many'));
  for (let i = 0; i < 51; i++) writeFileSync(path.join(dir, 'many', `r${i}.txt`), `第${i}号报告\n正文。\n`);

  const run = async (env: Record<string, string>, args: string[] = []) => {
    let drawn = '';
    const stream = { write: (s: string) => ((drawn += s), true), isTTY: true, columns: 80 } as unknown as NodeJS.WritableStream;
    await main(['many', '--no-config', '--rule', '{problems-section: off}', ...args], {
      stdout: () => {},
      stderr: () => {},
      cwd: dir,
      env,
      isTTY: false,
      stderrIsTTY: true,
      progressStream: stream,
    });
    return drawn;
  };

  it('shows for more than 50 files on a terminal, and not in CI or under --quiet', async () => {
    expect(await run({})).toContain('/51 个文件');
    expect(await run({ CI: 'true' })).toBe('');
    expect(await run({}, ['--quiet'])).toBe('');
  });
});
