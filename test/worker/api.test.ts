import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalSystem } from '../../local/system.js';
import { cleanScanner, KEYS, post, startSystem, submission } from './helpers.js';

let sys: LocalSystem;
beforeAll(async () => { sys = await startSystem(); });
afterAll(async () => { await sys?.stop(); });

describe('contract routes', () => {
  it('pre-check redacts an email, with a span on the original text, and stores nothing', async () => {
    const text = 'mail me at ann@example.com';
    const res = await post(sys, '/v1/precheck', submission(text));
    expect(res.status).toBe(200);
    const d = await res.json() as any;
    expect(d.action).toBe('redact');
    expect(d.id).toBeUndefined();
    const email = d.findings.find((f: any) => f.type === 'personal_data.email');
    expect(text.slice(email.span.start, email.span.end)).toBe('ann@example.com');
    expect(d.publishedText).not.toContain('ann@example.com');
    expect(d.publishedText.startsWith('mail me at ')).toBe(true);
    const db = await sys.mf.getD1Database('DB');
    const n = await db.prepare('SELECT COUNT(*) AS n FROM submissions').first<{ n: number }>();
    expect(n?.n).toBe(0);
  });

  it('stores a submission and returns it by id', async () => {
    const res = await post(sys, '/v1/submissions', submission('Lovely lamp, bright and warm.'), KEYS.storefront);
    expect(res.status).toBe(201);
    const d = await res.json() as any;
    expect(d.id).toMatch(/^sub_/);
    expect(d).toMatchObject({ action: 'publish', status: 'published', publishedText: 'Lovely lamp, bright and warm.', findings: [], reasons: [] });
    const got = await sys.fetch(`/v1/submissions/${d.id}`, { headers: { authorization: `Bearer ${KEYS.storefront}` } });
    expect(got.status).toBe(200);
    expect((await got.json() as any).id).toBe(d.id);
  });

  it('an Idempotency-Key makes a retry return the first result and store one row', async () => {
    const body = submission('Call me on +44 7911 123456 about the order');
    const a = await post(sys, '/v1/submissions', body, KEYS.storefront, { 'idempotency-key': 'k-retry-1' });
    const b = await post(sys, '/v1/submissions', body, KEYS.storefront, { 'idempotency-key': 'k-retry-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    const [da, db] = [await a.json() as any, await b.json() as any];
    expect(db.id).toBe(da.id);
    expect(db).toEqual(da);
    const d1 = await sys.mf.getD1Database('DB');
    const n = await d1.prepare('SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key = ?').bind('k-retry-1').first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it('many concurrent posts with one key store one row and all answer the same id', async () => {
    const body = submission('Same request, sent twelve times at once');
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => post(sys, '/v1/submissions', body, KEYS.storefront, { 'idempotency-key': 'k-parallel' })),
    );
    const ids = new Set<string>();
    for (const r of answers) {
      expect([200, 201]).toContain(r.status);
      ids.add((await r.json() as any).id);
    }
    expect(ids.size).toBe(1);
    const d1 = await sys.mf.getD1Database('DB');
    const n = await d1.prepare('SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key = ?').bind('k-parallel').first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it('refuses an Idempotency-Key reused with another body', async () => {
    await post(sys, '/v1/submissions', submission('first body'), KEYS.storefront, { 'idempotency-key': 'k-reuse' });
    const r = await post(sys, '/v1/submissions', submission('second body'), KEYS.storefront, { 'idempotency-key': 'k-reuse' });
    expect(r.status).toBe(422);
    expect((await r.json() as any).error.code).toBe('idempotency_key_reused');
  });

  it('stores seller ties only as keyed hashes', async () => {
    const r = await sys.fetch('/v1/sellers/s-55/ties', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.storefront}` },
      body: JSON.stringify({ accountIds: ['s-55-owner'], signals: { deviceIds: ['d-77'], ips: ['203.0.113.9'] } }),
    });
    expect(r.status).toBe(200);
    const d1 = await sys.mf.getD1Database('DB');
    const rows = (await d1.prepare('SELECT kind, hash FROM seller_ties WHERE seller_id = ?').bind('s-55').all<{ kind: string; hash: string }>()).results;
    expect(rows.map((x) => x.kind).sort()).toEqual(['account', 'device', 'ip']);
    for (const row of rows) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.hash).not.toContain('d-77');
    }
  });

  it('queues a review ring and puts its earlier members back in front of a moderator', async () => {
    const ids: string[] = [];
    for (const account of ['ring-a', 'ring-b', 'ring-c']) {
      const r = await post(sys, '/v1/submissions', submission('Great seller, fast shipping', { author: { accountId: account, signals: { deviceId: 'shared-device' } }, seller: { id: 'ring-seller' } }), KEYS.storefront);
      ids.push((await r.json() as any).id);
    }
    const get = async (id: string) => (await (await sys.fetch(`/v1/submissions/${id}`, { headers: { authorization: `Bearer ${KEYS.storefront}` } })).json()) as any;
    const last = await get(ids[2]!);
    expect(last.status).toBe('queued');
    const ring = last.findings.find((f: any) => f.evidence?.subtype === 'ring');
    expect(ring.type).toBe('seller_tie.undisclosed');
    expect(ring.evidence.linkedAccounts).toHaveLength(3);
    for (const id of ids.slice(0, 2)) expect((await get(id)).status).toBe('queued');
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const r = await sys.fetch('/openapi.json');
    const doc = await r.json() as any;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.schemas.Submission.properties.kind.enum).toEqual(['review', 'question', 'answer']);
    expect(Object.keys(doc.paths)).toContain('/v1/submissions');
  });
});

describe('bad input gets a clear 4xx', () => {
  const cases: [string, string | object, number, string][] = [
    ['not JSON', '{"kind":', 400, 'invalid_json'],
    ['wrong kind', submission('x', { kind: 'poem' }), 400, 'invalid_request'],
    ['missing author', { kind: 'review', text: 'x', seller: { id: 's' } }, 400, 'invalid_request'],
    ['text too long', submission('a'.repeat(20_001)), 400, 'invalid_request'],
    ['empty text, no media', submission('   '), 400, 'invalid_request'],
    ['unknown field', submission('x', { extra: 1 }), 400, 'invalid_request'],
    ['array body', '[1,2,3]', 400, 'invalid_request'],
    ['deeply nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400, 'invalid_request'],
    ['bad base64 media', submission('x', { media: [{ id: 'm', contentType: 'image/png', data: '!!!' }] }), 400, 'invalid_base64'],
  ];
  for (const [name, body, status, code] of cases) {
    it(name, async () => {
      const r = await post(sys, '/v1/submissions', body, KEYS.storefront);
      expect(r.status).toBe(status);
      const j = await r.json() as any;
      expect(j.error.code).toBe(code);
    });
  }
  it('a wrong content type is 415', async () => {
    const r = await sys.fetch('/v1/submissions', { method: 'POST', headers: { authorization: `Bearer ${KEYS.storefront}`, 'content-type': 'text/plain' }, body: 'hi' });
    expect(r.status).toBe(415);
  });
  it('a body over the pre-check limit is 413', async () => {
    const r = await post(sys, '/v1/precheck', submission('a'.repeat(19_000), { productId: 'p'.repeat(150), orderId: 'x'.repeat(150) }).text.repeat(10));
    expect(r.status).toBe(413);
  });
  it('an unknown submission is 404', async () => {
    const r = await sys.fetch('/v1/submissions/sub_nope', { headers: { authorization: `Bearer ${KEYS.storefront}` } });
    expect(r.status).toBe(404);
  });
});

describe('state persists across restarts', () => {
  it('keeps a stored submission after the system restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mod-persist-'));
    try {
      const first = await startLocal({ persistTo: dir, scanner: cleanScanner, precheckRateLimit: 0 });
      const r = await post(first, '/v1/submissions', submission('persist me'), KEYS.storefront, { 'idempotency-key': 'persist-1' });
      const id = (await r.json() as any).id;
      await first.stop();
      const second = await startLocal({ persistTo: dir, scanner: cleanScanner, precheckRateLimit: 0 });
      try {
        const again = await post(second, '/v1/submissions', submission('persist me'), KEYS.storefront, { 'idempotency-key': 'persist-1' });
        expect(again.status).toBe(200);
        expect((await again.json() as any).id).toBe(id);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
