import path from 'node:path';
import { XMLSerializer } from '@xmldom/xmldom';
import yazl from 'yazl';
import { openPackage, PackageError, parseXml, type DocxPackage } from './package.js';
import {
  addRelationship,
  COMMENTS_REL,
  COMMENTS_TYPE,
  emptyRels,
  ensureOverride,
  isType,
  mainDocumentPart,
  relationships,
  relsNameOf,
  resolveTarget,
} from './parts.js';
import {
  appendRunText,
  atWrapperEdge,
  firstW,
  hoisted,
  insertAt,
  isPlainRun,
  markRunDeleted,
  runsInFields,
  splitRunsAt,
  spotAt,
  wElement,
  type RunSpot,
} from './runs.js';
import { textPieces, visibleText, W_NS, wordParagraphs } from './visible-text.js';

/**
 * Writes findings back into a copy of a Word document: one comment (批注) per
 * finding, anchored on exactly its text, and fixes as tracked changes (修订)
 * the writer accepts or rejects. Offsets are in a paragraph's visible text as
 * `visible-text.ts` defines it, the same definition the reader uses. Parts
 * not changed are copied byte for byte.
 */

/** A stretch of one paragraph: `wordParagraphs(part)[index]`, visible-text offsets `[start, end)`. */
export interface ParagraphRange {
  part: string;
  index: number;
  start: number;
  end: number;
  /** The text the range should cover; when the document says otherwise, the range is not trusted. */
  expected?: string;
}

export interface DocxAnnotation extends ParagraphRange {
  comment: { text: string };
}

export interface TrackedChange extends ParagraphRange {
  replacement: string;
}

/** Word shows no comment anchored in these (MS-OI29500 2.1.315): such comments move to the body's start. */
export type Elsewhere = 'header' | 'footer' | 'footnote' | 'endnote' | 'textbox' | 'other';

export interface AnnotateOptions {
  author?: string;
  initials?: string;
  date?: Date;
  /** Names of the places a comment cannot be anchored in, for the line that says where the text is. */
  labels?: Record<Elsewhere, string>;
}

export type SkipReason = 'no-part' | 'no-paragraph' | 'out-of-range' | 'text-mismatch' | 'overlap' | 'unsafe' | 'no-anchor';

export interface AnnotateOutcome {
  buffer: Buffer;
  /** Comments written (anchored, or moved to the body's start). */
  comments: number;
  /** Comments that could not be anchored on their text and stand at the start of a paragraph instead. */
  moved: number;
  changes: number;
  skipped: { item: DocxAnnotation | TrackedChange; reason: SkipReason }[];
}

export const ZH_LABELS: Record<Elsewhere, string> = {
  header: '页眉',
  footer: '页脚',
  footnote: '脚注',
  endnote: '尾注',
  textbox: '文本框',
  other: '文档',
};

export const EN_LABELS: Record<Elsewhere, string> = {
  header: 'Header',
  footer: 'Footer',
  footnote: 'Footnote',
  endnote: 'Endnote',
  textbox: 'Text box',
  other: 'Document',
};

interface PendingComment {
  id: number;
  text: string;
  item?: DocxAnnotation;
}

export async function annotateDocx(
  original: Buffer,
  annotations: readonly DocxAnnotation[],
  changes: readonly TrackedChange[] = [],
  options: AnnotateOptions = {},
): Promise<AnnotateOutcome> {
  const pkg = await openPackage(original);
  const mainPart = mainDocumentPart(pkg);
  if (!pkg.xml(mainPart)) throw new PackageError(`${mainPart} is missing`, 'missing-part');
  const author = options.author ?? 'reportlint';
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const labels = options.labels ?? ZH_LABELS;
  let nextId = maxWordId(pkg) + 1;

  const skipped: AnnotateOutcome['skipped'] = [];
  const comments: PendingComment[] = [];
  const elsewhere: PendingComment[] = [];
  const changed = new Set<string>();
  let moved = 0;
  let changeCount = 0;

  const parts = new Set([...annotations, ...changes].map((x) => x.part));
  for (const part of parts) {
    const doc = pkg.xml(part);
    const forPart = (x: ParagraphRange) => x.part === part;
    if (!doc) {
      for (const a of annotations.filter(forPart)) skipped.push({ item: a, reason: 'no-part' });
      for (const c of changes.filter(forPart)) skipped.push({ item: c, reason: 'no-part' });
      continue;
    }
    const paragraphs = wordParagraphs(doc);
    const indexes = new Set([...annotations, ...changes].filter(forPart).map((x) => x.index));
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const mine = <T extends ParagraphRange>(list: readonly T[]) => list.filter((x) => x.part === part && x.index === index);
      const p = paragraphs[index];
      if (!p) {
        for (const x of [...mine(annotations), ...mine(changes)]) skipped.push({ item: x, reason: 'no-paragraph' });
        continue;
      }
      const text = visibleText(p);
      const valid = (x: ParagraphRange) => Number.isInteger(x.start) && Number.isInteger(x.end) && 0 <= x.start && x.start <= x.end && x.end <= text.length;
      const where = placeOf(part, mainPart, p);

      const anchored: DocxAnnotation[] = [];
      const pointed: DocxAnnotation[] = [];
      for (const found of mine(annotations)) {
        const a = valid(found) && (found.expected === undefined || text.slice(found.start, found.end) === found.expected) ? found : relocate(found, text);
        if (!valid(a)) {
          skipped.push({ item: a, reason: 'out-of-range' });
        } else if (where !== 'body') {
          // Word ignores comment anchors outside the body: say where the text is, at the body's start.
          const quote = a.expected ?? text.slice(a.start, a.end);
          elsewhere.push({ id: nextId++, text: `〔${labels[where]}〕“${quote}”\n${a.comment.text}`, item: a });
        } else if (a.expected !== undefined && text.slice(a.start, a.end) !== a.expected) {
          // The finding's text is not where it should be: comment on the paragraph, quoting it.
          pointed.push({ ...a, start: 0, end: 0, comment: { text: `“${a.expected}”\n${a.comment.text}` } });
          moved++;
        } else {
          anchored.push(a);
        }
      }
      const accepted: TrackedChange[] = [];
      for (const c of [...mine(changes)].sort((x, y) => x.start - y.start || x.end - y.end)) {
        const prev = accepted[accepted.length - 1];
        if (!valid(c)) skipped.push({ item: c, reason: 'out-of-range' });
        else if (c.expected !== undefined && text.slice(c.start, c.end) !== c.expected) skipped.push({ item: c, reason: 'text-mismatch' });
        else if (prev && (c.start < prev.end || (c.start === prev.end && (c.start === c.end || prev.start === prev.end))))
          skipped.push({ item: c, reason: 'overlap' });
        else accepted.push(c);
      }
      if (!anchored.length && !pointed.length && !accepted.length) continue;

      const boundaries = [...anchored, ...accepted].flatMap((x) => [x.start, x.end]);
      if (!splitRunsAt(p, boundaries)) {
        for (const x of [...anchored, ...accepted]) skipped.push({ item: x, reason: 'unsafe' });
        continue;
      }
      changed.add(part);
      const pieces = textPieces(p);

      // Spots first, on the split paragraph; then comments; then changes, which move runs into w:del.
      const plans = accepted.map((c) => planChange(p, pieces, c));
      for (const a of [...anchored, ...pointed]) {
        const id = nextId++;
        comments.push({ id, text: a.comment.text });
        if (a.start === a.end) {
          insertAt(hoisted(spotAt(p, pieces, a.start, 'start')), referenceRun(doc, id));
          continue;
        }
        insertAt(atWrapperEdge(spotAt(p, pieces, a.start, 'start')), wElement(doc, 'commentRangeStart', { id: String(id) }));
        const end = wElement(doc, 'commentRangeEnd', { id: String(id) });
        insertAt(atWrapperEdge(spotAt(p, pieces, a.end, 'end')), end);
        insertAt(hoisted({ after: end, paragraph: p }), referenceRun(doc, id));
      }
      accepted.forEach((c, i) => {
        const plan = plans[i];
        if (!plan) {
          skipped.push({ item: c, reason: 'unsafe' });
          return;
        }
        applyChange(doc, plan, c.replacement, { author, date, nextId: () => nextId++ });
        changeCount++;
      });
    }
  }

  if (elsewhere.length) {
    const doc = pkg.xml(mainPart)!;
    const first = wordParagraphs(doc).find((p) => placeOf(mainPart, mainPart, p) === 'body');
    if (!first) {
      for (const c of elsewhere) skipped.push({ item: c.item!, reason: 'no-anchor' });
    } else {
      // At the paragraph's very start, before any field that begins it (a table of contents would swallow it).
      let lead = first.firstChild;
      while (lead && lead.nodeType === 1 && (lead as Element).localName === 'pPr') lead = lead.nextSibling;
      const spot: RunSpot = lead ? { before: lead, paragraph: first } : { paragraph: first };
      for (const c of elsewhere) insertAt(spot, referenceRun(doc, c.id));
      comments.push(...elsewhere);
      moved += elsewhere.length;
      changed.add(mainPart);
    }
  }

  const replaced = new Map<string, Buffer>();
  const added = new Map<string, Buffer>();
  const serializer = new XMLSerializer();
  const xmlBytes = (doc: Document) => Buffer.from(serializer.serializeToString(doc as never), 'utf8');
  if (comments.length) {
    const { part, doc, created, relsName, rels, relsCreated } = commentsPart(pkg, mainPart);
    for (const c of comments) doc.documentElement.appendChild(commentElement(doc, c, { author, date, initials: options.initials ?? 'RL' }));
    (created ? added : replaced).set(part, xmlBytes(doc));
    if (created) {
      (relsCreated ? added : replaced).set(relsName, xmlBytes(rels));
      const types = pkg.xml('[Content_Types].xml');
      if (!types) throw new PackageError('[Content_Types].xml is missing', 'missing-part');
      ensureOverride(types, part, COMMENTS_TYPE);
      replaced.set('[Content_Types].xml', xmlBytes(types));
    }
  }
  for (const part of changed) replaced.set(part, xmlBytes(pkg.xml(part)!));

  const buffer = await zip(pkg, replaced, added, options.date ?? new Date());
  return { buffer, comments: comments.length, moved, changes: changeCount, skipped };
}

/**
 * A comment whose text is not at its offsets (the reader and the document
 * disagree) goes to the nearest place the text is, when it is there at all.
 * Tracked changes get no such second chance: they must match exactly.
 */
function relocate(a: DocxAnnotation, text: string): DocxAnnotation {
  if (!a.expected) return a;
  let best = -1;
  for (let i = text.indexOf(a.expected); i !== -1; i = text.indexOf(a.expected, i + 1)) {
    if (best === -1 || Math.abs(i - a.start) < Math.abs(best - a.start)) best = i;
  }
  return best === -1 ? a : { ...a, start: best, end: best + a.expected.length };
}

/** Where a paragraph lies: the body, where comments anchor, or a place Word anchors none. */
function placeOf(part: string, mainPart: string, p: Element): 'body' | Elsewhere {
  for (let n: Node | null = p.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && (n as Element).localName === 'txbxContent') return 'textbox';
  }
  if (part === mainPart) return 'body';
  const base = path.posix.basename(part).toLowerCase();
  for (const kind of ['header', 'footer', 'footnote', 'endnote'] as const) if (base.startsWith(kind)) return kind;
  return 'other';
}

function referenceRun(doc: Document, id: number): Element {
  const r = wElement(doc, 'r');
  r.appendChild(wElement(doc, 'commentReference', { id: String(id) }));
  return r;
}

function commentElement(doc: Document, c: PendingComment, who: { author: string; date: string; initials: string }): Element {
  const comment = wElement(doc, 'comment', { id: String(c.id), author: who.author, date: who.date, initials: who.initials });
  c.text.split('\n').forEach((line, i) => {
    const p = wElement(doc, 'p');
    if (i === 0) {
      // The mark Word shows in front of a comment's text.
      const mark = wElement(doc, 'r');
      mark.appendChild(wElement(doc, 'annotationRef'));
      p.appendChild(mark);
    }
    if (line) {
      const r = wElement(doc, 'r');
      appendRunText(doc, r, line);
      p.appendChild(r);
    }
    comment.appendChild(p);
  });
  return comment;
}

interface ChangePlan {
  paragraph: Element;
  /** Runs to delete, in order; empty for a pure insertion. */
  runs: Element[];
  /** Where the insertion goes when nothing is deleted. */
  spot: RunSpot;
  /** Formatting of the inserted text: that of the text it replaces or follows. */
  rPr: Element | null;
}

/** What a tracked change needs, or null when it would touch more than plain text (fields, breaks, revisions). */
function planChange(paragraph: Element, pieces: ReturnType<typeof textPieces>, c: TrackedChange): ChangePlan | null {
  const inFields = runsInFields(paragraph);
  const runs: Element[] = [];
  for (const piece of pieces) {
    if (piece.start < c.start || piece.start + piece.text.length > c.end) continue;
    if (!piece.run) return null;
    if (runs[runs.length - 1] !== piece.run) runs.push(piece.run);
  }
  if (runs.some((r) => !isPlainRun(r, inFields))) return null;
  const spot = spotAt(paragraph, pieces, c.start, 'start');
  const neighbour = (spot.before ?? spot.after) as Element | undefined;
  if (!runs.length && neighbour && !isPlainRun(neighbour, inFields)) return null;
  const source = runs[0] ?? neighbour;
  return { paragraph, runs, spot, rPr: source ? firstW(source, 'rPr') : null };
}

function applyChange(doc: Document, plan: ChangePlan, replacement: string, meta: { author: string; date: string; nextId: () => number }): void {
  let lastDel: Element | null = null;
  for (const run of plan.runs) {
    if (lastDel && run.previousSibling === lastDel) {
      lastDel.appendChild(run);
    } else {
      lastDel = wElement(doc, 'del', { id: String(meta.nextId()), author: meta.author, date: meta.date });
      run.parentNode!.insertBefore(lastDel, run);
      lastDel.appendChild(run);
    }
    markRunDeleted(doc, run);
  }
  if (!replacement) return;
  const ins = wElement(doc, 'ins', { id: String(meta.nextId()), author: meta.author, date: meta.date });
  const run = wElement(doc, 'r');
  if (plan.rPr) run.appendChild(plan.rPr.cloneNode(true));
  appendRunText(doc, run, replacement);
  ins.appendChild(run);
  insertAt(lastDel ? { after: lastDel, paragraph: plan.paragraph } : plan.spot, ins);
}

/** The largest numeric `w:id` in the parts that hold annotations, so that new ids collide with none. */
function maxWordId(pkg: DocxPackage): number {
  let max = -1;
  for (const name of pkg.names) {
    if (!/^word\/[^/]+\.xml$/i.test(name)) continue;
    const doc = pkg.xml(name);
    if (!doc) continue;
    const all = doc.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const v = all[i].getAttributeNS(W_NS, 'id');
      if (v && /^\d+$/.test(v)) max = Math.max(max, Number(v));
    }
  }
  return max;
}

/** The comments part, found through the main document's relationships or created beside it. */
function commentsPart(pkg: DocxPackage, mainPart: string) {
  const relsName = relsNameOf(mainPart);
  const existingRels = pkg.xml(relsName);
  const rels = existingRels ?? emptyRels();
  const rel = relationships(rels).find((r) => isType(r, 'comments') && !r.external);
  if (rel) {
    const part = resolveTarget(mainPart, rel.target);
    const doc = pkg.xml(part);
    if (doc) return { part, doc, created: false, relsName, rels, relsCreated: false };
  }
  const dir = path.posix.dirname(mainPart);
  const taken = new Set(pkg.names.map((n) => n.toLowerCase()));
  let part = `${dir}/comments.xml`;
  for (let n = 1; taken.has(part.toLowerCase()); n++) part = `${dir}/comments${n}.xml`;
  addRelationship(rels, COMMENTS_REL, path.posix.relative(dir, part));
  const doc = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}"></w:comments>`);
  return { part, doc, created: true, relsName, rels, relsCreated: !existingRels };
}

/** The package again: entries in their order, changed ones replaced, new ones at the end. */
function zip(pkg: DocxPackage, replaced: Map<string, Buffer>, added: Map<string, Buffer>, mtime: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out = new yazl.ZipFile();
    for (const name of pkg.names) out.addBuffer(replaced.get(name) ?? pkg.bytes(name)!, name, { mtime });
    for (const [name, bytes] of added) out.addBuffer(bytes, name, { mtime });
    out.end();
    const chunks: Buffer[] = [];
    out.outputStream.on('data', (c: Buffer) => chunks.push(c));
    out.outputStream.on('error', reject);
    out.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
