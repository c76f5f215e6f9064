import messengers from '../../data/messengers.json';
import contactPhrases from '../../data/contact-phrases.json';
import dealPhrases from '../../data/deal-phrases.json';
import lures from '../../data/lures.json';
import { PhraseMatcher, allLangs, memoHits, type Hit, type Tok } from './words.js';

/**
 * The one phrase matcher of the off-platform detectors: every list of every language, tagged
 * with a category, matched in a single pass per text. Categories:
 *
 *   msg, msg.short        messenger names (id = messenger id); short forms like "tg", "wa"
 *   c.verb, c.direct, c.cue   contact invitations, "I'm on"-style cues, handle cues ("nick")
 *   c.priv                Instagram's private chat named alone ("в директ", "no direct")
 *   c.own                 one's own handle named, not written ("mi usuario es", "nick to samo co tutaj")
 *   c.talk, c.there       talking, asking, answering ("discuter", "me preguntan"); "there" words ("ahí", "там")
 *   c.group, c.gcue       a group, chat or channel ("grupo", "чат"); what makes one an invitation ("our"; id 'join': "join")
 *   c.circle              who a group's members are ("friends", "мамск*"): a circle mentioned, not offered
 *   c.send                a request to send something ("пришлите", "podeślij"): counts before an address or number only
 *   d.strong, d.offer, d.channel, d.pay, d.paych, d.neg, d.plat   deal phrases
 *   d.dispute, d.bypass, d.cash, d.meet, d.refuse                  more deal phrases (see deal.ts)
 *   d.sell, d.market     selling elsewhere, other marketplaces (see deal.ts)
 *   d.ownsite, d.search  the seller's own shop; telling the buyer to look it up by name
 *   d.mown               whose shop on another marketplace it is ("у нас", "dele"; beside a d.market)
 *   d.past               past forms of payment words, matched as written ("=pagué"): no request
 *   d.refund, d.avoid, d.got   refund words, a dispute gone around, money reported received
 *   d.direct, d.fee      directly with a person ("from him directly"); the platform's fee named
 *   d.barter (id 'swap': offered person to person), d.post   a swap; goods sent between two people by post
 *   (d.plat hits naming the platform's chat carry id 'chat')
 *   l.ask, l.cred, l.card, l.bait, l.cue  phishing lures
 */

/** The deal phrases' categories that carry an offer, a payment or a channel (platform cues, negations and refusals aside). */
export const DEAL_WORDS: ReadonlySet<string> = new Set(['d.strong', 'd.offer', 'd.channel', 'd.pay', 'd.paych', 'd.dispute', 'd.bypass', 'd.cash', 'd.meet', 'd.sell', 'd.avoid', 'd.direct', 'd.fee', 'd.rout']);

export interface Messenger {
  id: string;
  ambiguous: boolean;
  hosts: string[];
  schemes: string[];
}

export const MESSENGERS = new Map<string, Messenger>(
  messengers.messengers.map((m) => [m.id, { id: m.id, ambiguous: 'ambiguous' in m && m.ambiguous === true, hosts: m.hosts, schemes: m.schemes }]),
);

/** Platform cues that name the platform's chat ("in the chat", "в чате", "na czacie"): id 'chat'. */
const CHAT_CUE_RE = /chat|чат|czat/;

const matcher = new PhraseMatcher();
for (const m of messengers.messengers) {
  matcher.add(m.names, 'msg', m.id);
  if ('short' in m && Array.isArray(m.short)) matcher.add(m.short, 'msg.short', m.id);
}
matcher
  .add(allLangs(contactPhrases.verbs), 'c.verb')
  .add(allLangs(contactPhrases.sendTo), 'c.send')
  .add(allLangs(contactPhrases.directBefore), 'c.direct')
  .add(allLangs(contactPhrases.handleCues), 'c.cue')
  .add(allLangs(contactPhrases.directChannels), 'c.priv')
  .add(allLangs(contactPhrases.ownHandle), 'c.own')
  .add(allLangs(contactPhrases.talk), 'c.talk')
  .add(allLangs(contactPhrases.there), 'c.there')
  .add(allLangs(contactPhrases.groupNouns), 'c.group')
  .add(allLangs(contactPhrases.groupCues), 'c.gcue')
  .add(allLangs(contactPhrases.groupJoin), 'c.gcue', 'join')
  .add(allLangs(contactPhrases.groupCircles), 'c.circle')
  .add(allLangs(dealPhrases.strong), 'd.strong')
  .add(allLangs(dealPhrases.offer), 'd.offer')
  .add(allLangs(dealPhrases.channel), 'd.channel')
  .add(allLangs(dealPhrases.pay), 'd.pay')
  .add(allLangs(dealPhrases.payChannel), 'd.paych')
  .add(allLangs(dealPhrases.adSource), 'd.ad')
  .add(allLangs(dealPhrases.negation), 'd.neg')
  .add(allLangs(dealPhrases.platformCues).filter((c) => !CHAT_CUE_RE.test(c)), 'd.plat')
  .add(allLangs(dealPhrases.platformCues).filter((c) => CHAT_CUE_RE.test(c)), 'd.plat', 'chat')
  .add(allLangs(dealPhrases.dispute), 'd.dispute')
  .add(allLangs(dealPhrases.bypass), 'd.bypass')
  .add(allLangs(dealPhrases.cash), 'd.cash')
  .add(allLangs(dealPhrases.meet), 'd.meet')
  .add(allLangs(dealPhrases.refusal), 'd.refuse')
  .add(allLangs(dealPhrases.sell), 'd.sell')
  .add(allLangs(dealPhrases.market), 'd.market')
  .add(allLangs(dealPhrases.here), 'd.here')
  .add(allLangs(dealPhrases.pastForms), 'd.past')
  .add(allLangs(dealPhrases.refund), 'd.refund')
  .add(allLangs(dealPhrases.avoid), 'd.avoid')
  .add(allLangs(dealPhrases.refundOutside), 'd.rout')
  .add(allLangs(dealPhrases.refundAsk), 'd.rask')
  .add(allLangs(dealPhrases.refundToMine), 'd.rmine')
  .add(allLangs(dealPhrases.barter), 'd.barter')
  .add(allLangs(dealPhrases.swapOffer), 'd.barter', 'swap')
  .add(allLangs(dealPhrases.postBetween), 'd.post')
  .add(allLangs(dealPhrases.ownSite), 'd.ownsite')
  .add(allLangs(dealPhrases.marketOwner), 'd.mown')
  .add(allLangs(dealPhrases.searchFor), 'd.search')
  .add(allLangs(dealPhrases.received), 'd.got')
  .add(allLangs(dealPhrases.directWith), 'd.direct')
  .add(allLangs(dealPhrases.fee), 'd.fee')
  .add(allLangs(dealPhrases.contrast), 'd.but')
  .add(allLangs(dealPhrases.comparedTo), 'd.than')
  .add(allLangs(lures.credentialAsk), 'l.ask')
  .add(allLangs(lures.credential), 'l.cred')
  .add(allLangs(lures.cardRequest), 'l.card')
  .add(allLangs(lures.bait), 'l.bait')
  .add(allLangs(lures.linkCue), 'l.cue');

/**
 * "la messagerie de la commande", "внутренний мессенджер", "komunikator Allegro": a generic
 * messenger word ("messagerie", "мессенджер", "komunikator") inside a platform cue names the
 * platform's own chat, not a messenger. Both lists are in token order: one linear pass, and none
 * at all without a platform cue (most texts).
 */
function dropPlatformChats(hits: Hit[], toks: Tok[]): Hit[] {
  let plats = 0;
  for (const h of hits) if (h.cat === 'd.plat') plats++;
  if (!plats) return hits;
  const cues = hits.filter((h) => h.cat === 'd.plat');
  let k = 0;
  let reach = -1;
  return hits.filter((h) => {
    if (h.cat !== 'msg' && h.cat !== 'msg.short') return true;
    while (k < cues.length && cues[k]!.i <= h.i) reach = Math.max(reach, cues[k++]!.j);
    if (reach >= h.j) return false;
    // "la messagerie vendeur ici sur AliExpress": a generic messenger word with a platform cue
    // starting at most GENERIC_BEFORE_CUE words after it names the platform's chat too.
    if (!GENERIC_MSG_RE.test(toks[h.i]!.w)) return true;
    const next = cues[k];
    return !(next && next.i >= h.j && next.i - h.j <= GENERIC_BEFORE_CUE);
  });
}

/** Generic messenger words (not a product's name): "messagerie", "мессенджер", "komunikator". */
const GENERIC_MSG_RE = /^(?:messag|мессендж|месендж|komunikator)/;
const GENERIC_BEFORE_CUE = 3;

/** All phrase hits of a text, in token order. Memoised per text. */
export const lexHits = memoHits(matcher, dropPlatformChats);

/** Hits of some categories, in token order. */
export function hitsOf(all: Hit[], ...cats: string[]): Hit[] {
  return all.filter((h) => cats.includes(h.cat));
}

/** Messenger hosts (registrable domains or full hosts) → messenger id. */
export const MESSENGER_HOSTS = new Map<string, string>();
export const MESSENGER_SCHEMES = new Map<string, string>();
/** A social network's page hosts (data profileHosts): someone's page, not a chat. */
const PROFILE_HOSTS = new Map<string, string>();
for (const m of MESSENGERS.values()) {
  for (const h of m.hosts) MESSENGER_HOSTS.set(h, m.id);
  for (const s of m.schemes) MESSENGER_SCHEMES.set(s + ':', m.id);
}
for (const m of messengers.messengers) if ('profileHosts' in m) for (const h of m.profileHosts ?? []) PROFILE_HOSTS.set(h, m.id);

/** The entry of `map` for a host: the host itself or its nearest listed parent domain. */
function byHost(map: ReadonlyMap<string, string>, host: string): string | undefined {
  let h = host;
  for (;;) {
    const id = map.get(h);
    if (id) return id;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/** The messenger a host belongs to: the host itself or any parent domain of it is listed. */
export function messengerOfHost(host: string): string | undefined {
  return byHost(MESSENGER_HOSTS, host);
}

/** Is the host a social network's page host ("instagram.com"), not its chat ("ig.me", "m.me")? */
export function isProfileHost(host: string): boolean {
  return byHost(PROFILE_HOSTS, host) !== undefined;
}
