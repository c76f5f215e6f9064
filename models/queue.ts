import { z } from 'zod';

/** Queue messages are validated on the way in: a malformed one is acknowledged and logged, never retried forever. */
export const ScanJobSchema = z.strictObject({
  submissionId: z.string().min(1).max(64),
  mediaId: z.string().min(1).max(200),
});
export type ScanJob = z.infer<typeof ScanJobSchema>;

export const WebhookJobSchema = z.strictObject({
  submissionId: z.string().min(1).max(64),
  url: z.url(),
  version: z.number().int().min(0),
});
export type WebhookJob = z.infer<typeof WebhookJobSchema>;
