import { defineRule } from '../src/engine/rule.js';
import { inFamily, profileOf, sectionAnchor } from '../src/layout/roles.js';
import type { Alignment, FooterLayout } from '../src/layout/types.js';
import { sizeName } from '../src/layout/units.js';
import type { Locale } from '../src/types.js';

const REPORT = ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n');
const DASH = /[—－–-]$/u;
const DASH_START = /^[—－–-]/u;

const ALIGN: Record<Alignment, [string, string]> = {
  left: ['居左', 'on the left'],
  center: ['居中', 'centred'],
  right: ['居右', 'on the right'],
  both: ['居左', 'on the left'],
  distribute: ['分散', 'distributed'],
};

/** Page numbers in the footer: `— 1 —`, 4号 半角宋体, odd pages right and even pages left (GB/T 9704-2012 7.5). */
export default defineRule({
  id: 'layout-page-number',
  category: 'layout',
  severity: 'error',
  fixable: false,
  options: {},
  messages: {
    missing: {
      zh: '页脚中没有页码：应在页脚插入“— 1 —”式页码',
      en: 'The footer has no page number: insert one in the “— 1 —” style',
    },
    dashes: {
      zh: '页码两侧应各有一条一字线（“— 1 —”），实为“{found}”',
      en: 'The page number should have a dash (一字线) on either side (“— 1 —”); it is “{found}”',
    },
    size: {
      zh: '页码字号应为{expected}，实为{found}',
      en: 'The page number should be {expected}; it is {found}',
    },
    font: {
      zh: '页码应为半角宋体（{expected}），实为{found}',
      en: 'The page number should be in half-width 宋体 ({expected}); it is {found}',
    },
    oddEven: {
      zh: '页码应单页居右、双页居左，实为{found}',
      en: 'Page numbers should stand right on odd pages and left on even pages; they are {found}',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档页脚有“— 1 —”式页码，4号半角宋体，单页居右、双页居左',
      en: 'Word documents have “— 1 —” page numbers in the footer, 4号 half-width 宋体, odd pages right and even pages left',
    },
    why: {
      zh: 'GB/T 9704 规定：页码一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；单页码居右空一字，双页码居左空一字。没有页码、用“第1页”或“1/5”、页码居中，都不合规范。',
      en: 'GB/T 9704: page numbers are Arabic digits in 4号 half-width 宋体 below the type area, with a dash (一字线) on either side; odd page numbers stand one character from the right, even ones one character from the left. No page numbers, “第1页” or “1/5”, or centred numbers do not conform.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》7.5（页码）',
    details: {
      zh: '只检查 Word 文档（.docx）的页脚：须有 PAGE 域（复杂域或简单域）；域两侧的文字须以一字线（—，也接受－和-）收尾和开头；页码数字（PAGE 域结果）的字号和西文字体按 `layout.pageNumber`（默认四号、宋体族）判断。单双页位置（需在 Word 中勾选“奇偶页不同”）只作警告，可用 `layout.pageNumber.oddRightEvenLeft: false` 关闭。',
      en: 'Word documents (.docx) only, their footers: a PAGE field (complex or simple) must be there; the text around it must end and start with a dash (—, also － and -); the size and Latin font of the number (the field’s result) are judged against `layout.pageNumber` (4号, the 宋体 family). The odd/even placement (Word’s “different odd and even pages”) only warns, and `layout.pageNumber.oddRightEvenLeft: false` turns it off.',
    },
  },
  examples: [
    { valid: REPORT, layout: {} },
    { invalid: REPORT, layout: { footer: null }, expect: ['1:1 missing'] },
    {
      invalid: REPORT,
      layout: { footer: { text: '第#页', size: 10.5, font: 'Calibri' } },
      expect: ['1:1 dashes', '1:1 font', '1:1 size'],
    },
    {
      invalid: REPORT,
      layout: { footer: { align: 'center' }, evenAndOdd: false },
      note: { zh: '各页页码居中：只作警告。', en: 'Centred on every page: a warning only.' },
      expect: ['1:1 oddEven'],
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const profile = profileOf(context.settings).pageNumber;
    const locale = context.locale;
    const judged = new Set<string>();
    layout.sections.forEach((section, i) => {
      const at = sectionAnchor(report, layout, i);
      const shown = section.footers.filter((f) => f.type !== 'first' && (f.type === 'default' || layout.evenAndOddHeaders));
      const numbered = shown.filter((f) => f.pageField);
      if (!numbered.length) {
        if (!judged.has('missing')) context.report({ at, messageId: 'missing' });
        judged.add('missing');
        return;
      }
      // Odd and even footers usually share their faults: each fault is reported once.
      const once = (messageId: string, data: Record<string, string>) => {
        if (judged.has(messageId)) return;
        judged.add(messageId);
        context.report({ at, messageId, data });
      };
      for (const f of numbered) {
        const before = f.before.trim();
        const after = f.after.trim();
        if (profile.dashes && (!DASH.test(before) || !DASH_START.test(after))) once('dashes', { found: f.text.replace('#', '1') });
        if (f.asciiFont !== null && !inFamily(f.asciiFont, profile.fonts)) {
          once('font', { expected: profile.fonts.slice(0, 2).join(locale === 'zh' ? '、' : ', '), found: f.asciiFont });
        }
        if (f.halfPoints !== null && Math.abs(f.halfPoints / 2 - profile.size) > profileOf(context.settings).sizeTolerance) {
          once('size', { expected: sizeName(profile.size, locale), found: sizeName(f.halfPoints / 2, locale) });
        }
      }
      if (profile.oddRightEvenLeft && !judged.has('oddEven')) {
        const odd = numbered.find((f) => f.type === 'default');
        const even = layout.evenAndOddHeaders ? numbered.find((f) => f.type === 'even') : odd;
        if (!odd || !even || odd.align !== 'right' || even.align !== 'left') {
          judged.add('oddEven');
          context.report({ at, messageId: 'oddEven', warnOnly: true, data: { found: placement(odd, even, layout.evenAndOddHeaders, locale) } });
        }
      }
    });
  },
});

function placement(odd: FooterLayout | undefined, even: FooterLayout | undefined, split: boolean, locale: Locale): string {
  const name = (f: FooterLayout | undefined) => (f ? ALIGN[f.align][locale === 'zh' ? 0 : 1] : locale === 'zh' ? '无页码' : 'none');
  if (!split) return locale === 'zh' ? `各页${name(odd)}` : `${name(odd)} on every page`;
  return locale === 'zh' ? `单页${name(odd)}、双页${name(even)}` : `${name(odd)} on odd pages, ${name(even)} on even pages`;
}
