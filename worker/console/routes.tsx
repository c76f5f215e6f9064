import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ClaimBodySchema, DecisionBodySchema, QueueQuerySchema, type DecisionBody } from '../../models/moderation.js';
import { authenticate, principalForKey } from '../auth.js';
import { b64url } from '../base64url.js';
import { timingSafeEqualStr } from '../crypto.js';
import { claim, decide, itemView, release, undo, viewerOf } from '../decisions.js';
import type { AppEnv, Principal } from '../env.js';
import { ApiError, errorBody, validationError } from '../errors.js';
import { createSession, csrfFor, SESSION_COOKIE, SESSION_TTL_S, verifySession } from '../session.js';
import { encodeCursor, decodeCursor, heldItems, listQueue, queueCounts } from '../storage/queue.js';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.js';
import { loginGate, LOGIN_RETRY_AFTER_S } from './login-limit.js';
import { defaultReasons, ErrorPage, ItemPage, LoginPage, QueuePage, type QueueParams } from './pages.js';

/**
 * /console: the moderators' web console. Server-rendered, forms only (the script adds keyboard
 * shortcuts, nothing depends on it). Log-in takes a moderator key and sets the signed session
 * cookie (HttpOnly, SameSite=Strict, Secure over https); attempts are rate-limited per client
 * (login-limit.ts says how and why). Every page also accepts
 * `Authorization: Bearer <moderator key>`. Cookie-authenticated posts must carry the session's
 * CSRF token. Every response gets a strict CSP with no inline script or style.
 */

type ConsoleEnv = { Bindings: AppEnv['Bindings']; Variables: AppEnv['Variables'] & { csrf: string | null } };
type C = Context<ConsoleEnv>;

export const consoleApp = new Hono<ConsoleEnv>();

const LOGIN_COOKIE = 'mod_login_csrf';
const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'", "form-action 'self'",
  "frame-ancestors 'none'", "base-uri 'none'",
].join('; ');

consoleApp.use('*', async (c, next) => {
  await next();
  c.header('content-security-policy', CSP);
  c.header('x-frame-options', 'DENY');
  c.header('referrer-policy', 'no-referrer');
  if (!c.req.path.startsWith('/console/assets/')) c.header('cache-control', 'private, no-store');
});

consoleApp.onError((err, c) => {
  const status = (err instanceof ApiError ? err.status : 500) as ContentfulStatusCode;
  const message = err instanceof ApiError ? err.message : 'Something went wrong; nothing was changed.';
  if (!(err instanceof ApiError)) console.error(JSON.stringify({ event: 'console_error', name: err?.name }));
  const principal = c.get('principal') as Principal | undefined;
  return c.html(<ErrorPage principal={principal} csrf={c.get('csrf')} status={status} message={message} />, status);
});

consoleApp.get('/assets/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
consoleApp.get('/assets/console.js', (c) => c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

function isHttps(c: C): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** Browsers (form posts) get a page; API-style clients get the contract's JSON error. */
function wantsHtml(c: C): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}

/** Only our own console paths, so the log-in form cannot be used as an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(?:[/?][^\\\s]*)?$/.test(next) && !next.startsWith('//') ? next : '/console';
}

// ---------------------------------------------------------------- log-in / log-out

consoleApp.get('/login', async (c) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && (await verifySession(c.env, token))) return c.redirect('/console', 303);
  const csrf = b64url(crypto.getRandomValues(new Uint8Array(18)));
  setCookie(c, LOGIN_COOKIE, csrf, { httpOnly: true, sameSite: 'Strict', path: '/console/login', maxAge: 900, secure: isHttps(c) });
  return c.html(<LoginPage csrf={csrf} next={safeNext(c.req.query('next'))} />);
});

consoleApp.post('/login', bodyLimit({ maxSize: 8 * 1024, onError: () => { throw new ApiError(413, 'payload_too_large', 'Too large.'); } }), async (c) => {
  const form = await formOf(c);
  const expected = getCookie(c, LOGIN_COOKIE) ?? '';
  const next = safeNext(form.next);
  const fresh = b64url(crypto.getRandomValues(new Uint8Array(18)));
  const again = (status: ContentfulStatusCode, error: string) => {
    setCookie(c, LOGIN_COOKIE, fresh, { httpOnly: true, sameSite: 'Strict', path: '/console/login', maxAge: 900, secure: isHttps(c) });
    return c.html(<LoginPage csrf={fresh} next={next} error={error} />, status);
  };
  if (!expected || typeof form._csrf !== 'string' || !timingSafeEqualStr(form._csrf, expected)) return again(403, 'The log-in form expired; try again.');
  // Throttled before the key is looked at, so a throttled client learns nothing about its guess.
  if ((await loginGate(c.env, c.req)) === 'throttled') {
    c.header('retry-after', String(LOGIN_RETRY_AFTER_S));
    const message = 'Too many log-in attempts from your network. Wait a minute, then try again.';
    if (!wantsHtml(c)) return c.json(errorBody('rate_limited', message), 429);
    return again(429, message);
  }
  // One answer for every failure (unknown key, storefront key, empty, oversized): nothing says
  // which part was wrong. The key is never logged.
  const key = typeof form.key === 'string' ? form.key.trim() : '';
  const p = key && key.length <= 512 ? await principalForKey(c.env, key) : undefined;
  if (!p || p.role === 'storefront') return again(401, 'That is not a moderator key.');
  const session = await createSession(c.env, p);
  deleteCookie(c, LOGIN_COOKIE, { path: '/console/login' });
  setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_TTL_S, secure: isHttps(c) });
  return c.redirect(next, 303);
});

// ---------------------------------------------------------------- everything else needs a moderator

const auth: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  let p: Principal | undefined;
  let csrf: string | null = null;
  if (c.req.header('authorization')) {
    p = await authenticate(c as unknown as Parameters<typeof authenticate>[0], false);
  } else {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      p = await verifySession(c.env, token);
      if (p) csrf = await csrfFor(c.env, token);
    }
  }
  if (!p) {
    if (c.req.method === 'GET') return c.redirect(`/console/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}`, 303);
    throw new ApiError(401, 'unauthorized', 'Log in first.');
  }
  if (p.role === 'storefront') throw new ApiError(403, 'forbidden', 'The console is for moderators.');
  c.set('principal', p);
  c.set('csrf', csrf);
  if (c.req.method === 'POST' && csrf !== null) {
    // Cookie sessions only: a Bearer key is never sent by a browser on its own.
    const form = await formOf(c);
    const sent = form._csrf;
    if (typeof sent !== 'string' || !timingSafeEqualStr(sent, csrf)) throw new ApiError(403, 'csrf', 'The form is stale or forged; reload the page.');
  }
  await next();
};

consoleApp.use('*', bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new ApiError(413, 'payload_too_large', 'The form is over 64 KiB.'); } }));
consoleApp.use('/', auth);
consoleApp.use('/*', auth);

consoleApp.post('/logout', (c) => {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return c.redirect('/console/login', 303);
});

// ---------------------------------------------------------------- form helpers

type Form = Record<string, string | File | (string | File)[]>;

async function formOf(c: C): Promise<Form> {
  try {
    return (await c.req.parseBody({ all: true })) as Form;
  } catch {
    throw new ApiError(400, 'invalid_form', 'The form could not be read.');
  }
}

function one(f: Form, k: string): string | undefined {
  const v = f[k];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

function many(f: Form, k: string): string[] {
  const v = f[k];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

const SPAN = /^(\d{1,6})-(\d{1,6})(?::([a-z_]+\.[a-z_]+))?$/;

/** The decision form → the API's decision body (then validated by the same schema). */
export function decisionFromForm(f: Form, defaults: Record<string, string>): DecisionBody {
  const action = one(f, 'action');
  if (!action) throw new ApiError(400, 'invalid_request', 'Choose an action (p, r, h or e).');
  const reason = one(f, 'reason') ?? defaults[action];
  const redactions = (one(f, 'redactions') ?? '').split(/[\s,;]+/).filter(Boolean).map((s) => {
    const m = SPAN.exec(s);
    if (!m) throw new ApiError(400, 'invalid_request', `Cannot read the redaction "${s.slice(0, 40)}"; use start-end or start-end:type.`);
    return { start: Number(m[1]), end: Number(m[2]), ...(m[3] ? { type: m[3] } : {}) };
  });
  const keep = many(f, 'keep').map((s) => {
    const m = SPAN.exec(s);
    if (!m) throw new ApiError(400, 'invalid_request', 'Bad keep value.');
    return { start: Number(m[1]), end: Number(m[2]) };
  });
  const version = one(f, 'version');
  const raw = {
    action, reason, note: one(f, 'note'),
    ...(action === 'redact' && redactions.length ? { redactions } : {}),
    ...(action === 'redact' && keep.length ? { keep } : {}),
    ...(version !== undefined ? { version: Number(version) } : {}),
  };
  const r = DecisionBodySchema.safeParse(raw);
  if (!r.success) {
    const err = validationError(r.error);
    const first = (err.issues?.[0] ?? {}) as { path?: string; message?: string };
    throw new ApiError(400, 'invalid_request', `${first.path ? `${first.path}: ` : ''}${first.message ?? 'invalid decision'}`);
  }
  return r.data;
}

function flashes(c: C): string[] {
  const q = c.req.query();
  const out: string[] = [];
  if (q.claimed !== undefined) out.push(`Claimed ${Number(q.claimed) || 0} item(s).`);
  if (q.released !== undefined) out.push(`Released ${Number(q.released) || 0} item(s).`);
  if (q.done !== undefined) out.push(`Decided ${Number(q.done) || 0} item(s)${Number(q.skipped) ? `, skipped ${Number(q.skipped)} (not yours to decide)` : ''}.`);
  if (q.undone !== undefined) out.push('Decision undone; the item is yours again.');
  return out;
}

// ---------------------------------------------------------------- pages

consoleApp.get('/', async (c) => {
  const p = c.get('principal');
  const raw = c.req.query();
  const params: QueueParams = { type: raw.type || undefined, locale: raw.locale || undefined, sellerId: raw.sellerId || undefined, olderThan: raw.olderThan || undefined, state: raw.state || 'waiting' };
  const parsed = QueueQuerySchema.safeParse(Object.fromEntries(Object.entries({ ...params, cursor: raw.cursor || undefined }).filter(([, v]) => v !== undefined)));
  const now = Date.now();
  const viewer = viewerOf(p);
  const held = await heldItems(c.env.DB, p.name);
  if (!parsed.success) {
    const counts = await queueCounts(c.env.DB, { viewer, filter: {}, now });
    return c.html(<QueuePage principal={p} csrf={c.get('csrf')} params={{ state: 'waiting' }} rows={[]} counts={counts} nextCursor={null} held={held} now={now} flash={[]} error="Those filters are not valid." />, 400);
  }
  const q = parsed.data;
  const filter = { type: q.type, locale: q.locale, sellerId: q.sellerId, olderThan: q.olderThan };
  const [page, counts] = await Promise.all([
    listQueue(c.env.DB, { viewer, filter, state: q.state, limit: 50, cursor: q.cursor ? decodeCursor(q.cursor) : undefined, now }),
    queueCounts(c.env.DB, { viewer, filter, now }),
  ]);
  return c.html(
    <QueuePage principal={p} csrf={c.get('csrf')} params={params} rows={page.rows} counts={counts} nextCursor={page.next ? encodeCursor(page.next) : null}
      held={held} now={now} flash={flashes(c)} lastDecided={c.req.query('decided')} />,
  );
});

consoleApp.post('/claim', async (c) => {
  const f = await formOf(c);
  const ids = many(f, 'ids').slice(0, 50);
  const body = {
    limit: Math.min(50, Math.max(1, Number(one(f, 'limit') ?? 5) || 5)),
    ...(ids.length ? { ids } : {}),
    ...(one(f, 'type') ? { type: one(f, 'type') } : {}),
    ...(one(f, 'locale') ? { locale: one(f, 'locale') } : {}),
    ...(one(f, 'sellerId') ? { sellerId: one(f, 'sellerId') } : {}),
    ...(one(f, 'olderThan') ? { olderThan: one(f, 'olderThan') } : {}),
  };
  const parsed = ClaimBodySchema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', 'Those claim filters are not valid.');
  const { rows } = await claim(c.env, c.get('principal'), parsed.data);
  const first = rows[0];
  if (ids.length === 1 && first) return c.redirect(`/console/items/${encodeURIComponent(first.id)}`, 303);
  if (ids.length === 1) return c.redirect(`/console/items/${encodeURIComponent(ids[0]!)}`, 303);
  if (!ids.length && first) return c.redirect(`/console/items/${encodeURIComponent(first.id)}?claimed=${rows.length}`, 303);
  return c.redirect(`/console?claimed=${rows.length}`, 303);
});

consoleApp.post('/release', async (c) => {
  const ids = many(await formOf(c), 'ids').slice(0, 50);
  const n = await release(c.env, c.get('principal'), ids.length ? ids : undefined);
  return c.redirect(`/console?released=${n}`, 303);
});

/** Bulk decision over the selected rows: claims what is free, decides what the caller then holds. */
consoleApp.post('/bulk', async (c) => {
  const f = await formOf(c);
  const p = c.get('principal');
  const ids = many(f, 'ids').slice(0, 50);
  if (!ids.length) return c.redirect('/console', 303);
  const body = decisionFromForm(f, { publish: 'no_violation', hide: 'other', escalate: 'other' });
  if (body.action === 'redact') throw new ApiError(400, 'invalid_request', 'Redact one item at a time.');
  await claim(c.env, p, { limit: ids.length, ids });
  let done = 0;
  for (const id of ids) {
    try {
      await decide(c.env, p, id, body);
      done++;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
    }
  }
  return c.redirect(`/console?done=${done}&skipped=${ids.length - done}`, 303);
});

async function renderItem(c: C, id: string, extra: { error?: string; status?: ContentfulStatusCode } = {}) {
  const p = c.get('principal');
  const view = await itemView(c.env, p, id);
  const held = (await heldItems(c.env.DB, p.name)).filter((h) => h.id !== id);
  return c.html(
    <ItemPage principal={p} csrf={c.get('csrf')} view={view} nextHeld={held[0]?.id} flash={flashes(c)} error={extra.error}
      senior={viewerOf(p).senior} now={Date.now()} lastDecided={c.req.query('decided')} />,
    extra.status ?? 200,
  );
}

consoleApp.get('/items/:id', (c) => renderItem(c, c.req.param('id')));

consoleApp.post('/items/:id/decision', async (c) => {
  const id = c.req.param('id');
  const p = c.get('principal');
  try {
    const view = await itemView(c.env, p, id);
    const body = decisionFromForm(await formOf(c), defaultReasons(view));
    await decide(c.env, p, id, body);
  } catch (err) {
    if (err instanceof ApiError && err.status < 500 && err.status !== 404 && err.code !== 'escalated') {
      return renderItem(c, id, { error: err.message, status: err.status });
    }
    throw err;
  }
  const next = (await heldItems(c.env.DB, p.name)).find((h) => h.id !== id);
  return c.redirect(next ? `/console/items/${encodeURIComponent(next.id)}?decided=${encodeURIComponent(id)}` : `/console?decided=${encodeURIComponent(id)}`, 303);
});

consoleApp.post('/items/:id/undo', async (c) => {
  const id = c.req.param('id');
  await undo(c.env, c.get('principal'), id);
  return c.redirect(`/console/items/${encodeURIComponent(id)}?undone=1`, 303);
});
