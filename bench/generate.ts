/**
 * Synthetic reports for benchmarks: deterministic (seeded), about `bytes` of
 * UTF-8 each, with Markdown and marker headings, run-in headings, quotes and numbers.
 */

const PHRASES = [
  '坚持以习近平新时代中国特色社会主义思想为指导',
  '认真落实全面从严治党主体责任',
  '党委书记切实履行第一责任人职责',
  '班子成员认真落实“一岗双责”',
  '全年召开党委会专题研究党建工作',
  '深入开展“清廉机关”创建活动',
  '督促整改问题线索并建立台账',
  '持续深化作风建设，驰而不息纠治“四风”',
  '组织党员干部参加警示教育大会',
  '完善制度机制，形成长效管理',
  '基层党组织标准化规范化建设取得新进展',
  '对照问题清单逐项整改销号',
];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(PHRASES[Math.floor(r() * PHRASES.length)]);
  const count = 1 + Math.floor(r() * 90);
  return `${parts.join('，')}，全年累计${count}次，覆盖率达${(50 + r() * 49).toFixed(1)}%。`;
}

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 4);
  let s = '';
  for (let i = 0; i < n; i++) s += sentence(r);
  return s;
}

export function syntheticReport(seed: number, bytes = 15_000): string {
  const r = rng(seed);
  const markdownHeadings = seed % 2 === 0;
  const lines: string[] = [`# 中共第${seed}区委关于2025年度落实全面从严治党主体责任情况的报告`, '', '市委：', '', paragraph(r), ''];
  const titles = ['工作开展情况', '存在的问题', '下一步工作打算', '其他需要报告的事项'];
  let size = 0;
  for (let i = 0; i < titles.length; i++) {
    lines.push(markdownHeadings ? `## ${CN[i]}、${titles[i]}` : `${CN[i]}、${titles[i]}`, '');
    for (let j = 0; j < 6; j++) {
      if (r() < 0.5) lines.push(`（${CN[j]}）压实责任链条。${paragraph(r)}`, '');
      else lines.push(markdownHeadings ? `### （${CN[j]}）强化监督执纪` : `（${CN[j]}）强化监督执纪`, '', paragraph(r), '');
      for (let k = 1; k <= 2; k++) lines.push(`${k}.制定清单。${paragraph(r)}`, '');
      if (r() < 0.3) lines.push(`> ${sentence(r)}`, '');
      size = Buffer.byteLength(lines.join('\n'));
      if (size > bytes * ((i + 1) / titles.length)) break;
    }
  }
  lines.push('中共第' + seed + '区委', '2026年1月12日', '');
  return lines.join('\n');
}
