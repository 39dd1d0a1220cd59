import type { ValidateFunction } from 'ajv';

/**
 * Validators compiled when the bundle is made (Ajv standalone code), keyed by
 * the JSON text of their schema. This module is a stand-in: scripts/bundle.mjs
 * replaces it in prebuilt/ with the validators of the config schema and of every
 * built-in rule's options, so the shipped CLI compiles no schema at start-up.
 * Under tsc (dist/) and in the tests it is undefined and Ajv compiles on first use.
 */
export const PRECOMPILED: Readonly<Record<string, ValidateFunction>> | undefined = undefined;
