import type { Report } from '../model/report.js';
import { toHalfWidth } from './numbers.js';

const YEAR = /((?:19|20)[0-9０-９]{2})\s*年/u;

/**
 * The year a report is about: the first four-digit year of its title
 * (关于2024年度……的报告), else the year of its date; null when neither has one.
 */
export function reportYear(report: Report): number | null {
  for (const p of [report.title, report.date]) {
    const m = p ? YEAR.exec(p.content.text) : null;
    if (m) return Number(toHalfWidth(m[1]));
  }
  return null;
}

/** The date of the report as [year, month, day], when its date block is a full Arabic date. */
export function reportDate(report: Report): [number, number, number] | null {
  const m = report.date ? /([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日/u.exec(report.date.content.text) : null;
  return m ? [Number(toHalfWidth(m[1])), Number(toHalfWidth(m[2])), Number(toHalfWidth(m[3]))] : null;
}
