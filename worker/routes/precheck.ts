import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { LIMITS, SubmissionSchema } from '../../models/api.js';
import { moderateText } from '../../moderation/pipeline.js';
import { allowedOrigins, configFor } from '../config.js';
import type { AppEnv } from '../env.js';
import { ApiError, parseWith, readJson } from '../errors.js';

/**
 * POST /v1/precheck: what would happen to this text, in the buyer's language, before it is
 * posted. Public, CORS for the storefront's origins, rate-limited per client. Stores nothing and
 * logs no text. Media is not scanned here (it is scanned on submission).
 */
export const precheck = new Hono<AppEnv>();

precheck.use('*', async (c, next) => {
  const origins = allowedOrigins(c.env);
  return cors({ origin: (o) => (origins.includes(o) ? o : null), allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['content-type'], maxAge: 600 })(c, next);
});

precheck.post(
  '/',
  async (c, next) => {
    const limit = Number(c.env.PRECHECK_RATE_LIMIT ?? 60);
    if (limit > 0 && c.env.PRECHECK_LIMITER) {
      const client = c.req.header('cf-connecting-ip') ?? c.req.header('x-real-ip') ?? 'local';
      const { success } = await c.env.PRECHECK_LIMITER.limit({ key: `precheck:${client}` });
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
      findings: d.findings.map(({ evidence: _e, ...f }) => f),
      reasons: d.reasons,
      locale: d.lang,
    });
  },
);
