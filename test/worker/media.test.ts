import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalSystem, type ScanFn } from '../../local/system.js';
import { cleanScanner, KEYS, PNG_1x1, post, startSystem, submission, waitFor } from './helpers.js';

/**
 * The media path end to end in workerd: intake, R2, the scan Queue, the scanner binding, the
 * decision once scanned, and every failure mode ending decided or queued, never published unscanned.
 */
const png = PNG_1x1.toString('base64');
const withPhoto = (text: string, extra: Record<string, unknown> = {}) =>
  submission(text, { media: [{ id: 'm-1', contentType: 'image/png', data: png }], ...extra });

async function get(sys: LocalSystem, id: string): Promise<any> {
  const r = await sys.fetch(`/v1/submissions/${id}`, { headers: { authorization: `Bearer ${KEYS.storefront}` } });
  return r.json();
}
const settled = (sys: LocalSystem, id: string) => waitFor(async () => { const d = await get(sys, id); return d.status === 'pending' ? undefined : d; }, 30_000);

/** A scanner whose behaviour each test sets. */
let behaviour: ScanFn = cleanScanner;
let calls = 0;
const switchable: ScanFn = async (req) => { calls++; return behaviour(req); };

let sys: LocalSystem;
beforeAll(async () => { sys = await startSystem({ scanner: switchable, vars: { SCAN_RETRY_DELAY_S: '0', SCAN_MAX_ATTEMPTS: '3', SCAN_TIMEOUT_MS: '1500' } }); });
afterAll(async () => { await sys?.stop(); });

describe('media intake and scanning', () => {
  it('answers pending at once, publishes nothing until scanned, then publishes a clean photo', async () => {
    behaviour = cleanScanner;
    const r = await post(sys, '/v1/submissions', withPhoto('Nice mug'), KEYS.storefront);
    expect(r.status).toBe(201);
    const first = await r.json() as any;
    expect(first.status).toBe('pending');
    expect(first.publishedText).toBeNull();
    expect(first.media).toEqual([{ id: 'm-1', status: 'pending', contentType: 'image/png' }]);
    const done = await settled(sys, first.id);
    expect(done).toMatchObject({ action: 'publish', status: 'published', publishedText: 'Nice mug' });
  });

  it('hides a submission whose photo shows a payment card', async () => {
    behaviour = async (req) => {
      await req.arrayBuffer();
      return Response.json({ mediaId: 'm-1', findings: [{ type: 'media.payment_card', detector: 'card', confidence: 0.95, mediaId: 'm-1', box: { x: 1, y: 1, width: 10, height: 5 }, action: 'hide' }] });
    };
    const r = await post(sys, '/v1/submissions', withPhoto('my card, see photo'), KEYS.storefront);
    const done = await settled(sys, (await r.json() as any).id);
    expect(done).toMatchObject({ action: 'hide', status: 'hidden', publishedText: null, reasons: ['media.payment_card'] });
  });

  it('queues for a human with media.scan_failed when the scanner is down, after its retries', async () => {
    calls = 0;
    behaviour = async () => { throw new Error('connection refused'); };
    const r = await post(sys, '/v1/submissions', withPhoto('scanner is down'), KEYS.storefront);
    const done = await settled(sys, (await r.json() as any).id);
    expect(done).toMatchObject({ action: 'queue', status: 'queued', publishedText: null });
    expect(done.reasons).toContain('media.scan_failed');
    expect(calls).toBe(3);
  });

  it('retries a scanner that is too slow, and decides once it answers', async () => {
    let n = 0;
    behaviour = async (req) => {
      n++;
      if (n === 1) await new Promise((res) => setTimeout(res, 3000));
      return cleanScanner(req);
    };
    const r = await post(sys, '/v1/submissions', withPhoto('slow scanner'), KEYS.storefront);
    const done = await settled(sys, (await r.json() as any).id);
    expect(done.status).toBe('published');
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('a redelivered scan job changes nothing and audits one scan', async () => {
    behaviour = cleanScanner;
    const r = await post(sys, '/v1/submissions', withPhoto('redelivery'), KEYS.storefront);
    const id = (await r.json() as any).id;
    await settled(sys, id);
    calls = 0;
    const queue = await sys.mf.getQueueProducer('SCAN_QUEUE');
    await queue.send({ submissionId: id, mediaId: 'm-1' });
    await queue.send({ submissionId: id, mediaId: 'm-1' });
    await new Promise((res) => setTimeout(res, 2500));
    expect(calls).toBe(0);
    const db = await sys.mf.getD1Database('DB');
    const audits = await db.prepare("SELECT COUNT(*) AS n FROM audit WHERE submission_id = ? AND event = 'media_scanned'").bind(id).first<{ n: number }>();
    expect(audits?.n).toBe(1);
  });

  it('refuses SVG and scripts as media.invalid (hidden) and queues videos unseen', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const r1 = await post(sys, '/v1/submissions', submission('svg', { media: [{ id: 's', contentType: 'image/svg+xml', data: svg }] }), KEYS.storefront);
    expect(await r1.json()).toMatchObject({ action: 'hide', status: 'hidden', reasons: ['media.invalid'] });
    // An MP4 header: ftyp box with the isom brand.
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12)]).toString('base64');
    const r2 = await post(sys, '/v1/submissions', submission('video', { media: [{ id: 'v', contentType: 'video/mp4', data: mp4 }] }), KEYS.storefront);
    expect(await r2.json()).toMatchObject({ action: 'queue', status: 'queued', reasons: ['media.video_unscanned'] });
  });

  it('accepts multipart/form-data uploads', async () => {
    behaviour = cleanScanner;
    const form = new FormData();
    form.set('submission', JSON.stringify(submission('multipart review')));
    form.append('media', new File([PNG_1x1], 'photo-1', { type: 'image/png' }));
    const r = await sys.fetch('/v1/submissions', { method: 'POST', headers: { authorization: `Bearer ${KEYS.storefront}` }, body: form });
    expect(r.status).toBe(201);
    const d = await r.json() as any;
    expect(d.media[0]).toMatchObject({ id: 'photo-1', status: 'pending' });
    expect((await settled(sys, d.id)).status).toBe('published');
  });

  it('signs and delivers a webhook when the decision changes', async () => {
    behaviour = cleanScanner;
    const received: { body: string; sig: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { received.push({ body, sig: String(req.headers['x-moderation-signature']) }); res.end('ok'); });
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const r = await post(sys, '/v1/submissions', withPhoto('webhook please', { callbackUrl: url }), KEYS.storefront);
      const id = (await r.json() as any).id;
      const hook = await waitFor(async () => received[0], 30_000);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(hook.sig) ?? [];
      expect(v1).toBe(createHmac('sha256', 'dev-webhook-secret').update(`${t}.${hook.body}`).digest('hex'));
      const body = JSON.parse(hook.body);
      expect(body.decision).toMatchObject({ id, status: 'published' });
    } finally {
      server.close();
    }
  });
});

describe('faults', () => {
  it('a D1 write failure answers 503 and a retry with the same key stores exactly one row', async () => {
    const db = await sys.mf.getD1Database('DB');
    await db.exec('ALTER TABLE author_signals RENAME TO author_signals_away');
    let r: Response;
    try {
      r = await post(sys, '/v1/submissions', submission('storage hiccup'), KEYS.storefront, { 'idempotency-key': 'fault-d1' });
    } finally {
      await db.exec('ALTER TABLE author_signals_away RENAME TO author_signals');
    }
    expect(r.status).toBe(503);
    expect((await r.json() as any).error.code).toBe('storage_unavailable');
    const again = await post(sys, '/v1/submissions', submission('storage hiccup'), KEYS.storefront, { 'idempotency-key': 'fault-d1' });
    expect(again.status).toBe(201);
    const n = await db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key = 'fault-d1'").first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it('a restart mid-scan loses nothing: the scan resumes and the item is decided once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mod-restart-'));
    let release: (() => void) | undefined;
    // Answers only after the system is gone; a Response (not a throw) so nothing rejects into a disposed runtime.
    const hanging: ScanFn = async () => { await new Promise<void>((res) => (release = res)); return new Response('gone', { status: 503 }); };
    try {
      const a = await startLocal({ persistTo: dir, scanner: hanging, precheckRateLimit: 0 });
      const r = await post(a, '/v1/submissions', withPhoto('restart me'), KEYS.storefront);
      const id = (await r.json() as any).id;
      await waitFor(async () => (release ? true : undefined), 15_000);
      await a.stop();
      release?.();
      const b = await startLocal({ persistTo: dir, scanner: cleanScanner, precheckRateLimit: 0, vars: { SCAN_RETRY_DELAY_S: '0' } });
      try {
        const done = await settled(b, id);
        expect(done.status).toBe('published');
        const db = await b.mf.getD1Database('DB');
        const n = await db.prepare("SELECT COUNT(*) AS n FROM audit WHERE submission_id = ? AND event = 'media_scanned'").bind(id).first<{ n: number }>();
        expect(n?.n).toBe(1);
      } finally {
        await b.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
