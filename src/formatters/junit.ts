import type { LintMessage } from '../engine/lint.js';
import { checkId, isFatal, relativePath, TOOL_NAME, word } from './shared.js';
import type { Formatter } from './types.js';

/**
 * `--format junit`: JUnit XML for CI test reports. One testsuite per file;
 * in it one testcase per rule with findings (a `<failure>` listing
 * `line:column message` when any is an error or a warning; informational notes
 * alone pass, listed in `<system-out>`), or one passing testcase for a clean file.
 * A file that could not be read is an `<error>`.
 */

/** Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/** Escapes element content. */
export function xmlText(text: string | number): string {
  return xmlChars(String(text)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value; line breaks and tabs as references, so they survive. */
export function xmlAttr(text: string | number): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttr(value)}"`)
    .join('');
}

function lines(messages: LintMessage[]): string {
  return messages.map((m) => `${m.line}:${m.column} ${m.message}`).join('\n');
}

export const junit: Formatter = (results, { locale, cwd }) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = relativePath(cwd, result.filePath);
    const byCheck = new Map<string, LintMessage[]>();
    for (const m of result.messages) {
      const id = checkId(m);
      const list = byCheck.get(id);
      if (list) list.push(m);
      else byCheck.set(id, [m]);
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    for (const [id, messages] of byCheck) {
      const head = `    <testcase${attrs({ classname: file, name: id })}>`;
      if (messages.some(isFatal)) {
        suiteErrors++;
        const message = messages.map((m) => m.message).join('\n');
        cases.push(`${head}\n      <error${attrs({ message, type: messages[0].messageId })}>${xmlText(lines(messages))}</error>\n    </testcase>`);
      } else if (messages.some((m) => m.severity > 0)) {
        suiteFailures++;
        const type = messages.some((m) => m.severity === 2) ? 'error' : 'warning';
        const message = word(locale, 'problems', { count: messages.length });
        cases.push(`${head}\n      <failure${attrs({ message, type })}>${xmlText(lines(messages))}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}\n      <system-out>${xmlText(lines(messages))}</system-out>\n    </testcase>`);
      }
    }
    if (!cases.length) cases.push(`    <testcase${attrs({ classname: file, name: TOOL_NAME })}/>`);
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite${attrs({ name: file, tests: cases.length, failures: suiteFailures, errors: suiteErrors, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: TOOL_NAME, tests, failures, errors })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
