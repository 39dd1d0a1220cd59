import { builtinRegistry } from '../rules/index.js';
import { reportScore } from '../src/formatters/score.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { summarize, type LintMessage, type LintResult, type RuleRegistry } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/rule.js';
import { formatters } from '../src/formatters/index.js';
import { html } from '../src/formatters/html/index.js';
import { esc, jsonForScript } from '../src/formatters/html/escape.js';
import { copiedShare, unitOf } from '../src/formatters/html/rows.js';
import { summary } from '../src/formatters/summary.js';
import type { Locale } from '../src/types.js';

/** Unit tests of `--format html` and `--format summary`, on results built by hand. */

const CWD = '/reports';

function msg(partial: Partial<LintMessage> & Pick<LintMessage, 'line' | 'column'>): LintMessage {
  return {
    ruleId: 'no-placeholder',
    messageId: 'unfilled',
    severity: 2,
    message: '模板占位符“××”未填写',
    endLine: partial.line,
    endColumn: partial.column + 2,
    sectionPath: '',
    ...partial,
  };
}

function result(file: string, source: string, messages: LintMessage[], title?: string): LintResult {
  const r = summarize(path.join(CWD, file), messages, source);
  if (title !== undefined) r.title = title;
  return r;
}

const A_SOURCE = [
  '中共某某局党组关于2025年度落实全面从严治党主体责任情况的报告', // 1
  '市委：', // 2
  '一、工作开展情况', // 3
  '开展专项督查××次，<script>alert("x")</script>查处问题。', // 4
  '二、存在的问题', // 5
  '组织党员干部到廉政教育基地开展现场教学，切实筑牢拒腐防变的思想堤坝。', // 6
  '中共某某局党组', // 7
].join('\n');

const B_SOURCE = ['中共另一局党组关于落实主体责任情况的报告', '市委：', '一、工作开展情况', '组织党员干部到廉政教育基地开展现场教学，切实筑牢拒腐防变的思想堤坝。', '中共另一局党组'].join('\n');

function batch(): LintResult[] {
  const a = result(
    'a.md',
    A_SOURCE,
    [
      msg({ line: 4, column: 7, sectionPath: '一、工作开展情况' }),
      msg({ ruleId: 'punctuation-width', messageId: 'halfWidth', severity: 1, message: '应为全角“，”', line: 4, column: 7, endColumn: 8, sectionPath: '一、工作开展情况' }),
      msg({
        ruleId: 'no-cross-copy',
        messageId: 'copied',
        message: '与 b.md 第4行雷同',
        line: 6,
        column: 1,
        endColumn: 35,
        sectionPath: '二、存在的问题',
        related: [{ filePath: path.join(CWD, 'b.md'), line: 4, column: 1, endLine: 4, endColumn: 35 }],
      }),
      msg({
        ruleId: 'no-checklist-copy',
        messageId: 'copied',
        message: '照搬参考文件',
        line: 6,
        column: 1,
        endColumn: 10,
        sectionPath: '二、存在的问题',
        related: [{ filePath: path.join(CWD, 'ref/checklist.md'), line: 9, column: 1, endLine: 9, endColumn: 10 }],
      }),
      msg({ ruleId: 'no-checklist-copy', messageId: 'share', message: '全文照搬比例 12%', line: 1, column: 1, endColumn: 5, data: { percent: 12.4 } }),
    ],
    '中共某某局党组关于2025年度落实全面从严治党主体责任情况的报告',
  );
  const b = result(
    'b.md',
    B_SOURCE,
    [msg({ ruleId: 'problems-section', messageId: 'missing', message: '报告没有“存在的问题”部分', line: 1, column: 1, endColumn: 5 })],
    '中共另一局党组关于落实主体责任情况的报告',
  );
  const c = result('sub/c.txt', '市委：\n一切正常。\n', []);
  return [a, b, c];
}

/** The tags of a page whose attribute values are double-quoted and escaped (as the formatter writes them), outside script and style. */
function tagsOf(page: string): { name: string; attrs: Record<string, string> }[] {
  const markup = page.replace(/<(script|style)\b([^>]*)>[^]*?<\/\1>/g, '<$1$2>');
  return [...markup.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: Object.fromEntries([...m[2].matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''])),
  }));
}

/** The formatters read only each rule's category from the registry. */
const registry: RuleRegistry = new Map(
  (
    [
      ['no-placeholder', 'content'],
      ['punctuation-width', 'format'],
      ['problems-section', 'structure'],
      ['no-checklist-copy', 'copy'],
      ['no-cross-copy', 'copy'],
    ] as const
  ).map(([id, category]) => [id, { id, category } as unknown as Rule]),
);

const render = (results: LintResult[], locale: Locale = 'zh') => html(results, { locale, color: false, cwd: CWD, registry });

describe('html: escaping', () => {
  const hostileName = '</script><script>alert(1)</script><img src=x onerror=alert(2)>.md';
  const hostile = result(
    hostileName,
    '<script>alert("in text")</script>\n<img src="http://example.invalid/x.png">\n',
    [msg({ line: 1, column: 1, endColumn: 9, message: '<b>bold</b> & <script>alert(3)</script>', sectionPath: '<i>section</i>' })],
    '<script>alert("title")</script>',
  );
  const out = render([hostile]);

  it('shows report text, titles, messages and file names as text', () => {
    const line1 = out.match(/<div class="ln" id="r1-L1">[^]*?<\/div>/)![0];
    expect(line1.replace(/<a class="ref[^]*?<\/a>/g, '').replace(/<[^>]*>/g, '')).toBe('1&#60;script&#62;alert(&#34;in text&#34;)&#60;/script&#62;');
    expect(out).toContain('&#60;script&#62;alert(&#34;title&#34;)&#60;/script&#62;');
    expect(out).toContain('&#60;b&#62;bold&#60;/b&#62; &#38; &#60;script&#62;alert(3)');
    expect(out).toContain('&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;.md');
    expect(out).not.toMatch(/<script>alert|<img|<b>bold|<i>section/);
  });

  it('has exactly two script elements: the data and the page script', () => {
    expect(out.match(/<script/g)).toHaveLength(2);
    expect(out.match(/<\/script>/g)).toHaveLength(2);
    const json = out.match(/<script type="application\/json" id="reportlint-data">([^]*?)<\/script>/)![1];
    expect(json).not.toMatch(/[<>]/);
    const data = JSON.parse(json) as { files: { file: string; title: string }[] };
    expect(data.files[0].file).toBe(hostileName);
    expect(data.files[0].title).toBe('<script>alert("title")</script>');
  });

  it('loads nothing: no src, no link, no handler, links only within the page', () => {
    for (const tag of tagsOf(out)) {
      expect(['link', 'img', 'iframe', 'object', 'embed', 'base', 'form', 'audio', 'video', 'source']).not.toContain(tag.name);
      for (const [name, value] of Object.entries(tag.attrs)) {
        expect(name).not.toMatch(/^(on|src$|srcset$|style$|action$|formaction$|background$|poster$|xlink:href$)/);
        if (name === 'href') expect(value).toMatch(/^#/);
      }
    }
    expect(out).not.toMatch(/@import|url\(/i);
  });

  it('has a CSP that allows only the inline style and script, by hash', () => {
    const csp = out.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1].replace(/&#39;/g, "'");
    expect(csp).toMatch(/default-src 'none'/);
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = out.match(/<script>([^]*?)<\/script>/)![1];
    const style = out.match(/<style>([^]*?)<\/style>/)![1];
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
  });

  it('escapes helpers as promised', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(jsonForScript({ t: '</script><!-- \u2028' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!-- \\u2028"}');
    expect(JSON.parse(jsonForScript({ t: '</script><!-- &\u2028' }))).toEqual({ t: '</script><!-- &\u2028' });
  });
});

describe('html: batch summary', () => {
  const results = batch();
  const out = render(results);
  const rows = [...out.matchAll(/<tr id="row-(\d+)" class="(pass|fail)" data-i="\d+" data-file="([^"]+)">([^]*?)<\/tr>/g)];
  const cell = (row: string, cls: string) => row.match(new RegExp(`<td class="[^"]*\\b${cls}\\b[^"]*" data-v="([^"]*)">`))![1];

  it('has one row per file, in order, with the counts of the results', () => {
    expect(rows.map((r) => r[3])).toEqual(['a.md', 'b.md', 'sub/c.txt']);
    rows.forEach((r, i) => {
      expect(Number(cell(r[4], 'c-err'))).toBe(results[i].errorCount);
      expect(Number(cell(r[4], 'c-warn'))).toBe(results[i].warningCount);
      expect(r[2]).toBe(results[i].errorCount === 0 ? 'pass' : 'fail');
    });
    expect(results.map((r) => [r.errorCount, r.warningCount])).toEqual([[4, 1], [1, 0], [0, 0]]);
  });

  it('shows problems section, copied share and verdict', () => {
    expect(cell(rows[0][4], 'c-prob')).toBe('2');
    expect(rows[0][4]).toContain('✓ 有');
    expect(rows[1][4]).toContain('✗ 无');
    expect(rows[0][4]).toContain('>12%<');
    expect(cell(rows[0][4], 'c-copy')).toBe('12.4');
    expect(cell(rows[1][4], 'c-copy')).toBe('-1');
    expect(rows[1][4]).toMatch(/c-copy" data-v="-1">—</);
    expect(rows[0][4]).toContain('<span class="verdict fail">未通过</span>');
    expect(rows[2][4]).toContain('<span class="verdict pass">通过</span>');
  });

  it('shows the unit in bold and the file under the title; a file without a title shows its path', () => {
    expect(rows[0][4]).toContain('<strong>中共某某局党组</strong>关于2025年度');
    expect(rows[0][4]).toContain('<div class="path">a.md</div>');
    expect(rows[2][4]).toContain('<a class="name" href="#r3">sub/c.txt</a>');
  });

  it('totals, the failing list and the chart', () => {
    expect(out).toMatch(/data-stat="statFiles"><b>3</);
    expect(out).toMatch(/data-stat="statPassed"><b>1</);
    expect(out).toMatch(/data-stat="statFailed"><b>2</);
    expect(out).toMatch(/data-stat="statErrors"><b>5</);
    expect(out).toMatch(/data-stat="statWarnings"><b>1</);
    expect(out).toContain('共 3 份报告：1 份通过，2 份未通过；5 个错误，1 个警告');
    expect(out).toContain('未通过的报告（2 份，错误多的在前）');
    expect(out.match(/<div class="failing">[^]*?<\/div>/)![0]).toMatch(/href="#r1"[^]*href="#r2"/);
    const svg = out.match(/<svg[^]*?<\/svg>/)![0];
    // content 1 (no-placeholder), format 1, copy 3, structure 1
    expect(svg).toContain('aria-label="按类别统计的问题: 结构 1，内容 1，格式 1，照搬 3"');
  });

  it('offers every rule found, and the severities, as filters; the table is sortable', () => {
    const select = out.match(/<select id="f-rule">([^]*?)<\/select>/)![1];
    expect([...select.matchAll(/value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'no-checklist-copy', 'no-cross-copy', 'no-placeholder', 'problems-section', 'punctuation-width']);
    expect(out).toMatch(/<select id="f-sev"><option value="">全部<\/option><option value="2">错误<\/option><option value="1">警告<\/option><option value="0">提示<\/option>/);
    expect(out.match(/<th scope="col"[^>]*aria-sort="none"><button type="button"/g)!.length).toBeGreaterThanOrEqual(7);
  });
});

describe('html: rule names and the score', () => {
  it('names the rules in the filter in the page language, with their ids', () => {
    const option = (locale: Locale) =>
      html(batch(), { locale, color: false, cwd: CWD, registry: builtinRegistry }).match(/<option value="no-placeholder">([^<]*)<\/option>/)![1];
    expect(option('zh')).toBe('禁止保留未填写的模板占位符（×次、××市、×××万元）（no-placeholder） (1)');
    expect(option('en')).toBe('Disallow template placeholders left unfilled (×次, ××市, ×××万元) [no-placeholder] (1)');
    // A rule the registry has no docs for keeps its id.
    expect(render(batch())).toContain('<option value="no-placeholder">no-placeholder (1)</option>');
  });

  it('shows each report\'s score, sortable, as the xlsx summary does', () => {
    const results = batch();
    const out = render(results);
    const scores = [...out.matchAll(/<td class="n c-score" data-v="(-?\d+)" title="[^"]+">([^<]*)<\/td>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(scores).toEqual(results.map((r) => [reportScore(r), String(reportScore(r))]));
    expect(scores[2]).toEqual([100, '100']);
    expect(out).toContain('<button type="button" title="按此列排序">得分</button>');
  });
});

describe('html: each report', () => {
  const results = batch();
  const out = render(results);
  const article = (id: string) => out.match(new RegExp(`<article class="report [a-z]+" id="${id}"[^]*?</article>`))![0];

  it('one article per file, each finding marked in the text and listed', () => {
    expect(out.match(/<article /g)).toHaveLength(3);
    const a = article('r1');
    for (let k = 1; k <= results[0].messages.length; k++) {
      expect(a).toContain(`id="r1-f${k}"`);
      expect(a).toContain(`id="r1-m${k}"`);
      expect(a).toMatch(new RegExp(`<mark [^>]*data-f="[^"]*\\b${k}\\b`));
    }
  });

  it('splits overlapping findings into segments naming each finding', () => {
    const line4 = article('r1').match(/<div class="ln" id="r1-L4">[^]*?<\/div>/)![0];
    // 1: ×× (7–9), 2: × (7–8): the first × is under both, the second under 1 only.
    // Finding 2's number follows its text, finding 1's follows the second ×.
    expect(line4).toMatch(/<mark class="hl s2" data-f="1 2"[^>]*>×<\/mark><a class="ref s1" id="r1-m2"[^>]*>2<\/a><mark class="hl s2" data-f="1"[^>]*>×<\/mark><a class="ref s2" id="r1-m1"[^>]*>1<\/a>次/);
    expect(line4).toContain('&#60;script&#62;');
  });

  it('groups the findings by section path, in document order', () => {
    const groups = [...article('r1').matchAll(/<div class="group"><h5>([^<]*)<\/h5>/g)].map((m) => m[1]);
    expect(groups).toEqual(['一、工作开展情况', '二、存在的问题', '（不属于任何章节：标题、主送、开头或落款）']);
  });

  it('shows copied passages beside their source, or says why it cannot', () => {
    const copies = article('r1').match(/<section class="copies">[^]*?<\/section>/)![0];
    const pairs = copies.match(/<div class="pair"/g);
    expect(pairs).toHaveLength(2);
    expect(copies).toContain('<a href="#r2-L4">b.md 4:1–4:35</a>');
    expect(copies).toMatch(/<b>来源<\/b> <a href="#r2-L4">[^]*?<mark class="cp">组织党员干部到廉政教育基地开展现场教学，切实筑牢拒腐防变的思想堤坝。<\/mark>/);
    expect(copies).toContain('ref/checklist.md 9:1–9:10');
    expect(copies).toContain('来源文件不在本次检查的报告之中');
    expect(article('r2')).not.toContain('class="copies"');
  });

  it('says when a report has no findings', () => {
    expect(article('r3')).toContain('未发现问题。');
  });

  it('marks a finding of no width with its number', () => {
    const r = result('z.md', '第一行\n第二行\n', [msg({ line: 2, column: 1, endColumn: 1, message: '此处缺少内容' })]);
    const out = render([r]);
    expect(out).toMatch(/<div class="ln" id="r1-L2"><span class="no" aria-hidden="true">2<\/span><span class="tx"><a class="ref s2" id="r1-m1" href="#r1-f1" data-f="1"[^>]*>1<\/a>第二行<\/span><\/div>/);
  });

  it('copes with positions past the end and an empty file', () => {
    const r = result('y.md', 'abc', [msg({ line: 9, column: 9, endLine: 12, endColumn: 1 })]);
    expect(() => render([r, result('e.md', '', [])])).not.toThrow();
    expect(render([result('e.md', '', [])])).toContain('（文件为空）');
    expect(render([])).toContain('没有检查任何报告。');
  });
});

describe('html: locale', () => {
  it('follows --locale', () => {
    const zh = render(batch(), 'zh');
    const en = render(batch(), 'en');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<title>工作报告检查结果</title>');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<title>Report review</title>');
    expect(en).toContain('3 reports: 1 passed, 2 failed; 5 errors, 1 warning');
    expect(en).toContain('<span class="verdict fail">fail</span>');
    expect(en).toContain('Findings by section');
    expect(en).not.toMatch(/未通过|错误|警告/);
  });
});

describe('rows', () => {
  it('reads the copied share defensively', () => {
    const share = (data: LintMessage['data'], sectionPath = '') =>
      copiedShare(result('s.md', 'x', [msg({ ruleId: 'no-checklist-copy', line: 1, column: 1, data, sectionPath })]), registry);
    expect(share({ percent: 11 })).toBe(11);
    expect(share({ percent: '11.5%' })).toBe(11.5);
    expect(share({ percent: 'n/a' })).toBeUndefined();
    expect(share(undefined)).toBeUndefined();
    const both = result('s.md', 'x', [
      msg({ ruleId: 'no-checklist-copy', line: 1, column: 1, data: { percent: 40 }, sectionPath: '一、工作' }),
      msg({ ruleId: 'no-checklist-copy', line: 1, column: 1, data: { percent: 12 } }),
    ]);
    expect(copiedShare(both, registry)).toBe(12);
  });

  it('reads the unit off the title', () => {
    expect(unitOf('中共某某局党组关于2025年度落实全面从严治党主体责任情况的报告')).toBe('中共某某局党组');
    expect(unitOf('中共松川市水务局党组2025年度全面从严治党主体责任工作情况的报告')).toBe('中共松川市水务局党组');
    expect(unitOf('工作报告')).toBeUndefined();
    expect(unitOf(undefined)).toBeUndefined();
  });
});

describe('summary (terminal)', () => {
  const results = batch();
  const out = summary(results, { locale: 'zh', color: false, cwd: CWD, registry });
  const lines = out.trimEnd().split('\n');

  it('one row per file with the same numbers as the HTML table', () => {
    expect(lines[0].split(/\s{2,}/)).toEqual(['序号', '单位（或标题）', '文件', '错误', '警告', '问题部分', '照搬比例', '结论']);
    expect(lines[2].trim().split(/\s{2,}/)).toEqual(['1', '中共某某局党组', 'a.md', '4', '1', '有', '12%', '未通过']);
    expect(lines[3].trim().split(/\s{2,}/)).toEqual(['2', '中共另一局党组', 'b.md', '1', '0', '无', '—', '未通过']);
    expect(lines[4].trim().split(/\s{2,}/)).toEqual(['3', '—', 'sub/c.txt', '0', '0', '有', '—', '通过']);
    expect(out).toContain('合计：3 份报告，1 份通过，2 份未通过；5 个错误，1 个警告');
    expect(out).toContain('按类别：结构 1，内容 1，格式 1，照搬 3');
    expect(out).not.toContain('\u001b[');
  });

  it('aligns columns by display width', () => {
    // Each column starts at the same display column on every line.
    const starts = (line: string) => {
      const out: number[] = [];
      let width = 0;
      let prevSpace = true;
      let spaces = 0;
      for (const ch of line) {
        if (ch === ' ') spaces++;
        else {
          if (prevSpace && (spaces >= 2 || width === 0)) out.push(width);
          spaces = 0;
        }
        prevSpace = ch === ' ';
        width += stringWidth(ch);
      }
      return out;
    };
    const table = [lines[0], ...lines.slice(2, 5)];
    // Right-aligned numbers end together: compare the ends of the file column instead, via the verdict column.
    const verdictStarts = table.map((l) => starts(l).at(-1));
    expect(new Set(verdictStarts).size).toBe(1);
    const unitStarts = table.map((l) => starts(l)[1]);
    expect(new Set(unitStarts).size).toBe(1);
    expect(table.every((l) => stringWidth(l.trimEnd()) <= stringWidth(lines[1]))).toBe(true);
  });

  it('colours when asked, and speaks English', () => {
    expect(summary(results, { locale: 'zh', color: true, cwd: CWD, registry })).toContain('\u001b[');
    const en = summary(results, { locale: 'en', color: false, cwd: CWD, registry });
    expect(en).toContain('Total: 3 reports, 1 passed, 2 failed; 5 errors, 1 warning');
    expect(en.split('\n')[0]).toMatch(/^#\s+Unit \(or title\)\s+File\s+Errors\s+Warnings\s+Problems section\s+Copied\s+Verdict$/);
  });
});

describe('registry', () => {
  it('registers html and summary', () => {
    expect(formatters.html).toBe(html);
    expect(formatters.summary).toBe(summary);
  });
});
