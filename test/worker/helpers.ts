import { startLocal, type LocalOptions, type LocalSystem, type ScanFn } from '../../local/system.js';

export const KEYS = {
  storefront: 'dev-storefront-key',
  moderator: 'dev-moderator-key',
  senior: 'dev-senior-key',
  admin: 'dev-admin-key',
} as const;

/** A fresh in-memory system per test file: real workerd, D1, R2 and Queues; a scanner chosen by the test. */
export async function startSystem(opts: Partial<LocalOptions> & { scanner?: ScanFn } = {}): Promise<LocalSystem> {
  return startLocal({ precheckRateLimit: 0, vars: { SCAN_RETRY_DELAY_S: '0' }, ...opts, scanner: opts.scanner ?? cleanScanner });
}

/** A scanner that finds nothing: for tests about the worker, not about images. */
export const cleanScanner: ScanFn = async (req) => {
  const mediaId = req.headers.get('x-media-id') ?? '';
  await req.arrayBuffer();
  return Response.json({ mediaId, findings: [] });
};

export function submission(text: string, extra: Record<string, unknown> = {}) {
  return { kind: 'review', text, author: { accountId: 'buyer-1' }, seller: { id: 'seller-1' }, ...extra };
}

export function post(sys: LocalSystem, path: string, body: unknown, key?: string, headers: Record<string, string> = {}) {
  return sys.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000, stepMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A tiny valid PNG (1×1), for media paths that do not depend on image content. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
