import path from 'node:path';
import type { DocxPackage } from './package.js';
import { parseXml } from './package.js';

/**
 * Package plumbing for writers: relationships, content types and part names
 * (ECMA-376 Part 2, Open Packaging Conventions).
 */

export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsNameOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

/** A relationship's target as a part name, relative to its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = path.posix.dirname(source);
  return path.posix.normalize(dir === '.' ? target : `${dir}/${target}`);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(rels: Document | null): Relationship[] {
  if (!rels) return [];
  const out: Relationship[] = [];
  const list = rels.getElementsByTagNameNS(REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    out.push({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      target: r.getAttribute('Target') ?? '',
      external: r.getAttribute('TargetMode') === 'External',
    });
  }
  return out;
}

/** Strict OOXML spells relationship types with another prefix; the last segment is the same. */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** The main document part, as the package's root relationships name it. */
export function mainDocumentPart(pkg: DocxPackage): string {
  const rel = relationships(pkg.xml('_rels/.rels')).find((r) => isType(r, 'officeDocument') && !r.external);
  return rel ? resolveTarget('', rel.target) : 'word/document.xml';
}

export function emptyRels(): Document {
  return parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`);
}

/** Adds a relationship with an id not yet used; returns the id. */
export function addRelationship(rels: Document, type: string, target: string): string {
  const used = new Set(relationships(rels).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const r = rels.createElementNS(REL_NS, 'Relationship');
  r.setAttribute('Id', id);
  r.setAttribute('Type', type);
  r.setAttribute('Target', target);
  rels.documentElement.appendChild(r);
  return id;
}

/** Adds `<Override PartName="/…" ContentType="…"/>` unless the part already has one. */
export function ensureOverride(types: Document, part: string, contentType: string): void {
  const name = `/${part}`;
  const overrides = types.getElementsByTagNameNS(CT_NS, 'Override');
  for (let i = 0; i < overrides.length; i++) {
    if ((overrides[i].getAttribute('PartName') ?? '').toLowerCase() === name.toLowerCase()) return;
  }
  const o = types.createElementNS(CT_NS, 'Override');
  o.setAttribute('PartName', name);
  o.setAttribute('ContentType', contentType);
  types.documentElement.appendChild(o);
}
