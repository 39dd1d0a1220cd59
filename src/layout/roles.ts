import type { Paragraph, Report } from '../model/report.js';
import type { Span } from '../types.js';
import { DOCUMENT_PART } from './document.js';
import { defaultLayoutProfile, type FontSpec, type LayoutProfile } from './profile.js';
import type { DocumentLayout, ParagraphLayout, RunLayout, SectionLayout } from './types.js';

/**
 * What the layout rules share: which Word paragraph a model paragraph is
 * (through `hint.source`), and which part of it is a heading of which level,
 * the title, or body text.
 */

/**
 * `body` is text set like the body (3号仿宋 on the grid): prose, addressee, signature, date,
 * 附件说明 and 附注. `caption` (表题, centred by convention) and `distribution` (版记, 4号)
 * have layouts of their own; `other` (版头, subtitle, byline, an attachment's label and
 * title) is not judged.
 */
export type Role = 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'body' | 'caption' | 'distribution' | 'other';

/** Kinds with no GB/T 9704 body layout of their own that the layout rules could hold them to. */
const OTHER_KINDS: ReadonlySet<Paragraph['kind']> = new Set(['front-matter', 'subtitle', 'byline', 'salutation', 'appendix-label', 'appendix-title', 'footnote', 'header-footer']);

/** A stretch of one model paragraph in one role: `from`/`to` index the model paragraph's text. */
export interface RoleSegment {
  role: Role;
  paragraph: Paragraph;
  word: ParagraphLayout;
  from: number;
  to: number;
  /** Characters at the start of the model text that Word draws (numbering), not in the XML. */
  prefix: number;
}

const GB9704 = defaultLayoutProfile();

export function profileOf(settings: { layout?: LayoutProfile }): LayoutProfile {
  return settings.layout ?? GB9704;
}

/** The Word paragraph behind a model paragraph, when the reader said where it came from. */
export function wordParagraph(layout: DocumentLayout, p: Paragraph): ParagraphLayout | null {
  const source = p.hint?.source;
  if (!source || source.part !== DOCUMENT_PART) return null;
  return layout.paragraphs[source.index] ?? null;
}

/**
 * The roles of the report's paragraphs: the title, standalone headings by
 * level, a run-in heading's first sentence as a heading and the rest as body,
 * and body text (opening, addressee, signature and date included). Table
 * cells, list items and quotations are not judged.
 */
export function* roleSegments(report: Report, layout: DocumentLayout): Generator<RoleSegment> {
  for (const p of report.paragraphs) {
    if (p.quoted || p.kind === 'table-cell' || p.kind === 'list-item') continue;
    const word = wordParagraph(layout, p);
    if (!word || word.inTable) continue;
    const prefix = p.hint?.source?.prefix ?? 0;
    const end = p.content.text.length;
    if (p.kind === 'title') {
      yield { role: 'title', paragraph: p, word, from: 0, to: end, prefix };
    } else if (p.kind === 'caption' || p.kind === 'distribution') {
      yield { role: p.kind, paragraph: p, word, from: 0, to: end, prefix };
    } else if (OTHER_KINDS.has(p.kind)) {
      yield { role: 'other', paragraph: p, word, from: 0, to: end, prefix };
    } else if (p.heads && p.kind === 'heading') {
      yield { role: headingRole(p.heads.level), paragraph: p, word, from: 0, to: end, prefix };
    } else if (p.heads && p.bodyStart !== undefined) {
      yield { role: headingRole(p.heads.level), paragraph: p, word, from: 0, to: p.bodyStart, prefix };
      if (p.bodyStart < end) yield { role: 'body', paragraph: p, word, from: p.bodyStart, to: end, prefix };
    } else {
      yield { role: 'body', paragraph: p, word, from: 0, to: end, prefix };
    }
  }
}

function headingRole(level: number): Role {
  return level <= 1 ? 'heading1' : level === 2 ? 'heading2' : level === 3 ? 'heading3' : 'heading4';
}

export function fontSpec(profile: LayoutProfile, role: Role): FontSpec {
  if (role === 'title') return profile.title;
  if (role === 'distribution') return profile.distribution ?? profile.body;
  if (role === 'body' || role === 'caption' || role === 'other') return profile.body;
  const level = Number(role.slice(-1)) - 1;
  return profile.headings[Math.min(level, profile.headings.length - 1)] ?? profile.body;
}

/** The runs of a segment that carry visible (non-space) text, with their text. */
export function segmentRuns(seg: RoleSegment): { run: RunLayout; text: string }[] {
  const from = Math.max(0, seg.from - seg.prefix);
  const to = Math.max(0, seg.to - seg.prefix);
  const out: { run: RunLayout; text: string }[] = [];
  for (const run of seg.word.runs) {
    const a = Math.max(run.start, from);
    const b = Math.min(run.end, to);
    if (a >= b) continue;
    const text = seg.word.text.slice(a, b);
    if (text.trim()) out.push({ run, text });
  }
  return out;
}

/** The span of a segment in the report source, for a finding. */
export function segmentSpan(seg: RoleSegment): Span {
  return seg.paragraph.content.span(seg.from, Math.max(seg.from, seg.to));
}

/** Font names compare without case, spaces or a trailing `_GB2312`-style variant mark being significant. */
export function inFamily(font: string | null, fonts: readonly string[]): boolean {
  if (!font) return false;
  const key = (f: string) => f.replace(/\s+/g, '').toLowerCase();
  const k = key(font);
  return fonts.some((f) => key(f) === k);
}

export const HAN = /\p{Script=Han}/u;

/** Body paragraphs of a section, for section-wide values (line pitch, characters). */
export function sectionOf(layout: DocumentLayout, word: ParagraphLayout): SectionLayout | null {
  return layout.sections[word.section] ?? null;
}

/** A span to hang a document-wide finding on: the first paragraph of the section, else the start. */
export function sectionAnchor(report: Report, layout: DocumentLayout, section: number): Span | Paragraph {
  for (const p of report.paragraphs) {
    const w = wordParagraph(layout, p);
    if (w && w.section >= section) return p;
  }
  return report.title ?? report.paragraphs[0] ?? { start: 0, end: 0 };
}

export function roleName(role: Role, locale: 'zh' | 'en'): string {
  const zh: Record<Role, string> = { title: '标题', heading1: '一级标题', heading2: '二级标题', heading3: '三级标题', heading4: '四级标题', body: '正文', caption: '表题', distribution: '版记', other: '其他' };
  const en: Record<Role, string> = { title: 'title', heading1: 'level-1 heading', heading2: 'level-2 heading', heading3: 'level-3 heading', heading4: 'level-4 heading', body: 'body text', caption: 'caption', distribution: 'distribution lines', other: 'other' };
  return (locale === 'zh' ? zh : en)[role];
}

/** Word's built-in names as its Chinese interface shows them (Normal is 正文). */
export function styleLabel(name: string | null, locale: 'zh' | 'en'): string {
  if (name === null) return locale === 'zh' ? '默认段落' : 'document default';
  if (locale === 'en') return name;
  if (/^normal$/i.test(name)) return '正文';
  const heading = /^heading (\d)$/i.exec(name);
  return heading ? `标题 ${heading[1]}` : name;
}
