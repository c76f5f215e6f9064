import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Miniflare } from 'miniflare';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { CATALOGS } from '../../moderation/messages.js';
import { LANGS } from '../../moderation/types.js';
import { post, startSystem, submission } from './helpers.js';

/** POST /v1/precheck: messages, fixes, storing and logging nothing, CORS, rate limit, size limit; the widget's assets and /demo. */

const PHONE = '+7 916 123-45-67';
const STOREFRONT = 'http://localhost:3000'; // in the local default ALLOWED_ORIGINS

const REVIEWS: Record<(typeof LANGS)[number], string> = {
  en: `The earbuds are great and the case charges fast. My number is ${PHONE} if anyone has questions about the fit.`,
  ru: `Наушники отличные, кейс заряжается быстро. Мой номер ${PHONE}, если есть вопросы по посадке.`,
  es: `Los auriculares son geniales y el estuche carga rápido. Mi número es ${PHONE} por si tienen dudas sobre el ajuste.`,
  pt: `Os fones são ótimos e o estojo carrega rápido. Meu número é ${PHONE} se tiverem dúvidas sobre o encaixe.`,
  fr: `Les écouteurs sont super et le boîtier se recharge vite. Mon numéro est le ${PHONE} si vous avez des questions.`,
  pl: `Słuchawki są świetne, etui ładuje się szybko. Mój numer to ${PHONE}, gdyby ktoś miał pytania.`,
  uk: `Навушники чудові, кейс швидко заряджається. Мій номер ${PHONE}, якщо є питання щодо посадки.`,
};

type Finding = { type: string; span?: { start: number; end: number }; message?: string; suggestion?: string; fix?: { start: number; end: number; replacement: string } };
type PrecheckBody = { action: string; publishedText: string | null; findings: Finding[]; locale: string; id?: string };

let sys: LocalSystem;
beforeAll(async () => { sys = await startSystem(); });
afterAll(async () => { await sys?.stop(); });

async function precheck(text: string, extra: Record<string, unknown> = {}): Promise<PrecheckBody> {
  const r = await post(sys, '/v1/precheck', submission(text, extra));
  expect(r.status).toBe(200);
  return (await r.json()) as PrecheckBody;
}

describe('pre-check answers', () => {
  for (const lang of LANGS) {
    it(`${lang}: the phone gets the ${lang} message and suggestion, and a fix that removes exactly it`, async () => {
      const text = REVIEWS[lang];
      const d = await precheck(text, { locale: lang });
      expect(d.id).toBeUndefined();
      expect(d.locale).toBe(lang);
      const phone = d.findings.find((f) => f.type === 'personal_data.phone');
      expect(phone, JSON.stringify(d.findings)).toBeDefined();
      expect(text.slice(phone!.span!.start, phone!.span!.end)).toBe(PHONE);
      expect(phone!.message).toBe(CATALOGS[lang]['personal_data.phone']!.message);
      expect(phone!.suggestion).toBe(CATALOGS[lang]['personal_data.phone']!.suggestion);
      const { start, end, replacement } = phone!.fix!;
      const fixed = text.slice(0, start) + replacement + text.slice(end);
      expect(fixed).not.toContain('916');
      expect(fixed).not.toMatch(/\s{2}/);
      expect(d.action).toBe('redact');
      expect(d.publishedText).toContain(text.slice(0, 20));
      expect(d.publishedText).not.toContain('916');
    });
  }

  it('a locale without messages falls back to English', async () => {
    const d = await precheck(`Die Kopfhörer sind super. Ruf mich an: ${PHONE}`, { locale: 'de-DE' });
    const phone = d.findings.find((f) => f.type === 'personal_data.phone');
    expect(phone?.message).toBe(CATALOGS.en['personal_data.phone']!.message);
  });

  it('without a locale the language is detected and the messages follow it', async () => {
    const d = await precheck(REVIEWS.ru);
    expect(d.locale).toBe('ru');
    expect(d.findings.find((f) => f.type === 'personal_data.phone')?.message).toBe(CATALOGS.ru['personal_data.phone']!.message);
  });

  it('applying the fixes one by one, re-checking each time, ends with a clean review', async () => {
    let text = `Great lamp!\nCall ${PHONE} or mail lamp.seller@example.com,\nmore at http://cheap-lamps.example.net/deal today.`;
    const first = await precheck(text, { locale: 'en' });
    const types = first.findings.map((f) => f.type);
    expect(types).toEqual(expect.arrayContaining(['personal_data.phone', 'personal_data.email', 'off_platform.link']));
    expect(first.action).toBe('redact');
    expect(first.publishedText).not.toContain('example.com');
    for (let round = 0; round < 10; round++) {
      const d = await precheck(text, { locale: 'en' });
      const next = d.findings.find((f) => f.fix);
      if (!next) break;
      const { start, end, replacement } = next.fix!;
      expect(start).toBeLessThanOrEqual(next.span!.start);
      expect(end).toBeGreaterThanOrEqual(next.span!.end);
      text = text.slice(0, start) + replacement + text.slice(end);
    }
    const last = await precheck(text, { locale: 'en' });
    expect(last.findings).toEqual([]);
    expect(last.action).toBe('publish');
    expect(last.publishedText).toBe(text);
    expect(text.startsWith('Great lamp!\n')).toBe(true);
    expect(text).not.toMatch(/916|@|http|example|[ \t]{2}/);
  });

  it('never returns moderator evidence', async () => {
    const d = await precheck(REVIEWS.en, { locale: 'en' });
    for (const f of d.findings) expect(f).not.toHaveProperty('evidence');
  });
});

describe('stores nothing, logs no text', () => {
  const CANARY = 'Zqxwvcanary';
  const lines: string[] = [];
  const record = (...args: unknown[]) => { lines.push(args.map(String).join(' ')); };
  afterEach(() => { vi.restoreAllMocks(); });

  function capture() {
    // Miniflare forwards workerd's stdout/stderr line by line to console.log / console.error.
    for (const m of ['log', 'error', 'warn', 'info', 'debug'] as const) vi.spyOn(console, m).mockImplementation(record);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => { record(chunk); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => { record(chunk); return true; });
  }

  it('the capture sees what a worker prints (so the next test can fail)', async () => {
    capture();
    const mf = new Miniflare({ modules: true, script: `export default { fetch() { console.log('${CANARY}-probe'); console.error('${CANARY}-err'); return new Response('ok'); } }` });
    try {
      await (await mf.dispatchFetch('http://localhost/')).text();
      await vi.waitFor(() => { expect(lines.join('\n')).toContain(`${CANARY}-err`); }, { timeout: 5000 });
      expect(lines.join('\n')).toContain(`${CANARY}-probe`);
    } finally {
      await mf.dispose();
    }
  });

  it('many pre-checks, good and bad, leave D1 and R2 empty and the worker output free of their text', async () => {
    lines.length = 0;
    capture();
    const text = `${CANARY} lamp, call ${PHONE}, mail ${CANARY.toLowerCase()}@example.com, see http://${CANARY.toLowerCase()}.example.net`;
    const bodies: unknown[] = [
      submission(text),
      submission(text, { locale: 'ru' }),
      submission(`${text} I will leave one star unless you refund me`),
      { ...submission(text), kind: 'essay' },      // schema error
      `{"kind":"review","text":"${CANARY}`,        // broken JSON
    ];
    for (const b of bodies) {
      const r = await post(sys, '/v1/precheck', b);
      expect(r.status).toBeLessThan(500);
      await r.arrayBuffer();
    }
    const big = await post(sys, '/v1/precheck', submission(`${CANARY} `.repeat(20_000)));
    expect(big.status).toBe(413);
    await new Promise((r) => setTimeout(r, 500)); // let workerd's output drain through the pipe
    const out = lines.join('\n');
    expect(out).not.toContain(CANARY);
    expect(out).not.toContain(CANARY.toLowerCase());
    expect(out).not.toContain('916');

    const db = await sys.mf.getD1Database('DB');
    const tables = (await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'").all<{ name: string }>()).results;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['submissions', 'audit']));
    for (const { name } of tables) {
      const row = await db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).first<{ n: number }>();
      expect(row?.n, name).toBe(0);
    }
    const r2 = await sys.mf.getR2Bucket('MEDIA');
    expect((await r2.list()).objects).toHaveLength(0);
  });
});

describe('CORS and limits', () => {
  it('answers a preflight from a configured storefront origin', async () => {
    const r = await sys.fetch('/v1/precheck', { method: 'OPTIONS', headers: { origin: STOREFRONT, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(r.headers.get('vary')).toContain('Origin');
  });

  it('refuses a preflight and a post from any other origin, with no CORS headers', async () => {
    const pre = await sys.fetch('/v1/precheck', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await pre.json()) as any).error.code).toBe('origin_not_allowed');
    const p = await post(sys, '/v1/precheck', submission('hello'), undefined, { origin: 'https://evil.example' });
    expect(p.status).toBe(403);
    expect(p.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a post from an allowed origin, or from the worker’s own pages, is answered with CORS headers as needed', async () => {
    const p = await post(sys, '/v1/precheck', submission('hello'), undefined, { origin: STOREFRONT });
    expect(p.status).toBe(200);
    expect(p.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(p.headers.get('cache-control')).toBe('no-store');
    const self = await post(sys, '/v1/precheck', submission('hello'), undefined, { origin: sys.url.origin });
    expect(self.status).toBe(200);
  });

  // The body is read from its stream in pieces (worker/errors.ts); a letter or an emoji split
  // between two pieces must arrive whole.
  it('a long text in two-, three- and four-byte characters arrives intact, sent with a length or streamed in small pieces', async () => {
    const words = 'Отличный товар, доставка быстрая — 👍🏽 日本語 ';
    const text = `${words.repeat(Math.floor(19_000 / words.length))}Мой номер ${PHONE}`;
    const bytes = new TextEncoder().encode(JSON.stringify(submission(text)));
    const withLength = await post(sys, '/v1/precheck', JSON.stringify(submission(text)));
    // 7-byte pieces cut through most multi-byte characters; no length, so the body comes chunked.
    const pieces = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (let i = 0; i < bytes.length; i += 7) ctl.enqueue(bytes.slice(i, i + 7));
        ctl.close();
      },
    });
    const streamed = await fetch(new URL('/v1/precheck', sys.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: pieces, duplex: 'half' } as RequestInit);
    for (const r of [withLength, streamed]) {
      expect(r.status).toBe(200);
      const body = (await r.json()) as PrecheckBody;
      expect(body.findings.map((f) => f.type)).toEqual(['personal_data.phone']);
      expect(body.publishedText!.slice(0, text.length - PHONE.length)).toBe(text.slice(0, text.length - PHONE.length));
    }
  });

  it('a body over the limit is 413 with a JSON error that an allowed origin can read', async () => {
    const r = await post(sys, '/v1/precheck', JSON.stringify(submission('x'.repeat(140_000))), undefined, { origin: STOREFRONT });
    expect(r.status).toBe(413);
    expect(r.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(((await r.json()) as any).error.code).toBe('payload_too_large');
  });
});

describe('rate limit', () => {
  let limited: LocalSystem;
  beforeAll(async () => { limited = await startSystem({ precheckRateLimit: 60 }); });
  afterAll(async () => { await limited?.stop(); });

  it('the 61st pre-check in a minute from one client gets 429 with a JSON error', async () => {
    // The local limiter counts in fixed clock minutes: start well inside one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100));
    const send = () => post(limited, '/v1/precheck', submission('Lovely lamp'), undefined, { origin: STOREFRONT });
    const first = await Promise.all(Array.from({ length: 60 }, send));
    expect(first.map((r) => r.status)).toEqual(Array(60).fill(200));
    await Promise.all(first.map((r) => r.arrayBuffer()));
    const over = await send();
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('60');
    expect(over.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(((await over.json()) as any).error.code).toBe('rate_limited');
    // Preflights are not counted and still pass.
    const pre = await limited.fetch('/v1/precheck', { method: 'OPTIONS', headers: { origin: STOREFRONT, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
  });
});

describe('widget assets and the demo page', () => {
  it('/widget.js is a small standalone script with a long cache', async () => {
    const r = await sys.fetch('/widget.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(Number(/max-age=(\d+)/.exec(r.headers.get('cache-control') ?? '')?.[1])).toBeGreaterThanOrEqual(86_400);
    const body = Buffer.from(await r.arrayBuffer());
    const gz = gzipSync(body).length;
    console.info(`widget.js: ${body.length} bytes, ${gz} bytes gzipped`);
    expect(gz).toBeLessThan(8 * 1024);
    const src = body.toString('utf8');
    expect(src).not.toMatch(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(src).not.toContain('__UI_STRINGS__');
    expect(() => new Function(src)).not.toThrow(); // parses as a classic script
  });

  it('/widget.json names a pinned, immutable URL whose bytes match its integrity hash', async () => {
    const m = (await (await sys.fetch('/widget.json')).json()) as { url: string; integrity: string };
    const pinned = await sys.fetch(new URL(m.url).pathname);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toContain('immutable');
    expect(pinned.headers.get('access-control-allow-origin')).toBe('*');
    const bytes = Buffer.from(await pinned.arrayBuffer());
    expect(`sha384-${createHash('sha384').update(bytes).digest('base64')}`).toBe(m.integrity);
    const latest = Buffer.from(await (await sys.fetch('/widget.js')).arrayBuffer());
    expect(latest.equals(bytes)).toBe(true);
    const again = await sys.fetch(new URL(m.url).pathname, { headers: { 'if-none-match': pinned.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await sys.fetch('/widget/0000000000000000.js')).status).toBe(404);
  });

  it('/demo?lang=ru is a Russian page under a strict CSP, loading the pinned widget with SRI', async () => {
    const m = (await (await sys.fetch('/widget.json')).json()) as { url: string; integrity: string };
    const r = await sys.fetch('/demo?lang=ru');
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await r.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Напишите отзыв');
    expect(html).toContain(`src="${new URL(m.url).pathname}" integrity="${m.integrity}"`);
    expect(html).toContain('data-locale="ru"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);         // no inline styles or handlers
    const en = await (await sys.fetch('/demo?lang=xx')).text();
    expect(en).toContain('<html lang="en">');
  });
});
