import { ScanJobSchema } from '../models/queue.js';
import type { Finding } from '../models/finding.js';
import { decide, toFinding } from '../moderation/pipeline.js';
import type { Lang } from '../moderation/types.js';
import type { Env } from './env.js';
import { queueFields } from './queue-fields.js';
import { scanMedia, ScannerUnavailable } from './scanner-client.js';
import { appendAudit } from './storage/audit.js';
import { countScanAttempt, getMedia, getSubmission, listMedia, parseFindings, settleMedia, updateDecision } from './storage/submissions.js';
import { enqueueWebhook } from './webhook.js';

/**
 * The scan queue's consumer. Each message scans one media item; the submission's decision is
 * recomputed from stored state once no media is pending, so redelivery and concurrent consumers
 * converge on one result and the webhook fires once per change.
 */

function retryDelay(env: Env, attempts: number): number {
  const base = Number(env.SCAN_RETRY_DELAY_S ?? 2);
  return Math.min(300, Math.round(base * 2 ** Math.max(0, attempts - 1)));
}

export async function handleScanBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const maxAttempts = Number(env.SCAN_MAX_ATTEMPTS ?? 5);
  for (const msg of batch.messages) {
    const job = ScanJobSchema.safeParse(msg.body);
    if (!job.success) {
      console.error(JSON.stringify({ event: 'scan_job_malformed', id: msg.id }));
      msg.ack();
      continue;
    }
    const { submissionId, mediaId } = job.data;
    try {
      await scanOne(env, submissionId, mediaId);
      msg.ack();
    } catch (err) {
      const transient = err instanceof ScannerUnavailable;
      console.error(JSON.stringify({ event: 'scan_failed_attempt', submissionId, mediaId, attempts: msg.attempts, error: (err as Error)?.name }));
      if (msg.attempts >= maxAttempts) {
        await markScanFailed(env, submissionId, mediaId, transient ? 'scanner_unavailable' : 'scan_error');
        msg.ack();
      } else {
        msg.retry({ delaySeconds: retryDelay(env, msg.attempts) });
      }
    }
  }
}

/** Messages that exhausted the queue's own retries land here: a human takes the item. */
export async function handleScanDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    const job = ScanJobSchema.safeParse(msg.body);
    if (job.success) await markScanFailed(env, job.data.submissionId, job.data.mediaId, 'dead_letter');
    msg.ack();
  }
}

async function scanOne(env: Env, submissionId: string, mediaId: string): Promise<void> {
  const media = await getMedia(env.DB, submissionId, mediaId);
  if (!media || media.status !== 'pending') return; // redelivered after it was done
  await countScanAttempt(env.DB, submissionId, mediaId);
  const obj = await env.MEDIA.get(media.r2_key);
  if (!obj) {
    await markScanFailed(env, submissionId, mediaId, 'object_missing');
    return;
  }
  const result = await scanMedia(env, mediaId, media.content_type, await obj.arrayBuffer());
  const sub = await getSubmission(env.DB, submissionId);
  const lang = (sub?.lang ?? 'en') as Lang;
  const findings = result.findings.map((f) => toFinding({ ...f, mediaId }, lang));
  let redactedKey: string | null = null;
  if (result.redactedBase64) {
    redactedKey = `redacted/${submissionId}/${encodeURIComponent(mediaId)}`;
    const bytes = Uint8Array.from(atob(result.redactedBase64), (c) => c.charCodeAt(0));
    await env.MEDIA.put(redactedKey, bytes, { httpMetadata: { contentType: result.redactedContentType ?? 'image/jpeg' } });
  }
  await settleMedia(env.DB, submissionId, mediaId, { status: 'scanned', findings: JSON.stringify(findings), redactedKey }, Date.now());
  await finalize(env, submissionId);
}

export async function markScanFailed(env: Env, submissionId: string, mediaId: string, why: string): Promise<void> {
  const sub = await getSubmission(env.DB, submissionId);
  const lang = (sub?.lang ?? 'en') as Lang;
  const finding = toFinding({ type: 'media.scan_failed', detector: 'media-scanner', confidence: 1, mediaId, evidence: { detail: why } }, lang);
  await settleMedia(env.DB, submissionId, mediaId, { status: 'failed', findings: JSON.stringify([finding]), redactedKey: null }, Date.now());
  await finalize(env, submissionId);
}

/** Recomputes the decision from the text findings and every media row; a no-op while media is pending. */
export async function finalize(env: Env, submissionId: string): Promise<void> {
  const row = await getSubmission(env.DB, submissionId);
  if (!row || row.decided_by) return; // a moderator's decision is never overwritten by the pipeline
  const media = await listMedia(env.DB, submissionId);
  const pending = media.filter((m) => m.status === 'pending').length;
  const findings: Finding[] = [...parseFindings(row.text_findings), ...media.flatMap((m) => parseFindings(m.findings))];
  const d = decide(row.text, row.lang as Lang, findings, { pendingMedia: pending > 0 });
  if (d.status === row.status && pending === row.media_pending && JSON.stringify(d.findings) === row.findings) return;
  const now = Date.now();
  const q = queueFields(d.status, d.findings);
  const next = {
    action: d.action, status: d.status, published_text: d.publishedText, findings: JSON.stringify(d.findings), reasons: JSON.stringify(d.reasons),
    ...q, media_pending: pending, decided_at: d.status === 'pending' ? null : now,
  };
  if (!(await updateDecision(env.DB, row.id, row.version, next, now))) {
    // Another consumer changed the row in between: recompute from its state.
    return finalize(env, submissionId);
  }
  await appendAudit(env.DB, {
    submissionId, actor: 'pipeline', role: 'system', event: 'media_scanned', action: d.action, reason: d.reasons[0] ?? null, note: null,
    before: { status: row.status }, after: { status: d.status, reasons: d.reasons }, at: now,
  });
  if (d.status !== row.status && row.callback_url) await enqueueWebhook(env, row.id, row.callback_url, row.version + 1);
}
