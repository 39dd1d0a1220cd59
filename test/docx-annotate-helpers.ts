import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { openPackage, type DocxPackage } from '../src/docx/package.js';

/**
 * Test oracles for annotated Word packages, written independently of the
 * writer: a document-order walk that collects the text inside each comment's
 * range, a structural check of where markers and revisions may stand, and a
 * LibreOffice round trip.
 */

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_DECL = `xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

/** A minimal .docx from hand-written body XML, with optional extra parts (name → XML) and document relationships. */
export function handDocx(body: string, extra: { parts?: Record<string, string>; rels?: string; types?: string } = {}): Promise<Buffer> {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (extra.types ?? '') +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_DECL}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ...(extra.parts ?? {}),
  };
  if (extra.rels !== undefined) {
    files['word/_rels/document.xml.rels'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${extra.rels}</Relationships>`;
  }
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export const HEADER_XML = (text: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${W_DECL}><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:hdr>`;

function elements(root: Node): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 1) out.push(n as Element);
    const kids: Node[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

const isW = (e: Element, local: string) => e.namespaceURI === W && e.localName === local;
const wid = (e: Element) => e.getAttributeNS(W, 'id');

/** The comment package as read back: each comment's author, text, and the text inside its range (null: a point comment). */
export async function readComments(buffer: Buffer): Promise<Map<string, { author: string; initials: string; text: string; anchored: string | null }>> {
  const pkg = await openPackage(buffer);
  const out = new Map<string, { author: string; initials: string; text: string; anchored: string | null }>();
  const comments = pkg.xml('word/comments.xml');
  if (!comments) return out;
  for (const c of elements(comments).filter((e) => isW(e, 'comment'))) {
    const text = elements(c)
      .filter((e) => isW(e, 'p'))
      .map((p) => elements(p).filter((e) => isW(e, 't')).map((t) => t.textContent).join(''))
      .join('\n');
    out.set(wid(c), { author: c.getAttributeNS(W, 'author'), initials: c.getAttributeNS(W, 'initials'), text, anchored: null });
  }
  // Document order: text of w:t (not w:delText) while a range is open.
  const open = new Map<string, string>();
  for (const e of elements(pkg.xml('word/document.xml')!)) {
    if (isW(e, 'commentRangeStart')) open.set(wid(e), '');
    else if (isW(e, 'commentRangeEnd')) {
      const c = out.get(wid(e));
      if (c) c.anchored = open.get(wid(e)) ?? null;
      open.delete(wid(e));
    } else if (isW(e, 't') || isW(e, 'tab')) {
      const inRun = e.parentNode && (e.parentNode as Element).localName === 'r';
      if (!inRun) continue;
      for (const [id, s] of open) open.set(id, s + (isW(e, 'tab') ? '\t' : e.textContent));
    }
  }
  return out;
}

const RUN_CONTAINERS = new Set(['p', 'hyperlink', 'smartTag', 'customXml', 'sdtContent', 'ins', 'del', 'fldSimple', 'moveTo', 'moveFrom']);

/**
 * Where WordprocessingML lets things stand (ECMA-376 Part 1, 17.13): markers
 * among runs, a reference in a run outside revisions, every range closed after
 * it opens, every comment referenced exactly once, revisions among runs and
 * not nested, deleted text only in a deletion. Returns the violations.
 */
export async function structureProblems(buffer: Buffer, parts = ['word/document.xml']): Promise<string[]> {
  const pkg = await openPackage(buffer);
  const problems: string[] = [];
  const ids = new Set<string>();
  const comments = pkg.xml('word/comments.xml');
  if (comments) for (const c of elements(comments).filter((e) => isW(e, 'comment'))) ids.add(wid(c));
  const referenced = new Map<string, number>();
  for (const part of parts) {
    const doc = pkg.xml(part);
    if (!doc) continue;
    const started = new Set<string>();
    const revisionIds = new Set<string>();
    for (const e of elements(doc)) {
      const parent = e.parentNode as Element;
      const local = e.localName;
      if (e.namespaceURI !== W) continue;
      if (local === 'commentRangeStart' || local === 'commentRangeEnd') {
        if (!RUN_CONTAINERS.has(parent.localName)) problems.push(`${part}: ${local} ${wid(e)} in w:${parent.localName}`);
        if (!ids.has(wid(e))) problems.push(`${part}: ${local} ${wid(e)} has no comment`);
        if (local === 'commentRangeStart') started.add(wid(e));
        else if (!started.has(wid(e))) problems.push(`${part}: commentRangeEnd ${wid(e)} before its start`);
      }
      if (local === 'commentReference') {
        const grand = parent.parentNode as Element;
        if (parent.localName !== 'r') problems.push(`${part}: commentReference outside a run`);
        else if (!['p', 'hyperlink', 'smartTag', 'customXml', 'sdtContent'].includes(grand.localName)) problems.push(`${part}: commentReference run in w:${grand.localName}`);
        referenced.set(wid(e), (referenced.get(wid(e)) ?? 0) + 1);
      }
      if (local === 't' && parent.localName !== 'r') problems.push(`${part}: w:t in w:${parent.localName}`);
      if (local === 'delText') {
        const del = (parent.parentNode as Element | null)?.localName;
        if (parent.localName !== 'r' || del !== 'del') problems.push(`${part}: w:delText outside w:del/w:r`);
      }
      if (local === 'ins' || local === 'del') {
        if (!['p', 'hyperlink', 'smartTag', 'customXml', 'sdtContent'].includes(parent.localName)) problems.push(`${part}: w:${local} in w:${parent.localName}`);
        if (!e.getAttributeNS(W, 'author') || !e.getAttributeNS(W, 'date')) problems.push(`${part}: w:${local} without author or date`);
        if (revisionIds.has(wid(e))) problems.push(`${part}: revision id ${wid(e)} used twice`);
        revisionIds.add(wid(e));
        for (const k of elements(e).slice(1)) {
          if (k.namespaceURI !== W) continue;
          // Range markers may stand among a revision's runs (EG_RangeMarkupElements in CT_RunTrackChange).
          if (k.localName === 'commentRangeStart' || k.localName === 'commentRangeEnd' || k.localName === 'bookmarkStart' || k.localName === 'bookmarkEnd') continue;
          if (!['r', 'rPr', 't', 'delText', 'tab', 'b', 'i', 'u', 'color', 'sz', 'szCs', 'rFonts', 'lang', 'noBreakHyphen', 'softHyphen', 'lastRenderedPageBreak', 'vertAlign', 'highlight', 'rStyle', 'kern', 'bCs', 'iCs', 'shd', 'strike'].includes(k.localName)) {
            problems.push(`${part}: w:${k.localName} inside w:${local}`);
          }
        }
      }
    }
  }
  for (const id of ids) if (referenced.get(id) !== 1) problems.push(`comment ${id} referenced ${referenced.get(id) ?? 0} times`);
  return problems;
}

/** Visible text of every paragraph of a part, through the module under test's own definition. */
export async function partOf(buffer: Buffer): Promise<DocxPackage> {
  return openPackage(buffer);
}

export const HAS_SOFFICE = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * LibreOffice converts the .docx to `ext` (odt or docx) with a profile of its own
 * (parallel runs must not share one); returns the converted file's bytes.
 */
export function sofficeConvert(buffer: Buffer, ext: 'odt' | 'docx'): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-soffice-'));
  try {
    const input = path.join(dir, ext === 'docx' ? 'in.annotated.docx' : 'in.docx');
    writeFileSync(input, buffer);
    const outDir = path.join(dir, 'out');
    const filter = ext === 'docx' ? 'docx:MS Word 2007 XML' : 'odt';
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, input],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return readFileSync(path.join(outDir, `${path.basename(input, '.docx')}.${ext}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const DC = 'http://purl.org/dc/elements/1.1/';

export interface OdtAnnotation {
  creator: string;
  text: string;
  /** Text between `office:annotation` and `office:annotation-end`; null for a point annotation. */
  anchored: string | null;
}

/** What LibreOffice kept: its annotations with their anchored text, the paragraphs' text, and whether it has tracked changes. */
export async function readOdt(odt: Buffer): Promise<{ annotations: OdtAnnotation[]; paragraphs: string[]; trackedChanges: number }> {
  const pkg = await openPackage(odt);
  const content = pkg.xml('content.xml')!;
  const annotations: OdtAnnotation[] = [];
  const byName = new Map<string, OdtAnnotation>();
  const open = new Map<string, OdtAnnotation>();
  const paragraphs: string[] = [];
  let trackedChanges = 0;
  // Document order, text nodes included; annotation bodies and change records are not paragraph text.
  const walk = (node: Node, sink: ((s: string) => void) | null): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        sink?.(c.nodeValue ?? '');
        for (const a of open.values()) a.anchored += c.nodeValue ?? '';
        continue;
      }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI === OFFICE && e.localName === 'annotation') {
        const creator = [...elements(e)].find((x) => x.namespaceURI === DC && x.localName === 'creator')?.textContent ?? '';
        const text = elements(e)
          .filter((x) => x.namespaceURI === TEXT && x.localName === 'p')
          .map((p) => p.textContent)
          .join('\n');
        const name = e.getAttributeNS(OFFICE, 'name');
        const a: OdtAnnotation = { creator, text, anchored: name ? '' : null };
        annotations.push(a);
        if (name) {
          byName.set(name, a);
          open.set(name, a);
        }
        continue;
      }
      if (e.namespaceURI === OFFICE && e.localName === 'annotation-end') {
        open.delete(e.getAttributeNS(OFFICE, 'name'));
        continue;
      }
      if (e.namespaceURI === TEXT && e.localName === 'tracked-changes') {
        trackedChanges += elements(e).filter((x) => x.namespaceURI === TEXT && x.localName === 'changed-region').length;
        continue;
      }
      if (e.namespaceURI === TEXT && (e.localName === 'tab' || e.localName === 's')) {
        const s = e.localName === 'tab' ? '\t' : ' '.repeat(Number(e.getAttributeNS(TEXT, 'c') || 1));
        sink?.(s);
        for (const a of open.values()) a.anchored += s;
        continue;
      }
      if (e.namespaceURI === TEXT && (e.localName === 'p' || e.localName === 'h')) {
        let s = '';
        walk(e, (t) => (s += t));
        paragraphs.push(s);
        continue;
      }
      walk(e, sink);
    }
  };
  walk(content.documentElement, null);
  return { annotations, paragraphs, trackedChanges };
}
