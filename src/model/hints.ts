/**
 * What a reader knows about a line that its text alone does not say. Word
 * documents are read to one line per paragraph; the reader passes what Word
 * knows (styles, tables, numbering, notes) to the model through these hints.
 * Plain text and Markdown have none.
 */
export interface LineHint {
  /** Depth of a Word heading style (`Heading 2`, `标题 2` → 2; `Title` → 1). */
  headingDepth?: number;
  /** Where the paragraph stands in the Word document, when it is not body flow. */
  role?: 'table-cell' | 'caption' | 'toc' | 'footnote' | 'endnote' | 'header' | 'footer';
  /** For a table cell: which table (0-based, document order), row and column. */
  cell?: { table: number; row: number; column: number };
  /**
   * Numbering Word draws in front of the paragraph (the text of the line starts
   * with it): the marker as shown, e.g. `（一）`, and the list level, 0-based.
   */
  numbering?: { marker: string; level: number };
  /**
   * Where the line came from in the package, for writers that annotate the
   * original: the part (`word/document.xml`), the index of the `w:p` among
   * `wordParagraphs()` of that part, and how many characters at the line's
   * start Word draws itself (generated numbering) and are not in the XML.
   */
  source?: { part: string; index: number; prefix: number };
  /** The paragraph number a Word user sees (non-empty body paragraphs; a table counts as one). */
  ordinal?: number;
  /**
   * Content controls showing their placeholder prompt (Word's 单击或点击此处输入文字。,
   * or a template's own): unfilled blanks, as 0-based ranges of the line's text.
   */
  blanks?: { start: number; end: number }[];
}

/** 1-based line number → hint. */
export type LineHints = ReadonlyMap<number, LineHint>;
