import { W_NS } from './visible-text.js';

/**
 * Paragraph styles (`word/styles.xml`) as far as the reader needs them: the
 * name (heading, caption, TOC), and what a style passes on through `basedOn`:
 * its list (`w:numPr`) and outline level.
 */

interface StyleDef {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: number | null;
}

export function wAttr(e: Element, name: string): string | null {
  const v = e.getAttributeNS(W_NS, name);
  return v || e.getAttribute(`w:${name}`) || null;
}

export function wChild(e: Element | null, name: string): Element | null {
  if (!e) return null;
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === W_NS) return c as Element;
  }
  return null;
}

export function wVal(e: Element | null, name: string): string | null {
  const c = wChild(e, name);
  return c ? wAttr(c, 'val') : null;
}

/** A `w:numPr`: list id and level (null when not given). */
export function numPr(pPr: Element | null): { numId: string | null; ilvl: number | null } | null {
  const n = wChild(pPr, 'numPr');
  if (!n) return null;
  const ilvl = wVal(n, 'ilvl');
  return { numId: wVal(n, 'numId'), ilvl: ilvl === null ? null : Number(ilvl) || 0 };
}

export class Styles {
  private readonly byId = new Map<string, StyleDef>();
  private defaultParagraph: string | null = null;

  constructor(root: Document | null) {
    const top = root?.documentElement;
    if (!top) return;
    for (let c = top.firstChild; c; c = c.nextSibling) {
      const e = c as Element;
      if (c.nodeType !== 1 || e.localName !== 'style' || e.namespaceURI !== W_NS) continue;
      const id = wAttr(e, 'styleId');
      if (!id) continue;
      const type = wAttr(e, 'type');
      if (type && type !== 'paragraph' && type !== 'numbering') continue;
      const pPr = wChild(e, 'pPr');
      const num = numPr(pPr);
      const outline = wVal(pPr, 'outlineLvl');
      this.byId.set(id, {
        name: wVal(e, 'name') ?? id,
        basedOn: wVal(e, 'basedOn'),
        numId: num?.numId ?? null,
        ilvl: num?.ilvl ?? null,
        outline: outline === null ? null : Number(outline),
      });
      const isDefault = wAttr(e, 'default');
      if (type === 'paragraph' && (isDefault === '1' || isDefault === 'true')) this.defaultParagraph = id;
    }
  }

  /** The style of a paragraph: its `w:pStyle`, or the default paragraph style. */
  styleOf(pPr: Element | null): string | null {
    return wVal(pPr, 'pStyle') ?? this.defaultParagraph;
  }

  name(styleId: string | null): string {
    return (styleId && this.byId.get(styleId)?.name) || styleId || '';
  }

  /** Walks the `basedOn` chain (bounded: a hostile file may loop). */
  private *chain(styleId: string | null): Generator<StyleDef> {
    const seen = new Set<string>();
    let id = styleId;
    while (id && !seen.has(id) && seen.size < 32) {
      seen.add(id);
      const def = this.byId.get(id);
      if (!def) return;
      yield def;
      id = def.basedOn;
    }
  }

  /** The list a style gives its paragraphs, if any. */
  numbering(styleId: string | null): { numId: string; ilvl: number | null } | null {
    // List and level inherit separately: `标题 2` may give only its level and take the list from `标题 1`.
    let numId: string | null = null;
    let ilvl: number | null = null;
    for (const def of this.chain(styleId)) {
      numId ??= def.numId;
      ilvl ??= def.ilvl;
    }
    return numId === null ? null : { numId, ilvl };
  }

  /** The `w:numId` of a numbering style (for `w:numStyleLink`). */
  numIdOf(styleId: string): string | null {
    return this.byId.get(styleId)?.numId ?? null;
  }

  outline(styleId: string | null): number | null {
    for (const def of this.chain(styleId)) if (def.outline !== null) return def.outline;
    return null;
  }

  /** `heading 2`, `标题 2` → 2; `Title`, `标题` → 1; else the style's outline level (0-based) + 1. */
  headingDepth(styleId: string | null, ownOutline: number | null): number | null {
    const name = this.name(styleId).trim();
    const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name);
    if (m) return Number(m[1]);
    if (/^(?:title|标题)$/i.test(name)) return 1;
    const outline = ownOutline ?? this.outline(styleId);
    return outline !== null && outline >= 0 && outline <= 8 ? outline + 1 : null;
  }

  isCaption(styleId: string | null): boolean {
    return /^(?:caption|题注)$/i.test(this.name(styleId).trim());
  }

  isToc(styleId: string | null): boolean {
    return /^(?:toc|目录)\s*[1-9]$|^toc heading$|^目录标题$/i.test(this.name(styleId).trim());
  }
}
