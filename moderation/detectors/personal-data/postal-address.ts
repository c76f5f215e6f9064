import type { Normalized } from '../../types.js';
import type { ContextIndex } from './context.js';
import addressWords from '../../data/address-words.json';
import type { Found } from './bank-account.js';
import { digitClusters, isLetterCode } from '../../normalize.js';

/**
 * Street addresses in the seven languages: a street-type word, a capitalised street name and a
 * house number ("ул. Ленина, д. 5, кв. 12", "Rua das Flores, 123", "12 bis rue de la Paix",
 * "221B Baker Street"), extended over flat/floor parts and a following postcode and city.
 * A street without a house number ("пункт выдачи на улице Ленина") is a place, not an address.
 */

export const ADDRESS_CONFIDENCE = {
  /** street, number and a postcode or city */
  streetNumberLocality: 0.95,
  /** street, number and a flat/apartment part */
  streetNumberUnit: 0.93,
  /** street and number */
  streetNumber: 0.85,
  /** "P.O. Box 123", "а/я 45" */
  poBox: 0.85,
  /** street, postcode and city, the number elsewhere or left out ("rue Paul Bellamy, 44000 Nantes") */
  streetPostcode: 0.8,
} as const;

const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
const STREET_TYPES = lowerSet(Object.values(addressWords.streetTypes).flat());
const NUMBER_FIRST_TYPES = lowerSet(addressWords.numberFirst.flatMap((l) => (addressWords.streetTypes as Record<string, string[]>)[l] ?? []));
const NAME_FIRST_TYPES = lowerSet(addressWords.nameFirst.flatMap((l) => (addressWords.streetTypes as Record<string, string[]>)[l] ?? []));
const ADJECTIVE_ONLY_TYPES = lowerSet(addressWords.nameFirstAdjectiveOnly.types);
const ADJECTIVE_ENDINGS = addressWords.nameFirstAdjectiveOnly.endings;
const HOUSE_WORDS = lowerSet(addressWords.houseWords);
const UNIT_WORDS = lowerSet(addressWords.unitWords);
const NAME_JOINERS = lowerSet(addressWords.nameJoiners);
const HOUSE_SUFFIXES = lowerSet(addressWords.houseSuffixes);
const CITY_MARKERS = lowerSet(addressWords.cityMarkers);
const NOT_AFTER_NUMBER = lowerSet(addressWords.notAfterNumber);
const SHORT_AFTER_NUMBER = lowerSet(addressWords.shortTypesAfterNumber);
const SHORT_ENDING_NAME = lowerSet(addressWords.shortTypesEndingName);
const CAPITALISED_ONLY = lowerSet(addressWords.capitalisedOnlyTypes);
const COMPOUND_ENDINGS = addressWords.compoundStreetEndings;
const AFTER_NAME_WORDS = lowerSet(addressWords.streetWordsAfterName);
const NEEDS_LOCALITY = lowerSet(addressWords.typesNeedingLocality);

interface Tok { s: number; e: number; t: string; lt: string; k: 'w' | 'n' | 'p'; nl: boolean }

// Words (letters, inner hyphens/apostrophes), numbers with their letter/slash tails ("12/34", "5к2",
// "3º", "221B", "00-950"), and single punctuation marks.
const TOKEN_RE = /\p{L}[\p{L}\p{M}'’-]*|\d[\p{L}\p{N}/º°ª-]*|[^\s]/gu;
const HOUSE_NUMBER_RE = /^\d{1,4}(?:[a-zа-яіїє]{1,2}|\/\d{1,4}[a-zа-я]?|-\d{1,4}[a-zа-я]?|к\d{1,2}|º|ª)?$/iu;
const POSTCODE_RE = /^(?:\d{5}(?:-\d{3,4})?|\d{6}|\d{2}-\d{3}|\d{4}-\d{3})$/;
const UPPER_RE = /^\p{Lu}/u;
const ORDINAL_RE = /^\d{1,2}-?[а-яіїє]{1,2}$/u; // "2-я Тверская-Ямская ул."
const TITLE_RE = /^\p{Lu}\p{Ll}/u; // "Садовая", not "XL" ("XL ш. 50" is a width)
const STATE_RE = /^[A-Z]{2}$/;
const PICTOGRAPH_RE = /^[\p{Extended_Pictographic}\uFE0F]/u;

function tokenize(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(from, to);
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    // "вул. Канатна 🏠 64 🚪 кв. 5": pictographs between the parts decorate, like spaces.
    if (PICTOGRAPH_RE.test(t)) continue;
    const k = c >= 48 && c <= 57 ? 'n' : /\p{L}/u.test(t[0]!) ? 'w' : 'p';
    out.push({ s: from + m.index, e: from + m.index + t.length, t, lt: t.toLowerCase(), k, nl: slice.slice(last, m.index).includes('\n') });
    last = m.index + t.length;
  }
  return out;
}

const isPunct = (t: Tok | undefined, ch: string) => t?.k === 'p' && t.t === ch;

/** A street-type word at i; returns the index after it (and its dot/slash), or -1. */
function streetTypeAt(toks: Tok[], i: number): number {
  const t = toks[i];
  if (!t || t.k !== 'w' || !STREET_TYPES.has(t.lt)) return -1;
  if (CAPITALISED_ONLY.has(t.lt) && !UPPER_RE.test(t.t)) return -1;
  const dotted = isPunct(toks[i + 1], '.') || isPunct(toks[i + 1], '/');
  // "ul", "c", "av", "pl": too common as words; they count only as "ul." / "c/" / "Av."
  if (t.t.length <= 2 && !dotted) return -1;
  return dotted && !toks[i + 1]!.nl ? i + 2 : i + 1;
}

/** A street name of at most four words starting at i: capitalised, ordinal ("8 Марта", "1-я") or joiners. */
function nameAt(toks: Tok[], i: number): number {
  let k = i;
  // "de la Constitución", "das Flores": joiners may lead when a capitalised word follows.
  let lead = 0;
  while (lead < 2 && toks[k]?.k === 'w' && NAME_JOINERS.has(toks[k]!.lt) && !toks[k]!.nl) { k++; lead++; }
  if (lead && !(toks[k]?.k === 'w' && UPPER_RE.test(toks[k]!.t))) return -1;
  const first = toks[k];
  if (!first || first.nl) return -1;
  if (first.k === 'n') {
    // Ordinal street names: "8 Марта", "25 de Março", "1-я Тверская" — the number must be followed by a capitalised word.
    const next = toks[k + 1];
    if (!next || next.k !== 'w' || !(UPPER_RE.test(next.t) || NAME_JOINERS.has(next.lt))) return -1;
    k++;
  } else if (first.k !== 'w' || !UPPER_RE.test(first.t)) return -1;
  k++;
  for (let n = 0; n < 4; n++) {
    const t = toks[k];
    if (!t || t.nl || t.k !== 'w') break;
    if (UPPER_RE.test(t.t) || NAME_JOINERS.has(t.lt)) {
      if (STREET_TYPES.has(t.lt) && NUMBER_FIRST_TYPES.has(t.lt)) break; // "Baker Street" ends the name
      k++;
    } else break;
  }
  return k;
}

/**
 * A street name ending right before token i when the type follows it ("Большая Садовая ул."):
 * one or two title-case words on the same line, after an optional ordinal ("2-я"). Returns the
 * name's first token, or -1. Two words, not four: a capitalised word further back is as likely
 * the start of the sentence as part of the name.
 */
function nameBefore(toks: Tok[], i: number): number {
  let k = i;
  while (i - k < 2 && k > 0 && !toks[k]!.nl && toks[k - 1]!.k === 'w' && TITLE_RE.test(toks[k - 1]!.t)) k--;
  if (k === i) return -1;
  if (k > 0 && !toks[k]!.nl && toks[k - 1]!.k === 'n' && ORDINAL_RE.test(toks[k - 1]!.t)) k--;
  return k;
}

/** A label word of three letters or more ("Número", "Apto"; not "No", which opens sentences). */
function spelledLabel(t: Tok | undefined, words: Set<string>): boolean {
  return t !== undefined && t.k === 'w' && !t.nl && t.t.length >= 3 && words.has(t.lt);
}

/** House number at i (after an optional "д." / "nº" / ","); returns the index after it, or -1. */
function houseAt(toks: Tok[], i: number): number {
  let k = i;
  if (isPunct(toks[k], ',')) k++;
  // "Rua Doutor Arnaldo. Número 1450. Apto 32": a house word may open the next sentence.
  else if (isPunct(toks[k], '.') && spelledLabel(toks[k + 1], HOUSE_WORDS)) k++;
  if (toks[k]?.k === 'w' && HOUSE_WORDS.has(toks[k]!.lt)) { k++; if (isPunct(toks[k], '.')) k++; }
  else if (isPunct(toks[k], '#')) k++;
  const t = toks[k];
  if (!t || t.k !== 'n' || !HOUSE_NUMBER_RE.test(t.t) || t.nl) return -1;
  const after = toks[k + 1];
  if (after && after.k === 'w' && NOT_AFTER_NUMBER.has(after.lt)) return -1;
  if (after && after.k === 'p' && after.t === '%') return -1;
  return k + 1;
}

/** Flat, floor and building parts: ", кв. 12", " apt 4B", ", 3º B", " bis". */
function unitsAt(toks: Tok[], i: number): { end: number; found: boolean } {
  let k = i;
  let found = false;
  for (let n = 0; n < 4; n++) {
    let j = k;
    if (isPunct(toks[j], ',') || isPunct(toks[j], '-') || (isPunct(toks[j], '.') && spelledLabel(toks[j + 1], UNIT_WORDS))) j++;
    const t = toks[j];
    if (!t || t.nl) break;
    if (t.k === 'w' && UNIT_WORDS.has(t.lt)) {
      j++;
      if (isPunct(toks[j], '.')) j++;
      if (toks[j]?.k === 'n' || (toks[j]?.k === 'w' && toks[j]!.t.length <= 2 && UPPER_RE.test(toks[j]!.t))) { k = j + 1; found = true; continue; }
      if (t.lt === 'bis' || t.lt === 'ter' || t.lt === 'bajo' || t.lt === 'dcha' || t.lt === 'izq' || t.lt === 'izda') { k = j; found = true; continue; }
      break;
    }
    // Spanish floor "3º" (NFKC makes it "3o"), optionally with the door "B"; Catalan "2n 1a", "4t 3a".
    if (t.k === 'n' && /^\d{1,2}(?:[º°ªoa][A-Za-z]?|[nrt])$/.test(t.t)) {
      j++;
      if (toks[j]?.k === 'w' && toks[j]!.t.length === 1) j++;
      k = j; found = true; continue;
    }
    break;
  }
  return { end: k, found };
}

/** The town right after its postcode ("80331 München bitte"), on the same line: the index after it. */
function townAfter(toks: Tok[], k: number): number {
  return toks[k]?.k === 'w' && !toks[k]!.nl && UPPER_RE.test(toks[k]!.t) ? k + 1 : k;
}

// British "NW1 6XE", "SW1A 2AA" and Canadian "K1A 0B1" postcodes, upper case, as written on a label.
const UK_CA_POSTCODE_RE = /^(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)$/;

/**
 * A British or Canadian postcode starting at token j (the tokenizer cuts "NW1" into "NW" and "1"):
 * the index after it, or -1. Up to four tokens, glued or one space apart, on one line.
 */
function ukCaPostcodeAt(toks: Tok[], j: number): number {
  let str = '';
  let after = -1;
  for (let q = j; q < j + 4 && toks[q] && toks[q]!.k !== 'p'; q++) {
    if (q > j) {
      const gap = toks[q]!.s - toks[q - 1]!.e;
      if (gap > 1 || toks[q]!.nl) break;
      if (gap === 1) str += ' ';
    }
    str += toks[q]!.t;
    if (UK_CA_POSTCODE_RE.test(str)) after = q + 1;
  }
  return after;
}

/** Following ", 28013 Madrid", ", Springfield, IL 62704", ", г. Москва", ", London NW1 6XE": postcode/city segments. */
function localityAt(toks: Tok[], i: number): { end: number; found: boolean; postcode: boolean } {
  let k = i;
  let found = false;
  let postcode = false;
  // Up to four segments: "- Bela Vista, São Paulo - SP, 01310-200" (district, city, state, postcode).
  for (let n = 0; n < 4; n++) {
    let j = k;
    if (isPunct(toks[j], ',') || isPunct(toks[j], '-')) j++;
    // ". 35000 Rennes": a postcode may open the next sentence.
    else if (isPunct(toks[j], '.') && toks[j + 1]?.k === 'n' && POSTCODE_RE.test(toks[j + 1]!.t)) j++;
    const t = toks[j];
    if (!t || t.nl) break;
    // Dutch "1016 JH": four digits and two capitals.
    if (t.k === 'n' && /^\d{4}$/.test(t.t) && toks[j + 1]?.k === 'w' && /^[A-Z]{2}$/.test(toks[j + 1]!.t) && !toks[j + 1]!.nl) {
      k = townAfter(toks, j + 2);
      found = postcode = true;
      continue;
    }
    if (t.k === 'n' && POSTCODE_RE.test(t.t)) {
      k = townAfter(toks, j + 1);
      found = postcode = true;
      continue;
    }
    // Four-digit postcodes (Switzerland, Austria, Belgium, Denmark…) only with the town right after: "1234 Lausanne".
    if (t.k === 'n' && /^\d{4}$/.test(t.t) && townAfter(toks, j + 1) > j + 1) {
      k = townAfter(toks, j + 1);
      found = postcode = true;
      continue;
    }
    const ukCa = t.k === 'w' ? ukCaPostcodeAt(toks, j) : -1;
    if (ukCa > 0) { k = ukCa; found = postcode = true; continue; }
    if (t.k === 'w' && CITY_MARKERS.has(t.lt) && isPunct(toks[j + 1], '.') && toks[j + 2]?.k === 'w' && UPPER_RE.test(toks[j + 2]!.t)) { k = j + 3; found = true; continue; }
    if (t.k === 'w' && STATE_RE.test(t.t) && toks[j + 1]?.k === 'n' && POSTCODE_RE.test(toks[j + 1]!.t)) { k = j + 2; found = postcode = true; continue; }
    if (t.k === 'w' && UPPER_RE.test(t.t) && (j > k || found)) {
      // A capitalised place name after a comma, only when it ends the segment (", Madrid," / ", Madrid.")
      let e = j + 1;
      while (toks[e]?.k === 'w' && UPPER_RE.test(toks[e]!.t) && e - j < 3 && ukCaPostcodeAt(toks, e) < 0) e++;
      // "Montréal (Québec) H2H 1V4": the province in brackets after the town.
      if (isPunct(toks[e], '(') && toks[e + 1]?.k === 'w' && UPPER_RE.test(toks[e + 1]!.t) && isPunct(toks[e + 2], ')') && !toks[e + 1]!.nl) e += 3;
      const nx = toks[e];
      if (!nx || nx.nl || (nx.k === 'p' && (nx.t === ',' || nx.t === '.' || nx.t === '-' || nx.t === '!' || nx.t === '?' || nx.t === ')')) || (nx.k === 'n' && POSTCODE_RE.test(nx.t)) || (nx.k === 'w' && STATE_RE.test(nx.t)) || ukCaPostcodeAt(toks, e) > 0) {
        k = e; found = true; continue;
      }
    }
    break;
  }
  return { end: k, found, postcode };
}

function confidenceFor(unit: boolean, locality: boolean): number {
  return locality ? ADDRESS_CONFIDENCE.streetNumberLocality : unit ? ADDRESS_CONFIDENCE.streetNumberUnit : ADDRESS_CONFIDENCE.streetNumber;
}

/** A postcode (and city) written just before the street: "123456, г. Москва, ул. ...". */
const PRECEDING_LOCALITY_RE = /(?:(?:\d{6}|\d{5}|\d{2}-\d{3}),\s*(?:(?<!\p{L})(?:г|м|город|місто)\.\s*)?\p{Lu}[\p{L}-]{2,30},\s*|(?<!\p{L})(?:г|м|город|місто)\.\s*\p{Lu}[\p{L}-]{2,30},\s*)$/u;

// A word every P.O. box phrase contains, and how far before it the phrase may start ("абонентский ящик").
const POBOX_TRIGGERS = ['box', 'а/я', 'ящик', 'caixa', 'apartado', 'skrytka', 'boîte'];
const POBOX_LEAD = 'абонентский '.length;
const POBOX_RE = /(?<![\p{L}])(?:p\.?\s?o\.?\s?box|а\/я|абонентский ящик|caixa postal|apartado de correos|skrytka pocztowa|boîte postale)\s{0,2}(?:№|no\.?)?\s{0,2}\d{1,6}/giu;

// Every address is read from a street-type word ("ул.", "Rua", "Street"): tokens are built only
// around those, so text without one costs nothing here.
const ANCHOR_BEFORE = 48; // a number-first address starts at most this far before its street word
const ANCHOR_AFTER = 160;

export function findAddresses(norm: Normalized, ctx: ContextIndex): Found[] {
  const text = norm.text;
  const out: Found[] = [];
  let doneUntil = 0;
  const anchors = ctx.hits('street');
  // Many street words (a list of addresses, or hostile input): tokenize the text once instead of
  // around each of them, so overlapping windows are not read again and again.
  const all = anchors.length > 8 ? tokenize(text, 0, text.length) : null;
  let cursor = 0;
  for (const anchor of anchors) {
    if (anchor.s < doneUntil) continue;
    let toks: Tok[];
    let at: number;
    if (all) {
      while (cursor < all.length && all[cursor]!.s < anchor.s) cursor++;
      if (all[cursor]?.s !== anchor.s) continue;
      // Cut the shared tokens to what one address may use, never before the previous address.
      let lo = cursor;
      while (lo > 0 && all[lo - 1]!.s >= Math.max(doneUntil, anchor.s - ANCHOR_BEFORE)) lo--;
      let hi = cursor;
      while (hi < all.length && all[hi]!.e <= anchor.e + ANCHOR_AFTER) hi++;
      toks = all.slice(lo, hi);
      at = cursor - lo;
    } else {
      let from = Math.max(doneUntil, anchor.s - ANCHOR_BEFORE);
      while (from > doneUntil && from > anchor.s - ANCHOR_BEFORE - 16 && !/\s/.test(text[from - 1]!)) from--;
      toks = tokenize(text, from, Math.min(text.length, anchor.e + ANCHOR_AFTER));
      at = toks.findIndex((t) => t.s === anchor.s);
      if (at < 0) continue;
    }
    const f = matchAround(toks, at, text);
    if (f) { out.push(f); doneUntil = f.end; }
  }
  for (const f of findCompoundStreets(norm, out)) out.push(f);
  for (const f of findUntypedStreets(norm, ctx, out)) out.push(f);
  const lower = norm.lower;
  let first = -1;
  for (const t of POBOX_TRIGGERS) {
    const at = lower.indexOf(t);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first >= 0) {
    // No box starts more than POBOX_LEAD units before its trigger word: the pattern starts there.
    POBOX_RE.lastIndex = Math.max(0, first - POBOX_LEAD);
    for (let m = POBOX_RE.exec(text); m; m = POBOX_RE.exec(text)) {
      out.push({ start: m.index, end: m.index + m[0].length, claim: { type: 'personal_data.postal_address', confidence: ADDRESS_CONFIDENCE.poBox, subtype: 'po-box' } });
    }
  }
  return out;
}

// "на Городоцьку 135, квартира 9, Львів", "Kwiatowa 7 m. 12, 80-180 Gdańsk": no street type, but
// a capitalised name and a house number right before a flat's own word (the context index's
// 'flat' words), and the flat's number after it. Read back from each flat word, a bounded slice.
const NAME_HOUSE_BEFORE_RE = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]{2,}(?: \p{Lu}[\p{Ll}'’-]{2,})?,? \d{1,4}(?:[a-zа-яіїє]|\/\d{1,4})?,? $/u;
const FLAT_NUMBER_AFTER_RE = /^\.? ?\d{1,4}(?![\p{L}\p{N}])/u;
const UNTYPED_BEFORE = 48;

function findUntypedStreets(norm: Normalized, ctx: ContextIndex, found: readonly Found[]): Found[] {
  const flats = ctx.hits('flat');
  if (flats.length === 0) return [];
  const text = norm.text;
  const out: Found[] = [];
  for (const h of flats) {
    // "m" (mieszkanie) only with its dot: "13 m 2 lata" is metres or years.
    if (h.e - h.s === 1 && text[h.e] !== '.') continue;
    const from = Math.max(0, h.s - UNTYPED_BEFORE);
    const m = NAME_HOUSE_BEFORE_RE.exec(text.slice(from, h.s));
    const after = m && FLAT_NUMBER_AFTER_RE.exec(text.slice(h.e, h.e + 8));
    if (!m || !after) continue;
    const start = from + m.index;
    let end = h.e + after[0].length;
    if (found.some((f) => f.start < end && start < f.end) || out.some((f) => f.start < end && start < f.end)) continue;
    const toks = tokenize(text, end, Math.min(text.length, end + 80));
    const l = localityAt(toks, 0);
    if (l.found && l.end > 0) end = toks[l.end - 1]!.e;
    out.push({ start, end, claim: { type: 'personal_data.postal_address', confidence: l.found ? ADDRESS_CONFIDENCE.streetNumberUnit : ADDRESS_CONFIDENCE.streetNumber, subtype: 'street' } });
  }
  return out;
}

const isLetterAt = (s: string, i: number): boolean => i >= 0 && i < s.length && isLetterCode(s.charCodeAt(i));

/**
 * German and Dutch streets, whose type ends the name: "Hauptstraße 27, 10827 Berlin", "Berliner
 * Str. 5", "Prinsengracht 412". Such a street is always followed by its house number, so the
 * search starts from the digit runs (a handful per text) and looks at the word right before each.
 */
function findCompoundStreets(norm: Normalized, found: readonly Found[]): Found[] {
  const lower = norm.lower;
  const text = norm.text;
  const starts: number[] = [];
  for (const cl of digitClusters(norm)) {
    let e = cl.groups[0]!.start;
    // back over the space, and the dot of "Str."
    let gap = 0;
    while (e > 0 && gap < 3 && (lower[e - 1] === ' ' || lower[e - 1] === '.')) { e--; gap++; }
    if (gap === 0 || !isLetterAt(lower, e - 1)) continue;
    let s = e;
    while (s > 0 && e - s < 40 && isLetterAt(lower, s - 1)) s--;
    if (!UPPER_RE.test(text[s]!)) continue;
    const dotted = lower[e] === '.';
    if (COMPOUND_ENDINGS.some((end) => e - s >= end.length && lower.startsWith(end, e - end.length)) || (dotted && e - s === 3 && lower.startsWith('str', s))) starts.push(s);
  }
  const out: Found[] = [];
  let doneUntil = 0;
  for (const s of starts) {
    if (s < doneUntil || found.some((f) => f.start <= s && s < f.end)) continue;
    const from = Math.max(doneUntil, s - ANCHOR_BEFORE);
    const toks = tokenize(text, from, Math.min(text.length, s + ANCHOR_AFTER));
    const at = toks.findIndex((t) => t.s === s);
    if (at < 0) continue;
    const t = toks[at]!;
    let startTok = at;
    if (AFTER_NAME_WORDS.has(t.lt)) {
      // The type written apart needs the name before it ("Berliner Straße").
      startTok = nameBefore(toks, at);
      if (startTok < 0) continue;
    }
    let k = at + 1;
    if (isPunct(toks[k], '.')) k++;
    const afterHouse = houseAt(toks, k);
    if (afterHouse < 0) continue;
    const u = unitsAt(toks, afterHouse);
    const l = localityAt(toks, u.end);
    const f: Found = { start: toks[startTok]!.s, end: toks[l.end - 1]!.e, claim: { type: 'personal_data.postal_address', confidence: confidenceFor(u.found, l.found), subtype: 'street' } };
    out.push(f);
    doneUntil = f.end;
  }
  return out;
}

/** An address using the street word at token `at`: type-first from it, or number-first before it. */
function matchAround(toks: Tok[], at: number, text: string): Found | null {
  const make = (startTok: number, endTok: number, confidence: number): Found => {
    let start = toks[startTok]!.s;
    const before = text.slice(Math.max(0, start - 48), start);
    const pre = PRECEDING_LOCALITY_RE.exec(before);
    if (pre && !pre[0].includes('\n')) {
      start -= pre[0].length;
      confidence = Math.max(confidence, ADDRESS_CONFIDENCE.streetNumberLocality);
    }
    return { start, end: toks[endTok - 1]!.e, claim: { type: 'personal_data.postal_address', confidence, subtype: 'street' } };
  };
  // Number first: "221B Baker Street", "12 bis rue de la Paix", "1600 Pennsylvania Avenue NW"
  for (let i = Math.max(0, at - 7); i < at; i++) {
    const t = toks[i]!;
    if (t.k !== 'n' || !HOUSE_NUMBER_RE.test(t.t)) continue;
    let k = i + 1;
    if (isPunct(toks[k], ',')) k++;
    // "J'habite au 14. Rue des Lilas. Bâtiment B.": a dot after the number, a capitalised type next.
    else if (isPunct(toks[k], '.') && k + 1 === at && UPPER_RE.test(toks[at]!.t)) k++;
    // "12 bis rue", "12, bis rue", "15 bis, boulevard"
    if (toks[k]?.k === 'w' && HOUSE_SUFFIXES.has(toks[k]!.lt)) { k++; if (isPunct(toks[k], ',')) k++; }
    if (k === at && NUMBER_FIRST_TYPES.has(toks[k]!.lt)) {
      // French: the type comes before the name ("12 rue de la Paix"); after a house number a short
      // type needs no dot ("45 bis bd Voltaire")
      const typeEnd = SHORT_AFTER_NUMBER.has(toks[k]!.lt) && toks[k + 1]?.k === 'w' ? k + 1 : streetTypeAt(toks, k);
      const afterName = typeEnd > 0 ? nameAt(toks, typeEnd) : -1;
      if (afterName > 0) {
        const u = unitsAt(toks, afterName);
        const l = localityAt(toks, u.end);
        if (NEEDS_LOCALITY.has(toks[k]!.lt) && !u.found && !l.found) continue;
        return make(i, l.end, confidenceFor(u.found, l.found));
      }
    }
    const afterName = nameAt(toks, k);
    if (afterName === at && afterName - k <= 4 && NUMBER_FIRST_TYPES.has(toks[at]!.lt)) {
      // English: the type ends the name ("Baker Street", "Main St.", "Larkspur Ln" after a number)
      // (without its dot it must end the phrase, or a flat may follow: "Halsted St Apt 3B";
      // "5 Stars Dr Martens" is a brand)
      const next = toks[at + 1];
      const dotless = SHORT_ENDING_NAME.has(toks[at]!.lt) && !isPunct(next, '.') && (!next || next.nl || next.k === 'p' || (next.k === 'w' && UNIT_WORDS.has(next.lt)));
      const typeEnd = dotless ? at + 1 : streetTypeAt(toks, at);
      if (typeEnd > 0) {
        let k2 = typeEnd;
        if (toks[k2]?.k === 'w' && /^(?:N|S|E|W|NE|NW|SE|SW)$/.test(toks[k2]!.t)) k2++;
        const u = unitsAt(toks, k2);
        const l = localityAt(toks, u.end);
        return make(i, l.end, confidenceFor(u.found, l.found));
      }
    }
  }
  // Type first: "ул. Ленина, д. 5", "Calle Mayor 12", "Rua das Flores, 123"
  const afterType = streetTypeAt(toks, at);
  // A numbered street with the house after "#" (Colombia: "Calle 85 # 11-53", "Carrera 7 #45-10").
  if (afterType > 0 && toks[afterType]?.k === 'n' && !toks[afterType]!.nl && isPunct(toks[afterType + 1], '#')) {
    const afterHouse = houseAt(toks, afterType + 1);
    if (afterHouse > 0) {
      const u = unitsAt(toks, afterHouse);
      const l = localityAt(toks, u.end);
      return make(at, l.end, confidenceFor(u.found, l.found));
    }
  }
  if (afterType > 0) {
    const afterName = nameAt(toks, afterType);
    const afterHouse = afterName > 0 ? houseAt(toks, afterName) : -1;
    if (afterHouse > 0) {
      const u = unitsAt(toks, afterHouse);
      const l = localityAt(toks, u.end);
      // "на Оболонській набережній. Будинок 7": what read as a name after the type was the house
      // label; the street's name stands before a lower-case type (ru, uk), and goes with it.
      const label = toks[isPunct(toks[afterType], '.') ? afterType + 1 : afterType];
      const houseNext = label?.k === 'w' && HOUSE_WORDS.has(label.lt);
      const before = houseNext && NAME_FIRST_TYPES.has(toks[at]!.lt) && !UPPER_RE.test(toks[at]!.t) ? nameBefore(toks, at) : -1;
      return make(before >= 0 ? before : at, l.end, confidenceFor(u.found, l.found));
    }
  }
  // No house number, but a postcode and its town right after the street: "C'est rue Paul
  // Bellamy, 44000 Nantes" (the number a sentence before, or left out). A street alone is a place;
  // with its postcode it is where someone lives.
  if (afterType > 0 && UPPER_RE.test(toks[afterType]?.t ?? '')) {
    const afterName = nameAt(toks, afterType);
    const l = afterName > 0 ? localityAt(toks, afterName) : undefined;
    if (l?.postcode) return make(at, l.end, ADDRESS_CONFIDENCE.streetPostcode);
  }
  // Name first (ru, uk): "Невский пр., д. 28", "Садовая ул., 5-12". Written after a name the type
  // is lower case, so a brand ("Куртка Проспект, 48") is not one; and the number must end its
  // phrase, so a count ("на Невском проспекте, 28 отзывов") is no house.
  const type = toks[at]!;
  if (afterType > 0 && NAME_FIRST_TYPES.has(type.lt) && !UPPER_RE.test(type.t)) {
    let nameStart = nameBefore(toks, at);
    // "Ручки пр. 5" is "and so on": an ambiguous abbreviation needs an adjective ("Невский пр.").
    const last = toks[at - 1]!;
    if (ADJECTIVE_ONLY_TYPES.has(type.lt) && !ADJECTIVE_ENDINGS.some((e) => last.lt.endsWith(e))) nameStart = -1;
    const afterHouse = nameStart >= 0 ? houseAt(toks, afterType) : -1;
    const next = afterHouse > 0 ? toks[afterHouse] : undefined;
    const endsPhrase = !next || next.nl || next.k !== 'w' || UPPER_RE.test(next.t) || UNIT_WORDS.has(next.lt);
    if (afterHouse > 0 && endsPhrase) {
      const u = unitsAt(toks, afterHouse);
      const l = localityAt(toks, u.end);
      return make(nameStart, l.end, confidenceFor(u.found, l.found));
    }
  }
  return null;
}
