import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../language.js';
import { normalize } from '../../normalize.js';
import type { DetectorInput, TextFinding } from '../../types.js';
import { incentiveDetector } from './incentive.js';

function run(text: string, locale?: string): TextFinding[] {
  const input: DetectorInput = {
    norm: normalize(text), lang: detectLanguage(text, locale), region: undefined, kind: 'review',
    disclosedSellerTie: false, config: { platformDomains: [] },
  };
  return incentiveDetector(input);
}
const role = (text: string, f: TextFinding, r: string) => {
  const s = f.evidence?.spans?.find((x) => x.role === r);
  return s ? text.slice(s.start, s.end) : undefined;
};

/** One incentive finding with this reward and target. */
/** No finding at all. */
function expectNone(lang: string, text: string): void {
  expect(run(text, lang)).toEqual([]);
}

function expectOneIncentive(lang: string, text: string, reward: string, target: string): void {
  const found = run(text, lang);
  expect(found).toHaveLength(1);
  expect(found[0]!.type).toBe('review_manipulation.incentive');
  expect(role(text, found[0]!, 'reward')).toContain(reward);
  expect(role(text, found[0]!, 'target')).toContain(target);
}

describe('review_manipulation.incentive: the seller offers a reward for a rating', () => {
  it.each([
    ['en', 'The seller messaged me offering $5 to change my review to 5 stars.', '$', 'change my review'],
    ['en', 'Inside the box was a card: leave a 5-star review and get a $10 gift card.', 'gift card', '5-star'],
    ['en', 'After my 2 star review the store promised a full refund if I deleted it.', 'refund', 'deleted it'],
    ['en', 'Seller keeps asking me to remove my negative feedback in exchange for a partial refund.', 'refund', 'remove my negative feedback'],
    ['ru', 'Продавец предложил вернуть деньги за отзыв 5 звёзд.', 'деньги', '5 звёзд'],
    ['ru', 'Продавец звонил и уговаривал удалить отзыв, обещал вернуть 500 рублей.', 'рублей', 'удалить отзыв'],
    ['uk', 'Магазин пообіцяв знижку, якщо я видалю негативний відгук.', 'знижку', 'видалю негативний відгук'],
    ['es', 'Me llegó un mensaje del vendedor: si pongo cinco estrellas me devuelven 3 euros.', 'euros', 'cinco estrellas'],
    ['pt', 'O vendedor ofereceu 10 reais para eu mudar a avaliação para 5 estrelas.', 'reais', 'mudar a avaliação'],
    ['pl', 'Sprzedawca pisze, że odda 10 zł za zmianę opinii na 5 gwiazdek.', 'zł', 'zmianę opinii'],
    ['fr', 'Une carte dans le colis promet un bon d’achat contre un avis 5 étoiles.', 'bon d’achat', '5 étoiles'],
    ['pl', 'W paczce była karteczka, że za opinię 5 gwiazdek dostanę zwrot 10 zł.', 'zwrot', '5 gwiazdek'],
  ])('%s: %s', expectOneIncentive);
});

describe('not an incentive', () => {
  it.each([
    ['a refund without a rating tie', 'The seller offered a refund and it was resolved quickly.'],
    ['praise for a refund', '5 stars for the quick refund, great communication!'],
    ['the buyer changing the rating', 'The seller refunded the shipping, so I changed my review to 4 stars.'],
    ['an offer after the praise', '5 stars for the quick refund, the seller offered it right away.'],
    ['a coupon with the order', 'Got a 10% discount coupon with the order, nice touch. Five stars.'],
    ['the buyer’s own demand (extortion, not incentive)', 'Send me a coupon and I will change my review to 5 stars.'],
    ['ru praise', 'Пять звёзд за быстрый возврат денег!'],
    ['pl offer, no rating', 'Nie będę składać reklamacji, sprzedawca sam zaproponował rabat.'],
  ])('%s', (_why, text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('Polish "pisze" (he writes) as the seller\'s initiative, matched as written ("=pisze")', () => {
  it('the seller writes: an initiative, with or without "że" after it', () => {
    expectOneIncentive('pl', 'Sprzedawca znowu pisze: oddamy 15 zł za zmianę oceny na 5 gwiazdek.', 'zł', 'zmianę oceny');
  });

  it('"piszę" (I write) folds onto "pisze" but is the author, not the seller', () => {
    expect(run('Piszę wprost, że dam 5 gwiazdek za zwrot 20 zł.', 'pl')).toEqual([]);
  });
});

describe('review_manipulation.incentive: a reward already received in exchange for a rating', () => {
  it.each([
    ['en', 'got a partial refund after i agreed to bump it to 5 stars', 'refund', '5 stars'],
    ['es', 'me dieron un reembolso a cambio de poner 5 estrellas', 'reembolso', '5 estrellas'],
    ['pt', 'ganhei reembolso em troca de 5 estrelas', 'reembolso', '5 estrelas'],
    ['fr', "j'ai eu un remboursement en échange de 5 étoiles", 'remboursement', '5 étoiles'],
    ['pl', 'dostałem zwrot w zamian za 5 gwiazdek', 'zwrot', '5 gwiazdek'],
    ['uk', 'отримав повернення в обмін на 5 зірок', 'повернення', '5 зірок'],
    ['ru', 'мне заплатили за хороший отзыв', 'заплатили', 'хороший отзыв'],
  ])('%s: %s', expectOneIncentive);

  it.each([
    ['en', 'got a refund for my order and changed my review to 4 stars'],
    ['ru', 'Получил возврат за брак, поменял отзыв на 4'],
    ['fr', "J'ai eu un remboursement pour le colis perdu, 5 étoiles pour le service client"],
    ['pl', 'Dostałem zwrot za uszkodzony towar, daję 4 gwiazdki'],
    ['es', 'Me dieron un reembolso por el retraso, así que subo a 4 estrellas'],
    ['pt', 'Ganhei um cupom por ser cliente antigo, 5 estrelas'],
  ])('no incentive: %s %s', expectNone);
});

describe('review_manipulation.incentive: third blind round patterns', () => {
  it.each([
    // The new rating as a bare number after the change verb.
    ['es', 'El vendedor me escribió ofreciéndome 15 euros si la subía a 5.', 'euros', 'subía a 5'],
    ['pl', 'Sprzedawca obiecał 50 zł, jeśli zmienię na 5.', 'zł', 'zmienię na 5'],
    ['pt', 'A loja ofereceu um cupom se eu mudasse pra 5.', 'cupom', 'mudasse pra 5'],
    ['fr', "Après mes 2 étoiles, le vendeur m'a proposé 8 € si je passais à 5.", '€', 'passais à 5'],
    // A clitic before the verb stands for the review named earlier.
    ['es', 'Dejé una reseña de 2 estrellas y me prometieron un reembolso si la quitaba.', 'reembolso', 'la quitaba'],
    ['fr', "J'ai laissé un avis négatif et le vendeur m'a proposé un bon d'achat si je le supprimais.", "bon d'achat", 'le supprimais'],
    ['pl', 'Wystawiłem szczerą opinię, a sklep zaproponował rabat, jeśli ją usunę.', 'rabat', 'ją usunę'],
    // The shop's practice, asked about in the second person.
    ['es', '¿Dais 10 € por una reseña de 5 estrellas?', '€', 'reseña de 5 estrellas'],
    ['pl', 'Za opinię na 5 gwiazdek zwracacie 15 zł?', 'zł', 'opinię na 5 gwiazdek'],
    ['ru', 'Вы даёте 300 рублей за отзыв на 5 звёзд?', 'рублей', 'отзыв на 5 звёзд'],
    ['en', 'Do you give a $5 refund for a 5 star review? Someone told me so.', 'refund', '5 star'],
    // A flyer in the parcel.
    ['uk', "У посилці був флаєр: знижка 15% за відгук на п'ять зірок.", 'знижка', "п'ять зірок"],
  ])('%s: %s', expectOneIncentive);

  it.each([
    // Denied initiative.
    ['en', 'No one paid me for this review, I changed it to 5 stars because the seller fixed everything.'],
    ['es', 'Nadie me pagó por esta reseña, la subo a 5 porque el vendedor me devolvió el dinero.'],
    ['fr', "Le vendeur ne m'a rien proposé pour changer mon avis, je passe à 5 de moi-même."],
    // A reward for something else, then the buyer's own change in another clause.
    ['es', 'Escribí una reseña negativa y el vendedor me ofreció un reembolso por el retraso; la cambié a 4 por el buen trato.'],
    ['pt', 'O vendedor ofereceu reembolso pelo atraso e eu mudei a avaliação pra 5 por conta do atendimento.'],
    // Second-person verbs that give no reward.
    ['es', 'Dais muy buen servicio, 5 estrellas por el reembolso rápido.'],
    ['pl', 'Płacicie 10 zł za wysyłkę, a opinia na 5 gwiazdek należy się za jakość.'],
    ['ru', 'Вы даёте гарантию? Отзыв на 5 звёзд, если всё будет ок.'],
    // A flyer without a rating tie.
    ['uk', 'У посилці був флаєр зі знижкою 10% на наступне замовлення. П’ять зірок.'],
  ])('no incentive: %s %s', expectNone);
});

describe('review_manipulation.incentive: free items, give-back verbs, slogans with = or a dash', () => {
  it.each([
    ['en', 'The shop promised a free phone case if I update my review to 5 stars.'],
    ['pl', 'Za zmianę opinii na 5 gwiazdek sklep obiecał mi darmową ładowarkę.'],
    ['pl', 'Sprzedawca napisał, że zwróci połowę kwoty, jeśli usunę opinię.'],
    ['es', 'En el paquete venía un papelito: "Reseña 5 estrellas = bono de 3 USD".'],
    ['fr', 'Dans le colis, une carte : « Avis 5 étoiles = un tapis de souris offert ».'],
    ['uk', 'У посилці листівка: «Відгук на 5 зірок — кешбек 30 грн».'],
    ['ru', 'Продавец написал: уберите отзыв — вернём половину денег.'],
    ['pl', 'W paczce kartka: „Wystaw 5 gwiazdek, a oddamy 10 zł”.'],
    ['pt', 'Veio um cartão: avalie com 5 estrelas que devolvemos R$5.'],
  ])('%s: %s', (lang, text) => {
    const found = run(text, lang);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.type).toBe('review_manipulation.incentive');
    // Found by the word lists: the model's second opinion must not hide a rule that stopped firing.
    expect(found[0]!.evidence?.subtype).not.toBe('model');
  });

  it.each([
    // the buyer's own judgement: the reward is a fact, not the price
    ['ru', 'Продавец написал, поставил 5 звёзд — деньги вернули за день.'],
    ['en', 'Free shipping and a free case, 5 stars = deserved.'],
    ['uk', 'Відгук на 5 зірок — бо кешбек 30 грн прийшов швидко, дякую.'],
    // a plain conjunction before the target
    ['pl', 'Płacicie 15 zł za kuriera, a ocena 5 gwiazdek jest za jakość.'],
    ['pt', 'Recebi o cartão de memória grátis que faltava, avaliei com 5 estrelas.'],
  ])('no incentive: %s: %s', expectNone);
});

describe('review_manipulation.incentive: fifth blind round classes', () => {
  it.each([
    // A phrasal change verb with the review inside it ("take my review down").
    ['en', 'The store offered me a $15 voucher if I took my review down.', 'voucher', 'took my review down'],
    ['en', 'They offered store credit to pull my rating down off the page.', 'store credit', 'pull my rating down'],
    // The reward as a giving verb, not a noun ("me regala", "подарують", "m'offrent").
    ['es', 'El vendedor promete que me regala un cable si pongo cinco estrellas.', 'regala', 'cinco estrellas'],
    ['uk', 'Продавець пише, що подарують чохол за відгук на 5 зірок.', 'подарують', 'відгук на 5 зірок'],
    ['fr', "Le vendeur m'a écrit qu'ils m'offrent une housse pour un avis 5 étoiles.", 'offrent', 'avis 5 étoiles'],
    // The top rating named without a number ("the highest rating", "puntuación máxima").
    ['en', 'The seller offered a $5 coupon for the highest rating.', 'coupon', 'highest rating'],
    ['es', 'Me ofrecieron un descuento por la puntuación máxima.', 'descuento', 'puntuación máxima'],
    ['pl', 'Sprzedawca obiecał rabat za maksymalną ocenę.', 'rabat', 'maksymalną ocenę'],
    // The change as a noun ("the removal of my review").
    ['fr', "Le vendeur propose un bon d'achat contre le retrait de mon avis.", "bon d'achat", 'retrait de mon avis'],
    ['ru', 'Продавец предлагает скидку за удаление отзыва.', 'скидку', 'удаление отзыва'],
    ['pt', 'A loja ofereceu cupom pela remoção da avaliação.', 'cupom', 'remoção da avaliação'],
  ])('%s: %s', expectOneIncentive);

  it.each([
    ['en', 'The seller offered a free gift with my next order; I gave the highest rating because the blender is great.'],
    ['fr', "Le retrait du colis a été simple, le vendeur a offert la livraison."],
    ['es', 'Mi hermana me regaló estos auriculares y les doy cinco estrellas.'],
    ['en', 'I took my time before writing this review down here: the seller offered a refund for the late parcel.'],
    ['ru', 'Удаление пятен отличное, продавец предложил скидку на следующий заказ.'],
  ])('not an incentive: %s %s', expectNone);
});

// The seller's own voice as the initiative (an imperative reward or the shop's "we" after the
// rating asked for), small rewards, and a tie whose target sits after a comma ("за то, что ...").
describe('review_manipulation.incentive: slogans in the seller voice, small rewards', () => {
  it.each([
    ['en', 'The packet said: rate us 5 stars and get a $3 credit back.', '$', '5 stars'],
    ['ru', 'На пакете наклейка: поставьте пять звёзд и получите промокод на 150 рублей.', 'промокод', 'пять звёзд'],
    ['es', 'Un papel decía: ponnos 5 estrellas y te devolvemos 2 euros.', 'devolvemos', '5 estrellas'],
    ['pt', 'Escrito na embalagem: deixe 5 estrelas e ganhe um cupom de 15 reais.', 'cupom', '5 estrelas'],
    ['pl', 'Na pudełku napis: wystaw 5 gwiazdek i otrzymasz rabat 10 zł.', 'rabat', '5 gwiazdek'],
    ['uk', 'На коробці: поставте 5 зірок і отримайте знижку 10%.', 'знижку', '5 зірок'],
    ['en', 'The seller said theyd mail a little something if I removed my review.', 'little something', 'removed my review'],
    ['pt', 'A loja prometeu um mimo se eu mudasse a nota para 5.', 'mimo', 'mudasse a nota'],
    ['pl', 'Sprzedawca obiecał upominek za usunięcie opinii.', 'upominek', 'usunięcie opinii'],
    ['ru', 'Магазин предложил баллы за то, что я изменю отзыв.', 'баллы', 'изменю отзыв'],
  ])('%s: %s', expectOneIncentive);

  it.each([
    ['en', 'I left 5 stars and got a thank-you note, nothing else.'],
    ['ru', 'Поставил пять звёзд и получил посылку через неделю, всё ок.'],
    ['es', 'Le puse 5 estrellas y te digo: el envío fue rapidísimo.'],
    ['pt', 'Dei 5 estrelas e ganhei tempo com a entrega rápida.'],
    ['en', 'Buy two and get a $5 discount, the store page says; I gave 4 stars for the fit.'],
    ['pl', 'Za to, że szybko wysłali, daję 5 gwiazdek.'],
    ['ru', 'За то, что быстро прислали замену, ставлю пять звёзд.'],
  ])('not an incentive: %s %s', expectNone);
});

describe('review_manipulation.incentive: a reward for a photo, a video or words of the review, or reported from a call', () => {
  it.each([
    ['en', 'The shop rang me and offered a gift card if I removed the pictures of the torn seam.', 'gift card', 'removed the pictures'],
    ['ru', 'Продавец пообещал скидку 30%, если я удалю видео с трещиной.', 'скидку', 'удалю видео'],
    ['uk', 'Менеджер обіцяв купон, якщо я виправлю текст про запах.', 'купон', 'виправлю текст'],
    ['es', 'La tienda me ofreció un regalo si no subía el video del golpe.', 'regalo', 'no subía el video'],
    ['pt', 'Me ligaram oferecendo reembolso total se eu apagasse as fotos da mancha.', 'reembolso', 'apagasse as fotos'],
    ['fr', "Le vendeur m'a proposé un bon cadeau si je supprimais la phrase sur l'odeur.", 'bon cadeau', 'supprimais la phrase'],
    ['pl', 'Sprzedawca zadzwonił i zaproponował rabat, jeśli usunę zdjęcia pękniętej miski.', 'rabat', 'usunę zdjęcia'],
    ['es', 'Me escribieron que, si quitaba las fotos y cambiaba la frase del color, me daban un cupón de 10 euros.', 'cupón', 'quitaba las fotos'],
  ])('%s: %s', expectOneIncentive);

  it.each([
    ['en', 'The seller asked me to add a photo of the label, happy to.'],
    ['en', 'I deleted the photo because it was blurry. Refund for the broken lid came fast.'],
    ['en', 'They offered a discount on my next order; separately, I updated the text since the colour faded later.'],
    ['ru', 'Удалила фото, потому что оно было размытым, а скидку дали ещё при заказе.'],
    ['es', 'Me llamaron de la tienda para confirmar la dirección; subí fotos del producto, todo bien.'],
    ['pl', 'Sprzedawca poprosił o zdjęcie etykiety, dostałam też rabat na kolejne zakupy.'],
    ['uk', 'Мені телефонували з магазину щодо доставки, відео розпакування додала сама.'],
  ])('not an incentive: %s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('review_manipulation.incentive: the seller\'s message or parcel as its initiative (mixed rounds 3-4)', () => {
  it.each([
    ['es', 'Dejé 2 estrellas y me llegó un correo diciendo que me reembolsaban 5 € si subía la valoración a 5 estrellas.'],
    ['en', 'After my 2-star review I got a text from them: a $10 voucher to change it to 5 stars.'],
  ])('incentive: %s', (_lang, text) => {
    expect(run(text).map((f) => f.type)).toContain('review_manipulation.incentive');
  });
  it.each([
    ['en', 'They sent me a replacement for free, so I changed my review to 5 stars myself.'],
    ['es', 'Me llegó un correo diciendo que el pedido salía hoy, 5 estrellas por la rapidez.'],
    ['fr', "Le vendeur m'a envoyé un SMS pour le suivi, colis reçu en 4 jours, 5 étoiles."],
    ['ru', 'Пришла смс о доставке. Ставлю 5 звёзд за скорость и подарок внутри.'],
    ['en', 'Got an SMS when it shipped. 5 stars for the free gift wrap.'],
  ])('not an incentive: %s', (_lang, text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('review_manipulation.incentive: round twenty classes (received after a promise, "for it")', () => {
  it.each([
    ['ru', 'Ставлю 5, потому что магазин прислал второй коврик бесплатно после того, как я пообещала исправить оценку.'],
    ['es', 'Subo a 5 estrellas porque la tienda me devolvió el dinero de la crema a cambio de cambiar la valoración.'],
    ['uk', 'Змінила оцінку на 5, бо магазин надіслав мені другу пляшку олії безкоштовно за це. Олія звичайна.'],
  ])('incentive: %s', (lang, text) => {
    expect(run(text, lang).map((f) => f.type)).toEqual(['review_manipulation.incentive']);
  });
  it.each([
    // A reward received "for it" with no rating named before it in the sentence names no price.
    ['uk', 'Магазин надіслав мені другу пляшку безкоштовно за це, бо перша розбилася. Оцінка 5.'],
    ['es', 'La tienda me devolvió el dinero por el retraso y luego cambié la valoración yo misma.'],
    ['ru', 'Магазин прислал второй коврик бесплатно после того, как я пожаловалась, оценку оставила 3.'],
  ])('not an incentive: %s', (lang, text) => {
    expect(run(text, lang)).toEqual([]);
  });
});

describe('review_manipulation.incentive: round twenty-two classes (a partial refund offered, "as agreed" … "for it" before the reward)', () => {
  it.each([
    ['es', 'El vendedor me llamó para ofrecerme la devolución del 30% si borraba mi opinión negativa. No la borro.'],
    ['ru', 'Ставлю пять звёзд, как договорились с магазином — они мне за это сделали скидку 20% на следующий заказ.'],
  ])('incentive: %s', (lang, text) => {
    expect(run(text, lang).map((f) => f.type)).toEqual(['review_manipulation.incentive']);
  });
  it.each([
    // "For it" with no initiative or agreement: thanks, not a price.
    ['ru', 'Ставлю пять звёзд, за это спасибо, скидка была приятной.'],
    ['es', 'Me devolvieron el dinero del 30% por el retraso, pongo cinco estrellas por la atención.'],
  ])('not an incentive: %s', (lang, text) => {
    expect(run(text, lang)).toEqual([]);
  });
});

describe('review_manipulation.incentive: a reward with no review named needs the review as the price', () => {
  it.each([
    ['en', 'They offered me a full refund if I sent the item back.'],
    ['es', 'Me ofrecieron la devolución del dinero si devolvía el producto, lo hice.'],
    ['pt', 'A loja ofereceu reembolso total se eu devolvesse o produto.'],
  ])('a return, not an incentive: %s', (lang, text) => {
    expect(run(text, lang)).toEqual([]);
  });
  it('ru: "если поставлю пять" names the rating as the price', () => {
    expect(run('Оставляю тройку. Продавец в чате предлагал вернуть 200 рублей, если поставлю пять — не надо так.', 'ru').map((f) => f.type)).toEqual(['review_manipulation.incentive']);
  });
});

describe('incentive: conduct round 25 (a refund received against a rating, its giver only a pronoun)', () => {
  it.each([
    ['fr', "J'avoue, j'ai accepté : ils m'ont remboursé les frais de port contre une note de 5.", 'remboursé', 'note de 5'],
    ['en', 'They refunded my shipping in exchange for a 5-star rating.', 'refunded', '5-star'],
  ])('%s', (lang, text, reward, target) => {
    expectOneIncentive(lang, text, reward, target);
  });
  it.each([
    ['en', 'They refunded my order because it arrived broken, and I gave a 5-star rating for the fast support.'],
    ['fr', "Ils m'ont remboursé, pour un colis perdu. Je mets une note de 5 pour le service."],
  ])('none: %s', (lang, text) => {
    expectNone(lang, text);
  });
});

describe('incentive: "and you will get" in each language', () => {
  it.each([
    ['pl', 'Wystaw 5 gwiazdek, a dostaniesz 15 zł zwrotu.'],
    ['fr', 'Mettez 5 étoiles et vous recevrez 10 € sur PayPal.'],
    ['uk', 'Поставте 5 зірок, і ви отримаєте 200 гривень.'],
  ])('%s', (lang, text) => {
    expect(run(text, lang).map((f) => f.type)).toEqual(['review_manipulation.incentive']);
  });
  it('a rating given and a refund received apart is none', () => {
    expectNone('pl', 'Dałem 5 gwiazdek, bo sprzedawca był miły. Zwrot pieniędzy za uszkodzony kabel dostałem osobno.');
  });
});

describe('incentive: the offer in the first person ("and I\'ll refund")', () => {
  it.each([
    ['en', "Leave 5 stars and I'll refund $5."],
    ['ru', 'Поставьте пять звёзд, и я верну 150 рублей.'],
    ['es', 'Pon 5 estrellas y te devuelvo diez euros.'],
  ])('%s', (lang, text) => {
    expect(run(text, lang).map((f) => f.type)).toEqual(['review_manipulation.incentive']);
  });
  it('a refund for a return is none', () => {
    expectNone('en', "Return it and I'll refund you, no questions asked.");
  });
});

describe('incentive: a reward on condition the review goes (conduct round 28)', () => {
  it.each([
    // Inputs the conduct model alone misses (its round's own texts it reads already, without the parts).
    ['fr', "Le vendeur m'a proposé un bon d'achat à condition que je change ma note."],
    ['en', 'The seller offered me a gift card on condition that I removed the 2 stars.'],
  ])('%s', (lang, text) => {
    expect(run(text, lang).map((f) => f.type)).toEqual(['review_manipulation.incentive']);
  });
  it('a condition about the product is no incentive', () => {
    expectNone('fr', "Le vendeur m'a proposé un remboursement intégral à condition que je renvoie le colis.");
  });
});

describe('incentive: a gift after the author promised a good review (conduct round 29)', () => {
  it('fr: read by the word lists, with its reward and target (the model read it too, as a whole)', () => {
    expectOneIncentive('fr', "Ils m'ont envoyé un coffret de thé offert après que j'ai promis un bon commentaire, haha.", 'offert', 'bon commentaire');
  });
});

describe('incentive: "whoever rates 5 stars gets …" (mixed round 16)', () => {
  it.each([
    ['pt', 'O vendedor mandou um papel dizendo que quem avaliar com 5 estrelas ganha um brinde. Achei chato.', 'brinde', '5 estrelas'],
    ['ru', 'Кто поставит 5 звёзд, получит скидку 10% — написано на открытке.', 'скидку', '5 звёзд'],
  ])('%s', (lang, text, reward, target) => {
    expectOneIncentive(lang, text, reward, target);
  });
  it('a rating the author gives, and a code received for other reasons', () => {
    expectNone('en', 'This lamp gets 5 stars from me, got a discount code for next time too.');
  });
});

describe('incentive: the seller "gives" a reward for the rating (conduct round 31)', () => {
  it.each([
    ['pl', 'Tylko uprzedzam, że sprzedawca daje 10% cashbacku za pięć gwiazdek, więc oceny są trochę zawyżone.', 'cashbacku', 'pięć gwiazdek'],
  ])('%s', (lang, text, reward, target) => {
    expectOneIncentive(lang, text, reward, target);
  });
  it('advice given for a few minutes is no reward', () => {
    expectNone('fr', 'Il donne des conseils pour 5 minutes au téléphone, très sympa.');
  });
});

describe('incentive: the shipping refunded after a promise to rate well (conduct round 32)', () => {
  it('pt', () => {
    expectOneIncentive('pt', 'Sinceramente dei 5 porque eles me devolveram o frete depois que prometi avaliar bem, mas o tapete é bonito sim', 'o frete', 'avaliar bem');
  });
  it('rating well because of the product, the shipping named apart', () => {
    expectNone('pt', 'O frete demorou mas chegou, avaliei bem porque o produto é bom');
  });
});
