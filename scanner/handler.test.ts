import { describe, expect, it, vi } from 'vitest';
import { createScanHandler } from './handler.js';
import { ScannerBusy, type Scanner, type ScanResult } from './scan.js';

/** A scanner stand-in: the handler's contract is HTTP in, HTTP out, whatever the scan does. */
function fakeScanner(overrides: Partial<Scanner> & { result?: Partial<ScanResult>; fail?: Error } = {}): Scanner & { calls: { bytes: Uint8Array; meta: object }[] } {
  const calls: { bytes: Uint8Array; meta: object }[] = [];
  return {
    calls,
    ready: Promise.resolve(),
    languages: ['eng', 'rus'],
    capacity: 3,
    load: () => 0,
    workersCreated: () => 3,
    close: async () => undefined,
    async scan(bytes, meta) {
      calls.push({ bytes, meta });
      if (overrides.fail) throw overrides.fail;
      return {
        mediaId: meta.mediaId, contentType: 'image/jpeg', width: 10, height: 10, findings: [],
        timings: { decodeMs: 1, prefilterMs: 1, ocrMs: 0, detectMs: 0, redactMs: 0 }, trace: { passes: [] },
        ...overrides.result,
      };
    },
    ...overrides,
  };
}

const post = (body: ConstructorParameters<typeof Request>[1] extends infer I ? (I extends { body?: infer B } ? B : never) : never, headers: Record<string, string> = { 'x-media-id': 'm-1', 'content-type': 'image/jpeg' }) =>
  new Request('http://scanner/scan', { method: 'POST', headers, body });

describe('scan handler', () => {
  it('scans the raw body and answers JSON with the redacted copy as base64', async () => {
    const scanner = fakeScanner({ result: { redacted: Uint8Array.from([1, 2, 3, 250]), redactedContentType: 'image/png', findings: [{ type: 'media.location_metadata', detector: 'media-scanner', confidence: 1, action: 'redact', mediaId: 'm-1' }] } });
    const res = await createScanHandler(scanner)(post(Uint8Array.from([0xff, 0xd8, 0xff, 0x00])));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ mediaId: 'm-1', redactedBase64: 'AQID+g==', redactedContentType: 'image/png', findings: [{ type: 'media.location_metadata' }] });
    expect(body).not.toHaveProperty('redacted');
    expect(scanner.calls[0]).toMatchObject({ meta: { mediaId: 'm-1', contentType: 'image/jpeg' } });
    expect([...scanner.calls[0]!.bytes]).toEqual([0xff, 0xd8, 0xff, 0x00]);
  });

  it('answers 4xx on bad input, with the contract’s error body', async () => {
    const h = createScanHandler(fakeScanner(), { maxBytes: 8 });
    const cases: [Request, number, string][] = [
      [post(Uint8Array.from([1]), { 'content-type': 'image/jpeg' }), 400, 'invalid_media_id'],
      [post(Uint8Array.from([1]), { 'x-media-id': 'bad id with spaces' }), 400, 'invalid_media_id'],
      [post(null), 400, 'empty_body'],
      [post(new Uint8Array(9)), 413, 'media_too_large'],
      [new Request('http://scanner/scan', { method: 'GET' }), 405, 'method_not_allowed'],
      [new Request('http://scanner/elsewhere', { method: 'POST', body: 'x' }), 404, 'not_found'],
    ];
    for (const [req, status, code] of cases) {
      const res = await h(req);
      expect(res.status, code).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code } });
    }
  });

  it('refuses a streamed body that grows past the limit without a content-length', async () => {
    const stream = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(new Uint8Array(6)); c.enqueue(new Uint8Array(6)); c.close(); } });
    const req = new Request('http://scanner/scan', { method: 'POST', headers: { 'x-media-id': 'm' }, body: stream, duplex: 'half' } as RequestInit);
    expect((await createScanHandler(fakeScanner(), { maxBytes: 8 })(req)).status).toBe(413);
  });

  it('answers 503 with Retry-After when the queue is full, before reading the body', async () => {
    const full = fakeScanner({ load: () => 3 });
    const res = await createScanHandler(full)(post(Uint8Array.from([1, 2])));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(full.calls).toHaveLength(0);
    const racing = fakeScanner({ fail: new ScannerBusy('full') });
    expect((await createScanHandler(racing)(post(Uint8Array.from([1])))).status).toBe(503);
  });

  it('turns a scanner crash into a 500 the worker retries, without echoing internals', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await createScanHandler(fakeScanner({ fail: new Error('tesseract exploded at /tmp/secret') }))(post(Uint8Array.from([1])));
    expect(res.status).toBe(500);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    const text = await res.text();
    expect(text).toContain('scan_failed');
    expect(text).not.toContain('/tmp/secret');
  });

  it('reports health once the OCR pool is up', async () => {
    let start!: () => void;
    const scanner = fakeScanner({ ready: new Promise<void>((r) => { start = r; }) });
    const h = createScanHandler(scanner);
    expect((await h(new Request('http://scanner/health'))).status).toBe(503);
    start();
    await scanner.ready;
    const res = await h(new Request('http://scanner/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, languages: ['eng', 'rus'], load: 0, capacity: 3 });
  });
});
