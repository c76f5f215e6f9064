import { describe, expect, it } from 'vitest';
import { cardNumberCandidates, detectPaymentCard, luhnValid, schemeOf } from './cards.js';
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
