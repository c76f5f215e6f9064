import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { detectLanguage } from '../../language.js';
import type { DetectorInput } from '../../types.js';
import { extortionDetector } from './extortion.js';
import { incentiveDetector } from './incentive.js';
import { sellerTieDetector } from './seller-tie.js';
import { features } from '../text-model.js';
import { conductModel } from './model.js';
import { modelFile } from '../../../scripts/train-models.js';

const input = (text: string): DetectorInput => ({ norm: normalize(text), lang: detectLanguage(text), region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } });
const found = (text: string) => [...extortionDetector(input(text)), ...incentiveDetector(input(text))].map((f) => ({ type: f.type, by: f.evidence?.subtype === 'model' ? 'model' : 'rules', text: text.slice(f.span.start, f.span.end) }));

describe('conduct model', () => {
  it('is what the training script makes from the fixtures, byte for byte', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../data/conduct-model.json'), 'utf8');
    expect(modelFile('conduct') === committed, 'run: npx tsx scripts/train-models.ts').toBe(true);
  });

  it('speaks where the word lists are silent, naming the sentence that weighed most', () => {
    // Our own wording, in no fixture: a reported offer for taking a photo down, a threat as a question.
    expect(found('Lamp is fine. The seller called and offered a gift card if I take the photo of the crack down.')).toEqual([
      { type: 'review_manipulation.incentive', by: 'model', text: 'The seller called and offered a gift card if I take the photo of the crack down.' },
    ]);
    // The extortion head, asked directly: a threat and a plain complaint of our own wording.
    const p = (t: string) => conductModel.verdict(normalize(t).lower)[0]!;
    expect(p('Seller, I will keep posting one-star reviews on all your items until my 30 dollars come back.')).toBeGreaterThan(0.7);
    expect(p('Broke after a week, I asked for a refund, 1 star.')).toBeLessThan(0.3);
  });

  it('does not call an author\'s demand an offer: extortion found, the incentive model stays out', () => {
    expect(found('Продавец, 500 рублей на карту и отзыв исчезнет, думайте.').map((f) => f.type)).toEqual(['extortion.threat']);
  });

  it('leaves plain complaints, refunds received and texts about nothing it judges alone', () => {
    for (const t of [
      'Broke after a week, I asked for a refund, 1 star.',
      'Terrible quality. One star and I want my money back.',
      'Great seller, refund arrived fast, 5 stars.',
      'Я вернула товар через спор, деньги пришли, ставлю 3 звезды.',
      // No review, rating or complaint named: the model is not asked (a deal, not extortion).
      'mándame tu código de verificación y te devuelvo el dinero',
    ]) expect(found(t), t).toEqual([]);
  });

  it('reads seller ties: an insider the lists miss, a disclosure they miss; not a seller\'s answer', () => {
    const ties = (text: string, kind: DetectorInput['kind'] = 'review') =>
      sellerTieDetector({ ...input(text), kind }).map((f) => ({ type: f.type, by: f.evidence?.subtype === 'model' ? 'model' : 'rules' }));
    // Our own wording, in no fixture.
    const insider = 'Honestly the best socks on the whole site, we knit every pair ourselves in our little workshop, order more!';
    expect(ties(insider)).toEqual([{ type: 'seller_tie.undisclosed', by: 'model' }]);
    // In a seller's answer the model stays silent: answers are the seller's voice, and which of
    // them sell is the lists' call (answerPitch needs an insider tie the lists found).
    expect(ties(insider, 'answer')).toEqual([]);
    expect(ties('Yes, we knit every pair ourselves in our little workshop, so the sizes run true.', 'answer')).toEqual([]);
    // The lists see a relative's shop and no disclosure; the model reads "Transparência total" as one.
    expect(ties('Transparência total: a dona da loja é minha prima. O produto é ótimo.')).toEqual([{ type: 'seller_tie.disclosed', by: 'model' }]);
  });

  it('keeps the rules first: where they explain a threat, the model adds nothing', () => {
    const f = found('Either you send the missing cable for free or my review gets one star and a report, choose.');
    expect(f.map((x) => x.by)).toEqual(['rules']);
  });

  it('reads a text in one pass: features grow with its length, probabilities stay in [0, 1]', () => {
    const f = (t: string) => features(normalize(t).lower).n;
    const one = f('refund or one star? '.repeat(100));
    const two = f('refund or one star? '.repeat(200));
    expect(two).toBeLessThanOrEqual(2 * one + 8);
    expect(conductModel.verdict(normalize('word '.repeat(4000)).lower).every((p) => p >= 0 && p <= 1)).toBe(true);
  });
});
