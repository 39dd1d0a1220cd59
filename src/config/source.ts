import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { CoreMessageId } from '../i18n/messages.js';
import { ConfigError } from './error.js';

/** A step into a YAML value: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * A parsed YAML text that remembers where each node came from, so that a problem found in the
 * plain data can be reported at its line.
 */
export class YamlSource {
  private constructor(
    /** Shown in errors: an absolute path, or `--rule`. */
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    /** The plain data (null for an empty text). */
    readonly data: unknown,
  ) {}

  /** Parses `text`; a syntax error becomes a ConfigError with `syntaxErrorId`. */
  static parse(
    file: string,
    text: string,
    syntaxError: (reason: string) => { messageId: CoreMessageId; data: Record<string, string | number> },
  ): YamlSource {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const line = lines.linePos(error.pos[0]).line;
      const { messageId, data } = syntaxError(error.message.split('\n')[0]);
      throw new ConfigError(file, line, messageId, data);
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 }) ?? null;
    } catch (caught) {
      // An alias bomb (or an alias to nothing) is the config's fault, not an internal error.
      const { messageId, data: detail } = syntaxError(caught instanceof Error ? caught.message.split('\n')[0] : String(caught));
      throw new ConfigError(file, 1, messageId, detail);
    }
    return new YamlSource(file, doc, lines, data);
  }

  /** The line of the key at `path` (or of the nearest enclosing node found). */
  keyLine(path: readonly PathSegment[]): number {
    const found = this.find(path);
    return this.lineOf(found.key ?? found.value ?? found.nearest);
  }

  /** The line of the value at `path`; the key's line when the value is empty. */
  valueLine(path: readonly PathSegment[]): number {
    const found = this.find(path);
    return this.lineOf(found.value ?? found.key ?? found.nearest);
  }

  /** A ConfigError located at the key (`at: 'key'`) or the value at `path`. */
  error(
    at: 'key' | 'value',
    path: readonly PathSegment[],
    messageId: CoreMessageId,
    data: Record<string, string | number>,
    keyPath: string,
  ): ConfigError {
    const line = at === 'key' ? this.keyLine(path) : this.valueLine(path);
    return new ConfigError(this.file, line, messageId, data, keyPath);
  }

  private lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : this.lines.linePos(offset).line;
  }

  private find(path: readonly PathSegment[]): { key?: Node; value?: Node; nearest?: Node } {
    let node = this.resolve(this.doc.contents);
    let key: Node | undefined;
    let nearest = node;
    for (const segment of path) {
      key = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) return { nearest };
        key = isNode(pair.key) ? pair.key : undefined;
        node = this.resolve(isNode(pair.value) ? pair.value : undefined);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        node = this.resolve(isNode(item) ? item : undefined);
      } else {
        return { nearest };
      }
      nearest = node ?? key ?? nearest;
    }
    return { key, value: node ?? undefined, nearest };
  }

  private resolve(node: Node | null | undefined): Node | undefined {
    if (!node) return undefined;
    if (isAlias(node)) return node.resolve(this.doc) ?? node;
    return node;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}
