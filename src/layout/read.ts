import { openPackage } from '../docx/package.js';
import { documentLayout } from './document.js';
import type { DocumentLayout } from './types.js';

/**
 * The layout of a Word file, for the read phase. A package the layout reader
 * cannot make sense of gives no layout (the text is still linted): layout
 * rules then stay silent rather than guess.
 */
export async function readLayout(bytes: Buffer): Promise<DocumentLayout | undefined> {
  try {
    return documentLayout(await openPackage(bytes));
  } catch {
    return undefined;
  }
}
