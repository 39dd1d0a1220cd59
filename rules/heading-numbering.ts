import { defineRule } from '../src/engine/rule.js';
import { FAMILY_LEVEL, markerText, type Marker, type MarkerFamily } from '../src/model/markers.js';
import { everySection, sectionTrees, type Section } from '../src/model/report.js';

/** The family one level below each family: 一、 → （一） → 1. → （1）. */
const FAMILY_BELOW: Record<MarkerFamily, MarkerFamily | null> = {
  cn: 'cn-paren',
  'cn-paren': 'arabic',
  arabic: 'arabic-paren',
  'arabic-paren': null,
};

type Numbered = Section & { marker: Marker; markerSpan: NonNullable<Section['markerSpan']> };

function isNumbered(section: Section): section is Numbered {
  return section.marker !== null && section.markerSpan !== null;
}

export default defineRule({
  id: 'heading-numbering',
  category: 'format',
  severity: 'error',
  fixable: false,
  options: {
    allowSkippedLevel: {
      default: false,
      schema: { type: 'boolean' },
      description: {
        zh: '允许跳级使用序号（如“一、”下直接用“1.”），不再提示。',
        en: 'Allow a level to be skipped (e.g. “1.” straight under “一、”) without a warning.',
      },
    },
  },
  messages: {
    firstNumber: {
      zh: '本级序号应从头编起：期望“{expected}”，实际为“{actual}”',
      en: 'Numbering should start again at this level: expected “{expected}”, found “{actual}”',
    },
    numberGap: {
      zh: '序号不连续：期望“{expected}”，实际为“{actual}”',
      en: 'Numbering has a gap: expected “{expected}”, found “{actual}”',
    },
    numberRepeat: {
      zh: '序号重复：期望“{expected}”，实际为“{actual}”',
      en: 'Number repeated: expected “{expected}”, found “{actual}”',
    },
    numberOrder: {
      zh: '序号顺序颠倒：期望“{expected}”，实际为“{actual}”',
      en: 'Number out of order: expected “{expected}”, found “{actual}”',
    },
    mixedFamily: {
      zh: '同级序号样式不一致：期望“{expected}”，实际为“{actual}”',
      en: 'Marker style differs at this level: expected “{expected}”, found “{actual}”',
    },
    skippedLevel: {
      zh: '标题层级跳跃：“{parent}”之下期望“{expected}”，实际为“{actual}”',
      en: 'Heading level skipped: under “{parent}” expected “{expected}”, found “{actual}”',
    },
  },
  docs: {
    summary: {
      zh: '标题序号按“一、→（一）→1.→（1）”逐级使用，各级从 1 连续编号',
      en: 'Heading markers go 一、 → （一） → 1. → （1） and each level counts 1, 2, 3 … without gaps or repeats',
    },
    why: {
      zh: '结构层次序数是公文格式的硬性要求。序号跳号、重号、同级混用不同样式，或者越级使用序号，会让审阅者误判层次关系，也是材料“不严谨”“未经认真核对”的直接表现。',
      en: 'The numbering of structural levels is a fixed part of the official document format. Skipped or repeated numbers, mixed marker styles at one level, or a level left out make the hierarchy hard to follow and show the report was not checked with care.',
    },
    standard: 'GB/T 9704-2012 §7.3.3（结构层次序数）',
    details: {
      zh: '对报告的标题树逐级检查：同一上级下的各个编号标题须从 1 开始连续编号，换了上级重新编号；同级须用同一种序号样式，并与所处层次相符（“一、”之下用“（一）”，“（一）”之下用“1.”，“1.”之下用“（1）”），不符者按“同级样式不一致”报告。越级使用序号（如“一、”下直接用“1.”）只作警告，可用 allowSkippedLevel 关闭；最高一级用什么序号不作要求，全文只用“1.”“2.”分层也不报。没有序号的 Markdown 标题（如“## 附件”）不参与同级计数，但其下的编号标题照常检查。序号的标点写法（“一.”“(一)”）由 heading-punctuation 检查，本规则把“一.”当作“一、”计数。',
      en: 'Walks the report’s heading tree: the numbered headings under one parent must count 1, 2, 3 … and start again under a new parent; one level uses one marker style, and that style must fit the level’s place (（一） under 一、, 1. under （一）, （1） under 1.), otherwise it is reported as a style mismatch. A level left out (1. straight under 一、) is only a warning, and allowSkippedLevel turns it off; the top level may use any style, so a report numbered only 1., 2., 3. is fine. Markdown headings without a marker (“## 附件”) are not counted as siblings, but the numbered headings under them are checked. The marker’s punctuation (一. or (一)) is heading-punctuation’s job: here 一. counts as number one of the 一、 style.',
    },
  },
  examples: [
    {
      valid:
        '一、工作开展情况\n（一）压实责任链条。区委常委会先后12次研究全面从严治党工作。\n1.制定责任清单。明确责任事项56项。\n2.开展述责述廉。组织26名区管单位负责人述责述廉。\n（二）加强作风建设。区纪委监委开展专项监督8次。\n二、存在的问题\n（一）责任传导不够到位。个别单位压力传导层层递减。',
      note: { zh: '纯文本，段首标题与正文同段。', en: 'Plain text with run-in headings.' },
    },
    {
      format: 'markdown',
      valid:
        '# 中共青山区委关于2023年度落实全面从严治党主体责任情况的报告\n\n## 一、工作开展情况\n\n### （一）压实责任链条\n\n区委常委会先后12次研究部署全面从严治党工作。\n\n### （二）加强作风建设\n\n区纪委监委开展专项监督8次。\n\n## 二、存在的问题\n\n### （一）责任传导不够到位\n\n个别单位压力传导层层递减。\n',
    },
    {
      valid: '1.制定责任清单。明确责任事项56项。\n2.开展述责述廉。组织26名区管单位负责人述责述廉。\n3.强化日常监督。开展专项监督8次。',
      note: { zh: '最高一级直接用“1.”不算跳级。', en: 'A top level numbered 1., 2., 3. skips nothing.' },
    },
    {
      format: 'markdown',
      valid: '## 工作开展情况\n\n（一）压实责任。区委常委会先后12次研究部署。\n\n（二）强化监督。开展专项监督8次。\n\n## 存在的问题\n\n（一）责任传导不够到位。个别单位压力传导层层递减。\n',
      note: { zh: '无序号的标题下重新编号。', en: 'Numbering restarts under each unnumbered heading.' },
    },
    {
      valid: '一、工作开展情况\n1.制定责任清单。明确责任事项56项。\n2.开展述责述廉。组织26名区管单位负责人述责述廉。',
      options: { allowSkippedLevel: true },
    },
    {
      invalid: '一、工作开展情况\n二、存在的问题\n四、下一步工作打算',
      expect: ['3:1 numberGap'],
    },
    {
      invalid: '一、工作开展情况\n（一）压实责任。区委常委会先后12次研究部署。\n（一）强化监督。开展专项监督8次。\n（二）严明纪律。查处违纪问题15起。',
      expect: ['3:1 numberRepeat'],
    },
    {
      invalid:
        '一、工作开展情况\n（一）压实责任。区委常委会先后12次研究部署。\n（二）强化监督。开展专项监督8次。\n二、存在的问题\n（三）责任传导不够到位。个别单位压力传导层层递减。',
      expect: ['5:1 firstNumber'],
      note: { zh: '换了上级，（一）重新编起。', en: 'Under a new parent the count starts again at （一）.' },
    },
    {
      invalid: '一.工作开展情况\n三、存在的问题\n二、下一步工作打算',
      expect: ['2:1 numberGap', '3:1 numberOrder'],
      note: { zh: '“一.”的标点由 heading-punctuation 检查，这里按“一、”计数。', en: '一.’s punctuation is heading-punctuation’s job; here it counts as 一、.' },
    },
    {
      invalid: '1.制定责任清单。明确责任事项56项。\n2.开展述责述廉。组织26名区管单位负责人述责述廉。\n三、强化日常监督。开展专项监督8次。',
      expect: ['3:1 mixedFamily'],
    },
    {
      invalid: '一、工作开展情况\n1.压实责任。区委常委会先后12次研究部署。\n2.强化监督。开展专项监督8次。\n（三）严明纪律。查处违纪问题15起。',
      expect: ['2:1 mixedFamily', '3:1 mixedFamily'],
      note: { zh: '“一、”之下应用“（一）”。', en: 'Under 一、 the level is （一）.' },
    },
    {
      invalid: '一、工作开展情况\n1.压实责任。区委常委会先后12次研究部署。\n2.强化监督。开展专项监督8次。',
      expect: ['2:1 skippedLevel'],
      note: { zh: '跳级只作警告。', en: 'A skipped level is a warning.' },
    },
    {
      format: 'markdown',
      invalid: '## 一、工作开展情况\n\n### （一）压实责任链条\n\n（1）制定责任清单。明确责任事项56项。\n\n### （三）加强作风建设\n\n区纪委监委开展专项监督8次。\n',
      expect: ['5:1 skippedLevel', '7:5 numberGap'],
    },
  ],
  check(report, context) {
    const { allowSkippedLevel } = context.options;

    /** Checks the numbered sections directly under one parent (null: the top level). */
    const checkGroup = (parent: Section | null, children: Section[]): void => {
      const numbered = children.filter(isNumbered);
      if (numbered.length === 0) return;
      // The family this level should use: the one below the parent's, when some sibling uses it;
      // otherwise whatever the first sibling uses (the top level may start with any family).
      const parentFamily = parent?.marker?.family ?? null;
      const fitting = parentFamily ? FAMILY_BELOW[parentFamily] : null;
      const family = fitting && numbered.some((s) => s.marker.family === fitting) ? fitting : numbered[0].marker.family;

      let previous: number | null = null;
      let skipReported = false;
      for (const section of numbered) {
        const { marker } = section;
        const expected: number = previous === null ? 1 : previous + 1;
        if (marker.family !== family) {
          context.report({
            at: section.markerSpan,
            messageId: 'mixedFamily',
            data: { expected: markerText(family, expected), actual: marker.raw },
          });
          previous = expected;
          continue;
        }
        if (marker.number !== expected) {
          const messageId =
            previous === null
              ? 'firstNumber'
              : marker.number === previous
                ? 'numberRepeat'
                : marker.number > expected
                  ? 'numberGap'
                  : 'numberOrder';
          context.report({
            at: section.markerSpan,
            messageId,
            data: { expected: markerText(family, expected), actual: marker.raw },
          });
        }
        previous = marker.number;
        // A level left out between a numbered parent and this section: once per group.
        if (fitting && parent?.marker && !allowSkippedLevel && !skipReported && FAMILY_LEVEL[family] > FAMILY_LEVEL[fitting]) {
          skipReported = true;
          context.report({
            at: section.markerSpan,
            messageId: 'skippedLevel',
            warnOnly: true,
            data: { parent: parent.marker.raw, expected: markerText(fitting, marker.number), actual: marker.raw },
          });
        }
      }
    };

    // The report, and each document attached after its date, number on their own.
    for (const tree of sectionTrees(report)) checkGroup(null, tree);
    for (const section of everySection(report)) checkGroup(section, section.children);
  },
});
