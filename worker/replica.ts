import type { Env } from './env.js';
import { errorBody } from './errors.js';
import { precheckLimit } from './routes/precheck.js';

/**
 * Locally, `npm start` can run the worker in more than one workerd process sharing the port
 * (local/shared-socket.ts), because one process runs its JavaScript on one core. Only the primary
 * process holds state (D1, R2, queues, the rate limiters' counts); a replica has a PRIMARY binding
 * instead and answers by itself only what needs none of it: a pre-check while the pre-check limit
 * is off. Everything else goes to the primary unchanged. Deployed workers have no PRIMARY binding.
 */
const STATELESS_PATHS: ReadonlySet<string> = new Set(['/v1/precheck', '/v1/precheck/']);
const RETRY_AFTER_S = '1';

export function answersInReplica(req: Request, env: Env): boolean {
  return precheckLimit(env) === 0 && STATELESS_PATHS.has(new URL(req.url).pathname);
}

/** A request the primary may safely receive twice: it reads nothing, or its key makes a replay return the first answer. */
function repeatable(req: Request): boolean {
  return SAFE_METHODS.has(req.method) || req.headers.has('idempotency-key');
}
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The primary's answer. A pooled connection to the primary can close just as a request is put on
 * it (seen as a handful of failures in a minute of 200 submissions/s); a repeatable request is
 * then sent once more. Otherwise, or if the primary is gone (stopped, restarting), a retryable
 * 503, never a 500. The log line carries the runtime's error text only, no request content.
 */
export async function forwardToPrimary(req: Request, primary: Fetcher): Promise<Response> {
  const spare = repeatable(req) ? req.clone() : undefined;
  try {
    return await primary.fetch(req);
  } catch (first) {
    if (spare) {
      try {
        return await primary.fetch(spare);
      } catch (second) {
        logFailure(second, 2);
      }
    } else logFailure(first, 1);
    return Response.json(errorBody('unavailable', 'The service is restarting; try again.'), { status: 503, headers: { 'retry-after': RETRY_AFTER_S } });
  }
}

function logFailure(err: unknown, attempts: number): void {
  console.error(JSON.stringify({ event: 'forward_failed', attempts, error: String((err as Error)?.message ?? err).slice(0, 200) }));
}
