import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moderateText } from '../../moderation/pipeline.js';

/**
 * The whole text pipeline under random and hostile text: never throws, spans stay inside the
 * text, and nothing a finding asked to redact survives in publishedText.
 */
const text = fc.oneof(
  fc.string({ maxLength: 400, unit: 'grapheme' }),
  fc.string({ maxLength: 400, unit: 'binary' }),
  fc.array(fc.constantFrom('+7 916 ', '123', '-45-67', ' at ', 'gmail', ' dot ', 'com', 'wa.me/', '4111 1111 ', '1111 1111', 'DE89 3704 0044 0532 0130 00', ' ', '\u200b', '８', 'ул. Ленина, д. 5', '@', 'refund', 'or 1 star'), { maxLength: 40 }).map((a) => a.join('')),
);

describe('pipeline properties', () => {
  it('never throws, spans inside the text, and nothing redacted survives', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'en', 'ru', 'es', 'pt', 'fr', 'pl', 'uk', 'de'), (t, locale) => {
        const d = moderateText({ text: t, kind: 'review', locale });
        for (const f of d.findings) {
          if (!f.span) continue;
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(t.length);
          expect(f.span.start).toBeLessThan(f.span.end);
        }
        if (d.action === 'redact' && d.publishedText !== null) {
          for (const f of d.findings) {
            if (f.action !== 'redact' || !f.span) continue;
            const value = t.slice(f.span.start, f.span.end);
            if (value.trim().length >= 4) expect(d.publishedText).not.toContain(value);
          }
        }
        expect(d.findings.some((f) => f.type === 'system.detector_error')).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
