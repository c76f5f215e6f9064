import { describe, expect, it } from 'vitest';
import { cardNeedsSecondLook, cardNumberCandidates, cardNumberLayout, detectPaymentCard, luhnValid, schemeOf } from './cards.js';
import { pageFromLines } from './test-pages.js';

describe('luhnValid / schemeOf', () => {
  it('checks Luhn and the scheme prefix for the length', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(schemeOf('4111111111111111')).toBe('visa');
    expect(schemeOf('5500005555555559')).toBe('mastercard');
    expect(schemeOf('2201382000000013')).toBe('mir');
    expect(schemeOf('378282246310005')).toBe('amex');
    expect(schemeOf('3782822463100051')).toBeUndefined(); // amex prefix, wrong length
  });
});

describe('cardNumberCandidates', () => {
  it('joins grouped digits and reads OCR look-alikes inside digit groups', () => {
    const [c] = cardNumberCandidates('4111 1111 1111 1111');
    expect(c).toMatchObject({ digits: '4111111111111111', groups: [4, 4, 4, 4] });
    expect(cardNumberCandidates('4111 11l1 1111 1I11')[0]?.digits).toBe('4111111111111111');
    expect(cardNumberCandidates('3782 822463 10005')[0]).toMatchObject({ digits: '378282246310005', groups: [4, 6, 5] });
  });

  it('leaves words alone', () => {
    expect(cardNumberCandidates('BOSS SOLD 1234')).toEqual([]);
  });
});

describe('detectPaymentCard', () => {
  it('finds a card: Luhn number with scheme, grouping, expiry and brand', () => {
    const page = pageFromLines(['NORTHWIND BANK', '4111 1111 1111 1111', 'VALID THRU 08/27', 'IVAN PETROV VISA']);
    const d = detectPaymentCard([page], 1.586);
    expect(d?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(d?.evidence.subtype).toBe('visa');
    // The box is the number's words: line 2 of the grid.
    expect(d?.box).toEqual({ x: 0, y: 40, width: 19 * 20, height: 30 });
  });

  it('finds a card by brand and expiry when OCR broke a digit of the grouped number', () => {
    const page = pageFromLines(['4111 1111 1111 1112', 'VALID THRU 08/27', 'MASTERCARD']);
    expect(detectPaymentCard([page], 1.6)?.confidence).toBe(0.8);
  });

  it('hard negatives: a barcode number, an article number, brand words alone', () => {
    // 13 digits starting with 4 that pass Luhn: a valid VISA-13 by arithmetic, but a barcode here.
    expect(luhnValid('4006381333932')).toBe(true);
    expect(detectPaymentCard([pageFromLines(['EAN 4006381333932', 'SIZE 42'])], 1.33)).toBeUndefined();
    expect(detectPaymentCard([pageFromLines(['VISA GIFT BOX · 3 pcs', 'Art. 7712-0098 Lot 2024/11'])], 1.33)).toBeUndefined();
    expect(detectPaymentCard([pageFromLines(['Order 4111111111111111 shipped 03/10/2021'])], 1.33)).toBeUndefined();
  });
});

describe('specimen cards: the look of a card without a valid number', () => {
  it('sees the 4 × 4 layout through OCR damage and placeholder digits', () => {
    expect(cardNumberLayout('4000 1234 S5E78 S04')).toEqual({ start: 0, end: 19 });
    expect(cardNumberLayout('5412 7500 OOOO OOOe')).toBeDefined();
    expect(cardNumberLayout('Card 4ooo 1234 5678 SOL')).toEqual({ start: 5, end: 23 });
    // Not a card layout: three groups (a parcel barcode line), words, a phone number, a date and time.
    expect(cardNumberLayout('1234 5678 9012')).toBeUndefined();
    expect(cardNumberLayout('BOSS SOLD BIG SOS')).toBeUndefined();
    expect(cardNumberLayout('+7 916 123 45 67')).toBeUndefined();
    expect(cardNumberLayout('2024 11 05 09:30')).toBeUndefined();
  });

  it('a placeholder number (fails Luhn) on a card-shaped picture with card wording is a card', () => {
    expect(luhnValid('4000123456789010')).toBe(false);
    // Every digit read: the grouped 16-digit run with a brand and an expiry.
    expect(detectPaymentCard([pageFromLines(['OpenSky', '4000 1234 5678 9010', 'GOOD THRU 3/23', 'YOUR NAME HERE VISA'])], 320 / 200)?.confidence).toBe(0.8);
    // Embossed digits half read: the layout still says card.
    const d = detectPaymentCard([pageFromLines(['OpenSky', '4000 1234 S5E78 S04', 'GOOD THRU 3/23', 'YOUR NAME HERE', 'VISA'])], 320 / 200);
    expect(d?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(d?.evidence.signals).toEqual(['number-layout', 'card-aspect', 'brand', 'card-words', 'expiry', 'name-line']);
    expect(d?.box).toEqual({ x: 0, y: 40, width: 19 * 20, height: 30 });
  });

  it('weaker looks give lower confidence: a 00/00 placeholder and a name line hide, a name line alone queues', () => {
    const twoWeak = detectPaymentCard([pageFromLines(['Surge', '5412 7500 OOOO OOOe', 'HH 00/00', 'CHERYL A GOODMAN'])], 1.59);
    expect(twoWeak?.confidence).toBe(0.6);
    const oneWeak = detectPaymentCard([pageFromLines(['Surge', '5412 7500 OOOO OOOe', 'CHERYL A GOODMAN'])], 1.59);
    expect(oneWeak?.confidence).toBe(0.45);
    // The same page on a picture that is not card-shaped says too little.
    expect(detectPaymentCard([pageFromLines(['Surge', '5412 7500 OOOO OOOe', 'HH 00/00', 'CHERYL A GOODMAN'])], 1.0)).toBeUndefined();
  });

  it('a labelled placeholder expiry counts as an expiry', () => {
    // A card photographed on a table (the picture is not card-shaped): card wording and a labelled expiry.
    const d = detectPaymentCard([pageFromLines(['5412 7500 OOOO OOOe', 'VALID THRU 00/00'])], 1.0);
    expect(d?.evidence.signals).toEqual(['number-layout', 'card-words', 'expiry']);
    expect(d?.confidence).toBe(0.7);
  });

  it('hard negatives: gift and loyalty cards without the number layout, a price tag with EXP 12/25', () => {
    expect(detectPaymentCard([pageFromLines(['GIFT CARD', '$50', 'VISA GIFT BOX', 'Valid at all stores'])], 1.586)).toBeUndefined();
    expect(detectPaymentCard([pageFromLines(['BONUS CLUB', 'MEMBER', 'No 0012 3456', 'ANNA SMIRNOVA'])], 1.586)).toBeUndefined();
    expect(detectPaymentCard([pageFromLines(['FRESH MILK 1L', 'EXP 12/25', '$2.49', '4006381333931'])], 1.5)).toBeUndefined();
  });

  it('asks for a second OCR look at a 4 × 4 layout without a valid number, not at a valid card', () => {
    expect(cardNeedsSecondLook(pageFromLines(['4000 1234 S5E78 S04', 'YOUR NAME HERE']))).toBe(true);
    expect(cardNeedsSecondLook(pageFromLines(['4111 1111 1111 1111', 'VALID THRU 08/27']))).toBe(false);
    expect(cardNeedsSecondLook(pageFromLines(['SHIP TO: Emily Johnson', '1234 5678 9012']))).toBe(false);
  });
});
