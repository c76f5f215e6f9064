import type { Context } from 'hono';
import { endTime, startTime } from 'hono/timing';
import type { Decision, Submission } from '../models/api.js';
import type { MediaRow, SubmissionRow } from '../models/rows.js';
import { analyzeText, decide, toFinding } from '../moderation/pipeline.js';
import { configFor } from './config.js';
import { sha256Hex } from './crypto.js';
import type { Env } from './env.js';
import { ApiError } from './errors.js';
import type { PreparedMedia } from './media.js';
import { queueFields } from './queue-fields.js';
import { markScanFailed } from './scan.js';
import { getByIdempotencyKey, insertSubmission, listMedia, toDecision, updateDecision } from './storage/submissions.js';
import { requeueSubmissions, sharedSignalsStatement, type SignalRow } from './storage/ties.js';
import { RING_WINDOW_MS, ringFor, tieFindings } from './ties.js';

/** The storefront's submission flow: route → model → pipeline → policy → storage → response. */

export interface SubmitOptions {
  idempotencyKey: string | undefined;
  requestHash: string;
  media: PreparedMedia[];
  now?: number;
  /** Hono context for Server-Timing phases (local profiling) */
  timing?: Context;
}

function phase(c: Context | undefined, name: string): () => void {
  // Only when the timing middleware runs (SERVER_TIMING=1); otherwise Hono would warn per request.
  if (!c?.get('metric' as never)) return () => {};
  startTime(c, name);
  return () => endTime(c, name);
}

export function newId(): string {
  return `sub_${crypto.randomUUID().replace(/-/g, '')}`;
}

export async function submit(env: Env, input: Submission, opts: SubmitOptions): Promise<{ decision: Decision; replayed: boolean }> {
  // No read before the write: the UNIQUE idempotency key decides, and only a replay costs a second read.
  const now = opts.now ?? Date.now();
  const id = newId();
  let done = phase(opts.timing, 'pipeline');
  const analysis = analyzeText(
    { text: input.text, locale: input.locale, kind: input.kind, rating: input.rating, disclosedSellerTie: input.author.disclosedSellerTie },
    { config: configFor(env) },
  );
  done();
  done = phase(opts.timing, 'ties');
  const ties = await tieFindings(env, input);
  done();
  const lang = analysis.lang;
  let textFindings = [...analysis.findings, ...ties.findings.map((f) => toFinding(f, lang))];
  const mediaFindings = opts.media.flatMap((m) => m.findings.map((f) => toFinding(f, lang)));
  const pending = opts.media.some((m) => m.state === 'pending');
  let d = decide(input.text, lang, [...textFindings, ...mediaFindings], { pendingMedia: pending });

  // Media bytes go to R2 before the row that points at them: content-addressed keys make a
  // retried or duplicate upload harmless.
  for (const m of opts.media) {
    if (m.state === 'invalid') continue;
    await env.MEDIA.put(mediaKey(m.sha256), m.bytes, { httpMetadata: { contentType: m.contentType }, sha256: m.sha256 });
  }

  const row: SubmissionRow = {
    id,
    idempotency_key: opts.idempotencyKey ?? null,
    request_hash: opts.requestHash,
    kind: input.kind,
    text: input.text,
    locale: input.locale ?? null,
    lang,
    rating: input.rating ?? null,
    author_account: input.author.accountId,
    author_hash: ties.hashes.accountHash,
    seller_id: input.seller.id,
    product_id: input.productId ?? null,
    order_id: input.orderId ?? null,
    disclosed_tie: input.author.disclosedSellerTie ? 1 : 0,
    callback_url: input.callbackUrl ?? null,
    action: d.action,
    status: d.status,
    published_text: d.publishedText,
    findings: JSON.stringify(d.findings),
    reasons: JSON.stringify(d.reasons),
    text_findings: JSON.stringify(textFindings),
    media_total: opts.media.length,
    media_pending: opts.media.filter((m) => m.state === 'pending').length,
    ...queueFields(d.status, d.findings),
    claimed_by: null,
    lease_until: null,
    escalated: 0,
    decided_by: null,
    decided_at: d.status === 'pending' ? null : now,
    version: 0,
    created_at: now,
    updated_at: now,
  };
  const media: MediaRow[] = opts.media.map((m) => ({
    submission_id: id,
    id: m.id,
    r2_key: m.state === 'invalid' ? '' : mediaKey(m.sha256),
    content_type: m.contentType,
    bytes: m.bytes.byteLength,
    status: m.state,
    findings: JSON.stringify(m.findings.map((f) => toFinding(f, lang))),
    redacted_key: null,
    attempts: 0,
    updated_at: now,
  }));
  const audit = {
    submissionId: id, actor: 'pipeline', role: 'system', event: 'auto_decision', action: d.action,
    reason: d.reasons[0] ?? null, note: null, before: null, after: { status: d.status, reasons: d.reasons }, at: now,
  };
  const { deviceHash, paymentHash } = ties.hashes;
  const ringQuery = deviceHash || paymentHash ? sharedSignalsStatement(env.DB, input.seller.id, deviceHash, paymentHash, now - RING_WINDOW_MS) : undefined;
  done = phase(opts.timing, 'store');
  const stored = await insertSubmission(env.DB, { row, media, signals: ties.hashes }, audit, ringQuery);
  done();
  if (!stored.inserted) {
    // A concurrent request with the same key won the race: answer with its result.
    const winner = opts.idempotencyKey ? await getByIdempotencyKey(env.DB, opts.idempotencyKey) : undefined;
    if (!winner) throw new ApiError(409, 'conflict', 'A concurrent request with this Idempotency-Key is still being stored; retry.');
    return replay(env, winner, opts.requestHash);
  }

  // Rings are rare: only then does a submission cost a second write, which queues this item and
  // puts the earlier ring members back in front of a human.
  const ring = ringFor(stored.after as SignalRow[], id, ties.hashes, now);
  if (ring) {
    textFindings = [...textFindings, toFinding(ring.finding, lang)];
    d = decide(input.text, lang, [...textFindings, ...mediaFindings], { pendingMedia: pending });
    const q = queueFields(d.status, d.findings);
    const next = { action: d.action, status: d.status, published_text: d.publishedText, findings: JSON.stringify(d.findings), reasons: JSON.stringify(d.reasons), text_findings: JSON.stringify(textFindings), ...q };
    if (await updateDecision(env.DB, id, 0, next, now)) Object.assign(row, next, { version: 1 });
    await requeueSubmissions(env.DB, ring.submissionIds, now);
  }
  if (pending) await enqueueScans(env, id, media.filter((m) => m.status === 'pending').map((m) => m.id));
  return { decision: toDecision(row, media), replayed: false };
}

async function replay(env: Env, row: SubmissionRow, requestHash: string): Promise<{ decision: Decision; replayed: boolean }> {
  if (row.request_hash !== requestHash) {
    throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body.');
  }
  return { decision: toDecision(row, await listMedia(env.DB, row.id)), replayed: true };
}

export function mediaKey(sha256: string): string {
  return `media/${sha256}`;
}

async function enqueueScans(env: Env, submissionId: string, mediaIds: string[]): Promise<void> {
  try {
    await env.SCAN_QUEUE.sendBatch(mediaIds.map((mediaId) => ({ body: { submissionId, mediaId } })));
  } catch (err) {
    // The queue refused the jobs: the item must not wait forever, so it goes to a human now.
    console.error(JSON.stringify({ event: 'scan_enqueue_failed', submissionId, error: (err as Error)?.name }));
    for (const mediaId of mediaIds) await markScanFailed(env, submissionId, mediaId, 'enqueue_failed');
  }
}

export async function requestHash(body: unknown): Promise<string> {
  return sha256Hex(JSON.stringify(body));
}
