import { describe, expect, it, vi } from 'vitest';
import type { TextDetector } from '../moderation/types.js';
import { findPersonalData } from './personal.js';
import { pageFromLines } from './test-pages.js';

// A stand-in detector with a fixed rule, so the test is about span → box mapping, not about detection.
const emails: TextDetector = ({ norm }) => [...norm.text.matchAll(/\S+@\S+/g)].map((m) => ({
  type: 'personal_data.email' as const, detector: 'test', confidence: 0.9, span: norm.toOriginal(m.index!, m.index! + m[0].length),
}));
const broken: TextDetector = () => { throw new Error('boom'); };

describe('findPersonalData', () => {
  it('maps each finding to the union box of its OCR words', () => {
    const page = pageFromLines(['SHIP TO: Emily Johnson', 'Email: emily.j@gmail.com']);
    const found = findPersonalData([page], [emails]);
    expect(found).toEqual([{ type: 'personal_data.email', confidence: 0.9, box: { x: 7 * 20, y: 40, width: 17 * 20, height: 30 } }]);
  });

  it('keeps one box when the Latin and Cyrillic passes read the same value, and survives a broken detector', () => {
    const a = pageFromLines(['Email: emily.j@gmail.com']);
    const b = pageFromLines(['E-mail: emily.j@gmail.com'], { lang: 'rus' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(findPersonalData([a, b], [broken, emails])).toHaveLength(1);
    expect(logged).toHaveBeenCalledTimes(2); // once per page, naming the detector only
    expect(String(logged.mock.calls[0]![0])).not.toContain('gmail');
    logged.mockRestore();
  });

  it('runs the moderation personal-data detectors on OCR text', async () => {
    const { personalDataDetectors } = await import('../moderation/detectors/personal-data/index.js');
    const page = pageFromLines(['Tel: +7 916 123-45-67', 'petr.ivanov@mail.ru']);
    const types = findPersonalData([page], personalDataDetectors).map((f) => f.type).sort();
    expect(types).toEqual(['personal_data.email', 'personal_data.phone']);
  });
});
