import { defineRule } from '../src/engine/rule.js';
import { fontSpec, HAN, inFamily, profileOf, roleName, roleSegments, segmentRuns, segmentSpan, styleLabel, type RoleSegment } from '../src/layout/roles.js';
import { sizeName } from '../src/layout/units.js';

const REPORT = ['中共青山区委关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '2024年，区委认真履行主体责任。现将有关情况报告如下。', '一、工作开展情况', '（一）压实责任链条。区委常委会先后12次专题研究全面从严治党工作。', '中共青山区委', '2025年1月15日'].join('\n');

/** Type face and size of the title, each heading level and the body (GB/T 9704-2012 7.2–7.3). */
export default defineRule({
  id: 'layout-fonts',
  category: 'layout',
  severity: 'error',
  fixable: false,
  options: {},
  messages: {
    font: {
      zh: '{role}字体应为{expected}，实为{found}',
      en: 'The {role} should be set in {expected}; it is {found}',
    },
    size: {
      zh: '{role}字号应为{expected}，实为{found}',
      en: 'The {role} should be {expected}; it is {found}',
    },
    styleFont: {
      zh: '“{style}”样式的{role}字体应为{expected}，实为{found}，共{count}段',
      en: 'The {role} in the style “{style}” should be set in {expected}; it is {found}, in {count} paragraphs',
    },
    styleSize: {
      zh: '“{style}”样式的{role}字号应为{expected}，实为{found}，共{count}段',
      en: 'The {role} in the style “{style}” should be {expected}; it is {found}, in {count} paragraphs',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档的标题用2号小标宋体，一级标题黑体、二级标题楷体、三四级标题和正文仿宋，正文3号',
      en: 'Word documents: title in 2号 小标宋, level-1 headings in 黑体, level-2 in 楷体, levels 3–4 and the body in 仿宋 3号',
    },
    why: {
      zh: 'GB/T 9704 规定：标题一般用2号小标宋体字，正文用3号仿宋体字；结构层次序数第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字。字体字号混用（如正文用宋体小四、标题用黑体）是审阅中最常见的格式差错。',
      en: 'GB/T 9704 sets the title in 2号 小标宋 and the body in 3号 仿宋; of the heading levels, the first is 黑体, the second 楷体, the third and fourth 仿宋. Mixed faces and sizes (a body in 宋体 小四, a title in 黑体) are the format faults reviewers find most.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》5.2.3（字体和字号）、7.3.1（标题）、7.3.3（正文）',
    details: {
      zh: '只检查 Word 文档（.docx）。每段取实际生效的格式：文档默认值、样式及其基准样式、字符样式、直接格式，中文字体取“东亚文字字体”（w:eastAsia，主题字体经主题解析）；只对含汉字的文字判断字体，只对非空白文字判断字号。标题层级取报告模型：“（一）压实责任链条。区委……”这样的段中标题，句号前按二级标题判断，其后按正文判断。表格、列表、引文不检查。每段每项至多报告一次。字体族和字号取配置的 `layout`：`title`、`body`、`headings`（四级），字号容差 `sizeTolerance`（默认0.25磅）；默认字体族包括常见替代字体，如仿宋_GB2312、仿宋、FangSong。字体或字号来自段落样式（文字本身没有直接设置）时，按样式、层级和实际值合并为一处报告，放在第一段，并说明共几段。主送机关、署名、日期、附件说明、附注按正文判断；版记按 `layout.distribution`（默认4号仿宋，字号不符只作警告）；表题（惯例多用黑体等）、版头、副标题、附件标识和附件标题不检查。',
      en: 'Word documents (.docx) only. Each paragraph’s effective formatting is read: document defaults, the style and what it is based on, character styles, direct formatting; the Chinese face is the East Asian font (w:eastAsia, theme fonts resolved through the theme). Faces are judged on text with Chinese characters, sizes on any visible text. Heading levels come from the report model: in a run-in heading such as “（一）压实责任链条。区委……” the words up to the 。 are judged as a level-2 heading and the rest as body. Tables, lists and quotations are not checked. At most one finding per paragraph and property. Families and sizes come from `layout` in the config (`title`, `body`, four `headings`), the size tolerance from `sizeTolerance` (0.25 pt); the default families include the usual substitutes, e.g. 仿宋_GB2312, 仿宋, FangSong. A face or size that comes from the paragraph style (nothing set on the text itself) is reported once per style, level and value, at the first paragraph, with how many share it. Addressee, signature, date, attachment note and notes are judged as body text; the distribution lines against `layout.distribution` (4号 仿宋; a different size only warns); captions (often 黑体 by convention), the header block, subtitles, attachment labels and titles are not judged.',
    },
  },
  examples: [
    { valid: REPORT, layout: {} },
    {
      invalid: REPORT,
      layout: { lines: { 3: { font: '宋体', size: 12 } } },
      note: { zh: 'Word 默认的宋体小四。', en: 'Word’s default 宋体 小四.' },
      expect: ['3:1 font', '3:1 size'],
    },
    {
      invalid: REPORT,
      layout: { lines: { 1: { font: '黑体' }, 4: { font: '仿宋_GB2312' } } },
      expect: ['1:1 font', '4:1 font'],
    },
    {
      invalid: REPORT,
      layout: { lines: { 5: { font: '仿宋_GB2312' } } },
      note: { zh: '段中标题“（一）压实责任链条。”应用楷体，其后的正文用仿宋。', en: 'The run-in heading “（一）压实责任链条。” should be in 楷体, the body after it in 仿宋.' },
      expect: ['5:1 font'],
    },
    {
      invalid: REPORT,
      layout: { lines: Object.fromEntries([3, 6, 7].map((n) => [n, { font: '宋体', size: 12, style: 'Normal' }])) },
      note: { zh: '“正文”样式用了宋体小四：每项一处报告，说明共几段。', en: 'The Normal style is 宋体 小四: one finding per property, naming how many paragraphs share it.' },
      expect: ['3:1 styleFont', '3:1 styleSize'],
    },
    {
      valid: REPORT,
      layout: { lines: { 5: { font: '仿宋', head: { length: 10, font: 'KaiTi' } } } },
      note: { zh: '常见替代字体（仿宋、KaiTi）同样接受。', en: 'The usual substitutes (仿宋, KaiTi) are accepted.' },
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const profile = profileOf(context.settings);
    const locale = context.locale;
    const notSet = locale === 'zh' ? '未指定字体' : 'no font set';
    // A value the paragraph's style gives (no direct formatting on the run): one finding per style, role and value.
    const groups = new Map<string, { seg: RoleSegment; messageId: 'font' | 'size'; data: Record<string, string>; count: number }>();
    // GB/T 9704 7.4 sets the 版记 in 4号 only "一般" (as a rule): a different size warns.
    const warnOnly = (seg: RoleSegment, messageId: 'font' | 'size') => seg.role === 'distribution' && messageId === 'size';
    const report_ = (seg: RoleSegment, messageId: 'font' | 'size', data: Record<string, string>, fromStyle: boolean) => {
      const key = fromStyle ? `${seg.word.styleId ?? ''}\0${seg.role}\0${messageId}\0${data.found}` : `own\0${groups.size}`;
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { seg, messageId, data, count: 1 });
    };
    for (const seg of roleSegments(report, layout)) {
      // Captions keep the author's face (GB/T 9704 sets none); the header block and the like are not judged.
      if (seg.role === 'caption' || seg.role === 'other') continue;
      const spec = fontSpec(profile, seg.role);
      const runs = segmentRuns(seg);
      const role = roleName(seg.role, locale);
      const base = seg.word.base;
      const wrongFont = runs.find(({ run, text }) => HAN.test(text) && !inFamily(run.eastAsiaFont, spec.fonts));
      if (wrongFont) {
        const data = { role, expected: spec.fonts.slice(0, 3).join(locale === 'zh' ? '、' : ', '), found: wrongFont.run.eastAsiaFont ?? notSet };
        report_(seg, 'font', data, runs.every(({ run }) => run.eastAsiaFont === base.eastAsiaFont));
      }
      const wrongSize = runs.find(({ run }) => Math.abs(run.halfPoints / 2 - spec.size) > profile.sizeTolerance);
      if (wrongSize) {
        const data = { role, expected: sizeName(spec.size, locale), found: sizeName(wrongSize.run.halfPoints / 2, locale) };
        report_(seg, 'size', data, runs.every(({ run }) => run.halfPoints === base.halfPoints));
      }
    }
    for (const { seg, messageId, data, count } of groups.values()) {
      if (count === 1) context.report({ at: segmentSpan(seg), messageId, data, warnOnly: warnOnly(seg, messageId) });
      else context.report({ at: segmentSpan(seg), messageId: messageId === 'font' ? 'styleFont' : 'styleSize', data: { ...data, style: styleLabel(seg.word.styleName, locale), count: String(count) }, warnOnly: warnOnly(seg, messageId) });
    }
  },
});
