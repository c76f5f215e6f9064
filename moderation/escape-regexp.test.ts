import { describe, expect, it } from 'vitest';
import { escapeRegExp } from './escape-regexp.js';

describe('escapeRegExp', () => {
  it.each(['a.b', 'r$', '(x)', 'a|b', '[+]', 'c:\\d', '^*?{2}', 'plain'])('matches %s literally and nothing else', (w) => {
    const re = new RegExp(`^${escapeRegExp(w)}$`);
    expect(re.test(w)).toBe(true);
    expect(re.test(`${w}x`)).toBe(false);
  });
  it('keeps a dot from matching any character', () => {
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});
