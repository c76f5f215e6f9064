import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tokenizer, type Token } from 'acorn';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * ReDoS: every regular expression in the project's runtime code (regex literals and
 * `new RegExp('...')` with literal sources) is run over 20,000-character adversarial inputs
 * built from the characters it matches. A super-linear pattern takes seconds on such input; a
 * linear one takes about a millisecond. The bound is generous on purpose: it catches blow-ups,
 * not slowness (speed is measured in `npm run bench`).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['moderation', 'worker', 'models', 'scanner', 'local'];
const N = 20_000;
const BOUND_MS = 400;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

interface Found { where: string; source: string; flags: string }

function regexesIn(file: string): Found[] {
  // Types stripped by esbuild, then acorn's tokenizer tells regex literals from division.
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: file.endsWith('x') ? 'tsx' : 'ts', jsx: 'automatic' });
  const out: Found[] = [];
  // acorn's Token type omits `value`, which every token has at run time
  const toks = [...tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true })] as (Token & { value: unknown })[];
  toks.forEach((t, i) => {
    const where = `${relative(ROOT, file)} (js line ${t.loc?.start.line})`;
    if (t.type.label === 'regexp') {
      const v = t.value as { pattern: string; flags: string };
      out.push({ where, source: v.pattern, flags: v.flags });
    } else if (t.type.label === 'name' && t.value === 'RegExp' && toks[i - 1]?.type.label === 'new' && toks[i + 1]?.type.label === '(' && toks[i + 2]?.type.label === 'string') {
      const flags = toks[i + 3]?.type.label === ',' && toks[i + 4]?.type.label === 'string' ? String(toks[i + 4]!.value) : '';
      out.push({ where, source: String(toks[i + 2]!.value), flags });
    }
  });
  return out;
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

function inputs(source: string): string[] {
  const units = [...BASE, ...alphabet(source), ...alphabet(source).map((c) => `${c}a1 `)];
  return units.map((u) => u.repeat(Math.ceil(N / u.length)).slice(0, N));
}

const all = DIRS.flatMap((d) => files(join(ROOT, d)).flatMap(regexesIn));

describe('no super-linear regular expressions', () => {
  it('finds the project regexes', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  for (const r of all) {
    it(`${r.where} /${r.source.slice(0, 60)}/${r.flags}`, () => {
      let re: RegExp;
      try {
        re = new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`);
      } catch {
        return; // not a standalone pattern (e.g. built from parts elsewhere)
      }
      let worst = 0;
      for (const s of inputs(r.source)) {
        re.lastIndex = 0;
        const t0 = performance.now();
        for (let m = re.exec(s), i = 0; m && i < N; m = re.exec(s), i++) if (m[0] === '') re.lastIndex++;
        worst = Math.max(worst, performance.now() - t0);
      }
      expect(worst, `${r.where} took ${worst.toFixed(0)} ms on a 20,000-char input`).toBeLessThan(BOUND_MS);
    });
  }
});
