import http from 'node:http';
import { loadOptionsFromArgv } from './load-options.js';

/**
 * Open-loop load generator, run as its own process (the worker gets the other core): request k
 * is due at start + k/rate whatever happened to the earlier ones, and its latency is counted from
 * when it was due, not from when a free connection sent it. So a server that falls behind shows
 * it in the latencies (no coordinated omission), and the offered load is a steady rate rather
 * than autocannon's `overallRate`, which lets every connection send its whole per-second quota
 * at the top of each second and then idle (a burst of 1,000 requests, not 1,000 per second).
 * Prints one JSON summary on stdout, in the shape of scripts/lib/cannon.ts.
 */
const TIMEOUT_MS = 10_000;
/** Scheduler tick: requests due within it go out together (Node timers have 1 ms resolution). */
const TICK_MS = 1;

const opts = loadOptionsFromArgv();
const base = new URL(opts.url);
const rate = opts.rate ?? 0;
if (!(rate > 0)) throw new Error('steady load needs a rate');

// FIFO: each request takes the socket idle longest, so all of them stay in use. With Node's
// default (LIFO) the last few sockets sat idle for seconds at 200/s, workerd closed them as idle,
// and a request sent on one just as it closed failed with ECONNRESET: the harness's race, not
// the server's error.
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections, scheduling: 'fifo' });
const body = Buffer.from(JSON.stringify(opts.body));
const total = Math.round(opts.duration * rate);
const latencies = new Float64Array(total);
// How late each request left this process: a stalled generator would pass its own pauses off as the server's.
const sendLag = new Float64Array(total);
// What each failed request met (ECONNRESET, a timeout…), so a failed run says why.
const errorCauses: Record<string, number> = {};
let done = 0, errors = 0, timeouts = 0, non2xx = 0, status2xx = 0;

function send(k: number, due: number): void {
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length, ...opts.headers };
  if (opts.uniqueKeys) headers['idempotency-key'] = `${opts.uniqueKeys}-${k}`;
  const req = http.request({ host: base.hostname, port: base.port, path: opts.path, method: 'POST', agent, headers, timeout: TIMEOUT_MS }, (res) => {
    const status = res.statusCode ?? 0;
    const ok = status >= 200 && status < 300;
    // A refused request's error code says which part refused it (a 503 from a replica that lost
    // the primary, a 429...); a short prefix of its body is enough to read it.
    let head = '';
    if (ok) res.resume(); else res.on('data', (c: Buffer) => { if (head.length < 512) head += c.toString(); });
    res.on('end', () => {
      if (ok) status2xx++;
      else {
        non2xx++;
        const cause = `HTTP ${status} ${/"code":"([a-z_]+)"/.exec(head)?.[1] ?? ''}`.trim();
        errorCauses[cause] = (errorCauses[cause] ?? 0) + 1;
      }
      finish(k, due);
    });
  });
  let timedOut = false;
  req.on('timeout', () => { timedOut = true; req.destroy(new Error('timeout')); });
  req.on('error', (e: NodeJS.ErrnoException) => {
    if (timedOut) timeouts++; else errors++;
    const cause = timedOut ? 'timeout' : e.code ?? e.message;
    errorCauses[cause] = (errorCauses[cause] ?? 0) + 1;
    finish(k, due);
  });
  req.end(body);
}

let finishResolve: () => void;
const allDone = new Promise<void>((r) => (finishResolve = r));
const settled = new Uint8Array(total);
function finish(k: number, due: number): void {
  if (settled[k]) return;
  settled[k] = 1;
  latencies[k] = performance.now() - due;
  if (++done === total) finishResolve();
}

const start = performance.now() + 50;
let next = 0;
function tick(): void {
  const now = performance.now();
  while (next < total && start + (next * 1000) / rate <= now) {
    sendLag[next] = now - (start + (next * 1000) / rate);
    send(next, start + (next * 1000) / rate);
    next++;
  }
  if (next < total) setTimeout(tick, TICK_MS);
}
setTimeout(tick, 50);
await allDone;
const elapsed = (performance.now() - start) / 1000;
agent.destroy();

const sorted = latencies.slice().sort();
const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
// The worst latency of each second: a stall shows where it happened (warm-up, GC, a neighbour).
const worstPerSecond: number[] = [];
const worstSendLagPerSecond: number[] = [];
for (let k = 0; k < total; k++) {
  const sec = Math.floor(k / rate);
  worstPerSecond[sec] = Math.max(worstPerSecond[sec] ?? 0, Math.round(latencies[k]! * 10) / 10);
  worstSendLagPerSecond[sec] = Math.max(worstSendLagPerSecond[sec] ?? 0, Math.round(sendLag[k]! * 10) / 10);
}
process.stdout.write(
  JSON.stringify({
    worstPerSecond,
    worstSendLagPerSecond,
    errorCauses,
    requests: total,
    // answered per second over the whole run, from the first request due to the last answer
    rps: Math.round((status2xx / elapsed) * 10) / 10,
    p50: pct(50),
    p99: pct(99),
    max: Math.round(sorted[sorted.length - 1]! * 10) / 10,
    errors,
    timeouts,
    non2xx,
    status2xx,
    duration: elapsed,
  }),
);
