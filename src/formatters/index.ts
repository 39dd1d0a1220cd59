import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { rdjson } from './rdjson.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { summary } from './summary.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

export const formatters: Record<string, Formatter> = { stylish, json, html, summary, sarif, github, gitlab, junit, rdjson };
