import type { LintResult } from '../engine/lint.js';
import { isFatal } from './shared.js';

/**
 * A report's score, 0–100, for ranking units in a batch (the HTML report, the
 * xlsx summary). Each finding weighs by severity (error 10, warning 3, note 0);
 * the weights are added up per thousand characters of the report's text (not
 * counting whitespace, and at least one thousand, so that a short report is not
 * punished for being short); every point of that density takes 5 off 100:
 *
 *   score = max(0, round(100 − 5 × (10·errors + 3·warnings) / max(1, characters / 1000)))
 *
 * A clean report scores 100; 2 errors and 4 warnings in 5,000 characters score 68.
 * A file that could not be read has no score.
 */
export const SCORE_WEIGHTS = { error: 10, warning: 3, info: 0 } as const;
export const SCORE_POINTS_PER_DENSITY = 5;

export function reportScore(result: LintResult): number | undefined {
  if (result.messages.some(isFatal)) return undefined;
  let weight = 0;
  for (const m of result.messages) weight += m.severity === 2 ? SCORE_WEIGHTS.error : m.severity === 1 ? SCORE_WEIGHTS.warning : SCORE_WEIGHTS.info;
  const characters = (result.source ?? '').replace(/\s+/gu, '').length;
  const density = weight / Math.max(1, characters / 1000);
  return Math.max(0, Math.round(100 - SCORE_POINTS_PER_DENSITY * density));
}
