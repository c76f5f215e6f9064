import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isDummyNumber } from './checksums.js';
import {
  type Claim, type NumberCtx, type Window,
  closestLabel, inUrlPath, labelledHarmless, letterTouches, looksLikeAmount, looksLikeDate, looksLikeDottedVersion, near, oddBrackets,
} from './numbers.js';

/**
 * Phone numbers, any country. A cheap scan (digit clusters from normalize.ts) finds candidates;
 * libphonenumber's full metadata validates them; prices, dates, sizes, order and tracking
 * numbers and model codes are turned away before the library is asked.
 */

export const PHONE_CONFIDENCE = {
  /** "+7 916 123-45-67": international format, valid */
  internationalValid: 0.97,
  /** valid in the region of the submission (locale or language), with a phone word nearby */
  regionValidContext: 0.97,
  /** valid in the region of the submission */
  regionValid: 0.9,
  /** valid only in another common region, phone word nearby */
  otherRegionValidContext: 0.88,
  /** valid only in another common region, and written like a phone (grouped, bracketed, spelled) */
  otherRegionValid: 0.7,
  /** not valid anywhere we tried, but a phone word is next to a phone-shaped number */
  shapeContext: 0.65,
} as const;

/**
 * Regions tried when the submission's own region rejects a number without "+", by its first
 * digit: a leading 0 is a trunk prefix in most of Europe and Asia, 8 in Russia and its
 * neighbours; numbers with no trunk prefix are national numbers of countries that have none.
 * Our markets come first.
 */
const FALLBACK_BY_FIRST_DIGIT: Record<string, readonly CountryCode[]> = {
  '0': ['UA', 'GB', 'FR', 'DE', 'IT', 'BR', 'AR', 'MX', 'TR', 'NZ', 'AU', 'PH', 'IN', 'CN', 'JP', 'IL', 'SG'],
  '8': ['RU', 'KZ', 'BY', 'US', 'ES', 'BR', 'SG'],
  '1': ['US', 'CN', 'AU', 'BR', 'MX', 'IT'],
  other: ['US', 'CA', 'ES', 'PT', 'PL', 'RU', 'BR', 'MX', 'IT', 'TR', 'IN', 'SG', 'KZ'],
};

const fallbackRegions = (digits: string): readonly CountryCode[] => FALLBACK_BY_FIRST_DIGIT[digits[0]!] ?? FALLBACK_BY_FIRST_DIGIT.other!;

// Country codes people write without "+" in our markets (RU/KZ, UA, BY, PL, ES, PT, BR, FR, GB, DE, IT, MX, AR, TR, US),
// and China's, the sellers' own ("whatsapp 8613925570162").
const COUNTRY_CODES_WITHOUT_PLUS = /^(?:7|380|375|48|34|351|55|33|44|49|39|52|54|90|1|86)/;

const MIN_DIGITS_BARE = 8; // "1234567" alone is too often something else
const MIN_DIGITS_CONTEXT = 7;
const MAX_DIGITS = 15; // E.164

// "my number" is the writer's phone against a nearer "order" ("my number was on the order - three one two…").
const OWN_CONTEXT = ['phone', 'myNumber'] as const;

function valid(digits: string, region?: CountryCode): boolean {
  const p = parsePhoneNumberFromString(digits, region ? { defaultCountry: region } : undefined);
  return !!p && p.isValid();
}

/** Written the way people write phones: grouped, bracketed, spelled or spaced out. */
function phoneShaped(w: Window, c: NumberCtx): boolean {
  if (w.groups.length >= 2) return true;
  if (w.text.includes('(')) return true;
  // National format with a trunk zero: "09171234567", "0671234567", "0612345678", "033316005".
  if (w.digits[0] === '0' && w.digits[1] !== '0' && w.digits.length >= 9 && w.digits.length <= 11) return true;
  const d = c.norm.disguises(w.start, w.end);
  return d.has('spelled-digit') || d.has('fullwidth') || d.has('script-digit') || d.has('invisible');
}

// "2024-00123", "2023/118734": a document or invoice number that starts with its year.
function yearPrefixed(w: Window): boolean {
  const y = Number(w.digits.slice(0, 4));
  return w.groups[0] === 4 && y >= 1990 && y <= 2039 && (w.seps[0] === '-' || w.seps[0] === '/');
}
// Postcodes with a dash: BR "01310-200", PT "1100-053".
const POSTCODE_SHAPES = new Set(['5-3', '4-3']);

/**
 * "Pour le prochain envoi : 06 47 21 93 58": a harmless label ("envoi", "order") turns a number
 * away, but not one written in GROUPED_MIN or more groups exactly as a country's own phone
 * format groups it (libphonenumber's national or international format): order, tracking and
 * model numbers are not written in a phone's pairs. Three groups are not enough: a Multibanco
 * reference is "274 815 396", like a Portuguese phone. Asked only under such a label (rare).
 */
const GROUPED_MIN = 4;
function groupedAsPhone(w: Window, c: NumberCtx): boolean {
  if (w.groups.length < GROUPED_MIN) return false;
  const same = (formatted: string) => {
    const parts = formatted.split(/\D+/).filter(Boolean).map((g) => g.length);
    return parts.length === w.groups.length && parts.every((len, k) => len === w.groups[k]);
  };
  if (w.plus) {
    const p = parsePhoneNumberFromString('+' + w.digits);
    return !!p && p.isValid() && same(p.formatInternational());
  }
  const region = c.input.region as CountryCode | undefined;
  // One unit of the text's fallback budget per window, as scorePhone spends.
  if (c.budget.fallbackParses-- <= 0) return false;
  const tried = [...(region ? [region] : []), ...fallbackRegions(w.digits)];
  for (const r of tried) {
    const p = parsePhoneNumberFromString(w.digits, { defaultCountry: r });
    if (p?.isValid() && same(p.formatNational())) return true;
  }
  return false;
}

export function scorePhone(w: Window, c: NumberCtx): Claim | null {
  const n = w.digits.length;
  if (n > MAX_DIGITS || n < MIN_DIGITS_CONTEXT) return null;
  const context = near(c, w, 'phone');
  // "номер", "number": enough to accept a shorter run, never enough to raise confidence.
  const numberWord = context || near(c, w, 'phoneNumberWord');
  if (n > MAX_DIGITS || n < (numberWord || w.plus ? MIN_DIGITS_CONTEXT : MIN_DIGITS_BARE)) return null;
  if (looksLikeDate(w) || looksLikeDottedVersion(w, w.plus || numberWord) || oddBrackets(w, c.norm.text) || yearPrefixed(w)) return null;
  if (!w.plus && !context && w.seps.length === 1 && w.seps[0] === '-' && POSTCODE_SHAPES.has(w.groups.join('-'))) return null;
  // A straight run is a placeholder only when nothing calls it a phone: "llámame al 654 321 098"
  // is a real Spanish mobile, and redacting a placeholder someone called a phone costs little.
  if (!w.plus && ((!context && isDummyNumber(w.digits)) || looksLikeAmount(c.norm.text, w.start, w.end))) return null;
  const touch = letterTouches(c.norm.text, w.start, w.end);
  if (touch.before && !w.plus && !context) return null; // "SM-G991B", "v2.3", "A12345678"
  if (touch.after && !/^(?:x|ext|доб)/i.test(c.norm.lower.slice(w.end, w.end + 4))) return null;
  // A "+" and a number valid in its country is written for dialling, whatever label is near ("the
  // number on the order, which was mine (+91 98201 44736)", "Мій номер для ТТН: +380 67 512 48 93").
  // Every "+" number that gets here is validated below anyway: once, here (libphonenumber's
  // validation is the dearest step of this scorer).
  const plusValid = w.plus && valid('+' + w.digits);
  if (labelledHarmless(c, w, OWN_CONTEXT) && !plusValid && !groupedAsPhone(w, c)) return null;
  if (!w.plus && inUrlPath(c.norm, w.start)) return null;

  const sub = 'phone';
  if (w.plus) {
    if (plusValid) return { type: 'personal_data.phone', confidence: PHONE_CONFIDENCE.internationalValid, subtype: sub };
    return context && n >= 9 ? { type: 'personal_data.phone', confidence: PHONE_CONFIDENCE.shapeContext, subtype: 'phone-unvalidated' } : null;
  }
  const region = c.input.region as CountryCode | undefined;
  if (region && valid(w.digits, region)) {
    return { type: 'personal_data.phone', confidence: context ? PHONE_CONFIDENCE.regionValidContext : PHONE_CONFIDENCE.regionValid, subtype: sub };
  }
  const shaped = phoneShaped(w, c);
  if (!numberWord && !shaped) return null;
  // A number another label names ("картка 2001 5067 8901 2") is not a phone from a far-away region.
  if (!context && (closestLabel(c, w, 'card') || closestLabel(c, w, 'bank') || closestLabel(c, w, 'gov'))) return null;
  // Each window may try the other regions once; the budget caps how many windows per text do.
  if (c.budget.fallbackParses-- > 0) {
    // A country code of our markets written without its "+" ("79161234567", "380671234567").
    const asInternational = n >= 11 && COUNTRY_CODES_WITHOUT_PLUS.test(w.digits) && valid('+' + w.digits);
    const tried = asInternational ? [] : fallbackRegions(w.digits);
    const hit = asInternational ? 'intl' : tried.find((r) => r !== region && valid(w.digits, r));
    if (hit) return { type: 'personal_data.phone', confidence: context ? PHONE_CONFIDENCE.otherRegionValidContext : PHONE_CONFIDENCE.otherRegionValid, subtype: `phone-${hit}` };
  }
  if (context && shaped && n >= 9 && n <= 13) return { type: 'personal_data.phone', confidence: PHONE_CONFIDENCE.shapeContext, subtype: 'phone-unvalidated' };
  return null;
}
