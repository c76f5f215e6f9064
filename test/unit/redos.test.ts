import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tokenizer, type Token } from 'acorn';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './helpers/sources.js';

/**
 * ReDoS: every regular expression in the project's runtime code is run over 20,000-character
 * adversarial inputs built from the characters it matches. A super-linear pattern takes seconds
 * on such input; a linear one takes about a millisecond. The bound is generous on purpose: it
 * catches blow-ups, not slowness (speed is measured in `npm run bench`).
 *
 * Two ways to find them, because neither sees all: the source scan reads regex literals and
 * `new RegExp('...')` with a literal source; patterns assembled at run time (from data files,
 * word lists and template helpers) are caught as the pipeline builds them, by loading it under
 * a recording RegExp and running every labelled fixture through it. The recording covers
 * moderation/ and models/ only, so a pattern built from parts anywhere else fails the suite.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['moderation', 'worker', 'models', 'scanner', 'local'];
const N = 20_000;
const BOUND_MS = 400;

interface Found { where: string; source: string; flags: string }

/**
 * The regexes a file spells out, and where it calls `RegExp(...)` with a source that is not a
 * string literal (opaque: the scan cannot read it).
 */
function regexesIn(file: string): { found: Found[]; opaque: string[] } {
  // Types stripped by esbuild, then acorn's tokenizer tells regex literals from division.
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: file.endsWith('x') ? 'tsx' : 'ts', jsx: 'automatic' });
  const out: Found[] = [];
  const opaque: string[] = [];
  // acorn's Token type omits `value`, which every token has at run time
  const toks = [...tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true })] as (Token & { value: unknown })[];
  toks.forEach((t, i) => {
    const where = `${relative(ROOT, file)} (js line ${t.loc?.start.line})`;
    if (t.type.label === 'regexp') {
      const v = t.value as { pattern: string; flags: string };
      out.push({ where, source: v.pattern, flags: v.flags });
    } else if (t.type.label === 'name' && t.value === 'RegExp' && toks[i + 1]?.type.label === '(') {
      if (toks[i + 2]?.type.label === 'string') {
        const flags = toks[i + 3]?.type.label === ',' && toks[i + 4]?.type.label === 'string' ? String(toks[i + 4]!.value) : '';
        out.push({ where, source: String(toks[i + 2]!.value), flags });
      } else opaque.push(where);
    }
  });
  return { found: out, opaque };
}

/** Characters the pattern mentions (literals and class members), to build inputs it half-matches. */
function alphabet(source: string): string[] {
  const chars = new Set<string>();
  for (const c of source.replace(/\\[dDwWsSbBpPuxnrtfv]/g, '')) if (!'()[]{}?*+|^$\\'.includes(c)) chars.add(c);
  return [...chars].slice(0, 12);
}

const BASE = [
  '1', '1 ', '1-', '1.', '1/', '+1', '12 ', 'a', 'a ', 'a.', '.a', 'a-', 'a@', '@a', '@', 'A<', '<', ' ', '\n',
  '😀', '😀1', 'x.com ', 'www.', 'http://', 'a.b.', 'zero ', 'один ', 'ab1', 'Ab1 ', 'а', 'aa@aa.', '1 1 1 ',
];

/** Input shapes of a given length: repeated units it half-matches, and runs that fail only at the end. */
function inputs(source: string): ((n: number) => string)[] {
  const units = [...BASE, ...alphabet(source), ...alphabet(source).map((c) => `${c}a1 `)];
  const repeated = units.map((u) => (n: number) => u.repeat(Math.ceil(n / u.length)).slice(0, n));
  // A long run that fails only at its last character: how nested quantifiers ("(a+)+$") blow up.
  const failingTail = [...new Set(units.map((u) => u[0]!))].map((c) => (n: number) => c.repeat(n - 1) + '\u0000');
  return [...repeated, ...failingTail];
}

// Lengths tried in turn, stopping at the first over the bound: an exponential pattern shows at a
// few dozen characters and must fail there, not hang the run on 20,000 (a regex cannot be
// interrupted); a quadratic one shows further up the doubling.
const SIZES = [...Array.from({ length: 15 }, (_, i) => 8 + 4 * i), 128, 256, 512, 1024, 2048, 4096, 8192, N];

/** The worst time over every shape and length, and the input length where it was met. */
function worstTime(re: RegExp, source: string): { ms: number; n: number } {
  let worst = { ms: 0, n: 0 };
  for (const make of inputs(source)) {
    for (const n of SIZES) {
      const s = make(n);
      re.lastIndex = 0;
      const t0 = performance.now();
      for (let m = re.exec(s), i = 0; m && i < n; m = re.exec(s), i++) if (m[0] === '') re.lastIndex++;
      const ms = performance.now() - t0;
      if (ms > worst.ms) worst = { ms, n };
      if (ms > BOUND_MS) return worst;
    }
  }
  return worst;
}

const perFile = DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).map(regexesIn);
const scanned = perFile.flatMap((f) => f.found);
const opaque = perFile.flatMap((f) => f.opaque);

// The frame that called the RegExp constructor, if it is the pipeline's own code (not a library's).
// ("at fn (/…/x.ts:1:2)" inside a function, "at /…/x.ts:1:2" at a module's top level)
const PIPELINE_FRAME = /^at (?:[^(]* \()?(\/[^()]*\/(?:moderation|models)\/[^()]*?\.ts):(\d+):\d+\)?$/;

/** Every RegExp the pure pipeline (moderation/, models/) constructs while loading and running. */
async function builtAtRunTime(): Promise<Found[]> {
  const Native = globalThis.RegExp;
  const out: Found[] = [];
  const record = (args: unknown[]) => {
    const caller = new Error().stack?.split('\n')[3]?.trim() ?? '';
    const m = PIPELINE_FRAME.exec(caller);
    if (!m || m[1]!.endsWith('.test.ts')) return;
    const [pattern, flags] = args as [unknown, unknown];
    const source = pattern instanceof Native ? pattern.source : String(pattern);
    const f = typeof flags === 'string' ? flags : pattern instanceof Native ? pattern.flags : '';
    out.push({ where: `${relative(ROOT, m[1]!)}:${m[2]} (built at run time)`, source, flags: f });
  };
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args) { record(args); return Reflect.construct(target, args); },
    apply(target, self, args) { record(args); return Reflect.apply(target, self, args); },
  });
  try {
    const { moderateText } = await import('../../moderation/pipeline.js');
    await import('../../models/api.js');
    const dir = join(ROOT, 'fixtures', 'text');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { submission: s } = JSON.parse(line) as { submission: { text: string; kind: 'review'; locale?: string; rating?: number } };
        moderateText({ text: s.text, kind: s.kind, locale: s.locale, rating: s.rating });
      }
    }
  } finally {
    globalThis.RegExp = Native;
  }
  return out;
}

const seen = new Set(scanned.map((r) => `${r.flags}/${r.source}`));
const runtime = (await builtAtRunTime()).filter((r) => !seen.has(`${r.flags}/${r.source}`) && seen.add(`${r.flags}/${r.source}`));
const all = [...scanned, ...runtime];

describe('no super-linear regular expressions', () => {
  it('finds the project regexes', () => {
    expect(scanned.length).toBeGreaterThan(20);
  });
  // Patterns built at run time are caught only where the recording runs: the pipeline and the
  // models. One built from parts anywhere else (the worker, the scanner) would go unchecked.
  it('builds patterns from parts only in moderation/ and models/, where they are recorded', () => {
    expect(opaque.filter((w) => !/^(?:moderation|models)\//.test(w))).toEqual([]);
  });
  it('sees the patterns built at run time from parts, such as the government-ID table', () => {
    expect(runtime.some((r) => r.where.startsWith('moderation/detectors/personal-data/government-id.ts'))).toBe(true);
    expect(runtime.length).toBeGreaterThan(5);
  });
  for (const r of all) {
    it(`${r.where} /${r.source.slice(0, 60)}/${r.flags}`, () => {
      let re: RegExp;
      try {
        re = new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`);
      } catch {
        return; // not a standalone pattern (e.g. built from parts elsewhere)
      }
      const worst = worstTime(re, r.source);
      expect(worst.ms, `${r.where} took ${worst.ms.toFixed(0)} ms on a ${worst.n}-char input`).toBeLessThan(BOUND_MS);
    });
  }
});
