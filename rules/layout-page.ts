import { defineRule } from '../src/engine/rule.js';
import { profileOf, sectionAnchor } from '../src/layout/roles.js';
import { mm, twipsToMm } from '../src/layout/units.js';

/** Paper and margins of each section of a Word document (GB/T 9704-2012 5.2, 5.3). */
export default defineRule({
  id: 'layout-page',
  category: 'layout',
  severity: 'error',
  fixable: false,
  options: {},
  messages: {
    paper: {
      zh: '纸张应为A4（{expected}），实为{found}',
      en: 'The paper should be A4 ({expected}); it is {found}',
    },
    margin: {
      zh: '{side}边距应为{expected}，实为{found}',
      en: 'The {side} margin should be {expected}; it is {found}',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档的纸张为A4，页边距为上37、下35、左28、右26毫米（版心156×225毫米）',
      en: 'Word documents use A4 paper and margins of 37 (top), 35 (bottom), 28 (left) and 26 mm (right): a 156 × 225 mm type area',
    },
    why: {
      zh: 'GB/T 9704 规定公文用A4纸，版心156毫米×225毫米，天头37毫米、订口28毫米。页边距不对，每页行数、每行字数和装订位置都随之走样，是审阅中最常见的“格式错误”之一。',
      en: 'GB/T 9704 prescribes A4 paper and a 156 × 225 mm type area with a 37 mm head and a 28 mm binding margin. Wrong margins change the lines per page, the characters per line and the binding edge, one of the “format errors” reviewers see most.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》5.2.1（幅面尺寸）、5.2.2（版面）',
    details: {
      zh: '只检查 Word 文档（.docx），逐节检查页面设置；Markdown 和纯文本没有版式，不报告。纸张和页边距的标准值及容差（默认±1毫米）取配置文件的 `layout.paper`、`layout.margins`，如某些省份的左右边距27/27毫米可在配置中改。横向纸张报告为纸张不符。',
      en: 'Word documents (.docx) only, section by section; Markdown and plain text have no layout and get nothing. The values and their tolerance (±1 mm by default) come from `layout.paper` and `layout.margins` in the config, so a province’s 27/27 mm left and right margins are a config change. A landscape page is reported as the wrong paper.',
    },
  },
  examples: [
    { valid: ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n'), layout: {} },
    {
      valid: ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n'),
      layout: { page: { top: 37.5, left: 27.2 } },
      note: { zh: '±1毫米以内不报告。', en: 'Within ±1 mm nothing is reported.' },
    },
    {
      invalid: ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n'),
      layout: { page: { width: 215.9, height: 279.4 } },
      expect: ['1:1 paper'],
    },
    {
      invalid: ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n'),
      layout: { page: { top: 25.4, bottom: 25.4, left: 31.8, right: 31.8 } },
      note: { zh: 'Word 默认的“普通”页边距。', en: 'Word’s default “Normal” margins.' },
      expect: ['1:1 margin', '1:1 margin', '1:1 margin', '1:1 margin'],
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const profile = profileOf(context.settings);
    const zh = context.locale === 'zh';
    layout.sections.forEach((section, i) => {
      const at = sectionAnchor(report, layout, i);
      const { paper, margins } = profile;
      if (section.pageWidth !== null && section.pageHeight !== null) {
        const w = twipsToMm(section.pageWidth);
        const h = twipsToMm(section.pageHeight);
        if (Math.abs(w - paper.width) > paper.tolerance || Math.abs(h - paper.height) > paper.tolerance) {
          const size = (a: number, b: number) => (zh ? `${mm(a, 'zh')}×${mm(b, 'zh')}` : `${mm(a, 'en')} × ${mm(b, 'en')}`);
          context.report({ at, messageId: 'paper', data: { expected: size(paper.width, paper.height), found: size(w, h) } });
        }
      }
      const sides = [
        ['top', '上', 'top'],
        ['bottom', '下', 'bottom'],
        ['left', '左', 'left'],
        ['right', '右', 'right'],
      ] as const;
      for (const [key, sideZh, sideEn] of sides) {
        const value = section.margins[key];
        if (value === null) continue;
        const found = twipsToMm(value);
        if (Math.abs(found - margins[key]) > margins.tolerance) {
          context.report({
            at,
            messageId: 'margin',
            data: { side: zh ? sideZh : sideEn, expected: mm(margins[key], context.locale), found: mm(found, context.locale) },
          });
        }
      }
    });
  },
});
