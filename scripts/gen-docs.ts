/** Regenerates docs/rules/*.md and the README's rule table from the rules' metadata. */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRegistry, builtinRules } from '../rules/index.js';
import { generatedDocs } from '../src/docs/generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = generatedDocs(builtinRules, builtinRegistry, readFileSync(path.join(root, 'README.md'), 'utf8'));
const docsDir = path.join(root, 'docs/rules');
mkdirSync(docsDir, { recursive: true });
// Docs of removed rules go too.
for (const old of readdirSync(docsDir)) if (!files.has(`docs/rules/${old}`)) rmSync(path.join(docsDir, old));
for (const [rel, content] of files) writeFileSync(path.join(root, rel), content);
console.log(`wrote ${files.size} files`);
