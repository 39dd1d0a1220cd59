import Ajv04Module from 'ajv-draft-04';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli } from './cli-helper.js';

/**
 * The CI formats against their consumers' own schemas, on the real CLI's output
 * for every fixture plus a file whose name and text hold characters XML and
 * JSON must escape:
 * - junit: Jenkins' junit-10.xsd, with xmllint (Debian's libxml2-utils;
 *   skipped with a notice where it is absent);
 * - rdjson: reviewdog's DiagnosticResult JSON schema, with Ajv.
 * SARIF has its own test (test/sarif.test.ts). The schemas are in test/schemas/.
 */

const Ajv04 = Ajv04Module.default;
const SCHEMAS = path.join(ROOT, 'test/schemas');
const HAS_XMLLINT = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
if (!HAS_XMLLINT) console.warn('[schemas.test] SKIPPED (junit): xmllint not found; install it (apt-get install libxml2-utils) to validate JUnit output against Jenkins\' schema.');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-schemas-'));
  // A name with XML's special characters, and a message quoting `<&>` text.
  writeFileSync(path.join(dir, 'a&b <"c">.md'), '关于<某&某>工作的报告\n一、工作开展情况\n完成×项任务，涉及××个单位。\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function output(format: string): string {
  // The shape fixtures are for precision runs; the formats are proven on the rest, faster.
  const r = cli(['fixtures', dir, '--no-config', '--ignore-pattern', 'fixtures/shapes/**', '--ignore-pattern', 'fixtures/bad/shapes/**', '-f', format]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  return r.stdout;
}

describe.skipIf(!HAS_XMLLINT)('junit against Jenkins\' junit-10.xsd', () => {
  it('validates with xmllint', () => {
    const file = path.join(dir, 'out.xml');
    writeFileSync(file, output('junit'));
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, 'jenkins-junit-10.xsd'), file], { encoding: 'utf8' });
    expect(r.stderr.trim()).toBe(`${file} validates`);
    expect(r.status).toBe(0);
  });

  it('the check can fail: a testcase with a file attribute is rejected', () => {
    const file = path.join(dir, 'bad.xml');
    writeFileSync(file, '<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="x" file="a.md"/></testsuite></testsuites>');
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, 'jenkins-junit-10.xsd'), file], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("The attribute 'file' is not allowed");
  });
});

describe('rdjson against reviewdog\'s DiagnosticResult schema', () => {
  const schema = JSON.parse(readFileSync(path.join(SCHEMAS, 'reviewdog-DiagnosticResult.json'), 'utf8')) as object;
  const validate = new Ajv04({ allErrors: true, strict: false }).compile(schema);

  it('validates with Ajv', () => {
    const doc = JSON.parse(output('rdjson')) as { diagnostics: unknown[] };
    expect(doc.diagnostics.length).toBeGreaterThan(20);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the check can fail: a severity reviewdog does not know is rejected', () => {
    expect(validate({ diagnostics: [{ message: 'x', severity: 'FATAL' }] })).toBe(false);
  });
});
