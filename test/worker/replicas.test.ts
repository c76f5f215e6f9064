import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { openSharedSocket } from '../../local/shared-socket.js';
import type { LocalSystem } from '../../local/system.js';
import { KEYS, post, startSystem, submission } from './helpers.js';

/**
 * Two workerd processes on one port (local/shared-socket.ts, worker/replica.ts): every request
 * answered the same whichever process accepted it, every row stored once in the primary, the
 * pre-check limit counted in one place, and a replica that answers pre-checks by itself only
 * while they need no shared state.
 */
/** The tests stop the primary on its own; a second dispose of it rejects, which is expected here. */
async function stopAll(sys: LocalSystem | undefined): Promise<void> {
  if (sys) await Promise.allSettled([...sys.replicas.map((r) => r.dispose()), sys.mf.dispose()]);
}

const PHONE_TEXT = 'Great lamp, call me on +44 20 7946 0958 after six';

describe('two processes, pre-check limit off', () => {
  let sys: LocalSystem;
  beforeAll(async () => { sys = await startSystem({ processes: 2 }); });
  afterAll(() => stopAll(sys));

  it('starts one replica beside the primary, on the same port', () => {
    expect(sys.replicas).toHaveLength(1);
  });

  it('answers pre-checks and stores every submission once, over many fresh connections', async () => {
    const n = 30;
    const pre = await Promise.all(Array.from({ length: n }, () => post(sys, '/v1/precheck', submission(PHONE_TEXT))));
    const bodies = (await Promise.all(pre.map((r) => r.json()))) as any[];
    expect(pre.map((r) => r.status)).toEqual(Array(n).fill(200));
    expect(new Set(bodies.map((b) => b.publishedText))).toEqual(new Set(['Great lamp, call me on [phone removed] after six']));

    const keys = Array.from({ length: n }, (_, i) => `replica-test-${i}`);
    const subs = await Promise.all(keys.map((k) => post(sys, '/v1/submissions', submission(PHONE_TEXT), KEYS.storefront, { 'idempotency-key': k })));
    expect(subs.map((r) => r.status)).toEqual(Array(n).fill(201));
    const ids = new Set(((await Promise.all(subs.map((r) => r.json()))) as any[]).map((b) => b.id));
    expect(ids.size).toBe(n);
    const db = await sys.mf.getD1Database('DB');
    const row = await db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key LIKE 'replica-test-%'").first<{ n: number }>();
    expect(row?.n).toBe(n);
    // Each stored item reads back through whichever process takes the connection.
    const reads = await Promise.all([...ids].map((id) => sys.fetch(`/v1/submissions/${id}`, { headers: { authorization: `Bearer ${KEYS.storefront}` } })));
    expect(reads.map((r) => r.status)).toEqual(Array(n).fill(200));
  });

  it('with the primary gone, the replica still answers pre-checks, and state-bound routes get a retryable 503', async () => {
    await sys.mf.dispose();
    const pre = await post(sys, '/v1/precheck', submission(PHONE_TEXT));
    expect(pre.status).toBe(200);
    expect(((await pre.json()) as any).action).toBe('redact');
    const sub = await post(sys, '/v1/submissions', submission('Nice'), KEYS.storefront, { 'idempotency-key': 'after-primary' });
    expect(sub.status).toBe(503);
    expect(sub.headers.get('retry-after')).toBe('1');
    expect(((await sub.json()) as any).error.code).toBe('unavailable');
  });
});

describe('two processes, pre-check limit on', () => {
  let sys: LocalSystem;
  beforeAll(async () => { sys = await startSystem({ processes: 2, precheckRateLimit: 3 }); });
  afterAll(() => stopAll(sys));

  it('counts pre-checks in one place: the limit holds across both processes', async () => {
    // The local limiter counts in fixed clock minutes: start well inside one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await post(sys, '/v1/precheck', submission('Lovely lamp'));
      statuses.push(r.status);
      await r.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('the replica does not answer rate-limited pre-checks by itself', async () => {
    await sys.mf.dispose();
    const r = await post(sys, '/v1/precheck', submission('Lovely lamp'));
    expect(r.status).toBe(503);
  });
});

describe('the shared socket', () => {
  it('a port already taken is a clear error, not a quietly different port', async () => {
    const other = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => other.once('listening', r));
    const port = (other.address() as net.AddressInfo).port;
    try {
      await expect(openSharedSocket('127.0.0.1', port)).rejects.toThrow(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    } finally {
      other.close();
    }
  });

  it('listens on the port it reports, before any workerd has it', async () => {
    const shared = await openSharedSocket('127.0.0.1', 0);
    try {
      expect(shared.port).toBeGreaterThan(0);
      // The kernel completes the handshake into the backlog of a listening socket.
      const client = net.connect(shared.port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => { client.once('connect', resolve); client.once('error', reject); });
      client.destroy();
    } finally {
      shared.close();
    }
  });
});
