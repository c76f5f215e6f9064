import { b64url, fromB64urlJson, toB64urlJson } from './base64url.js';
import { hmac, timingSafeEqualStr } from './crypto.js';
import type { Env, Principal } from './env.js';

/**
 * Console sessions: a signed, expiring token in an HttpOnly cookie. Stateless so that any
 * worker isolate can check it; the signature key is SESSION_SECRET.
 */
export const SESSION_COOKIE = 'mod_session';
export const SESSION_TTL_S = 8 * 3600;

async function sign(secret: string, data: string): Promise<string> {
  return b64url(await hmac(secret, data));
}

function secretOf(env: Env): string {
  if (!env.SESSION_SECRET) throw new Error('SESSION_SECRET is not configured');
  return env.SESSION_SECRET;
}

export async function createSession(env: Env, p: Principal, now = Date.now()): Promise<{ token: string; csrf: string }> {
  const payload = toB64urlJson({ r: p.role, n: p.name, e: Math.floor(now / 1000) + SESSION_TTL_S });
  const sig = await sign(secretOf(env), payload);
  const token = `${payload}.${sig}`;
  return { token, csrf: await csrfFor(env, token) };
}

export async function verifySession(env: Env, token: string, now = Date.now()): Promise<Principal | undefined> {
  const [payload, sig] = token.split('.');
  if (!payload || !sig || token.length > 1024) return undefined;
  if (!timingSafeEqualStr(await sign(secretOf(env), payload), sig)) return undefined;
  const json = fromB64urlJson(payload) as { r?: unknown; n?: unknown; e?: unknown } | null | undefined;
  if (!json || typeof json !== 'object') return undefined;
  if (typeof json.e !== 'number' || json.e * 1000 < now) return undefined;
  if (json.r !== 'moderator' && json.r !== 'senior' && json.r !== 'admin') return undefined;
  return { role: json.r, name: String(json.n) };
}

/** CSRF token bound to the session: forms echo it, and a cross-site page cannot read it. */
export async function csrfFor(env: Env, sessionToken: string): Promise<string> {
  return sign(secretOf(env), `csrf:${sessionToken}`);
}
