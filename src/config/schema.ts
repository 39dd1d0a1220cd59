import type { JsonSchema } from '../engine/rule.js';
import type { Profile, TermEntry, TypoEntry } from '../settings.js';
import { LOCALES } from '../types.js';
import { layoutSchema, type DeepPartial, type LayoutProfile } from '../layout/profile.js';

/**
 * The shape of a config file, in one place. A new top-level key (`profile`, `terms`, `references`…)
 * is added here: Ajv then accepts it and reports a bad value at its file, line and key path in both
 * languages; `resolve.ts` decides how the values of the configs that apply combine.
 *
 * Rule settings (`rules`, `overrides[].rules`) are only checked for shape here (a mapping); each entry
 * is checked against the rule registry in `rules.ts`, as the rule ids and option schemas live there.
 */

/** Tried in this order in each directory; the first that exists is that directory's config. */
export const CONFIG_FILE_NAMES = ['.reportlintrc.yaml', '.reportlintrc.yml', 'reportlint.config.yaml'] as const;

const glob: JsonSchema = { type: 'string', minLength: 1 };
const globs: JsonSchema = { type: ['string', 'array'], minLength: 1, minItems: 1, items: glob };
const ruleSettings: JsonSchema = { type: 'object' };

export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    root: { type: 'boolean' },
    extends: { type: ['string', 'array'], minLength: 1, items: { type: 'string', minLength: 1 } },
    rules: ruleSettings,
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: { files: globs, rules: ruleSettings },
      },
    },
    ignores: { type: 'array', items: glob },
    locale: { enum: [...LOCALES] },
    // Settings shared by rules (src/settings.ts).
    profile: { type: 'string', minLength: 1 },
    profiles: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['sections'],
        properties: {
          title: { type: 'string', minLength: 1 },
          detect: { type: 'string', format: 'regex' },
          ordered: { type: 'boolean' },
          sections: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name', 'pattern'],
              properties: {
                id: { type: 'string', minLength: 1 },
                name: { type: 'string', minLength: 1 },
                pattern: { type: 'string', format: 'regex', minLength: 1 },
                synonyms: { type: 'array', items: { type: 'string', minLength: 1 } },
              },
            },
          },
        },
      },
    },
    terms: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['correct', 'wrong'],
        properties: {
          correct: { type: 'string', minLength: 1 },
          wrong: { type: 'array', items: { type: 'string', minLength: 1 } },
          note: { type: 'string' },
        },
      },
    },
    // Reference documents for no-checklist-copy: globs relative to the config file.
    references: globs,
    // The page layout of Word documents (layout rules): GB/T 9704 values, each key optional.
    layout: layoutSchema(),
    // Wrong words for typo-words (rules/data/typos.yaml has the same shape).
    typos: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['correct', 'wrong'],
        properties: {
          correct: { type: 'string', minLength: 1 },
          wrong: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          tier: { enum: ['certain', 'suspect'] },
          notPrecededBy: { type: 'array', items: { type: 'string', minLength: 1 } },
          notFollowedBy: { type: 'array', items: { type: 'string', minLength: 1 } },
          note: { type: 'string' },
        },
      },
    },
  },
};

/** A config file's data once it has passed CONFIG_SCHEMA. */
export interface RawConfig {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, unknown>;
  overrides?: { files: string | string[]; rules?: Record<string, unknown> }[];
  ignores?: string[];
  locale?: (typeof LOCALES)[number];
  profile?: string;
  profiles?: Record<string, Profile>;
  terms?: TermEntry[];
  references?: string | string[];
  layout?: DeepPartial<LayoutProfile>;
  typos?: TypoEntry[];
}
