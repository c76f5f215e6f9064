import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system.js';
import { KEYS, post, startSystem, submission } from './helpers.js';

/**
 * Server-Timing is a local profiling aid (SERVER_TIMING=1): with it, submissions report their
 * phases; without it, the timing middleware is not run at all and no header leaks timings.
 */
describe('Server-Timing', () => {
  let on: LocalSystem;
  let off: LocalSystem;
  beforeAll(async () => {
    [on, off] = await Promise.all([startSystem({ vars: { SCAN_RETRY_DELAY_S: '0', SERVER_TIMING: '1' } }), startSystem()]);
  });
  afterAll(async () => {
    await Promise.all([on?.stop(), off?.stop()]);
  });

  it('reports the total and the submission phases when enabled', async () => {
    const r = await post(on, '/v1/submissions', submission('Fits well, fast delivery.'), KEYS.storefront, { 'idempotency-key': 'timing-on-1' });
    expect(r.status).toBe(201);
    await r.arrayBuffer();
    const header = r.headers.get('server-timing') ?? '';
    expect(header).toMatch(/(^|,)total;dur=\d/);
    expect(header.split(',').length).toBeGreaterThan(1);
  });

  it('sends no timings by default', async () => {
    for (const [path, key] of [['/v1/submissions', KEYS.storefront], ['/v1/precheck', undefined]] as const) {
      const r = await post(off, path, submission('Fits well, fast delivery.'), key, { 'idempotency-key': 'timing-off-1' });
      expect(r.status).toBeLessThan(300);
      await r.arrayBuffer();
      expect(r.headers.get('server-timing')).toBeNull();
    }
  });
});
