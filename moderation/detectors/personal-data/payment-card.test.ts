import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { paymentCardDetector } from './index.js';
import { CARD_CONFIDENCE, issuerOf } from './payment-card.js';

function cards(text: string) {
  const norm = normalize(text);
  return paymentCardDetector({ norm, lang: 'en', region: 'US', kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } })
    .map((f) => ({ text: text.slice(f.span.start, f.span.end), confidence: f.confidence, issuer: f.evidence?.subtype }));
}

const LINE_SPLIT = [
  ['Card was 5412.7573.\n5594.1887, name J. Walsh', '5412.7573.\n5594.1887'],
  ['переведите на карту 4276 3894\n1857 3008, потом', '4276 3894\n1857 3008'],
] as const;

describe('payment card detector', () => {
  it('finds Luhn-valid numbers with an issuer prefix in any grouping', () => {
    for (const n of ['4111 1111 1111 1111', '4012-8888-8888-1881', '5555555555554444', '3782 822463 10005', '6011.0009.9013.9424', '4111🔹1111🔹1111🔹1111', '４１１１ １１１１ １１１１ １１１１']) {
      expect(cards(`pay to ${n} please`).map((c) => c.text), n).toEqual([n]);
    }
  });
  it('joins a number cut by one line break, and only a checksummed one', () => {
    for (const [text, want] of LINE_SPLIT) expect(cards(text).map((c) => c.text), text).toEqual([want]);
    // Luhn fails across the break, a blank line parts them, or each line is a number of its own.
    for (const t of ['Card was 5412.7573.\n5594.1888', 'Card was 5412.7573.\n\n5594.1887', 'Order 12345\n67890 arrived', 'SKU 4111 1111\nqty 1111 1111']) expect(cards(t), t).toEqual([]);
    // The second line alone passes for a short phone ("0276 1580"): the card across the break still wins.
    expect(cards('Paiement refusé avec la carte 5132 8394\n0276 1580, bizarre').map((c) => c.text)).toEqual(['5132 8394\n0276 1580']);
  });
  it('joins a card given in two parts with a few words between, only with a card word', () => {
    expect(cards('BLIK nie działał, więc podałem kartę. Pierwsze cyfry 5375 4160. Reszta 8217 3943. Odrzuciło.').map((c) => c.text)).toEqual(['5375 4160. Reszta 8217 3943']);
    expect(cards('Zamówienie 5375 4160, potem 8217 3943 sztuk')).toEqual([]);
    expect(cards('my card: first 5375 4160 then 8217 3944')).toEqual([]);
  });
  it('keeps a disguised card named as one, even after an order word', () => {
    // "The app showed the full card number in the order history: 5375 💛 4192…"
    expect(cards('Додаток показав повний номер картки в історії замовлень, ось: 5375 💛 4192 💙 8406 💛 1734.').map((c) => c.text)).toEqual(['5375 💛 4192 💙 8406 💛 1734']);
    // Spelled out right after an order word, with no card word: still the order's number.
    expect(cards('Commande: 5375 💛 4192 💙 8406 💛 1734')).toEqual([]);
  });
  it('names the issuer and rates context and grouping', () => {
    const [ctx] = cards('my card 4111 1111 1111 1111');
    const [grouped] = cards('send 4111 1111 1111 1111');
    const [run] = cards('send 4111111111111111');
    expect(ctx!.issuer).toBe('visa');
    expect(ctx!.confidence).toBe(CARD_CONFIDENCE.luhnPrefixContext);
    expect(grouped!.confidence).toBe(CARD_CONFIDENCE.luhnPrefixGrouped);
    expect(run!.confidence).toBe(CARD_CONFIDENCE.luhnPrefix);
    expect(issuerOf('2200700123456789')).toBe('mir');
    expect(issuerOf('122000000000003')).toBe('uatp');
  });
  it('finds a card followed by its expiry date', () => {
    expect(cards('Card: 4012-8888-8888-1881 12/26').map((c) => c.text)).toEqual(['4012-8888-8888-1881']);
  });
  it('rejects Luhn failures, unknown prefixes, masks, barcodes and labelled order numbers', () => {
    for (const t of ['4012-8888-8888-1882', '1748503543012', 'card **** **** **** 4242', 'Barcode 5012345678900', 'Commande 4970 1234 5678 9013 annulée', 'Gift card code 6011 2345 6789 0124']) {
      expect(cards(t), t).toEqual([]);
    }
  });
});

describe('payment card: the expiry and security code written after the number go with it', () => {
  const spans = (text: string) => cards(text).map((c) => c.text);
  it.each([
    ['en', 'card number 5500-0000-0000-0004 exp 12/27 cvv 123', '5500-0000-0000-0004 exp 12/27 cvv 123'],
    ['en', 'card 4111 1111 1111 1111 (exp 01/29), thanks', '4111 1111 1111 1111 (exp 01/29)'],
    ['ru', 'карта 4111 1111 1111 1111, срок 05/26, код 381, спасибо', '4111 1111 1111 1111, срок 05/26, код 381'],
    ['pl', 'karta 5500 0000 0000 0004 ważna do 03/27 kod 999.', '5500 0000 0000 0004 ważna do 03/27 kod 999'],
  ])('%s: %s', (_lang, text, want) => {
    expect(spans(text)).toEqual([want]);
  });
  it('a date or a count after the number without its label stays out', () => {
    expect(spans('card 4111 1111 1111 1111 arrived 12/03 with 2 items')).toEqual(['4111 1111 1111 1111']);
  });
});
