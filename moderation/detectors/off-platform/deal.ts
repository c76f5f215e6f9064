import type { Normalized, TextDetector, TextFinding } from '../../types.js';
import { MESSENGERS, lexHits, messengerOfHost } from './lexicon.js';
import { MAX_PIECES, capTail, mergePieces, type Piece } from './contact.js';
import { scanLinks } from './link.js';
import { firstHitFrom, firstStartingFrom, tokens, type Hit, type Tok } from './words.js';

/**
 * off_platform.deal: an offer to buy, sell, pay or refund outside the platform.
 *
 * Three shapes, from data/deal-phrases.json:
 *   - a strong phrase on its own: "pague por fora", "outside the platform", "PayPal friends
 *     and family", "без посредников";
 *   - an offer (discount, cheaper price, "I'll refund") with a first-person channel ("write
 *     me", "в личку", "por privado"), a messenger name or a payment channel
 *     a few words away: "contact me for a cheaper price", "напишите мне, сделаю скидку";
 *   - a payment request ("переведите", "faça um pix", "pay me") with a payment channel ("на
 *     карту", "bank transfer", "Western Union") right by it.
 * A messenger link with a target ("t.me/shop", "wa.me/…") is a channel like a messenger's name.
 * A negation just before ("never pay outside", "не платите на карту") cancels the strong and the
 * payment shapes; a platform cue near ("through the app", "at checkout", "в приложении")
 * cancels all three: "the seller gave me a discount through the app" is a review. A cue inside
 * a longer deal phrase is that phrase's word: "у меня на сайте" is not the platform's "на сайте".
 * "Saw it cheaper on ozon.ru" is a comparison, not an offer: the link is the link detector's.
 * Reports in the past tense ("paid with PayPal at checkout", "вернули на карту") have no
 * offer or request word and pass.
 */

const DETECTOR = 'off-platform.deal';
const OFFER_WINDOW = 8;
const PAY_WINDOW = 5;
const NEG_WINDOW = 2;
const PLATFORM_WINDOW = 8;

const CONF = { strong: 0.85, offer: 0.8, pay: 0.8 } as const;


/** Any hit of `xs` with a token in [from, to]. */
function anyIn(xs: Hit[], from: number, to: number): boolean {
  const k = firstHitFrom(xs, Math.max(0, from - 6)); // phrases are at most a few words long
  for (let m = k; m < xs.length && xs[m]!.i <= to; m++) if (xs[m]!.j > from) return true;
  return false;
}

export function dealPieces(norm: Normalized): Piece[] {
  const hits = lexHits(norm);
  // Most texts have no strong, offer or pay phrase: one pass to find out, before any list is built.
  let any = false;
  for (const h of hits) if (h.cat === 'd.strong' || h.cat === 'd.offer' || h.cat === 'd.pay') { any = true; break; }
  if (!any) return [];
  const toks = tokens(norm);
  const by = (cat: string) => hits.filter((h) => h.cat === cat);
  const strong = by('d.strong');
  const offers = by('d.offer');
  const pays = by('d.pay');
  const payChannels = by('d.paych');
  const negs = by('d.neg');
  const plats = platformCues(hits);
  // Channels: first-person contact ("write me"), messenger names (not "signal", "line": words
  // too) and the cues that lead to them ("chama no zap"), payment channels, messenger links.
  const channels = hits.filter(
    (h) => h.cat === 'd.channel' || h.cat === 'c.direct' || h.cat === 'd.paych' || (h.cat === 'msg' && !MESSENGERS.get(h.id)?.ambiguous),
  );
  if (offers.length && messengerLinkChannels(norm, toks, channels)) channels.sort((a, b) => a.i - b.i);

  // Only words before the phrase ("не через али" carries its own "не"): two for a strong phrase
  // ("never pay outside"), one for a payment request ("не переводите", but "no fees, pay me").
  const negBefore = (h: Hit, window = NEG_WINDOW) => anyIn(negs, h.i - window, h.i - 1);
  const platformNear = (a: Hit, b: Hit) => anyIn(plats, Math.min(a.i, b.i) - PLATFORM_WINDOW, Math.max(a.j, b.j) + PLATFORM_WINDOW - 1);
  const sentOf = (i: number) => toks[Math.min(i, toks.length - 1)]!.sent;

  const pieces: Piece[] = [];
  for (const s of strong) {
    if (pieces.length >= MAX_PIECES) break;
    if (negBefore(s) || platformNear(s, s)) continue;
    pieces.push({ s: s.s, e: s.e, conf: CONF.strong, signal: 'strong' });
  }

  // Every channel in the window joins the piece ("Close the dispute and I will refund you by bank
  // transfer"): the window is a few words, so this stays bounded per offer.
  for (const o of offers) {
    if (pieces.length >= MAX_PIECES) break;
    let piece: Piece | null = null;
    for (let k = firstHitFrom(channels, o.i - OFFER_WINDOW - 4); k < channels.length && channels[k]!.i <= o.j + OFFER_WINDOW; k++) {
      const c = channels[k]!;
      if (c.i < o.j && c.j > o.i) continue;
      const dist = c.i >= o.j ? c.i - o.j : o.i - c.j;
      // "Напишите мне. Сделаю скидку" spans two sentences; a messenger named in the next sentence
      // ("…скидка применилась. Телеграм работает") is another topic.
      const sentences = Math.abs(sentOf(c.i) - sentOf(o.i));
      if (dist > OFFER_WINDOW || sentences > 1 || (sentences === 1 && c.cat !== 'd.channel')) continue;
      if (platformNear(o, c)) continue;
      if (piece) { piece.s = Math.min(piece.s, c.s); piece.e = Math.max(piece.e, c.e); continue; }
      piece = { s: Math.min(o.s, c.s), e: Math.max(o.e, c.e), conf: CONF.offer, signal: `offer+${c.cat === 'msg' ? 'messenger' : c.cat === 'd.paych' ? 'payment' : 'channel'}` };
    }
    if (piece) pieces.push(piece);
  }

  for (const p of pays) {
    if (pieces.length >= MAX_PIECES) break;
    if (negBefore(p, 1)) continue;
    for (let k = firstHitFrom(payChannels, p.i - PAY_WINDOW - 4); k < payChannels.length && payChannels[k]!.i <= p.j + PAY_WINDOW; k++) {
      const c = payChannels[k]!;
      if (c.i < p.j && c.j > p.i) continue;
      const dist = c.i >= p.j ? c.i - p.j : p.i - c.j;
      if (dist > PAY_WINDOW || sentOf(c.i) !== sentOf(p.i) || platformNear(p, c)) continue;
      pieces.push({ s: Math.min(p.s, c.s), e: Math.max(p.e, c.e), conf: CONF.pay, signal: 'pay+payment' });
      break;
    }
  }

  capTail(pieces, Math.max(strong[strong.length - 1]?.e ?? 0, offers[offers.length - 1]?.e ?? 0, pays[pays.length - 1]?.e ?? 0));
  return pieces;
}

const DEAL_WORDS = new Set(['d.strong', 'd.offer', 'd.channel', 'd.pay', 'd.paych']);
/** How many hits either side may contain a platform cue: phrases are a few words long. */
const CONTAIN_LOOK = 8;

/** Platform cues that are not a word of a longer deal phrase around them. */
function platformCues(hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (h.cat !== 'd.plat') continue;
    let inside = false;
    for (let m = Math.max(0, k - CONTAIN_LOOK); m < hits.length && m <= k + CONTAIN_LOOK && hits[m]!.i <= h.i && !inside; m++) {
      const x = hits[m]!;
      inside = DEAL_WORDS.has(x.cat) && x.j >= h.j && x.j - x.i > h.j - h.i;
    }
    if (!inside) out.push(h);
  }
  return out;
}

/** Adds messenger links with a target (t.me/shop, wa.me/…) to `channels` as messenger hits; true if any. */
function messengerLinkChannels(norm: Normalized, toks: Tok[], channels: Hit[]): boolean {
  let added = false;
  for (const l of scanLinks(norm)) {
    if (l.conf <= 0 || !l.host || l.path.length <= 1) continue;
    const id = messengerOfHost(l.host);
    if (!id) continue;
    const i = firstStartingFrom(toks, l.start);
    const j = firstStartingFrom(toks, l.end);
    if (j <= i) continue;
    channels.push({ cat: 'msg', id, i, j, s: l.start, e: l.end });
    added = true;
  }
  return added;
}


export const dealDetector: TextDetector = ({ norm }) => {
  const out: TextFinding[] = [];
  for (const p of mergePieces(dealPieces(norm), norm.text)) {
    out.push({
      type: 'off_platform.deal',
      detector: DETECTOR,
      confidence: p.conf,
      span: norm.toOriginal(p.s, p.e),
      evidence: { subtype: p.signals[0]!, signals: p.signals },
    });
  }
  return out;
};
