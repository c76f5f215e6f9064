import { z } from 'zod';
import { ActionSchema, FindingSchema, FindingTypeSchema } from './finding.js';
import { StatusSchema } from './api.js';

/** JSON columns are parsed through these on read, so a bad row fails loudly instead of spreading. */
export const FindingsColumn = z.array(FindingSchema);
export const ReasonsColumn = z.array(FindingTypeSchema);

export const SubmissionRowSchema = z.object({
  id: z.string(),
  idempotency_key: z.string().nullable(),
  request_hash: z.string(),
  kind: z.enum(['review', 'question', 'answer']),
  text: z.string(),
  locale: z.string().nullable(),
  lang: z.string(),
  rating: z.number().nullable(),
  author_account: z.string(),
  author_hash: z.string(),
  seller_id: z.string(),
  product_id: z.string().nullable(),
  order_id: z.string().nullable(),
  disclosed_tie: z.number(),
  callback_url: z.string().nullable(),
  action: ActionSchema,
  status: StatusSchema,
  published_text: z.string().nullable(),
  findings: z.string(),
  reasons: z.string(),
  text_findings: z.string(),
  media_total: z.number(),
  media_pending: z.number(),
  queue_state: z.enum(['none', 'open', 'claimed', 'done']),
  priority: z.number(),
  queue_types: z.string(),
  claimed_by: z.string().nullable(),
  lease_until: z.number().nullable(),
  escalated: z.number(),
  decided_by: z.string().nullable(),
  decided_at: z.number().nullable(),
  version: z.number(),
  created_at: z.number(),
  updated_at: z.number(),
});
export type SubmissionRow = z.infer<typeof SubmissionRowSchema>;

export const MediaRowSchema = z.object({
  submission_id: z.string(),
  id: z.string(),
  r2_key: z.string(),
  content_type: z.string(),
  bytes: z.number(),
  status: z.enum(['pending', 'scanned', 'failed', 'invalid', 'video']),
  findings: z.string(),
  redacted_key: z.string().nullable(),
  attempts: z.number(),
  updated_at: z.number(),
});
export type MediaRow = z.infer<typeof MediaRowSchema>;
