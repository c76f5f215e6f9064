import { Container } from '@cloudflare/containers';
import { createApp } from './app.js';
import type { Env } from './env.js';
import { handleScanBatch, handleScanDeadLetters } from './scan.js';
import { handleWebhookBatch } from './webhook.js';
import { recoverPendingScans } from './recover.js';
import { answersInReplica, forwardToPrimary } from './replica.js';

const app = createApp();

export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    if (env.PRIMARY && !answersInReplica(req, env)) return forwardToPrimary(req, env.PRIMARY);
    return app.fetch(req, env, ctx);
  },
  async queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
    if (batch.queue.endsWith('-dlq')) return handleScanDeadLetters(batch, env);
    if (batch.queue.includes('webhook')) return handleWebhookBatch(batch, env);
    return handleScanBatch(batch, env);
  },
  async scheduled(controller: ScheduledController, env: Env): Promise<void> {
    // 'recover' is sent by the local launcher at start; the cron sweeps scans stuck for 10 minutes.
    const n = await recoverPendingScans(env, controller.cron === 'recover' ? 0 : 10 * 60_000);
    if (n > 0) console.log(JSON.stringify({ event: 'scans_recovered', count: n }));
  },
} satisfies ExportedHandler<Env>;

/**
 * Local only: the entrypoint replica processes forward to, on a private socket of the primary
 * (local/system.ts). The same app as the default export, reached without Miniflare's entry worker,
 * which would add a client address the public socket never has and so split rate-limit buckets.
 */
export const primary = { fetch: app.fetch } satisfies ExportedHandler<Env>;

/** Production home of the media scanner (scanner/Dockerfile): sharp + tesseract.js cannot run in workerd. */
export class ScannerContainer extends Container<Env> {
  override defaultPort = 8080;
  override sleepAfter = '5m';
}
