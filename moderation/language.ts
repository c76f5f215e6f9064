import { LANGS, type Lang } from './types.js';
import langWords from './data/lang-words.json';
import { isDigitCode, scanWords, WordLookup } from './normalize.js';
import placeholders from './data/placeholders.json';
import { escapeRegExp } from './escape-regexp.js';

/**
 * Which of our seven languages a review is in, and which region its phone numbers probably use.
 *
 * Why not `eld`: its smallest database is 0.95 MB of JavaScript (280 KB gzipped), takes about
 * 0.4 s and 36 MB of heap to load, which would triple the worker bundle and eat most of a cold
 * start. We only need to tell seven languages apart, so distinctive letters (і/ї/є/ґ, ы/э/ъ,
 * ñ, ã/õ, ą/ł/ż) plus a few dozen function words per language do it in microseconds.
 */

const SCRIPT_SAMPLE = 1500; // characters looked at: the start of a review says enough

const wordLangs = new Map<string, Lang[]>();
for (const [lang, words] of Object.entries(langWords.words)) {
  for (const w of words) (wordLangs.get(w.replace('’', "'")) ?? wordLangs.set(w.replace('’', "'"), []).get(w.replace('’', "'"))!).push(lang as Lang);
}
// Scores live in a Float64Array indexed like LANGS: a string-keyed score object cost a keyed
// property access per word. Each word carries its languages' indices and its weight 1/n.
const LANG_INDEX = new Map<Lang, number>(LANGS.map((l, i) => [l, i]));
interface WordVote { langs: Uint8Array; weight: number }
const WORD_LANGS = new WordLookup<WordVote>([...wordLangs].map(([w, ls]) => [w, { langs: Uint8Array.from(ls, (l) => LANG_INDEX.get(l)!), weight: 1 / ls.length }] as const));
/** Distinctive letter → its language's index. */
const LETTER_LANG = new Map<number, number>();
for (const [lang, letters] of Object.entries(langWords.letters)) for (const c of letters) LETTER_LANG.set(c.charCodeAt(0), LANG_INDEX.get(lang as Lang)!);
// The same as a table over the Latin and Cyrillic blocks, entries 1 + the index (0 = none): the
// loop below asks for every Cyrillic letter of the sample, and a Map lookup each was most of it.
const LETTER_TABLE = new Uint8Array(0x530);
for (const [c, l] of LETTER_LANG) if (c < 0x530) LETTER_TABLE[c] = l + 1;

// Endings bucketed by their last letter; longest first, so "ções" counts and "ões" not twice.
const ENDINGS = new Map<number, [string, number][]>();
for (const [lang, ends] of Object.entries(langWords.endings)) {
  for (const e of ends) {
    const k = e.charCodeAt(e.length - 1);
    (ENDINGS.get(k) ?? ENDINGS.set(k, []).get(k)!).push([e, LANG_INDEX.get(lang as Lang)!]);
  }
}
for (const list of ENDINGS.values()) list.sort((a, b) => b[0].length - a[0].length);
const ELISIONS = new Set(langWords.elisions.fr);

const CYRILLIC: readonly Lang[] = ['ru', 'uk'];
const FR = LANG_INDEX.get('fr')!;
const LATIN: readonly Lang[] = ['en', 'es', 'pt', 'fr', 'pl'];
// The candidate languages in order, as score indices: the majority script's first, the other
// script's after them when it appears too.
const indices = (ls: readonly Lang[]) => Int8Array.from(ls, (l) => LANG_INDEX.get(l)!);
const POOL_CYR = indices(CYRILLIC);
const POOL_CYR_LAT = indices([...CYRILLIC, ...LATIN]);
const POOL_LAT = indices(LATIN);
const POOL_LAT_CYR = indices([...LATIN, ...CYRILLIC]);

// Our own placeholders ("[телефон удалён]") say nothing about the author's language: a redacted
// English review must not turn Russian because of a Russian placeholder.
const PLACEHOLDER_RE = new RegExp(
  [...new Set(Object.entries(placeholders).filter(([k]) => !k.startsWith('_')).flatMap(([, row]) => Object.values(row as Record<string, string>)))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|'),
  'g',
);

/** The locale's language when it is one of ours (BCP 47 "pt-BR" → pt; "ua" is a common slip for uk). */
function localeLang(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const l = primary === 'ua' ? 'uk' : primary;
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : undefined;
}

export function detectLanguage(text: string, locale?: string): Lang {
  const fromLocale = localeLang(locale);
  if (fromLocale) return fromLocale;
  let sample = text.slice(0, SCRIPT_SAMPLE);
  if (sample.includes('[')) sample = sample.replace(PLACEHOLDER_RE, ' ');
  sample = sample.toLowerCase();
  let cyr = 0;
  let lat = 0;
  const score = new Float64Array(LANGS.length);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x61) continue;
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if (c <= 0x7a || (c >= 0xe0 && c <= 0x17f)) lat++;
    if (c >= 0xe0) {
      if (c < 0x530) { const k = LETTER_TABLE[c]!; if (k) score[k - 1]! += 2; }
      else { const l = LETTER_LANG.get(c); if (l !== undefined) score[l]! += 2; }
    }
  }
  scanWords(sample, (s, e) => {
    // Letters glued to digits are a code's ("DE89", "12345678Z", "K1A 0B1"), not a word of the language.
    if (isDigitCode(sample.charCodeAt(s - 1)) || isDigitCode(sample.charCodeAt(e))) return;
    for (let q = s + 1; q < e && q <= s + 3; q++) {
      const c = sample.charCodeAt(q);
      if ((c === 39 || c === 0x2019) && ELISIONS.has(sample.slice(s, q))) { score[FR]! += 1; break; } // l'échange, qu'il
    }
    if (e - s <= 12) {
      const vote = WORD_LANGS.get(sample, s, e);
      if (vote) { for (let k = 0; k < vote.langs.length; k++) score[vote.langs[k]!]! += vote.weight; return; }
    }
    if (e - s < 5) return;
    const ends = ENDINGS.get(sample.charCodeAt(e - 1));
    if (!ends) return;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k]![0];
      if (end.length < e - s - 1 && sample.startsWith(end, e - end.length)) { score[ends[k]![1]]! += 0.5; break; }
    }
  });
  // Both scripts compete when both appear ("мій імейл taras(at)gmail.com" is Ukrainian);
  // the majority script wins ties.
  const pool = cyr > lat ? (lat ? POOL_CYR_LAT : POOL_CYR) : cyr ? POOL_LAT_CYR : POOL_LAT;
  let best = pool[0]!;
  for (let k = 1; k < pool.length; k++) if (score[pool[k]!]! > score[best]!) best = pool[k]!;
  return score[best]! > 0 ? LANGS[best]! : cyr > lat ? 'ru' : 'en';
}

/** Where phone numbers without "+" most likely come from: our market per language. */
const LANG_REGION: Record<Lang, string> = { en: 'US', ru: 'RU', uk: 'UA', es: 'ES', pt: 'BR', fr: 'FR', pl: 'PL' };

// Currency is the best hint the text gives about the country (a Spanish review paying in MXN).
// One pass: the first alternative that matches names the region. \b is ASCII-only in
// JavaScript, so Cyrillic and Polish words use explicit letter look-arounds.
const TEXT_HINT_RE = /(₽|(?<!\p{L})руб(?:\.|лей|ля|ль)?(?!\p{L}))|(₴|(?<!\p{L})грн(?!\p{L})|(?<!\p{L})гривен)|((?<!\p{L})zł(?!\p{L})|\bpln\b|złotych|zlotych)|(R\$|\breais\b)|(\bMXN\b|\bpesos mexicanos\b)|(£|\bGBP\b)|(\bKZT\b|₸)|(\bBYN\b)/giu;
const HINT_REGIONS = ['RU', 'UA', 'PL', 'BR', 'MX', 'GB', 'KZ', 'BY'] as const;
const HINT_TRIGGERS = ['₽', 'руб', '₴', 'грн', 'гривен', 'zł', 'pln', 'zlotych', 'r$', 'reais', 'mxn', 'pesos', '£', 'gbp', 'kzt', '₸', 'byn'];
const HINT_TRIGGER_RE = new RegExp(HINT_TRIGGERS.map(escapeRegExp).join('|'), 'g');

export function guessRegion(lang: Lang, locale: string | undefined, text: string): string | undefined {
  const region = locale?.trim().split(/[-_]/)[1];
  if (region && /^[A-Za-z]{2}$/.test(region)) return region.toUpperCase();
  const sample = text.slice(0, SCRIPT_SAMPLE);
  // The hint pattern is slow (Unicode look-arounds); most reviews have no currency at all.
  const lower = sample.toLowerCase();
  // One pass for all the trigger words; most reviews have none.
  HINT_TRIGGER_RE.lastIndex = 0;
  const t = HINT_TRIGGER_RE.exec(lower);
  if (!t) return LANG_REGION[lang];
  const first = t.index;
  // Every alternative starts with a trigger, so no match starts before the first one: the pattern
  // starts there (its look-behinds still see the letter before). Lower-casing can change the
  // length ("İ"), and then offsets differ: start from the top.
  TEXT_HINT_RE.lastIndex = lower.length === sample.length ? first : 0;
  const m = TEXT_HINT_RE.exec(sample);
  if (m) for (let k = 0; k < HINT_REGIONS.length; k++) if (m[k + 1] !== undefined) return HINT_REGIONS[k];
  return LANG_REGION[lang];
}
