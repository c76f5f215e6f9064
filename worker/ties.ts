import type { Submission } from '../models/api.js';
import { detectRing, matchSellerTies, type RingMatch } from '../moderation/ties.js';
import type { TextFinding } from '../moderation/types.js';
import type { Env } from './env.js';
import { hashSignal } from './signals.js';
import type { SignalRow } from './storage/ties.js';
import { tiesFor } from './ties-cache.js';

/** Ring window: accounts sharing a device or payment signal on one seller within this time. */
export const RING_WINDOW_MS = 30 * 24 * 3600 * 1000;
export const RING_MIN_ACCOUNTS = 3;

export type TieFinding = Omit<TextFinding, 'span'>;

export interface AuthorHashes { accountHash: string; deviceHash: string | null; paymentHash: string | null }

/** Hashes the author's signals and compares them with the seller's stored ties. */
export async function tieFindings(env: Env, input: Submission): Promise<{ findings: TieFinding[]; hashes: AuthorHashes }> {
  const s = input.author.signals ?? {};
  const [accountHash, deviceHash, ipHash, paymentHash, addressHash, ties] = await Promise.all([
    hashSignal(env, 'account', input.author.accountId),
    s.deviceId ? hashSignal(env, 'device', s.deviceId) : undefined,
    s.ip ? hashSignal(env, 'ip', s.ip) : undefined,
    s.paymentFingerprint ? hashSignal(env, 'payment', s.paymentFingerprint) : undefined,
    s.shippingAddressHash ? hashSignal(env, 'address', s.shippingAddressHash) : undefined,
    tiesFor(env, input.seller.id),
  ]);
  const findings = matchSellerTies(
    { accountIdHash: accountHash, signalHashes: { deviceId: deviceHash, ip: ipHash, paymentFingerprint: paymentHash, shippingAddressHash: addressHash } },
    { accountIdHashes: ties.account, deviceIds: ties.device, ips: ties.ip, paymentFingerprints: ties.payment, shippingAddressHashes: ties.address },
    input.author.disclosedSellerTie === true,
  );
  return { findings, hashes: { accountHash, deviceHash: deviceHash ?? null, paymentHash: paymentHash ?? null } };
}

/** A ring: this author and earlier accounts sharing a device or payment signal on the same seller. */
export function ringFor(recent: SignalRow[], submissionId: string, hashes: AuthorHashes, now: number): RingMatch | undefined {
  return detectRing(
    recent.map((r) => ({ submissionId: r.submission_id, accountIdHash: r.account_hash, deviceIdHash: r.device_hash ?? undefined, paymentHash: r.payment_hash ?? undefined, at: r.created_at })),
    { submissionId, accountIdHash: hashes.accountHash, deviceIdHash: hashes.deviceHash ?? undefined, paymentHash: hashes.paymentHash ?? undefined, at: now },
    { windowMs: RING_WINDOW_MS, minAccounts: RING_MIN_ACCOUNTS },
  );
}
