import type { Normalized } from '../../types.js';
import piiContext from '../../data/pii-context.json';
import govIdData from '../../data/government-id.json';

/**
 * Context words ("тел", "IBAN", "PESEL", "заказ") indexed once per text. The lists are data
 * (moderation/data/pii-context.json, government-id.json); this file only knows their syntax:
 *   "word"   whole word, case-insensitive
 *   "stem*"  word prefix, for inflected languages ("телефон*" matches "телефону")
 *   "a b"    phrase of consecutive words
 *   "NIE"    an upper-case letter makes the entry case-sensitive (Spanish "NIE" vs Polish "nie")
 * Every language's words are used for every text: reviews mix languages, and a Ukrainian review
 * quoting a Russian "телефон" is still about a phone.
 */

export type Category = string; // 'phone' | 'notPhone' | 'card' | 'bank' | 'gov' | `gov:${scheme}`

interface Entry { words: string[]; stem: boolean; exact: boolean; cat: Category }

const byFirst = new Map<string, Entry[]>(); // first word (lower-cased) → entries
const stems = new Map<string, Entry[]>(); // first 3 letters of a stem → stem entries

function add(raw: string, cat: Category) {
  const exact = raw !== raw.toLowerCase();
  const stem = raw.endsWith('*');
  const words = (stem ? raw.slice(0, -1) : raw).split(' ');
  const e: Entry = { words, stem, exact, cat };
  if (stem && words.length === 1) {
    const k = words[0]!.toLowerCase().slice(0, 3);
    (stems.get(k) ?? stems.set(k, []).get(k)!).push(e);
  } else {
    const k = words[0]!.toLowerCase();
    (byFirst.get(k) ?? byFirst.set(k, []).get(k)!).push(e);
  }
}
for (const [cat, perLang] of Object.entries(piiContext)) {
  if (cat.startsWith('_')) continue;
  for (const words of Object.values(perLang as Record<string, string[]>)) for (const w of words) add(w, cat);
}
for (const words of Object.values(govIdData.generic)) for (const w of words) add(w, 'gov');
for (const [scheme, words] of Object.entries(govIdData.schemes)) for (const w of words) add(w, `gov:${scheme}`);

// Words: letters (any script) with inner hyphens/apostrophes, or a digit-letter run like "id2".
const WORD_RE = /[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*#?/gu;

export interface ContextIndex {
  /** Is there a word of `cat` starting in normalised [from, to)? */
  has(cat: Category, from: number, to: number): boolean;
  /** Distance from `pos` back to the closest `cat` word ending at or before it (Infinity if none within `max`). */
  distBefore(cat: Category, pos: number, max: number): number;
  /** Categories whose words start in [from, to). */
  categories(from: number, to: number): Set<Category>;
}

const cache = new WeakMap<Normalized, ContextIndex>();

export function contextIndex(norm: Normalized): ContextIndex {
  const hit = cache.get(norm);
  if (hit) return hit;
  const toks: { s: number; e: number; lw: string; w: string }[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(norm.text); m; m = WORD_RE.exec(norm.text)) {
    toks.push({ s: m.index, e: m.index + m[0].length, w: m[0], lw: norm.lower.slice(m.index, m.index + m[0].length) });
  }
  const hits = new Map<Category, { s: number; e: number }[]>();
  const push = (cat: Category, s: number, e: number) => (hits.get(cat) ?? hits.set(cat, []).get(cat)!).push({ s, e });
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const key = t.lw.endsWith('#') && !byFirst.has(t.lw) ? t.lw.slice(0, -1) : t.lw;
    for (const e of byFirst.get(key) ?? []) {
      if (e.exact && t.w !== e.words[0] && t.w.replace(/#$/, '') !== e.words[0]) continue;
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) {
        const n = toks[i + k];
        ok = !!n && n.s - toks[i + k - 1]!.e <= 2 && (e.exact ? n.w === e.words[k] : n.lw === e.words[k]);
      }
      if (ok) push(e.cat, t.s, toks[i + e.words.length - 1]!.e);
    }
    for (const e of stems.get(t.lw.slice(0, 3)) ?? []) {
      if (t.lw.startsWith(e.words[0]!)) push(e.cat, t.s, t.e);
    }
    // Hyphenated words also count by their parts ("ID-картка", "Steuer-ID").
    if (t.lw.includes('-')) {
      let off = 0;
      for (const part of t.lw.split('-')) {
        for (const e of byFirst.get(part) ?? []) if (e.words.length === 1 && !e.exact) push(e.cat, t.s + off, t.s + off + part.length);
        off += part.length + 1;
      }
    }
  }
  for (const list of hits.values()) list.sort((a, b) => a.s - b.s);

  // Lists are sorted by start: binary search keeps many hits (adversarial "тел тел тел ...") linear overall.
  const firstAtOrAfter = (list: { s: number }[], pos: number) => {
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.s < pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const idx: ContextIndex = {
    has(cat, from, to) {
      const list = hits.get(cat);
      if (!list) return false;
      const k = firstAtOrAfter(list, from);
      return k < list.length && list[k]!.s < to;
    },
    distBefore(cat, pos, max) {
      const list = hits.get(cat);
      if (!list) return Infinity;
      let best = Infinity;
      // Hits starting before pos, newest first; stop once they start too far back.
      for (let k = firstAtOrAfter(list, pos) - 1; k >= 0 && pos - list[k]!.s <= max + 40; k--) {
        const h = list[k]!;
        if (h.e <= pos && pos - h.e <= max) best = Math.min(best, pos - h.e);
      }
      return best;
    },
    categories(from, to) {
      const out = new Set<Category>();
      for (const [cat, list] of hits) {
        const k = firstAtOrAfter(list, from);
        if (k < list.length && list[k]!.s < to) out.add(cat);
      }
      return out;
    },
  };
  cache.set(norm, idx);
  return idx;
}
