import { WebhookJobSchema } from '../models/queue.js';
import { hex, hmac } from './crypto.js';
import type { Env } from './env.js';
import { getSubmission, listMedia, toDecision } from './storage/submissions.js';

/**
 * Decision webhooks: the storefront learns when a decision changes (scan finished, moderator
 * decided). Signed as `X-Moderation-Signature: t=<unix>,v1=<hex HMAC-SHA-256(secret, "<t>.<body>")>`,
 * delivered from a Queue so a storefront outage only delays them.
 */
export async function enqueueWebhook(env: Env, submissionId: string, url: string, version: number): Promise<void> {
  try {
    await env.WEBHOOK_QUEUE.send({ submissionId, url, version });
  } catch (err) {
    // The decision itself is stored; the storefront can still poll GET /v1/submissions/{id}.
    console.error(JSON.stringify({ event: 'webhook_enqueue_failed', submissionId, error: (err as Error)?.name }));
  }
}

export async function signWebhook(secret: string, body: string, t: number): Promise<string> {
  return `t=${t},v1=${hex(await hmac(secret, `${t}.${body}`))}`;
}

export async function handleWebhookBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    const job = WebhookJobSchema.safeParse(msg.body);
    if (!job.success || !env.WEBHOOK_SECRET) {
      msg.ack();
      continue;
    }
    const row = await getSubmission(env.DB, job.data.submissionId);
    // A newer decision has its own message; only the latest state is ever sent.
    if (!row || row.version > job.data.version) {
      msg.ack();
      continue;
    }
    const body = JSON.stringify({ event: 'decision.updated', decision: toDecision(row, await listMedia(env.DB, row.id)) });
    const t = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(job.data.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-moderation-signature': await signWebhook(env.WEBHOOK_SECRET, body, t) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) msg.ack();
      else msg.retry({ delaySeconds: Math.min(600, 5 * 2 ** msg.attempts) });
    } catch {
      msg.retry({ delaySeconds: Math.min(600, 5 * 2 ** msg.attempts) });
    }
  }
}
