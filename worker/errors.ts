import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** Every error leaves as `{ error: { code, message, issues? } }` (contract). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, issues?: unknown[]) {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export function validationError(err: z.ZodError): ApiError {
  const issues = err.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
  return new ApiError(400, 'invalid_request', 'The request does not match the schema.', issues);
}

export function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad_request';
    return c.json(errorBody(code, err.message || code), status as ContentfulStatusCode);
  }
  if (isStorageError(err)) {
    // D1/R2 refused a write: nothing was applied, and the storefront's retry (same Idempotency-Key) is safe.
    console.error(JSON.stringify({ event: 'storage_unavailable', message: String(err.message).slice(0, 200) }));
    c.header('retry-after', '2');
    return c.json(errorBody('storage_unavailable', 'Storage is unavailable; nothing was stored. Retry with the same Idempotency-Key.'), 503);
  }
  // No user input reaches here by design; log the class of the failure, never the request body.
  console.error(JSON.stringify({ event: 'unhandled_error', name: err?.name, message: String(err?.message).slice(0, 200) }));
  return c.json(errorBody('internal_error', 'Something went wrong; the request was not applied.'), 500);
}

/**
 * The body as text, with Request.text(). A stream reader was used here for a while, on the
 * belief that text() kept each Request alive until a full collection; measured again in workerd
 * (2026-12-02, bare worker and this route, CPU counters and --trace-gc at a steady rate), the
 * reader costs ~50 us more CPU per request (each read() is a promise and a trip into the
 * runtime) and leaves more garbage: full collections came half as often with text(), each as
 * long (README "Load test").
 */
async function bodyText(req: Request): Promise<string> {
  return req.body ? req.text() : '';
}

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send application/json.');
  }
  const raw = await bodyText(c.req.raw);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

function isStorageError(err: Error): boolean {
  return /D1_|SQLITE_|R2 |no such table|database/i.test(`${err?.name} ${err?.message}`);
}
