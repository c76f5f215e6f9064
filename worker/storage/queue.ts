import { WorkRowSchema, type QueueFilter, type Snapshot, type WorkRow } from '../../models/moderation.js';
import type { AuditEntry } from './audit.js';
import { fromB64urlJson, toB64urlJson } from '../base64url.js';

/**
 * D1 access for the moderators' queue: listing, counting, claiming, decisions, undo, appeals and
 * the context a moderator sees. All of the queue's SQL lives here.
 *
 * Queue order is `escalated DESC, priority, created_at, id` (escalated work first for seniors,
 * then phishing/documents, extortion/ties, the rest; oldest first). The partial index
 * `submissions_work` (migrations/0002) holds exactly the rows in `queue_state IN ('open','claimed')`
 * in that order, so every query here repeats that predicate verbatim to be allowed to use it.
 */

const WORK = "queue_state IN ('open', 'claimed')";
const ORDER = 'escalated DESC, priority, created_at, id';

export interface Viewer {
  name: string;
  /** seniors and admins see and claim escalated items */
  senior: boolean;
}

interface Sql { where: string[]; params: unknown[] }

/** The filter's predicates, all bound; `type` matches one type or a whole category in `queue_types`. */
function filterSql(f: QueueFilter, now: number, withType = true): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (withType && f.type) {
    where.push("instr(' ' || queue_types || ' ', ?) > 0");
    params.push(f.type.includes('.') ? ` ${f.type} ` : ` ${f.type}.`);
  }
  if (f.locale) { where.push('lang = ?'); params.push(f.locale); }
  if (f.sellerId) { where.push('seller_id = ?'); params.push(f.sellerId); }
  if (f.olderThan !== undefined) { where.push('created_at <= ?'); params.push(now - f.olderThan); }
  if (f.appeal === true) where.push('appeal_id IS NOT NULL');
  if (f.appeal === false) where.push('appeal_id IS NULL');
  return { where, params };
}

function visibility(v: Viewer): string[] {
  return v.senior ? [] : ['escalated = 0'];
}

export type QueueState = 'waiting' | 'claimed' | 'mine' | 'all';

function stateSql(state: QueueState, v: Viewer, now: number): Sql {
  switch (state) {
    case 'waiting': return { where: ["(queue_state = 'open' OR lease_until < ?)"], params: [now] };
    case 'claimed': return { where: ["queue_state = 'claimed'", 'lease_until >= ?'], params: [now] };
    case 'mine': return { where: ["queue_state = 'claimed'", 'claimed_by = ?'], params: [v.name] };
    default: return { where: [], params: [] };
  }
}

export interface Cursor { e: number; p: number; c: number; i: string }

export function encodeCursor(c: Cursor): string {
  return toB64urlJson([c.e, c.p, c.c, c.i]);
}

export function decodeCursor(s: string): Cursor | undefined {
  const v = fromB64urlJson(s);
  if (!Array.isArray(v) || v.length !== 4) return undefined;
  const [e, p, c, i] = v as unknown[];
  if (typeof e !== 'number' || typeof p !== 'number' || typeof c !== 'number' || typeof i !== 'string') return undefined;
  return { e, p, c, i };
}

export interface QueueListRow {
  id: string; kind: string; excerpt: string; text_length: number; lang: string; seller_id: string; author_account: string;
  queue_types: string; priority: number; escalated: number; queue_state: string; claimed_by: string | null;
  lease_until: number | null; status: string; appeal_id: string | null; excluded_moderator: string | null;
  findings_count: number; media_total: number; created_at: number;
}

const LIST_COLUMNS = `id, kind, substr(text, 1, 280) AS excerpt, length(text) AS text_length, lang, seller_id, author_account,
  queue_types, priority, escalated, queue_state, claimed_by, lease_until, status, appeal_id, excluded_moderator,
  json_array_length(findings) AS findings_count, media_total, created_at`;

export async function listQueue(
  db: D1Database,
  opts: { viewer: Viewer; filter: QueueFilter; state: QueueState; limit: number; cursor?: Cursor | undefined; now: number },
): Promise<{ rows: QueueListRow[]; next: Cursor | undefined }> {
  const f = filterSql(opts.filter, opts.now);
  const s = stateSql(opts.state, opts.viewer, opts.now);
  const where = [WORK, ...visibility(opts.viewer), ...s.where, ...f.where];
  const params = [...s.params, ...f.params];
  if (opts.cursor) {
    const c = opts.cursor;
    where.push('(escalated < ? OR (escalated = ? AND (priority > ? OR (priority = ? AND (created_at > ? OR (created_at = ? AND id > ?))))))');
    params.push(c.e, c.e, c.p, c.p, c.c, c.c, c.i);
  }
  const { results } = await db
    .prepare(`SELECT ${LIST_COLUMNS} FROM submissions WHERE ${where.join(' AND ')} ORDER BY ${ORDER} LIMIT ?`)
    .bind(...params, opts.limit + 1)
    .all<QueueListRow>();
  const rows = results.slice(0, opts.limit);
  const last = rows[rows.length - 1];
  const next = results.length > opts.limit && last ? { e: last.escalated, p: last.priority, c: last.created_at, i: last.id } : undefined;
  return { rows, next };
}

export interface QueueCounts {
  waiting: number;
  claimed: number;
  escalated: number;
  appeals: number;
  byType: Record<string, number>;
  byPriority: Record<string, number>;
}

/**
 * Counts of waiting items per finding type (an item with two types counts under both), under
 * every filter but `type`. Grouping by the `queue_types` string keeps it one pass over the
 * partial index; the few distinct combinations are split here.
 */
export async function queueCounts(db: D1Database, opts: { viewer: Viewer; filter: QueueFilter; now: number }): Promise<QueueCounts> {
  const f = filterSql(opts.filter, opts.now, false);
  // `escalated >= 0` for seniors is always true; it steers SQLite onto submissions_counts, whose
  // order (escalated, queue_types, priority) is the GROUP BY's: no temp b-tree, no table rows.
  const where = [WORK, opts.viewer.senior ? 'escalated >= 0' : 'escalated = 0', ...f.where];
  const { results } = await db
    .prepare(
      `SELECT queue_types, priority, escalated,
         SUM(CASE WHEN queue_state = 'open' OR lease_until < ?1 THEN 1 ELSE 0 END) AS waiting,
         SUM(CASE WHEN queue_state = 'claimed' AND lease_until >= ?1 THEN 1 ELSE 0 END) AS claimed,
         SUM(CASE WHEN appeal_id IS NOT NULL AND (queue_state = 'open' OR lease_until < ?1) THEN 1 ELSE 0 END) AS appeals
       FROM submissions WHERE ${where.join(' AND ')} GROUP BY escalated, queue_types, priority`,
    )
    .bind(opts.now, ...f.params)
    .all<{ queue_types: string; priority: number; escalated: number; waiting: number; claimed: number; appeals: number }>();
  const out: QueueCounts = { waiting: 0, claimed: 0, escalated: 0, appeals: 0, byType: {}, byPriority: {} };
  for (const r of results) {
    out.waiting += r.waiting;
    out.claimed += r.claimed;
    out.appeals += r.appeals;
    if (r.escalated) out.escalated += r.waiting;
    if (r.waiting === 0) continue;
    out.byPriority[String(r.priority)] = (out.byPriority[String(r.priority)] ?? 0) + r.waiting;
    for (const t of r.queue_types.split(' ').filter(Boolean)) out.byType[t] = (out.byType[t] ?? 0) + r.waiting;
  }
  return out;
}

/**
 * Leases up to `limit` claimable items to the caller in ONE statement: the UPDATE's sub-select
 * picks the next rows in queue order and the outer WHERE re-checks claimability, so two
 * concurrent claims (serialised by D1) can never both win a row. The caller reads its rows back
 * by the claim token it stamped.
 */
export async function claimItems(
  db: D1Database,
  opts: { viewer: Viewer; token: string; now: number; leaseMs: number; limit: number; filter: QueueFilter; ids?: string[] | undefined },
): Promise<WorkRow[]> {
  const f = filterSql(opts.filter, opts.now);
  const claimable = ["(queue_state = 'open' OR lease_until < ?)", '(excluded_moderator IS NULL OR excluded_moderator <> ?)', ...visibility(opts.viewer)];
  const pickWhere = [WORK, ...claimable, ...f.where];
  const pickParams: unknown[] = [opts.now, opts.viewer.name, ...f.params];
  if (opts.ids) {
    pickWhere.push('id IN (SELECT value FROM json_each(?))');
    pickParams.push(JSON.stringify(opts.ids));
  }
  await db
    .prepare(
      `UPDATE submissions SET queue_state = 'claimed', claimed_by = ?, claim_token = ?, claimed_at = ?, lease_until = ?
       WHERE id IN (SELECT id FROM submissions WHERE ${pickWhere.join(' AND ')} ORDER BY ${ORDER} LIMIT ?)
         AND ${WORK} AND (queue_state = 'open' OR lease_until < ?)`,
    )
    .bind(opts.viewer.name, opts.token, opts.now, opts.now + opts.leaseMs, ...pickParams, opts.limit, opts.now)
    .run();
  const { results } = await db.prepare(`SELECT * FROM submissions WHERE claim_token = ? ORDER BY ${ORDER}`).bind(opts.token).all();
  return results.map((r) => WorkRowSchema.parse(r));
}

/** Gives the caller's leases back to the queue (all of them, or the listed ones). */
export async function releaseItems(db: D1Database, moderator: string, ids?: string[]): Promise<number> {
  const res = await db
    .prepare(
      `UPDATE submissions SET queue_state = 'open', claimed_by = NULL, claim_token = NULL, claimed_at = NULL, lease_until = NULL
       WHERE queue_state = 'claimed' AND claimed_by = ? AND (? IS NULL OR id IN (SELECT value FROM json_each(?)))`,
    )
    .bind(moderator, ids ? 1 : null, JSON.stringify(ids ?? []))
    .run();
  return res.meta.changes ?? 0;
}

export async function getWorkRow(db: D1Database, id: string): Promise<WorkRow | undefined> {
  const row = await db.prepare('SELECT * FROM submissions WHERE id = ?').bind(id).first();
  return row ? WorkRowSchema.parse(row) : undefined;
}

/** The items a moderator holds, in queue order (the console walks them one after another). */
export async function heldItems(db: D1Database, moderator: string, limit = 100): Promise<{ id: string; lease_until: number }[]> {
  const { results } = await db
    .prepare(`SELECT id, lease_until FROM submissions WHERE queue_state = 'claimed' AND claimed_by = ? ORDER BY priority, created_at LIMIT ?`)
    .bind(moderator, limit)
    .all<{ id: string; lease_until: number }>();
  return results;
}

// ---------------------------------------------------------------- context for the item view

export interface HistoryRow {
  id: string; kind: string; status: string; action: string; reasons: string; decided_by: string | null;
  decided_at: number | null; created_at: number; seller_id: string;
}

export async function authorHistory(db: D1Database, authorHash: string, excludeId: string, limit = 20): Promise<{ rows: HistoryRow[]; totals: Record<string, number> }> {
  const [list, totals] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT id, kind, status, action, reasons, decided_by, decided_at, created_at, seller_id FROM submissions
         WHERE author_hash = ? AND id <> ? ORDER BY created_at DESC LIMIT ?`,
      )
      .bind(authorHash, excludeId, limit),
    db.prepare('SELECT status, COUNT(*) AS n FROM submissions WHERE author_hash = ? AND id <> ? GROUP BY status').bind(authorHash, excludeId),
  ]);
  const t: Record<string, number> = {};
  for (const r of (totals?.results ?? []) as { status: string; n: number }[]) t[r.status] = r.n;
  return { rows: (list?.results ?? []) as unknown as HistoryRow[], totals: t };
}

export interface SellerVolume { waiting: number; claimed: number; last30d: number; hidden30d: number; queued30d: number }

export async function sellerVolume(db: D1Database, sellerId: string, now: number): Promise<SellerVolume> {
  const since = now - 30 * 86_400_000;
  const [work, recent] = await db.batch<Record<string, number>>([
    db
      .prepare(
        `SELECT SUM(CASE WHEN queue_state = 'open' OR lease_until < ?2 THEN 1 ELSE 0 END) AS waiting,
                SUM(CASE WHEN queue_state = 'claimed' AND lease_until >= ?2 THEN 1 ELSE 0 END) AS claimed
         FROM submissions WHERE seller_id = ?1 AND ${WORK}`,
      )
      .bind(sellerId, now),
    db
      .prepare(
        `SELECT COUNT(*) AS total, SUM(CASE WHEN status = 'hidden' THEN 1 ELSE 0 END) AS hidden,
                SUM(CASE WHEN queue_types <> '' AND (action = 'queue' OR decided_by IS NOT NULL) THEN 1 ELSE 0 END) AS queued
         FROM submissions WHERE seller_id = ? AND created_at >= ?`,
      )
      .bind(sellerId, since),
  ]);
  const w = work?.results[0] ?? {};
  const r = recent?.results[0] ?? {};
  return { waiting: w.waiting ?? 0, claimed: w.claimed ?? 0, last30d: r.total ?? 0, hidden30d: r.hidden ?? 0, queued30d: r.queued ?? 0 };
}

// ---------------------------------------------------------------- decisions

export interface DecisionRow {
  id: string; submission_id: string; moderator: string; role: string; action: string; reason: string; note: string | null;
  redactions: string | null; appeal_id: string | null; before: string; after: string; version_after: number;
  statement: string | null; decided_at: number; undone_at: number | null;
}

export async function listDecisions(db: D1Database, submissionId: string): Promise<DecisionRow[]> {
  const { results } = await db.prepare('SELECT * FROM decisions WHERE submission_id = ? ORDER BY decided_at, rowid').bind(submissionId).all<DecisionRow>();
  return results;
}

export async function getDecision(db: D1Database, id: string): Promise<DecisionRow | undefined> {
  return (await db.prepare('SELECT * FROM decisions WHERE id = ?').bind(id).first<DecisionRow>()) ?? undefined;
}

export async function latestLiveDecision(db: D1Database, submissionId: string): Promise<DecisionRow | undefined> {
  const row = await db
    .prepare('SELECT * FROM decisions WHERE submission_id = ? AND undone_at IS NULL ORDER BY decided_at DESC, rowid DESC LIMIT 1')
    .bind(submissionId)
    .first<DecisionRow>();
  return row ?? undefined;
}

const SNAPSHOT_SET = `action = ?, status = ?, published_text = ?, reasons = ?, queue_state = ?, claimed_by = ?, lease_until = ?,
  escalated = ?, decided_by = ?, decided_at = ?, appeal_id = ?, excluded_moderator = ?, last_decision_id = ?`;

function snapshotParams(s: Snapshot): unknown[] {
  return [s.action, s.status, s.published_text, s.reasons, s.queue_state, s.claimed_by, s.lease_until, s.escalated, s.decided_by,
    s.decided_at, s.appeal_id, s.excluded_moderator, s.last_decision_id];
}

/** Guard for the statements batched after a row update: they land only if the update did. */
const LANDED = 'EXISTS (SELECT 1 FROM submissions WHERE id = ? AND last_decision_id = ?)';

function auditIf(db: D1Database, e: AuditEntry, guardId: string): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO audit (submission_id, actor, role, event, action, reason, note, before, after, at) SELECT ?,?,?,?,?,?,?,?,?,? WHERE ${LANDED}`)
    .bind(e.submissionId, e.actor, e.role, e.event, e.action, e.reason, e.note, e.before == null ? null : JSON.stringify(e.before),
      e.after == null ? null : JSON.stringify(e.after), e.at, e.submissionId, guardId);
}

export interface NewDecision {
  id: string; submissionId: string; moderator: string; role: string; action: string; reason: string; note: string | null;
  redactions: unknown; appealId: string | null; before: Snapshot; after: Snapshot; versionBefore: number; statement: unknown; at: number;
  audit: AuditEntry;
  /** appeal outcome to record with the decision */
  appealOutcome?: { id: string; status: 'upheld' | 'reversed' } | undefined;
}

/**
 * One transaction: the row changes only if it is still at the version the moderator saw and
 * still held by them; the decision, the audit record and the appeal outcome land only with it.
 */
export async function applyDecision(db: D1Database, d: NewDecision): Promise<boolean> {
  const stmts = [
    db
      .prepare(
        `UPDATE submissions SET ${SNAPSHOT_SET}, claim_token = NULL, claimed_at = NULL, version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND queue_state = 'claimed' AND claimed_by = ?`,
      )
      .bind(...snapshotParams(d.after), d.at, d.submissionId, d.versionBefore, d.moderator),
    db
      .prepare(
        `INSERT INTO decisions (id, submission_id, moderator, role, action, reason, note, redactions, appeal_id, before, after, version_after, statement, decided_at)
         SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE ${LANDED}`,
      )
      .bind(d.id, d.submissionId, d.moderator, d.role, d.action, d.reason, d.note, d.redactions == null ? null : JSON.stringify(d.redactions),
        d.appealId, JSON.stringify(d.before), JSON.stringify(d.after), d.versionBefore + 1, d.statement == null ? null : JSON.stringify(d.statement), d.at,
        d.submissionId, d.id),
    auditIf(db, d.audit, d.id),
  ];
  if (d.appealOutcome) {
    stmts.push(
      db
        .prepare(`UPDATE appeals SET status = ?, decided_at = ?, outcome_decision_id = ? WHERE id = ? AND status = 'open' AND ${LANDED}`)
        .bind(d.appealOutcome.status, d.at, d.id, d.appealOutcome.id, d.submissionId, d.id),
    );
  }
  const results = await db.batch(stmts);
  return (results[0]?.meta.changes ?? 0) > 0;
}

/** Writes the decision's `before` back (held again by its moderator) and marks the decision undone. */
export async function applyUndo(
  db: D1Database,
  u: { decision: DecisionRow; restore: Snapshot; at: number; audit: AuditEntry; reopenAppealId: string | null },
): Promise<boolean> {
  const marker = u.restore.last_decision_id!;
  const stmts = [
    db
      .prepare(
        `UPDATE submissions SET ${SNAPSHOT_SET}, claim_token = NULL, claimed_at = ?, version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND last_decision_id = ?`,
      )
      .bind(...snapshotParams(u.restore), u.at, u.at, u.decision.submission_id, u.decision.version_after, u.decision.id),
    db.prepare(`UPDATE decisions SET undone_at = ? WHERE id = ? AND undone_at IS NULL AND ${LANDED}`).bind(u.at, u.decision.id, u.decision.submission_id, marker),
    auditIf(db, u.audit, marker),
  ];
  if (u.reopenAppealId) {
    stmts.push(
      db
        .prepare(`UPDATE appeals SET status = 'open', decided_at = NULL, outcome_decision_id = NULL WHERE id = ? AND ${LANDED}`)
        .bind(u.reopenAppealId, u.decision.submission_id, marker),
    );
  }
  const results = await db.batch(stmts);
  return (results[0]?.meta.changes ?? 0) > 0;
}

// ---------------------------------------------------------------- appeals

export interface AppealRow {
  id: string; submission_id: string; statement: string; status: string; excluded_moderator: string | null;
  created_at: number; decided_at: number | null; decision_ref: string | null; outcome_decision_id: string | null;
}

/** Was this decision (by its reference) appealed before? */
export async function wasAppealed(db: D1Database, submissionId: string, decisionRef: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 FROM appeals WHERE submission_id = ? AND decision_ref = ?').bind(submissionId, decisionRef).first()) !== null;
}

export async function listAppeals(db: D1Database, submissionId: string): Promise<AppealRow[]> {
  const { results } = await db.prepare('SELECT * FROM appeals WHERE submission_id = ? ORDER BY created_at').bind(submissionId).all<AppealRow>();
  return results;
}

export async function getAppeal(db: D1Database, id: string): Promise<AppealRow | undefined> {
  return (await db.prepare('SELECT * FROM appeals WHERE id = ?').bind(id).first<AppealRow>()) ?? undefined;
}

/**
 * Opens an appeal: the item goes back to the queue (its published state unchanged meanwhile)
 * for anyone but the moderator who decided. Guarded like a decision: only one appeal can win.
 */
export async function openAppeal(
  db: D1Database,
  a: { id: string; submissionId: string; statement: string; decisionRef: string; excluded: string | null; version: number; at: number; audit: AuditEntry },
): Promise<boolean> {
  const marker = `appeal:${a.id}`;
  const results = await db.batch([
    db
      .prepare(
        `UPDATE submissions SET queue_state = 'open', claimed_by = NULL, claim_token = NULL, claimed_at = NULL, lease_until = NULL, escalated = 0,
           appeal_id = ?, excluded_moderator = ?, last_decision_id = ?, updated_at = ?
         WHERE id = ? AND version = ? AND appeal_id IS NULL AND queue_state IN ('none', 'done')`,
      )
      .bind(a.id, a.excluded, marker, a.at, a.submissionId, a.version),
    db
      .prepare(
        `INSERT INTO appeals (id, submission_id, statement, status, excluded_moderator, created_at, decision_ref)
         SELECT ?, ?, ?, 'open', ?, ?, ? WHERE ${LANDED}`,
      )
      .bind(a.id, a.submissionId, a.statement, a.excluded, a.at, a.decisionRef, a.submissionId, marker),
    auditIf(db, a.audit, marker),
  ]);
  return (results[0]?.meta.changes ?? 0) > 0;
}
