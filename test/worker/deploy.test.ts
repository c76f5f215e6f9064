import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { ROOT } from '../../local/system.js';

const run = promisify(execFile);

it('wrangler deploy --dry-run builds the worker within Cloudflare script limits', async () => {
  const out = mkdtempSync(join(tmpdir(), 'wrangler-dry-'));
  try {
    const { stdout } = await run(join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', out], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      timeout: 120_000,
    });
    expect(stdout).toContain('--dry-run: exiting now.');
    expect(stdout).toMatch(/env\.DB .*D1 Database/);
    expect(stdout).toMatch(/env\.SCAN_QUEUE .*Queue/);
    const js = readdirSync(out).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(out, f))).byteLength, 0);
    // Workers free plan: 3 MB compressed; stay well inside it.
    expect(gz).toBeLessThan(1024 * 1024);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 180_000);
