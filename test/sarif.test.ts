import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { summarize, type LintMessage } from '../src/engine/lint.js';
import { sarif } from '../src/formatters/sarif.js';
import { ROOT, cli } from './cli-helper.js';

/**
 * `--format sarif` on the fixtures, run through the built CLI (`npx tsc -p .`
 * first; `npm test` does), validated two ways:
 *
 * 1. against the SARIF 2.1.0 JSON schema with Ajv. The schema is the one
 *    @microsoft/jest-sarif ships (lib/schemas/sarif-2.1.0-rtm.5.json, the
 *    SchemaStore copy of SARIF 2.1.0 rtm.5, draft-04, hence ajv-draft-04). It is
 *    read from node_modules, not vendored: it is not byte for byte the OASIS
 *    errata01 file (that one has another `id` and a fixed `language` pattern).
 * 2. with the SARIF multitool (@microsoft/sarif-multitool, `validate`), which
 *    checks its own copy of the schema plus the SARIF rules (SARIF1xxx errors,
 *    SARIF2xxx warnings) and GitHub code scanning's ingestion rules (GHxxxx). It
 *    is a .NET executable shipped for linux, darwin and win32; where it cannot run
 *    the test is skipped and says why.
 */

const require = createRequire(import.meta.url);
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function schemaValidator() {
  // unicodeRegExp off: rtm.5's `language` pattern (`…[a-zA-Z]{2}]?$`, fixed in errata01) has a lone `]`,
  // a syntax error under the `u` flag but valid ECMA-262 (which draft-04 patterns are) without it.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}
const validate = schemaValidator();

function schemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-sarif-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs the CLI with `--format sarif --output-file`, returns the file and the parsed log. */
function runSarif(name: string, args: string[]) {
  const file = path.join(tmp, `${name}.sarif`);
  const r = cli([...args, '--format', 'sarif', '--output-file', file], { cwd: ROOT });
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(1); // the fixtures have errors
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { file, log: JSON.parse(readFileSync(file, 'utf8')) as any };
}

/** A log built by hand with the cases the fixtures lack: an unreadable file, a file outside cwd, core findings, a Word document. */
function edgeCaseLog(): string {
  const source = '<!-- reportlint-disable-next-line nope -->\n正文,有误。\n';
  const at = (needle: string) => {
    const start = source.indexOf(needle);
    const before = source.slice(0, start).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    return { start, line, column, endLine: line, endColumn: column + needle.length };
  };
  const base = { sectionPath: '', severity: 2 as const };
  const comma = at(',');
  const messages: LintMessage[] = [
    { ...base, ...at('nope'), ruleId: null, messageId: 'unknown-rule', message: '规则“nope”不存在' },
    { ...base, ...comma, ruleId: 'punctuation-width', messageId: 'halfWidth', message: '半角', fix: { range: [comma.start, comma.start + 1], text: '，' } },
  ];
  const docx = summarize('/outside/报告 1.docx', [{ ...messages[1], paragraph: 2, quote: '正文,有误' } as LintMessage], source);
  (docx as typeof docx & { docx: boolean }).docx = true;
  const fatal = { ...base, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: null, messageId: 'read-failed', message: '无法读取', fatal: true } as LintMessage;
  return sarif([summarize('/reports/a.md', messages, source), docx, summarize('/reports/b.md', [fatal], '')], {
    locale: 'en',
    color: false,
    cwd: '/reports',
    registry: builtinRegistry,
  });
}

describe('SARIF 2.1.0 JSON schema (Ajv)', () => {
  it('the schema is the SARIF 2.1.0 one and it rejects a broken log', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { title: string; properties: { version: { enum: string[] } } };
    expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0/);
    expect(schema.properties.version.enum).toEqual(['2.1.0']);
    expect(schemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', foo: 1 } } }] })).not.toEqual([]);
    expect(schemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).not.toEqual([]);
  });

  it('validates the output on the fixtures, in both locales', () => {
    for (const locale of ['zh', 'en']) {
      const { log } = runSarif(`fixtures-${locale}`, ['fixtures', '--ignore-pattern', 'fixtures/shapes/**', '--ignore-pattern', 'fixtures/bad/shapes/**', '--locale', locale]);
      expect(schemaErrors(log)).toEqual([]);
      const run = log.runs[0];
      expect(run.results.length).toBeGreaterThan(50);
      expect(run.results.some((r: { relatedLocations?: unknown[] }) => r.relatedLocations?.length)).toBe(true);
      expect(run.results.some((r: { fixes?: unknown[] }) => r.fixes?.length)).toBe(true);
      expect(run.tool.driver.rules.length).toBeGreaterThan(5);
      // Every index points where it should.
      for (const r of run.results) {
        expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        for (const loc of [...r.locations, ...(r.relatedLocations ?? [])]) {
          const a = loc.physicalLocation.artifactLocation;
          expect(run.artifacts[a.index].location.uri).toBe(a.uri);
        }
      }
    }
  });

  it('validates the output on the copy fixtures (references, relatedLocations)', () => {
    const { log } = runSarif('copy', ['fixtures/copy']);
    expect(schemaErrors(log)).toEqual([]);
    const copied = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'no-checklist-copy');
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((r: { relatedLocations?: unknown[] }) => r.relatedLocations?.length)).toBe(true);
  });

  it('validates a log with the cases the fixtures lack', () => {
    expect(schemaErrors(JSON.parse(edgeCaseLog()))).toEqual([]);
  });
});

/** Where the multitool is and whether it runs here; `reason` when it does not. */
function findMultitool(): { bin?: string; reason?: string } {
  let bin: string;
  try {
    bin = require('@microsoft/sarif-multitool') as string;
  } catch (error) {
    return { reason: `@microsoft/sarif-multitool has no build installed for ${process.platform} (${(error as Error).message.split('\n')[0]})` };
  }
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    // Its postinstall is only `chmod u+x`; npm may not have run it (install scripts need approval), so do it here.
    try {
      chmodSync(bin, 0o755);
    } catch {
      return { reason: `${bin} is not executable and cannot be made so` };
    }
  }
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 120_000 });
  if (probe.status !== 0) {
    const why = probe.error?.message ?? `exit ${probe.status}: ${(probe.stderr || probe.stdout).trim().split('\n').slice(0, 3).join(' ')}`;
    return { reason: `${bin} does not run here (${why})` };
  }
  return { bin };
}

const multitool = findMultitool();
if (multitool.reason) console.warn(`sarif.test.ts: SARIF multitool validation SKIPPED: ${multitool.reason}`);
const skipNote = multitool.reason ? ` (skipped: ${multitool.reason})` : '';

/** Rules off for the multitool: SARIF2006 fetches every URI in the log, and tests make no network requests. */
const MULTITOOL_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`;

/** `Sarif.Multitool validate` with the SARIF and GitHub (Ghas) rules; its errors and warnings, and how many notes. */
function multitoolValidate(file: string): { problems: string[]; notes: number } {
  const config = path.join(tmp, 'multitool-config.xml');
  writeFileSync(config, MULTITOOL_CONFIG);
  const out = `${file}.validation.sarif`;
  const args = ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--config', config, '--rule-kind', 'Sarif;Ghas', '--level', 'Error;Warning;Note'];
  const r = spawnSync(multitool.bin!, args, { encoding: 'utf8', timeout: 180_000 });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: {
      results?: { ruleId: string; level: string }[];
      invocations?: { toolExecutionNotifications?: { level?: string; message: { text: string } }[] }[];
    }[];
  };
  const results = log.runs.flatMap((run) => run.results ?? []);
  // The console lines say what each finding is about (the log has only message ids and arguments).
  const lines = r.stdout.split('\n').filter((line) => /: (error|warning) (JSON|SARIF|GH)\d+/.test(line));
  const problems = results.filter((x) => x.level === 'error' || x.level === 'warning').map((x) => `${x.ruleId} ${x.level}`);
  const failures = log.runs.flatMap((run) => (run.invocations ?? []).flatMap((i) => i.toolExecutionNotifications ?? []));
  return { problems: [...problems, ...failures.map((n) => `execution: ${n.message.text}`), ...(problems.length ? lines : [])], notes: results.filter((x) => x.level === 'note').length };
}

describe.skipIf(!multitool.bin)('SARIF multitool (validate)', () => {
  it(`finds errors in a broken log (so that a pass means something)${skipNote}`, () => {
    const { file, log } = runSarif('broken-source', ['fixtures/bad/format.md']);
    log.runs[0].tool.driver.foo = 1;
    log.runs[0].results[0].ruleIndex = 999;
    const broken = path.join(tmp, 'broken.sarif');
    writeFileSync(broken, JSON.stringify(log, null, 2));
    expect(file).not.toBe(broken);
    const { problems } = multitoolValidate(broken);
    expect(problems).toEqual(expect.arrayContaining(['JSON1005 error', 'SARIF1009 error']));
  });

  it(`accepts the output on the fixtures: no errors, no warnings${skipNote}`, () => {
    const { file } = runSarif('multitool-fixtures', ['fixtures', '--ignore-pattern', 'fixtures/shapes/**', '--ignore-pattern', 'fixtures/bad/shapes/**']);
    const { problems, notes } = multitoolValidate(file);
    expect(problems).toEqual([]);
    // It did read the log: it always has notes for it (e.g. SARIF2011, no contextRegion).
    expect(notes).toBeGreaterThan(0);
  });

  it(`accepts a log with the cases the fixtures lack${skipNote}`, () => {
    const file = path.join(tmp, 'edge.sarif');
    writeFileSync(file, edgeCaseLog());
    const { problems, notes } = multitoolValidate(file);
    expect(problems).toEqual([]);
    expect(notes).toBeGreaterThan(0);
  });
});
