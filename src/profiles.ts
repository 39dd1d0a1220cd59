import type { Report, Section } from './model/report.js';
import type { Profile, ProfileSection, Settings } from './settings.js';

/**
 * Report kinds (profiles) and the sections each must have. The built-in
 * profiles live here so that rules (required-sections, problems-section,
 * problems-depth) and the HTML report share one definition; users add to
 * them or replace them by name with the `profiles` setting (src/settings.ts).
 *
 * Every pattern is a regular expression source matched against a section
 * title (without its numbering marker). They are written to run in linear
 * time: no nested quantifiers, and bounded gaps (`[^，。；]{0,20}`) instead of `.*`.
 */

/** Work done: 工作开展情况, 主要工作, 主要做法和成效, 履行主体责任情况. */
export const WORK_TITLE = String.raw`工作开展情况|主要(?:工作|做法)|履行[^，。；]{0,20}责任[^，。；]{0,20}情况|做法|成效`;

/**
 * The problems section: 存在的（主要/突出）问题, 主要问题, 问题与不足/原因/困难, 短板/差距和不足,
 * 存在（的）不足, 不足之处, 薄弱环节, 困难和问题. Written once: problems-section, problems-depth
 * and the `zhuti-zeren` profile all use it (through src/problems.ts for the first two).
 */
export const PROBLEMS_TITLE = String.raw`存在的?(?:主要|突出)?问题|主要问题|问题(?:与|和|及)(?:不足|原因|困难)|(?:短板|差距)(?:和|与)不足|存在(?:的)?不足|不足之处|薄弱环节|困难和问题`;

/** Next steps: 下一步（工作打算）, 今后……打算/计划/方向, 工作打算, 整改措施, 改进措施. */
export const NEXT_STEPS_TITLE = String.raw`下一步|今后[^，。；]{0,10}(?:打算|计划|方向)|工作打算|(?:整改|改进)措施`;

/** A report on 全面从严治党主体责任, as its title says (…落实全面从严治党主体责任情况的报告). */
export const ZHUTI_ZEREN_DETECT = String.raw`全面从严治党[^，。；：]{0,10}主体责任|管党治党主体责任`;

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = {
  /** 落实全面从严治党主体责任情况的报告: work done, problems, next steps, in that order. */
  'zhuti-zeren': {
    title: '主体责任情况报告',
    detect: ZHUTI_ZEREN_DETECT,
    ordered: true,
    sections: [
      { id: 'work', name: '工作开展情况', pattern: WORK_TITLE },
      { id: 'problems', name: '存在的问题', pattern: PROBLEMS_TITLE },
      { id: 'next-steps', name: '下一步工作打算', pattern: NEXT_STEPS_TITLE },
    ],
  },
};

/**
 * Built-in and user profiles by name. A user profile replaces the built-in one of the same
 * name; when it gives no `detect`, it keeps the built-in's, so that redefining the sections of
 * `zhuti-zeren` does not turn off its detection from the title.
 */
export function allProfiles(settings: Pick<Settings, 'profiles'>): Record<string, Profile> {
  const out: Record<string, Profile> = { ...BUILTIN_PROFILES };
  for (const [name, profile] of Object.entries(settings.profiles)) {
    const builtin = Object.hasOwn(BUILTIN_PROFILES, name) ? BUILTIN_PROFILES[name] : undefined;
    out[name] = builtin && profile.detect === undefined && builtin.detect !== undefined ? { ...profile, detect: builtin.detect } : profile;
  }
  return out;
}

export type ProfileChoice =
  /** No profile applies: `none`, or `auto` and no profile's `detect` matches the title. */
  | { kind: 'none' }
  /** The profile named in the settings does not exist. */
  | { kind: 'unknown'; name: string; known: string[] }
  | { kind: 'profile'; name: string; profile: Profile };

/**
 * The profile that applies to a report: `name` (default: the `profile` setting) is `none`,
 * `auto` (the first profile whose `detect` matches the title; user profiles are tried before
 * the built-in ones) or a profile name.
 */
export function chooseProfile(settings: Pick<Settings, 'profile' | 'profiles'>, title: string | null, name = settings.profile): ProfileChoice {
  const profiles = allProfiles(settings);
  if (name === 'none') return { kind: 'none' };
  if (name === 'auto') {
    if (title === null) return { kind: 'none' };
    const order = [...Object.keys(settings.profiles), ...Object.keys(BUILTIN_PROFILES).filter((n) => !(n in settings.profiles))];
    for (const n of order) {
      const detect = profiles[n].detect;
      if (detect !== undefined && compilePattern(detect)?.test(title)) return { kind: 'profile', name: n, profile: profiles[n] };
    }
    return { kind: 'none' };
  }
  const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  return profile ? { kind: 'profile', name, profile } : { kind: 'unknown', name, known: Object.keys(profiles) };
}

const cache = new Map<string, RegExp | null>();

/**
 * Compiles a pattern of a profile (with the `u` flag, as the config validator checks it).
 * Null when it does not compile, which only a config that bypassed validation can cause.
 */
export function compilePattern(source: string, flags: 'u' | 'gu' = 'u'): RegExp | null {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (re === undefined) {
    try {
      re = new RegExp(source, flags);
    } catch {
      re = null;
    }
    cache.set(key, re);
  }
  return re;
}

/**
 * A remedy, not a topic: 针对存在的问题抓整改, 补齐薄弱环节, 着力解决……, 巩固整改成效. A title phrase
 * after one of these verbs names what a measure is aimed at, so it does not make the section the
 * one the phrase names. All are two characters long.
 */
const REMEDY_BEFORE = /^(?:针对|补齐|补强|补足|补短|弥补|解决|破解|聚焦|整改|着力|防范|化解|克服|改进|扭转|堵塞|消除|根治)$/u;
/** The remedy verbs that also count a few characters before the phrase: 补齐党建工作薄弱环节, 着力解决群众反映的突出问题. */
const REMEDY_IN_CLAUSE = /^(?:针对|补齐|补强|补足|补短|弥补|解决|破解|克服|扭转|堵塞|消除|根治|着力)$/u;
/** How far back in the same clause REMEDY_IN_CLAUSE is looked for. */
const CLAUSE_REACH = 8;
const CLAUSE_BREAK = /[，。；：、,.;:！？!?\s]/u;

/**
 * Where a title matches one of the patterns (compiled with the `g` flag) or contains one of the
 * synonyms, not counting a match right after a remedy verb (see REMEDY_BEFORE): the span of the first
 * such match, or null.
 */
export function matchTitle(title: string, patterns: readonly (RegExp | null)[], synonyms: readonly string[] = []): [number, number] | null {
  for (const re of patterns) {
    if (!re) continue;
    for (const m of title.matchAll(re)) {
      if (m[0] && !afterRemedy(title, m.index)) return [m.index, m.index + m[0].length];
    }
  }
  for (const synonym of synonyms) {
    for (let i = title.indexOf(synonym); i !== -1 && synonym; i = title.indexOf(synonym, i + 1)) {
      if (!afterRemedy(title, i)) return [i, i + synonym.length];
    }
  }
  return null;
}

/** Whether a remedy verb ends right before `index`, or a strong one a few characters before it in the same clause. */
function afterRemedy(title: string, index: number): boolean {
  if (index >= 2 && REMEDY_BEFORE.test(title.slice(index - 2, index))) return true;
  for (let end = index - 1; end >= 2 && end >= index - CLAUSE_REACH; end--) {
    if (CLAUSE_BREAK.test(title[end])) return false;
    if (REMEDY_IN_CLAUSE.test(title.slice(end - 2, end))) return true;
  }
  return false;
}

/** Whether a section title is one of a profile section's: its pattern matches, or it contains a synonym (see matchTitle). */
export function titleMatches(title: string, part: ProfileSection): boolean {
  return matchTitle(title, [compilePattern(part.pattern, 'gu')], part.synonyms) !== null;
}

/**
 * The report's main parts: its top-level sections, or, when there is only one (a report whose
 * parts are all under one heading), that section and its subsections.
 */
export function mainParts(report: Report): Section[] {
  return report.sections.length === 1 ? [report.sections[0], ...report.sections[0].children] : report.sections;
}

/**
 * For each section of a profile, the report section that stands for it, or null.
 * Top-level sections are matched first; deeper ones are considered only when the report has
 * a single top-level section (whose subsections are then the report's real parts) or none.
 * Among deeper candidates the shallowest wins, then the first in document order.
 */
export function findProfileSections(report: Report, profile: Profile): Map<string, Section | null> {
  const candidates = report.sections.length >= 2 ? report.sections : [...report.allSections].sort((a, b) => a.level - b.level);
  const out = new Map<string, Section | null>();
  for (const part of profile.sections) out.set(part.id, candidates.find((s) => titleMatches(s.title, part)) ?? null);
  return out;
}
