import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../language.js';
import { normalize } from '../../normalize.js';
import type { DetectorInput } from '../../types.js';
import { conductDetectors } from './index.js';

/**
 * The labelled fixtures of this area, through the conduct detectors alone. The files are
 * complete: any finding of their types that no label expects is a false positive.
 */
interface Case {
  id: string;
  submission: { text: string; locale?: string; kind: 'review' | 'question' | 'answer'; rating?: number; author: { disclosedSellerTie?: boolean } };
  expect: { findings: { type: string; text?: string }[]; mustNotFind?: string[] };
  meta: { lang: string; hardNegative?: boolean };
}

const ROOT = join(import.meta.dirname, '..', '..', '..');
const load = (name: string): Case[] => readFileSync(join(ROOT, 'fixtures', 'text', name), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Case);

function evaluate(cases: Case[]) {
  const area = new Set(cases.flatMap((c) => [...c.expect.findings.map((f) => f.type), ...(c.expect.mustNotFind ?? [])]));
  const tally = new Map<string, { tp: number; fp: number; fn: number }>();
  const t = (type: string) => tally.get(type) ?? tally.set(type, { tp: 0, fp: 0, fn: 0 }).get(type)!;
  const wrong: string[] = [];
  for (const c of cases) {
    const s = c.submission;
    const input: DetectorInput = {
      norm: normalize(s.text), lang: detectLanguage(s.text, s.locale), region: undefined, kind: s.kind, rating: s.rating,
      disclosedSellerTie: s.author.disclosedSellerTie === true, config: { platformDomains: [] },
    };
    const found = conductDetectors.flatMap((d) => d(input)).filter((f) => area.has(f.type));
    const overlaps = (span: { start: number; end: number }, text: string) => {
      for (let k = s.text.indexOf(text); k >= 0; k = s.text.indexOf(text, k + 1)) if (span.start < k + text.length && k < span.end) return true;
      return false;
    };
    const used = new Set<number>();
    for (const e of c.expect.findings) {
      const k = found.findIndex((f, n) => !used.has(n) && f.type === e.type && (!e.text || overlaps(f.span, e.text)));
      if (k >= 0) { used.add(k); t(e.type).tp++; } else { t(e.type).fn++; wrong.push(`miss ${c.id} ${e.type}`); }
    }
    found.forEach((f, n) => { if (!used.has(n)) { t(f.type).fp++; wrong.push(`false ${c.id} ${f.type}`); } });
  }
  return { tally, wrong };
}

describe.each([['extortion.jsonl'], ['seller-tie.jsonl']])('fixtures/text/%s', (file) => {
  const cases = load(file);
  const { tally, wrong } = evaluate(cases);

  it('has enough cases in all seven languages, at least half hard negatives', () => {
    expect(new Set(cases.map((c) => c.meta.lang))).toEqual(new Set(['en', 'ru', 'es', 'pt', 'fr', 'pl', 'uk']));
    expect(cases.filter((c) => c.meta.hardNegative).length * 2).toBeGreaterThanOrEqual(cases.length);
  });

  it('precision ≥ 0.95 and recall ≥ 0.90 per type', () => {
    for (const [type, x] of tally) {
      expect(x.tp / Math.max(1, x.tp + x.fp), `${type} precision; ${wrong.join('; ')}`).toBeGreaterThanOrEqual(0.95);
      expect(x.tp / Math.max(1, x.tp + x.fn), `${type} recall; ${wrong.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('no finding at all on hard negatives', () => {
    expect(wrong.filter((w) => w.startsWith('false') && cases.find((c) => w.includes(` ${c.id} `))?.meta.hardNegative)).toEqual([]);
  });
});
