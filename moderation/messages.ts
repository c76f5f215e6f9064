import type { FindingType } from '../models/finding.js';
import type { Lang } from './types.js';
import en from './data/messages/en.json';

/**
 * Buyer-facing messages per finding type and language. Files live in data/messages/<lang>.json;
 * a language without a file, or a type missing from one, falls back to English.
 */
export interface Message { message: string; suggestion: string }
type Catalog = Partial<Record<FindingType, Message>>;

const CATALOGS: Partial<Record<Lang, Catalog>> = { en: en as Catalog };

export function messageFor(type: FindingType, lang: Lang): Message | undefined {
  return CATALOGS[lang]?.[type] ?? CATALOGS.en?.[type];
}
