import type { Decision } from '../../models/api.js';
import type { Finding } from '../../models/finding.js';
import { auditStatement, type AuditEntry } from './audit.js';
import { FindingsColumn, MediaRowSchema, ReasonsColumn, SubmissionRowSchema, type MediaRow, type SubmissionRow } from '../../models/rows.js';

/** D1 access for submissions and their media. SQL lives here and nowhere else. */

export async function getSubmission(db: D1Database, id: string): Promise<SubmissionRow | undefined> {
  const row = await db.prepare('SELECT * FROM submissions WHERE id = ?').bind(id).first();
  return row ? SubmissionRowSchema.parse(row) : undefined;
}

export async function getByIdempotencyKey(db: D1Database, key: string): Promise<SubmissionRow | undefined> {
  const row = await db.prepare('SELECT * FROM submissions WHERE idempotency_key = ?').bind(key).first();
  return row ? SubmissionRowSchema.parse(row) : undefined;
}

export async function listMedia(db: D1Database, submissionId: string): Promise<MediaRow[]> {
  const { results } = await db.prepare('SELECT * FROM media WHERE submission_id = ? ORDER BY rowid').bind(submissionId).all();
  return results.map((r) => MediaRowSchema.parse(r));
}

export async function getMedia(db: D1Database, submissionId: string, mediaId: string): Promise<MediaRow | undefined> {
  const row = await db.prepare('SELECT * FROM media WHERE submission_id = ? AND id = ?').bind(submissionId, mediaId).first();
  return row ? MediaRowSchema.parse(row) : undefined;
}

/** The insert's column list is the row schema's, so the two cannot drift apart. */
const SUBMISSION_COLUMNS = SubmissionRowSchema.keyof().options;

export interface NewSubmission {
  row: SubmissionRow;
  media: MediaRow[];
  signals: { accountHash: string; deviceHash: string | null; paymentHash: string | null } | undefined;
}

/**
 * Inserts the submission, its media rows, its signal hashes and its audit record in one batch
 * (one transaction, one round trip).
 * With an idempotency key a concurrent twin loses on the UNIQUE constraint: `inserted` is false and
 * nothing of it is written.
 */
export async function insertSubmission(
  db: D1Database, s: NewSubmission, audit?: AuditEntry, after?: D1PreparedStatement,
): Promise<{ inserted: boolean; after: unknown[] }> {
  const placeholders = SUBMISSION_COLUMNS.map(() => '?').join(',');
  const insert = db
    .prepare(`INSERT INTO submissions (${SUBMISSION_COLUMNS.join(',')}) VALUES (${placeholders}) ON CONFLICT(idempotency_key) DO NOTHING`)
    .bind(...SUBMISSION_COLUMNS.map((c) => s.row[c]));
  // Dependent rows only land when the submission row did (same id, inserted in this batch).
  const stmts: D1PreparedStatement[] = [insert];
  for (const m of s.media) {
    stmts.push(
      db
        .prepare(
          `INSERT INTO media (submission_id, id, r2_key, content_type, bytes, status, findings, redacted_key, attempts, updated_at)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM submissions WHERE id = ?)`,
        )
        .bind(m.submission_id, m.id, m.r2_key, m.content_type, m.bytes, m.status, m.findings, m.redacted_key, m.attempts, m.updated_at, s.row.id),
    );
  }
  if (s.signals) {
    stmts.push(
      db
        .prepare(
          `INSERT INTO author_signals (submission_id, seller_id, account_hash, device_hash, payment_hash, created_at)
           SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM submissions WHERE id = ?)`,
        )
        .bind(s.row.id, s.row.seller_id, s.signals.accountHash, s.signals.deviceHash, s.signals.paymentHash, s.row.created_at, s.row.id),
    );
  }
  if (audit) stmts.push(auditStatement(db, audit, s.row.id));
  // A read that rides in the same round trip (ring signals), seeing the rows just written.
  if (after) stmts.push(after);
  const results = await db.batch(stmts);
  return { inserted: (results[0]?.meta.changes ?? 0) > 0, after: after ? (results.at(-1)?.results ?? []) : [] };
}

export function parseFindings(json: string): Finding[] {
  return FindingsColumn.parse(JSON.parse(json));
}

export function toDecision(row: SubmissionRow, media: MediaRow[], mediaUrl?: (m: MediaRow) => string | undefined): Decision {
  const d: Decision = {
    id: row.id,
    action: row.action,
    status: row.status,
    publishedText: row.published_text,
    findings: parseFindings(row.findings),
    reasons: ReasonsColumn.parse(JSON.parse(row.reasons)),
    locale: row.lang,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (media.length > 0) {
    d.media = media.map((m) => {
      const url = mediaUrl?.(m);
      return { id: m.id, status: m.status, contentType: m.content_type, ...(url ? { redactedUrl: url } : {}) };
    });
  }
  return d;
}

export interface DecisionColumns {
  action: string; status: string; published_text: string | null; findings: string; reasons: string;
  queue_state: string; priority: number; queue_types: string;
  text_findings?: string; media_pending?: number; decided_at?: number | null;
}

/**
 * Replaces the decision columns of a row the caller read at `version`; false when someone else
 * changed it first. An item a moderator holds or has done keeps its queue state.
 */
export async function updateDecision(db: D1Database, id: string, version: number, d: DecisionColumns, now: number): Promise<boolean> {
  const res = await db
    .prepare(
      `UPDATE submissions SET action = ?, status = ?, published_text = ?, findings = ?, reasons = ?,
         text_findings = COALESCE(?, text_findings), media_pending = COALESCE(?, media_pending),
         decided_at = CASE WHEN ? THEN ? ELSE decided_at END,
         queue_state = CASE WHEN queue_state IN ('claimed', 'done') THEN queue_state ELSE ? END, priority = ?, queue_types = ?,
         version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .bind(d.action, d.status, d.published_text, d.findings, d.reasons, d.text_findings ?? null, d.media_pending ?? null,
      d.decided_at !== undefined ? 1 : 0, d.decided_at ?? null, d.queue_state, d.priority, d.queue_types, now, id, version)
    .run();
  return (res.meta.changes ?? 0) > 0;
}

export async function countScanAttempt(db: D1Database, submissionId: string, mediaId: string): Promise<void> {
  await db.prepare('UPDATE media SET attempts = attempts + 1 WHERE submission_id = ? AND id = ?').bind(submissionId, mediaId).run();
}

/** Records a scan's outcome; only a still-pending row changes, so a redelivered job cannot overwrite one. */
export async function settleMedia(
  db: D1Database, submissionId: string, mediaId: string, outcome: { status: 'scanned' | 'failed'; findings: string; redactedKey: string | null }, now: number,
): Promise<void> {
  await db
    .prepare("UPDATE media SET status = ?, findings = ?, redacted_key = COALESCE(?, redacted_key), updated_at = ? WHERE submission_id = ? AND id = ? AND status = 'pending'")
    .bind(outcome.status, outcome.findings, outcome.redactedKey, now, submissionId, mediaId)
    .run();
}

/** Media still pending since before `cutoff`, for the recovery sweep. */
export async function stalePendingMedia(db: D1Database, cutoff: number, limit = 1000): Promise<{ submission_id: string; id: string }[]> {
  const { results } = await db.prepare("SELECT submission_id, id FROM media WHERE status = 'pending' AND updated_at <= ? LIMIT ?")
    .bind(cutoff, limit)
    .all<{ submission_id: string; id: string }>();
  return results;
}
