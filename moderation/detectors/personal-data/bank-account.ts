import { getCountrySpecifications, isValidIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { weighted } from './checksums.js';
import { type Claim, type NumberCtx, type Window, cyrillicCapsTest, labelledHarmless, latinCaps, letterTouches, looksLikeDate, near } from './numbers.js';
import { gapSays, PART_GAP_MAX, partGap, REST_WORDS, THEN_WORDS } from './parts.js';

/**
 * Bank accounts: IBANs (any country, ibantools checksum) found by their own scan, and national
 * account numbers read from digit windows — with a checksum where the country has one (PL NRB,
 * ES CCC, PT NIB, FR RIB, RU account structure, US ABA routing, MX CLABE), otherwise only next to a bank
 * word ("счёт", "conta", "IBAN").
 */

export const BANK_CONFIDENCE = {
  /** IBAN with a valid checksum and a bank word nearby */
  ibanContext: 0.99,
  /** IBAN with a valid checksum */
  iban: 0.97,
  /** IBAN whose mod-97 checksum holds but whose country's own check digits inside it do not (a typo, or made up) */
  ibanNationalCheckOff: 0.9,
  /** national number with a valid check (NRB, CCC, NIB, RIB) */
  nationalChecksum: 0.9,
  /** national structure without a check digit (RU 20-digit account with currency code) */
  nationalStructure: 0.85,
  /** digits next to a bank word ("conta 12345-6", "account 12345678") */
  context: 0.8,
} as const;

const SPECS = getCountrySpecifications();
const OWN_CONTEXT = ['bank'] as const;

export interface Found {
  /** Normalised span. */
  start: number;
  end: number;
  claim: Claim;
  /** Set instead of a normalised span for a copy found only in the submitted text. */
  original?: { start: number; end: number };
}

// Between an IBAN's characters people put spaces and dashes, or dots, slashes and underscores to
// slip past filters ("UA39.3052.9900…", "UA67/322001/…"), and a line break may fall inside one.
// The checksum decides: a valid IBAN is someone's account however it is cut. (Presidio's IBAN
// suite holds "AL47/2121/…" as a negative; we redact it, and the eval shows that one case.)
const IBAN_SEPARATORS = ' -./_';
const isLineBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';
/**
 * Length of the separator at k: one separator mark, a mark with a space on each side ("BE84 /
 * 0635 / 8127"), a line break, or a mark then a line break; or one emoji, spaced or not ("BE58 🔹 3104").
 */
function ibanSepLength(text: string, k: number): number {
  if (text[k] === ' ' && text[k + 2] === ' ' && text[k + 1] !== ' ' && IBAN_SEPARATORS.includes(text[k + 1]!)) return 3;
  let j = k;
  if (IBAN_SEPARATORS.includes(text[j]!)) j++;
  if (text[j] === '\r') j++;
  if (text[j] === '\n') j++;
  if (j === k || text[j - 1] === ' ') {
    EMOJI_SEP_RE.lastIndex = j;
    const m = EMOJI_SEP_RE.exec(text);
    if (m) j += m[0].length;
  }
  return j - k;
}
// One pictograph (and its variation selector) between groups, a space after it or not.
const EMOJI_SEP_RE = /[\u{1F000}-\u{1FAFF}\u2600-\u27BF\u2B00-\u2BFF]\uFE0F? ?/uy;

/**
 * "ES93 2100 0418. Sigue con 4897 7747 6905", "UA60 3052 9900 0004 4539. Далі 5036 9973 4": an
 * IBAN cut short, then words that say the rest follows (parts.ts), then digits. Returns where the
 * next part starts, or -1.
 */
function partFollows(text: string, lower: string, k: number): number {
  let j = k;
  while (j < text.length && j - k <= PART_GAP_MAX && !(text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) j++;
  return j < text.length && partGap(text, k, j) && (gapSays(lower, k, j, REST_WORDS) || gapSays(lower, k, j, THEN_WORDS)) ? j : -1;
}
// Country code + check digits; the rest is read by hand so spacing can vary ("DE89 3704 0044 ...").
// Spelled one character at a time too ("F R 7 6 3 0 0 0 …"); a space inside the country code
// alone ("G T82 TRAJ …", one of Presidio's negatives) is no IBAN.
const IBAN_START_RE = /(?<![\p{L}\p{N}])(?:([A-Z]{2}|[a-z]{2})(\d{2})|([A-Z] [A-Z]|[a-z] [a-z]) (\d \d))/gu;

/**
 * ibantools also checks the check digits some countries keep inside the account (Portugal's NIB,
 * Spain's, France's RIB key...). An IBAN whose own mod-97 checksum holds but whose inner check
 * does not is still someone's account as far as a reader can tell, mistyped or made up: one
 * chance in 97 for a random string of the right country, length and format. Redacted, a little
 * less surely.
 */
function ibanCheck(iban: string): 'valid' | 'national-off' | 'invalid' {
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return 'valid';
  return errorCodes.length === 1 && errorCodes[0] === ValidationErrorsIBAN.WrongAccountBankBranchChecksum ? 'national-off' : 'invalid';
}

// Cyrillic look-alike capitals next to a digit: an IBAN typed on a Cyrillic keyboard (numbers.ts latinCaps).
const CYR_CAP_NEAR_DIGIT_RE = cyrillicCapsTest('[X][A-ZX]?\\d|\\d[X]');

/** IBANs in the normalised text. Linear: each candidate reads at most 34 characters plus separators. */
export function findIbans(normText: string, c: NumberCtx): Found[] {
  const text = latinCaps(normText, CYR_CAP_NEAR_DIGIT_RE);
  const out: Found[] = [];
  IBAN_START_RE.lastIndex = 0;
  for (let m = IBAN_START_RE.exec(text); m; m = IBAN_START_RE.exec(text)) {
    const letters = (m[1] ?? m[3])!.replace(' ', '');
    const cc = letters.toUpperCase();
    const spec = SPECS[cc];
    if (!spec?.chars) continue;
    const upper = letters === cc;
    let iban = cc + (m[2] ?? m[4])!.replace(' ', '');
    let k = m.index + m[0].length;
    let parted = false;
    while (iban.length < spec.chars && k < text.length) {
      let ch = text[k]!;
      // Cut short with words that say the rest follows: once per IBAN, at least a group in already.
      if (!parted && iban.length >= 8) {
        const next = partFollows(text, c.norm.lower, k);
        if (next > 0) { parted = true; k = next; continue; }
      }
      const sep = ibanSepLength(text, k);
      if (sep > 0) {
        // one separator between characters, never two in a row; the checksum decides the rest
        const next = text[k + sep];
        if (next === undefined || IBAN_SEPARATORS.includes(next) || isLineBreak(next)) break;
        k += sep;
        ch = text[k]!;
      }
      const isDigit = ch >= '0' && ch <= '9';
      const isLetter = upper ? ch >= 'A' && ch <= 'Z' : ch >= 'a' && ch <= 'z';
      if (!isDigit && !isLetter) break;
      iban += ch.toUpperCase();
      k++;
    }
    // The next character must not continue the same token ("...3111 0120" doubled numbers).
    const next = text[k];
    const check = iban.length === spec.chars && !(next !== undefined && /[\p{L}\p{N}]/u.test(next)) ? ibanCheck(iban) : 'invalid';
    if (check === 'invalid') {
      // A code typed in Cyrillic ("ВЕ12 …") passes as Latin only with a valid checksum.
      if (text !== normText && text.slice(m.index, k) !== normText.slice(m.index, k)) continue;
      const mistyped = mistypedIban(text, m.index, m.index + m[0].length, spec.chars, upper, c);
      if (mistyped) { out.push(mistyped); IBAN_START_RE.lastIndex = mistyped.end; }
      continue;
    }
    const w = { start: m.index, end: k };
    const confidence = check === 'national-off' ? BANK_CONFIDENCE.ibanNationalCheckOff : near(c, w, 'bank') ? BANK_CONFIDENCE.ibanContext : BANK_CONFIDENCE.iban;
    out.push({ ...w, claim: { type: 'personal_data.bank_account', confidence, subtype: check === 'national-off' ? `iban-${cc}-national-check-off` : `iban-${cc}` } });
    IBAN_START_RE.lastIndex = k;
  }
  return out;
}

/** How far a mistyped IBAN's length may stray from its country's. */
const MISTYPED_SLACK = 3;

/**
 * "на рахунок UA31 3052 9900 0002 6200 1234 5678 901", "przelewem na konto PL17 2410 … 12": an
 * IBAN's shape (its country, check digits, then groups) a few characters longer or shorter than
 * its country's, right after a bank word. Someone's account mistyped as far as a reader can tell:
 * redacted at the bank word's confidence. Without the word it is any code.
 */
function mistypedIban(text: string, start: number, from: number, chars: number, upper: boolean, c: NumberCtx): Found | null {
  let k = from;
  let n = text.slice(start, from).replaceAll(' ', '').length;
  while (k < text.length && n <= chars + MISTYPED_SLACK) {
    const sep = text[k] === ' ' || text[k] === '-' ? 1 : 0;
    const ch = text[k + sep];
    if (ch === undefined) break;
    const ok = (ch >= '0' && ch <= '9') || (upper ? ch >= 'A' && ch <= 'Z' : false);
    if (!ok) break;
    k += sep + 1;
    n++;
  }
  // Of the right length it had its checksum's say: "DE89 3704 0044 0532 0130 01 (typo?)" stays a code.
  if (n === chars || Math.abs(n - chars) > MISTYPED_SLACK || (k < text.length && /[\p{L}\p{N}]/u.test(text[k]!))) return null;
  const w = { start, end: k };
  if (!near(c, w, 'bank')) return null;
  return { ...w, claim: { type: 'personal_data.bank_account', confidence: BANK_CONFIDENCE.context, subtype: 'iban-unchecked' } };
}

// ---------------------------------------------------------------------------------------------
// National account numbers in digit windows

/** ES CCC: entity(4) office(4) DC(2) account(10); each DC is mod 11 over weights 1,2,4,8,5,10,9,7,3,6. */
const CCC_WEIGHTS = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
function cccDigit(s: string): number {
  const r = 11 - (weighted(s, CCC_WEIGHTS) % 11);
  return r === 11 ? 0 : r === 10 ? 1 : r;
}
function esCcc(d: string): boolean {
  return cccDigit('00' + d.slice(0, 8)) === Number(d[8]) && cccDigit(d.slice(10, 20)) === Number(d[9]);
}
/** PT NIB: 19 digits + 2 check digits, 98 − (n × 100 mod 97). */
function ptNib(d: string): boolean {
  return 98 - Number((BigInt(d.slice(0, 19)) * 100n) % 97n) === Number(d.slice(19));
}
/** FR RIB with a numeric account: bank(5) branch(5) account(11) key(2). */
function frRib(d: string): boolean {
  const n = 89n * BigInt(d.slice(0, 5)) + 15n * BigInt(d.slice(5, 10)) + 3n * BigInt(d.slice(10, 21));
  return 97n - (n % 97n) === BigInt(d.slice(21));
}
/** Mexican CLABE (18 digits): 3-7-1 weights, each product taken mod 10, then the check. */
const CLABE_WEIGHTS = [3, 7, 1];
function clabe(d: string): boolean {
  if (d.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(d[i]) * CLABE_WEIGHTS[i % 3]!) % 10;
  return (10 - (sum % 10)) % 10 === Number(d[17]);
}
/** US ABA routing number: 3-7-1 weights. */
function abaRouting(d: string): boolean {
  return d.length === 9 && weighted(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}
// RU 20-digit account: balance account (5) + currency (3) + key + branch + number. Personal and
// correspondent balance accounts, and the currency codes in use.
const RU_BALANCE = /^(?:301|302|303|405|406|407|408|423|426|455)/;
const RU_CURRENCY = new Set(['810', '643', '840', '978', '156', '933', '398']);

const CLABE_RE = /(?<![\p{L}\p{N}])clabe(?![\p{L}\p{N}])/iu;

// Brazil's "c/c" or "cc" (conta corrente) right before the number: a label the word index cannot
// hold ("ag 1584-9 cc 38291-4"); a short number needs its check digit after a dash as well.
const CONTA_CORRENTE_RE = /(?<![\p{L}\p{N}])c\s?[/.]?\s?c\.?\s*:?\s*$/iu;

function claim(confidence: number, subtype: string): Claim {
  return { type: 'personal_data.bank_account', confidence, subtype };
}

export function scoreBankDigits(w: Window, c: NumberCtx): Claim | null {
  const n = w.digits.length;
  if (w.plus || n < 6 || n > 26) return null;
  if (looksLikeDate(w)) return null;
  const touch = letterTouches(c.norm.text, w.start, w.end);
  if (touch.before || touch.after) return null;
  if (labelledHarmless(c, w, OWN_CONTEXT)) return null;
  // БИК, МФО, BIC, sort code: they name a bank, not someone's account.
  if (c.ctx.distBefore('bankCode', w.start, 16) < Infinity) return null;
  const context = near(c, w, 'bank') || CONTA_CORRENTE_RE.test(c.norm.text.slice(Math.max(0, w.start - 8), w.start));
  const d = w.digits;
  if (n === 26 && isValidIBAN('PL' + d)) return claim(BANK_CONFIDENCE.nationalChecksum, 'pl-nrb');
  if (n === 20 && RU_BALANCE.test(d) && RU_CURRENCY.has(d.slice(5, 8))) return claim(context ? BANK_CONFIDENCE.nationalChecksum : BANK_CONFIDENCE.nationalStructure, 'ru-account');
  if (n === 20 && esCcc(d)) return claim(BANK_CONFIDENCE.nationalChecksum, 'es-ccc');
  if (n === 21 && ptNib(d)) return claim(BANK_CONFIDENCE.nationalChecksum, 'pt-nib');
  if (n === 23 && frRib(d)) return claim(BANK_CONFIDENCE.nationalChecksum, 'fr-rib');
  // One in ten 18-digit numbers passes the CLABE check, so it counts only beside a bank word or
  // with "CLABE" named anywhere in the text (a word no other number goes by).
  if (n === 18 && clabe(d) && (context || CLABE_RE.test(c.norm.text))) return claim(BANK_CONFIDENCE.nationalChecksum, 'mx-clabe');
  if (!context) return null;
  if (w.groups.length === 1 && abaRouting(d)) return claim(BANK_CONFIDENCE.context, 'us-routing');
  if (n >= 8 && n <= 20) return claim(BANK_CONFIDENCE.context, 'account');
  // Brazilian "conta 12345-6" / "ag. 1234": short numbers only count with the word right there.
  if (n >= 5 && /-\s?[0-9xX]$/.test(w.text)) return claim(BANK_CONFIDENCE.context, 'br-conta');
  return null;
}
