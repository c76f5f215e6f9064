import type { LocalSystem } from '../../local/system.js';
import type { Finding, FindingType } from '../../models/finding.js';
import { queueFields } from '../../worker/queue-fields.js';

/**
 * Queued items written straight into D1, so queue tests do not depend on what the text
 * detectors currently find. Rows look exactly like the pipeline's (same columns, the same
 * queue fields from worker/queue-fields.ts).
 */

const ACTION: Partial<Record<FindingType, Finding['action']>> = {
  'personal_data.phone': 'redact', 'personal_data.email': 'redact', 'off_platform.link': 'redact', 'off_platform.contact': 'redact',
  'off_platform.phishing': 'hide', 'media.identity_document': 'hide', 'media.payment_card': 'hide',
};

export interface SeedItem {
  id?: string;
  text?: string;
  /** finding type → the substring of `text` it covers (or undefined for a span-less finding) */
  findings?: [FindingType, string | undefined, Partial<Finding>?][];
  lang?: string;
  sellerId?: string;
  authorAccount?: string;
  authorHash?: string;
  createdAt?: number;
  status?: 'queued' | 'hidden' | 'redacted' | 'published';
  escalated?: boolean;
  callbackUrl?: string;
  decidedAt?: number | null;
}

let counter = 0;

export const THREAT_TEXT = 'Refund me 50 dollars or I will leave a 1-star review everywhere. Call +7 916 123-45-67 today.';

export function finding(text: string, type: FindingType, sub: string | undefined, extra: Partial<Finding> = {}): Finding {
  const at = sub === undefined ? -1 : text.indexOf(sub);
  if (sub !== undefined && at < 0) throw new Error(`"${sub}" is not in the text`);
  const action = ACTION[type] ?? 'queue';
  return {
    type, detector: 'test', confidence: 0.9, action,
    ...(sub !== undefined ? { span: { start: at, end: at + sub.length } } : {}),
    ...extra,
  };
}

export function seedRow(item: SeedItem, now = Date.now()) {
  counter++;
  const text = item.text ?? THREAT_TEXT;
  const specs = item.findings ?? [['extortion.threat', 'Refund me 50 dollars or I will leave a 1-star review'], ['personal_data.phone', '+7 916 123-45-67']];
  const findings = specs.map(([t, s, extra]) => finding(text, t, s, extra));
  const status = item.status ?? 'queued';
  const action = status === 'queued' ? 'queue' : status === 'hidden' ? 'hide' : status === 'redacted' ? 'redact' : 'publish';
  const q = queueFields(status, findings);
  const created = item.createdAt ?? now - 60_000 + counter;
  const reasons = [...new Set(findings.filter((f) => f.action === action).map((f) => f.type))];
  return {
    id: item.id ?? `sub_seed${String(counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`,
    idempotency_key: null, request_hash: 'seed', kind: 'review', text, locale: null, lang: item.lang ?? 'en', rating: 1,
    author_account: item.authorAccount ?? `buyer-${counter}`, author_hash: item.authorHash ?? `hash-${counter}`,
    seller_id: item.sellerId ?? 'seller-1', product_id: null, order_id: null, disclosed_tie: 0, callback_url: item.callbackUrl ?? null,
    action, status, published_text: status === 'published' ? text : null,
    findings: JSON.stringify(findings), reasons: JSON.stringify(reasons), text_findings: JSON.stringify(findings),
    media_total: 0, media_pending: 0, queue_state: q.queue_state, priority: q.priority, queue_types: q.queue_types,
    claimed_by: null, lease_until: null, escalated: item.escalated ? 1 : 0, decided_by: null,
    decided_at: item.decidedAt === undefined ? created : item.decidedAt, version: 0, created_at: created, updated_at: created,
  };
}

export async function seed(sys: LocalSystem, items: SeedItem[]): Promise<string[]> {
  const db = await sys.mf.getD1Database('DB');
  const rows = items.map((i) => seedRow(i));
  const cols = Object.keys(rows[0]!);
  const sql = `INSERT INTO submissions (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += 200) {
    await db.batch(rows.slice(i, i + 200).map((r) => db.prepare(sql).bind(...cols.map((c) => (r as Record<string, unknown>)[c]))));
  }
  return rows.map((r) => r.id);
}

export async function db(sys: LocalSystem) {
  return sys.mf.getD1Database('DB');
}

export function api(sys: LocalSystem, key: string) {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  return {
    get: (path: string) => sys.fetch(path, { headers }),
    post: (path: string, body?: unknown) => sys.fetch(path, { method: 'POST', headers, body: body === undefined ? '{}' : JSON.stringify(body) }),
  };
}

/** Moderator keys for many distinct moderators (name = mod-<i>), plus the dev keys. */
export function moderatorKeys(n: number): { vars: string; keys: string[] } {
  const keys = Array.from({ length: n }, (_, i) => `test-mod-key-${i}`);
  const entries = keys.map((k, i) => `${k}:moderator:mod-${i}`);
  return {
    keys,
    vars: [...entries, 'dev-moderator-key:moderator:dev-moderator', 'dev-senior-key:senior:dev-senior', 'dev-admin-key:admin:dev-admin'].join(','),
  };
}
