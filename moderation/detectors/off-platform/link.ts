import { LinkifyIt } from 'linkify-it';
import { parse } from 'tldts';
import type { Normalized, TextDetector, TextFinding } from '../../types.js';
import { HashFilter } from '../../hash-filter.js';
import TLD_LIST from '../../data/tlds.json';
import heuristics from '../../data/link-heuristics.json';
import impersonated from '../../data/impersonated-brands.json';
import messengers from '../../data/messengers.json';
import emailWords from '../../data/email-words.json';
import dealPhrases from '../../data/deal-phrases.json';
import platformDomains from '../../data/platform-domains.json';
import { allLangs } from './words.js';
import { escapeRegExp } from '../../escape-regexp.js';

/**
 * off_platform.link: URLs and bare domains that lead off the platform.
 *
 * linkify-it finds URLs: schemes, `//`, `user:pass@host` (urlAuth, so "aliexpress.com@evil.xyz"
 * resolves to its real host) and fuzzy bare domains. Its default TLD list is short; we give it
 * the full ICANN list, data/tlds.json: the top-level labels of the public suffix list that tldts
 * ships (link.test.ts checks every entry against tldts). tldts then names the registrable domain.
 * linkify runs only on whitespace-delimited chunks where a cheap scan found `//` or a dot followed
 * by a real TLD: it costs a few hundred times a linear pass over the whole review. The app
 * schemes linkify does not know (tg://, whatsapp://, javascript:, data:) are read here.
 *
 * A bare "name.tld" is a link only when it is plausible as one: the TLD is ICANN, the name is
 * not a file ("photo.jpg" has no TLD; "script.py" has one and is still a file), not a dotted
 * product name ("ASP.NET"), not two sentences glued by a missing space ("works fine.love it").
 *
 * Disguised forms the shared normaliser did not rewrite ("shop . com", "shop[.]com",
 * "shop (точка) ru") are read here from the separators themselves. A domain right after "@" or
 * an "at" word is the second half of an e-mail address: the personal-data detector's.
 *
 * `scanLinks` is shared with the phishing and contact detectors (memoised per text).
 */

// ---------------------------------------------------------------------------------------------
// Options and data

const DETECTOR = 'off-platform.link';
/** Half the longest chunk handed to linkify at once; longer runs without spaces are cut. */
const MAX_CHUNK = 512;
/**
 * A text with more URLs than this is link spam: the first ones are reported one by one, the
 * rest as one span, so a flood of links costs no more than a few hundred.
 */
const MAX_HITS = 200;

const CONF = {
  scheme: 0.97,          // http://, https://, ftp://, //
  schemeLocalHost: 0.6,  // http://example.invalid: a URL, but not a public one
  appScheme: 0.9,        // tg://, whatsapp://, javascript:, data:
  pathOrWww: 0.92,
  disguisedPathOrWww: 0.9,
  bareCommonTld: 0.85,
  bareOtherTld: 0.7,
  disguised: 0.85,
  overflow: 0.8,         // the tail of a text with more than MAX_HITS links
} as const;

const TLDS = new Set<string>(TLD_LIST);
const FILE_EXT_TLDS = new Set(heuristics.fileExtensionTlds.list);
const WORD_TLDS = new Set(heuristics.wordTlds.list);
const COMMON_TLDS = new Set(heuristics.commonTlds.list);
const COMPOUND_NAME_TLDS = new Set(heuristics.compoundNameTlds.list);
const SHOP_NAME_WORDS = heuristics.shopNameWords.list;
// Shops of our own list, the other marketplaces the deal lists name, the messengers and networks,
// the brands phishing imitates (carriers, banks: "correos.es"); never the platform's own names
// ("aliexpress.es" is the platform's or a lookalike of it).
const KNOWN_SITES = new Set([
  ...heuristics.knownSites.list,
  ...impersonated.brands,
  ...allLangs(dealPhrases.market).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)),
  ...messengers.messengers.flatMap((m) => m.names).map((n) => n.replace(/\*$/, '')).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)),
].filter((w) => !platformDomains.some((d) => d.startsWith(`${w}.`))));
/** Letters a shop-word name needs besides its shop word ("tiendatech" yes, "tiendas" no). */
const SHOP_NAME_REST = 2;
const DOTTED_NAMES = new Set(heuristics.dottedNames.list);
const DOT_WORDS = heuristics.dotWords.list;
const AT_WORDS = new Set(heuristics.atWords.list);
const EMAIL_PROVIDERS = new Set(heuristics.emailProviders.list);
// "shop точка ру": the same Cyrillic TLD spellings the normaliser reads in e-mail addresses.
const SPELLED_TLDS = new Map(Object.entries(emailWords.spelledTlds));
const APP_SCHEMES = [...new Set(messengers.messengers.flatMap((m) => m.schemes))];
const MESSENGER_HOSTS = new Set(messengers.messengers.flatMap((m) => m.hosts));
const SITE_CUES = new Set(heuristics.siteCues.list);

// ---------------------------------------------------------------------------------------------
// Types

export type Disguise = 'bracket' | 'word' | 'spaced' | 'normalised';

export interface UrlHit {
  /** Normalised offsets of the whole URL or domain. */
  start: number;
  end: number;
  /** '', 'http:', 'https:', 'ftp:', '//', 'javascript:', 'data:', 'tg:' ... (lower-case). */
  schema: string;
  /** Lower-cased host from the normalised text ('' for javascript:/data:). */
  host: string;
  /** Normalised offsets of the host. */
  hostStart: number;
  hostEnd: number;
  /** Path, query and fragment after the host (and port), as written. */
  path: string;
  /** "user:pass" before an "@" in the authority ("http://aliexpress.com@evil.xyz" hides the host). */
  userinfo: string;
  www: boolean;
  disguise: Disguise | null;
  /** tldts: registrable domain, public suffix, the label before it, subdomain. */
  domain: string | null;
  suffix: string | null;
  label: string | null;
  subdomain: string;
  icann: boolean;
  ip: boolean;
  /** How plausible this is as a link typed on purpose; 0 = not a link (a file, a product name). */
  conf: number;
  /** The span covering everything after MAX_HITS links (no host: not checked further). */
  overflow?: boolean;
}

// ---------------------------------------------------------------------------------------------
// linkify

// linkify compiles its patterns (the TLD list is a 1,600-way alternation) on the first match:
// tens of milliseconds. Done once at load, so no review, and no time-boxed test, pays for it.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false, urlAuth: true }).tlds(TLD_LIST);
linkify.test('warm.up/x a@b.cd');
const linkifier = () => linkify;

const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029;
const isAsciiLower = (c: number) => c >= 97 && c <= 122;
/** a-z, 0-9 and '-': what a plain host label is made of. */
const isPlainLabelCode = (c: number) => isAsciiLower(c) || (c >= 48 && c <= 57) || c === 45;
const TRAILING_PUNCT_RE = /[.,;!?)\]]/;

/**
 * End of a path starting at the "/" at `slash`: up to the next space (at most MAX_CHUNK
 * characters), without the sentence's punctuation glued to its end.
 */
function pathEnd(text: string, slash: number): number {
  let end = slash;
  while (end < text.length && end - slash < MAX_CHUNK && !isSpaceCode(text.charCodeAt(end))) end++;
  while (end > slash + 1 && TRAILING_PUNCT_RE.test(text[end - 1]!)) end--;
  return end;
}

// A dot between a character and a letter or digit, or '//': the only places linkify can find anything.
// Written to start at the dot (the character before it is a lookbehind): a leading [^\s.] is tried
// at every position and cost two to three times as much. The match still starts at that character:
// `candidateAt` steps back over it (two code units for a surrogate pair).
const CANDIDATE_RE = /\.(?<=[^\s.]\.)[\p{L}\p{N}]|\/\//gu;

const CANDIDATE_PLAIN_RE = /[^\s.][.][\p{L}\p{N}]|\/\//gu;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Where the /[^\s.][.][\p{L}\p{N}]|\/\// match of a CANDIDATE_RE match begins. */
function candidateAt(text: string, m: RegExpExecArray): number {
  if (m[0] === '//') return m.index;
  const k = m.index - 1;
  return isLowSurrogate(text.charCodeAt(k)) && k > 0 && isHighSurrogate(text.charCodeAt(k - 1)) ? k - 1 : k;
}

/**
 * Chunks closer than this are handed to linkify together: a call costs more than a short text.
 * Merged chunks stay short, as linkify rescans the rest of its input after every match.
 */
const MERGE_GAP = 128;
const MERGED_MAX = 512;

/**
 * Whitespace-delimited chunks around candidates that could hold a link: a scheme or '//', or a
 * dot followed by a real TLD ("v2.0", "photo.jpg" and sentence ends have none). Nearby chunks
 * are merged. Linear: the scan never goes back past the previous chunk's end.
 */
function candidateChunks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let lastEnd = 0;
  CANDIDATE_RE.lastIndex = 0;
  let from = 0;
  for (let m = CANDIDATE_RE.exec(text); m; m = CANDIDATE_RE.exec(text)) {
    let at = candidateAt(text, m);
    let matchEnd = m.index + m[0].length;
    if (at < from) {
      // The character before the dot lies before where the scan resumed (a chunk cut mid-word,
      // maybe inside a surrogate pair): let the plain expression answer from there, as before.
      CANDIDATE_PLAIN_RE.lastIndex = from;
      const p = CANDIDATE_PLAIN_RE.exec(text);
      if (!p) break;
      at = p.index;
      matchEnd = p.index + p[0].length;
    }
    let s = at;
    const minS = Math.max(lastEnd, at - MAX_CHUNK);
    while (s > minS && !isSpaceCode(text.charCodeAt(s - 1))) s--;
    let e = matchEnd;
    const maxE = Math.min(text.length, s + 2 * MAX_CHUNK);
    while (e < maxE && !isSpaceCode(text.charCodeAt(e))) e++;
    lastEnd = e;
    CANDIDATE_RE.lastIndex = from = e;
    if (!mayHoldLink(text, s, e)) continue;
    const prev = out[out.length - 1];
    if (prev && s - prev[1] <= MERGE_GAP && e - prev[0] <= MERGED_MAX) prev[1] = e;
    else out.push([s, e]);
  }
  return out;
}

const TLD_AFTER_DOT_RE = /\.([\p{L}\p{N}\-]{2,63})/gu;
function mayHoldLink(text: string, s: number, e: number): boolean {
  const chunk = text.slice(s, e);
  if (chunk.includes('//')) return true;
  TLD_AFTER_DOT_RE.lastIndex = 0;
  for (let m = TLD_AFTER_DOT_RE.exec(chunk); m; m = TLD_AFTER_DOT_RE.exec(chunk)) {
    if (TLDS.has(m[1]!.toLowerCase())) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Building a hit from a URL's text

const SCHEME_RE = /^([a-z][a-z0-9+.\-]*:)?(\/\/)?/i;

function hitFromUrl(text: string, start: number, end: number, schema: string, disguise: Disguise | null): UrlHit | null {
  const raw = text.slice(start, end);
  const sm = SCHEME_RE.exec(raw)!;
  let k = sm[0].length;
  const authEndRel = raw.slice(k).search(/[/?#]/);
  const authEnd = authEndRel < 0 ? raw.length : k + authEndRel;
  const at = raw.lastIndexOf('@', authEnd - 1);
  const authStart = k;
  if (at >= k) k = at + 1;
  const userinfo = at >= authStart ? raw.slice(authStart, at) : '';
  let hostEnd = authEnd;
  // A port: the last ':' followed by digits only.
  const colon = raw.lastIndexOf(':', authEnd - 1);
  if (colon >= k && /^:\d*$/.test(raw.slice(colon, authEnd))) hostEnd = colon;
  let host = raw.slice(k, hostEnd).toLowerCase();
  let hEnd = hostEnd;
  while (host.endsWith('.')) { host = host.slice(0, -1); hEnd--; }
  if (!host) return null;
  const p = parse(host);
  const www = host.startsWith('www.');
  return {
    start, end, schema: schema.toLowerCase(), host,
    hostStart: start + k, hostEnd: start + hEnd,
    path: raw.slice(hostEnd), userinfo,
    www, disguise,
    domain: p.domain, suffix: p.publicSuffix, label: p.domainWithoutSuffix,
    subdomain: p.subdomain ?? '',
    icann: p.isIcann === true && p.domain !== null,
    ip: p.isIp === true,
    conf: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// E-mail guard: a domain that is the part after "@" (plain, bracketed or a word) of an address.

const AT_BEFORE_RE = new RegExp(
  `(?:@|[\\[({<]\\s{0,2}(?:at|@|${[...AT_WORDS].join('|')})\\s{0,2}[\\])}>])\\s{0,2}$|(?:^|[\\s_])(${[...AT_WORDS].join('|')})[\\s_]{1,3}$`,
  'iu',
);

function afterAtSign(lower: string, start: number, domain: string | null): boolean {
  const before = lower.slice(Math.max(0, start - 24), start);
  const m = AT_BEFORE_RE.exec(before);
  if (!m) return false;
  // Plain English " at " is a preposition too ("buy it at shop.com"): only a mail provider's
  // domain makes it an address.
  if (m[1] === 'at') return domain !== null && EMAIL_PROVIDERS.has(domain);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Disguised separators the normaliser left: "shop . com", "shop[.]com", "shop (dot) com".

const DOT_ALT = DOT_WORDS.map(escapeRegExp).join('|');
const SEP_RE = new RegExp(
  `[\\[({<]\\s{0,2}(?:\\.|${DOT_ALT})\\s{0,2}[\\])}>]|(?<=[\\s_\\-])(?:${DOT_ALT})(?=[\\s_\\-])|(?<=\\s)\\.(?!\\.)|(?<![.\\s])\\.(?=\\s)`,
  'giu',
);
const LABEL_CHAR_RE = /[\p{L}\p{N}\-]/u;
const MAX_LABEL = 80;
/** Hosts have a handful of labels; a longer chain of " . " is prose (or an attack on us). */
const MAX_LABELS = 8;

interface Sep { a: number; b: number; kind: Disguise; ls: number; le: number; rs: number; re: number }

const GAP_CHAR_RE = /[\s_\-]/;
// Every sentence-ending period is a separator candidate, and its labels are read one code unit at a
// time: the two tests above are answered once per code unit and remembered (0 = not asked yet,
// bit 1 = label character, bit 2 = gap character, bit 4 = answered).
const CHAR_KIND = new Uint8Array(0x10000);
function charKind(text: string, k: number): number {
  const c = text.charCodeAt(k);
  let v = CHAR_KIND[c]!;
  if (v === 0) {
    const ch = text[k]!;
    CHAR_KIND[c] = v = 4 | (LABEL_CHAR_RE.test(ch) ? 1 : 0) | (GAP_CHAR_RE.test(ch) ? 2 : 0);
  }
  return v;
}
const isLabelChar = (text: string, k: number): boolean => (charKind(text, k) & 1) !== 0;
const isGapChar = (text: string, k: number): boolean => (charKind(text, k) & 2) !== 0;

// SEP_RE run over every position cost more than the rest of the link scan. A match can start only
// at a dot, an opening bracket, or a dot word right after a gap character (its lookbehind):
// SEP_TRIGGER_RE finds those places with no lookbehind, and SEP_AT_RE (the same expression,
// sticky) is tried there alone. Nothing is skipped: a dot word holds none of these starts.
const SEP_AT_RE = new RegExp(SEP_RE.source, 'iuy');
const SEP_TRIGGER_RE = new RegExp(`[.\\[({<]|[\\s_\\-](?:${DOT_ALT})`, 'giu');

/** \s of a regular expression (WhiteSpace and LineTerminator), for one code unit. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function disguisedHits(norm: Normalized): UrlHit[] {
  const text = norm.text;
  const lower = norm.lower;
  const n = lower.length;
  const seps: Sep[] = [];
  SEP_TRIGGER_RE.lastIndex = 0;
  for (let t = SEP_TRIGGER_RE.exec(lower); t; t = SEP_TRIGGER_RE.exec(lower)) {
    const k = t[0].length === 1 ? t.index : t.index + 1;
    let b: number;
    let kind: Disguise;
    if (t[0] === '.') {
      // A dot starts only the two spaced branches, "(?<=\s)\.(?!\.)" and "(?<![.\s])\.(?=\s)":
      // answered from its neighbours (one per sentence end, so no sticky expression for them). A
      // surrogate neighbour is a code point that is neither a space nor a dot, like the code unit.
      const before = k > 0 ? lower.charCodeAt(k - 1) : -1;
      const after = k + 1 < n ? lower.charCodeAt(k + 1) : -1;
      const spaced = before >= 0 && isJsSpace(before) ? after !== 46 : before !== 46 && after >= 0 && isJsSpace(after);
      if (!spaced) continue;
      b = k + 1;
      kind = 'spaced';
    } else {
      SEP_AT_RE.lastIndex = k;
      const m = SEP_AT_RE.exec(lower);
      if (!m) { SEP_TRIGGER_RE.lastIndex = Math.max(SEP_TRIGGER_RE.lastIndex, k + 1); continue; }
      b = k + m[0].length;
      const first = m[0].charCodeAt(0);
      kind = m[0] === '.' ? 'spaced' : first === 91 || first === 40 || first === 123 || first === 60 ? 'bracket' : 'word';
    }
    const a = k;
    SEP_TRIGGER_RE.lastIndex = b;
    // readLeft, inline: at most three gap characters, then the label (dots inside it allowed).
    let ls = a;
    for (let g = 0; g < 3 && ls > 0 && isGapChar(lower, ls - 1); g++) ls--;
    const le = ls;
    while (ls > 0 && le - ls < MAX_LABEL && (isLabelChar(lower, ls - 1) || (lower.charCodeAt(ls - 1) === 46 && ls - 1 > 0 && isLabelChar(lower, ls - 2)))) ls--;
    if (le <= ls) continue;
    // readRight, inline.
    let rs = b;
    for (let g = 0; g < 3 && rs < n && isGapChar(lower, rs); g++) rs++;
    let re = rs;
    while (re < n && re - rs < MAX_LABEL && isLabelChar(lower, re)) re++;
    if (re <= rs) continue;
    seps.push({ a, b, kind, ls, le, rs, re });
  }
  if (!seps.length) return [];
  const out: UrlHit[] = [];
  let i = 0;
  while (i < seps.length) {
    // A chain: each separator's right label is the next one's left label ("www . shop . com").
    let j = i + 1;
    while (j < seps.length && j - i < MAX_LABELS && seps[j]!.ls === seps[j - 1]!.rs && seps[j]!.le === seps[j - 1]!.re) j++;
    const hit = judgeChain(text, lower, seps, i, j);
    if (hit) out.push(hit);
    i = j;
  }
  return out;
}

/** The longest TLD label of TLDS or SPELLED_TLDS: a longer label is read without a slice. */
const MAX_TLD_LEN = Math.max(...[...TLDS].map((t) => t.length), ...[...SPELLED_TLDS.keys()].map((t) => t.length));

// Every sentence end ("fine. Next") is a separator whose right label is asked for a TLD: slicing
// it and two Set/Map lookups per sentence showed in the profile. The filter answers "neither a
// TLD nor a spelled one" from the code units in place.
const TLD_FILTER = new HashFilter([...TLDS, ...SPELLED_TLDS.keys()]);

/** The chain seps[from, to): judged without copying it, as most chains are one sentence end. */
function judgeChain(text: string, lower: string, all: Sep[], from: number, to: number): UrlHit | null {
  // Try the longest chain whose last label is a TLD.
  for (let n = to - from; n >= 1; n--) {
    const last = all[from + n - 1]!;
    if (last.re - last.rs > MAX_TLD_LEN || !TLD_FILTER.mayHold(lower, last.rs, last.re)) continue;
    const tldWord = lower.slice(last.rs, last.re);
    const tld = SPELLED_TLDS.get(tldWord) ?? tldWord;
    if (!TLDS.has(tld)) continue;
    // Many sentence starts are TLDs ("delivery", "price"): the kinds are read without a copy or a Set.
    let hasBracket = false;
    let hasWord = false;
    for (let q = from; q < from + n; q++) {
      const k = all[q]!.kind;
      if (k === 'bracket') hasBracket = true;
      else if (k === 'word') hasWord = true;
    }
    const onlySpaced = !hasBracket && !hasWord;
    const first = all[from]!;
    let firstLabel = lower.slice(first.ls, first.le);
    if (!firstLabel || firstLabel.startsWith('.') || firstLabel.startsWith('-')) return null;
    // "w w w . shop . com": the spaced-out "www" is read as one label; it makes the chain a
    // host (no sentence has "w w w" in it) whatever the TLD.
    let start = first.ls;
    if (firstLabel === 'w' && n >= 2) {
      const www = SPACED_WWW_RE.exec(lower.slice(Math.max(0, first.ls - 8), first.ls));
      if (www) { start = first.ls - www[0].length; firstLabel = 'www'; }
    }
    const shortHost = `${firstLabel}.${tld}`;
    if (onlySpaced) {
      // A period followed by a space is mostly a sentence end: demand a lower-case, common TLD
      // that ends the word (or a messenger's short host: "wa . me"), and a Latin name before it.
      if ((!COMMON_TLDS.has(tld) && !MESSENGER_HOSTS.has(shortHost) && firstLabel !== 'www') || text.slice(last.rs, last.re) !== tldWord) return null;
      // One letter is a name only as a messenger's short host ("t . me / shop") with a target.
      if (!/^[a-z0-9][a-z0-9.\-]*$/.test(firstLabel) || (firstLabel.length < 2 && !MESSENGER_HOSTS.has(shortHost))) return null;
      if (/^\s+\p{Ll}/u.test(text.slice(last.re, last.re + 3)) && !WORD_GLUE_SAFE.has(tld) && firstLabel !== 'www') return null;
    }
    const labels = [firstLabel];
    for (let q = from; q < from + n; q++) labels.push(lower.slice(all[q]!.rs, all[q]!.re));
    labels[labels.length - 1] = tld;
    const host = labels.join('.');
    const p = parse(host);
    if (!p.domain || p.isIcann !== true) return null;
    if (afterAtSign(lower, first.ls, p.domain)) return null;
    let end = last.re;
    // A path after the disguised domain: "shop dot com/sale", "wa . me / 15551234567".
    const slash = /^ ?\/ ?(?=\S)/.exec(text.slice(end, end + 4));
    if (slash) {
      end += slash[0].length;
      while (end < text.length && end - last.re < MAX_CHUNK && !isSpaceCode(text.charCodeAt(end))) end++;
    } else if (firstLabel.length < 2) return null;
    const kind: Disguise = hasBracket ? 'bracket' : hasWord ? 'word' : 'spaced';
    return {
      start, end, schema: '', host, hostStart: start, hostEnd: last.re,
      path: text.slice(last.re, end), userinfo: '', www: host.startsWith('www.'), disguise: kind,
      domain: p.domain, suffix: p.publicSuffix, label: p.domainWithoutSuffix, subdomain: p.subdomain ?? '',
      icann: true, ip: false, conf: 0,
    };
  }
  return null;
}

/** "w w " before a spaced "w . shop . com" (at most two spaces between the letters). */
const SPACED_WWW_RE = /(?<![\p{L}\p{N}])w {1,2}w {1,2}$/u;

/** TLDs that are not words in our languages: "shop . com now" is still a link. */
const WORD_GLUE_SAFE = new Set(['com', 'net', 'org', 'ru', 'ua', 'by', 'kz', 'pl', 'br', 'info', 'biz', 'xyz', 'рф', 'укр']);

// ---------------------------------------------------------------------------------------------
// Messenger short hosts with the dot left out: "t me/shop", "wa me/79161234567". Only the
// two-label hosts of data/messengers.json with a short name ("t.me", "wa.me", "vk.me"), and only
// with a "/" and a target after them: "t me" alone is two letters of prose.

const SHORT_HOSTS = [...MESSENGER_HOSTS].filter((h) => /^[a-z]{1,3}\.[a-z]{2,3}$/.test(h)).map((h) => h.split('.') as [string, string]);
const SPACED_HOST_RE = SHORT_HOSTS.length
  ? new RegExp(`(?<![\\p{L}\\p{N}_.\\-/@])(${[...new Set(SHORT_HOSTS.map((h) => h[0]))].join('|')})[ \\t]{1,2}(${[...new Set(SHORT_HOSTS.map((h) => h[1]))].join('|')}) ?\\/(?=[\\p{L}\\p{N}_+@])`, 'gu')
  : null;
const SHORT_HOST_SET = new Set(SHORT_HOSTS.map((h) => h.join('.')));

function spacedHostHits(norm: Normalized): UrlHit[] {
  const lower = norm.lower;
  if (!SPACED_HOST_RE || lower.indexOf('/') < 0) return [];
  const out: UrlHit[] = [];
  SPACED_HOST_RE.lastIndex = 0;
  for (let m = SPACED_HOST_RE.exec(lower); m; m = SPACED_HOST_RE.exec(lower)) {
    const host = `${m[1]}.${m[2]}`;
    if (!SHORT_HOST_SET.has(host)) continue;
    const s = m.index;
    const pathStart = s + m[0].length;
    const e = pathEnd(lower, pathStart - 1);
    SPACED_HOST_RE.lastIndex = Math.max(e, pathStart);
    if (e <= pathStart) continue;
    const hostEnd = s + m[0].indexOf(m[2]!, m[1]!.length) + m[2]!.length;
    const p = parse(host);
    out.push({
      start: s, end: e, schema: '', host, hostStart: s, hostEnd, path: '/' + norm.text.slice(pathStart, e), userinfo: '',
      www: false, disguise: 'spaced', domain: p.domain, suffix: p.publicSuffix, label: p.domainWithoutSuffix,
      subdomain: p.subdomain ?? '', icann: p.isIcann === true && p.domain !== null, ip: false, conf: 0,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// An emoji typed for the dot: "youtube🔹com/watch?v=…", "shop💎ru". Only between two labels with
// no space, a common TLD right after it as written in lower case, and then a path, or a TLD that
// is no word ("nice😍de" stays prose). Asked only at emoji (the trigger has no lookbehind).

const EMOJI_RE = /\p{Extended_Pictographic}\ufe0f?/gu;
const HAS_EMOJI_RE = /[\u2190-\u2bff\ud83c-\ud83e]/;

function emojiDotHits(norm: Normalized): UrlHit[] {
  const text = norm.text;
  if (!HAS_EMOJI_RE.test(text)) return [];
  const lower = norm.lower;
  const out: UrlHit[] = [];
  EMOJI_RE.lastIndex = 0;
  for (let m = EMOJI_RE.exec(text); m; m = EMOJI_RE.exec(text)) {
    const a = m.index;
    const b = a + m[0].length;
    let ls = a;
    while (ls > 0 && a - ls < MAX_LABEL && isPlainLabelCode(lower.charCodeAt(ls - 1))) ls--;
    if (a - ls < 2 || (ls > 0 && isLabelChar(lower, ls - 1))) continue;
    let re = b;
    while (re < lower.length && re - b < 8 && isAsciiLower(text.charCodeAt(re))) re++;
    const tld = text.slice(b, re);
    if (!COMMON_TLDS.has(tld) || (re < text.length && isLabelChar(text, re))) continue;
    let end = re;
    if (text.charCodeAt(re) === 47 && re + 1 < text.length && !isSpaceCode(text.charCodeAt(re + 1))) end = pathEnd(text, re);
    else if (WORD_TLDS.has(tld) || PREPOSITION_TLDS.has(tld)) continue;
    const host = `${lower.slice(ls, a)}.${tld}`;
    const p = parse(host);
    if (!p.domain || p.isIcann !== true) continue;
    out.push({
      start: ls, end, schema: '', host, hostStart: ls, hostEnd: re, path: text.slice(re, end), userinfo: '',
      www: host.startsWith('www.'), disguise: 'word', domain: p.domain, suffix: p.publicSuffix, label: p.domainWithoutSuffix,
      subdomain: p.subdomain ?? '', icann: true, ip: false, conf: 0,
    });
    if (out.length >= MAX_HITS) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A space typed for the dot before a path: "youtube com/watch?v=…", "allegro pl/oferta/…". Only a
// plain label of a-z, 0-9 and '-' starting with three lower-case letters, one space, a common TLD
// as written in lower case that is no word, then "/" and a path of at least three characters with
// a mark of a URL in it or eight and more. Asked only at each "/" (most texts have none): the look
// back is a few characters, so linear. "km/h", "and/or", "de/para" have no such TLD or no such path.

const SPACE_DOT_PATH_MIN = 3;
const SPACE_DOT_WORDLIKE = 8;
const URL_MARK_RE = /[/?=&#_\-.\d]/;

function spaceDotHits(norm: Normalized): UrlHit[] {
  const text = norm.text;
  let slash = text.indexOf('/');
  if (slash < 0) return [];
  const lower = norm.lower;
  const out: UrlHit[] = [];
  for (; slash >= 0; slash = text.indexOf('/', slash + 1)) {
    // The TLD right before the slash, as written (lower case).
    let ts = slash;
    while (ts > 0 && slash - ts < 8) {
      const c = text.charCodeAt(ts - 1);
      if (c < 97 || c > 122) break;
      ts--;
    }
    if (ts === slash || ts < 2 || text.charCodeAt(ts - 1) !== 32) continue;
    const tld = text.slice(ts, slash);
    if (!COMMON_TLDS.has(tld) || WORD_TLDS.has(tld) || PREPOSITION_TLDS.has(tld)) continue;
    const le = ts - 1;
    let ls = le;
    while (ls > 0 && le - ls < MAX_LABEL && isPlainLabelCode(text.charCodeAt(ls - 1))) ls--;
    if (le - ls < 3 || (ls > 0 && isLabelChar(lower, ls - 1))) continue;
    if (!isAsciiLower(text.charCodeAt(ls)) || !isAsciiLower(text.charCodeAt(ls + 1)) || !isAsciiLower(text.charCodeAt(ls + 2))) continue;
    const end = pathEnd(text, slash);
    if (end - slash - 1 < SPACE_DOT_PATH_MIN || !/^[\p{L}\p{N}_?#=%~\-]/u.test(text.slice(slash + 1, slash + 2))) continue;
    // A path that reads as one: a mark of a URL in it ("watch?v=", "p/123", "mi-tienda") or longer than a word.
    if (end - slash - 1 < SPACE_DOT_WORDLIKE && !URL_MARK_RE.test(text.slice(slash + 1, end))) continue;
    const host = `${lower.slice(ls, le)}.${tld}`;
    const p = parse(host);
    if (!p.domain || p.isIcann !== true) continue;
    out.push({
      start: ls, end, schema: '', host, hostStart: ls, hostEnd: slash, path: text.slice(slash, end), userinfo: '',
      www: false, disguise: 'spaced', domain: p.domain, suffix: p.publicSuffix, label: p.domainWithoutSuffix,
      subdomain: p.subdomain ?? '', icann: true, ip: false, conf: 0,
    });
    if (out.length >= MAX_HITS) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// App schemes and script URLs linkify does not know: tg://, whatsapp://, javascript:, data:

const APP_SCHEME_RE = new RegExp(`(?<![\\p{L}\\p{N}+.\\-])(javascript|vbscript|data|${APP_SCHEMES.join('|')}):`, 'giu');
const DATA_URL_RE = /^data:[a-z]+\/[a-z0-9.+\-]+[;,]/i;
const SKYPE_RE = /^skype:[a-z0-9._\-]+\?(?:call|chat|add)/i;

function schemeHits(norm: Normalized): UrlHit[] {
  const lower = norm.lower;
  if (lower.indexOf(':') < 0) return [];
  const out: UrlHit[] = [];
  APP_SCHEME_RE.lastIndex = 0;
  for (let m = APP_SCHEME_RE.exec(lower); m; m = APP_SCHEME_RE.exec(lower)) {
    const s = m.index;
    const scheme = m[1]!.toLowerCase() + ':';
    let e = s + m[0].length;
    while (e < lower.length && e - s < MAX_CHUNK && !isSpaceCode(lower.charCodeAt(e)) && !'"\'<>'.includes(lower[e]!)) e++;
    // Trailing punctuation belongs to the sentence; a ')' only when it closes nothing inside.
    for (;;) {
      const c = lower[e - 1]!;
      if (e <= s || !TRAILING_PUNCT_RE.test(c)) break;
      if (c === ')' && count(lower, s, e, '(') >= count(lower, s, e, ')')) break;
      e--;
    }
    const rest = lower.slice(s, e);
    const ok = scheme === 'javascript:' || scheme === 'vbscript:' ? rest.length > scheme.length
      : scheme === 'data:' ? DATA_URL_RE.test(rest)
      : scheme === 'skype:' ? SKYPE_RE.test(rest) || rest.startsWith('skype://')
      : rest.startsWith(scheme + '//') && rest.length > scheme.length + 2;
    APP_SCHEME_RE.lastIndex = Math.max(e, s + m[0].length);
    if (!ok) continue;
    out.push({
      start: s, end: e, schema: scheme, host: '', hostStart: s, hostEnd: s, path: rest.slice(scheme.length), userinfo: '',
      www: false, disguise: null, domain: null, suffix: null, label: null, subdomain: '', icann: false, ip: false, conf: 0,
    });
  }
  return out;
}

function count(text: string, s: number, e: number, ch: string): number {
  let n = 0;
  for (let k = s; k < e; k++) if (text[k] === ch) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Plausibility

const TITLE_CASE_RE = /^\p{Lu}\p{Ll}+$/u;
const LOWER_END_RE = /\p{Ll}$/u;

function linkConfidence(text: string, h: UrlHit): number {
  if (h.schema === 'javascript:' || h.schema === 'vbscript:' || h.schema === 'data:' || (h.schema && !h.host)) return CONF.appScheme;
  if (h.schema) {
    if (!/^(?:https?:|ftp:|\/\/)$/.test(h.schema)) return h.host ? CONF.appScheme : 0;
    if (h.icann || h.ip) return CONF.scheme;
    // "http://localhost", "http://microsoft": a single label leads nowhere outside an intranet.
    return h.host.includes('.') ? CONF.schemeLocalHost : 0;
  }
  // Bare domains from here on.
  if (!h.icann || !h.domain || !h.suffix) return 0;
  if (DOTTED_NAMES.has(h.host)) return 0;
  // "www.microsoft": a brand TLD with nothing registered under it.
  if (h.label === 'www') return 0;
  // A file path: "/path/to/file.pl", "C:\dir\x.py", "~/x.sh".
  const before = text[h.start - 1];
  if (before === '/' || before === '\\' || before === '~') return 0;
  const tld = h.suffix.slice(h.suffix.lastIndexOf('.') + 1);
  const hasPath = h.path.length > 1;
  if (h.www || hasPath) return h.disguise && h.disguise !== 'normalised' ? CONF.disguisedPathOrWww : CONF.pathOrWww;
  const common = COMMON_TLDS.has(tld);
  if (!h.subdomain) {
    if (FILE_EXT_TLDS.has(tld)) return 0;
    if (WORD_TLDS.has(tld) && !siteCueBefore(text, h) && !compoundName(text, h, tld) && !spelledDotName(text, h, tld) && !KNOWN_SITES.has(h.label ?? '')) return 0;
    // "battery.Love it", "it.Great seller": a sentence glued to the next one, not a domain.
    const tldRaw = text.slice(h.hostEnd - tld.length, h.hostEnd);
    const labelRaw = text.slice(h.hostStart, h.hostEnd - tld.length - 1);
    if (!common && TITLE_CASE_RE.test(tldRaw)) return 0;
    if (!common && LOWER_END_RE.test(labelRaw) && /^\p{Lu}/u.test(tldRaw) && tldRaw !== tldRaw.toUpperCase()) return 0;
    // A lower-case word follows and the name is a plain word: "fine.love it". A hyphen or a
    // digit in the name ("giftcard-center.click now") is not how sentences glue.
    // Nor does a shop's name ("lojadomar.co por menos").
    if (!common && /^\s+\p{Ll}/u.test(text.slice(h.end, h.end + 3)) && /^\p{L}+$/u.test(labelRaw) && !(COMPOUND_NAME_TLDS.has(tld) && shopName(labelRaw))) return 0;
  }
  if (h.disguise && h.disguise !== 'normalised') return CONF.disguised;
  return common ? CONF.bareCommonTld : CONF.bareOtherTld;
}

/**
 * "tiendatech-ofertas.es", "moda24.es": a name with an inner hyphen or a digit beside letters,
 * before a lower-case country-code TLD that is also a word (compoundNameTlds), is a shop's name;
 * sentences glued by a missing space end in a plain word ("bueno.es", "fine.it"). So is a plain
 * name starting or ending with a shop word (shopNameWords) and more: "tiendatech.es", "lojadomar.co".
 */
function compoundName(text: string, h: UrlHit, tld: string): boolean {
  const label = text.slice(h.hostStart, h.hostEnd - tld.length - 1);
  if (!COMPOUND_NAME_TLDS.has(tld) || text.slice(h.hostEnd - tld.length, h.hostEnd) !== tld || label.length < 5 || label.includes('.')) return false;
  if (/^[a-z]+$/.test(label)) return shopName(label);
  return /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(label) ? /[a-z]{3}/.test(label) : /^[a-z]+[0-9]+[a-z]*$|^[0-9]+[a-z]{3,}$/.test(label);
}

/** Word TLDs that are also prepositions or articles ("punto de venta", "ponto de vista"). */
const PREPOSITION_TLDS = new Set(['de', 'do', 'na', 'no', 'se', 'si', 'la', 'in', 'at', 'to', 'a']);
/** Letters a name needs before a spelled-out dot and a word TLD ("tallasreales punto es"). */
const SPELLED_NAME_MIN = 6;

/**
 * "tallasreales punto es": a dot spelled out ('punto', 'dot', read by the normaliser or here)
 * before a word-like TLD is a domain when the name before it is long and plain (prose has "el
 * punto es", "mi punto de vista": a short word), and, for TLDs that are also prepositions, when
 * no lower-case word follows ("punto de venta").
 */
function spelledDotName(text: string, h: UrlHit, tld: string): boolean {
  if (h.disguise !== 'normalised' && h.disguise !== 'word') return false;
  const label = text.slice(h.hostStart, h.hostEnd - tld.length - 1);
  if (label.length < SPELLED_NAME_MIN || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(label)) return false;
  if (text.slice(h.hostEnd - tld.length, h.hostEnd) !== tld) return false;
  return !PREPOSITION_TLDS.has(tld) || !/^\s+\p{Ll}/u.test(text.slice(h.end, h.end + 3));
}

/** A plain-letter name made of a shop word and at least SHOP_NAME_REST more letters. */
function shopName(label: string): boolean {
  for (const w of SHOP_NAME_WORDS) {
    if (label.length < w.length + SHOP_NAME_REST) continue;
    if (label.startsWith(w) || label.endsWith(w)) return true;
  }
  return false;
}

/** Characters before a bare domain searched for a site cue ("mi web: tiendasol.es"). */
const CUE_CHARS = 40;
const CUE_WORDS = 3;
const CUE_WORD_RE = /[\p{L}]+/gu;

/**
 * "mi web: tiendasol.es", "my blog kate.me": a word-like TLD counts as a domain when one of the
 * few words before it, in the same sentence, names a site (data/link-heuristics.json siteCues)
 * and the name is not itself such a word ("visit the store.it was closed").
 */
function siteCueBefore(text: string, h: UrlHit): boolean {
  const label = (h.label ?? '').toLowerCase();
  if (label.length < 4 || SITE_CUES.has(label) || !/^[\p{L}\p{N}\-]+$/u.test(label)) return false;
  let before = text.slice(Math.max(0, h.start - CUE_CHARS), h.start);
  const stop = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
  if (stop >= 0) before = before.slice(stop + 1);
  const words = before.toLowerCase().match(CUE_WORD_RE);
  if (!words) return false;
  for (let k = Math.max(0, words.length - CUE_WORDS); k < words.length; k++) if (SITE_CUES.has(words[k]!)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The scan

// One-entry memo: the link, contact and phishing detectors of one text ask in turn, synchronously.
// A WeakMap entry per text cost more in garbage collection (ephemeron tables) than the scan itself.
let scanMemo: { norm: Normalized; hits: UrlHit[] } | null = null;

/**
 * Every URL-like thing in the text (normalised offsets, in order), with `conf` = 0 for those
 * that are not links (files, product names). E-mail addresses are left out. Memoised.
 */
export function scanLinks(norm: Normalized): UrlHit[] {
  if (scanMemo?.norm === norm) return scanMemo.hits;
  const text = norm.text;
  const lower = norm.lower;
  const hits: UrlHit[] = [];
  const emails: [number, number][] = [];
  const chunks = candidateChunks(text);
  let overflowFrom = -1;
  for (const [cs, ce] of chunks) {
    if (overflowFrom >= 0) break;
    // '|' is no URL character; full-width '｜' (NFKC makes it '|') separates links in CJK text,
    // and linkify will not start a URL right after one. Same length, so offsets hold.
    const matches = linkifier().match(text.slice(cs, ce).replace(/\|/g, ' '));
    if (!matches) continue;
    for (const m of matches) {
      if (hits.length >= MAX_HITS) { overflowFrom = cs + m.index; break; }
      const s = cs + m.index;
      const e = cs + m.lastIndex;
      if (m.schema.toLowerCase() === 'mailto:' && !m.raw.toLowerCase().startsWith('mailto:') && text.lastIndexOf('/', text.lastIndexOf('@', e - 1)) > s) {
        // "youtube.com/@dasha.try.on": linkify reads "youtube.com/" as an address's local part;
        // a slash there is a path, and the "@" a profile handle in it.
        const h = hitFromUrl(text, s, pathEnd(text, e), '', null);
        if (h) hits.push(h);
        continue;
      }
      if (m.schema.toLowerCase() === 'mailto:') {
        // "24h at shop.com/claim" (the normaliser read " at " as "@"): an address has no path, so
        // what follows the "@" is a link.
        const at = text.lastIndexOf('@', e - 1);
        if (text.charCodeAt(e) === 47 && e + 1 < text.length && !isSpaceCode(text.charCodeAt(e + 1)) && at > s) {
          const pe = pathEnd(text, e);
          const h = hitFromUrl(text, at + 1, pe, '', null);
          if (h) { if (norm.disguises(at + 1, pe).has('at-dot')) h.disguise = 'normalised'; hits.push(h); }
          emails.push([s, at]);
          continue;
        }
        emails.push([s, e]);
        continue;
      }
      const h = hitFromUrl(text, s, e, m.schema, null);
      if (!h) continue;
      if (!h.schema && afterAtSign(lower, s, h.domain)) continue;
      if (norm.disguises(s, e).has('at-dot')) h.disguise = 'normalised';
      hits.push(h);
    }
  }
  if (overflowFrom < 0) {
    if (lower.indexOf('.') >= 0 || SEP_HINT_RE.test(lower)) hits.push(...disguisedHits(norm).slice(0, MAX_HITS));
    hits.push(...schemeHits(norm).slice(0, MAX_HITS));
    hits.push(...spacedHostHits(norm).slice(0, MAX_HITS));
    hits.push(...emojiDotHits(norm));
    hits.push(...spaceDotHits(norm));
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop hits inside another (a linkify "www.shop" inside the disguised "www.shop . com") and
  // anything inside an e-mail address.
  const out: UrlHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      if (h.end <= prev.end) continue;
      if (h.end - h.start > prev.end - prev.start) out[out.length - 1] = h;
      continue;
    }
    if (emails.some(([s, e]) => h.start < e && s < h.end)) continue;
    out.push(h);
  }
  for (const h of out) h.conf = linkConfidence(text, h);
  if (overflowFrom >= 0) {
    const end = chunks[chunks.length - 1]![1];
    out.push({
      start: overflowFrom, end, schema: '', host: '', hostStart: overflowFrom, hostEnd: overflowFrom, path: '', userinfo: '',
      www: false, disguise: null, domain: null, suffix: null, label: null, subdomain: '', icann: false, ip: false,
      conf: CONF.overflow, overflow: true,
    });
  }
  scanMemo = { norm, hits: out };
  return out;
}
const SEP_HINT_RE = new RegExp(`(?:^|[^\\p{L}])(?:${DOT_ALT})(?:[^\\p{L}]|$)`, 'iu');

/** `host` is one of `domains` or a subdomain of one. */
export function isPlatformHost(host: string, domains: readonly string[]): boolean {
  for (const d of domains) {
    const dl = d.toLowerCase();
    if (host === dl || host.endsWith('.' + dl)) return true;
  }
  return false;
}

/**
 * A platform host that only reads as one because the normaliser folded look-alike letters
 * ("аliexpress.com" with a Cyrillic а): off the platform, and a phishing lookalike.
 */
export function foldedLookalike(norm: Normalized, h: UrlHit): boolean {
  if (!h.host) return false;
  if (norm.disguises(h.hostStart, h.hostEnd).has('homoglyph')) return true;
  // A spelled-out dot ("shop точка ру") is non-ASCII in the original for another reason.
  if (h.disguise) return false;
  const o = norm.toOriginal(h.hostStart, h.hostEnd);
  return /[^\x00-\x7f]/.test(norm.original.slice(o.start, o.end)) && !/[^\x00-\x7f]/.test(h.host);
}

// ---------------------------------------------------------------------------------------------

export const linkDetector: TextDetector = ({ norm, config }) => {
  const out: TextFinding[] = [];
  for (const h of scanLinks(norm)) {
    if (h.conf <= 0) continue;
    if (h.host && isPlatformHost(h.host, config.platformDomains) && !foldedLookalike(norm, h)) continue;
    const signals: string[] = [];
    if (h.overflow) signals.push('overflow');
    if (h.schema) signals.push(`scheme:${h.schema}`);
    if (h.disguise) signals.push(`disguised:${h.disguise}`);
    if (h.domain) signals.push(`domain:${h.domain}`.slice(0, 60));
    out.push({
      type: 'off_platform.link',
      detector: DETECTOR,
      confidence: h.conf,
      span: norm.toOriginal(h.start, h.end),
      evidence: { subtype: h.disguise ? 'disguised' : h.schema ? 'url' : 'domain', signals },
    });
  }
  return out;
};
