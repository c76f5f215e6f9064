import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, type LocalSystem } from '../../local/system.js';
import { KEYS, post, startSystem, submission } from './helpers.js';

// The window `npm start` has between opening its port and applying the migrations, held open:
// /health must say "not yet" until the schema is there, and a client that waited for it must
// then be able to submit.
describe('/health before and after the migrations', () => {
  let sys: LocalSystem;
  beforeAll(async () => { sys = await startSystem({ skipMigrations: true }); });
  afterAll(async () => { await sys?.stop(); });

  it('answers 503 "starting" in the error shape until the newest migration is applied, then 200', async () => {
    const before = await sys.fetch('/health');
    expect(before.status).toBe(503);
    expect(((await before.json()) as { error: { code: string } }).error.code).toBe('starting');
    // A submission in that window is refused as retryable, and nothing is half-stored.
    const early = await post(sys, '/v1/submissions', submission('Great kettle, boils fast.'), KEYS.storefront, { 'idempotency-key': 'health-early' });
    expect(early.status).toBe(503);

    await applyMigrations(sys.mf);
    const after = await sys.fetch('/health');
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ok: true });
    const res = await post(sys, '/v1/submissions', submission('Great kettle, boils fast.'), KEYS.storefront, { 'idempotency-key': 'health-early' });
    expect(res.status).toBe(201);
  });
});
