import type { Action, FindingType } from '../models/finding.js';
import policyData from './data/policy.json';

/**
 * Policy: findings → actions. The table is data (moderation/data/policy.json) so that trust
 * and safety can change an action without touching detectors.
 */
export interface TypePolicy {
  action: Action;
  /** a `hide` finding under this confidence is queued for a human instead */
  hideBelow?: number;
}
export type Policy = Record<FindingType, TypePolicy>;

export const DEFAULT_POLICY = policyData.types as Policy;

/** Strength order from the contract: hide > queue > redact > publish. */
const RANK: Record<Action, number> = { publish: 0, redact: 1, queue: 2, hide: 3 };

export function strongest(actions: Iterable<Action>): Action {
  let best: Action = 'publish';
  for (const a of actions) if (RANK[a] > RANK[best]) best = a;
  return best;
}

export function actionFor(type: FindingType, confidence: number, policy: Policy = DEFAULT_POLICY): Action {
  const p = policy[type];
  if (!p) return 'queue'; // an unknown type is a human's call, never a silent publish
  if (p.action === 'hide' && p.hideBelow !== undefined && confidence < p.hideBelow) return 'queue';
  return p.action;
}

/** The contract's `reasons`: the types whose own action equals the decided action. */
export function reasonsFor(findings: readonly { type: FindingType; action: Action }[], action: Action): FindingType[] {
  const out: FindingType[] = [];
  for (const f of findings) if (f.action === action && !out.includes(f.type)) out.push(f.type);
  return out;
}
