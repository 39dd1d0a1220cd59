import { K, NO_HASH, reportKgramHashes } from '../src/copy/fingerprint.js';
import { normalizedReport, SEP, sourceSpan } from '../src/copy/normalize.js';
import { stockMatcher, stockOverlap } from '../src/copy/stock.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'repeated-passage',
  category: 'copy',
  severity: 'warn',
  fixable: false,
  options: {
    minChars: {
      default: 20,
      schema: { type: 'integer', minimum: K },
      description: {
        zh: '重复片段的最短长度（去掉标点、空格和编号后的字数）。',
        en: 'The shortest repeated run reported, in characters once punctuation, spaces and numbering are removed.',
      },
    },
  },
  messages: {
    repeated: {
      zh: '与第{line}行的文字重复（{chars}字）：同一内容在报告中出现两次',
      en: 'Repeats the text on line {line} ({chars} characters): the same passage appears twice in the report',
    },
  },
  docs: {
    summary: {
      zh: '同一句话或同一段落在报告中重复出现',
      en: 'The same sentence or paragraph twice in one report',
    },
    why: {
      zh: '同一段话在报告中出现两次，多是拼凑材料时复制粘贴留下的，说明报告未经统稿，是审阅中常见的“错漏”。',
      en: 'A passage that appears twice in a report is usually left over from pasting pieces together; it shows the report was never edited as a whole, a common slip (错漏).',
    },
    details: {
      zh: '与 no-checklist-copy、no-cross-copy 使用同样的规范化（去掉标点、空格、编号，全角转半角）和 8 字指纹：报告中后出现的一段与前文相同且至少 minChars 字（默认 20）时，在后一处报告并指出前一处的行号。常用套话和规范提法（习近平新时代中国特色社会主义思想等）不计入长度。标题、主送机关、署名和日期不检查。',
      en: 'Uses the normalisation of no-checklist-copy and no-cross-copy (punctuation, spaces and numbering removed, full width folded) and their 8-character fingerprints: a later run that equals earlier text for at least minChars characters (default 20) is reported where it repeats, naming the line of the first. Stock phrases and standard formulations (习近平新时代中国特色社会主义思想 …) do not count towards the length. Title, addressee, signature and date are not checked.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '坚持以习近平新时代中国特色社会主义思想为指导，召开常委会12次。',
        '坚持以习近平新时代中国特色社会主义思想为指导，开展专项督查4轮。',
      ].join('\n'),
    },
    {
      invalid: [
        '关于2024年度工作情况的报告',
        '区委常委会先后12次专题研究全面从严治党工作，推动责任落实落细。',
        '开展专项督查4轮。',
        '区委常委会先后12次专题研究全面从严治党工作，推动责任落实落细。',
      ].join('\n'),
      expect: ['4:1 repeated'],
    },
  ],
  check(report, context) {
    const doc = normalizedReport(report);
    const { units, offsets } = doc;
    const stock = stockMatcher(context.settings.terms).find(units);
    const hashes = reportKgramHashes(units, stock);
    const min = context.options.minChars;
    const first = firstOccurrences(hashes);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      if (h === NO_HASH) continue;
      const p = first[i];
      if (p === i) continue;
      // Extend the match forward while the units agree, within a paragraph and without overlapping.
      let len = 0;
      while (i + len < units.length && p + len < i && units[i + len] !== SEP && units[i + len] === units[p + len]) len++;
      if (len < min) continue;
      // Extend backwards too, so the finding starts where the repetition does.
      let back = 0;
      while (p - back - 1 >= 0 && units[i - back - 1] !== SEP && units[i - back - 1] === units[p - back - 1]) back++;
      const start = i - back;
      // Stock phrases inside the run do not count towards its length: 深入学习贯彻 + the name of the thought is not a repeated passage.
      if (i + len - start - stockOverlap(stock, start, i + len) < min) continue;
      const span = sourceSpan(offsets, start, i + len);
      context.report({
        at: span,
        messageId: 'repeated',
        data: { line: report.lines.position(offsets[p - back]).line, chars: len + back },
      });
      i += len - 1;
    }
  },
});

/**
 * For each k-gram, the position of the first k-gram with the same hash (itself
 * when it is the first), in one pass over an open-addressing table: linear, so
 * that a 5 MB report with millions of k-grams stays fast, and without a Map's
 * cost per entry. NO_HASH positions are left as they are.
 */
function firstOccurrences(hashes: Uint32Array): Uint32Array {
  const n = hashes.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  // The table is kept between reports (cleared, not reallocated), and read through signed views:
  // the hashes stay small integers in optimised code. NO_HASH reads as -1.
  if (tableAt.length < size) {
    tableKeys = new Int32Array(size);
    tableAt = new Int32Array(size);
  }
  const keys = tableKeys;
  const at = tableAt.fill(-1, 0, size);
  const signed = new Int32Array(hashes.buffer, hashes.byteOffset, n);
  const first = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = signed[i];
    if (h === -1) continue;
    // The hashes are already mixed (fmix32): their low bits make a good slot.
    let slot = h & mask;
    while (at[slot] !== -1 && keys[slot] !== h) slot = (slot + 1) & mask;
    if (at[slot] === -1) {
      keys[slot] = h;
      at[slot] = i;
      first[i] = i;
    } else first[i] = at[slot];
  }
  return first;
}

let tableKeys = new Int32Array(0);
let tableAt = new Int32Array(0);
