import { describe, expect, it } from 'vitest';
import { anchorFinding, anchorFix } from '../src/docx/finding-anchor.js';
import type { LineHint } from '../src/model/hints.js';

const DOC = 'word/document.xml';
// Line 1: a heading whose “一、” Word draws (prefix 2); line 2: plain; line 3: from a header; line 4: no source.
const source = '一、工作开展情况\n今年共开展××次检查,发现问题\n××县纪委\n手写行\n';
const hints = new Map<number, LineHint>([
  [1, { source: { part: DOC, index: 0, prefix: 2 }, numbering: { marker: '一、', level: 0 } }],
  [2, { source: { part: DOC, index: 3, prefix: 0 } }],
  [3, { source: { part: 'word/header1.xml', index: 0, prefix: 0 } }],
]);

describe('anchorFinding: a finding back to its paragraph', () => {
  it('subtracts the generated numbering', () => {
    // “开展” is columns 5–7 of line 1, offsets 2–4 of the paragraph’s own text “工作开展情况”.
    expect(anchorFinding(source, hints, { line: 1, column: 5, endLine: 1, endColumn: 7 })).toEqual({ part: DOC, index: 0, start: 2, end: 4, expected: '开展' });
  });

  it('keeps offsets of a paragraph without numbering, and names the part', () => {
    expect(anchorFinding(source, hints, { line: 2, column: 6, endLine: 2, endColumn: 8 })).toEqual({ part: DOC, index: 3, start: 5, end: 7, expected: '××' });
    expect(anchorFinding(source, hints, { line: 3, column: 1, endLine: 3, endColumn: 3 })).toMatchObject({ part: 'word/header1.xml', index: 0, start: 0, end: 2 });
  });

  it('anchors a finding inside the numbering at offset 0, and one that starts there at 0 up to its end', () => {
    expect(anchorFinding(source, hints, { line: 1, column: 1, endLine: 1, endColumn: 3 })).toMatchObject({ start: 0, end: 0, expected: '' });
    expect(anchorFinding(source, hints, { line: 1, column: 2, endLine: 1, endColumn: 5 })).toMatchObject({ start: 0, end: 2, expected: '工作' });
  });

  it('cuts a finding that runs past its paragraph at the paragraph’s end', () => {
    expect(anchorFinding(source, hints, { line: 2, column: 12, endLine: 3, endColumn: 2 })).toMatchObject({ index: 3, start: 11, end: 15, expected: '发现问题' });
  });

  it('returns null for a line that came from no paragraph', () => {
    expect(anchorFinding(source, hints, { line: 4, column: 1, endLine: 4, endColumn: 2 })).toBeNull();
  });
});

describe('anchorFix: a fix as a change of one paragraph', () => {
  const offset = (line: number, column: number) => source.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column - 1;

  it('maps a replacement to paragraph offsets with the text it replaces', () => {
    const at = offset(2, 11);
    expect(source[at]).toBe(',');
    expect(anchorFix(source, hints, { range: [at, at + 1], text: '，' })).toEqual({ part: DOC, index: 3, start: 10, end: 11, expected: ',', replacement: '，' });
  });

  it('subtracts the numbering from a fix after it', () => {
    const at = offset(1, 9);
    expect(anchorFix(source, hints, { range: [at, at], text: '。' })).toMatchObject({ index: 0, start: 6, end: 6, expected: '', replacement: '。' });
  });

  it('refuses a fix of the generated numbering, across paragraphs, with a line break, or on a line from nowhere', () => {
    expect(anchorFix(source, hints, { range: [0, 2], text: '一.' })).toBeNull();
    expect(anchorFix(source, hints, { range: [offset(1, 8), offset(2, 2)], text: '' })).toBeNull();
    expect(anchorFix(source, hints, { range: [offset(2, 1), offset(2, 1)], text: '\n' })).toBeNull();
    expect(anchorFix(source, hints, { range: [offset(4, 1), offset(4, 2)], text: 'x' })).toBeNull();
  });
});
