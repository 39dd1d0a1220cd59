import type { Locale, Localized } from '../types.js';

/** Fills `{name}` placeholders; unknown names are left as written. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function localize(text: Localized, locale: Locale, data?: Record<string, string | number>): string {
  return interpolate(text[locale] ?? text.zh, data);
}
