import type { DocumentFormat, Span } from '../types.js';
import {
  endsWithGenre,
  genreOfTitle,
  isAppendixLabel,
  isAttachmentNoteHead,
  isAttachmentNoteItem,
  isCaption,
  isDistribution,
  isFrontMatter,
  isNote,
  isPageNumber,
  isPageNumberField,
  isSalutation,
  isTableRule,
  isTextTableRow,
  markerLineShape,
  opensNewsItem,
  titleBlockLine,
} from './anatomy.js';
import type { LineHint, LineHints } from './hints.js';
import { LineIndex } from './line-index.js';
import { MappedText, MappedTextBuilder } from './mapped-text.js';
import { matchMarker, type Marker } from './markers.js';
import type { ExcludedSpan, Paragraph, ParagraphKind, Report, Section } from './report.js';
import { markdownUnits, textUnits, type Unit } from './units.js';

/**
 * decode → parse → **report model**. The flat units of either format are
 * given their part of the document (anatomy.ts says what each part looks
 * like), then the body, and each document attached after the date, is built
 * into a section tree.
 */

const SENTENCE_END = /[。！？!?]/;
/** A date line, tolerant enough that date-format can still judge a bad one. */
export const DATE_LINE =
  /^[（(]?(?:[0-9０-９]{2,4}|[〇零○Ｏ一二三四五六七八九]{4}|[×xXＸ]{1,4})\s*(?:年\s*[0-9０-９一二三四五六七八九十×xXＸ]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十×xXＸ]{1,3}\s*日|[.．/-][0-9０-９]{1,2}[.．/-][0-9０-９]{1,2})[）)]?$/;
const SIGNATURE_SUFFIX = /(?:委员会|委|组|局|院|校|学|司|处|办|会|部|厅|室|所|队|站|中心|街道|公司|政府|办事处|支部|集团|厂|馆)$/;
const MAX_TITLE = 80;
const MAX_TITLE_LINE = 40;
const MAX_ADDRESSEE = 40;
const MAX_SIGNATURE = 40;
/** Lines of 版头 or of a web page that may stand before the title. */
const MAX_LEAD_LINES = 8;
/** Unrecognised short lines before a line that is certainly a title. */
const MAX_STRAY_LINES = 2;
/** How far from the end 版记 may start. */
const MAX_DISTRIBUTION_LINES = 8;

/** Kinds a reader's hint gives directly; these lines are not part of the body's flow. */
const HINT_KINDS: Partial<Record<NonNullable<LineHint['role']>, ParagraphKind>> = {
  'table-cell': 'table-cell',
  caption: 'caption',
  footnote: 'footnote',
  endnote: 'footnote',
  header: 'header-footer',
  footer: 'header-footer',
};

type Role = ParagraphKind | 'excluded' | null;

/** `hints` (plain text read from Word only): what the reader knows of each line. */
export function buildReport(text: string, format: DocumentFormat, hints?: LineHints): Report {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { units, excluded } = format === 'markdown' ? markdownUnits(source) : textUnits(source, hints);
  const report: Report = {
    source,
    format,
    lines: new LineIndex(source),
    genre: 'unknown',
    title: null,
    addressee: null,
    opening: [],
    sections: [],
    allSections: [],
    signature: [],
    date: null,
    paragraphs: [],
    appendices: [],
    excluded,
  };

  const markers = units.map((u) => (u.kind === 'md-heading' || u.kind === 'line' ? matchMarker(u.content.text) : null));
  const roles: Role[] = units.map((u, i) => presetRole(u, markers[i], format));
  for (let i = 0; i < units.length; i++) {
    if (roles[i] === 'excluded') {
      const span = units[i].content.span(0, units[i].content.length);
      excluded.push({ ...span, kind: units[i].hint?.role === 'toc' ? 'toc' : 'furniture' });
    }
  }
  excluded.sort((a, b) => a.start - b.start);

  // The flow: the units that are not tables, notes or furniture, in order. Parts are found on it.
  const flow = units.map((_, i) => i).filter((i) => roles[i] === null);
  const paragraphsOfUnit = new Map<number, Paragraph>();
  const make = (i: number, kind: ParagraphKind): Paragraph => {
    const p = makeParagraph(kind, units[i].content, units[i].quoted, units[i].hint);
    paragraphsOfUnit.set(i, p);
    return p;
  };

  // --- The title block ---
  let head = 0; // position in `flow`
  const titleAt = findTitle(units, markers, flow);
  for (; head < titleAt; head++) roles[flow[head]] = 'front-matter';
  if (titleAt < flow.length && titleAt !== -1 && isTitleLine(units[flow[titleAt]], markers[flow[titleAt]])) {
    const parts = [flow[titleAt]];
    head = titleAt + 1;
    // A title over two or three lines: join while the title so far names no kind of document.
    while (head < flow.length && parts.length < 3 && !endsWithGenre(joinedText(units, parts)) && continuesTitle(units, parts, flow, head, markers)) {
      parts.push(flow[head++]);
    }
    for (const i of parts) roles[i] = 'title';
    report.title = makeParagraph('title', concat(parts.map((i) => units[i].content)), units[parts[0]].quoted, units[parts[0]].hint);
    for (const i of parts) paragraphsOfUnit.set(i, report.title);
    report.genre = genreOfTitle(report.title.content.text);
  } else {
    head = Math.max(head, 0);
  }
  // Subtitle, byline, date under a speech's title; then a salutation or the addressee.
  const speech = report.genre === 'speech';
  for (let taken = 0; report.title && head < flow.length && taken < 4; taken++) {
    const u = units[flow[head]];
    if (u.kind !== 'line' && u.kind !== 'md-heading') break;
    if (markers[flow[head]]) break;
    const kind = titleBlockLine(u.content.text.trim(), speech);
    if (!kind) break;
    roles[flow[head++]] = kind;
    // `坚持严字当头　推动责任落地` / `——……情况的报告`: the subtitle names the kind.
    if (kind === 'subtitle' && report.genre === 'unknown') report.genre = genreOfTitle(u.content.text.trim().replace(/^[—–-]+/u, ''));
  }
  if (head < flow.length) {
    const i = flow[head];
    const u = units[i];
    if (u.kind === 'line' && !markers[i] && isSalutation(u.content.text)) {
      roles[i] = 'salutation';
      head++;
      if (report.genre === 'unknown') report.genre = 'speech';
    } else if (u.kind === 'line' && !markers[i] && looksLikeAddressee(u.content.text)) {
      roles[i] = 'addressee';
      head++;
    }
  }

  // --- The closing parts, from the end ---
  let tail = flow.length; // exclusive end of the main document in `flow`
  tail = markDistribution(units, flow, head, tail, roles);
  const appendixStarts: number[] = [];
  const mainEnd = findAppendices(units, flow, head, tail, markers, appendixStarts);
  const bodyEnd = markClosing(units, flow, head, mainEnd, markers, roles);

  // Each attached document: its label, its title, and its own closing parts.
  const appendixRanges = appendixStarts.map((start, n) => {
    const end = n + 1 < appendixStarts.length ? appendixStarts[n + 1] : tail;
    let from = start + 1;
    const hasTitle = from < end && isTitleLine(units[flow[from]], markers[flow[from]]);
    if (hasTitle) from++;
    const bodyTo = markClosing(units, flow, from, end, markers, roles);
    return { start, hasTitle, from, bodyTo };
  });

  // --- Paragraph objects for the parts found so far ---
  for (let k = 0; k < flow.length; k++) {
    const i = flow[k];
    const role = roles[i];
    if (role === null || role === 'title' || role === 'excluded') continue;
    const p = make(i, role);
    if (role === 'addressee') report.addressee = p;
    else if (role === 'signature' && k < mainEnd) report.signature.push(p);
    else if (role === 'date' && k < mainEnd) report.date = p;
  }

  // --- The body: sections ---
  const body = flow.slice(head, bodyEnd);
  if (report.genre === 'unknown' && body.length && opensNewsItem(units[body[0]].content.text)) report.genre = 'news';
  const tree = buildTree(units, markers, body, (i, p) => paragraphsOfUnit.set(i, p));
  report.sections = tree.sections;
  report.allSections = tree.allSections;
  report.opening = tree.opening;

  // --- Documents attached after the date ---
  appendixRanges.forEach(({ start, hasTitle, from, bodyTo }, n) => {
    const label = make(flow[start], 'appendix-label');
    const title = hasTitle ? make(flow[start + 1], 'appendix-title') : null;
    const own = flow.slice(from, bodyTo);
    const sub = buildTree(units, markers, own, (i, p) => paragraphsOfUnit.set(i, p), label.content.text.trim());
    report.appendices.push({ label, title, sections: sub.sections, allSections: sub.allSections });
    const next = n + 1 < appendixRanges.length ? appendixRanges[n + 1].start : tail;
    for (let k = start; k < next; k++) {
      const p = paragraphsOfUnit.get(flow[k]);
      if (p) p.appendix = n;
    }
  });

  // --- Everything else (tables, notes, headers) as paragraphs of the section they stand in ---
  for (let i = 0; i < units.length; i++) {
    const role = roles[i];
    if (paragraphsOfUnit.has(i) || role === 'excluded') continue;
    const kind: ParagraphKind = role ?? 'body';
    paragraphsOfUnit.set(i, makeParagraph(kind, units[i].content, units[i].quoted, units[i].hint));
  }
  attachOrphans(report, units, paragraphsOfUnit);

  for (const section of [...report.allSections, ...report.appendices.flatMap((a) => a.allSections)]) section.span = sectionSpan(section);

  const seen = new Set<Paragraph>();
  for (let i = 0; i < units.length; i++) {
    const p = paragraphsOfUnit.get(i);
    if (p && !seen.has(p)) {
      seen.add(p);
      report.paragraphs.push(p);
    }
  }
  return report;
}

/** What a unit is before its place is looked at: tables, notes and furniture say so themselves. */
function presetRole(u: Unit, marker: Marker | null, format: DocumentFormat): Role {
  const hinted = u.hint?.role;
  if (hinted === 'toc') return 'excluded';
  if ((hinted === 'header' || hinted === 'footer') && isPageNumberField(u.content.text.trim())) return 'excluded';
  if (hinted && HINT_KINDS[hinted]) return HINT_KINDS[hinted]!;
  if (u.kind === 'table-cell') return 'table-cell';
  if (u.kind !== 'line') return null;
  const text = u.content.text.trim();
  if (isPageNumber(text)) return 'excluded';
  if (marker) return null;
  if (format !== 'markdown' && isTableRule(text)) return 'excluded';
  if (format !== 'markdown' && isTextTableRow(text)) return 'table-cell';
  if (isCaption(text)) return 'caption';
  return null;
}

/**
 * Where the title is in the flow: the first line when it reads like one; else,
 * past 版头 lines and up to two stray lines (a web page's notice), a line
 * that names a kind of document. -1 when there is none.
 */
function findTitle(units: Unit[], markers: (Marker | null)[], flow: number[]): number {
  let k = 0;
  while (k < flow.length && k < MAX_LEAD_LINES && units[flow[k]].kind === 'line' && !markers[flow[k]] && isFrontMatter(units[flow[k]].content.text.trim())) k++;
  if (k >= flow.length) return -1;
  if (isTitleLine(units[flow[k]], markers[flow[k]])) return k;
  for (let skip = 1; skip <= MAX_STRAY_LINES && k + skip < flow.length; skip++) {
    const stray = units[flow[k + skip - 1]];
    if (stray.kind !== 'line' || SENTENCE_END.test(stray.content.text) || stray.content.text.length > MAX_TITLE_LINE) break;
    const candidate = units[flow[k + skip]];
    if (isTitleLine(candidate, markers[flow[k + skip]]) && (candidate.kind === 'md-heading' || endsWithGenre(candidate.content.text))) return k + skip;
  }
  return k;
}

function isTitleLine(unit: Unit | undefined, marker: Marker | null): boolean {
  if (!unit || marker) return false;
  if (unit.kind === 'md-heading') return true;
  if (unit.kind !== 'line') return false;
  const text = unit.content.text;
  return text.length <= MAX_TITLE && !/[。；;，,：:]/.test(text.slice(0, -1)) && !/[：:]$/.test(text);
}

/** Whether the unit at flow[k] carries on a title whose lines so far are `parts`. */
function continuesTitle(units: Unit[], parts: number[], flow: number[], k: number, markers: (Marker | null)[]): boolean {
  const i = flow[k];
  const u = units[i];
  const first = units[parts[0]];
  if (markers[i] || u.quoted !== first.quoted) return false;
  if (first.kind === 'md-heading' ? u.kind !== 'md-heading' || u.depth !== first.depth : u.kind !== 'line') return false;
  const text = u.content.text.trim();
  // Marks at the end are the title's fault for report-title to name, not a sign of prose.
  const core = text.replace(/[。；;，,：:！？!?、.]+$/u, '');
  if (!core || text.length > MAX_TITLE_LINE || /[。；;，,：:！？!?]/.test(core) || DATE_LINE.test(text) || isSalutation(text)) return false;
  if (titleBlockLine(text, false) || isFrontMatter(text)) return false;
  // The kind must arrive within three lines, or the lines are not one title.
  if (endsWithGenre(text)) return true;
  const after = flow[k + 1];
  return parts.length === 1 && after !== undefined && !markers[after] && units[after].kind === u.kind && endsWithGenre(units[after].content.text.trim()) && units[after].content.text.trim().length <= MAX_TITLE_LINE;
}

function joinedText(units: Unit[], parts: number[]): string {
  return parts.map((i) => units[i].content.text.trim()).join('');
}

/** 版记 at the end (抄送, ……印发): returns the new end of the main document in `flow`. */
function markDistribution(units: Unit[], flow: number[], head: number, tail: number, roles: Role[]): number {
  const from = Math.max(head, tail - MAX_DISTRIBUTION_LINES);
  let start = -1;
  for (let k = from; k < tail; k++) {
    const u = units[flow[k]];
    if (u.kind === 'line' && isDistribution(u.content.text.trim())) {
      start = k;
      break;
    }
  }
  if (start === -1) return tail;
  // Everything after the first 版记 line is 版记 too: a 抄送 list runs over lines.
  for (let k = start; k < tail; k++) {
    const u = units[flow[k]];
    if (u.kind !== 'line' || u.content.text.length > 120) return tail;
  }
  for (let k = start; k < tail; k++) roles[flow[k]] = 'distribution';
  return start;
}

/**
 * Documents attached after the date: `附件1` on a line of its own, after the
 * date of the document. Fills `starts` (positions in flow) and returns where the main document ends.
 */
function findAppendices(units: Unit[], flow: number[], head: number, tail: number, markers: (Marker | null)[], starts: number[]): number {
  let sawDate = false;
  for (let k = head; k < tail; k++) {
    const u = units[flow[k]];
    if (u.kind !== 'line' || markers[flow[k]]) continue;
    const text = u.content.text.trim();
    if (DATE_LINE.test(text)) sawDate = true;
    else if (sawDate && isAppendixLabel(text)) starts.push(k);
  }
  return starts.length ? starts[0] : tail;
}

/**
 * From the end of the main document backwards: 附注, 成文日期, 发文机关署名 and
 * 附件说明. Returns the end of the body (exclusive, in flow).
 */
function markClosing(units: Unit[], flow: number[], head: number, end: number, markers: (Marker | null)[], roles: Role[]): number {
  let last = end;
  const text = (k: number): string => units[flow[k]].content.text.trim();
  const plainLine = (k: number): boolean => units[flow[k]].kind === 'line' && !markers[flow[k]];
  // 附注 after the date (or after the body when there is no date).
  while (last > head && plainLine(last - 1) && isNote(text(last - 1))) roles[flow[--last]] = 'note';
  let hasDate = false;
  if (last > head && plainLine(last - 1) && DATE_LINE.test(text(last - 1))) {
    roles[flow[--last]] = 'date';
    hasDate = true;
  }
  for (let taken = 0; taken < 2 && last > head; taken++) {
    if (!plainLine(last - 1) || !looksLikeSignature(text(last - 1), hasDate) || isAttachmentNoteItem(text(last - 1))) break;
    roles[flow[--last]] = 'signature';
  }
  // 附注 may also stand between the body and the signature block in drafts.
  // 附件说明: `附件：1.……` and its `2.……` lines, just above the signature.
  let k = last;
  while (k > head && units[flow[k - 1]].kind === 'line' && isAttachmentNoteItem(text(k - 1)) && !isAttachmentNoteHead(text(k - 1))) k--;
  if (k > head && units[flow[k - 1]].kind === 'line' && isAttachmentNoteHead(text(k - 1))) {
    for (let j = k - 1; j < last; j++) roles[flow[j]] = 'attachment-note';
    last = k - 1;
  }
  return last;
}

interface Tree {
  sections: Section[];
  allSections: Section[];
  opening: Paragraph[];
}

/** Builds one section tree from body units (`body` are unit indices). `prefix` labels an appended document's paths. */
function buildTree(units: Unit[], markers: (Marker | null)[], body: number[], record: (i: number, p: Paragraph) => void, prefix?: string): Tree {
  const tree: Tree = { sections: [], allSections: [], opening: [] };
  const stack: Section[] = [];
  let pending: { first: number; indices: number[]; parts: MappedText[]; marker: Marker | null } | null = null;

  const attach = (p: Paragraph): void => {
    const parent = stack[stack.length - 1] ?? null;
    p.section = parent;
    // A standalone heading belongs to its section but is not one of its paragraphs.
    if (p.kind !== 'heading') (parent ? parent.paragraphs : tree.opening).push(p);
  };

  const open = (section: Section): void => {
    closeSectionsBefore(stack, section);
    const parent = stack[stack.length - 1] ?? null;
    section.parent = parent;
    // An unnumbered Markdown heading is one level below its parent.
    if (!section.marker) section.level = parent ? parent.level + 1 : 1;
    section.path = parent ? [...parent.path, section.label] : prefix ? [prefix, section.label] : [section.label];
    (parent ? parent.children : tree.sections).push(section);
    tree.allSections.push(section);
    stack.push(section);
  };

  const place = (i: number, content: MappedText, marker: Marker | null): Paragraph => {
    const unit = units[i];
    if (unit.kind === 'md-heading') {
      const p = makeParagraph('heading', content, unit.quoted, unit.hint);
      open(makeSection(p, content, marker, marker ? marker.level : 0, 'markdown', unit.depth!, content.length));
      attach(p);
      return p;
    }
    if (marker && !unit.quoted) {
      const rest = content.text.slice(marker.length);
      const leadEnd = unit.leadEnd !== undefined ? unit.leadEnd - marker.length : undefined;
      const shape = markerLineShape(rest, leadEnd);
      if (shape.kind === 'standalone') {
        const p = makeParagraph('heading', content, unit.quoted, unit.hint);
        open(makeSection(p, content, marker, marker.level, 'standalone', null, marker.length + shape.titleEnd));
        attach(p);
        return p;
      } else if (shape.kind === 'run-in') {
        const p = makeParagraph('body', content, unit.quoted, unit.hint);
        const section = makeSection(p, content, marker, marker.level, 'run-in', null, marker.length + shape.titleEnd);
        section.headingSpan = content.span(0, marker.length + shape.headingEnd);
        p.bodyStart = marker.length + shape.headingEnd;
        open(section);
        attach(p);
        return p;
      } else {
        // A numbered sentence: a place in the numbering, and body text of its own.
        const p = makeParagraph('body', content, unit.quoted, unit.hint);
        const section = makeSection(p, content, marker, marker.level, 'item', null, marker.length);
        section.title = '';
        section.label = marker.raw + excerpt(rest);
        section.headingSpan = content.span(0, marker.raw.length);
        p.bodyStart = marker.length;
        open(section);
        attach(p);
        return p;
      }
    }
    const kind: ParagraphKind = unit.kind === 'list-item' ? 'list-item' : unit.kind === 'table-cell' ? 'table-cell' : 'body';
    const p = makeParagraph(kind, content, unit.quoted, unit.hint);
    attach(p);
    return p;
  };

  const flush = (): void => {
    if (!pending) return;
    const content = pending.parts.length === 1 ? pending.parts[0] : concat(pending.parts);
    const p = place(pending.first, content, pending.marker);
    for (const i of pending.indices) record(i, p);
    pending = null;
  };

  for (const i of body) {
    const unit = units[i];
    const marker = markers[i];
    const continues =
      pending !== null &&
      unit.kind === 'line' &&
      !unit.startsBlock &&
      !marker &&
      units[pending.first].kind !== 'md-heading' &&
      !(pending.marker && pending.parts.length === 1 && markerLineShape(pending.parts[0].text.slice(pending.marker.length)).kind === 'standalone');
    if (continues) {
      pending!.parts.push(unit.content);
      pending!.indices.push(i);
      continue;
    }
    flush();
    pending = { first: i, indices: [i], parts: [unit.content], marker };
  }
  flush();
  return tree;
}

/** A paragraph outside the flow (a table cell, a caption, a footnote) joins the section it stands in. */
function attachOrphans(report: Report, units: Unit[], paragraphs: Map<number, Paragraph>): void {
  let current: Section | null = null;
  let appendix: number | undefined;
  for (let i = 0; i < units.length; i++) {
    const p = paragraphs.get(i);
    if (!p) continue;
    if (p.appendix !== undefined) appendix = p.appendix;
    if (p.kind === 'heading' || p.heads) {
      current = p.heads ?? p.section;
      continue;
    }
    if (p.kind === 'body' || p.kind === 'list-item') {
      current = p.section;
      continue;
    }
    if (p.kind === 'table-cell' || p.kind === 'caption') {
      if (appendix !== undefined) p.appendix = appendix;
      p.section = current;
      if (current) current.paragraphs.push(p);
      else if (appendix === undefined) report.opening.push(p);
    }
    if (p.kind === 'signature' || p.kind === 'date' || p.kind === 'distribution' || p.kind === 'attachment-note') current = null;
  }
  // Paragraphs are pushed in flow order; table cells join later: keep each section's paragraphs in document order.
  for (const s of [...report.allSections, ...report.appendices.flatMap((a) => a.allSections)]) s.paragraphs.sort((a, b) => a.span.start - b.span.start);
  report.opening.sort((a, b) => a.span.start - b.span.start);
}

/** The start of a numbered sentence, to label its section in paths. */
function excerpt(rest: string): string {
  const text = rest.trim();
  return text.length <= 12 ? text : `${text.slice(0, 12)}…`;
}

/**
 * Pops the open sections that `next` closes. Numbering markers decide between
 * numbered sections (a `（二）` closes everything from the outermost open `（…）`
 * or deeper marker down); Markdown depth decides between `#` headings; a `#`
 * heading also closes the marker sections that are only paragraphs.
 */
function closeSectionsBefore(stack: Section[], next: Section): void {
  if (next.marker) {
    const level = next.marker.level;
    const i = stack.findIndex((s) => s.marker !== null && s.marker.level >= level);
    if (i !== -1) stack.length = i;
  }
  if (next.depth !== null) {
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.marker && next.marker) break; // the markers have spoken
      if (top.depth === null || top.depth >= next.depth) stack.pop();
      else break;
    }
  }
}

/** `市委：` or `市委、市政府：`, not a lead-in such as `主要做法如下：`. */
function looksLikeAddressee(text: string): boolean {
  return text.length <= MAX_ADDRESSEE && /[：:]$/.test(text) && !SENTENCE_END.test(text) && !/如下|以下|下面|主要|具体|情况/.test(text) && !isSalutation(text);
}

function looksLikeSignature(text: string, hasDate: boolean): boolean {
  if (text.length > MAX_SIGNATURE || /[。！？；;，,：:、.!?]$/.test(text) || SENTENCE_END.test(text)) return false;
  // A closing formula is part of the body, even when its 。 is missing.
  if (/^(?:特此|此致|专此|以上)/.test(text)) return false;
  return hasDate || SIGNATURE_SUFFIX.test(text);
}

function makeParagraph(kind: Paragraph['kind'], content: MappedText, quoted: boolean, hint?: LineHint): Paragraph {
  const p: Paragraph = { kind, span: content.span(0, content.length), content, section: null, quoted };
  if (hint) p.hint = hint;
  return p;
}

function makeSection(
  p: Paragraph,
  content: MappedText,
  marker: Marker | null,
  level: number,
  style: Section['style'],
  depth: number | null,
  titleEnd: number,
): Section {
  const titleStart = marker ? marker.length : 0;
  const title = content.text.slice(titleStart, titleEnd).trim();
  const section: Section = {
    marker,
    markerSpan: marker ? content.span(0, marker.raw.length) : null,
    level,
    depth,
    style,
    title,
    titleSpan: content.span(titleStart, Math.max(titleStart, titleEnd)),
    headingSpan: content.span(0, Math.max(titleEnd, 1)),
    label: (marker ? marker.raw : '') + title,
    path: [],
    span: p.span,
    headingParagraph: p,
    paragraphs: [],
    children: [],
    parent: null,
  };
  p.heads = section;
  return section;
}

function sectionSpan(section: Section): Span {
  let end = section.headingSpan.end;
  const own = section.paragraphs[section.paragraphs.length - 1];
  if (own) end = Math.max(end, own.span.end);
  const lastChild = section.children[section.children.length - 1];
  if (lastChild) end = Math.max(end, sectionSpan(lastChild).end);
  return { start: section.headingSpan.start, end };
}

function concat(parts: MappedText[]): MappedText {
  if (parts.length === 1) return parts[0];
  const b = new MappedTextBuilder();
  for (const part of parts) part.appendTo(b);
  return b.build(parts[parts.length - 1].offsetAt(parts[parts.length - 1].length));
}

export type { ExcludedSpan };
