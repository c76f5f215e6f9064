import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['moderation/**/*.test.ts', 'models/**/*.test.ts', 'scanner/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Real workerd with D1, R2 and Queues through Miniflare (local/system.ts), one system per file.
        test: {
          name: 'worker',
          environment: 'node',
          // after the unit tests, two files at a time: each file runs its own workerd
          sequence: { groupOrder: 1 },
          include: ['test/worker/**/*.test.ts', 'test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
