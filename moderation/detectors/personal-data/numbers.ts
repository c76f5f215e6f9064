import type { FindingType } from '../../../models/finding.js';
import type { DetectorInput, Normalized } from '../../types.js';
import { digitClusters, isDigitCode, type DigitCluster } from '../../normalize.js';
import type { ContextIndex } from './context.js';
import confusables from '../../data/confusables.json';
import messengers from '../../data/messengers.json';
import { scanLinks } from '../off-platform/link.js';

/**
 * What the digit-based detectors (phone, card, bank account, numeric IDs) share: a candidate
 * window of digit groups and the claim a detector makes on it. The arbitration in analyze.ts
 * gives each window to the strongest claim, so "89161234567" is a phone and not also a PESEL.
 */

export interface Window {
  /** digits only */
  digits: string;
  plus: boolean;
  /** normalised span */
  start: number;
  end: number;
  /** digit-group lengths and the separators between them */
  groups: number[];
  seps: string[];
  /** the normalised text of the span */
  text: string;
  cluster: DigitCluster;
}

export interface NumberCtx {
  input: DetectorInput;
  norm: Normalized;
  ctx: ContextIndex;
  /** libphonenumber parses left for "valid in some other region" checks (they cost ~10 µs each) */
  budget: { fallbackParses: number; windows: number };
  /** spans already explained by other detectors (addresses): a digit group inside one ends a number */
  explained: readonly { start: number; end: number }[];
  /** where numbers start and end, for the reach of labels (built on first use) */
  bounds?: { ends: number[]; starts: number[] };
}

export interface Claim {
  type: FindingType;
  confidence: number;
  /** scheme or reason, for moderators (evidence.subtype) */
  subtype: string;
}

/** How far context words may sit from the number they describe (normalised code units). */
export const CONTEXT_BEFORE = 48;
export const CONTEXT_AFTER = 24;
/** A "do not confuse" word ("заказ", "tracking") this close before a number wins over farther context. */
export const NEGATIVE_BEFORE = 32;
/**
 * The same for numbers a strong checksum vouches for (PESEL with its date, CPF): only a word
 * right before labels them ("zamówienie 44051401458"). In "Faktura wystawiona na „Anna
 * Zielińska 92071561128”" the invoice is what the number is written on, not what it is.
 */
export const NEGATIVE_BEFORE_STRONG = 14;
const SPELLED_NEGATIVE_BEFORE = 8;

/**
 * How far back a label may be, and how far ahead: a word labels the first number after it, so the
 * reach stops at the previous number (digit run or found span) — in "PESEL 44051401458, tel 8 916
 * 123 45 67" the word PESEL says nothing about the phone.
 */
export function reachBefore(c: NumberCtx, start: number): number {
  return Math.min(CONTEXT_BEFORE, start - lastEndBefore(c, start));
}
function reachAfter(c: NumberCtx, end: number): number {
  return Math.min(CONTEXT_AFTER, firstStartAfter(c, end) - end);
}
function boundaries(c: NumberCtx): { ends: number[]; starts: number[] } {
  if (!c.bounds) {
    const ends: number[] = [];
    const starts: number[] = [];
    // Every digit group counts: a window starting inside a run ("44051401458 8 916 ...") is not
    // labelled by the word before the run.
    for (const cl of digitClusters(c.norm)) {
      starts.push(cl.start);
      for (const g of cl.groups) { starts.push(g.start); ends.push(g.end); }
    }
    for (const f of c.explained) { starts.push(f.start); ends.push(f.end); }
    // A placeholder from an earlier redaction stands where a value was: labels stop there too,
    // so redacting twice reads the text the same way as redacting once.
    for (const [s, e] of c.ctx.placeholders) { starts.push(s); ends.push(e); }
    ends.sort((a, b) => a - b);
    starts.sort((a, b) => a - b);
    c.bounds = { ends, starts };
  }
  return c.bounds;
}
function lastEndBefore(c: NumberCtx, pos: number): number {
  const { ends } = boundaries(c);
  let lo = 0, hi = ends.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid]! <= pos) lo = mid + 1; else hi = mid; }
  return lo > 0 ? ends[lo - 1]! : 0;
}
function firstStartAfter(c: NumberCtx, pos: number): number {
  const { starts } = boundaries(c);
  let lo = 0, hi = starts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid]! < pos) lo = mid + 1; else hi = mid; }
  return lo < starts.length ? starts[lo]! : Infinity;
}

/** Is a word of `cat` close to the window (before it, or shortly after)? */
export function near(c: NumberCtx, w: { start: number; end: number }, cat: string): boolean {
  return c.ctx.distBefore(cat, w.start, reachBefore(c, w.start)) < Infinity || c.ctx.has(cat, w.end, w.end + reachAfter(c, w.end));
}

// "№ 8234", "No. 8234", "#8234", "nr 8234", "n° 8234": an item or order number, not personal data.
// NFKC turns "№" into "No"; a plain English "No:" is an answer, so bare "No" needs the disguise flag.
const NUMBER_SIGN_RE = /(?:#|(?<![\p{L}])(?:no\.|nr\.?|n[º°]\.?|num\.?|núm\.?|nº\.?))\s{0,2}[:\-]?\s{0,2}$/iu;
const NO_SIGN_RE = /(?<![\p{L}])no\s{0,2}[:\-]?\s{0,2}$/iu;

function numberSignBefore(c: NumberCtx, start: number): boolean {
  const from = Math.max(0, start - 12);
  const before = c.norm.text.slice(from, start);
  if (NUMBER_SIGN_RE.test(before)) return true;
  const m = NO_SIGN_RE.exec(before);
  return !!m && c.norm.disguises(from + m.index, from + m.index + 2).has('fullwidth');
}

/**
 * Is the window labelled as something harmless (order, tracking, article, model, code)? True
 * when a "not personal" word or a number sign is closer than any of the detector's own words.
 */
export function labelledHarmless(c: NumberCtx, w: { start: number; end: number }, ownCats: readonly string[], negativeReach = NEGATIVE_BEFORE): boolean {
  const reach = reachBefore(c, w.start);
  let own = Infinity;
  for (const cat of ownCats) own = Math.min(own, c.ctx.distBefore(cat, w.start, reach));
  let neg = c.ctx.distBefore('notPhone', w.start, Math.min(reach, negativeReach));
  // "I typed it in the order note: 531-70-2248": the order is where it was written, not what it is.
  if (neg < Infinity && c.ctx.distBefore('orderNote', w.start, reach) <= neg) neg = Infinity;
  // A number spelled out in words is written to slip past a filter; a "not personal" word labels
  // it only right before it ("order: five four…"), not one clause back ("…this model, number: pięć…"),
  // and not when the detector's own word is there too ("card number in the order history: 5375 💛 4192…").
  if (neg < Infinity && neg <= own && ((neg <= SPELLED_NEGATIVE_BEFORE && own === Infinity) || !spelledOut(c, w))) return true;
  // A bare number sign with none of the detector's own words before it ("№ 8234", "#8234");
  // "паспорт № 4507" or "Kimlik No: 1000" keep their label. Nobody spells out an order number
  // in words: "mój nr siedem dwa 1…" is someone's number, written so a filter misses it.
  return own === Infinity && numberSignBefore(c, w.start) && !spelledOut(c, w);
}

/**
 * Digits written as words, wholly or in part, one at a time ("7 9 4 - 1 5 8 - 3 0 2") or parted
 * by emoji: all are written to slip past a filter, and nobody writes an order or tracking number
 * so. Asked only when a harmless label is found, which is rare.
 */
function spelledOut(c: NumberCtx, w: { start: number; end: number }): boolean {
  return c.norm.disguises(w.start, w.end).has('spelled-digit') || digitByDigit(c.norm.text, w.start, w.end) || EMOJI_GAP_RE.test(c.norm.text.slice(w.start, w.end))
    || partedByWords(c.norm.text, w.start, w.end);
}

/**
 * A number given in parts with words between them ("Начало 7707 0304. Конец 8352"): only windows
 * the parts reader joined hold letters between their digits (an ID's own letters, "MX4829160Q",
 * stand at its ends).
 */
export function partedByWords(text: string, start: number, end: number): boolean {
  let first = start;
  while (first < end && !isDigitCode(text.charCodeAt(first))) first++;
  let last = end - 1;
  while (last > first && !isDigitCode(text.charCodeAt(last))) last--;
  for (let k = first + 1; k < last; k++) if (isWordLetter(text[k]) && isWordLetter(text[k + 1])) return true;
  return false;
}
// Groups parted by emoji ("5375 💛 4192 💙 8406"): a disguise too.
const EMOJI_GAP_RE = /\d ?[\u{1F000}-\u{1FAFF}\u2600-\u27BF] ?\d/u;

/** At least SPACED_OUT_MIN digits and no two of them side by side. */
const SPACED_OUT_MIN = 7;
function digitByDigit(text: string, start: number, end: number): boolean {
  let digits = 0;
  let prevDigit = false;
  for (let k = start; k < end; k++) {
    const d = text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
    if (d && prevDigit) return false;
    if (d) digits++;
    prevDigit = d;
  }
  return digits >= SPACED_OUT_MIN;
}

// The tail of an IBAN-shaped string that failed its checksum ("AL47 2121 1009 ..."): the IBAN
// scan owns it, digit windows inside it must not be read as other numbers.
const IBAN_HEAD_RE = /[A-Z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){0,7}[ -/]?$/;
export function insideIbanShape(text: string, start: number): boolean {
  return IBAN_HEAD_RE.test(text.slice(Math.max(0, start - 40), start));
}

// (Helpers are module-level functions: bundlers that keep function names wrap every inner
// closure on each call, which costs more than the check itself.)
const WORD_LETTER_RE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
function isWordLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch > '@' && WORD_LETTER_RE.test(ch);
}
// A messenger's chat link holds a phone in its path ("wa.me/5511987654321"); other sites' paths hold ids.
const PHONE_PATH_HOSTS = new Set(messengers.messengers.flatMap((m) => m.hosts));

/**
 * Digits in the path of a web address ("aliexpress.com/store/911234567", "shopee.com.br/item-
 * i.2231.99812"): a store or product id, not someone's number. The addresses are the link
 * detector's (one scan per text, shared); a value after "?", "=" or "#" may be anyone's number
 * ("site.com/?wa=79161234567"), and a messenger's own host (data/messengers.json) keeps its digits.
 */
export function inUrlPath(norm: Normalized, start: number): boolean {
  for (const h of scanLinks(norm)) {
    if (start < h.hostEnd || start >= h.end) continue;
    for (let i = h.hostEnd; i < start; i++) { const c = norm.text.charCodeAt(i); if (c === 63 || c === 61 || c === 35) return false; }
    return !PHONE_PATH_HOSTS.has(h.host.startsWith('www.') ? h.host.slice(4) : h.host);
  }
  return false;
}

/** A Latin/Cyrillic/Greek letter glued to the number ("SM-G991B", "v2"): a code, not a number. */
export function letterTouches(text: string, start: number, end: number): { before: boolean; after: boolean } {
  // "abc(415)..." and "É+1415..." are not glued: a bracket or plus sits between.
  const b = text[start] === '(' || text[start] === '+' ? undefined : text[start - 1];
  return { before: isWordLetter(b), after: isWordLetter(text[end]) };
}

// Currency and units right next to a number make it a price, a size or a measurement.
const CURRENCY_AFTER_RE = /^\s{0,2}(?:[₽$€£¥₴₸₺₹]|(?:руб|р\.|грн|гривень|zł|zl|pln|usd|eur|rub|uah|brl|reais|euros?|dollars?|pesos|долл|евро|бакс|tl|mxn)(?![\p{L}]))/iu;
const CURRENCY_BEFORE_RE = /(?:[₽$€£¥₴₸₺₹]|R\$|US\$|(?<![\p{L}])(?:usd|eur|rub|uah|pln|brl))\s{0,2}$/iu;
// (No "x": "120 x 60" is too short to matter, and "415-666-7777 x 123" is an extension.)
const UNIT_AFTER_RE = /^\s?(?:mm|cm|m|km|kg|g|mg|ml|l|mah|wh|w|kw|v|hz|khz|mhz|ghz|gb|tb|mb|kb|mp|px|dpi|fps|inch|in|см|мм|м|км|кг|г|мл|л|шт|pcs|pc|%|°|sek|seg|min|мин|сек|ч|h)(?![\p{L}])/iu;

/** Is the number at text[start, end) a sum of money: a currency right after or before it? */
export function moneyAt(text: string, start: number, end: number): boolean {
  return CURRENCY_AFTER_RE.test(text.slice(end, end + 12)) || CURRENCY_BEFORE_RE.test(text.slice(Math.max(0, start - 6), start));
}

export function looksLikeAmount(text: string, start: number, end: number): boolean {
  return moneyAt(text, start, end) || (digitCount(text, start, end) < UNIT_MAX_DIGITS && UNIT_AFTER_RE.test(text.slice(end, end + 6)));
}
// Nothing is measured in seven digits or more, and short units are words too: Polish "w" (in)
// after "PESEL 91041704721 w uwagach" or "600 123 456 w godzinach" is no watt.
const UNIT_MAX_DIGITS = 7;
function digitCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) { const ch = text.charCodeAt(k); if (ch >= 48 && ch <= 57) n++; }
  return n;
}

const NUMBER_RUN_RE = /\d+(?:[.,]\d+)*/g;
/** Is any number in text[from, to) a sum of money ("Remboursez-moi 15 € par PayPal", "R$ 150")? */
export function hasMoney(text: string, from: number, to: number): boolean {
  NUMBER_RUN_RE.lastIndex = from;
  for (let m = NUMBER_RUN_RE.exec(text); m && m.index < to; m = NUMBER_RUN_RE.exec(text)) {
    if (moneyAt(text, m.index, m.index + m[0].length)) return true;
  }
  return false;
}

function dm(a: number, b: number): boolean {
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12);
}
function year(y: number, len: number): boolean {
  return (len === 4 && y >= 1900 && y <= 2099) || len === 2;
}
function dateSep(s: string | undefined): boolean {
  return s === '.' || s === '/' || s === '-';
}

/** Calendar dates and date-times written with separators ("03/10/2011", "2012-01-02 08"). */
export function looksLikeDate(w: Window): boolean {
  const g = w.groups;
  const seps = w.seps.map((s) => s.trim());
  const nums: number[] = [];
  let off = 0;
  for (const len of g) { nums.push(Number(w.digits.slice(off, off + len))); off += len; }
  // d.m.y / m/d/y, optionally followed by a time hour group
  if ((g.length === 3 || g.length === 4) && g[0]! <= 2 && g[1]! <= 2 && dateSep(seps[0]) && seps[0] === seps[1] && year(nums[2]!, g[2]!) && dm(nums[0]!, nums[1]!)) return true;
  // y-m-d
  if ((g.length === 3 || g.length === 4) && g[0] === 4 && g[1]! <= 2 && g[2]! <= 2 && dateSep(seps[0]) && seps[0] === seps[1] && year(nums[0]!, 4) && dm(nums[2]!, nums[1]!)) return true;
  // yyyymmdd [hh]
  if ((g.length === 1 || g.length === 2) && g[0] === 8) {
    const y = Number(w.digits.slice(0, 4)), m = Number(w.digits.slice(4, 6)), d = Number(w.digits.slice(6, 8));
    if (y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && (g.length === 1 || g[1]! <= 2)) return true;
  }
  // year ranges "1979-2011"
  if (g.length === 2 && g[0] === 4 && g[1] === 4 && year(nums[0]!, 4) && year(nums[1]!, 4)) return true;
  // two dates or times in a row ("12.05-15.05", "12.05.2023-15.05.2023", "09.00-17.00") and
  // spaced decimals ("10.5 12.5 14.5") are ranges and sizes, not numbers. A run of single digits
  // with dots ("6.7.8-2.1.4-9.0.3") is a number written to dodge a filter, and so is a phone in
  // dotted pairs alone ("06.51.03.88.27").
  // Rising pairs are a list of sizes ("36.38.40.42.44"), not a phone.
  const dottedPairs = g.every((l) => l === 2) && seps.every((s) => s === '.') && !nums.every((v, k) => k === 0 || v > nums[k - 1]!);
  // Its four-digit groups are years: "21.9.7734.8152" and "+54.9.11.4827.3361" are dotted phones.
  if (g.length >= 4 && g.length <= 6 && g.some((l) => l === 2) && g.every((l, k) => l <= 2 || (l === 4 && year(nums[k]!, 4))) && seps.filter((s) => s === '.').length >= 2 && !dottedPairs) return true;
  return false;
}

/** "(+7 916 123-45-67)": text[start, end) opens a bracket, holds no closing one, and one closes right after it. */
export function bracketClosedAfter(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 40 && text.charCodeAt(end) === 41 && text.indexOf(')', start) >= end;
}

/** Brackets the way phones use them: at most one balanced pair ("(495)", "(0)"); "((79.964" is not a phone. */
export function oddBrackets(w: Window, text: string): boolean {
  const open = w.text.split('(').length - 1;
  const close = w.text.split(')').length - 1;
  // "(+7 916 123-45-67)": a grouped number wholly in brackets, the closing one just past the
  // window. One bracketed run of digits ("(7302948851)", a serial) stays turned away.
  if (open === 1 && close === 0 && w.groups.length >= 3 && bracketClosedAfter(text, w.start, w.end)) return false;
  return open > 1 || close > 1 || open !== close;
}

/**
 * Dotted quads (IPs) and dotted versions are never phone or card numbers; nor, unless a phone
 * word names it (`named`: "tel 0612.345678"), are two parts with one dot: a build, a standard's
 * year or a decimal ("kompilacja 22631.3447", "ISO 9001.2015").
 */
export function looksLikeDottedVersion(w: Window, named = false): boolean {
  if (!named && w.seps.length === 1 && w.seps[0] === '.') return true;
  // Versions and IPs have two to four parts ("1.0.12.345", "192.168.0.1"); "8.916.123.45.67" (five
  // parts) and "532.123.45.67" (not an IP, not a small version) are phones written with dots.
  if (w.seps.length < 1 || w.seps.length > 3 || !w.seps.every((s) => s === '.') || !w.groups.every((l) => l <= 3)) return false;
  if (w.groups.length < 4) return true;
  let off = 0;
  const parts = w.groups.map((l) => { const v = Number(w.digits.slice(off, off + l)); off += l; return v; });
  if (parts.every((v) => v <= 255)) return true;
  // "93.267.82.43" is a phone written with dots, two or three digits a group; a version with a
  // short first part has a long one further on ("10.0.19045.4170").
  if (w.digits.length >= 9 && w.groups.every((l) => l === 2 || l === 3)) return false;
  return w.groups[0]! <= 2;
}

/** Labels that name what a number is, in the order they compete for the closest position. */
const LABELS = ['phone', 'card', 'bank', 'gov', 'notPhone'] as const;

/** Distance back to the closest word of `cat` (Infinity beyond CONTEXT_BEFORE). */
export function labelDistance(c: NumberCtx, w: { start: number }, cat: string): number {
  return c.ctx.distBefore(cat, w.start, reachBefore(c, w.start));
}

/**
 * Is `cat` the closest label before the window? In "DNI 48123456G, tel 622 11 22 33" the
 * phone number is labelled by "tel", not by the "DNI" further back.
 */
export function closestLabel(c: NumberCtx, w: { start: number }, cat: string): boolean {
  const mine = labelDistance(c, w, cat);
  if (mine === Infinity) return false;
  for (const other of LABELS) if (other !== cat && labelDistance(c, w, other) < mine) return false;
  return true;
}

// Cyrillic capitals that look like Latin ones (the normaliser's confusables table), typed into a
// Latin code by a Cyrillic keyboard or to slip past a filter ("КZ76 722С …", "АYЕ 332918"). The
// normaliser leaves them in a Cyrillic text (its words are Cyrillic); a code that is Latin by
// definition (an IBAN, a Polish ID card) is read with them as Latin, one character for one, so
// offsets hold.
const CYR_CAPS_LATIN = new Map(Object.entries(confusables.cyrillicToLatin).filter(([k, v]) => k !== k.toLowerCase() && v.length === 1 && k.length === 1));
const CYR_CAPS = [...CYR_CAPS_LATIN.keys()].join('');
const CYR_CAPS_RE = new RegExp(`[${CYR_CAPS}]`, 'g');

/** `text` with its Cyrillic look-alike capitals as Latin ones, when `mixed` finds them where a code is; else `text`. */
export function latinCaps(text: string, mixed: RegExp): string {
  return mixed.test(text) ? text.replace(CYR_CAPS_RE, (ch) => CYR_CAPS_LATIN.get(ch)!) : text;
}

/** Builds a test for Cyrillic look-alike capitals beside what `shape` allows, e.g. `[X][A-Z${X}]?\\d`: X stands for them. */
export function cyrillicCapsTest(shape: string): RegExp {
  return new RegExp(shape.replaceAll('X', CYR_CAPS));
}
