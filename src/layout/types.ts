/**
 * The effective formatting of a Word document, as the layout rules need it:
 * every value already resolved through document defaults, styles, numbering
 * and direct formatting. Units stay those of the file (twips, half-points),
 * so nothing is rounded before a rule compares; `units.ts` converts.
 */

/** A run of a paragraph's visible text with one formatting. Offsets index `visibleText(paragraph)`. */
export interface RunLayout {
  start: number;
  end: number;
  /** The font Word uses for Chinese characters (`w:eastAsia`, theme resolved). */
  eastAsiaFont: string | null;
  /** The font for Latin letters and digits (`w:ascii`, theme resolved). */
  asciiFont: string | null;
  /** Size in half-points (`w:sz`); 20 (Word's 10 pt) when nothing sets it. */
  halfPoints: number;
  bold: boolean;
  /** Character spacing (`w:rPr/w:spacing`), twips: negative condenses. */
  spacing: number;
  /** Hidden text (`w:vanish`). */
  hidden: boolean;
}

export type Alignment = 'left' | 'center' | 'right' | 'both' | 'distribute';
export type LineRule = 'auto' | 'exact' | 'atLeast';

export interface ParagraphLayout {
  /** The package part, e.g. `word/document.xml`. */
  part: string;
  /** Index into `wordParagraphs(root of part)`: the shared way to name a paragraph. */
  index: number;
  text: string;
  styleId: string | null;
  /** The style's name as Word lists it (`Normal`, `heading 1`, a user's `公文正文`). */
  styleName: string | null;
  /** `w:jc`, with `start`/`end` read as left/right; left when nothing sets it. */
  align: Alignment;
  /** Twips; `firstLine` is negative for a hanging indent. `…Chars` (hundredths of a character) win when set. */
  indent: { firstLine: number; firstLineChars: number | null; left: number; leftChars: number | null; right: number; rightChars: number | null };
  /** `w:line`: 240ths of a line for `auto`, twips otherwise; null when nothing sets it (single). */
  line: number | null;
  lineRule: LineRule;
  /** The paragraph's own `w:pPr` sets the line spacing (direct formatting), rather than its style or the defaults. */
  ownSpacing: boolean;
  snapToGrid: boolean;
  /** The paragraph's own run formatting (styles, no run overrides): what an empty paragraph would show. */
  base: Omit<RunLayout, 'start' | 'end'>;
  runs: RunLayout[];
  /** Index into `DocumentLayout.sections`. */
  section: number;
  inTable: boolean;
  /** Word numbering applied to the paragraph, if any. */
  numbering: { numId: string; level: number } | null;
}

export type GridType = 'default' | 'lines' | 'linesAndChars' | 'snapToChars';

export interface FooterLayout {
  /** `default` is the odd pages' footer once even and odd differ. */
  type: 'default' | 'even' | 'first';
  part: string;
  /** The footer's text with the page number field shown as `#`. */
  text: string;
  /** A PAGE field (complex or simple). */
  pageField: boolean;
  /** Text of the field's paragraph before and after the field. */
  before: string;
  after: string;
  align: Alignment;
  /** Of the field's result (or its paragraph): half-points and the font digits are set in. */
  halfPoints: number | null;
  asciiFont: string | null;
}

export interface SectionLayout {
  /** Twips. Null when the section does not say (Word then uses its locale default, Letter in the US). */
  pageWidth: number | null;
  pageHeight: number | null;
  margins: { top: number | null; bottom: number | null; left: number | null; right: number | null };
  grid: { type: GridType; linePitch: number | null; charSpace: number | null };
  footers: FooterLayout[];
  titlePage: boolean;
}

/** Something a clean submission should not carry, with where it is. */
export interface Leftover {
  kind: 'comment' | 'insertion' | 'deletion' | 'move' | 'format-change' | 'hidden';
  part: string;
  /** The paragraph of `part` it is in, when it is in one. */
  index: number | null;
  text: string;
}

export interface DocumentLayout {
  /** The paragraphs of `word/document.xml`, in `wordParagraphs` order (`paragraphs[i].index === i`). */
  paragraphs: ParagraphLayout[];
  sections: SectionLayout[];
  /** `w:evenAndOddHeaders` in settings: odd and even pages have footers of their own. */
  evenAndOddHeaders: boolean;
  /** The document default run size, half-points (the unit of `w:charSpace`). */
  defaultHalfPoints: number | null;
  leftovers: Leftover[];
}
