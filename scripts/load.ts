import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { review } from '../bench/texts.js';
import { defaultProcesses, ROOT, startLocal } from '../local/system.js';
import { runLoad, type LoadResult } from './lib/load.js';

/**
 * `npm run load`: holds a steady request rate against the local worker for a fixed time, from a
 * second process, on loopback only (scripts/lib/steady.ts: open loop, latency counted from when
 * each request was due), and checks the outcome: no errors, p99 within target, and for
 * submissions every answered request stored exactly once (rows counted afterwards).
 * Bounded: LOAD_SECONDS (default 60) per route after WARMUP_SECONDS (10), rates PRECHECK_RPS
 * (1000) and SUBMIT_RPS (200), LOAD_CONNECTIONS (16).
 */
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const precheckRps = Number(process.env.PRECHECK_RPS ?? 1000);
const submitRps = Number(process.env.SUBMIT_RPS ?? 200);
// Enough connections to carry the rate at a few ms each; more only adds client-side queueing.
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);

// A deployed worker is warm; a fresh local one compiles the pipeline on its first thousands of
// requests. Each route first gets WARMUP_SECONDS at its rate, reported apart and not judged.
const warmup = Number(process.env.WARMUP_SECONDS ?? 10);

const processes = defaultProcesses();
const sys = await startLocal({ precheckRateLimit: 0, processes, scanner: async () => new Response('not in this test', { status: 503 }) });
const body = { kind: 'review', text: review(1000, 11), author: { accountId: 'load' }, seller: { id: 'load-seller' } };
const runId = `load-${Date.now()}`;
const results: Record<string, LoadResult & { target: number; pass: boolean; rowsStored?: number; warmup?: LoadResult }> = {};
try {
  const preWarm = warmup > 0 ? await runLoad({ url: sys.url.origin, path: '/v1/precheck', body, headers: {}, duration: warmup, connections: CONNECTIONS, rate: precheckRps }) : undefined;
  const pre = await runLoad({ url: sys.url.origin, path: '/v1/precheck', body, headers: {}, duration: seconds, connections: CONNECTIONS, rate: precheckRps });
  results['/v1/precheck'] = { ...pre, target: precheckRps, warmup: preWarm, pass: pre.errors + pre.timeouts + pre.non2xx === 0 && pre.rps >= precheckRps * 0.98 && pre.p99 < 50 };
  // Warm-up submissions carry their own keys: rows are counted for the judged run only.
  const subWarm = warmup > 0 ? await runLoad({ url: sys.url.origin, path: '/v1/submissions', body, headers: { authorization: 'Bearer dev-storefront-key' }, duration: warmup, connections: CONNECTIONS, rate: submitRps, uniqueKeys: `${runId}w` }) : undefined;
  const sub = await runLoad({ url: sys.url.origin, path: '/v1/submissions', body, headers: { authorization: 'Bearer dev-storefront-key' }, duration: seconds, connections: CONNECTIONS, rate: submitRps, uniqueKeys: runId });
  const db = await sys.mf.getD1Database('DB');
  const rows = (await db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key LIKE ?').bind(`${runId}-%`).first<{ n: number }>())?.n ?? 0;
  // Every 2xx answer has its row (unique keys: never two); rows exceed answers only by the requests
  // still in flight when the clock stopped, at most one per connection.
  results['/v1/submissions'] = { ...sub, warmup: subWarm, rowsStored: rows, target: submitRps, pass: sub.errors + sub.timeouts + sub.non2xx === 0 && sub.rps >= submitRps * 0.98 && rows >= sub.status2xx && rows - sub.status2xx <= CONNECTIONS };
} finally {
  await sys.stop();
}

console.log(`# Load test: ${seconds} s per route after ${warmup} s of warm-up, a steady open-loop rate, loopback, ${cpus().length} cores (${cpus()[0]?.model})\n`);
console.log('route             target/s  achieved/s   p50 ms  p99 ms  max ms  errors  non-2xx  rows   result');
for (const [route, r] of Object.entries(results)) {
  console.log(`${route.padEnd(18)}${String(r.target).padStart(8)} ${r.rps.toFixed(0).padStart(11)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)} ${String(r.errors + r.timeouts).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.rowsStored ?? '-').padStart(5)}   ${r.pass ? 'PASS' : 'FAIL'}`);
}
console.log('\nworst latency (ms) in each second of the judged run:');
for (const [route, r] of Object.entries(results)) console.log(`${route.padEnd(18)}${(r.worstPerSecond ?? []).map((x) => Math.round(x)).join(' ')}`);
console.log('\nthe generator (its own stalls would pass for the server\'s; its CPU is taken from the server\'s cores):');
for (const [route, r] of Object.entries(results)) console.log(`${route.padEnd(18)}worst send lag ${Math.round(Math.max(0, ...(r.worstSendLagPerSecond ?? [])))} ms, CPU ${r.generatorCpu === undefined ? '?' : `${Math.round(r.generatorCpu * 100)}% of a core`}`);
for (const [route, r] of Object.entries(results)) {
  const causes: Record<string, number> = {};
  for (const part of [r.warmup?.errorCauses, r.errorCauses]) for (const [k, n] of Object.entries(part ?? {})) causes[k] = (causes[k] ?? 0) + n;
  if (Object.keys(causes).length) console.log(`\n${route} failed requests by cause (warm-up and judged run): ${Object.entries(causes).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
}
console.log('\nwarm-up (not judged):');
for (const [route, r] of Object.entries(results)) if (r.warmup) console.log(`${route.padEnd(18)}${r.warmup.rps.toFixed(0)}/s  p50 ${r.warmup.p50} ms  p99 ${r.warmup.p99} ms  max ${r.warmup.max} ms  errors ${r.warmup.errors + r.warmup.timeouts + r.warmup.non2xx}`);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports', 'load.json'), JSON.stringify({ at: new Date().toISOString(), seconds, results }, null, 2));
process.exit(Object.values(results).every((r) => r.pass) ? 0 : 1);
