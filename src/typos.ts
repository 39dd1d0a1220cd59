import { existsSync, readFileSync } from './files/inputs.js';
import path from 'node:path';
import { parse } from 'yaml';
import type { TypoEntry } from './settings.js';
import type { Localized } from './types.js';
import { packageRoot } from './package-root.js';
import { embeddedTypos } from './data/embedded.js';

/**
 * The dictionary of the `typo-words` rule (错别字、易错词): the built-in entries
 * of rules/data/typos.yaml merged with the user's `typos:`, indexed by the first
 * two characters of each wrong form so a paragraph is scanned once.
 */

export const BUILTIN_TYPOS_FILE = 'rules/data/typos.yaml';

/** certain (必错): an error, fixed when there is one correction; suspect (疑似): a warning, never fixed. */
export type TypoTier = 'certain' | 'suspect';

export interface TypoDefinition {
  correct: string;
  wrong: string[];
  tier: TypoTier;
  /** False when the correction needs a human (certain entries only; suspect ones are never fixed). */
  fix: boolean;
  notPrecededBy: string[];
  notFollowedBy: string[];
  note?: Localized;
}

export interface TypoHit {
  start: number;
  end: number;
  wrong: string;
  entry: TypoDefinition;
}

const KEYS = new Set(['correct', 'wrong', 'tier', 'fix', 'notPrecededBy', 'notFollowedBy', 'note']);

function strings(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '' && s === s.trim()) ? (v as string[]) : null;
}

/** Checks the parsed file; returns the valid entries and one line per problem (test/typos.test.ts keeps the shipped file clean). */
export function validateTypos(value: unknown): { entries: TypoDefinition[]; problems: string[] } {
  const problems: string[] = [];
  const entries: TypoDefinition[] = [];
  const list = value && typeof value === 'object' && !Array.isArray(value) ? (value as { typos?: unknown }).typos : undefined;
  if (!Array.isArray(list)) return { entries, problems: ['the file must be a mapping with a `typos` list'] };
  list.forEach((raw, i) => {
    const at = `typos[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problems.push(`${at}: an entry must be a mapping`);
    const r = raw as Record<string, unknown>;
    const unknown = Object.keys(r).filter((k) => !KEYS.has(k));
    if (unknown.length) return problems.push(`${at}: unknown key ${unknown.join(', ')}`);
    const wrong = strings(r.wrong);
    const before = r.notPrecededBy === undefined ? [] : strings(r.notPrecededBy);
    const after = r.notFollowedBy === undefined ? [] : strings(r.notFollowedBy);
    if (typeof r.correct !== 'string' || !r.correct.trim()) return problems.push(`${at}: \`correct\` must be a non-empty string`);
    if (!wrong || !wrong.length) return problems.push(`${at}: \`wrong\` must be a non-empty list of strings`);
    if (!before || !after) return problems.push(`${at}: notPrecededBy/notFollowedBy must be lists of strings`);
    if (r.tier !== undefined && r.tier !== 'certain' && r.tier !== 'suspect') return problems.push(`${at}: \`tier\` is certain or suspect`);
    if (r.fix !== undefined && typeof r.fix !== 'boolean') return problems.push(`${at}: \`fix\` must be true or false`);
    if (wrong.includes(r.correct)) return problems.push(`${at}: “${r.correct}” is both correct and wrong`);
    let note: Localized | undefined;
    if (typeof r.note === 'string') note = { zh: r.note, en: r.note };
    else if (r.note && typeof r.note === 'object') {
      const n = r.note as Record<string, unknown>;
      if (typeof n.zh !== 'string' || typeof n.en !== 'string') return problems.push(`${at}: note must be a string or { zh, en }`);
      note = { zh: n.zh, en: n.en };
    } else if (r.note !== undefined) return problems.push(`${at}: note must be a string or { zh, en }`);
    const tier = (r.tier as TypoTier | undefined) ?? 'certain';
    entries.push({
      correct: r.correct,
      wrong,
      tier,
      fix: tier === 'certain' && r.fix !== false,
      notPrecededBy: before,
      notFollowedBy: after,
      ...(note ? { note } : {}),
    });
  });
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const w of e.wrong) {
      if (seen.has(w)) problems.push(`“${w}” is listed twice (entries ${seen.get(w)} and ${i})`);
      seen.set(w, i);
    }
  });
  return { entries, problems };
}

let builtin: TypoDefinition[] | undefined;

/** The built-in entries, read once. A broken file never stops a run: one warning, the valid entries used. */
export function builtinTypos(): TypoDefinition[] {
  if (builtin) return builtin;
  const builtinFile = () => {
    const root = packageRoot();
    return root ? path.join(root, BUILTIN_TYPOS_FILE) : null;
  };
  // The bundle carries the dictionary parsed at bundle time (src/data/embedded.ts): no YAML to read.
  if (embeddedTypos) {
    const { entries, problems } = embeddedTypos();
    if (problems.length) process.emitWarning(`typo-words: ${builtinFile() ?? BUILTIN_TYPOS_FILE}: ${problems.join('; ')}`, 'ReportlintWarning');
    return (builtin = entries);
  }
  const file = builtinFile();
  if (!file || !existsSync(file)) {
    process.emitWarning('typo-words: the built-in dictionary is missing', 'ReportlintWarning');
    return (builtin = []);
  }
  const { entries, problems } = validateTypos(parse(readFileSync(file, 'utf8')));
  if (problems.length) process.emitWarning(`typo-words: ${file}: ${problems.join('; ')}`, 'ReportlintWarning');
  return (builtin = entries);
}

/**
 * Built-in entries plus the user's: a user entry takes over every wrong form it
 * lists, so a config can change the tier, correction or context of a built-in form.
 */
export function mergeTypos(base: readonly TypoDefinition[], user: readonly TypoEntry[]): TypoDefinition[] {
  if (!user.length) return [...base];
  const taken = new Set<string>();
  const mine: TypoDefinition[] = [];
  // The last entry that lists a form has it (a nearer config's entry over a farther one's).
  for (const u of [...user].reverse()) {
    const wrong = [...new Set(u.wrong)].filter((w) => w !== u.correct && !taken.has(w));
    for (const w of wrong) taken.add(w);
    if (!wrong.length) continue;
    const tier = u.tier ?? 'certain';
    mine.unshift({
      correct: u.correct,
      wrong,
      tier,
      fix: tier === 'certain',
      notPrecededBy: u.notPrecededBy ?? [],
      notFollowedBy: u.notFollowedBy ?? [],
      ...(u.note ? { note: { zh: u.note, en: u.note } } : {}),
    });
  }
  const out = base.map((e) => ({ ...e, wrong: e.wrong.filter((w) => !taken.has(w)) })).filter((e) => e.wrong.length > 0);
  return [...out, ...mine];
}

type Form = { wrong: string; entry: TypoDefinition };

/**
 * A compiled dictionary: wrong forms by their first two characters, longest
 * first, so most characters of a paragraph cost one table look-up.
 */
export class TypoDictionary {
  /** Per first code unit: 1 + its index in `byFirst`, 0 when no wrong form starts with it. */
  private readonly first = new Uint16Array(65536);
  /** Per first code unit: longer forms by their second code unit, and one-character forms; each list longest first. */
  private readonly byFirst: { bySecond: Map<number, Form[]>; alone: Form[] }[] = [];
  /** Hashes of the first two code units of every form: a cheap test before the map look-up. */
  private readonly pairs = new Uint8Array(65536);

  constructor(readonly entries: readonly TypoDefinition[]) {
    const forms: Form[] = [];
    for (const entry of entries) for (const wrong of entry.wrong) forms.push({ wrong, entry });
    forms.sort((a, b) => b.wrong.length - a.wrong.length);
    for (const form of forms) {
      const c = form.wrong.charCodeAt(0);
      if (!this.first[c]) this.first[c] = this.byFirst.push({ bySecond: new Map(), alone: [] });
      const slot = this.byFirst[this.first[c] - 1];
      if (form.wrong.length === 1) {
        slot.alone.push(form);
        continue;
      }
      const second = form.wrong.charCodeAt(1);
      this.pairs[pairHash(c, second)] = 1;
      const list = slot.bySecond.get(second);
      if (list) list.push(form);
      else slot.bySecond.set(second, [form]);
    }
  }

  /** Wrong forms in `text`, leftmost first, longest at a position; hits never overlap. */
  find(text: string): TypoHit[] {
    const out: TypoHit[] = [];
    const { first, pairs } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const slotIndex = first[c];
      if (!slotIndex) continue;
      const slot = this.byFirst[slotIndex - 1];
      let hit: Form | undefined;
      if (i + 1 < n) {
        const second = text.charCodeAt(i + 1);
        const list = pairs[pairHash(c, second)] ? slot.bySecond.get(second) : undefined;
        if (list) hit = matchAt(text, i, list);
      }
      // One-character forms are the shortest: tried last, as in one list sorted longest first.
      hit ??= matchAt(text, i, slot.alone);
      if (!hit) continue;
      const end = i + hit.wrong.length;
      out.push({ start: i, end, wrong: hit.wrong, entry: hit.entry });
      i = end - 1;
    }
    return out;
  }
}

/** The first form of `list` written at `i` whose context allows it. */
function matchAt(text: string, i: number, list: readonly Form[]): Form | undefined {
  for (const form of list) {
    const { wrong, entry } = form;
    if (!text.startsWith(wrong, i)) continue;
    const end = i + wrong.length;
    if (entry.notFollowedBy.some((s) => text.startsWith(s, end))) continue;
    if (entry.notPrecededBy.some((s) => i >= s.length && text.endsWith(s, i))) continue;
    return form;
  }
  return undefined;
}

function pairHash(first: number, second: number): number {
  return ((first << 7) ^ second) & 0xffff;
}

const cache = new WeakMap<readonly TypoEntry[], TypoDictionary>();
let plain: TypoDictionary | undefined;

export function typoDictionary(user: readonly TypoEntry[] | undefined): TypoDictionary {
  if (!user || !user.length) return (plain ??= new TypoDictionary(builtinTypos()));
  let dict = cache.get(user);
  if (!dict) cache.set(user, (dict = new TypoDictionary(mergeTypos(builtinTypos(), user))));
  return dict;
}
