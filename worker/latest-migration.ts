/** The newest file in migrations/: /health answers 200 only once it is applied (test/unit/health.test.ts keeps it current). */
export const LATEST_MIGRATION = '0002_moderation_queue.sql';
