import type { DocumentFormat, Span } from '../types.js';
import type { LineIndex } from './line-index.js';
import type { MappedText } from './mapped-text.js';
import type { LineHint } from './hints.js';
import type { Marker } from './markers.js';
import type { DocumentLayout } from '../layout/types.js';

/**
 * The report model every rule sees. Built once per document by `buildReport`;
 * rules only read it.
 */

export type ParagraphKind =
  | 'title' // 标题
  | 'addressee' // 主送机关, ends with ：
  | 'heading' // a standalone heading line (Markdown `#` or a marker line)
  | 'body' // ordinary prose, including a run-in heading's paragraph
  | 'list-item' // an unordered Markdown list item
  | 'table-cell'
  | 'signature' // 发文机关署名
  | 'date'; // 成文日期

export interface Paragraph {
  kind: ParagraphKind;
  /** Source range, from the first to the last character of the paragraph. */
  span: Span;
  /** The paragraph's plain text, mapped back to the source. */
  content: MappedText;
  /** The section this paragraph is part of (null before the first heading). */
  section: Section | null;
  /** The section this paragraph opens (standalone heading or run-in heading). */
  heads?: Section;
  /** For a run-in heading: the index in `content.text` where the body starts. */
  bodyStart?: number;
  /** Inside a Markdown block quote. */
  quoted: boolean;
  /** What the Word reader knows of the paragraph's first line. */
  hint?: LineHint;
}

export type HeadingStyle = 'markdown' | 'standalone' | 'run-in';

export interface Section {
  /** Numbering marker, when the heading has one. */
  marker: Marker | null;
  /** Source range of the marker as written (without trailing spaces). */
  markerSpan: Span | null;
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）; unnumbered Markdown headings by depth. */
  level: number;
  /** Markdown heading depth (1–6), when the heading is a Markdown heading. */
  depth: number | null;
  style: HeadingStyle;
  /** Heading text without marker and without the run-in 。 */
  title: string;
  titleSpan: Span;
  /** Marker + title (+ the run-in 。). */
  headingSpan: Span;
  /** `一、工作开展情况`: marker as written + title; what paths are made of. */
  label: string;
  /** Labels from the top-level section down to this one. */
  path: string[];
  /** From the heading to the end of the section's last content. */
  span: Span;
  /** The paragraph that holds the heading. */
  headingParagraph: Paragraph;
  /** Own paragraphs, in order, not counting those of subsections; a run-in heading's paragraph comes first. */
  paragraphs: Paragraph[];
  children: Section[];
  parent: Section | null;
}

export interface Report {
  /** The text rules see: the decoded file with any BOM removed. */
  source: string;
  format: DocumentFormat;
  lines: LineIndex;
  title: Paragraph | null;
  addressee: Paragraph | null;
  /** Paragraphs before the first heading, other than title and addressee. */
  opening: Paragraph[];
  /** Top-level sections. */
  sections: Section[];
  /** Every section, in document order. */
  allSections: Section[];
  signature: Paragraph[];
  date: Paragraph | null;
  /** Every logical paragraph in document order, whatever its kind. */
  paragraphs: Paragraph[];
  /** Ranges that are not prose: code, HTML, front matter. Rules leave them alone. */
  excluded: ExcludedSpan[];
  /** Read from Word: the effective formatting of the document (layout rules); absent for text input. */
  layout?: DocumentLayout;
}

export interface ExcludedSpan extends Span {
  kind: 'code' | 'html' | 'frontmatter';
}

export const PATH_SEPARATOR = ' › ';

export function sectionPathText(section: Section): string {
  return section.path.join(PATH_SEPARATOR);
}

/** All sections below `section`, depth first, in document order. */
export function* descendants(section: Section): Generator<Section> {
  for (const child of section.children) {
    yield child;
    yield* descendants(child);
  }
}

/** The section's own paragraphs and those of all its subsections, in order. */
export function* sectionParagraphs(section: Section): Generator<Paragraph> {
  yield* section.paragraphs;
  for (const child of section.children) yield* sectionParagraphs(child);
}

/** The body text of a paragraph: for a run-in heading, what follows the heading. */
export function bodyText(p: Paragraph): string {
  return p.bodyStart === undefined ? p.content.text : p.content.text.slice(p.bodyStart);
}

/** The innermost section whose span holds the offset. */
export function sectionAt(report: Report, offset: number): Section | null {
  let list = report.sections;
  let found: Section | null = null;
  for (;;) {
    // Siblings are in document order: binary search for the last one starting at or before the offset.
    let lo = 0;
    let hi = list.length - 1;
    let candidate = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].span.start <= offset) {
        candidate = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const next = candidate === -1 ? undefined : list[candidate];
    if (!next || offset >= Math.max(next.span.end, next.span.start + 1)) return found;
    found = next;
    list = next.children;
  }
}
