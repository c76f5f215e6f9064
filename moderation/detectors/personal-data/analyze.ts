import type { DetectorInput, TextFinding } from '../../types.js';
import { digitClusters, subCluster, type DigitCluster } from '../../normalize.js';
import { contextIndex } from './context.js';
import { type Claim, type NumberCtx, type Window, bracketClosedAfter, insideIbanShape, letterTouches, looksLikeAmount, looksLikeDate, near } from './numbers.js';
import { scorePhone } from './phone.js';
import { cardTailEnd, scoreCard } from './payment-card.js';
import { findIbans, scoreBankDigits, type Found } from './bank-account.js';
import { findAlnumIds, findMrz, GOV_ID_CONFIDENCE, scoreNumericId } from './government-id.js';
import { findEmails } from './email.js';
import { findAddresses } from './postal-address.js';
import { eanValid } from './checksums.js';
import { gapSays, partGap, PARTS_MIN_DIGITS, REST_WORDS, THEN_WORDS } from './parts.js';

/**
 * One pass over a text for all six personal-data types, shared by the six detectors (each
 * returns its own type from it). Sharing matters for digits: the same window can read as a
 * phone, a card, an account or an ID, and only the strongest claim may win — otherwise
 * "89161234567" would be reported as a phone and a PESEL.
 */

export const DETECTOR_NAME = 'personal-data';

/** Claims under this are not reported: policy redacts every reported span, so only report what we believe. */
const REPORT_MIN = 0.5;
/** Window limits: the longest national account (PL NRB) has 26 digits; 12 groups covers spaced-out phones. */
const MAX_WINDOW_DIGITS = 26;
const MAX_WINDOW_GROUPS = 12;
/** Clusters with more groups than this are adversarial or tables; only phone-length windows are tried. */
const MAX_FULL_ENUM_GROUPS = 24;
/** No digit-based type is shorter than this ("conta 12345-6"); prices and sizes stop here. */
const MIN_CLUSTER_DIGITS = 6;
/** Windows per text that may try other regions with libphonenumber (a few dozen parses of ~10 µs each). */
const FALLBACK_PARSE_BUDGET = 16;
/**
 * Sub-windows tried per text. A review has a handful; a text with thousands of digit groups is a
 * table or an attack, and stops being searched for more numbers past this (it is long spam anyway).
 */
const WINDOW_BUDGET = 2000;
/** A digit claim inside an address span survives only at this confidence (a phone on a parcel label). */
const INSIDE_ADDRESS_MIN = 0.9;

const DIGIT_SCORERS: readonly ((w: Window, c: NumberCtx) => Claim | null)[] = [scoreCard, scoreNumericId, scoreBankDigits, scorePhone];

interface Candidate extends Found { order: number }

// One-entry memo: the six detectors of one text call in turn (a WeakMap would cost more in GC).
let memo: { norm: DetectorInput['norm']; key: string; findings: TextFinding[] } | null = null;

export function analyzePersonalData(input: DetectorInput): TextFinding[] {
  const key = `${input.lang}|${input.region ?? ''}`;
  if (memo && memo.norm === input.norm && memo.key === key) return memo.findings;
  const findings = run(input);
  memo = { norm: input.norm, key, findings };
  return findings;
}

function run(input: DetectorInput): TextFinding[] {
  const norm = input.norm;
  const text = norm.text;
  const hasDigit = /\d/.test(text);
  const emails = findEmails(norm);
  const found: Found[] = [...emails];
  if (hasDigit) {
    const c: NumberCtx = { input, norm, ctx: contextIndex(norm), budget: { fallbackParses: FALLBACK_PARSE_BUDGET, windows: WINDOW_BUDGET }, explained: [] };
    // Spans found by their own patterns first: digits inside them (a house number, the tail of an
    // IBAN) end a digit run, so "д. 5 8 916 ..." and "DE89 ... 00 8 916 ..." still yield the phone.
    const own = [...findAddresses(norm, c.ctx), ...findMrz(c), ...findIbans(text, c)];
    explain(c, own, emails); // alphanumeric IDs already see these as boundaries of their labels
    own.push(...findAlnumIds(c));
    explain(c, own, emails);
    found.push(...own);
    let prev: DigitCluster | null = null;
    let prevClaimed = true;
    const clusters = digitClusters(norm);
    // Clusters that read as a number of their own: no part of a number given in parts.
    const whole: boolean[] = [];
    for (const cl of clusters) {
      const claims = cl.digits.length >= MIN_CLUSTER_DIGITS ? clusterClaims(unexplainedTail(cl, c, text), c) : [];
      found.push(...claims);
      if (claims.length) explainCopies(c, claims, cl.end);
      whole.push(claims.length > 0);
      if (prev && !(prevClaimed && claims.length > 0)) {
        const joined = acrossLineBreak(prev, cl, c) ?? cardInParts(prev, cl, c);
        if (joined) { found.push(joined); prevClaimed = true; prev = cl; continue; }
      }
      prev = cl;
      prevClaimed = claims.length > 0;
    }
    for (let k = 0; k + 1 < clusters.length; k++) {
      if (whole[k] || whole[k + 1]) continue;
      const joined = numberInParts(clusters, k, c, whole);
      if (joined) found.push(joined);
    }
  }
  const cands: Candidate[] = [];
  for (const f of found) {
    if (f.claim.confidence < REPORT_MIN) continue;
    f.end = closingBracketEnd(text, f.start, f.end);
    cands.push(Object.assign({}, f, { order: cands.length })); // a spread per finding took V8's slow path
  }
  trimGluedEmails(text, cands);
  const kept = resolve(cands);
  for (const f of kept) if (f.claim.type === 'personal_data.payment_card') f.end = cardTailEnd(text, f.end);
  const out: TextFinding[] = [];
  for (const f of [...kept, ...repeats(norm, kept)].sort(byStart)) out.push(toFinding(input, f));
  if (out.length > 1) out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/**
 * An e-mail address whose local part the normaliser glued to the end of another number ("…0130
 * 00 . ivan at gmail dot com" reads "00.ivan@gmail.com") starts after that number, so the two do
 * not overlap and neither is lost to the other (a second pass over the redacted text would find it).
 */
function trimGluedEmails(text: string, cands: Candidate[]): void {
  for (const e of cands) {
    if (e.claim.type !== 'personal_data.email') continue;
    const at = text.indexOf('@', e.start);
    if (at < 0 || at >= e.end) continue;
    for (const o of cands) {
      if (o === e || o.claim.type === 'personal_data.email' || !(o.start <= e.start && o.end > e.start && o.end < at)) continue;
      let s = o.end;
      while (s < at && GLUE_CHARS.includes(text[s]!)) s++;
      if (s < at) e.start = s;
    }
  }
}
const GLUE_CHARS = '. -_';

/**
 * A number found is redacted wherever it is written again (repeats); a later copy that starts a
 * run of digits ("8 916 123 45 67 123.456.789-09") is explained before that run is read, so the
 * rest of the run is read as if the copy were already gone: what a second pass over the redacted
 * text would find, found in the first.
 */
function explainCopies(c: NumberCtx, claims: Found[], from: number): void {
  const text = c.norm.text;
  const copies: Found[] = [];
  for (const f of claims) {
    const value = text.slice(f.start, f.end);
    if (value.length < MIN_CLUSTER_DIGITS || f.claim.confidence < REPORT_MIN) continue;
    for (let at = text.indexOf(value, from); at >= 0 && c.explained.length + copies.length < MAX_EXPLAINED; at = text.indexOf(value, at + value.length)) {
      copies.push({ start: at, end: at + value.length, claim: f.claim });
    }
  }
  if (copies.length) {
    c.explained = [...c.explained, ...copies].sort(byStart);
    c.bounds = undefined;
  }
}
/** Spans a text may explain before its digit runs are read: bounds the copies a flood of one number adds. */
const MAX_EXPLAINED = 500;

/** Records the spans found so far: digits inside them end a run, and labels stop at them. */
function explain(c: NumberCtx, ...lists: Found[][]): void {
  c.explained = lists.flat().filter((f) => f.claim.confidence >= REPORT_MIN).sort(byStart);
  c.bounds = undefined;
}

// ---------------------------------------------------------------------------------------------

function windowOf(cl: DigitCluster, text: string): Window {
  return {
    digits: cl.digits, plus: cl.plus, start: cl.start, end: cl.end,
    groups: cl.groups.map((g) => g.end - g.start), seps: cl.seps, text: text.slice(cl.start, cl.end), cluster: cl,
  };
}

function best(w: Window, c: NumberCtx): Claim | null {
  let top: Claim | null = null;
  for (const score of DIGIT_SCORERS) {
    const claim = score(w, c);
    if (claim && claim.confidence > (top?.confidence ?? 0)) top = claim;
  }
  return top;
}

// A single mark with a space on each side, inside a number spelled out digit by digit.
const SPACED_MARK_RE = /^\s[-.–/]\s$/;
// A separator that usually sits between two numbers rather than inside one.
const STRONG_SEP_RE = /\s[-–—/|~]\s|--|\s{2,}|[\u{1F000}-\u{1FAFF}\u2600-\u27BF]/u;

/** Claims on one cluster: the whole run if it reads as one number, else its best sub-windows. */
function clusterClaims(cl: DigitCluster, c: NumberCtx): Found[] {
  const text = c.norm.text;
  const out: Found[] = [];
  if (insideIbanShape(text, cl.start)) return out;
  // Split at separators that mark two numbers ("... 45 67 🔥 8 800 ...", "650-253-4561 -- 455-...").
  const segments: [number, number][] = [];
  let from = 0;
  // A number spelled out digit by digit ("3 0 5 . 9 8 2 . 6 7 2 - 2 0") puts spaces around every
  // mark: there " - " is part of the disguise, not a gap between two numbers.
  const spacedOut = cl.groups.length >= 6 && cl.groups.every((g) => g.end - g.start === 1);
  for (let k = 0; k < cl.seps.length; k++) if (STRONG_SEP_RE.test(cl.seps[k]!) && !(spacedOut && SPACED_MARK_RE.test(cl.seps[k]!))) { segments.push([from, k]); from = k + 1; }
  segments.push([from, cl.groups.length - 1]);
  // Digits glued to letters ("AL47 2121 ...", "SM-G991B 128") belong to a code: never split it up.
  const glued = letterTouches(text, cl.start, cl.end).before;
  if (segments.length === 1 || glued) {
    const whole = cl.digits.length <= MAX_WINDOW_DIGITS ? best(windowOf(cl, text), c) : null;
    if (whole) return [{ start: cl.start, end: cl.end, claim: whole }];
    return glued ? [] : subWindows(cl, c);
  }
  // Segments that claim nothing on their own may still be one number split by emoji or dashes
  // ("8🔥916🔥123🔥45🔥67"): each run of such segments is tried as a whole.
  let runStart = -1;
  const flushRun = (endSeg: number) => {
    if (runStart < 0) return;
    const a = segments[runStart]![0];
    const b = segments[endSeg]![1];
    if (endSeg > runStart) {
      const run = subCluster(cl, a, b, text);
      const claim = run.digits.length <= MAX_WINDOW_DIGITS ? best(windowOf(run, text), c) : null;
      if (claim) out.push({ start: run.start, end: run.end, claim });
    }
    runStart = -1;
  };
  for (let k = 0; k < segments.length; k++) {
    const [a, b] = segments[k]!;
    const seg = subCluster(cl, a, b, text);
    const segClaim = seg.digits.length <= MAX_WINDOW_DIGITS ? best(windowOf(seg, text), c) : null;
    const claims = segClaim ? [{ start: seg.start, end: seg.end, claim: segClaim }] : subWindows(seg, c);
    if (claims.length) { flushRun(k - 1); out.push(...claims); continue; }
    if (runStart < 0) runStart = k;
  }
  flushRun(segments.length - 1);
  return out;
}

// A line break inside a number, with at most a separator mark and spaces around it.
const LINE_SPLIT_RE = /^[ .\-/]?[ \t]*\r?\n[ \t]*$/;
// Bank claims that rest on a check digit or a fixed structure, not on a bank word alone.
const CHECKED_BANK = new Set(['pl-nrb', 'ru-account', 'es-ccc', 'pt-nib', 'fr-rib']);

/**
 * A number cut by a line break ("4276 3894⏎1857 3008"): two neighbouring clusters, at most one
 * of which claims something alone (a card's last eight digits can pass for a short phone),
 * joined across the break. Asked of the checksummed types; of a phone only when the first line
 * ends in a mark glued to its digits ("(31) 99482-⏎6137"), which says the number goes on. A
 * phone has no check digit, and the numbers ending one line and starting the next make a
 * phone-shaped run too easily by chance.
 */
function acrossLineBreak(a: DigitCluster, b: DigitCluster, c: NumberCtx): Found | null {
  const text = c.norm.text;
  const gap = text.slice(a.end, b.start);
  if (!LINE_SPLIT_RE.test(gap) || b.plus) return null;
  if (explainedBy(c.explained, a.groups[a.groups.length - 1]!) || explainedBy(c.explained, b.groups[0]!)) return null;
  const digits = a.digits + b.digits;
  const goesOn = CONTINUED_RE.test(gap);
  if (digits.length < (goesOn ? MIN_CLUSTER_DIGITS : 13) || digits.length > MAX_WINDOW_DIGITS) return null;
  const joined = joinClusters(a, b, gap);
  const w = windowOf(joined, text);
  const card = scoreCard(w, c);
  const bank = card ? null : scoreBankDigits(w, c);
  const claim = card ?? (bank && CHECKED_BANK.has(bank.subtype) ? bank : null) ?? (goesOn ? scorePhone(w, c) : null);
  return claim ? { start: joined.start, end: joined.end, claim } : null;
}

/** Two clusters read as one number, the gap between them as one separator. */
function joinClusters(a: DigitCluster, b: DigitCluster, gap: string): DigitCluster {
  return { start: a.start, end: b.end, digits: a.digits + b.digits, groups: [...a.groups, ...b.groups], seps: [...a.seps, gap, ...b.seps], plus: a.plus };
}

// A few words between two parts of one number, on one line.
const PARTS_GAP_RE = /^[^\d\n]{2,24}$/u;

/**
 * A card number given in two parts with a few words between ("first digits 5375 4160. The rest
 * 8217 3943"): joined only when the whole passes Luhn with an issuer's prefix and a card word
 * stands near. The span covers the words between, which go with the number.
 */
function cardInParts(a: DigitCluster, b: DigitCluster, c: NumberCtx): Found | null {
  const text = c.norm.text;
  const gap = text.slice(a.end, b.start);
  if (b.plus || !PARTS_GAP_RE.test(gap) || a.digits.length < 4 || b.digits.length < 4) return null;
  const n = a.digits.length + b.digits.length;
  if (n < 13 || n > 19) return null;
  const joined = joinClusters(a, b, gap);
  const w = windowOf(joined, text);
  if (!near(c, w, 'card')) return null;
  const claim = scoreCard(w, c);
  return claim ? { start: joined.start, end: joined.end, claim } : null;
}

/** "(+7 916 123-45-67)": a window that took the opening bracket takes the closing one right after it, so redaction leaves none behind. */
function closingBracketEnd(text: string, start: number, end: number): number {
  return bracketClosedAfter(text, start, end) ? end + 1 : end;
}

/** The gap of a number parted by a "then" word alone: punctuation, the word, at most one short word more. */
const THEN_GAP_RE = /^[.,:;]? ?\p{L}+(?: \p{L}{1,4})?,? ?$/u;

/** May the characters between two clusters part one number (parts.ts), the second without a "+"? */
function clustersParted(text: string, a: DigitCluster, b: DigitCluster): boolean {
  return !b.plus && partGap(text, a.end, b.start);
}

/**
 * A number given in parts with words that say so: "first part is 527 663. Rest is 926", "empieza
 * con 11 5237 y termina en 8841", "zaczyna się na 603, potem 218, a na końcu 774": two clusters
 * with a `rest` or `then` word between, or three with a `then` (or `rest`) word and then a `rest` word. The
 * whole must pass a scorer on its own terms (a phone's region and context, an ID's checksum, a
 * card's Luhn and card word); the span covers the words between, which go with the number.
 */
function numberInParts(clusters: DigitCluster[], k: number, c: NumberCtx, whole: readonly boolean[]): Found | null {
  const { text, lower } = c.norm;
  const a = clusters[k]!;
  const b = clusters[k + 1]!;
  if (!clustersParted(text, a, b)) return null;
  const rest1 = gapSays(lower, a.end, b.start, REST_WORDS);
  const then1 = !rest1 && gapSays(lower, a.end, b.start, THEN_WORDS);
  const d = whole[k + 2] ? undefined : clusters[k + 2];
  const three = d !== undefined && clustersParted(text, b, d) && gapSays(lower, b.end, d.start, REST_WORDS) && (rest1 || then1);
  // "c'est le 07 81 puis 46 20 93": a `then` word may end a number in two parts too.
  if (!rest1 && !three && !then1) return null;
  // A "then" alone joins two parts only right after it ("07 81 puis 46 20 93", "890412. Потом ещё
  // 301547") and with a phone or ID word near: "612 unidades y luego 345 678" are two counts.
  const thenOnly = !rest1 && !three;
  if (thenOnly && !THEN_GAP_RE.test(lower.slice(a.end, b.start))) return null;
  const ab = joinClusters(a, b, text.slice(a.end, b.start));
  const joined = three ? joinClusters(ab, d, text.slice(b.end, d.start)) : ab;
  if (joined.digits.length < PARTS_MIN_DIGITS || joined.digits.length > MAX_WINDOW_DIGITS) return null;
  const win = windowOf(joined, text);
  const claim = best(win, c);
  if (!claim) return null;
  // Named: a phone word near, or an ID its own word names (the scorer's context confidence).
  if (thenOnly && !near(c, win, 'phone') && !near(c, win, 'phoneNumberWord') && !(claim.type === 'personal_data.government_id' && claim.confidence >= GOV_ID_CONFIDENCE.checksumContext)) return null;
  return { start: joined.start, end: joined.end, claim };
}

// "99482-⏎6137": a dash or dot right after the digits, then the break.
const CONTINUED_RE = /^[-.]/;

// A separator that can end one number and start the next: brackets ("7777 (800)") or more than one character.
const SOFT_BREAK_RE = /[()]|^.{2,}$/su;

/**
 * Sub-windows of a segment, left to right (two phones in a row, a date then a phone). A window
 * may start inside the segment only where something explains what comes before it — a bracket
 * or wide separator, a date, or another claimed window — so "2001 5067 8901 2" stays one number
 * and does not yield the phone "5067 8901 2".
 */
function subWindows(seg: DigitCluster, c: NumberCtx): Found[] {
  const text = c.norm.text;
  const n = seg.groups.length;
  if (n < 2) return [];
  // Evenly grouped runs ("6011 2345 6789 0124") are one number written in blocks.
  const lens = seg.groups.map((g) => g.end - g.start);
  if (n >= 3 && seg.digits.length <= 19 && lens.every((l) => l === lens[0]) && lens[0]! >= 3) return [];
  // A barcode or ISBN-13 written in parts ("978-84-376-0494-7") is one number.
  if (!seg.plus && (seg.digits.length === 13 || seg.digits.length === 12) && seg.seps.every((x) => x === '-') && eanValid(seg.digits)) return [];
  const limited = n > MAX_FULL_ENUM_GROUPS;
  const found: Found[] = [];
  const claimedEnd = new Set<number>();
  let lastEnd = -1;
  for (let a = 0; a < n; a++) {
    if (a > 0 && !claimedEnd.has(a - 1) && !SOFT_BREAK_RE.test(seg.seps[a - 1]!) && !explainedBy(c.explained, seg.groups[a - 1]!) && !(a - lastEnd <= 5 && prefixIsDateOrAmount(seg, lastEnd + 1, a, text))) continue;
    let digits = 0;
    for (let b = a; b < n && b - a < MAX_WINDOW_GROUPS; b++) {
      digits += lens[b]!;
      if (digits > MAX_WINDOW_DIGITS) break;
      if (digits < 7 || (a === 0 && b === n - 1)) continue;
      if (limited && digits < 10) continue;
      if (c.budget.windows-- <= 0) return found;
      const sub = subCluster(seg, a, b, text);
      const claim = best(windowOf(sub, text), c);
      if (claim) { found.push({ start: sub.start, end: sub.end, claim }); claimedEnd.add(b); lastEnd = Math.max(lastEnd, b); }
    }
  }
  return found;
}

/** "12.05.2023 8916...", "$20 415-666-7777": the groups [from, a) before a window are a date or a price. */
function prefixIsDateOrAmount(seg: DigitCluster, from: number, a: number, text: string): boolean {
  if (from >= a) return false;
  const prefix = subCluster(seg, from, a - 1, text);
  return looksLikeDate(windowOf(prefix, text)) || looksLikeAmount(text, prefix.start, prefix.end);
}

/** The cluster without its leading groups that lie inside an already found span. */
function unexplainedTail(cl: DigitCluster, c: NumberCtx, text: string): DigitCluster {
  let k = 0;
  while (k < cl.groups.length && explainedBy(c.explained, cl.groups[k]!)) k++;
  return k === 0 || k === cl.groups.length ? cl : subCluster(cl, k, cl.groups.length - 1, text);
}

/** Does an already found span (an address, an IBAN) cover this digit group? */
function explainedBy(spans: readonly { start: number; end: number }[], g: { start: number; end: number }): boolean {
  // spans are sorted by start: look at the few that start at or before the group
  let lo = 0, hi = spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid]!.start <= g.start) lo = mid + 1; else hi = mid; }
  for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (g.end <= spans[k]!.end) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------

/**
 * Overlapping claims: the most confident wins, then the longer, then the earlier. Addresses may
 * overlap other types (a house number is not a phone, but a parcel label can hold both).
 */
function resolve(cands: Candidate[]): Candidate[] {
  // A postcode or house number inside an address is part of it, not a phone of its own.
  const addresses = cands.filter((f) => f.claim.type === 'personal_data.postal_address').sort(byStart);
  const kept: Candidate[] = [];
  const keptOther = new IntervalSet();
  const keptAddr = new IntervalSet();
  const sorted = cands.filter((f) => !insideAddress(f, addresses)).sort((x, y) => y.claim.confidence - x.claim.confidence || (y.end - y.start) - (x.end - x.start) || x.order - y.order);
  for (const f of sorted) {
    const set = f.claim.type === 'personal_data.postal_address' ? keptAddr : keptOther;
    if (set.overlaps(f.start, f.end)) continue;
    set.add(f.start, f.end);
    kept.push(f);
  }
  return kept.sort(byStart);
}

/** Distinct values searched for repeats per text (each search is one pass over the text). */
const MAX_REPEAT_VALUES = 32;

/**
 * Once a value is found, every other copy of it is personal data too, whatever its neighbours
 * say: "8 916 123 45 67, my card 8 916 123 45 67" must not keep the second copy. Copies are the
 * same normalised text, or a digit run with the same digits ("89161234567").
 */
function repeats(norm: DetectorInput['norm'], kept: Candidate[]): Found[] {
  if (kept.length === 0) return [];
  const text = norm.text;
  const covered = new IntervalSet();
  for (const f of kept) covered.add(f.start, f.end);
  const out: Found[] = [];
  const seen = new Set<string>();
  const byDigits = new Map<string, Claim>();
  for (const f of kept) {
    if (seen.size >= MAX_REPEAT_VALUES) break;
    const value = text.slice(f.start, f.end);
    if (value.length < 6 || seen.has(value)) continue;
    seen.add(value);
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      if (!covered.overlaps(at, at + value.length)) { covered.add(at, at + value.length); out.push({ start: at, end: at + value.length, claim: f.claim }); }
    }
    const digits = value.replace(/\D/g, '');
    if (digits.length >= 7 && f.claim.type !== 'personal_data.postal_address') byDigits.set(digits, f.claim);
  }
  if (byDigits.size) {
    for (const cl of digitClusters(norm)) {
      const claim = byDigits.get(cl.digits);
      if (claim && !covered.overlaps(cl.start, cl.end)) { covered.add(cl.start, cl.end); out.push({ start: cl.start, end: cl.end, claim }); }
    }
  }
  if (norm.original !== text) out.push(...originalRepeats(norm, kept, out));
  return out;
}

/**
 * Copies the normalised text hides: a copy glued to a word of another script ("starул. Ленина")
 * is folded with that word's script, so it no longer reads like the value it repeats. The
 * submitted text still does: search it for each value as submitted.
 */
function originalRepeats(norm: DetectorInput['norm'], kept: Candidate[], found: Found[]): Found[] {
  const original = norm.original;
  const covered = new IntervalSet();
  const spans = [...kept, ...found].map((f) => norm.toOriginal(f.start, f.end));
  for (const o of spans) if (!covered.overlaps(o.start, o.end)) covered.add(o.start, o.end);
  const out: Found[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < kept.length && seen.size < MAX_REPEAT_VALUES; k++) {
    const value = original.slice(spans[k]!.start, spans[k]!.end);
    if (value.length < 6 || seen.has(value)) continue;
    seen.add(value);
    for (let at = original.indexOf(value); at >= 0; at = original.indexOf(value, at + 1)) {
      if (covered.overlaps(at, at + value.length)) continue;
      covered.add(at, at + value.length);
      out.push({ start: -1, end: -1, claim: kept[k]!.claim, original: { start: at, end: at + value.length } });
    }
  }
  return out;
}

function byStart(x: { start: number }, y: { start: number }): number {
  return x.start - y.start;
}

/** Disjoint intervals kept sorted; overlap test and insert by binary search (many findings stay fast). */
class IntervalSet {
  private starts: number[] = [];
  private ends: number[] = [];
  private index(pos: number): number {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid]! < pos) lo = mid + 1; else hi = mid; }
    return lo;
  }
  overlaps(s: number, e: number): boolean {
    const k = this.index(s);
    return (k < this.starts.length && this.starts[k]! < e) || (k > 0 && this.ends[k - 1]! > s);
  }
  add(s: number, e: number): void {
    const k = this.index(s);
    this.starts.splice(k, 0, s);
    this.ends.splice(k, 0, e);
  }
}

/** Is f inside one of the (start-sorted) addresses? Binary search for the last address starting at or before f. */
function insideAddress(f: Candidate, addresses: Candidate[]): boolean {
  if (f.claim.type === 'personal_data.postal_address' || f.claim.confidence >= INSIDE_ADDRESS_MIN || addresses.length === 0) return false;
  let lo = 0, hi = addresses.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (addresses[mid]!.start <= f.start) lo = mid + 1; else hi = mid; }
  // Addresses do not overlap each other much; look at the few that start before f.
  for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (f.end <= addresses[k]!.end) return true;
  return false;
}

function toFinding(input: DetectorInput, f: Found): TextFinding {
  const span = f.original ?? input.norm.toOriginal(f.start, f.end);
  const disguises = f.original ? [] : [...input.norm.disguises(f.start, f.end)];
  return {
    type: f.claim.type,
    detector: DETECTOR_NAME,
    confidence: f.claim.confidence,
    span,
    evidence: { subtype: f.claim.subtype, ...(disguises.length ? { signals: disguises } : {}) },
  };
}
