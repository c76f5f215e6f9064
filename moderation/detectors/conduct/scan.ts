import { LANGS, type Lang, type Normalized } from '../../types.js';
import common from '../../data/conduct-common.json';
import extortion from '../../data/conduct-extortion.json';
import incentive from '../../data/conduct-incentive.json';
import sellerTie from '../../data/conduct-seller-tie.json';

/**
 * One linear pass shared by the conduct detectors (extortion, incentive, seller ties): words of
 * the normalised text with sentence and clause numbers, and every lexicon phrase found in them.
 * Memoised per `Normalized`, so the three detectors pay for it once.
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
// few symbols that carry meaning here: currency, percent, star emoji, '=' and arrows ("no refund = 1 star"). Apostrophes split words, on
// both sides: "don't" → don t, "l'avis" → l avis, "п'ять" → п ять.
const TOKEN_RE = /#?[\p{L}\p{M}]+|[0-9]+|[$€£₽₴%⭐★=→>]/gu;

function isSentenceEnd(c: string): boolean {
  return c === '.' || c === '!' || c === '?' || c === '…' || c === '\n' || c === '\r' || c === '¡' || c === '¿';
}
function isClauseBreak(c: string): boolean {
  return c === ',' || c === ':' || c === ';' || c === '—' || c === '–' || c === '(' || c === ')' || c === '"' || c === '«' || c === '»' || c === '/';
}

export function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  let sent = 0;
  let clause = 0;
  let prevEnd = 0;
  let prevDigit = false;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(lower); m; m = TOKEN_RE.exec(lower)) {
    const s = m.index;
    const w = m[0];
    const digit = w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;
    if (out.length) {
      let newSent = false;
      let newClause = false;
      for (let k = prevEnd; k < s; k++) {
        const c = lower[k]!;
        // "4.5 stars" and "$5.99" are one sentence; " - " between words is a clause break.
        if (c === '.' && prevDigit && digit && s - prevEnd === 1) continue;
        if (isSentenceEnd(c)) newSent = true;
        else if (isClauseBreak(c) || (c === '-' && k > prevEnd && k + 1 < s)) newClause = true;
      }
      if (newSent) { sent++; clause++; } else if (newClause) clause++;
    }
    out.push({ s, e: s + w.length, w: fold(w), sent, clause });
    prevEnd = s + w.length;
    prevDigit = digit;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lexicon: whole words in a hash map, stems (`word*`) in a character trie, phrases indexed by
// their first two words so a common first word ("de", "my", "i") does not try every phrase.

interface TrieNode { next: Map<number, TrieNode>; ids: number[] | null }
interface Phrase { cat: string; words: number[]; langs: number }

const SINGLE = -1;

export class Lexicon {
  private readonly exact = new Map<string, number[]>();
  private readonly stems: TrieNode = { next: new Map(), ids: null };
  private readonly wordIds = new Map<string, number>();
  /** first word id → second word id (or SINGLE) → phrases */
  private readonly index = new Map<number, Map<number, Phrase[]>>();
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
      let bySecond = this.index.get(p.words[0]!);
      if (!bySecond) { bySecond = new Map(); this.index.set(p.words[0]!, bySecond); }
      const second = p.words.length > 1 ? p.words[1]! : SINGLE;
      const list = bySecond.get(second);
      if (list) list.push(p);
      else bySecond.set(second, [p]);
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

  /** Word ids a text word matches: its exact entries plus every stem it starts with. */
  private match(w: string): number[] | undefined {
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
    for (let t = 0; t < n; t++) ids[t] = this.match(tokens[t]!.w);
    const hits: Hit[] = [];
    for (let t = 0; t < n; t++) {
      const first = ids[t];
      if (!first) continue;
      const next = t + 1 < n && tokens[t + 1]!.sent === tokens[t]!.sent ? ids[t + 1] : undefined;
      for (const id of first) {
        const bySecond = this.index.get(id);
        if (!bySecond) continue;
        const single = bySecond.get(SINGLE);
        if (single) for (const p of single) hits.push({ cat: p.cat, i: t, j: t + 1, langs: p.langs });
        if (!next) continue;
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
  private readonly startAt: (Hit[] | undefined)[];
  private readonly endAt: (Hit[] | undefined)[];

  constructor(readonly tokens: Token[], hits: Hit[]) {
    this.startAt = new Array<Hit[] | undefined>(tokens.length + 1);
    this.endAt = new Array<Hit[] | undefined>(tokens.length + 1);
    for (const h of hits) {
      push(this.byCat, h.cat, h);
      (this.startAt[h.i] ??= []).push(h);
      (this.endAt[h.j] ??= []).push(h);
    }
  }

  all(cat: string): readonly Hit[] {
    return this.byCat.get(cat) ?? [];
  }

  startingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined {
    const last = Math.min(to, this.tokens.length);
    for (let p = Math.max(0, from); p <= last; p++) {
      const list = this.startAt[p];
      if (list) for (const h of list) if (h.cat === cat && (!ok || ok(h))) return h;
    }
    return undefined;
  }

  endingIn(cat: string, from: number, to: number, ok?: (h: Hit) => boolean): Hit | undefined {
    for (let p = Math.min(to, this.tokens.length); p >= Math.max(0, from); p--) {
      const list = this.endAt[p];
      if (list) for (const h of list) if (h.cat === cat && (!ok || ok(h))) return h;
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

const cache = new WeakMap<Normalized, Scan>();

export function scan(norm: Normalized): Scan {
  const hit = cache.get(norm);
  if (hit) return hit;
  const tokens = tokenize(norm.lower);
  const result = new ScanResult(tokens, LEXICON.scan(tokens));
  cache.set(norm, result);
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
  cands.sort((a, b) => b.conf - a.conf || a.i - b.i);
  const kept: C[] = [];
  for (const c of cands) if (!kept.some((k) => c.i < k.j && k.i < c.j)) kept.push(c);
  return kept.sort((a, b) => a.i - b.i);
}
