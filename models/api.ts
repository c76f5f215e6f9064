import { z } from 'zod';
import { ActionSchema, FindingSchema, FindingTypeSchema } from './finding.js';
import { type CrossFieldIssue, crossFieldCheck } from './cross-field.js';

/** Bounds on every input: they keep one request's CPU and memory predictable. */
export const LIMITS = {
  textChars: 20_000,
  idChars: 200,
  mediaItems: 8,
  mediaBytes: 10 * 1024 * 1024,
  /** JSON bodies carry media as base64 (4/3 of the bytes) plus text. */
  jsonBodyBytes: 8 * Math.ceil((10 * 1024 * 1024 * 4) / 3) + 256 * 1024,
  precheckBodyBytes: 128 * 1024,
  tieValues: 500,
  noteChars: 2_000,
} as const;

const Id = z.string().trim().min(1).max(LIMITS.idChars);
const SignalValue = z.string().min(1).max(LIMITS.idChars);

export const KindSchema = z.enum(['review', 'question', 'answer']);

export const AuthorSignalsSchema = z.strictObject({
  deviceId: SignalValue.optional(),
  ip: SignalValue.optional(),
  paymentFingerprint: SignalValue.optional(),
  shippingAddressHash: SignalValue.optional(),
});

export const MediaInputSchema = z.strictObject({
  id: Id,
  contentType: z.string().max(100),
  /** base64 (standard or URL-safe); size checked after decoding */
  data: z.string().max(Math.ceil((LIMITS.mediaBytes * 4) / 3) + 8),
});

export const SubmissionSchema = z
  .strictObject({
    kind: KindSchema,
    text: z.string().max(LIMITS.textChars),
    locale: z.string().trim().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}$/, 'a BCP 47 language tag').optional(),
    rating: z.number().int().min(1).max(5).optional(),
    author: z.strictObject({
      accountId: Id,
      signals: AuthorSignalsSchema.optional(),
      disclosedSellerTie: z.boolean().optional(),
    }),
    seller: z.strictObject({ id: Id }),
    productId: Id.optional(),
    orderId: Id.optional(),
    media: z.array(MediaInputSchema).max(LIMITS.mediaItems).optional(),
    /** extension: where to POST the signed decision when it changes */
    callbackUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  })
  .check(
    crossFieldCheck((s) => {
      const issues: CrossFieldIssue[] = [];
      if (s.text.trim().length === 0 && !(s.media && s.media.length > 0)) issues.push({ path: ['text'], message: 'text is empty and there is no media' });
      if (s.rating !== undefined && s.kind !== 'review') issues.push({ path: ['rating'], message: 'rating is only for reviews' });
      const ids = new Set<string>();
      for (const [i, m] of (s.media ?? []).entries()) {
        if (ids.has(m.id)) issues.push({ path: ['media', i, 'id'], message: 'duplicate media id' });
        ids.add(m.id);
      }
      return issues;
    }),
  );
export type Submission = z.infer<typeof SubmissionSchema>;

export const StatusSchema = z.enum(['pending', 'published', 'redacted', 'hidden', 'queued']);
export type Status = z.infer<typeof StatusSchema>;

export const MediaStateSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'scanned', 'failed', 'invalid', 'video']),
  contentType: z.string(),
  /** present once scanned and the redacted copy (metadata stripped, boxes blurred) exists */
  redactedUrl: z.string().optional(),
});

export const DecisionSchema = z.object({
  id: z.string().optional(),
  action: ActionSchema,
  status: StatusSchema,
  publishedText: z.string().nullable(),
  findings: z.array(FindingSchema),
  reasons: z.array(FindingTypeSchema),
  locale: z.string().optional(),
  media: z.array(MediaStateSchema).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const SellerTiesSchema = z.strictObject({
  accountIds: z.array(SignalValue).max(LIMITS.tieValues).default([]),
  signals: z
    .strictObject({
      deviceIds: z.array(SignalValue).max(LIMITS.tieValues).optional(),
      paymentFingerprints: z.array(SignalValue).max(LIMITS.tieValues).optional(),
      shippingAddressHashes: z.array(SignalValue).max(LIMITS.tieValues).optional(),
      ips: z.array(SignalValue).max(LIMITS.tieValues).optional(),
    })
    .default({}),
});
export type SellerTies = z.infer<typeof SellerTiesSchema>;

export const SellerIdParam = Id;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.unknown()).optional(),
  }),
});
