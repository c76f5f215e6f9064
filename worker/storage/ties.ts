import type { SignalKind } from '../signals.js';

/** Seller ties as stored: (seller, kind, keyed hash). */
export type TieHashes = Record<SignalKind, string[]>;

export async function replaceTies(db: D1Database, sellerId: string, rows: { kind: SignalKind; hash: string }[]): Promise<void> {
  const stmts = [db.prepare('DELETE FROM seller_ties WHERE seller_id = ?').bind(sellerId)];
  for (const r of rows) {
    stmts.push(db.prepare('INSERT OR IGNORE INTO seller_ties (seller_id, kind, hash) VALUES (?, ?, ?)').bind(sellerId, r.kind, r.hash));
  }
  await db.batch(stmts);
}

export async function loadTies(db: D1Database, sellerId: string): Promise<TieHashes> {
  const { results } = await db.prepare('SELECT kind, hash FROM seller_ties WHERE seller_id = ?').bind(sellerId).all<{ kind: SignalKind; hash: string }>();
  const ties: TieHashes = { account: [], device: [], payment: [], address: [], ip: [] };
  for (const r of results) ties[r.kind]?.push(r.hash);
  return ties;
}

export interface SignalRow { submission_id: string; account_hash: string; device_hash: string | null; payment_hash: string | null; created_at: number }

/** Recent submissions to the same seller sharing a device or payment hash (for rings); runs inside the insert batch. */
export function sharedSignalsStatement(db: D1Database, sellerId: string, deviceHash: string | null, paymentHash: string | null, since: number, limit = 200): D1PreparedStatement {
  return db
    .prepare(
      `SELECT submission_id, account_hash, device_hash, payment_hash, created_at FROM author_signals
       WHERE seller_id = ?1 AND created_at >= ?2 AND ((?3 IS NOT NULL AND device_hash = ?3) OR (?4 IS NOT NULL AND payment_hash = ?4))
       ORDER BY created_at DESC LIMIT ?5`,
    )
    .bind(sellerId, since, deviceHash, paymentHash, limit);
}

/** Puts earlier ring members back in front of a human, unless a moderator already decided them. */
export async function requeueSubmissions(db: D1Database, ids: string[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .prepare(
      `UPDATE submissions SET action = 'queue', status = 'queued', published_text = NULL, queue_state = 'open',
         priority = MIN(priority, 1), version = version + 1, updated_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND decided_by IS NULL AND status IN ('published', 'redacted')`,
    )
    .bind(now, JSON.stringify(ids))
    .run();
  return res.meta.changes ?? 0;
}
