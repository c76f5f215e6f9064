import { eanValid, luhn, isDummyNumber } from './checksums.js';
import { type Claim, type NumberCtx, type Window, labelledHarmless, letterTouches, looksLikeDate, near } from './numbers.js';
import cardTail from '../../data/card-tail.json';
import { escapeRegExp } from '../../escape-regexp.js';

/**
 * Payment card numbers: 13–19 digits, Luhn-valid, with a known issuer prefix, in any grouping
 * ("4111 1111 1111 1111", "4111-1111-...", spaced or spelled digits). Masked numbers
 * ("4111 **** **** 1111") are not full numbers and are left alone.
 */

export const CARD_CONFIDENCE = {
  /** Luhn + issuer prefix + a card word nearby ("карта", "tarjeta") */
  luhnPrefixContext: 0.99,
  /** Luhn + issuer prefix, grouped like a card (4-4-4-4, 4-6-5) */
  luhnPrefixGrouped: 0.96,
  /** Luhn + issuer prefix, one run of digits */
  luhnPrefix: 0.92,
} as const;

/** Issuer ranges: [prefix low, prefix high, allowed lengths]. Prefixes compare as numbers of equal width. */
const ISSUERS: readonly { name: string; from: string; to: string; lengths: readonly number[] }[] = [
  { name: 'visa', from: '4', to: '4', lengths: [16, 18, 19] },
  { name: 'visa13', from: '4', to: '4', lengths: [13] }, // legacy; only with context (see below)
  { name: 'mastercard', from: '51', to: '55', lengths: [16] },
  { name: 'mastercard', from: '2221', to: '2720', lengths: [16] },
  { name: 'mir', from: '2200', to: '2204', lengths: [16, 17, 18, 19] },
  { name: 'amex', from: '34', to: '34', lengths: [15] },
  { name: 'amex', from: '37', to: '37', lengths: [15] },
  { name: 'diners', from: '300', to: '305', lengths: [14, 16, 19] },
  { name: 'diners', from: '36', to: '36', lengths: [14, 16, 19] },
  { name: 'diners', from: '38', to: '39', lengths: [14, 16, 19] },
  { name: 'discover', from: '6011', to: '6011', lengths: [16, 19] },
  { name: 'discover', from: '644', to: '649', lengths: [16, 19] },
  { name: 'discover', from: '65', to: '65', lengths: [16, 19] },
  { name: 'jcb', from: '3528', to: '3589', lengths: [16, 17, 18, 19] },
  { name: 'unionpay', from: '62', to: '62', lengths: [16, 17, 18, 19] },
  { name: 'maestro', from: '50', to: '50', lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'maestro', from: '56', to: '69', lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'elo', from: '636368', to: '636368', lengths: [16] },
  { name: 'hipercard', from: '606282', to: '606282', lengths: [16] },
  { name: 'troy', from: '9792', to: '9792', lengths: [16] },
  { name: 'rupay', from: '81', to: '82', lengths: [16] },
  { name: 'uatp', from: '1', to: '1', lengths: [15] },
];

const OWN_CONTEXT = 'card';

export function issuerOf(digits: string): string | null {
  for (const i of ISSUERS) {
    if (!i.lengths.includes(digits.length)) continue;
    const p = digits.slice(0, i.from.length);
    if (p >= i.from && p <= i.to) return i.name;
  }
  return null;
}

/** Card-like grouping: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners). */
function groupedLikeCard(w: Window): boolean {
  const g = w.groups.join('-');
  return /^4-4-4-4(?:-[1-4])?$/.test(g) || g === '4-6-5' || g === '4-6-4' || g === '4-4-4-1' || g === '4-4-4-3';
}

export function scoreCard(w: Window, c: NumberCtx): Claim | null {
  const n = w.digits.length;
  if (n < 13 || n > 19 || w.plus) return null;
  if (!luhn(w.digits) || isDummyNumber(w.digits) || looksLikeDate(w)) return null;
  const issuer = issuerOf(w.digits);
  if (!issuer) return null;
  const touch = letterTouches(c.norm.text, w.start, w.end);
  if (touch.before || touch.after) return null;
  // "Commande 4970 1234 5678 9013": an order number that happens to pass Luhn.
  if (labelledHarmless(c, w, [OWN_CONTEXT])) return null;
  const context = near(c, w, OWN_CONTEXT);
  // 13-digit Visa is retired, and Chinese (69x) or British (50x) barcodes fall in Maestro ranges.
  if (n === 13 && !context && (issuer === 'visa13' || eanValid(w.digits))) return null;
  const confidence = context ? CARD_CONFIDENCE.luhnPrefixContext : groupedLikeCard(w) ? CARD_CONFIDENCE.luhnPrefixGrouped : CARD_CONFIDENCE.luhnPrefix;
  return { type: 'personal_data.payment_card', confidence, subtype: issuer };
}

// "… exp 12/27 cvv 123", "срок 05/26, код 381": the expiry and security code written after a card
// number, each with its label, a few characters on. Labels longest first, so "cvv2" wins over "cvv".
const labels = (table: Record<string, string[]>) => [...new Set(Object.values(table).flat())].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const TAIL_GAP = '[\\s,;:.()\\-/]{0,4}';
const EXPIRY_RE = new RegExp(`^${TAIL_GAP}(?:${labels(cardTail.expiry)})${TAIL_GAP}(?:0?[1-9]|1[0-2])\\s?[/.\\-]\\s?(?:\\d{4}|\\d{2})(?!\\d)`, 'iu');
const CODE_RE = new RegExp(`^${TAIL_GAP}(?:${labels(cardTail.code)})${TAIL_GAP}\\d{3,4}(?!\\d)`, 'iu');
const TAIL_LOOK = 48;

/** The end of a card finding taken over the expiry and security code written right after it (either order). */
export function cardTailEnd(text: string, end: number): number {
  const from = end;
  for (let n = 0; n < 2; n++) {
    const rest = text.slice(end, end + TAIL_LOOK);
    const m = EXPIRY_RE.exec(rest) ?? CODE_RE.exec(rest);
    if (!m) break;
    end += m[0].length;
  }
  // "(exp 01/29)": the bracket the tail opened closes with it.
  if (text[end] === ')' && text.slice(from, end).includes('(')) end++;
  return end;
}
