import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_TYPES, type FindingType } from '../models/finding.js';
import { CATALOGS, fixFor, messageFor } from './messages.js';
import { LANGS } from './types.js';

describe('message catalogs', () => {
  it('every finding type has a message and a suggestion in every locale, and nothing else', () => {
    for (const lang of LANGS) {
      const catalog = CATALOGS[lang] as Record<string, { message?: unknown; suggestion?: unknown }>;
      expect(Object.keys(catalog).sort(), lang).toEqual([...FINDING_TYPES].sort());
      for (const type of FINDING_TYPES) {
        const m = catalog[type]!;
        expect(Object.keys(m).sort(), `${lang} ${type}`).toEqual(['message', 'suggestion']);
        expect(typeof m.message === 'string' && m.message.trim().length > 0, `${lang} ${type} message`).toBe(true);
        expect(typeof m.suggestion, `${lang} ${type} suggestion`).toBe('string');
      }
    }
  });

  it('a locale suggests something exactly where English does', () => {
    for (const lang of LANGS) {
      for (const type of FINDING_TYPES) {
        expect(messageFor(type, lang)!.suggestion === '', `${lang} ${type}`).toBe(messageFor(type, 'en')!.suggestion === '');
      }
    }
  });

  it('translations are not English copies, and Cyrillic locales are written in Cyrillic', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      for (const type of FINDING_TYPES) {
        const m = messageFor(type, lang)!;
        expect(m.message, `${lang} ${type}`).not.toBe(messageFor(type, 'en')!.message);
        if (lang === 'ru' || lang === 'uk') expect(m.message, `${lang} ${type}`).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
    // Letters that exist in only one of the two: a slip between them is the likeliest mistake.
    for (const type of FINDING_TYPES) {
      expect(messageFor(type, 'ru')!.message + messageFor(type, 'ru')!.suggestion, type).not.toMatch(/[іїєґ]/i);
      expect(messageFor(type, 'uk')!.message + messageFor(type, 'uk')!.suggestion, type).not.toMatch(/[ыэъё]/i);
    }
  });

  it('messages are short, single-line, end with a full stop and hold no markup', () => {
    for (const lang of LANGS) {
      for (const type of FINDING_TYPES) {
        const m = messageFor(type, lang)!;
        for (const s of [m.message, m.suggestion].filter(Boolean)) {
          expect(s.length, `${lang} ${type}: ${s}`).toBeLessThanOrEqual(110);
          expect(s, `${lang} ${type}`).toMatch(/[.!]$/);
          expect(s, `${lang} ${type}`).not.toMatch(/[<>\n{}]|\s{2}|^\s|\s$/);
        }
      }
    }
  });
});

describe('fixFor', () => {
  const fix = (text: string, needle: string, type: FindingType = 'personal_data.phone') => {
    const start = text.indexOf(needle);
    const f = fixFor(text, type, { start, end: start + needle.length });
    return f && text.slice(0, f.start) + f.replacement + text.slice(f.end);
  };

  it('removes a span mid-sentence without leaving a double space', () => {
    expect(fix('call me +7 916 123-45-67 today', '+7 916 123-45-67')).toBe('call me today');
  });
  it('removes a trailing span with the space before it', () => {
    expect(fix('Great lamp, write to ann@example.com', 'ann@example.com', 'personal_data.email')).toBe('Great lamp, write to');
    expect(fix('link: shop.example\nsecond line', 'shop.example', 'off_platform.link')).toBe('link:\nsecond line');
  });
  it('closes up to punctuation', () => {
    expect(fix('call +7 916 123 45 67, thanks', '+7 916 123 45 67')).toBe('call, thanks');
  });
  it('takes empty brackets and quotes along', () => {
    expect(fix('my number (+7 916 123 45 67) works', '+7 916 123 45 67')).toBe('my number works');
    expect(fix('see «cheap.shop» now', 'cheap.shop', 'off_platform.link')).toBe('see now');
  });
  it('removes a leading span with the space after it', () => {
    expect(fix('+7 916 123 45 67 is my number', '+7 916 123 45 67')).toBe('is my number');
  });
  it('offers no fix where deleting text is not the remedy', () => {
    expect(fixFor('I will leave 1 star unless you refund', 'extortion.threat', { start: 0, end: 10 })).toBeUndefined();
    expect(fixFor('as the owner I recommend it', 'seller_tie.undisclosed', { start: 0, end: 12 })).toBeUndefined();
    expect(fixFor('abc', 'personal_data.phone', undefined)).toBeUndefined();
    expect(fixFor('abc', 'personal_data.phone', { start: 2, end: 2 })).toBeUndefined();
  });
  it('always covers the whole span, stays inside the text and only swallows blanks, brackets or quotes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.nat(), (text, x, y) => {
        const start = text.length ? x % text.length : 0;
        const end = Math.min(text.length, start + 1 + (y % 8));
        const f = fixFor(text, 'personal_data.phone', { start, end });
        if (start === end) return f === undefined;
        if (!f) return false;
        const extra = text.slice(f.start, start) + text.slice(end, f.end);
        return f.start >= 0 && f.end <= text.length && f.start <= start && f.end >= end && f.replacement === ''
          && /^[\s()[\]{}<>"'«»„“”‘’]*$/.test(extra);
      }),
    );
  });
});
