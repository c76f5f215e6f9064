import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFile } from '../../../scripts/train-models.js';
import { contactDetector, dealDetector } from './index.js';
import { inputFor } from './testing.js';

const found = (text: string) => {
  const input = inputFor(text);
  return [...dealDetector(input), ...contactDetector(input)].map((f) => ({ type: f.type, by: f.evidence?.subtype === 'model' ? 'model' : 'rules' }));
};

describe('off-platform model', () => {
  it('is what the training script makes from the fixtures, byte for byte', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../data/off-platform-model.json'), 'utf8');
    expect(modelFile('off-platform') === committed, 'run: npx tsx scripts/train-models.ts').toBe(true);
  });

  it('speaks where the lists are silent', () => {
    // Our own wording, in no fixture: a messenger named and the way to find the seller there,
    // without an invitation verb or a handle the lists pair it with.
    expect(found('The seller is on Telegram too, same name as the store, faster answers there')).toEqual([{ type: 'off_platform.contact', by: 'model' }]);
    // An invitation with no channel named may be on the platform: the model is not asked.
    expect(found('Fais-moi signe si tu veux mon avis sur la taille')).toEqual([]);
  });

  it('keeps the lists first, and is not asked past a negation, a platform cue or a payment reported', () => {
    expect(found('Just Zelle me the 40 bucks and I mail it tomorrow, way quicker than this site')).toEqual([{ type: 'off_platform.deal', by: 'rules' }]);
    for (const t of [
      'Never send money outside the app, the seller asked me to and it was a scam',
      'Paid with PayPal at checkout, all good',
      'Не пишите нам в вайбер, только чат заказа.',
      'The refund came directly to my bank account after the dispute.',
    ]) expect(found(t), t).toEqual([]);
  });
});
