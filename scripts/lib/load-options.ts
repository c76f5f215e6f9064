/** What scripts/lib/load.ts passes to a load generator process (cannon.ts, steady.ts) as argv[2]. */
export interface LoadOptions {
  url: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  /** seconds */
  duration: number;
  /** keep-alive connections */
  connections: number;
  /** steady.ts only: requests per second, spread evenly (without it, cannon.ts finds the ceiling) */
  rate?: number;
  /** give each request a unique Idempotency-Key (to count stored rows afterwards) */
  uniqueKeys?: string;
}

/** The generator's options from its command line; load never leaves the machine. */
export function loadOptionsFromArgv(): LoadOptions {
  const opts = JSON.parse(process.argv[2]!) as LoadOptions;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(new URL(opts.url).hostname)) throw new Error('load goes to loopback only');
  return opts;
}
