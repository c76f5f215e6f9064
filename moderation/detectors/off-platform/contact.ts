import type { Normalized, TextDetector, TextFinding } from '../../types.js';
import { digitClusters } from '../../normalize.js';
import { MESSENGERS, MESSENGER_SCHEMES, isProfileHost, lexHits, messengerOfHost } from './lexicon.js';
import { scanLinks } from './link.js';
import { findEmails } from '../personal-data/email.js';
import { contextIndex } from '../personal-data/context.js';
import { allLangs, earlier, firstHitFrom, firstStartingFrom, foldWord, hitEndingBefore, hitNear, hitStartingAfter, negatedPhrase, tokens, type Hit, type Tok } from './words.js';
import heuristics from '../../data/link-heuristics.json';
import contactPhrases from '../../data/contact-phrases.json';
import copulas from '../../data/copulas.json';
import { namesContact, offPlatformModel } from './model.js';
import { escapeRegExp } from '../../escape-regexp.js';

/**
 * off_platform.contact: an invitation to talk outside the platform.
 *
 * A messenger's name alone is a product mention ("supports WhatsApp calls", "Telegram comes
 * preinstalled"); it becomes an invitation next to one of:
 *   - an identifier: "@handle", a phone-length number, or a name-like word ("shop_ua") right
 *     after the messenger ("WhatsApp +7 916 …", "tg: @shop", "insta nails.by.kate");
 *   - an invitation verb in the same sentence, a few words away ("write me on WhatsApp",
 *     "пишите в телегу", "chama no zap");
 * and an "@handle" counts next to an invitation verb ("DM me @shop_ua"); so does Instagram's
 * "Direct" named alone right after one ("напишіть у директ", "chama no direct").
 * A request to send something ("me passa sua chave no WhatsApp", "скиньте повідомлення у
 * вайбер": the phishing detector's ask words) invites too when the messenger follows it after a
 * preposition, with no negation between. A negation right before a verb ("не пишіть нам у
 * месенджери", "never message us on WhatsApp") is a warning, not an invitation.
 * Messenger links with a target (wa.me/…, t.me/…, instagram.com/name, tg://…) invite by
 * themselves. All pairing is over sorted hit lists with bounded windows: linear.
 */

const DETECTOR = 'off-platform.contact';
const COMMON_TLDS = new Set(heuristics.commonTlds.list);

/** Words between an invitation verb and a messenger name ("write me a message on WhatsApp"). */
const VERB_WINDOW = 6;
/** Short names ("tg", "wa", "ig") must sit right next to the verb. */
const SHORT_WINDOW = 2;
/** Ambiguous names ("line", "signal") only right after the verb. */
const AMBIGUOUS_WINDOW = 3;
/** Characters between a messenger name and the identifier that follows it. */
const ID_AFTER_CHARS = 28;
/** Characters between an identifier and a messenger name that follows it ("@shop in Telegram"). */
const ID_BEFORE_CHARS = 14;
/** Messenger to a name-like word with copulas between ("telegram is cam_lee", "insta c'est ana.deco"). */
const COPULA_NAME_CHARS = 14;
const SENTENCE_BREAK_RE = /[.!?;\n]/;
/** Messenger to an "@handle" later in its sentence. */
const HANDLE_NEAR_CHARS = 60;
/** The same after a short name ("ig", "tg"), which stands for a messenger less surely. */
const SHORT_HANDLE_NEAR_CHARS = 16;
/** Words between a verb and an "@handle". */
const HANDLE_WINDOW = 5;
/** Words between a handle and the invitation verb after it ("@nadia_deco13, écrivez-moi"). */
const HANDLE_BEFORE_WINDOW = 2;
/** Words between a send request and the address it names ("send the user manual in English to …"). */
const SEND_WINDOW = 10;
/** A messenger site's pages that are not someone's profile or chat. */
const CORPORATE_PATH_RE = /^\/(?:download|help|faq|features|about|blog|legal|privacy|security|business|desktop|android|ios|apps?)(?:[/?#]|$)/i;

const CONF = { link: 0.92, identifierAfter: 0.92, identifierBefore: 0.85, verb: 0.85, verbAmbiguous: 0.72, direct: 0.8, verbHandle: 0.8, private: 0.75 } as const;
/** Words between an invitation and "Direct"; each at most PRIVATE_SHORT letters ("в", "у", "no", "мне"). */
const PRIVATE_GAP = 2;
const PRIVATE_SHORT = 3;
/** Words around such an invitation in which a platform cue ("in the app", "в чате") cancels it. */
const PLATFORM_WINDOW = 8;
/** Letters of the word right before a messenger that a send request points to ("no", "у", "via"). */
const PREP_MAX = 3;
/** Punctuation between two words that opens a clause. */
const CLAUSE_GAP_RE = /[,;:—–\-()«»"]/;

// "@handle" not inside an e-mail address (no word character before the "@").
const HANDLE_RE = /(?<![\p{L}\p{N}_.@+\-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,30}[\p{L}\p{N}_])?)(?![\p{L}\p{N}_]*@)/gu;
const INNER_DOT_RE = /\p{L}\.\p{L}/u;
const THREE_LETTERS_RE = /\p{L}{3}/u;
/** A name after a spaced "@": "_", an inner dot, or digits beside a real word (not "9pm"). */
const spacedName = (w: string): boolean => w.includes('_') || INNER_DOT_RE.test(w) || (/\d/.test(w) && THREE_LETTERS_RE.test(w));
const SPACED_HANDLE_RE = /(?<![\p{L}\p{N}_.@+\-])@ ([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,30}[\p{L}\p{N}_])?)(?![\p{L}\p{N}_]*@)/uy;
// A name-like word typed after a messenger: has a digit, "_" or an inner "." ("shop_ua", "kate.nails",
// "linda-led-2088"); hyphens only inside it.
// Two checks rather than one "^[…]*(?:…)[…]*$", which backtracks quadratically on a long word.
const NAME_CHARS_RE = /^[\p{L}\p{N}_.-]+$/u;
const NAME_MARK_RE = /[\p{N}_]|\p{L}\.\p{L}/u;
const VERSION_RE = /^v?\d+(?:\.\d+)*[a-z]?$/i;
const ABBREVIATION_RE = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;
const GLUED_RE = /^\p{Ll}+\.\p{Lu}\p{Ll}/u;
// Words that name a phone number: after an ambiguous messenger name ("Signal, número 912…") they
// say the name is the messenger, as a colon or "id" does.
const NUMBER_WORDS = ['номер', 'number', 'número', 'numero', 'numer', 'тел', 'tel', 'phone', 'телефон'];
const AMBIGUOUS_GLUE_RE = new RegExp(`[:：]|id|${NUMBER_WORDS.join('|')}`, 'i');
/** "as" before the name an account goes by ("on insta as kate_92"). */
const AS_WORDS = ['como', 'as', 'comme', 'jako', 'как', 'як'];
const AS_WORD_SET: ReadonlySet<string> = new Set(AS_WORDS);
// What may stand between a messenger name and its identifier.
const GLUE_WORDS = [
  'at', 'на', 'в', 'у', 'in', 'en', 'no', 'sur', 'na', 'is', 'es', 'é', 'est', 'to', 'jest', 'это', 'є',
  ...NUMBER_WORDS,
  ...allLangs(contactPhrases.handleOwner).flatMap((c) => c.split(' ')),
  // "en tiktok como @ caro.modaa", "on insta as @name": the name the account goes by.
  ...AS_WORDS,
  ...allLangs(contactPhrases.handleCues).flatMap((c) => c.split(' ')),
].map(escapeRegExp);
// Arrows and emoji point at the handle too ("insta ➡️ @name", "tg 👉 @shop").
const GLUE_CHARS = '\\s:：\\-–—=(),.>\\p{Extended_Pictographic}\\u2190-\\u21ff\\u2794-\\u27bf\\u2b05-\\u2b07\\ufe0f\\u200d';
const GLUE_RE = new RegExp(`^[${GLUE_CHARS}]*(?:(?:${[...new Set(GLUE_WORDS)].join('|')})[${GLUE_CHARS}]+)*$`, 'iu');

/** " como Tazas Lola", " as Bead Bloom", " jako Ola": "as" right after a messenger, then one or two capitalised words. */
const AS_NAME_RE = new RegExp(`[ \\t]{1,2}(?:${AS_WORDS.join('|')})[ \\t]{1,2}\\p{Lu}[\\p{Ll}\\p{N}]{2,}(?:[ \\t]\\p{Lu}[\\p{Ll}\\p{N}]+)?`, 'uy');

interface Ident { s: number; e: number }

function identifiers(norm: Normalized): Ident[] {
  const out: Ident[] = [];
  const text = norm.text;
  if (text.indexOf('@') >= 0) {
    HANDLE_RE.lastIndex = 0;
    for (let m = HANDLE_RE.exec(text); m; m = HANDLE_RE.exec(text)) {
      const name = m[1]!;
      // "@shop.com" is a domain, "@2x" or "@50" a size: not a user name.
      const dot = name.lastIndexOf('.');
      if (dot > 0 && COMMON_TLDS.has(name.slice(dot + 1).toLowerCase())) continue;
      if (/^\d+[a-z]?$/i.test(name)) continue;
      out.push({ s: m.index, e: m.index + m[0].length });
    }
    // "tele @ navy_88", "telegramie: @ tomek_rowery": a space after the "@" hides the handle from
    // filters. Only a name-like word ("_", an inner dot, digits beside a real word) after it:
    // "@ home", "@ 9pm" are prose.
    // Tried only where "@ " stands (a pattern that opens with a look-behind is tried at every
    // position of the text otherwise).
    for (let at = text.indexOf('@ '); at >= 0; at = text.indexOf('@ ', at + 1)) {
      SPACED_HANDLE_RE.lastIndex = at;
      const m = SPACED_HANDLE_RE.exec(text);
      if (!m) continue;
      const name = m[1]!;
      if (spacedName(name) && !VERSION_RE.test(name) && !ABBREVIATION_RE.test(name)) out.push({ s: m.index, e: m.index + m[0].length });
    }
    // "proszę o kontakt mailowo: kuba.wawa92 małpa wp kropka pl" (the normaliser's "@"): an e-mail
    // address is a channel like a handle, next to an invitation verb. The addresses are the
    // e-mail detector's.
    for (const f of findEmails(norm)) out.push({ s: f.start, e: f.end });
  }
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    const s = discordTagStart(text, at);
    if (s >= 0) out.push({ s, e: at + 1 + DISCORD_DIGITS });
  }
  for (const c of digitClusters(norm)) if (c.digits.length >= 7 && c.digits.length <= 15) out.push({ s: c.start, e: c.end });
  out.sort((a, b) => a.s - b.s);
  return out;
}

/** Digits of a Discord tag's discriminator ("fredo#4412"). */
const DISCORD_DIGITS = 4;
/** Longest Discord user name. */
const DISCORD_NAME_MAX = 32;
const DISCORD_NAME_CHAR_RE = /[\p{L}\p{N}_.]/u;

/**
 * Start of a Discord tag whose "#" is at `hash` ("Ajoutez-moi : fredo#4412"), or -1: a name of
 * 2-32 word characters with a lower-case letter, glued to "#" and exactly four digits. A hashtag
 * ("#4412" after a space) has no name; the scan back is bounded.
 */
function discordTagStart(text: string, hash: number): number {
  for (let k = 1; k <= DISCORD_DIGITS; k++) if (!/\d/.test(text[hash + k] ?? '')) return -1;
  if (/[\p{L}\p{N}_]/u.test(text[hash + 1 + DISCORD_DIGITS] ?? '')) return -1;
  let s = hash;
  while (s > 0 && hash - s < DISCORD_NAME_MAX && DISCORD_NAME_CHAR_RE.test(text[s - 1]!)) s--;
  if (s > 0 && DISCORD_NAME_CHAR_RE.test(text[s - 1]!)) return -1;
  const name = text.slice(s, hash);
  // Capitals only ("SKU#4412", "REF#2024") is a code, not a user name.
  return name.length >= 2 && /\p{L}/u.test(name) && name !== name.toUpperCase() ? s : -1;
}

export interface Piece { s: number; e: number; conf: number; signal: string }

function sameSentence(toks: Tok[], i: number, j: number): boolean {
  return toks[Math.min(i, toks.length - 1)]!.sent === toks[Math.min(j, toks.length - 1)]!.sent;
}

/**
 * `circled` collects the token index of each messenger named as the place of a group its members
 * name ("our running club's WhatsApp group"): read, and not an invitation (contactDetector).
 */
export function contactPieces(norm: Normalized, circled?: Set<number>): Piece[] {
  const pieces: Piece[] = [];
  const text = norm.text;

  // Messenger links: wa.me/7916…, t.me/shop, instagram.com/name, tg://resolve?domain=…
  for (const h of scanLinks(norm)) {
    if (h.conf <= 0 || pieces.length >= MAX_PIECES) continue;
    if (h.host) {
      const id = messengerOfHost(h.host);
      // A social network's page ("instagram.com/yoga.avec.clem", data profileHosts) is an outside
      // link, which the link detector reports; it invites only with words that say so, which the
      // verb rules read. Its chat hosts (m.me, ig.me, vk.me) invite by themselves.
      if (id && h.path.length > 1 && !CORPORATE_PATH_RE.test(h.path) && !isProfileHost(h.host)) pieces.push({ s: h.start, e: h.end, conf: CONF.link, signal: `link:${id}` });
    } else {
      const id = MESSENGER_SCHEMES.get(h.schema);
      if (id) pieces.push({ s: h.start, e: h.end, conf: CONF.link, signal: `link:${id}` });
    }
  }

  const hits = lexHits(norm);
  const toks = tokens(norm);
  const names: Hit[] = [];
  const verbs: Hit[] = [];
  const sends: Hit[] = [];
  const directs: Hit[] = [];
  const privs: Hit[] = [];
  const plats: Hit[] = [];
  const asks: Hit[] = [];
  const negs: Hit[] = [];
  const owns: Hit[] = [];
  const talks: Hit[] = [];
  const theres: Hit[] = [];
  const outs: Hit[] = [];
  const groups: Hit[] = [];
  const gcues: Hit[] = [];
  const circles: Hit[] = [];
  for (const h of hits) {
    if (h.cat === 'msg' || h.cat === 'msg.short') names.push(h);
    else if (h.cat === 'c.verb') verbs.push(h);
    else if (h.cat === 'c.send') sends.push(h);
    else if (h.cat === 'l.ask') asks.push(h);
    else if (h.cat === 'd.neg') negs.push(h);
    else if (h.cat === 'c.direct') directs.push(h);
    else if (h.cat === 'c.priv') privs.push(h);
    else if (h.cat === 'd.plat') plats.push(h);
    else if (h.cat === 'c.own') owns.push(h);
    else if (h.cat === 'c.talk') talks.push(h);
    else if (h.cat === 'c.there') theres.push(h);
    else if (h.cat === 'd.strong') outs.push(h);
    else if (h.cat === 'c.group') groups.push(h);
    else if (h.cat === 'c.gcue') gcues.push(h);
    else if (h.cat === 'c.circle') circles.push(h);
  }
  // "не пишіть нам у месенджери", "never message us": a negation ending right at the verb.
  const negEnds = new Set(negs.map((h) => h.j));
  if (negs.length && verbs.length) {
    const kept = verbs.filter((v) => !negEnds.has(v.i));
    verbs.length = 0;
    verbs.push(...kept);
  }
  if (privs.length) privatePieces(toks, verbs, directs, privs, plats, pieces);
  if (asks.length && names.length) askPieces(text, toks, asks, names, negs, pieces);
  if (owns.length && names.length) ownPieces(text, toks, owns, names, plats, pieces);
  if (theres.length && (names.length || owns.length)) therePieces(toks, theres, talks, verbs, names, owns, plats, negEnds, pieces);
  if (outs.length && talks.length) talkOutsidePieces(text, toks, talks, outs, negs, negEnds, pieces);
  if (groups.length && names.length && (gcues.length || circles.length)) groupPieces(toks, groups, gcues, names, circles, negEnds, pieces, circled);
  // Identifiers matter only next to a messenger name or a verb; most reviews have neither.
  if (!names.length && !verbs.length && !sends.length) return pieces;
  const ids = identifiers(norm);
  // "ник shop_msk", "pseudo margot_bijoux": a name-like word after a handle cue is one too.
  for (const c of hits) {
    if (c.cat !== 'c.cue') continue;
    // "su ID es hua_mei2021", "my nick is kate_92", "son pseudo c'est …": at most two copula tokens between the cue and the name.
    let q = c.j;
    while (q < c.j + 2 && toks[q] && CUE_COPULAS.has(toks[q]!.w) && toks[q + 1] && toks[q + 1]!.s - toks[q]!.e <= 3) q++;
    const next = toks[q];
    if (!next || next.s - c.e > (q === c.j ? 3 : 10)) continue;
    const end = nameyWordAt(text, next.s);
    if (!end) continue;
    ids.push({ s: next.s, e: end });
    // "…sur Telegram qu'ici. Son pseudo c'est shenzhen_led_store": a handle named as such, with a
    // messenger in its sentence or the one before, is the account to write to there.
    const sent = toks[c.i]!.sent;
    const n = names.find((x) => x.cat !== 'msg.short' && !MESSENGERS.get(x.id)?.ambiguous && sent - toks[x.i]!.sent >= 0 && sent - toks[x.i]!.sent <= 1 && x.i < c.i);
    if (n && pieces.length < MAX_PIECES) pieces.push({ s: n.s, e: end, conf: CONF.verbHandle, signal: `cue:${n.id}` });
  }
  ids.sort((a, b) => a.s - b.s);

  // Names followed (or preceded) by an identifier.
  for (const n of names) {
    if (pieces.length >= MAX_PIECES) break;
    const short = n.cat === 'msg.short';
    const amb = MESSENGERS.get(n.id)?.ambiguous === true;
    let found = false;
    for (let k = firstStartingFrom(ids, n.e); k < ids.length && ids[k]!.s - n.e <= (short ? 12 : ID_AFTER_CHARS); k++) {
      const gap = text.slice(n.e, ids[k]!.s);
      if (!GLUE_RE.test(gap) || (amb && !AMBIGUOUS_GLUE_RE.test(gap))) continue;
      pieces.push({ s: n.s, e: ids[k]!.e, conf: amb ? CONF.verbAmbiguous : CONF.identifierAfter, signal: `id-after:${n.id}` });
      found = true;
      break;
    }
    // "son Telegram perso pour le SAV, c'est @sav_gadgetpro": an "@handle" further on in the
    // messenger's sentence; after a short name ("por ig, soy @lauri.compras") only a few words on.
    for (let k = firstStartingFrom(ids, n.e); !found && !amb && k < ids.length && ids[k]!.s - n.e <= (short ? SHORT_HANDLE_NEAR_CHARS : HANDLE_NEAR_CHARS); k++) {
      if (SENTENCE_BREAK_RE.test(text.slice(n.e, ids[k]!.s))) break;
      if (text.charCodeAt(ids[k]!.s) !== 64) continue;
      pieces.push({ s: n.s, e: ids[k]!.e, conf: CONF.verbHandle, signal: `handle-near:${n.id}` });
      found = true;
    }
    if (found || amb) continue;
    // A name-like word right after the messenger: "Telegram: shop_ua", "insta kate.nails"; after
    // a short name only with a colon ("snap: mike_99").
    const next = toks[n.j];
    const gap = next ? text.slice(n.e, next.s) : '';
    // "IG (ximo_drones)": a name in brackets right after a short one is as plain as after a colon.
    if (next && next.s - n.e <= 4 && GLUE_RE.test(gap) && (!short || /[:：(]/.test(gap))) {
      const word = nameyWordAt(text, next.s);
      if (word) { pieces.push({ s: n.s, e: word, conf: CONF.identifierAfter, signal: `name-after:${n.id}` }); continue; }
    }
    // "His telegram is cam_support_lee", "mi insta es ana_bags", "в інсті як krolyky_knit": a
    // copula or "as" (or both) before the name.
    if (!short) {
      let q = n.j;
      while (q < n.j + 2 && toks[q] && (CUE_COPULAS.has(toks[q]!.w) || AS_WORD_SET.has(toks[q]!.w)) && toks[q]!.sent === toks[n.i]!.sent) q++;
      const word = q > n.j && toks[q] && toks[q]!.s - n.e <= COPULA_NAME_CHARS && !SENTENCE_BREAK_RE.test(text.slice(n.e, toks[q]!.s)) ? nameyWordAt(text, toks[q]!.s) : 0;
      if (word) { pieces.push({ s: n.s, e: word, conf: CONF.verbHandle, signal: `name-after:${n.id}` }); continue; }
    }
    // "estamos en Insta como Tazas Lola": the name the account goes by, capitalised, after "as".
    AS_NAME_RE.lastIndex = n.e;
    const asName = AS_NAME_RE.exec(text);
    if (asName) { pieces.push({ s: n.s, e: n.e + asName[0].length, conf: CONF.verbHandle, signal: `as-name:${n.id}` }); continue; }
    if (short) continue;
    // "@shop_ua in Telegram", "+7 916 123 45 67 (WhatsApp)".
    const k = firstStartingFrom(ids, n.s) - 1;
    if (k >= 0 && n.s - ids[k]!.e <= ID_BEFORE_CHARS && n.s >= ids[k]!.e && !/[.!?\n]/.test(text.slice(ids[k]!.e, n.s))) {
      pieces.push({ s: ids[k]!.s, e: n.e, conf: CONF.identifierBefore, signal: `id-before:${n.id}` });
    }
  }

  // "not on WhatsApp", "не в телеграм", "pas sur Telegram": the messenger refused. (A negation
  // right before the name may be the preposition itself: Portuguese "no WhatsApp" is "on WhatsApp".)
  const refused = (n: Hit) => n.i >= 2 && negEnds.has(n.i - 1) && toks[n.i - 1]!.e - toks[n.i - 1]!.s <= PREP_MAX;

  // Invitation verbs near a messenger name, same sentence.
  let start = 0;
  for (const v of verbs) {
    if (pieces.length >= MAX_PIECES) break;
    while (start < names.length && names[start]!.j < v.i - VERB_WINDOW) start++;
    for (let k = start; k < names.length && names[k]!.i <= v.j + VERB_WINDOW; k++) {
      const n = names[k]!;
      // "WhatsApp me", "signal me": the verb phrase names the messenger itself.
      if (n.i < v.j && n.j > v.i) { pieces.push({ s: v.s, e: v.e, conf: CONF.verb, signal: `verb:${n.id}` }); continue; }
      const short = n.cat === 'msg.short';
      const amb = MESSENGERS.get(n.id)?.ambiguous === true;
      const dist = n.i >= v.j ? n.i - v.j : v.i - n.j;
      if (short && dist > SHORT_WINDOW) continue;
      if (amb && (n.i < v.j || dist > AMBIGUOUS_WINDOW)) continue;
      if (dist > VERB_WINDOW || !sameSentence(toks, v.i, n.i) || (n.i > v.i && refused(n))) continue;
      pieces.push({ s: Math.min(v.s, n.s), e: Math.max(v.e, n.e), conf: amb ? CONF.verbAmbiguous : CONF.verb, signal: `verb:${n.id}` });
    }
  }

  // "I'm on Telegram", "chama no zap", "жду в вайбере": the cue directly before the name.
  for (const d of directs) {
    if (pieces.length >= MAX_PIECES) break;
    const k = firstStartingFrom(names, d.e);
    const n = names[k];
    if (!n || n.i !== d.j || n.cat === 'msg.short' || MESSENGERS.get(n.id)?.ambiguous) continue;
    pieces.push({ s: d.s, e: n.e, conf: CONF.direct, signal: `direct:${n.id}` });
  }

  // Verbs near an "@handle" or a number: "DM me @shop_ua", "пишите @shop_ua", "contact me:
  // +1 212 555 0188". (The number itself is also the phone detector's.) A request to send
  // something counts here only, a little further off ("пришлите, пожалуйста, инструкцию на почту
  // ivan…"): the thing sent stands between.
  const sendsLive = sends.filter((v) => !negEnds.has(v.i));
  for (const v of sendsLive.length ? [...verbs, ...sendsLive] : verbs) {
    if (pieces.length >= MAX_PIECES) break;
    const k = firstStartingFrom(ids, v.e);
    const h = ids[k];
    if (!h) continue;
    const ti = firstStartingFrom(toks, h.s);
    const reach = v.cat === 'c.send' ? SEND_WINDOW : HANDLE_WINDOW;
    if (ti - v.j > reach || !sameSentence(toks, v.i, Math.min(ti, toks.length - 1))) continue;
    const c0 = text.charCodeAt(h.s);
    const digit = (c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 40;
    // A send request points at an address or a handle; before digits it is a postcode or an order ("Podem enviar para a Rua …, 4000-443").
    if (digit && v.cat === 'c.send') continue;
    // "Ищите артикул 8812-4410-09": a number an article, order or tracking word names right before it is no contact.
    if (digit && labelledNotContact(norm, h.s)) continue;
    pieces.push({ s: v.s, e: h.e, conf: CONF.verbHandle, signal: c0 === 64 ? 'verb:handle' : digit ? 'verb:number' : 'verb:email' });
  }
  // "Le mien c'est @nadia_deco13, écrivez-moi svp": a handle or address right before the
  // invitation, in its sentence (a number before "call me" may be an order's: left out).
  for (const v of verbs) {
    if (pieces.length >= MAX_PIECES) break;
    const k = firstStartingFrom(ids, v.s) - 1;
    const h = k >= 0 ? ids[k] : undefined;
    if (!h || h.e > v.s) continue;
    const c0 = text.charCodeAt(h.s);
    if ((c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 40) continue;
    const ti = Math.min(firstStartingFrom(toks, h.e), toks.length - 1);
    if (v.i - ti > HANDLE_BEFORE_WINDOW || !sameSentence(toks, ti, v.i)) continue;
    pieces.push({ s: h.s, e: v.e, conf: CONF.verbHandle, signal: c0 === 64 ? 'handle:verb' : 'email:verb' });
  }
  capTail(pieces, Math.max(names[names.length - 1]?.e ?? 0, verbs[verbs.length - 1]?.e ?? 0));
  return pieces;
}

/** Characters before a number within which an article, order or tracking word names it. */
const NOT_CONTACT_LABEL_REACH = 16;

/** Is the number at `pos` named by a "not a phone" word (the personal-data context lists) and by no phone word nearer? */
function labelledNotContact(norm: Normalized, pos: number): boolean {
  const ctx = contextIndex(norm);
  const not = ctx.distBefore('notPhone', pos, NOT_CONTACT_LABEL_REACH);
  return not < Infinity && ctx.distBefore('phone', pos, NOT_CONTACT_LABEL_REACH) > not;
}

/**
 * "me passa sua chave no WhatsApp", "скиньте повідомлення у вайбер": a send request, then within
 * VERB_WINDOW words in its sentence a messenger (not a short or ambiguous name) after a short
 * preposition, and no negation between ("send me a message here, not on WhatsApp"). A one-word
 * request must open its clause, as an imperative does: "La báscula manda avisos por WhatsApp" is a
 * feature with a subject. Both lists are in token order; the scan per request is bounded: linear.
 */
function askPieces(text: string, toks: Tok[], asks: Hit[], names: Hit[], negs: Hit[], pieces: Piece[]): void {
  for (const a of asks) {
    if (pieces.length >= MAX_PIECES) return;
    if (a.j - a.i === 1 && a.i > 0 && toks[a.i - 1]!.sent === toks[a.i]!.sent && !CLAUSE_GAP_RE.test(text.slice(toks[a.i - 1]!.e, a.s))) continue;
    // The first such messenger decides: a negation before it refuses the request's channel.
    const n = hitStartingAfter(names, a.j, VERB_WINDOW, (x) => {
      if (x.i === a.j || x.cat === 'msg.short' || MESSENGERS.get(x.id)?.ambiguous || !sameSentence(toks, a.i, x.i)) return false;
      const prep = toks[x.i - 1]!;
      return prep.e - prep.s <= PREP_MAX;
    });
    if (!n) continue;
    // The preposition itself may read as a negation (Portuguese "no WhatsApp" is "on WhatsApp").
    let negated = false;
    for (let g = firstHitFrom(negs, a.j); g < negs.length && negs[g]!.i < n.i && !negated; g++) negated = negs[g]!.i !== n.i - 1;
    if (!negated) pieces.push({ s: a.s, e: n.e, conf: CONF.verb, signal: `ask:${n.id}` });
  }
}

/** Words between one's own handle named ("mi usuario", "nick to samo") and a messenger. */
const OWN_WINDOW = 8;

/**
 * "mam filmik na tiktoku, nick to samo co tutaj", "Llamadme al telegram, mi usuario es X": one's
 * own handle named or said to equal another (data ownHandle) within OWN_WINDOW words of a
 * messenger or social network (not an ambiguous name) in its sentence, and no platform cue near:
 * the handle can be found. Both lists are in token order; each cue looks a few words around.
 */
function ownPieces(text: string, toks: Tok[], owns: Hit[], names: Hit[], plats: Hit[], pieces: Piece[]): void {
  for (const o of owns) {
    if (pieces.length >= MAX_PIECES) return;
    // "¿me puede contestar por Telegram? Mi usuario es j_u_a_n_p_8_7": the handle written right
    // after the cue; then the messenger may be named in the sentence before.
    const given = handleAfter(text, toks, o);
    const n = hitNear(names, o, OWN_WINDOW, (x, dist) => {
      if (MESSENGERS.get(x.id)?.ambiguous || (x.cat === 'msg.short' && dist > SHORT_WINDOW)) return false;
      return sameSentence(toks, o.i, x.i) || (given && x.j <= o.i && toks[o.i]!.sent - toks[x.i]!.sent === 1);
    });
    if (!n) continue;
    // A platform cue around the pair says where the handle is: the first such messenger decides, no later one is tried.
    const p = firstHitFrom(plats, Math.min(o.i, n.i) - PLATFORM_WINDOW);
    if (p < plats.length && plats[p]!.i <= Math.max(o.j, n.j) + PLATFORM_WINDOW) continue;
    pieces.push({ s: Math.min(o.s, n.s), e: Math.max(o.e, n.e), conf: CONF.verbHandle, signal: `own:${n.id}` });
  }
}

/** One-word copulas between one's own handle named and the handle ("mi usuario es X", "my handle is X", "nick to X"). */
const COPULAS = new Set(Object.entries(copulas).filter(([k]) => !k.startsWith('_')).flatMap(([, words]) => (words as string[]).filter((w) => !w.includes(' ')).map(foldWord)));
/**
 * A copula between a handle cue and the name ("su ID es …", "son pseudo c'est …"): the one-word
 * copulas, and the contractions of the two-word ones as the tokenizer keeps them ("c'est", "it's").
 */
const CUE_COPULAS: ReadonlySet<string> = new Set([...COPULAS, ...Object.entries(copulas).filter(([k]) => !k.startsWith('_'))
  .flatMap(([, words]) => (words as string[]).map((w) => w.split(' ')).filter((w) => w.length === 2 && (w[0]!.length === 1 || w[1]!.length === 1)).map((w) => w.join("'")))]);

/** A handle-shaped word written right after an own-handle cue, a copula or colon between: "mi usuario es j_u_a_n_p_8_7". */
function handleAfter(text: string, toks: Tok[], o: Hit): boolean {
  let k = o.j;
  if (k < toks.length && COPULAS.has(toks[k]!.w)) k++;
  const t = toks[k];
  if (!t || t.s - toks[k - 1]!.e > 3) return false;
  return nameyWordAt(text, t.s) > 0;
}

/** Words between a talk word or invitation and the "there" after it ("DM me on there", "discuter là-bas"). */
const THERE_GAP = 1;
/** Words back from the talk word in which the messenger or profile it points at is named. */
const THERE_BACK = 24;

/**
 * "link in my profile, DM me on there", "numéro WhatsApp ? Je préfère discuter là-bas", "me
 * encuentran en tiktok como … y me preguntan ahí": a talk word (data `talk`) or an invitation verb,
 * at most THERE_GAP words before a "there" word (data `there`), with a messenger (not an ambiguous
 * one) or one's own profile named before it, in its sentence or the one before, within THERE_BACK
 * words; no negation right before the talk word, no platform cue from the place named to "there".
 * Lists are in token order; each "there" looks a bounded number of hits back: linear.
 */
function therePieces(toks: Tok[], theres: Hit[], talks: Hit[], verbs: Hit[], names: Hit[], owns: Hit[], plats: Hit[], negEnds: Set<number>, pieces: Piece[]): void {
  for (const th of theres) {
    if (pieces.length >= MAX_PIECES) return;
    const ok = (t: Hit) => toks[t.i]!.sent === toks[th.i]!.sent && !negEnds.has(t.i);
    // "talk there", or the word order of Slavic and Romance languages, "there" right before the
    // talk ("wolałbym tam pogadać", "там поговорим", "lá conversamos").
    const talk = earlier(hitEndingBefore(talks, th.i, THERE_GAP, ok), hitEndingBefore(verbs, th.i, THERE_GAP, ok))
      ?? hitStartingAfter(talks, th.j, 0, ok);
    if (!talk) continue;
    const sent = toks[talk.i]!.sent;
    let place: Hit | undefined;
    for (const list of [names, owns]) {
      for (let k = firstHitFrom(list, Math.max(0, talk.i - THERE_BACK)); k < list.length && list[k]!.j <= talk.i; k++) {
        const n = list[k]!;
        if (n.cat !== 'c.own' && MESSENGERS.get(n.id)?.ambiguous) continue;
        if (sent - toks[n.i]!.sent > 1) continue;
        if (!place || n.i > place.i) place = n;
      }
    }
    if (!place) continue;
    const p = firstHitFrom(plats, place.i);
    if (p < plats.length && plats[p]!.i <= th.j) continue;
    pieces.push({ s: place.s, e: th.e, conf: CONF.verbHandle, signal: `there:${place.cat === 'c.own' ? 'profile' : place.id}` });
  }
}

/**
 * "tem como falar por fora?", "talk outside the platform": a talk word right before a strong
 * "outside" phrase of the deal lists (at most one word between), not negated. Talking outside is
 * a contact; the deal detector leaves such a phrase alone.
 */
function talkOutsidePieces(text: string, toks: Tok[], talks: Hit[], outs: Hit[], negs: Hit[], negEnds: Set<number>, pieces: Piece[]): void {
  for (const o of outs) {
    if (pieces.length >= MAX_PIECES) return;
    // Negated as the deal detector reads it ("Não vou falar por fora"): a refusal, no invitation.
    if (negatedPhrase(text, toks, negs, o)) continue;
    const t = hitEndingBefore(talks, o.i, 1, (x) => !negEnds.has(x.i) && toks[x.i]!.sent === toks[o.i]!.sent);
    if (t) pieces.push({ s: t.s, e: o.e, conf: CONF.verbHandle, signal: 'talk-outside' });
  }
}

/** Words between a messenger and its group noun ("grupo de WhatsApp", "чат у тг"). */
const GROUP_GAP = 2;
/** Words between a group cue and the group ("у нас закритий чат у тг"). */
const GROUP_CUE_GAP = 3;
/** Words past the group where its members may still be named ("grupo de amigos", "group of my friends"). */
const CIRCLE_AFTER = 3;

/**
 * "Únete a nuestro grupo de WhatsApp", "tem grupo no zap", "у нас в тг-чате", "the seller runs a
 * WhatsApp group": a group, chat or channel noun within GROUP_GAP words of a messenger name (not
 * an ambiguous one), and a cue of ownership, existence or joining (data groupCues) ending at most
 * GROUP_CUE_GAP words before the pair, all in one sentence, the cue not negated. A group alone is
 * a feature ("supports WhatsApp group calls"), and so is one's own ("I shared it in my WhatsApp
 * group"): "my" is no cue. So is a group named by who is in it, with or without a cue ("half of
 * our running club's WhatsApp group owns one", "na grupie osiedlowej na Messengerze": data
 * groupCircles, a few words around the pair), unless a joining word asks the reader in ("join
 * our club's Telegram channel"). Lists are in token order; each noun looks a bounded window: linear.
 */
function groupPieces(toks: Tok[], groups: Hit[], gcues: Hit[], names: Hit[], circles: Hit[], negEnds: Set<number>, pieces: Piece[], circled?: Set<number>): void {
  for (const g of groups) {
    if (pieces.length >= MAX_PIECES) return;
    const name = hitNear(names, g, GROUP_GAP, (x) => !MESSENGERS.get(x.id)?.ambiguous && sameSentence(toks, g.i, x.i));
    if (!name) continue;
    const first = Math.min(g.i, name.i);
    const cue = hitEndingBefore(gcues, first, GROUP_CUE_GAP, (c) => !negEnds.has(c.i) && sameSentence(toks, c.i, first));
    if (cue?.id !== 'join' && circleIn(circles, toks, first, first - GROUP_CUE_GAP, Math.max(g.j, name.j) + CIRCLE_AFTER)) {
      circled?.add(name.i);
      continue;
    }
    if (!cue) continue;
    pieces.push({ s: cue.s, e: Math.max(g.e, name.e), conf: CONF.verbHandle, signal: `group:${name.id}` });
  }
}

/** Whether a circle word lies in tokens [from, to), in the sentence of token `at`. */
function circleIn(circles: Hit[], toks: Tok[], at: number, from: number, to: number): boolean {
  for (let k = firstHitFrom(circles, from); k < circles.length && circles[k]!.i < to; k++) if (sameSentence(toks, at, circles[k]!.i)) return true;
  return false;
}

/**
 * "напишіть у директ", "пиши мне в директ", "chama no direct": an invitation verb (or a
 * directBefore cue) followed, with at most PRIVATE_GAP short words between, by Instagram's
 * private chat named alone (data/contact-phrases.json directChannels). "Напишите продавцу в
 * директ" (a long word between) does not pair; a platform cue near ("в чате") cancels. Generic
 * private-message words ("в личку", "al privado") stay deal channels: the platform has a chat.
 * Both lists are in token order and the scan per private word is bounded: linear.
 */
function privatePieces(toks: Tok[], verbs: Hit[], directs: Hit[], privs: Hit[], plats: Hit[], pieces: Piece[]): void {
  for (const p of privs) {
    if (pieces.length >= MAX_PIECES) return;
    const ok = (v: Hit) => {
      for (let t = v.j; t < p.i; t++) if (toks[t]!.e - toks[t]!.s > PRIVATE_SHORT) return false;
      return sameSentence(toks, v.i, p.i);
    };
    const best = earlier(hitEndingBefore(verbs, p.i, PRIVATE_GAP, ok), hitEndingBefore(directs, p.i, PRIVATE_GAP, ok));
    if (!best) continue;
    const from = best.i - PLATFORM_WINDOW;
    const to = p.j + PLATFORM_WINDOW;
    const k = firstHitFrom(plats, from);
    if (k < plats.length && plats[k]!.i <= to) continue;
    pieces.push({ s: best.s, e: p.e, conf: CONF.private, signal: 'private' });
  }
}

/**
 * At most this many pieces per detector and text: past it the text is spam, and the rest of it
 * (up to the last cue) becomes one piece, so a flood of cues costs no more than a few hundred.
 */
export const MAX_PIECES = 200;

export function capTail(pieces: Piece[], lastCueEnd: number): void {
  if (pieces.length < MAX_PIECES) return;
  let end = 0;
  for (const p of pieces) if (p.e > end) end = p.e;
  if (lastCueEnd > end) pieces.push({ s: end, e: lastCueEnd, conf: 0.7, signal: 'overflow' });
}

/** End of a name-like word starting at `s` ("shop_ua", "kate.nails"), or 0. */
function nameyWordAt(text: string, s: number): number {
  let e = s;
  // An inner hyphen joins parts of one ID ("wechat: linda-led-2088"); a trailing one does not.
  while (e < text.length && e - s < 40 && (/[\p{L}\p{N}_.]/u.test(text[e]!) || (text[e] === '-' && e > s && /[\p{L}\p{N}]/u.test(text[e + 1] ?? '')))) e++;
  while (e > s && text[e - 1] === '.') e--;
  const w = text.slice(s, e);
  // A version number ("WhatsApp 2.24", "Viber v14.2") is not a name, nor an abbreviation ("p.ej.",
  // "e.g.", "т.е.": every part a few letters, no digit or "_"), nor a sentence glued to the next
  // by a missing space ("ok.Thanks").
  return e > s + 2 && NAME_CHARS_RE.test(w) && NAME_MARK_RE.test(w) && /\p{L}/u.test(w) && !VERSION_RE.test(w) && !ABBREVIATION_RE.test(w) && !GLUED_RE.test(w) ? e : 0;
}

/** Pieces this close, in one sentence, are one finding ("por fuera te sale más barato"). */
const MERGE_GAP = 12;

/** Signals a merged finding lists; a full list may hide more (redaction reads it so). */
export const MAX_SIGNALS = 8;

/**
 * Overlapping pieces, or pieces a few characters apart in one sentence ("add me on Telegram
 * t.me/x"), become one finding: the union span, the best confidence, the signals of all (up to MAX_SIGNALS).
 */
export function mergePieces(pieces: Piece[], text = '', gap = MERGE_GAP): Merged[] {
  pieces.sort((a, b) => a.s - b.s || b.e - a.e);
  const out: Merged[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && (p.s < last.e || (p.s - last.e <= gap && !/[.!?\n]/.test(text.slice(last.e, p.s))))) {
      last.e = Math.max(last.e, p.e);
      if (p.conf > last.conf) last.conf = p.conf;
      if (last.signals.length < MAX_SIGNALS && !last.signals.includes(p.signal)) last.signals.push(p.signal);
      continue;
    }
    out.push({ s: p.s, e: p.e, conf: p.conf, signals: [p.signal] });
  }
  return out;
}

export interface Merged { s: number; e: number; conf: number; signals: string[] }

export const contactDetector: TextDetector = (input) => {
  const { norm } = input;
  const out: TextFinding[] = [];
  const circled = new Set<number>();
  const pieces = contactPieces(norm, circled);
  // The model speaks only where the lists found no invitation, about a text that names a
  // messenger, an invitation or a handle cue; not where every messenger named is the place of a
  // circle's group the lists read as mentioned ("у нашому сімейному чаті у вайбері всі хвалили"),
  // which the model, seeing "our … chat … Viber", took for an offer.
  if (pieces.length === 0) {
    if (circled.size > 0 && lexHits(norm).every((h) => (h.cat !== 'msg' && h.cat !== 'msg.short') || circled.has(h.i))) return [];
    const m = namesContact(norm) ? offPlatformModel.finding(input, 'off_platform.contact', DETECTOR) : null;
    return m ? [m] : [];
  }
  for (const p of mergePieces(pieces, norm.text)) {
    out.push({
      type: 'off_platform.contact',
      detector: DETECTOR,
      confidence: p.conf,
      span: norm.toOriginal(p.s, p.e),
      evidence: { subtype: p.signals[0]!.split(':')[0]!, signals: p.signals.map((x) => x.slice(0, 60)) },
    });
  }
  return out;
};
