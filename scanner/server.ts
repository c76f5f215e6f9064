import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createScanHandler, type ScanHandler } from './handler.js';
import { createScanner, type Scanner } from './scan.js';
import { prepareTessdata } from './tessdata.js';

/**
 * The container's entry point: node:http around the fetch-style handler.
 *   PORT (default 8080), SCANNER_WORKERS (OCR slots, default 1 per core up to 4), SCANNER_MAX_QUEUE (default 8),
 *   SCANNER_TESSDATA_DIR (traineddata folder; default under the OS temp folder).
 *   `--prepare-only` builds the traineddata folder and exits (the image build runs it once).
 */

function toRequest(req: IncomingMessage, port: number): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://localhost:${port}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((v, k) => res.setHeader(k, v));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function startServer(handler: ScanHandler, port: number) {
  const server = createServer((req, res) => {
    handler(toRequest(req, port))
      .then((r) => send(res, r))
      .catch((err) => {
        console.error(JSON.stringify({ event: 'scanner_http_error', error: String(err).slice(0, 200) }));
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  server.listen(port);
  return server;
}

/** A tiny synthetic label: the first real scan should not pay for libvips start-up and JIT. */
async function warmUp(scanner: Scanner): Promise<void> {
  const sharp = (await import('sharp')).default;
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="70" font-size="32">SIZE 42</text></svg>';
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  await scanner.scan(new Uint8Array(png), { mediaId: 'warm-up', contentType: 'image/png' }).catch(() => undefined);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tessdataDir = process.env.SCANNER_TESSDATA_DIR || undefined;
  if (process.argv.includes('--prepare-only')) {
    // Image build step: gunzip eng and link rus into the folder, then exit.
    console.log(JSON.stringify({ event: 'scanner_tessdata_prepared', ...prepareTessdata(tessdataDir ? { dir: tessdataDir } : {}) }));
    process.exit(0);
  }
  const { availableParallelism } = await import('node:os');
  const port = Number(process.env.PORT ?? 8080);
  const scanner: Scanner = createScanner({
    workers: Number(process.env.SCANNER_WORKERS ?? Math.min(4, availableParallelism())),
    maxQueue: Number(process.env.SCANNER_MAX_QUEUE ?? 8),
    ...(tessdataDir ? { tessdataDir } : {}),
  });
  const server = startServer(createScanHandler(scanner), port);
  scanner.ready.then(
    async () => {
      await warmUp(scanner);
      console.log(JSON.stringify({ event: 'scanner_listening', port, languages: scanner.languages, workers: scanner.workersCreated() }));
    },
    () => process.exit(1),
  );
  const stop = () => server.close(() => void scanner.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
