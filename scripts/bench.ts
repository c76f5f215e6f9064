import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { moderateText } from '../moderation/pipeline.js';
import { ADVERSARIAL, LONG_2K, SHORT, TYPICAL, review } from '../bench/texts.js';
import { defaultProcesses, ROOT, startLocal } from '../local/system.js';
import { runLoad } from './lib/load.js';
import { PEERS } from './lib/peers.js';

/**
 * `npm run bench`: one run, side by side, comparable run to run (fixed inputs, medians, ratios).
 *  1. text pipeline CPU inside workerd per input class (median, p99), ours in Node, and the
 *     published PII redactors in Node on the same texts, as ratios;
 *  2. HTTP throughput of /v1/precheck and /v1/submissions under a bounded load from a second
 *     process on 127.0.0.1;
 *  3. media scan times and queue list/claim latency, where those benchmarks exist.
 * `--quick` shortens the HTTP runs.
 */
const quick = process.argv.includes('--quick');

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p99: q(0.99), n: s.length };
}

function timeNode(fn: (t: string) => unknown, texts: string[], repeat: number, rounds: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      for (let i = 0; i < repeat; i++) fn(t);
      out.push((performance.now() - t0) / repeat);
    }
  }
  return out;
}

async function workerdPipeline() {
  const outfile = join(ROOT, '.state', 'build', 'bench-worker.js');
  await build({ entryPoints: [join(ROOT, 'bench', 'pipeline-worker.ts')], outfile, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', conditions: ['workerd', 'worker', 'browser', 'import'], mainFields: ['module', 'main'], minify: true, logLevel: 'silent' });
  const mf = new Miniflare({ modules: true, scriptPath: outfile, compatibilityDate: '2026-04-20', compatibilityFlags: ['nodejs_compat'], unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] });
  try {
    const run = async (texts: string[], repeat: number, rounds: number) => {
      const all: number[] = [];
      // warm-up so the JIT has seen the code paths
      await mf.dispatchFetch('http://bench/', { method: 'POST', body: JSON.stringify({ texts: texts.slice(0, 5), repeat }) });
      for (let r = 0; r < rounds; r++) {
        const res = await mf.dispatchFetch('http://bench/', { method: 'POST', body: JSON.stringify({ texts, repeat }) });
        all.push(...((await res.json()) as { perText: number[] }).perText);
      }
      return stats(all);
    };
    return {
      short: await run(SHORT, 50, 3),
      typical: await run(TYPICAL, 20, 3),
      review2k: await run(LONG_2K, 20, 3),
      adversarial20k: await run(ADVERSARIAL, 5, 10),
      // a direct socket, as `npm start` serves: no hop through Miniflare's entry worker
      inRequest: await inRequest(await mf.unsafeGetDirectURL()),
    };
  } finally {
    await mf.dispose();
  }
}

/** CPU time of each thread of a process so far (Linux /proc: utime + stime, in clock ticks of 10 ms). */
function threadTicks(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(t, Number(f[11]) + Number(f[12]));
    } catch { /* the thread ended */ }
  }
  return out;
}

/** The workerd this process started for the bench worker (its only workerd child). */
function workerdChild(): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === process.pid && stat.includes('(workerd)')) return Number(d);
    } catch { /* gone */ }
  }
  return undefined;
}

type InRequest =
  | { skipped: string }
  | { rate: number; seconds: number; requestMs: number; controlMs: number; pipelineMs: number; rounds: { request: number[]; control: number[] } };

/**
 * The pipeline's CPU inside a request: the busiest thread's CPU per request on `/request` minus
 * `/control`, each at the load test's steady 1,000 requests/s with a 1,000-character review,
 * in three alternating rounds; the median round of each (an odd count, so a real median).
 */
async function inRequest(url: URL): Promise<InRequest> {
  const pid = process.platform === 'linux' ? workerdChild() : undefined;
  if (!pid) return { skipped: 'needs Linux /proc and the workerd child process' };
  const body = { text: review(1000, 7) };
  const rate = 1000;
  const seconds = quick ? 5 : 10;
  const perRequest = async (path: string) => {
    const before = threadTicks(pid);
    const r = await runLoad({ url: url.origin, path, body, headers: {}, duration: seconds, connections: 16, rate });
    let busiest = 0;
    for (const [t, ticks] of threadTicks(pid)) busiest = Math.max(busiest, ticks - (before.get(t) ?? 0));
    return (busiest * 10) / Math.max(1, r.status2xx);
  };
  await perRequest('/request'); // warm-up: the JIT, and the word memos a real isolate would have
  const request: number[] = [];
  const control: number[] = [];
  for (let round = 0; round < 3; round++) {
    control.push(await perRequest('/control'));
    request.push(await perRequest('/request'));
  }
  const med = (xs: number[]) => stats(xs).median;
  return { rate, seconds, requestMs: med(request), controlMs: med(control), pipelineMs: med(request) - med(control), rounds: { request, control } };
}

async function httpLoad() {
  // Text-only load: the scanner is not exercised here (media has its own benchmark).
  const sys = await startLocal({ precheckRateLimit: 0, port: 0, processes: defaultProcesses(), scanner: async () => new Response('not in this benchmark', { status: 503 }) });
  try {
    const text = review(1000, 7);
    const body = { kind: 'review', text, author: { accountId: 'bench' }, seller: { id: 'bench-seller' } };
    const duration = quick ? 5 : 15;
    const pre = await runLoad({ url: sys.url.origin, path: '/v1/precheck', body, headers: {}, duration, connections: 8 });
    const sub = await runLoad({ url: sys.url.origin, path: '/v1/submissions', body, headers: { authorization: 'Bearer dev-storefront-key' }, duration, connections: 8, uniqueKeys: `bench-${Date.now()}` });
    const db = await sys.mf.getD1Database('DB');
    const rows = (await db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key LIKE 'bench-%'").first<{ n: number }>())?.n ?? 0;
    // One request at a time, end to end over a keep-alive connection, for the pre-check latency
    // target (Node's fetch adds milliseconds of client overhead of its own, so plain http is used).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const payload = JSON.stringify(body);
    const once = () => new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const r = http.request({ host: '127.0.0.1', port: Number(sys.url.port), path: '/v1/precheck', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - t0));
      });
      r.on('error', reject);
      r.end(payload);
    });
    const lat: number[] = [];
    for (let i = 0; i < 1100; i++) lat.push(await once());
    agent.destroy();
    return { precheck: pre, submissions: { ...sub, rowsStored: rows }, precheckUnloaded: stats(lat.slice(100)) };
  } finally {
    await sys.stop();
  }
}

async function optional(file: string, fn: string): Promise<unknown> {
  if (!existsSync(join(ROOT, 'scripts', `${file}.ts`))) return { skipped: `scripts/${file}.ts not present` };
  const mod = (await import(`./${file}.js`)) as Record<string, (opts: { quick: boolean; log: boolean }) => Promise<unknown>>;
  if (typeof mod[fn] !== 'function') return { skipped: `scripts/${file}.ts has no ${fn}()` };
  return mod[fn]!({ quick, log: false });
}

async function main() {
  const machine = { cpus: cpus().length, model: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`# Benchmark (${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node})\n`);

  const workerd = await workerdPipeline();
  const ours = (t: string) => moderateText({ text: t, kind: 'review' });
  const node = {
    ours: { typical: stats(timeNode(ours, TYPICAL, 20, 3)), review2k: stats(timeNode(ours, LONG_2K, 20, 3)) },
    peers: Object.fromEntries(PEERS.map((p) => [p.name, { typical: stats(timeNode((t) => p.redact(t), TYPICAL, 20, 3)), review2k: stats(timeNode((t) => p.redact(t), LONG_2K, 20, 3)) }])),
  };
  const ms = (x: number) => x.toFixed(3).padStart(8);
  console.log('## Text pipeline, per input, ms of CPU (inside workerd)');
  console.log('input                 median      p99');
  const { inRequest: inReq, ...loops } = workerd;
  for (const [k, v] of Object.entries(loops)) console.log(`${k.padEnd(18)}${ms(v.median)} ${ms(v.p99)}`);
  if ('pipelineMs' in inReq) {
    console.log(`in a request (1,000 chars, ${inReq.rate}/s, thread CPU per request): pipeline ${inReq.pipelineMs.toFixed(3)} ms = route ${inReq.requestMs.toFixed(3)} - control ${inReq.controlMs.toFixed(3)}`);
  } else console.log(`in a request: ${inReq.skipped}`);
  console.log('\n## Same texts in Node: ours vs published redactors (median ms; ratio = ours / peer)');
  for (const [name, p] of Object.entries(node.peers)) {
    console.log(`${name.padEnd(18)} typical ${ms(p.typical.median)}  2k ${ms(p.review2k.median)}   ratio typical ${(node.ours.typical.median / p.typical.median).toFixed(1)}×, 2k ${(node.ours.review2k.median / p.review2k.median).toFixed(1)}×`);
  }
  console.log(`${'ours (node)'.padEnd(18)} typical ${ms(node.ours.typical.median)}  2k ${ms(node.ours.review2k.median)}`);

  const h = await httpLoad();
  console.log('\n## HTTP on local workerd, load from a second process on 127.0.0.1 (8 connections)');
  console.log('route               req/s     p50 ms   p99 ms   errors  non-2xx');
  for (const [k, v] of [['/v1/precheck', h.precheck], ['/v1/submissions', h.submissions]] as const) {
    console.log(`${k.padEnd(18)}${v.rps.toFixed(0).padStart(7)} ${String(v.p50).padStart(9)} ${String(v.p99).padStart(8)} ${String(v.errors + v.timeouts).padStart(8)} ${String(v.non2xx).padStart(8)}`);
  }
  console.log(`submissions stored: ${h.submissions.rowsStored} rows for ${h.submissions.status2xx} 2xx answers`);
  console.log(`pre-check unloaded, 1,000 chars: median ${h.precheckUnloaded.median.toFixed(2)} ms, p99 ${h.precheckUnloaded.p99.toFixed(2)} ms`);

  const media = await optional('bench-media', 'benchMedia');
  const queue = await optional('bench-queue', 'benchQueue');
  console.log('\n## Media scan (one OCR slot; ms)');
  for (const [k, v] of Object.entries(media as Record<string, { totalMs?: { median: number; max: number }; breakdownMedianMs?: Record<string, number>; skipped?: string }>)) {
    if (!v.totalMs) { console.log(`${k}: ${JSON.stringify(v)}`); continue; }
    const parts = v.breakdownMedianMs ? Object.entries(v.breakdownMedianMs).map(([p, x]) => `${p.replace('Ms', '')} ${x.toFixed(0)}`).join(', ') : '';
    console.log(`${k.padEnd(40)} median ${v.totalMs.median.toFixed(0).padStart(5)}  max ${v.totalMs.max.toFixed(0).padStart(5)}${parts ? `   (${parts})` : ''}`);
  }
  console.log('\n## Moderation queue (local D1)');
  const q = queue as Record<string, { median?: number; p99?: number }>;
  for (const [k, v] of Object.entries(q)) if (v && typeof v === 'object' && 'median' in v) console.log(`${k.padEnd(14)} median ${v.median!.toFixed(1).padStart(6)} ms  p99 ${v.p99!.toFixed(1).padStart(6)} ms`);

  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  const report = { at: new Date().toISOString(), machine, workerd, node, http: h, media, queue };
  writeFileSync(join(ROOT, 'reports', 'bench.json'), JSON.stringify(report, null, 2));
  console.log('\nreport: reports/bench.json');
  process.exit(0);
}

await main();
