import { isLetterCode, WordLookup } from '../../normalize.js';
import numberParts from '../../data/number-parts.json';

/**
 * A number given in parts, and the words that say so (data/number-parts.json: "the rest is",
 * "termina en", "dalej"): read by the digit-cluster joiner (analyze.ts) and the IBAN reader
 * (bank-account.ts).
 */

/** A part-word list (data/number-parts.json, all languages) by first word: the words after it, per phrase. */
function phraseIndex(byLang: Record<string, readonly string[]>): WordLookup<string[][]> {
  const byFirst = new Map<string, string[][]>();
  for (const list of Object.values(byLang)) {
    for (const p of list) {
      const [first, ...rest] = p.toLowerCase().split(' ');
      const tails = byFirst.get(first!) ?? byFirst.set(first!, []).get(first!)!;
      tails.push(rest);
    }
  }
  return new WordLookup(byFirst);
}
export const REST_WORDS = phraseIndex(numberParts.rest);
export const THEN_WORDS = phraseIndex(numberParts.then);
/** Characters between two parts: a few words, at most one sentence end, no digits, one line. */
export const PART_GAP_MAX = 40;

/** May text[from, to) part one number: short, one line, no digits, at most one sentence end? */
export function partGap(text: string, from: number, to: number): boolean {
  if (to <= from || to - from > PART_GAP_MAX) return false;
  let ends = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || c === 10) return false;
    if (c === 46 || c === 33 || c === 63) ends++;
  }
  return ends <= 1;
}
/** Digits of a number given in parts: fewer would join prices and counts ("1200, the rest 800"). */
export const PARTS_MIN_DIGITS = 9;

/** Does lower[from, to) hold a phrase of the list as whole words? Read in place: a review has many short gaps. */
export function gapSays(lower: string, from: number, to: number, phrases: WordLookup<string[][]>): boolean {
  let k = from;
  while (k < to) {
    if (!isLetterCode(lower.charCodeAt(k))) { k++; continue; }
    const s = k;
    while (k < to && (isLetterCode(lower.charCodeAt(k)) || (lower.charCodeAt(k) === 39 && k + 1 < to && isLetterCode(lower.charCodeAt(k + 1))))) k++;
    const tails = phrases.get(lower, s, k);
    if (tails) for (const tail of tails) if (wordsFollow(lower, k, to, tail)) return true;
  }
  return false;
}

/** Do `words` follow position `at` of lower, one space before each, whole words, before `to`? */
function wordsFollow(lower: string, at: number, to: number, words: readonly string[]): boolean {
  let k = at;
  for (const w of words) {
    if (lower.charCodeAt(k) !== 32 || k + 1 + w.length > to || !lower.startsWith(w, k + 1)) return false;
    k += 1 + w.length;
    if (k < to && isLetterCode(lower.charCodeAt(k))) return false;
  }
  return true;
}

