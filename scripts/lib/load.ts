import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../local/system.js';

export interface LoadResult {
  requests: number; rps: number; p50: number; p99: number; max: number;
  errors: number; timeouts: number; non2xx: number; status2xx: number; duration: number;
}

/** Runs scripts/lib/cannon.ts in a second Node process and returns its summary. */
export function runLoad(opts: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/lib/cannon.ts'), JSON.stringify(opts)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      try { resolve(JSON.parse(out) as LoadResult); } catch (e) { reject(e); }
    });
  });
}
