import { coreMessage, type CoreMessageId } from '../i18n/messages.js';
import type { Locale } from '../types.js';

/**
 * A config file (or --config / --rule value) that cannot be used. Names the file, the 1-based line
 * (0 when the problem is the file as a whole, e.g. it cannot be found) and the key path.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(
    /** Absolute path of the config file, or `--rule` / `--config` for command-line values. */
    readonly file: string,
    /** 1-based; 0 when no line applies. */
    readonly line: number,
    /** A core message id: the detail, wrapped in `configError` by `format`. */
    readonly messageId: CoreMessageId,
    readonly data: Record<string, string | number> = {},
    /** Where in the config, e.g. `rules.no-placeholder.extraPatterns[0]`; empty for the file as a whole. */
    readonly keyPath = '',
  ) {
    super('');
    this.message = this.format('en');
  }

  /** The detail alone, e.g. `unknown rule “no-placeholdr”`. */
  detail(locale: Locale): string {
    return coreMessage(locale, this.messageId, this.data);
  }

  /** `Config error in /abs/.reportlintrc.yaml:4: unknown rule “no-placeholdr”`. */
  format(locale: Locale): string {
    const detail = this.detail(locale);
    return this.line > 0
      ? coreMessage(locale, 'configError', { file: this.file, line: this.line, detail })
      : coreMessage(locale, 'configErrorNoLine', { file: this.file, detail });
  }
}
