import { W_NS } from './visible-text.js';

/**
 * Word's automatic numbering (`word/numbering.xml`), computed the way Word
 * draws it: each `w:num` points to an abstract definition whose levels give a
 * number format (`chineseCounting`, `decimal` …), a text (`%1、`, `（%2）`) and a
 * start. Lists that share an abstract definition share their counters, as in
 * Word, unless a `w:num` restarts a level with `w:startOverride`.
 */

export interface LevelDef {
  format: string;
  text: string;
  start: number;
  /** `w:lvlRestart`: the level (1-based) after which this one restarts; 0 = never. Default: any shallower level. */
  restart: number | null;
  /** `w:isLgl`: every level's number shown in decimal. */
  legal: boolean;
  /** `w:suff`: what follows the number (tab by default). */
  suffix: 'tab' | 'space' | 'nothing';
  /** `w:pStyle`: the paragraph style this level is tied to. */
  style: string | null;
}

interface NumDef {
  abstractId: string;
  /** Level → start override, and whether it has been applied. */
  overrides: Map<number, number>;
  /** Level → replacement level definition (`w:lvlOverride/w:lvl`). */
  levels: Map<number, LevelDef>;
}

export interface DrawnNumber {
  /** The marker as Word draws it, e.g. `（一）`, with a space for a space suffix. Empty for a bullet. */
  marker: string;
  /** 0-based list level. */
  level: number;
  format: string;
}

function wAttr(e: Element, name: string): string | null {
  const v = e.getAttributeNS(W_NS, name);
  return v || e.getAttribute(`w:${name}`) || null;
}

function child(e: Element, name: string): Element | null {
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === W_NS) return c as Element;
  }
  return null;
}

function children(e: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === W_NS) out.push(c as Element);
  }
  return out;
}

function valOf(e: Element | null, name: string): string | null {
  const c = e ? child(e, name) : null;
  return c ? wAttr(c, 'val') : null;
}

function readLevel(lvl: Element): LevelDef {
  const restart = valOf(lvl, 'lvlRestart');
  const suff = valOf(lvl, 'suff');
  const legal = child(lvl, 'isLgl');
  return {
    format: valOf(lvl, 'numFmt') ?? 'decimal',
    text: valOf(lvl, 'lvlText') ?? '',
    start: Number(valOf(lvl, 'start') ?? 1) || 0,
    restart: restart === null ? null : Number(restart) || 0,
    legal: legal !== null && wAttr(legal, 'val') !== '0' && wAttr(legal, 'val') !== 'false',
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
    style: valOf(lvl, 'pStyle'),
  };
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, LevelDef>>();
  private readonly nums = new Map<string, NumDef>();
  /** Counters per abstract definition: level → last number drawn. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** `w:num`s whose start overrides have been applied. */
  private readonly overridden = new Set<string>();

  /**
   * `mergeIdentical`: lists whose abstract definitions draw the same numbers
   * share their counters. LibreOffice writes a list it converted from .doc as
   * several abstract definitions with identical levels and shows them as one
   * list; a converted document is read the way LibreOffice shows it.
   */
  constructor(root: Document | null, private readonly mergeIdentical = false) {
    const top = root?.documentElement;
    if (!top) return;
    for (const a of children(top, 'abstractNum')) {
      const id = wAttr(a, 'abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of children(a, 'lvl')) levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), readLevel(lvl));
      this.abstracts.set(id, levels);
      // A definition may only point to a style's list (`w:numStyleLink`); resolved below.
      const link = valOf(a, 'numStyleLink');
      if (link && !levels.size) this.styleLinks.set(id, link);
    }
    for (const n of children(top, 'num')) {
      const id = wAttr(n, 'numId');
      const abstractId = valOf(n, 'abstractNumId');
      if (id === null || abstractId === null) continue;
      const def: NumDef = { abstractId, overrides: new Map(), levels: new Map() };
      for (const o of children(n, 'lvlOverride')) {
        const level = Number(wAttr(o, 'ilvl') ?? 0);
        const start = valOf(o, 'startOverride');
        if (start !== null) def.overrides.set(level, Number(start) || 0);
        const lvl = child(o, 'lvl');
        if (lvl) def.levels.set(level, readLevel(lvl));
      }
      this.nums.set(id, def);
    }
  }

  private readonly styleLinks = new Map<string, string>();

  /** Resolves `w:numStyleLink` through the numbering style's own `w:numId` (given by the styles). */
  resolveStyleLinks(numIdOfStyle: (styleId: string) => string | null): void {
    for (const [abstractId, style] of this.styleLinks) {
      const numId = numIdOfStyle(style);
      const target = numId ? this.nums.get(numId) : undefined;
      const levels = target ? this.abstracts.get(target.abstractId) : undefined;
      if (levels) this.abstracts.set(abstractId, levels);
    }
  }

  /** The level of an abstract definition tied to a paragraph style (`w:pStyle` in a level). */
  levelForStyle(numId: string, styleId: string): number | null {
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    if (!levels) return null;
    for (const [level, def] of levels) if (def.style === styleId) return level;
    return null;
  }

  private signature(abstractId: string): string {
    const levels = this.abstracts.get(abstractId);
    if (!levels) return abstractId;
    return JSON.stringify([...levels].sort((a, b) => a[0] - b[0]).map(([l, d]) => [l, d.format, d.text, d.start]));
  }

  private levelDef(num: NumDef, level: number): LevelDef | null {
    return num.levels.get(level) ?? this.abstracts.get(num.abstractId)?.get(level) ?? null;
  }

  /**
   * Counts one numbered paragraph and returns what Word draws in front of it,
   * or null when the list or level is not defined (Word draws nothing then).
   */
  next(numId: string, level: number): DrawnNumber | null {
    const num = this.nums.get(numId);
    if (!num) return null;
    const def = this.levelDef(num, level);
    if (!def) return null;
    const key = this.mergeIdentical ? this.signature(num.abstractId) : num.abstractId;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = []));
    if (!this.overridden.has(numId)) {
      this.overridden.add(numId);
      // "Restart numbering": the first paragraph of this list starts the overridden levels afresh.
      for (const [l, start] of num.overrides) counts[l] = start - 1;
    }
    const start = def.start;
    const previous = counts[level];
    counts[level] = previous === undefined ? start : previous + 1;
    // Deeper levels restart after this one (unless their lvlRestart says otherwise).
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const d = this.levelDef(num, deeper);
      if (!d || d.restart === null || (d.restart !== 0 && level + 1 <= d.restart)) counts[deeper] = undefined;
    }
    if (def.format === 'bullet') return { marker: '', level, format: 'bullet' };
    let marker = def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const ld = this.levelDef(num, l);
      const n = counts[l] ?? ld?.start ?? 1;
      const format = def.legal && l < level ? 'decimal' : (ld?.format ?? 'decimal');
      return formatNumber(n, format);
    });
    if (def.format === 'none') marker = def.text.replace(/%[1-9]/g, '');
    // A tab or space after a bare number (“一”, “1”) stands where the punctuation should be.
    if (marker && def.suffix !== 'nothing' && !/[\p{P}\p{S}\s]$/u.test(marker)) marker += ' ';
    return { marker, level, format: def.format };
  }
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TIANGAN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const DIZHI = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/** 1 … 9999 in Chinese counting (一、十、十一、一百零五); `legal` uses 壹贰叁. */
function chineseCounting(n: number, legal = false, thousand = false): string {
  const digits = legal ? CN_LEGAL : CN;
  const units = legal ? ['', '拾', '佰', '仟'] : ['', '十', '百', '千'];
  if (n <= 0 || n > 9999) return String(n);
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    // 10–19 read 十, 十一 (not 一十) in plain counting, also in chineseCountingThousand below 20.
    if (!(d === 1 && unit === units[1] && i === 0 && !legal && (!thousand || s.length === 2))) out += digits[d];
    out += unit;
  }
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: a … z, aa … zz.
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

/** One number in a Word number format. Unknown formats fall back to decimal, as Word does. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseDigitalTenThousand':
      return chineseCounting(n, false, true);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/[0-9]/g, (d) => (d === '0' ? '〇' : CN[Number(d)]));
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIANGAN[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? DIZHI[n - 1] : String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(0x3220 + n - 1) : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}
