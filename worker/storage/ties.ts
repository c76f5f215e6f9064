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
  const out: TieHashes = { account: [], device: [], payment: [], address: [], ip: [] };
  for (const r of results) out[r.kind]?.push(r.hash);
  return out;
}

export interface SignalRow { submission_id: string; account_hash: string; device_hash: string | null; payment_hash: string | null; created_at: number }

/** Recent submissions to the same seller sharing a device or payment hash with the author. */
export async function recentSharedSignals(db: D1Database, sellerId: string, deviceHash: string | null, paymentHash: string | null, since: number, limit = 200): Promise<SignalRow[]> {
  if (!deviceHash && !paymentHash) return [];
  const { results } = await db
    .prepare(
      `SELECT submission_id, account_hash, device_hash, payment_hash, created_at FROM author_signals
       WHERE seller_id = ?1 AND created_at >= ?2 AND ((?3 IS NOT NULL AND device_hash = ?3) OR (?4 IS NOT NULL AND payment_hash = ?4))
       ORDER BY created_at DESC LIMIT ?5`,
    )
    .bind(sellerId, since, deviceHash, paymentHash, limit)
    .all<SignalRow>();
  return results;
}
