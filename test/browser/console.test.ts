import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { KEYS, PNG_1x1, startSystem } from '../worker/helpers.js';
import { api, seed } from '../worker/queue-helpers.js';

/**
 * The moderator console in headless Chromium: log in, claim, see every finding highlighted,
 * decide with two keystrokes, undo, and show that hostile reviews stay text. The hostile pages
 * are opened twice: under the console's CSP, and in a context that BYPASSES the CSP, where any
 * markup that escaped hono/jsx's escaping would run — so "nothing ran" tests the escaping itself.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HAVE_BROWSER = existsSync(CHROMIUM);

if (!HAVE_BROWSER && process.env.REQUIRE_BROWSER !== '1') {
  console.warn(`\n*** CONSOLE BROWSER TESTS DID NOT RUN: no Chromium at ${CHROMIUM}. Install it or set CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this a failure. ***\n`);
}

describe.runIf(!HAVE_BROWSER && process.env.REQUIRE_BROWSER === '1')('browser required', () => {
  it('Chromium is installed', () => {
    throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
  });
});

const HOSTILE =
  'Nice case <img src=x onerror="window.__pwned=1;alert(1)"> and <script>window.__pwned=2;alert(2)</script> then "><svg onload="window.__pwned=3;alert(3)"> ' +
  "'><iframe srcdoc=\"<script>parent.__pwned=5</script>\"></iframe> call me +7 916 123-45-67 now";
const HOSTILE_SELLER = 's"><img src=x onerror=window.__pwned=4>';
const HOSTILE_APPEAL = '</blockquote><script>window.__pwned=6;alert(6)</script><img src=x onerror="window.__pwned=7">';

describe.skipIf(!HAVE_BROWSER)('moderator console in Chromium', () => {
  let sys: LocalSystem;
  const profiles: string[] = [];
  let ctx: BrowserContext;
  let raw: BrowserContext;
  let hostileId: string;
  let appealId: string;
  let plainIds: string[];

  async function launch(opts: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<BrowserContext> {
    const dir = mkdtempSync(join(tmpdir(), 'console-chromium-'));
    profiles.push(dir);
    return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 }, ...opts });
  }

  beforeAll(async () => {
    sys = await startSystem();
    const now = Date.now();
    [hostileId] = await seed(sys, [{
      text: HOSTILE, sellerId: HOSTILE_SELLER, createdAt: now - 600_000,
      findings: [
        ['off_platform.phishing', '<img src=x onerror="window.__pwned=1;alert(1)">'],
        ['extortion.threat', '<script>window.__pwned=2;alert(2)</script>', { evidence: { spans: [{ role: 'threat', start: HOSTILE.indexOf('"><svg'), end: HOSTILE.indexOf('"><svg') + 10 }] } }],
        ['personal_data.phone', '+7 916 123-45-67'],
      ],
    }]) as [string];
    plainIds = await seed(sys, [
      { text: 'Great blender, but the seller asked me to pay by card outside the site.', findings: [['off_platform.deal', 'pay by card outside the site']], createdAt: now - 500_000 },
      { text: 'Works fine. Write to me on WhatsApp +7 916 123-45-67', findings: [['off_platform.contact', 'Write to me on WhatsApp'], ['personal_data.phone', '+7 916 123-45-67'], ['review_manipulation.incentive', undefined]], createdAt: now - 400_000 },
    ]);
    // A photo on the hostile item: the original is served only to moderators, blurred until revealed.
    await (await sys.mf.getR2Bucket('MEDIA')).put('media/console-test-png', new Uint8Array(PNG_1x1).buffer);
    await (await sys.mf.getD1Database('DB')).prepare(
      `INSERT INTO media (submission_id, id, r2_key, content_type, bytes, status, findings, redacted_key, attempts, updated_at)
       VALUES (?, 'm-1', 'media/console-test-png', 'image/png', ?, 'scanned', '[]', NULL, 1, ?)`,
    ).bind(hostileId, PNG_1x1.byteLength, now).run();
    // An appeal with a hostile statement (decided by the senior, so dev-moderator may review it).
    [appealId] = await seed(sys, [{ text: 'Hidden review text', findings: [['extortion.threat', 'Hidden review']], createdAt: now - 300_000 }]) as [string];
    const senior = api(sys, KEYS.senior);
    await senior.post('/v1/queue/claim', { ids: [appealId] });
    expect((await senior.post(`/v1/submissions/${appealId}/decision`, { action: 'hide', reason: 'extortion.threat' })).status).toBe(200);
    expect((await api(sys, KEYS.storefront).post(`/v1/submissions/${appealId}/appeals`, { statement: HOSTILE_APPEAL })).status).toBe(201);
    ctx = await launch();
    raw = await launch({ bypassCSP: true, extraHTTPHeaders: { authorization: `Bearer ${KEYS.moderator}` } });
  });

  afterAll(async () => {
    await ctx?.close();
    await raw?.close();
    await sys?.stop();
    for (const d of profiles) rmSync(d, { recursive: true, force: true });
  });

  function watch(page: Page): { dialogs: string[]; errors: string[] } {
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    return { dialogs, errors };
  }

  /** Runs in the page (the test's tsconfig has no DOM types, hence the globalThis cast). */
  const filterOf = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { filter: string } }).getComputedStyle(el).filter;

  async function pwned(page: Page): Promise<unknown> {
    return page.evaluate('window.__pwned');
  }

  async function row(id: string) {
    return (await sys.mf.getD1Database('DB')).prepare('SELECT status, decided_by, queue_state, claimed_by FROM submissions WHERE id = ?').bind(id).first<any>();
  }

  it('logs in, claims, highlights findings, decides with two keystrokes and undoes', async () => {
    const page = await ctx.newPage();
    const seen = watch(page);
    const url = sys.url.toString().replace(/\/$/, '');

    await page.goto(`${url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.fill('input[name="key"]', 'not-a-key');
    await page.click('button[type="submit"]');
    expect(await page.textContent('[role="alert"]')).toMatch(/not a moderator key/);
    await page.fill('input[name="key"]', KEYS.moderator);
    await Promise.all([page.waitForURL(`${url}/console`), page.click('button[type="submit"]')]);
    const cookie = (await ctx.cookies()).find((c) => c.name === 'mod_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    // Queue list with counts per type; the hostile seller id is shown as text.
    expect(await page.textContent('h1')).toMatch(/4 waiting/);
    expect(await page.locator('.counts a[data-type="off_platform.phishing"]').textContent()).toContain('1');
    expect(await page.locator(`tr[data-id="${hostileId}"] td:nth-child(6)`).textContent()).toBe(HOSTILE_SELLER);

    // c = claim the next 5: lands on the most urgent (phishing) item.
    await Promise.all([page.waitForURL(/\/console\/items\//), page.keyboard.press('c')]);
    expect(page.url()).toContain(hostileId);
    const response = await page.reload();
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response!.headers()['cache-control']).toContain('no-store');

    // Every finding highlighted at its span, typed; the text is exactly the submitted text.
    expect(await page.locator('#original').textContent()).toBe(HOSTILE);
    const marks = await page.locator('#original mark.hl').evaluateAll((els) => els.map((e) => ({ t: e.textContent, title: e.getAttribute('title') })));
    expect(marks.find((m) => m.t === '+7 916 123-45-67')?.title).toContain('personal_data.phone');
    expect(marks.find((m) => m.t?.startsWith('<img src=x'))?.title).toContain('off_platform.phishing');
    expect(marks.find((m) => m.t?.startsWith('<script>'))?.title).toContain('extortion.threat');
    expect(await page.locator('#original .ev').count()).toBeGreaterThan(0);
    expect(await page.locator('#redacted-preview').textContent()).not.toContain('916');
    expect(await page.locator('ol.findings li').count()).toBe(3);
    // Hostile markup stayed text: no element from it exists, nothing ran, no dialog.
    expect(await page.locator('main img[src="x"], main svg, main iframe, main script').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();

    // The photo: original served to the moderator, blurred until revealed.
    const img = page.locator('figure.media img');
    await img.evaluate((el) => (el as unknown as { decode(): Promise<void> }).decode());
    expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    expect(await img.evaluate(filterOf)).toContain('blur');
    await page.click('figure.media label');
    expect(await img.evaluate(filterOf)).toBe('none');
    const media = await page.request.get(`${url}/v1/queue/${hostileId}/media/m-1`);
    expect(media.headers()['cache-control']).toBe('private, no-store');
    expect((await sys.fetch(`/v1/queue/${hostileId}/media/m-1`)).status).toBe(401);

    // A form post without the CSRF token is refused, even with the session cookie.
    const forged = await page.request.post(`${url}/console/items/${hostileId}/decision`, { form: { action: 'publish', reason: 'no_violation' } });
    expect(forged.status()).toBe(403);
    expect((await row(hostileId)).status).toBe('queued');

    // h, Enter: hidden, by this moderator; the console moves on to the next held item.
    await page.keyboard.press('h');
    expect(await page.textContent('#pending-action')).toMatch(/Enter to hide/);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('confirm');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(hostileId)), page.keyboard.press('Enter')]);
    expect(await row(hostileId)).toMatchObject({ status: 'hidden', decided_by: 'dev-moderator', queue_state: 'done' });

    // p, Enter on the next one: published.
    const next = new URL(page.url()).pathname.split('/').pop()!;
    expect(plainIds.concat(appealId)).toContain(next);
    await page.keyboard.press('p');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(next)), page.keyboard.press('Enter')]);
    expect(await row(next)).toMatchObject({ status: 'published', decided_by: 'dev-moderator' });

    // u undoes that last decision: back in the queue, held by the same moderator.
    await Promise.all([page.waitForURL(new RegExp(`/console/items/${next}\\?undone=1`)), page.keyboard.press('u')]);
    expect(await row(next)).toMatchObject({ status: 'queued', queue_state: 'claimed', claimed_by: 'dev-moderator', decided_by: null });

    expect(await pwned(page)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('hostile reviews, seller ids and appeal statements stay inert even with the CSP bypassed', async () => {
    const page = await raw.newPage();
    const seen = watch(page);
    const url = sys.url.toString().replace(/\/$/, '');
    for (const path of ['/console', '/console?state=all', `/console/items/${hostileId}`, `/console/items/${appealId}`]) {
      const r = await page.goto(`${url}${path}`);
      expect(r!.status(), path).toBe(200);
      await page.waitForLoadState('load');
      expect(await pwned(page), path).toBeUndefined();
      expect(await page.locator('main img[src="x"], main svg, main iframe, main script').count(), path).toBe(0);
    }
    expect(await page.locator('#appeal-statement').textContent()).toBe(HOSTILE_APPEAL);
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });

  it('degrades on a phone: one column, no sideways scrolling, forms still work', async () => {
    await api(sys, KEYS.moderator).post('/v1/queue/release', {});
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const url = sys.url.toString().replace(/\/$/, '');
    await page.goto(`${url}/console/items/${appealId}`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await page.locator('#shortcuts').isVisible()).toBe(false);
    // Claim and decide with taps only (no keyboard): the plain form path.
    await Promise.all([page.waitForURL(new RegExp(`/console/items/${appealId}`)), page.click('#claim-this')]);
    await page.check('input[name="action"][value="publish"]');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(appealId)), page.click('#confirm')]);
    expect(await row(appealId)).toMatchObject({ status: 'published', decided_by: 'dev-moderator' });
    await page.close();
  });
});
