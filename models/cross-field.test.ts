import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SubmissionSchema } from './api.js';
import { DecisionBodySchema } from './moderation.js';
import { sourceFiles } from '../test/unit/helpers/sources.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = join(ROOT, 'test', 'unit', 'helpers', 'zod-promotion.ts');
const run = promisify(execFile);

/** Bytes V8 promoted to the old generation, summed over the young collections of one child run. */
async function promoted(mode: string, n: number): Promise<number> {
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--trace-gc-nvp', PROBE], {
    cwd: ROOT, env: { ...process.env, MODE: mode, N: String(n) }, maxBuffer: 64 << 20,
  });
  expect(stderr).toContain(`parsed ${n}`);
  let total = 0;
  for (const line of stdout.split('\n')) {
    if (!/\bgc=s\b/.test(line)) continue;
    total += Number(/\bpromoted=(\d+)/.exec(line)?.[1] ?? 0);
  }
  return total;
}

/** Per parse, from two run lengths: start-up (module loading, compilation) cancels out. */
async function promotedPerParse(mode: string): Promise<number> {
  const [short, long] = await Promise.all([promoted(mode, 1500), promoted(mode, 4500)]);
  return (long - short) / 3000;
}

describe('cross-field checks', () => {
  it('report each broken rule at its path', () => {
    const r = SubmissionSchema.safeParse({ kind: 'question', text: ' ', rating: 3, author: { accountId: 'a' }, seller: { id: 's' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['text', 'text is empty and there is no media'],
      ['rating', 'rating is only for reviews'],
    ]);
    const d = DecisionBodySchema.safeParse({ action: 'redact', reason: 'other', redactions: [{ start: 5, end: 5 }] });
    expect(d.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['note', 'reason "other" needs a note'],
      ['redactions.0.end', 'end must be after start'],
    ]);
  });

  it('pass a valid body through unchanged', () => {
    const body = { kind: 'review', text: 'ok', rating: 5, author: { accountId: 'a' }, seller: { id: 's' } };
    expect(SubmissionSchema.parse(body)).toEqual(body);
  });

  // The reason crossFieldCheck exists (see its comment): superRefine made every parsed body
  // outlive the young generation. The control run proves this harness sees that retention.
  it('leave parsed bodies to the young generation, unlike superRefine', async () => {
    const [ours, control] = [await promotedPerParse('check'), await promotedPerParse('superRefine')];
    expect(control).toBeGreaterThan(1500);
    expect(ours).toBeLessThan(600);
  });

  // The measurement above covers SubmissionSchema only; a superRefine added to any other schema
  // would bring the retention back without failing it. So none may appear where request bodies
  // are parsed: models/ (every boundary schema) and worker/ (the routes).
  it('are the only kind of cross-field rule in models/ and worker/ (no superRefine)', () => {
    const offenders: string[] = [];
    for (const file of ['models', 'worker'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/\.superRefine\s*\(/.test(line) && !/^\s*(?:\*|\/\/)/.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
