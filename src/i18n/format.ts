import type { Locale, Localized } from '../types.js';

/**
 * Fills `{name}` placeholders; `{name|one|other}` picks a word by the number
 * (`{n} {n|file|files}`). Unknown names are left as written.
 */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in data)) return whole;
    if (one === undefined) return String(data[name]);
    return Number(data[name]) === 1 ? one : other!;
  });
}

export function localize(text: Localized, locale: Locale, data?: Record<string, string | number>): string {
  return interpolate(text[locale] ?? text.zh, data);
}
