import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Decision } from '../../models/api.js';
import type { Finding } from '../../models/finding.js';
import { AuditQuerySchema, ClaimBodySchema, DecisionBodySchema, QueueQuerySchema, ReleaseBodySchema, type WorkRow } from '../../models/moderation.js';
import { requireRole } from '../auth.js';
import { claim, decide, itemView, release, undo, viewerOf } from '../decisions.js';
import type { AppEnv } from '../env.js';
import { ApiError, parseWith, readJson } from '../errors.js';
import { listAudit, type AuditRow } from '../storage/audit.js';
import { decodeCursor, encodeCursor, getWorkRow, listQueue, queueCounts, type QueueListRow } from '../storage/queue.js';
import { getMedia, parseFindings } from '../storage/submissions.js';

/**
 * The moderators' API: the queue (list, claim, release, item view, original media), decisions
 * and undo, and the audit trail. The console (worker/console/) does the same through
 * worker/decisions.ts.
 */

const SMALL_BODY = bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new ApiError(413, 'payload_too_large', 'The body is over 64 KiB.'); } });
const moderator = requireRole({ role: 'moderator' });

function summary(r: QueueListRow, now: number) {
  return {
    id: r.id,
    kind: r.kind,
    excerpt: r.excerpt,
    textLength: r.text_length,
    locale: r.lang,
    sellerId: r.seller_id,
    authorAccount: r.author_account,
    types: r.queue_types.split(' ').filter(Boolean),
    priority: r.priority,
    status: r.status,
    findingsCount: r.findings_count,
    mediaCount: r.media_total,
    escalated: r.escalated === 1,
    appealId: r.appeal_id,
    state: r.queue_state === 'claimed' && (r.lease_until ?? 0) >= now ? 'claimed' : 'waiting',
    claimedBy: r.queue_state === 'claimed' ? r.claimed_by : null,
    leaseUntil: r.queue_state === 'claimed' && r.lease_until ? new Date(r.lease_until).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    ageSeconds: Math.max(0, Math.round((now - r.created_at) / 1000)),
  };
}

/** A claimed item, complete: what the moderator needs to decide without another request. */
export function claimedItem(r: WorkRow) {
  const findings: Finding[] = parseFindings(r.findings);
  return {
    id: r.id, kind: r.kind, text: r.text, locale: r.lang, rating: r.rating, sellerId: r.seller_id, authorAccount: r.author_account,
    status: r.status, findings, reasons: JSON.parse(r.reasons) as Decision['reasons'], types: r.queue_types.split(' ').filter(Boolean),
    priority: r.priority, escalated: r.escalated === 1, appealId: r.appeal_id, version: r.version,
    leaseUntil: r.lease_until ? new Date(r.lease_until).toISOString() : null, createdAt: new Date(r.created_at).toISOString(),
  };
}

// ---------------------------------------------------------------- /v1/queue

export const queue = new Hono<AppEnv>();

queue.get('/', moderator, async (c) => {
  const q = parseWith(QueueQuerySchema, c.req.query());
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  if (q.cursor && !cursor) throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API returned.');
  const now = Date.now();
  const viewer = viewerOf(c.get('principal'));
  const filter = { type: q.type, locale: q.locale, sellerId: q.sellerId, olderThan: q.olderThan ?? q.age, appeal: q.appeal };
  const [page, counts] = await Promise.all([
    listQueue(c.env.DB, { viewer, filter, state: q.state, limit: q.limit, cursor, now }),
    queueCounts(c.env.DB, { viewer, filter, now }),
  ]);
  c.header('cache-control', 'private, no-store');
  return c.json({ items: page.rows.map((r) => summary(r, now)), nextCursor: page.next ? encodeCursor(page.next) : null, counts });
});

queue.post('/claim', moderator, SMALL_BODY, async (c) => {
  const body = parseWith(ClaimBodySchema, await readJson(c));
  const { rows, leaseUntil } = await claim(c.env, c.get('principal'), body);
  c.header('cache-control', 'private, no-store');
  return c.json({ items: rows.map(claimedItem), leaseUntil: new Date(leaseUntil).toISOString() });
});

queue.post('/release', moderator, SMALL_BODY, async (c) => {
  const raw = c.req.header('content-length') === '0' ? {} : await readJson(c);
  const body = parseWith(ReleaseBodySchema, raw);
  return c.json({ released: await release(c.env, c.get('principal'), body.ids) });
});

queue.get('/:id', moderator, async (c) => {
  c.header('cache-control', 'private, no-store');
  return c.json(await itemView(c.env, c.get('principal'), c.req.param('id')));
});

/** The ORIGINAL upload, for moderators only (the console shows it blurred until revealed). */
queue.get('/:id/media/:mediaId', requireRole({ role: 'moderator', cookie: true }), async (c) => {
  const row = await getWorkRow(c.env.DB, c.req.param('id'));
  const media = row ? await getMedia(c.env.DB, row.id, c.req.param('mediaId')) : undefined;
  if (!row || !media || !media.r2_key) throw new ApiError(404, 'not_found', 'No such media.');
  const inQueue = row.queue_state === 'open' || row.queue_state === 'claimed';
  if (inQueue && row.escalated && !viewerOf(c.get('principal')).senior) throw new ApiError(403, 'escalated', 'This item is escalated to senior moderators.');
  const obj = await c.env.MEDIA.get(media.r2_key);
  if (!obj) throw new ApiError(404, 'not_found', 'No such media.');
  return new Response(obj.body, {
    headers: {
      'content-type': media.content_type,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': 'inline',
    },
  });
});

// ---------------------------------------------------------------- /v1/submissions/{id}/decision

export const decisionRoutes = new Hono<AppEnv>();

decisionRoutes.post('/:id/decision', moderator, SMALL_BODY, async (c) => {
  const body = parseWith(DecisionBodySchema, await readJson(c));
  const r = await decide(c.env, c.get('principal'), c.req.param('id'), body);
  return c.json({ ...r.decision, decisionId: r.decisionId, undoUntil: r.undoUntil, escalated: r.escalated, ...(r.appeal ? { appeal: r.appeal } : {}) });
});

decisionRoutes.post('/:id/decision/undo', moderator, async (c) => {
  const r = await undo(c.env, c.get('principal'), c.req.param('id'));
  return c.json({ ...r.decision, undoneDecisionId: r.undone });
});

// ---------------------------------------------------------------- /v1/audit

export const audit = new Hono<AppEnv>();

function auditJson(r: AuditRow) {
  const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
  return {
    seq: r.seq, submissionId: r.submission_id, actor: r.actor, role: r.role, event: r.event, action: r.action, reason: r.reason,
    note: r.note, before: parse(r.before), after: parse(r.after), at: new Date(r.at).toISOString(),
  };
}

/** RFC 4180 quoting, and a leading ' on cells a spreadsheet would run as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = ['seq', 'at', 'submissionId', 'actor', 'role', 'event', 'action', 'reason', 'note', 'before', 'after'] as const;

audit.get('/', requireRole({ role: 'senior' }), async (c) => {
  const q = parseWith(AuditQuerySchema, c.req.query());
  const limit = Math.min(q.limit ?? (q.format === 'json' ? 100 : 1000), q.format === 'json' ? 500 : 10_000);
  const rows = await listAudit(c.env.DB, { submissionId: q.submissionId, afterSeq: q.cursor ? Number(q.cursor) : 0, limit: limit + 1 });
  const page = rows.slice(0, limit).map(auditJson);
  const next = rows.length > limit ? String(page[page.length - 1]!.seq) : null;
  c.header('cache-control', 'private, no-store');
  if (next) c.header('x-next-cursor', next);
  if (q.format === 'json') return c.json({ items: page, nextCursor: next });
  const stamp = new Date().toISOString().slice(0, 10);
  if (q.format === 'ndjson') {
    c.header('content-disposition', `attachment; filename="audit-${stamp}.ndjson"`);
    return c.body(page.map((r) => JSON.stringify(r)).join('\n') + (page.length ? '\n' : ''), 200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  }
  const lines = [CSV_COLUMNS.join(','), ...page.map((r) => CSV_COLUMNS.map((k) => csvCell(r[k])).join(','))];
  c.header('content-disposition', `attachment; filename="audit-${stamp}.csv"`);
  return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8' });
});
