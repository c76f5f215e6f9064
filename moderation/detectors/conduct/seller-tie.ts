import type { DetectorInput, Lang, TextDetector, TextFinding } from '../../types.js';
import { fold } from '../../fold.js';
import { clauseEndsAt, type Hit, isDash, langBit, namesEach, sameClause, sameSent, scan, type Scan, shares } from './scan.js';
import { CONDUCT_CLASSES, conductModel } from './model.js';
import copulaData from '../../data/copulas.json';
import tieWords from '../../data/seller-tie-words.json';

/**
 * seller_tie.* from wording.
 *
 * Undisclosed: the author writes as the seller or staff ("as the owner", "our shop", "мой
 * магазин", "trabajo en esta tienda"), as a relative or friend of the store ("my brother's
 * store", "la boutique de ma sœur"), or admits a free product for a review. The seller's or
 * staff's own promotion stays undisclosed even when it says who writes (contract taxonomy).
 *
 * Disclosed: a relative/friend/free-product/staff tie with disclosure wording ("Disclosure:",
 * "#ad", "in exchange for my honest review"), opened by a candour marker ("Full transparency:
 * the seller is my brother") or followed by a conceded bias ("I work for this brand, but I'd buy
 * it anyway"); a disclosure label on its own; or the author's disclosure flag (spanning the whole
 * text when the text names no tie: TextFinding needs a span).
 *
 * A seller's answer in its own voice about service ("we ship within 24 hours") is no tie; an
 * answer that sells ("buy from us") is, with every insider tie in it.
 *
 * Buyers talk about shops too: "for my shop" (a buyer's own business), "our local store",
 * "my brother recommended this shop", "I'm not affiliated" must stay clean.
 */

export const DETECTOR = 'conduct.seller-tie';

/**
 * Before the model is asked about a tie the word lists did not find, the text must name one side
 * of one: an insider's words (a role, "our", "we make", a relative's shop, a free product) for an
 * undisclosed tie, a disclosure's words for a disclosed one.
 */
const MODEL_GATE_UNDISCLOSED: readonly (readonly string[])[] = [[
  'ownerSelf', 'sellerRole', 'ownerRole', 'weMake', 'workVerb1', 'workNounMarker', 'ownWord', 'ourProducts', 'relPoss', 'belongsTo',
  'relGen', 'relNom', 'iAmRel', 'ownVerb', 'staffRole', 'freeSource', 'ourPlace', 'ourPoss', 'sellerOps', 'pitchUs', 'weAt',
  'homePlace', 'ownerNoun', 'atUs', 'weSelf', 'weTest', 'opVerbWe', 'ourPremises', 'sellerPitch', 'free', 'reviewTie', 'altAccount', 'sellerThanks',
]];
const MODEL_GATE_DISCLOSED: readonly (readonly string[])[] = [['discStrong', 'tieStatement', 'tieStatementOpen', 'friendsWe', 'honest', 'concede', 'free', 'freeSource', 'reviewTie', 'reviewPurpose']];
/** A soft disclosure or candour marker alone ("Сразу отмечу: продавца хвалю") discloses nothing: it needs a tie's words too. */
const MODEL_GATE_CANDOUR: readonly (readonly string[])[] = [['discSoft', 'discLead', 'discLeadHonest'], MODEL_GATE_UNDISCLOSED[0]!];
const disclosureGate = (sc: Scan) => namesEach(sc, MODEL_GATE_DISCLOSED) || namesEach(sc, MODEL_GATE_CANDOUR);

type Kind = 'owner' | 'staff' | 'relative' | 'free' | 'gift' | 'statement';
/**
 * `sells`: the seller's own promotion (a pitch, "our ... the best on AliExpress"), which keeps an
 * answer from passing as service ("we recommend our balm" in an answer is service). `role`: the
 * writer names their role at the store ("as the owner", "I work in this shop"). `thanks`: the
 * shop thanking its buyer, a tie in a review and the seller's ordinary courtesy in an answer.
 */
interface Tie { i: number; j: number; kind: Kind; conf: number; sells?: boolean; role?: boolean; thanks?: boolean }
interface Disclosure { i: number; j: number; conf: number }

/** Confidence per kind of evidence. */
const CONF = {
  ownerWithStore: 0.92, ownerBare: 0.85, ownerSelf: 0.9, ourProducts: 0.85, staff: 0.9,
  possStore: 0.82, possStorePromo: 0.9, possStoreLocative: 0.75,
  relative: 0.85, relativeVerb: 0.8, statement: 0.8, pitch: 0.88, ourBest: 0.87, free: 0.85, gift: 0.8, weRecommend: 0.85, sellerOps: 0.85,
  altAccount: 0.85, sellerThanks: 0.85, label: 0.95, labelAlone: 0.9, soft: 0.85, lead: 0.85, concede: 0.85, honest: 0.88, flag: 1,
} as const;

const WIN = { neg: 5, roleToStore: 3, roleToPromo: 0, freeToReview: 8, freeToSource: 6, tieToReviewNoun: 4, localAround: 4, labelSentence: 40, promoAround: 20, recommendToOur: 2, weAtToRecommend: 5, leadBefore: 12, concedeAfter: 12, promoToAtUs: 2, ourToBest: 10, lookToOur: 4, ourBeforeSelf: 10, selfToVerb: 2, bestToScope: 4, ownerToRelative: 5, relToVerb: 3, verbToPlace: 3, relToOwner: 4, qcToUnit: 3, opToCue: 16, restockToOurs: 8, ourToVouch: 2, honestAfterFree: 3, recommendToGoods: 3, altToStore: 10, bestToSold: 6, thanksToSaid: 8, weToVerbAcross: 4, workToStoreEnd: 1, freeToReplacement: 2, verbToHand: 6, roleToVouch: 1, storeBeforeWork: 1, partnerToThis: 12, relToSeller: 3, relToDem: 3 } as const;

/** Negated in its clause: "I'm not the owner", "не связан с продавцом", "nie jestem w żaden sposób powiązany". */
function negated(sc: Scan, h: Hit, textLang: number): boolean {
  return sc.endingIn('neg', h.i - WIN.neg, h.i, (n) => n.j <= h.i && sameClause(sc, n.i, h.i) && shares(n, h, textLang)) !== undefined;
}

/** A buyer context right before a possessive: "for my shop", "para a minha loja". */
function precededBy(sc: Scan, cat: string, h: Hit): Hit | undefined {
  const direct = sc.endingIn(cat, h.i, h.i);
  if (direct) return direct;
  const art = sc.endingIn('article', h.i, h.i);
  return art ? sc.endingIn(cat, art.i, art.i) : undefined;
}

/** Two content words combine only within one language: "mi" (es) + "sklep" (pl) is no phrase. */
const same = (a: { langs: number }, b: { langs: number }) => (a.langs & b.langs) !== 0;

/** Copulas ("is", "é", "это", "to jest") by their folded words, with the languages they are copulas in. */
const COPULAS = new Map<string, number>();
for (const [lang, words] of Object.entries(copulaData)) {
  if (lang.startsWith('_')) continue;
  for (const w of words as string[]) { const k = fold(w); COPULAS.set(k, (COPULAS.get(k) ?? 0) | langBit(lang as Lang)); }
}
/** Do the one to three words before word t make a copula of one of `langs`? */
function copulaBefore(sc: Scan, t: number, langs: number): boolean {
  let key = '';
  for (let len = 1; len <= 3 && t - len >= 0; len++) {
    key = len === 1 ? sc.word(t - 1) : `${sc.word(t - len)} ${key}`;
    if (((COPULAS.get(key) ?? 0) & langs) !== 0) return true;
  }
  return false;
}

const localAround = (sc: Scan, i: number, j: number) =>
  sc.startingIn('localCue', i - WIN.localAround, j + WIN.localAround, (l) => sameClause(sc, l.i, i)) !== undefined;

const NO_SENTENCES: ReadonlyMap<number, Hit> = new Map();

/** The first hit of `cat` in each sentence, so "is there promotion in this sentence?" is one lookup. */
function sentencesWith(sc: Scan, cat: string): ReadonlyMap<number, Hit> {
  const hits = sc.all(cat);
  if (hits.length === 0) return NO_SENTENCES; // most texts: no Map to build
  const out = new Map<number, Hit>();
  for (const h of hits) if (!out.has(sc.sent[h.i]!)) out.set(sc.sent[h.i]!, h);
  return out;
}

/** Is sentence s, or one next to it, in `sents`? */
const nearSentence = (sents: { has(s: number): boolean }, s: number): boolean => sents.has(s) || sents.has(s - 1) || sents.has(s + 1);

/** pitchUs phrases, and a buy/order imperative with where to buy in the seller's voice ("Commandez dans notre boutique"). */
function pitches(sc: Scan): readonly Hit[] {
  const promos = sc.all('promo');
  const looks = sc.all('lookVerb');
  const base = sc.all('pitchUs');
  if ((promos.length === 0 || sc.all('atUs').length === 0) && looks.length === 0) return base; // most texts
  let out: Hit[] | undefined;
  const push = (h: Hit) => (out ??= [...base]).push(h);
  for (const p of promos) {
    const at = sc.startingIn('atUs', p.j, p.j + WIN.promoToAtUs, (a) => sameClause(sc, a.i, p.i) && same(a, p));
    if (at && !sc.startingIn('pitchUs', p.i, at.j - 1, (x) => x.j >= at.j)) push({ cat: 'pitchUs', i: p.i, j: at.j, langs: p.langs & at.langs });
  }
  // "Check our other listings", "veja as fronhas da nossa loja": an invitation to look at our goods.
  for (const l of looks) {
    // Our goods, not "check our mailbox": a listing or store noun right after "our".
    const our = sc.startingIn('ourPoss', l.j, l.j + WIN.lookToOur, (o) => sameClause(sc, o.i, l.i) && same(o, l));
    const goods = our && (sc.startingIn('listingNoun', our.j, our.j + 1, (g) => same(g, our)) ?? sc.startingIn('storeNoun', our.j, our.j + 1, (g) => same(g, our)));
    if (our && goods) push({ cat: 'pitchUs', i: l.i, j: goods.j, langs: l.langs & our.langs });
  }
  return out ?? base;
}

const NONE: readonly Hit[] = Object.freeze([]);

/** A generic "we make" as the maker's: "мы сами делаем", "hacemos a mano", or a pitch in the text. */
function makerCue(sc: Scan, v: Hit, pitchList: readonly Hit[]): boolean {
  if (pitchList.length > 0) return true;
  const inClause = (x: Hit) => sameClause(sc, x.i, v.i) && same(x, v);
  if (sc.endingIn('weSelf', v.i - 1, v.i, (w) => w.j === v.i && inClause(w))) return true;
  return sc.startingIn('handCue', v.i - WIN.verbToHand, v.j + WIN.verbToHand, inClause) !== undefined;
}

/** "our X ... the best ... on AliExpress": ourPoss, a superlative in its clause, a market scope right after. */
function ourSuperlatives(sc: Scan): readonly Hit[] {
  const sups = sc.all('superlative');
  if (sups.length === 0 || sc.all('marketScope').length === 0) return NONE; // most texts
  const out: Hit[] = [];
  for (const sup of sups) {
    const inClause = (x: Hit) => sameClause(sc, x.i, sup.i) && same(x, sup);
    const our = sc.endingIn('ourPoss', sup.i - WIN.ourToBest, sup.i, (o) => o.j <= sup.i && inClause(o))
      ?? sc.endingIn('poss1', sup.i - WIN.ourToBest, sup.i, (o) => o.j <= sup.i && inClause(o) && sc.startingIn('storeNoun', o.j, o.j, inClause) !== undefined && sc.startingIn('wePron', o.i, o.i) === undefined);
    if (!our) continue;
    const scope = sc.startingIn('marketScope', sup.j, sup.j + WIN.bestToScope, (m) => sc.sent[m.i] === sc.sent[sup.i] && same(m, sup));
    if (scope) out.push({ cat: 'ourBest', i: our.i, j: scope.j, langs: sup.langs });
  }
  return out;
}

/**
 * The product's maker named (data makerNoun) starting in [from, to], with "this" right after it
 * ("u producenta tych słuchawek") or its clause ending there ("trabajo para la marca."): "the
 * manufacturer of my car", "na marca concorrente" are another maker.
 */
function makerNamed(sc: Scan, from: number, to: number, ok: (h: Hit) => boolean): Hit | undefined {
  return sc.startingIn('makerNoun', from, to, (m) => ok(m)
    && (clauseEndsAt(sc, m.j) || sc.startingIn('demonstr', m.j, m.j, (x) => same(x, m)) !== undefined));
}

/** Quotation marks: « » " “ ” „ ' (a thank-you quoted from a card or an e-mail). */
const QUOTE_MARKS: ReadonlySet<number> = new Set([0xab, 0xbb, 0x22, 0x201c, 0x201d, 0x201e, 0x27]);

/** Closed-class words compared one word at a time (data seller-tie-words.json). */
const AS_WORDS: ReadonlySet<string> = new Set(tieWords.asRole);
const GENITIVE_BEFORE: ReadonlySet<string> = new Set(tieWords.genitiveOf);
const SHOP_WORDS: ReadonlySet<string> = new Set(tieWords.shopNoun);
const ACCOUNT_WORDS: ReadonlySet<string> = new Set(tieWords.accountWord);
const DEFINITE: ReadonlySet<string> = new Set(tieWords.definiteArticle);
/** Code units from here up are symbols and emoji halves, never a word's letters in these scripts. */
const EMOJI_FROM = 0x2000;
/**
 * Does the store noun s own what the second account is ("the main one is the store's", "the
 * store's account", "la de la tienda")? Not as the reason ("because the store had a coupon"), not
 * its app ("the store's app logged me out"), not an employer ("la cuenta de la empresa").
 */
function storesOwn(sc: Scan, s: Hit): boolean {
  if (!SHOP_WORDS.has(sc.word(s.i))) return false;
  if (s.j < sc.n && sc.word(s.j) === 's' && sameSent(sc, s.j, s.i)) {
    const t = s.j + 1;
    // Ending its clause (an emoji ends it too: "the store's 😅 anyway…") or naming the account.
    return t >= sc.n || clauseEndsAt(sc, t) || sc.markBefore(t) >= EMOJI_FROM || ACCOUNT_WORDS.has(sc.word(t));
  }
  for (let k = s.i - 1; k >= Math.max(0, s.i - 3); k--) {
    if (GENITIVE_BEFORE.has(sc.word(k))) return true;
    if (!sc.startingIn('article', k, k)) return false;
  }
  return false;
}

function ownerTies(sc: Scan, textLang: number, out: Tie[]): void {
  const promoSents = sentencesWith(sc, 'promo');
  const pitchList = pitches(sc);
  for (const h of sc.all('ownerSelf')) if (!negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.ownerSelf });
  for (const h of sc.all('ownerSelfGeneric')) if (makerCue(sc, h, pitchList) && !negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.ownerSelf });
  for (const h of sc.all('ourProducts')) if (!precededBy(sc, 'purposePrep', h)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.ourProducts });
  // "кто-нибудь уже пробовал наш новый крем?", "Czy ktoś już zamawiał nasze nowe świeczki?": the
  // maker asking about its own goods; "has anyone tried this in our climate" has no "our" right after.
  for (const a of sc.all('anyoneTried')) {
    const our = sc.startingIn('ourPoss', a.j, a.j, (o) => sameClause(sc, o.i, a.i) && same(o, a));
    if (our && !negated(sc, a, textLang)) out.push({ i: a.i, j: Math.min(our.j + 1, sc.n), kind: 'owner', conf: CONF.ourProducts });
  }
  // "Я продавец этого товара": a seller-side role may name any "this ..." after it.
  for (const h of sc.all('sellerRole')) {
    if (negated(sc, h, textLang)) continue;
    const dem = sc.startingIn('demonstr', h.j, h.j + 2, (d) => sameClause(sc, d.i, h.i) && same(d, h));
    if (dem) out.push({ i: h.i, j: Math.min(dem.j + 1, sc.n), kind: 'owner', conf: CONF.ownerWithStore, role: true });
  }
  // Owner roles and staff roles read the same way; only the kind differs (staff may be disclosed).
  for (const [cat, kind] of [['ownerRole', 'owner'], ['staffRole', 'staff']] as const) {
    for (const h of sc.all(cat)) {
      if (negated(sc, h, textLang)) continue;
      const inClause = (x: Hit) => sameClause(sc, x.i, h.i) && same(x, h);
      const inClauseAny = (x: Hit) => same(x, h) && sc.sent[x.i]! === sc.sent[h.i]!;
      // "je suis salarié du vendeur", "jestem pracownikiem tego sprzedawcy": the seller as a person.
      const store = sc.startingIn('storeNoun', h.j, h.j + WIN.roleToStore, inClause) ?? sc.startingIn('sellerNoun', h.j, h.j + WIN.roleToStore, inClause)
        ?? makerNamed(sc, h.j, h.j + WIN.roleToStore, inClause) ?? thisStoreInside(sc, h);
      if (store) { out.push({ i: h.i, j: store.j, kind, conf: CONF.ownerWithStore, role: true }); continue; }
      // "As the owner, I recommend" / "Как владелец, скажу": a pause, the writer, or promotion right after.
      // "As the owner of two cats" / "как владелец кошки со стажем" has none of these.
      // "one of the employees here": 'here' is this store.
      const pause = clauseEndsAt(sc, h.j);
      // The writer right after the role ("как владелец скажу", "soy la dueña y les cuento"); "как
      // хозяйка двух хаски скажу" owns huskies.
      const and = sc.startingIn('then', h.j, h.j, (x) => x.j === h.j + 1 && same(x, h));
      const writer = sc.startingIn('subjectPron', h.j, and ? h.j + 1 : h.j, inClauseAny) !== undefined;
      // Promotion right after, or vouching ("Jako współwłaściciel mogę zapewnić…").
      const promo = sc.startingIn('promo', h.j, h.j + WIN.roleToPromo, inClause) !== undefined || sc.startingIn('vouch', h.j, h.j + WIN.roleToVouch, inClause) !== undefined;
      // "one of the employees here", and "я тут менеджер" with 'here' inside the phrase.
      const hereAfter = sc.startingIn('here', h.j, h.j, (x) => same(x, h)) !== undefined;
      const here = hereAfter || sc.startingIn('here', h.i + 1, h.j - 1, (x) => x.j < h.j) !== undefined;
      // A job title alone is common ("I'm an employee, so I need a sturdy bag"): staff need this store or promotion.
      // "Soy el dueño y puedo decirlo con orgullo": the role ends where "and" goes on to what the
      // writer says; "the owner of two cats and …" has its object between.
      // Only "I am the owner and …": "as an owner and daily user of this vacuum" owns a vacuum.
      const selfAnd = and !== undefined && !AS_WORDS.has(sc.word(h.i));
      if (promo || here || (kind === 'owner' && (pause || writer || selfAnd))) out.push({ i: h.i, j: hereAfter ? h.j + 1 : h.j, kind, conf: CONF.ownerBare, role: true });
    }
  }
  // "we recommend OUR premium version", "polecamy nasz produkt": a couple's "we recommend it" has no
  // "our"; a shop's has "our", or "buy from us" beside it ("recomendamos esta lámpara... Compra con nosotros").
  const pitchSents = sentencesWith(sc, 'pitchUs');
  for (const r of sc.all('recommendWe')) {
    if (negated(sc, r, textLang)) continue;
    const our = sc.startingIn('ourPoss', r.j, r.j + WIN.recommendToOur - 1, (o) => sameClause(sc, o.i, r.i) && same(o, r));
    if (our) { out.push({ i: r.i, j: Math.min(our.j + 1, sc.n), kind: 'owner', conf: CONF.weRecommend }); continue; }
    const s = sc.sent[r.i]!;
    if (nearSentence(pitchSents, s)) out.push({ i: r.i, j: r.j, kind: 'owner', conf: CONF.weRecommend });
  }
  // "We at CasaLuz recommend", "Aqui na Casa Bella a gente recomenda": speaking for a named business.
  for (const w of sc.all('weAt')) {
    const inClause = (x: Hit) => sameClause(sc, x.i, w.i) && same(x, w);
    // "aqui na minha casa", "we at home": the writer's home, not a business.
    if (sc.startingIn('poss1', w.j, w.j, inClause) || sc.startingIn('homePlace', w.j, w.j, inClause)) continue;
    const rec = sc.startingIn('recommendWe', w.j, w.j + WIN.weAtToRecommend, inClause) ?? sc.startingIn('promo', w.j, w.j + WIN.weAtToRecommend, inClause);
    if (rec) out.push({ i: w.i, j: rec.j, kind: 'owner', conf: CONF.weRecommend });
  }
  // "Order from us, you won't regret it", "Comprem na nossa loja": selling in the seller's own voice.
  for (const h of pitchList) if (!negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.pitch, sells: true });
  // "Nuestros termos son los mejores de AliExpress", "Наші ковдри найкращі на AliExpress": our
  // product, a superlative, and the market it leads.
  for (const h of ourSuperlatives(sc)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.ourBest, sells: true });
  // "Это наш увлажнитель, мы сами его тестировали": this is our X, and we ourselves made or tested it.
  for (const w of sc.all('weSelf')) {
    const our = sc.endingIn('ourPoss', w.i - WIN.ourBeforeSelf, w.i, (o) => o.j <= w.i && sameSent(sc, o.i, w.i) && same(o, w)
      && copulaBefore(sc, o.i, o.langs));
    // "мы сами выбирали цвет" is a buyer's choice: the maker makes or tests.
    const inClause = (h: Hit) => sameClause(sc, h.i, w.i) && same(h, w);
    const verb = sc.startingIn('weMake', w.j, w.j + WIN.selfToVerb, inClause) ?? sc.startingIn('weMakeGeneric', w.j, w.j + WIN.selfToVerb, inClause)
      ?? sc.startingIn('weTest', w.j, w.j + WIN.selfToVerb, inClause);
    if (our && verb && !negated(sc, w, textLang)) out.push({ i: our.i, j: verb.j, kind: 'owner', conf: CONF.ownerSelf });
  }
  // "En nuestra tienda cada lámpara se prueba... Cómpranos", "Chez nous, chaque tente est vérifiée.
  // Commandez...": the seller's place, a sentence from its pitch.
  if (pitchList.length > 0 && sc.all('atUs').length > 0) {
    const pitchSentsAll = new Set(pitchList.map((h) => sc.sent[h.i]!));
    const pitched = (h: Hit) => nearSentence(pitchSentsAll, sc.sent[h.i]!);
    for (const a of sc.all('atUs')) {
      if (pitchList.some((p) => p.i <= a.i && a.j <= p.j)) continue;
      if (pitched(a) && !localAround(sc, a.i, a.j)) out.push({ i: a.i, j: a.j, kind: 'owner', conf: CONF.possStoreLocative });
    }
  }
  // "yo misma las empaqueto … antes de mandarlas", "я сама приймаю товар на нашому складі": the
  // author handling the goods, with the seller's shipping or listing step or premises of ours in the sentence.
  // The singular vouches for the goods (it sells, even in an answer); the plural may be an answer's service.
  for (const cat of ['opVerb1', 'opVerbWe'] as const) {
    for (const v of sc.all(cat)) {
      if (negated(sc, v, textLang)) continue;
      const inSent = (x: Hit) => sameSent(sc, x.i, v.i) && same(x, v);
      const with_ = sc.startingIn('shipCue', v.j, v.j + WIN.opToCue, inSent) ?? sc.startingIn('ourPremises', v.i - WIN.opToCue, v.j + WIN.opToCue, inSent);
      if (with_) out.push({ i: Math.min(v.i, with_.i), j: Math.max(v.j, with_.j), kind: 'owner', conf: CONF.sellerOps, sells: cat === 'opVerb1' });
    }
  }
  // "our return rate on these is under 1%", "jutro podnosimy cenę": the shop's figures and prices.
  for (const h of sc.all('sellerPitch')) if (!negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.sellerOps, sells: true });
  // "next week there'll be a new batch in our warehouse", "в нас на складі буде нова партія": the
  // shop announcing its own stock.
  for (const r of sc.all('restockNoun')) {
    const near = (x: Hit) => sameSent(sc, x.i, r.i) && same(x, r);
    const ours = sc.startingIn('ourPremises', r.i - WIN.restockToOurs, r.j + WIN.restockToOurs, near);
    if (ours && !negated(sc, r, textLang)) out.push({ i: Math.min(r.i, ours.i), j: Math.max(r.j, ours.j), kind: 'owner', conf: CONF.sellerOps, sells: true });
  }
  // "we ship within 24 hours", "с нашего склада", "nous vérifions chaque pièce".
  // "…than the ones our supplier sends. Will reorder for the shop": a business that buys for its own
  // shop speaks of its supplier as a buyer.
  const ops = sc.all('sellerOps');
  const forOwnShop = () => sc.all('purposePrep').some((f) => sc.startingIn('storeNoun', f.j, f.j + 2, (x) => sameClause(sc, x.i, f.i) && same(x, f)) !== undefined);
  if (ops.length && !forOwnShop()) for (const h of ops) if (!negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.sellerOps });
  // "We test every batch… buy from this store", "Chez nous chaque pièce est contrôlée. Foncez !":
  // quality control over every unit, in the first person plural (an inflected verb, "we" before an
  // English one, or "chez nous / u nas" before a passive), with promotion in or beside its sentence.
  const qcs = sc.all('qcVerb');
  const qcPassive = sc.all('qcPassive');
  if ((qcs.length > 0 || qcPassive.length > 0) && promoSents.size > 0) {
    for (const q of [...qcs, ...qcPassive]) {
      const inClause = (x: Hit) => sameClause(sc, x.i, q.i) && same(x, q);
      if (!nearSentence(promoSents, sc.sent[q.i]!) || negated(sc, q, textLang)) continue;
      const unit = sc.startingIn('eachUnit', q.i - WIN.qcToUnit, q.j + WIN.qcToUnit, inClause);
      if (!unit) continue;
      let i = Math.min(q.i, unit.i);
      if (q.cat === 'qcPassive') {
        const us = sc.endingIn('atUs', i - WIN.qcToUnit, i, (a) => a.j <= i && sameSent(sc, a.i, q.i) && same(a, q));
        if (!us) continue;
        i = us.i;
      } else if ((q.langs & langBit('en')) !== 0) {
        const we = sc.endingIn('wePron', q.i - 2, q.i, (p) => p.j <= q.i && inClause(p));
        if (!we) continue;
        i = we.i;
      }
      out.push({ i, j: Math.max(q.j, unit.j), kind: 'owner', conf: CONF.sellerOps });
    }
  }
  // "u nas w sklepie ..., polecam!": the seller's locative, with promotion elsewhere in the sentence
  // (not inside the phrase: Russian promotion lists "у нас" itself).
  for (const h of sc.all('ourPlace')) {
    const promo = sc.startingIn('promo', h.i - WIN.promoAround, h.j + WIN.promoAround, (p) => sameSent(sc, p.i, h.i) && (p.j <= h.i || p.i >= h.j));
    if (promo && !localAround(sc, h.i, h.j)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.possStoreLocative });
  }
  // "мы сами шьём эти пижамы", "nous fabriquons nos bougies": we make/sell + this/our object. A
  // household "makes" too ("мы этот рецепт делаем каждую неделю"): the generic verb needs
  // "ourselves" right before it, "by hand" in its clause, or the seller's own pitch in the text.
  const generic = sc.all('weMakeGeneric');
  const makers = generic.length === 0 ? sc.all('weMake') : [...sc.all('weMake'), ...generic.filter((v) => makerCue(sc, v, pitchList))];
  for (const v of makers) {
    const we = sc.endingIn('wePron', v.i - 2, v.i, (p) => p.j <= v.i && sameClause(sc, p.i, v.i) && same(p, v));
    const inflected = (v.langs & langBit('en')) === 0;
    if (!we && !inflected) continue;
    const obj = sc.startingIn('demonstr', v.j, v.j + 2, (d) => sameClause(sc, d.i, v.i) && same(d, v))
      ?? sc.startingIn('poss1', v.j, v.j + 2, (d) => sameClause(sc, d.i, v.i) && same(d, v) && (d.j >= sc.n || sc.word(d.j) !== 'own'));
    if (obj && !negated(sc, v, textLang)) { out.push({ i: we ? we.i : v.i, j: obj.j, kind: 'owner', conf: CONF.ownerSelf }); continue; }
    // "Мы этот перфоратор продаём", "my te poduszki szyjemy": an inflected language may put "this X"
    // between "we" and the verb.
    if (!inflected) continue;
    const weFirst = sc.endingIn('wePron', v.i - WIN.weToVerbAcross, v.i, (p) => p.j < v.i && sameClause(sc, p.i, v.i) && same(p, v));
    const between = weFirst && sc.startingIn('demonstr', weFirst.j, weFirst.j, (d) => d.j < v.i && sameClause(sc, d.i, v.i) && same(d, v));
    if (weFirst && between && !negated(sc, v, textLang)) out.push({ i: weFirst.i, j: v.j, kind: 'owner', conf: CONF.ownerSelf });
  }
  // "Я сам на складе этого продавца работаю": this seller or store named right before a bare "I work".
  for (const w of sc.all('workBare')) {
    const inClause = (x: Hit) => sameClause(sc, x.i, w.i) && same(x, w);
    const noun = sc.endingIn('sellerNoun', w.i - WIN.storeBeforeWork, w.i, (x) => x.j <= w.i && inClause(x))
      ?? sc.endingIn('storeNoun', w.i - WIN.storeBeforeWork, w.i, (x) => x.j <= w.i && inClause(x));
    const dem = noun && sc.endingIn('demonstr', noun.i - 1, noun.i, (d) => d.j === noun.i && inClause(d));
    if (noun && dem && !negated(sc, dem, textLang)) out.push({ i: dem.i, j: w.j, kind: 'staff', conf: CONF.staff, role: true });
  }
  // "Coloquei dinheiro nessa marca desde o começo": a stake in THIS store or brand ("nessa" holds the demonstrative).
  for (const v of sc.all('investVerb')) {
    const inClause = (x: Hit) => sameClause(sc, x.i, v.i) && same(x, v);
    const dem = sc.startingIn('demonstr', v.j - 1, v.j + 1, inClause);
    const store = dem && sc.startingIn('storeNoun', dem.j, dem.j + 1, inClause);
    if (store && !negated(sc, v, textLang)) out.push({ i: v.i, j: store.j, kind: 'owner', conf: CONF.ownerBare });
  }
  // "Mon associé et moi avons passé deux ans à développer cette gourde", "Мы с компаньоном долго
  // искали фабрику для этих термокружек": the writer and a business partner about THIS product; "mi
  // socio y yo compramos esta cafetera" bought it.
  for (const b of sc.all('bizPartner')) {
    const inSent = (x: Hit) => sameSent(sc, x.i, b.i) && same(x, b);
    const dem = sc.startingIn('demonstr', b.j, b.j + WIN.partnerToThis, inSent);
    if (!dem || negated(sc, b, textLang) || sc.startingIn('purchaseVerb', b.j, dem.i, inSent)) continue;
    out.push({ i: b.i, j: b.j, kind: 'owner', conf: CONF.ownerSelf });
  }
  for (const w of sc.all('workVerb1')) {
    if (negated(sc, w, textLang)) continue;
    // "buen trabajo en esta tienda" praises the staff; it is not staff writing.
    if (sc.endingIn('workNounMarker', w.i, w.i)) continue;
    // "I work here", "я у них работаю": 'here' or 'them' (this store) inside the phrase.
    if (sc.startingIn('here', w.i + 1, w.j - 1, (x) => x.j <= w.j)) { out.push({ i: w.i, j: w.j, kind: 'staff', conf: CONF.staff, role: true }); continue; }
    // "I work at THIS shop" / "trabalho NESSA loja" / "работаю в ЭТОМ магазине"; "at a store" is some other store.
    // A workplace may stand between ("trabalho na distribuidora DESSA marca", "на складе этого продавца").
    const place = sc.startingIn('workplaceNoun', w.j, w.j + 1, (x) => sameClause(sc, x.i, w.i) && same(x, w));
    const dem = sc.startingIn('demonstr', w.j - 1, w.j, (d) => sameClause(sc, d.i, w.i) && same(d, w))
      ?? (place && sc.startingIn('demonstr', place.j, place.j + 1, (d) => sameClause(sc, d.i, w.i) && same(d, w)));
    const store = dem && (sc.startingIn('storeNoun', dem.j, dem.j + 1, (x) => sameClause(sc, x.i, w.i) && same(x, w))
      ?? sc.startingIn('sellerNoun', dem.j, dem.j, (x) => sameClause(sc, x.i, w.i) && same(x, w)));
    if (store) { out.push({ i: w.i, j: store.j, kind: 'staff', conf: CONF.staff, role: true }); continue; }
    // "pracuję w firmie, która produkuje ten ekspres": a company that makes or sells THIS.
    const firm = sc.startingIn('storeNoun', w.j, w.j + 1, (x) => sameSent(sc, x.i, w.i) && same(x, w));
    const rel = firm && sc.startingIn('relPron', firm.j, firm.j + 1, (x) => sameSent(sc, x.i, w.i) && same(x, w));
    const makes = rel && sc.startingIn('ownVerb', rel.j, rel.j + 1, (x) => sameClause(sc, x.i, rel.i) && same(x, w));
    const made = makes && sc.startingIn('demonstr', makes.j, makes.j + 1, (x) => sameClause(sc, x.i, rel.i) && same(x, w));
    if (made) { out.push({ i: w.i, j: Math.min(made.j + 1, sc.n), kind: 'staff', conf: CONF.staff, role: true }); continue; }
    // "trabajo para la marca", "я работаю в компании-производителе": the product's maker, no "this" needed.
    const maker = makerNamed(sc, w.j - 1, w.j + 1, (x) => x.j > w.j && sameClause(sc, x.i, w.i) && same(x, w));
    if (maker) { out.push({ i: w.i, j: maker.j, kind: 'staff', conf: CONF.staff, role: true }); continue; }
    // "Pode comprar sem medo, trabalho na loja e vejo…": THE store, the noun ending its phrase ("na
    // loja de roupas" is another), with promotion in its sentence or beside it. A buyer's "trabalho
    // na loja o dia todo" goes on, and a shop worker's review promotes nothing.
    const theStore = sc.startingIn('storeNoun', w.j, w.j + (DEFINITE.has(sc.word(w.j)) ? WIN.workToStoreEnd : 0), (x) => sameClause(sc, x.i, w.i) && same(x, w));
    if (theStore && (clauseEndsAt(sc, theStore.j) || sc.startingIn('then', theStore.j, theStore.j) !== undefined) && nearSentence(promoSents, sc.sent[w.i]!)) {
      out.push({ i: w.i, j: theStore.j, kind: 'staff', conf: CONF.staff, role: true });
    }
  }
  // "Dziękujemy za zakup i zapraszamy ponownie!", "Atenciosamente, Equipe Casa Verde": the shop
  // thanking its buyer or signing as itself, a tie in a review (an answer's thanks are courtesy:
  // findSellerTies drops them). Opening its own sentence, not in quotes and not reported ("a
  // little card that said thank you for your purchase", "«Спасибо за покупку!»", "said the note").
  for (const h of sc.all('sellerThanks')) {
    const opens = h.i === 0 || sc.sent[h.i - 1] !== sc.sent[h.i];
    const quoted = QUOTE_MARKS.has(sc.markBefore(h.i)) || sc.startingIn('quoteVerb', h.j, h.j + WIN.thanksToSaid, (q) => sameSent(sc, q.i, h.i)) !== undefined;
    if (opens && !quoted && !negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'owner', conf: CONF.sellerThanks, thanks: true });
  }
  // "Posting from my other account since the main one is the store's": the seller under a second
  // name, the store owning the main account named after it in the sentence (storesOwn).
  for (const a of sc.all('altAccount')) {
    const store = sc.startingIn('storeNoun', a.j, a.j + WIN.altToStore, (s) => sameSent(sc, s.i, a.i) && same(s, a) && storesOwn(sc, s));
    if (store && !negated(sc, a, textLang)) out.push({ i: a.i, j: store.j, kind: 'owner', conf: CONF.altAccount });
  }
  // "our shop", "наш магазин", "nuestra tienda", one adjective allowed between ("our small business").
  for (const p of sc.all('poss1')) {
    const store = sc.startingIn('storeNoun', p.j, p.j + 1, (s) => sameClause(sc, s.i, p.i) && same(s, p));
    if (!store) continue;
    if (store.i > p.j && (sc.startingIn('ownWord', p.j, p.j) || sc.startingIn('fondness', p.j, p.j))) continue;
    if (precededBy(sc, 'purposePrep', p) || localAround(sc, p.i, store.j)) continue;
    const promo = promoSents.has(sc.sent[p.i]!);
    // "Compramos 10 cadeiras pra nossa equipe…, nossa empresa vai pedir mais": a business buying is a buyer.
    if (!promo && sc.all('purchaseVerb').some((v) => sameSent(sc, v.i, p.i) && same(v, p))) continue;
    // "Наша компанія в захваті!": a group of friends, unless the sentence promotes.
    if (!promo && sc.startingIn('peopleGroup', store.i, store.i, (g) => g.j === store.j)) continue;
    if (precededBy(sc, 'locativePrep', p)) {
      // "в нашем магазине такого нет" is a buyer's shop; "заказывайте в нашем магазине" is the seller's,
      // and so is "lo hace mi madre a mano en nuestro taller": made by hand in our workshop.
      const byHand = sc.startingIn('handCue', p.i - WIN.verbToHand, store.j + WIN.verbToHand, (h) => sameClause(sc, h.i, p.i) && same(h, p) && (h.j <= p.i - 1 || h.i >= store.j)) !== undefined;
      if (promo || byHand) out.push({ i: p.i, j: store.j, kind: 'owner', conf: CONF.possStoreLocative });
      continue;
    }
    out.push({ i: p.i, j: store.j, kind: 'owner', conf: promo ? CONF.possStorePromo : CONF.possStore });
  }
}

/** The relative right after "owner of this store," (a comma between): the owner's apposition. */
function apposedRelative(sc: Scan, o: Hit): Hit | undefined {
  const store = sc.startingIn('storeNoun', o.j, o.j + WIN.roleToStore, (x) => sameClause(sc, x.i, o.i) && same(x, o));
  if (!store || !sc.startingIn('demonstr', o.j, store.i - 1)) return undefined;
  return sc.startingIn('relNom', store.j, store.j, (r) => sc.markBefore(r.i) === 44 && clauseEndsAt(sc, r.j) && same(r, o));
}

function otherTies(sc: Scan, textLang: number, out: Tie[]): void {
  // "my brother's store"
  for (const r of sc.all('relPoss')) {
    const store = sc.startingIn('storeNoun', r.j, r.j + 1, (s) => sameClause(sc, s.i, r.i) && same(s, r));
    if (!store || precededBy(sc, 'purposePrep', r) || localAround(sc, r.i, store.j)) continue;
    out.push({ i: r.i, j: store.j, kind: 'relative', conf: CONF.relative });
  }
  // "Je suis la cousine de la vendeuse", "Я сестра продавчині": the writer a relative of the seller or owner.
  for (const r of sc.all('iAmRel')) {
    const inClause = (x: Hit) => sameClause(sc, x.i, r.i) && same(x, r);
    const whose = sc.startingIn('sellerNoun', r.j, r.j + WIN.relToSeller, inClause) ?? sc.startingIn('ownerNoun', r.j, r.j + WIN.relToSeller, inClause)
      ?? sc.startingIn('storeNoun', r.j, r.j + WIN.relToSeller, inClause);
    // "I'm the seller's sister" names the seller inside the phrase.
    const inside = sc.startingIn('sellerNoun', r.i, r.j - 1, (x) => x.j <= r.j) ?? sc.startingIn('ownerNoun', r.i, r.j - 1, (x) => x.j <= r.j);
    if ((whose || inside) && !negated(sc, r, textLang)) out.push({ i: r.i, j: whose ? whose.j : r.j, kind: 'relative', conf: CONF.relative });
  }
  // "магазин моего брата", "la tienda de mi hermano"
  for (const g of sc.all('relGen')) {
    // "магазин моего брата", "essa lojinha é da minha irmã" (a copula between).
    const store = sc.endingIn('storeNoun', g.i - 1, g.i, (x) => same(x, g));
    if (!store || localAround(sc, store.i, g.j)) continue;
    out.push({ i: store.i, j: g.j, kind: 'relative', conf: CONF.relative });
  }
  // "my wife runs this store", "mi hermano vende estas fundas": a demonstrative ties it to THIS seller.
  // "minha esposa é quem desenha essas estampas": a cleft may stand between; "шьёт их на этой
  // фабрике": the place of the work, named with "this", may take the demonstrative's place.
  for (const r of sc.all('relNom')) {
    const inClause = (x: Hit) => sameClause(sc, x.i, r.i) && same(x, r);
    const verb = sc.startingIn('ownVerb', r.j, r.j + WIN.relToVerb, inClause);
    if (verb) {
      const dem = sc.startingIn('demonstr', verb.j, verb.j + 1, inClause);
      const place = dem ? undefined : sc.startingIn('demonstr', verb.j, verb.j + WIN.verbToPlace, (d) => inClause(d) && sc.startingIn('storeNoun', d.j, d.j, inClause) !== undefined);
      const end = dem ? dem.j : place ? place.j + 1 : undefined;
      if (end !== undefined) { out.push({ i: r.i, j: end, kind: 'relative', conf: CONF.relativeVerb }); continue; }
    }
    // "мій хрещений, він ці рюкзаки шиє", "mój kumpel te deski robi": the goods named with "this"
    // before the verb, as Slavic word order allows; one noun between them, one clause.
    const dem = sc.startingIn('demonstr', r.j, r.j + WIN.relToDem, (d) => sameSent(sc, d.i, r.i) && same(d, r));
    const late = dem && sc.startingIn('ownVerb', dem.j + 1, dem.j + 1, (v) => sameClause(sc, v.i, dem.i) && same(v, r));
    if (late && !negated(sc, r, textLang)) { out.push({ i: r.i, j: late.j, kind: 'relative', conf: CONF.relativeVerb }); continue; }
    // "mi tío es el dueño de la tienda", "my aunt is the owner of this shop": the relative is the owner.
    const owner = sc.startingIn('ownerNoun', r.j, r.j + WIN.relToOwner, (o) => {
      if (!same(o, r) || !sameSent(sc, o.i, r.i)) return false;
      const k = o.i - (sc.startingIn('article', o.i - 1, o.i - 1) ? 1 : 0);
      // A dash stands for the copula ("Моя тітка — власниця"); otherwise one clause.
      return isDash(sc.markBefore(k)) ? k === r.j : sameClause(sc, o.i, r.i) && copulaBefore(sc, k, o.langs);
    });
    const store = owner && sc.startingIn('storeNoun', owner.j, owner.j + WIN.roleToStore, (x) => sameClause(sc, x.i, owner.i) && same(x, r));
    if (owner && store && !localAround(sc, r.i, store.j) && !negated(sc, r, textLang)) out.push({ i: r.i, j: store.j, kind: 'relative', conf: CONF.relative });
  }
  // "Es amigo mío de toda la vida y la hace él mismo", "Серёга (автор этих ножей) мой старый друг…
  // Кует сам": someone the writer has known for long (data acquaint) who makes the goods
  // by their own hand, in that sentence or the next. A maker alone is any shop's; a friend alone anyone's.
  for (const m of sc.all('makesSelf')) {
    // "The seller makes them himself": a maker named is not the friend.
    if (negated(sc, m, textLang) || sc.endingIn('sellerNoun', m.i - 2, m.i, (x) => x.j <= m.i && sameClause(sc, x.i, m.i))) continue;
    const close = (x: Hit) => same(x, m) && Math.abs(sc.sent[x.i]! - sc.sent[m.i]!) <= 1
      // "My friend bought these for me": a friend who buys is a buyer.
      && !sc.startingIn('purchaseVerb', x.j, x.j + 2, (v) => sameClause(sc, v.i, x.i));
    // Relatives are left out: "my mom makes jam herself" is a household's.
    const who = sc.all('acquaint').find(close);
    if (who) out.push({ i: Math.min(who.i, m.i), j: Math.max(who.j, m.j), kind: 'relative', conf: CONF.relativeVerb });
  }
  // "A Carol, minha amiga de faculdade, criou essa marca": someone known for long who makes, sells or
  // founded THIS, the demonstrative right after the verb; a sentence apart at most.
  for (const a of sc.all('acquaint')) {
    if (negated(sc, a, textLang)) continue;
    const near = (x: Hit) => same(x, a) && Math.abs(sc.sent[x.i]! - sc.sent[a.i]!) <= 1;
    const verb = sc.all('ownVerb').find((v) => near(v) && sc.startingIn('demonstr', v.j, v.j, (d) => sameClause(sc, d.i, v.i)) !== undefined);
    if (verb) out.push({ i: Math.min(a.i, verb.i), j: Math.max(a.j, verb.j + 1), kind: 'relative', conf: CONF.relativeVerb });
  }
  // "Las camisetas de Javi son lo más… lo conozco desde el cole… ¡Apoyen al chaval!", "Kumpel z
  // roboty odpalił ten sklep…, więc wiadomo – wspieramy!": someone the writer has known for long,
  // and a plea to buy in support of them a sentence apart at most.
  for (const p of sc.all('supportPlea')) {
    if (negated(sc, p, textLang)) continue;
    const near = (x: Hit) => same(x, p) && Math.abs(sc.sent[x.i]! - sc.sent[p.i]!) <= 1 && !negated(sc, x, textLang);
    // Not a relative: "My daughter loves it, support small business!" is a buyer's household.
    const who = sc.all('acquaint').find(near);
    if (who) out.push({ i: Math.min(who.i, p.i), j: Math.max(who.j, p.j), kind: 'relative', conf: CONF.relativeVerb });
  }
  // "магазин держит мой брат", "la tienda la lleva mi hermana": the store first, its verb, then the relative as subject.
  for (const st of sc.all('storeNoun')) {
    const inClause = (x: Hit) => sameClause(sc, x.i, st.i) && same(x, st);
    const verb = sc.startingIn('ownVerb', st.j, st.j + 1, inClause);
    const rel = verb && sc.startingIn('relNom', verb.j, verb.j, inClause);
    if (rel && !localAround(sc, st.i, rel.j) && !negated(sc, rel, textLang)) out.push({ i: st.i, j: rel.j, kind: 'relative', conf: CONF.relativeVerb });
  }
  // "магазин принадлежит моему мужу", "this shop is run by my aunt"
  for (const b of sc.all('belongsTo')) {
    const store = sc.endingIn('storeNoun', b.i - 3, b.i, (s) => s.j <= b.i && sameClause(sc, s.i, b.i) && same(s, b));
    if (store && !localAround(sc, store.i, b.j)) out.push({ i: store.i, j: Math.min(b.j + 1, sc.n), kind: 'relative', conf: CONF.relative });
  }
  // "власник цього магазину — мій брат", "a dona da loja é minha tia": the owner, then a relative of the author.
  for (const o of sc.all('ownerNoun')) {
    // A copula or a dash joins them: "the owner replied to my husband" names two people.
    const rel = sc.startingIn('relNom', o.j, o.j + WIN.ownerToRelative, (r) => sameSent(sc, r.i, o.i) && same(r, o)
      && (isDash(sc.markBefore(r.i)) || copulaBefore(sc, r.i, r.langs)))
      // "Андрій, власник цього магазину, мій кум": the owner of this store, then, after a comma, who he is to the writer.
      ?? apposedRelative(sc, o);
    if (rel && !negated(sc, rel, textLang)) out.push({ i: o.i, j: rel.j, kind: 'relative', conf: CONF.relative });
  }
  for (const h of sc.all('tieStatement')) {
    if (!negated(sc, h, textLang)) out.push({ i: h.i, j: h.j, kind: 'statement', conf: CONF.statement });
  }
  // "мені подарувала продавчиня, ми подруги": "we are friends" with the seller named in the sentence;
  // "bought it for Anna, we're best friends" is a buyer's friend.
  for (const h of sc.all('friendsWe')) {
    const seller = sc.all('sellerNoun').find((x) => sameSent(sc, x.i, h.i) && same(x, h));
    if (seller && !negated(sc, h, textLang)) out.push({ i: Math.min(seller.i, h.i), j: Math.max(seller.j, h.j), kind: 'statement', conf: CONF.statement });
  }
  // "the seller is my …" names a tie only with a relative or friend after it ("… my brother"),
  // not praise ("The seller is my favourite", "el vendedor es mi favorito").
  for (const h of sc.all('tieStatementOpen')) {
    const who = sc.startingIn('relNom', h.j - 1, h.j - 1) ?? sc.startingIn('acquaint', h.j - 1, h.j - 1);
    if (who && !negated(sc, h, textLang)) out.push({ i: h.i, j: Math.max(who.j, h.j), kind: 'statement', conf: CONF.statement });
  }
  // A free product for a review: "got this for free in exchange for a review", "бесплатно за отзыв".
  for (const f of sc.all('free')) {
    if (negated(sc, f, textLang)) continue;
    const inSent = (x: Hit) => sameSent(sc, x.i, f.i) && same(x, f);
    const purpose = sc.startingIn('reviewPurpose', f.i - WIN.freeToReview, f.j + WIN.freeToReview, inSent);
    let end = purpose?.j;
    // "a free replacement…, so I changed my review": a replacement is owed, not a review's price.
    const replacement = sc.startingIn('replacementCue', f.i - WIN.freeToReplacement, f.j + WIN.freeToReplacement, inSent) !== undefined;
    if (!purpose && !replacement) {
      for (let p = f.i - WIN.freeToReview; p <= f.j + WIN.freeToReview && end === undefined; p++) {
        const tie = sc.startingIn('reviewTie', p, p, inSent);
        if (!tie) continue;
        // The stars of "5 gwiazdek" are a rating here, not a review named: "darmowy … na 5 gwiazdek" is the incentive's.
        const noun = sc.startingIn('reviewNoun', tie.j, tie.j + WIN.tieToReviewNoun, (x) => inSent(x)
          && !sc.endingIn('goodRating', x.j, x.j, (g) => g.i < x.i) && !sc.endingIn('oneStar', x.j, x.j, (g) => g.i < x.i));
        if (noun) end = noun.j;
      }
    }
    if (end !== undefined) {
      const start = Math.min(f.i, purpose ? purpose.i : f.i);
      out.push({ i: start, j: Math.max(end, f.j), kind: 'free', conf: CONF.free });
      continue;
    }
    // "received it free from the seller": a tie once disclosed; alone it may be a free replacement.
    const src = sc.startingIn('freeSource', f.i - WIN.freeToSource, f.j + WIN.freeToSource, inSent);
    if (src && !sc.startingIn('replacementCue', f.i - WIN.freeToSource, f.j + WIN.freeToSource, inSent)) out.push({ i: Math.min(f.i, src.i), j: Math.max(f.j, src.j), kind: 'gift', conf: CONF.gift });
  }
}

const CLOSE_SQUARE = 93;
const CLOSE_ROUND = 41;

/** Disclosure labels: hashtags anywhere; words ("Disclosure:", "Раскрытие:") only as a label. */
function labels(sc: Scan, textLang: number): Disclosure[] {
  const out: Disclosure[] = [];
  for (const d of sc.all('discStrong')) {
    if (negated(sc, d, textLang)) continue;
    const hashtag = sc.word(d.i).startsWith('#');
    const first = d.i === 0 || sc.sent[d.i - 1]! !== sc.sent[d.i]!;
    const hasNext = d.j < sc.n;
    // "[Sponsored] The brand sent me…": a closing bracket ends a label as a colon does.
    const closer = hasNext ? sc.markBefore(d.j) : 0;
    const colon = hasNext && ((sc.clause[d.j] !== sc.clause[d.j - 1] && sc.sent[d.j] === sc.sent[d.i]) || closer === CLOSE_SQUARE || closer === CLOSE_ROUND);
    if (hashtag) out.push({ i: d.i, j: d.j, conf: CONF.label });
    else if (first && (colon || !hasNext)) {
      // The label speaks for its sentence: "Disclosure: I received this free from the seller."
      let j = d.j;
      const last = Math.min(sc.n, d.j + WIN.labelSentence);
      while (j < last && sc.sent[j]! === sc.sent[d.i]!) j++;
      out.push({ i: d.i, j, conf: CONF.label });
    }
  }
  return out;
}

const COLON = 58;

/** "Full transparency: the seller is my brother": a candour marker as the label of the tie's sentence. */
function leadBefore(sc: Scan, t: Tie): Hit | undefined {
  const s = sc.sent[t.i]!;
  const opens = (h: Hit) => h.j <= t.i && sc.sent[h.i] === s && (h.i === 0 || sc.sent[h.i - 1] !== s);
  const lead = sc.endingIn('discLead', t.i - WIN.leadBefore, t.i, (h) => opens(h) && clauseEndsAt(sc, h.j));
  if (lead) return lead;
  // "To be honest" leads an opinion as often as a disclosure: only a colon or dash makes it a label.
  return sc.endingIn('discLeadHonest', t.i - WIN.leadBefore, t.i, (h) => {
    if (!opens(h)) return false;
    const mark = sc.markBefore(h.j);
    return mark === COLON || isDash(mark);
  });
}

/**
 * "Recebi de graça da loja pra avaliar, então vou ser sincera: …": a free product admitted, then
 * the honest review announced right after it (a few words on, its own colon or dash).
 */
function honestAfterFree(sc: Scan, t: Tie): Hit | undefined {
  if (t.kind !== 'free') return undefined;
  return sc.startingIn('discLeadHonest', t.j, t.j + WIN.honestAfterFree, (h) => {
    if (sc.sent[h.i] !== sc.sent[t.j - 1]) return false;
    const mark = h.j < sc.n ? sc.markBefore(h.j) : 0;
    return mark === COLON || isDash(mark);
  });
}

/** "I work for this brand, but I'd buy it anyway": the bias conceded right after the tie. */
function concededAfter(sc: Scan, t: Tie): Hit | undefined {
  return sc.startingIn('concede', t.j, t.j + WIN.concedeAfter, (h) => sc.sent[h.i] === sc.sent[t.j - 1]);
}

function strongest<T extends { conf: number }>(xs: T[]): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (!best || x.conf > best.conf) best = x;
  return best;
}

/** Does the text sell in the seller's voice (a pitch, "our ... the best on AliExpress")? */
function sells(sc: Scan, insider: readonly Tie[], textLang: number): boolean {
  if (sc.all('pitchUs').length > 0) return true;
  for (const t of insider) if (t.sells) return true;
  return pushesGoods(sc, insider, textLang) || rolesVouch(sc, insider, textLang);
}

/**
 * "As the owner of this store I personally recommend the 2-pack, it's the best deal", "Je suis le
 * gérant… c'est notre meilleure vente": the writer's role at the store, then recommending the
 * goods (`recommendGoods`) or "our" best, in that sentence or the next (vouching and "take it"
 * under any insider tie, a role included, are pushesGoods'). A role alone answers as who ("I'm
 * the seller, we have it in M"); promotion under it is what the contract counts "even when it
 * says who writes".
 */
function rolesVouch(sc: Scan, insider: readonly Tie[], textLang: number): boolean {
  const roles = insider.filter((t) => t.role);
  if (roles.length === 0) return false;
  // In the role's sentence or the next; `before`: the one before it too.
  const byRole = (h: Hit, before = false) => !negated(sc, h, textLang) && roles.some((t) => {
    const d = sc.sent[h.i]! - sc.sent[t.i]!;
    return d === 0 || d === 1 || (before && d === -1);
  });
  // A recommendation names the goods ("I recommend this model", "раджу брати саме цю модель") or
  // calls them the best in its sentence; "I recommend washing it by hand" is advice.
  const goods = (r: Hit) => sc.startingIn('demonstr', r.j, r.j + WIN.recommendToGoods, (x) => sameSent(sc, x.i, r.i)) !== undefined
    || sc.all('superlative').some((x) => sameSent(sc, x.i, r.i));
  if (sc.all('recommendGoods').some((r) => byRole(r) && goods(r))) return true;
  // "our best model", "notre meilleure vente", also the sentence before the role ("Наше стекло
  // самое прочное… Рекомендую как владелец"); "the best way to clean it" is advice.
  return sc.all('superlative').some((sup) => byRole(sup, true)
    && sc.endingIn('ourPoss', sup.i - WIN.ourToVouch, sup.i, (o) => o.j <= sup.i && sameClause(sc, o.i, sup.i) && same(o, sup)) !== undefined);
}

/**
 * "el mejor cargador que hemos traído", "the best lamp we stock", "лучший чехол из всех, что мы
 * продаём": a superlative with what "we have sold" right after it (data weSold) is the business's
 * own pitch, in any text; "the best we have" (weHave) only in an answer, where "we" is the seller.
 */
function soldPitch(sc: Scan, textLang: number, answer: boolean): Tie | undefined {
  for (const sup of sc.all('superlative')) {
    if (negated(sc, sup, textLang)) continue;
    const ok = (x: Hit) => sc.sent[x.i] === sc.sent[sup.i] && same(x, sup);
    const sold = sc.startingIn('weSold', sup.j, sup.j + WIN.bestToSold, ok) ?? (answer ? sc.startingIn('weHave', sup.j, sup.j + WIN.bestToSold, ok) : undefined);
    if (sold) return { i: sup.i, j: sold.j, kind: 'owner', conf: CONF.sellerOps, sells: true };
  }
  return undefined;
}

/**
 * THIS store named inside a role phrase ("embalar os pedidos DESSA LOJA", "je prépare les commandes
 * DE CETTE BOUTIQUE"): a demonstrative, then the store noun, both within the phrase. A store word
 * alone inside one is no store ("as the shop owner" of a bakery, "jako pracownik" of an office).
 */
function thisStoreInside(sc: Scan, h: Hit): Hit | undefined {
  const within = (x: Hit) => x.j <= h.j && same(x, h);
  for (let d = sc.startingIn('demonstr', h.i, h.j - 2, within); d; d = sc.startingIn('demonstr', d.i + 1, h.j - 2, within)) {
    const store = sc.startingIn('storeNoun', d.j, d.j, within);
    if (store) return store;
  }
  return undefined;
}

/**
 * "Мы их на складе сами проверяем перед отправкой, лучше чехла за эти деньги вы не найдёте",
 * "Pode comprar sem medo! Sou representante da marca": an answer in which the word lists found the
 * business speaking (an insider tie: a role, its checks before shipping, its premises, "we make
 * these") and which, in that sentence or one beside it, pushes the goods: telling the buyer to
 * take it as the last word of a clause ("…, берите."; "берите на размер больше" is advice),
 * vouching, or a superlative with the market or price it leads. A household's "we tested it, best
 * for the money" names no business; "we check every order… take it to any post office" pushes nothing.
 */
function pushesGoods(sc: Scan, insider: readonly Tie[], textLang: number): boolean {
  if (insider.length === 0) return false;
  const pushes = pushHits(sc);
  return pushes.some((p) => !negated(sc, p, textLang) && insider.some((t) => Math.abs(sc.sent[p.i]! - sc.sent[t.i]!) <= 1));
}

/** Pushes to buy: "take it" ending a clause, vouching, "you won't find better", a superlative with the market, price or our own range it leads. */
function pushHits(sc: Scan): Hit[] {
  const pushes: Hit[] = [...sc.all('takeIt').filter((t) => clauseEndsAt(sc, t.j)), ...sc.all('vouch'), ...sc.all('noBetter')];
  for (const sup of sc.all('superlative')) {
    const inSent = (x: Hit) => sc.sent[x.i] === sc.sent[sup.i] && same(x, sup);
    if (SCOPES.some((cat) => sc.startingIn(cat, sup.j, sup.j + WIN.bestToScope, inSent))) pushes.push(sup);
  }
  return pushes;
}
const SCOPES = ['marketScope', 'priceScope', 'ourLine'] as const;

/**
 * "Нет, идёт в размер, у нас на складе девочки все перемерили…, лучшее платье в нашей линейке",
 * "u nas w magazynie polewaliśmy ją wężem… Najlepsza kurtka w tej cenie": an answer that names the
 * business's premises, stock or checks (BUSINESS_WE) and pushes the goods beside them. The word
 * lists ask more of premises alone (the writer handling the goods there), since a buyer's answer
 * may tell where a thing was tried; a push beside the seller's own premises is the seller selling.
 */
function businessPitch(sc: Scan, textLang: number): Tie | undefined {
  const pushes = pushHits(sc).filter((p) => !negated(sc, p, textLang));
  if (pushes.length === 0) return undefined;
  for (const cat of BUSINESS_WE) {
    for (const w of sc.all(cat)) {
      if (negated(sc, w, textLang)) continue;
      const p = pushes.find((x) => Math.abs(sc.sent[x.i]! - sc.sent[w.i]!) <= 1 && same(x, w));
      if (p) return { i: Math.min(w.i, p.i), j: Math.max(w.j, p.j), kind: 'owner', conf: CONF.sellerOps, sells: true };
    }
  }
  return undefined;
}

/**
 * The business's own words in an answer: its stock, premises, checks before shipping, and making
 * stated as the maker ("ми шиємо", ownerSelf). A plain "we make" or "we tested it" is a
 * household's too ("hacemos pan", "проверяли на морозе").
 */
const BUSINESS_WE = ['sellerOps', 'restockNoun', 'ourPremises', 'ourPlace', 'ownerSelf'] as const;

/**
 * "I've had mine for a year… fyi we're restocking the green one next week", "Брала такой же
 * полгода назад… Мы их на складе сами проверяем": an answer whose writer poses as a buyer of the
 * item (data buyerPose) and then speaks as the business. Either alone is ordinary (a buyer
 * answering; the seller answering about its stock); together it is the seller passing as a
 * customer, promotion however it reads.
 */
function posedAsBuyer(sc: Scan, textLang: number): Tie | undefined {
  const poses = sc.all('buyerPose');
  if (poses.length === 0) return undefined;
  const pose = poses.find((p) => !negated(sc, p, textLang));
  if (!pose) return undefined;
  for (const cat of BUSINESS_WE) {
    const w = sc.startingIn(cat, pose.j, sc.n - 1, (x) => same(x, pose) && !negated(sc, x, textLang));
    if (w) return { i: w.i, j: w.j, kind: 'owner', conf: CONF.sellerOps, sells: true };
  }
  return undefined;
}

export interface SellerTieResult { undisclosed?: Tie; disclosed?: Disclosure & { tie?: Tie }; undisclosedTies: Tie[] }

export function findSellerTies(sc: Scan, textLang: number, flag: boolean, kind: DetectorInput['kind'] = 'review'): SellerTieResult {
  const insider: Tie[] = [];
  const other: Tie[] = [];
  ownerTies(sc, textLang, insider);
  otherTies(sc, textLang, other);
  const sold = soldPitch(sc, textLang, kind === 'answer');
  if (sold) insider.push(sold);
  if (kind === 'answer') {
    // The seller passing as a buyer, or (where the lists found no insider) its premises beside a push.
    const seller = posedAsBuyer(sc, textLang) ?? (insider.length === 0 ? businessPitch(sc, textLang) : undefined);
    if (seller) insider.push(seller);
  }
  // The owner's voice is undisclosed whatever it says; staff ties go through disclosure below.
  // A seller answering a question in its own voice ("we ship within 24 hours") is what answers are
  // for, unless the answer sells ("buy from us").
  const serviceAnswer = kind === 'answer' && !sells(sc, insider, textLang);
  const owner: Tie[] = [];
  // Staff answering as service may still disclose ("Informo que sou afiliado da marca e recebo
  // comissão. Sobre a dúvida: …"): a disclosure, never an undisclosed tie.
  const serviceStaff = new Set<Tie>();
  for (const t of insider) {
    if (kind === 'answer' && t.thanks) continue;
    if (serviceAnswer) { if (t.kind === 'staff') { serviceStaff.add(t); other.push(t); } continue; }
    if (t.kind === 'staff') other.push(t);
    else owner.push(t);
  }
  const lbls = labels(sc, textLang);
  // Nothing found (most texts): the rest would only build empty lookups and return this.
  if (owner.length === 0 && other.length === 0 && lbls.length === 0) return { undisclosedTies: [] };
  const near = (a: { i: number }, b: { i: number }) => Math.abs(sc.sent[a.i]! - sc.sent[b.i]!) <= 1;

  // Which non-owner ties are disclosed, and by what.
  let disclosed: (Disclosure & { tie?: Tie }) | undefined;
  const undisclosedOther: Tie[] = [];
  const softSents = sentencesWith(sc, 'discSoft');
  const honestSents = sentencesWith(sc, 'honest');
  const hitIn = (sents: ReadonlyMap<number, Hit>, t: Tie, spread: number) => {
    const s = sc.sent[t.i]!;
    for (let x = s - spread; x <= s + spread; x++) {
      const h = sents.get(x);
      if (h) return h;
    }
    return undefined;
  };
  const promoSents = sentencesWith(sc, 'promo');
  // The first label of each sentence, so "is a label beside this tie?" is three lookups.
  const labelSents = new Map<number, Disclosure>();
  for (const l of lbls) if (!labelSents.has(sc.sent[l.i]!)) labelSents.set(sc.sent[l.i]!, l);
  const labelNear = (t: Tie) => {
    const s = sc.sent[t.i]!;
    return labelSents.get(s) ?? labelSents.get(s - 1) ?? labelSents.get(s + 1);
  };
  for (const t of other) {
    // Soft wording counts in the tie's sentence or next to it; the honest-review formula in its own sentence.
    const soft = hitIn(softSents, t, 1);
    const honest = t.kind === 'free' ? hitIn(honestSents, t, 0) : undefined;
    // A staff tie is disclosed only by wording beside it ("Full disclosure, I work for this brand"),
    // and not while it promotes ("I work here, order now").
    const label = t.kind === 'staff' ? labelNear(t) : strongest(lbls);
    const lead = soft ? undefined : leadBefore(sc, t) ?? honestAfterFree(sc, t);
    const concede = soft || lead ? undefined : concededAfter(sc, t);
    const by: Disclosure | undefined = t.kind === 'staff' && promoSents.has(sc.sent[t.i]!) ? undefined
      : label
      ?? (honest && { i: honest.i, j: honest.j, conf: CONF.honest })
      ?? (soft && { i: soft.i, j: soft.j, conf: CONF.soft })
      ?? (lead && { i: lead.i, j: lead.j, conf: CONF.lead })
      ?? (concede && { i: concede.i, j: concede.j, conf: CONF.concede })
      ?? (flag && t.kind !== 'staff' ? { i: t.i, j: t.j, conf: CONF.flag } : undefined);
    if (!by) { if (t.kind !== 'gift' && !serviceStaff.has(t)) undisclosedOther.push(t); continue; }
    if (!disclosed || by.conf > disclosed.conf) {
      const together = near(by, t);
      disclosed = together ? { i: Math.min(by.i, t.i), j: Math.max(by.j, t.j), conf: by.conf, tie: t } : { ...by, tie: t };
    }
  }
  if (!disclosed && lbls.length) disclosed = { ...strongest(lbls)!, conf: CONF.labelAlone };

  // One finding per type: its span runs from the first undisclosed tie to the last, at the best confidence.
  const all = [...owner, ...undisclosedOther];
  const best = strongest(all);
  let i = Infinity;
  let j = -Infinity;
  for (const t of all) { i = Math.min(i, t.i); j = Math.max(j, t.j); }
  const undisclosed = best && { ...best, i, j };
  return { ...(undisclosed ? { undisclosed } : {}), ...(disclosed ? { disclosed } : {}), undisclosedTies: [...owner, ...undisclosedOther] };
}

export const sellerTieDetector: TextDetector = function (input: DetectorInput): TextFinding[] {
  const sc = scan(input.norm);
  const r = findSellerTies(sc, langBit(input.lang), input.disclosedSellerTie, input.kind);
  const orig = (i: number, j: number) => input.norm.toOriginal(sc.s[i]!, sc.e[j - 1]!);
  const out: TextFinding[] = [];
  // The model speaks only where the word lists found no tie at all, about a text that names one
  // side of one (the gates above); of its two readings, the likelier. Not about a seller's answer
  // as an insider: answers are the seller's voice, and which of them sell is the lists' call.
  if (!r.undisclosed && !r.disclosed) {
    const u = input.kind !== 'answer' && namesEach(sc, MODEL_GATE_UNDISCLOSED) ? conductModel.finding(input, 'seller_tie.undisclosed', DETECTOR) : null;
    const d = disclosureGate(sc) ? conductModel.finding(input, 'seller_tie.disclosed', DETECTOR) : null;
    const m = u && d ? (u.confidence >= d.confidence ? u : d) : u ?? d;
    if (m) {
      if (input.disclosedSellerTie && m.type === 'seller_tie.undisclosed') m.type = 'seller_tie.disclosed';
      out.push(m);
      if (m.type === 'seller_tie.disclosed') return out;
    }
  }
  // A relative's or friend's tie the lists read as undisclosed, which the model reads as
  // disclosed, and more surely than as undisclosed ("Transparência total: a dona da loja é minha
  // prima"): the disclosure wording is the part the lists missed. The owner's own voice stays.
  if (r.undisclosed && !r.disclosed && r.undisclosed.kind !== 'owner' && disclosureGate(sc)) {
    const d = conductModel.finding(input, 'seller_tie.disclosed', DETECTOR);
    if (d && d.confidence > conductModel.verdict(sc.lower)[CONDUCT_CLASSES.indexOf('seller_tie.undisclosed')]!) {
      out.push({ ...d, span: orig(r.undisclosed.i, r.undisclosed.j) });
      return out;
    }
  }
  if (r.undisclosed) {
    const u = r.undisclosed;
    out.push({
      type: 'seller_tie.undisclosed', detector: DETECTOR, confidence: u.conf, span: orig(u.i, u.j),
      evidence: {
        subtype: u.kind,
        spans: r.undisclosedTies.map((t) => ({ role: t.kind, ...orig(t.i, t.j) })),
      },
    });
  }
  if (r.disclosed) {
    const d = r.disclosed;
    out.push({
      type: 'seller_tie.disclosed', detector: DETECTOR, confidence: d.conf, span: orig(d.i, d.j),
      evidence: { ...(d.tie ? { subtype: d.tie.kind, spans: [{ role: d.tie.kind, ...orig(d.tie.i, d.tie.j) }] } : {}), ...(input.disclosedSellerTie ? { detail: 'disclosure flag set by the author' } : {}) },
    });
  } else if (input.disclosedSellerTie) {
    // The author ticked "I am connected to this seller" and the text names no tie: the label is
    // about the whole submission, so the span is the whole text (TextFinding needs one).
    out.push({
      type: 'seller_tie.disclosed', detector: DETECTOR, confidence: CONF.flag,
      span: { start: 0, end: input.norm.original.length }, evidence: { subtype: 'flag', detail: 'disclosure flag set by the author' },
    });
  }
  return out;
};
