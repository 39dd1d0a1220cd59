import { describe, expect, it } from 'vitest';
import { evaluatePrecision, type PrecisionReport } from '../scripts/precision.js';

/**
 * Issue 11's evidence: every correct shape in fixtures/shapes (and fixtures/clean, and the Word
 * shapes built by scripts/shapes-docx.ts) gives zero findings under the recommended preset, and
 * every fault planted in its twin (fixtures/bad/shapes/EXPECTED.md) is found where it stands,
 * with nothing else.
 */
let report: PrecisionReport;

describe('shapes: precision and recall', () => {
  it('evaluates', async () => {
    report = await evaluatePrecision();
    expect(report.clean.length).toBeGreaterThanOrEqual(30 + 6 + 6);
    expect(report.faulty.length).toBeGreaterThanOrEqual(30 + 6);
  }, 120_000);

  it('no finding on any correct document', () => {
    expect(report.clean.filter((d) => d.falseAlarms.length).map((d) => [d.file, d.falseAlarms])).toEqual([]);
  });

  it('every planted fault is found at its place, and nothing else', () => {
    const wrong = report.faulty.filter((d) => d.missed.length || d.falseAlarms.length).map((d) => [d.file, d.missed, d.falseAlarms]);
    expect(wrong).toEqual([]);
    expect(report.totals.found).toBe(report.totals.planted);
    expect(report.totals.planted).toBeGreaterThanOrEqual(60);
  });
});
