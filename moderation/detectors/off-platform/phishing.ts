import { parse } from 'tldts';
import type { Normalized, TextDetector, TextFinding } from '../../types.js';
import shorteners from '../../data/shorteners.json';
import suspiciousTlds from '../../data/suspicious-tlds.json';
import impersonated from '../../data/impersonated-brands.json';
import confusables from '../../data/confusables.json';
import { lexHits } from './lexicon.js';
import { foldedLookalike, isPlatformHost, scanLinks, type UrlHit } from './link.js';
import { MAX_PIECES, capTail, mergePieces, type Piece } from './contact.js';
import { tokens, type Hit } from './words.js';

/**
 * off_platform.phishing: links and words that try to take a buyer's account, card or money.
 *
 * URL signals (on every off-platform link the link scan found):
 *   - lookalike: the registrable name is the platform's brand with a foreign suffix
 *     (aliexpress.top), within edit distance 2 of it (alliexpress.com), contains it
 *     (aliexpress-refund.com), or reads as it after folding look-alike letters (аliexpress.com
 *     with a Cyrillic а, a1iexpress.com);
 *   - brand in a subdomain of a foreign domain (aliexpress.com.verify-login.xyz), before an "@"
 *     in the authority (https://aliexpress.com@evil.xyz), or in the
 *     path next to a login/coupon word (example.xyz/aliexpress/login);
 *   - punycode (xn--) hosts, raw IP hosts, javascript: and data: URLs;
 *   - URL shorteners that hide the target (data/shorteners.json);
 *   - TLDs that abuse reports are full of (data/suspicious-tlds.json), a weaker signal.
 * Lures (data/lures.json): asking for a password, SMS code or CVV, or outright for card data
 * ("enter your card details"); or bait ("claim your
 * coupon", "verify your account", "refund link") next to an off-platform link, or, weaker,
 * next to "click"/"по ссылке".
 *
 * The brand names are the registrable labels of `config.platformDomains`.
 */

const DETECTOR = 'off-platform.phishing';
/** Edit distance at which a name is a typo-squat of the brand (for names of 6+ letters). */
const MAX_DISTANCE = 2;
/** Characters between bait words and the link they point to. */
const BAIT_LINK_CHARS = 200;
/** Words between bait and a link cue ("click", "по ссылке"). */
const BAIT_CUE_WINDOW = 12;
/** Words between "send me" and "the SMS code". */
const ASK_WINDOW = 5;

const CONF = {
  script: 0.95, lookalike: 0.92, brandSubdomain: 0.92, brandPath: 0.75, ip: 0.85, punycode: 0.7,
  shortener: 0.8, suspiciousTld: 0.65, credential: 0.85, baitLink: 0.9, baitCue: 0.6,
} as const;

const SHORTENERS = new Set(shorteners.hosts);
const SUSPICIOUS = new Set(suspiciousTlds.tlds);
const PATH_LURE_WORDS: readonly string[] = impersonated.pathLureWords;
const pathLure = (path: string) => { const p = path.toLowerCase(); return PATH_LURE_WORDS.some((w) => p.includes(w)); };

// Look-alike letters and digits folded to one Latin skeleton, for brand comparison only.
const SKELETON = new Map<string, string>([
  ...Object.entries(confusables.cyrillicToLatin).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()] as [string, string]),
  ...Object.entries(confusables.greekToLatin).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()] as [string, string]),
  ['0', 'o'], ['1', 'l'], ['i', 'l'], ['|', 'l'], ['3', 'e'], ['4', 'a'], ['5', 's'], ['7', 't'], ['8', 'b'], ['@', 'a'], ['$', 's'],
]);

// SKELETON per code unit (every key and value is one code unit): 0 = kept as it is. A name with
// none of them (most) is not rebuilt character by character.
const SKEL = new Uint16Array(0x10000);
for (const [k, v] of SKELETON) if (k.length === 1 && v.length === 1) SKEL[k.charCodeAt(0)] = v.charCodeAt(0);
if ([...SKELETON].some(([k, v]) => k.length !== 1 || v.length !== 1)) throw new Error('skeleton: one code unit each');

export function skeleton(s: string): string {
  const l = s.toLowerCase();
  let out = l;
  for (let k = 0; k < l.length; k++) {
    if (SKEL[l.charCodeAt(k)] === 0) continue;
    out = l.slice(0, k);
    for (; k < l.length; k++) {
      const c = l.charCodeAt(k);
      const m = SKEL[c]!;
      out += m === 0 ? l[k]! : String.fromCharCode(m);
    }
    break;
  }
  // The same left-to-right, non-overlapping replacements as /rn/g, /vv/g, /-/g, in that order.
  if (out.includes('rn')) out = out.replaceAll('rn', 'm');
  if (out.includes('vv')) out = out.replaceAll('vv', 'w');
  if (out.includes('-')) out = out.replaceAll('-', '');
  return out;
}

// Two rows reused across calls (grown when needed): the rows were a fresh array per letter.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  if (rowA.length < m + 1) { rowA = new Int32Array(m + 1); rowB = new Int32Array(m + 1); }
  let prev = rowA;
  let cur = rowB;
  for (let k = 0; k <= m; k++) prev[k] = k;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Brand skeletons of the configured platform domains ("aliexpress", "alicdn"). */
const brandCache = new Map<string, string[]>();
function brandsOf(domains: readonly string[]): string[] {
  const key = domains.join(',');
  let b = brandCache.get(key);
  if (!b) {
    b = [...new Set(domains.map((d) => parse(d).domainWithoutSuffix).filter((x): x is string => !!x).map(skeleton))];
    brandCache.set(key, b);
  }
  return b;
}

/** How a name relates to a brand: equal after folding, a near typo, or containing it. */
function looksLikeBrand(name: string, brands: string[]): 'same' | 'typo' | 'contains' | null {
  if (!name) return null;
  const sk = skeleton(name);
  const parts = name.split('-').map(skeleton);
  for (const b of brands) {
    if (sk === b || parts.includes(b)) return 'same';
    // Short brands collide with ordinary words at distance 2; typos count for long ones only.
    if (b.length >= 8) for (const p of [sk, ...parts]) if (p.length >= 6 && distance(p, b, MAX_DISTANCE) <= MAX_DISTANCE) return 'typo';
    if (b.length >= 6 && sk.includes(b)) return 'contains';
  }
  return null;
}

// Other brands phishing imitates (data/impersonated-brands.json), as skeletons, and the lure words
// that make a brand name joined to other words a phishing host rather than a fan shop.
const OTHER_BRANDS = new Set(impersonated.brands.map((b) => skeleton(b)));
const OTHER_BRAND_NAMES = new Set(impersonated.brands);
const LURE_WORDS = new Set(impersonated.lureWords);
/** Names this short collide with ordinary words in a spelling or a typo: only joined to a lure. */
const OTHER_BRAND_MIN = 5;

/**
 * A host's name imitating another brand: spelled otherwise but folding to it ("paypa1"), a near
 * typo of a long one, or the brand joined to a lure word ("paypal-secure-login"). The brand's own
 * name, as spelled, is not ("amazon.de").
 */
function imitatesOtherBrand(label: string): 'homoglyph' | 'typo' | 'brand-lure' | null {
  const lower = label.toLowerCase();
  const parts = lower.split('-');
  if (parts.length > 1 && parts.some((p) => OTHER_BRANDS.has(skeleton(p))) && parts.some((p) => LURE_WORDS.has(p))) return 'brand-lure';
  const sk = skeleton(lower);
  if (OTHER_BRANDS.has(sk)) return sk.length >= OTHER_BRAND_MIN && !OTHER_BRAND_NAMES.has(lower) ? 'homoglyph' : null;
  if (sk.length >= 8) for (const b of OTHER_BRANDS) if (b.length >= 8 && distance(sk, b, 1) <= 1) return 'typo';
  return null;
}

/** The host's name or one of its subdomain labels reads as a platform brand. */
function brandLike(h: UrlHit, brands: string[]): boolean {
  if (h.label && looksLikeBrand(h.label, brands)) return true;
  return !!h.subdomain && h.subdomain.split('.').some((l) => looksLikeBrand(l, brands) !== null);
}

function urlSignals(norm: Normalized, h: UrlHit, brands: string[], platform: readonly string[]): { conf: number; signals: string[] } {
  const signals: string[] = [];
  let conf = 0;
  const add = (c: number, sig: string) => { signals.push(sig); conf = conf ? Math.min(0.99, Math.max(conf, c) + 0.03) : c; };
  if (h.schema === 'javascript:' || h.schema === 'vbscript:' || h.schema === 'data:') add(CONF.script, 'script-url');
  if (!h.host) return { conf, signals };
  const onPlatform = isPlatformHost(h.host, platform);
  // Look-alike letters in a host imitate us only when the folded host is ours or reads as our
  // brand; "vintаgeparts.net" (a Cyrillic а) disguises a link, a link detector matter.
  if (foldedLookalike(norm, h) && (onPlatform || brandLike(h, brands))) add(CONF.lookalike, 'homoglyph');
  if (onPlatform && !signals.length) return { conf, signals };
  if (h.ip && (h.schema || h.path.length > 1)) add(CONF.ip, 'ip-host');
  if (h.host.split('.').some((l) => l.startsWith('xn--'))) add(CONF.punycode, 'punycode');
  if (!onPlatform && h.label) {
    const how = looksLikeBrand(h.label, brands);
    if (how) add(CONF.lookalike, `lookalike:${how}`);
  }
  if (!onPlatform && h.subdomain && h.subdomain.split('.').some((l) => looksLikeBrand(l, brands) !== null)) add(CONF.brandSubdomain, 'brand-subdomain');
  if (!onPlatform && h.label) {
    const other = imitatesOtherBrand(h.label);
    if (other) add(CONF.lookalike, `other-brand:${other}`);
  }
  // "https://aliexpress.com@evil.xyz/login": the brand stands where the host is expected.
  if (h.userinfo && brands.some((b) => skeleton(h.userinfo).includes(b))) add(CONF.lookalike, 'brand-userinfo');
  if (!onPlatform && h.path.length > 1) {
    const p = skeleton(h.path);
    if (brands.some((b) => p.includes(b)) && pathLure(h.path)) add(CONF.brandPath, 'brand-path');
  }
  if ((h.domain && SHORTENERS.has(h.domain)) || SHORTENERS.has(h.host)) add(CONF.shortener, 'shortener');
  const tld = h.suffix ? h.suffix.slice(h.suffix.lastIndexOf('.') + 1) : '';
  if (SUSPICIOUS.has(tld)) add(CONF.suspiciousTld, `suspicious-tld:${tld}`);
  return { conf, signals };
}

export function phishingPieces(norm: Normalized, platformDomains: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  const brands = brandsOf(platformDomains);
  const platform = platformDomains;
  const links = scanLinks(norm).filter((h) => h.conf > 0);
  const offPlatform: UrlHit[] = [];
  for (const h of links) {
    const { conf, signals } = urlSignals(norm, h, brands, platform);
    if (conf > 0) pieces.push({ s: h.start, e: h.end, conf, signal: signals.join(',') });
    if (!h.host || !isPlatformHost(h.host, platform) || signals.length) offPlatform.push(h);
  }

  const hits = lexHits(norm);
  const toks = tokens(norm);
  const asks: Hit[] = [];
  const creds: Hit[] = [];
  const baits: Hit[] = [];
  const cues: Hit[] = [];
  for (const h of hits) {
    if (h.cat === 'l.ask') asks.push(h);
    else if (h.cat === 'l.cred') creds.push(h);
    else if (h.cat === 'l.card' && pieces.length < MAX_PIECES) pieces.push({ s: h.s, e: h.e, conf: CONF.credential, signal: 'lure:card-request' });
    else if (h.cat === 'l.bait') baits.push(h);
    else if (h.cat === 'l.cue') cues.push(h);
  }

  // "send me the code from the SMS", "пришлите CVV", "nos facilite el código de verificación",
  // "proszę podać login i hasło": asked for in any mood, no link needed; a negation right before
  // the request ("never share your password") makes it a warning.
  // Where negations end: built only once a request has its credential (most texts have none).
  let negEnds: Set<number> | null = null;
  let c0 = 0;
  for (const a of asks) {
    if (pieces.length >= MAX_PIECES) break;
    while (c0 < creds.length && creds[c0]!.i < a.j) c0++;
    const c = creds[c0];
    if (!c || c.i - a.j > ASK_WINDOW || toks[c.i]!.sent !== toks[a.i]!.sent) continue;
    // "never share your password", "nunca facilite su contraseña": a warning, not a request.
    if (!negEnds) {
      negEnds = new Set();
      for (const h of hits) if (h.cat === 'd.neg') negEnds.add(h.j);
    }
    if (negEnds.has(a.i) || negEnds.has(a.i - 1)) continue;
    pieces.push({ s: a.s, e: c.e, conf: CONF.credential, signal: 'lure:credential' });
  }

  // Bait next to a link. All lists are in text order: the pointers only move forward.
  let l0 = 0;
  let p0 = 0;
  let q0 = 0;
  for (const b of baits) {
    if (pieces.length >= MAX_PIECES) break;
    while (l0 < offPlatform.length && offPlatform[l0]!.end < b.s - BAIT_LINK_CHARS) l0++;
    const l = offPlatform[l0];
    if (l && l.start <= b.e + BAIT_LINK_CHARS) {
      pieces.push({ s: Math.min(b.s, l.start), e: Math.max(b.e, l.end), conf: CONF.baitLink, signal: 'lure:bait+link' });
      continue;
    }
    // Only the platform's own links near: a store coupon, not a lure.
    while (p0 < links.length && links[p0]!.end < b.s - BAIT_LINK_CHARS) p0++;
    if (p0 < links.length && links[p0]!.start <= b.e + BAIT_LINK_CHARS) continue;
    while (q0 < cues.length && cues[q0]!.j < b.i - BAIT_CUE_WINDOW) q0++;
    for (let k = q0; k < cues.length && cues[k]!.i <= b.j + BAIT_CUE_WINDOW; k++) {
      const q = cues[k]!;
      if (q.i >= b.i && q.j <= b.j) continue; // "refund link" carries its own "link"
      pieces.push({ s: Math.min(b.s, q.s), e: Math.max(b.e, q.e), conf: CONF.baitCue, signal: 'lure:bait+cue' });
      break;
    }
  }
  capTail(pieces, Math.max(asks[asks.length - 1]?.e ?? 0, baits[baits.length - 1]?.e ?? 0));
  return pieces;
}

export const phishingDetector: TextDetector = ({ norm, config }) => {
  const out: TextFinding[] = [];
  for (const p of mergePieces(phishingPieces(norm, config.platformDomains), norm.text)) {
    // A URL piece carries its signals comma-joined; flatten them.
    const signals = [...new Set(p.signals.flatMap((x) => x.split(',')))].slice(0, 8).map((x) => x.slice(0, 60));
    out.push({
      type: 'off_platform.phishing',
      detector: DETECTOR,
      confidence: p.conf,
      span: norm.toOriginal(p.s, p.e),
      evidence: { subtype: signals[0]!.split(':')[0]!, signals },
    });
  }
  return out;
};
