import { csv } from './csv.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { rdjson } from './rdjson.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { summary } from './summary.js';
import type { Formatter, FormatterContext } from './types.js';
import { xlsx } from './xlsx.js';

export type { Formatter, FormatterContext } from './types.js';

export const formatters: Record<string, Formatter> = { stylish, json, html, summary, sarif, github, gitlab, junit, rdjson, csv };

/** Formats that write a binary file, never standard output. */
export const binaryFormatters: Record<string, (results: Parameters<Formatter>[0], context: FormatterContext) => Promise<Uint8Array>> = { xlsx };
