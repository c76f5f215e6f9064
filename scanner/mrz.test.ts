import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDigit, cleanMrzLine, guessFormat, mrzLikeness, readMrz } from './mrz.js';

// ICAO 9303 part 4 and 5 specimens (the fictional state of Utopia).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

describe('checkDigit', () => {
  it('computes ICAO 7-3-1 check digits', () => {
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
    expect(checkDigit('<<<<<<<<<')).toBe('0');
  });
});

describe('readMrz', () => {
  it('accepts clean TD1, TD2 and TD3 zones', () => {
    expect(readMrz(TD3)).toMatchObject({ format: 'TD3', valid: true, checksPassed: 4 });
    expect(readMrz(TD1)).toMatchObject({ format: 'TD1', valid: true });
    expect(readMrz(TD2)).toMatchObject({ format: 'TD2', valid: true });
  });

  it('repairs what the LSTM model does to fillers and look-alike characters', () => {
    // Fillers read as K/L/C, spaces inside the line, O for 0 in dates, one filler lost.
    const noisy = ['P<UTOERIKSSON<<ANNA<MARIA<<LLLLLLKLLLCLLLLL', 'L898902C36UTO74O8122F12O4159ZE184226B<<<< <10'];
    const r = readMrz(noisy);
    expect(r).toMatchObject({ format: 'TD3', valid: true });
    expect(r!.lines).toEqual(TD3);
  });

  it('uses the check digit to choose between look-alikes in the document number', () => {
    // 0 read as O in an alphanumeric field: only the check digit can tell which one is right.
    const r = readMrz(['I<UTOD23145890<7<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'].map((l, i) => (i === 0 ? 'I<UTOD231458907<<<<<<<<<<<<<<<'.replace('D2314589', 'D23I4589') : l)));
    expect(r).toMatchObject({ format: 'TD1', valid: true });
    expect(r!.lines[0]).toBe(TD1[0]);
  });

  it('reports a zone whose check digits fail as not valid, with how many passed', () => {
    const broken = [TD3[0]!, TD3[1]!.replace('7408122', '7408125')];
    const r = readMrz(broken);
    expect(r?.valid).toBe(false);
    expect(r?.checksPassed).toBeLessThan(4);
  });

  it('finds nothing in prose or card numbers', () => {
    expect(readMrz(['The quick brown fox jumps over the lazy dog', 'and keeps running through the field'])).toBeUndefined();
    expect(readMrz(['4000 1234 5678 9010'])).toBeUndefined();
  });

  it('never throws on arbitrary OCR output', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 4 }), (lines) => {
      readMrz(lines);
    }), { numRuns: 300 });
  });
});

describe('cleanMrzLine', () => {
  it('turns misread filler runs into fillers but keeps name letters before them', () => {
    expect(cleanMrzLine('P<UTOMICHELL<<LLLKL')).toBe('P<UTOMICHELL<<<<<<<');
    expect(cleanMrzLine('P<FRAULYSSE<<CHRISTOPHE<<<<')).toBe('P<FRAULYSSE<<CHRISTOPHE<<<<');
    expect(cleanMrzLine('«DEU« 12')).toBe('<DEU<12');
  });
});

describe('mrzLikeness', () => {
  it('scores MRZ lines high and ordinary text zero', () => {
    for (const l of [...TD3, ...TD1.slice(0, 2)]) expect(mrzLikeness(l)).toBeGreaterThanOrEqual(0.6);
    expect(mrzLikeness('P<CZESPECIMEN<SVZOR<<LCCLLLLLLLLLLLLLLLLLLLL')).toBeGreaterThanOrEqual(0.6);
    expect(mrzLikeness('SIZE 42 · 100% COTTON · MADE IN PORTUGAL')).toBe(0);
    expect(mrzLikeness('4000 1234 5678 9010 VALID THRU 11/29')).toBe(0);
    expect(mrzLikeness('Ship to: Emily Johnson, 742 Evergreen Terrace')).toBe(0);
  });
});

describe('guessFormat', () => {
  it('goes by line count and length', () => {
    expect(guessFormat(TD3)).toBe('TD3');
    expect(guessFormat(TD2)).toBe('TD2');
    expect(guessFormat(TD1)).toBe('TD1');
    expect(guessFormat(['short'])).toBeUndefined();
  });
});
