import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../../worker/latest-migration.js';

describe('/health readiness', () => {
  it('waits for the newest migration in migrations/', () => {
    const files = readdirSync(new URL('../../migrations/', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();
    expect(LATEST_MIGRATION).toBe(files[files.length - 1]);
  });
});
