import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../types.js';
import { offPlatformDetectors } from './index.js';
import { inputFor } from './testing.js';

/**
 * fixtures/text/off-platform.jsonl end to end through the four detectors. The fixtures are
 * complete for this area: every off_platform.* finding a case should produce is listed, so a
 * finding that overlaps no listed one of its type is a false positive.
 */

interface Case {
  id: string;
  submission: { kind: string; text: string; locale?: string };
  expect: { findings: { type: string; text: string }[]; mustNotFind?: string[]; action?: string };
  meta: { lang: string; hardNegative?: boolean };
}

const TYPES = ['off_platform.link', 'off_platform.contact', 'off_platform.deal', 'off_platform.phishing'] as const;
const cases: Case[] = readFileSync(new URL('../../../fixtures/text/off-platform.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Case);

describe('fixtures/text/off-platform.jsonl', () => {
  it('is well formed: unique ids, exact substrings, all seven languages, a third hard negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(220);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      for (const f of c.expect.findings) {
        expect(c.submission.text.includes(f.text), `${c.id}: ${f.text}`).toBe(true);
        expect(TYPES).toContain(f.type);
      }
      if (c.expect.findings.some((f) => f.type === 'off_platform.phishing')) expect(c.expect.action, c.id).toBe('hide');
    }
    for (const lang of LANGS) expect(cases.filter((c) => c.meta.lang === lang).length, lang).toBeGreaterThanOrEqual(25);
    expect(cases.filter((c) => c.meta.hardNegative).length).toBeGreaterThanOrEqual(cases.length / 3);
    const withLocale = cases.filter((c) => c.submission.locale).length;
    expect(withLocale / cases.length).toBeGreaterThan(0.35);
    expect(withLocale / cases.length).toBeLessThan(0.65);
  });

  it('reaches precision and recall of at least 0.95 per type, with no forbidden finding', () => {
    const stats = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
    const problems: string[] = [];
    for (const c of cases) {
      const text = c.submission.text;
      const found = offPlatformDetectors.flatMap((d) => d(inputFor(text)));
      const overlaps = (type: string, s: number, e: number) => found.some((f) => f.type === type && f.span.start < e && s < f.span.end);
      const expected = c.expect.findings.map((f) => ({ ...f, s: text.indexOf(f.text), e: text.indexOf(f.text) + f.text.length }));
      for (const x of expected) {
        if (overlaps(x.type, x.s, x.e)) stats[x.type]!.tp++;
        else { stats[x.type]!.fn++; problems.push(`${c.id} missed ${x.type} "${x.text}"`); }
      }
      for (const f of found) {
        if (!expected.some((x) => x.type === f.type && f.span.start < x.e && x.s < f.span.end)) {
          stats[f.type]!.fp++;
          problems.push(`${c.id} extra ${f.type} "${text.slice(f.span.start, f.span.end)}"`);
        }
        if (c.expect.mustNotFind?.includes(f.type)) problems.push(`${c.id} forbidden ${f.type}`);
      }
      // Phishing hides: the policy hides at confidence 0.5 and above.
      if (c.expect.action === 'hide') {
        expect(found.some((f) => f.type === 'off_platform.phishing' && f.confidence >= 0.5), c.id).toBe(true);
      }
    }
    for (const t of TYPES) {
      const { tp, fp, fn } = stats[t]!;
      expect(tp / (tp + fp), `${t} precision; ${problems.join('; ')}`).toBeGreaterThanOrEqual(0.95);
      expect(tp / (tp + fn), `${t} recall; ${problems.join('; ')}`).toBeGreaterThanOrEqual(0.95);
    }
    expect(problems.filter((p) => p.includes('forbidden'))).toEqual([]);
  });
});

describe('hard negatives read together', () => {
  it('stay clean when concatenated into long reviews (no pairing across cases)', () => {
    for (const lang of LANGS) {
      const pool = cases.filter((c) => c.meta.lang === lang && c.meta.hardNegative).map((c) => c.submission.text);
      for (const sep of [' ', '\n', ', ']) {
        const text = pool.join(sep);
        const found = offPlatformDetectors.flatMap((d) => d(inputFor(text))).map((f) => `${f.type}: ${text.slice(f.span.start, f.span.end)}`);
        expect(found, `${lang} joined by ${JSON.stringify(sep)}`).toEqual([]);
      }
    }
  });
});
