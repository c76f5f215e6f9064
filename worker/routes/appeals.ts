import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppealBodySchema } from '../../models/moderation.js';
import { requireRole } from '../auth.js';
import { appeal, statementFor } from '../decisions.js';
import type { AppEnv } from '../env.js';
import { ApiError, parseWith, readJson } from '../errors.js';
import { getWorkRow, listAppeals } from '../storage/queue.js';

/**
 * Storefront routes around a decision: the statement of reasons (Art. 17 DSA) and the author's
 * appeal (internal complaint, Art. 20 DSA), open for 6 months after the decision.
 */
export const appeals = new Hono<AppEnv>();

const storefront = requireRole({ role: 'storefront' });

appeals.post(
  '/:id/appeals',
  storefront,
  bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new ApiError(413, 'payload_too_large', 'The body is over 64 KiB.'); } }),
  async (c) => {
    const body = parseWith(AppealBodySchema, await readJson(c));
    return c.json(await appeal(c.env, c.req.param('id'), body.statement), 201);
  },
);

appeals.get('/:id/appeals', storefront, async (c) => {
  const row = await getWorkRow(c.env.DB, c.req.param('id'));
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  const list = await listAppeals(c.env.DB, row.id);
  return c.json({
    items: list.map((a) => ({
      id: a.id, status: a.status, createdAt: new Date(a.created_at).toISOString(),
      decidedAt: a.decided_at === null ? null : new Date(a.decided_at).toISOString(),
    })),
  });
});

appeals.get('/:id/statement', storefront, async (c) => {
  const row = await getWorkRow(c.env.DB, c.req.param('id'));
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  const statement = await statementFor(c.env, row);
  if (!statement) throw new ApiError(404, 'no_statement', 'The item is not restricted; no statement of reasons applies.');
  return c.json(statement);
});
