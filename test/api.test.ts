import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../src/index.js';

describe('public API', () => {
  it('lintText needs nothing but the text', () => {
    const result = lintText('全年开展专项督查×次。', { filePath: 'draft.txt', locale: 'en', rules: { 'no-placeholder': { severity: 'error' } } });
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([['no-placeholder', 1, 9, 'Unfilled template placeholder “×”']]);
  });

  it('lintFiles reads, configures and lints', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-api-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), '全年开展专项督查×次。\n');
      const [result] = await lintFiles(['a.txt'], { cwd: dir, useConfigFiles: false, ruleFlags: ['{no-placeholder: error}'] });
      expect(result.messages.find((m) => m.ruleId === 'no-placeholder')?.column).toBe(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
