import type { Normalized } from '../../types.js';
import { HashFilter } from '../../hash-filter.js';
import dealPhrases from '../../data/deal-phrases.json';

/**
 * Words and phrase lists for the off-platform detectors. One linear pass tokenises the
 * normalised text; one phrase matcher (all languages, all categories at once) finds the
 * context words each detector pairs up. Both are memoised per `Normalized`, so the contact,
 * deal and phishing detectors share one pass.
 *
 * Phrases are written as people type them; a trailing `*` on a word matches inflected forms
 * ("скидк*" → скидку, скидки). Matching folds diacritics and apostrophes on both sides, so
 * "escríbeme" and "escribeme", "зв'яжіться" and "звʼяжіться" meet.
 *
 * A phrase written with a leading `=` is matched as written: lower-cased but NOT folded, so
 * "=pagué" takes "pagué" and not "pague", "=payé" takes "payé" and not "paye" (folding erases
 * exactly such grammatical distinctions). It is indexed like any phrase, by its folded first word;
 * once the folded words match, its words are compared with the text's own lower-cased characters,
 * in place (no slicing). Phrases without `=` pay nothing for this.
 */

export interface Tok {
  /** Normalised offsets of the word. */
  s: number;
  e: number;
  /** Lower-cased, diacritics folded. */
  w: string;
  /** Sentence number: grows at . ! ? … and line breaks between words. */
  sent: number;
}

export interface Hit {
  cat: string;
  /** Category-specific id (the messenger's id for `msg`). */
  id: string;
  /** Token range [i, j) and its normalised span. */
  i: number;
  j: number;
  s: number;
  e: number;
}

interface PhraseWord {
  t: string;
  prefix: boolean;
  /** For `=` phrases: the word as written, lower-cased and NFC, not folded. */
  raw?: string;
}
interface Phrase {
  words: PhraseWord[];
  cat: string;
  id: string;
  /** Position in its first word's list. */
  ord: number;
  /** A `=` phrase: its words must also equal the text's unfolded lower-cased words. */
  raw: boolean;
}

const LETTER_RE = /[\p{L}\p{M}\p{N}]/u;
const MARKS_RE = /\p{M}/gu;
const APOS_RE = /[’ʼ`]/g;
// Only Latin letters with diacritics (and stray marks, typographic apostrophes) need folding;
// Cyrillic words pass untouched, so the data lists spell both "ждём" and "ждем".
const FOLDABLE_RE = /[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff’ʼ`]/;

// Folded words repeat across texts ("jakość", "rápido"); two normalisations and three replaces
// per word cost more than the rest of tokenising. A pure function of the word, so a bounded memo.
const foldMemo = new Map<string, string>();
const FOLD_MEMO_MAX = 4096;

/** The fold applied to text words and phrase words alike. Lower-casing is the caller's. */
export function foldWord(w: string): string {
  return FOLDABLE_RE.test(w) ? foldFoldable(w) : w;
}

/** foldWord for a word known to hold a FOLDABLE_RE character (tokens saw one): no second test. */
function foldFoldable(w: string): string {
  let f = foldMemo.get(w);
  if (f !== undefined) return f;
  f = w.normalize('NFD').replace(MARKS_RE, '').replace(APOS_RE, "'").replace(/ł/g, 'l').normalize('NFC');
  if (foldMemo.size >= FOLD_MEMO_MAX) foldMemo.clear();
  foldMemo.set(w, f);
  return f;
}

// Per BMP code unit, one table lookup instead of a chain of range tests per character (tokenising
// was a tenth of the off-platform detectors). 0 = not asked yet; else ANSWERED and the bits below.
// Surrogates are never cached: a pair is asked as one code point, a lone one as itself.
const WORD = 1;
const APOS = 2;
const SENT = 4;
const FOLD = 8;
const ANSWERED = 16;
const CLS = new Uint8Array(0x10000);

function classify(c: number): number {
  let v = ANSWERED;
  if (c < 0x80) {
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) v |= WORD;
  } else if (c >= 0x400 && c <= 0x4ff) {
    if (c !== 0x482) v |= WORD; // Cyrillic, but the thousands sign
  } else if (LETTER_RE.test(String.fromCharCode(c))) v |= WORD;
  // Apostrophes inside a word ("don't", "зв'яжіться"); folded unless the ASCII one.
  if (c === 39 || c === 0x2019 || c === 0x2bc || c === 96) v |= APOS;
  // Sentence ends between words: . ! ? … and line breaks. A dot inside "shop.com" is not one.
  if (c === 33 || c === 63 || c === 0x2026 || c === 10 || c === 13) v |= SENT;
  if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff) || c === 0x2019 || c === 0x2bc || c === 96) v |= FOLD;
  return v;
}
for (let c = 0; c < 0x500; c++) CLS[c] = classify(c);

/** A letter, mark or digit. */
function isWordChar(t: string, i: number, c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) {
    if (c <= 0xdbff) return LETTER_RE.test(t.slice(i, i + 2));
    return LETTER_RE.test(t[i]!); // a lone low surrogate
  }
  let v = CLS[c]!;
  if (v === 0) CLS[c] = v = classify(c);
  return (v & WORD) !== 0;
}

// One-entry memo: the contact, deal and phishing detectors of one text ask in turn, synchronously.
// A WeakMap entry per text cost ten times the tokenising itself in garbage collection.
let tokMemo: { norm: Normalized; toks: Tok[] } | null = null;

/** Money abbreviated with a dot after a sum ("700 р. мне на карту"; data deal-phrases moneyAbbreviations). */
const MONEY_ABBREVIATIONS: ReadonlySet<string> = new Set(dealPhrases.moneyAbbreviations.all);
/** Is the dot at i the end of a money abbreviation after a sum, with a lower-case word after it? */
function abbreviationDot(text: string, out: readonly Tok[], i: number): boolean {
  const last = out[out.length - 1];
  const before = out[out.length - 2];
  if (!last || last.e !== i || !MONEY_ABBREVIATIONS.has(last.w) || !before || !/\d$/.test(before.w)) return false;
  let k = i + 1;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  if (k === i + 1 || k >= text.length) return false;
  const next = text[k]!;
  return next !== next.toUpperCase() && next === next.toLowerCase();
}

/**
 * Words of `norm.lower`, in order: letters, marks and digits with apostrophes inside a word
 * ("зв'яжіться", "don't", "l'argent"). One linear pass; memoised.
 */
export function tokens(norm: Normalized): Tok[] {
  if (tokMemo?.norm === norm) return tokMemo.toks;
  const t = norm.lower;
  const n = t.length;
  const out: Tok[] = [];
  let sent = 0;
  let i = 0;
  let sentenceEnd = false;
  let leet: number[] | null = null;
  while (i < n) {
    const c = t.charCodeAt(i);
    let v = CLS[c]!;
    if (v === 0 && !(c >= 0xd800 && c <= 0xdfff)) CLS[c] = v = classify(c);
    if (v === 0 ? !isWordChar(t, i, c) : (v & WORD) === 0) {
      // A dot ends a sentence unless a word character follows it ("shop.com", "v2.5"), or it closes
      // money abbreviated after a sum with a lower-case word after it ("700 р. мне на карту").
      if ((v & SENT) !== 0 || (c === 46 && (i + 1 >= n || !isWordChar(t, i + 1, t.charCodeAt(i + 1))) && !abbreviationDot(norm.text, out, i))) sentenceEnd = true;
      i++;
      continue;
    }
    const s = i;
    let fold = false;
    let digit = false;
    while (i < n) {
      const d = t.charCodeAt(i);
      // Lower-case ASCII and basic Cyrillic letters and digits (most of any word): word characters
      // that need no folding, without the table.
      if ((d >= 97 && d <= 122) || (d >= 0x430 && d <= 0x44f)) { i++; continue; }
      if (d >= 48 && d <= 57) { digit = true; i++; continue; }
      let u = CLS[d]!;
      if (u === 0) {
        if (d >= 0xd800 && d <= 0xdfff) {
          if (!isWordChar(t, i, d)) break;
          i += d <= 0xdbff ? 2 : 1;
          continue;
        }
        CLS[d] = u = classify(d);
      }
      if ((u & WORD) !== 0) {
        if ((u & FOLD) !== 0) fold = true;
        i++;
      } else if ((u & APOS) !== 0 && i + 1 < n && isWordChar(t, i + 1, t.charCodeAt(i + 1))) {
        if (d !== 39) fold = true;
        i++;
      } else break;
    }
    if (sentenceEnd && out.length) sent++;
    sentenceEnd = false;
    const w = t.slice(s, i);
    out.push({ s, e: i, w: fold ? foldFoldable(w) : w, sent });
    // A digit inside a longer word may stand for a letter ("v1ber", "wh4tsapp"): asked after the pass.
    if (digit && i - s >= LEET_MIN && i - s <= LEET_MAX) (leet ??= []).push(out.length - 1);
  }
  if (leet) unLeet(out, leet);
  joinSpacedLetters(out);
  joinAcrossEmoji(out, t);
  tokMemo = { norm, toks: out };
  return out;
}

/** Lengths of words with a digit that unLeet reads: "v1ber" to "wh4tsapp_shop"-sized; not "x2", not serial numbers. */
const LEET_MIN = 4;
const LEET_MAX = 16;
/** Digits typed for Latin letters: 0 o, 1 i (or l), 3 e, 4 a, 5 s, 7 t. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/**
 * "v1ber", "wh4tsapp", "t3legram", "te1egram": a Latin word with digits standing for letters
 * gets an extra word with the letters (a "1" read as i, and again as l), placed before it like
 * joinSpacedLetters' words. Only words that held a digit are asked (`at`, indices into `toks`);
 * a word with another digit ("1080p"), under two letters, or a letter outside a-z has none.
 */
function unLeet(toks: Tok[], at: number[]): void {
  let extra: Tok[] | null = null;
  for (const k of at) {
    const tok = toks[k]!;
    const w = tok.w;
    // First a look without building anything: most such words are numbers ("1500", "128gb").
    let letters = 0;
    let ok = true;
    for (let m = 0; m < w.length && ok; m++) {
      const c = w.charCodeAt(m);
      if (c >= 97 && c <= 122) letters++;
      else ok = c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55;
    }
    if (!ok || letters < 2) continue;
    let out = '';
    let one = false;
    for (let m = 0; m < w.length; m++) {
      const ch = w[m]!;
      const l = LEET[ch];
      if (l !== undefined && ch === '1') one = true;
      out += l ?? ch;
    }
    (extra ??= []).push({ s: tok.s, e: tok.e, w: out, sent: tok.sent });
    if (one) {
      // The same word with each "1" read as l instead.
      let outL = '';
      for (let m = 0; m < w.length; m++) outL += w.charCodeAt(m) === 49 ? 'l' : out[m]!;
      extra.push({ s: tok.s, e: tok.e, w: outL, sent: tok.sent });
    }
  }
  if (extra) insertExtra(toks, extra);
}

/**
 * "w h a t s a p p", "т.е.л.е.г.р.а.м": four or more single letters in a row become one extra
 * word spanning them, so the name lists see it. The letters stay too (they are harmless).
 */
function joinSpacedLetters(toks: Tok[]): void {
  const extra: Tok[] = [];
  let k = 0;
  while (k < toks.length) {
    if (toks[k]!.e - toks[k]!.s !== 1) { k++; continue; }
    let j = k + 1;
    while (j < toks.length && toks[j]!.e - toks[j]!.s === 1 && toks[j]!.s - toks[j - 1]!.e <= 2) j++;
    if (j - k >= 4) {
      let w = '';
      for (let m = k; m < j; m++) w += toks[m]!.w;
      extra.push({ s: toks[k]!.s, e: toks[j - 1]!.e, w, sent: toks[k]!.sent });
      // The first letter may be a one-letter word of its own: "в т е л е г р а м", "a w h a t s…".
      if (j - k >= 5) extra.push({ s: toks[k + 1]!.s, e: toks[j - 1]!.e, w: w.slice(toks[k]!.w.length), sent: toks[k + 1]!.sent });
    }
    k = j;
  }
  // Each extra word goes right before the letters it joins.
  if (extra.length) insertExtra(toks, extra);
}

const EMOJI_GAP_RE = /^\p{Extended_Pictographic}[\ufe0f\u200d]?$/u;

/**
 * "wha📱tsapp", "теле🔥грам": an emoji typed inside a word hides it from word lists. Two words
 * with nothing but one emoji between them also become one extra word (both halves stay), placed
 * like joinSpacedLetters' words. Only gaps of a few code units starting past U+2000 are asked.
 */
function joinAcrossEmoji(toks: Tok[], t: string): void {
  let extra: Tok[] | null = null;
  for (let k = 1; k < toks.length; k++) {
    const a = toks[k - 1]!;
    const b = toks[k]!;
    const gap = b.s - a.e;
    if (gap < 1 || gap > 3 || b.s <= a.s) continue;
    const c = t.charCodeAt(a.e);
    // "wh@tsapp", "телегр@м": an "@" standing for the letter a inside a word (Cyrillic а among
    // Cyrillic letters). "name@mail" joins too, harmlessly: no list holds such a word.
    if (c === 64 && gap === 1) {
      const last = a.w.charCodeAt(a.w.length - 1);
      (extra ??= []).push({ s: a.s, e: b.e, w: a.w + (last >= 0x400 && last <= 0x4ff ? 'а' : 'a') + b.w, sent: a.sent });
      continue;
    }
    if (c < 0x2000 || !EMOJI_GAP_RE.test(t.slice(a.e, b.s))) continue;
    (extra ??= []).push({ s: a.s, e: b.e, w: a.w + b.w, sent: a.sent });
  }
  if (!extra) return;
  insertExtra(toks, extra);
}

/** Inserts extra words (sorted by start) into `toks`, each right before the first word it spans. */
function insertExtra(toks: Tok[], extra: Tok[]): void {
  const merged: Tok[] = [];
  let x = 0;
  for (const tok of toks) {
    while (x < extra.length && extra[x]!.s <= tok.s) merged.push(extra[x++]!);
    merged.push(tok);
  }
  toks.length = 0;
  toks.push(...merged);
}

/** Splits a phrase as written in the data files into folded words; a `=` phrase keeps each word as written too. */
function phraseWords(phrase: string): PhraseWord[] {
  const asWritten = phrase.startsWith('=');
  const out: PhraseWord[] = [];
  for (const raw of (asWritten ? phrase.slice(1) : phrase).toLowerCase().normalize('NFC').split(/[\s\-–—,.:;!?&]+/u)) {
    if (!raw) continue;
    const prefix = raw.endsWith('*');
    const word = prefix ? raw.slice(0, -1) : raw;
    const t = foldWord(word);
    if (t) out.push(asWritten ? { t, prefix, raw: word } : { t, prefix });
  }
  return out;
}

/** The text's lower-cased characters of a token equal a `=` phrase word (or start it, for a stem), compared in place. */
function rawEquals(lower: string, tok: Tok, pw: PhraseWord): boolean {
  const raw = pw.raw!;
  const len = tok.e - tok.s;
  if (pw.prefix ? len < raw.length : len !== raw.length) return false;
  for (let k = 0; k < raw.length; k++) if (lower.charCodeAt(tok.s + k) !== raw.charCodeAt(k)) return false;
  return true;
}

/** Stems (words with a trailing *) are indexed by their first letters; every stem has at least these. */
const STEM_KEY = 4;

/** Lists longer than this are matched through PhraseMatcher's second-word split. */
const SPLIT_MIN = 4;

/** A set of phrases, looked up by their first word (exact) or the first letters of its stem. */
export class PhraseMatcher {
  private exact = new Map<string, Phrase[]>();
  private stems = new Map<string, Phrase[]>();
  // Common first words ("me", "en", "a", "in") start dozens of phrases each, and trying them all was
  // most of matching. Such a list is also split by the (exact) second word, plus the rest (one-word
  // phrases, stems second); match merges the two by `ord`, so hits keep the order of the list.
  private bySecond = new Map<string, Map<string, Phrase[]>>();
  private rest = new Map<string, Phrase[]>();
  // Most words of a text start no phrase. These filters (of the whole word; of its first
  // STEM_KEY) answer "no" for almost all of them before the Maps are asked: hashing a fresh
  // string for Map.get, and slicing its stem key, cost more than the rest of matching.
  private exactFilter = new HashFilter();
  private stemFilter = new HashFilter();
  /**
   * Phrases already added, by category, id and folded words: the lists spell a word with and
   * without its diacritics ("escríbeme", "escribeme"), which fold to one phrase; added twice, it
   * would be matched, and hit, twice.
   */
  private added = new Set<string>();
  /** The text of the current `match` call, for `=` phrases. */
  private lower = '';

  add(phrases: Iterable<string>, cat: string, id = ''): this {
    for (const p of phrases) {
      const words = phraseWords(p);
      if (!words.length) continue;
      const key0 = `${cat}\u0000${id}\u0000${words.map((w) => (w.raw !== undefined ? `=${w.raw}` : w.t) + (w.prefix ? '*' : '')).join(' ')}`;
      if (this.added.has(key0)) continue;
      this.added.add(key0);
      const first = words[0]!;
      if (first.prefix && first.t.length < STEM_KEY) throw new Error(`stem too short: ${p}`);
      const map = first.prefix ? this.stems : this.exact;
      const key = first.prefix ? first.t.slice(0, STEM_KEY) : first.t;
      (first.prefix ? this.stemFilter : this.exactFilter).add(key);
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      const phrase: Phrase = { words, cat, id, ord: list.length, raw: p.startsWith('=') };
      list.push(phrase);
      if (first.prefix) continue;
      const second = words[1];
      if (second && !second.prefix) {
        let by = this.bySecond.get(key);
        if (!by) this.bySecond.set(key, (by = new Map()));
        let sub = by.get(second.t);
        if (!sub) by.set(second.t, (sub = []));
        sub.push(phrase);
      } else {
        let rest = this.rest.get(key);
        if (!rest) this.rest.set(key, (rest = []));
        rest.push(phrase);
      }
    }
    return this;
  }

  /**
   * Every phrase occurrence in `toks` (the words of `lower`, the text they were cut from), in token
   * order. Work is bounded per token: linear.
   */
  match(toks: Tok[], lower: string): Hit[] {
    this.lower = lower;
    const hits: Hit[] = [];
    const exactFilter = this.exactFilter;
    const stemFilter = this.stemFilter;
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i]!.w;
      const n = w.length;
      // The hashes of the whole word and of its stem key, in one pass.
      let h = 0;
      let h4 = 0;
      for (let k = 0; k < n; k++) {
        h = HashFilter.step(h, w.charCodeAt(k));
        if (k === STEM_KEY - 1) h4 = h;
      }
      if (exactFilter.mayHoldHash(h)) {
        const exact = this.exact.get(w);
        if (exact && exact.length <= SPLIT_MIN) for (const p of exact) this.tryAt(toks, i, p, hits);
        else if (exact) this.tryMerged(toks, i, w, hits);
      }
      if (n >= STEM_KEY && stemFilter.mayHoldHash(h4)) {
        const list = this.stems.get(w.slice(0, STEM_KEY));
        if (list) for (const p of list) this.tryAt(toks, i, p, hits);
      }
    }
    return hits;
  }

  /** The phrases of a long list that can match at `i`: second word equal to the next token's, or the rest. */
  private tryMerged(toks: Tok[], i: number, w: string, hits: Hit[]): void {
    const sub = i + 1 < toks.length ? this.bySecond.get(w)?.get(toks[i + 1]!.w) : undefined;
    const rest = this.rest.get(w);
    const ns = sub ? sub.length : 0;
    const nr = rest ? rest.length : 0;
    let a = 0;
    let b = 0;
    while (a < ns || b < nr) {
      if (b >= nr || (a < ns && sub![a]!.ord < rest![b]!.ord)) this.tryAt(toks, i, sub![a++]!, hits);
      else this.tryAt(toks, i, rest![b++]!, hits);
    }
  }

  private tryAt(toks: Tok[], i: number, p: Phrase, hits: Hit[]): void {
    const n = p.words.length;
    if (i + n > toks.length) return;
    for (let k = 0; k < n; k++) {
      const pw = p.words[k]!;
      const tw = toks[i + k]!.w;
      // An inflection adds a few letters, not a new word: "телег*" takes "телеге", not "телегония".
      if (pw.prefix ? !(tw.startsWith(pw.t) && tw.length - pw.t.length <= 4) : tw !== pw.t) return;
      // Phrase words must be neighbours: at most a comma or a few spaces between them.
      if (k > 0 && toks[i + k]!.s - toks[i + k - 1]!.e > 3) return;
    }
    // "=pagué": the folded words matched; now the words as written ("pague" is not "pagué").
    if (p.raw) for (let k = 0; k < n; k++) if (!rawEquals(this.lower, toks[i + k]!, p.words[k]!)) return;
    hits.push({ cat: p.cat, id: p.id, i, j: i + n, s: toks[i]!.s, e: toks[i + n - 1]!.e });
  }
}

/** All languages' phrases of one list (`{ en: [...], ru: [...] }`) flattened. */
export function allLangs(table: Record<string, string[] | string>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(table)) if (!k.startsWith('$') && Array.isArray(v)) out.push(...v);
  return out;
}

/**
 * Per-text hits of one matcher, remembered for the last text (see `tokens` for why not a WeakMap);
 * `post`, if given, adjusts them once per text.
 */
export function memoHits(matcher: PhraseMatcher, post?: (hits: Hit[], toks: Tok[]) => Hit[]): (norm: Normalized) => Hit[] {
  let last: { norm: Normalized; hits: Hit[] } | null = null;
  return (norm) => {
    if (last?.norm === norm) return last.hits;
    const toks = tokens(norm);
    let hits = matcher.match(toks, norm.lower);
    if (post) hits = post(hits, toks);
    last = { norm, hits };
    return hits;
  };
}

/** Index of the first hit (sorted by token index) whose first token is at or after `i`. */
export function firstHitFrom(hits: readonly Hit[], i: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.i < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item (tokens, identifiers, hits: sorted by start) starting at or after normalised offset `pos`. */
export function firstStartingFrom(xs: readonly { s: number }[], pos: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.s < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Any hit of `xs` with a token in [from, to]. */
export function anyIn(xs: readonly Hit[], from: number, to: number): boolean {
  const k = firstHitFrom(xs, Math.max(0, from - 6)); // phrases are at most a few words long
  for (let m = k; m < xs.length && xs[m]!.i <= to; m++) if (xs[m]!.j > from) return true;
  return false;
}

/**
 * Words a window walk starts before its window, for a hit that starts outside it and ends inside.
 * The lists the rules pair from are sorted by start, so the walk must begin that far back: as far
 * as the longest phrase of the lists (words.test.ts checks every list against it).
 */
export const PHRASE_REACH = 6;

/**
 * The first hit of `xs` (token order) that ends at most `gap` words before token `i` and passes
 * `ok`: with gap 1, the "DM me" of "DM me on there" ends close enough before "there", that of
 * "DM me later on there" does not. Bounded walk: linear over a text.
 */
export function hitEndingBefore(xs: readonly Hit[], i: number, gap: number, ok: (x: Hit) => boolean): Hit | undefined {
  for (let k = firstHitFrom(xs, i - gap - PHRASE_REACH); k < xs.length && xs[k]!.i < i; k++) {
    const x = xs[k]!;
    if (x.j <= i && i - x.j <= gap && ok(x)) return x;
  }
  return undefined;
}

/**
 * The first hit of `xs` (token order) that starts at token `j` or at most `gap` words after it and
 * passes `ok`: the nearest such, ties in list order. "je vous la vends | sur Wallapop" with `j`
 * the end of the selling cue.
 */
export function hitStartingAfter(xs: readonly Hit[], j: number, gap: number, ok: (x: Hit) => boolean): Hit | undefined {
  for (let k = firstHitFrom(xs, j); k < xs.length && xs[k]!.i <= j + gap; k++) if (ok(xs[k]!)) return xs[k];
  return undefined;
}

/**
 * The first hit of `xs` (token order: the earliest, not the nearest) that does not overlap `h`
 * and sits at most `gap` words from it on either side, passing `ok`, which is told that distance
 * (0 for a neighbour): "grupo de | WhatsApp", "WhatsApp | group". Bounded walk: linear over a text.
 */
export function hitNear(xs: readonly Hit[], h: Hit, gap: number, ok: (x: Hit, dist: number) => boolean): Hit | undefined {
  for (let k = firstHitFrom(xs, h.i - gap - PHRASE_REACH); k < xs.length && xs[k]!.i <= h.j + gap; k++) {
    const x = xs[k]!;
    if (x.i < h.j && x.j > h.i) continue;
    const dist = x.i >= h.j ? x.i - h.j : h.i - x.j;
    if (dist <= gap && ok(x, dist)) return x;
  }
  return undefined;
}

/** Of two hits found in two lists, the one starting first; `a` on a tie. */
export function earlier(a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  return b && (!a || b.i < a.i) ? b : a;
}

/** Words before a phrase in which a negation cancels it ("never pay outside"). */
export const NEG_WINDOW = 2;
/** Words before a phrase in which a negation of its clause cancels it ("nie prowadzimy sprzedaży poza platformą"). */
const NEG_CLAUSE = 4;
const CLAUSE_BREAK_RE = /[,;:.!?()\n—–]/;

/**
 * Is the phrase `h` negated: a negation hit in the NEG_WINDOW words before it, or further back in
 * its clause (no punctuation between: "we do not sell anything outside the platform", "Não vou
 * falar por fora")? Portuguese "no" ("chama no zap por fora": "on the") is a preposition as
 * often, so only the close window asks it. The deal and contact detectors ask the same question
 * of an "outside" phrase, so they answer it alike. Bounded look back: linear.
 */
export function negatedPhrase(text: string, toks: readonly Tok[], negs: readonly Hit[], h: Hit): boolean {
  if (anyIn(negs, h.i - NEG_WINDOW, h.i - 1)) return true;
  for (let k = firstHitFrom(negs, Math.max(0, h.i - NEG_CLAUSE)); k < negs.length && negs[k]!.i < h.i - NEG_WINDOW; k++) {
    const n = negs[k]!;
    if (n.j > h.i || toks[n.i]!.w === 'no') continue;
    if (!CLAUSE_BREAK_RE.test(text.slice(n.e, h.s))) return true;
  }
  return false;
}
