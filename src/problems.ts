import { problemsLeadEnd } from './model/anatomy.js';
import { bodyText, isProse, sectionParagraphs, type Paragraph, type Report, type Section } from './model/report.js';
import { compilePattern, mainParts, matchTitle, NEXT_STEPS_TITLE, PROBLEMS_TITLE, WORK_TITLE } from './profiles.js';
import { hasHan } from './text/han.js';

/**
 * Finding the problems section (存在的问题) of a report: shared by problems-section,
 * problems-depth and anything else that needs it, so that they all agree on which section it is.
 */

export { PROBLEMS_TITLE };

/** What may surround the problems phrase in a title that is nothing but the problems heading: 存在的问题及原因分析, 问题与不足. */
const FILLER = /^(?:[的和与及、，,：:以下方面原因分析主要突出当前目前一些工作中仍还等]|不足|差距|短板|困难)*$/u;

const WORK_OR_NEXT_STEPS = [new RegExp(WORK_TITLE, 'gu'), new RegExp(NEXT_STEPS_TITLE, 'gu')];

/** A bare negative that stands in for the problems: 无、暂无、没有 (punctuation already removed). */
const NEGATIVE = /^(?:无|暂无|没有|暂没有|暂时没有|尚无)$/u;

/** Whitespace, punctuation and the placeholder for code/HTML: what does not count as substance. */
const NOT_SUBSTANCE = /[\s\p{P}\p{S}\uFFFC]/gu;

/** Compiles the built-in title pattern and the user's aliases (global, to see every match in a title). */
export function problemsPatterns(aliases: readonly string[] = []): (RegExp | null)[] {
  return [PROBLEMS_TITLE, ...aliases].map((source) => compilePattern(source, 'gu'));
}

/** Whether a section title names the problems section (存在的问题, not 针对存在的问题抓整改). */
export function isProblemsTitle(title: string, patterns: readonly (RegExp | null)[]): boolean {
  return matchTitle(title, patterns) !== null;
}

/** A title that is the problems heading and nothing else: 存在的问题, 问题与不足, 存在的主要问题及原因分析. */
function isPureProblemsTitle(title: string, patterns: readonly (RegExp | null)[]): boolean {
  const m = matchTitle(title, patterns);
  return m !== null && FILLER.test(title.slice(0, m[0]) + title.slice(m[1]));
}

/** The work-done or next-steps section: a problems phrase under it is usually a topic of that section. */
export function isWorkOrNextSteps(section: Section): boolean {
  return matchTitle(section.title, WORK_OR_NEXT_STEPS) !== null;
}

/**
 * The problems section(s) of a report, outermost only (a matching subsection is judged with its
 * parent). In order of preference, the first tier that finds any wins:
 * 1. main parts (see mainParts) whose title names the problems and nothing of work done or
 *    next steps: `二、存在的问题`, `二、主要问题`;
 * 2. main parts whose title names problems and measures together: `二、存在的问题及整改措施`;
 * 3. deeper sections, but not inside the work-done or next-steps section, unless the title is
 *    the problems heading and nothing else (`（四）存在的问题` under `一、工作开展情况` counts;
 *    `（三）薄弱环节整治` under `三、下一步工作打算` does not).
 * At every tier a phrase after a remedy verb does not count: `补齐薄弱环节`, `针对存在的问题抓整改`.
 */
export function findProblemsSections(report: Report, aliases: readonly string[] = []): Section[] {
  const patterns = problemsPatterns(aliases);
  const parts = mainParts(report);
  const inParts = new Set(parts);
  const hits = parts.filter((s) => isProblemsTitle(s.title, patterns));
  const plain = hits.filter((s) => !isWorkOrNextSteps(s));
  if (plain.length) return outermost(plain);
  if (hits.length) return outermost(hits);
  const deeper = report.allSections.filter(
    (s) =>
      !inParts.has(s) &&
      isProblemsTitle(s.title, patterns) &&
      (isPureProblemsTitle(s.title, patterns) || !hasAncestor(s, isWorkOrNextSteps)),
  );
  return outermost(deeper);
}

/** The sections of `list` that have no ancestor in `list`. */
function outermost(list: Section[]): Section[] {
  const set = new Set(list);
  return list.filter((s) => !hasAncestor(s, (a) => set.has(a)));
}

function hasAncestor(section: Section, test: (s: Section) => boolean): boolean {
  for (let s = section.parent; s; s = s.parent) if (test(s)) return true;
  return false;
}

/** More characters of substance than the longest bare negative (暂时没有) has. */
const BEYOND_NEGATIVE = 5;

/**
 * Whether a problems section says nothing: no body text, or only bare negatives (无、暂无。、（没有）),
 * once whitespace and punctuation are removed.
 */
export function saysNothing(section: Section): boolean {
  for (const p of sectionParagraphs(section)) {
    const body = bodyText(p);
    // Han characters are substance: a paragraph with enough of them is more than a bare negative.
    if (hasHan(body, BEYOND_NEGATIVE)) return false;
    const text = body.replace(NOT_SUBSTANCE, '');
    if (text && !NEGATIVE.test(text)) return false;
  }
  return true;
}

/**
 * Problems written as prose rather than under a heading: a paragraph of the
 * report's body that opens with `存在的主要问题：` or `但也存在一些不足：`, with the
 * paragraphs after it in the same section that carry on its enumeration (二是……, 有的……).
 */
export interface ProblemsProse {
  paragraph: Paragraph;
  /** Where the problems begin in `paragraph.content.text` (after the lead-in). */
  start: number;
  /** Later paragraphs that continue the list. */
  followers: Paragraph[];
}

const CONTINUES_LIST = /^\s*(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]|第[一二三四五六七八九十]{1,3}[，、：]|有的|有些|此外|另外)/u;

export function findProblemsProse(report: Report): ProblemsProse[] {
  const found: ProblemsProse[] = [];
  const paragraphs = report.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!isProse(p) || p.appendix !== undefined) continue;
    const from = p.bodyStart ?? 0;
    const end = problemsLeadEnd(p.content.text.slice(from));
    if (end === -1) continue;
    const followers: Paragraph[] = [];
    for (let j = i + 1; j < paragraphs.length; j++) {
      const q = paragraphs[j];
      if (!isProse(q) || q.heads || q.section !== p.section || !CONTINUES_LIST.test(q.content.text)) break;
      followers.push(q);
    }
    found.push({ paragraph: p, start: from + end, followers });
    i += followers.length;
  }
  return found;
}
