import net from 'node:net';
import { loadOptionsFromArgv } from './load-options.js';

/**
 * Open-loop load generator, run as its own process beside the worker: request k is due at
 * start + k/rate whatever happened to the earlier ones, and its latency is counted from when it
 * was due, not from when a free connection sent it. So a server that falls behind shows it in the
 * latencies (no coordinated omission), and the offered load is a steady rate rather than
 * autocannon's `overallRate`, which lets every connection send its whole per-second quota at the
 * top of each second and then idle (a burst of 1,000 requests, not 1,000 per second).
 *
 * It speaks HTTP/1.1 on plain sockets, one request at a time per keep-alive connection, with the
 * request bytes built once: on a 2-core machine the generator's CPU is taken from the server it
 * measures, and node:http's client cost ~0.26 ms of CPU a request (a quarter of a core at
 * 1,000/s) where this costs ~0.12 ms. It reports its own CPU so that stays visible.
 * Prints one JSON summary on stdout, in the shape of scripts/lib/cannon.ts.
 */
const TIMEOUT_MS = 10_000;
/** Scheduler tick: requests due within it go out together (Node timers have 1 ms resolution). */
const TICK_MS = 1;
/** Bytes of a refused request's body kept to read its error code from. */
const ERROR_BODY_BYTES = 512;

const opts = loadOptionsFromArgv();
const base = new URL(opts.url);
const rate = opts.rate ?? 0;
if (!(rate > 0)) throw new Error('steady load needs a rate');

const body = Buffer.from(JSON.stringify(opts.body));
const head = `POST ${opts.path} HTTP/1.1\r\nhost: ${base.host}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n${Object.entries(opts.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}`;
const sameForAll = opts.uniqueKeys ? null : Buffer.concat([Buffer.from(`${head}\r\n`), body]);
const requestBytes = (k: number): Buffer => sameForAll ?? Buffer.concat([Buffer.from(`${head}idempotency-key: ${opts.uniqueKeys}-${k}\r\n\r\n`), body]);

const total = Math.round(opts.duration * rate);
const latencies = new Float64Array(total);
// How late each request left this process: a stalled generator would pass its own pauses off as the server's.
const sendLag = new Float64Array(total);
// What each failed request met (ECONNRESET, a timeout…), so a failed run says why.
const errorCauses: Record<string, number> = {};
let done = 0, errors = 0, timeouts = 0, non2xx = 0, status2xx = 0;

interface Conn { sock: net.Socket; k: number; due: number; pending: Buffer | null; timer: NodeJS.Timeout | undefined; open: boolean }

// FIFO: each request takes the connection idle longest, so all of them stay in use. With LIFO the
// last few sat idle for seconds at 200/s, workerd closed them as idle, and a request sent on one
// just as it closed failed with ECONNRESET: the harness's race, not the server's error.
const idle: Conn[] = [];
// Requests due but not yet sent (every connection busy): [k, due], oldest first.
const queue: number[] = [];
let queueHead = 0;

let openConnections = 0;

function connect(): Conn {
  const conn: Conn = { sock: net.connect({ host: base.hostname, port: Number(base.port), noDelay: true }), k: -1, due: 0, pending: null, timer: undefined, open: true };
  openConnections++;
  conn.sock.on('data', (chunk: Buffer) => onData(conn, chunk));
  conn.sock.on('error', (e: NodeJS.ErrnoException) => drop(conn, e.code ?? e.message));
  conn.sock.on('close', () => drop(conn, 'closed by server'));
  return conn;
}

/** A connection that failed or closed: its request (if any) fails with `cause`, and a new one takes its place. */
function drop(conn: Conn, cause: string): void {
  if (!conn.open) return;
  conn.open = false;
  openConnections--;
  clearTimeout(conn.timer);
  conn.sock.destroy();
  const at = idle.indexOf(conn);
  if (at >= 0) idle.splice(at, 1);
  if (conn.k >= 0) {
    if (cause === 'timeout') timeouts++; else errors++;
    errorCauses[cause] = (errorCauses[cause] ?? 0) + 1;
    finish(conn.k, conn.due);
  }
  pump();
}

function send(conn: Conn, k: number, due: number): void {
  conn.k = k;
  conn.due = due;
  conn.timer = setTimeout(() => drop(conn, 'timeout'), TIMEOUT_MS);
  conn.sock.write(requestBytes(k));
}

/** Length of a chunked body ending at its last chunk (no trailers), or -1 while incomplete. */
function chunkedLength(buf: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return -1;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) return -2;
    const next = lineEnd + 2 + size + 2;
    if (next > buf.length) return -1;
    if (size === 0) return next - from;
    at = next;
  }
}

function onData(conn: Conn, chunk: Buffer): void {
  const buf = conn.pending ? Buffer.concat([conn.pending, chunk]) : chunk;
  conn.pending = buf;
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd < 0) return;
  const resHead = buf.toString('latin1', 0, headEnd);
  const bodyStart = headEnd + 4;
  const lengthHeader = /\r\ncontent-length:\s*(\d+)/i.exec(resHead);
  const bodyLength = lengthHeader ? Number(lengthHeader[1]) : /\r\ntransfer-encoding:\s*chunked/i.test(resHead) ? chunkedLength(buf, bodyStart) : 0;
  if (bodyLength === -2) return drop(conn, 'malformed response');
  if (bodyLength < 0 || buf.length < bodyStart + bodyLength) return;
  if (conn.k < 0) return drop(conn, 'unrequested response');
  conn.pending = null;
  clearTimeout(conn.timer);
  const status = Number(resHead.slice(9, 12));
  if (status >= 200 && status < 300) status2xx++;
  else {
    non2xx++;
    // A refused request's error code says which part refused it (a 503 from a replica that lost the primary, a 429...).
    const text = buf.toString('utf8', bodyStart, bodyStart + Math.min(bodyLength, ERROR_BODY_BYTES));
    const cause = `HTTP ${status} ${/"code":"([a-z_]+)"/.exec(text)?.[1] ?? ''}`.trim();
    errorCauses[cause] = (errorCauses[cause] ?? 0) + 1;
  }
  const k = conn.k;
  conn.k = -1;
  finish(k, conn.due);
  if (/\r\nconnection:\s*close/i.test(resHead)) drop(conn, 'closed by server');
  else { idle.push(conn); pump(); }
}

/**
 * Sends due requests on idle connections, opening one only when none is idle (up to
 * `connections`), as HTTP clients' pools do. Opening them all at once instead hands the whole
 * burst to whichever workerd process accepts first (all 16 to one of two in a trial), while a
 * connection opened when needed goes to a process that is free to accept it.
 */
function pump(): void {
  while (queueHead < queue.length && (idle.length > 0 || openConnections < opts.connections)) {
    const k = queue[queueHead++]!;
    send(idle.shift() ?? connect(), k, start + (k * 1000) / rate);
  }
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

const cpuBefore = process.cpuUsage();
const start = performance.now() + 50;
let next = 0;
function tick(): void {
  const now = performance.now();
  while (next < total && start + (next * 1000) / rate <= now) {
    sendLag[next] = now - (start + (next * 1000) / rate);
    queue.push(next);
    next++;
  }
  pump();
  if (next < total) setTimeout(tick, TICK_MS);
}
setTimeout(tick, 50);
await allDone;
const elapsed = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
for (const conn of [...idle]) { conn.open = false; conn.sock.destroy(); }

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
    // the generator's own CPU, as a share of one core over the run
    generatorCpu: Math.round(((cpu.user + cpu.system) / 1e6 / elapsed) * 1000) / 1000,
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
