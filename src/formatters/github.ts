import { checkId, relativePath, TOOL_NAME, word } from './shared.js';
import { visible } from './terminal-text.js';
import type { Formatter } from './types.js';

/**
 * `--format github`: GitHub Actions workflow commands, one a finding, which
 * the runner turns into annotations on the files of a pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Errors are `error`, warnings `warning`, informational notes `notice`.
 */

/**
 * A command's message: `%`, CR and LF escaped, as GitHub's toolkit does; ESC and bidi
 * controls shown as `\x1b`, `\u202e`, so that they cannot act on the log.
 */
export function escapeData(text: string): string {
  return visible(text, { keepNewlines: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as a message, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, { locale, cwd }) => {
  const out: string[] = [];
  for (const result of results) {
    const file = relativePath(cwd, result.filePath);
    for (const m of result.messages) {
      const command = m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : 'notice';
      const title = m.ruleId === null ? checkId(m) : `${TOOL_NAME}: ${m.ruleId}`;
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(title)}`,
      ];
      const message = m.sectionPath ? `${m.message}\n${word(locale, 'section', { section: m.sectionPath })}` : m.message;
      out.push(`::${command} ${properties.join(',')}::${escapeData(message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
};
