import { z } from 'zod';

/** The contract's finding taxonomy (../shared/contract.md). Order matters nowhere; actions come from policy. */
export const FINDING_TYPES = [
  'personal_data.email',
  'personal_data.phone',
  'personal_data.payment_card',
  'personal_data.bank_account',
  'personal_data.government_id',
  'personal_data.postal_address',
  'off_platform.link',
  'off_platform.contact',
  'off_platform.deal',
  'off_platform.phishing',
  'extortion.threat',
  'seller_tie.undisclosed',
  'seller_tie.disclosed',
  'review_manipulation.incentive',
  'media.payment_card',
  'media.identity_document',
  'media.personal_data',
  'media.location_metadata',
  'media.invalid',
  'media.video_unscanned',
  'media.scan_failed',
  // extension: a detector threw; the item goes to a human rather than out unchecked
  'system.detector_error',
] as const;

export const FindingTypeSchema = z.enum(FINDING_TYPES);
export type FindingType = z.infer<typeof FindingTypeSchema>;

export const ACTIONS = ['publish', 'redact', 'queue', 'hide'] as const;
export const ActionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof ActionSchema>;

export const SpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Span = z.infer<typeof SpanSchema>;

export const BoxSchema = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
});
export type Box = z.infer<typeof BoxSchema>;

/**
 * Evidence is for moderators, never for the public: spans of the parts that made the
 * detector fire (threat and demand, the matched signal), never raw personal values.
 */
export const EvidenceSchema = z.object({
  spans: z.array(z.object({ role: z.string().max(40), start: z.number().int(), end: z.number().int() })).optional(),
  signals: z.array(z.string().max(60)).optional(),
  linkedAccounts: z.array(z.string().max(200)).optional(),
  detail: z.string().max(500).optional(),
  subtype: z.string().max(60).optional(),
}).partial();
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Pre-check extension: a one-click edit over the original text (replace [start, end) with `replacement`). */
export const FixSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  replacement: z.string(),
});

export const FindingSchema = z.object({
  type: FindingTypeSchema,
  detector: z.string(),
  confidence: z.number().min(0).max(1),
  span: SpanSchema.optional(),
  mediaId: z.string().optional(),
  box: BoxSchema.optional(),
  action: ActionSchema,
  message: z.string().optional(),
  suggestion: z.string().optional(),
  fix: FixSchema.optional(),
  evidence: EvidenceSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
