import { clientOf } from '../client.js';
import type { Env } from '../env.js';

/**
 * Throttle for the console log-in (POST /console/login): LOGIN_LIMITER, a Workers rate-limit
 * binding declared in wrangler.toml (10 attempts a minute per client), keyed by the client
 * (cf-connecting-ip, IPv6 /64; worker/client.ts).
 *
 * All attempts, not only failed ones. The binding has one call, limit(), which counts and
 * answers in the same step: there is no way to ask "is this client over?" without counting, and
 * no way to refund a success. Counting failures only would mean checking the key first and
 * calling limit() after a failure, and then a throttled client still learns whether each further
 * guess was right (303 instead of 429), which is no throttle at all. Doing it properly needs a
 * second store for "blocked until" (D1 or KV: a write per failed attempt) for little gain:
 * sessions last 8 hours, so a moderator logs in a few times a day and 10 a minute leaves plenty
 * of room for typos. Fairness: the bucket is per client, never per key or per moderator, so
 * whoever guesses locks out only their own network, never a moderator elsewhere, and for at
 * most a minute. Only attempts that reach the key check count (a stale form does not).
 *
 * A missing binding, or a limiter that throws, fails OPEN: the log-in works unthrottled and every
 * attempt logs `login_limiter_unavailable` (never the key, never the address). Failing closed
 * would turn a configuration slip in one environment into no moderator being able to log in at
 * all, found only when the queue stops moving; moderator keys are long random secrets, so the
 * throttle is the second line of defence, not the first. wrangler.toml declares the binding and
 * test/worker/login-limit.test.ts checks that it stays declared.
 */
export const LOGIN_RETRY_AFTER_S = 60;

export type LoginGate = 'ok' | 'throttled' | 'unavailable';

export async function loginGate(env: Env, req: { header(name: string): string | undefined }): Promise<LoginGate> {
  const limiter = env.LOGIN_LIMITER;
  if (!limiter) {
    console.error(JSON.stringify({ event: 'login_limiter_unavailable', reason: 'binding_missing' }));
    return 'unavailable';
  }
  try {
    const { success } = await limiter.limit({ key: `login:${clientOf(req)}` });
    if (success) return 'ok';
    console.warn(JSON.stringify({ event: 'login_throttled' }));
    return 'throttled';
  } catch (err) {
    console.error(JSON.stringify({ event: 'login_limiter_unavailable', reason: 'limit_failed', name: (err as Error)?.name }));
    return 'unavailable';
  }
}
