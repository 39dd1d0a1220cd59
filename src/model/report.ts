import type { DocumentFormat, Span } from '../types.js';
import type { LineIndex } from './line-index.js';
import type { MappedText } from './mapped-text.js';
import type { LineHint } from './hints.js';
import type { Genre } from './anatomy.js';
import type { Marker } from './markers.js';
import type { DocumentLayout } from '../layout/types.js';

/**
 * The report model every rule sees. Built once per document by `buildReport`;
 * rules only read it.
 */

/**
 * What a paragraph is in the anatomy of a document (GB/T 9704 §7). Rules ask
 * the kind instead of guessing: most prose rules judge `body` (and
 * `list-item`) only; the text rules (placeholders, terms, punctuation) read
 * every kind. See anatomy.ts for how each is recognised.
 */
export type ParagraphKind =
  | 'front-matter' // 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人; a web page's lines before the title
  | 'title' // 标题, joined when it runs over two or three lines
  | 'subtitle' // ——在……会议上的讲话
  | 'byline' // under the title: （2024年1月5日）, author, keywords, speaker
  | 'salutation' // 同志们：
  | 'addressee' // 主送机关, ends with ：
  | 'heading' // a standalone heading line (Markdown `#` or a marker line)
  | 'body' // ordinary prose, including a run-in heading's paragraph and a numbered item
  | 'list-item' // an unordered Markdown list item
  | 'table-cell' // a cell of a Markdown, Word or text table (a text table's row)
  | 'caption' // 表1 ……
  | 'attachment-note' // 附件说明: 附件：1.…… and the lines after it
  | 'signature' // 发文机关署名
  | 'date' // 成文日期
  | 'note' // 附注: （联系人：……，电话：……）
  | 'distribution' // 版记: 抄送, ……印发
  | 'appendix-label' // 附件1, before a document attached after the date
  | 'appendix-title' // that document's title
  | 'footnote' // a Word footnote or endnote
  | 'header-footer'; // a Word header or footer

/** Kinds whose text is the report's own prose, in or around its sections. */
const PROSE_KINDS: ReadonlySet<ParagraphKind> = new Set(['body', 'list-item']);
/** Kinds that hold the report's wording: prose, headings, tables. Rules that judge what is said read these. */
const WORDING_KINDS: ReadonlySet<ParagraphKind> = new Set(['body', 'list-item', 'heading', 'table-cell', 'caption', 'footnote']);

/** Body prose: what sentence-level rules (truncation, problems, depth) judge. */
export function isProse(p: Paragraph): boolean {
  return PROSE_KINDS.has(p.kind) && !p.quoted;
}

/** The report's own wording (prose, headings, tables, notes), not its title block or closing parts. */
export function isWording(p: Paragraph): boolean {
  return WORDING_KINDS.has(p.kind) && !p.quoted;
}

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
  /** For a paragraph of a document attached after the date: its index in `report.appendices`. */
  appendix?: number;
}

/** `item`: a numbered sentence (`（一）区委常委会全年……12次。`) that keeps its place in the numbering but has no title. */
export type HeadingStyle = 'markdown' | 'standalone' | 'run-in' | 'item';

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
  /** Heading text without marker and without the run-in 。; empty for an item. */
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
  /** The kind of document its title names (报告, 请示, 讲话 …); report rules apply to reports and to 'unknown'. */
  genre: Genre;
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
  /** Documents attached after the date (附件1 …): each with its own numbering, not sections of the report. */
  appendices: Appendix[];
  /** Ranges that are not prose: code, HTML, front matter, page numbers, tables of contents. Rules leave them alone. */
  excluded: ExcludedSpan[];
  /** Read from Word: the effective formatting of the document (layout rules); absent for text input. */
  layout?: DocumentLayout;
}

export interface Appendix {
  /** `附件1` */
  label: Paragraph;
  title: Paragraph | null;
  sections: Section[];
  allSections: Section[];
}

export interface ExcludedSpan extends Span {
  /** `furniture`: page numbers, separator lines and table rules; `toc`: a Word table of contents (a copy of the headings). */
  kind: 'code' | 'html' | 'frontmatter' | 'markup' | 'furniture' | 'toc';
}

/** Every section tree: the report's, then each appended document's. */
export function sectionTrees(report: Report): Section[][] {
  return [report.sections, ...report.appendices.map((a) => a.sections)];
}

/** Every section of the report and of its appended documents, in document order. */
export function everySection(report: Report): Section[] {
  return [...report.allSections, ...report.appendices.flatMap((a) => a.allSections)];
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

/**
 * The section's own paragraphs and those of all its subsections, in order, appended to `out`.
 * An array, not a generator: rules walk whole reports with it, and nested generators were slow.
 */
export function sectionParagraphs(section: Section, out: Paragraph[] = []): Paragraph[] {
  for (const p of section.paragraphs) out.push(p);
  for (const child of section.children) sectionParagraphs(child, out);
  return out;
}

/** The body text of a paragraph: for a run-in heading, what follows the heading. */
export function bodyText(p: Paragraph): string {
  return p.bodyStart === undefined ? p.content.text : p.content.text.slice(p.bodyStart);
}

/** The innermost section whose span holds the offset. */
export function sectionAt(report: Report, offset: number): Section | null {
  for (const tree of sectionTrees(report)) {
    const found = sectionIn(tree, offset);
    if (found) return found;
  }
  return null;
}

function sectionIn(sections: Section[], offset: number): Section | null {
  let list = sections;
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
