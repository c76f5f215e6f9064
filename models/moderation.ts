import { z } from 'zod';
import { LIMITS } from './api.js';
import { type CrossFieldIssue, crossFieldCheck } from './cross-field.js';
import { FINDING_TYPES, FindingTypeSchema, type FindingType } from './finding.js';
import { SubmissionRowSchema } from './rows.js';

/** Boundaries of the moderators' queue, decisions, appeals, audit and statements of reasons. */

const Id = z.string().trim().min(1).max(LIMITS.idChars);
const FINDING_CATEGORIES = [...new Set(FINDING_TYPES.map((t) => t.split('.')[0]!))];

/** A finding type (`extortion.threat`) or a whole category (`personal_data`). */
export const TypeFilterSchema = z
  .string()
  .max(60)
  .refine((v) => (FINDING_TYPES as readonly string[]).includes(v) || FINDING_CATEGORIES.includes(v), 'a finding type or category');

/** `90s`, `30m`, `2h`, `3d`, or plain milliseconds. */
export const DurationSchema = z
  .string()
  .regex(/^\d{1,12}(?:ms|s|m|h|d)?$/, 'a duration like 30m, 2h or 3d')
  .transform((v) => {
    const m = /^(\d+)(ms|s|m|h|d)?$/.exec(v)!;
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? 'ms'] ?? 1;
    return Number(m[1]) * unit;
  });

export const LocaleFilterSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, 'a language code')
  .max(35)
  .transform((v) => v.slice(0, v.search(/[-_]|$/)).toLowerCase());

export const QueueFilterSchema = z.object({
  type: TypeFilterSchema.optional(),
  locale: LocaleFilterSchema.optional(),
  sellerId: Id.optional(),
  /** only items older than this */
  olderThan: DurationSchema.optional(),
  /** `true`: only appeals; `false`: no appeals */
  appeal: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

export const QUEUE_PAGE_MAX = 100;

export const QueueQuerySchema = QueueFilterSchema.extend({
  /** alias of olderThan */
  age: DurationSchema.optional(),
  /** waiting (default: open or lease expired), claimed (leased now), mine (leased to me), all */
  state: z.enum(['waiting', 'claimed', 'mine', 'all']).default('waiting'),
  limit: z.coerce.number().int().min(1).max(QUEUE_PAGE_MAX).default(25),
  cursor: z.string().max(300).optional(),
}).strict();
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const CLAIM_MAX = 50;

export const ClaimBodySchema = QueueFilterSchema.extend({
  limit: z.number().int().min(1).max(CLAIM_MAX).default(1),
  /** claim these items (if claimable) instead of the next ones in queue order */
  ids: z.array(Id).min(1).max(CLAIM_MAX).optional(),
  olderThan: DurationSchema.optional(),
}).strict();
export type ClaimBody = z.infer<typeof ClaimBodySchema>;

export const ReleaseBodySchema = z.strictObject({ ids: z.array(Id).min(1).max(CLAIM_MAX).optional() });

export const DECISION_ACTIONS = ['publish', 'redact', 'hide', 'escalate'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const DecisionReasonSchema = z.union([FindingTypeSchema, z.literal('no_violation'), z.literal('other')]);
export type DecisionReason = z.infer<typeof DecisionReasonSchema>;

const SpanInput = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const DecisionBodySchema = z
  .strictObject({
    action: z.enum(DECISION_ACTIONS),
    reason: DecisionReasonSchema,
    note: z.string().trim().max(LIMITS.noteChars).optional(),
    /** redact: spans the moderator adds, over the original text */
    redactions: z.array(SpanInput.extend({ type: FindingTypeSchema.optional() })).max(200).optional(),
    /** redact: spans of the pipeline's redactions to leave in place (not personal data after all) */
    keep: z.array(SpanInput).max(200).optional(),
    /** the row version the moderator looked at; a newer row answers 409 */
    version: z.number().int().min(0).optional(),
  })
  .check(
    crossFieldCheck((d) => {
      const issues: CrossFieldIssue[] = [];
      if (d.reason === 'other' && !d.note) issues.push({ path: ['note'], message: 'reason "other" needs a note' });
      if ((d.action === 'hide' || d.action === 'redact') && d.reason === 'no_violation') {
        issues.push({ path: ['reason'], message: `${d.action} needs the rule it enforces (a finding type) or "other"` });
      }
      if (d.action !== 'redact' && (d.redactions?.length || d.keep?.length)) {
        issues.push({ path: ['redactions'], message: 'redactions and keep are only for action "redact"' });
      }
      for (const [field, spans] of [['redactions', d.redactions ?? []], ['keep', d.keep ?? []]] as const) {
        spans.forEach((s, i) => {
          if (s.end <= s.start) issues.push({ path: [field, i, 'end'], message: 'end must be after start' });
        });
      }
      return issues;
    }),
  );
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

export const AppealBodySchema = z.strictObject({
  statement: z.string().trim().min(1).max(5_000),
});

export const AuditQuerySchema = z
  .object({
    submissionId: Id.optional(),
    cursor: z.string().regex(/^\d{1,15}$/).optional(),
    format: z.enum(['json', 'csv', 'ndjson']).default('json'),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export function isFindingType(v: string): v is FindingType {
  return (FINDING_TYPES as readonly string[]).includes(v);
}

/**
 * A statement of reasons, shaped after the EU DSA Transparency Database's statement (Art. 17 and
 * 24(5) DSA): the same field names and enumerations, plus `platform_rules` and `redress` spelled
 * out for the storefront. `decision_facts` never quotes the content or carries personal data.
 */
export const StatementOfReasonsSchema = z.object({
  puid: z.string(),
  submission_id: z.string(),
  decision_id: z.string().nullable(),
  decision_visibility: z.array(z.enum([
    'DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_VISIBILITY_CONTENT_DISABLED', 'DECISION_VISIBILITY_CONTENT_DEMOTED',
    'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED', 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
    'DECISION_VISIBILITY_CONTENT_LABELLED', 'DECISION_VISIBILITY_OTHER',
  ])).min(1),
  decision_visibility_other: z.string().max(500).optional(),
  decision_ground: z.enum(['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT']),
  incompatible_content_ground: z.string().max(500),
  incompatible_content_explanation: z.string().max(2000),
  incompatible_content_illegal: z.enum(['Yes', 'No']),
  category: z.string(),
  category_addition: z.array(z.string()),
  category_specification: z.array(z.string()),
  decision_facts: z.string().max(5000),
  content_type: z.array(z.enum(['CONTENT_TYPE_TEXT', 'CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_OTHER'])).min(1),
  content_language: z.string().regex(/^[A-Z]{2}$/).optional(),
  content_date: z.string(),
  application_date: z.string(),
  source_type: z.literal('SOURCE_VOLUNTARY'),
  automated_detection: z.enum(['Yes', 'No']),
  automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
  platform_rules: z.array(z.object({ findingType: z.string(), clause: z.string(), title: z.string() })),
  redress: z.object({
    internal_complaint: z.object({ available: z.boolean(), deadline: z.string(), how: z.string() }),
    out_of_court_settlement: z.boolean(),
    judicial_redress: z.boolean(),
  }),
  outcome_of_appeal: z.boolean(),
  created_at: z.string(),
});
export type StatementOfReasons = z.infer<typeof StatementOfReasonsSchema>;

/** A submission row with the queue columns of migrations/0002. */
export const WorkRowSchema = SubmissionRowSchema.extend({
  claim_token: z.string().nullable(),
  claimed_at: z.number().nullable(),
  appeal_id: z.string().nullable(),
  excluded_moderator: z.string().nullable(),
  last_decision_id: z.string().nullable(),
});
export type WorkRow = z.infer<typeof WorkRowSchema>;

/** The decision and queue columns a moderator decision changes; undo writes the `before` copy back. */
export const SnapshotSchema = z.object({
  action: SubmissionRowSchema.shape.action,
  status: SubmissionRowSchema.shape.status,
  published_text: z.string().nullable(),
  reasons: z.string(),
  queue_state: SubmissionRowSchema.shape.queue_state,
  claimed_by: z.string().nullable(),
  lease_until: z.number().nullable(),
  escalated: z.number(),
  decided_by: z.string().nullable(),
  decided_at: z.number().nullable(),
  appeal_id: z.string().nullable(),
  excluded_moderator: z.string().nullable(),
  last_decision_id: z.string().nullable(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
