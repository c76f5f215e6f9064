import type { Decision } from '../models/api.js';
import type { Finding, FindingType } from '../models/finding.js';
import {
  isFindingType, SnapshotSchema, type ClaimBody, type DecisionBody, type QueueFilter, type Snapshot, type StatementOfReasons, type WorkRow,
} from '../models/moderation.js';
import { redactedText } from '../moderation/pipeline.js';
import type { Lang } from '../moderation/types.js';
import type { Env, Principal } from './env.js';
import { ApiError } from './errors.js';
import { appealDeadline, buildStatement, type StatementInput } from './statement.js';
import { listMedia, parseFindings, toDecision } from './storage/submissions.js';
import {
  applyDecision, applyUndo, authorHistory, claimItems, getAppeal, getWorkRow, latestLiveDecision, listDecisions, openAppeal as storeAppeal,
  releaseItems, sellerVolume, type DecisionRow, type SellerVolume, type Viewer, wasAppealed,
} from './storage/queue.js';
import { enqueueWebhook } from './webhook.js';

/**
 * The moderators' work: claim, decide, undo, appeal. Shared by the JSON API
 * (worker/routes/moderation.ts, worker/routes/appeals.ts) and the console (worker/console/).
 * Route → this → storage/queue.ts; every change is one guarded D1 batch.
 */

export interface QueueSettings {
  leaseMs: number;
  undoMs: number;
}

type QueueVars = { QUEUE_LEASE_S?: string; DECISION_UNDO_S?: string };

function seconds(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Lease 10 minutes, undo 5 minutes; both overridable (tests use short ones). */
export function queueSettings(env: Env): QueueSettings {
  const v = env as Env & QueueVars;
  return { leaseMs: seconds(v.QUEUE_LEASE_S, 600) * 1000, undoMs: seconds(v.DECISION_UNDO_S, 300) * 1000 };
}

export function viewerOf(p: Principal): Viewer {
  return { name: p.name, senior: p.role === 'senior' || p.role === 'admin' };
}

export function snapshotOf(row: WorkRow): Snapshot {
  return SnapshotSchema.parse(row);
}

// ---------------------------------------------------------------- claims

export async function claim(env: Env, p: Principal, body: ClaimBody, now = Date.now()): Promise<{ rows: WorkRow[]; leaseUntil: number }> {
  const { leaseMs } = queueSettings(env);
  const filter: QueueFilter = { type: body.type, locale: body.locale, sellerId: body.sellerId, olderThan: body.olderThan, appeal: body.appeal };
  const rows = await claimItems(env.DB, {
    viewer: viewerOf(p), token: crypto.randomUUID(), now, leaseMs, limit: body.ids ? body.ids.length : body.limit, filter, ids: body.ids,
  });
  return { rows, leaseUntil: now + leaseMs };
}

export async function release(env: Env, p: Principal, ids?: string[]): Promise<number> {
  return releaseItems(env.DB, p.name, ids);
}

// ---------------------------------------------------------------- decisions

export interface DecisionResult {
  decisionId: string;
  undoUntil: string;
  decision: Decision;
  escalated: boolean;
  appeal?: { id: string; status: 'upheld' | 'reversed' };
  statement: StatementOfReasons | null;
}

function span(s: { start: number; end: number }, text: string, field: string): { start: number; end: number } {
  if (s.end > text.length) throw new ApiError(400, 'span_out_of_range', `${field} span ${s.start}-${s.end} is outside the text (${text.length} characters).`);
  return { start: s.start, end: s.end };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Outcome {
  status: 'published' | 'redacted' | 'hidden';
  action: 'publish' | 'redact' | 'hide';
  publishedText: string | null;
  redactions?: { add: { start: number; end: number; type: FindingType }[]; keep: { start: number; end: number }[] };
  redactedTypes: FindingType[];
  automatedSpansUsed: number;
}

/** What publish / redact / hide turn the item into. Redact = the pipeline's spans − keep + the moderator's own. */
export function outcomeFor(row: Pick<WorkRow, 'text' | 'lang'>, findings: readonly Finding[], body: DecisionBody): Outcome {
  if (body.action === 'publish') return { status: 'published', action: 'publish', publishedText: row.text, redactedTypes: [], automatedSpansUsed: 0 };
  if (body.action === 'hide') return { status: 'hidden', action: 'hide', publishedText: null, redactedTypes: [], automatedSpansUsed: 0 };
  const keep = (body.keep ?? []).map((k) => span(k, row.text, 'keep'));
  const automated = findings.filter((f): f is Finding & { span: { start: number; end: number } } =>
    f.span !== undefined && f.action === 'redact' && !keep.some((k) => overlaps(k, f.span!)));
  const fallback = isFindingType(body.reason) ? body.reason : undefined;
  const add = (body.redactions ?? []).map((r) => {
    const type = r.type ?? fallback;
    if (!type) throw new ApiError(400, 'redaction_type_required', 'Give each redaction a type when the reason is not a finding type.');
    return { ...span(r, row.text, 'redactions'), type };
  });
  if (automated.length === 0 && add.length === 0) {
    throw new ApiError(400, 'nothing_to_redact', 'Nothing is left to redact: add redactions or choose publish.');
  }
  const publishedText = redactedText(row.text, row.lang as Lang, automated, add.map((a) => ({ type: a.type, span: { start: a.start, end: a.end } })));
  const redactedTypes = [...new Set([...automated.map((f) => f.type), ...add.map((a) => a.type)])];
  return { status: 'redacted', action: 'redact', publishedText, redactions: { add, keep }, redactedTypes, automatedSpansUsed: automated.length };
}

function auditView(s: Snapshot) {
  return { status: s.status, action: s.action, reasons: JSON.parse(s.reasons) as unknown, queueState: s.queue_state, escalated: s.escalated === 1, appealId: s.appeal_id };
}

export function statementInput(row: WorkRow, findings: Finding[], media: { content_type: string }[]): Omit<StatementInput, 'status' | 'decidedAt' | 'moderator'> {
  return {
    submissionId: row.id, kind: row.kind, textLength: row.text.length, lang: row.lang, media: media.map((m) => ({ contentType: m.content_type })),
    createdAt: row.created_at, findings, reasons: JSON.parse(row.reasons) as FindingType[], version: row.version,
  };
}

function newDecisionId(): string {
  return `dec_${crypto.randomUUID().replace(/-/g, '')}`;
}

/** Why a guarded decision did not land, from the row as it is now. */
function conflictFor(row: WorkRow | undefined, p: Principal, expectedVersion: number): ApiError {
  if (!row) return new ApiError(404, 'not_found', 'No such submission.');
  if (row.queue_state !== 'claimed' || row.claimed_by !== p.name) return new ApiError(409, 'not_held', 'You do not hold this item; claim it first.');
  if (row.version !== expectedVersion) return new ApiError(409, 'stale', 'The item changed since you loaded it; reload and decide again.');
  return new ApiError(409, 'conflict', 'The item changed concurrently; reload and decide again.');
}

export async function decide(env: Env, p: Principal, id: string, body: DecisionBody, now = Date.now()): Promise<DecisionResult> {
  const row = await getWorkRow(env.DB, id);
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  const senior = viewerOf(p).senior;
  if (row.escalated && !senior) throw new ApiError(403, 'escalated', 'This item is escalated to senior moderators.');
  if (row.queue_state !== 'claimed' || row.claimed_by !== p.name) throw new ApiError(409, 'not_held', 'You do not hold this item; claim it first.');
  if (row.appeal_id && row.excluded_moderator === p.name) {
    throw new ApiError(409, 'appeal_conflict', 'You took the appealed decision; another moderator must review the appeal.');
  }
  if (body.version !== undefined && body.version !== row.version) throw new ApiError(409, 'stale', 'The item changed since you loaded it; reload and decide again.');

  const findings = parseFindings(row.findings);
  const before = snapshotOf(row);
  const decisionId = newDecisionId();
  const media = await listMedia(env.DB, row.id);
  let after: Snapshot;
  let outcome: Outcome | undefined;
  let statement: StatementOfReasons | null = null;
  let appealOutcome: { id: string; status: 'upheld' | 'reversed' } | undefined;

  if (body.action === 'escalate') {
    if (row.escalated) throw new ApiError(409, 'already_escalated', 'This item is already escalated.');
    after = { ...before, queue_state: 'open', claimed_by: null, lease_until: null, escalated: 1, last_decision_id: decisionId };
  } else {
    outcome = outcomeFor(row, findings, body);
    const reasons = isFindingType(body.reason) ? [body.reason] : [];
    after = {
      ...before,
      action: outcome.action, status: outcome.status, published_text: outcome.publishedText, reasons: JSON.stringify(reasons),
      queue_state: 'done', claimed_by: null, lease_until: null, decided_by: p.name, decided_at: now,
      appeal_id: null, excluded_moderator: null, last_decision_id: decisionId,
    };
    if (row.appeal_id) appealOutcome = { id: row.appeal_id, status: outcome.status === row.status ? 'upheld' : 'reversed' };
    if (outcome.status !== 'published') {
      statement = buildStatement({
        ...statementInput(row, findings, media),
        version: row.version + 1,
        status: outcome.status,
        decidedAt: now,
        moderator: {
          decisionId, reason: body.reason, redactedTypes: outcome.redactedTypes, automatedSpansUsed: outcome.automatedSpansUsed,
          addedSpans: outcome.redactions?.add.length ?? 0, outcomeOfAppeal: row.appeal_id !== null,
        },
      });
    }
  }

  const event = body.action === 'escalate' ? 'escalated' : row.appeal_id ? 'appeal_decision' : 'decision';
  const landed = await applyDecision(env.DB, {
    id: decisionId, submissionId: row.id, moderator: p.name, role: p.role, action: body.action, reason: body.reason, note: body.note ?? null,
    redactions: outcome?.redactions ?? null, appealId: row.appeal_id, before, after, versionBefore: row.version, statement, at: now,
    appealOutcome,
    audit: {
      submissionId: row.id, actor: p.name, role: p.role, event, action: body.action, reason: body.reason, note: body.note ?? null,
      before: auditView(before),
      after: { ...auditView(after), decisionId, ...(appealOutcome ? { appeal: appealOutcome } : {}), ...(outcome?.redactions ? { redactions: outcome.redactions } : {}) },
      at: now,
    },
  });
  if (!landed) throw conflictFor(await getWorkRow(env.DB, id), p, row.version);

  const fresh = (await getWorkRow(env.DB, id))!;
  if (row.callback_url) await enqueueWebhook(env, row.id, row.callback_url, fresh.version);
  const { undoMs } = queueSettings(env);
  return {
    decisionId,
    undoUntil: new Date(now + undoMs).toISOString(),
    decision: toDecision(fresh, media),
    escalated: body.action === 'escalate',
    ...(appealOutcome ? { appeal: appealOutcome } : {}),
    statement,
  };
}

// ---------------------------------------------------------------- undo

export async function undo(env: Env, p: Principal, id: string, now = Date.now()): Promise<{ decision: Decision; undone: string }> {
  const row = await getWorkRow(env.DB, id);
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  const dec = await latestLiveDecision(env.DB, id);
  if (!dec || row.last_decision_id !== dec.id) throw new ApiError(409, 'nothing_to_undo', 'There is no decision on this item that can still be undone.');
  if (dec.moderator !== p.name) throw new ApiError(403, 'not_your_decision', 'Only the moderator who decided can undo.');
  const { undoMs, leaseMs } = queueSettings(env);
  if (now > dec.decided_at + undoMs) throw new ApiError(409, 'undo_window_passed', `Decisions can be undone for ${Math.round(undoMs / 1000)} seconds.`);
  const before = SnapshotSchema.parse(JSON.parse(dec.before));
  // Back to how it was, held again by the same moderator so they can decide again at once.
  const restore: Snapshot = { ...before, queue_state: 'claimed', claimed_by: p.name, lease_until: now + leaseMs, last_decision_id: `undo:${dec.id}` };
  const landed = await applyUndo(env.DB, {
    decision: dec, restore, at: now, reopenAppealId: dec.appeal_id,
    audit: {
      submissionId: id, actor: p.name, role: p.role, event: 'decision_undone', action: dec.action, reason: dec.reason, note: null,
      before: auditView(snapshotOf(row)), after: { ...auditView(restore), undoneDecisionId: dec.id }, at: now,
    },
  });
  if (!landed) throw new ApiError(409, 'conflict', 'The item changed since the decision; it can no longer be undone.');
  const fresh = (await getWorkRow(env.DB, id))!;
  if (row.callback_url && dec.action !== 'escalate') await enqueueWebhook(env, id, row.callback_url, fresh.version);
  return { decision: toDecision(fresh, await listMedia(env.DB, id)), undone: dec.id };
}

// ---------------------------------------------------------------- statements and appeals

const RESTRICTIVE = new Set(['redacted', 'hidden', 'queued']);

/** The moderator decision now in force (escalations change nothing visible; undone ones are void). */
export async function decisionInForce(db: D1Database, submissionId: string): Promise<DecisionRow | undefined> {
  const all = await listDecisions(db, submissionId);
  for (let i = all.length - 1; i >= 0; i--) {
    const d = all[i]!;
    if (d.undone_at === null && d.action !== 'escalate') return d;
  }
  return undefined;
}

export async function statementFor(env: Env, row: WorkRow): Promise<StatementOfReasons | undefined> {
  if (!RESTRICTIVE.has(row.status)) return undefined;
  const dec = await decisionInForce(env.DB, row.id);
  if (dec) return dec.statement ? (JSON.parse(dec.statement) as StatementOfReasons) : undefined;
  const media = await listMedia(env.DB, row.id);
  return buildStatement({
    ...statementInput(row, parseFindings(row.findings), media),
    status: row.status as 'redacted' | 'hidden' | 'queued',
    decidedAt: row.decided_at ?? row.created_at,
  });
}

export async function appeal(env: Env, id: string, text: string, now = Date.now()): Promise<{ id: string; status: 'open'; createdAt: string; submissionId: string }> {
  const row = await getWorkRow(env.DB, id);
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  if (row.appeal_id) throw new ApiError(409, 'appeal_open', 'An appeal on this item is already open.');
  if (!(row.status === 'published' || row.status === 'redacted' || row.status === 'hidden') || row.decided_at === null) {
    throw new ApiError(409, 'not_decided', 'The item has no final decision yet; appeal once it is decided.');
  }
  if (row.queue_state === 'open' || row.queue_state === 'claimed') throw new ApiError(409, 'in_review', 'The item is being reviewed.');
  if (now > appealDeadline(row.decided_at)) throw new ApiError(409, 'appeal_window_closed', 'Appeals are possible for 6 months after the decision.');
  const dec = await decisionInForce(env.DB, id);
  if (dec?.appeal_id) throw new ApiError(409, 'appeal_already_decided', 'This decision is the outcome of an appeal; it cannot be appealed again.');
  const ref = dec ? dec.id : `auto:${row.version}`;
  if (await wasAppealed(env.DB, id, ref)) throw new ApiError(409, 'already_appealed', 'This decision was already appealed.');
  const appealId = `apl_${crypto.randomUUID().replace(/-/g, '')}`;
  const excluded = dec ? dec.moderator : null;
  const ok = await storeAppeal(env.DB, {
    id: appealId, submissionId: id, statement: text, decisionRef: ref, excluded, version: row.version, at: now,
    audit: {
      submissionId: id, actor: 'storefront', role: 'storefront', event: 'appeal_opened', action: null, reason: null, note: null,
      before: auditView(snapshotOf(row)), after: { appealId, decisionRef: ref, excludedModerator: excluded }, at: now,
    },
  });
  if (!ok) throw new ApiError(409, 'conflict', 'The item changed concurrently; try again.');
  return { id: appealId, status: 'open', createdAt: new Date(now).toISOString(), submissionId: id };
}

// ---------------------------------------------------------------- the item view

export interface ItemView {
  id: string;
  kind: WorkRow['kind'];
  text: string;
  locale: string | null;
  lang: string;
  rating: number | null;
  sellerId: string;
  productId: string | null;
  authorAccount: string;
  status: WorkRow['status'];
  action: WorkRow['action'];
  reasons: FindingType[];
  findings: Finding[];
  types: string[];
  priority: number;
  version: number;
  createdAt: string;
  queue: {
    state: WorkRow['queue_state'];
    claimedBy: string | null;
    leaseUntil: string | null;
    heldByMe: boolean;
    leaseExpired: boolean;
    escalated: boolean;
    excludedModerator: string | null;
  };
  /** what the storefront would show if the pipeline's redactions were applied */
  redactedPreview: string;
  media: { id: string; contentType: string; status: string; findings: Finding[]; originalUrl: string | null }[];
  appeal: { id: string; statement: string; createdAt: string; excludedModerator: string | null } | null;
  decisions: {
    id: string; moderator: string; action: string; reason: string; note: string | null; appealId: string | null;
    decidedAt: string; undoneAt: string | null; undoUntil: string | null;
  }[];
  context: {
    author: {
      earlier: { id: string; kind: string; status: string; action: string; reasons: string[]; decidedBy: string | null; sellerId: string; createdAt: string }[];
      totals: Record<string, number>;
    };
    linkedAccounts: string[];
    seller: SellerVolume;
  };
}

export async function itemView(env: Env, p: Principal, id: string, now = Date.now()): Promise<ItemView> {
  const row = await getWorkRow(env.DB, id);
  if (!row) throw new ApiError(404, 'not_found', 'No such submission.');
  const inQueue = row.queue_state === 'open' || row.queue_state === 'claimed';
  if (inQueue && row.escalated && !viewerOf(p).senior) throw new ApiError(403, 'escalated', 'This item is escalated to senior moderators.');
  const findings = parseFindings(row.findings);
  const [media, history, seller, decisions, appealRow] = await Promise.all([
    listMedia(env.DB, id),
    authorHistory(env.DB, row.author_hash, id),
    sellerVolume(env.DB, row.seller_id, now),
    listDecisions(env.DB, id),
    row.appeal_id ? getAppeal(env.DB, row.appeal_id) : Promise.resolve(undefined),
  ]);
  const { undoMs } = queueSettings(env);
  const linked = new Set<string>();
  for (const f of findings) for (const a of f.evidence?.linkedAccounts ?? []) linked.add(a);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id, kind: row.kind, text: row.text, locale: row.locale, lang: row.lang, rating: row.rating, sellerId: row.seller_id,
    productId: row.product_id, authorAccount: row.author_account, status: row.status, action: row.action,
    reasons: JSON.parse(row.reasons) as FindingType[], findings, types: row.queue_types.split(' ').filter(Boolean), priority: row.priority,
    version: row.version, createdAt: new Date(row.created_at).toISOString(),
    queue: {
      state: row.queue_state, claimedBy: row.claimed_by, leaseUntil: iso(row.lease_until), heldByMe: row.queue_state === 'claimed' && row.claimed_by === p.name,
      leaseExpired: row.queue_state === 'claimed' && (row.lease_until ?? 0) < now, escalated: row.escalated === 1, excludedModerator: row.excluded_moderator,
    },
    redactedPreview: redactedText(row.text, row.lang as Lang, findings),
    media: media.map((m) => ({
      id: m.id, contentType: m.content_type, status: m.status, findings: parseFindings(m.findings),
      originalUrl: m.r2_key ? `/v1/queue/${encodeURIComponent(row.id)}/media/${encodeURIComponent(m.id)}` : null,
    })),
    appeal: appealRow ? { id: appealRow.id, statement: appealRow.statement, createdAt: new Date(appealRow.created_at).toISOString(), excludedModerator: appealRow.excluded_moderator } : null,
    decisions: decisions.map((d) => ({
      id: d.id, moderator: d.moderator, action: d.action, reason: d.reason, note: d.note, appealId: d.appeal_id,
      decidedAt: new Date(d.decided_at).toISOString(), undoneAt: iso(d.undone_at),
      undoUntil: d.undone_at === null && row.last_decision_id === d.id && now <= d.decided_at + undoMs ? new Date(d.decided_at + undoMs).toISOString() : null,
    })),
    context: {
      author: {
        earlier: history.rows.map((h) => ({
          id: h.id, kind: h.kind, status: h.status, action: h.action, reasons: JSON.parse(h.reasons) as string[], decidedBy: h.decided_by,
          sellerId: h.seller_id, createdAt: new Date(h.created_at).toISOString(),
        })),
        totals: history.totals,
      },
      linkedAccounts: [...linked],
      seller,
    },
  };
}
