import { describe, expect, it } from 'vitest';
import { fromB64urlJson, toB64urlJson } from '../../worker/base64url.js';

describe('base64url JSON (queue cursors, session payloads)', () => {
  it('round-trips any JSON value, non-Latin text included, in URL-safe characters', () => {
    for (const v of [[1712345678, 3, 0, 'sub_01HZX'], { r: 'senior', n: 'Анна Коваль 👩🏽‍💻', e: 1 }, 'x', 0, null]) {
      const s = toB64urlJson(v);
      expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromB64urlJson(s)).toEqual(v);
    }
  });

  it('answers undefined for what is not base64url JSON', () => {
    for (const s of ['', '!!!', 'a', toB64urlJson([1]).slice(0, -2) + '$$', btoa('{"a":')]) expect(fromB64urlJson(s)).toBeUndefined();
  });
});
