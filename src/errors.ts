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
  ) {
    super(coreMessage('en', messageId, data));
    this.name = 'UsageError';
  }

  format(locale: Locale): string {
    return coreMessage(locale, this.messageId, this.data);
  }
}
