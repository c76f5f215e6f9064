import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { errorBody } from './errors.js';
import { LATEST_MIGRATION } from './latest-migration.js';

// Migrations are never taken back: once seen, the answer stays yes for this isolate.
let schemaReady = false;

/**
 * GET /health: 200 once the database schema is in place, 503 before. Locally the port opens a
 * moment before `npm start` has applied the migrations; a client that waits for /health then
 * never meets a "storage unavailable" on its first submission.
 */
export async function health(c: Context<AppEnv>) {
  if (!schemaReady) {
    try {
      const row = await c.env.DB.prepare('SELECT 1 AS ok FROM d1_migrations WHERE name = ?').bind(LATEST_MIGRATION).first<{ ok: number }>();
      schemaReady = row?.ok === 1;
    } catch {
      // no d1_migrations table yet
    }
  }
  if (!schemaReady) return c.json(errorBody('starting', 'Database migrations are not applied yet; retry shortly.'), 503);
  return c.json({ ok: true });
}
