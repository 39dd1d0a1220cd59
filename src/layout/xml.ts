import { W_NS } from '../docx/visible-text.js';

/** Small DOM helpers for WordprocessingML, namespace-aware (prefixes vary between writers). */

export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function isW(node: Node | null, local: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === W_NS;
}

/** The first `w:local` child of `el`. */
export function wChild(el: Element | null | undefined, local: string): Element | null {
  if (!el) return null;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isW(c, local)) return c;
  return null;
}

export function wChildren(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isW(c, local)) out.push(c);
  return out;
}

/** A `w:` attribute, or null when absent. */
export function wAttr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  const attr = el.getAttributeNodeNS(W_NS, name);
  return attr ? attr.value : null;
}

export function nsAttr(el: Element, ns: string, name: string): string | null {
  return el.hasAttributeNS(ns, name) ? el.getAttributeNS(ns, name) : null;
}

/** An integer attribute; null when absent or not a number. */
export function wInt(el: Element | null | undefined, name: string): number | null {
  const v = wAttr(el, name);
  if (v === null || v.trim() === '') return null;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/** An OOXML on/off property: present with no value, `true`, `1` or `on` is on. */
export function onOff(el: Element | null): boolean | undefined {
  if (!el) return undefined;
  const v = wAttr(el, 'val');
  return v === null || !['false', '0', 'off', 'none'].includes(v);
}

/** Every element below `root` (document order) with the given `w:` local name. */
export function wDescendants(root: Node, local: string): Element[] {
  const list = (root as Element).getElementsByTagNameNS(W_NS, local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

/** The nearest ancestor (or self) that is a `w:local`. */
export function wAncestor(node: Node | null, local: string): Element | null {
  for (let n = node; n; n = n.parentNode) if (isW(n, local)) return n;
  return null;
}

/** The targets of a part's relationships, by id, resolved against the part's folder. */
export function relationships(relsXml: Document | null, partDir: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!relsXml) return out;
  const list = relsXml.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (r.getAttribute('TargetMode') === 'External') continue;
    const target = r.getAttribute('Target') ?? '';
    out.set(r.getAttribute('Id') ?? '', { type: r.getAttribute('Type') ?? '', target: resolvePartName(partDir, target) });
  }
  return out;
}

export function resolvePartName(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dir ? dir.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** `word/_rels/document.xml.rels` for `word/document.xml`. */
export function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash === -1 ? '' : part.slice(0, slash);
}
