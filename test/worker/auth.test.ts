import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { KEYS, startSystem, submission } from './helpers.js';

/**
 * Every route × every kind of caller, with the expected status. A new route gets a row here.
 * 'ok' means the caller got past auth (any status that is not 401/403).
 */
type Who = 'none' | 'wrong' | 'storefront' | 'moderator' | 'senior' | 'admin';
type Expect = 'ok' | 401 | 403;
interface Row { method: string; path: string; body?: unknown; expect: Record<Who, Expect> }

const STOREFRONT_ONLY: Record<Who, Expect> = { none: 401, wrong: 401, storefront: 'ok', moderator: 403, senior: 403, admin: 403 };
const PUBLIC: Record<Who, Expect> = { none: 'ok', wrong: 'ok', storefront: 'ok', moderator: 'ok', senior: 'ok', admin: 'ok' };
const MODERATORS: Record<Who, Expect> = { none: 401, wrong: 401, storefront: 403, moderator: 'ok', senior: 'ok', admin: 'ok' };
const SENIORS: Record<Who, Expect> = { none: 401, wrong: 401, storefront: 403, moderator: 403, senior: 'ok', admin: 'ok' };

export const ROUTES: Row[] = [
  { method: 'POST', path: '/v1/precheck', body: submission('hello'), expect: PUBLIC },
  { method: 'OPTIONS', path: '/v1/precheck', expect: PUBLIC },
  { method: 'GET', path: '/widget.js', expect: PUBLIC },
  { method: 'GET', path: '/widget.json', expect: PUBLIC },
  { method: 'GET', path: '/demo', expect: PUBLIC },
  { method: 'GET', path: '/demo/demo.js', expect: PUBLIC },
  { method: 'GET', path: '/demo/demo.css', expect: PUBLIC },
  { method: 'GET', path: '/demo/icon.svg', expect: PUBLIC },
  { method: 'GET', path: '/openapi.json', expect: PUBLIC },
  { method: 'POST', path: '/v1/submissions', body: submission('hello'), expect: STOREFRONT_ONLY },
  { method: 'GET', path: '/v1/submissions/sub_x', expect: STOREFRONT_ONLY },
  { method: 'GET', path: '/v1/submissions/sub_x/media/m1', expect: STOREFRONT_ONLY },
  { method: 'PUT', path: '/v1/sellers/s1/ties', body: { accountIds: ['a'] }, expect: STOREFRONT_ONLY },
  { method: 'POST', path: '/v1/submissions/sub_x/appeals', body: { statement: 'please review' }, expect: STOREFRONT_ONLY },
  { method: 'GET', path: '/v1/submissions/sub_x/appeals', expect: STOREFRONT_ONLY },
  { method: 'GET', path: '/v1/submissions/sub_x/statement', expect: STOREFRONT_ONLY },
  { method: 'GET', path: '/v1/queue', expect: MODERATORS },
  { method: 'POST', path: '/v1/queue/claim', body: { limit: 1 }, expect: MODERATORS },
  { method: 'POST', path: '/v1/queue/release', body: {}, expect: MODERATORS },
  { method: 'GET', path: '/v1/queue/sub_x', expect: MODERATORS },
  { method: 'GET', path: '/v1/queue/sub_x/media/m1', expect: MODERATORS },
  { method: 'POST', path: '/v1/submissions/sub_x/decision', body: { action: 'publish', reason: 'no_violation' }, expect: MODERATORS },
  { method: 'POST', path: '/v1/submissions/sub_x/decision/undo', expect: MODERATORS },
  { method: 'GET', path: '/v1/audit', expect: SENIORS },
  { method: 'GET', path: '/console/login', expect: PUBLIC },
  { method: 'POST', path: '/console/claim', body: { limit: 1 }, expect: MODERATORS },
  { method: 'POST', path: '/console/items/sub_x/undo', expect: MODERATORS },
];

const HEADERS: Record<Who, Record<string, string>> = {
  none: {},
  wrong: { authorization: 'Bearer not-a-real-key' },
  storefront: { authorization: `Bearer ${KEYS.storefront}` },
  moderator: { authorization: `Bearer ${KEYS.moderator}` },
  senior: { authorization: `Bearer ${KEYS.senior}` },
  admin: { authorization: `Bearer ${KEYS.admin}` },
};

let sys: LocalSystem;
beforeAll(async () => { sys = await startSystem(); });
afterAll(async () => { await sys?.stop(); });

describe('auth table', () => {
  for (const row of ROUTES) {
    for (const who of Object.keys(HEADERS) as Who[]) {
      const want = row.expect[who];
      it(`${row.method} ${row.path} as ${who} → ${want}`, async () => {
        const r = await sys.fetch(row.path, {
          method: row.method,
          headers: { ...HEADERS[who], ...(row.body ? { 'content-type': 'application/json' } : {}) },
          body: row.body ? JSON.stringify(row.body) : undefined,
          redirect: 'manual',
        });
        if (want === 'ok') expect([401, 403]).not.toContain(r.status);
        else expect(r.status).toBe(want);
        expect(r.status).toBeLessThan(500);
      });
    }
  }
  it('a malformed Authorization header is 401, not 500', async () => {
    const r = await sys.fetch('/v1/submissions/sub_x', { headers: { authorization: 'Basic abc' } });
    expect(r.status).toBe(401);
  });
});
