/** The append-only audit trail (the table refuses UPDATE and DELETE by trigger). */
export interface AuditEntry {
  submissionId: string;
  actor: string;
  role: string;
  event: string;
  action: string | null;
  reason: string | null;
  note: string | null;
  before: unknown;
  after: unknown;
  at: number;
}

/** With `ifSubmissionExists`, the record lands only when that submission row exists (same batch). */
export function auditStatement(db: D1Database, e: AuditEntry, ifSubmissionExists?: string): D1PreparedStatement {
  const values = [e.submissionId, e.actor, e.role, e.event, e.action, e.reason, e.note, e.before == null ? null : JSON.stringify(e.before), e.after == null ? null : JSON.stringify(e.after), e.at];
  const cols = 'INSERT INTO audit (submission_id, actor, role, event, action, reason, note, before, after, at)';
  if (ifSubmissionExists === undefined) return db.prepare(`${cols} VALUES (?,?,?,?,?,?,?,?,?,?)`).bind(...values);
  return db.prepare(`${cols} SELECT ?,?,?,?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM submissions WHERE id = ?)`).bind(...values, ifSubmissionExists);
}

export async function appendAudit(db: D1Database, e: AuditEntry): Promise<void> {
  await auditStatement(db, e).run();
}

export interface AuditRow {
  seq: number; submission_id: string; actor: string; role: string; event: string; action: string | null;
  reason: string | null; note: string | null; before: string | null; after: string | null; at: number;
}

export async function listAudit(db: D1Database, opts: { submissionId?: string; afterSeq?: number; limit: number }): Promise<AuditRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM audit WHERE (?1 IS NULL OR submission_id = ?1) AND seq > ?2 ORDER BY seq LIMIT ?3')
    .bind(opts.submissionId ?? null, opts.afterSeq ?? 0, opts.limit)
    .all<AuditRow>();
  return results;
}
