import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../local/system.js';
import type { LoadOptions } from './load-options.js';

export interface LoadResult {
  requests: number; rps: number; p50: number; p99: number; max: number;
  errors: number; timeouts: number; non2xx: number; status2xx: number; duration: number;
  /** steady generator only: the worst latency of each second */
  worstPerSecond?: number[];
  /** steady generator only: how late (ms) its most delayed request of each second left the generator */
  worstSendLagPerSecond?: number[];
  /** steady generator only: its own CPU over the run, as a share of one core (taken from the server on a small machine) */
  generatorCpu?: number;
  /** steady generator only: failed requests by cause (error code, "timeout", or "HTTP <status> <error code>") */
  errorCauses?: Record<string, number>;
}

/**
 * Runs a load generator in a second Node process and returns its summary: with a `rate`, a steady
 * open-loop rate (scripts/lib/steady.ts); without, as many requests as `connections` carry
 * (autocannon, scripts/lib/cannon.ts) to find the ceiling.
 */
export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const script = opts.rate ? 'scripts/lib/steady.ts' : 'scripts/lib/cannon.ts';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), JSON.stringify(opts)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      try { resolve(JSON.parse(out) as LoadResult); } catch (e) { reject(e); }
    });
  });
}
