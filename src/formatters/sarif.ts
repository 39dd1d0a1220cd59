import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize } from '../i18n/format.js';
import type { LintMessage, LintResult } from '../engine/lint.js';
import type { RelatedLocation, Rule } from '../engine/rule.js';
import type { Locale } from '../types.js';
import { VERSION } from '../version.js';
import {
  checkId,
  clip,
  fingerprints,
  isFatal,
  messageExtras,
  relativePath,
  ruleDocsUrl,
  SourceMap,
  TOOL_NAME,
  TOOL_URL,
  word,
} from './shared.js';
import type { Formatter, FormatterContext } from './types.js';

/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF
 * viewers. One run; the rules that have findings are described in
 * `tool.driver.rules` (summary, why, help link, default level); each finding has
 * its region (columns in UTF-16 code units, as reported), a snippet, a stable
 * fingerprint (`partialFingerprints`), the places it refers to (`relatedLocations`: the source of a
 * copied passage) and its fix when it has one. Files that could not be read
 * are tool execution notifications, not results.
 */

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Paths under the working directory are relative to this base (its absolute URI is in `originalUriBaseIds`). */
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'reportlint/v1';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet?: { text: string };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region?: Region;
}

type Level = 'error' | 'warning' | 'note';

function level(severity: LintMessage['severity']): Level {
  return severity === 2 ? 'error' : severity === 1 ? 'warning' : 'note';
}

/** `punctuation-width` → `PunctuationWidth`: SARIF's friendly rule name. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function mimeType(filePath: string): string | undefined {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'text/markdown';
  if (ext === '.txt') return 'text/plain';
  if (ext === '.docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return undefined;
}

function ruleDescriptor(rule: Rule, locale: Locale) {
  const summary = localize(rule.docs.summary, locale);
  const why = localize(rule.docs.why, locale);
  const details = rule.docs.details ? localize(rule.docs.details, locale) : undefined;
  const url = ruleDocsUrl(rule.id);
  const parts = [why, details, rule.docs.standard].filter((p): p is string => Boolean(p));
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: summary },
    fullDescription: { text: why },
    help: { text: [...parts, url].join('\n\n'), markdown: [...parts, `[${rule.id}](${url})`].join('\n\n') },
    helpUri: url,
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning', enabled: rule.recommended !== false },
    properties: { category: rule.category, tags: [rule.category], fixable: rule.fixable },
  };
}

export const sarif: Formatter = (results, context) => JSON.stringify(sarifLog(results, context), null, 2) + '\n';

/** The SARIF log as an object (the formatter serialises it). */
export function sarifLog(results: LintResult[], { locale, cwd, registry }: FormatterContext) {
  const sources = new Map<string, SourceMap>(results.map((r) => [r.filePath, new SourceMap(r.source)]));

  // Artifacts: the files linted, then the files findings refer to.
  const artifacts: { location: ArtifactLocation; mimeType?: string }[] = [];
  const artifactIndex = new Map<string, number>();
  const root = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const locate = (filePath: string): ArtifactLocation => {
    const absolute = path.resolve(cwd, filePath);
    // Under cwd: a relative URI on %SRCROOT% (what GitHub code scanning wants); elsewhere an absolute file URI.
    const location: ArtifactLocation = absolute.startsWith(root)
      ? { uri: relativePath(cwd, absolute).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
      : { uri: pathToFileURL(absolute).href };
    let index = artifactIndex.get(absolute);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(absolute, index);
      const mime = mimeType(absolute);
      artifacts.push({ location: { ...location }, ...(mime ? { mimeType: mime } : {}) });
    }
    return { ...location, index };
  };
  for (const r of results) locate(r.filePath);

  // Rules: those with findings, in the registry's order.
  const used = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  const rules = [...registry.values()].filter((rule) => used.has(rule.id));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));

  const region = (
    at: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>,
    map: SourceMap | undefined,
  ): Region => {
    const out: Region = { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn };
    const text = map?.textOf(at);
    if (text) out.snippet = { text };
    return out;
  };

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const map = sources.get(r.filePath)!;
    const prints = fingerprints(r, cwd, map);
    const docx = (r as LintResult & { docx?: boolean }).docx === true;
    r.messages.forEach((m, i) => {
      if (isFatal(m)) {
        notifications.push({
          level: 'error',
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation: locate(r.filePath) } }],
          descriptor: { id: m.messageId },
        });
        return;
      }
      const physicalLocation: PhysicalLocation = { artifactLocation: locate(r.filePath), region: region(m, map) };
      const result: Record<string, unknown> = { ruleId: checkId(m) };
      const index = m.ruleId === null ? undefined : ruleIndex.get(m.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      result.level = level(m.severity);
      result.message = { text: m.message };
      result.locations = [{ physicalLocation }];
      result.partialFingerprints = { [FINGERPRINT_KEY]: prints[i] };
      if (m.related?.length) result.relatedLocations = m.related.map((rel, k) => relatedLocation(rel, k + 1));
      // A Word document's findings point into its extracted text: a fix there has no place in the .docx.
      if (m.fix && !docx) {
        const from = map.source.slice(m.fix.range[0], m.fix.range[1]);
        const to = m.fix.text;
        const start = map.position(m.fix.range[0]);
        const end = map.position(m.fix.range[1]);
        const description = !from ? word(locale, 'fixInsert', { to: clip(to) }) : !to ? word(locale, 'fixDelete', { from: clip(from) }) : word(locale, 'fixReplace', { from: clip(from), to: clip(to) });
        result.fixes = [
          {
            description: { text: description },
            artifactChanges: [
              {
                artifactLocation: locate(r.filePath),
                replacements: [
                  {
                    deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
                    ...(to ? { insertedContent: { text: to } } : {}),
                  },
                ],
              },
            ],
          },
        ];
      }
      const properties: Record<string, unknown> = { messageId: m.messageId };
      if (m.sectionPath) properties.sectionPath = m.sectionPath;
      Object.assign(properties, messageExtras(m));
      result.properties = properties;
      sarifResults.push(result);
    });
  }

  function relatedLocation(rel: RelatedLocation, id: number) {
    const out: Record<string, unknown> = {
      id,
      physicalLocation: { artifactLocation: locate(rel.filePath), region: region(rel, sources.get(rel.filePath)) },
    };
    if (rel.message) out.message = { text: rel.message };
    return out;
  }

  return {
    $schema: SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: TOOL_URL,
            rules: rules.map((rule) => ruleDescriptor(rule, locale)),
          },
        },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href } },
        artifacts,
        results: sarifResults,
        language: locale === 'zh' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits' as const,
      },
    ],
  };
}
