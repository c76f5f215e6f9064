import type { Finding, FindingType } from '../models/finding.js';
import type { Status } from '../models/api.js';

/**
 * Where a queued item sits in the moderators' queue: phishing and documents first, then
 * extortion and seller ties, then the rest; oldest first within a level (the index orders by
 * created_at).
 */
const PRIORITY: Partial<Record<FindingType, number>> = {
  'off_platform.phishing': 0,
  'media.identity_document': 0,
  'media.payment_card': 0,
  'extortion.threat': 1,
  'seller_tie.undisclosed': 1,
  'review_manipulation.incentive': 1,
};
const DEFAULT_PRIORITY = 2;

export function queueFields(status: Status, findings: readonly Finding[]): { queue_state: 'none' | 'open'; priority: number; queue_types: string } {
  const types = [...new Set(findings.map((f) => f.type))];
  const priority = Math.min(DEFAULT_PRIORITY, ...types.map((t) => PRIORITY[t] ?? DEFAULT_PRIORITY));
  return { queue_state: status === 'queued' ? 'open' : 'none', priority, queue_types: types.join(' ') };
}
