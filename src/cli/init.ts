import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isPresetName, presetNames } from '../config/presets.js';
import { CONFIG_FILE_NAMES } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { coreMessage } from '../i18n/messages.js';
import { BUILTIN_PROFILES } from '../profiles.js';
import { closest } from '../suggest.js';
import type { Locale } from '../types.js';

/**
 * `reportlint --init`: writes a starter `.reportlintrc.yaml` in the working
 * directory. On a terminal it asks for what `--preset` and `--profile` do not
 * give: the report kind (profile) and how strict the gate is (preset);
 * elsewhere it takes them from the flags, or the defaults (recommended, auto).
 * It never overwrites a config file.
 */

export const INIT_FILE = '.reportlintrc.yaml';

export interface InitOptions {
  preset?: string;
  profile?: string;
}

/** Asks one question on the terminal; undefined when there is no one to ask. */
export type Ask = (question: string) => Promise<string>;

export function profileNames(): string[] {
  return ['auto', ...Object.keys(BUILTIN_PROFILES), 'none'];
}

function checkPreset(value: string): string {
  if (!isPresetName(value)) throw new UsageError('initUnknownPreset', { value, choices: presetNames().join(', '), suggestion: closest(value, presetNames()) ?? '' });
  return value;
}

function checkProfile(value: string): string {
  if (!profileNames().includes(value)) {
    throw new UsageError('initUnknownProfile', { value, choices: profileNames().join(', '), suggestion: closest(value, profileNames()) ?? '' });
  }
  return value;
}

/** Asks to pick one of `choices` by number or name; Enter takes the first. */
async function choose(ask: Ask, locale: Locale, questionId: 'initAskProfile' | 'initAskPreset', choices: string[], describe: (c: string) => string): Promise<string> {
  const list = choices.map((c, i) => `  ${i + 1}) ${c}  ${describe(c)}`).join('\n');
  for (;;) {
    const answer = (await ask(`${coreMessage(locale, questionId)}\n${list}\n> `)).trim();
    if (answer === '') return choices[0];
    const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
    const picked = byNumber ?? choices.find((c) => c === answer);
    if (picked) return picked;
  }
}

export function starterConfig(preset: string, profile: string, locale: Locale): string {
  const zh = locale === 'zh';
  return [
    zh ? '# reportlint 配置，由 reportlint --init 生成；各项说明见 README 的“配置”一节。' : '# reportlint configuration, written by reportlint --init; see "Configuration" in the README.',
    'root: true',
    `extends: ${preset}${' '.repeat(Math.max(1, 14 - preset.length))}# ${zh ? 'recommended（默认）| gate（上传把关：只有硬伤是错误）| strict（全部为错误）' : 'recommended (default) | gate (upload gate: only hard faults are errors) | strict (everything an error)'}`,
    `profile: ${profile}${' '.repeat(Math.max(1, 14 - profile.length))}# ${zh ? '报告类型：auto（按标题判断）| zhuti-zeren（主体责任情况报告）| none' : 'report kind: auto (from the title) | zhuti-zeren (主体责任 report) | none'}`,
    `locale: ${locale}`,
    zh ? '# 按需调整单条规则（reportlint --list-rules 列出全部规则）：' : '# Adjust single rules as needed (reportlint --list-rules lists them):',
    '# rules:',
    '#   truncated-paragraph: warn',
    '#   problems-section: [error, { aliases: ["问题清单"] }]',
    zh ? '# 不检查的文件：' : '# Files not to check:',
    '# ignores:',
    '#   - "archive/**"',
    '',
  ].join('\n');
}

/** Runs --init; returns the path written (relative to cwd). */
export async function runInit(options: InitOptions, cwd: string, locale: Locale, ask: Ask | undefined): Promise<string> {
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(path.join(cwd, name)));
  if (existing) throw new UsageError('initExists', { path: existing });
  let preset = options.preset === undefined ? undefined : checkPreset(options.preset);
  let profile = options.profile === undefined ? undefined : checkProfile(options.profile);
  if (ask) {
    profile ??= await choose(ask, locale, 'initAskProfile', profileNames(), (c) => coreMessage(locale, c === 'auto' ? 'initProfileAuto' : c === 'none' ? 'initProfileNone' : 'initProfileBuiltin', { title: BUILTIN_PROFILES[c]?.title ?? c }));
    preset ??= await choose(ask, locale, 'initAskPreset', presetNames(), (c) => coreMessage(locale, c === 'gate' ? 'initPresetGate' : c === 'strict' ? 'initPresetStrict' : 'initPresetRecommended'));
  }
  const file = path.join(cwd, INIT_FILE);
  try {
    writeFileSync(file, starterConfig(preset ?? 'recommended', profile ?? 'auto', locale), { flag: 'wx' });
  } catch (error) {
    throw new UsageError('writeFailed', { path: INIT_FILE, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  return INIT_FILE;
}
