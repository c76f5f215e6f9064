import { pathToFileURL } from 'node:url';
import { startLocal, type LocalSystem } from '../local/system.js';

/**
 * The moderators' queue under load: seeds N queued items into local D1 and measures, over HTTP
 * against workerd, the queue list (with its per-type counts), a filtered list, a deep page, the
 * item view and claims. Target: < 100 ms median with 10,000 queued items.
 *
 *   npx tsx scripts/bench-queue.ts [N] [runs]
 *   import { benchQueue } from './bench-queue.js'  (npm run bench)
 */

export interface Stat { median: number; p99: number; min: number; max: number; runs: number }
export interface QueueBenchResult { items: number; seedMs: number; list: Stat; listFiltered: Stat; listDeep: Stat; item: Stat; claim: Stat }

const MODERATOR_KEY = 'dev-moderator-key';

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(at(0.5)), p99: round(at(0.99)), min: round(s[0]!), max: round(s[s.length - 1]!), runs: s.length };
}

// Type mixes as the pipeline writes them (queue_types, priority per worker/queue-fields.ts).
const MIXES: [types: string, priority: number][] = [
  ['off_platform.phishing', 0],
  ['extortion.threat personal_data.phone', 1],
  ['seller_tie.undisclosed', 1],
  ['review_manipulation.incentive', 1],
  ['off_platform.deal', 2],
  ['media.video_unscanned', 2],
  ['off_platform.deal off_platform.contact personal_data.phone', 2],
  ['media.scan_failed', 2],
];

/** One INSERT … SELECT over a recursive CTE: 10,000 rows in well under a second. */
export async function seedQueue(sys: LocalSystem, n: number, prefix = 'sub_bench_'): Promise<number> {
  const db = await sys.mf.getD1Database('DB');
  const t0 = performance.now();
  const now = Date.now();
  const findings = JSON.stringify([{ type: 'extortion.threat', detector: 'bench', confidence: 0.9, action: 'queue', span: { start: 0, end: 20 } }]);
  await db.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?1),
       mix AS (SELECT key AS k, json_extract(value, '$[0]') AS types, json_extract(value, '$[1]') AS prio FROM json_each(?5))
     INSERT INTO submissions (id, request_hash, kind, text, lang, author_account, author_hash, seller_id, action, status, findings, reasons,
       text_findings, queue_state, priority, queue_types, escalated, created_at, updated_at, decided_at)
     SELECT ?2 || i, 'bench', 'review',
       'Refund me or I will leave one star everywhere, bench item ' || i, CASE i % 3 WHEN 0 THEN 'ru' WHEN 1 THEN 'en' ELSE 'es' END,
       'buyer-' || (i % 3000), 'h-' || (i % 3000), 'seller-' || (i % 250), 'queue', 'queued', ?3, '["extortion.threat"]', ?3,
       'open', mix.prio, mix.types, CASE WHEN i % 97 = 0 THEN 1 ELSE 0 END, ?4 - i * 1000, ?4 - i * 1000, ?4 - i * 1000
     FROM seq JOIN mix ON mix.k = i % ${MIXES.length}`,
  ).bind(n, prefix, findings, now, JSON.stringify(MIXES)).run();
  return performance.now() - t0;
}

async function time(runs: number, fn: () => Promise<Response>): Promise<Stat> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await fn();
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`bench request failed: ${r.status}`);
    samples.push(performance.now() - t);
  }
  return stat(samples);
}

/** `quick` (npm run bench's quick mode) keeps the 10,000 items and takes 15 samples instead of 50. */
export async function benchQueue(opts: { n?: number; runs?: number; quick?: boolean; sys?: LocalSystem; log?: boolean } = {}): Promise<QueueBenchResult> {
  const n = opts.n ?? 10_000;
  const runs = opts.runs ?? (opts.quick ? 15 : 50);
  const own = !opts.sys;
  const sys = opts.sys ?? (await startLocal({ precheckRateLimit: 0, scanner: async () => Response.json({ findings: [] }) }));
  try {
    const seedMs = await seedQueue(sys, n);
    const auth = { authorization: `Bearer ${MODERATOR_KEY}` };
    const get = (path: string) => () => sys.fetch(path, { headers: auth });
    // warm the isolate and SQLite's page cache
    for (let i = 0; i < 5; i++) await (await sys.fetch('/v1/queue', { headers: auth })).arrayBuffer();
    const list = await time(runs, get('/v1/queue?limit=25'));
    const listFiltered = await time(runs, get('/v1/queue?limit=25&type=seller_tie&locale=ru'));
    const deepCursor = ((await (await sys.fetch('/v1/queue?limit=100', { headers: auth })).json()) as { nextCursor: string }).nextCursor;
    const listDeep = await time(runs, get(`/v1/queue?limit=25&cursor=${deepCursor}`));
    const item = await time(runs, get('/v1/queue/sub_bench_42'));
    const claim = await time(runs, () => sys.fetch('/v1/queue/claim', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ limit: 5 }) }));
    const result = { items: n, seedMs: Math.round(seedMs), list, listFiltered, listDeep, item, claim };
    if (opts.log ?? true) {
      console.log(`queue bench, ${n} queued items (seeded in ${result.seedMs} ms), ${runs} runs each, ms:`);
      for (const k of ['list', 'listFiltered', 'listDeep', 'item', 'claim'] as const) {
        const s = result[k];
        console.log(`  ${k.padEnd(13)} median ${String(s.median).padStart(7)}  p99 ${String(s.p99).padStart(7)}  ${s.median < 100 ? 'ok' : 'OVER 100 ms'}`);
      }
    }
    return result;
  } finally {
    if (own) await sys.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 50);
  benchQueue({ n, runs }).then(
    (r) => { if (r.list.median >= 100 || r.claim.median >= 100) process.exitCode = 1; },
    (err) => { console.error(err); process.exitCode = 1; },
  );
}
