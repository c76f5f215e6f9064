import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Env, Principal, Role } from './env.js';
import { ApiError } from './errors.js';
import { verifySession, SESSION_COOKIE } from './session.js';

/** Which principals may use a route. Moderator roles nest: admin ⊇ senior ⊇ moderator. */
const RANK: Record<Role, number> = { storefront: -1, moderator: 1, senior: 2, admin: 3 };

export interface AuthOptions {
  /** the least role allowed (moderator roles nest); `storefront` allows only storefront keys */
  role: Role;
  /** also accept the console's session cookie (console pages and the API they call) */
  cookie?: boolean;
}

const encoder = new TextEncoder();

async function digest(s: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', encoder.encode(s));
}

/** Compare digests, not strings: equal length always, so timingSafeEqual never leaks the key's length. */
async function sameKey(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([digest(a), digest(b)]);
  return crypto.subtle.timingSafeEqual(da, db);
}

interface KeyEntry { key: string; principal: Principal }

export function parseKeys(env: Env): KeyEntry[] {
  const out: KeyEntry[] = [];
  for (const k of (env.STOREFRONT_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    out.push({ key: k, principal: { role: 'storefront', name: 'storefront' } });
  }
  for (const entry of (env.MODERATOR_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, role, name] = entry.split(':');
    if (!key || (role !== 'moderator' && role !== 'senior' && role !== 'admin')) continue;
    out.push({ key, principal: { role, name: name || role } });
  }
  return out;
}

/** Checks every configured key (no early exit) so the time does not depend on which one matched. */
export async function principalForKey(env: Env, presented: string): Promise<Principal | undefined> {
  let found: Principal | undefined;
  for (const entry of parseKeys(env)) {
    if ((await sameKey(presented, entry.key)) && !found) found = entry.principal;
  }
  return found;
}

export function allowed(principal: Principal, need: Role): boolean {
  if (need === 'storefront') return principal.role === 'storefront';
  return principal.role !== 'storefront' && RANK[principal.role] >= RANK[need];
}

export async function authenticate(c: Parameters<MiddlewareHandler<AppEnv>>[0], cookie: boolean): Promise<Principal | undefined> {
  const header = c.req.header('authorization');
  if (header) {
    const m = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
    if (!m) throw new ApiError(401, 'unauthorized', 'Use Authorization: Bearer <key>.');
    const p = await principalForKey(c.env, m[1]!);
    if (!p) throw new ApiError(401, 'unauthorized', 'Unknown key.');
    return p;
  }
  if (cookie) {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) return verifySession(c.env, token);
  }
  return undefined;
}

export function requireRole(opts: AuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = await authenticate(c, opts.cookie ?? false);
    if (!p) throw new ApiError(401, 'unauthorized', 'Credentials required.');
    if (!allowed(p, opts.role)) throw new ApiError(403, 'forbidden', `This route needs the ${opts.role} role.`);
    c.set('principal', p);
    await next();
  };
}
