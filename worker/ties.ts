import type { Submission } from '../models/api.js';
import { detectRing, matchSellerTies } from '../moderation/ties.js';
import type { TextFinding } from '../moderation/types.js';
import type { Env } from './env.js';
import { hashSignal } from './signals.js';
import { loadTies, recentSharedSignals } from './storage/ties.js';

/** Ring window: accounts sharing a device or payment signal on one seller within this time. */
export const RING_WINDOW_MS = 30 * 24 * 3600 * 1000;
export const RING_MIN_ACCOUNTS = 3;

export interface TieResult {
  findings: Omit<TextFinding, 'span'>[];
  accountHash: string;
  signals: { accountHash: string; deviceHash: string | null; paymentHash: string | null };
}

/** Hashes the author's signals, compares them with the seller's stored ties, and looks for a ring. */
export async function tieFindings(env: Env, input: Submission, now: number): Promise<TieResult> {
  const s = input.author.signals ?? {};
  const [accountHash, deviceHash, ipHash, paymentHash, addressHash] = await Promise.all([
    hashSignal(env, 'account', input.author.accountId),
    s.deviceId ? hashSignal(env, 'device', s.deviceId) : undefined,
    s.ip ? hashSignal(env, 'ip', s.ip) : undefined,
    s.paymentFingerprint ? hashSignal(env, 'payment', s.paymentFingerprint) : undefined,
    s.shippingAddressHash ? hashSignal(env, 'address', s.shippingAddressHash) : undefined,
  ]);
  const ties = await loadTies(env.DB, input.seller.id);
  const findings: Omit<TextFinding, 'span'>[] = [
    ...matchSellerTies(
      { accountIdHash: accountHash, signalHashes: { deviceId: deviceHash, ip: ipHash, paymentFingerprint: paymentHash, shippingAddressHash: addressHash } },
      { accountIdHashes: ties.account, deviceIds: ties.device, ips: ties.ip, paymentFingerprints: ties.payment, shippingAddressHashes: ties.address },
      input.author.disclosedSellerTie === true,
    ),
  ];
  const recent = await recentSharedSignals(env.DB, input.seller.id, deviceHash ?? null, paymentHash ?? null, now - RING_WINDOW_MS);
  if (recent.length > 0) {
    const ring = detectRing(
      recent.map((r) => ({ submissionId: r.submission_id, accountIdHash: r.account_hash, deviceIdHash: r.device_hash ?? undefined, paymentHash: r.payment_hash ?? undefined, at: r.created_at })),
      { submissionId: '', accountIdHash: accountHash, deviceIdHash: deviceHash, paymentHash, at: now },
      { windowMs: RING_WINDOW_MS, minAccounts: RING_MIN_ACCOUNTS },
    );
    if (ring) findings.push(ring);
  }
  return { findings, accountHash, signals: { accountHash, deviceHash: deviceHash ?? null, paymentHash: paymentHash ?? null } };
}
