import type { Evidence } from '../models/finding.js';

/**
 * Seller ties from technical signals, and review rings. Pure: every input is already a keyed
 * hash (the worker HMACs raw values before they get here), so nothing here ever sees a device
 * id, an IP or a card fingerprint in clear.
 */

export const DETECTOR = 'seller-ties';

export type TieSignal = 'accountId' | 'paymentFingerprint' | 'shippingAddressHash' | 'deviceId' | 'ip';

/**
 * How much one matching signal says on its own. The account and the payment instrument are the
 * seller's own; a shipping address or a device is shared by households and families; an IP is
 * shared by whole offices and mobile carriers, so alone it is only a hint.
 */
export const SIGNAL_CONFIDENCE: Readonly<Record<TieSignal, number>> = {
  accountId: 0.98,
  paymentFingerprint: 0.9,
  shippingAddressHash: 0.7,
  deviceId: 0.65,
  ip: 0.35,
};

/** Several independent signals: 1 − Π(1 − cᵢ), kept below certainty. */
const MAX_CONFIDENCE = 0.99;

export interface AuthorSignals {
  accountIdHash: string;
  signalHashes: { deviceId?: string | undefined; ip?: string | undefined; paymentFingerprint?: string | undefined; shippingAddressHash?: string | undefined };
}

/** The seller's registered ties (PUT /v1/sellers/{id}/ties), hashed. */
export interface SellerTieHashes {
  accountIdHashes: readonly string[];
  deviceIds: readonly string[];
  ips: readonly string[];
  paymentFingerprints: readonly string[];
  shippingAddressHashes: readonly string[];
}

/** A finding about the whole submission: no span, no media. */
export interface SignalFinding {
  type: 'seller_tie.undisclosed' | 'seller_tie.disclosed';
  detector: string;
  confidence: number;
  evidence: Evidence;
}

const has = (list: readonly string[], value: string | undefined): boolean => value !== undefined && value !== '' && list.includes(value);

function combine(confidences: number[]): number {
  let miss = 1;
  for (const c of confidences) miss *= 1 - c;
  return Math.min(MAX_CONFIDENCE, Math.round((1 - miss) * 1000) / 1000);
}

/**
 * The author against the seller's ties. One finding naming every matching signal, or none.
 * When the author disclosed the tie (the submission's flag) the same match is
 * seller_tie.disclosed: published with a label instead of queued.
 */
export function matchSellerTies(author: AuthorSignals, ties: SellerTieHashes, disclosed: boolean): SignalFinding[] {
  const matched: TieSignal[] = [];
  if (has(ties.accountIdHashes, author.accountIdHash)) matched.push('accountId');
  if (has(ties.paymentFingerprints, author.signalHashes.paymentFingerprint)) matched.push('paymentFingerprint');
  if (has(ties.shippingAddressHashes, author.signalHashes.shippingAddressHash)) matched.push('shippingAddressHash');
  if (has(ties.deviceIds, author.signalHashes.deviceId)) matched.push('deviceId');
  if (has(ties.ips, author.signalHashes.ip)) matched.push('ip');
  if (matched.length === 0) return [];
  const confidence = combine(matched.map((s) => SIGNAL_CONFIDENCE[s]));
  const weakOnly = matched.length === 1 && matched[0] === 'ip';
  return [{
    type: disclosed ? 'seller_tie.disclosed' : 'seller_tie.undisclosed',
    detector: DETECTOR,
    confidence,
    evidence: {
      signals: matched,
      ...(weakOnly ? { detail: 'only the IP address matches the seller; shared networks make this weak' } : {}),
    },
  }];
}

// ---------------------------------------------------------------------------------------------
// Review rings: several accounts on one device or one payment instrument reviewing one seller.

export interface RingSubmission {
  submissionId: string;
  accountIdHash: string;
  deviceIdHash?: string | undefined;
  paymentHash?: string | undefined;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface RingOptions {
  /** Only submissions this close in time to the current one count. */
  windowMs: number;
  /** Distinct accounts, the current one included, that make a ring. */
  minAccounts: number;
}

export interface RingResult {
  ring: boolean;
  /** Distinct accounts linked to the current submission, the current author included, sorted. */
  accountIdHashes: string[];
  /** The other linked submissions, oldest first. */
  submissionIds: string[];
  /** Which kinds of signal linked them. */
  signals: ('deviceId' | 'paymentFingerprint')[];
}

/**
 * Who is linked to the current submission? `recent` are the seller's recent submissions (the
 * caller selects by seller). Accounts are linked when they share a device or a payment hash,
 * directly or through each other (A shares a device with B, B a card with C: one ring). Each
 * submission and each signal value is visited once, so the cost is linear in `recent`.
 */
export function linkRing(recent: readonly RingSubmission[], current: RingSubmission, opts: RingOptions): RingResult {
  const inWindow = recent.filter((s) => s.submissionId !== current.submissionId && Math.abs(s.at - current.at) <= opts.windowMs);
  const pool = [current, ...inWindow];
  const byDevice = new Map<string, number[]>();
  const byPayment = new Map<string, number[]>();
  const index = (m: Map<string, number[]>, key: string | undefined, k: number) => {
    if (!key) return;
    const list = m.get(key);
    if (list) list.push(k);
    else m.set(key, [k]);
  };
  pool.forEach((s, k) => { index(byDevice, s.deviceIdHash, k); index(byPayment, s.paymentHash, k); });

  // Accounts are the nodes: every submission of a linked account links its own signals too.
  const byAccount = new Map<string, number[]>();
  pool.forEach((s, k) => index(byAccount, s.accountIdHash, k));

  const seen = new Set<number>([0]);
  const usedKeys = new Set<string>();
  const signals = new Set<'deviceId' | 'paymentFingerprint'>();
  const queue = [0];
  const visit = (k: number) => { if (!seen.has(k)) { seen.add(k); queue.push(k); } };
  while (queue.length) {
    const k = queue.pop()!;
    const s = pool[k]!;
    const expand = (m: Map<string, number[]>, prefix: string, key: string | undefined, kind: 'deviceId' | 'paymentFingerprint' | undefined) => {
      if (!key || usedKeys.has(prefix + key)) return;
      usedKeys.add(prefix + key);
      const list = m.get(key)!;
      if (kind && list.some((o) => pool[o]!.accountIdHash !== s.accountIdHash)) signals.add(kind);
      for (const o of list) visit(o);
    };
    expand(byDevice, 'd:', s.deviceIdHash, 'deviceId');
    expand(byPayment, 'p:', s.paymentHash, 'paymentFingerprint');
    expand(byAccount, 'a:', s.accountIdHash, undefined);
  }

  const linked = [...seen].map((k) => pool[k]!);
  const accounts = [...new Set(linked.map((s) => s.accountIdHash))].sort();
  const others = linked.filter((s) => s !== current).sort((a, b) => a.at - b.at).map((s) => s.submissionId);
  return {
    ring: accounts.length >= opts.minAccounts,
    accountIdHashes: accounts,
    submissionIds: others,
    signals: [...signals].sort(),
  };
}

/** A ring with its finding; `submissionIds` are the other members, to put back in front of a moderator. */
export interface RingMatch extends RingResult {
  finding: SignalFinding;
}

/**
 * Does the current submission belong to a ring (≥ minAccounts distinct accounts sharing a device
 * or payment signal on one seller within the window)? The finding carries the linked account
 * hashes as evidence.linkedAccounts; undefined when there is no ring.
 */
export function detectRing(recent: readonly RingSubmission[], current: RingSubmission, opts: RingOptions): RingMatch | undefined {
  const result = linkRing(recent, current, opts);
  const finding = ringFinding(result, opts);
  return finding ? { ...result, finding } : undefined;
}

/** Evidence lists are for moderators; a huge ring is summarised, not pasted whole. */
const MAX_LINKED = 50;

/**
 * A ring as a finding: accounts sharing devices or payment instruments while reviewing one
 * seller are an undisclosed tie (to each other, and usually to the seller). Confidence grows
 * with the ring's size; a shared payment instrument weighs more than a shared device.
 */
export function ringFinding(result: RingResult, opts: RingOptions): SignalFinding | undefined {
  if (!result.ring) return undefined;
  const extra = result.accountIdHashes.length - opts.minAccounts;
  const base = result.signals.includes('paymentFingerprint') ? 0.8 : 0.7;
  const confidence = Math.min(0.95, Math.round((base + 0.05 * extra) * 1000) / 1000);
  return {
    type: 'seller_tie.undisclosed',
    detector: DETECTOR,
    confidence,
    evidence: {
      subtype: 'ring',
      signals: result.signals,
      linkedAccounts: result.accountIdHashes.slice(0, MAX_LINKED),
      detail: `${result.accountIdHashes.length} accounts, ${result.submissionIds.length + 1} submissions in the window`,
    },
  };
}
