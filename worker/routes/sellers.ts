import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SellerIdParam, SellerTiesSchema } from '../../models/api.js';
import { requireRole } from '../auth.js';
import type { AppEnv } from '../env.js';
import { ApiError, parseWith, readJson } from '../errors.js';
import { hashSignal, type SignalKind } from '../signals.js';
import { replaceTies } from '../storage/ties.js';
import { forgetTies } from '../ties-cache.js';

/** PUT /v1/sellers/{sellerId}/ties: replaces the seller's ties; raw values are hashed on arrival and never stored. */
export const sellers = new Hono<AppEnv>();

sellers.use('*', requireRole({ role: 'storefront' }));

sellers.put(
  '/:sellerId/ties',
  bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new ApiError(413, 'payload_too_large', 'The body is over 1 MiB.'); } }),
  async (c) => {
    const sellerId = parseWith(SellerIdParam, c.req.param('sellerId'));
    const ties = parseWith(SellerTiesSchema, await readJson(c));
    const plan: [SignalKind, string[]][] = [
      ['account', ties.accountIds],
      ['device', ties.signals.deviceIds ?? []],
      ['payment', ties.signals.paymentFingerprints ?? []],
      ['address', ties.signals.shippingAddressHashes ?? []],
      ['ip', ties.signals.ips ?? []],
    ];
    const rows: { kind: SignalKind; hash: string }[] = [];
    for (const [kind, values] of plan) for (const v of values) rows.push({ kind, hash: await hashSignal(c.env, kind, v) });
    await replaceTies(c.env.DB, sellerId, rows);
    forgetTies(sellerId);
    const counts = Object.fromEntries(plan.map(([k, v]) => [k, new Set(v).size]));
    return c.json({ sellerId, stored: counts });
  },
);
