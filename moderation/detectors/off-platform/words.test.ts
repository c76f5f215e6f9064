import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { PHRASE_REACH, PhraseMatcher, foldWord, hitEndingBefore, hitStartingAfter, tokens, type Hit } from './words.js';
import contactPhrases from '../../data/contact-phrases.json';
import dealPhrases from '../../data/deal-phrases.json';

const words = (t: string) => tokens(normalize(t)).map((x) => x.w);

describe('tokens', () => {
  it('splits on punctuation and keeps apostrophes inside words', () => {
    expect(words("Don't pay, зв'яжіться: écrivez-moi!")).toEqual(["don't", 'pay', "зв'яжіться", 'ecrivez', 'moi']);
  });

  it('folds Latin diacritics and typographic apostrophes but leaves Cyrillic alone', () => {
    expect(foldWord('escríbeme')).toBe('escribeme');
    expect(foldWord('zadzwoń')).toBe('zadzwon');
    expect(foldWord('skontaktuj')).toBe('skontaktuj');
    expect(foldWord('płatność')).toBe('platnosc');
    expect(foldWord('звʼяжіться')).toBe("зв'яжіться");
    expect(foldWord('ждём')).toBe('ждём');
  });

  it('joins two halves of a word split by one emoji into an extra word, keeping the halves', () => {
    expect(words('al wha📱tsapp y')).toEqual(['al', 'whatsapp', 'wha', 'tsapp', 'y']);
    expect(words('в теле✈️грам')).toEqual(['в', 'телеграм', 'теле', 'грам']);
    // An emoji between words with a space is a separator.
    expect(words('love it 👍 seller')).toEqual(['love', 'it', 'seller']);
  });

  it('adds a word with letters for digits or "@" typed for them, keeping the original', () => {
    expect(words('on wh4tsapp')).toEqual(['on', 'whatsapp', 'wh4tsapp']);
    expect(words('te1egram')).toEqual(['teiegram', 'telegram', 'te1egram']);
    expect(words('wh@tsapp now')).toEqual(['whatsapp', 'wh', 'tsapp', 'now']);
    expect(words('в телегр@м')).toEqual(['в', 'телеграм', 'телегр', 'м']);
    // Numbers, other digits and short words get nothing.
    expect(words('1080p x2 2024 4k')).toEqual(['1080p', 'x2', '2024', '4k']);
  });

  it('counts sentences at . ! ? and line breaks, not at dots inside domains', () => {
    const toks = tokens(normalize('shop.com is fine. Next one! Third\nfourth'));
    expect(toks.map((t) => t.sent)).toEqual([0, 0, 0, 0, 1, 1, 2, 3]);
  });

  it('joins spaced-out letters into one extra word, with and without a leading one-letter word', () => {
    const ws = words('пишите в т е л е г р а м');
    expect(ws).toContain('втелеграм');
    expect(ws).toContain('телеграм');
    expect(words('on W h a t s A p p')).toContain('whatsapp');
  });

  it('gives offsets of the normalised text', () => {
    const norm = normalize('Hi  there');
    const [a, b] = tokens(norm);
    expect(norm.text.slice(a!.s, a!.e)).toBe('Hi');
    expect(norm.text.slice(b!.s, b!.e)).toBe('there');
  });
});

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher().add(['write me', 'скидк*', 'écrivez-moi'], 'x').add(['telegram*'], 'msg', 'telegram');
  const hitsOf = (matcher: PhraseMatcher, t: string) => {
    const norm = normalize(t);
    return matcher.match(tokens(norm), norm.lower).map((h) => `${h.cat}:${norm.text.slice(h.s, h.e)}`);
  };
  const hits = (t: string) => hitsOf(m, t);

  it('matches multi-word phrases, stems and folded words', () => {
    expect(hits('Write me, I give a скидку')).toEqual(['x:Write me', 'x:скидку']);
    expect(hits('Ecrivez moi sur Telegramie')).toEqual(['x:Ecrivez moi', 'msg:Telegramie']);
  });

  it('does not let a stem swallow a longer word or a phrase span a gap', () => {
    expect(hits('скидкаааааааа')).toEqual([]);
    expect(hits('write          me')).toEqual([]);
  });

  it('matches a "=" phrase as written (lower-cased, not folded), next to folded phrases of the same first word', () => {
    const eq = new PhraseMatcher().add(['=pagué', '=payé par', '=pagó*'], 'past').add(['pague', 'paye'], 'ask');
    // Positives: the accented forms, in any case.
    expect(hitsOf(eq, 'Pagué con tarjeta')).toEqual(['past:Pagué', 'ask:Pagué']);
    expect(hitsOf(eq, 'Je l\'ai PAYÉ PAR carte')).toEqual(['past:PAYÉ PAR', 'ask:PAYÉ']);
    expect(hitsOf(eq, 'ya lo pagó')).toEqual(['past:pagó']);
    // Folded collisions: the unaccented request forms are not the past tense.
    expect(hitsOf(eq, 'Pague con tarjeta')).toEqual(['ask:Pague']);
    expect(hitsOf(eq, 'paye par carte')).toEqual(['ask:paye']);
    expect(hitsOf(eq, 'pago con tarjeta')).toEqual([]);
    // Another accent that folds the same way is not "as written" either.
    expect(hitsOf(eq, 'pagè')).toEqual([]);
  });

  it('rejects stems too short to index', () => {
    expect(() => new PhraseMatcher().add(['ab*'], 'x')).toThrow(/stem too short/);
  });
});

describe('window walks', () => {
  it('reach back as far as the longest phrase of the lists', () => {
    const words = (p: string) => tokens(normalize(p)).length;
    let longest = 0;
    const walk = (x: unknown): void => {
      if (typeof x === 'string') longest = Math.max(longest, words(x));
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (!k.startsWith('$') && !k.startsWith('_')) walk(v);
    };
    walk(contactPhrases);
    walk(dealPhrases);
    expect(longest).toBeGreaterThan(1);
    expect(longest).toBeLessThanOrEqual(PHRASE_REACH);
  });
  it('find a hit ending within the gap before a token, a long one included, and none beyond', () => {
    const h = (i: number, j: number): Hit => ({ i, j, s: 0, e: 0, cat: 'x', id: '' } as unknown as Hit);
    // A six-word phrase ending right before the window: found only if the walk starts far enough back.
    const list = [h(1, 7), h(10, 12)];
    expect(hitEndingBefore(list, 8, 1, () => true)).toBe(list[0]);
    expect(hitEndingBefore(list, 7, 0, () => true)).toBe(list[0]);
    expect(hitEndingBefore(list, 9, 1, () => true)).toBeUndefined();
    expect(hitStartingAfter(list, 9, 1, () => true)).toBe(list[1]);
    expect(hitStartingAfter(list, 8, 1, () => true)).toBeUndefined();
  });
});
