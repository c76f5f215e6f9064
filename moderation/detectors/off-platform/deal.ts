import type { Lang, Normalized, TextDetector, TextFinding } from '../../types.js';
import { DEAL_WORDS, MESSENGERS, lexHits, messengerOfHost } from './lexicon.js';
import { MAX_PIECES, capTail, mergePieces, type Piece } from './contact.js';
import { isPlatformHost, scanLinks } from './link.js';
import { hasMoney } from '../personal-data/numbers.js';
import { digitClusters } from '../../normalize.js';
import { NEG_WINDOW, PhraseMatcher, allLangs, anyIn, firstHitFrom, firstStartingFrom, hitEndingBefore, hitNear, hitStartingAfter, negatedPhrase, tokens, type Hit, type Tok } from './words.js';
import dealPhrases from '../../data/deal-phrases.json';
import { namesDeal, offPlatformModel } from './model.js';

/**
 * off_platform.deal: an offer to buy, sell, pay or refund outside the platform.
 *
 * Three shapes, from data/deal-phrases.json:
 *   - a strong phrase on its own: "pague por fora", "outside the platform", "PayPal friends
 *     and family", "без посредников";
 *   - an offer (discount, cheaper price, "for less", "without the fees", "I'll refund", the
 *     seller's promise to send the money himself, in the first person or reported: "zrobię
 *     przelew", "me hace una transferencia") with a first-person channel ("write me", "в
 *     личку", "por privado"), a messenger name, a payment channel (also one inside the offer:
 *     "me faz um pix") or a dispute request a few words away: "contact me for a cheaper price",
 *     "напишите мне, сделаю скидку";
 *   - a payment request ("переведите", "faça um pix", "pay me") with a payment channel ("на
 *     карту", "bank transfer", "Western Union") right by it.
 * A messenger link with a target ("t.me/shop", "wa.me/…") is a channel like a messenger's name.
 * A negation just before ("never pay outside", "не платите на карту") cancels the strong and the
 * payment shapes; a platform cue near ("through the app", "at checkout", "в приложении")
 * cancels all three: "the seller gave me a discount through the app" is a review. A cue inside
 * a longer deal phrase is that phrase's word: "у меня на сайте" is not the platform's "на сайте".
 * "Saw it cheaper on ozon.ru" is a comparison, not an offer: the link is the link detector's.
 * Reports in the past tense ("paid with PayPal at checkout", "вернули на карту") have no
 * offer or request word and pass; folding makes "pagué"/"payé"/"pagó" read as the requests
 * "pague"/"paye"/"pago con", so such past forms are listed as written (data `pastForms`, "="
 * entries matched unfolded) and a request word starting where one does is no request. A payment
 * channel right after a past payment form ("got it for less, paid with Venmo", "paguei no pix")
 * is where the buyer paid, not a channel an offer points to.
 *
 * Two weaker cues deal only in pairs within a sentence: going around the app ("sin pasar por la
 * app", "без приложения": apps are product features too) with a payment request, a payment
 * channel or cash; cash ("наличкой", "en espèces", "накладеним платежем") with a meeting in
 * person, such a bypass, or a request to cancel the order or drop the dispute ("Скасуйте
 * замовлення, відправлю з накладеним платежем"). A refund offer pairs with a request to close the dispute, and the platform named in
 * it ("закройте спор на площадке") is no platform cue. A refusal ("No aceptamos pagos fuera de
 * la plataforma") cancels every deal cue a few words after it in its sentence; so does a warning
 * ("never pay anyone outside the platform", "не переказуйте гроші поза платформою"). A warning
 * against the platform itself ("don't pay at checkout, …") has the platform cue near, which
 * cancels the deal cues around it anyway.
 *
 * Another shop: a selling cue addressed to the buyer or a stock held elsewhere (data `sell`:
 * "tengo más unidades", "je vous la vends", "замовте у нас") with another marketplace (data
 * `market`: Wallapop, OLX, Avito) or an outside link a few words after it. A buyer comparing
 * prices ("cheaper on Amazon, but I trust this store") has no selling cue and passes; nor does a
 * seller's own catalogue ("more colours on our site x.com", the link detector's). "Directly" by a
 * payment channel is no cue: "the refund came directly to my account" is a report.
 */

const DETECTOR = 'off-platform.deal';
const OFFER_WINDOW = 8;
const PAY_WINDOW = 5;
/** Words between an ad word and the messenger it names ("anuncio de Instagram", "реклама в инсте"). */
const AD_GAP = 1;
const PAY_OBJECT_ARTICLES: ReadonlySet<string> = new Set(dealPhrases.payObjectArticles.list);
const PLATFORM_WINDOW = 8;
/** Words from a swap asked to the order bypassed in the next sentence. */
const BARTER_WINDOW = 24;
/** Words between a marketplace's name and whose shop there it is ("на Вайлдберриз у нас", "no Mercado Livre dele"). */
const MARKET_OWNER_GAP = 1;
/** Words between the two cues of a pair (cash + meeting, bypass + payment). */
const PAIR_WINDOW = 8;
/** Words after a refusal whose deal cues it refuses. */
const REFUSE_WINDOW = 12;
/** Deal pieces this many characters apart in a sentence are one finding ("haz un Bizum directamente, te ahorras la comisión"). */
const DEAL_MERGE_GAP = 16;

/** A comma, semicolon or dash (and spaces) right before a contrast word. */
const CLAUSE_MARK_RE = /[,;—–-]\s*$/;
const CONF = { strong: 0.85, offer: 0.8, pay: 0.8, pair: 0.75 } as const;
/** Categories one of which a text needs before any deal is looked for. */
const TRIGGERS = new Set(['d.strong', 'd.offer', 'd.pay', 'd.cash', 'd.bypass', 'd.sell', 'd.avoid', 'd.direct', 'd.fee', 'd.dispute', 'd.rout', 'd.rmine', 'd.barter', 'd.ownsite', 'd.mown']);
/** Words around a dispute gone around in which its refund word and payment channel stand. */
const REFUND_WINDOW = 12;
/** Words from a refund or its channel within which "received" reports the money come. */
const GOT_REACH = 4;
/** Words after a refund verb that may carry its sum ("верните на карту 500 рублей"). */
const REFUND_SUM_AFTER = 4;
/** A cue naming the platform's chat this many words or more before a pair does not cancel it. */
const CHAT_BEFORE = 3;
/** What "from him directly" deals with: a discount, a payment channel or request, cash, cancelling the order ("отменяйте заказ и берите напрямую у продавца"). */
const DIRECT_PARTNERS: ReadonlySet<string> = new Set(['d.offer', 'd.paych', 'd.pay', 'd.cash', 'd.dispute']);

/** Which cues a weak cue deals with, in one sentence (either order). */
const PAIRS: Record<string, ReadonlySet<string>> = {
  // And with cancelling the order or dropping the dispute ("Скасуйте замовлення, … накладеним платежем").
  'd.cash': new Set(['d.meet', 'd.bypass', 'd.dispute']),
  // Not with an offer: "cheaper than the original and works without the app" is a review.
  'd.bypass': new Set(['d.pay', 'd.paych', 'd.cash', 'd.barter']),
  // A swap "without an order"; the seller's own site with a cheaper price, a payment, or the way
  // to find it by name ("nosso site próprio…, procure por Ateliê Flor de Sal no Google").
  'd.barter': new Set(['d.bypass']),
  'd.ownsite': new Set(['d.offer', 'd.pay', 'd.paych', 'd.search']),
};
/** Negation words that are something else in a language ("no" is Portuguese "in the"). */
const NOT_NEGATION_IN = new Map(Object.entries(dealPhrases.negationNotIn).filter((e): e is [string, string[]] => Array.isArray(e[1])));
/** The evidence signal of a sale elsewhere, by the place it points to (a payment channel or cash otherwise). */
const SELL_SIGNALS: Record<string, string> = { 'd.link': 'sell+link', 'd.here': 'sell+here', 'd.market': 'sell+marketplace', 'd.meet': 'sell+meet' };
/** The evidence signal each pair reports, by its first cue. */
const PAIR_SIGNALS: Record<string, string> = { 'd.cash': 'cash', 'd.bypass': 'bypass', 'd.barter': 'barter', 'd.ownsite': 'own-site' };



export function dealPieces(norm: Normalized, platform: readonly string[], lang?: Lang): Piece[] {
  const hits = lexHits(norm);
  // Most texts have no trigger (TRIGGERS): one pass to find out, before any list is built.
  let any = false;
  for (const h of hits) if (TRIGGERS.has(h.cat)) { any = true; break; }
  if (!any) return [];
  const toks = tokens(norm);
  const by = (cat: string) => hits.filter((h) => h.cat === cat);
  const strong = by('d.strong');
  const offers = by('d.offer');
  if (norm.lower.indexOf('off') >= 0 && percentOff(norm.lower, toks, offers)) offers.sort((a, b) => a.i - b.i);
  const past = pastMarks(hits);
  const pays = by('d.pay').filter((h) => !past?.starts.has(h.i));
  // Going around the app is where the payment goes, like a payment channel.
  const payChannels = hits.filter((h) => h.cat === 'd.paych' || h.cat === 'd.bypass');
  // A negation word that is something else in the text's language (data negationNotIn).
  const notNeg = lang && NOT_NEGATION_IN.get(lang);
  const negs = notNeg ? by('d.neg').filter((h) => !notNeg.includes(norm.lower.slice(h.s, h.e))) : by('d.neg');
  const plats = platformCues(hits);
  // Channels: first-person contact ("write me"), messenger names (not "signal", "line": words
  // too) and the cues that lead to them ("chama no zap"), payment channels, messenger links.
  // A messenger with an ad word beside it is where an advert ran ("un anuncio de Instagram").
  const ads = by('d.ad');
  const advertised = (h: Hit) => ads.length > 0 && ads.some((a) => (a.j <= h.i && h.i - a.j <= AD_GAP) || (a.i >= h.j && a.i - h.j <= AD_GAP));
  const channels = hits.filter(
    (h) => h.cat === 'd.channel' || h.cat === 'c.direct' || h.cat === 'd.paych' || h.cat === 'd.dispute' || (h.cat === 'msg' && !MESSENGERS.get(h.id)?.ambiguous && !advertised(h)),
  );
  if (offers.length && messengerLinkChannels(norm, toks, channels)) channels.sort((a, b) => a.i - b.i);

  // Only words before the phrase ("не через али" carries its own "не"): two for a strong phrase
  // ("never pay outside"), one for a payment request ("не переводите", but "no fees, pay me").
  const negBefore = (h: Hit, window = NEG_WINDOW) => anyIn(negs, h.i - window, h.i - 1);
  // A cue naming the platform's chat well before both cues says where the offer was made, not
  // where the money goes: "продавець в чаті пропонував … кидати гроші на моно напряму".
  // A cue in a clause set aside by a contrast before both ("el envío por la plataforma tarda 30
  // días, pero si pagas por transferencia…") is the option the offer replaces.
  // Only after a clause mark: "mais" is also Portuguese "more", "mas" a folded Spanish "más".
  const buts = by('d.but').filter((b) => CLAUSE_MARK_RE.test(norm.text.slice(Math.max(0, b.s - 3), b.s)));
  const platformNear = (a: Hit, b: Hit) => {
    const from = Math.min(a.i, b.i);
    const to = Math.max(a.j, b.j) + PLATFORM_WINDOW - 1;
    for (let m = firstHitFrom(plats, Math.max(0, from - PLATFORM_WINDOW - 6)); m < plats.length && plats[m]!.i <= to; m++) {
      const p = plats[m]!;
      if (p.j <= from - PLATFORM_WINDOW) continue;
      if (p.id === 'chat' && p.j <= from - CHAT_BEFORE) continue;
      if (p.j <= from && anyIn(buts, p.j, from - 1)) continue;
      return true;
    }
    return false;
  };
  const sentOf = (i: number) => toks[Math.min(i, toks.length - 1)]!.sent;

  const pieces: Piece[] = [];
  const talks = by('c.talk');
  for (const s of strong) {
    if (pieces.length >= MAX_PIECES) break;
    if (negatedPhrase(norm.text, toks, negs, s) || platformNear(s, s)) continue;
    // "tem como falar por fora?": talking outside is the contact detector's; a deal needs trade or payment.
    if (talkRightBefore(toks, talks, s)) continue;
    pieces.push({ s: s.s, e: s.e, conf: CONF.strong, signal: 'strong' });
  }

  // Every channel in the window joins the piece ("Close the dispute and I will refund you by bank
  // transfer"): the window is a few words, so this stays bounded per offer.
  for (const o of offers) {
    if (pieces.length >= MAX_PIECES) break;
    let piece: Piece | null = null;
    for (let k = firstHitFrom(channels, o.i - OFFER_WINDOW - 4); k < channels.length && channels[k]!.i <= o.j + OFFER_WINDOW; k++) {
      const c = channels[k]!;
      if (c.cat === 'd.paych' && past && paidWith(past, c)) continue;
      // A payment channel inside the offer names where the money goes: "me hace un bizum", "te faço um pix".
      const inside = c.cat === 'd.paych' && c.i >= o.i && c.j <= o.j;
      if (c.i < o.j && c.j > o.i && !inside) continue;
      const dist = inside ? 0 : c.i >= o.j ? c.i - o.j : o.i - c.j;
      // "Напишите мне. Сделаю скидку" spans two sentences; a messenger named in the next sentence
      // ("…скидка применилась. Телеграм работает") is another topic.
      const sentences = Math.abs(sentOf(c.i) - sentOf(o.i));
      if (dist > OFFER_WINDOW || sentences > 1 || (sentences === 1 && c.cat !== 'd.channel')) continue;
      if (platformNear(o, c)) continue;
      if (piece) { piece.s = Math.min(piece.s, c.s); piece.e = Math.max(piece.e, c.e); continue; }
      piece = { s: Math.min(o.s, c.s), e: Math.max(o.e, c.e), conf: CONF.offer, signal: `offer+${c.cat === 'msg' ? 'messenger' : c.cat === 'd.paych' ? 'payment' : c.cat === 'd.dispute' ? 'dispute' : 'channel'}` };
    }
    if (piece) pieces.push(piece);
  }

  for (const p of pays) {
    if (pieces.length >= MAX_PIECES) break;
    if (negBefore(p, 1)) continue;
    // "faz um pix", "haz un bizum": the channel is the verb's object, the word right after it.
    const objectOnly = PAY_OBJECT_ARTICLES.has(toks[p.j - 1]!.w);
    const c = objectOnly
      ? payChannels.find((x) => x.i === p.j && !platformNear(p, x))
      : hitNear(payChannels, p, PAY_WINDOW, (x) => sentOf(x.i) === sentOf(p.i) && !platformNear(p, x));
    if (c) pieces.push({ s: Math.min(p.s, c.s), e: Math.max(p.e, c.e), conf: CONF.pay, signal: 'pay+payment' });
  }

  /**
   * The first hit of `list` (in token order; of a category in `cats`, if given) that pairs with
   * `w`: not overlapping it, at most PAIR_WINDOW words away in its sentence, no platform cue near,
   * and no payment a past form reports. Looks a few words around `w`: bounded.
   */
  const partnerOf = (w: Hit, list: Hit[], cats: ReadonlySet<string> | null): Hit | undefined =>
    hitNear(list, w, PAIR_WINDOW, (x) => {
      if ((cats && !cats.has(x.cat)) || (x.cat === 'd.pay' && past?.starts.has(x.i))) return false;
      if (x.cat === 'd.paych' && past && paidWith(past, x)) return false;
      return sentOf(x.i) === sentOf(w.i) && !platformNear(w, x);
    });

  // A swap asked in one sentence, the order bypassed in the next ("would u trade one of these…?
  // i'd post it to you…, no order needed"): a question and its terms.
  for (const b of by('d.barter')) {
    if (pieces.length >= MAX_PIECES) break;
    const x = hitNear(hits, b, BARTER_WINDOW, (h) => h.cat === 'd.bypass' && sentOf(h.i) === sentOf(b.i) + 1 && !platformNear(b, h));
    if (x) pieces.push({ s: b.s, e: x.e, conf: CONF.pair, signal: 'barter' });
    // A swap offered person to person and the goods sent between the two by post, in one sentence
    // or the next, either first ("j'échange contre une coque 14 Pro, on s'envoie ça par La Poste",
    // "Zamienię się z kimś: … Wysyłka InPostem"). A return's exchange with the seller is no
    // swapOffer ("обменять", "trocar por" stay barter words only).
    if (x || b.id !== 'swap') continue;
    const p = hitNear(hits, b, BARTER_WINDOW, (h) => h.cat === 'd.post' && Math.abs(sentOf(h.i) - sentOf(b.i)) <= 1 && !platformNear(b, h));
    if (p) pieces.push({ s: Math.min(b.s, p.s), e: Math.max(b.e, p.e), conf: CONF.pair, signal: 'barter+post' });
  }

  // The seller's shop on another marketplace ("На Вайлдберриз у нас этот же чехол дешевле", "no
  // Mercado Livre dele sai mais barato"): a market with its owner beside it reads as the seller's
  // own site, and pairs as one. A market alone is where anyone may shop ("на Вайлдберриз
  // дешевле").
  const owners = by('d.mown');
  if (owners.length) {
    for (const m of by('d.market')) {
      if (pieces.length >= MAX_PIECES) break;
      // The owner after the market ("Вайлдберриз у нас", "Mercado Livre dele"), or a phrase that
      // says where the seller is right before it ("we're on Etsy", "estamos en Mercado Libre"); a
      // possessive alone before it is a household's ("our Amazon order", "в нашем Озоне").
      if (!hitNear(owners, m, MARKET_OWNER_GAP, (o) => sentOf(o.i) === sentOf(m.i) && (o.i >= m.j || (o.j === m.i && o.j - o.i >= 2)))) continue;
      const x = partnerOf(m, hits, PAIRS['d.ownsite']!);
      if (x) pieces.push({ s: Math.min(m.s, x.s), e: Math.max(m.e, x.e), conf: CONF.pair, signal: 'own-site' });
    }
  }

  // Pairs of weak cues. Each weak cue looks at the hits a few words around it: bounded, linear.
  for (const w of hits) {
    if (pieces.length >= MAX_PIECES) break;
    const partners = PAIRS[w.cat];
    const x = partners && partnerOf(w, hits, partners);
    if (x) pieces.push({ s: Math.min(w.s, x.s), e: Math.max(w.e, x.e), conf: CONF.pair, signal: PAIR_SIGNALS[w.cat] ?? 'bypass' });
  }

  // A dispute gone around, or a request to close it ("cancela a disputa que a gente devolve o valor por PIX").
  const avoids = hits.filter((h) => h.cat === 'd.avoid' || h.cat === 'd.dispute');
  if (avoids.length) refundPieces(toks, hits, avoids, past, platformNear, pieces);
  // Channels the platform never refunds through, and my own card or account (d.rmine).
  const outside = hits.filter((h) => h.cat === 'd.rout' || h.cat === 'd.rmine');
  if (outside.length) refundOutsidePieces(norm, toks, hits, outside, past, platformNear, pieces);
  const directs = by('d.direct');
  if (directs.length) {
    // The partners of "from him directly": a discount, a payment channel or request, cash.
    const partners = hits.filter((h) => DIRECT_PARTNERS.has(h.cat)).concat(offers.filter((o) => o.id === '%off')).sort((a, b) => a.i - b.i);
    for (const d of directs) {
      if (pieces.length >= MAX_PIECES) break;
      if (negBefore(d)) continue;
      const x = partnerOf(d, partners, null);
      if (x) pieces.push({ s: Math.min(d.s, x.s), e: Math.max(d.e, x.e), conf: CONF.pair, signal: 'direct' });
    }
  }
  for (const f of hits) {
    if (f.cat !== 'd.fee' || pieces.length >= MAX_PIECES) continue;
    const s0 = savingBefore(toks, norm.lower, f.i);
    if (s0 < 0 || platformNear(f, f)) continue;
    pieces.push({ s: toks[s0]!.s, e: f.e, conf: CONF.strong, signal: 'fee' });
  }

  const sells = by('d.sell');
  if (sells.length) sellElsewhere(norm, toks, hits, sells, offers, past, platform, plats, pieces);

  capTail(pieces, Math.max(strong[strong.length - 1]?.e ?? 0, offers[offers.length - 1]?.e ?? 0, pays[pays.length - 1]?.e ?? 0, sells[sells.length - 1]?.e ?? 0));
  return dropRefused(pieces, hits, toks);
}

/**
 * "вернуть деньги на карту минуя спор", "devolverme el dinero por transferencia si cancelaba la
 * disputa", "повернення на картку Приват, без спору?": a dispute gone around or dropped as a
 * condition (data `avoid`, also "instead of returning": "zamiast zwrotu", "замість повернення")
 * or asked to be closed ("cancela a disputa que a gente devolve o valor por PIX"; data `dispute`,
 * with no platform cue at all around it then), a refund word (`refund`) and a payment channel, all within
 * REFUND_WINDOW words of it in its sentence, and no money reported received there (`received`:
 * "the refund came to my card without a dispute"). Each avoid looks a few words around: linear.
 */
function refundPieces(toks: Tok[], hits: Hit[], avoids: Hit[], past: PastMarks | null, platformNear: (a: Hit, b: Hit) => boolean, pieces: Piece[]): void {
  const rawPlats = hits.filter((h) => h.cat === 'd.plat');
  const before = pieces.length;
  for (const a of avoids) {
    if (pieces.length >= MAX_PIECES) return;
    // A dispute request an offer already took as its channel is that deal's.
    if (a.cat === 'd.dispute' && overlapsAny(pieces, before, a)) continue;
    const near = (cat: string, ok?: (h: Hit) => boolean) =>
      hitNear(hits, a, REFUND_WINDOW, (h) => h.cat === cat && toks[h.i]!.sent === toks[a.i]!.sent && (!ok || ok(h)));
    const refund = near('d.refund');
    const channel = refund && near('d.paych', (h) => !(past && paidWith(past, h)));
    // Money reported received is a report: next to the refund or its channel ("le reembolso me llegó
    // por Mercado Pago"), not a parcel that arrived broken a clause before ("Me llegó roto y …").
    const got = (h: Hit) => hitNear(hits, h, GOT_REACH, (x) => x.cat === 'd.got' && toks[x.i]!.sent === toks[h.i]!.sent);
    if (!refund || !channel || got(refund) || got(channel) || platformNear(refund, a)) continue;
    // A request to close the dispute carries the platform it names ("close the dispute on the app");
    // as the only condition, any platform cue around says the refund goes the platform's way
    // ("cancela a disputa aqui no app e o reembolso sai pelo PIX da plataforma").
    if (a.cat === 'd.dispute' && anyIn(rawPlats, Math.min(a.i, refund.i, channel.i) - 2, Math.max(a.j, refund.j, channel.j) + 2)) continue;
    pieces.push({ s: Math.min(a.s, refund.s, channel.s), e: Math.max(a.e, refund.e, channel.e), conf: CONF.pair, signal: 'refund+avoid' });
  }
}

/**
 * "Remboursez-moi 30 € par PayPal sur mon mail", "Me devolve os R$ 150 no Pix", "Zwróćcie 200 zł
 * przelewem na PL26…": a refund asked or promised (`refundAsk`), a sum of money and a channel the platform never
 * refunds through (`refundOutside`), within REFUND_WINDOW words in one sentence, no money reported
 * received there and no platform cue near. "I paid by PayPal and the refund came back there" is a
 * report (`received`, a past payment).
 */
function refundOutsidePieces(norm: Normalized, toks: Tok[], hits: Hit[], outside: Hit[], past: PastMarks | null, platformNear: (a: Hit, b: Hit) => boolean, pieces: Piece[]): void {
  for (const o of outside) {
    if (pieces.length >= MAX_PIECES) return;
    if (past && paidWith(past, o)) continue;
    const sent = toks[o.i]!.sent;
    const near = (cat: string) => hitNear(hits, o, REFUND_WINDOW, (h) => h.cat === cat && toks[h.i]!.sent === sent);
    // A refund asked or promised as a verb: a refund noun reports one ("Refund of $40 hit my PayPal").
    const refund = near('d.rask');
    // A payment reported in the sentence ("J'ai payé par PayPal et le remboursement…") makes it a report.
    if (!refund || near('d.got') || near('d.past') || platformNear(refund, o)) continue;
    // The platform named in the sentence, or the channel refused ("only through the platform, not
    // by transfer", "no PayPal needed"): the refund goes the platform's way.
    if (hits.some((h) => h.cat === 'd.plat' && toks[h.i]!.sent === sent) || hitEndingBefore(hits, o.i, 2, (h) => h.cat === 'd.neg' && toks[h.i]!.sent === sent)) continue;
    // The sum refunded, right after the verb (personal data's currency test: "5 días" is no sum):
    // "devolverme 20 € por Bizum", "Me devolve os R$ 150 no Pix". A sum elsewhere is another
    // payment's ("me prestó 20 € por Bizum para devolverme el favor").
    if (o.cat === 'd.rmine') {
      // My card or account: the platform's own way unless its number is written in the sentence.
      if (!accountNumberIn(norm, Math.min(refund.s, o.s), sentenceEnd(toks, o.i))) continue;
    } else {
      const to = toks[Math.min(toks.length - 1, refund.j - 1 + REFUND_SUM_AFTER)]!.e;
      if (!hasMoney(norm.lower, refund.s, to)) continue;
    }
    pieces.push({ s: Math.min(refund.s, o.s), e: Math.max(refund.e, o.e), conf: CONF.pair, signal: 'refund+outside' });
  }
}

/** Digits in one number from which it is a card or an account ("5567 0463 6500 5385", "FR76 1027 …"). */
const ACCOUNT_DIGITS = 12;
/** A card or account number in text[from, to): one of the normaliser's digit clusters, long enough. */
function accountNumberIn(norm: Normalized, from: number, to: number): boolean {
  return digitClusters(norm).some((c) => c.start >= from && c.start < to && c.digits.length >= ACCOUNT_DIGITS);
}
/** Where the sentence of token i ends (a bounded look ahead). */
function sentenceEnd(toks: Tok[], i: number): number {
  const sent = toks[i]!.sent;
  let k = i;
  while (k + 1 < toks.length && k - i < SENTENCE_LOOK && toks[k + 1]!.sent === sent) k++;
  return toks[k]!.e;
}
const SENTENCE_LOOK = 40;

/** A talk verb ("falar", "hablar", "discuter") ending right before a hit, or one word before it, in its sentence. */
function talkRightBefore(toks: Tok[], talks: Hit[], h: Hit): boolean {
  return hitEndingBefore(talks, h.i, 1, (t) => toks[t.i]!.sent === toks[h.i]!.sent) !== undefined;
}

/** Any of the first `n` pieces overlaps the hit. A few pieces per text: bounded. */
function overlapsAny(pieces: Piece[], n: number, h: Hit): boolean {
  for (let k = 0; k < n; k++) if (pieces[k]!.s < h.e && pieces[k]!.e > h.s) return true;
  return false;
}

/**
 * Saving words before a fee ("saves you the platform fee", "cut out the fee"): matched only in the
 * few words before a fee hit, by a matcher of their own, since "no", "sin" and "без" would add a
 * hit to nearly every text in the shared one.
 */
const SAVE_MATCHER = new PhraseMatcher().add(allLangs(dealPhrases.save), 'save');
/** Words before a fee searched for a saving word ("saves you the platform fee": three). */
const SAVE_BEFORE = 3;

/** Index of the saving phrase starting nearest before token `i`, at most SAVE_BEFORE words back in its sentence, or -1. */
function savingBefore(toks: Tok[], lower: string, i: number): number {
  let from = i;
  while (from > 0 && from > i - SAVE_BEFORE && toks[from - 1]!.sent === toks[i]!.sent) from--;
  if (from === i) return -1;
  const hits = SAVE_MATCHER.match(toks.slice(from, i), lower);
  return hits.length ? from + hits[hits.length - 1]!.i : -1;
}

/**
 * "knock 15% off", "$20 off", "15% loyalty off": a number with a per-cent or currency sign right
 * before "off", or one word before it, is a discount. Adds such offers (id '%off') to `offers`;
 * true if any. Only asked when "off" occurs.
 */
function percentOff(lower: string, toks: Tok[], offers: Hit[]): boolean {
  let added = false;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.w !== 'off') continue;
    const word = toks[k - 1]!;
    const oneWord = k >= 2 && /^\p{L}{2,12}$/u.test(word.w) && word.s - toks[k - 2]!.e <= 3 && t.s - word.e <= 1;
    const n = oneWord ? toks[k - 2]! : word;
    if (n.e > t.s || (oneWord ? word.s - n.e : t.s - n.e) > 3) continue;
    const c = lower.charCodeAt(n.s);
    if (c < 48 || c > 57) continue;
    const gap = lower.slice(n.e, t.s);
    const before = lower.charCodeAt(n.s - 1);
    if (!gap.includes('%') && before !== 36 && before !== 0x20ac && before !== 0xa3) continue;
    offers.push({ cat: 'd.offer', id: '%off', i: k - (oneWord ? 2 : 1), j: k + 1, s: n.s - (gap.includes('%') ? 0 : 1), e: t.e });
    added = true;
  }
  return added;
}

/**
 * "Tengo más unidades … en Wallapop", "je vous la vends … sur boutique.fr": a selling cue with
 * another marketplace or an outside (not the platform's, not a messenger's) link at most
 * PAIR_WINDOW words after it, in its sentence. Both lists are in token order: linear.
 */
function sellElsewhere(norm: Normalized, toks: Tok[], hits: Hit[], sells: Hit[], offers: Hit[], past: PastMarks | null, platform: readonly string[], plats: Hit[], pieces: Piece[]): void {
  // Another marketplace, or this one compared with ("20€ de moins qu'ici"): the item sold elsewhere.
  // Or how the buyer would pay for it: a payment channel or cash ("las revendo…, pago contra entrega o por
  // transferencia SPEI"), not one a past payment form names ("I'm selling mine, paid with PayPal");
  // or handed over in person ("Продаю новый… самовывоз Казань").
  const places: Hit[] = hits.filter(
    (h) => h.cat === 'd.market' || h.cat === 'd.here' || h.cat === 'd.cash' || h.cat === 'd.meet' || (h.cat === 'd.paych' && !(past && paidWith(past, h))),
  );
  for (const l of scanLinks(norm)) {
    if (l.conf <= 0 || !l.host || isPlatformHost(l.host, platform) || messengerOfHost(l.host)) continue;
    const i = Math.min(firstStartingFrom(toks, l.start), toks.length - 1);
    places.push({ cat: 'd.link', id: '', i, j: Math.max(i + 1, firstStartingFrom(toks, l.end)), s: l.start, e: l.end });
  }
  if (!places.length) return;
  places.sort((a, b) => a.i - b.i);
  for (const s of sells) {
    if (pieces.length >= MAX_PIECES) return;
    // The first place after the cue decides: a platform cue around it says the sale stays here.
    const p = hitStartingAfter(places, s.j, PAIR_WINDOW, (x) => toks[x.i]!.sent === toks[s.i]!.sent);
    if (!p || anyIn(plats, s.i - PLATFORM_WINDOW, p.j + PLATFORM_WINDOW - 1)) continue;
    // The price that goes with it ("…en Wallapop; si la compras por allí te sale 8 € más barata").
    let e = p.e;
    for (let m = firstHitFrom(offers, p.j); m < offers.length && offers[m]!.i <= p.j + OFFER_WINDOW + 2; m++) {
      if (toks[offers[m]!.i]!.sent === toks[s.i]!.sent) e = Math.max(e, offers[m]!.e);
    }
    pieces.push({ s: s.s, e, conf: CONF.pair, signal: SELL_SIGNALS[p.cat] ?? 'sell+payment' });
  }
}

interface PastMarks { starts: Set<number>; ends: Set<number> }

/** First and after-last tokens of past payment forms ("pagué", "paid", "paguei"), or null when there are none (most texts). */
function pastMarks(hits: Hit[]): PastMarks | null {
  let out: PastMarks | null = null;
  for (const h of hits) {
    if (h.cat !== 'd.past') continue;
    out ??= { starts: new Set(), ends: new Set() };
    out.starts.add(h.i);
    out.ends.add(h.j);
  }
  return out;
}

/** Words a reported payment may have between it and its channel ("paid with Venmo", "pagué con Bizum"). */
const PAID_GAP = 2;

/** A payment channel right after a past payment form ("paguei no pix", "paid with Venmo"): where the buyer paid. */
function paidWith(past: PastMarks, c: Hit): boolean {
  for (let g = 0; g <= PAID_GAP; g++) if (past.ends.has(c.i - g)) return true;
  return false;
}

/** Pieces starting within REFUSE_WINDOW words after a refusal, in its sentence: what is refused. */
function dropRefused(pieces: Piece[], hits: Hit[], toks: Tok[]): Piece[] {
  const refusals = hits.filter((h) => h.cat === 'd.refuse');
  if (!refusals.length || !pieces.length) return pieces;
  return pieces.filter((p) => {
    const i = Math.min(firstStartingFrom(toks, p.s), toks.length - 1);
    const k = firstHitFrom(refusals, i + 1) - 1;
    if (k < 0) return true;
    const r = refusals[k]!;
    return !(i - r.i <= REFUSE_WINDOW && toks[r.i]!.sent === toks[i]!.sent);
  });
}

/** Words after a dispute request in which a platform cue belongs to it ("close the dispute on the platform"). */
const DISPUTE_TAIL = 3;
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
    for (let m = k - 1; m >= 0 && m >= k - CONTAIN_LOOK && !inside; m--) {
      const x = hits[m]!;
      inside = x.cat === 'd.dispute' && x.j <= h.i && h.i - x.j <= DISPUTE_TAIL;
      // "szybciej niż przez Aliexpress", "instead of through the app": the platform set against the offer.
      inside ||= x.cat === 'd.than' && x.j <= h.i && h.i - x.j <= 1;
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


export const dealDetector: TextDetector = (input) => {
  const { norm, config } = input;
  const out: TextFinding[] = [];
  const pieces = dealPieces(norm, config.platformDomains, input.lang);
  // The model speaks only where the lists found no deal, about a text that names a payment, a
  // price, a channel or going around the platform.
  if (pieces.length === 0) {
    const m = namesDeal(norm) ? offPlatformModel.finding(input, 'off_platform.deal', DETECTOR) : null;
    return m ? [m] : [];
  }
  for (const p of mergePieces(pieces, norm.text, DEAL_MERGE_GAP)) {
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
