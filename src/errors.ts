import { coreMessage, type CoreMessageId } from './i18n/messages.js';
import type { Locale } from './types.js';

/**
 * A problem with what the user asked for (a path, a flag, a file that cannot be
 * read): the CLI prints it in one line and exits with 2, never with a stack trace.
 */
export class UsageError extends Error {
  constructor(
    readonly messageId: CoreMessageId,
    readonly data: Record<string, string | number> = {},
    /** What `data.reason` (an errno code) means, e.g. 权限不足（EACCES）. */
    readonly why?: CoreMessageId,
  ) {
    super('');
    this.name = 'UsageError';
    this.message = this.format('en');
  }

  format(locale: Locale): string {
    if (!this.why) return coreMessage(locale, this.messageId, this.data);
    const why = coreMessage(locale, this.why, this.data);
    const code = this.data.reason;
    const reason = code === undefined || code === '' ? why : locale === 'zh' ? `${why}（${code}）` : `${why} (${code})`;
    return coreMessage(locale, this.messageId, { ...this.data, reason });
  }
}
