import type { Disguise, Normalized } from './types.js';
import type { Span } from '../models/finding.js';
import confusables from './data/confusables.json';
import numberWords from './data/number-words.json';
import emailWords from './data/email-words.json';

/**
 * The shared normaliser. Detectors read one canonical text and map their spans back to what
 * the author submitted. Four stages, each linear:
 *
 *   A. per character: drop invisibles, NFKC (full-width, math and circled forms), other-script
 *      decimal digits to ASCII;
 *   B. per whitespace token: fold look-alike letters to the token's dominant script, and
 *      O/I/l squeezed between digits to 0/1 (one unit in, one unit out, offsets unchanged);
 *   C. spelled-out digit runs ("восемь девятьсот шестнадцать") rewritten to digits, but only
 *      when the run reads like a number being dictated;
 *   D. "at"/"dot" words rewritten to "@"/"." only where the result is an address or domain.
 *
 * Every output code unit carries the original [start, end) it came from plus the disguises that
 * produced it, so `toOriginal` and `disguises` are exact. Prose without tricks comes out equal
 * to its NFKC form: other detectors rely on `text`/`lower` reading like the submission.
 */

// ---------------------------------------------------------------------------------------------
// Tables

// Zero-width, bidi controls, soft hyphen, joiners, fillers, BOM, variation selectors, tags.
const INVISIBLE_RE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/;
// The combining keycap (1️⃣) and emoji skin tones only decorate: dropped like invisibles.
const isDropped = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) ||
  (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xad || cp === 0x34f || cp === 0x61c || cp === 0x115f || cp === 0x1160 ||
  cp === 0x17b4 || cp === 0x17b5 || (cp >= 0x180b && cp <= 0x180f) || cp === 0x3164 || cp === 0xfeff || cp === 0xffa0 ||
  (cp >= 0xe0000 && cp <= 0xe01ef) || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff);

const COMBINING_RE = /\p{M}/u;
const DECIMAL_RE = /\p{Nd}/u;

const FLAG: Record<Disguise, number> = {
  invisible: 1, homoglyph: 2, fullwidth: 4, 'script-digit': 8, 'spelled-digit': 16, 'at-dot': 32, separator: 64,
};
const FLAG_NAMES = Object.entries(FLAG) as [Disguise, number][];

const CYR_TO_LAT = new Map(Object.entries(confusables.cyrillicToLatin));
const GRK_TO_LAT = new Map(Object.entries(confusables.greekToLatin));
const LAT_TO_CYR = new Map(Object.entries(confusables.latinToCyrillic));
const DIGIT_LIKE = new Map(Object.entries(confusables.digitLike));

type Script = 0 | 1 | 2 | 3; // none, Latin, Cyrillic, Greek
function scriptOf(c: number): Script {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || c === 0x261) return 1;
  if (c >= 0x400 && c <= 0x52f) return 2;
  if (c >= 0x370 && c <= 0x3ff) return 3;
  return 0;
}

/** Decimal digit value of a non-ASCII \p{Nd} code point: every Unicode digit block is 0..9 in order. */
const digitCache = new Map<number, number>();
function digitValue(cp: number): number {
  let v = digitCache.get(cp);
  if (v !== undefined) return v;
  let zero = cp;
  // Walk back to the start of the contiguous Nd block (blocks of 10, sometimes several in a row).
  for (let k = 0; k < 60 && DECIMAL_RE.test(String.fromCodePoint(zero - 1)); k++) zero--;
  v = (cp - zero) % 10;
  digitCache.set(cp, v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Output buffer: code units with their original span and disguise bits.

class Buf {
  chars: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  flags: number[] = [];
  push(s: string, start: number, end: number, flag: number) {
    for (let i = 0; i < s.length; i++) {
      this.chars.push(s[i]!);
      this.starts.push(start);
      this.ends.push(end);
      this.flags.push(flag);
    }
  }
}

class NormalizedText implements Normalized {
  readonly lower: string;
  constructor(
    readonly original: string,
    readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly flagBits: Uint8Array,
  ) {
    this.lower = lowerSameLength(text);
  }
  toOriginal(start: number, end: number): Span {
    const n = this.text.length;
    if (n === 0) return { start: 0, end: 0 };
    const s = Math.max(0, Math.min(start, n - 1));
    const e = Math.max(s + 1, Math.min(end, n));
    return { start: this.starts[s]!, end: this.ends[e - 1]! };
  }
  disguises(start: number, end: number): Set<Disguise> {
    let bits = 0;
    for (let i = Math.max(0, start); i < Math.min(end, this.text.length); i++) bits |= this.flagBits[i]!;
    // Invisible characters leave no code unit behind: look at the original range too.
    const o = this.toOriginal(start, end);
    if (INVISIBLE_RE.test(this.original.slice(o.start, o.end))) bits |= FLAG.invisible;
    const set = new Set<Disguise>();
    for (const [k, v] of FLAG_NAMES) if (bits & v) set.add(k);
    return set;
  }
}

/** Lower-case one code unit for one code unit, so `lower` shares `text`'s offsets. */
function lowerSameLength(text: string): string {
  const l = text.toLowerCase();
  if (l.length === text.length) return l;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const lc = c.toLowerCase();
    out += lc.length === 1 ? lc : c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Stage A: characters

function stageA(original: string): Buf {
  const b = new Buf();
  const n = original.length;
  let i = 0;
  while (i < n) {
    const cp = original.codePointAt(i)!;
    let len = cp > 0xffff ? 2 : 1;
    // Fast path: plain ASCII not followed by a combining mark.
    if (cp < 0x80) {
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (next < 0x300) {
        b.push(original[i]!, i, i + 1, 0);
        i++;
        continue;
      }
    }
    if (isDropped(cp)) { i += len; continue; }
    // Take the base with its combining marks so NFKC composes "e\u0301" into "é".
    let end = i + len;
    let dropInside = false;
    while (end < n) {
      const c2 = original.codePointAt(end)!;
      const l2 = c2 > 0xffff ? 2 : 1;
      if (isDropped(c2)) { dropInside = true; end += l2; continue; }
      if (!COMBINING_RE.test(String.fromCodePoint(c2))) break;
      end += l2;
      if (end - i > 32) break; // Zalgo stacks: cap the cluster, the rest starts a new one.
    }
    let cluster = original.slice(i, end);
    if (dropInside) {
      let kept = '';
      for (const ch of cluster) if (!isDropped(ch.codePointAt(0)!)) kept += ch;
      cluster = kept;
    }
    let flag = dropInside ? FLAG.invisible : 0;
    const nfkc = cluster.normalize('NFKC');
    if (nfkc !== cluster && nfkc !== cluster.normalize('NFC')) flag |= FLAG.fullwidth;
    // Other-script decimal digits (Arabic-Indic, Devanagari, ...) become ASCII.
    let out = '';
    for (const ch of nfkc) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x80 && DECIMAL_RE.test(ch)) {
        out += String(digitValue(c));
        flag |= FLAG['script-digit'];
      } else out += ch;
    }
    b.push(out, i, end, flag);
    i = end;
  }
  return b;
}

// ---------------------------------------------------------------------------------------------
// Stage B: look-alikes, per whitespace-delimited token, in place.

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u3000' || c === '\u2028' || c === '\u2029';
const isAsciiDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function stageB(b: Buf): void {
  const chars = b.chars;
  const n = chars.length;
  // The text's dominant script breaks ties inside short tokens.
  const total = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) total[scriptOf(chars[i]!.charCodeAt(0))]!++;
  const docScript: Script = total[2]! > total[1]! ? 2 : 1;

  let i = 0;
  while (i < n) {
    if (isSpace(chars[i]!)) { i++; continue; }
    let j = i;
    const strong = [0, 0, 0, 0];
    const all = [0, 0, 0, 0];
    let hasDigit = false;
    let hasDigitLike = false;
    while (j < n && !isSpace(chars[j]!)) {
      const ch = chars[j]!;
      const s = scriptOf(ch.charCodeAt(0));
      if (s) {
        all[s]!++;
        const weak = s === 1 ? LAT_TO_CYR.has(ch) : s === 2 ? CYR_TO_LAT.has(ch) : GRK_TO_LAT.has(ch);
        if (!weak) strong[s]!++;
      }
      if (isAsciiDigit(ch)) hasDigit = true;
      else if (DIGIT_LIKE.has(ch)) hasDigitLike = true;
      j++;
    }
    const scripts = (all[1]! > 0 ? 1 : 0) + (all[2]! > 0 ? 1 : 0) + (all[3]! > 0 ? 1 : 0);
    if (scripts > 1) {
      const target = dominant(strong) || dominant(all) || docScript;
      foldMixedRuns(b, i, j, target === 3 ? docScript : target);
    }
    if (hasDigit && hasDigitLike) foldDigitLike(b, i, j);
    i = j;
  }
}

/** The script with strictly the most letters, 0 on a tie. */
function dominant(counts: number[]): Script {
  const [, l, c, g] = counts as [number, number, number, number];
  if (l > c && l > g) return 1;
  if (c > l && c > g) return 2;
  if (g > l && g > c) return 3;
  return 0;
}

/**
 * Folds look-alikes inside letter runs that mix scripts ("gmаil", "раураl"). Runs written in one
 * script stay as they are, so "iPhone-чехол" keeps both its words.
 */
function foldMixedRuns(b: Buf, from: number, to: number, target: Script): void {
  const chars = b.chars;
  let k = from;
  while (k < to) {
    if (!scriptOf(chars[k]!.charCodeAt(0))) { k++; continue; }
    let e = k;
    let seen = 0;
    while (e < to) {
      const s = scriptOf(chars[e]!.charCodeAt(0));
      if (!s) break;
      seen |= 1 << s;
      e++;
    }
    if (seen & (seen - 1)) {
      for (let m = k; m < e; m++) {
        const ch = chars[m]!;
        const s = scriptOf(ch.charCodeAt(0));
        if (s === target) continue;
        const to2 = target === 1 ? (s === 2 ? CYR_TO_LAT.get(ch) : GRK_TO_LAT.get(ch)) : s === 1 ? LAT_TO_CYR.get(ch) : undefined;
        if (to2) { chars[m] = to2; b.flags[m]! |= FLAG.homoglyph; }
      }
    }
    k = e;
  }
}

/** "89l6 I23" style: a run of at most two digit-like letters with digits on both sides. */
function foldDigitLike(b: Buf, from: number, to: number): void {
  const chars = b.chars;
  let k = from;
  while (k < to) {
    if (!DIGIT_LIKE.has(chars[k]!) || !isAsciiDigit(chars[k - 1])) { k++; continue; }
    let e = k;
    while (e < to && e - k < 3 && DIGIT_LIKE.has(chars[e]!)) e++;
    if (e - k <= 2 && isAsciiDigit(chars[e])) {
      for (let m = k; m < e; m++) { chars[m] = DIGIT_LIKE.get(chars[m]!)!; b.flags[m]! |= FLAG.homoglyph; }
    }
    k = e;
  }
}

// ---------------------------------------------------------------------------------------------
// Edits for stages C and D: replace [start, end) of the stage-B text.

interface Edit { start: number; end: number; out: string; flag: number }

function applyEdits(b: Buf, edits: Edit[]): Buf {
  if (edits.length === 0) return b;
  edits.sort((x, y) => x.start - y.start);
  const r = new Buf();
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue; // overlapping edit from the other stage: first one wins
    for (let k = pos; k < e.start; k++) { r.chars.push(b.chars[k]!); r.starts.push(b.starts[k]!); r.ends.push(b.ends[k]!); r.flags.push(b.flags[k]!); }
    let f = e.flag;
    for (let k = e.start; k < e.end; k++) f |= b.flags[k]!;
    r.push(e.out, b.starts[e.start]!, b.ends[e.end - 1]!, f);
    pos = e.end;
  }
  for (let k = pos; k < b.chars.length; k++) { r.chars.push(b.chars[k]!); r.starts.push(b.starts[k]!); r.ends.push(b.ends[k]!); r.flags.push(b.flags[k]!); }
  return r;
}

// Words of the text: letters with inner apostrophes ("п'ять", "дев’ять").
const WORD_RE = /\p{L}+(?:['’ʼ`]\p{L}+)*/gu;
const APOSTROPHES_RE = /[’ʼ`]/g;

// ---------------------------------------------------------------------------------------------
// Stage C: spelled-out digit runs

type NumClass = 'Z' | 'U' | 'C' | 'T' | 'H' | 'M' | 'R' | 'N';
interface NumWord { cls: NumClass; v: number }

const NUM_WORDS = new Map<string, NumWord>();
let MAX_COMPOUND = 1;
for (const [lang, table] of Object.entries(numberWords)) {
  if (lang.startsWith('_') || lang === 'noStart') continue;
  for (const [cls, words] of Object.entries(table as Record<string, Record<string, number> | string[]>)) {
    if (Array.isArray(words)) { for (const w of words) if (!NUM_WORDS.has(w)) NUM_WORDS.set(w, { cls: 'N', v: 0 }); continue; }
    for (const [w, v] of Object.entries(words)) {
      // First language wins a clash ("onze" is 11 in fr and pt alike; "tres" 3 in es and pt).
      if (!NUM_WORDS.has(w)) NUM_WORDS.set(w, { cls: cls as NumClass, v });
      MAX_COMPOUND = Math.max(MAX_COMPOUND, w.split(' ').length);
    }
  }
}
const NO_START = new Set(numberWords.noStart);

interface Tok { start: number; end: number; key: string }

/** A gap between two number words that keeps them in one dictated run. */
function joinableGap(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let k = from; k < to; k++) {
    const c = text[k]!;
    if (c === ' ' || c === '\t' || c === '-' || c === ',' || c === '.' || c === '/' || c === '\u2013' || c === '\u2014' || c === '_' || c === '*' || c === '|' || c === ':') continue;
    const cp = text.codePointAt(k)!;
    if (cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf)) { if (cp > 0xffff) k++; continue; }
    return false;
  }
  return true;
}
/** Digits touching a run across at most a few separator characters. */
function digitNear(text: string, pos: number, dir: 1 | -1): boolean {
  let k = dir === 1 ? pos : pos - 1;
  for (let steps = 0; steps < 4 && k >= 0 && k < text.length; steps++, k += dir) {
    const c = text[k]!;
    if (isAsciiDigit(c)) return true;
    if (c === '+' && dir === -1) return true;
    if (!(c === ' ' || c === '-' || c === '.' || c === '(' || c === ')' || c === '/' || c === ',')) return false;
  }
  return false;
}

interface Group { start: number; end: number; digits: string }

function spelledDigitEdits(text: string, lower: string): Edit[] {
  const toks: Tok[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m; m = WORD_RE.exec(lower)) {
    toks.push({ start: m.index, end: m.index + m[0].length, key: m[0].replace(APOSTROPHES_RE, "'") });
  }
  const edits: Edit[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!NUM_WORDS.has(toks[i]!.key) || NO_START.has(toks[i]!.key)) { i++; continue; }
    // Collect the run [i, j) of number words (connectors allowed inside).
    const run: { tok: Tok; w: NumWord; span: [number, number] }[] = [];
    let j = i;
    while (j < toks.length) {
      if (j > i && !joinableGap(lower, toks[j - 1]!.end, toks[j]!.start)) break;
      // Longest compound first ("quatre vingt dix" before "quatre").
      let matched = 0;
      let w: NumWord | undefined;
      for (let len = Math.min(MAX_COMPOUND, toks.length - j); len >= 1 && !matched; len--) {
        let key = toks[j]!.key;
        let ok = true;
        for (let k = 1; k < len; k++) {
          const gap = lower.slice(toks[j + k - 1]!.end, toks[j + k]!.start);
          if (gap !== ' ' && gap !== '-') { ok = false; break; }
          key += ' ' + toks[j + k]!.key;
        }
        if (!ok) continue;
        w = NUM_WORDS.get(key);
        if (w) matched = len;
      }
      if (!w) break;
      run.push({ tok: toks[j]!, w, span: [toks[j]!.start, toks[j + matched - 1]!.end] });
      j += matched;
    }
    // Connectors may not end a run.
    while (run.length && run[run.length - 1]!.w.cls === 'N') run.pop();
    const groups = groupRun(run);
    const words = run.filter((r) => r.w.cls !== 'N').length;
    if (groups.length && words > 0) {
      const first = run[0]!.span[0];
      const last = run[run.length - 1]!.span[1];
      const before = digitNear(lower, first, -1);
      const after = digitNear(lower, last, 1);
      const dictated = words >= 3 || (words === 2 && (before || after)) || (words === 1 && before && after);
      if (dictated) for (const g of groups) edits.push({ start: g.start, end: g.end, out: g.digits, flag: FLAG['spelled-digit'] });
    }
    i = Math.max(j, i + 1);
  }
  return edits;
}

interface NumGroup { start: number; end: number; h: number; t: number; c: number; u: number; hasH: boolean; hasT: boolean; hasC: boolean; hasU: boolean }

function groupDigits(g: NumGroup): string {
  const v = g.h + g.t + g.c + g.u;
  return g.hasH ? String(v).padStart(3, '0') : g.hasT || g.hasC ? String(v).padStart(2, '0') : String(v);
}

/** Splits a run into number groups: [hundreds] [tens|teens] [unit], zero alone, "double seven". */
function groupRun(run: { w: NumWord; span: [number, number] }[]): Group[] {
  const groups: Group[] = [];
  // Held in an object: the closures below reassign it, which plain-variable narrowing cannot see.
  const st: { cur: NumGroup | null } = { cur: null };
  let repeat: { times: number; start: number } | null = null;
  const close = () => { const c = st.cur; if (c) groups.push({ start: c.start, end: c.end, digits: groupDigits(c) }); st.cur = null; };
  const open = (start: number, end: number): NumGroup => {
    close();
    const g: NumGroup = { start, end, h: 0, t: 0, c: 0, u: 0, hasH: false, hasT: false, hasC: false, hasU: false };
    st.cur = g;
    return g;
  };
  for (const { w, span: [s, e] } of run) {
    const g = st.cur;
    if (w.cls === 'N') continue; // a connector only glues; the next word decides
    if (w.cls === 'R') { close(); repeat = { times: w.v, start: s }; continue; }
    if (repeat && (w.cls === 'U' || w.cls === 'Z')) {
      groups.push({ start: repeat.start, end: e, digits: String(w.v).repeat(repeat.times) });
      repeat = null;
      continue;
    }
    repeat = null;
    switch (w.cls) {
      case 'Z': close(); groups.push({ start: s, end: e, digits: '0' }); break;
      case 'U':
        if (g && !g.hasU && !g.hasC && (g.hasT || g.hasH)) { g.u = w.v; g.hasU = true; g.end = e; }
        else { const n = open(s, e); n.u = w.v; n.hasU = true; }
        break;
      case 'C':
        // "ciento doce"; French "soixante et onze", "quatre-vingt-onze".
        if (g && !g.hasU && !g.hasC && ((g.hasH && !g.hasT) || (g.hasT && (g.t === 60 || g.t === 80)))) { g.c = w.v; g.hasC = true; g.end = e; }
        else { const n = open(s, e); n.c = w.v; n.hasC = true; }
        break;
      case 'T':
        if (g && g.hasH && !g.hasT && !g.hasC && !g.hasU) { g.t = w.v; g.hasT = true; g.end = e; }
        else { const n = open(s, e); n.t = w.v; n.hasT = true; }
        break;
      case 'H': { const n = open(s, e); n.h = w.v; n.hasH = true; break; }
      case 'M':
        // "nine hundred", "neuf cent": a lone unit becomes the hundreds; otherwise "cent" is 100.
        if (g && g.hasU && !g.hasH && !g.hasT && !g.hasC) { g.h = g.u * 100; g.u = 0; g.hasU = false; g.hasH = true; g.end = e; }
        else { const n = open(s, e); n.h = 100; n.hasH = true; }
        break;
    }
  }
  close();
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Stage D: "at"/"dot" words

const AT_WORDS = new Set(emailWords.at);
const AT_BRACKETED = new Set(emailWords.atBracketedOnly);
const DOT_WORDS = new Set(emailWords.dot);
const TLDS = new Set(emailWords.tlds);
const MAIL_PROVIDERS = new Set(emailWords.mailProviders);
const NOT_LOCAL = new Set(emailWords.notLocal);
const OPEN_CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

// Tokens: address words (letters, digits, _ % + -), whitespace runs, single other characters.
const ADDR_TOKEN_RE = /[\p{L}\p{N}_%+\-]+|[ \t]+|[^]/gu;
const ADDR_WORD_RE = /^[\p{L}\p{N}_%+\-]+$/u;
const LATIN_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

interface ATok { s: number; e: number; v: string; k: 'w' | 's' | 'c' }
/**
 * An "@" or "." at token i. style: plain "@"/"." (nothing to rewrite), spaced " @ ", word
 * " собака ", bracket "(at)"/"[.]". from..to is what gets rewritten; next is the token after it.
 */
interface Marker { kind: '@' | '.'; style: 'plain' | 'spaced' | 'word' | 'bracket'; value: string; from: number; to: number; next: number }

function markerAt(t: ATok[], i: number, want: '@' | '.'): Marker | null {
  let k = i;
  const lead = t[k]?.k === 's';
  if (lead) k++;
  const tok = t[k];
  if (!tok) return null;
  const from = lead ? t[i]!.s : tok.s;
  let to: number;
  let next: number;
  let style: Marker['style'];
  if (tok.k === 'c' && tok.v === want) {
    to = tok.e; next = k + 1; style = 'plain';
  } else if (tok.k === 'w' && (want === '@' ? AT_WORDS.has(tok.v) : DOT_WORDS.has(tok.v))) {
    if (!lead || t[k + 1]?.k !== 's') return null; // a word glued to others is just a word
    to = tok.e; next = k + 1; style = 'word';
  } else if (tok.k === 'c' && OPEN_CLOSE[tok.v] !== undefined && t[k + 2]?.v === OPEN_CLOSE[tok.v]) {
    const inner = t[k + 1]!.v;
    const ok = want === '@' ? AT_WORDS.has(inner) || AT_BRACKETED.has(inner) : DOT_WORDS.has(inner) || inner === '.';
    if (!ok) return null;
    to = t[k + 2]!.e; next = k + 3; style = 'bracket';
  } else return null;
  const trail = t[next]?.k === 's';
  if (trail) { to = t[next]!.e; next++; }
  if (style === 'plain' && (lead || trail)) {
    // "ivan @ mail.ru" hides the address; "sold out. Then" is a sentence end, not a dot.
    if (want === '.' && !(lead && trail)) return null;
    style = 'spaced';
  }
  return { kind: want, style, value: tok.k === 'c' && style === 'bracket' ? t[k + 1]!.v : tok.v, from, to, next };
}

function atDotEdits(lower: string): Edit[] {
  if (lower.length === 0) return [];
  const t: ATok[] = [];
  ADDR_TOKEN_RE.lastIndex = 0;
  for (let m = ADDR_TOKEN_RE.exec(lower); m; m = ADDR_TOKEN_RE.exec(lower)) {
    const v = m[0];
    t.push({ s: m.index, e: m.index + v.length, v, k: ADDR_WORD_RE.test(v) ? 'w' : v[0] === ' ' || v[0] === '\t' ? 's' : 'c' });
  }
  const edits: Edit[] = [];
  let i = 0;
  while (i < t.length) {
    if (t[i]!.k !== 'w') { i++; continue; }
    // word (marker word)*, at most one "@" marker; at most 8 labels keeps this linear.
    const labels: ATok[] = [t[i]!];
    const markers: Marker[] = [];
    let at: Marker | null = null;
    let atIndex = -1;
    let k = i + 1;
    while (labels.length < 8) {
      const atM: Marker | null = at ? null : markerAt(t, k, "@");
      const m = atM ?? markerAt(t, k, '.');
      const w = m ? t[m.next] : undefined;
      if (!m || !w || w.k !== 'w') break;
      if (atM) { at = atM; atIndex = labels.length; } else markers.push(m);
      labels.push(w);
      k = m.next + 1;
    }
    if (judgeAddress(labels, markers, at, atIndex)) {
      for (const m of at ? [...markers, at] : markers) {
        if (m.style !== 'plain') edits.push({ start: m.from, end: m.to, out: m.kind, flag: FLAG['at-dot'] });
      }
      i = k;
    } else i++;
  }
  return edits;
}

const isDisguised = (m: Marker) => m.style === 'word' || m.style === 'bracket';

function judgeAddress(labels: ATok[], dots: Marker[], at: Marker | null, atIndex: number): boolean {
  if (labels.length < 2) return false;
  if ((!at || at.style === 'plain') && dots.every((d) => d.style === 'plain')) return false; // nothing hidden
  const domain = at ? labels.slice(atIndex) : labels;
  const domainDots = at ? dots.filter((d) => d.from >= at.to) : dots;
  const localDots = at ? dots.filter((d) => d.to <= at.from) : [];
  const tld = domain[domain.length - 1]!.v;
  if (domain.length < 2 || !domain.slice(0, -1).every((l) => LATIN_LABEL_RE.test(l.v))) return false;
  if (!at) {
    // Domain only ("shop dot ru", "site[.]com"): a disguised dot and a known TLD.
    if (!TLDS.has(tld) || !domainDots.some(isDisguised)) return false;
    const first = domain[0]!.v;
    return first.length >= 2 && !NOT_LOCAL.has(first);
  }
  if (!TLDS.has(tld) && !/^[a-z]{2}$/.test(tld)) return false;
  if (at.style !== 'word' || at.value !== 'at') return true; // "@", "(at)", "собака", "arroba"...
  // Plain English " at " is everyday prose: demand more evidence that an address is meant.
  const local = labels.slice(0, atIndex).map((l) => l.v);
  if (local.length === 1 && NOT_LOCAL.has(local[0]!)) return false;
  return MAIL_PROVIDERS.has(domain[0]!.v) || domainDots.some(isDisguised) || localDots.length > 0 || /[0-9_]/.test(local.join(''));
}

// ---------------------------------------------------------------------------------------------

export function normalize(original: string): Normalized {
  const a = stageA(original);
  stageB(a);
  const textB = a.chars.join('');
  const lowerB = lowerSameLength(textB);
  const edits = [...spelledDigitEdits(textB, lowerB), ...atDotEdits(lowerB)];
  const b = applyEdits(a, edits);
  const text = b === a ? textB : b.chars.join('');
  return new NormalizedText(original, text, Int32Array.from(b.starts), Int32Array.from(b.ends), Uint8Array.from(b.flags));
}

// ---------------------------------------------------------------------------------------------
// Digit clusters: digit groups joined by the separators people put inside numbers.

/** One run of digit groups; phone, card, bank and ID detectors all start from these. */
export interface DigitCluster {
  /** Normalised span: from a leading "+" or "(" to the last digit. */
  start: number;
  end: number;
  /** The digits only. */
  digits: string;
  /** Each digit group's normalised [start, end). */
  groups: { start: number; end: number }[];
  /** Separator text between group k and k+1 (length groups.length - 1). */
  seps: string[];
  /** A "+" right before the first digit (international format). */
  plus: boolean;
}

// Separator characters inside a number: spaces, dashes, dots, slashes, brackets, bullets.
const SEP_CHARS = new Set([' ', '\t', '-', '.', '/', '\\', '(', ')', '_', '*', '•', '·', '~', '|', '=', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2022', '\u00B7', '\u2219']);
const MAX_SEP_UNITS = 6;
const MAX_SEP_MARKS = 3;

function isEmojiAt(text: string, k: number): number {
  const cp = text.codePointAt(k)!;
  if (cp >= 0x1f000 && cp <= 0x1faff) return 2;
  if ((cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff) || cp === 0x2764 || cp === 0x2b50) return 1;
  return 0;
}

/** Reads the separator run starting at k; returns its end or -1 when it cannot sit inside a number. */
function sepEnd(text: string, k: number): number {
  let units = 0;
  let marks = 0;
  let e = k;
  while (e < text.length && !isAsciiDigit(text[e])) {
    const c = text[e]!;
    const em = isEmojiAt(text, e);
    if (em) { e += em; units += em; marks++; }
    else if (SEP_CHARS.has(c)) { e++; units++; if (c !== ' ' && c !== '\t') marks++; }
    else return -1;
    if (units > MAX_SEP_UNITS || marks > MAX_SEP_MARKS) return -1;
  }
  return e < text.length && e > k ? e : -1;
}

const clusterCache = new WeakMap<Normalized, DigitCluster[]>();

/** Candidate digit groups of a normalised text, in order. Linear; memoised per `norm`. */
export function digitClusters(norm: Normalized): DigitCluster[] {
  const hit = clusterCache.get(norm);
  if (hit) return hit;
  const text = norm.text;
  const out: DigitCluster[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAsciiDigit(text[i])) { i++; continue; }
    const groups: { start: number; end: number }[] = [];
    const seps: string[] = [];
    let digits = '';
    let k = i;
    for (;;) {
      const gs = k;
      while (k < text.length && isAsciiDigit(text[k])) k++;
      groups.push({ start: gs, end: k });
      digits += text.slice(gs, k);
      const se = sepEnd(text, k);
      if (se < 0) break;
      seps.push(text.slice(k, se));
      k = se;
    }
    let start = i;
    let plus = false;
    // "+7", "+ 7", "(+7)", "+(7", "(495)"
    let p = i - 1;
    if (text[p] === '(') { start = p; p--; }
    if (text[p] === ' ' && text[p - 1] === '+') p--;
    if (text[p] === '+') { plus = true; start = p; if (text[p - 1] === '(') start = p - 1; }
    out.push({ start, end: groups[groups.length - 1]!.end, digits, groups, seps, plus });
    i = k;
  }
  clusterCache.set(norm, out);
  return out;
}

/** Groups [from, to] of a cluster as a cluster of its own (phone in a longer run, card after a date). */
export function subCluster(c: DigitCluster, from: number, to: number): DigitCluster {
  if (from === 0 && to === c.groups.length - 1) return c;
  const groups = c.groups.slice(from, to + 1);
  // Keep an opening bracket that belongs to the first group: "(800) 443-1223" after another number.
  const openBracket = from > 0 && c.seps[from - 1]!.endsWith('(');
  return {
    start: from === 0 ? c.start : groups[0]!.start - (openBracket ? 1 : 0),
    end: groups[groups.length - 1]!.end,
    digits: sliceDigits(c, from, to),
    groups,
    seps: c.seps.slice(from, to),
    plus: from === 0 && c.plus,
  };
}
function sliceDigits(c: DigitCluster, from: number, to: number): string {
  let off = 0;
  for (let k = 0; k < from; k++) off += c.groups[k]!.end - c.groups[k]!.start;
  let len = 0;
  for (let k = from; k <= to; k++) len += c.groups[k]!.end - c.groups[k]!.start;
  return c.digits.slice(off, off + len);
}
