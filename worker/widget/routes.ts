import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { DEMO_CSP, DEMO_CSS, DEMO_ICON, DEMO_JS, demoLang, demoPage } from './demo.js';
import { WIDGET_SOURCE } from './source.js';
import uiStrings from './widget-strings.json';

/**
 * The widget's public assets and the demo storefront:
 * - GET /widget.js — the latest widget (cached a day; for quick starts);
 * - GET /widget/<hash>.js — the same bytes under a content-addressed URL, cached for a year
 *   and never changed, so a storefront can pin it with Subresource Integrity;
 * - GET /widget.json — { url, integrity } of the current pinned build;
 * - GET /demo (?lang=xx), /demo/demo.js, /demo/demo.css, /demo/icon.svg.
 */
export const widgetRoutes = new Hono<AppEnv>();

const WIDGET_JS = WIDGET_SOURCE.replace('__UI_STRINGS__', () => JSON.stringify(uiStrings));

const LATEST_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';
const PINNED_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'public, max-age=300';

interface WidgetAsset { body: string; etag: string; path: string; integrity: string }

let assetPromise: Promise<WidgetAsset> | undefined;
const pages = new Map<string, string>();

function base64(bytes: ArrayBuffer): string {
  let bin = '';
  for (const b of new Uint8Array(bytes)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Hashes once per isolate: the script never changes while the worker runs. */
export function widgetAsset(): Promise<WidgetAsset> {
  assetPromise ??= (async () => {
    const bytes = new TextEncoder().encode(WIDGET_JS);
    const [sha256, sha384] = await Promise.all([crypto.subtle.digest('SHA-256', bytes), crypto.subtle.digest('SHA-384', bytes)]);
    const hex = [...new Uint8Array(sha256)].slice(0, 8).map((b) => b.toString(16).padStart(2, '0')).join('');
    return { body: WIDGET_JS, etag: `"${hex}"`, path: `/widget/${hex}.js`, integrity: `sha384-${base64(sha384)}` };
  })();
  return assetPromise;
}

function script(c: Context<AppEnv>, a: WidgetAsset, cache: string) {
  c.header('cache-control', cache);
  c.header('etag', a.etag);
  // Storefronts load it cross-origin with `integrity` + `crossorigin`: SRI needs a CORS read.
  c.header('access-control-allow-origin', '*');
  if (c.req.header('if-none-match') === a.etag) return c.body(null, 304);
  c.header('content-type', 'text/javascript; charset=utf-8');
  return c.body(a.body);
}

widgetRoutes.get('/widget.js', async (c) => script(c, await widgetAsset(), LATEST_CACHE));

widgetRoutes.get('/widget/:file', async (c) => {
  const a = await widgetAsset();
  if (`/widget/${c.req.param('file')}` !== a.path) return c.json({ error: { code: 'not_found', message: 'No such widget build.' } }, 404);
  return script(c, a, PINNED_CACHE);
});

widgetRoutes.get('/widget.json', async (c) => {
  const a = await widgetAsset();
  c.header('cache-control', PAGE_CACHE);
  c.header('access-control-allow-origin', '*');
  return c.json({ url: new URL(a.path, c.req.url).href, integrity: a.integrity });
});

widgetRoutes.get('/demo', async (c) => {
  const lang = demoLang(c.req.query('lang'));
  let html = pages.get(lang);
  if (html === undefined) {
    html = demoPage(lang, await widgetAsset());
    pages.set(lang, html);
  }
  c.header('content-security-policy', DEMO_CSP);
  c.header('cache-control', PAGE_CACHE);
  return c.html(html);
});

widgetRoutes.get('/demo/demo.js', (c) => {
  c.header('cache-control', PAGE_CACHE);
  c.header('content-type', 'text/javascript; charset=utf-8');
  return c.body(DEMO_JS);
});

widgetRoutes.get('/demo/demo.css', (c) => {
  c.header('cache-control', PAGE_CACHE);
  c.header('content-type', 'text/css; charset=utf-8');
  return c.body(DEMO_CSS);
});

widgetRoutes.get('/demo/icon.svg', (c) => {
  c.header('cache-control', PAGE_CACHE);
  c.header('content-type', 'image/svg+xml');
  return c.body(DEMO_ICON);
});
