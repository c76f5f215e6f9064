import type { DetectorInput, TextDetector, TextFinding } from '../../types.js';
import { clauseEndsAt, type Hit, isDash, langBit, namesEach, sameClause, sameSent, scan, type Scan, shares, SpanIndex, strongestFirst, tokenSpan } from './scan.js';
import { findExtortion, splitChange } from './extortion.js';
import { conductModel, ONE_HALF_MIN } from './model.js';

const EN = langBit('en');

/**
 * review_manipulation.incentive: the text reports the seller offering a reward (money, refund,
 * cashback, gift, coupon) for a good rating or for changing/removing a bad one.
 *
 * Three parts must line up in one sentence:
 *   - a reward and a rating target ("5 stars", "positive review", "change/remove my review"),
 *   - a tie word between them that makes one the price of the other ("$5 TO change my review",
 *     "remove it IN EXCHANGE FOR a refund", "leave 5 stars AND GET a gift card"),
 *   - the seller's initiative before them (offered, promised, asked me, a card in the box), or
 *     the shop's practice in the second person before the reward ("¿dais 5 € por una reseña?",
 *     "za opinię na 5 gwiazdek zwracacie 20 zł?").
 * Without the tie it is the buyer's own judgement ("5 stars for the quick refund", "refunded, so
 * I changed it to 4"); without the initiative it is the buyer's demand, which is extortion.
 * A reward the author already received stands for the initiative ("got a refund IN EXCHANGE FOR
 * 5 stars", "me dieron un reembolso a cambio de..."), but only with an exchange tie and only
 * when the target follows it directly ("got a refund for my order and changed my review" is not).
 */

/** A moderator needs the first few; a text repeating one offer a thousand times needs no thousand findings. */
const MAX_FINDINGS = 20;
/**
 * Before the model is asked, a text must name what it is about (a review, a rating, a photo) or a
 * reward: a lexicon hit from either list, and with one half only the model must be surer
 * (ONE_HALF_MIN), as for extortion.
 */
const REVIEW_HALF = ['reviewNoun', 'oneStar', 'goodRating', 'mediaNoun'] as const;
const MODEL_GATE: readonly (readonly string[])[] = [REVIEW_HALF, ['reward']];
/** The review half alone (built once: the gate runs on every text the lists leave). */
const REVIEW_GATE: readonly (readonly string[])[] = [REVIEW_HALF];
/**
 * With a reward and no review or rating named, the price must still be the review: a change or
 * removal or a rating act named ("offered $10 to take it down", "если поставлю пять"). "They offered
 * a full refund if I sent the item back" is a return.
 */
const REWARD_ONLY_GATE: readonly (readonly string[])[] = [['reward'], ['changeAny', 'change1', 'changeSplit', 'rateAct']];

export const DETECTOR = 'conduct.incentive';

const WIN = {
  rewardBeforeTie: 6,
  tieToTarget: 4,
  targetBeforeTie: 6,
  tieToReward: 4,
  offerBefore: 20,
  receiptBefore: 3,
  pairGap: 4,
  rewardJoin: 2,
  askBefore: 4, // "asked me to", "me relance pour que je"
  changeToObject: 4,
  pronounBack: 25,
  nounToRating: 2,
  negBefore: 3,
  payToReward: 2,
  sloganGap: 3,
  condToMain: 14,
  receiptFar: 6,
  backToTarget: 12,
  backToReward: 4,
} as const;

/** The offer in the same sentence is the usual report; one sentence earlier ("a card in the box. Leave 5 stars...") a little less sure. */
const CONF = { sameSentence: 0.9, previousSentence: 0.82, pair: 0.82, received: 0.85 } as const;

interface Part { i: number; j: number; langs: number }
interface Candidate { i: number; j: number; conf: number; reward: Part; target: Part; tie: Hit; offer: Part }

/** Rating targets: good ratings, "positive review", and change/remove + a review (or "it" for one named before). */
function findTargets(sc: Scan): Part[] {
  const out: Part[] = [];
  for (const g of sc.all('goodRating')) out.push(g);
  for (const r of sc.all('reviewNoun')) {
    const adj = sc.endingIn('posAdj', r.i - 2, r.i, (h) => sameSent(sc, h.i, r.i));
    if (adj) out.push({ i: adj.i, j: r.j, langs: r.langs });
    // "opinię na 5 gwiazdek", "una reseña de 5 estrellas": the target starts at the noun.
    const g = sc.startingIn('goodRating', r.j, r.j + WIN.nounToRating, (h) => sameClause(sc, h.i, r.i));
    if (g) out.push({ i: r.i, j: g.j, langs: r.langs });
  }
  for (const cat of ['changeAny', 'change1'] as const) {
    for (const c of sc.all(cat)) {
      const obj = sc.startingIn('reviewNoun', c.j, c.j + WIN.changeToObject, (h) => sameSent(sc, h.i, c.i))
        ?? sc.startingIn('goodRating', c.j, c.j + WIN.changeToObject, (h) => sameSent(sc, h.i, c.i))
        ?? sc.startingIn('oneStar', c.j, c.j + WIN.changeToObject, (h) => sameSent(sc, h.i, c.i));
      if (obj) {
        // "zmianę oceny na 5 gwiazdek", "change my review to 5 stars": the new rating belongs to the target.
        const num = sc.startingIn('toHigh', obj.j, obj.j, (h) => sameClause(sc, h.i, c.i) && (h.langs & c.langs) !== 0);
        const good = sc.startingIn('goodRating', obj.j, obj.j + 1, (h) => sameClause(sc, h.i, c.i));
        out.push({ i: c.i, j: Math.max(obj.j, num?.j ?? 0, good?.j ?? 0), langs: c.langs });
        continue;
      }
      // "si la cambiaba a 5", "jeśli zmienię na 5": the new rating as a bare number.
      const num = sc.startingIn('toHigh', c.j, c.j + 1, (h) => sameClause(sc, h.i, c.i) && (h.langs & c.langs) !== 0);
      if (num) { out.push({ i: c.i, j: num.j, langs: c.langs }); continue; }
      const pron = sc.startingIn('pronounObj', c.j, c.j, (h) => (h.langs & c.langs) !== 0);
      if (pron && sc.endingIn('reviewNoun', c.i - WIN.pronounBack, c.i)) { out.push({ i: c.i, j: pron.j, langs: c.langs }); continue; }
      // A clitic before the verb stands for a review named earlier: "si la borraba", "jeśli ją usunę".
      // English puts its object after the verb ("the review that changed my mind" is no target).
      const clitic = sc.endingIn('pronounObj', c.i, c.i, (h) => (h.langs & c.langs & ~EN) !== 0);
      if (clitic && sc.endingIn('reviewNoun', c.i - WIN.pronounBack, c.i)) out.push({ i: clitic.i, j: c.j, langs: c.langs });
    }
  }
  // "a full refund if I delete the photo", "si cambiaba el texto", "si je ne publiais pas ma vidéo":
  // deleting, editing or withholding a photo, a video or words of the review is paid for like the rating.
  if (sc.all('mediaNoun').length > 0 || sc.all('withhold').length > 0) {
    for (const cat of ['changeAny', 'change1', 'withhold'] as const) {
      for (const c of sc.all(cat)) {
        const inClause = (h: Hit) => sameClause(sc, h.i, c.i) && (h.langs & c.langs) !== 0;
        const obj = sc.startingIn('mediaNoun', c.j, c.j + WIN.changeToObject, inClause)
          ?? (cat === 'withhold' ? sc.startingIn('reviewNoun', c.j, c.j + WIN.changeToObject, inClause) : undefined);
        if (obj) out.push({ i: c.i, j: obj.j, langs: c.langs });
      }
    }
  }
  // "a refund if I'd take the review down": a phrasal change verb with the review inside it.
  for (const c of sc.all('changeSplit')) {
    const end = splitChange(sc, c);
    if (end !== undefined) out.push({ i: c.i, j: end, langs: c.langs });
  }
  return out;
}

/**
 * "got a refund in exchange for 5 stars": the reward, received (a receipt word right before it),
 * then an exchange tie, then the target with no "and" between ("got a refund for my order AND
 * changed my review" is two facts). The receipt part, or undefined.
 */
function received(sc: Scan, reward: Part, tie: Hit, target: Part, textLang: number): Part | undefined {
  if (reward.j > tie.i || target.i < tie.j || !sameClause(sc, tie.j - 1, target.i)) return undefined;
  if (!sc.startingIn('exchangeTie', tie.i, tie.i, (h) => h.j === tie.j)) return undefined;
  if (sc.startingIn('then', tie.j, target.i - 1, (h) => h.j <= target.i && shares(h, target, textLang))) return undefined;
  return sc.endingIn('receipt', reward.i - WIN.receiptBefore, reward.i, (h) => h.j <= reward.i && sameClause(sc, h.i, reward.i) && shares(h, reward, textLang));
}

/** A past form right before the part, in its clause: the author narrates ("поставил 5 звёзд — …"). */
function narrated(sc: Scan, p: Part, textLang: number): boolean {
  return sc.endingIn('past', p.i - WIN.negBefore, p.i, (h) => h.j <= p.i && sameClause(sc, h.i, p.i) && shares(h, p, textLang)) !== undefined;
}

function denied(sc: Scan, o: Hit, textLang: number): boolean {
  return sc.endingIn('neg', o.i - WIN.negBefore, o.i, (n) => n.j <= o.i && sameClause(sc, n.i, o.i) && shares(n, o, textLang)) !== undefined;
}

export function findIncentives(sc: Scan, textLang: number): Candidate[] {
  if (sc.all('reward').length === 0 || (sc.all('offer').length === 0 && sc.all('receipt').length === 0 && sc.all('youPay').length === 0 && sc.all('voiceTie').length === 0)) return [];
  const targets = new SpanIndex(findTargets(sc));
  // "$10 gift card", "вернуть половину стоимости": nearby reward words in one clause are one reward.
  const rewardParts: Part[] = [];
  for (const r of sc.all('reward')) {
    const prev = rewardParts[rewardParts.length - 1];
    if (prev && r.i <= prev.j + WIN.rewardJoin && sameClause(sc, prev.i, r.i)) prev.j = Math.max(prev.j, r.j);
    else rewardParts.push({ i: r.i, j: r.j, langs: r.langs });
  }
  const rewards = new SpanIndex<Part>(rewardParts);
  const cands: Candidate[] = [];
  const forwardTies = sc.all('tieForward');
  for (const x of forwardTies.length === 0 ? sc.all('tie') : [...sc.all('tie'), ...forwardTies]) {
    const inSent = (p: Part) => sameSent(sc, p.i, x.i);
    const forward = x.cat === 'tieForward';
    // reward TIE target: "offered $5 to change my review", "деньги за отзыв 5 звёзд"
    let reward = forward ? undefined : rewards.endingIn(x.i - WIN.rewardBeforeTie, x.i, (p) => inSent(p) && p.j <= x.i);
    // The tie governs its own clause: "reembolso por el retraso; la cambié a 4" and "refund for the
    // delay and I changed it" are two facts.
    // ("за то, что поменяете оценку": the target sits in the clause where the tie ends.)
    let target = reward && targets.startingIn(x.j, x.j + WIN.tieToTarget, (p) => inSent(p) && sameClause(sc, p.i, x.j - 1) && shares(x, p, textLang)
      && !sc.startingIn('then', x.j, p.i - 1, (h) => h.j <= p.i && shares(h, p, textLang)));
    if (!reward || !target) {
      // target TIE reward: "remove my feedback in exchange for a partial refund"
      target = targets.endingIn(x.i - WIN.targetBeforeTie, x.i, (p) => inSent(p) && p.j <= x.i && shares(x, p, textLang));
      // The reward may start inside the tie: "y TE DEVOLVEMOS 3€" (tie "y te", reward "te devolvemos").
      reward = target && rewards.startingIn(x.i + 1, x.j + WIN.tieToReward, inSent);
    }
    let viaCond = false;
    if (!reward || !target) {
      // IF target, reward: "si pongo cinco estrellas me devuelven 3 euros" (conditional ties only).
      if (!sc.startingIn('condTie', x.i, x.i, (c) => c.j === x.j)) continue;
      viaCond = true;
      target = targets.startingIn(x.j, x.j + 1, (p) => inSent(p) && shares(x, p, textLang));
      reward = target && rewards.startingIn(target.j, target.j + WIN.tieToReward + 1, inSent);
      // "si cambiaba el texto y quitaba lo de…, me hacían un 50% de descuento": a longer condition,
      // then the reward in the main clause after it.
      if (target && !reward) {
        const t = target;
        reward = rewards.startingIn(t.j, t.j + WIN.condToMain, (r) => inSent(r) && sc.clause[r.i]! > sc.clause[t.j - 1]!);
      }
    }
    if (!reward || !target) continue;
    const i = Math.min(reward.i, target.i);
    const j = Math.max(reward.j, target.j, x.j);
    // The seller's initiative comes first: "5 stars for the quick refund, they offered it" is praise.
    const s = sc.sent[i]!;
    // The initiative may be the reward itself: "мне заплатили за отзыв", "the seller paid me back".
    // The shop's practice governs the reward right after it: "dais 5 € de reembolso", "zwracacie 20 zł"
    // (wherever the target is); "dais muy buen servicio" gives no reward.
    // "No one paid me for this review", "nadie me ofreció nada": a denied initiative is none.
    const offer = sc.endingIn('offer', i - WIN.offerBefore, Math.max(i + 1, reward.j), (o) => o.i <= i && (sc.sent[o.i]! === s || sc.sent[o.i]! === s - 1) && !denied(sc, o, textLang))
      // "Za zmianę oceny na 5 gwiazdek sprzedawca obiecał mi darmowy stojak": the condition first, the offer before its reward.
      ?? (viaCond ? sc.startingIn('offer', target.j, reward.i - 1, (o) => o.j <= reward.i && sameSent(sc, o.i, x.i) && !denied(sc, o, textLang)) : undefined)
      ?? sc.endingIn('youPay', reward.i - WIN.payToReward, reward.i, (o) => o.j <= reward.i && sc.sent[o.i]! === s && (o.langs & (x.langs | textLang)) !== 0);
    if (offer) {
      cands.push({ i: Math.min(i, offer.i), j, conf: sc.sent[offer.i]! === s ? CONF.sameSentence : CONF.previousSentence, reward, target, tie: x, offer });
      continue;
    }
    // "оставьте отзыв 5⭐ и получите 200 руб", "déjanos 5 estrellas y te devolvemos 3€": a tie in the
    // seller's voice, target before it, is its own initiative. A target the author narrates is no slogan.
    const voice = target.j <= x.i ? sc.startingIn('voiceTie', x.i, x.i, (v) => v.j >= x.j && shares(v, target!, textLang)) : undefined;
    if (voice && !narrated(sc, target, textLang)) {
      cands.push({ i, j, conf: CONF.pair, reward, target, tie: x, offer: voice });
      continue;
    }
    const got = received(sc, reward, x, target, textLang);
    if (got) cands.push({ i: got.i, j, conf: CONF.received, reward, target, tie: x, offer: got });
  }
  // "уговаривал удалить отзыв, обещал вернуть 500 рублей": the seller asks for the rating and
  // promises the reward in one breath, each part with its own cue and no tie word between.
  for (const t of targets.all()) {
    const ask = sc.endingIn('offer', t.i - WIN.askBefore, t.i, (o) => o.j <= t.i && sameSent(sc, o.i, t.i));
    if (!ask) continue;
    for (let p = t.j; p <= t.j + WIN.pairGap; p++) {
      const promise = sc.startingIn('offer', p, p, (o) => o !== ask && sameSent(sc, o.i, t.i));
      const reward = promise && rewards.startingIn(promise.j, promise.j + 3, (r) => sameSent(sc, r.i, t.i));
      if (promise && reward) {
        cands.push({ i: ask.i, j: reward.j, conf: CONF.pair, reward, target: t, tie: promise, offer: ask });
        break;
      }
    }
  }
  // A rating named first, then "for it" (data backTie): either a reward received just before it,
  // closing its clause, the seller's sending in the reward's clause ("Змінила оцінку на 5, бо
  // магазин надіслав мені другу пляшку безкоштовно за це"), or the reward after it, with the
  // seller's initiative or an agreement before the rating ("Ставлю пять звёзд, как договорились с
  // магазином — они мне за это сделали скидку 20%"). "Got a refund for it" names no price.
  for (const b of sc.all('backTie')) {
    if (clauseEndsAt(sc, b.j)) {
      const reward = rewards.endingIn(b.i, b.i, (r) => r.j === b.i && sameClause(sc, r.i, b.i));
      const got = reward && sc.endingIn('receipt', reward.i - WIN.receiptFar, reward.i, (h) => h.j <= reward.i && sameClause(sc, h.i, reward.i) && shares(h, reward, textLang));
      const target = got && targets.endingIn(got.i - WIN.backToTarget, got.i, (t) => t.j <= got.i && sameSent(sc, t.i, got.i));
      if (reward && got && target) { cands.push({ i: target.i, j: b.j, conf: CONF.received, reward, target, tie: b, offer: got }); continue; }
    }
    const reward = rewards.startingIn(b.j, b.j + WIN.backToReward, (r) => sameClause(sc, r.i, b.i));
    const target = reward && targets.endingIn(b.i - WIN.backToTarget, b.i, (t) => t.j <= b.i && sameSent(sc, t.i, b.i));
    if (!reward || !target) continue;
    const s = sc.sent[target.i]!;
    const offer = sc.startingIn('offer', target.i - WIN.offerBefore, b.i, (o) => o.j <= b.i && (sc.sent[o.i]! === s || sc.sent[o.i]! === s - 1) && !denied(sc, o, textLang));
    if (offer) cands.push({ i: Math.min(target.i, offer.i), j: reward.j, conf: CONF.pair, reward, target, tie: b, offer });
  }
  // A slogan on a card: "Відгук на 5 зірок із фото — кешбек 50 грн", "удалите отзыв — вернём
  // половину": the target, a dash, the reward, with the seller's initiative before. A target the
  // author narrates ("поставил 5 звёзд — деньги вернули") is no slogan.
  for (const t of targets.all()) {
    const reward = rewards.startingIn(t.j, t.j + WIN.sloganGap, (r) => sameSent(sc, r.i, t.i) && isDash(sc.markBefore(r.i)));
    if (!reward || sc.startingIn('tie', t.j, reward.i - 1)) continue;
    if (narrated(sc, t, textLang)) continue;
    const s = sc.sent[t.i]!;
    const offer = sc.endingIn('offer', t.i - WIN.offerBefore, t.i, (o) => o.j <= t.i && (sc.sent[o.i]! === s || sc.sent[o.i]! === s - 1) && !denied(sc, o, textLang));
    if (offer) cands.push({ i: offer.i, j: reward.j, conf: CONF.pair, reward, target: t, tie: { cat: 'slogan', i: reward.i, j: reward.i, langs: t.langs }, offer });
  }
  return strongestFirst(cands);
}

export const incentiveDetector: TextDetector = function (input: DetectorInput): TextFinding[] {
  const sc = scan(input.norm);
  const orig = (i: number, j: number) => {
    const s = tokenSpan(sc, i, j);
    return input.norm.toOriginal(s.start, s.end);
  };
  const textLang = langBit(input.lang);
  const found = findIncentives(sc, textLang);
  // The model speaks only where the word lists found nothing, about a text that names a half of
  // MODEL_GATE (surer with one than with both).
  // A demand made by the author is extortion, not an offer: the model does not second-guess that.
  if (found.length === 0 && (namesEach(sc, REVIEW_GATE) || namesEach(sc, REWARD_ONLY_GATE)) && findExtortion(sc, textLang).length === 0) {
    const m = conductModel.finding(input, 'review_manipulation.incentive', DETECTOR, namesEach(sc, MODEL_GATE) ? 0 : ONE_HALF_MIN);
    return m ? [m] : [];
  }
  return found.slice(0, MAX_FINDINGS).map((c) => ({
    type: 'review_manipulation.incentive',
    detector: DETECTOR,
    confidence: c.conf,
    span: orig(c.i, c.j),
    evidence: {
      spans: [
        { role: 'offer', ...orig(c.offer.i, c.offer.j) },
        { role: 'reward', ...orig(c.reward.i, c.reward.j) },
        { role: 'target', ...orig(c.target.i, c.target.j) },
      ],
    },
  }));
};
