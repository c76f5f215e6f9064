import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../language.js';
import { normalize } from '../../normalize.js';
import type { DetectorInput } from '../../types.js';
import { conductDetectors } from './index.js';
import { fastestMs } from '../../../test/unit/helpers/timing.js';

const TYPES = new Set(['extortion.threat', 'review_manipulation.incentive', 'seller_tie.undisclosed', 'seller_tie.disclosed']);

function runAll(text: string, flag = false) {
  const input: DetectorInput = {
    norm: normalize(text), lang: detectLanguage(text), region: undefined, kind: 'review',
    disclosedSellerTie: flag, config: { platformDomains: [] },
  };
  return conductDetectors.flatMap((d) => d(input));
}

// Words the detectors react to, in every language, so random texts reach the pairing rules.
const VOCAB = [
  'refund', 'me', 'or', 'unless', 'if', 'not', "don't", 'I', "I'll", 'will', 'leave', '1', 'star', '5', 'stars', 'review', 'negative',
  'dispute', 'change', 'my', 'rating', 'when', 'and', 'offered', '$5', 'to', 'for', 'free', 'in exchange for', 'our', 'shop',
  'as the owner', "brother's", 'store', 'disclosure:', '#ad', 'honest', 'верните', 'деньги', 'иначе', 'одну', 'звезду', 'отзыв',
  'если', 'не', 'поменяю', 'оценку', 'когда', 'наш', 'магазин', 'бесплатно', 'за', 'si', 'no', 'reembolso', 'una', 'estrella',
  'o', 'ou', 'senão', 'avaliação', 'sinon', 'avis', 'négatif', 'bo', 'zwrot', 'opinię', 'інакше', 'зірку', 'відгук', '=', '→',
  ',', '.', ':', '—', '?', '!', '\n', '😀', '\u200B', 'ｒｅｆｕｎｄ',
];
const soup = fc.array(fc.constantFrom(...VOCAB), { maxLength: 60 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(soup, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('conduct detectors: properties', () => {
  it('never throw; spans lie inside the text, evidence inside the finding', () => {
    fc.assert(fc.property(anyText, fc.boolean(), (text, flag) => {
      for (const f of runAll(text, flag)) {
        expect(TYPES.has(f.type)).toBe(true);
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        expect(f.span.start).toBeGreaterThanOrEqual(0);
        expect(f.span.end).toBeLessThanOrEqual(text.length);
        expect(f.span.start).toBeLessThanOrEqual(f.span.end);
        for (const s of f.evidence?.spans ?? []) {
          expect(s.start).toBeGreaterThanOrEqual(f.span.start);
          expect(s.end).toBeLessThanOrEqual(f.span.end);
        }
      }
    }), { numRuns: 400 });
  });

  it('the disclosure flag always yields exactly one seller_tie.disclosed', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(runAll(text, true).filter((f) => f.type === 'seller_tie.disclosed')).toHaveLength(1);
    }), { numRuns: 200 });
  });

  it('at most one finding per seller-tie type', () => {
    fc.assert(fc.property(soup, (text) => {
      const found = runAll(text);
      expect(found.filter((f) => f.type === 'seller_tie.undisclosed').length).toBeLessThanOrEqual(1);
    }), { numRuns: 200 });
  });
});

describe('conduct detectors: linear time on 20,000-character adversarial input', () => {
  const N = 20_000;
  const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
  const inputs: [string, string][] = [
    ['digits', '7'.repeat(N)], ['separators', rep('- ')], ['dots', '.'.repeat(N)], ['emoji', '😀'.repeat(N / 2)],
    ['stars', '⭐'.repeat(N)], ['letters', 'a'.repeat(N)], ['apostrophes', "'".repeat(N)],
    ['threat soup', rep('refund or 1 star unless ')], ['if not', rep('if not ')], ['my my', rep('my my ')],
    ['our shop', rep('our shop ')], ['free review', rep('free for honest review ')], ['implies', rep('no refund = 1 star ')],
    ['mixed', rep("верните деньги, иначе одна звезда; if you don't refund I will leave 1 star. ")],
    ['offers', rep('offered $5 to change my review to 5 stars and ')], ['labels', rep('Disclosure: my sister runs this shop. ')],
  ];
  // Generous: a blow-up takes seconds; the real cost is a few milliseconds (npm run bench measures speed).
  const BOUND_MS = 150;
  it.each(inputs)('%s', (_name, text) => {
    runAll(text, true);
    expect(fastestMs(3, () => runAll(text, true))).toBeLessThan(BOUND_MS);
  });
});
