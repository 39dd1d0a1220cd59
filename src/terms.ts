import { existsSync, readFileSync } from './files/inputs.js';
import path from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { TermEntry } from './settings.js';
import type { Localized } from './types.js';
import { packageRoot } from './package-root.js';
import { embeddedTerms } from './data/embedded.js';

/**
 * The dictionary of standard formulations (规范提法) that the `canonical-terms`
 * rule checks: the built-in entries of rules/data/canonical-terms.yaml, loaded
 * once, merged with the user's `terms:`, and compiled into one index by first
 * characters per distinct dictionary, so a paragraph is scanned once however
 * many entries there are.
 */

/** Where the built-in dictionary lives, relative to the package root. */
export const BUILTIN_TERMS_FILE = 'rules/data/canonical-terms.yaml';

/** One standard formulation and the wrong forms that stand for it. */
export interface TermDefinition {
  correct: string;
  wrong: string[];
  note?: Localized;
  /** False when the replacement needs a human; no fix is offered. */
  fix: boolean;
  /** A form followed by one of these is another word (`4风险`). */
  notFollowedBy: string[];
  /** A form preceded by one of these is another word (`学习总书记`). */
  notPrecededBy: string[];
}

/** A verb pairing: `verb` goes with `term`; the `wrong` verbs do not. */
export interface VerbPairing {
  term: string;
  verb: string;
  wrong: string[];
  note?: Localized;
}

export interface TermsData {
  terms: TermDefinition[];
  verbs: VerbPairing[];
}

/** A problem in a dictionary file: where (key path and line) and what. */
export interface TermsProblem {
  path: (string | number)[];
  line?: number;
  message: string;
}

// ───────────────────────────── validation ─────────────────────────────

const TERM_KEYS = new Set(['correct', 'wrong', 'note', 'fix', 'notFollowedBy', 'notPrecededBy']);
const VERB_KEYS = new Set(['term', 'verb', 'wrong', 'note']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value === value.trim();
}

/**
 * Checks parsed dictionary data. Returns the valid entries and every problem
 * found, with its key path. An entry with a fault of its own is left out, never
 * half-used; of two entries for one correct form the first is kept; a wrong form
 * claimed by two entries stays with both (it is then reported without a fix).
 */
export function validateTermsData(value: unknown): { data: TermsData; problems: TermsProblem[] } {
  const problems: TermsProblem[] = [];
  const data: TermsData = { terms: [], verbs: [] };
  const problem = (p: (string | number)[], message: string): void => {
    problems.push({ path: p, message });
  };

  if (!isRecord(value)) {
    problem([], 'the file must be a mapping with `terms` and `verbs`');
    return { data, problems };
  }
  for (const key of Object.keys(value)) if (key !== 'terms' && key !== 'verbs') problem([key], `unknown key “${key}”`);

  const strings = (p: (string | number)[], v: unknown, what: string, allowEmpty = false): string[] | null => {
    if (!Array.isArray(v) || (!allowEmpty && v.length === 0)) {
      problem(p, `${what} must be a ${allowEmpty ? '' : 'non-empty '}list of strings`);
      return null;
    }
    let ok = true;
    v.forEach((s, i) => {
      if (!nonEmpty(s)) {
        problem([...p, i], `${what}[${i}] must be a non-empty string without surrounding spaces`);
        ok = false;
      }
    });
    if (ok && new Set(v).size !== v.length) {
      problem(p, `${what} lists the same string twice`);
      ok = false;
    }
    return ok ? (v as string[]) : null;
  };
  const note = (p: (string | number)[], v: unknown): Localized | undefined | null => {
    if (v === undefined) return undefined;
    if (nonEmpty(v)) return { zh: v, en: v };
    if (isRecord(v) && nonEmpty(v.zh) && nonEmpty(v.en) && Object.keys(v).length === 2) return { zh: v.zh, en: v.en };
    problem(p, 'note must be a string or { zh, en } with two non-empty strings');
    return null;
  };

  // Terms: each entry on its own, then across entries.
  const terms = value.terms ?? [];
  if (!Array.isArray(terms)) {
    problem(['terms'], '`terms` must be a list');
  } else {
    const valid: { i: number; term: TermDefinition }[] = [];
    terms.forEach((raw, i) => {
      const at = ['terms', i];
      if (!isRecord(raw)) return problem(at, 'an entry must be a mapping with `correct` and `wrong`');
      let ok = true;
      for (const key of Object.keys(raw)) {
        if (!TERM_KEYS.has(key)) {
          problem([...at, key], `unknown key “${key}”`);
          ok = false;
        }
      }
      if (!nonEmpty(raw.correct)) {
        problem([...at, 'correct'], '`correct` must be a non-empty string without surrounding spaces');
        ok = false;
      }
      const wrong = strings([...at, 'wrong'], raw.wrong, '`wrong`');
      const noteValue = note([...at, 'note'], raw.note);
      if (raw.fix !== undefined && typeof raw.fix !== 'boolean') {
        problem([...at, 'fix'], '`fix` must be true or false');
        ok = false;
      }
      const after = raw.notFollowedBy === undefined ? [] : strings([...at, 'notFollowedBy'], raw.notFollowedBy, '`notFollowedBy`');
      const before = raw.notPrecededBy === undefined ? [] : strings([...at, 'notPrecededBy'], raw.notPrecededBy, '`notPrecededBy`');
      if (!ok || !wrong || noteValue === null || !after || !before) return;
      const correct = raw.correct as string;
      if (wrong.includes(correct)) return problem([...at, 'wrong'], `“${correct}” is both the correct and a wrong form`);
      const term: TermDefinition = { correct, wrong, fix: raw.fix !== false, notFollowedBy: after, notPrecededBy: before };
      if (noteValue) term.note = noteValue;
      valid.push({ i, term });
    });

    // Across entries: one correct form per entry; a wrong form belongs to one entry and is nobody's correct form.
    const correctAt = new Map<string, number>();
    const wrongAt = new Map<string, number>();
    for (const { i, term } of valid) {
      const first = correctAt.get(term.correct);
      if (first !== undefined) {
        problem(['terms', i, 'correct'], `“${term.correct}” already has an entry (terms[${first}])`);
        continue;
      }
      correctAt.set(term.correct, i);
      data.terms.push(term);
      for (const w of term.wrong) {
        const other = wrongAt.get(w);
        if (other !== undefined) problem(['terms', i, 'wrong'], `“${w}” is already a wrong form of terms[${other}]`);
        else wrongAt.set(w, i);
      }
    }
    for (const [w, i] of wrongAt) {
      const j = correctAt.get(w);
      if (j !== undefined) problem(['terms', i, 'wrong'], `“${w}” is the correct form of terms[${j}]`);
    }
  }

  // Verb pairings.
  const verbs = value.verbs ?? [];
  if (!Array.isArray(verbs)) {
    problem(['verbs'], '`verbs` must be a list');
  } else {
    const seen = new Map<string, number>();
    verbs.forEach((raw, i) => {
      const at = ['verbs', i];
      if (!isRecord(raw)) return problem(at, 'a pairing must be a mapping with `term`, `verb` and `wrong`');
      let ok = true;
      for (const key of Object.keys(raw)) {
        if (!VERB_KEYS.has(key)) {
          problem([...at, key], `unknown key “${key}”`);
          ok = false;
        }
      }
      for (const key of ['term', 'verb'] as const) {
        if (!nonEmpty(raw[key])) {
          problem([...at, key], `\`${key}\` must be a non-empty string without surrounding spaces`);
          ok = false;
        }
      }
      const wrong = strings([...at, 'wrong'], raw.wrong, '`wrong`');
      const noteValue = note([...at, 'note'], raw.note);
      if (!ok || !wrong || noteValue === null) return;
      const term = raw.term as string;
      const verb = raw.verb as string;
      if (wrong.includes(verb)) return problem([...at, 'wrong'], `“${verb}” is both the verb and a wrong verb`);
      if (seen.has(term)) return problem([...at, 'term'], `“${term}” already has a pairing (verbs[${seen.get(term)}])`);
      seen.set(term, i);
      data.verbs.push({ term, verb, wrong, ...(noteValue ? { note: noteValue } : {}) });
    });
  }

  return { data, problems };
}

/** Parses and validates the text of a dictionary file; problems carry the line they are at. */
export function parseTermsData(text: string): { data: TermsData; problems: TermsProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      data: { terms: [], verbs: [] },
      problems: doc.errors.map((e) => ({ path: [], line: e.linePos?.[0].line, message: e.message.split('\n')[0] })),
    };
  }
  const result = validateTermsData(doc.toJS({ maxAliasCount: -1 }));
  for (const p of result.problems) {
    // The nearest node that exists on the path gives the line.
    for (let n = p.path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(p.path.slice(0, n), true);
      if (isNode(node) && node.range) {
        p.line = lineCounter.linePos(node.range[0]).line;
        break;
      }
    }
  }
  return result;
}

/** `file:line: terms[3].wrong: message`, for warnings and test failures. */
export function formatTermsProblem(file: string, p: TermsProblem): string {
  const where = p.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  return `${file}${p.line ? `:${p.line}` : ''}: ${where ? `${where}: ` : ''}${p.message}`;
}

/** Absolute path of the built-in dictionary, or null when the package root cannot be found. */
export function builtinTermsPath(): string | null {
  const root = packageRoot();
  return root ? path.join(root, BUILTIN_TERMS_FILE) : null;
}

let builtin: TermsData | undefined;

/**
 * The built-in dictionary, read on first use. A broken file never stops a run:
 * its valid entries are used and one warning names the problems (test/terms.test.ts
 * makes sure the shipped file has none).
 */
export function builtinTermsData(): TermsData {
  if (builtin) return builtin;
  // The bundle carries the dictionary parsed at bundle time (src/data/embedded.ts): no YAML to read.
  if (embeddedTerms) {
    const result = embeddedTerms();
    if (result.problems.length) warnTerms(builtinTermsPath(), result.problems);
    return (builtin = result.data);
  }
  const file = builtinTermsPath();
  let result: { data: TermsData; problems: TermsProblem[] };
  if (!file || !existsSync(file)) {
    result = { data: { terms: [], verbs: [] }, problems: [{ path: [], message: 'the built-in dictionary is missing' }] };
  } else {
    result = parseTermsData(readFileSync(file, 'utf8'));
  }
  if (result.problems.length) warnTerms(file, result.problems);
  builtin = result.data;
  return builtin;
}

function warnTerms(file: string | null, problems: TermsProblem[]): void {
  const shown = file ?? BUILTIN_TERMS_FILE;
  process.emitWarning(`canonical-terms: ${problems.map((p) => formatTermsProblem(shown, p)).join('; ')}`, 'ReportlintWarning');
}

// ───────────────────────────── merging ─────────────────────────────

/** The built-in entries with the user's: an entry with the same `correct` replaces the built-in one. */
export function mergeTerms(builtinTerms: readonly TermDefinition[], user: readonly TermEntry[]): TermDefinition[] {
  const byCorrect = new Map<string, TermDefinition>();
  for (const t of builtinTerms) byCorrect.set(t.correct, t);
  for (const u of user) {
    byCorrect.delete(u.correct); // re-inserted last: user entries come after the built-in ones
    byCorrect.set(u.correct, {
      correct: u.correct,
      wrong: [...new Set(u.wrong)].filter((w) => w !== u.correct),
      ...(u.note ? { note: { zh: u.note, en: u.note } } : {}),
      fix: true,
      notFollowedBy: [],
      notPrecededBy: [],
    });
  }
  return [...byCorrect.values()];
}

// ───────────────────────────── matching ─────────────────────────────

/** Opening quotes a verb pairing may put around its term (or none). */
const OPEN_QUOTES = ['', '“', '"', '「', '‘', "'"];
/** Closing quotes that may come between a paired term and a following 的. */
const CLOSE_QUOTES = '”"」’\'';

/** Full-width digits match as ASCII digits. */
function fold(c: number): number {
  return c >= 0xff10 && c <= 0xff19 ? c - 0xfee0 : c;
}

const FULL_WIDTH_DIGIT = /[０-９]/gu;

function foldString(s: string): string {
  // Most forms have none: the string itself, not a copy built a character at a time.
  return s.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function pairHash(first: number, second: number): number {
  return ((first << 7) ^ second) & 0xffff;
}

function isAsciiDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A form found in a paragraph: the correct form or a wrong form of one or more entries. */
export interface TermHit {
  start: number;
  end: number;
  /** The form as it is in the dictionary (full-width digits folded). */
  form: string;
  /** True when `form` is the entries' correct form. */
  correct: boolean;
  /** The entries it belongs to: one, or several when a wrong form is claimed by more than one (no fix then). */
  entries: TermDefinition[];
}

/** A wrong verb before a paired term: `坚定“四个意识”`. */
export interface VerbHit {
  start: number;
  /** End of the verb. */
  verbEnd: number;
  /** End of the term. */
  end: number;
  pairing: VerbPairing;
}

type Payload =
  | { kind: 'term'; entry: TermDefinition; correct: boolean }
  | { kind: 'verb'; pairing: VerbPairing; verbLength: number; entry: TermDefinition | undefined };

/**
 * A compiled dictionary: every form and every wrong verb pairing, indexed by
 * their first two characters, so finding all of them in a paragraph is one pass
 * over it in which most characters cost one table look-up. (An Aho–Corasick
 * automaton did the same with a map look-up per character and took milliseconds
 * to build on first use.)
 */
export class TermDictionary {
  private readonly patterns: { text: string; payloads: Payload[] }[] = [];
  /** Per first code unit (a full-width digit shares its digit's): 1 + its index in `byFirst`, 0 when no pattern starts with it. */
  private readonly first = new Uint16Array(65536);
  /** Per first code unit: one-character patterns, and longer ones by their second code unit; ids shortest first. */
  private readonly byFirst: { alone: number[]; bySecond: Map<number, number[]> }[] = [];
  /** Hashes of the first two code units of every pattern: most common characters that start one (党, 中, 一) are not followed by its second. */
  private readonly pairs = new Uint8Array(65536);

  constructor(
    readonly terms: readonly TermDefinition[],
    readonly verbs: readonly VerbPairing[],
  ) {
    const ids = new Map<string, number>();
    const add = (text: string, payload: Payload): void => {
      const key = foldString(text);
      let id = ids.get(key);
      if (id === undefined) {
        id = this.patterns.length;
        ids.set(key, id);
        this.patterns.push({ text: key, payloads: [] });
      }
      this.patterns[id].payloads.push(payload);
    };
    const byCorrect = new Map<string, TermDefinition>();
    for (const entry of terms) {
      if (!entry.wrong.length) continue; // switched off (`wrong: []`)
      byCorrect.set(entry.correct, entry);
      add(entry.correct, { kind: 'term', entry, correct: true });
      for (const w of entry.wrong) add(w, { kind: 'term', entry, correct: false });
    }
    for (const pairing of verbs) {
      const entry = byCorrect.get(pairing.term);
      const forms = [pairing.term, ...(entry ? entry.wrong : [])];
      for (const verb of pairing.wrong) {
        for (const quote of OPEN_QUOTES) {
          for (const form of forms) add(verb + quote + form, { kind: 'verb', pairing, verbLength: verb.length, entry });
        }
      }
    }
    this.index();
  }

  private index(): void {
    const ids = this.patterns.map((_, id) => id).sort((x, y) => this.patterns[x].text.length - this.patterns[y].text.length);
    for (const id of ids) {
      const text = this.patterns[id].text;
      const c = text.charCodeAt(0);
      if (!this.first[c]) {
        this.first[c] = this.byFirst.push({ alone: [], bySecond: new Map() });
        // A full-width digit starts what its digit starts: the scan folds only where a form may start.
        if (isAsciiDigitCode(c)) this.first[c + 0xfee0] = this.first[c];
      }
      const slot = this.byFirst[this.first[c] - 1];
      if (text.length === 1) {
        slot.alone.push(id);
        continue;
      }
      const second = text.charCodeAt(1);
      this.pairs[pairHash(c, second)] = 1;
      const list = slot.bySecond.get(second);
      if (list) list.push(id);
      else slot.bySecond.set(second, [id]);
    }
  }

  /**
   * Every pattern occurrence in `text`, overlapping ones included: [start, end, pattern id],
   * by start, shortest first at one start.
   */
  private scan(text: string, emit: (start: number, end: number, id: number) => void): void {
    const { first, pairs } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const slotIndex = first[text.charCodeAt(i)];
      if (!slotIndex) continue;
      const c = fold(text.charCodeAt(i));
      const slot = this.byFirst[slotIndex - 1];
      for (const id of slot.alone) emit(i, i + 1, id);
      if (i + 1 === n) break;
      const second = fold(text.charCodeAt(i + 1));
      if (!pairs[pairHash(c, second)]) continue;
      const list = slot.bySecond.get(second);
      if (!list) continue;
      for (const id of list) {
        const form = this.patterns[id].text;
        if (i + form.length > n) break; // shortest first: the rest are longer still
        let k = 2;
        while (k < form.length && fold(text.charCodeAt(i + k)) === form.charCodeAt(k)) k++;
        if (k === form.length) emit(i, i + k, id);
      }
    }
  }

  /**
   * The terms and wrong verb pairings of one paragraph. Term forms do not
   * overlap (leftmost, then longest wins); a verb pairing may overlap the term
   * it governs, as the two are different faults.
   */
  find(text: string): { terms: TermHit[]; verbs: VerbHit[] } {
    const candidates: TermHit[] = [];
    const verbs: VerbHit[] = [];
    this.scan(text, (start, end, id) => {
      const pattern = this.patterns[id];
      if (!digitBoundaries(text, start, end, pattern.text)) return;
      let wrong: TermDefinition[] = [];
      let correct: TermDefinition[] = [];
      for (const payload of pattern.payloads) {
        if (payload.kind === 'verb') {
          const termStart = start + payload.verbLength;
          if (payload.entry && !inContext(text, termStart, end, payload.entry)) continue;
          if (followedByDe(text, end)) continue;
          if (!verbs.some((v) => v.start === start && v.end >= end)) {
            verbs.push({ start, verbEnd: termStart, end, pairing: payload.pairing });
          }
        } else if (inContext(text, start, end, payload.entry)) {
          (payload.correct ? correct : wrong).push(payload.entry);
        }
      }
      // A string that is one entry's wrong form and another's correct form is reported.
      if (wrong.length) correct = [];
      const entries = wrong.length ? wrong : correct;
      if (entries.length) candidates.push({ start, end, form: pattern.text, correct: !wrong.length, entries });
    });

    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const terms: TermHit[] = [];
    let reached = 0;
    for (const hit of candidates) {
      if (hit.start < reached) continue;
      terms.push(hit);
      reached = hit.end;
    }
    verbs.sort((a, b) => a.start - b.start);
    return { terms, verbs };
  }
}

/** A form that starts or ends with a digit is not part of a longer number (`14个意识`, `4.5`). */
function digitBoundaries(text: string, start: number, end: number, form: string): boolean {
  if (isAsciiDigitCode(form.charCodeAt(0)) && start > 0) {
    const before = fold(text.charCodeAt(start - 1));
    if (isAsciiDigitCode(before) || before === 0x2e || before === 0xff0e) return false;
  }
  if (isAsciiDigitCode(form.charCodeAt(form.length - 1)) && end < text.length) {
    const after = fold(text.charCodeAt(end));
    if (isAsciiDigitCode(after) || after === 0x2e || after === 0xff0e) return false;
  }
  return true;
}

function inContext(text: string, start: number, end: number, entry: TermDefinition): boolean {
  for (const s of entry.notFollowedBy) if (text.startsWith(s, end)) return false;
  for (const s of entry.notPrecededBy) if (start >= s.length && text.endsWith(s, start)) return false;
  return true;
}

/** `增强“两个维护”的自觉`: the verb governs what follows 的, not the term. */
function followedByDe(text: string, end: number): boolean {
  let i = end;
  if (i < text.length && CLOSE_QUOTES.includes(text[i])) i++;
  return text[i] === '的';
}

// ───────────────────────────── cache ─────────────────────────────

const byArray = new WeakMap<readonly TermEntry[], TermDictionary>();
const byKey = new Map<string, TermDictionary>();
const MAX_CACHED = 16;

/**
 * The compiled dictionary for a settings' `terms` (built-in entries plus these).
 * Cached by the array and by its content, so each distinct dictionary is built once.
 */
export function termDictionary(user: readonly TermEntry[] = []): TermDictionary {
  const hit = byArray.get(user);
  if (hit) return hit;
  const key = user.length ? JSON.stringify(user.map((t) => [t.correct, t.wrong, t.note ?? ''])) : '';
  let dict = byKey.get(key);
  if (!dict) {
    const data = builtinTermsData();
    dict = new TermDictionary(mergeTerms(data.terms, user), data.verbs);
    if (byKey.size >= MAX_CACHED) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, dict);
  }
  byArray.set(user, dict);
  return dict;
}
