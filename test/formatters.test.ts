import { DOMParser } from '@xmldom/xmldom';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { summarize, type LintMessage, type LintResult } from '../src/engine/lint.js';
import type { RelatedLocation } from '../src/engine/rule.js';
import { github, escapeData, escapeProperty } from '../src/formatters/github.js';
import { gitlab, type CodeQualityIssue } from '../src/formatters/gitlab.js';
import { formatters } from '../src/formatters/index.js';
import { junit } from '../src/formatters/junit.js';
import { loadFormatter, SOURCELESS_FORMATS, TEXT_FORMAT_NAMES } from '../src/formatters/lazy.js';
import { rdjson, type RdDiagnosticResult } from '../src/formatters/rdjson.js';
import { sarif } from '../src/formatters/sarif.js';
import { RULE_DOCS_BASE } from '../src/formatters/shared.js';
import type { FormatterContext } from '../src/formatters/types.js';
import { LineIndex } from '../src/model/line-index.js';
import type { Locale } from '../src/types.js';

/** Unit tests of the CI formats (github, gitlab, junit, rdjson, sarif) on results built by hand. */

const CWD = '/reports';
const context = (locale: Locale = 'zh'): FormatterContext => ({ locale, color: false, cwd: CWD, registry: builtinRegistry });

/** Where `needle` (its n-th occurrence) sits in `source`: offsets and 1-based line/column. */
function find(source: string, needle: string, nth = 1) {
  let start = -1;
  for (let i = 0; i < nth; i++) {
    start = source.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`“${needle}” ×${nth} not in the source`);
  }
  const end = start + needle.length;
  const lines = new LineIndex(source);
  const a = lines.position(start);
  const b = lines.position(end);
  return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

function msg(source: string, needle: string, partial: Partial<LintMessage> & { nth?: number } = {}): LintMessage {
  const { nth, ...rest } = partial;
  const at = find(source, needle, nth);
  return {
    ruleId: 'no-placeholder',
    messageId: 'unfilled',
    severity: 2,
    message: `模板占位符“${needle}”未填写`,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    sectionPath: '',
    ...rest,
  };
}

function result(file: string, source: string, messages: LintMessage[]): LintResult {
  return summarize(path.isAbsolute(file) ? file : path.join(CWD, file), messages, source);
}

const A = [
  '关于某项工作的报告', // 1
  '一、工作开展情况', // 2
  '全年开展督查4次,覆盖全部基层党组织。', // 3
  '二、存在的问题', // 4
  '一是××未按期换届。二是××不够规范。', // 5
  '三、下一步工作打算', // 6
  '年内实现谈心谈话全覆盖。', // 7
  '',
].join('\n');

const B = ['关于另一项工作的报告', '一、工作开展情况', '年内实现谈心谈话全覆盖。', ''].join('\n');

function aMessages(source: string): LintMessage[] {
  const comma = find(source, ',');
  const copied = find(B, '年内实现谈心谈话全覆盖');
  const related: RelatedLocation[] = [
    { filePath: path.join(CWD, 'b.md'), line: copied.line, column: copied.column, endLine: copied.endLine, endColumn: copied.endColumn, message: '来源' },
    { filePath: path.join(CWD, 'refs/清单.md'), line: 4, column: 3, endLine: 4, endColumn: 9 },
  ];
  return [
    msg(source, ',', {
      ruleId: 'punctuation-width',
      messageId: 'halfWidth',
      message: '应为全角“，”，实为半角“,”',
      sectionPath: '一、工作开展情况',
      fix: { range: [comma.start, comma.end], text: '，' },
    }),
    msg(source, '××', { severity: 1, sectionPath: '二、存在的问题' }),
    msg(source, '××', { nth: 2, severity: 1, sectionPath: '二、存在的问题' }),
    msg(source, '年内实现谈心谈话全覆盖', {
      ruleId: 'no-cross-copy',
      messageId: 'copied',
      message: '与 b.md 第 3 行的文字雷同（11 字）',
      sectionPath: '三、下一步工作打算',
      related,
    }),
    msg(source, '三、下一步工作打算', { ruleId: 'section-min-length', messageId: 'tooShort', severity: 0, message: '本节过短', sectionPath: '三、下一步工作打算' }),
  ];
}

const resultA = () => result('a.md', A, aMessages(A));
const resultB = () => result('b.md', B, []);

describe('registry', () => {
  it('knows the CI formats by name', () => {
    for (const name of ['sarif', 'github', 'gitlab', 'junit', 'rdjson']) expect(formatters[name], name).toBeTypeOf('function');
  });
});

describe('formats that never read the text', () => {
  /** A result whose text may not be read, as a cached one whose text stays in the cache file. */
  const unreadable = (r: LintResult): LintResult =>
    Object.defineProperty({ ...r }, 'source', {
      get() {
        throw new Error(`${r.filePath}: source read`);
      },
      enumerable: true,
    });

  it('SOURCELESS_FORMATS write the same output without reading any result\u2019s source', async () => {
    expect([...SOURCELESS_FORMATS].every((name) => TEXT_FORMAT_NAMES.includes(name))).toBe(true);
    for (const name of SOURCELESS_FORMATS) {
      const format = await loadFormatter(name);
      expect(format([unreadable(resultA()), unreadable(resultB())], context()), name).toBe(format([resultA(), resultB()], context()));
    }
  });

  it('the others do read it (else they belong in SOURCELESS_FORMATS)', async () => {
    for (const name of TEXT_FORMAT_NAMES.filter((n) => !SOURCELESS_FORMATS.has(n))) {
      const format = await loadFormatter(name);
      expect(() => format([unreadable(resultA()), unreadable(resultB())], context()), name).toThrow('source read');
    }
  });
});

describe('github', () => {
  it('escapes messages and properties as GitHub documents', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    // % first, so that an escape is never escaped again.
    expect(escapeProperty('%0A')).toBe('%250A');
  });

  it('writes one workflow command per finding, exactly', () => {
    const source = '标题\n正文,有误。\n';
    const odd = result('sub/a,b:c%.md', source, [
      msg(source, ',', { ruleId: 'punctuation-width', messageId: 'halfWidth', message: '应为全角“，”\n实为 50% 的“,”', sectionPath: '一、情况: 总体' }),
      { ...msg(source, '正文'), ruleId: null, messageId: 'unknown-rule', message: '规则“x”不存在', severity: 2 },
      msg(source, '有误', { ruleId: 'truncated-paragraph', messageId: 'x', severity: 1, message: 'warn' }),
      msg(source, '标题', { ruleId: 'report-title', messageId: 'y', severity: 0, message: 'note\r' }),
    ]);
    expect(github([odd, resultB()], context())).toBe(
      [
        '::error file=sub/a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=4,title=reportlint%3A punctuation-width::应为全角“，”%0A实为 50%25 的“,”%0A所在章节：一、情况: 总体',
        '::error file=sub/a%2Cb%3Ac%25.md,line=2,col=1,endLine=2,endColumn=3,title=reportlint/unknown-rule::规则“x”不存在',
        '::warning file=sub/a%2Cb%3Ac%25.md,line=2,col=4,endLine=2,endColumn=6,title=reportlint%3A truncated-paragraph::warn',
        '::notice file=sub/a%2Cb%3Ac%25.md,line=1,col=1,endLine=1,endColumn=3,title=reportlint%3A report-title::note%0D',
        '',
      ].join('\n'),
    );
  });

  it('labels the section in English with --locale en', () => {
    const out = github([resultA()], context('en'));
    expect(out.split('\n')[0]).toBe(
      '::error file=a.md,line=3,col=9,endLine=3,endColumn=10,title=reportlint%3A punctuation-width::应为全角“，”，实为半角“,”%0ASection: 一、工作开展情况',
    );
  });

  it('prints nothing for a clean run', () => {
    expect(github([resultB()], context())).toBe('');
  });
});

describe('gitlab', () => {
  const parse = (results: LintResult[]) => JSON.parse(gitlab(results, context())) as CodeQualityIssue[];

  it('is a Code Quality report: an array of issues with the required fields', () => {
    const issues = parse([resultA(), resultB()]);
    expect(issues).toHaveLength(5);
    for (const issue of issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']));
      expect(issue.location.path).toBe('a.md');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(issues.map((i) => [i.check_name, i.severity, i.location.lines.begin])).toEqual([
      ['punctuation-width', 'major', 3],
      ['no-placeholder', 'minor', 5],
      ['no-placeholder', 'minor', 5],
      ['no-cross-copy', 'major', 7],
      ['section-min-length', 'info', 6],
    ]);
    expect(issues[0].description).toBe('应为全角“，”，实为半角“,”');
    expect(issues[3].categories).toEqual(['Duplication']);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('gives paths relative to cwd, with /', () => {
    const r = result(path.join(CWD, 'dir', '子目录', 'x.md'), A, aMessages(A).slice(0, 1));
    const outside = result('/elsewhere/y.md', A, aMessages(A).slice(0, 1));
    expect(parse([r, outside]).map((i) => i.location.path)).toEqual(['dir/子目录/x.md', '../elsewhere/y.md']);
  });

  it('keeps fingerprints when lines are inserted above the findings', () => {
    const moved = '（插入的一行）\n\n' + A;
    const before = parse([resultA()]);
    const after = parse([result('a.md', moved, aMessages(moved))]);
    expect(after.map((i) => i.location.lines.begin)).toEqual(before.map((i) => i.location.lines.begin + 2));
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
  });

  it('changes fingerprints with the flagged text, the file or the rule, not with the text around', () => {
    const base = parse([resultA()]);
    const around = A.replace('督查4次,覆盖', '督查5次,涵盖');
    expect(parse([result('a.md', around, aMessages(around))])[0].fingerprint).toBe(base[0].fingerprint);
    const flagged = A.replace('一是××', '一是○○');
    const changed = parse([result('a.md', flagged, [msg(flagged, '○○', { severity: 1, sectionPath: '二、存在的问题' })])]);
    expect(changed[0].fingerprint).not.toBe(base[1].fingerprint);
    expect(parse([result('c.md', A, aMessages(A))])[0].fingerprint).not.toBe(base[0].fingerprint);
    const otherRule = parse([result('a.md', A, [{ ...aMessages(A)[0], ruleId: 'punctuation-forms' }])]);
    expect(otherRule[0].fingerprint).not.toBe(base[0].fingerprint);
    // The two “××” of one section are told apart.
    expect(base[1].fingerprint).not.toBe(base[2].fingerprint);
  });

  it('is an empty array for a clean run', () => {
    expect(parse([resultB()])).toEqual([]);
  });
});

describe('junit', () => {
  function parseXml(xml: string) {
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: { warning: (e) => errors.push(String(e)), error: (e) => errors.push(String(e)), fatalError: (e) => errors.push(String(e)) },
    }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    return doc.documentElement!;
  }
  const children = (el: Element, name: string) => Array.from(el.getElementsByTagName(name));

  it('has one testsuite per file, one testcase per rule with findings, a passing testcase for a clean file', () => {
    const xml = junit([resultA(), resultB()], context());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root.tagName).toBe('testsuites');
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')]).toEqual(['5', '3', '0']);
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(['a.md', 'b.md']);

    const cases = children(suites[0], 'testcase');
    expect(cases.map((c) => c.getAttribute('name'))).toEqual(['punctuation-width', 'no-placeholder', 'no-cross-copy', 'section-min-length']);
    expect(cases.every((c) => c.getAttribute('classname') === 'a.md')).toBe(true);
    expect(suites[0].getAttribute('failures')).toBe('3');

    const placeholder = children(cases[1], 'failure')[0];
    expect(placeholder.getAttribute('type')).toBe('warning');
    expect(placeholder.getAttribute('message')).toBe('2 处问题');
    expect(placeholder.textContent).toBe('5:3 模板占位符“××”未填写\n5:13 模板占位符“××”未填写');
    expect(children(cases[0], 'failure')[0].getAttribute('type')).toBe('error');
    // Informational notes alone do not fail.
    expect(children(cases[3], 'failure')).toHaveLength(0);
    expect(children(cases[3], 'system-out')[0].textContent).toBe('6:1 本节过短');

    const clean = children(suites[1], 'testcase');
    expect(clean).toHaveLength(1);
    expect(clean[0].childNodes.length).toBe(0);
    expect(suites[1].getAttribute('failures')).toBe('0');
  });

  it('escapes text and attributes, and drops characters XML cannot hold', () => {
    const source = 'a<b>&"c\'\n';
    const nasty = 'x < y && "q" \'s\' ]]> \u0001 end\ttab';
    const r = result('dir/a&b "c".md', source, [msg(source, 'a<b>', { message: nasty, ruleId: 'r<&>' })]);
    const xml = junit([r], context('en'));
    const root = parseXml(xml);
    const suite = children(root, 'testsuite')[0];
    expect(suite.getAttribute('name')).toBe('dir/a&b "c".md');
    const testcase = children(suite, 'testcase')[0];
    expect(testcase.getAttribute('name')).toBe('r<&>');
    const failure = children(testcase, 'failure')[0];
    expect(failure.getAttribute('message')).toBe('1 problem');
    expect(failure.textContent).toBe(`1:1 ${nasty.replace('\u0001', '\uFFFD')}`);
  });

  it('reports an unreadable file as an error', () => {
    const fatal = { ...msg('', ''), ruleId: null, messageId: 'read-failed', message: '无法读取文件 x.md', fatal: true } as LintMessage;
    const root = parseXml(junit([result('x.md', '', [fatal])], context()));
    expect(root.getAttribute('errors')).toBe('1');
    const testcase = children(root, 'testcase')[0];
    expect(testcase.getAttribute('name')).toBe('reportlint/read-failed');
    expect(children(testcase, 'error')[0].textContent).toBe('1:1 无法读取文件 x.md');
  });
});

describe('rdjson', () => {
  const parse = (results: LintResult[]) => JSON.parse(rdjson(results, context())) as RdDiagnosticResult;

  it('has the source, severities, codes with links, and UTF-8 byte columns', () => {
    const out = parse([resultA(), resultB()]);
    expect(out.source).toEqual({ name: 'reportlint', url: 'https://github.com/reportlint/reportlint' });
    expect(out.diagnostics.map((d) => d.severity)).toEqual(['ERROR', 'WARNING', 'WARNING', 'ERROR', 'INFO']);
    const [comma] = out.diagnostics;
    expect(comma.code).toEqual({ value: 'punctuation-width', url: `${RULE_DOCS_BASE}punctuation-width.md` });
    // “全年开展督查4次” is 7 Chinese characters (3 bytes each) and one digit: the comma starts at byte 23.
    const prefix = Buffer.byteLength('全年开展督查4次');
    expect(prefix).toBe(22);
    expect(comma.location).toEqual({ path: 'a.md', range: { start: { line: 3, column: 23 }, end: { line: 3, column: 24 } } });
    expect(comma.suggestions).toEqual([{ range: { start: { line: 3, column: 23 }, end: { line: 3, column: 24 } }, text: '，' }]);
    // The second “××” of line 5 follows “一是××未按期换届。二是”: ten Chinese characters (3 bytes each) and two “×” (2 bytes each).
    expect(out.diagnostics[2].location.range).toEqual({ start: { line: 5, column: 35 }, end: { line: 5, column: 39 } });
  });

  it('gives related locations: byte columns in a file of the run, whole lines otherwise', () => {
    const copied = parse([resultA(), resultB()]).diagnostics[3];
    expect(copied.code.value).toBe('no-cross-copy');
    expect(copied.related_locations).toEqual([
      { message: '来源', location: { path: 'b.md', range: { start: { line: 3, column: 1 }, end: { line: 3, column: 34 } } } },
      { location: { path: 'refs/清单.md', range: { start: { line: 4 }, end: { line: 4 } } } },
    ]);
  });

  it('names core findings reportlint/<messageId>, without a link', () => {
    const source = '正文\n';
    const out = parse([result('a.md', source, [{ ...msg(source, '正文'), ruleId: null, messageId: 'unknown-rule', message: 'x' }])]);
    expect(out.diagnostics[0].code).toEqual({ value: 'reportlint/unknown-rule' });
  });

  it('has no diagnostics for a clean run', () => {
    expect(parse([resultB()]).diagnostics).toEqual([]);
  });
});

describe('sarif (structure; the schema checks are in sarif.test.ts)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const parse = (results: LintResult[], locale: Locale = 'zh') => JSON.parse(sarif(results, context(locale))) as any;

  it('describes the rules that have findings, from the registry, in the locale', () => {
    for (const locale of ['zh', 'en'] as const) {
      const run = parse([resultA(), resultB()], locale).runs[0];
      expect(run.tool.driver.name).toBe('reportlint');
      const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
      expect(new Set(ids)).toEqual(new Set(['punctuation-width', 'no-placeholder', 'no-cross-copy', 'section-min-length']));
      for (const rule of run.tool.driver.rules) {
        const source = builtinRegistry.get(rule.id)!;
        expect(rule.shortDescription.text).toBe(source.docs.summary[locale]);
        expect(rule.fullDescription.text).toBe(source.docs.why[locale]);
        expect(rule.helpUri).toBe(`${RULE_DOCS_BASE}${rule.id}.md`);
        expect(rule.help.text).toContain(rule.helpUri);
        expect(rule.defaultConfiguration.level).toBe(source.severity === 'error' ? 'error' : 'warning');
      }
      expect(run.language).toBe(locale === 'zh' ? 'zh-CN' : 'en-US');
      for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    }
  });

  it('has levels, regions with snippets, related locations, fixes and fingerprints', () => {
    const run = parse([resultA(), resultB()]).runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///reports/');
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'warning', 'error', 'note']);

    const [comma, , , copied] = run.results;
    expect(comma.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 10, snippet: { text: ',' } },
    });
    expect(comma.fixes).toEqual([
      {
        description: { text: '把“,”改为“，”' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%', index: 0 },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 10 }, insertedContent: { text: '，' } }],
          },
        ],
      },
    ]);
    expect(comma.properties).toEqual({ messageId: 'halfWidth', sectionPath: '一、工作开展情况' });
    expect(comma.partialFingerprints['reportlint/v1']).toBe(JSON.parse(gitlab([resultA()], context()))[0].fingerprint);

    expect(copied.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'b.md', uriBaseId: '%SRCROOT%', index: 1 },
          region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 12, snippet: { text: '年内实现谈心谈话全覆盖' } },
        },
        message: { text: '来源' },
      },
      {
        id: 2,
        physicalLocation: {
          artifactLocation: { uri: 'refs/%E6%B8%85%E5%8D%95.md', uriBaseId: '%SRCROOT%', index: 2 },
          region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 },
        },
      },
    ]);
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['a.md', 'b.md', 'refs/%E6%B8%85%E5%8D%95.md']);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('passes paragraph and quote through, and leaves fixes out, for Word documents', () => {
    const r = resultA();
    for (const m of r.messages) Object.assign(m, { paragraph: m.line, quote: '……引文……' });
    (r as LintResult & { docx?: boolean }).docx = true;
    const run = parse([r]).runs[0];
    expect(run.results[0].properties).toEqual({ messageId: 'halfWidth', sectionPath: '一、工作开展情况', paragraph: 3, quote: '……引文……' });
    expect(run.results[0].fixes).toBeUndefined();
  });

  it('turns an unreadable file into a tool execution notification, other core findings into results', () => {
    const source = '<!-- reportlint-disable-next-line nope -->\n正文\n';
    const unknown = { ...msg(source, 'nope'), ruleId: null, messageId: 'unknown-rule', message: '规则“nope”不存在' };
    const fatal = { ...msg('', ''), ruleId: null, messageId: 'read-failed', message: '无法读取文件', fatal: true } as LintMessage;
    const run = parse([result('a.md', source, [unknown]), result('/elsewhere/坏 文件.md', '', [fatal])]).runs[0];
    expect(run.results).toHaveLength(1);
    expect(run.results[0].ruleId).toBe('reportlint/unknown-rule');
    expect(run.results[0].ruleIndex).toBeUndefined();
    expect(run.tool.driver.rules).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: '无法读取文件' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///elsewhere/%E5%9D%8F%20%E6%96%87%E4%BB%B6.md', index: 1 } } }],
        descriptor: { id: 'read-failed' },
      },
    ]);
  });
});
