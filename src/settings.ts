import { defaultLayoutProfile, type LayoutProfile } from './layout/profile.js';

/**
 * Settings that are not one rule's options: they describe the report kind and
 * its vocabulary, and several rules read them (as ESLint's `settings`).
 * Written at the top level of a config file; see src/config/schema.ts.
 */

/** One section a report kind needs. */
export interface ProfileSection {
  /** Short id, e.g. `problems`. */
  id: string;
  /** What the section is called, for messages, e.g. `存在的问题`. */
  name: string;
  /** Regular expression (source) that a matching section title contains. */
  pattern: string;
  /** Other titles that count (plain strings, matched as substrings). */
  synonyms?: string[];
}

/** A kind of report and the sections it must have. */
export interface Profile {
  /** What the kind is called in messages, e.g. `主体责任情况报告`; the profile's name when absent. */
  title?: string;
  /** Regular expression (source) on the report title that selects this profile when `profile` is `auto`. */
  detect?: string;
  /** The sections must appear in this order. */
  ordered?: boolean;
  sections: ProfileSection[];
}

/** A standard formulation and the wrong forms that stand for it. */
export interface TermEntry {
  correct: string;
  wrong: string[];
  /** Why, shown in the message. */
  note?: string;
}

/** A wrong word (错别字) and its correction, for typo-words; see rules/data/typos.yaml. */
export interface TypoEntry {
  correct: string;
  wrong: string[];
  /** certain (default): an error, fixed; suspect: a warning, never fixed. */
  tier?: 'certain' | 'suspect';
  notPrecededBy?: string[];
  notFollowedBy?: string[];
  note?: string;
}

export interface Settings {
  /** A profile name, or `auto` (default: detect from the title), or `none`. */
  profile: string;
  /** User profiles, by name; they add to (or replace) the built-in ones. */
  profiles: Record<string, Profile>;
  /** User terms; they add to the built-in dictionary (an entry with the same `correct` replaces it). */
  terms: TermEntry[];
  /**
   * Reference documents for no-checklist-copy: ABSOLUTE glob patterns (a config's
   * `references:` are resolved against its directory). Markdown, text or `.rlidx` indexes.
   */
  references: string[];
  /** The page layout Word documents are held to (layout rules); GB/T 9704 when absent. */
  layout?: LayoutProfile;
  /** User entries for typo-words (错别字); they add to the built-in dictionary. Absent when no config gives any. */
  typos?: TypoEntry[];
}

export function defaultSettings(): Settings {
  return { profile: 'auto', profiles: {}, terms: [], references: [], layout: defaultLayoutProfile() };
}
