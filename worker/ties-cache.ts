import type { Env } from './env.js';
import { loadTies, type TieHashes } from './storage/ties.js';

/**
 * Seller ties change rarely and are read on every submission: each isolate keeps them for a short
 * while, so the common submission costs one D1 round trip. A PUT of ties clears this isolate's
 * copy at once; other isolates catch up within the TTL (TIES_CACHE_TTL_MS, default 30 s).
 */
const cache = new Map<string, { ties: TieHashes; until: number }>();
const MAX_ENTRIES = 5_000;

export async function tiesFor(env: Env, sellerId: string, now = Date.now()): Promise<TieHashes> {
  const hit = cache.get(sellerId);
  if (hit && hit.until > now) return hit.ties;
  const ties = await loadTies(env.DB, sellerId);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(sellerId, { ties, until: now + Number(env.TIES_CACHE_TTL_MS ?? 30_000) });
  return ties;
}

export function forgetTies(sellerId: string): void {
  cache.delete(sellerId);
}
