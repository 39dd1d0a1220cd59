import type { LineHints } from '../model/hints.js';
import { coreMessage } from '../i18n/messages.js';
import { localize } from '../i18n/format.js';
import { buildReport } from '../model/build.js';
import { sectionAt, sectionPathText, type Report } from '../model/report.js';
import { closest } from '../suggest.js';
import { defaultSettings, type Settings } from '../settings.js';
import type { DocumentFormat, Edit, Locale, Severity, SeverityName, Span } from '../types.js';
import { DirectiveFilter, parseDirectives } from './directives.js';
import { addTiming, timingEnabled } from './timing.js';
import { mergeEdits, type Fix } from './fix.js';
import type { ReferenceCorpus } from '../copy/corpus.js';
import type { DocumentLayout } from '../layout/types.js';
import type { BatchSink } from './batch.js';
import { appliesToGenre, defaultOptions, type RelatedLocation, type ReportDescriptor, type Rule, type RuleContext } from './rule.js';

/** How one rule is to run: its severity and (partial) options. */
export interface RuleSetting {
  severity: SeverityName;
  options?: Record<string, unknown>;
}

export type RuleRegistry = ReadonlyMap<string, Rule>;

export interface LintTextOptions {
  /** Used in results and to pick the format (`.txt` is plain text, anything else Markdown). */
  filePath?: string;
  format?: DocumentFormat;
  /** Rules to run; rules not named are off. Defaults to each rule's default severity. */
  rules?: Record<string, RuleSetting>;
  locale?: Locale;
  /** The rules to draw from (the built-in rules by default). */
  registry: RuleRegistry;
  /** Settings shared by rules (profile, terms); defaults when absent. */
  settings?: Settings;
  /** Plain text read from Word only: what the reader knows of each line (heading styles, tables, numbering). */
  lineHints?: LineHints;
  /** Keeps what rules that compare files need (lintFiles passes one for a batch). */
  collector?: BatchSink;
  /** Reference documents for rules that compare with them (RuleContext.references); built by lintFiles. */
  references?: ReferenceCorpus;
  /** Read from Word: the document's effective formatting, for the layout rules. */
  layout?: DocumentLayout;
}

export interface LintMessage {
  /** null for findings of the core itself (directive comments). */
  ruleId: string | null;
  messageId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `二、存在的问题 › （一）……`; empty outside any section. */
  sectionPath: string;
  fix?: Fix;
  /** Other places the finding refers to (the source of a copied passage). */
  related?: RelatedLocation[];
  /** The values the message was built from (e.g. a percentage), for formatters that need them. */
  data?: Record<string, string | number>;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** Informational notes (severity 0); they never fail a run. */
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The text that was linted, without BOM. */
  source: string;
  /** The report's title, when it has one (for summaries of a batch). */
  title?: string;
  /** With --fix: the fixed text (BOM kept), when it differs from the input. */
  output?: string;
  /** With --fix: how many fixes each rule made. */
  fixed?: Record<string, number>;
  /** Read from a Word document: messages carry `paragraph` and `quote`. */
  docx?: boolean;
}

export function formatFor(filePath: string | undefined): DocumentFormat {
  return filePath && /\.txt$/i.test(filePath) ? 'text' : 'markdown';
}

export function defaultRuleSettings(registry: RuleRegistry): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const rule of registry.values()) {
    if (rule.recommended !== false) out[rule.id] = { severity: rule.severity };
  }
  return out;
}

/** A rule broke its contract (or threw); its findings for this file are replaced by one internal error. */
class RuleContractError extends Error {}

/** Lints one document held in memory. No I/O. */
export function lintText(text: string, options: LintTextOptions): LintResult {
  const t0 = timingEnabled() ? performance.now() : 0;
  const report = buildReport(text, options.format ?? formatFor(options.filePath), options.lineHints);
  if (t0) addTiming('(parse and model)', performance.now() - t0);
  if (options.layout) report.layout = options.layout;
  return lintReport(report, options);
}

/** A rule's options over its defaults, merged once per setting (a run shares one setting object across its files). */
const mergedOptions = new WeakMap<RuleSetting, { rule: Rule; options: Record<string, unknown> }>();

function optionsFor(rule: Rule, setting: RuleSetting): Record<string, unknown> {
  const memo = mergedOptions.get(setting);
  if (memo && memo.rule === rule) return memo.options;
  const options = Object.freeze({ ...defaultOptions(rule), ...setting.options });
  mergedOptions.set(setting, { rule, options });
  return options;
}

/** Settings when the caller gives none: built once (the layout profile is a deep copy), read-only for rules. */
let builtinSettings: Settings | undefined;

/** Lints a report already built (the fixer builds one per pass and reuses it). */
export function lintReport(report: Report, options: LintTextOptions): LintResult {
  const locale = options.locale ?? 'zh';
  const shared = options.settings ?? (builtinSettings ??= defaultSettings());
  const settings = options.rules ?? defaultRuleSettings(options.registry);
  const pending: { rule: Rule; severity: Severity; d: ReportDescriptor; message: string; fix?: Fix }[] = [];

  for (const [ruleId, setting] of Object.entries(settings)) {
    if (setting.severity === 'off') continue;
    const rule = options.registry.get(ruleId);
    if (!rule) continue; // config validation reports unknown ids; the engine only runs known ones
    if (!appliesToGenre(rule, report.genre)) continue; // a 请示 is not told it lacks a problems section
    const severity: Severity = setting.severity === 'error' ? 2 : 1;
    const found: typeof pending = [];
    const context: RuleContext<Record<string, unknown>> = {
      options: optionsFor(rule, setting),
      locale,
      settings: shared,
      references: options.references,
      filePath: options.filePath,
      isExcluded: (span) => report.excluded.some((e) => e.start <= span.start && span.end <= e.end),
      isEnabled: (id) => {
        const other = settings[id];
        const otherRule = options.registry.get(id);
        return !!other && other.severity !== 'off' && !!otherRule && appliesToGenre(otherRule, report.genre);
      },
      report(d) {
        checkDescriptor(rule, d, report.source.length);
        const edits = d.fix === undefined ? [] : Array.isArray(d.fix) ? d.fix : [d.fix];
        found.push({
          rule,
          severity: d.infoOnly ? 0 : d.warnOnly ? 1 : severity,
          d,
          message: localize(rule.messages[d.messageId], locale, d.data),
          fix: edits.length ? mergeEdits(report.source, edits) : undefined,
        });
      },
    };
    try {
      const t0 = timingEnabled() ? performance.now() : 0;
      rule.check(report, context);
      if (rule.batch && options.collector && options.filePath) {
        options.collector.addData(options.filePath, rule, rule.batch.collect(report, context), context.options, severity);
      }
      if (t0) addTiming(rule.id, performance.now() - t0);
      // Not push(...found): a rule may report more findings than a call takes arguments.
      for (const f of found) pending.push(f);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      pending.push({
        rule,
        severity: 2,
        d: { at: { start: 0, end: 0 }, messageId: 'internal-error' },
        message: coreMessage(locale, 'internalError', { ruleId: rule.id, error: reason }),
      });
    }
  }

  const directives = parseDirectives(report);
  const filter = new DirectiveFilter(directives);
  if (options.collector && options.filePath) options.collector.addFile(options.filePath, report, filter, locale);
  const messages: LintMessage[] = [];
  for (const p of pending) {
    const span = spanOf(p.d.at);
    const start = report.lines.position(span.start);
    if (p.d.messageId !== 'internal-error' && filter.isDisabled(p.rule.id, span.start, start.line)) continue;
    const end = report.lines.position(span.end);
    const section = sectionAt(report, span.start);
    const message: LintMessage = {
      ruleId: p.rule.id,
      messageId: p.d.messageId,
      severity: p.severity,
      message: p.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      sectionPath: section ? sectionPathText(section) : '',
    };
    if (p.fix) message.fix = p.fix;
    if (p.d.data) message.data = p.d.data;
    if (p.d.related?.length) message.related = p.d.related;
    messages.push(message);
  }
  messages.push(...directiveFindings(report, directives, options.registry, locale));
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  const result = summarize(options.filePath ?? '<text>', messages, report.source);
  if (report.title) result.title = report.title.content.text;
  return result;
}

/**
 * The result with other messages, recounted; every other property kept as it is
 * (a cached result's `source` is an accessor that reads the cache file: copied, not read).
 */
export function withMessages(result: LintResult, messages: LintMessage[]): LintResult {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as LintResult;
  const { errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount } = summarize(result.filePath, messages, '');
  return Object.assign(copy, { messages, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount });
}

export function summarize(filePath: string, messages: LintMessage[], source: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else if (m.severity === 1) {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    } else {
      infoCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, source };
}

function spanOf(at: ReportDescriptor['at']): Span {
  return 'span' in at ? at.span : at;
}

/** The engine's side of the contract: what a rule reports must make sense. */
function checkDescriptor(rule: Rule, d: ReportDescriptor, length: number): void {
  const fail = (what: string): never => {
    throw new RuleContractError(`${rule.id}: ${what}`);
  };
  if (!(d.messageId in rule.messages)) fail(`unknown messageId “${d.messageId}”`);
  const span = spanOf(d.at);
  if (!inRange(span, length)) fail(`range [${span.start}, ${span.end}) is outside the document (length ${length})`);
  if (d.fix !== undefined) {
    if (!rule.fixable) fail('reported a fix but is not declared fixable');
    for (const edit of Array.isArray(d.fix) ? d.fix : [d.fix]) {
      if (!isEdit(edit) || !inRange(edit.range, length)) fail('reported a fix outside the document');
    }
  }
}

function inRange(span: Span, length: number): boolean {
  return (
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length
  );
}

function isEdit(edit: Edit): boolean {
  return typeof edit === 'object' && edit !== null && typeof edit.text === 'string' && typeof edit.range === 'object';
}

function directiveFindings(report: Report, directives: ReturnType<typeof parseDirectives>, registry: RuleRegistry, locale: Locale): LintMessage[] {
  const out: LintMessage[] = [];
  for (const d of directives) {
    d.ruleIds.forEach((ruleId, i) => {
      if (registry.has(ruleId)) return;
      const span = d.idSpans[i];
      const start = report.lines.position(span.start);
      const end = report.lines.position(span.end);
      out.push({
        ruleId: null,
        messageId: 'unknown-rule',
        severity: 2,
        message: coreMessage(locale, 'unknownDirectiveRule', { ruleId, suggestion: closest(ruleId, registry.keys()) ?? '' }),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        sectionPath: '',
      });
    });
  }
  return out;
}
