import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { KEYS, startSystem, submission } from './helpers.js';

/**
 * Random and hostile input against every route: whatever arrives, the answer is a JSON 4xx or a
 * success, never a 5xx, and the worker keeps answering. Bounded in runs.
 */
let sys: LocalSystem;
beforeAll(async () => { sys = await startSystem(); });
afterAll(async () => { await sys?.stop(); });

const hostileText = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  fc.constantFrom(
    '😀'.repeat(10_000),
    '\u0000\u0001\u0002\u001f\u007f',
    '\ud800\udc00\ud800 lone \udfff',
    '<script>alert(1)</script><img src=x onerror=alert(1)>',
    '1'.repeat(20_000),
    '+7 '.repeat(6_000),
    '.a'.repeat(9_000),
    '\u202e\u200b\u2066'.repeat(3_000),
  ),
);

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ kind: fc.constantFrom('review', 'question', 'answer', 'x'), text: hostileText, author: fc.record({ accountId: fc.string({ maxLength: 300 }) }), seller: fc.record({ id: fc.string({ maxLength: 300 }) }) }),
  hostileText.map((t) => submission(t)),
  fc.record({ kind: fc.constant('review'), text: fc.constant('x'), author: fc.anything(), seller: fc.anything(), rating: fc.anything(), locale: fc.anything(), media: fc.anything() }),
);

const rawBody = fc.oneof(
  body.map((b) => JSON.stringify(b) ?? 'null'),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.constantFrom('{"kind":"review","text":"\\ud800"}', `${'['.repeat(50_000)}`, '{"__proto__":{"admin":true},"kind":"review"}', 'null', '"str"', '1e999'),
);

async function send(method: string, path: string, raw: string, key?: string): Promise<number> {
  const r = await sys.fetch(path, { method, headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: raw });
  const text = await r.text();
  if (r.status >= 400) expect(() => JSON.parse(text)).not.toThrow();
  return r.status;
}

describe('fuzzing the routes', () => {
  const routes: [string, string, string | undefined][] = [
    ['POST', '/v1/precheck', undefined],
    ['POST', '/v1/submissions', KEYS.storefront],
    ['PUT', '/v1/sellers/s-fuzz/ties', KEYS.storefront],
  ];
  for (const [method, path, key] of routes) {
    it(`${method} ${path} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(rawBody, async (raw) => {
          const status = await send(method, path, raw, key);
          expect(status).toBeLessThan(500);
        }),
        { numRuns: 120 },
      );
    }, 120_000);
  }
  it('odd ids and paths never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), async (id) => {
        const r = await sys.fetch(`/v1/submissions/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${KEYS.storefront}` } });
        expect(r.status).toBeLessThan(500);
        const t = await sys.fetch(`/v1/sellers/${encodeURIComponent(id)}/ties`, { method: 'PUT', headers: { authorization: `Bearer ${KEYS.storefront}`, 'content-type': 'application/json' }, body: '{}' });
        expect(t.status).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
  it('still answers after the fuzzing', async () => {
    const r = await sys.fetch('/health');
    expect(r.status).toBe(200);
  });
});
