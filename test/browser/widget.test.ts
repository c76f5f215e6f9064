import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { CATALOGS } from '../../moderation/messages.js';
import widgetStrings from '../../worker/widget/widget-strings.json';
import { startSystem } from '../worker/helpers.js';

/**
 * The pre-check widget in headless Chromium: on the /demo page (strict CSP, Trusted Types) in
 * two languages, and on a third-party storefront page on another origin with NO CSP — where
 * any markup injected through an HTML sink would run, so "nothing ran" means something.
 */

// The callbacks given to page.evaluate / waitForFunction run in the page; the Node type-check has
// no DOM library, so the few page globals they touch are declared here, untyped.
declare const window: any, document: any, getComputedStyle: any;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HAVE_BROWSER = existsSync(CHROMIUM);

if (!HAVE_BROWSER && process.env.REQUIRE_BROWSER !== '1') {
  console.warn(`\n*** BROWSER TESTS DID NOT RUN: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this a failure. ***\n`);
}

describe.runIf(!HAVE_BROWSER && process.env.REQUIRE_BROWSER === '1')('browser required', () => {
  it('Chromium is installed', () => {
    throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
  });
});

const PHONE = '+7 916 123-45-67';
const LINK = 'http://cheap-earbuds.example.net/photos';
const UI = widgetStrings as Record<string, Record<string, string>>;

describe.skipIf(!HAVE_BROWSER)('pre-check widget in Chromium', () => {
  let sys: LocalSystem;
  let shop: Server;
  let shopOrigin: string;
  let shopPage = '';
  let profile: string;
  let ctx: BrowserContext;

  beforeAll(async () => {
    // A storefront on its own origin: the widget is loaded cross-origin and calls the worker with CORS.
    shop = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(shopPage); });
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopOrigin = `http://localhost:${(shop.address() as AddressInfo).port}`;
    sys = await startSystem({ vars: { ALLOWED_ORIGINS: shopOrigin } });
    profile = mkdtempSync(join(tmpdir(), 'precheck-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  });

  afterAll(async () => {
    await ctx?.close();
    await sys?.stop();
    await new Promise((r) => shop?.close(r));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A new tab that records the widget's results and any error the page reports (CSP and Trusted Types violations included). */
  async function open(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    await page.addInitScript(() => {
      const w = window;
      w.__results = [];
      document.addEventListener('precheck:result', (e: any) => {
        w.__results.push({ text: e.target.value, res: e.detail });
      });
    });
    await page.goto(url);
    await page.waitForFunction(() => 'MarketplacePrecheck' in window && document.querySelector('.mp-precheck') !== null);
    return { page, errors };
  }

  /** Waits until the widget has answered for exactly what is in the textarea now. */
  async function settled(page: Page) {
    await page.waitForFunction(() => {
      const ta = document.querySelector('textarea[data-precheck]')!;
      const panel = document.querySelector('.mp-precheck')!;
      const results: { text: string }[] = window.__results;
      return panel.dataset.state === 'done' && results.at(-1)?.text === ta.value;
    }, undefined, { timeout: 15_000 });
  }

  const state = (page: Page) => page.evaluate(() => ({
    value: document.querySelector('textarea[data-precheck]')!.value,
    marks: [...document.querySelectorAll('[data-precheck-overlay] mark')].map((m: any) => m.textContent as string),
    messages: [...document.querySelectorAll('.mp-precheck-message')].map((m: any) => m.textContent as string),
    status: document.querySelector('.mp-precheck-status')!.textContent,
    buttons: document.querySelectorAll('.mp-precheck-fix').length,
  }));

  const REVIEWS = {
    en: `Lovely earbuds, the bass is deep.\nMy number is ${PHONE}, more photos at ${LINK} if you need them.`,
    ru: `Отличные наушники, бас глубокий.\nМой номер ${PHONE}, больше фото здесь ${LINK} если нужно.`,
  } as const;

  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: typing a phone and a link highlights both with ${lang} messages; one click each removes them`, async () => {
      const { page, errors } = await open(`${sys.url.origin}/demo?lang=${lang}`);
      try {
        await page.locator('#review').click();
        await page.keyboard.type(REVIEWS[lang]);
        await settled(page);
        const s = await state(page);
        expect(s.marks).toEqual(expect.arrayContaining([PHONE, LINK]));
        expect(s.messages).toEqual(expect.arrayContaining([
          CATALOGS[lang]['personal_data.phone']!.message,
          CATALOGS[lang]['off_platform.link']!.message,
        ]));
        expect(s.status).toBe(UI[lang]!.redact);
        expect(await page.locator('.mp-precheck-fix').first().textContent()).toBe(UI[lang]!.remove);

        // Fix everything, one click at a time; each click re-checks.
        for (let i = 0; i < 6; i++) {
          const before = await state(page);
          if (before.buttons === 0) break;
          await page.locator('.mp-precheck-fix').first().click();
          await settled(page);
        }
        const after = await state(page);
        expect(after.value).not.toContain('916');
        expect(after.value).not.toContain('example.net');
        expect(after.value.startsWith(REVIEWS[lang].split('\n')[0]!)).toBe(true);
        expect(after.marks).toEqual([]);
        expect(after.messages).toEqual([]);
        expect(after.status).toBe(UI[lang]!.ok);

        // The demo's "post" shows what would be published: the cleaned text as typed.
        await page.locator('#review-form button[type=submit]').click();
        await expect.poll(() => page.locator('#preview-text').textContent()).toBe(after.value);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('highlights stay on their characters in multi-line text after the textarea scrolls', async () => {
    const { page, errors } = await open(`${sys.url.origin}/demo?lang=en`);
    try {
      const lines = Array.from({ length: 24 }, (_, i) => `Day ${i + 1}: still works fine.`);
      const LINE = 17;
      lines[LINE] = `${PHONE} is the number to call`;
      await page.locator('#review').fill(lines.join('\n'));
      await settled(page);
      await page.evaluate(() => {
        const ta = document.querySelector('textarea')!;
        ta.scrollTop = ta.scrollHeight;
      });
      await page.waitForFunction(() => {
        const ta = document.querySelector('textarea')!;
        const o = document.querySelector('[data-precheck-overlay]')!;
        return ta.scrollTop > 0 && o.scrollTop === ta.scrollTop;
      });
      const g = await page.evaluate((line) => {
        const ta = document.querySelector('textarea')!;
        const cs = getComputedStyle(ta);
        const mark = document.querySelector('[data-precheck-overlay] mark');
        const m = mark.getBoundingClientRect();
        const r = ta.getBoundingClientRect();
        const lh = parseFloat(cs.lineHeight);
        return {
          text: mark.textContent,
          lineHeight: lh,
          markCenterY: m.top + m.height / 2,
          wantCenterY: r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) + (line + 0.5) * lh - ta.scrollTop,
          markLeft: m.left,
          wantLeft: r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
          visible: m.top >= r.top && m.bottom <= r.bottom,
          scrolled: ta.scrollTop,
        };
      }, LINE);
      expect(g.text).toBe(PHONE);
      expect(g.scrolled).toBeGreaterThan(0);
      expect(g.visible).toBe(true);
      expect(Math.abs(g.markCenterY - g.wantCenterY)).toBeLessThan(g.lineHeight / 4);
      expect(Math.abs(g.markLeft - g.wantLeft)).toBeLessThan(2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on a storefront without CSP, hostile review text and hostile server text are shown as text and never run', async () => {
    const m = (await (await sys.fetch('/widget.json')).json()) as { url: string; integrity: string };
    shopPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="${m.url}" integrity="${m.integrity}" crossorigin="anonymous" data-endpoint="${sys.url.origin}/v1/precheck" data-locale="en" defer></script>
</head><body><form><textarea data-precheck rows="4" cols="60"></textarea></form></body></html>`;
    const { page } = await open(`${shopOrigin}/product/1`);
    try {
      // Control: this page really does run markup put through an HTML sink.
      await page.evaluate(() => { const d = document.createElement('div'); d.innerHTML = '<img src=x onerror="window.__control=1">'; });
      await page.waitForFunction(() => window.__control === 1);

      const hostile = `<img src=x onerror=window.__pwned=1> call ${PHONE} <script>window.__pwned=2</script>`;
      await page.locator('textarea').click();
      await page.keyboard.type(hostile);
      await settled(page);
      const s = await state(page);
      expect(s.marks).toContain(PHONE);
      expect(await page.locator('[data-precheck-overlay]').textContent()).toBe(`${hostile} `);

      // Now the server answers with markup everywhere it can put text.
      await page.route(`${sys.url.origin}/v1/precheck`, (route) => route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': shopOrigin },
        body: JSON.stringify({
          action: 'redact', status: 'redacted', publishedText: '<img src=x onerror=window.__pwned=3>', reasons: [], locale: 'en',
          findings: [{
            type: '"><img src=x onerror=window.__pwned=4>', detector: 'x', confidence: 1, action: 'redact',
            span: { start: 0, end: 5 }, message: '<img src=x onerror=window.__pwned=5>',
            suggestion: '<b onmouseover=window.__pwned=6>bold</b>', fix: { start: 0, end: 5, replacement: '' },
          }],
        }),
      }));
      await page.keyboard.type(' ok');
      await settled(page);
      await page.waitForTimeout(300); // give any injected handler time to fire
      expect(await page.locator('.mp-precheck-message').first().textContent()).toBe('<img src=x onerror=window.__pwned=5>');
      expect(await page.locator('.mp-precheck-suggestion').first().textContent()).toBe('<b onmouseover=window.__pwned=6>bold</b>');
      const pwned = await page.evaluate(() => ({
        pwned: window.__pwned,
        injected: document.querySelectorAll('.mp-precheck img, .mp-precheck b, .mp-precheck script, [data-precheck-overlay] img, [data-precheck-overlay] script').length,
      }));
      expect(pwned).toEqual({ pwned: undefined, injected: 0 });
    } finally {
      await page.close();
    }
  });
});
