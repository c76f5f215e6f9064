import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare, type MiniflareOptions, Response as MfResponse, type Request as MfRequest } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler';
import { canShareSockets, openSharedSocket, spawnWithSocket, type SharedSocket } from './shared-socket.js';
import { installV8Flags } from './v8-flags.js';

/**
 * The whole system on one machine, with no account and no network: the worker in workerd via
 * Miniflare, with the bindings wrangler.toml declares (D1, R2, Queues and their DLQ, rate
 * limiting), and the media scanner as an in-process Node service binding in place of the
 * production Container. Used by `npm start`, the tests, the benchmarks and the load test.
 */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Local development credentials (contract "Local defaults"). Deployed workers never see these. */
export const DEV_SECRETS = {
  STOREFRONT_KEYS: 'dev-storefront-key',
  MODERATOR_KEYS: 'dev-moderator-key:moderator:dev-moderator,dev-senior-key:senior:dev-senior,dev-admin-key:admin:dev-admin',
  SIGNAL_HMAC_KEY: 'dev-signal-hmac-key',
  WEBHOOK_SECRET: 'dev-webhook-secret',
  SESSION_SECRET: 'dev-session-secret',
} as const;

export type ScanFn = (req: Request) => Promise<Response>;

export interface LocalOptions {
  port?: number;
  host?: string;
  /** folder for D1/R2 state; undefined keeps everything in memory */
  persistTo?: string | undefined;
  /** the scanner's request handler; defaults to the real Node scanner */
  scanner?: ScanFn;
  /** extra or overriding worker vars/secrets */
  vars?: Record<string, string>;
  /** pre-check requests per minute per client (0 = off) */
  precheckRateLimit?: number;
  /** console log-in attempts per minute per client; default wrangler.toml's LOGIN_LIMITER; 0 = no binding (as if undeclared) */
  loginRateLimit?: number;
  log?: boolean;
  /** leave the schema unapplied (tests of /health's not-ready answer); apply later with applyMigrations */
  skipMigrations?: boolean;
  /**
   * workerd processes sharing the port (default 1). Each runs JavaScript on one core; the first
   * holds all state and the others answer pre-checks and forward the rest (worker/replica.ts).
   */
  processes?: number;
}

export interface LocalSystem {
  /** the primary process: all bindings and state */
  mf: Miniflare;
  /** replica processes (`processes` − 1) */
  replicas: Miniflare[];
  url: URL;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * How many workerd processes `npm start`, the load test and the benchmark run: LOCAL_PROCESSES,
 * else one per core up to four (each replica holds its own copy of the worker, ~100 MB).
 */
export function defaultProcesses(): number {
  const fromEnv = Number(process.env.LOCAL_PROCESSES);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.min(availableParallelism(), 4);
}

let bundlePromise: Promise<string> | undefined;

/** Bundles worker/index.ts once per process (esbuild, like wrangler does). */
export function bundleWorker(): Promise<string> {
  bundlePromise ??= (async () => {
    const outfile = join(ROOT, '.state', 'build', 'worker.js');
    const result = await build({
      entryPoints: [join(ROOT, 'worker', 'index.ts')],
      outfile,
      write: false,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      conditions: ['workerd', 'worker', 'browser', 'import'],
      mainFields: ['module', 'main'],
      external: ['cloudflare:*', 'node:*'],
      // Whitespace and syntax only: identifiers stay as written, so function names (detector names
      // in fail-closed logs) survive without keepNames, whose __name() wrapper costs a
      // defineProperty per arrow-function class field: a dozen per request in Hono's Context
      // alone, 1-2% of the worker's time at load. wrangler.toml sets keep_names = false to match.
      minifyWhitespace: process.env.WORKER_MINIFY !== '0',
      minifySyntax: process.env.WORKER_MINIFY !== '0',
      keepNames: false,
      sourcemap: false,
      logLevel: 'silent',
    });
    // Several processes (test files, npm start) may bundle at once: each writes its own file and
    // renames it into place, so no reader ever sees a half-written bundle.
    mkdirSync(dirname(outfile), { recursive: true });
    const tmp = `${outfile}.${process.pid}.tmp`;
    writeFileSync(tmp, result.outputFiles[0]!.contents);
    renameSync(tmp, outfile);
    return outfile;
  })();
  return bundlePromise;
}

export function readDevVars(): Record<string, string> {
  const file = join(ROOT, '.dev.vars');
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

async function defaultScanner(): Promise<ScanFn> {
  const { sharedScanHandler } = await import('./scanner.js');
  return sharedScanHandler();
}

export async function startLocal(opts: LocalOptions = {}): Promise<LocalSystem> {
  // For diagnosis only (e.g. WORKERD_V8_FLAGS=--trace-gc npm run load): V8 flags for workerd,
  // which Miniflare has no option for (local/v8-flags.ts). Unset, workerd runs as it ships.
  const v8Flags = process.env.WORKERD_V8_FLAGS?.trim();
  if (v8Flags) installV8Flags(v8Flags.split(/\s+/));
  const scriptPath = await bundleWorker();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'), undefined, { overrides: { enableContainers: false } });
  const scan = opts.scanner ?? (await defaultScanner());
  const rate = opts.precheckRateLimit ?? 60;
  const declared = (workerOptions as { ratelimits?: Record<string, { simple: { limit: number; period: number } }> }).ratelimits ?? {};
  const login = opts.loginRateLimit ?? declared.LOGIN_LIMITER?.simple.limit ?? 0;

  // The Container's Durable Object has no local engine here: the scanner is a Node binding instead.
  const { durableObjects: _do, containers: _c, ...rest } = workerOptions as typeof workerOptions & { containers?: unknown };
  const vars: Record<string, string> = {
    ...(workerOptions.bindings as Record<string, string> | undefined),
    ...DEV_SECRETS,
    ENVIRONMENT: 'development',
    ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:3000,http://127.0.0.1:${opts.port ?? 8787},http://localhost:${opts.port ?? 8787}`,
    PRECHECK_RATE_LIMIT: String(rate),
    ...readDevVars(),
    ...opts.vars,
  };
  if (opts.persistTo) mkdirSync(opts.persistTo, { recursive: true });
  const persist = opts.persistTo
    ? { d1Persist: join(opts.persistTo, 'd1'), r2Persist: join(opts.persistTo, 'r2'), cachePersist: join(opts.persistTo, 'cache') }
    : { d1Persist: false, r2Persist: false };
  const options: MiniflareOptions = {
    ...(rest as object),
    name: 'marketplace-moderation',
    modules: true,
    scriptPath,
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags,
    bindings: vars,
    ratelimits: {
      PRECHECK_LIMITER: { simple: { limit: Math.max(1, rate), period: 60 } },
      ...(login > 0 ? { LOGIN_LIMITER: { simple: { limit: login, period: declared.LOGIN_LIMITER?.simple.period ?? 60 } } } : {}),
    },
    serviceBindings: {
      SCANNER: async (req: MfRequest) => {
        // A crash in the scanner is an unavailable scanner (503, retried), never an exception
        // thrown across the binding, where it may land in a runtime that is shutting down.
        try {
          const res = await scan(req as unknown as Request);
          return new MfResponse(await res.arrayBuffer(), { status: res.status, headers: Object.fromEntries(res.headers) });
        } catch (err) {
          return new MfResponse(JSON.stringify({ error: { code: 'scanner_crashed', message: String((err as Error)?.name) } }), { status: 503, headers: { 'content-type': 'application/json' } });
        }
      },
    },
    // Miniflare's own entry (used for its APIs: D1, queues, scheduled) stays on a private port;
    // the public port is a direct socket to the worker, which skips the entry worker's extra hop
    // (about 40% more requests per second on this machine). Locally there is then no
    // cf-connecting-ip header: every local client shares one pre-check rate-limit bucket.
    host: '127.0.0.1',
    port: 0,
    unsafeDirectSockets: [{ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 }],
    verbose: false,
    // profiling only: attach Chrome DevTools (or scripts) to the worker's V8
    ...(process.env.MF_INSPECTOR_PORT ? { inspectorPort: Number(process.env.MF_INSPECTOR_PORT) } : {}),
    ...persist,
  } as MiniflareOptions;
  const processes = Math.max(1, Math.floor(opts.processes ?? 1));
  if (processes === 1 || !canShareSockets()) {
    const mf = new Miniflare(options);
    await mf.ready;
    return await finishStart(mf, [], opts);
  }

  // Several processes on one port: the kernel spreads connections over them.
  const shared = await openSharedSocket(opts.host ?? '127.0.0.1', opts.port ?? 0);
  const started: Miniflare[] = [];
  try {
    const withPrivate = { ...options, unsafeDirectSockets: [...(options.unsafeDirectSockets ?? []), { host: '127.0.0.1', port: 0, entrypoint: PRIMARY_ENTRYPOINT }] } as MiniflareOptions;
    const mf = new Miniflare(withPrivate);
    started.push(mf);
    await spawnWithSocket(shared, DIRECT_SOCKET, () => mf.ready);
    const primaryUrl = await mf.unsafeGetDirectURL(undefined, PRIMARY_ENTRYPOINT);
    for (let i = 1; i < processes; i++) {
      const replica = new Miniflare(replicaOptions(options, vars, primaryUrl, shared));
      started.push(replica);
      await spawnWithSocket(shared, DIRECT_SOCKET, () => replica.ready);
    }
    return await finishStart(mf, started.slice(1), opts);
  } catch (err) {
    await Promise.allSettled(started.map((m) => m.dispose()));
    throw err;
  } finally {
    shared.close();
  }
}

/** Miniflare's name for a worker's first direct socket (worker 0, default entrypoint). */
const DIRECT_SOCKET = 'direct:0:default';
/** worker/index.ts's export for forwarded requests, on a private socket of the primary */
const PRIMARY_ENTRYPOINT = 'primary';

/**
 * A replica: the same worker and vars, no storage, queues or limiters, and a PRIMARY binding to
 * the primary's private socket (worker/replica.ts decides what it answers itself).
 */
function replicaOptions(primary: MiniflareOptions, vars: Record<string, string>, primaryUrl: URL, shared: SharedSocket): MiniflareOptions {
  const p = primary as MiniflareOptions & Record<string, unknown>;
  return {
    name: p.name,
    modules: true,
    scriptPath: p.scriptPath,
    compatibilityDate: p.compatibilityDate,
    compatibilityFlags: p.compatibilityFlags,
    bindings: vars,
    serviceBindings: { PRIMARY: { external: { address: primaryUrl.host, http: {} } } },
    host: '127.0.0.1',
    port: 0,
    unsafeDirectSockets: [{ host: '127.0.0.1', port: shared.port }],
    verbose: false,
  } as MiniflareOptions;
}

async function finishStart(mf: Miniflare, replicas: Miniflare[], opts: LocalOptions): Promise<LocalSystem> {
  const url = await mf.unsafeGetDirectURL();
  if (!opts.skipMigrations) {
    await applyMigrations(mf);
    // Queue messages live in memory locally: after a restart, re-enqueue what was mid-scan.
    await (await mf.getWorker()).scheduled({ cron: 'recover' });
  }
  return {
    mf,
    replicas,
    url,
    fetch: (path, init) => harnessFetch(new URL(path, url), init),
    stop: async () => {
      await Promise.allSettled(replicas.map((r) => r.dispose()));
      await mf.dispose();
    },
  };
}

/** Applies migrations/*.sql not yet applied, tracked in d1_migrations as wrangler does. */
export async function applyMigrations(mf: Miniflare): Promise<string[]> {
  const db = await mf.getD1Database('DB');
  await db.prepare('CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)').run();
  const done = new Set((await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()).results.map((r) => r.name));
  const dir = join(ROOT, 'migrations');
  const applied: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(file)) continue;
    const statements = unstable_splitSqlQuery(readFileSync(join(dir, file), 'utf8'));
    await db.batch([...statements.map((s) => db.prepare(s)), db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(file)]);
    applied.push(file);
  }
  return applied;
}

/**
 * The harness's own client, one connection per request: a request written on a kept-alive socket
 * just as workerd closed it for idleness failed with "other side closed" before the worker read
 * it (one worker test in a full run). Retrying cannot tell that from a request the worker did
 * handle, so the race is removed instead; on loopback a connection costs next to nothing.
 */
function harnessFetch(url: URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('connection')) headers.set('connection', 'close');
  return fetch(url, { ...init, headers });
}
