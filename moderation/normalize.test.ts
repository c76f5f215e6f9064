import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';

describe('normalize', () => {
  it('maps full-width digits back to their original span', () => {
    const t = 'call ８９１６ now';
    const n = normalize(t);
    expect(n.text).toBe('call 8916 now');
    const s = n.text.indexOf('8916');
    expect(n.toOriginal(s, s + 4)).toEqual({ start: 5, end: 9 });
  });
  it('drops zero-width characters and keeps offsets on the original', () => {
    const t = 'a\u200Bb@x.com';
    const n = normalize(t);
    expect(n.text).toBe('ab@x.com');
    expect(n.toOriginal(0, n.text.length)).toEqual({ start: 0, end: t.length });
    expect(n.disguises(0, n.text.length).has('invisible')).toBe(true);
  });
});
