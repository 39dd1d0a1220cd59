import type { TermsData, TermsProblem } from '../terms.js';
import type { TypoDefinition } from '../typos.js';

/**
 * The built-in dictionaries, parsed and validated when the bundle is made.
 * This module is a stand-in: scripts/bundle.mjs replaces it in prebuilt/ with
 * functions that return the data of rules/data/*.yaml as they were at bundle
 * time, so the shipped CLI parses no YAML for them. Under tsc (dist/) and in the
 * tests both are undefined and the YAML files are read on first use.
 */

export type EmbeddedTerms = () => { data: TermsData; problems: TermsProblem[] };
export type EmbeddedTypos = () => { entries: TypoDefinition[]; problems: string[] };

export const embeddedTerms: EmbeddedTerms | undefined = undefined;
export const embeddedTypos: EmbeddedTypos | undefined = undefined;
