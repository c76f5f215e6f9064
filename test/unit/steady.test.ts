import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/lib/load.js';

/**
 * The load generator (scripts/lib/steady.ts) speaks HTTP/1.1 itself, so what it counts is tested
 * against a plain Node server: answers read by length and by chunks, refusals by status and error
 * code, connections the server closes, requests it drops, and the per-request idempotency keys.
 */
let server: http.Server;
let origin = '';
const keys: string[] = [];
const sockets = new Set<unknown>();
let closeEvery = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      if (typeof key === 'string') keys.push(key);
      if (JSON.parse(body).text !== 'hello') return void res.writeHead(400).end();
      switch (req.url) {
        case '/ok':
          return void res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' }).end('{"ok":true}');
        case '/chunked':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"ok":');
          return void setTimeout(() => res.end('true}'), 2);
        case '/refuse':
          return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable","message":"x"}}');
        case '/close':
          // every `closeEvery`-th answer says the connection ends with it
          return void res.writeHead(200, ++closeCount % closeEvery === 0 ? { connection: 'close' } : {}).end('{}');
        case '/drop':
          return void req.socket.destroy();
        default:
          return void res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
let closeCount = 0;

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const load = (path: string, extra: { uniqueKeys?: string; connections?: number } = {}) =>
  runLoad({ url: origin, path, body: { text: 'hello' }, headers: {}, duration: 0.5, rate: 200, connections: extra.connections ?? 4, ...(extra.uniqueKeys ? { uniqueKeys: extra.uniqueKeys } : {}) });

describe('steady load generator', () => {
  it('counts answers read by content-length, and opens connections only as they are needed', async () => {
    sockets.clear();
    const r = await load('/ok', { connections: 8 });
    expect(r).toMatchObject({ requests: 100, status2xx: 100, non2xx: 0, errors: 0, timeouts: 0 });
    expect(r.p99).toBeLessThan(1000);
    // one request every 5 ms against a server answering in well under that: far fewer than 8
    expect(sockets.size).toBeGreaterThan(0);
    expect(sockets.size).toBeLessThan(8);
    expect(r.generatorCpu).toBeGreaterThan(0);
  });

  it('reads chunked answers to their end', async () => {
    const r = await load('/chunked');
    expect(r).toMatchObject({ status2xx: 100, errors: 0, timeouts: 0 });
  });

  it('reports refusals by status and error code', async () => {
    const r = await load('/refuse');
    expect(r).toMatchObject({ status2xx: 0, non2xx: 100, errors: 0 });
    expect(r.errorCauses).toEqual({ 'HTTP 503 unavailable': 100 });
  });

  it('opens a new connection after the server closes one, losing no request', async () => {
    closeEvery = 7;
    sockets.clear();
    const r = await load('/close', { connections: 2 });
    expect(r).toMatchObject({ status2xx: 100, errors: 0, non2xx: 0 });
    expect(sockets.size).toBeGreaterThanOrEqual(Math.floor(100 / 7));
  });

  it('counts a request whose connection dies as an error with its cause', async () => {
    const r = await load('/drop');
    expect(r.status2xx).toBe(0);
    expect(r.errors).toBe(100);
    expect(Object.values(r.errorCauses ?? {}).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives each request its own idempotency key when asked', async () => {
    keys.length = 0;
    const r = await load('/ok', { uniqueKeys: 'run7' });
    expect(r.status2xx).toBe(100);
    expect(new Set(keys).size).toBe(100);
    expect(keys.every((k) => /^run7-\d+$/.test(k))).toBe(true);
  });
});
