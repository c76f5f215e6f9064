import type { FindingType, Span } from '../models/finding.js';
import type { Lang } from './types.js';
import en from './data/messages/en.json';
import es from './data/messages/es.json';
import fr from './data/messages/fr.json';
import pl from './data/messages/pl.json';
import pt from './data/messages/pt.json';
import ru from './data/messages/ru.json';
import uk from './data/messages/uk.json';

/**
 * Buyer feedback per finding: a short message and a suggestion in the buyer's language (from
 * data/messages/<lang>.json; a type missing from a file falls back to English), and a fix the
 * pre-check widget can apply with one click.
 */
export interface Message { message: string; suggestion: string }
type Catalog = Partial<Record<FindingType, Message>>;

export const CATALOGS: Readonly<Record<Lang, Catalog>> = {
  en: en as Catalog, ru: ru as Catalog, es: es as Catalog, pt: pt as Catalog,
  fr: fr as Catalog, pl: pl as Catalog, uk: uk as Catalog,
};

/**
 * Types whose span the buyer can simply delete. The rest have no text fix: a threat or an
 * undisclosed tie is fixed by rewriting or ticking a box, a reported incentive is not the
 * buyer's fault, and removing words the buyer chose would put words in their mouth.
 */
const REMOVABLE: ReadonlySet<FindingType> = new Set<FindingType>([
  'personal_data.email', 'personal_data.phone', 'personal_data.payment_card', 'personal_data.bank_account',
  'personal_data.government_id', 'personal_data.postal_address',
  'off_platform.link', 'off_platform.contact', 'off_platform.deal', 'off_platform.phishing',
]);

/** Brackets and quotes that would be left empty around a removed span: "(+7 916 …)" → "". */
const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>', '"': '"', "'": "'", '«': '»', '„': '“', '“': '”', '‘': '’' };
/** After a removal these close up to the word before: "call +7 916 123, thanks" → "call, thanks". */
const CLOSING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '»', '…']);

export function messageFor(type: FindingType, lang: Lang): Message | undefined {
  return CATALOGS[lang]?.[type] ?? CATALOGS.en[type];
}

/** A machine-applicable edit over the ORIGINAL text: replace [start, end) with `replacement`. */
export interface Fix { start: number; end: number; replacement: string }

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f';
const isBreak = (c: string | undefined) => c === undefined || c === '\n' || c === '\r';

/**
 * The one-click fix for a finding, or undefined when deleting text is not the remedy.
 * Removal also takes the space that would be left doubled, so applying fixes one by one keeps
 * the text tidy: "call me +7 916 123-45-67 today" → "call me today".
 */
export function fixFor(text: string, type: FindingType, span: Span | undefined): Fix | undefined {
  if (!span || !REMOVABLE.has(type)) return undefined;
  let a = Math.max(0, Math.min(span.start, text.length));
  let b = Math.max(a, Math.min(span.end, text.length));
  if (a === b) return undefined;
  const close = PAIRS[text[a - 1] ?? ''];
  if (close !== undefined && close === text[b]) { a--; b++; }
  const before = text[a - 1];
  const after = text[b];
  if (isBlank(after) && (isBlank(before) || isBreak(before))) {
    while (isBlank(text[b])) b++;
  } else if (isBlank(before) && (isBreak(after) || CLOSING_PUNCT.has(after!))) {
    while (isBlank(text[a - 1])) a--;
  }
  return { start: a, end: b, replacement: '' };
}
