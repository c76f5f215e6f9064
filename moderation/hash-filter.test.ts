import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashFilter } from './hash-filter.js';

describe('HashFilter', () => {
  it('never turns away a word it holds, read in place or from a running hash', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (words, before, after) => {
        const f = new HashFilter(words);
        for (const w of words) {
          const text = before + w + after;
          expect(f.mayHold(text, before.length, before.length + w.length)).toBe(true);
          let h = 0;
          for (let k = 0; k < w.length; k++) h = HashFilter.step(h, w.charCodeAt(k));
          expect(f.mayHoldHash(h)).toBe(true);
        }
      }),
    );
  });

  it('turns away most other words (the point of it)', () => {
    const f = new HashFilter(['com', 'net', 'org', 'shop']);
    const others = Array.from({ length: 1000 }, (_, k) => `word${k}`);
    expect(others.filter((w) => f.mayHold(w, 0, w.length)).length).toBeLessThan(10);
  });
});
