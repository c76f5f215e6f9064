import autocannon from 'autocannon';
import { loadOptionsFromArgv } from './load-options.js';

/**
 * Closed-loop load generator, run as its own process (the worker gets the other core): a fixed
 * duration and connection count against a loopback URL, each connection sending its next request
 * as soon as the last is answered: the ceiling, not a steady rate (scripts/lib/steady.ts).
 * Prints one JSON summary on stdout.
 */
const opts = loadOptionsFromArgv();
let n = 0;
const body = JSON.stringify(opts.body);
const result = await autocannon({
  url: opts.url,
  duration: opts.duration,
  connections: opts.connections,
  requests: [
    {
      method: 'POST',
      path: opts.path,
      headers: { 'content-type': 'application/json', ...opts.headers },
      body,
      setupRequest: (req: any) => {
        if (opts.uniqueKeys) req.headers = { ...req.headers, 'idempotency-key': `${opts.uniqueKeys}-${n++}` };
        return req;
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status2xx: result['2xx'],
    duration: result.duration,
  }),
);
