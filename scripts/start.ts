import { join } from 'node:path';
import { defaultProcesses, DEV_SECRETS, ROOT, startLocal } from '../local/system.js';
import { closeSharedScanner } from '../local/scanner.js';

/**
 * `npm start`: the whole system on this machine. State persists in .state/ across restarts.
 * PORT (default 8787), PRECHECK_RATE_LIMIT (default 60/min, 0 = off), ALLOWED_ORIGINS and
 * LOCAL_PROCESSES (workerd processes on the port; default one per core, up to four) come from the
 * environment.
 */
const port = Number(process.env.PORT ?? 8787);
const rate = Number(process.env.PRECHECK_RATE_LIMIT ?? 60);
const persistTo = process.env.STATE_DIR ?? join(ROOT, '.state', 'local');

const processes = defaultProcesses();
const sys = await startLocal({ port, persistTo, processes, precheckRateLimit: Number.isFinite(rate) ? rate : 60 });
const base = sys.url.origin;
console.log(`
Marketplace moderation is running (local workerd via Miniflare, ${1 + sys.replicas.length} process${sys.replicas.length ? 'es' : ''} on the port; state in ${persistTo})

  API          ${base}/v1/...   (OpenAPI: ${base}/openapi.json)
  Pre-check    POST ${base}/v1/precheck  (public, ${rate > 0 ? `${rate}/min per client` : 'no rate limit'})
  Console      ${base}/console
  Demo page    ${base}/demo

Local development credentials (Authorization: Bearer <key>):
  storefront   ${DEV_SECRETS.STOREFRONT_KEYS}
  moderator    dev-moderator-key    senior  dev-senior-key    admin  dev-admin-key

Bindings: D1 (DB, migrations applied), R2 (MEDIA), Queues (moderation-scan + DLQ, moderation-webhooks),
rate limiting (PRECHECK_LIMITER), media scanner (SCANNER -> in-process Node scanner).
Press Ctrl+C to stop.
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await sys.stop().catch(() => {});
  await closeSharedScanner().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
