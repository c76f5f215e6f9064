import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectRing, linkRing, matchSellerTies, type RingSubmission, SIGNAL_CONFIDENCE, type SellerTieHashes } from './ties.js';

const TIES: SellerTieHashes = {
  accountIdHashes: ['acc-owner', 'acc-staff'],
  deviceIds: ['dev-1'],
  ips: ['ip-1'],
  paymentFingerprints: ['pay-1'],
  shippingAddressHashes: ['addr-1'],
};
const author = (accountIdHash: string, signalHashes: Record<string, string | undefined> = {}) => ({ accountIdHash, signalHashes });

describe('matchSellerTies', () => {
  it('no shared signal, no finding', () => {
    expect(matchSellerTies(author('acc-x', { deviceId: 'dev-9', ip: 'ip-9' }), TIES, false)).toEqual([]);
  });

  it.each([
    ['accountId', author('acc-staff')],
    ['paymentFingerprint', author('acc-x', { paymentFingerprint: 'pay-1' })],
    ['shippingAddressHash', author('acc-x', { shippingAddressHash: 'addr-1' })],
    ['deviceId', author('acc-x', { deviceId: 'dev-1' })],
    ['ip', author('acc-x', { ip: 'ip-1' })],
  ] as const)('%s alone', (signal, a) => {
    const [f] = matchSellerTies(a, TIES, false);
    expect(f!.type).toBe('seller_tie.undisclosed');
    expect(f!.evidence.signals).toEqual([signal]);
    expect(f!.confidence).toBe(SIGNAL_CONFIDENCE[signal]);
  });

  it('account and payment are strong, address and device medium, IP alone weak', () => {
    const c = (s: Record<string, string>) => matchSellerTies(author('acc-x', s), TIES, false)[0]!.confidence;
    expect(c({ paymentFingerprint: 'pay-1' })).toBeGreaterThanOrEqual(0.9);
    expect(c({ deviceId: 'dev-1' })).toBeGreaterThan(c({ ip: 'ip-1' }));
    expect(c({ ip: 'ip-1' })).toBeLessThan(0.5);
    expect(matchSellerTies(author('acc-x', { ip: 'ip-1' }), TIES, false)[0]!.evidence.detail).toMatch(/weak/);
  });

  it('several signals combine into one finding naming all of them', () => {
    const found = matchSellerTies(author('acc-x', { deviceId: 'dev-1', ip: 'ip-1' }), TIES, false);
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence.signals).toEqual(['deviceId', 'ip']);
    expect(found[0]!.confidence).toBeCloseTo(1 - (1 - 0.65) * (1 - 0.35), 2);
  });

  it('a disclosed author gets seller_tie.disclosed instead', () => {
    expect(matchSellerTies(author('acc-owner'), TIES, true)[0]!.type).toBe('seller_tie.disclosed');
  });

  it('an empty hash never matches an empty registered value', () => {
    const ties = { ...TIES, deviceIds: [''], ips: [''] };
    expect(matchSellerTies(author('acc-x', { deviceId: '', ip: '' }), ties, false)).toEqual([]);
  });

  it('confidence stays in (0, 0.99]', () => {
    fc.assert(fc.property(fc.subarray(['acc', 'pay', 'addr', 'dev', 'ip'] as const), (use) => {
      const a = author(use.includes('acc') ? 'acc-owner' : 'acc-x', {
        paymentFingerprint: use.includes('pay') ? 'pay-1' : undefined, shippingAddressHash: use.includes('addr') ? 'addr-1' : undefined,
        deviceId: use.includes('dev') ? 'dev-1' : undefined, ip: use.includes('ip') ? 'ip-1' : undefined,
      });
      const found = matchSellerTies(a, TIES, false);
      expect(found.length).toBe(use.length ? 1 : 0);
      for (const f of found) expect(f.confidence > 0 && f.confidence <= 0.99).toBe(true);
    }));
  });
});

describe('detectRing', () => {
  const DAY = 24 * 3600 * 1000;
  const opts = { windowMs: 30 * DAY, minAccounts: 3 };
  const now = 100 * DAY;
  const sub = (submissionId: string, accountIdHash: string, s: { d?: string; p?: string; at?: number } = {}): RingSubmission =>
    ({ submissionId, accountIdHash, deviceIdHash: s.d, paymentHash: s.p, at: s.at ?? now - DAY });

  it('three accounts on one device are a ring', () => {
    const recent = [sub('s1', 'a1', { d: 'dev' }), sub('s2', 'a2', { d: 'dev' }), sub('s3', 'a9', { d: 'other' })];
    const r = detectRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts)!;
    expect(r.accountIdHashes).toEqual(['a0', 'a1', 'a2']);
    expect(r.submissionIds).toEqual(['s1', 's2']);
    expect(r.finding.type).toBe('seller_tie.undisclosed');
    expect(r.finding.evidence.linkedAccounts).toEqual(['a0', 'a1', 'a2']);
    expect(r.finding.evidence.signals).toEqual(['deviceId']);
  });

  it('links through each other: a device to one account, a card to the next', () => {
    const recent = [sub('s1', 'a1', { d: 'dev', p: 'card' }), sub('s2', 'a2', { p: 'card' })];
    const r = detectRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts)!;
    expect(r.accountIdHashes).toEqual(['a0', 'a1', 'a2']);
    expect(r.signals).toEqual(['deviceId', 'paymentFingerprint']);
  });

  it('an account linked through its other submission counts', () => {
    const recent = [sub('s1', 'a1', { d: 'dev' }), sub('s2', 'a1', { p: 'card' }), sub('s3', 'a2', { p: 'card' })];
    expect(detectRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts)?.accountIdHashes).toEqual(['a0', 'a1', 'a2']);
  });

  it('fewer accounts than the minimum is no ring; the same account twice counts once', () => {
    const recent = [sub('s1', 'a1', { d: 'dev' }), sub('s2', 'a1', { d: 'dev' })];
    expect(detectRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts)).toBeUndefined();
    expect(linkRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts).accountIdHashes).toEqual(['a0', 'a1']);
  });

  it('submissions outside the window do not count', () => {
    const recent = [sub('s1', 'a1', { d: 'dev' }), sub('s2', 'a2', { d: 'dev', at: now - 40 * DAY })];
    expect(detectRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts)).toBeUndefined();
  });

  it('the current submission is not linked to itself, and no signal means no link', () => {
    const recent = [sub('s0', 'a0', { d: 'dev', at: now }), sub('s1', 'a1'), sub('s2', 'a2')];
    const r = linkRing(recent, sub('s0', 'a0', { d: 'dev', at: now }), opts);
    expect(r.submissionIds).toEqual([]);
    expect(r.ring).toBe(false);
  });

  it('a shared card weighs more than a shared device; a bigger ring more than a small one', () => {
    const ring = (sig: 'd' | 'p', n: number) => detectRing(
      Array.from({ length: n - 1 }, (_, k) => sub(`s${k + 1}`, `a${k + 1}`, { [sig]: 'x' })), sub('s0', 'a0', { [sig]: 'x', at: now }), opts,
    )!.finding.confidence;
    expect(ring('p', 3)).toBeGreaterThan(ring('d', 3));
    expect(ring('d', 6)).toBeGreaterThan(ring('d', 3));
  });

  it('stays linear on 20,000 recent submissions', () => {
    const recent = Array.from({ length: 20_000 }, (_, k) => sub(`s${k}`, `a${k % 5000}`, { d: `d${k % 50}`, p: `p${k % 70}`, at: now - (k % 20) * DAY }));
    const t0 = performance.now();
    const r = detectRing(recent, sub('cur', 'me', { d: 'd1', at: now }), opts)!;
    expect(performance.now() - t0).toBeLessThan(500);
    // d1 and the cards link every submission with k ≡ 1 (mod 10): 500 accounts, and the author.
    expect(r.accountIdHashes.length).toBe(501);
    expect(r.finding.evidence.linkedAccounts!.length).toBeLessThanOrEqual(50);
  });

  it('linked accounts are always accounts from the input', () => {
    const arb = fc.array(fc.record({ a: fc.constantFrom('a1', 'a2', 'a3', 'a4'), d: fc.option(fc.constantFrom('d1', 'd2')), p: fc.option(fc.constantFrom('p1', 'p2')) }), { maxLength: 30 });
    fc.assert(fc.property(arb, (rows) => {
      const recent = rows.map((r, k) => sub(`s${k}`, r.a, { d: r.d ?? undefined, p: r.p ?? undefined }));
      const r = linkRing(recent, sub('cur', 'a0', { d: 'd1', at: now }), opts);
      expect(r.accountIdHashes).toContain('a0');
      for (const a of r.accountIdHashes) expect(['a0', ...rows.map((x) => x.a)]).toContain(a);
      expect(r.ring).toBe(r.accountIdHashes.length >= 3);
    }));
  });
});
