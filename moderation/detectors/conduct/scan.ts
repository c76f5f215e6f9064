import { LANGS, type Lang, type Normalized } from '../../types.js';
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
 * content words rarely collide. Each hit carries the languages it came from, so a detector can
 * refuse a function word from another language than the words it joins.
 */

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
  tokens: Token[];
  /** All hits of a category, by start token. */
  all(cat: string): readonly Hit[];
  /** The nearest hit of `cat` whose start is in [from, to] (scans from `from` up), optionally filtered. */
  startingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined;
  /** The nearest hit of `cat` whose end is in [from, to] (scans from `to` down). */
  endingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined;
}

export function langBit(lang: Lang): number {
  return 1 << LANGS.indexOf(lang);
}

// ---------------------------------------------------------------------------------------------
// Folding: one code unit for one code unit, so token offsets stay normalised offsets.

const FOLD_PAIRS = 'àaáaâaãaäaåaāaąaăaçcćcčcďdèeéeêeëeęeěeēeìiíiîiïiīiłlľlĺlñnńnňnòoóoôoõoöoøoōoőoŕrřrśsšsşsșsťtțtùuúuûuüuůuūuűuýyÿyźzżzžzёеіi';
const FOLD = new Map<number, number>();
for (let k = 0; k < FOLD_PAIRS.length; k += 2) FOLD.set(FOLD_PAIRS.charCodeAt(k), FOLD_PAIRS.charCodeAt(k + 1));

/**
 * Latin diacritics dropped (people type "opinion" and "opinión", "wystawie" and "wystawię"),
 * ё → е, and Cyrillic і → Latin i: the shared normaliser folds a one-letter Ukrainian "і" to
 * Latin when it cannot tell the word's script, so both sides meet at Latin i.
 */
export function fold(lower: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c < 0xc0) continue; // ASCII and Latin-1 punctuation never fold
    const to = FOLD.get(c);
    if (to === undefined) continue;
    out += lower.slice(from, k) + String.fromCharCode(to);
    from = k + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
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

export function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  const n = lower.length;
  let sent = 0;
  let clause = 0;
  let newSent = false;
  let newClause = false;
  let k = 0;
  while (k < n) {
    const c = lower.charCodeAt(k);
    let cls = charClass(c);
    const start = k;
    if (c === 35 /* # */ && k + 1 < n && charClass(lower.charCodeAt(k + 1)) === LETTER) { cls = LETTER; k++; }
    if (cls !== LETTER && cls !== DIGIT && cls !== SYMBOL) {
      if (cls === SENT_END) {
        // "4.5 stars", "$5.99" stay one sentence.
        const inNumber = c === 46 && k > 0 && k + 1 < n && charClass(lower.charCodeAt(k - 1)) === DIGIT && charClass(lower.charCodeAt(k + 1)) === DIGIT;
        if (!inNumber) newSent = true;
      } else if (cls === CLAUSE || (c === 45 /* - */ && k > 0 && lower.charCodeAt(k - 1) === 32)) newClause = true;
      k++;
      continue;
    }
    let foldable = false;
    if (cls === SYMBOL) k++;
    else {
      while (k < n) {
        const d = lower.charCodeAt(k);
        if (charClass(d) !== cls) break;
        if (d >= 0xc0) foldable = true;
        k++;
      }
    }
    if (out.length) {
      if (newSent) { sent++; clause++; } else if (newClause) clause++;
    }
    newSent = false;
    newClause = false;
    const raw = lower.slice(start, k);
    out.push({ s: start, e: k, w: foldable ? fold(raw) : raw, sent, clause });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lexicon: whole words in a hash map, stems (`word*`) in a character trie, phrases indexed by
// their first two words so a common first word ("de", "my", "i") does not try every phrase.

interface TrieNode { next: Map<number, TrieNode>; ids: number[] | null }
interface Phrase { cat: string; words: number[]; langs: number }

/** Copies of one word in a row that still get matched (five stars written as five ⭐ need five). */
const MAX_REPEAT = 6;

export class Lexicon {
  private readonly exact = new Map<string, number[]>();
  private readonly stems: TrieNode = { next: new Map(), ids: null };
  private readonly wordIds = new Map<string, number>();
  /** By first word id: its one-word phrases, and longer phrases by second word id. */
  private readonly singles: (Phrase[] | undefined)[] = [];
  private readonly longer: (Map<number, Phrase[]> | undefined)[] = [];
  readonly categories = new Set<string>();

  constructor(sources: readonly object[]) {
    const phrases = new Map<string, Phrase>();
    for (const src of sources) {
      for (const [cat, byLang] of Object.entries(src)) {
        if (cat.startsWith('$') || typeof byLang !== 'object' || byLang === null) continue;
        this.categories.add(cat);
        for (const [lang, list] of Object.entries(byLang as Record<string, unknown>)) {
          if (!(LANGS as readonly string[]).includes(lang) || !Array.isArray(list)) continue;
          const bit = langBit(lang as Lang);
          for (const phrase of list as string[]) {
            const words = this.parse(phrase);
            if (words.length === 0) continue;
            const key = `${cat}\u0000${words.join(',')}`;
            const p = phrases.get(key);
            if (p) p.langs |= bit;
            else phrases.set(key, { cat, words, langs: bit });
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

  /** "п'ять зірок" → [п, ять, зiрок]; a trailing * makes the last word of its piece a stem. */
  private parse(phrase: string): number[] {
    const ids: number[] = [];
    for (const piece of phrase.trim().split(/\s+/)) {
      const stem = piece.length > 1 && piece.endsWith('*');
      const words = tokenize(fold((stem ? piece.slice(0, -1) : piece).toLowerCase())).map((t) => t.w);
      words.forEach((w, k) => ids.push(this.wordId(w, stem && k === words.length - 1)));
    }
    return ids;
  }

  private wordId(w: string, stem: boolean): number {
    const key = (stem ? '*' : '=') + w;
    let id = this.wordIds.get(key);
    if (id !== undefined) return id;
    id = this.wordIds.size;
    this.wordIds.set(key, id);
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

  /** Words repeat across reviews ("the", "и", "de"): remember what each matched. Bounded, so pure and small. */
  private readonly memo = new Map<string, number[] | null>();

  private match(w: string): number[] | undefined {
    const m = this.memo.get(w);
    if (m !== undefined) return m ?? undefined;
    const ids = w.length > 40 ? undefined : this.matchUncached(w);
    if (this.memo.size >= 50_000) this.memo.clear();
    this.memo.set(w, ids ?? null);
    return ids;
  }

  /** Word ids a text word matches: its exact entries plus every stem it starts with. */
  private matchUncached(w: string): number[] | undefined {
    let out = this.exact.get(w);
    let node: TrieNode | undefined = this.stems;
    let copied = false;
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

  scan(tokens: Token[]): Hit[] {
    const n = tokens.length;
    const ids = new Array<number[] | undefined>(n);
    let run = 0;
    for (let t = 0; t < n; t++) {
      // A word repeated over and over ("⭐⭐⭐…", "my my my …") says nothing new after a few
      // times; matching every copy only feeds adversarial input.
      run = t > 0 && tokens[t]!.w === tokens[t - 1]!.w ? run + 1 : 0;
      ids[t] = run < MAX_REPEAT ? this.match(tokens[t]!.w) : undefined;
    }
    const hits: Hit[] = [];
    for (let t = 0; t < n; t++) {
      const first = ids[t];
      if (!first) continue;
      const next = t + 1 < n && tokens[t + 1]!.sent === tokens[t]!.sent ? ids[t + 1] : undefined;
      for (const id of first) {
        const single = this.singles[id];
        if (single) for (const p of single) hits.push({ cat: p.cat, i: t, j: t + 1, langs: p.langs });
        const bySecond = this.longer[id];
        if (!next || !bySecond) continue;
        for (const id2 of next) {
          const list = bySecond.get(id2);
          if (!list) continue;
          for (const p of list) {
            const len = p.words.length;
            if (t + len > n || tokens[t + len - 1]!.sent !== tokens[t]!.sent) continue;
            let ok = true;
            for (let k = 2; k < len && ok; k++) ok = ids[t + k]?.includes(p.words[k]!) === true;
            if (ok) hits.push({ cat: p.cat, i: t, j: t + len, langs: p.langs });
          }
        }
      }
    }
    return hits;
  }
}

// ---------------------------------------------------------------------------------------------

export const LEXICON = new Lexicon([common, extortion, incentive, sellerTie]);

/**
 * Hits by category, and by start and end token. Window queries look at a bounded number of
 * tokens and compare category names (interned strings), so they cost a few steps each.
 */
export class ScanResult implements Scan {
  private readonly byCat = new Map<string, Hit[]>();
  /** hits[startOff[t] .. startOff[t+1]) start at token t (the lexicon emits them in start order). */
  private readonly startOff: Int32Array;
  /** byEnd[endOff[t] .. endOff[t+1]) index the hits that end at token t. */
  private readonly endOff: Int32Array;
  private readonly byEnd: Int32Array;

  constructor(readonly tokens: Token[], private readonly hits: Hit[]) {
    const n = tokens.length;
    this.startOff = new Int32Array(n + 2);
    this.endOff = new Int32Array(n + 2);
    this.byEnd = new Int32Array(hits.length);
    for (const h of hits) {
      push(this.byCat, h.cat, h);
      this.startOff[h.i + 1]!++;
      this.endOff[h.j + 1]!++;
    }
    for (let t = 1; t <= n + 1; t++) {
      this.startOff[t]! += this.startOff[t - 1]!;
      this.endOff[t]! += this.endOff[t - 1]!;
    }
    const fill = this.endOff.slice();
    hits.forEach((h, k) => { this.byEnd[fill[h.j]!++] = k; });
  }

  all(cat: string): readonly Hit[] {
    return this.byCat.get(cat) ?? [];
  }

  startingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined {
    const a = this.startOff[Math.max(0, from)] ?? this.hits.length;
    const b = this.startOff[Math.min(to, this.tokens.length) + 1] ?? this.hits.length;
    for (let k = a; k < b; k++) {
      const h = this.hits[k]!;
      if (h.cat === cat && (!ok || ok(h))) return h;
    }
    return undefined;
  }

  endingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined {
    for (let p = Math.min(to, this.tokens.length); p >= Math.max(0, from); p--) {
      for (let k = this.endOff[p]!; k < this.endOff[p + 1]!; k++) {
        const h = this.hits[this.byEnd[k]!]!;
        if (h.cat === cat && (!ok || ok(h))) return h;
      }
    }
    return undefined;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Window queries over detector-built parts (threats, demands, targets) by start and end token. */
export class SpanIndex<T extends { i: number; j: number }> {
  private readonly starts = new Map<number, T[]>();
  private readonly ends = new Map<number, T[]>();
  constructor(items: readonly T[]) {
    this.items = items;
    for (const x of items) {
      push(this.starts, x.i, x);
      push(this.ends, x.j, x);
    }
  }
  private readonly items: readonly T[];
  all(): readonly T[] {
    return this.items;
  }
  startingIn(from: number, to: number, ok: (x: T) => boolean): T | undefined {
    for (let p = Math.max(0, from); p <= to; p++) for (const x of this.starts.get(p) ?? []) if (ok(x)) return x;
    return undefined;
  }
  endingIn(from: number, to: number, ok: (x: T) => boolean): T | undefined {
    for (let p = to; p >= Math.max(0, from); p--) for (const x of this.ends.get(p) ?? []) if (ok(x)) return x;
    return undefined;
  }
}

// The three conduct detectors run one after another on the same text, so remembering the last
// scan is enough. (A WeakMap keyed by every text cost more in garbage collection than the scan.)
let lastNorm: Normalized | undefined;
let lastScan: Scan | undefined;

export function scan(norm: Normalized): Scan {
  if (norm === lastNorm && lastScan) return lastScan;
  const tokens = tokenize(norm.lower);
  const result = new ScanResult(tokens, LEXICON.scan(tokens));
  lastNorm = norm;
  lastScan = result;
  return result;
}

/** Normalised [start, end) of a token range. */
export function tokenSpan(sc: Scan, i: number, j: number): { start: number; end: number } {
  return { start: sc.tokens[i]!.s, end: sc.tokens[j - 1]!.e };
}

export const sameSent = (sc: Scan, a: number, b: number): boolean => sc.tokens[a]!.sent === sc.tokens[b]!.sent;
export const sameClause = (sc: Scan, a: number, b: number): boolean => sc.tokens[a]!.clause === sc.tokens[b]!.clause;

/** A function word counts only in a language of the content word it attaches to, or the text's. */
export const shares = (fn: { langs: number }, content: { langs: number }, textLang: number): boolean => (fn.langs & (content.langs | textLang)) !== 0;

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
