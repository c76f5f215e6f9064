import { LANGS, type Disguise, type Normalized } from './types.js';
import type { Span } from '../models/finding.js';
import confusables from './data/confusables.json';
import numberWords from './data/number-words.json';
import emailWords from './data/email-words.json';
import { escapeRegExp } from './escape-regexp.js';
import addressWords from './data/address-words.json';
import { parse as parseDomain } from 'tldts';

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
function scriptOfSlow(c: number): Script {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || c === 0x261) return 1;
  if (c >= 0x400 && c <= 0x52f) return 2;
  if (c >= 0x370 && c <= 0x3ff) return 3;
  return 0;
}

// Script of every code unit below U+0530, looked up instead of computed (stage B reads each unit).
const SCRIPT_TABLE = new Uint8Array(0x530);
for (let c = 0; c < 0x530; c++) SCRIPT_TABLE[c] = scriptOfSlow(c);
function scriptOf(c: number): Script {
  return c < 0x530 ? (SCRIPT_TABLE[c] as Script) : c >= 0x1e00 && c <= 0x1eff ? 1 : 0;
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
// Output buffer: code units with their original span and disguise bits, in typed arrays.

const UTF16 = ((): InstanceType<typeof TextDecoder> | undefined => {
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
  } catch {
    return undefined;
  }
})();

class Buf {
  n = 0;
  /** stage A copied the input unchanged */
  identity = false;
  /** stage B folded something */
  changed = false;
  chars: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  constructor(cap: number) {
    cap = Math.max(16, cap);
    this.chars = new Uint16Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
  }
  private grow() {
    const cap = this.chars.length * 2;
    const c = new Uint16Array(cap); c.set(this.chars); this.chars = c;
    const s = new Int32Array(cap); s.set(this.starts); this.starts = s;
    const e = new Int32Array(cap); e.set(this.ends); this.ends = e;
    const f = new Uint8Array(cap); f.set(this.flags); this.flags = f;
  }
  unit(code: number, start: number, end: number, flag: number) {
    if (this.n === this.chars.length) this.grow();
    const k = this.n++;
    this.chars[k] = code; this.starts[k] = start; this.ends[k] = end; this.flags[k] = flag;
  }
  push(s: string, start: number, end: number, flag: number) {
    for (let i = 0; i < s.length; i++) this.unit(s.charCodeAt(i), start, end, flag);
  }
  /** Appends units [a, b) of `from` in bulk (unit by unit cost a tenth of the normaliser). */
  copyRange(from: Buf, a: number, b: number) {
    if (b <= a) return;
    while (this.n + (b - a) > this.chars.length) this.grow();
    const k = this.n;
    this.chars.set(from.chars.subarray(a, b), k);
    this.starts.set(from.starts.subarray(a, b), k);
    this.ends.set(from.ends.subarray(a, b), k);
    this.flags.set(from.flags.subarray(a, b), k);
    this.n += b - a;
  }
  /** Empties the buffer for reuse, growing it to hold at least `cap` units. */
  reset(cap: number): this {
    this.n = 0; this.identity = false; this.changed = false;
    while (this.chars.length < cap) this.grow();
    return this;
  }
  text(): string {
    // One native decode instead of spreading the units into call arguments (a copy of the array
    // on the heap); a lone surrogate makes the strict decoder refuse, and the slow path keeps it.
    if (UTF16 && this.n > 64) {
      try {
        return UTF16.decode(this.chars.subarray(0, this.n));
      } catch { /* a lone surrogate: below */ }
    }
    let out = '';
    for (let i = 0; i < this.n; i += 4096) {
      out += String.fromCharCode.apply(null, this.chars.subarray(i, Math.min(this.n, i + 4096)) as unknown as number[]);
    }
    return out;
  }
}

class NormalizedText implements Normalized {
  readonly lower: string;
  /**
   * `starts`/`ends`/`flagBits` are null when nothing changed (the common case): the mapping is
   * then the identity, widened so a span never splits a surrogate pair.
   */
  constructor(
    readonly original: string,
    readonly text: string,
    private readonly starts: Int32Array | Uint16Array | null,
    private readonly ends: Int32Array | Uint16Array | null,
    private readonly flagBits: Uint8Array | null,
  ) {
    this.lower = lowerSameLength(text);
  }
  toOriginal(start: number, end: number): Span {
    const n = this.text.length;
    if (n === 0) return { start: 0, end: 0 };
    const s = Math.max(0, Math.min(start, n - 1));
    const e = Math.max(s + 1, Math.min(end, n));
    if (!this.starts || !this.ends) {
      const o = this.original;
      return { start: s > 0 && isLowSurrogate(o.charCodeAt(s)) ? s - 1 : s, end: e < n && isLowSurrogate(o.charCodeAt(e)) ? e + 1 : e };
    }
    return { start: this.starts[s]!, end: this.ends[e - 1]! };
  }
  disguises(start: number, end: number): Set<Disguise> {
    let bits = 0;
    if (this.flagBits) for (let i = Math.max(0, start); i < Math.min(end, this.text.length); i++) bits |= this.flagBits[i]!;
    // Invisible characters leave no code unit behind: look at the original range too.
    const o = this.toOriginal(start, end);
    if (INVISIBLE_RE.test(this.original.slice(o.start, o.end))) bits |= FLAG.invisible;
    if (SEPARATOR_TRICK_RE.test(this.text.slice(Math.max(0, start), end))) bits |= FLAG.separator;
    const set = new Set<Disguise>();
    for (const [k, v] of FLAG_NAMES) if (bits & v) set.add(k);
    return set;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// Separators people use to break up a number so a scan misses it: emoji, bullets, stars, runs of
// spaces, or every digit on its own ("8 9 1 6 ..."). Reported as the "separator" disguise.
const SEPARATOR_TRICK_RE = /\d(?:[\u{1F000}-\u{1FAFF}\u2600-\u27BF•·*_|~=]|\s{2,})+\d|(?:\d[ .\-]){4}\d/u;

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

// Anything stage A would change: non-ASCII is checked further, ASCII never changes.
const NON_ASCII_RE = /[^\x00-\x7f]/;
const DROPPED_RE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u20E3\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]|\uD83C[\uDFFB-\uDFFF]/;
// Decimal digits of other scripts, per BMP code unit, answered once by DECIMAL_RE and remembered
// (0 = not asked yet, 1 = yes, 2 = no): a /(?![0-9])\p{Nd}/u scan of every text cost a tenth of
// the normaliser. Astral digits (mathematical, Adlam...) are rare: a bounded cache.
const BMP_DIGIT = new Uint8Array(0x10000);
const astralDigit = new Map<number, boolean>();
/** Has `s` a decimal digit other than 0-9 (\p{Nd}, whole code points; lone surrogates are none)? */
function hasOtherDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) continue;
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let v = astralDigit.get(cp);
      if (v === undefined) {
        v = DECIMAL_RE.test(String.fromCodePoint(cp));
        if (astralDigit.size < 4096) astralDigit.set(cp, v);
      }
      if (v) return true;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    let v = BMP_DIGIT[c]!;
    if (v === 0) BMP_DIGIT[c] = v = DECIMAL_RE.test(String.fromCharCode(c)) ? 1 : 2;
    if (v === 1) return true;
  }
  return false;
}

/** Per code point: what NFKC and digit folding make of it, and which disguise that is. */
const charCache = new Map<number, { out: string; flag: number }>();
function mapChar(cp: number): { out: string; flag: number } {
  let hit = charCache.get(cp);
  if (hit) return hit;
  const ch = String.fromCodePoint(cp);
  const nfkc = ch.normalize('NFKC');
  let flag = nfkc !== ch && nfkc !== ch.normalize('NFC') ? FLAG.fullwidth : 0;
  let out = '';
  for (const c of nfkc) {
    const code = c.codePointAt(0)!;
    if (code >= 0x80 && DECIMAL_RE.test(c)) { out += String(digitValue(code)); flag |= FLAG['script-digit']; }
    else out += c;
  }
  hit = { out, flag };
  charCache.set(cp, hit);
  return hit;
}
/** Base + combining marks → normalised form; bounded so hostile input cannot grow it without end. */
const clusterCache2 = new Map<string, { out: string; flag: number }>();
const markCache = new Map<number, boolean>();
function isMark(cp: number): boolean {
  let m = markCache.get(cp);
  if (m === undefined) { m = COMBINING_RE.test(String.fromCodePoint(cp)); markCache.set(cp, m); }
  return m;
}

// normalize() is synchronous, so two scratch buffers serve every call: no per-call allocation of
// code-unit maps (they would dominate the cost on a 2,000-character review). Results are copied out.
const SCRATCH_A = new Buf(4096);
const SCRATCH_B = new Buf(4096);

function stageA(original: string): Buf {
  const n = original.length;
  const b = SCRATCH_A.reset(n + 16);
  const identity = !NON_ASCII_RE.test(original) || (!DROPPED_RE.test(original) && !hasOtherDigit(original) && original.normalize('NFKC') === original);
  if (identity) {
    const { chars, starts, ends } = b;
    for (let i = 0; i < n; i++) {
      const c = original.charCodeAt(i);
      chars[i] = c; starts[i] = i; ends[i] = i + 1;
      // A surrogate pair maps to both of its units, so no span can split it.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) { chars[i + 1] = original.charCodeAt(i + 1); starts[i + 1] = i; ends[i] = ends[i + 1] = i + 2; i++; }
    }
    b.flags.fill(0, 0, n); // the scratch buffer still holds the previous text's disguises
    b.n = n;
    b.identity = true;
    return b;
  }
  let i = 0;
  while (i < n) {
    const cp = original.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const next = i + len < n ? original.codePointAt(i + len)! : 0;
    if (cp < 0x80 && next < 0x300) { b.unit(cp, i, i + 1, 0); i++; continue; }
    if (isDropped(cp)) { i += len; continue; }
    // Take the base with its combining marks so NFKC composes "e\u0301" into "é".
    let end = i + len;
    let marks = false;
    let dropInside = false;
    while (end < n) {
      const c2 = original.codePointAt(end)!;
      if (c2 < 0x300) break;
      const l2 = c2 > 0xffff ? 2 : 1;
      if (isDropped(c2)) { dropInside = true; end += l2; continue; }
      if (!isMark(c2)) break;
      marks = true;
      end += l2;
      if (end - i > 32) break; // Zalgo stacks: cap the cluster, the rest starts a new one.
    }
    if (!marks) {
      const m = mapChar(cp);
      b.push(m.out, i, end, m.flag | (dropInside ? FLAG.invisible : 0));
      i = end;
      continue;
    }
    const raw = original.slice(i, end);
    let m = clusterCache2.get(raw);
    if (!m) {
      let cluster = '';
      for (const ch of raw) if (!isDropped(ch.codePointAt(0)!)) cluster += ch;
      const nfkc = cluster.normalize('NFKC');
      let flag = (dropInside ? FLAG.invisible : 0) | (nfkc !== cluster.normalize('NFC') ? FLAG.fullwidth : 0);
      let out = '';
      for (const ch of nfkc) {
        const code = ch.codePointAt(0)!;
        if (code >= 0x80 && DECIMAL_RE.test(ch)) { out += String(digitValue(code)); flag |= FLAG['script-digit']; }
        else out += ch;
      }
      m = { out, flag };
      if (clusterCache2.size < 4096) clusterCache2.set(raw, m);
    }
    b.push(m.out, i, end, m.flag);
    i = end;
  }
  return b;
}

// ---------------------------------------------------------------------------------------------
// Stage B: look-alikes, per whitespace-delimited token, in place.

const isSpaceCode = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xa0;
export const isDigitCode = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
const isDotDash = (c: number | undefined) => c === 46 || c === 45;
const isAsciiDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

const codeMap = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)] as [number, number]));
// Per code unit below U+0530: 1 = a look-alike of another script ("weak" evidence), 2 = digit-like.
const LOOKS_TABLE = new Uint8Array(0x530);
const CYR_TO_LAT_C = codeMap(CYR_TO_LAT);
const GRK_TO_LAT_C = codeMap(GRK_TO_LAT);
const LAT_TO_CYR_C = codeMap(LAT_TO_CYR);
const DIGIT_LIKE_C = codeMap(DIGIT_LIKE);
for (const m of [CYR_TO_LAT_C, GRK_TO_LAT_C, LAT_TO_CYR_C]) for (const k of m.keys()) if (k < 0x530) LOOKS_TABLE[k]! |= 1;
for (const k of DIGIT_LIKE_C.keys()) if (k < 0x530) LOOKS_TABLE[k]! |= 2;
// In plain ASCII text stage B is needed only for digit-like letters squeezed between digits (or a
// digit and a dot or dash), or at a digit group's edge with another group beside it (a number run,
// foldDigitLikeRuns): "2l bottle", "5oz" alone do not pay for the pass.
const ASCII_DIGIT_LIKE_RE = /\d[.-]?[OoIl|]{1,2}[.-]?\d|(?:\d[OoIl|]|[OoIl|]\d)[\dOoIl|().+,-]* [(+]?[\dOoIl|]|[\dOoIl|)] [\dOoIl|().+-]*(?:\d[OoIl|]|[OoIl|]\d)/;

/** Folds look-alikes in place; returns whether anything changed. */
function stageB(b: Buf, textA: string): boolean {
  const hasOtherScripts = NON_ASCII_RE.test(textA);
  if (!hasOtherScripts && !ASCII_DIGIT_LIKE_RE.test(textA)) return false;
  b.changed = false;
  const chars = b.chars;
  const n = b.n;
  // The text's dominant script breaks ties inside short tokens.
  let latin = 0, cyr = 0;
  if (hasOtherScripts) for (let i = 0; i < n; i++) { const s = scriptOf(chars[i]!); if (s === 1) latin++; else if (s === 2) cyr++; }
  const docScript: Script = cyr > latin ? 2 : 1;
  const strong = [0, 0, 0, 0];
  const all = [0, 0, 0, 0];
  let edgeLike = false;
  let i = 0;
  while (i < n) {
    if (isSpaceCode(chars[i]!)) { i++; continue; }
    let j = i;
    // Plain stores: Array.prototype.fill, called per token, cost a sixth of stage B.
    strong[0] = strong[1] = strong[2] = strong[3] = 0;
    all[0] = all[1] = all[2] = all[3] = 0;
    let hasDigit = false;
    let hasDigitLike = false;
    while (j < n && !isSpaceCode(chars[j]!)) {
      const ch = chars[j]!;
      if (ch >= 0x41) {
        const s = scriptOf(ch);
        const looks = ch < 0x530 ? LOOKS_TABLE[ch]! : 0;
        if (s) {
          all[s]!++;
          if (!(looks & 1)) strong[s]!++;
        }
        if (looks & 2) hasDigitLike = true;
      } else if (isDigitCode(ch)) hasDigit = true;
      else if (ch === 0x7c) hasDigitLike = true;
      j++;
    }
    const scripts = (all[1]! > 0 ? 1 : 0) + (all[2]! > 0 ? 1 : 0) + (all[3]! > 0 ? 1 : 0);
    if (scripts > 1) {
      // Only look-alike letters and digits ("АYН975125", a Polish ID typed with Cyrillic А and Н):
      // a code, and codes are Latin.
      const target = dominant(strong) || (hasDigit ? 1 : 0) || dominant(all) || docScript;
      foldMixedRuns(b, i, j, target === 3 ? docScript : target, hasDigit);
    }
    if (hasDigit && hasDigitLike) { foldDigitLike(b, i, j); edgeLike = true; }
    i = j;
  }
  if (edgeLike) foldDigitLikeRuns(b);
  return b.changed;
}

/** Tokens of a number run whose digit-like letters stand at a group's edge, and digits the run needs. */
const LIKE_RUN_TOKENS = 3;
const LIKE_RUN_DIGITS = 6;
const isGroupMark = (c: number) => isDotDash(c) || c === 40 || c === 41 || c === 43; // . - ( ) +

// Sentence marks and closing quotes may close a run's last group: "kartą 4686 78l7 2602 264l?
// Wyskakuje…", "WhatsApp +1 786 555 O143'.".
const RUN_END_MARKS = new Set([44, 46, 63, 33, 59, 58, 41, 39, 34, 0x2019, 0x201d, 0xbb]); // , . ? ! ; : ) ' " ’ ” »
/** Whether chars[from…] up to the next space (or the end) are all closing marks. */
function closesGroup(chars: Uint16Array, from: number, n: number): boolean {
  for (let m = from; m < n && !isSpaceCode(chars[m]!); m++) if (!RUN_END_MARKS.has(chars[m]!)) return false;
  return true;
}

/**
 * "8 9I6 3O2-47-5I", "О97 З41 О5 62", "PT5O OO35 O697 435O": digit-like letters at the start or
 * end of a digit group, which foldDigitLike (a letter between two digits) leaves. Only inside a
 * run of at least LIKE_RUN_TOKENS space-parted groups of digits, digit-like letters and number
 * marks, each group with a real digit, LIKE_RUN_DIGITS real digits in all; the run's first group
 * may open with two capital letters (an IBAN's country). "ООО «Ромашка»", "size 4O", "A5I" stay.
 */
function foldDigitLikeRuns(b: Buf): void {
  const chars = b.chars;
  const n = b.n;
  let k = 0;
  while (k < n) {
    // Gather a run of digitish groups parted by single spaces.
    const groups: [number, number][] = [];
    let digits = 0;
    // Groups parted by spaces or, inside a token, by number marks ("O6.51.O3.88.27").
    let parts = 0;
    let p = k;
    while (p < n) {
      let q = p;
      if (groups.length === 0 && q + 2 < n && chars[q]! >= 65 && chars[q]! <= 90 && chars[q + 1]! >= 65 && chars[q + 1]! <= 90 && !DIGIT_LIKE_C.has(chars[q]!)) q += 2;
      let real = 0;
      let ok = q < n && !isSpaceCode(chars[q]!);
      let e = q;
      let inner = 1;
      while (ok && e < n && !isSpaceCode(chars[e]!)) {
        const c = chars[e]!;
        if (isDigitCode(c)) real++;
        else if (isDotDash(c) && e > q && e + 1 < n && !isSpaceCode(chars[e + 1]!) && !isDotDash(chars[e + 1]!)) inner++;
        else if (!DIGIT_LIKE_C.has(c) && !isGroupMark(c) && !(RUN_END_MARKS.has(c) && closesGroup(chars, e + 1, n))) ok = false;
        e++;
      }
      if (!ok || real === 0) break;
      groups.push([q, e]);
      digits += real;
      parts += inner;
      if (e + 1 < n && chars[e] === 32 && !isSpaceCode(chars[e + 1]!)) p = e + 1;
      else break;
    }
    if (parts >= LIKE_RUN_TOKENS && digits >= LIKE_RUN_DIGITS) {
      for (const [from, to] of groups) {
        for (let m = from; m < to; m++) {
          const d = DIGIT_LIKE_C.get(chars[m]!);
          if (d !== undefined) { chars[m] = d; b.flags[m]! |= FLAG.homoglyph; b.changed = true; }
        }
      }
    }
    // Next token.
    let e = groups.length ? groups[groups.length - 1]![1] : k;
    while (e < n && !isSpaceCode(chars[e]!)) e++;
    while (e < n && isSpaceCode(chars[e]!)) e++;
    k = Math.max(e, k + 1);
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
 * script stay as they are, so "iPhone-чехол" keeps both its words; in a code (`withDigits`, a
 * token that mixes scripts and has digits) so does a run of look-alikes only: the Cyrillic "С"
 * closing "JН714082С" is a Latin C like the "Н" before the digits.
 */
function foldMixedRuns(b: Buf, from: number, to: number, target: Script, withDigits = false): void {
  const chars = b.chars;
  let k = from;
  while (k < to) {
    if (!scriptOf(chars[k]!)) { k++; continue; }
    let e = k;
    let seen = 0;
    while (e < to) {
      const s = scriptOf(chars[e]!);
      if (!s) break;
      seen |= 1 << s;
      e++;
    }
    if (seen & (seen - 1) || (withDigits && seen !== 1 << target && allLookAlike(chars, k, e, target))) {
      for (let m = k; m < e; m++) {
        const ch = chars[m]!;
        if (scriptOf(ch) === target) continue;
        const to2 = lookAlikeIn(ch, target);
        if (to2 !== undefined) { chars[m] = to2; b.flags[m]! |= FLAG.homoglyph; b.changed = true; }
      }
    }
    k = e;
  }
}

/** Whether every letter of chars[from, to) has a look-alike in `target`. */
function allLookAlike(chars: Uint16Array, from: number, to: number, target: Script): boolean {
  for (let m = from; m < to; m++) if (scriptOf(chars[m]!) !== target && lookAlikeIn(chars[m]!, target) === undefined) return false;
  return true;
}

/** The letter of `target`'s script that `ch` (of another script) looks like, if any. */
function lookAlikeIn(ch: number, target: Script): number | undefined {
  const s = scriptOf(ch);
  return target === 1 ? (s === 2 ? CYR_TO_LAT_C.get(ch) : GRK_TO_LAT_C.get(ch)) : s === 1 ? LAT_TO_CYR_C.get(ch) : undefined;
}

/**
 * "Вказала З124508717": one digit-like letter opening a word whose other characters are all digits,
 * LEAD_RUN_DIGITS of them or more (a tax number typed with a Cyrillic З for 3). "O2" or "З5" stay.
 */
const LEAD_RUN_DIGITS = 7;
function leadsDigitRun(b: Buf, k: number, to: number): boolean {
  const chars = b.chars;
  if (k > 0 && (isDigitCode(chars[k - 1]) || isLetterCode(chars[k - 1]!))) return false;
  let e = k + 1;
  while (e < to && isDigitCode(chars[e])) e++;
  return e - k - 1 >= LEAD_RUN_DIGITS && (e >= b.n || !isLetterCode(chars[e]!));
}

/**
 * "89l6 I23" style: a run of at most two digit-like letters with digits on both sides, or with a
 * dot or dash between ("1.O2O.734.582", a cédula with O for 0).
 */
function foldDigitLike(b: Buf, from: number, to: number): void {
  const chars = b.chars;
  let k = from;
  while (k < to) {
    if (DIGIT_LIKE_C.has(chars[k]!) && leadsDigitRun(b, k, to)) {
      chars[k] = DIGIT_LIKE_C.get(chars[k]!)!; b.flags[k]! |= FLAG.homoglyph; b.changed = true; k++; continue;
    }
    if (!DIGIT_LIKE_C.has(chars[k]!) || k === 0 || !(isDigitCode(chars[k - 1]) || (k > 1 && isDotDash(chars[k - 1]) && isDigitCode(chars[k - 2])))) { k++; continue; }
    let e = k;
    while (e < to && e - k < 3 && DIGIT_LIKE_C.has(chars[e]!)) e++;
    if (e - k <= 2 && e < b.n && (isDigitCode(chars[e]) || (e + 1 < b.n && isDotDash(chars[e]) && isDigitCode(chars[e + 1])))) {
      for (let m = k; m < e; m++) { chars[m] = DIGIT_LIKE_C.get(chars[m]!)!; b.flags[m]! |= FLAG.homoglyph; }
      b.changed = true;
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
  const r = SCRATCH_B.reset(b.n + 16);
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue; // overlapping edit from the other stage: first one wins
    r.copyRange(b, pos, e.start);
    let f = e.flag;
    for (let k = e.start; k < e.end; k++) f |= b.flags[k]!;
    r.push(e.out, b.starts[e.start]!, b.ends[e.end - 1]!, f);
    pos = e.end;
  }
  r.copyRange(b, pos, b.n);
  return r;
}

const APOSTROPHES_RE = /[’ʼ`]/g;

// ---------------------------------------------------------------------------------------------
// Stage C: spelled-out digit runs

type NumClass = 'Z' | 'U' | 'C' | 'T' | 'H' | 'M' | 'K' | 'R' | 'N' | 'B';
interface NumWord { cls: NumClass; v: number }
/** A run member that stands for digits between two words: it ends the current number group. */
const BREAK: NumWord = { cls: 'B', v: 0 };

const NUM_WORDS = new Map<string, NumWord>();
let MAX_COMPOUND = 1;
for (const [lang, table] of Object.entries(numberWords)) {
  if (!(LANGS as readonly string[]).includes(lang)) continue; // _comment and word lists (noStart, dashWords, …), not a language's table
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
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text[k]!;
    // A number dictated over two lines ("neuf un⏎deux six"): one line break, no blank line.
    if (c === '\n') { if (++breaks > 1) return false; continue; }
    if (c === '\r') continue;
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

/**
 * Digits between two number words of a mixed run ("seis 1 1 siete", "zéro 7, 5 3, un"): how many
 * digit groups the gap holds, or -1 when it is not such a gap. Groups are short (people dictate
 * one to three digits at a time) and separators are the joinable ones; a long gap is prose.
 */
const MAX_DIGIT_GAP = 16;
function digitGap(text: string, from: number, to: number): number {
  if (to - from > MAX_DIGIT_GAP) return -1;
  let groups = 0;
  let len = 0;
  let sep = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      if (len === 0) groups++;
      if (++len > 4) return -1;
      sep = 0;
    } else if (c === 32 || c === 44 || c === 45 || c === 46 || c === 47 || c === 10) {
      len = 0;
      if (++sep > 3) return -1;
    } else return -1;
  }
  return groups > 0 ? groups : -1;
}
/**
 * The end of the digit groups right after a dictated run ("…un 8, 2 neuf, 4 0"): up to three
 * groups of one to three digits. Only their commas are touched; the digits stay as they are.
 */
function digitTailEnd(text: string, from: number): number {
  let k = from;
  let end = from;
  for (let groups = 0; groups < 3; groups++) {
    let s = k;
    while (s < text.length && s - k < 3 && (text[s] === ' ' || text[s] === ',' || text[s] === '-')) s++;
    if (s === k) break;
    let e = s;
    while (e < text.length && isAsciiDigit(text[e])) e++;
    if (e === s || e - s > 3 || isLetterCode(text.charCodeAt(e))) break;
    end = k = e;
  }
  return end;
}

interface Group { start: number; end: number; digits: string }

/** Letters for word scanning: table lookups for the scripts we see most, a cached \p{L} test for the rest. */
const letterCache = new Map<number, boolean>();
const LETTER_RE = /\p{L}/u;
export function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0x530 && SCRIPT_TABLE[c]) return true;
  let v = letterCache.get(c);
  if (v === undefined) { v = LETTER_RE.test(String.fromCharCode(c)); letterCache.set(c, v); }
  return v;
}
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc || c === 96;
/** Combining marks (Thai vowels and tone marks, Devanagari matras): inside a word, never its start. */
const isMarkCode = (c: number) => c >= 0x300 && isMark(c);

/**
 * Calls `f(start, end)` for every word of `s`: letters and their combining marks ("บัตร"), with
 * inner apostrophes ("п'ять", "дев’ять"); with `hyphens`, inner hyphens too ("ID-картка",
 * "пр-т"). No allocation per word, so detectors can look words up in a text of any length cheaply.
 */
export function scanWords(s: string, f: (start: number, end: number) => void, hyphens = false): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(s.charCodeAt(i))) { i++; continue; }
    let j = i + 1;
    for (;;) {
      while (j < n && (isLetterCode(s.charCodeAt(j)) || isMarkCode(s.charCodeAt(j)))) j++;
      if (j + 1 < n && (isApostrophe(s.charCodeAt(j)) || (hyphens && s.charCodeAt(j) === 45)) && isLetterCode(s.charCodeAt(j + 1))) { j += 2; continue; }
      break;
    }
    f(i, j);
    i = j;
  }
}

/**
 * A word → value table that can be asked about a slice of a string without building the slice
 * first: entries are bucketed by their first three code units, and most words of a text match no
 * bucket. Keys are compared lower-cased as given.
 */
export class WordLookup<T> {
  /** Entries of a bucket as flat [word, value, word, value, …]: compared in place, no slice per lookup. */
  private readonly buckets = new Map<number, (string | T)[]>();
  /**
   * Low 16 bits of every bucket key: most words of a text have no bucket, and one typed-array
   * read turns them away without the Map lookup (three word scans per text ask this table).
   */
  private readonly mask = new Uint8Array(0x10000);
  constructor(entries: Iterable<readonly [string, T]>) {
    const seen = new Map<string, number>();
    for (const [k, v] of entries) {
      const key = WordLookup.prefix(k, 0, k.length);
      const bucket = this.buckets.get(key) ?? this.buckets.set(key, []).get(key)!;
      // A repeated word keeps its last value, as a Map would.
      const at = seen.get(k);
      if (at !== undefined) bucket[at + 1] = v;
      else { seen.set(k, bucket.length); bucket.push(k, v); }
      this.mask[key & 0xffff] = 1;
    }
  }
  /**
   * A hash of the first three code units, kept below 2^28 so it stays a small integer: an exact
   * 48-bit key is a heap number, allocated on every lookup. Two prefixes sharing a bucket only
   * make it hold more words; `get` still compares whole words.
   */
  static prefix(s: string, from: number, len: number): number {
    let k = 0;
    for (let i = 0; i < Math.min(3, len); i++) k = (k * 0x10ab + s.charCodeAt(from + i)) & 0x3ffffff;
    return k * 4 + Math.min(3, len);
  }
  get(s: string, start: number, end: number): T | undefined {
    const key = WordLookup.prefix(s, start, end - start);
    if (this.mask[key & 0xffff] === 0) return undefined;
    const bucket = this.buckets.get(key);
    if (!bucket) return undefined;
    // Function words hit a bucket for most words of a text: comparing in place allocates nothing.
    const len = end - start;
    for (let i = 0; i < bucket.length; i += 2) {
      const w = bucket[i] as string;
      if (w.length === len && s.startsWith(w, start)) return bucket[i + 1] as T;
    }
    return undefined;
  }
}

const COMPOUND_PARTS = new Set<string>();
for (const k of NUM_WORDS.keys()) if (k.includes(' ')) for (const part of k.split(' ')) COMPOUND_PARTS.add(part);

// A separator said in words inside a number, and the mark it stands for.
const SEP_WORDS = new WordLookup<string>([...numberWords.dashWords.map((w) => [w, '-'] as const), ...numberWords.dotWords.map((w) => [w, '.'] as const)]);
// A house or flat label, after which one number word is a house number ("número veintiocho").
const HOUSE_LABELS = new WordLookup<boolean>(numberWords.houseLabels.map((w) => [w, true] as const));
// Street types of every language; the short ones ("av", "ul", "пр") only with their dot.
const STREET_TYPES = new WordLookup<boolean>(Object.values(addressWords.streetTypes).flat().map((w) => [w, true] as const));
const STREET_SHORT_MAX = 3;
const UNDERSCORE_FIRST = new WordLookup<boolean>(emailWords.underscore.map((w) => [w.split(' ')[0]!, true] as const));
const UNDERSCORE_FIRST_MAX = Math.max(...emailWords.underscore.map((w) => w.split(' ')[0]!.length));
const NUMBER_TOKENS = new WordLookup<string>([...NUM_WORDS.keys(), ...COMPOUND_PARTS].filter((k) => !k.includes(' ')).map((k) => [k, k] as const));

/**
 * The words the edit passes start from, in one scan of the text: number words (and parts of
 * compounds; anything between two of them breaks a run) and the start of every at/dot word.
 */
function editWords(lower: string): { toks: Tok[]; atDot: number[]; seps: Tok[]; labelEnds: number[]; unders: number[] } {
  const toks: Tok[] = [];
  const atDot: number[] = [];
  const seps: Tok[] = [];
  const labelEnds: number[] = [];
  const unders: number[] = [];
  scanWords(lower, (s, e) => {
    if (e - s <= 9 && AT_DOT_WORDS.get(lower, s, e)) atDot.push(s);
    if (e - s >= 5 && e - s <= UNDERSCORE_FIRST_MAX && UNDERSCORE_FIRST.get(lower, s, e)) unders.push(s);
    if (e - s <= 12 && HOUSE_LABELS.get(lower, s, e)) labelEnds.push(e);
    if (e - s >= 3 && e - s <= 9) { const mark = SEP_WORDS.get(lower, s, e); if (mark) { seps.push({ start: s, end: e, key: mark }); return; } }
    if (e - s > 16) return;
    const known = NUMBER_TOKENS.get(lower, s, e);
    if (known) { toks.push({ start: s, end: e, key: known }); return; }
    // "п’ять", "дев`ять": other apostrophes, normalised before the lookup.
    for (let k = s; k < e; k++) {
      const c = lower.charCodeAt(k);
      if (c === 0x2019 || c === 0x2bc || c === 96) {
        const key = lower.slice(s, e).replace(APOSTROPHES_RE, "'");
        if (NUM_WORDS.has(key) || COMPOUND_PARTS.has(key)) toks.push({ start: s, end: e, key });
        return;
      }
    }
  });
  return { toks, atDot, seps, labelEnds, unders };
}

/**
 * An address written one character at a time ("t o m e k . n o w i c k i @ o 2 . p l"): at
 * least SPACED_ADDRESS_MIN single characters on each side of the "@", a dot after it; the
 * spaces between them are dropped. Words of two letters or more end the run.
 */
const SPACED_ADDRESS_MIN = 3;
const isAddressChar = (c: string | undefined) => c !== undefined && (isAsciiDigit(c) || (c >= 'a' && c <= 'z') || c === '.' || c === '_' || c === '-');
function spacedAddressEdits(lower: string): Edit[] {
  let at = lower.indexOf('@');
  if (at < 0) return [];
  const out: Edit[] = [];
  for (; at >= 0; at = lower.indexOf('@', at + 1)) {
    let a = at;
    let left = 0;
    while (a >= 2 && lower[a - 1] === ' ' && isAddressChar(lower[a - 2]) && !isAddressChar(lower[a - 3])) { a -= 2; left++; }
    let b = at + 1;
    let right = 0;
    let dot = false;
    while (b + 1 < lower.length && lower[b] === ' ' && isAddressChar(lower[b + 1]) && !isAddressChar(lower[b + 2])) { dot ||= lower[b + 1] === '.'; b += 2; right++; }
    if (left < SPACED_ADDRESS_MIN || right < SPACED_ADDRESS_MIN || !dot) continue;
    for (let k = a + 1; k < b; k += 2) out.push({ start: k, end: k + 1, out: '', flag: FLAG.separator });
  }
  return out;
}

/**
 * A handle written one character at a time ("мой тг: t e m a _ s h i n y", "v l a d _ 9 3"): at
 * least SPACED_HANDLE_MIN single characters, one space apart, with two letters or more and a
 * handle's mark among them (an underscore or a dot; digits are no mark: "NIE así: Y 3 9 2 8 1 7 4 H
 * y me sale…" is an ID spelled out, then "y"); the spaces are dropped. Plain
 * letters ("a b c d e f") and plain digits (numbers have their own clusters) are left as written,
 * and so is a run that an "@" continues (spacedAddressEdits reads those).
 */
const SPACED_HANDLE_MIN = 6;
// Bounded by anything but a character of the run itself (a word before it is fine: "тг t e m a _ s h i n y
// пишите"); a leftmost, greedy match cannot leave a one-character token beside it. An "@" after it
// makes it an address's first half.
const SPACED_HANDLE_RE = new RegExp(`(?<![\\p{L}\\p{N}_.@])[a-z0-9_.](?: [a-z0-9_.]){${SPACED_HANDLE_MIN - 1},}(?![\\p{L}\\p{N}_.@])(?! ?@)`, 'gu');
// A handle's mark standing alone between spaces: without one no run can qualify (most texts).
const LONE_MARK_RE = /(?:^|\s)[_.](?:\s|$)/;
function spacedHandleEdits(lower: string): Edit[] {
  if (!LONE_MARK_RE.test(lower)) return [];
  let out: Edit[] | undefined;
  SPACED_HANDLE_RE.lastIndex = 0;
  for (let m = SPACED_HANDLE_RE.exec(lower); m; m = SPACED_HANDLE_RE.exec(lower)) {
    const run = m[0];
    // Letters before the last mark: a handle's name has them ("t e m a _ s h i n y", "v l a d _ 9 3");
    // a dictated number's dots do not ("5 3 4 1 . 3 3 6 1 . 4 9 2 3 . 0 0 5 9 e o": "e o" are words).
    let letters = 0;
    let lettersBeforeMark = 0;
    let mark = false;
    for (let k = 0; k < run.length; k += 2) {
      const c = run.charCodeAt(k);
      if (c >= 97 && c <= 122) letters++;
      else if (c === 95 || c === 46) { mark = true; lettersBeforeMark = letters; }
    }
    if (lettersBeforeMark < 2 || !mark) continue;
    for (let k = m.index + 1; k < m.index + run.length; k += 2) (out ??= []).push({ start: k, end: k + 1, out: '', flag: FLAG.separator });
  }
  return out ?? [];
}

// Tried only where editWords saw an underscore word's first word (most texts have none), one
// space before it: sticky, from that space.
const UNDERSCORE_RE = new RegExp(`(?<=[\\p{L}\\p{N}]) (?:${[...emailWords.underscore].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')}) (?=[\\p{L}\\p{N}])`, 'uy');
/**
 * "shenzhen underscore led underscore store", "ann underscore smith at gmail dot com": the word for
 * "_" between two words, one space each side, becomes the mark and joins them (a handle or an
 * address's local part; flagged like the at/dot words). Nobody writes the word so in prose.
 */
function underscoreEdits(lower: string, starts: readonly number[]): Edit[] {
  if (starts.length === 0) return [];
  const out: Edit[] = [];
  for (const s of starts) {
    UNDERSCORE_RE.lastIndex = s - 1;
    const m = UNDERSCORE_RE.exec(lower);
    if (m) out.push({ start: m.index, end: m.index + m[0].length, out: '_', flag: FLAG['at-dot'] });
  }
  return out;
}

/**
 * "oh" and "o" read as zero only at the head of a dictated number: two more digit words follow
 * ("oh eight seven …"), not in "Oh one more thing".
 */
function leadsDigits(lower: string, toks: readonly Tok[], i: number): boolean {
  for (let k = i + 1; k <= i + 2; k++) {
    const w = toks[k] && NUM_WORDS.get(toks[k]!.key);
    if (!w || (w.cls !== 'U' && w.cls !== 'Z') || !joinableGap(lower, toks[k - 1]!.end, toks[k]!.start)) return false;
  }
  return true;
}

/** "eight seven dash 634": the run ending at `pos`, a separator word at most two spaces after it, then digits. */
const LONG_TIE_DIGITS = 6;
function sepThenDigits(lower: string, pos: number, seps: SepIndex, minDigits = 1): boolean {
  for (let start = pos; start <= pos + 2; start++) {
    const d = seps.byStart.get(start);
    if (!d) continue;
    let b = d.end;
    while (b < lower.length && lower[b] === ' ') b++;
    let e = b;
    while (e < lower.length && isAsciiDigit(lower[e])) e++;
    if (b > d.end && e - b >= minDigits) return true;
  }
  return false;
}

/** "259 traço quarenta": digits, then a separator word ending at most two spaces before the run at `pos`. */
function digitsThenSep(lower: string, pos: number, seps: SepIndex, minDigits = 1): boolean {
  for (let end = pos; end >= pos - 2; end--) {
    const d = seps.byEnd.get(end);
    if (!d) continue;
    let a = d.start;
    while (a > 0 && lower[a - 1] === ' ') a--;
    let b = a;
    while (b > 0 && isAsciiDigit(lower[b - 1]!)) b--;
    if (a < d.start && a - b >= minDigits) return true;
    if (minDigits > 1) continue;
    // "…nove seis zero, traço três zero": a number word (and a pause) before the dash word.
    if (a > 0 && lower[a - 1] === ',') a--;
    let w = a;
    while (w > 0 && isLetterCode(lower.charCodeAt(w - 1))) w--;
    if (w < a && a - w <= 16 && NUMBER_TOKENS.get(lower, w, a) !== undefined) return true;
  }
  return false;
}

/** Separator words by where they start and end: looked up in constant time (a text may hold thousands). */
interface SepIndex { byStart: ReadonlyMap<number, Tok>; byEnd: ReadonlyMap<number, Tok> }
const NO_SEPS: SepIndex = { byStart: new Map(), byEnd: new Map() };
function sepIndex(seps: readonly Tok[]): SepIndex {
  if (seps.length === 0) return NO_SEPS;
  const byStart = new Map<number, Tok>();
  const byEnd = new Map<number, Tok>();
  for (const d of seps) { byStart.set(d.start, d); byEnd.set(d.end, d); }
  return { byStart, byEnd };
}

/**
 * A dash or a dot said in words inside a number ("384.017.259 traço quarenta e um", "612 345
 * тире 678", "382 ponto 917"): read as "-" or "." with the spaces around it, when digits (or
 * number words now read as digits) stand right on both sides. Between other words it is prose.
 */
function sepWordEdits(lower: string, seps: readonly Tok[], spelled: readonly Edit[]): Edit[] {
  if (seps.length === 0) return [];
  const out: Edit[] = [];
  // Where number words now read as digits start and end (commas and line breaks they drop aside).
  const digitStarts = new Set<number>();
  const digitEnds = new Set<number>();
  for (const x of spelled) if (x.out !== '' && x.out !== ' ') { digitStarts.add(x.start); digitEnds.add(x.end); }
  for (const d of seps) {
    let a = d.start;
    while (a > 0 && lower[a - 1] === ' ') a--;
    // "…nove seis zero, traço três zero": a pause before the dash said in words.
    if (a > 1 && lower[a - 1] === ',' && a < d.start && digitEnds.has(a - 1)) a--;
    let b = d.end;
    while (b < lower.length && lower[b] === ' ') b++;
    if ((a === d.start && a > 0) || (b === d.end && b < lower.length)) continue; // glued to a word
    const left = a > 0 && (isAsciiDigit(lower[a - 1]!) || digitEnds.has(a));
    const right = b < lower.length && (isAsciiDigit(lower[b]!) || digitStarts.has(b));
    if (left && right) out.push({ start: a, end: b, out: d.key, flag: FLAG['spelled-digit'] });
  }
  return out;
}

/** The "+" of a dictated international number ("plus one four one five"); not "más"/"mais" ("one more"). */
const PLUS_WORD_RE = /(?<![\p{L}\p{N}])(?:plus|плюс) $/u;
/** Digit words a dictated "+" number has at least (a country code and a subscriber number). */
const PLUS_MIN_WORDS = 7;
function spelledDigitEdits(lower: string, toks: readonly Tok[], sepWords: readonly Tok[] = [], labelEnds: readonly number[] = [], cased = lower): Edit[] {
  if (toks.length === 0) return [];
  const edits: Edit[] = [];
  const seps = sepIndex(sepWords);
  let i = 0;
  while (i < toks.length) {
    if (!NUM_WORDS.has(toks[i]!.key) || (NO_START.has(toks[i]!.key) && !leadsDigits(lower, toks, i))) { i++; continue; }
    // Collect the run [i, j) of number words (connectors allowed inside).
    const run: { tok: Tok; w: NumWord; span: [number, number] }[] = [];
    let j = i;
    let gapGroups = 0;
    while (j < toks.length) {
      if (j > i && !joinableGap(lower, toks[j - 1]!.end, toks[j]!.start)) {
        // Words and digits mixed ("seis 1 1 siete 8 4 cinco"): the digits break the number
        // groups but not the run.
        const g = run.length && run[run.length - 1]!.w.cls !== 'N' ? digitGap(lower, toks[j - 1]!.end, toks[j]!.start) : -1;
        if (g < 0) break;
        gapGroups += g;
        run.push({ tok: toks[j]!, w: BREAK, span: [toks[j - 1]!.end, toks[j]!.start] });
      }
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
    // Connectors and digit gaps may not end a run.
    while (run.length && (run[run.length - 1]!.w.cls === 'N' || run[run.length - 1]!.w.cls === 'B')) run.pop();
    const groups = groupRun(run);
    const words = run.filter((r) => r.w.cls !== 'N' && r.w.cls !== 'B').length;
    if (groups.length && words > 0) {
      const first = run[0]!.span[0];
      const last = run[run.length - 1]!.span[1];
      const before = digitNear(lower, first, -1) || digitsThenSep(lower, first, seps);
      const after = digitNear(lower, last, 1) || sepThenDigits(lower, last, seps);
      // One word tied by a dash said in words to a long digit run is a part of that number
      // ("veinte guion 35184226 guion dos", a CUIL); "tamanho 38 traço quarenta" is a size range.
      const longTie = words === 1 && (digitsThenSep(lower, first, seps, LONG_TIE_DIGITS) || sepThenDigits(lower, last, seps, LONG_TIE_DIGITS));
      const dictated = words >= 3 || (words === 2 && (before || after || gapGroups > 0)) || (words === 1 && before && after) || longTie || labelledHouse(lower, first, labelEnds) || streetNumber(cased, lower, first, last, words === 1) || beforeFlat(cased, lower, first, last);
      if (dictated) {
        // "plus one four one five …": the sign read out too, right before the number.
        const plus = PLUS_WORD_RE.exec(lower.slice(Math.max(0, first - 6), first));
        if (plus && words >= PLUS_MIN_WORDS) edits.push({ start: first - plus[0].length, end: first, out: '+', flag: FLAG['spelled-digit'] });
        for (const g of groups) edits.push({ start: g.start, end: g.end, out: g.digits, flag: FLAG['spelled-digit'] });
        // People read a number out in chunks split by commas ("four one five, eight two six") or
        // lines; inside a dictated run a comma is a pause and a line break a space, not the end.
        const tail = digitTailEnd(lower, last);
        for (let k = first; k < tail; k++) {
          const ch = lower.charCodeAt(k);
          if (ch === 44 || ch === 13) edits.push({ start: k, end: k + 1, out: '', flag: FLAG['spelled-digit'] });
          else if (ch === 10) edits.push({ start: k, end: k + 1, out: ' ', flag: FLAG['spelled-digit'] });
        }
      }
    }
    i = Math.max(j, i + 1);
  }
  return edits;
}

/**
 * "Kwiatowa siedem mieszkanie 12", "Городоцьку сто тридцять п'ять, квартира 9": a number in words
 * between a capitalised name and a flat's own word is the house number.
 */
const FLAT_AFTER_RE = new RegExp(`^,? (?:${addressWords.flatWords.map((w) => w.replace(/[.]/g, '\\.')).join('|')})(?![\\p{L}])`, 'u');
const NAME_BEFORE_RE = /(?:^|[\s(])\p{Lu}[\p{Ll}'’-]{2,},? $/u;
function beforeFlat(cased: string, lower: string, first: number, last: number): boolean {
  return FLAT_AFTER_RE.test(lower.slice(last, last + 16)) && NAME_BEFORE_RE.test(cased.slice(Math.max(0, first - 32), first));
}

/** "número veintiocho", "будинок сорок п'ять", "д. сорок": a house or flat label right before the run (a dot, comma or colon between). */
function labelledHouse(lower: string, first: number, labelEnds: readonly number[]): boolean {
  if (labelEnds.length === 0) return false;
  let k = first;
  while (k > 0 && k > first - 4 && (lower[k - 1] === ' ' || lower[k - 1] === '.' || lower[k - 1] === ',' || lower[k - 1] === ':')) k--;
  return k < first && labelEnds.includes(k);
}

/**
 * "проспект Перемоги сорок сім", "Av. Corrientes treinta y cuatro", "twenty three Kelvin Grove":
 * a number said in words with a street named beside it (a street type and at most
 * STREET_NAME_WORDS words of its name between) is a house number, even in two words.
 */
const STREET_NAME_WORDS = 2;
const STREET_GAP_MAX = 40;
// Words of the few characters around a candidate run: asked only for short runs (rare), so the
// street words are looked up there rather than for every word of every text.
const AROUND_WORD_RE = /[\p{L}'’-]+\.?/gu;
function streetNumber(cased: string, lower: string, first: number, last: number, single: boolean): boolean {
  // One number word after a street is a house number only where the address goes on or stops
  // ("Calle Higuera veintiocho, colonia…"), not before a noun ("calle Mayor tres veces").
  const stops = !single || /^\s*(?:[,.;:)]|$)/.test(lower.slice(last, last + 3));
  const words = (from: number, to: number) => {
    // Start at a word's start: a window cut inside "marketplace" must not look up "place".
    while (from > 0 && from < to && isLetterCode(lower.charCodeAt(from - 1))) from++;
    const out: { s: number; e: number }[] = [];
    AROUND_WORD_RE.lastIndex = from;
    for (let m = AROUND_WORD_RE.exec(lower); m && m.index < to; m = AROUND_WORD_RE.exec(lower)) {
      const e = m.index + m[0].length;
      if (e > to) break;
      out.push({ s: m.index, e: m[0].endsWith('.') ? e - 1 : e });
    }
    return out;
  };
  // A street type of two letters or more ("c." and "r." end sentences too); the short ones with their dot.
  const isStreet = (w: { s: number; e: number }) => w.e - w.s >= 2 && w.e - w.s <= 12 && STREET_TYPES.get(lower, w.s, w.e) !== undefined
    && (w.e - w.s > STREET_SHORT_MAX || lower.charCodeAt(w.e) === 46);
  // Its name written as a name: every word capitalised ("Перемоги", "Kelvin"; lower-casing changed
  // its first letter), joiners aside.
  const named = (from: number, to: number) => words(from, to).every((w) => cased.charCodeAt(w.s) !== lower.charCodeAt(w.s) || NAME_JOINERS.has(lower.slice(w.s, w.e)));
  // Before: the street type, then one or two words of its name, then the number.
  const before = words(Math.max(0, first - STREET_GAP_MAX), first);
  if (stops) {
    for (let k = Math.max(0, before.length - STREET_NAME_WORDS - 1); k < before.length - 1; k++) {
      if (isStreet(before[k]!) && onlyNameBetween(lower, before[k]!.e, first) && named(before[k]!.e, first)) return true;
    }
  }
  // After ("twenty three Kelvin Grove", "number fourteen Harrow Road"): one or two words of the
  // name, then the street type; or, French, the type then the name ("quarante-deux bis avenue
  // Jean-Jaurès"). "bis"/"ter" may follow the number. A lone "one"/"un" is an article.
  if (single && ARTICLE_NUMBERS.has(lower.slice(first, last))) return false;
  const after = words(last, Math.min(lower.length, last + STREET_GAP_MAX));
  const skip = after.length > 0 && HOUSE_SUFFIXES.has(lower.slice(after[0]!.s, after[0]!.e)) && after[0]!.s - last <= 2 ? 1 : 0;
  const from = skip ? after[0]!.e : last;
  for (let k = skip + 1; k <= skip + STREET_NAME_WORDS && k < after.length; k++) {
    if (isStreet(after[k]!) && onlyNameBetween(lower, from, after[k]!.s) && named(from, after[k]!.s)) return true;
  }
  const type = after[skip];
  const name = after[skip + 1];
  if (type && name && type.s - from <= 2 && isStreet(type) && onlyNameBetween(lower, type.e, name.e) && named(type.e, name.e)) return true;
  return false;
}
const NAME_JOINERS = new Set(addressWords.nameJoiners);
const HOUSE_SUFFIXES = new Set(addressWords.houseSuffixes);
const ARTICLE_NUMBERS = new Set(numberWords.articleNumbers);

/** Between two positions only spaces, letters of at most STREET_NAME_WORDS words, and a dot or comma after a street abbreviation. */
const NAME_GAP_RE = /^[.,]? ?(?:[\p{L}'’-]+,? ){1,2}$|^ (?:[\p{L}'’-]+ ){1,2}$/u;
function onlyNameBetween(lower: string, from: number, to: number): boolean {
  const gap = lower.slice(from, to);
  return NAME_GAP_RE.test(gap.endsWith(' ') ? gap : gap + ' ');
}

interface NumGroup { start: number; end: number; k: number; h: number; t: number; c: number; u: number; hasK: boolean; hasH: boolean; hasT: boolean; hasC: boolean; hasU: boolean }

function groupDigits(g: NumGroup): string {
  const v = g.h + g.t + g.c + g.u;
  if (g.hasK) return String(g.k + v);
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
    const g: NumGroup = { start, end, k: 0, h: 0, t: 0, c: 0, u: 0, hasK: false, hasH: false, hasT: false, hasC: false, hasU: false };
    st.cur = g;
    return g;
  };
  for (const { w, span: [s, e] } of run) {
    const g = st.cur;
    if (w.cls === 'N') continue; // a connector only glues; the next word decides
    if (w.cls === 'B') { close(); repeat = null; continue; }
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
        if (g && !g.hasU && !g.hasC && (g.hasT || g.hasH || g.hasK)) { g.u = w.v; g.hasU = true; g.end = e; }
        else { const n = open(s, e); n.u = w.v; n.hasU = true; }
        break;
      case 'C':
        // "ciento doce"; French "soixante et onze", "quatre-vingt-onze".
        if (g && !g.hasU && !g.hasC && ((g.hasH && !g.hasT) || (g.hasT && (g.t === 60 || g.t === 80)) || (g.hasK && !g.hasH && !g.hasT))) { g.c = w.v; g.hasC = true; g.end = e; }
        else { const n = open(s, e); n.c = w.v; n.hasC = true; }
        break;
      case 'T':
        if (g && (g.hasH || g.hasK) && !g.hasT && !g.hasC && !g.hasU) { g.t = w.v; g.hasT = true; g.end = e; }
        else { const n = open(s, e); n.t = w.v; n.hasT = true; }
        break;
      case 'H':
        if (g && g.hasK && !g.hasH && !g.hasT && !g.hasC && !g.hasU) { g.h = w.v; g.hasH = true; g.end = e; }
        else { const n = open(s, e); n.h = w.v; n.hasH = true; }
        break;
      case 'K':
        // "mil doscientos…", "dos mil…", "дві тисячі…": what came before counts the thousands.
        if (g && !g.hasK) { g.k = (g.h + g.t + g.c + g.u) * 1000; g.h = g.t = g.c = g.u = 0; g.hasH = g.hasT = g.hasC = g.hasU = false; g.hasK = true; g.end = e; }
        else { const n = open(s, e); n.k = 1000; n.hasK = true; }
        break;
      case 'M':
        // "nine hundred", "neuf cent": a lone unit becomes the hundreds; otherwise "cent" is 100.
        if (g && g.hasU && !g.hasH && !g.hasT && !g.hasC) { g.h = g.u * 100; g.u = 0; g.hasU = false; g.hasH = true; g.end = e; }
        else if (g && g.hasK && !g.hasH && !g.hasT && !g.hasC && !g.hasU) { g.h = 100; g.hasH = true; g.end = e; }
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
/** A country's two-letter domain ("ua", "rs"), not just any two letters ("insta @ju.makes.sp" is a handle). */
const isCountryTld = (tld: string): boolean => /^[a-z]{2}$/.test(tld) && parseDomain(`x.${tld}`).isIcann === true;
const MAIL_PROVIDERS = new Set(emailWords.mailProviders);
const NOT_LOCAL = new Set(emailWords.notLocal);
const ROLE_LOCALS = new Set(emailWords.roleLocals);
const ADDRESS_CUES = new Set(emailWords.addressCues);
// Cyrillic spellings of TLDs and mail providers ("точка ру", "собака яндекс"). Read only for the
// labels of a judged address, so "ру" or "мейл" elsewhere in prose is never looked at.
const SPELLED_TLDS = new Map(Object.entries(emailWords.spelledTlds));
const SPELLED_PROVIDERS = new Map(Object.entries(emailWords.spelledProviders));
/** The Latin form of an address's last label ("ру" → "ru"); anything else as it is. */
const latinTld = (v: string): string => SPELLED_TLDS.get(v) ?? v;
/** The Latin form of a domain label after an "@" ("яндекс" → "yandex"); anything else as it is. */
const latinName = (v: string): string => SPELLED_PROVIDERS.get(v) ?? v;
const OPEN_CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

// Tokens: address words (letters, digits, _ % + -), whitespace runs, single other characters
// (a surrogate pair is one character). Read by hand, not by a /u regular expression: the text is
// tokenised whole whenever it holds one "at" or "dot", and a match array per token cost more than
// the rest of the normaliser.
const ADDR_LETTER_RE = /^[\p{L}\p{N}]$/u;
// BMP code units answered once by ADDR_LETTER_RE and remembered: 0 = not asked yet, 1 = yes, 2 = no.
const ADDR_BMP = new Uint8Array(0x10000);
/** Code units of the address-word character at i (letter, digit, _ % + -), or 0. */
function addrWordUnits(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || c === 37 || c === 43 || c === 45 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ADDR_LETTER_RE.test(s.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  let v = ADDR_BMP[c]!;
  if (v === 0) ADDR_BMP[c] = v = ADDR_LETTER_RE.test(s[i]!) ? 1 : 2;
  return v === 1 ? 1 : 0;
}
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

/**
 * How far around a marker an address is looked for: a dotted chain of up to 4 labels before it
 * and up to 8 labels with their markers after it. Labels people spell out ("ivan dot petrov at
 * gmail dot com") are short; an address spelled over hundreds of characters is not one anyone
 * could copy. The window only bounds the tokenising, and moves with the candidates.
 */
const ADDR_BEHIND = 100;
const ADDR_AHEAD = 200;
/** A window edge moves out to the nearest space, at most a label's length, so no word is cut. */
const MAX_LABEL = 64;

function wordStartAtOrBefore(lower: string, i: number): number {
  for (let j = i; j > 0 && i - j < MAX_LABEL; j--) if (lower.charCodeAt(j - 1) === 32) return j;
  return i - MAX_LABEL < 0 ? 0 : i;
}

function wordEndAtOrAfter(lower: string, i: number): number {
  for (let j = i; j < lower.length && j - i < MAX_LABEL; j++) if (lower.charCodeAt(j) === 32) return j;
  return i + MAX_LABEL >= lower.length ? lower.length : i;
}

/** Tokens of lower[from, to), offsets into `lower`. */
function addrTokens(lower: string, from: number, to: number): ATok[] {
  const t: ATok[] = [];
  let i = from;
  while (i < to) {
    const s = i;
    let k: ATok['k'];
    let w = addrWordUnits(lower, i);
    if (w > 0 && i + w <= to) {
      k = 'w';
      do { i += w; w = i < to ? addrWordUnits(lower, i) : 0; } while (w > 0 && i + w <= to);
    } else {
      const c = lower.charCodeAt(i);
      if (c === 32 || c === 9) {
        k = 's';
        do i++; while (i < to && (lower.charCodeAt(i) === 32 || lower.charCodeAt(i) === 9));
      } else {
        k = 'c';
        const d = lower.charCodeAt(i + 1);
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < to && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      }
    }
    // Spaces and single marks take a shared string: only words need a copy of their own.
    t.push({ s, e: i, v: k === 's' ? ' ' : i - s === 1 ? unitString(lower.charCodeAt(s)) : lower.slice(s, i), k });
  }
  return t;
}

const UNIT_STRINGS = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));
function unitString(c: number): string {
  return c < 0x80 ? UNIT_STRINGS[c]! : String.fromCharCode(c);
}

/** From word token i: word (marker word)*, at most one "@"; at most 8 labels. */
function collectAddress(t: ATok[], i: number) {
  const labels: ATok[] = [t[i]!];
  const markers: Marker[] = [];
  let at: Marker | null = null;
  let atIndex = -1;
  let k = i + 1;
  while (labels.length < 8) {
    const atM: Marker | null = at ? null : markerAt(t, k, '@');
    const m = atM ?? markerAt(t, k, '.');
    const w = m ? t[m.next] : undefined;
    if (!m || !w || w.k !== 'w') break;
    if (atM) { at = atM; atIndex = labels.length; } else markers.push(m);
    labels.push(w);
    k = m.next + 1;
  }
  return { labels, markers, at, atIndex };
}

const AT_DOT_WORDS = new WordLookup<boolean>([...AT_WORDS, ...DOT_WORDS].map((w) => [w, true] as const));
const CLOSER: Record<number, number> = { 40: 41, 91: 93, 123: 125, 60: 62 }; // ( [ { <

/** "(at)", "[dot]", "{.}", "<a>" starting at i: the bracketed marker's end, or -1. */
function bracketMarkerEnd(lower: string, i: number): number {
  const close = CLOSER[lower.charCodeAt(i)];
  if (close === undefined) return -1;
  const end = lower.indexOf(String.fromCharCode(close), i + 1);
  if (end < 0 || end - i > 10) return -1;
  const inner = lower.slice(i + 1, end);
  return AT_WORDS.has(inner) || AT_BRACKETED.has(inner) || DOT_WORDS.has(inner) || inner === '.' ? end + 1 : -1;
}

/**
 * Finds the disguised "@" and "." markers (words, brackets, spaced symbols) and rewrites those
 * that sit inside an address or domain. Plain "@" and "." are never candidates (nothing to
 * rewrite), so ordinary text costs one scan; each candidate is judged from at most two starting
 * labels, so even a text made of markers stays linear.
 */
function atDotEdits(lower: string, atDotWords: readonly number[]): Edit[] {
  const n = lower.length;
  const cands: number[] = [...atDotWords];
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c !== 64 && c !== 46 && c !== 40 && c !== 91 && c !== 123 && c !== 60) continue;
    if (c === 64) { if ((i > 0 && lower.charCodeAt(i - 1) === 32) || lower.charCodeAt(i + 1) === 32) cands.push(i); } // " @", "@ "
    else if (c === 46) { if (i > 0 && lower.charCodeAt(i - 1) === 32 && lower.charCodeAt(i + 1) === 32) cands.push(i); } // " . "
    else if (bracketMarkerEnd(lower, i) > 0) cands.push(i); // ( [ { <
  }
  if (cands.length === 0) return [];
  cands.sort((x, y) => x - y);
  const edits: Edit[] = [];
  let doneUntil = 0;
  // Tokens of a window around the candidates rather than the whole text: one address in a long
  // review would otherwise build a token object for every word of it.
  let t: ATok[] = [];
  let windowEnd = -1;
  let k = 0;
  for (const p of cands) {
    if (p < doneUntil) continue;
    if (p + ADDR_AHEAD > windowEnd && windowEnd < n) {
      const from = wordStartAtOrBefore(lower, Math.max(0, p - ADDR_BEHIND));
      windowEnd = wordEndAtOrAfter(lower, Math.min(n, p + 2 * ADDR_AHEAD));
      t = addrTokens(lower, from, windowEnd);
      k = 0;
    }
    while (k < t.length && t[k]!.e <= p) k++;
    if (k >= t.length) break;
    // The label right before the marker, and the start of its dotted chain ("ivan.petrov").
    let first = k - 1;
    if (t[first]?.k === 's') first--;
    if (t[first]?.k !== 'w') continue;
    let chain = first;
    for (let steps = 0; steps < 4 && t[chain - 1]?.v === '.' && t[chain - 2]?.k === 'w'; steps++) chain -= 2;
    let done = false;
    for (const i of chain === first ? [first] : [chain, first]) {
      const r = collectAddress(t, i);
      // The longest prefix that is an address: "ivan at gmail dot com . call me" stops at "com".
      for (let len = r.labels.length; len >= 2 && !done; len--) {
        const labels = r.labels.slice(0, len);
        const last = labels[len - 1]!;
        if (last.e <= p) break;
        // A prefix that stops before a glued "." is cut out of a longer name ("insta @loja.da.bia"
        // is not "insta@loja.da"): only a spaced or disguised marker may end the address early.
        if (len < r.labels.length) {
          const after = r.at && r.at.from >= last.e && r.at.from < r.labels[len]!.s ? r.at : r.markers.find((m) => m.from >= last.e);
          if (after?.style === 'plain') continue;
        }
        const markers = r.markers.filter((m) => m.to <= last.s);
        const at = r.at && r.atIndex < len ? r.at : null;
        if (!judgeAddress(labels, markers, at, at ? r.atIndex : -1, t[i - 1]?.k === 's' && ADDRESS_CUES.has(t[i - 2]?.v ?? ''))) continue;
        for (const m of at ? [...markers, at] : markers) {
          if (m.style !== 'plain') edits.push({ start: m.from, end: m.to, out: m.kind, flag: FLAG['at-dot'] });
        }
        // Cyrillic spellings the judge read in Latin ("яндекс", "ру") are written in Latin too,
        // so the e-mail and link detectors see "ivan@yandex.ru" spanning the original words.
        for (let d = at ? r.atIndex : 0; d < len; d++) {
          const l = labels[d]!;
          const latin = d === len - 1 ? latinTld(l.v) : at ? latinName(l.v) : l.v;
          if (latin !== l.v) edits.push({ start: l.s, end: l.e, out: latin, flag: FLAG['at-dot'] });
        }
        doneUntil = last.e;
        done = true;
      }
      if (done) break;
    }
  }
  return edits;
}

const isDisguised = (m: Marker) => m.style === 'word' || m.style === 'bracket';
const PROSE_AT = new Set(emailWords.atProse);

function judgeAddress(labels: ATok[], dots: Marker[], at: Marker | null, atIndex: number, cueBefore = false): boolean {
  if (labels.length < 2) return false;
  if ((!at || at.style === 'plain') && dots.every((d) => d.style === 'plain')) return false; // nothing hidden
  const domain = at ? labels.slice(atIndex) : labels;
  const domainDots = at ? dots.filter((d) => d.from >= at.to) : dots;
  const localDots = at ? dots.filter((d) => d.to <= at.from) : [];
  const tld = latinTld(domain[domain.length - 1]!.v);
  // Provider names are read in Latin only after an "@": "яндекс точка ру" alone is no domain.
  if (domain.length < 2 || !domain.slice(0, -1).every((l) => LATIN_LABEL_RE.test(at ? latinName(l.v) : l.v))) return false;
  if (!at) {
    // Domain only ("shop dot ru", "site[.]com"): a disguised dot and a known TLD.
    if (!TLDS.has(tld) || !domainDots.some(isDisguised)) return false;
    const first = domain[0]!.v;
    return first.length >= 2 && !NOT_LOCAL.has(first);
  }
  if (!TLDS.has(tld) && !isCountryTld(tld)) return false;
  if (at.style !== 'word' || !PROSE_AT.has(at.value)) return true; // "@", "(at)", "собака", "arroba"...
  // Plain English " at " and French " chez " are everyday prose ("acheté chez amazon.fr"): demand
  // more evidence that an address is meant.
  const local = labels.slice(0, atIndex).map((l) => l.v);
  if (local.length === 1 && NOT_LOCAL.has(local[0]!)) return false;
  if (MAIL_PROVIDERS.has(latinName(domain[0]!.v)) || localDots.length > 0 || /[0-9_]/.test(local.join(''))) return true;
  // "videos at gadgetlab dot io" is a domain named after a preposition: the disguised dot hides a
  // site. A role name ("sales at shop dot co") or a cue before ("email john at shop dot co") makes
  // it an address.
  return domainDots.some(isDisguised) && (cueBefore || (local.length === 1 && ROLE_LOCALS.has(local[0]!)));
}

// ---------------------------------------------------------------------------------------------

export function normalize(original: string): Normalized {
  const a = stageA(original);
  const textA = a.n === original.length && a.identity ? original : a.text();
  const textB = stageB(a, textA) ? a.text() : textA;
  const lowerB = lowerSameLength(textB);
  const words = editWords(lowerB);
  const spelled = spelledDigitEdits(lowerB, words.toks, words.seps, words.labelEnds, textB);
  const edits = [...spelled, ...sepWordEdits(lowerB, words.seps, spelled), ...atDotEdits(lowerB, words.atDot), ...spacedAddressEdits(lowerB), ...spacedHandleEdits(lowerB), ...underscoreEdits(lowerB, words.unders)];
  const b = applyEdits(a, edits);
  if (b === a && a.identity && !a.changed) return new NormalizedText(original, original, null, null, null);
  const text = b === a ? textB : b.text();
  // Offsets into a text under 64 Ki units fit 16 bits: half the copy (submissions are far shorter).
  const narrow = original.length < 0x10000;
  const starts = narrow ? new Uint16Array(b.starts.subarray(0, b.n)) : b.starts.slice(0, b.n);
  const ends = narrow ? new Uint16Array(b.ends.subarray(0, b.n)) : b.ends.slice(0, b.n);
  return new NormalizedText(original, text, starts, ends, b.flags.slice(0, b.n));
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
const SEP_CODES = [' ', '\t', '-', '.', '/', '\\', '(', ')', '_', '*', '•', '·', '~', '|', '=', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2022', '\u00B7', '\u2219'].map((c) => c.charCodeAt(0));
const SEP_TABLE = new Uint8Array(0x2220);
for (const c of SEP_CODES) SEP_TABLE[c] = c === 32 || c === 9 ? 1 : 2; // 1 space, 2 mark
const MAX_SEP_UNITS = 6;
const MAX_SEP_MARKS = 3;

/** Emoji used as separators: 2 code units (astral pictographs) or 1 (dingbats, symbols). */
function emojiUnits(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c === 0xd83c || c === 0xd83d || c === 0xd83e) return 2;
  if ((c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff)) return 1;
  return 0;
}

/** Reads the separator run starting at k; returns its end or -1 when it cannot sit inside a number. */
function sepEnd(text: string, k: number): number {
  let units = 0;
  let marks = 0;
  let e = k;
  const n = text.length;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c >= 48 && c <= 57) break;
    const kind = c < 0x2220 ? SEP_TABLE[c]! : 0;
    if (kind) { e++; units++; if (kind === 2) marks++; }
    else {
      const em = emojiUnits(text, e);
      if (!em) return -1;
      e += em; units += em; marks++;
    }
    if (units > MAX_SEP_UNITS || marks > MAX_SEP_MARKS) return -1;
  }
  return e < n && e > k ? e : -1;
}

// One-entry memo: the detectors of one text ask in turn, synchronously. (A WeakMap costs more in
// garbage collection than scanning the text again.)
let clusterMemo: { norm: Normalized; clusters: DigitCluster[] } | null = null;

/** Candidate digit groups of a normalised text, in order. Linear; memoised per `norm`. */
export function digitClusters(norm: Normalized): DigitCluster[] {
  if (clusterMemo?.norm === norm) return clusterMemo.clusters;
  const text = norm.text;
  const out: DigitCluster[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 < 48 || c0 > 57) { i++; continue; }
    const groups: { start: number; end: number }[] = [];
    const seps: string[] = [];
    let k = i;
    for (;;) {
      const gs = k;
      while (k < n) { const c = text.charCodeAt(k); if (c < 48 || c > 57) break; k++; }
      groups.push({ start: gs, end: k });
      const se = k < n ? sepEnd(text, k) : -1;
      if (se < 0) break;
      seps.push(text.slice(k, se));
      k = se;
    }
    let digits = '';
    if (groups.length === 1) digits = text.slice(i, k);
    else for (const g of groups) digits += text.slice(g.start, g.end);
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
  clusterMemo = { norm, clusters: out };
  return out;
}

/** Groups [from, to] of a cluster as a cluster of its own (phone in a longer run, card after a date). */
export function subCluster(c: DigitCluster, from: number, to: number, text?: string): DigitCluster {
  if (from === 0 && to === c.groups.length - 1) return c;
  const groups = c.groups.slice(from, to + 1);
  // Keep an opening bracket that belongs to the first group: "(800) 443-1223" after another number.
  const openBracket = from > 0 && c.seps[from - 1]!.endsWith('(');
  let digits = '';
  if (text !== undefined) for (const g of groups) digits += text.slice(g.start, g.end);
  else digits = sliceDigits(c, from, to);
  return {
    start: from === 0 ? c.start : groups[0]!.start - (openBracket ? 1 : 0),
    end: groups[groups.length - 1]!.end,
    digits,
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
