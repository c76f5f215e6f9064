import { describe, expect, it } from 'vitest';
import { fold, foldCode } from './fold.js';

describe('fold', () => {
  it('drops Latin diacritics, folds ё and Cyrillic і, keeps length', () => {
    const src = 'étoile łódź ёлка і opinião';
    const out = fold(src);
    expect(out).toBe('etoile lodz елка i opiniao');
    expect(out.length).toBe(src.length);
    expect([...src].map((ch) => String.fromCharCode(foldCode(ch.charCodeAt(0)))).join('')).toBe(out);
  });
});
