import type { Nodes, Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { readAsPlainText } from '../model/markdown-guard.js';

/**
 * What a reader of the rendered Markdown sees as structure: remark's tree
 * without the prose. --fix may change the words of a text node, never the tree
 * around them: a heading that becomes a paragraph, emphasis that shows as
 * literal `**`, a link whose destination changed. Code, HTML and link
 * destinations are not prose: their values are part of the structure.
 */

function remarkTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

// Made on first use: this module is loaded on every run (lint-file → fixer), the parser only by --fix on Markdown.
let parser: Processor<Root> | undefined;
function markdownParser(): Processor<Root> {
  return (parser ??= unified().use(remarkParse).use(remarkTable).use(remarkFrontmatter, ['yaml', 'toml']).freeze());
}

/** One line per node, depth-first: its depth, type and the attributes that are not prose. Iterative (deep trees). */
export function markdownStructure(source: string): string {
  // Text the model reads as plain text (see markdown-guard) has no Markdown structure worth keeping.
  if (readAsPlainText(source)) return '';
  const tree = markdownParser().parse(source) as Root;
  const out: string[] = [];
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    out.push(`${depth} ${node.type}${attributes(node)}`);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
    }
  }
  return out.join('\n');
}

function attributes(node: Nodes): string {
  switch (node.type) {
    case 'heading':
      return ` ${node.depth}`;
    case 'list':
      return ` ${node.ordered ? `ordered ${node.start ?? 1}` : 'bullet'} ${node.spread ? 'spread' : 'tight'}`;
    case 'listItem':
      return ` ${node.spread ? 'spread' : 'tight'} ${node.checked ?? ''}`;
    case 'link':
    case 'image':
    case 'definition':
      return ` ${JSON.stringify(node.url)} ${JSON.stringify(node.title ?? '')}`;
    case 'linkReference':
    case 'imageReference':
      return ` ${JSON.stringify(node.identifier)} ${node.referenceType}`;
    case 'code':
      return ` ${JSON.stringify([node.lang ?? '', node.meta ?? '', node.value])}`;
    case 'inlineCode':
    case 'html':
    case 'yaml':
      return ` ${JSON.stringify(node.value)}`;
    case 'table':
      return ` ${JSON.stringify(node.align ?? [])}`;
    default:
      return '';
  }
}
