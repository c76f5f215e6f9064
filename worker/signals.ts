import { hex, hmac } from './crypto.js';
import type { Env } from './env.js';

/**
 * Seller-tie signals are stored and compared only as keyed hashes: HMAC-SHA-256 over
 * "<kind>:<value>" with SIGNAL_HMAC_KEY, so a leaked table reveals neither accounts nor IPs,
 * and the same value of two kinds never collides.
 */
export type SignalKind = 'account' | 'device' | 'payment' | 'address' | 'ip';

export function signalKey(env: Env): string {
  if (!env.SIGNAL_HMAC_KEY) throw new Error('SIGNAL_HMAC_KEY is not configured');
  return env.SIGNAL_HMAC_KEY;
}

export async function hashSignal(env: Env, kind: SignalKind, value: string): Promise<string> {
  return hex(await hmac(signalKey(env), `${kind}:${value.trim().toLowerCase()}`));
}
