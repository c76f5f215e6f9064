import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { review } from '../bench/texts.js';
import { ROOT, startLocal } from '../local/system.js';
import { runLoad, type LoadResult } from './lib/load.js';

/**
 * `npm run load`: holds a fixed request rate against the local worker for a fixed time, from a
 * second process, on loopback only, and checks the outcome: no errors, p99 within target, and
 * for submissions every answered request stored exactly once (rows counted afterwards).
 * Bounded: LOAD_SECONDS (default 60) per route, rates PRECHECK_RPS (1000) and SUBMIT_RPS (200).
 */
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const precheckRps = Number(process.env.PRECHECK_RPS ?? 1000);
const submitRps = Number(process.env.SUBMIT_RPS ?? 200);
// Enough connections to carry the rate at a few ms each; more only adds client-side queueing.
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);

const sys = await startLocal({ precheckRateLimit: 0, scanner: async () => new Response('not in this test', { status: 503 }) });
const body = { kind: 'review', text: review(1000, 11), author: { accountId: 'load' }, seller: { id: 'load-seller' } };
const runId = `load-${Date.now()}`;
const results: Record<string, LoadResult & { target: number; pass: boolean; rowsStored?: number }> = {};
try {
  const pre = await runLoad({ url: sys.url.origin, path: '/v1/precheck', body, headers: {}, duration: seconds, connections: CONNECTIONS, rate: precheckRps });
  results['/v1/precheck'] = { ...pre, target: precheckRps, pass: pre.errors + pre.timeouts + pre.non2xx === 0 && pre.rps >= precheckRps * 0.98 && pre.p99 < 50 };
  const sub = await runLoad({ url: sys.url.origin, path: '/v1/submissions', body, headers: { authorization: 'Bearer dev-storefront-key' }, duration: seconds, connections: CONNECTIONS, rate: submitRps, uniqueKeys: runId });
  const db = await sys.mf.getD1Database('DB');
  const rows = (await db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key LIKE ?').bind(`${runId}-%`).first<{ n: number }>())?.n ?? 0;
  // Every 2xx answer has its row (unique keys: never two); rows exceed answers only by the requests
  // still in flight when the clock stopped, at most one per connection.
  results['/v1/submissions'] = { ...sub, rowsStored: rows, target: submitRps, pass: sub.errors + sub.timeouts + sub.non2xx === 0 && sub.rps >= submitRps * 0.98 && rows >= sub.status2xx && rows - sub.status2xx <= CONNECTIONS };
} finally {
  await sys.stop();
}

console.log(`# Load test: ${seconds} s per route, loopback, ${cpus().length} cores (${cpus()[0]?.model})\n`);
console.log('route             target/s  achieved/s   p50 ms  p99 ms  max ms  errors  non-2xx  rows   result');
for (const [route, r] of Object.entries(results)) {
  console.log(`${route.padEnd(18)}${String(r.target).padStart(8)} ${r.rps.toFixed(0).padStart(11)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)} ${String(r.errors + r.timeouts).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.rowsStored ?? '-').padStart(5)}   ${r.pass ? 'PASS' : 'FAIL'}`);
}
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports', 'load.json'), JSON.stringify({ at: new Date().toISOString(), seconds, results }, null, 2));
process.exit(Object.values(results).every((r) => r.pass) ? 0 : 1);
