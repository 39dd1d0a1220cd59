import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/files/docx.js';
import { buildLayoutDocx, FAULTS } from './layout-fixtures.js';
import { formatted, LAYOUT_RULES, lintDocx } from './layout-lint.js';

describe('a formatted copy of a Word report', () => {
  it.each(FAULTS.filter((f) => f !== 'leftovers'))('%s: the copy has no layout finding and the same words', async (fault) => {
    const original = await buildLayoutDocx(fault);
    const copy = await formatted(original);
    const r = await lintDocx(copy);
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId} ${m.message}`)).toEqual([]);
    expect((await readDocx(copy)).text).toBe((await readDocx(original)).text);
  });

  it('leaves comments, tracked changes and hidden text to the author', async () => {
    const copy = await formatted(await buildLayoutDocx('leftovers'));
    const r = await lintDocx(copy, LAYOUT_RULES);
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`)).toEqual([
      '6:1 layout-clean-copy comment',
      '9:1 layout-clean-copy hidden',
      '9:1 layout-clean-copy revision',
    ]);
  });
});
