import type { ScanJob, WebhookJob } from '../models/queue.js';

/** Bindings from wrangler.toml; secrets are optional at the type level and checked where used. */
export interface Env {
  DB: D1Database;
  MEDIA: R2Bucket;
  SCAN_QUEUE: Queue<ScanJob>;
  WEBHOOK_QUEUE: Queue<WebhookJob>;
  PRECHECK_LIMITER?: RateLimit;
  /** console log-in attempts per client; absent = unthrottled (fails open, logged) */
  LOGIN_LIMITER?: RateLimit;
  /** local: an in-process Node scanner; production: undefined, the Container is used */
  SCANNER?: Fetcher;
  SCANNER_CONTAINER?: DurableObjectNamespace;
  /** local replica processes only (worker/replica.ts): the primary process, which holds all state */
  PRIMARY?: Fetcher;
  ENVIRONMENT?: string;
  ALLOWED_ORIGINS?: string;
  PRECHECK_RATE_LIMIT?: string;
  PLATFORM_DOMAINS?: string;
  SCAN_MAX_ATTEMPTS?: string;
  STOREFRONT_KEYS?: string;
  MODERATOR_KEYS?: string;
  SIGNAL_HMAC_KEY?: string;
  WEBHOOK_SECRET?: string;
  SESSION_SECRET?: string;
  /** seconds; first retry delay of a failed scan, doubled per attempt */
  SCAN_RETRY_DELAY_S?: string;
  /** ms; how long an isolate keeps a seller's ties */
  TIES_CACHE_TTL_MS?: string;
  /** ms; how long the worker waits for one scan */
  SCAN_TIMEOUT_MS?: string;
  /** '1' adds Server-Timing headers (local profiling) */
  SERVER_TIMING?: string;
}

export type Role = 'storefront' | 'moderator' | 'senior' | 'admin';
export interface Principal { role: Role; name: string }

export type AppEnv = { Bindings: Env; Variables: { principal: Principal; requestId: string } };
