import type { Box } from '../models/finding.js';
import { boxesForSpan, unionBox, type OcrLine, type OcrPage } from './ocr-page.js';
import CARD_DATA from './data/card-words.json';

/**
 * Payment cards in OCR text. A card number alone is not enough (a barcode or an article number
 * can pass Luhn by chance, one time in ten): it needs a scheme prefix for its length and one of
 * the card's other marks: the 4-4-4-4 / 4-6-5 grouping embossed on every card, an expiry date,
 * or a scheme or card word. Brand words plus an expiry and a grouped 16-digit run also count
 * when OCR broke the checksum.
 */

// Lists live in scanner/data/card-words.json (brands, card wording per language, expiry labels).
const BRAND_WORDS: readonly string[] = CARD_DATA.brands;
const CARD_WORDS: readonly string[] = Object.values(CARD_DATA.cardWords).flat().map((w) => w.toUpperCase());
const EXPIRY_LABELS: readonly string[] = CARD_DATA.expiryLabels.map((w) => w.toUpperCase());
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
const EXPIRY = /(?:^|[^0-9/])(0?[1-9]|1[0-2]) ?[/\\|] ?([0-9]{2}|20[2-4][0-9])(?![0-9/])/;
// The same shape with any two digits: specimen cards print "00/00" or "MM/YY" placeholders.
const EXPIRY_SHAPE = /(?:^|[^0-9/])[0-9]{1,2} ?[/\\|] ?[0-9]{2}(?![0-9/])/;
// The embossed cardholder line: two or three upper-case Latin words (an initial allowed), nothing else.
const NAME_LINE = /^[A-Z]{2,14}(?: [A-Z]\.?)?(?: [A-Z][A-Z'-]{1,14}){1,2}$/;

/** ISO/IEC 7810 ID-1 is 85.60 × 53.98 mm (1.586); photos crop a little either way. */
export const isCardAspect = (aspect: number) => aspect > 1.45 && aspect < 1.72;

const LOOKALIKE = /[0-9OoDQIlZSsBGb|]/;
const mapDigits = (t: string) => t.replace(/[^0-9]/g, (c) => DIGIT_LOOKALIKES[c] ?? '');

/**
 * The 4 × 4 digit layout of a card number, whatever OCR made of the digits: four tokens in a row
 * of 3-6 characters each, mostly digits or digit look-alikes, 14-18 characters in all, at least two
 * of them four real digits ("4000 1234 S5E78 S04", "5412 7500 OOOO OOOe"). Says nothing about the
 * number's validity: placeholder numbers on specimen cards fail Luhn and still look like this.
 * Returns the span of the four tokens in the line's text.
 */
export function cardNumberLayout(lineText: string): { start: number; end: number } | undefined {
  const tokens = [...lineText.matchAll(/\S+/g)].map((m) => ({ t: m[0].replace(/^[^\p{L}\p{N}|]+|[^\p{L}\p{N}|]+$/gu, ''), start: m.index!, end: m.index! + m[0].length }));
  const digitish = (t: string) => t.length >= 3 && t.length <= 6 && [...t].filter((c) => LOOKALIKE.test(c)).length >= Math.ceil(t.length * 0.6);
  const realGroup = (t: string) => /^[0-9]{4}$/.test(t);
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const win = tokens.slice(i, i + 4);
    if (!win.every((w) => digitish(w.t))) continue;
    const total = win.reduce((n, w) => n + w.t.length, 0);
    if (total < 14 || total > 18) continue;
    if (win.filter((w) => realGroup(w.t)).length < 2) continue;
    if (win.filter((w) => mapDigits(w.t).length === 4).length < 3) continue;
    return { start: win[0]!.start, end: win[3]!.end };
  }
  return undefined;
}

function hasAny(upper: string, words: readonly string[]): string[] {
  return words.filter((w) => hasWord(upper, w));
}

/**
 * A page that deserves a second OCR look as a card: it names a card (scheme word, card wording or
 * an expiry) but shows no card-length digit run, or it shows the 4 × 4 number layout without a
 * number that passes Luhn (embossed digits are what OCR reads worst).
 */
export function cardNeedsSecondLook(page: OcrPage): boolean {
  const candidates = cardNumberCandidates(page.text);
  if (candidates.some((c) => luhnValid(c.digits) && schemeOf(c.digits))) return false;
  const upper = upperAscii(page.text);
  const cue = BRAND_WORDS.some((w) => hasWord(upper, w)) || CARD_WORDS.some((w) => hasWord(upper, w)) || EXPIRY.test(page.text);
  if (cue && candidates.length === 0) return true;
  return page.lines.some((l) => cardNumberLayout(l.text) !== undefined);
}

export function detectPaymentCard(pages: readonly OcrPage[], imageAspect: number): CardDetection | undefined {
  let best: CardDetection | undefined;
  const consider = (d: CardDetection) => { if (!best || d.confidence > best.confidence) best = d; };
  const cardShaped = isCardAspect(imageAspect);
  for (const page of pages) {
    const upper = upperAscii(page.text);
    const brands = hasAny(upper, BRAND_WORDS);
    const cardWords = hasAny(upper, CARD_WORDS);
    const expiry = EXPIRY.test(page.text);
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
      consider({ confidence, box: unionBox(boxesForSpan(page, c.start, c.end)), evidence: { signals, ...(scheme ? { subtype: scheme } : {}) } });
    }
    // A card by its looks: the 4 × 4 number layout (even when the number fails Luhn, as specimen
    // and placeholder numbers do, or OCR could not read every digit), on a card-shaped picture,
    // with what cards say around it. Strong signals: a scheme word, card wording, an expiry (a
    // valid MM/YY, or any NN/NN next to its label). Weak ones: a placeholder NN/NN without its
    // label, the embossed name line. Below 0.5 the policy queues rather than hides.
    let layoutLine: OcrLine | undefined;
    let layoutSpan: { start: number; end: number } | undefined;
    for (const l of page.lines) {
      const span = cardNumberLayout(l.text);
      if (span) { layoutLine = l; layoutSpan = span; break; }
    }
    if (layoutLine && layoutSpan) {
      const labelled = page.lines.some((l, i) => {
        if (!EXPIRY_SHAPE.test(l.text)) return false;
        const near = [page.lines[i - 1]?.text, l.text].filter(Boolean).join(' ');
        return hasAny(upperAscii(near), EXPIRY_LABELS).length > 0;
      });
      const shape = !expiry && !labelled && EXPIRY_SHAPE.test(page.text);
      const name = page.lines.some((l) => l !== layoutLine && NAME_LINE.test(l.text.trim()));
      const strong = Number(brands.length > 0) + Number(cardWords.length > 0) + Number(expiry || labelled);
      const weak = Number(shape) + Number(name);
      let confidence = 0;
      if (cardShaped && strong >= 1) confidence = Math.min(0.85, 0.7 + 0.05 * (strong - 1 + weak));
      else if (strong >= 2) confidence = 0.7; // a card photographed on a table: the picture is not card-shaped
      else if (cardShaped && weak >= 2) confidence = 0.6;
      else if (cardShaped && weak === 1) confidence = 0.45;
      if (confidence > 0) {
        const lineStart = layoutLine.words[0]?.start ?? 0;
        const box = unionBox(boxesForSpan(page, lineStart + layoutSpan.start, lineStart + layoutSpan.end)) ?? layoutLine.box;
        const signals = ['number-layout', ...(cardShaped ? ['card-aspect'] : []), ...(brands.length ? ['brand'] : []), ...(cardWords.length ? ['card-words'] : []),
          ...(expiry || labelled ? ['expiry'] : []), ...(shape ? ['expiry-shape'] : []), ...(name ? ['name-line'] : [])];
        consider({ confidence, box, evidence: { signals, subtype: 'unverified-number' } });
      }
    }
    // Brand and card words with an expiry but no readable number: still a card (embossed digits often defeat OCR).
    if (brands.length > 0 && expiry && (cardWords.length > 0 || cardShaped)) {
      consider({ confidence: 0.75, evidence: { signals: ['brand', 'expiry', ...(cardWords.length ? ['card-words'] : []), ...(cardShaped ? ['card-aspect'] : [])] } });
    }
  }
  return best;
}
