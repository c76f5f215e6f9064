// TEMPORARY placeholder by the lead so the worker builds; the personal-data helper replaces this file.
import type { Lang } from './types.js';
import { LANGS } from './types.js';
export function detectLanguage(_text: string, locale?: string): Lang {
  const l = (locale ?? 'en').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'en';
}
export function guessRegion(_lang: Lang, _locale: string | undefined, _text: string): string | undefined {
  return undefined;
}
