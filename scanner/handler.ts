import { DEFAULT_SNIFF_LIMITS } from '../moderation/media/sniff.js';
import { ScannerBusy, type Scanner } from './scan.js';

/**
 * The scanner's HTTP face, as a fetch-style function: the same function is the Miniflare
 * service binding's target locally and sits behind node:http in the container (server.ts).
 *
 *   POST /scan   body: the raw image; headers: x-media-id, content-type
 *                → 200 { mediaId, contentType, width, height, findings, timings, redactedBase64?, redactedContentType? }
 *   GET  /health → 200 { ok, languages, load, capacity } (503 while the OCR pool is not up)
 *
 * Bad input is a 4xx with the contract's error body; a full queue is a 503 with Retry-After, so
 * the worker's queue consumer retries later instead of piling work onto a busy container.
 */

export type ScanHandler = (req: Request) => Promise<Response>;

const MEDIA_ID = /^[\w.:@/-]{1,200}$/;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
const error = (status: number, code: string, message: string, headers?: Record<string, string>) => json(status, { error: { code, message } }, headers);

/** Reads the body up to `limit` bytes; `undefined` when it is larger (the rest is not read). */
async function readLimited(req: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.byteLength; }
  return out;
}

export function createScanHandler(scanner: Scanner, opts: { maxBytes?: number } = {}): ScanHandler {
  const maxBytes = opts.maxBytes ?? DEFAULT_SNIFF_LIMITS.maxBytes;
  let started = false;
  scanner.ready.then(() => { started = true; }, () => undefined);

  return async (req) => {
    const url = new URL(req.url);
    if (url.pathname === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return error(405, 'method_not_allowed', 'Use GET.', { allow: 'GET' });
      return json(started ? 200 : 503, { ok: started, languages: scanner.languages, load: scanner.load(), capacity: scanner.capacity });
    }
    if (url.pathname !== '/scan') return error(404, 'not_found', 'Unknown route.');
    if (req.method !== 'POST') return error(405, 'method_not_allowed', 'Use POST.', { allow: 'POST' });

    const mediaId = req.headers.get('x-media-id') ?? '';
    if (!MEDIA_ID.test(mediaId)) return error(400, 'invalid_media_id', 'x-media-id is required: 1-200 characters of letters, digits and ._:@/-');
    // Refuse before reading a byte of the body when the queue is already full.
    if (scanner.load() >= scanner.capacity) return error(503, 'overloaded', 'The scanner is busy; retry later.', { 'retry-after': '2' });
    const bytes = await readLimited(req, maxBytes);
    if (!bytes) return error(413, 'media_too_large', `The body is over ${maxBytes} bytes.`);
    if (bytes.byteLength === 0) return error(400, 'empty_body', 'The body must be the image bytes.');

    try {
      const result = await scanner.scan(bytes, { mediaId, contentType: req.headers.get('content-type') ?? undefined });
      const { redacted, ...rest } = result;
      return json(200, redacted ? { ...rest, redactedBase64: Buffer.from(redacted.buffer, redacted.byteOffset, redacted.byteLength).toString('base64') } : rest);
    } catch (err) {
      if (err instanceof ScannerBusy) return error(503, 'overloaded', 'The scanner is busy; retry later.', { 'retry-after': '2' });
      // The worker turns a 5xx into a retry and, after its attempts, media.scan_failed (queued for a human).
      console.error(JSON.stringify({ event: 'scan_error', mediaId, error: (err as Error)?.name, message: String((err as Error)?.message ?? err).slice(0, 200) }));
      return error(500, 'scan_failed', 'The scan did not finish.');
    }
  };
}
