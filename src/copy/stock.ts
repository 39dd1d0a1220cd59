import type { TermEntry } from '../settings.js';
import { builtinTermsData, mergeTerms } from '../terms.js';
import { normalizeString, unitsToString } from './normalize.js';

/**
 * Stock phrases (套话、规范提法): formulations every report uses. Copying them is
 * not copying, so the characters of a run that fall inside one never count
 * towards the length threshold, and k-grams wholly inside one are not fingerprinted.
 *
 * The list is the built-in phrases below, the standard forms of the
 * canonical-terms dictionary (with their verb pairings, 增强四个意识…) and the
 * user's `terms:` and the rules' `extraStockPhrases`.
 */
export const BUILTIN_STOCK_PHRASES: readonly string[] = [
  // Openings and closings
  '现将有关情况报告如下',
  '现将有关工作情况报告如下',
  '现将具体情况报告如下',
  '现将主要情况报告如下',
  '现将履行全面从严治党主体责任情况报告如下',
  '特此报告',
  '以上报告，请审阅',
  '以上报告，如有不妥，请批评指正',
  // Guiding thought and the Party centre
  '坚持以习近平新时代中国特色社会主义思想为指导',
  '以习近平新时代中国特色社会主义思想为指导',
  '习近平新时代中国特色社会主义思想',
  '以习近平同志为核心的党中央',
  '全面贯彻党的二十大和二十届二中、三中全会精神',
  '全面贯彻落实党的二十大精神',
  '深入贯彻党的二十大精神',
  '党的二十大和二十届历次全会精神',
  '党的二十届三中全会精神',
  '深入学习贯彻习近平总书记重要讲话和重要指示批示精神',
  '深入学习贯彻习近平总书记重要讲话精神',
  '习近平总书记重要指示批示精神',
  '学习贯彻习近平总书记重要讲话和重要指示批示精神',
  '习近平总书记重要讲话和重要指示批示精神',
  '“第一议题”制度',
  '习近平总书记关于党的建设的重要思想',
  '习近平总书记关于全面从严治党的重要论述',
  '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '深刻领悟“两个确立”的决定性意义',
  '坚决拥护“两个确立”、坚决做到“两个维护”',
  // The responsibility itself
  '党委（党组）落实全面从严治党主体责任规定',
  '全面从严治党主体责任',
  '落实全面从严治党主体责任',
  '履行全面从严治党主体责任',
  '推动全面从严治党向纵深发展',
  '全面从严治党向纵深发展',
  '党风廉政建设和反腐败工作',
  '党风廉政建设责任制',
  '管党治党政治责任',
  '第一责任人职责',
  '第一责任人',
  '一岗双责',
  '三会一课',
  '中央八项规定及其实施细则精神',
  '中央八项规定精神',
  '形式主义、官僚主义、享乐主义和奢靡之风',
  '驰而不息纠治“四风”',
  '持之以恒正风肃纪',
  '一体推进不敢腐、不能腐、不想腐',
  '不敢腐、不能腐、不想腐',
  '风清气正的良好政治生态',
  '民主生活会',
  '组织生活会',
  '主题党日',
  '党纪学习教育',
  '以案为鉴、以案促改',
  '以案明纪、以案促改',
  '以案促改、以案促治',
  '受警醒、明底线、知敬畏',
  '拒腐防变',
  '不敢腐的震慑、不能腐的约束、不想腐的自觉',
  '红红脸、出出汗',
  '咬耳扯袖、红脸出汗',
  '监督执纪“四种形态”',
  '运用监督执纪“四种形态”',
  '为基层减负',
  // Section titles every report has
  '工作开展情况',
  '存在的问题',
  '存在的主要问题',
  '下一步工作打算',
  '下一步工作计划',
];

/**
 * Mandated formulas (规定表述) with variable parts, matched on normalised text
 * (punctuation and spaces already removed; SEP, code 0, never crossed). Every
 * unit is required to write them, in the words of the centre or of the notice:
 * the guiding thought with the 精神 it goes on to name, 两个确立/两个维护 and the
 * 四个意识 chain, 中央八项规定精神, and the opening 现将……报告如下 with the
 * 根据/按照……要求 that leads into it. Quantifiers are bounded, so matching stays linear.
 */
export const BUILTIN_STOCK_PATTERNS: readonly RegExp[] = [
  // 坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大……精神，全面贯彻……精神
  /(?:坚持)?以习近平新时代中国特色社会主义思想为指导(?:[^\0]{0,4}?贯彻(?:落实)?[^\0]{0,30}?精神){0,3}/gu,
  // 深入学习贯彻党的二十大精神, 认真贯彻落实习近平总书记重要讲话和重要指示批示精神
  /(?:全面|深入|认真)?(?:学习)?贯彻(?:落实)?(?:习近平总书记|党的(?:十九|二十)|二十届|中央纪委)[^\0]{0,30}?精神/gu,
  // 深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”
  /(?:(?:深刻领悟|深刻把握|坚决拥护)两个确立(?:的决定性意义)?|(?:增强|树牢)四个意识|坚定四个自信|(?:坚决)?做到两个维护)+/gu,
  // 严格落实中央八项规定及其实施细则精神
  /(?:严格|认真|坚决|锲而不舍|持之以恒)?(?:落实|贯彻|执行|遵守)?中央八项规定(?:及其实施细则)?精神/gu,
  // 按照市委……《关于……的通知》要求，现将有关情况报告如下
  /(?:(?:根据|按照)[^\0]{0,60}?(?:要求|部署|安排))?现将[^\0]{0,40}?(?:报告|汇报)如下/gu,
];

/** Finds stock phrases in normalised text: one map lookup per position. */
export class StockMatcher {
  /** The last texts looked at and what was found: the copy rules ask about the same report's units in turn. */
  private readonly found = new WeakMap<Uint16Array, Int32Array>();

  private readonly byPrefix = new Map<number, Uint16Array[]>();
  /** Units that start some phrase: a cheap test before the map lookup. */
  private readonly starts = new Uint8Array(65536);
  readonly size: number;

  private readonly patterns: readonly RegExp[];

  constructor(phrases: Iterable<string>, patterns: readonly RegExp[] = []) {
    this.patterns = patterns;
    const seen = new Set<string>();
    for (const phrase of phrases) {
      const norm = normalizeString(phrase);
      if (norm.length < 2 || seen.has(norm)) continue;
      seen.add(norm);
      const units = Uint16Array.from(norm, (c) => c.charCodeAt(0));
      const key = (units[0] << 16) | units[1];
      this.starts[units[0]] = 1;
      const list = this.byPrefix.get(key);
      if (list) list.push(units);
      else this.byPrefix.set(key, [units]);
    }
    this.size = seen.size;
  }

  /** Merged intervals [start, end) of stock phrases in `units`, as a flat array (computed once per array). */
  find(units: Uint16Array): Int32Array {
    let out = this.found.get(units);
    if (!out) this.found.set(units, (out = this.search(units)));
    return out;
  }

  private search(units: Uint16Array): Int32Array {
    const out: number[] = [];
    const n = units.length;
    const starts = this.starts;
    for (let i = 0; i + 1 < n; i++) {
      if (!starts[units[i]]) continue;
      const list = this.byPrefix.get((units[i] << 16) | units[i + 1]);
      if (!list) continue;
      let best = 0;
      for (const phrase of list) {
        const len = phrase.length;
        if (len <= best || i + len > n) continue;
        let j = 2;
        while (j < len && units[i + j] === phrase[j]) j++;
        if (j === len) best = len;
      }
      if (!best) continue;
      const end = i + best;
      const last = out.length - 1;
      if (last > 0 && out[last] >= i) out[last] = Math.max(out[last], end);
      else out.push(i, end);
    }
    if (!this.patterns.length) return Int32Array.from(out);
    return mergeFlat(out, this.formulas(units));
  }

  /** Intervals of the mandated formulas, as a flat array. */
  private formulas(units: Uint16Array): number[] {
    const text = unitsToString(units);
    const out: number[] = [];
    for (const pattern of this.patterns) {
      for (const m of text.matchAll(pattern)) if (m[0].length >= 2) out.push(m.index, m.index + m[0].length);
    }
    return out;
  }
}

/** Two flat interval lists merged into one sorted, merged flat list. */
function mergeFlat(a: readonly number[], b: readonly number[]): Int32Array {
  const pairs: Array<[number, number]> = [];
  for (const list of [a, b]) for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return Int32Array.from(out);
}

const cache = new Map<string, StockMatcher>();

/** The matcher for the user's terms and extra phrases (built-in ones always included); cached. */
export function stockMatcher(terms: readonly TermEntry[] = [], extra: readonly string[] = []): StockMatcher {
  const key = terms.length || extra.length ? JSON.stringify([terms.map((t) => t.correct), extra]) : '';
  let m = cache.get(key);
  if (!m) {
    const data = builtinTermsData();
    const phrases = [
      ...BUILTIN_STOCK_PHRASES,
      ...mergeTerms(data.terms, terms).map((t) => t.correct),
      ...data.verbs.map((v) => v.verb + v.term),
      ...extra,
    ];
    m = new StockMatcher(phrases, BUILTIN_STOCK_PATTERNS);
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(key, m);
  }
  return m;
}

/** How many units of [start, end) fall inside the merged intervals `stock`. */
export function stockOverlap(stock: Int32Array, start: number, end: number): number {
  // First interval that ends after `start`.
  let lo = 0;
  let hi = stock.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stock[mid * 2 + 1] <= start) lo = mid + 1;
    else hi = mid;
  }
  let count = 0;
  for (let i = lo * 2; i < stock.length && stock[i] < end; i += 2) {
    count += Math.min(end, stock[i + 1]) - Math.max(start, stock[i]);
  }
  return count;
}
