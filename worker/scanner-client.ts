import { z } from 'zod';
import { FindingSchema } from '../models/finding.js';
import type { Env } from './env.js';

/**
 * The worker's side of the media scanner. Locally the SCANNER service binding is an in-process
 * Node function (scripts/start.ts); in production it is the ScannerContainer Durable Object.
 */
export const ScanResponseSchema = z.object({
  mediaId: z.string(),
  findings: z.array(FindingSchema),
  redactedBase64: z.string().optional(),
  redactedContentType: z.string().optional(),
});
export type ScanResponse = z.infer<typeof ScanResponseSchema>;

export class ScannerUnavailable extends Error {
  override name = 'ScannerUnavailable';
}

function scannerFetcher(env: Env): { fetch(req: Request): Promise<Response> } {
  if (env.SCANNER) return env.SCANNER;
  if (env.SCANNER_CONTAINER) {
    const ns = env.SCANNER_CONTAINER;
    // Spread scans over the pool of container instances; any instance can scan any image.
    return { fetch: (req) => ns.get(ns.idFromName(`scanner-${Math.floor(Math.random() * 4)}`)).fetch(req) };
  }
  throw new ScannerUnavailable('no scanner binding');
}

export async function scanMedia(env: Env, mediaId: string, contentType: string, body: ReadableStream | ArrayBuffer): Promise<ScanResponse> {
  const timeout = Number(env.SCAN_TIMEOUT_MS ?? 60_000);
  const req = new Request('http://scanner/scan', {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-media-id': mediaId },
    body,
    signal: AbortSignal.timeout(timeout),
  });
  let res: Response;
  try {
    res = await scannerFetcher(env).fetch(req);
  } catch (err) {
    throw new ScannerUnavailable(`scanner unreachable: ${(err as Error)?.name}`);
  }
  if (!res.ok) throw new ScannerUnavailable(`scanner answered ${res.status}`);
  const parsed = ScanResponseSchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new ScannerUnavailable('scanner answered an unexpected body');
  return parsed.data;
}
