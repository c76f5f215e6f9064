import type { Env } from './env.js';
import { stalePendingMedia } from './storage/submissions.js';

/**
 * Re-enqueues scans of media still pending: after a local restart (queue messages are in memory)
 * or, in production, as a safety net on the cron trigger. Consumers skip media that is no
 * longer pending, so a duplicate job is harmless.
 */
export async function recoverPendingScans(env: Env, olderThanMs: number): Promise<number> {
  const cutoff = Date.now() - olderThanMs;
  const results = await stalePendingMedia(env.DB, cutoff);
  for (let i = 0; i < results.length; i += 100) {
    await env.SCAN_QUEUE.sendBatch(results.slice(i, i + 100).map((r) => ({ body: { submissionId: r.submission_id, mediaId: r.id } })));
  }
  return results.length;
}
