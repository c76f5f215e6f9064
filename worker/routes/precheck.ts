import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS, SubmissionSchema } from '../../models/api.js';
import { fixFor } from '../../moderation/messages.js';
import { moderateText } from '../../moderation/pipeline.js';
import { clientOf } from '../client.js';
import { configFor } from '../config.js';
import type { AppEnv, Env } from '../env.js';
import { ApiError, parseWith, readJson } from '../errors.js';

/**
 * POST /v1/precheck: what would happen to this text, in the buyer's language, before it is
 * posted, with a one-click fix per finding. Public, CORS for the storefront's origins only,
 * rate-limited per client. Stores nothing and logs no text: nothing on this path writes to D1,
 * R2, a queue or the console (test/worker/precheck.test.ts watches the worker's output).
 * Media is not scanned here (it is scanned on submission).
 */
export const precheck = new Hono<AppEnv>();

const DEFAULT_RATE_LIMIT = 60;
const PREFLIGHT_MAX_AGE_S = '600';

interface Settings { originsRaw: string; anyOrigin: boolean; origins: ReadonlySet<string>; limitRaw: string | undefined; limit: number }

/** Settings derived from the worker's vars, re-parsed only when a var changes (one isolate serves many requests). */
let cached: Settings | undefined;

function settings(env: Env): Settings {
  const originsRaw = env.ALLOWED_ORIGINS ?? '';
  const limitRaw = env.PRECHECK_RATE_LIMIT;
  if (cached?.originsRaw !== originsRaw || cached.limitRaw !== limitRaw) {
    const list = originsRaw.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
    cached = { originsRaw, anyOrigin: list.includes('*'), origins: new Set(list), limitRaw, limit: parseLimit(limitRaw) };
  }
  return cached;
}

/** Pre-checks per minute per client from the worker's vars; 0 = no limit. */
export function precheckLimit(env: Env): number {
  return settings(env).limit;
}

/** "0" turns the limit off; anything unreadable keeps the default rather than silently opening the gate. */
function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_RATE_LIMIT;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : DEFAULT_RATE_LIMIT;
}

// CORS by hand: a refused origin gets a plain 403 (no Access-Control-* headers at all), and the
// headers an allowed origin needs are set before the handler so error bodies (429, 413) stay readable.
precheck.use('*', async (c, next) => {
  const origin = c.req.header('origin');
  c.header('vary', 'Origin');
  if (origin !== undefined) {
    const s = settings(c.env);
    const allowed = s.anyOrigin || s.origins.has(origin) || origin === new URL(c.req.url).origin;
    if (!allowed) throw new ApiError(403, 'origin_not_allowed', 'This origin may not call the pre-check.');
    c.header('access-control-allow-origin', origin);
    c.header('access-control-expose-headers', 'retry-after');
  }
  if (c.req.method === 'OPTIONS') {
    c.header('access-control-allow-methods', 'POST');
    c.header('access-control-allow-headers', 'content-type');
    c.header('access-control-max-age', PREFLIGHT_MAX_AGE_S);
    return c.body(null, 204);
  }
  await next();
});

precheck.post(
  '/',
  async (c, next) => {
    const { limit } = settings(c.env);
    if (limit > 0 && c.env.PRECHECK_LIMITER) {
      const key = clientOf(c.req);
      const { success } = await c.env.PRECHECK_LIMITER.limit({ key: `precheck:${key}` });
      if (!success) {
        c.header('retry-after', '60');
        throw new ApiError(429, 'rate_limited', 'Too many pre-checks; try again in a minute.');
      }
    }
    await next();
  },
  bodyLimit({ maxSize: LIMITS.precheckBodyBytes, onError: () => { throw new ApiError(413, 'payload_too_large', `The body is over ${LIMITS.precheckBodyBytes} bytes.`); } }),
  async (c) => {
    const input = parseWith(SubmissionSchema, await readJson(c));
    const d = moderateText(
      { text: input.text, locale: input.locale, kind: input.kind, rating: input.rating, disclosedSellerTie: input.author.disclosedSellerTie },
      { config: configFor(c.env) },
    );
    c.header('cache-control', 'no-store');
    return c.json({
      action: d.action,
      status: d.status,
      publishedText: d.publishedText,
      findings: d.findings.map(({ evidence: _moderatorsOnly, ...f }) => {
        const fix = fixFor(input.text, f.type, f.span);
        return fix ? { ...f, fix } : f;
      }),
      reasons: d.reasons,
      locale: d.lang,
    });
  },
);
