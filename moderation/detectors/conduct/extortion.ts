import type { DetectorInput, TextDetector, TextFinding } from '../../types.js';
import { type Hit, isDash, isLetterCode, langBit, namesEach, sameClause, sameSent, scan, type Scan, shares, SpanIndex, strongestFirst, tokenSpan } from './scan.js';
import { conductModel, ONE_HALF_MIN } from './model.js';

/**
 * extortion.threat: a bad review, rating, dispute or complaint made conditional on the seller
 * giving something (refund, discount, gift, coupon, extra item, money).
 *
 * A threat alone is an angry review; a demand alone is a refund request. Extortion is the two
 * joined by a condition, in either order:
 *   threat  UNLESS  demand         "1 star unless you refund me", "une étoile tant que ..."
 *   UNLESS/IF-NOT demand  threat   "if you don't give me a discount I'll open a dispute"
 *   demand  OR/OTHERWISE  threat   "refund me or I'm leaving 1 star", "верните деньги, иначе ..."
 *   lever   WHEN  demand           "I'll change my rating when you refund", "поменяю оценку, когда вернёте"
 *   WHEN demand  lever             "if you send a gift I won't leave negative feedback"
 *   demand  AND/THEN  lever        "send a coupon and I'll remove my review"
 *   demand  IF-YOU-DON'T-WANT threat  "refund me if you don't want a 1-star review", with an
 *                                  insinuated demand too: "you know what to do if you don't want..."
 *   YOU-GIVE demand  lever/threat  Slavic conditionals without "if": "вернёте деньги — удалю
 *                                  отзыв", "не вернёте деньги — будет жалоба", "не будет возврата — будет жалоба"
 *   SHAME-IF rating VANISH  demand  veiled: "would be a shame if those stars disappeared... a free
 *                                  spare jar would keep them"
 * A lever is a promised rating change, a promised good rating, or a withheld threat.
 * Threats narrated in the past ("I left 1 star because...") or reported of someone else
 * ("another buyer threatened 1 star unless...") and demands already met ("got a
 * refund") or declined ("don't want a refund") do not count. Every search is a bounded window
 * around a connector, so the detector is linear in the text.
 */

/** A moderator needs the first few; a text repeating one threat a thousand times needs no thousand findings. */
const MAX_FINDINGS = 20;
/**
 * Before the model is asked, a text must name what is threatened (a review, a rating, a complaint,
 * a public shaming, a veiled "would be a shame if", a deadline): a lexicon hit of MODEL_GATE_THREAT.
 * Without one of MODEL_GATE_DEMAND (a refund, a sum, an item demanded) the model must be surer
 * (ONE_HALF_MIN): on blind rounds the lists missed the demand in a tenth of the threats ("замена",
 * "a little discount"). With no threat named the model is not asked: "send me your code and I'll
 * refund you" is a lure or a deal, whatever it sounds like.
 */
const MODEL_GATE_THREAT: readonly (readonly string[])[] = [['reviewNoun', 'oneStar', 'goodRating', 'highRating', 'escalate', 'shame', 'veiled', 'youllSee', 'ultimatum']];
const MODEL_GATE_DEMAND: readonly (readonly string[])[] = [['demand', 'demandPast', 'impliedDemand', 'giveVerb', 'youGive', 'currency']];

export const DETECTOR = 'conduct.extortion';

/** Window sizes, in words. */
const WIN = {
  cue: 5, // narration / intention / negation cue before a threat
  demandCue: 4, // the same before a demand
  threatBeforeUnless: 10,
  unlessToDemand: 8,
  demandToThreat: 12,
  demandBeforeElse: 12,
  elseToThreat: 8,
  prevSentence: 25,
  ifNotToThreat: 14,
  leverBeforeWhen: 6,
  whenToDemand: 8,
  demandToLever: 12,
  avoidToThreat: 6,
  avoidToDemand: 10,
  giveToDemand: 4,
  giveToLever: 8,
  splitToObject: 2,
  demandBeforeThen: 8,
  thenToLever: 6,
  changeToObject: 4,
  demandJoin: 2,
  lowNum: 5,
  pronounBack: 25,
  veiledToVanish: 6,
  veiledToOneStar: 9,
  veiledRatingBack: 25,
  vanishToDemand: 16,
  quantToListing: 3,
  postToListing: 8,
  giveToObject: 4,
  reluctantToThreat: 8,
  threatToResolve: 40,
  demandToResolve: 14,
  speakerBeforeQuote: 8,
  saysBack: 6,
  speakerBeforeSays: 5,
  quoteBack: 40,
  impliesToThreat: 6,
  choiceToThreat: 14,
  choiceDemandBack: 14,
  countToThreat: 5,
  countToDemand: 16,
  dependsAround: 10,
  dependsToDemand: 16,
  dueAfterDemand: 4,
  wishToChange: 8,
  wishToDemand: 30,
  ultimatumToDemand: 8,
  demandToVeiled: 20,
  dashToLever: 4,
  vanishAfter: 2,
  betterAfter: 5,
  seeToReview: 6,
  sentenceScan: 60,
  dealToStay: 14,
  stayToNoun: 3,
  nounToLevel: 4,
  levelToDemand: 30,
} as const;

/** Confidence per pattern, times the threat's kind. A dispute threat is also a legitimate route, so it weighs less. */
const RULE_CONF = {
  unless: 0.9, unlessLead: 0.88, elseStrong: 0.9, elseWeak: 0.82, ifNotBack: 0.75, implies: 0.85, withoutDeadline: 0.8,
  leverWhen: 0.85, whenLever: 0.85, leverThen: 0.8, avoid: 0.85, youGive: 0.82, veiled: 0.8, reluctant: 0.78,
  choice: 0.8, countQuestion: 0.8, depends: 0.8, wishTerms: 0.82, ultimatum: 0.8, dashTerms: 0.82, keepDeal: 0.8,
} as const;
const KIND_CONF = { rating: 1, change: 1, promise: 0.95, escalate: 0.9 } as const;

type Rule = keyof typeof RULE_CONF;
type Kind = keyof typeof KIND_CONF;

/** `soon`: said as what will happen (a lever, "you'll see how this review looks"), not only as a rating named. */
interface Threat { i: number; j: number; kind: Kind; past: boolean; negated: boolean; lever: boolean; langs: number; soon?: boolean }
/** `ask`: spelled out as terms (a give verb, an amount, a number or percent): "верните 500р", "знижка 20%". */
interface Demand { i: number; j: number; past: boolean; negated: boolean; offered: boolean; langs: number; ask?: boolean }
interface Candidate { i: number; j: number; rule: Rule; conf: number; threat: Threat; demand: Demand; cond: Hit }

/** A demand still standing: not already met, not declined, not the seller's own offer. */
const openDemand = (d: Demand): boolean => !d.past && !d.negated && !d.offered;

/** Is [i, j) preceded, within its clause, by a cue of `cat` (not interrupted by an intention cue)? */
function cueBefore(sc: Scan, cat: string, i: number, win: number, langs: number, textLang: number): boolean {
  const h = sc.endingIn(cat, i - win, i, (c) => c.j <= i && sameClause(sc, c.i, i) && shares(c, { langs }, textLang));
  if (!h || cat !== 'past') return h !== undefined;
  // "чтобы я оставил", "żebym wystawił": a past form after a subjunctive conjunction is no narration.
  if (sc.endingIn('subjConj', h.i - 2, h.i, (c) => c.j <= h.i && (c.langs & h.langs) !== 0)) return false;
  // "I was going to leave a bad review": intention after the narration keeps it hypothetical, not past.
  if (sc.startingIn('future', h.j, i - 1, (f) => f.j <= i)) return false;
  // "u got 2 options: send…", "я вже їм написав: або докидують… або…": a choice laid out, or an
  // either-or between the narration and the words, opens what follows rather than narrating it.
  if (sc.startingIn('options', h.j, i - 1, (f) => f.j <= i) || sc.startingIn('elseWeak', h.j, i - 1, (f) => f.j <= i && shares(f, h, textLang))) return false;
  // "dejo ya la valoración": "already" right after the author's own present or future means "now".
  return sc.endingIn('future', h.i, h.i, (f) => f.j === h.i && (f.langs & h.langs) !== 0) === undefined;
}

function isNegated(sc: Scan, i: number, j: number, langs: number, textLang: number): boolean {
  // The "not" of "if not" / "si no" / "если нет" belongs to the condition, and the "no" of
  // "no refund = 1 star" to the demand, not to the threat after them.
  const n = sc.endingIn('neg', i - 4, i, (h) => h.j <= i && sameClause(sc, h.i, i) && shares(h, { langs }, textLang)
    && !sc.endingIn('if', h.i, h.i) && !sc.startingIn('elseStrong', h.i - 2, h.i, (e) => e.j >= h.j)
    && !sc.startingIn('demand', h.j, i - 1));
  if (n) return true;
  return sc.startingIn('negFutureAfter', j, j + 2, (h) => sameClause(sc, h.i, j - 1) && shares(h, { langs }, textLang)) !== undefined;
}

/** Rating/review objects a change verb can take: "change my REVIEW", "remove it" (a review named before). */
function changeObject(sc: Scan, c: Hit): number | undefined {
  const inSent = (h: Hit) => sameSent(sc, h.i, c.i);
  const obj = sc.startingIn('reviewNoun', c.j, c.j + WIN.changeToObject, inSent)
    ?? sc.startingIn('goodRating', c.j, c.j + WIN.changeToObject, inSent)
    ?? sc.startingIn('oneStar', c.j, c.j + WIN.changeToObject, inSent)
    // "remove my complaint", "уберу жалобу": withdrawing a complaint is the same lever.
    ?? sc.startingIn('escalate', c.j, c.j + WIN.changeToObject, inSent);
  if (obj) {
    // "change my rating TO 5 STARS": the target rating belongs to the lever.
    const to = sc.startingIn('goodRating', obj.j, obj.j + 2, (h) => sameClause(sc, h.i, c.i));
    return to ? to.j : obj.j;
  }
  // Object first, as Slavic word order allows: "Отзыв исправлю", "ocenę zmienię".
  const before = (h: Hit) => h.j <= c.i && sameClause(sc, h.i, c.i);
  if (sc.endingIn('reviewNoun', c.i - 2, c.i, before) || sc.endingIn('escalate', c.i - 2, c.i, before)) return c.j;
  const pron = sc.startingIn('pronounObj', c.j, c.j);
  if (pron && sc.endingIn('reviewNoun', c.i - WIN.pronounBack, c.i)) return pron.j;
  return undefined;
}

/** "take this review down", "take it off": the end of a split change verb, or undefined. */
export function splitChange(sc: Scan, c: Hit): number | undefined {
  const inClause = (h: Hit) => sameClause(sc, h.i, c.i) && (h.langs & c.langs) !== 0;
  let obj: { j: number } | undefined = sc.startingIn('reviewNoun', c.j, c.j + WIN.splitToObject, inClause)
    ?? sc.startingIn('oneStar', c.j, c.j + WIN.splitToObject, inClause);
  if (!obj) {
    const pron = sc.startingIn('pronounObj', c.j, c.j, inClause);
    if (pron && sc.endingIn('reviewNoun', c.i - WIN.pronounBack, c.i)) obj = pron;
  }
  const particle = obj && sc.startingIn('splitParticle', obj.j, obj.j, inClause);
  return particle ? particle.j : undefined;
}

function findThreats(sc: Scan, textLang: number): Threat[] {
  const out: Threat[] = [];
  const add = (i: number, j: number, kind: Kind, langs: number, lever = false, canNegate = kind !== 'change') => {
    // Someone else's threat, reported, is as settled as the author's narrated one.
    // The threat may start before the report's verb: "в соседнем отзыве кто-то грозился продавцу
    // единицей" reads the review noun and the rating as one threat.
    const past = cueBefore(sc, 'past', i, WIN.cue, langs, textLang) || cueBefore(sc, 'reportedThreat', i, WIN.cue, langs, textLang)
      || sc.startingIn('reportedThreat', i, j - 1, (c) => c.j <= j && sameClause(sc, c.i, i) && shares(c, { langs }, textLang)) !== undefined;
    const negated = canNegate ? isNegated(sc, i, j, langs, textLang) : false;
    out.push({ i, j, kind, past, negated, lever: lever || negated, langs });
  };
  for (const h of sc.all('oneStar')) add(h.i, h.j, 'rating', h.langs);
  for (const r of sc.all('reviewNoun')) {
    // "negative review", "отзыв будет отрицательный", "a nota vai ser 1"
    const adj = sc.endingIn('negAdj', r.i - 2, r.i, (h) => sameSent(sc, h.i, r.i))
      ?? sc.startingIn('negAdj', r.j, r.j + 2, (h) => sameSent(sc, h.i, r.i));
    if (adj) add(Math.min(adj.i, r.i), Math.max(adj.j, r.j), 'rating', adj.langs & r.langs || r.langs);
    // "my rating won't go above 1", "оценка не выше 1": the negation is part of the threat here.
    const low = sc.startingIn('lowNum', r.j, r.j + WIN.lowNum, (h) => sameClause(sc, h.i, r.i) && (h.langs & r.langs) !== 0);
    if (low) add(r.i, low.j, 'rating', r.langs, false, false);
  }
  for (const h of sc.all('escalate')) add(h.i, h.j, 'escalate', h.langs);
  for (const h of sc.all('shame')) add(h.i, h.j, 'escalate', h.langs);
  // "a review under every product", "comento em TODOS os anúncios": the author's review or comment
  // spread over the shop's listings is a shaming threat.
  for (const q of sc.all('everyQuant')) {
    const inClause = (h: Hit) => sameClause(sc, h.i, q.i) && (h.langs & q.langs) !== 0;
    const l = sc.startingIn('listingNoun', q.j, q.j + WIN.quantToListing, inClause);
    if (!l) continue;
    const before = (h: Hit) => h.j <= q.i && inClause(h);
    const src = sc.endingIn('reviewNoun', q.i - WIN.postToListing, q.i, before)
      ?? sc.endingIn('commentVerb', q.i - WIN.postToListing, q.i, before);
    if (src) add(src.i, l.j, 'escalate', src.langs & q.langs);
  }
  // Levers: the author's own promised change. Inflected first-person forms say it already; a bare
  // verb ("change", "mudar", "змінювати") needs an intention cue before it or "буду" after.
  for (const cat of ['change1', 'changeAny'] as const) {
    for (const c of sc.all(cat)) {
      const end = changeObject(sc, c);
      if (end === undefined) continue;
      const mine = cat === 'change1'
        || cueBefore(sc, 'future', c.i, 3, c.langs, textLang)
        || sc.startingIn('future', end, end + 1, (f) => sameClause(sc, f.i, c.i)) !== undefined;
      if (mine) add(c.i, end, 'change', c.langs, true);
    }
  }
  // "I'll take this review down": the object sits inside the phrasal verb.
  for (const c of sc.all('changeSplit')) {
    const end = splitChange(sc, c);
    if (end !== undefined && cueBefore(sc, 'future', c.i, 3, c.langs, textLang)) add(c.i, end, 'change', c.langs, true);
  }
  for (const g of sc.all('goodRating')) {
    if (cueBefore(sc, 'future', g.i, 4, g.langs, textLang)) add(g.i, g.j, 'promise', g.langs, true, false);
  }
  // "this review disappears", "this 1 star gone", "opinia zrobi się milsza": the review itself
  // said to vanish or turn kinder is the same lever as a promised change.
  for (const cat of ['reviewNoun', 'oneStar'] as const) {
    for (const r of sc.all(cat)) {
      const inClause = (h: Hit) => sameClause(sc, h.i, r.i) && (h.langs & r.langs) !== 0;
      const v = sc.startingIn('vanish', r.j, r.j + WIN.vanishAfter, inClause)
        ?? (cat === 'reviewNoun' ? sc.startingIn('reviewBetter', r.j, r.j + WIN.betterAfter, inClause) : undefined);
      if (v && !cueBefore(sc, 'past', r.i, WIN.cue, r.langs, textLang)) add(r.i, v.j, 'change', r.langs, true);
    }
  }
  // "ya verán cómo queda esta reseña", "vous verrez ce que devient mon avis": a veiled consequence for the review.
  for (const y of sc.all('youllSee')) {
    const inSent = (h: Hit) => sameSent(sc, h.i, y.i) && (h.langs & y.langs) !== 0;
    const r = sc.startingIn('reviewNoun', y.j, y.j + WIN.seeToReview, inSent) ?? sc.startingIn('oneStar', y.j, y.j + WIN.seeToReview, inSent);
    if (r) out.push({ i: y.i, j: r.j, kind: 'rating', past: false, negated: false, lever: false, langs: y.langs, soon: true });
  }
  out.sort((a, b) => a.i - b.i || b.j - a.j);
  // "a 1 star review" is one threat, not two: overlapping threats of one kind become their union.
  const merged: Threat[] = [];
  const lastOfKind = new Map<Kind, Threat>();
  for (const t of out) {
    const prev = lastOfKind.get(t.kind);
    if (!prev || t.i >= prev.j) { merged.push(t); lastOfKind.set(t.kind, t); continue; }
    prev.j = Math.max(prev.j, t.j);
    prev.past &&= t.past;
    prev.negated &&= t.negated;
    prev.lever ||= t.lever;
    prev.soon ||= t.soon;
  }
  return merged;
}

/** Does word t start with a digit? (No string built.) */
function digitAt(sc: Scan, t: number): boolean {
  if (t < 0 || t >= sc.n) return false;
  const c = sc.lower.charCodeAt(sc.s[t]!);
  return c >= 48 && c <= 57;
}

/**
 * Does the sentence of word t end with a question mark (or, Spanish, open with "¿")? Walks to the
 * sentence's first and last words, at most WIN.sentenceScan steps each way.
 */
function questionAt(sc: Scan, t: number): boolean {
  const s = sc.sent[t]!;
  let a = t;
  while (a > 0 && sc.sent[a - 1] === s && t - a < WIN.sentenceScan) a--;
  let b = t;
  while (b + 1 < sc.n && sc.sent[b + 1] === s && b - t < WIN.sentenceScan) b++;
  const from = a > 0 ? sc.e[a - 1]! : 0;
  for (let k = sc.s[a]! - 1; k >= from; k--) if (sc.lower.charCodeAt(k) === 0xbf) return true;
  const to = b + 1 < sc.n ? sc.s[b + 1]! : sc.lower.length;
  for (let k = sc.e[b]!; k < to; k++) {
    const c = sc.lower.charCodeAt(k);
    if (c === 63) return true;
    if (c === 46 || c === 33 || c === 10) return false;
  }
  return false;
}

/** Does word t start with a letter (not a digit, nor a symbol such as "=", "→" or "€")? */
function isWordAt(sc: Scan, t: number): boolean {
  return t < sc.n && isLetterCode(sc.lower.charCodeAt(sc.s[t]!));
}

/** A demand at [i, j) with the cues before it: already met, declined, or the seller's own offer. */
function demandAt(sc: Scan, i: number, j: number, langs: number, textLang: number): Demand {
  const alreadyMet = sc.startingIn('demandPast', i - 3, i, (p) => p.j >= j) !== undefined
    || cueBefore(sc, 'past', i, WIN.demandCue, langs, textLang);
  const declined = cueBefore(sc, 'neg', i, 3, langs, textLang)
    || sc.startingIn('negAfter', j, j + 3, (n) => sameClause(sc, n.i, i)) !== undefined;
  // "the seller offered a refund", "пообещали скидку": the seller's offer is not the author's demand.
  // ("я їм написав: або докидують… або…": an either-or after the cue opens the author's terms.)
  const offered = sc.endingIn('offer', i - WIN.cue, i, (o) => sameSent(sc, o.i, i)
    && !sc.startingIn('elseWeak', o.j, i - 1, (f) => f.j <= i && shares(f, o, textLang))) !== undefined;
  return { i, j, past: alreadyMet, negated: declined, offered, langs };
}

function findDemands(sc: Scan, textLang: number): Demand[] {
  const out: Demand[] = [];
  for (const h of [...sc.all('demand'), ...sc.all('demandPast'), ...sc.all('impliedDemand')]) {
    const d = demandAt(sc, h.i, h.j, h.langs, textLang);
    // "знижка 20%", "descuento del 30": a number right after the demand word spells out the terms.
    // ("= 1 star", "albo 1 gwiazdka" are the threat's number, not the demand's: only a number
    // touching it, or after one word of its clause that is no connector.)
    const t1 = h.j + (digitAt(sc, h.j) ? 0 : 1);
    if (t1 < sc.n && digitAt(sc, t1) && sameClause(sc, t1, h.i) && (t1 === h.j || isWordAt(sc, h.j)) && !sc.startingIn('elseWeak', h.j, t1 - 1)) d.ask = true;
    out.push(d);
  }
  // "верните 500 рублей", "devolverem 30 reais", "a $10 partial refund": a money amount is a demand.
  for (const c of sc.all('currency')) {
    const i = c.i > 0 && digitAt(sc, c.i - 1) ? c.i - 1 : c.i;
    const j = c.j < sc.n && digitAt(sc, c.j) ? c.j + 1 : c.j;
    if (i === c.i && j === c.j) continue;
    out.push({ ...demandAt(sc, i, j, c.langs, textLang), ask: true });
  }
  // "send the missing drill bits", "mándame otro par", "надішлете нову вишиванку": a give verb with
  // a replacement item, a money amount or a demand word after it is a demand of its own.
  for (const g of sc.all('giveVerb')) {
    const inClause = (h: { i: number }) => sameClause(sc, h.i, g.i);
    // The item may be described by a relative clause after a comma: "надішлете чохол, якого бракує".
    const obj = sc.startingIn('itemCue', g.j, g.j + WIN.giveToObject, (h) => sameSent(sc, h.i, g.i) && (h.langs & g.langs) !== 0)
      ?? sc.startingIn('currency', g.j, g.j + WIN.giveToObject, inClause)
      ?? sc.startingIn('demand', g.j, g.j + WIN.giveToObject, inClause);
    if (obj) { out.push({ ...demandAt(sc, g.i, obj.j, g.langs, textLang), ask: true }); continue; }
    // "кидаете 1500 на карту": a bare sum right after the give verb.
    if (g.j < sc.n && inClause({ i: g.j }) && digitAt(sc, g.j)) out.push({ ...demandAt(sc, g.i, g.j + 1, g.langs, textLang), ask: true });
  }
  out.sort((a, b) => a.i - b.i || b.j - a.j);
  // "an extra charger for free", "partial refund": nearby demand words in one clause are one
  // demand; the cues before its first word decide whether it is met, declined or offered.
  const merged: Demand[] = [];
  for (const d of out) {
    const prev = merged[merged.length - 1];
    if (prev && d.i <= prev.j + WIN.demandJoin && sameClause(sc, prev.i, d.i)) { prev.j = Math.max(prev.j, d.j); prev.ask ||= d.ask; }
    else merged.push({ ...d });
  }
  return merged;
}

/** "if you don't", "si no", "если не", "jeśli nie": a conditional followed closely by a negator of its language. */
function ifNots(sc: Scan): Hit[] {
  const out: Hit[] = [];
  for (const f of sc.all('if')) {
    const n = sc.startingIn('neg', f.j, f.j + 5, (h) => (h.langs & f.langs) !== 0 && sameClause(sc, h.i, f.i));
    if (n) out.push({ cat: 'ifNot', i: f.i, j: n.j, langs: f.langs & n.langs });
  }
  return out;
}

/** Words of a sentence that is only a tag question ("¿no?", "правда?", "n'est-ce pas ?"), which ends in "?". */
const TAG_QUESTION_MAX = 2;

/** A bad review named ("пара неприятных отзывов", "bad reviews"): a negative adjective starting in [from, to] and its review noun right after. */
function badReviewAfter(sc: Scan, from: number, to: number, ok: (h: Hit) => boolean): { i: number; j: number } | undefined {
  for (let a = sc.startingIn('negAdj', from, to, ok); a; a = sc.startingIn('negAdj', a.i + 1, to, ok)) {
    const noun = sc.startingIn('reviewNoun', a.j, a.j, ok);
    if (noun) return { i: a.i, j: noun.j };
  }
  return undefined;
}

/**
 * "Would be a real shame if those stars disappeared... a free spare jar would keep them": the
 * rating is named before (or between), the loss is only wished away, and the price follows. A
 * free item counts as the demand here even where it is no demand word ("un bol offert").
 */
function veiledThreats(sc: Scan, demands: SpanIndex<Demand>, emit: (rule: Rule, threat: Threat, demand: Demand, cond: Hit) => void): void {
  for (const v of sc.all('veiled')) {
    const s = sc.sent[v.i]!;
    // The rating vanishing, or turning into one star ("если бы мой отзыв вдруг стал одной звездой").
    // Or the review made public ("a real shame if this lil review got a lot of attention on tiktok"),
    // or bad reviews appearing ("а вы не боитесь, что у товара появится пара неприятных отзывов?"),
    // which names the review itself.
    const inSent = (h: Hit) => sc.sent[h.i] === s;
    const bad = badReviewAfter(sc, v.j, v.j + WIN.veiledToOneStar, inSent);
    const gone = sc.startingIn('vanish', v.j, v.j + WIN.veiledToVanish, inSent)
      ?? sc.startingIn('oneStar', v.j, v.j + WIN.veiledToOneStar, inSent)
      ?? sc.startingIn('shame', v.j, v.j + WIN.veiledToOneStar, inSent)
      ?? bad;
    if (!gone) continue;
    // "a shame if this shop disappeared" is about the shop, not the rating.
    if (sc.startingIn('storeNoun', v.j, gone.i - 1)) continue;
    const rated = (h: Hit) => h.j <= gone.j && (sc.sent[h.i] === s || sc.sent[h.i] === s - 1);
    const rating = gone === bad ? bad
      : sc.endingIn('goodRating', v.i - WIN.veiledRatingBack, gone.i, rated) ?? sc.endingIn('reviewNoun', v.i - WIN.veiledRatingBack, gone.i, rated);
    if (!rating) continue;
    // "…si mi valoración bajara, ¿no? Con un cupón…": a tag question makes a sentence of its own.
    let tagEnd = gone.j;
    while (tagEnd < sc.n && sc.sent[tagEnd] === s) tagEnd++;
    let tag = 0;
    while (tagEnd + tag < sc.n && sc.sent[tagEnd + tag] === s + 1) tag++;
    const tagQuestion = tag > 0 && tag <= TAG_QUESTION_MAX && sc.lower.slice(sc.e[tagEnd + tag - 1]!, sc.e[tagEnd + tag - 1]! + 2).includes('?');
    const reach = tagQuestion ? s + 2 : s + 1;
    const after = (x: { i: number }) => sc.sent[x.i]! >= s && sc.sent[x.i]! <= reach;
    const d = demands.startingIn(gone.j, gone.j + WIN.vanishToDemand, (x) => openDemand(x) && after(x))
      ?? sc.startingIn('free', gone.j, gone.j + WIN.vanishToDemand, after);
    if (!d) continue;
    const demand: Demand = 'cat' in d ? { i: d.i, j: d.j, past: false, negated: false, offered: false, langs: d.langs } : d;
    emit('veiled', { i: v.i, j: gone.j, kind: 'rating', past: false, negated: false, lever: false, langs: v.langs }, demand, v);
  }
}

/**
 * "I'm sure we can find a solution that keeps my feedback positive — a partial refund of around
 * $15…", "możemy się dogadać, żeby moja opinia pozostała pozytywna? … rabat 20%": a deal proposed
 * to the seller, the review said to stay good, and a demand after it (the same sentence or the
 * next two, since "¿no?" makes a sentence of its own). The good review is the price, as in a
 * promised change. "I hope my review stays positive" proposes no deal; a demand already met or
 * offered by the seller is none.
 */
function keepDeals(sc: Scan, demands: SpanIndex<Demand>, emit: (rule: Rule, threat: Threat, demand: Demand, cond: Hit) => void): void {
  for (const st of sc.all('stayVerb')) {
    const inClause = (h: Hit) => sameClause(sc, h.i, st.i) && (h.langs & st.langs) !== 0;
    const noun = sc.startingIn('reviewNoun', st.i - WIN.stayToNoun, st.j + WIN.stayToNoun, inClause);
    if (!noun) continue;
    const from = Math.max(noun.j, st.j);
    const level = sc.startingIn('posAdj', from, from + WIN.nounToLevel, inClause)
      ?? sc.startingIn('goodRating', from, from + WIN.nounToLevel, inClause)
      ?? sc.startingIn('highRating', from, from + WIN.nounToLevel, inClause);
    if (!level) continue;
    const start = Math.min(noun.i, st.i);
    const deal = sc.endingIn('dealCue', start - WIN.dealToStay, start, (h) => h.j <= start && sameSent(sc, h.i, st.i) && (h.langs & st.langs) !== 0);
    if (!deal) continue;
    const s = sc.sent[st.i]!;
    const d = demands.startingIn(level.j, level.j + WIN.levelToDemand, (x) => openDemand(x) && sc.sent[x.i]! - s <= 2);
    if (d) emit('keepDeal', { i: start, j: level.j, kind: 'change', past: false, negated: false, lever: true, langs: st.langs }, d, deal);
  }
}

/**
 * "I would hate to have to report this store... A free replacement would make all of that
 * unnecessary": reluctance to take a negative step, the step itself right after, and a
 * compensation that would settle it in the same or the next sentence.
 */
function reluctantThreats(sc: Scan, threats: SpanIndex<Threat>, demands: SpanIndex<Demand>, textLang: number,
  emit: (rule: Rule, threat: Threat, demand: Demand, cond: Hit) => void): void {
  for (const cat of ['reluctant', 'veiled'] as const) {
    for (const r of sc.all(cat)) {
      const s = sc.sent[r.i]!;
      const t = threats.startingIn(r.j, r.j + WIN.reluctantToThreat, (x) => !x.past && (x.kind === 'rating' || x.kind === 'escalate') && sc.sent[x.i] === s && shares(r, x, textLang));
      if (!t) continue;
      const near = (x: { i: number }) => sc.sent[x.i] === s || sc.sent[x.i] === s + 1;
      const fixes = sc.startingIn('resolves', t.j, t.j + WIN.threatToResolve, (h) => near(h) && (h.langs & r.langs) !== 0);
      if (!fixes) continue;
      const d = demands.endingIn(fixes.i - WIN.demandToResolve, fixes.i, (x) => openDemand(x) && x.i >= t.j && near(x) && sameSent(sc, x.i, fixes.i));
      if (d) emit('reluctant', t, d, r);
    }
  }
}

/**
 * Is token i inside a quotation that someone else is said to have written or said ("Ktoś pisał
 * „oddajcie kasę albo…”", "vi outro comprador ameaçando a loja com '...'")? Looks back a bounded
 * number of characters for an opening quote left open, then for a third-party speaker before it.
 */
function quotedOther(sc: Scan, i: number): boolean {
  const from = Math.max(0, i - WIN.quoteBack);
  // Most candidates have no third party before them: no characters to read.
  const anyone = (h: Hit) => h.j <= i;
  if (!sc.endingIn('otherSpeaker', from, i, anyone) && !sc.endingIn('otherSaid', from, i, anyone) && !sc.endingIn('reportedThreat', from, i, anyone)) return false;
  // "Someone in the reviews says they'll leave 1 star unless…", "Un usuario de arriba dice que si
  // no…": another's words reported without quotes, a third party saying them in the sentence (the
  // threat's span may begin before the verb: "reviews says they'll leave 1 star").
  const says = sc.startingIn('saysThat', i - WIN.saysBack, i + WIN.saysBack, (h) => sameSent(sc, h.i, i));
  if (says && sc.endingIn('otherSpeaker', says.i - WIN.speakerBeforeSays, says.i, (h) => h.j <= says.i && sameSent(sc, h.i, says.i))) return true;
  const text = sc.lower;
  let open = -1;
  for (let k = sc.s[from]!; k < sc.s[i]!; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x201e || c === 0xab) open = k; // „ «
    else if (c === 0xbb) open = -1; // »
    else if (c === 0x201c || c === 0x201d || c === 34) open = open >= 0 ? -1 : k; // “ ” "
    else if (c === 39 || c === 0x2018 || c === 0x2019) {
      // ' as a quote, not an apostrophe: a non-letter on one side.
      const before = k > 0 ? text.charCodeAt(k - 1) : 32;
      const after = k + 1 < text.length ? text.charCodeAt(k + 1) : 32;
      if (isLetterCode(before) && isLetterCode(after)) continue;
      open = open >= 0 ? -1 : k;
    }
  }
  if (open < 0) return false;
  let q = i;
  while (q > from && sc.s[q - 1]! > open) q--;
  const speaks = (cat: string) => sc.endingIn(cat, q - WIN.speakerBeforeQuote, q, (h) => h.j <= q) !== undefined;
  return speaks('otherSpeaker') || speaks('otherSaid') || speaks('reportedThreat');
}

// One-entry memo: the incentive detector asks again for the same scan (see its model gate).
let lastFound: { sc: Scan; textLang: number; out: Candidate[] } | undefined;

export function findExtortion(sc: Scan, textLang: number): Candidate[] {
  if (lastFound?.sc === sc && lastFound.textLang === textLang) return lastFound.out;
  const out = findExtortionIn(sc, textLang);
  lastFound = { sc, textLang, out };
  return out;
}

function findExtortionIn(sc: Scan, textLang: number): Candidate[] {
  // Most reviews name no demand at all; nothing below can fire without one.
  const veiled = sc.all('veiled').length > 0;
  // A give verb makes a demand only with an item or an amount after it (checked in findDemands).
  const giveDemand = sc.all('giveVerb').length > 0 && (sc.all('itemCue').length > 0 || sc.all('giveVerb').some((g) => digitAt(sc, g.j)));
  if (!veiled && sc.all('demand').length === 0 && sc.all('demandPast').length === 0 && sc.all('impliedDemand').length === 0
    && sc.all('currency').length === 0 && sc.all('replaceDemand').length === 0 && !giveDemand) return [];
  const demands = new SpanIndex(findDemands(sc, textLang));
  const threats = new SpanIndex(findThreats(sc, textLang));
  const cands: Candidate[] = [];
  const live = (t: Threat) => !t.past && !t.negated;
  const emit = (rule: Rule, threat: Threat, demand: Demand, cond: Hit) => {
    const i = Math.min(threat.i, demand.i, cond.i);
    const j = Math.max(threat.j, demand.j, cond.j);
    cands.push({ i, j, rule, conf: RULE_CONF[rule] * KIND_CONF[threat.kind], threat, demand, cond });
  };
  if (veiled) veiledThreats(sc, demands, emit);
  if (sc.all('dealCue').length > 0 && sc.all('stayVerb').length > 0) keepDeals(sc, demands, emit);
  // The depends and wish rules build their own threat from a plain review noun or change verb.
  if (threats.all().length === 0 && sc.all('dependsOn').length === 0 && sc.all('youWant').length === 0) return strongestFirst(cands);
  reluctantThreats(sc, threats, demands, textLang, emit);
  const sent = (a: number) => (x: { i: number }) => sameSent(sc, x.i, a);
  const ifNotHits = ifNots(sc);

  // threat UNLESS demand; UNLESS/IF-NOT demand threat. The condition's own negation ("tant que
  // je n'ai pas", "пока не") is part of the condition, so the demand may look negated here.
  for (const u of [...sc.all('unless'), ...ifNotHits]) {
    // "until this is compensated": a passive demand after the condition is still a demand. "если
    // вопрос с заменой не решится": the demand may stand between "if" and its "not".
    const from = u.cat === 'ifNot' ? u.i + 1 : u.j;
    const d = demands.startingIn(from, u.j + WIN.unlessToDemand, (x) => sameSent(sc, x.i, u.i) && !x.offered);
    if (!d) {
      // A replacement inside "if … not" is the price only of a threat after it, never of a lever.
      const r = u.cat === 'ifNot' ? sc.startingIn('replaceDemand', u.i + 1, u.j - 1, (x) => x.j <= u.j) : undefined;
      const t = r && threats.startingIn(u.j, u.j + WIN.ifNotToThreat, (x) => live(x) && (x.kind === 'rating' || x.kind === 'escalate') && sameSent(sc, x.i, u.i) && shares(u, x, textLang));
      if (r && t) emit('unlessLead', t, demandAt(sc, r.i, r.j, r.langs, textLang), u);
      continue;
    }
    // "...a review on all your products... unless you send": a connector opening its sentence
    // continues the previous one.
    const s = sc.sent[u.i]!;
    const leads = u.i === 0 || sc.sent[u.i - 1]! !== s;
    const t = threats.endingIn(u.i - WIN.threatBeforeUnless, u.i, (x) => live(x) && x.j <= u.i
      && (sc.sent[x.i] === s || (leads && sc.sent[x.i] === s - 1)) && shares(u, x, textLang));
    if (t) { emit('unless', t, d, u); continue; }
    const t2 = threats.startingIn(d.j, d.j + WIN.demandToThreat, (x) => live(x) && sameSent(sc, x.i, u.i) && shares(u, x, textLang));
    if (t2) emit('unlessLead', t2, d, u);
  }

  // demand OR/OTHERWISE threat. A weak "or" must sit in the threat's clause: "refund or exchange, 1 star" is not one.
  for (const [cat, rule] of [['elseStrong', 'elseStrong'], ['elseWeak', 'elseWeak']] as const) {
    for (const e of sc.all(cat)) {
      const t = threats.startingIn(e.j, e.j + WIN.elseToThreat, (x) => live(x) && sameSent(sc, x.i, e.i)
        && shares(e, x, textLang) && (rule === 'elseStrong' || sameClause(sc, x.i, e.j)));
      if (!t) continue;
      let d = demands.endingIn(e.i - WIN.demandBeforeElse, e.i, (x) => openDemand(x) && x.j <= e.i && sameSent(sc, x.i, e.i));
      // "You have 48 hours to refund me. After that I'm opening a dispute."
      const leads = e.i === 0 || sc.sent[e.i - 1]! !== sc.sent[e.i]!;
      if (!d && rule === 'elseStrong' && leads) {
        d = demands.endingIn(e.i - WIN.prevSentence, e.i, (x) => openDemand(x) && sc.sent[x.i]! === sc.sent[e.i]! - 1);
      }
      if (d) emit(rule, t, d, e);
    }
  }

  // "I want compensation. If I don't get it by Friday, one star": the demand comes first, the
  // condition refers back to it.
  for (const n of ifNotHits) {
    const t = threats.startingIn(n.j, n.j + WIN.ifNotToThreat, (x) => live(x) && sameSent(sc, x.i, n.i) && shares(n, x, textLang));
    if (!t) continue;
    if (demands.startingIn(n.j, t.i - 1, sent(n.i))) continue; // the forward pattern covers it
    const s = sc.sent[n.i]!;
    const d = demands.endingIn(n.i - WIN.prevSentence, n.i, (x) => openDemand(x) && x.j <= n.i && (sc.sent[x.i]! === s || sc.sent[x.i]! === s - 1));
    if (d) emit('ifNotBack', t, d, n);
  }

  // "No refund = negative feedback": the demand (refused, so negated) implies the threat.
  for (const m of sc.all('implies')) {
    const d = demands.endingIn(m.i - 2, m.i, (x) => !x.past && !x.offered && x.j <= m.i && sameSent(sc, x.i, m.i));
    // "no refund = I'm filing a chargeback": the threat may sit in a short clause after the sign.
    const t = d && threats.startingIn(m.j, m.j + WIN.impliesToThreat, (x) => live(x) && sameSent(sc, x.i, m.i) && sameClause(sc, x.i, m.j));
    if (d && t) emit('implies', t, d, m);
  }

  // "Sans remboursement d'ici vendredi, j'ouvre un litige": without + demand + deadline, then the threat.
  for (const w of sc.all('withoutCond')) {
    const d = demands.startingIn(w.j, w.j + 2, (x) => !x.past && !x.offered && sameClause(sc, x.i, w.i));
    if (!d) continue;
    const due = sc.startingIn('deadline', d.j, d.j + 6, (h) => sameClause(sc, h.i, w.i) && (h.langs & w.langs) !== 0);
    const t = due && threats.startingIn(d.j, d.j + WIN.demandToThreat, (x) => live(x) && sameSent(sc, x.i, w.i) && shares(w, x, textLang));
    if (t) emit('withoutDeadline', t, d, w);
  }

  // Levers: lever WHEN demand; WHEN demand lever; demand AND/THEN lever.
  for (const w of sc.all('when')) {
    const d = demands.startingIn(w.j, w.j + WIN.whenToDemand, (x) => openDemand(x) && sameSent(sc, x.i, w.i));
    if (!d) continue;
    const l = threats.endingIn(w.i - WIN.leverBeforeWhen, w.i, (x) => x.lever && !x.past && x.j <= w.i && sameSent(sc, x.i, w.i) && shares(w, x, textLang));
    if (l) { emit('leverWhen', l, d, w); continue; }
    const l2 = threats.startingIn(d.j, d.j + WIN.demandToLever, (x) => x.lever && !x.past && sameSent(sc, x.i, w.i) && shares(w, x, textLang));
    if (l2) emit('whenLever', l2, d, w);
  }
  for (const t of sc.all('then')) {
    const l = threats.startingIn(t.j, t.j + WIN.thenToLever, (x) => x.lever && !x.past && sameSent(sc, x.i, t.i) && shares(t, x, textLang));
    if (!l) continue;
    const d = demands.endingIn(t.i - WIN.demandBeforeThen, t.i, (x) => openDemand(x) && x.j <= t.i && sameSent(sc, x.i, t.i));
    if (d) emit('leverThen', l, d, t);
  }

  // "refund me if you don't want a 1-star review", "you know what to do if you don't want...": the
  // threat is what the seller should avoid, so its negation belongs to the condition.
  for (const a of sc.all('avoidWant')) {
    const t = threats.startingIn(a.j, a.j + WIN.avoidToThreat, (x) => !x.past && (x.kind === 'rating' || x.kind === 'escalate') && sameSent(sc, x.i, a.i) && shares(a, x, textLang));
    if (!t) continue;
    const s = sc.sent[a.i]!;
    const d = demands.endingIn(a.i - WIN.prevSentence, a.i, (x) => openDemand(x) && x.j <= a.i && (sc.sent[x.i]! === s || sc.sent[x.i]! === s - 1))
      ?? demands.startingIn(t.j, t.j + WIN.avoidToDemand, (x) => openDemand(x) && sameSent(sc, x.i, a.i));
    if (d) emit('avoid', t, d, a);
  }

  // "вернёте деньги — удалю отзыв", "скидку дадите - уберу негатив", "nie oddacie kasy to 1 gwiazdka":
  // a second-person future of giving is the condition. Affirmative, it buys a lever; negated, it earns a threat.
  for (const g of sc.all('youGive')) {
    const near = (x: Demand) => !x.past && !x.offered && sameClause(sc, x.i, g.i);
    const d = demands.startingIn(g.i - WIN.giveToDemand, g.j + WIN.giveToDemand, near);
    if (!d) continue;
    const from = Math.max(g.j, d.j);
    const neg = sc.endingIn('neg', g.i - 1, g.i, (n) => n.j === g.i && (n.langs & g.langs) !== 0) !== undefined;
    const t = threats.startingIn(from, from + WIN.giveToLever, (x) => !x.past && (neg ? !x.negated : x.lever) && x.i >= from && sameSent(sc, x.i, g.i) && shares(g, x, textLang));
    if (t) emit('youGive', t, d, g);
  }
  // "не будет возврата — будет жалоба", "zwrotu nie będzie, będzie negatyw": the refused demand
  // touches the "won't be", and the threat comes in a later clause.
  for (const g of sc.all('noGive')) {
    const d = demands.startingIn(g.j, g.j, (x) => !x.past && !x.offered && sameClause(sc, x.i, g.i))
      ?? demands.endingIn(g.i, g.i, (x) => !x.past && !x.offered && sameClause(sc, x.i, g.i));
    if (!d) continue;
    const from = Math.max(g.j, d.j);
    const t = threats.startingIn(from, from + WIN.giveToLever, (x) => live(x) && !sameClause(sc, x.i, g.i) && sameSent(sc, x.i, g.i) && shares(g, x, textLang));
    if (t) emit('youGive', t, d, g);
  }

  /** Is word x in the sentence of word a or the one before (`prevOrSame`), or the one after (`sameOrNext`)? */
  const prevOrSame = (x: { i: number }, a: number) => sc.sent[x.i] === sc.sent[a] || sc.sent[x.i] === sc.sent[a]! - 1;
  const sameOrNext = (x: { i: number }, a: number) => sc.sent[x.i] === sc.sent[a] || sc.sent[x.i] === sc.sent[a]! + 1;

  // A choice put to the seller: "will you send the refund or do you prefer 1-star reviews?",
  // "коли буде компенсація? чи вам більше подобаються відгуки на одну зірку?". In a question the
  // "or" offers the threat as the other branch, however far into its sentence; an "or" opening a
  // question continues the question before it.
  for (const e of sc.all('elseWeak')) {
    if (!questionAt(sc, e.i)) continue;
    const t = threats.startingIn(e.j, e.j + WIN.choiceToThreat, (x) => live(x) && (x.kind === 'rating' || x.kind === 'escalate') && sameSent(sc, x.i, e.i) && shares(e, x, textLang));
    if (!t) continue;
    const leads = e.i === 0 || sc.sent[e.i - 1]! !== sc.sent[e.i]!;
    const d = demands.endingIn(e.i - WIN.choiceDemandBack, e.i, (x) => openDemand(x) && x.j <= e.i
      && (sameSent(sc, x.i, e.i) || (leads && sc.sent[x.i] === sc.sent[e.i]! - 1 && questionAt(sc, x.i))));
    if (d) emit('choice', t, d, e);
  }

  // "How many more 1-star reviews before you send it?", "сколько вам нужно ещё отрицательных
  // отзывов, чтобы вы вернули…": a question counting bad reviews, the demand after it or just before.
  for (const q of sc.all('countQ')) {
    const t = threats.startingIn(q.j, q.j + WIN.countToThreat, (x) => !x.negated && (x.kind === 'rating' || x.kind === 'escalate') && sameSent(sc, x.i, q.i) && shares(q, x, textLang));
    if (!t || !questionAt(sc, q.i)) continue;
    // The demand sits in a purpose clause ("чтобы вы вернули"), so a past form does not settle it.
    const d = demands.startingIn(t.j, t.j + WIN.countToDemand, (x) => !x.negated && !x.offered && sameSent(sc, x.i, q.i))
      ?? demands.endingIn(q.i - WIN.prevSentence, q.i, (x) => openDemand(x) && x.j <= q.i && prevOrSame(x, q.i));
    if (d) emit('countQuestion', t, d, q);
  }

  // "My next review depends on whether the credit shows up", "жду компенсацию до пятницы, от этого
  // зависит, какой отзыв я напишу": the review made to hang on a demand that follows, or on one
  // before it that carries a deadline.
  for (const dep of sc.all('dependsOn')) {
    const near = (h: { i: number; langs: number }) => Math.abs(sc.sent[h.i]! - sc.sent[dep.i]!) <= 1 && (h.langs & dep.langs) !== 0;
    const obj = sc.startingIn('reviewNoun', dep.i - WIN.dependsAround, dep.j + WIN.dependsAround, near)
      ?? sc.startingIn('oneStar', dep.i - WIN.dependsAround, dep.j + WIN.dependsAround, near);
    if (!obj || cueBefore(sc, 'past', obj.i, WIN.cue, obj.langs, textLang)) continue;
    const d = demands.startingIn(dep.j, dep.j + WIN.dependsToDemand, (x) => openDemand(x) && sameSent(sc, x.i, dep.i))
      ?? demands.endingIn(dep.i - WIN.prevSentence, dep.i, (x) => openDemand(x) && x.j <= dep.i && prevOrSame(x, dep.i)
        && sc.startingIn('deadline', x.j, x.j + WIN.dueAfterDemand, (h) => sameClause(sc, h.i, x.j - 1)) !== undefined);
    if (d) emit('depends', { i: obj.i, j: obj.j, kind: 'rating', past: false, negated: false, lever: true, langs: obj.langs }, d, dep);
  }

  // "You want this 1 star gone? Free replacement + a gift card.", "Chcecie, żebym usunął tę opinię?
  // To proszę 100 zł": the seller's wish to lose the review, asked back, then the price. The
  // demand follows the question, so the seller's "offered" item is the author's price here.
  for (const w of sc.all('youWant')) {
    if (!questionAt(sc, w.i)) continue;
    // The change asked about is in any mood ("que borre esta reseña", "żebym zmienił ocenę").
    const inSent = (h: Hit) => sameSent(sc, h.i, w.i) && (h.langs & w.langs) !== 0;
    let l: Threat | undefined = threats.startingIn(w.j, w.j + WIN.wishToChange, (x) => x.kind === 'change' && !x.past && sameSent(sc, x.i, w.i) && shares(w, x, textLang));
    if (!l) {
      for (const cat of ['change1', 'changeAny'] as const) {
        const c = sc.startingIn(cat, w.j, w.j + WIN.wishToChange, inSent);
        const end = c && changeObject(sc, c);
        if (c && end !== undefined) { l = { i: c.i, j: end, kind: 'change', past: false, negated: false, lever: true, langs: c.langs }; break; }
      }
    }
    if (!l) continue;
    const d = demands.startingIn(l.j, l.j + WIN.wishToDemand, (x) => !x.past && !x.negated && sameOrNext(x, w.i));
    if (d) emit('wishTerms', l, d, w);
  }

  // "Tienen hasta el lunes para mandarme un cupón…, ya verán cómo queda esta reseña": a deadline
  // for the demand, then a threat said as what will happen.
  for (const u of sc.all('ultimatum')) {
    const d = demands.startingIn(u.j, u.j + WIN.ultimatumToDemand, (x) => openDemand(x) && sameSent(sc, x.i, u.i));
    if (!d) continue;
    const t = threats.startingIn(d.j, d.j + WIN.demandToVeiled, (x) => live(x) && sameOrNext(x, u.i) && shares(u, x, textLang)
      && (x.lever || x.soon === true || cueBefore(sc, 'future', x.i, WIN.cue, x.langs, textLang)));
    if (t) emit('ultimatum', t, d, u);
  }

  // "верните 500р на карту — поставлю 5 звезд": terms spelled out (a give verb, a sum), a dash,
  // the promised rating. A report ("refund came fast — 5 stars") names no terms.
  for (const d of demands.all()) {
    if (!d.ask || !openDemand(d)) continue;
    const l = threats.startingIn(d.j, d.j + WIN.dashToLever, (x) => x.lever && !x.past && sameSent(sc, x.i, d.i) && (x.langs & d.langs) !== 0);
    if (!l) continue;
    let dash = false;
    for (let k = d.j; k <= l.i && !dash; k++) dash = isDash(sc.markBefore(k));
    if (dash) emit('dashTerms', l, d, { cat: 'dash', i: d.j, j: d.j, langs: d.langs });
  }

  // A weaker reading of the same words is dropped; a threat quoted from someone else is not the author's.
  return strongestFirst(cands.filter((c) => !quotedOther(sc, c.i)));
}

export const extortionDetector: TextDetector = function (input: DetectorInput): TextFinding[] {
  const sc = scan(input.norm);
  const textLang = langBit(input.lang);
  const orig = (i: number, j: number) => {
    const s = tokenSpan(sc, i, j);
    return input.norm.toOriginal(s.start, s.end);
  };
  const found = findExtortion(sc, textLang);
  // The model speaks only where the word lists found nothing, about a text that names a threat
  // (surer without a demand named too), in the author's own voice (no other speaker quoted).
  if (found.length === 0 && sc.all('otherSpeaker').length === 0 && namesEach(sc, MODEL_GATE_THREAT)) {
    const m = conductModel.finding(input, 'extortion.threat', DETECTOR, namesEach(sc, MODEL_GATE_DEMAND) ? 0 : ONE_HALF_MIN);
    return m ? [m] : [];
  }
  return found.slice(0, MAX_FINDINGS).map((c) => ({
    type: 'extortion.threat',
    detector: DETECTOR,
    confidence: c.conf,
    span: orig(c.i, c.j),
    evidence: {
      spans: [
        { role: 'threat', ...orig(c.threat.i, c.threat.j) },
        { role: 'demand', ...orig(c.demand.i, c.demand.j) },
        { role: 'condition', ...orig(c.cond.i, c.cond.j) },
      ],
      subtype: c.rule,
    },
  }));
};
