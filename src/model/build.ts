import type { DocumentFormat, Span } from '../types.js';
import type { LineHint, LineHints } from './hints.js';
import { LineIndex } from './line-index.js';
import { MappedText, MappedTextBuilder } from './mapped-text.js';
import { matchMarker, type Marker } from './markers.js';
import type { Paragraph, Report, Section } from './report.js';
import { markdownUnits, textUnits, type Unit } from './units.js';

/**
 * decode → parse → **report model**. Turns the flat units of either format
 * into the title/addressee/sections/signature/date structure of rules.md.
 */

const SENTENCE_END = /[。！？!?]/;
/** A date line, tolerant enough that date-format can still judge a bad one. */
export const DATE_LINE =
  /^[（(]?(?:[0-9０-９]{2,4}|[〇零○Ｏ一二三四五六七八九]{4}|[×xXＸ]{1,4})\s*(?:年\s*[0-9０-９一二三四五六七八九十×xXＸ]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十×xXＸ]{1,3}\s*日|[.．/-][0-9０-９]{1,2}[.．/-][0-9０-９]{1,2})[）)]?$/;
const SIGNATURE_SUFFIX = /(?:委员会|委|组|局|院|校|学|司|处|办|会|部|厅|室|所|队|站|中心|街道|公司|政府|办事处|支部|集团|厂|馆)$/;
const MAX_TITLE = 80;
const MAX_ADDRESSEE = 40;
const MAX_SIGNATURE = 40;
const MAX_STANDALONE_TITLE = 40;

/** `hints` (plain text read from Word only): what the reader knows of each line. */
export function buildReport(text: string, format: DocumentFormat, hints?: LineHints): Report {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { units, excluded } = format === 'markdown' ? markdownUnits(source) : textUnits(source, hints);
  const report: Report = {
    source,
    format,
    lines: new LineIndex(source),
    title: null,
    addressee: null,
    opening: [],
    sections: [],
    allSections: [],
    signature: [],
    date: null,
    paragraphs: [],
    excluded,
  };

  const markers = units.map((u) => (u.kind === 'md-heading' || u.kind === 'line' ? markerOf(u) : null));
  let first = 0;
  let last = units.length; // exclusive

  // Title: the first line, when it is a heading or reads like one.
  const top = units[0];
  if (top && !markers[0] && looksLikeTitle(top)) {
    report.title = makeParagraph('title', top.content, top.quoted, top.hint);
    first = 1;
  }
  const next = units[first];
  if (next && next.kind === 'line' && !markers[first] && looksLikeAddressee(next.content.text)) {
    report.addressee = makeParagraph('addressee', next.content, next.quoted, next.hint);
    first++;
  }

  // Date and signature: the last lines.
  const tail: Paragraph[] = [];
  if (last > first && units[last - 1].kind === 'line' && DATE_LINE.test(units[last - 1].content.text)) {
    report.date = makeParagraph('date', units[last - 1].content, units[last - 1].quoted, units[last - 1].hint);
    last--;
  }
  for (let taken = 0; taken < 2 && last > first; taken++) {
    const u = units[last - 1];
    if (u.kind !== 'line' || markers[last - 1] || !looksLikeSignature(u.content.text, report.date !== null)) break;
    tail.unshift(makeParagraph('signature', u.content, u.quoted, u.hint));
    last--;
  }
  report.signature = tail;

  // Body: merge continuation lines into logical paragraphs, then build the tree.
  const stack: Section[] = [];
  let pending: { unit: Unit; parts: MappedText[]; marker: Marker | null } | null = null;

  const flush = (): void => {
    if (!pending) return;
    const content = pending.parts.length === 1 ? pending.parts[0] : concat(pending.parts);
    place(pending.unit, content, pending.marker);
    pending = null;
  };

  // A standalone heading belongs to its section but is not one of its paragraphs.
  const attach = (p: Paragraph): void => {
    const parent = stack[stack.length - 1] ?? null;
    p.section = parent;
    if (p.kind !== 'heading') (parent ? parent.paragraphs : report.opening).push(p);
    report.paragraphs.push(p);
  };

  const open = (section: Section): void => {
    closeSectionsBefore(stack, section);
    const parent = stack[stack.length - 1] ?? null;
    section.parent = parent;
    // An unnumbered Markdown heading is one level below its parent.
    if (!section.marker) section.level = parent ? parent.level + 1 : 1;
    section.path = parent ? [...parent.path, section.label] : [section.label];
    (parent ? parent.children : report.sections).push(section);
    report.allSections.push(section);
    stack.push(section);
  };

  const place = (unit: Unit, content: MappedText, marker: Marker | null): void => {
    if (unit.kind === 'md-heading') {
      const level = marker ? marker.level : 0; // set by open()
      const p = makeParagraph('heading', content, unit.quoted, unit.hint);
      const section = makeSection(p, content, marker, level, 'markdown', unit.depth!, content.length);
      open(section);
      attach(p);
      return;
    }
    if (marker && !unit.quoted) {
      const rest = content.text.slice(marker.length);
      const runIn = runInEnd(rest);
      if (runIn === null) {
        const p = makeParagraph('heading', content, unit.quoted, unit.hint);
        const core = rest.replace(/[。，：；、,.:;]+$/, '');
        open(makeSection(p, content, marker, marker.level, 'standalone', null, marker.length + core.length));
        attach(p);
      } else {
        const p = makeParagraph('body', content, unit.quoted, unit.hint);
        const section = makeSection(p, content, marker, marker.level, 'run-in', null, marker.length + runIn.titleEnd);
        section.headingSpan = content.span(0, marker.length + runIn.headingEnd);
        p.bodyStart = marker.length + runIn.headingEnd;
        open(section);
        attach(p);
      }
      return;
    }
    const kind = unit.kind === 'list-item' ? 'list-item' : unit.kind === 'table-cell' ? 'table-cell' : 'body';
    attach(makeParagraph(kind, content, unit.quoted, unit.hint));
  };

  for (let i = first; i < last; i++) {
    const unit = units[i];
    const marker = markers[i];
    const continues =
      pending !== null &&
      unit.kind === 'line' &&
      !unit.startsBlock &&
      !marker &&
      pending.unit.kind !== 'md-heading' &&
      !(pending.marker && pending.parts.length === 1 && runInEnd(pending.parts[0].text.slice(pending.marker.length)) === null);
    if (continues) {
      pending!.parts.push(unit.content);
      continue;
    }
    flush();
    pending = { unit, parts: [unit.content], marker };
  }
  flush();

  for (const section of report.allSections) section.span = sectionSpan(section);

  // Paragraph order: title, addressee, body …, signature, date.
  report.paragraphs = [
    ...(report.title ? [report.title] : []),
    ...(report.addressee ? [report.addressee] : []),
    ...report.paragraphs,
    ...report.signature,
    ...(report.date ? [report.date] : []),
  ];
  return report;
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

function markerOf(unit: Unit): Marker | null {
  return matchMarker(unit.content.text);
}

function looksLikeTitle(unit: Unit): boolean {
  if (unit.kind === 'md-heading') return true;
  if (unit.kind !== 'line') return false;
  const text = unit.content.text;
  return text.length <= MAX_TITLE && !/[。；;，,：:]/.test(text.slice(0, -1)) && !/[：:]$/.test(text);
}

/** `市委：` or `市委、市政府：`, not a lead-in such as `主要做法如下：`. */
function looksLikeAddressee(text: string): boolean {
  return text.length <= MAX_ADDRESSEE && /[：:]$/.test(text) && !SENTENCE_END.test(text) && !/如下|以下|下面|主要|具体|情况/.test(text);
}

function looksLikeSignature(text: string, hasDate: boolean): boolean {
  if (text.length > MAX_SIGNATURE || /[。！？；;，,：:、.!?]$/.test(text) || SENTENCE_END.test(text)) return false;
  // A closing formula is part of the body, even when its 。 is missing.
  if (/^(?:特此|此致|专此|以上)/.test(text)) return false;
  return hasDate || SIGNATURE_SUFFIX.test(text);
}

/**
 * Where a run-in heading ends in the text after the marker, or null for a
 * standalone heading. `（一）压实责任。正文……` is run-in; `（一）压实责任` alone is not.
 */
function runInEnd(rest: string): { titleEnd: number; headingEnd: number } | null {
  const m = SENTENCE_END.exec(rest);
  if (m && rest.slice(m.index + 1).trim()) return { titleEnd: m.index, headingEnd: m.index + 1 };
  const core = rest.replace(/[。，：；、,.:;！？!?]+$/, '');
  if (core.length <= MAX_STANDALONE_TITLE && !/[，,；;：:]/.test(core)) return null;
  // A numbered sentence with no separate title: the title runs to the first stop.
  const stop = /[。！？!?，,；;：:]/.exec(rest);
  const titleEnd = stop ? stop.index : rest.length;
  return { titleEnd, headingEnd: m ? m.index + 1 : titleEnd };
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
  const b = new MappedTextBuilder();
  for (const part of parts) part.appendTo(b);
  return b.build(parts[parts.length - 1].offsetAt(parts[parts.length - 1].length));
}
