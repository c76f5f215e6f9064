import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { fold } from '../../fold.js';
import { langBit, Lexicon, scan, strongestFirst, tokenize } from './scan.js';

const words = (s: string) => tokenize(s.toLowerCase()).map((t) => t.w);

describe('markBefore', () => {
  it('gives the punctuation between two words, skipping spaces', () => {
    const sc = scan(normalize('Pour être honnête : le vendeur, mon frère'));
    expect(String.fromCharCode(sc.markBefore(3))).toBe(':'); // before "le"
    expect(String.fromCharCode(sc.markBefore(5))).toBe(','); // before "mon"
    expect(sc.markBefore(1)).toBe(0); // "pour être": nothing but a space
  });
});

describe('tokenize', () => {
  it('splits apostrophes, digits from letters, keeps hashtags and meaningful symbols', () => {
    expect(words("I'll give 5stars #ad, $5 п'ять")).toEqual(['i', 'll', 'give', '5', 'stars', '#ad', '$', '5', 'п', 'ять']);
  });

  it('numbers sentences and clauses; decimals do not end a sentence', () => {
    const t = tokenize('refund me, or 4.5 stars. then: done');
    expect(t.map((x) => `${x.w}/${x.sent}.${x.clause}`)).toEqual(['refund/0.0', 'me/0.0', 'or/0.1', '4/0.1', '5/0.1', 'stars/0.1', 'then/1.2', 'done/1.3']);
  });

  it('offsets point at the words in the input', () => {
    const s = 'Ça coûte 5 € — vraiment?';
    for (const t of tokenize(s.toLowerCase())) expect(fold(s.toLowerCase().slice(t.s, t.e))).toBe(t.w);
  });

  it('skips emoji and scripts it does not know as non-words only when they are not letters', () => {
    expect(words('😀😀 日本語 x')).toEqual(['日本語', 'x']);
  });
});

describe('Lexicon', () => {
  const lex = new Lexicon([{ demand: { ru: ['деньг*', 'возврат денег'], en: ['money back'] }, one: { en: ['1 star'], es: ['una estrella'] } }]);
  const hits = (s: string) => lex.scan(s.toLowerCase()).hits.map((h) => `${h.cat}:${h.i}-${h.j}`);

  it('matches stems, phrases, and diacritics either way', () => {
    expect(hits('верните деньгами')).toEqual(['demand:1-2']);
    expect(hits('хочу возврат денег')).toEqual(['demand:1-3']);
    expect(hits('Una Estrella')).toEqual(['one:0-2']);
  });

  it('a phrase may cross a comma but not a sentence end', () => {
    expect(hits('money, back')).toEqual(['demand:0-2']);
    expect(hits('money. back')).toEqual([]);
  });

  it('records which languages list a phrase', () => {
    const both = new Lexicon([{ x: { es: ['disputa'], pt: ['disputa'] } }]);
    const [h] = both.scan('disputa').hits;
    expect(h!.langs).toBe(langBit('es') | langBit('pt'));
  });

  it('counts spellings that fold alike as one repeated word', () => {
    const op = new Lexicon([{ x: { es: ['opinion'] } }]);
    expect(op.scan('opinion opinión '.repeat(4)).hits.length).toBe(6);
  });

  it('gives the same hits after its word memo grows, rehashes and starts over', () => {
    const text = 'хочу возврат денег, money back. Una Estrella, ДЕНЬГАМИ';
    const before = hits(text);
    expect(before).toEqual(['demand:1-3', 'demand:3-5', 'one:5-7', 'demand:7-8']);
    const word = (k: number) => { let w = 'z'; for (; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26)); return w; };
    const many = Array.from({ length: 60_000 }, (_, k) => word(k)).join(' ');
    for (let round = 0; round < 2; round++) {
      lex.scan(many);
      expect(hits(text)).toEqual(before);
    }
  });

  describe('as-written entries ("=")', () => {
    const aw = new Lexicon([{ offer: { pl: ['=pisze', 'obiecał'] }, say: { pl: ['=mówi że'] }, eq: { en: ['='] } }]);
    const found = (s: string) => aw.scan(s.toLowerCase()).hits.map((h) => `${h.cat}:${h.i}-${h.j}`);

    it('match the word as written, lower-cased', () => {
      expect(found('Sprzedawca PISZE, że odda pieniądze')).toEqual(['offer:1-2']);
      expect(found('mówi że tak')).toEqual(['say:0-2']);
    });

    it('do not match a spelling that only folds alike (grammar in the diacritics)', () => {
      expect(found('piszę opinię sam')).toEqual([]);
      expect(found('mowi ze tak')).toEqual([]);
    });

    it('leave folded entries folding, and the same spellings apart in one text and after a memo reset', () => {
      expect(found('obiecał, obiecal; piszę pisze piszę')).toEqual(['offer:0-1', 'offer:1-2', 'offer:3-4']);
      const word = (k: number) => { let w = 'q'; for (; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26)); return w; };
      aw.scan(Array.from({ length: 60_000 }, (_, k) => word(k)).join(' '));
      expect(found('piszę, pisze')).toEqual(['offer:1-2']);
    });

    it('a lone "=" is still the equals sign; an as-written stem is refused', () => {
      expect(found('no refund = 1')).toEqual(['eq:2-3']);
      expect(() => new Lexicon([{ x: { pl: ['=pisz*'] } }])).toThrow(/as-written/);
    });
  });

  it('stops matching a word repeated over and over', () => {
    expect(lex.scan('money back '.repeat(3) + 'деньги '.repeat(50)).hits.length).toBeLessThan(20);
  });
});

describe('scan', () => {
  it('window queries find the nearest hit of a category', () => {
    const sc = scan(normalize('Refund me now or I will leave 1 star'));
    const or = sc.all('elseWeak')[0]!;
    expect(sc.startingIn('oneStar', or.j, or.j + 8)?.i).toBe(7);
    expect(sc.endingIn('demand', or.i - 5, or.i)?.i).toBe(0);
    expect(sc.startingIn('oneStar', 0, 3)).toBeUndefined();
  });

  it('remembers the last text only', () => {
    const a = normalize('one star');
    expect(scan(a)).toBe(scan(a));
    expect(scan(normalize('one star'))).not.toBe(scan(a));
  });
});

describe('strongestFirst', () => {
  it('keeps the stronger of overlapping candidates, in text order', () => {
    const kept = strongestFirst([{ i: 0, j: 5, conf: 0.8 }, { i: 3, j: 8, conf: 0.9 }, { i: 9, j: 10, conf: 0.5 }]);
    expect(kept).toEqual([{ i: 3, j: 8, conf: 0.9 }, { i: 9, j: 10, conf: 0.5 }]);
  });
});
