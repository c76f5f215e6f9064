import { describe, expect, it } from 'vitest';
import { eanValid, icaoCheck, isDummyNumber, iso7064Mod11_10, luhn, validDate, verhoeff } from './checksums.js';

describe('checksums', () => {
  it('Luhn', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('0')).toBe(false);
  });
  it('Verhoeff', () => {
    expect(verhoeff('2363')).toBe(true);
    expect(verhoeff('2364')).toBe(false);
  });
  it('EAN-13 and UPC-A', () => {
    expect(eanValid('5901234123457')).toBe(true);
    expect(eanValid('5901234123458')).toBe(false);
    expect(eanValid('036000291452')).toBe(true);
  });
  it('ISO 7064 MOD 11,10', () => {
    expect(iso7064Mod11_10('47013892537')).toBe(true);
    expect(iso7064Mod11_10('47013892535')).toBe(false);
    expect(iso7064Mod11_10('47031892537')).toBe(false); // neighbours swapped
    expect(iso7064Mod11_10('7')).toBe(false);
  });
  it('ICAO 9303 check digit', () => {
    expect(icaoCheck('L898902C3')).toBe(6);
    expect(icaoCheck('740812')).toBe(2);
  });
  it('dates and placeholder numbers', () => {
    expect(validDate(24, 2, 29)).toBe(true);
    expect(validDate(23, 2, 29)).toBe(false);
    expect(validDate(90, 13, 1)).toBe(false);
    expect(isDummyNumber('1234567890')).toBe(true);
    expect(isDummyNumber('9876543210')).toBe(true);
    expect(isDummyNumber('0000000')).toBe(true);
    expect(isDummyNumber('89123456789')).toBe(false);
  });
});
