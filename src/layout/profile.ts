/**
 * The layout a document is held to: GB/T 9704-2012 by default, every value a
 * profile entry with its tolerance, so that a province's 29 pt lines or
 * 27/27 mm margins are a config change (`layout:` in a config file).
 */

export interface Tolerant {
  value: number;
  tolerance: number;
}

export interface FontSpec {
  /** Fonts of the family, first the one a fix applies. */
  fonts: string[];
  /** Points. */
  size: number;
  /** Bold allowed (`true`), required (`'required'`) or not wanted (`false`). */
  bold?: boolean | 'required';
}

export interface LayoutProfile {
  /** Millimetres. */
  paper: { width: number; height: number; tolerance: number };
  /** Millimetres. */
  margins: { top: number; bottom: number; left: number; right: number; tolerance: number };
  title: FontSpec & { align: 'center' | 'any' };
  body: FontSpec;
  /** Heading levels 1–4 (一、 （一） 1. （1）). */
  headings: FontSpec[];
  /** Tolerance of every font size, points. */
  sizeTolerance: number;
  /** Fixed line spacing, points (the fix writes `value`). */
  lineSpacing: Tolerant;
  linesPerPage: Tolerant;
  charsPerLine: Tolerant;
  /** Body first-line indent, characters. */
  firstLineIndent: Tolerant;
  /**
   * Signature and date without a seal (GB/T 9704 7.3.5.2), characters from the right margin: the
   * signature `signature` in, the date `date` in; their tolerance, in characters.
   */
  closing: { signature: number; date: number; tolerance: number };
  /** 版记 (抄送, 印发): 4号仿宋 (GB/T 9704 7.4). */
  distribution: FontSpec;
  pageNumber: FontSpec & {
    /** `— 1 —`: a 一字线 either side. */
    dashes: boolean;
    /** Odd pages right, even pages left (GB/T 9704 7.5); checked as a warning. */
    oddRightEvenLeft: boolean;
  };
}

export const FANGSONG = ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312', '仿宋_GB18030', '方正仿宋_GBK', '方正仿宋简体', '华文仿宋', 'STFangsong'];
export const HEITI = ['黑体', 'SimHei', '方正黑体_GBK', '方正黑体简体', '华文黑体', 'STHeiti'];
export const KAITI = ['楷体_GB2312', '楷体', 'KaiTi', 'KaiTi_GB2312', '方正楷体_GBK', '方正楷体简体', '华文楷体', 'STKaiti'];
export const XIAOBIAOSONG = ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋', '小标宋', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun'];
export const SONGTI = ['宋体', 'SimSun', '新宋体', 'NSimSun', '方正书宋_GBK', '方正书宋简体', 'Times New Roman'];

export const GB9704_LAYOUT: LayoutProfile = {
  paper: { width: 210, height: 297, tolerance: 1 },
  margins: { top: 37, bottom: 35, left: 28, right: 26, tolerance: 1 },
  title: { fonts: XIAOBIAOSONG, size: 22, align: 'center' },
  body: { fonts: FANGSONG, size: 16 },
  headings: [
    { fonts: HEITI, size: 16 },
    { fonts: KAITI, size: 16 },
    { fonts: FANGSONG, size: 16, bold: true },
    { fonts: FANGSONG, size: 16 },
  ],
  sizeTolerance: 0.25,
  // 225 mm of 版心 / 22 lines = 28.95 pt; 28–29.9 pt keeps 22 lines only down to 28.95, so lines per page is checked too.
  lineSpacing: { value: 28.95, tolerance: 0.95 },
  linesPerPage: { value: 22, tolerance: 0 },
  charsPerLine: { value: 28, tolerance: 0 },
  firstLineIndent: { value: 2, tolerance: 0.25 },
  closing: { signature: 2, date: 4, tolerance: 0.5 },
  distribution: { fonts: FANGSONG, size: 14 },
  pageNumber: { fonts: SONGTI, size: 14, dashes: true, oddRightEvenLeft: true },
};

export function defaultLayoutProfile(): LayoutProfile {
  return structuredClone(GB9704_LAYOUT);
}

/** A config's `layout:` over what applies so far: objects merge key by key, arrays and numbers replace. */
export function mergeLayout(base: LayoutProfile, over: DeepPartial<LayoutProfile> | undefined): LayoutProfile {
  if (!over) return base;
  return mergeDeep(base, over) as LayoutProfile;
}

export type DeepPartial<T> = T extends (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function mergeDeep(base: unknown, over: unknown): unknown {
  if (Array.isArray(over)) {
    // headings: a list of partial levels merges level by level.
    if (Array.isArray(base) && over.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      return base.map((b, i) => (i < over.length ? mergeDeep(b, over[i]) : b)).concat(over.slice(base.length));
    }
    return structuredClone(over);
  }
  if (over && typeof over === 'object' && base && typeof base === 'object' && !Array.isArray(base)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over)) out[k] = mergeDeep(out[k], v);
    return out;
  }
  return over === undefined ? base : over;
}

/** The JSON Schema of `layout:` in a config file: every key optional. */
export function layoutSchema(): Record<string, unknown> {
  const n = { type: 'number', exclusiveMinimum: 0 };
  const tol = { type: 'number', minimum: 0 };
  const tolerant = { type: 'object', additionalProperties: false, properties: { value: n, tolerance: tol } };
  const fonts = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } };
  const fontSpec = (extra: Record<string, unknown> = {}) => ({
    type: 'object',
    additionalProperties: false,
    properties: { fonts, size: n, bold: { enum: [true, false, 'required'] }, ...extra },
  });
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      paper: { type: 'object', additionalProperties: false, properties: { width: n, height: n, tolerance: tol } },
      margins: { type: 'object', additionalProperties: false, properties: { top: n, bottom: n, left: n, right: n, tolerance: tol } },
      title: fontSpec({ align: { enum: ['center', 'any'] } }),
      body: fontSpec(),
      headings: { type: 'array', maxItems: 4, items: fontSpec() },
      sizeTolerance: tol,
      lineSpacing: tolerant,
      linesPerPage: tolerant,
      charsPerLine: tolerant,
      firstLineIndent: tolerant,
      closing: { type: 'object', additionalProperties: false, properties: { signature: tol, date: tol, tolerance: tol } },
      distribution: fontSpec(),
      pageNumber: fontSpec({ dashes: { type: 'boolean' }, oddRightEvenLeft: { type: 'boolean' } }),
    },
  };
}
