import type { RuleRegistry } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/rule.js';
import bookTitleMarks from './book-title-marks.js';
import canonicalTerms from './canonical-terms.js';
import dateFormat from './date-format.js';
import duplicatePunctuation from './duplicate-punctuation.js';
import layoutCleanCopy from './layout-clean-copy.js';
import layoutFonts from './layout-fonts.js';
import layoutIndent from './layout-indent.js';
import layoutLineSpacing from './layout-line-spacing.js';
import layoutPageNumber from './layout-page-number.js';
import layoutPage from './layout-page.js';
import figureConsistency from './figure-consistency.js';
import fixedListOrder from './fixed-list-order.js';
import guidingThoughtList from './guiding-thought-list.js';
import headingNumbering from './heading-numbering.js';
import headingPunctuation from './heading-punctuation.js';
import letterClosing from './letter-closing.js';
import noChecklistCopy from './no-checklist-copy.js';
import noCrossCopy from './no-cross-copy.js';
import noEmptyPhrases from './no-empty-phrases.js';
import noPlaceholder from './no-placeholder.js';
import noRequestInReport from './no-request-in-report.js';
import numberUsage from './number-usage.js';
import pairedPunctuation from './paired-punctuation.js';
import problemsDepth from './problems-depth.js';
import problemsSection from './problems-section.js';
import punctuationForms from './punctuation-forms.js';
import punctuationWidth from './punctuation-width.js';
import relativeTime from './relative-time.js';
import repeatedPassage from './repeated-passage.js';
import reportTitle from './report-title.js';
import requestForm from './request-form.js';
import requiredSections from './required-sections.js';
import responsibilityConflation from './responsibility-conflation.js';
import sectionMinLength from './section-min-length.js';
import signatureDate from './signature-date.js';
import strayWhitespace from './stray-whitespace.js';
import superiorAddress from './superior-address.js';
import truncatedParagraph from './truncated-paragraph.js';
import typoWords from './typo-words.js';

/** Every built-in rule. A test checks that each file in rules/ is listed here under its own name. */
export const builtinRules: readonly Rule[] = [
  ] = [bookTitleMarks,
  canonicalTerms,
  dateFormat,
  duplicatePunctuation,
  figureConsistency,
  fixedListOrder,
  guidingThoughtList,
  headingNumbering,
  headingPunctuation,
  layoutCleanCopy,
  layoutFonts,
  layoutIndent,
  layoutLineSpacing,
  layoutPage,
  layoutPageNumber,
  letterClosing,
  noChecklistCopy,
  noCrossCopy,
  noEmptyPhrases,
  noPlaceholder,
  noRequestInReport,
  numberUsage,
  pairedPunctuation,
  problemsDepth,
  problemsSection,
  punctuationForms,
  punctuationWidth,
  relativeTime,
  repeatedPassage,
  reportTitle,
  requestForm,
  requiredSections,
  responsibilityConflation,
  sectionMinLength,
  signatureDate,
  strayWhitespace,
  superiorAddress,
  truncatedParagraph,
  typoWords,
];

export const builtinRegistry: RuleRegistry = new Map(builtinRules.map((rule) => [rule.id, rule]));
