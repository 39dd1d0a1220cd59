import { DOMParser } from '@xmldom/xmldom';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_REPORT, cli } from './cli-helper.js';

/** Each structured format through the built CLI, parsed; and `reportlint index` end to end. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'a.txt'), CLEAN_REPORT.replace('4次', '×次'));
const run = (format: string) => {
  const r = cli(['a.txt', '-f', format], { cwd: dir });
  expect(r.code).toBe(1);
  return r.stdout;
};

describe('formats through the CLI', () => {
  it('json', () => {
    const [result] = JSON.parse(run('json')) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['no-placeholder', 5, 9]]);
  });

  it('sarif', () => {
    const log = JSON.parse(run('sarif')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const [result] = log.runs[0].results;
    expect([result.ruleId, result.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startColumn]).toEqual(['no-placeholder', 5, 9]);
  });

  it('github', () => {
    expect(run('github')).toMatch(/^::error file=a\.txt,line=5,col=9,endLine=5,endColumn=10,title=reportlint%3A no-placeholder::模板占位符“×”未填写/m);
  });

  it('gitlab', () => {
    const issues = JSON.parse(run('gitlab')) as { check_name: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([['no-placeholder', 'major', 'a.txt', 5]]);
  });

  it('junit', () => {
    const doc = new DOMParser().parseFromString(run('junit'), 'text/xml');
    const cases = Array.from(doc.getElementsByTagName('testcase'));
    const failed = cases.find((c) => c.getAttribute('name') === 'no-placeholder');
    expect(failed?.getElementsByTagName('failure')[0]?.textContent).toContain('5:9');
  });

  it('rdjson', () => {
    const doc = JSON.parse(run('rdjson')) as { diagnostics: { code: { value: string }; severity: string; location: { path: string; range: { start: { line: number } } } }[] };
    expect(doc.diagnostics.map((d) => [d.code.value, d.severity, d.location.path, d.location.range.start.line])).toEqual([['no-placeholder', 'ERROR', 'a.txt', 5]]);
  });

  it('html and summary', () => {
    expect(run('html')).toMatch(/^<!DOCTYPE html>/i);
    expect(run('summary')).toContain('a.txt');
  });
});

describe('reportlint index', () => {
  it('builds an index that references: and --reference then use', () => {
    const ref = '市委要求各级党组织切实履行管党治党政治责任，把全面从严治党要求落实到每个支部、每名党员身上。';
    writeFileSync(path.join(dir, 'checklist.txt'), `市委责任清单\n${ref}\n`);
    const built = cli(['index', 'checklist.txt', '--output', 'refs.rlidx'], { cwd: dir });
    expect([built.code, built.stderr]).toEqual([0, '已写入参考索引：refs.rlidx（1 个文件）\n']);
    writeFileSync(path.join(dir, 'b.txt'), CLEAN_REPORT.replace('全年开展专项督查4次', `${ref}全年开展专项督查4次`));
    const r = cli(['b.txt', '--reference', 'refs.rlidx', '-f', 'json'], { cwd: dir });
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; related?: { filePath: string; line: number }[] }[] }[])[0].messages;
    const copied = messages.filter((m) => m.ruleId === 'no-checklist-copy');
    // The copied run names its source; the section it fills gets a share finding.
    expect(copied.map((m) => [m.line, m.related && path.basename(m.related[0].filePath), m.related?.[0].line])).toEqual([
      [4, undefined, undefined],
      [5, 'checklist.txt', 2],
    ]);
    expect(cli(['index', 'nothing-here.md', '--output', 'x.rlidx'], { cwd: dir }).code).toBe(2);
  });
});
