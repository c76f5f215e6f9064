import type { Box } from '../models/finding.js';
import { boxesForSpan, unionBox, type OcrPage } from './ocr-page.js';

/**
 * Payment cards in OCR text. A card number alone is not enough (a barcode or an article number
 * can pass Luhn by chance, one time in ten): it needs a scheme prefix for its length and one of
 * the card's other marks: the 4-4-4-4 / 4-6-5 grouping embossed on every card, an expiry date,
 * or a scheme or card word. Brand words plus an expiry and a grouped 16-digit run also count
 * when OCR broke the checksum.
 */

const BRAND_WORDS = [
  'VISA', 'MASTERCARD', 'MAESTRO', 'MIR', 'МИР', 'AMERICAN EXPRESS', 'AMEX', 'UNIONPAY', 'UNION PAY', 'JCB', 'DISCOVER',
  'DINERS CLUB', 'ELECTRON', 'PAYPASS', 'PAYWAVE',
];
const CARD_WORDS = [
  'VALID THRU', 'VALID THROUGH', 'GOOD THRU', 'VALID FROM', 'EXPIRES', 'MONTH/YEAR', 'CARDHOLDER', 'CARD HOLDER', 'DEBIT', 'CREDIT',
  'PLATINUM', 'CLASSIC', 'WORLD ELITE', 'SIGNATURE', 'ДЕЙСТВИТЕЛЬНА ДО', 'CVV', 'CVC',
];
// Issuer prefixes by scheme, with the lengths that scheme issues (ISO/IEC 7812 ranges as published by the schemes).
const SCHEMES: { name: string; test: (n: string) => boolean; lengths: number[] }[] = [
  { name: 'visa', test: (n) => n.startsWith('4'), lengths: [13, 16, 19] },
  { name: 'mastercard', test: (n) => /^5[1-5]/.test(n) || (Number(n.slice(0, 4)) >= 2221 && Number(n.slice(0, 4)) <= 2720), lengths: [16] },
  { name: 'mir', test: (n) => /^220[0-4]/.test(n), lengths: [16, 17, 18, 19] },
  { name: 'amex', test: (n) => /^3[47]/.test(n), lengths: [15] },
  { name: 'maestro', test: (n) => /^(5018|5020|5038|5893|6304|6759|676[1-3])/.test(n), lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'unionpay', test: (n) => n.startsWith('62'), lengths: [16, 17, 18, 19] },
  { name: 'jcb', test: (n) => Number(n.slice(0, 4)) >= 3528 && Number(n.slice(0, 4)) <= 3589, lengths: [16, 17, 18, 19] },
  { name: 'discover', test: (n) => /^(6011|64[4-9]|65)/.test(n), lengths: [16, 19] },
  { name: 'diners', test: (n) => /^3(0[0-5]|[689])/.test(n), lengths: [14, 16] },
];

// Letters OCR reads in place of digits inside a digit group.
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', Z: '2', S: '5', s: '5', B: '8', G: '6', b: '6' };

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function schemeOf(digits: string): string | undefined {
  return SCHEMES.find((s) => s.lengths.includes(digits.length) && s.test(digits))?.name;
}

export interface CardNumberCandidate {
  digits: string;
  groups: number[];
  start: number; // page-text offsets
  end: number;
}

/**
 * Digit runs of 12..19 digits, allowing single spaces or dashes between groups and OCR
 * look-alike letters inside groups that also hold digits. Linear: one pass over the text.
 */
export function cardNumberCandidates(text: string): CardNumberCandidate[] {
  const out: CardNumberCandidate[] = [];
  // A token is a run of digits and look-alikes; tokens join when separated by one space or dash.
  const token = /[0-9OoDQIlZSsBGb|]+/g;
  const tokens: { s: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(token)) {
    const raw = m[0];
    // Only treat letters as digits inside tokens that are mostly digits (keeps words out).
    const digitsIn = raw.replace(/[^0-9]/g, '').length;
    if (digitsIn < Math.ceil(raw.length * 0.6)) continue;
    tokens.push({ s: raw.replace(/[^0-9]/g, (c) => DIGIT_LOOKALIKES[c] ?? ''), start: m.index!, end: m.index! + raw.length });
  }
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    const group = [tokens[i]!];
    while (j + 1 < tokens.length && /^[ \-]{1,2}$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start)) && group.reduce((n, t) => n + t.s.length, 0) < 19) {
      j++;
      group.push(tokens[j]!);
    }
    const digits = group.map((t) => t.s).join('');
    if (digits.length >= 12 && digits.length <= 19) {
      out.push({ digits, groups: group.map((t) => t.s.length), start: group[0]!.start, end: group[group.length - 1]!.end });
    } else if (digits.length > 19) {
      // A longer run may hold a card number followed by something else (a CVV, a date): try prefixes of whole groups.
      let acc = '';
      for (let k = 0; k < group.length; k++) {
        acc += group[k]!.s;
        if (acc.length >= 13 && acc.length <= 19 && luhnValid(acc)) {
          out.push({ digits: acc, groups: group.slice(0, k + 1).map((t) => t.s.length), start: group[0]!.start, end: group[k]!.end });
          break;
        }
      }
    }
    i = j + 1;
  }
  return out;
}

const CARD_GROUPINGS = ['4,4,4,4', '4,6,5', '4,6,4', '4,4,4,4,3', '4,4,4,1', '4,4,5', '6,13'];

export interface CardDetection {
  confidence: number;
  box?: Box;
  evidence: { signals: string[]; subtype?: string };
}

const upperAscii = (s: string) => s.toUpperCase();
function hasWord(upper: string, word: string): boolean {
  const i = upper.indexOf(word);
  if (i < 0) return false;
  const before = upper[i - 1], after = upper[i + word.length];
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  return !isLetter(before) && !isLetter(after);
}

// MM/YY, also M/YY as some issuers print it; never part of a longer date (03/10/2011).
/** A page that names a card (scheme word, card wording or an expiry) but shows no card-length digit run: worth a second look. */
export function cardCueWithoutNumber(page: OcrPage): boolean {
  const upper = upperAscii(page.text);
  const cue = BRAND_WORDS.some((w) => hasWord(upper, w)) || CARD_WORDS.some((w) => hasWord(upper, w)) || EXPIRY.test(page.text);
  return cue && cardNumberCandidates(page.text).length === 0;
}

const EXPIRY = /(?:^|[^0-9/])(0?[1-9]|1[0-2]) ?[/\\|] ?([0-9]{2}|20[2-4][0-9])(?![0-9/])/;

export function detectPaymentCard(pages: readonly OcrPage[], imageAspect: number): CardDetection | undefined {
  let best: CardDetection | undefined;
  for (const page of pages) {
    const upper = upperAscii(page.text);
    const brands = BRAND_WORDS.filter((w) => hasWord(upper, w));
    const cardWords = CARD_WORDS.filter((w) => hasWord(upper, w));
    const expiry = EXPIRY.test(page.text);
    const cardShaped = imageAspect > 1.45 && imageAspect < 1.72;
    for (const c of cardNumberCandidates(page.text)) {
      const scheme = schemeOf(c.digits);
      const luhn = luhnValid(c.digits);
      const grouped = CARD_GROUPINGS.includes(c.groups.join(','));
      const signals: string[] = [];
      if (luhn) signals.push('luhn');
      if (scheme) signals.push(`scheme:${scheme}`);
      if (grouped) signals.push('grouping');
      if (expiry) signals.push('expiry');
      if (brands.length) signals.push('brand');
      if (cardWords.length) signals.push('card-words');
      if (cardShaped) signals.push('card-aspect');
      const context = Number(grouped) + Number(expiry) + Number(brands.length > 0) + Number(cardWords.length > 0);
      let confidence = 0;
      if (luhn && scheme && context >= 2) confidence = 0.97;
      else if (luhn && scheme && context === 1) confidence = 0.9;
      else if (luhn && scheme && cardShaped) confidence = 0.8;
      // Issuers outside the big schemes' ranges (local schemes, new BINs): the embossed 4-4-4-4 and an expiry still say card.
      else if (luhn && grouped && c.digits.length === 16 && expiry) confidence = 0.85;
      // OCR broke a digit: a grouped 15/16-digit run on something that says it is a card.
      else if (grouped && (c.digits.length === 16 || c.digits.length === 15) && (brands.length > 0 || cardWords.length > 0) && (expiry || cardShaped)) confidence = 0.8;
      if (confidence === 0) continue;
      if (!best || confidence > best.confidence) {
        best = { confidence, box: unionBox(boxesForSpan(page, c.start, c.end)), evidence: { signals, ...(scheme ? { subtype: scheme } : {}) } };
      }
    }
    // Brand and card words with an expiry but no readable number: still a card (embossed digits often defeat OCR).
    if (!best && brands.length > 0 && expiry && (cardWords.length > 0 || cardShaped)) {
      best = { confidence: 0.75, evidence: { signals: ['brand', 'expiry', ...(cardWords.length ? ['card-words'] : []), ...(cardShaped ? ['card-aspect'] : [])] } };
    }
  }
  return best;
}
