import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Span } from '../types.js';
import type { ExcludedSpan } from './report.js';
import type { LineHint, LineHints } from './hints.js';
import { MappedText, MappedTextBuilder, OPAQUE, mappedFromSource } from './mapped-text.js';
import { readAsPlainText } from './markdown-guard.js';
import { plainMarkdownBlocks, type PlainBlock } from './plain-markdown.js';

/**
 * First stage of the model: the document as a flat list of lines ("units"),
 * whatever its format. Markdown and plain text differ only here.
 */
export interface Unit {
  kind: 'md-heading' | 'line' | 'list-item' | 'table-cell';
  content: MappedText;
  /** Markdown heading depth. */
  depth?: number;
  /** False for the 2nd, 3rd … line of a Markdown paragraph: it may continue the one before. */
  startsBlock: boolean;
  quoted: boolean;
  /** What the Word reader knows of the line. */
  hint?: LineHint;
  /** Where a bold lead (`**（一）压实责任**正文`) ends in `content.text`: a run-in heading's end. */
  leadEnd?: number;
}

export interface Units {
  units: Unit[];
  excluded: ExcludedSpan[];
}

/** GFM tables only (not all of GFM): cells matter to the rules; autolinks and the rest do not. */
function remarkTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

// Each extension slows every parse by a third, so a document gets only those it can use.
// Built on first use: most runs read only plain documents and never need one.
type ParserKind = 'plain' | 'table' | 'frontmatter' | 'both';
const parsers = new Map<ParserKind, Processor>();
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|/m;

function parserFor(source: string): Processor {
  const frontmatter = source.startsWith('---') || source.startsWith('+++');
  const table = source.includes('|') && TABLE_DELIMITER_ROW.test(source);
  const kind: ParserKind = frontmatter ? (table ? 'both' : 'frontmatter') : table ? 'table' : 'plain';
  let parser = parsers.get(kind);
  if (!parser) {
    let processor = unified().use(remarkParse) as unknown as Processor;
    if (table) processor = processor.use(remarkTable);
    if (frontmatter) processor = processor.use(remarkFrontmatter, ['yaml', 'toml']);
    parsers.set(kind, (parser = processor.freeze()));
  }
  return parser;
}

/** Splits mapped text at line breaks, trimming each line; empty lines are dropped. */
function splitLines(content: MappedText): MappedText[] {
  const text = content.text;
  const lines: MappedText[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 ? text.length : nl;
    let a = from;
    let b = to;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) lines.push(content.slice(a, b));
    if (nl === -1) return lines;
    from = nl + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 13;
}

const DIRECTIVE_LINE = /^\s*<!--.*-->\s*$/;

/** `hints`: what a Word reader knows of each line (heading styles, tables, notes). */
export function textUnits(source: string, hints?: LineHints): Units {
  const units: Unit[] = [];
  const excluded: ExcludedSpan[] = [];
  let start = 0;
  let lineNumber = 0;
  while (start <= source.length) {
    lineNumber++;
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const line = source.slice(start, end);
    // HTML comments carry directives; they are not part of the report.
    if (DIRECTIVE_LINE.test(line)) {
      excluded.push({ start, end, kind: 'html' });
    } else if (line.trim()) {
      const hint = hints?.get(lineNumber);
      const depth = hint?.headingDepth;
      for (const content of splitLines(mappedFromSource(source, start, end))) {
        const unit: Unit = depth ? { kind: 'md-heading', depth, content, startsBlock: true, quoted: false } : { kind: 'line', content, startsBlock: true, quoted: false };
        if (hint) unit.hint = hint;
        units.push(unit);
      }
    }
    start = end + 1;
  }
  return { units, excluded };
}

/**
 * `**（一）压实责任。**正文`: CommonMark reads no emphasis here (the closing `**`
 * follows punctuation and precedes a letter), so the asterisks stay in the
 * text. They are markup all the same: drop them from the unit's text, keep them
 * out of the rules' way, and return where the bold lead ends.
 */
function literalBoldLead(unit: Unit, excluded: ExcludedSpan[]): number | undefined {
  const text = unit.content.text;
  const delimiter = text.slice(0, 2);
  if (delimiter !== '**' && delimiter !== '__') return undefined;
  const close = text.indexOf(delimiter, 2);
  if (close <= 2 || close + 2 >= text.length) return undefined;
  const inner = text.slice(2, close);
  if (!/^(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[0-9０-９]{1,3}[.．、])/u.test(inner)) return undefined;
  excluded.push({ ...unit.content.span(0, 2), kind: 'markup' }, { ...unit.content.span(close, close + 2), kind: 'markup' });
  const b = new MappedTextBuilder();
  unit.content.slice(2, close).appendTo(b);
  unit.content.slice(close + 2, text.length).appendTo(b);
  unit.content = b.build(unit.content.offsetAt(text.length));
  return close - 2;
}

/** Units of a document in the plain subset (see plain-markdown.ts): what remark's tree would give. */
function plainMarkdownUnits(source: string, blocks: PlainBlock[]): Units {
  const units: Unit[] = [];
  const excluded: ExcludedSpan[] = [];
  for (const block of blocks) {
    if (block.kind === 'html') {
      excluded.push({ start: block.start, end: block.end, kind: 'html' });
      continue;
    }
    const lines = splitLines(mappedFromSource(source, block.start, block.end));
    for (let i = 0; i < lines.length; i++) {
      units.push(
        block.kind === 'heading'
          ? { kind: 'md-heading', depth: block.depth, content: lines[i], startsBlock: true, quoted: false }
          : { kind: 'line', content: lines[i], startsBlock: i === 0, quoted: false },
      );
    }
  }
  return { units, excluded };
}

export function markdownUnits(source: string): Units {
  const plain = plainMarkdownBlocks(source);
  if (plain) return plainMarkdownUnits(source, plain);
  if (readAsPlainText(source)) return textUnits(source);
  return remarkUnits(source);
}

/** Units from remark's tree: any Markdown. Exported for the test that holds the plain path to it. */
export function remarkUnits(source: string): Units {
  const tree = parserFor(source).parse(source) as Root;
  const units: Unit[] = [];
  const excluded: ExcludedSpan[] = [];

  const spanOf = (node: Nodes): Span => ({
    start: node.position?.start.offset ?? 0,
    end: node.position?.end.offset ?? 0,
  });

  // Iterative: 20,000 nested emphasis markers must not overflow the stack.
  const phrasing = (nodes: PhrasingContent[], b: MappedTextBuilder): void => {
    const stack: PhrasingContent[] = [];
    for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
    while (stack.length) {
      const node = stack.pop()!;
      const { start, end } = spanOf(node);
      switch (node.type) {
        case 'text':
          // Use the source itself, not the node value, so every character maps exactly.
          b.source(source, start, end);
          break;
        case 'break':
          b.opaque('\n', start);
          break;
        case 'inlineCode':
        case 'html':
          excluded.push({ start, end, kind: node.type === 'html' ? 'html' : 'code' });
          b.opaque(OPAQUE, start);
          break;
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          b.opaque(OPAQUE, start);
          break;
        default:
          if ('children' in node) {
            const children = node.children as PhrasingContent[];
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
          }
      }
    }
  };

  const flow = (nodes: RootContent[], quoted: boolean): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const b = new MappedTextBuilder();
          phrasing(node.children, b);
          const content = b.build(spanOf(node).end);
          for (const line of splitLines(content)) {
            units.push({ kind: 'md-heading', depth: node.depth, content: line, startsBlock: true, quoted });
          }
          break;
        }
        case 'paragraph': {
          const b = new MappedTextBuilder();
          const [first, ...rest] = node.children;
          let leadEnd: number | undefined;
          if (first && first.type === 'strong' && rest.length) {
            phrasing([first], b);
            leadEnd = b.length;
            phrasing(rest, b);
          } else phrasing(node.children, b);
          splitLines(b.build(spanOf(node).end)).forEach((content, i) => {
            const unit: Unit = { kind: 'line', content, startsBlock: i === 0, quoted };
            if (i === 0) {
              const lead = leadEnd !== undefined && leadEnd < content.length ? leadEnd : literalBoldLead(unit, excluded);
              if (lead !== undefined) unit.leadEnd = lead;
            }
            units.push(unit);
          });
          break;
        }
        case 'list':
          for (const item of node.children) {
            item.children.forEach((child, i) => {
              if (child.type !== 'paragraph') return flow([child], quoted);
              const b = new MappedTextBuilder();
              // An ordered item keeps its `1.`: in a report it is a level-3 marker.
              if (node.ordered && i === 0) {
                const itemStart = spanOf(item).start;
                b.exact(source.slice(itemStart, spanOf(child).start).trimEnd(), itemStart);
              }
              phrasing(child.children, b);
              splitLines(b.build(spanOf(child).end)).forEach((content, j) =>
                units.push({
                  kind: node.ordered ? 'line' : 'list-item',
                  content,
                  startsBlock: j === 0,
                  quoted,
                }),
              );
            });
          }
          break;
        case 'blockquote':
          flow(node.children, true);
          break;
        case 'table':
          for (const row of node.children) {
            for (const cell of row.children) {
              const b = new MappedTextBuilder();
              phrasing(cell.children, b);
              const content = b.build(spanOf(cell).end);
              if (content.text.trim()) units.push({ kind: 'table-cell', content, startsBlock: true, quoted });
            }
          }
          break;
        case 'code':
          excluded.push({ ...spanOf(node), kind: 'code' });
          break;
        case 'html':
          excluded.push({ ...spanOf(node), kind: 'html' });
          break;
        case 'yaml':
        case 'toml' as string:
          excluded.push({ ...spanOf(node), kind: 'frontmatter' });
          break;
        case 'footnoteDefinition':
          flow(node.children, quoted);
          break;
        default:
          break;
      }
    }
  };

  flow(tree.children, false);
  return { units, excluded };
}
