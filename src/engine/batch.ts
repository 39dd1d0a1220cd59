import { coreMessage } from '../i18n/messages.js';
import { localize } from '../i18n/format.js';
import { LineIndex } from '../model/line-index.js';
import { everySection, sectionPathText, type Report } from '../model/report.js';
import type { Settings } from '../settings.js';
import type { Locale, Severity, Span } from '../types.js';
import { DirectiveFilter, type Directive } from './directives.js';
import { withMessages, type LintMessage, type LintResult } from './lint.js';
import type { BatchFile, BatchReportDescriptor, RelatedLocation, Rule } from './rule.js';

/**
 * The batch phase: rules with `batch` hooks compare the files linted together.
 * Per file it keeps only what turning offsets into findings needs (line starts,
 * section spans and paths, directives), never the text or the model.
 */

interface FileGeometry {
  lines: LineIndex;
  /** Sections in document order; the last one holding an offset is the innermost. */
  sections: { start: number; end: number; path: string }[];
  filter: DirectiveFilter;
  locale: Locale;
  length: number;
  /** Word documents: line → the paragraph number the writer sees. */
  ordinals?: Map<number, number>;
}

interface RuleBatch {
  rule: Rule;
  files: (BatchFile<unknown, Record<string, unknown>> & { severity: Severity })[];
  /** Position of each file in `files`, so a fix pass replaces its entry in constant time. */
  index: Map<string, number>;
}

/** What lintReport hands over for the batch phase: a BatchCollector, or a recorder (worker threads, the cache). */
export interface BatchSink {
  addData(filePath: string, rule: Rule, data: unknown, options: Record<string, unknown>, severity: Severity): void;
  addFile(filePath: string, report: Report, filter: DirectiveFilter, locale: Locale): void;
}

/**
 * A file's geometry as plain data (no text, no model), so that it crosses a
 * thread or goes into the cache; the line index is rebuilt from the result's source.
 */
export interface FileShape {
  sections: { start: number; end: number; path: string }[];
  directives: Directive[];
  locale: Locale;
  length: number;
  /** Word documents: [line, paragraph number] pairs. */
  ordinals?: [number, number][];
}

export function shapeOf(report: Report, filter: DirectiveFilter, locale: Locale): FileShape {
  const ordinals = wordOrdinals(report);
  return {
    sections: everySection(report).map((s) => ({ start: s.span.start, end: Math.max(s.span.end, s.span.start + 1), path: sectionPathText(s) })),
    directives: filter.directives,
    locale,
    length: report.source.length,
    ...(ordinals ? { ordinals: [...ordinals] } : {}),
  };
}

export class BatchCollector implements BatchSink {
  private readonly geometry = new Map<string, FileGeometry>();
  private readonly byRule = new Map<string, RuleBatch>();

  constructor(private readonly settings: Settings, private readonly locale: Locale) {}

  /** Called by lintReport for each batch rule that runs on a file. A later call for the same file replaces the earlier (fix passes). */
  addData(filePath: string, rule: Rule, data: unknown, options: Record<string, unknown>, severity: Severity): void {
    let batch = this.byRule.get(rule.id);
    if (!batch) this.byRule.set(rule.id, (batch = { rule, files: [], index: new Map() }));
    const entry = { filePath, data, options, severity };
    const i = batch.index.get(filePath);
    if (i === undefined) {
      batch.index.set(filePath, batch.files.length);
      batch.files.push(entry);
    } else batch.files[i] = entry;
  }

  addFile(filePath: string, report: Report, filter: DirectiveFilter, locale: Locale): void {
    this.addShape(filePath, report.source, shapeOf(report, filter, locale), report.lines);
  }

  /** The same as addFile, from a shape recorded elsewhere (a worker, the cache) and the file's text. */
  addShape(filePath: string, source: string, shape: FileShape, lines = new LineIndex(source)): void {
    this.geometry.set(filePath, {
      lines,
      sections: shape.sections,
      filter: new DirectiveFilter(shape.directives),
      locale: shape.locale,
      length: shape.length,
      ordinals: shape.ordinals ? new Map(shape.ordinals) : undefined,
    });
  }

  get active(): boolean {
    return this.byRule.size > 0;
  }

  /** Runs each batch rule's comparison: the findings per file (the cache keeps them for a batch that did not change). */
  findings(): Map<string, LintMessage[]> {
    const added = new Map<string, LintMessage[]>();
    const push = (filePath: string, m: LintMessage) => {
      if (!added.has(filePath)) added.set(filePath, []);
      added.get(filePath)!.push(m);
    };
    for (const { rule, files } of this.byRule.values()) {
      // A rule that throws or breaks its contract gets one internal error per file, and its findings are dropped.
      const found: { filePath: string; message: LintMessage }[] = [];
      try {
        rule.batch!.check(files, {
          locale: this.locale,
          settings: this.settings,
          report: (d) => {
            const message = this.toMessage(rule, d);
            if (message) found.push({ filePath: d.file.filePath, message });
          },
          position: (file, offset) => this.geometryOf(rule, file.filePath).lines.position(offset),
          paragraph: (file, offset) => {
            const geo = this.geometryOf(rule, file.filePath);
            return geo.ordinals?.get(geo.lines.position(offset).line);
          },
        });
        for (const f of found) push(f.filePath, f.message);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const f of files) {
          push(f.filePath, {
            ruleId: rule.id,
            messageId: 'internal-error',
            severity: 2,
            message: coreMessage(this.geometry.get(f.filePath)?.locale ?? this.locale, 'internalError', { ruleId: rule.id, error: reason }),
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            sectionPath: '',
          });
        }
      }
    }
    return added;
  }

  private geometryOf(rule: Rule, filePath: string): FileGeometry {
    const geo = this.geometry.get(filePath);
    if (!geo) throw new Error(`${rule.id}: ${filePath} was not collected`);
    return geo;
  }

  private toMessage(rule: Rule, d: BatchReportDescriptor): LintMessage | null {
    const geo = this.geometryOf(rule, d.file.filePath);
    if (!(d.messageId in rule.messages)) throw new Error(`${rule.id}: unknown messageId “${d.messageId}”`);
    checkSpan(rule, d.at, geo.length);
    const start = geo.lines.position(d.at.start);
    if (geo.filter.isDisabled(rule.id, d.at.start, start.line)) return null;
    const end = geo.lines.position(d.at.end);
    const file = d.file as RuleBatch['files'][number];
    let path = '';
    for (const s of geo.sections) if (s.start <= d.at.start && d.at.start < s.end) path = s.path;
    const message: LintMessage = {
      ruleId: rule.id,
      messageId: d.messageId,
      severity: file.severity,
      message: localize(rule.messages[d.messageId], geo.locale, d.data),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      sectionPath: path,
    };
    if (d.data) message.data = d.data;
    if (d.related?.length) {
      message.related = d.related.map((r): RelatedLocation => {
        if (!('file' in r)) return r;
        const other = this.geometryOf(rule, r.file.filePath);
        checkSpan(rule, r.at, other.length);
        const a = other.lines.position(r.at.start);
        const b = other.lines.position(r.at.end);
        return { filePath: r.file.filePath, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, ...(r.message ? { message: r.message } : {}) };
      });
    }
    return message;
  }
}

/** Adds the batch findings to the results of their files (recounting them), keeping what each result carries. */
export function mergeBatchFindings(results: LintResult[], added: ReadonlyMap<string, LintMessage[]>): LintResult[] {
  return results.map((r) => {
    const extra = added.get(r.filePath);
    if (!extra?.length) return r;
    const messages = [...r.messages, ...extra].sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
    return withMessages(r, messages);
  });
}

/** Line → paragraph number, from the hints a Word reader gave the paragraphs; undefined for other formats. */
function wordOrdinals(report: Report): Map<number, number> | undefined {
  let out: Map<number, number> | undefined;
  for (const p of report.paragraphs) {
    if (p.hint?.ordinal === undefined) continue;
    (out ??= new Map()).set(report.lines.position(p.span.start).line, p.hint.ordinal);
  }
  return out;
}

function checkSpan(rule: Rule, span: Span, length: number): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= length)) {
    throw new Error(`${rule.id}: range [${span.start}, ${span.end}) is outside the document (length ${length})`);
  }
}
