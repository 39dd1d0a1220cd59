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
    // The body's words; the copy adds the page-number footer, which the reader lists after the body.
    expect(await bodyText(copy)).toBe(await bodyText(original));
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

async function bodyText(bytes: Buffer): Promise<string> {
  const { text, hints } = await readDocx(bytes);
  return text
    .split('\n')
    .filter((_, i) => !['header', 'footer'].includes(hints.get(i + 1)?.role ?? ''))
    .join('\n');
}
