import stringWidth from 'string-width';
import { lintText, type RuleRegistry } from '../engine/lint.js';
import { RULE_CATEGORIES, type Rule, type RuleExample } from '../engine/rule.js';
import { stringify as stringifyYaml } from 'yaml';
import { defaultSettings } from '../settings.js';
import { GENRE_NAMES } from '../model/anatomy.js';
import type { Locale, Localized } from '../types.js';

/**
 * Rule documentation, generated from each rule's metadata and examples: the
 * README table, docs/rules/<id>.md, --list-rules and --explain all come from here.
 */

const L = {
  category: { zh: '类别', en: 'Category' },
  severity: { zh: '默认级别', en: 'Default severity' },
  fixable: { zh: '可自动修复', en: 'Fixable' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  why: { zh: '为什么', en: 'Why' },
  standard: { zh: '依据', en: 'Standard' },
  details: { zh: '说明', en: 'Details' },
  options: { zh: '选项', en: 'Options' },
  option: { zh: '选项', en: 'Option' },
  default: { zh: '默认值', en: 'Default' },
  description: { zh: '说明', en: 'Description' },
  examples: { zh: '示例', en: 'Examples' },
  valid: { zh: '✓ 正确', en: '✓ Correct' },
  invalid: { zh: '✗ 错误', en: '✗ Incorrect' },
  fixed: { zh: '修复后', en: 'After --fix' },
  withOptions: { zh: '选项', en: 'with options' },
  withSettings: { zh: '配置文件', en: 'Config' },
  rule: { zh: '规则', en: 'Rule' },
  summary: { zh: '检查内容', en: 'What it checks' },
  error: { zh: '错误', en: 'error' },
  warn: { zh: '警告', en: 'warn' },
  config: { zh: '配置', en: 'Configuration' },
  notRecommended: { zh: '（不在 recommended 预设中）', en: ' (not in the recommended preset)' },
  genres: { zh: '适用文种', en: 'Applies to' },
  model: { zh: 'reportlint 如何识别标题、条目和公文各部分，见 [报告模型](../model.md)。', en: 'How reportlint tells headings, items and the parts of a document: see [the report model](../model.md).' },
} satisfies Record<string, Localized>;

const t = (key: keyof typeof L, locale: Locale) => L[key][locale];

export function severityLabel(rule: Rule, locale: Locale): string {
  return t(rule.severity, locale);
}

/** The findings an example produces, as `line:column message`. */
function exampleFindings(rule: Rule, example: RuleExample, registry: RuleRegistry, locale: Locale): string[] {
  const text = 'valid' in example ? example.valid : example.invalid;
  const result = lintText(text, {
    registry,
    locale,
    format: example.format ?? 'text',
    rules: { [rule.id]: { severity: rule.severity, options: example.options } },
    settings: { ...defaultSettings(), ...example.settings },
  });
  return result.messages.map((m) => `${m.line}:${m.column}  ${m.message}`);
}

function codeBlock(text: string, lang = ''): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** The full documentation of one rule, as Markdown. */
export function ruleDoc(rule: Rule, registry: RuleRegistry, locale: Locale): string {
  const out: string[] = [];
  out.push(`# ${rule.id}`, '', rule.docs.summary[locale], '');
  out.push(
    `- ${t('category', locale)}: ${RULE_CATEGORIES[rule.category][locale]}`,
    `- ${t('severity', locale)}: ${severityLabel(rule, locale)}${rule.recommended === false ? t('notRecommended', locale) : ''}`,
    `- ${t('fixable', locale)}: ${rule.fixable ? t('yes', locale) : t('no', locale)}`,
    ...(rule.genres ? [`- ${t('genres', locale)}: ${rule.genres.map((g) => GENRE_NAMES[g][locale]).join(locale === 'zh' ? '、' : ', ')}${locale === 'zh' ? '（按标题中的文种识别；未能识别文种的按报告检查）' : ' (told by the kind of document its title names; a document whose kind is not recognised is checked as a report)'}`] : []),
    '',
  );
  out.push(`## ${t('why', locale)}`, '', rule.docs.why[locale], '');
  if (rule.docs.standard) out.push(`## ${t('standard', locale)}`, '', rule.docs.standard, '');
  if (rule.docs.details) out.push(`## ${t('details', locale)}`, '', rule.docs.details[locale], '');
  out.push(t('model', locale), '');

  const options = Object.entries(rule.options);
  if (options.length) {
    out.push(`## ${t('options', locale)}`, '');
    out.push(`| ${t('option', locale)} | ${t('default', locale)} | ${t('description', locale)} |`, '|---|---|---|');
    for (const [name, spec] of options) {
      out.push(`| \`${name}\` | \`${JSON.stringify(spec.default)}\` | ${spec.description[locale].replace(/\|/g, '\\|')} |`);
    }
    out.push('', `${t('config', locale)}:`, '', codeBlock(configSnippet(rule), 'yaml'), '');
  }

  out.push(`## ${t('examples', locale)}`, '');
  for (const example of rule.examples) {
    const valid = 'valid' in example;
    const heading = valid ? t('valid', locale) : t('invalid', locale);
    const opts = example.options ? `（${t('withOptions', locale)} \`${JSON.stringify(example.options)}\`）` : '';
    out.push(`${heading}${locale === 'en' ? opts.replace('（', ' (').replace('）', ')') : opts}`, '');
    if (example.note) out.push(example.note[locale], '');
    // Settings are shown as the config file would hold them.
    if (example.settings) out.push(`${t('withSettings', locale)}:`, '', codeBlock(stringifyYaml(example.settings), 'yaml'), '');
    out.push(codeBlock(valid ? example.valid : example.invalid, example.format === 'markdown' ? 'markdown' : 'text'), '');
    if (!valid) {
      out.push(codeBlock(exampleFindings(rule, example, registry, locale).join('\n')), '');
      if ('output' in example && example.output !== undefined) {
        out.push(`${t('fixed', locale)}:`, '', codeBlock(example.output, 'text'), '');
      }
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function configSnippet(rule: Rule): string {
  const opts = Object.entries(rule.options)
    .map(([k, spec]) => `${k}: ${JSON.stringify(spec.default)}`)
    .join(', ');
  return `rules:\n  ${rule.id}: [${rule.severity}, { ${opts} }]`;
}

/** The Markdown table of all rules, for the README (both languages in one table). */
export function rulesTable(rules: readonly Rule[]): string {
  const rows = [
    '| 规则 Rule | 类别 Category | 级别 Severity | 修复 Fix | 检查内容 | What it checks |',
    '|---|---|---|---|---|---|',
  ];
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const category = RULE_CATEGORIES[rule.category];
    rows.push(
      `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${category.zh} ${category.en} | ${rule.severity} | ${rule.fixable ? '✓' : ''} | ${
        rule.docs.summary.zh
      } | ${rule.docs.summary.en} |`,
    );
  }
  return rows.join('\n');
}

/** `reportlint --list-rules`: one aligned line per rule. */
export function listRules(rules: readonly Rule[], locale: Locale): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => [r.id, RULE_CATEGORIES[r.category][locale], severityLabel(r, locale), r.fixable ? t('fixable', locale) : '', r.docs.summary[locale]]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => stringWidth(r[i]))));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => (i < 4 ? cell + ' '.repeat(widths[i] - stringWidth(cell)) : cell))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
