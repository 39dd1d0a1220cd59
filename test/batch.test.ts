import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRule } from '../src/engine/rule.js';
import { lintFiles } from '../src/lint-files.js';

/** A batch rule: flags a paragraph whose text also stands in another file, naming it. */
const sameParagraph = defineRule({
  id: 'same-paragraph',
  category: 'copy',
  severity: 'error',
  fixable: false,
  options: {},
  messages: { copied: { zh: '与{other}相同', en: 'Same as in {other}' } },
  docs: { summary: { zh: '测试', en: 'test' }, why: { zh: '测试', en: 'test' } },
  examples: [],
  check() {},
  batch: {
    collect: (report) => report.paragraphs.filter((p) => p.kind === 'body').map((p) => ({ text: p.content.text, span: p.span })),
    check(files, context) {
      for (const file of files) {
        for (const p of file.data as { text: string; span: { start: number; end: number } }[]) {
          for (const other of files) {
            if (other === file) continue;
            const twin = (other.data as typeof file.data).find((q: { text: string }) => q.text === p.text);
            if (twin) {
              context.report({
                file,
                at: p.span,
                messageId: 'copied',
                data: { other: path.basename(other.filePath) },
                related: [{ file: other, at: twin.span }],
              });
            }
          }
        }
      }
    },
  },
});
const broken = defineRule({ ...sameParagraph, id: 'broken', batch: { collect: () => null, check: () => { throw new Error('boom'); } } });

const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'a.txt'), '甲单位报告\n一、工作\n共同的一段话。\n自己的话。\n');
writeFileSync(path.join(dir, 'b.txt'), '乙单位报告\n别的话。\n<!-- reportlint-disable-next-line -->\n共同的一段话。\n一、工作\n共同的一段话。\n');

describe('batch phase', () => {
  it('reports in each file with related locations, honouring directives', async () => {
    const results = await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: new Map([[sameParagraph.id, sameParagraph]]) });
    const view = results.map((r) => [
      path.basename(r.filePath),
      r.errorCount,
      r.messages.map((m) => `${m.line}:${m.column} ${m.message} ${m.sectionPath} ← ${m.related?.map((x) => `${path.basename(x.filePath)}:${x.line}:${x.column}-${x.endLine}:${x.endColumn}`)}`),
    ]);
    expect(view).toEqual([
      ['a.txt', 1, ['3:1 与b.txt相同 一、工作 ← b.txt:4:1-4:8']],
      ['b.txt', 1, ['6:1 与a.txt相同 一、工作 ← a.txt:3:1-3:8']],
    ]);
  });

  it('turns a batch rule that throws into one internal error per file', async () => {
    const results = await lintFiles([dir], { cwd: dir, useConfigFiles: false, registry: new Map([[broken.id, broken]]) });
    expect(results.map((r) => r.messages.map((m) => `${m.ruleId} ${m.messageId}`))).toEqual([['broken internal-error'], ['broken internal-error']]);
  });
});
