import { LANGS, type Lang, type Normalized } from '../../types.js';
import { fold } from '../../fold.js';
import common from '../../data/conduct-common.json';
import extortion from '../../data/conduct-extortion.json';
import incentive from '../../data/conduct-incentive.json';
import sellerTie from '../../data/conduct-seller-tie.json';

/**
 * One linear pass shared by the conduct detectors (extortion, incentive, seller ties): words of
 * the normalised text with sentence and clause numbers, and every lexicon phrase found in them.
 * The last scan is remembered, so the three detectors pay for it once per text.
 *
 * The lexicon (moderation/data/conduct-*.json) is category → language → phrases. All languages
 * are matched in every text: language detection is unreliable on a two-line review, and the
 * content words rarely collide. Words match folded (see `fold`), except in an entry marked "="
 * ("=pisze"): its words match as written, lower-cased but not folded, for the few words whose
 * diacritics carry grammar (Polish "pisze" he writes, "piszę" I write). Each hit carries the languages it came from, so a detector can
 * refuse a function word from another language than the words it joins.
 */

/** A word of the text, as the tests and the lexicon loader see it (the scan itself keeps words in flat arrays). */
export interface Token {
  /** Normalised offsets. */
  s: number;
  e: number;
  /** Lower-cased, folded (see `fold`). */
  w: string;
  sent: number;
  clause: number;
}

export interface Hit {
  cat: string;
  /** Token range [i, j). */
  i: number;
  j: number;
  /** Bit per language of `LANGS` that lists this phrase. */
  langs: number;
}

export interface Scan {
  /** Number of words. Per word t < n: normalised offsets [s[t], e[t]), sentence and clause numbers. */
  readonly n: number;
  readonly s: Int32Array;
  readonly e: Int32Array;
  readonly sent: Int32Array;
  readonly clause: Int32Array;
  /** The lower-cased normalised text the offsets point into. */
  readonly lower: string;
  /** The folded word t (allocates a string: for rare checks only). */
  word(t: number): string;
  /** The last non-space character between word t - 1 and word t (0 if none): tells a label's colon from a comma. */
  markBefore(t: number): number;
  /** All hits of a category, by start token. */
  all(cat: string): readonly Hit[];
  /** The nearest hit of `cat` whose start is in [from, to] (scans from `from` up), optionally filtered. */
  startingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined;
  /** The nearest hit of `cat` whose end is in [from, to] (scans from `to` down). */
  endingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined;
}

/** — – -: the dash that joins two halves ("не будет возврата — будет жалоба", "5 звёзд — кешбек"). */
export const isDash = (c: number): boolean => c === 45 || c === 0x2013 || c === 0x2014;

export function langBit(lang: Lang): number {
  return 1 << LANGS.indexOf(lang);
}


// Words (a hashtag keeps its '#'), digit runs apart from letters ("5stars" → 5, stars), and the
// few symbols that carry meaning here: currency, percent, star emoji, '=' and arrows ("no refund
// = 1 star"). Apostrophes split words, on both sides: "don't" → don t, "l'avis" → l avis,
// "п'ять" → п ять. A hand-written scanner: the Unicode-property regex cost more than everything else.

// One table lookup per character for everything below U+0530 (Latin, Greek, Cyrillic); the rare
// rest goes through a Unicode-property test.
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const SYMBOL = 3;
const SENT_END = 4;
const CLAUSE = 5;
const TABLE_SIZE = 0x2b51; // up to ⭐
const CLASS = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < 0x530; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || c >= 0x300) CLASS[c] = LETTER;
  else if (c >= 48 && c <= 57) CLASS[c] = DIGIT;
}
for (const ch of '$€£₽₴%⭐★=→>') CLASS[ch.charCodeAt(0)] = SYMBOL;
for (const ch of '.!?…\n\r¡¿') CLASS[ch.charCodeAt(0)] = SENT_END;
for (const ch of ',:;—–()"«»/') CLASS[ch.charCodeAt(0)] = CLAUSE;
const OTHER_LETTER_RE = /[\p{L}\p{M}]/u;

function charClass(c: number): number {
  if (c < 0x530) return CLASS[c]!;
  if (c < TABLE_SIZE && CLASS[c] !== OTHER) return CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdfff) return OTHER; // astral halves: emoji
  return OTHER_LETTER_RE.test(String.fromCharCode(c)) ? LETTER : OTHER;
}

/** Is code unit c a letter to the tokenizer (a word made of it is no digit run nor symbol)? */
export function isLetterCode(c: number): boolean {
  return charClass(c) === LETTER;
}

/** Longer words match nothing in the lexicon (and are not remembered). */
const MAX_WORD = 40;

// Words go into flat arrays reused from text to text instead of an object and a string per word:
// per-word objects and slices were most of the scan's allocation. Only `scan` and `tokenize` read
// them, each right after `split` and before any other split.
let cap = 0;
let S = new Int32Array(0);
let E = new Int32Array(0);
let SENT = new Int32Array(0);
let CLAUSES = new Int32Array(0);
/** Lexicon folded-word index of each word (-1: too long to match). */
let WID = new Int32Array(0);

function reserve(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, cap * 2, 256);
  S = new Int32Array(cap);
  E = new Int32Array(cap);
  SENT = new Int32Array(cap);
  CLAUSES = new Int32Array(cap);
  WID = new Int32Array(cap);
}

/**
 * Splits `lower` into words in S/E/SENT/CLAUSES; with a lexicon, also looks each word up (WID) by a
 * hash of its code units computed on the way, so no word string is built for a spelling seen
 * before. Returns the number of words.
 */
function split(lower: string, lex: Lexicon | null): number {
  const n = lower.length;
  reserve(n + 1); // a word is at least one code unit; ScanResult borrows n + 1 slots of E
  let count = 0;
  let sent = 0;
  let clause = 0;
  let newSent = false;
  let newClause = false;
  let k = 0;
  while (k < n) {
    const c = lower.charCodeAt(k);
    let cls = charClass(c);
    const start = k;
    let h = 0x811c9dc5 | 0;
    if (c === 35 /* # */ && k + 1 < n && charClass(lower.charCodeAt(k + 1)) === LETTER) { cls = LETTER; k++; h = Math.imul(h ^ 35, 16777619); }
    if (cls !== LETTER && cls !== DIGIT && cls !== SYMBOL) {
      if (cls === SENT_END) {
        // "4.5 stars", "$5.99" stay one sentence.
        const inNumber = c === 46 && k > 0 && k + 1 < n && charClass(lower.charCodeAt(k - 1)) === DIGIT && charClass(lower.charCodeAt(k + 1)) === DIGIT;
        if (!inNumber) newSent = true;
      } else if (cls === CLAUSE || (c === 45 /* - */ && k > 0 && lower.charCodeAt(k - 1) === 32)) newClause = true;
      k++;
      continue;
    }
    if (cls === SYMBOL) {
      h = Math.imul(h ^ c, 16777619);
      k++;
    } else {
      while (k < n) {
        const d = lower.charCodeAt(k);
        if (charClass(d) !== cls) break;
        h = Math.imul(h ^ d, 16777619);
        k++;
      }
    }
    if (count) {
      if (newSent) { sent++; clause++; } else if (newClause) clause++;
    }
    newSent = false;
    newClause = false;
    S[count] = start;
    E[count] = k;
    SENT[count] = sent;
    CLAUSES[count] = clause;
    if (lex) WID[count] = k - start > MAX_WORD ? -1 : lex.lookup(lower, start, k, h ^ (h >>> 15));
    count++;
  }
  return count;
}

/**
 * A flat copy of `s`, padded with spaces (no word changes). `split` runs on request texts, which
 * are flat strings; fed thousands of folded (concatenated), sliced and literal phrase strings at
 * start-up, its `charCodeAt` calls saw so many string shapes that V8 compiled them generically,
 * and every later request paid about three times the tokenizing cost for it.
 */
function sequential(s: string): string {
  const codes: number[] = [32];
  for (let k = 0; k < s.length; k++) codes.push(s.charCodeAt(k));
  codes.push(32);
  return String.fromCharCode(...codes);
}

/** The words of a lower-cased text as objects (tests, lexicon loading); the scan uses `split` directly. */
export function tokenize(lower: string): Token[] {
  const n = split(lower, null);
  const out: Token[] = [];
  for (let t = 0; t < n; t++) out.push({ s: S[t]!, e: E[t]!, w: fold(lower.slice(S[t]!, E[t]!)), sent: SENT[t]!, clause: CLAUSES[t]! });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lexicon: whole words in a hash map, stems (`word*`) in a character trie, phrases indexed by
// their first two words so a common first word ("de", "my", "i") does not try every phrase.
// Words of "=" entries (as written) sit in a map of their own, keyed by the unfolded word.

/** "=pisze": the entry's words match as written (lower-cased, not folded). A lone "=" is the symbol. */
const AS_WRITTEN = '=';

interface TrieNode { next: Map<number, TrieNode>; ids: number[] | null }
interface Phrase { cat: string; catIdx: number; words: number[]; langs: number }

/** Copies of one word in a row that still get matched (five stars written as five ⭐ need five). */
const MAX_REPEAT = 6;
/** Words remembered before the memo starts over (checked between texts, so a text's entries stay put while it is scanned). */
const MEMO_MAX = 50_000;

const NO_HITS: readonly Hit[] = Object.freeze([]);

export class Lexicon {
  private readonly exact = new Map<string, number[]>();
  /** As-written words ("=" entries) → word ids, by the unfolded word. */
  private readonly exactRaw = new Map<string, number[]>();
  /** Folded forms of the as-written words: only spellings that fold to one of these need their own memo entry. */
  private readonly rawFolded = new Set<string>();
  private readonly stems: TrieNode = { next: new Map(), ids: null };
  private readonly wordIds = new Map<string, number>();
  /** By first word id: its one-word phrases, and longer phrases by second word id. */
  private readonly singles: (Phrase[] | undefined)[] = [];
  private readonly longer: (Map<number, Phrase[]> | undefined)[] = [];
  readonly categories = new Set<string>();
  /** Category name → dense index, so a scan files hits in an array rather than a string-keyed Map. */
  readonly catIndex = new Map<string, number>();

  constructor(sources: readonly object[]) {
    const phrases = new Map<string, Phrase>();
    for (const src of sources) {
      for (const [cat, byLang] of Object.entries(src)) {
        if (cat.startsWith('$') || typeof byLang !== 'object' || byLang === null) continue;
        this.categories.add(cat);
        if (!this.catIndex.has(cat)) this.catIndex.set(cat, this.catIndex.size);
        for (const [lang, list] of Object.entries(byLang as Record<string, unknown>)) {
          if (!(LANGS as readonly string[]).includes(lang) || !Array.isArray(list)) continue;
          const bit = langBit(lang as Lang);
          for (const phrase of list as string[]) {
            const words = this.parse(phrase);
            if (words.length === 0) continue;
            const key = `${cat}\u0000${words.join(',')}`;
            const p = phrases.get(key);
            if (p) p.langs |= bit;
            else phrases.set(key, { cat, catIdx: this.catIndex.get(cat)!, words, langs: bit });
          }
        }
      }
    }
    for (const p of phrases.values()) {
      const first = p.words[0]!;
      if (p.words.length === 1) {
        (this.singles[first] ??= []).push(p);
        continue;
      }
      const bySecond = (this.longer[first] ??= new Map());
      const list = bySecond.get(p.words[1]!);
      if (list) list.push(p);
      else bySecond.set(p.words[1]!, [p]);
    }
  }

  /**
   * "п'ять зірок" → [п, ять, зiрок]; a trailing * makes the last word of its piece a stem. "=pisze"
   * keeps its words as written (lower-cased), for matching unfolded; it takes no stems.
   */
  private parse(phrase: string): number[] {
    const ids: number[] = [];
    let text = phrase.trim();
    const raw = text.length > 1 && text.startsWith(AS_WRITTEN);
    if (raw) text = text.slice(1).trim();
    for (const piece of text.split(/\s+/)) {
      const stem = piece.length > 1 && piece.endsWith('*');
      if (raw && stem) throw new Error(`conduct lexicon: an as-written entry takes no stem: ${phrase}`);
      const lower = sequential((stem ? piece.slice(0, -1) : piece).toLowerCase());
      const words = tokenize(raw ? lower : fold(lower)).map((t) => (raw ? lower.slice(t.s, t.e) : t.w));
      words.forEach((w, k) => ids.push(this.wordId(w, stem && k === words.length - 1, raw)));
    }
    return ids;
  }

  private wordId(w: string, stem: boolean, raw = false): number {
    const key = (raw ? '~' : stem ? '*' : '=') + w;
    let id = this.wordIds.get(key);
    if (id !== undefined) return id;
    id = this.wordIds.size;
    this.wordIds.set(key, id);
    if (raw) {
      const list = this.exactRaw.get(w);
      if (list) list.push(id);
      else this.exactRaw.set(w, [id]);
      this.rawFolded.add(fold(w));
      return id;
    }
    if (!stem) {
      const list = this.exact.get(w);
      if (list) list.push(id);
      else this.exact.set(w, [id]);
      return id;
    }
    let node = this.stems;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      let nx = node.next.get(c);
      if (!nx) { nx = { next: new Map(), ids: null }; node.next.set(c, nx); }
      node = nx;
    }
    (node.ids ??= []).push(id);
    return id;
  }

  // Words repeat across reviews ("the", "и", "de"): remember what each matched. Bounded, so pure
  // and small. An open-addressing table keyed by the hash `split` computes over the word's code
  // units as written, confirmed by comparing them, so looking up a known word builds no string and
  // folds nothing. Spellings that fold alike ("opinión", "opinion") share one folded entry, so
  // equal entries still mean equal words; only where an as-written word folds alike ("pisze",
  // "piszę") does each spelling get an entry of its own, decided once when the spelling is new. The code units live in one typed array (comparing
  // against strings of mixed shapes would slow `charCodeAt` again, see `sequential`).
  /** Spelling index + 1 per slot; 0 = empty. */
  private memoSlot = new Int32Array(1 << 12);
  /**
   * Per spelling k, side by side so a lookup touches one cache line for it: [4k] hash, [4k+1]
   * offset of its code units in memoChars, [4k+2] length, [4k+3] folded-word index.
   */
  private memoEnt = new Int32Array(4 << 11);
  private memoChars = new Uint16Array(1 << 14);
  private charsTop = 0;
  private spellings = 0;
  /** Folded word → its index in memoIds. */
  private folded = new Map<string, number>();
  private memoIds: (number[] | undefined)[] = [];

  /** Folded-word index of lower[s, e) with hash `h` (see `split`). */
  lookup(lower: string, s: number, e: number, h: number): number {
    // The usual case, a known word in its home slot, kept small enough to inline into `split`.
    const ent = this.memoSlot[h & (this.memoSlot.length - 1)]!;
    if (ent !== 0) {
      const x = 4 * (ent - 1);
      const info = this.memoEnt;
      const len = e - s;
      if (info[x] === h && info[x + 2] === len) {
        const chars = this.memoChars;
        const a = info[x + 1]!;
        let k = 0;
        while (k < len && lower.charCodeAt(s + k) === chars[a + k]) k++;
        if (k === len) return info[x + 3]!;
      }
    }
    return this.probe(lower, s, e, h);
  }

  private probe(lower: string, s: number, e: number, h: number): number {
    const mask = this.memoSlot.length - 1;
    const len = e - s;
    const info = this.memoEnt;
    const chars = this.memoChars;
    let p = h & mask;
    for (;;) {
      const ent = this.memoSlot[p]!;
      if (ent === 0) break;
      const x = 4 * (ent - 1);
      if (info[x] === h && info[x + 2] === len) {
        const a = info[x + 1]!;
        let k = 0;
        while (k < len && lower.charCodeAt(s + k) === chars[a + k]) k++;
        if (k === len) return info[x + 3]!;
      }
      p = (p + 1) & mask;
    }
    const written = lower.slice(s, e);
    const w = fold(written);
    // '\u0000' keeps an as-written key apart from every folded one.
    const key = this.rawFolded.has(w) ? `\u0000${written}` : w;
    let f = this.folded.get(key);
    if (f === undefined) {
      f = this.memoIds.length;
      this.memoIds.push(this.matchUncached(w, written));
      this.folded.set(key, f);
    }
    const id = this.spellings++;
    if (4 * id + 4 > this.memoEnt.length) this.memoEnt = grow(this.memoEnt, 4 * id + 4);
    const a = this.charsTop;
    if (a + len > this.memoChars.length) this.memoChars = grow(this.memoChars, a + len);
    for (let k = 0; k < len; k++) this.memoChars[a + k] = lower.charCodeAt(s + k);
    this.charsTop = a + len;
    const x = 4 * id;
    this.memoEnt[x] = h;
    this.memoEnt[x + 1] = a;
    this.memoEnt[x + 2] = len;
    this.memoEnt[x + 3] = f;
    this.memoSlot[p] = id + 1;
    if (this.spellings * 2 > this.memoSlot.length) this.rehash(this.memoSlot.length * 2);
    return f;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.spellings; id++) {
      let p = this.memoEnt[4 * id]! & mask;
      while (slots[p] !== 0) p = (p + 1) & mask;
      slots[p] = id + 1;
    }
    this.memoSlot = slots;
  }

  private resetMemo(): void {
    this.memoSlot = new Int32Array(1 << 12);
    this.memoEnt = new Int32Array(4 << 11);
    this.charsTop = 0;
    this.spellings = 0;
    this.folded = new Map();
    this.memoIds = [];
  }

  /** Word ids a text word (folded `w`, as written `written`) matches: its exact and as-written entries plus every stem it starts with. */
  private matchUncached(w: string, written: string): number[] | undefined {
    let out = this.exact.get(w);
    let copied = false;
    const raw = this.exactRaw.get(written);
    if (raw) {
      out = out ? [...out, ...raw] : raw.slice();
      copied = true;
    }
    let node: TrieNode | undefined = this.stems;
    for (let k = 0; k < w.length; k++) {
      node = node.next.get(w.charCodeAt(k));
      if (!node) break;
      if (node.ids) {
        if (!out) { out = node.ids; continue; }
        if (!copied) { out = out.slice(); copied = true; }
        for (const id of node.ids) out.push(id);
      }
    }
    return out;
  }

  /** Words and lexicon hits of a lower-cased text. */
  scan(lower: string): ScanResult {
    if (this.spellings >= MEMO_MAX) this.resetMemo();
    const n = split(lower, this);
    const memoIds = this.memoIds;
    // A word repeated over and over ("⭐⭐⭐…", "my my my …") says nothing new after a few
    // times; matching every copy only feeds adversarial input. Memo entries are one per folded
    // word within a text, so equal entries are equal words; -1 marks a word left unmatched.
    let run = 0;
    let prev = -2;
    for (let t = 0; t < n; t++) {
      const w = WID[t]!;
      run = t > 0 && w === prev ? run + 1 : 0;
      prev = w;
      if (w >= 0 && (run >= MAX_REPEAT || memoIds[w] === undefined)) WID[t] = -1;
    }
    const hits: Hit[] = [];
    const catHits: (Hit[] | undefined)[] = new Array(this.catIndex.size);
    for (let t = 0; t < n; t++) {
      const wt = WID[t]!;
      if (wt < 0) continue;
      const first = memoIds[wt]!;
      const wn = t + 1 < n && SENT[t + 1] === SENT[t] ? WID[t + 1]! : -1;
      const next = wn >= 0 ? memoIds[wn] : undefined;
      for (const id of first) {
        const single = this.singles[id];
        if (single) for (const p of single) add(hits, catHits, p, t, t + 1);
        const bySecond = this.longer[id];
        if (!next || !bySecond) continue;
        for (const id2 of next) {
          const list = bySecond.get(id2);
          if (!list) continue;
          for (const p of list) {
            const len = p.words.length;
            if (t + len > n || SENT[t + len - 1] !== SENT[t]) continue;
            let ok = true;
            for (let k = 2; k < len && ok; k++) {
              const wk = WID[t + k]!;
              ok = wk >= 0 && memoIds[wk]!.includes(p.words[k]!);
            }
            if (ok) add(hits, catHits, p, t, t + len);
          }
        }
      }
    }
    return new ScanResult(this, lower, n, hits, catHits);
  }
}

function grow<T extends Int32Array | Uint16Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

function add(hits: Hit[], catHits: (Hit[] | undefined)[], p: Phrase, i: number, j: number): void {
  const h: Hit = { cat: p.cat, i, j, langs: p.langs };
  hits.push(h);
  const list = catHits[p.catIdx];
  if (list) list.push(h);
  else catHits[p.catIdx] = [h];
}

// A typed array over 64 bytes gets a backing store outside the V8 heap, and allocating one per
// text cost more than filling it. Per-text arrays are cut from a shared slab instead; a slab is
// never reused (an old scan keeps its part alive), only replaced when full, so a fresh cut is zeroed.
const SLAB_INTS = 1 << 16;
let slabBuf = new Int32Array(SLAB_INTS);
let slabTop = 0;

function slab(size: number): Int32Array {
  if (size > SLAB_INTS >> 2) return new Int32Array(size);
  if (slabTop + size > SLAB_INTS) {
    slabBuf = new Int32Array(SLAB_INTS);
    slabTop = 0;
  }
  const out = slabBuf.subarray(slabTop, slabTop + size);
  slabTop += size;
  return out;
}

// ---------------------------------------------------------------------------------------------

export const LEXICON = new Lexicon([common, extortion, incentive, sellerTie]);

/**
 * Hits by category, and by start and end token. Window queries look at a bounded number of
 * tokens and compare category names (interned strings), so they cost a few steps each.
 */
export class ScanResult implements Scan {
  readonly s: Int32Array;
  readonly e: Int32Array;
  readonly sent: Int32Array;
  readonly clause: Int32Array;
  /** hits[startOff[t] .. startOff[t+1]) start at token t (the lexicon emits them in start order). */
  private readonly startOff: Int32Array;
  /** byEnd[endOff[t] .. endOff[t+1]) index the hits that end at token t. */
  private readonly endOff: Int32Array;
  private readonly byEnd: Int32Array;

  /** Reads the words `split` just left in the shared arrays. */
  constructor(private readonly lex: Lexicon, readonly lower: string, readonly n: number, readonly hits: readonly Hit[], private readonly byCat: readonly (Hit[] | undefined)[]) {
    const m = hits.length;
    const buf = slab(4 * n + 2 * (n + 2) + m);
    this.s = buf.subarray(0, n);
    this.e = buf.subarray(n, 2 * n);
    this.sent = buf.subarray(2 * n, 3 * n);
    this.clause = buf.subarray(3 * n, 4 * n);
    this.startOff = buf.subarray(4 * n, 5 * n + 2);
    this.endOff = buf.subarray(5 * n + 2, 6 * n + 4);
    this.byEnd = buf.subarray(6 * n + 4, 6 * n + 4 + m);
    for (let t = 0; t < n; t++) {
      this.s[t] = S[t]!;
      this.e[t] = E[t]!;
      this.sent[t] = SENT[t]!;
      this.clause[t] = CLAUSES[t]!;
    }
    const startOff = this.startOff;
    const endOff = this.endOff;
    for (let k = 0; k < m; k++) {
      const h = hits[k]!;
      startOff[h.i + 1]!++;
      endOff[h.j + 1]!++;
    }
    for (let t = 1; t <= n + 1; t++) {
      startOff[t]! += startOff[t - 1]!;
      endOff[t]! += endOff[t - 1]!;
    }
    // Hits ending at one token keep their hit order. E is free scratch once the words are copied.
    const placed = E;
    for (let t = 0; t <= n; t++) placed[t] = endOff[t]!;
    for (let k = 0; k < m; k++) this.byEnd[placed[hits[k]!.j]!++] = k;
  }

  word(t: number): string {
    return fold(this.lower.slice(this.s[t]!, this.e[t]!));
  }

  markBefore(t: number): number {
    const from = t > 0 ? this.e[t - 1]! : 0;
    for (let k = (t < this.n ? this.s[t]! : this.lower.length) - 1; k >= from; k--) {
      const c = this.lower.charCodeAt(k);
      if (c !== 32 && c !== 0xa0) return c;
    }
    return 0;
  }

  all(cat: string): readonly Hit[] {
    const k = this.lex.catIndex.get(cat);
    return (k !== undefined && this.byCat[k]) || NO_HITS;
  }

  startingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined {
    const a = this.startOff[Math.max(0, from)] ?? this.hits.length;
    const b = this.startOff[Math.min(to, this.n) + 1] ?? this.hits.length;
    for (let k = a; k < b; k++) {
      const h = this.hits[k]!;
      if (h.cat === cat && (!ok || ok(h))) return h;
    }
    return undefined;
  }

  endingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined {
    for (let p = Math.min(to, this.n); p >= Math.max(0, from); p--) {
      for (let k = this.endOff[p]!; k < this.endOff[p + 1]!; k++) {
        const h = this.hits[this.byEnd[k]!]!;
        if (h.cat === cat && (!ok || ok(h))) return h;
      }
    }
    return undefined;
  }
}

/**
 * Window queries over detector-built parts (threats, demands, targets) by start and end token.
 * Two sorted copies and a binary search rather than Maps of lists: a text has a handful of parts,
 * and building the Maps cost more than every query on them.
 */
export class SpanIndex<T extends { i: number; j: number }> {
  /** By start, then insertion order (the sort is stable). */
  private readonly byStart: readonly T[];
  /** By end, then insertion order. */
  private readonly byEnd: readonly T[];
  constructor(private readonly items: readonly T[]) {
    this.byStart = items.length < 2 ? items : items.slice().sort((a, b) => a.i - b.i);
    this.byEnd = items.length < 2 ? items : items.slice().sort((a, b) => a.j - b.j);
  }
  all(): readonly T[] {
    return this.items;
  }
  /** The first part by start in [from, to] (parts with one start in insertion order) that passes `ok`. */
  startingIn(from: number, to: number, ok: (x: T) => boolean): T | undefined {
    const xs = this.byStart;
    let lo = 0;
    let hi = xs.length;
    const first = Math.max(0, from);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]!.i < first) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < xs.length && xs[k]!.i <= to; k++) if (ok(xs[k]!)) return xs[k];
    return undefined;
  }
  /** The first part by end in [from, to], nearest `to` first (parts with one end in insertion order), that passes `ok`. */
  endingIn(from: number, to: number, ok: (x: T) => boolean): T | undefined {
    const xs = this.byEnd;
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]!.j <= to) lo = mid + 1;
      else hi = mid;
    }
    // xs[0 .. lo) end at or before `to`; walk the groups of one end downwards.
    const last = Math.max(0, from);
    let g = lo;
    while (g > 0 && xs[g - 1]!.j >= last) {
      const j = xs[g - 1]!.j;
      let a = g - 1;
      while (a > 0 && xs[a - 1]!.j === j) a--;
      for (let k = a; k < g; k++) if (ok(xs[k]!)) return xs[k];
      g = a;
    }
    return undefined;
  }
}

// The three conduct detectors run one after another on the same text, so remembering the last
// scan is enough. (A WeakMap keyed by every text cost more in garbage collection than the scan.)
let lastNorm: Normalized | undefined;
let lastScan: Scan | undefined;

export function scan(norm: Normalized): Scan {
  if (norm === lastNorm && lastScan) return lastScan;
  const result = LEXICON.scan(norm.lower);
  lastNorm = norm;
  lastScan = result;
  return result;
}

/** Normalised [start, end) of a token range. */
export function tokenSpan(sc: Scan, i: number, j: number): { start: number; end: number } {
  return { start: sc.s[i]!, end: sc.e[j - 1]! };
}

export const sameSent = (sc: Scan, a: number, b: number): boolean => sc.sent[a] === sc.sent[b];
export const sameClause = (sc: Scan, a: number, b: number): boolean => sc.clause[a] === sc.clause[b];
/** Does a clause end right before token j (punctuation between, or the text's end)? */
export const clauseEndsAt = (sc: Scan, j: number): boolean => j >= sc.n || sc.clause[j] !== sc.clause[j - 1];

/** A function word counts only in a language of the content word it attaches to, or the text's. */
export const shares = (fn: { langs: number }, content: { langs: number }, textLang: number): boolean => (fn.langs & (content.langs | textLang)) !== 0;

/** Does the text hold a hit of some category of every group (a detector's gate before the model)? */
export function namesEach(sc: Scan, groups: readonly (readonly string[])[]): boolean {
  for (const group of groups) {
    let any = false;
    for (const cat of group) if (sc.all(cat).length > 0) { any = true; break; }
    if (!any) return false;
  }
  return true;
}

/** Keep the strongest of overlapping candidates, in text order. */
export function strongestFirst<C extends { i: number; j: number; conf: number }>(cands: C[]): C[] {
  if (cands.length < 2) return cands;
  cands.sort((a, b) => b.conf - a.conf || a.i - b.i);
  // Token occupancy instead of comparing every pair: candidates span a bounded window, so this is linear.
  const taken = new Set<number>();
  const kept: C[] = [];
  for (const c of cands) {
    let free = true;
    for (let t = c.i; t < c.j && free; t++) free = !taken.has(t);
    if (!free) continue;
    for (let t = c.i; t < c.j; t++) taken.add(t);
    kept.push(c);
  }
  return kept.sort((a, b) => a.i - b.i);
}
