import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, type LocalSystem } from '../../local/system.js';
import { KEYS, startSystem } from './helpers.js';

/**
 * POST /console/login is throttled per client by the LOGIN_LIMITER rate-limit binding
 * (worker/console/login-limit.ts): N attempts a minute, then 429 with Retry-After, a readable page
 * for browsers and the contract's JSON error for other clients; other clients are not affected;
 * failures all look alike and the key is never logged; without the binding it fails open.
 * Clients are told apart by cf-connecting-ip, which locally only the test sets.
 */

const LIMIT = 5;
const A = '198.51.100.7';
const B = '203.0.113.9';
const HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

async function loginForm(sys: LocalSystem): Promise<{ cookie: string; csrf: string }> {
  const r = await sys.fetch('/console/login');
  await r.arrayBuffer();
  const csrf = /mod_login_csrf=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  if (!csrf) throw new Error('no log-in cookie');
  return { cookie: `mod_login_csrf=${csrf}`, csrf };
}

async function logIn(sys: LocalSystem, key: string, ip: string | undefined, accept = HTML): Promise<Response> {
  const { cookie, csrf } = await loginForm(sys);
  return sys.fetch('/console/login', {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded', cookie, accept,
      ...(ip ? { 'cf-connecting-ip': ip } : {}),
    },
    body: new URLSearchParams({ _csrf: csrf, next: '/console', key }).toString(),
  });
}

/** The local limiter counts in fixed clock minutes: start well inside one. */
async function freshMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 100));
}

const flash = (html: string) => /role="alert"[^>]*>([^<]*)</.exec(html)?.[1];

/** Worker output (Miniflare forwards workerd's stdout/stderr to the console). */
const lines: string[] = [];
function capture() {
  const record = (...args: unknown[]) => { lines.push(args.map(String).join(' ')); };
  for (const m of ['log', 'error', 'warn', 'info', 'debug'] as const) vi.spyOn(console, m).mockImplementation(record);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => { record(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => { record(chunk); return true; });
}
afterEach(() => { vi.restoreAllMocks(); });

it('wrangler.toml declares the LOGIN_LIMITER binding (without it the log-in is unthrottled)', () => {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  expect(toml).toMatch(/\[\[ratelimits\]\]\s*\nname = "LOGIN_LIMITER"\s*\nnamespace_id = "\d+"\s*\nsimple = \{ limit = \d+, period = 60 \}/);
});

describe('with the limiter', () => {
  let sys: LocalSystem;
  beforeAll(async () => { sys = await startSystem({ loginRateLimit: LIMIT }); });
  afterAll(async () => { await sys?.stop(); });

  it(`${LIMIT} bad keys from one client, then 429 for it (even with the right key); another client still logs in`, async () => {
    await freshMinute();
    lines.length = 0;
    capture();
    const SECRET_GUESS = 'Zqxwv-guess-key';
    for (let i = 0; i < LIMIT; i++) {
      const r = await logIn(sys, `${SECRET_GUESS}-${i}`, A);
      expect(r.status).toBe(401);
      expect(flash(await r.text())).toBe('That is not a moderator key.');
    }
    const over = await logIn(sys, `${SECRET_GUESS}-x`, A);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('60');
    expect(over.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await over.text();
    expect(flash(page)).toMatch(/Too many log-in attempts.*Wait a minute/);
    expect(page).toContain('name="key"'); // the form is still there for later
    expect(over.headers.get('set-cookie')).not.toMatch(/mod_session/);

    // A non-browser client gets the contract's error shape.
    const api = await logIn(sys, `${SECRET_GUESS}-y`, A, 'application/json');
    expect(api.status).toBe(429);
    expect(api.headers.get('retry-after')).toBe('60');
    expect(await api.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many log-in attempts/) } });

    // The right key from the throttled client is refused too: a throttled client learns nothing.
    const right = await logIn(sys, KEYS.moderator, A);
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie') ?? '').not.toMatch(/mod_session/);

    // Another client is not affected.
    const other = await logIn(sys, KEYS.moderator, B);
    expect(other.status).toBe(303);
    expect(other.headers.get('location')).toBe('/console');
    expect(other.headers.get('set-cookie')).toMatch(/mod_session=/);

    await new Promise((r) => setTimeout(r, 500)); // let workerd's output drain through the pipe
    const out = lines.join('\n');
    expect(out).toContain('login_throttled');
    expect(out).not.toContain(SECRET_GUESS);
    expect(out).not.toContain(KEYS.moderator);
    expect(out).not.toContain(A);
  });

  it('an unknown key and a storefront key fail alike (nothing says which part was wrong)', async () => {
    const answers = [];
    for (const key of ['not-a-key', KEYS.storefront, '', 'x'.repeat(600)]) {
      const r = await logIn(sys, key, '192.0.2.44');
      answers.push({ status: r.status, flash: flash(await r.text()) });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 401, flash: 'That is not a moderator key.' });
  });

  it('a stale form does not count as an attempt', async () => {
    await freshMinute();
    const ip = '192.0.2.77';
    for (let i = 0; i < LIMIT + 3; i++) {
      const r = await sys.fetch('/console/login', {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip, accept: HTML },
        body: new URLSearchParams({ _csrf: 'forged', key: 'guess' }).toString(),
      });
      expect(r.status).toBe(403);
      await r.arrayBuffer();
    }
    expect((await logIn(sys, KEYS.senior, ip)).status).toBe(303);
  });
});

describe('without the limiter binding', () => {
  let sys: LocalSystem;
  beforeAll(async () => { sys = await startSystem({ loginRateLimit: 0 }); });
  afterAll(async () => { await sys?.stop(); });

  it('fails open: log-ins keep working, and every attempt logs that the limiter is unavailable', async () => {
    lines.length = 0;
    capture();
    for (let i = 0; i < 15; i++) {
      const r = await logIn(sys, `Zqxwv-open-${i}`, A);
      expect(r.status).toBe(401);
      await r.arrayBuffer();
    }
    const ok = await logIn(sys, KEYS.admin, A);
    expect(ok.status).toBe(303);
    await new Promise((r) => setTimeout(r, 500));
    const out = lines.join('\n');
    expect(out.match(/login_limiter_unavailable/g)?.length).toBeGreaterThanOrEqual(16);
    expect(out).not.toContain('Zqxwv-open');
  });
});
