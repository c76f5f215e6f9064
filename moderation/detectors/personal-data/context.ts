import type { Normalized } from '../../types.js';
import { scanWords } from '../../normalize.js';
import piiContext from '../../data/pii-context.json';
import govIdData from '../../data/government-id.json';
import addressWords from '../../data/address-words.json';
import placeholders from '../../data/placeholders.json';

/**
 * Context words ("тел", "IBAN", "PESEL", "заказ", "ул.") indexed once per text. The lists are
 * data (moderation/data/pii-context.json, government-id.json, address-words.json); this file
 * only knows their syntax:
 *   "word"   whole word, case-insensitive
 *   "stem*"  word prefix, for inflected languages ("телефон*" matches "телефону")
 *   "a b"    phrase of consecutive words
 *   "NIE"    an upper-case letter makes the entry case-sensitive (Spanish "NIE" vs Polish "nie")
 * Every language's words are used for every text: reviews mix languages, and a Ukrainian review
 * quoting a Russian "телефон" is still about a phone.
 */

export type Category = string; // 'phone' | 'notPhone' | 'card' | 'bank' | 'gov' | `gov:${scheme}` | 'street' | ...

interface Entry { words: string[]; raw: string[]; stem: boolean; exact: boolean; cat: Category }

// Entries keyed by the first (up to) three lower-case code units of their first word: most words
// of a text share no prefix with any entry and are skipped without building a string. The key is
// a hash kept below 2^28, a small integer (an exact 48-bit key is a heap number allocated per
// word); prefixes that share a bucket are harmless, as every entry is compared in full.
const byPrefix = new Map<number, Entry[]>();
// Low 16 bits of every key in byPrefix: one typed-array read turns most words away before the Map.
const prefixMask = new Uint8Array(0x10000);
const prefixKey = (s: string, from: number, len: number): number => {
  let k = 0;
  for (let i = 0; i < Math.min(3, len); i++) k = (k * 0x10ab + s.charCodeAt(from + i)) & 0x3ffffff;
  return k * 4 + Math.min(3, len);
};

function add(rawEntry: string, cat: Category) {
  const stem = rawEntry.endsWith('*');
  const body = stem ? rawEntry.slice(0, -1) : rawEntry;
  const raw = body.split(' ');
  const words = raw.map((w) => w.toLowerCase());
  if (stem && words[0]!.length < 3) return; // a two-letter stem would match half the dictionary
  const e: Entry = { words, raw, stem, exact: body !== body.toLowerCase(), cat };
  const first = words[0]!;
  const key = prefixKey(first, 0, first.length);
  (byPrefix.get(key) ?? byPrefix.set(key, []).get(key)!).push(e);
  prefixMask[key & 0xffff] = 1;
}
for (const [cat, perLang] of Object.entries(piiContext)) {
  if (cat.startsWith('_')) continue;
  for (const words of Object.values(perLang as Record<string, string[]>)) for (const w of words) add(w, cat);
}
for (const words of Object.values(govIdData.generic)) for (const w of words) add(w, 'gov');
for (const [scheme, words] of Object.entries(govIdData.schemes)) for (const w of words) add(w, `gov:${scheme}`);
for (const words of Object.values(addressWords.streetTypes)) for (const w of words) add(w, 'street');
// A flat's own words ('квартира', 'mieszkanie', 'apt'; 'm.' is read as 'm', its dot checked by the address scan).
for (const w of addressWords.flatWords) add(w.replace(/\.$/, ''), 'flat');

// Our own placeholders ("[bank account removed]") name a type: their words must not label the
// numbers next to them, or redacting twice would find more than redacting once.
const PLACEHOLDERS = new Set<string>();
for (const [k, row] of Object.entries(placeholders)) if (!k.startsWith('_')) for (const p of Object.values(row as Record<string, string>)) PLACEHOLDERS.add(p);

function placeholderRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    const j = text.indexOf(']', i);
    if (j > i && j - i < 48 && PLACEHOLDERS.has(text.slice(i, j + 1))) out.push([i, j + 1]);
  }
  return out;
}

export interface Hit { s: number; e: number }

export interface ContextIndex {
  /** Is there a word of `cat` starting in normalised [from, to)? */
  has(cat: Category, from: number, to: number): boolean;
  /** Distance from `pos` back to the closest `cat` word ending at or before it (Infinity if none within `max`). */
  distBefore(cat: Category, pos: number, max: number): number;
  /** All words of `cat`, in order. */
  hits(cat: Category): readonly Hit[];
  /** Our own placeholders in the text ("[phone removed]"): they stand where a value was. */
  placeholders: readonly [number, number][];
}

// One-entry memo: all detectors of one text ask in turn (cheaper than a WeakMap's GC cost).
let memo: { norm: Normalized; idx: ContextIndex } | null = null;

export function contextIndex(norm: Normalized): ContextIndex {
  if (memo?.norm === norm) return memo.idx;
  const lower = norm.lower;
  const text = norm.text;
  const found = new Map<Category, Hit[]>();
  const push = (cat: Category, s: number, e: number) => (found.get(cat) ?? found.set(cat, []).get(cat)!).push({ s, e });

  const matchWord = (s: number, e: number) => {
    const key = prefixKey(lower, s, e - s);
    if (prefixMask[key & 0xffff] === 0) return;
    const list = byPrefix.get(key);
    if (!list) return;
    // Compared in place: most words of a text land in some bucket, and a slice each was most of the garbage here.
    const len = e - s;
    for (const entry of list) {
      const first = entry.words[0]!;
      if (entry.words.length === 1) {
        if (entry.stem ? !(first.length <= len && lower.startsWith(first, s)) : !(first.length === len && lower.startsWith(first, s))) continue;
        if (entry.exact && !(entry.raw[0]!.length === len && text.startsWith(entry.raw[0]!, s))) continue;
        push(entry.cat, s, e);
        continue;
      }
      // Phrase: the following words, one or two separators apart ("promo code", "S/N").
      if (!(first.length === len && lower.startsWith(first, s)) || (entry.exact && !(entry.raw[0]!.length === len && text.startsWith(entry.raw[0]!, s)))) continue;
      let pos = e;
      let ok = true;
      for (let k = 1; k < entry.words.length && ok; k++) {
        const next = entry.words[k]!;
        let p = pos;
        while (p < lower.length && p - pos < 2 && (lower[p] === ' ' || lower[p] === '-' || lower[p] === '.' || lower[p] === '/')) p++;
        ok = p > pos && lower.startsWith(next, p) && !/\p{L}/u.test(lower[p + next.length] ?? '') && (!entry.exact || text.startsWith(entry.raw[k]!, p));
        pos = p + next.length;
      }
      if (ok) push(entry.cat, s, pos);
    }
  };
  const skip = placeholderRanges(text);
  let sk = 0;
  scanWords(lower, (s, e) => {
    while (sk < skip.length && skip[sk]![1] <= s) sk++;
    if (sk < skip.length && skip[sk]![0] <= s) return; // inside one of our placeholders
    matchWord(s, e);
    // Hyphenated words also count by their parts ("ID-картка", "Steuer-ID").
    let a = s;
    let hyphen = false;
    for (let k = s + 1; k < e - 1 && !hyphen; k++) hyphen = lower.charCodeAt(k) === 45;
    if (!hyphen) return;
    for (let k = s; k <= e; k++) {
      if (k === e || lower.charCodeAt(k) === 45) { if (a > s || k < e) matchWord(a, k); a = k + 1; }
    }
  }, true);
  for (const list of found.values()) list.sort((a, b) => a.s - b.s);

  // Lists are sorted by start: binary search keeps many hits (adversarial "тел тел тел ...") linear overall.
  const firstAtOrAfter = (list: Hit[], pos: number) => {
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.s < pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const idx: ContextIndex = {
    has(cat, from, to) {
      const list = found.get(cat);
      if (!list) return false;
      const k = firstAtOrAfter(list, from);
      return k < list.length && list[k]!.s < to;
    },
    distBefore(cat, pos, max) {
      const list = found.get(cat);
      if (!list) return Infinity;
      let best = Infinity;
      // Hits starting before pos, newest first; stop once they start too far back.
      for (let k = firstAtOrAfter(list, pos) - 1; k >= 0 && pos - list[k]!.s <= max + 40; k--) {
        const h = list[k]!;
        if (h.e <= pos && pos - h.e <= max) best = Math.min(best, pos - h.e);
      }
      return best;
    },
    hits(cat) {
      return found.get(cat) ?? [];
    },
    placeholders: skip,
  };
  memo = { norm, idx };
  return idx;
}
