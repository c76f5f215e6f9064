import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FINDING_TYPES } from '../models/finding.js';
import { LANGS } from './types.js';
import { placeholderFor, redact } from './redact.js';
import placeholders from './data/placeholders.json';
import { normalize } from './normalize.js';
import { personalDataDetectors } from './detectors/personal-data/index.js';
import { moderateText } from './pipeline.js';

const span = (t: string, s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });

describe('redact', () => {
  it('replaces a span with a typed placeholder in the review language', () => {
    const t = 'call me +7 916 123-45-67 ok';
    expect(redact(t, [{ type: 'personal_data.phone', span: span(t, '+7 916 123-45-67') }], 'en')).toBe('call me [phone removed] ok');
    expect(redact(t, [{ type: 'personal_data.phone', span: span(t, '+7 916 123-45-67') }], 'ru')).toBe('call me [телефон удалён] ok');
  });
  it('has a placeholder for every finding type in every language', () => {
    const table = placeholders as unknown as Record<string, Record<string, string>>;
    for (const type of FINDING_TYPES) for (const lang of LANGS) {
      expect(table[type]?.[lang], `${type}/${lang}`).toMatch(/^\[.+\]$/);
    }
  });
  it('never leaves part of a value: spans are widened to whole words and numbers', () => {
    const t = 'тел89161234567 пишите';
    expect(redact(t, [{ type: 'personal_data.phone', span: { start: 5, end: 12 } }], 'ru')).toBe('[телефон удалён] пишите');
    const e = 'x 😀😀 y';
    expect(redact(e, [{ type: 'personal_data.phone', span: { start: 3, end: 4 } }], 'en')).toBe('x [phone removed]😀 y'); // never half an emoji
  });
  it('merges overlapping and touching spans into one placeholder', () => {
    const t = 'a 111 222 b';
    const out = redact(t, [
      { type: 'personal_data.phone', span: { start: 2, end: 5 } },
      { type: 'personal_data.phone', span: { start: 6, end: 9 } },
      { type: 'personal_data.phone', span: { start: 3, end: 8 } },
    ], 'en');
    expect(out).toBe('a [phone removed] b');
    const u = 'x ivan@mail.ru+7916123456789 y'; // the longer phone names the merged placeholder
    expect(redact(u, [
      { type: 'personal_data.email', span: span(u, 'ivan@mail.ru') },
      { type: 'personal_data.phone', span: span(u, '+7916123456789') },
    ], 'en')).toBe('x [phone removed] y');
  });
  it('keeps distinct placeholders for separate values', () => {
    const t = 'mail a@b.com, phone 89161234567';
    expect(redact(t, [
      { type: 'personal_data.email', span: span(t, 'a@b.com') },
      { type: 'personal_data.phone', span: span(t, '89161234567') },
    ], 'en')).toBe('mail [email removed], phone [phone removed]');
  });
  it('ignores empty and out-of-range spans without throwing', () => {
    expect(redact('abc', [{ type: 'personal_data.phone', span: { start: 5, end: 9 } }, { type: 'personal_data.phone', span: { start: 1, end: 1 } }], 'en')).toBe('abc');
  });
  it('is idempotent: placeholders trigger no personal-data detector', () => {
    for (const lang of LANGS) {
      const all = FINDING_TYPES.map((t) => placeholderFor(t, lang)).join(' ');
      const norm = normalize(all);
      const input = { norm, lang, region: undefined, kind: 'review' as const, disclosedSellerTie: false, config: { platformDomains: [] } };
      expect(personalDataDetectors.flatMap((d) => d(input)), lang).toEqual([]);
    }
  });
  it('produces text that redacting again leaves unchanged (property)', () => {
    const piece = fc.constantFrom('call', 'тел', 'my card', '8 916 123 45 67', '+7 916 123-45-67', 'ivan@mail.ru', 'ivan at gmail dot com', 'ул. Ленина, д. 5', '12 Main Street',
      '4111 1111 1111 1111', 'DE89 3704 0044 0532 0130 00', 'PESEL 44051401458', '123.456.789-09', '42/44', '12.05.2023', 'ok', '😀', '\u200b');
    const sep = fc.constantFrom(', ', '. ', '; ', ' и ', ' and ', '\n', ' — ', ' ');
    const text = fc.array(fc.tuple(piece, sep), { maxLength: 10 }).map((a) => a.map(([p, s]) => p + s).join(''));
    fc.assert(fc.property(text, fc.constantFrom(...LANGS), (t, lang) => {
      const run = (x: string) => {
        const norm = normalize(x);
        const input = { norm, lang, region: undefined, kind: 'review' as const, disclosedSellerTie: false, config: { platformDomains: [] } };
        return redact(x, personalDataDetectors.flatMap((d) => d(input)), lang);
      };
      const once = run(t);
      expect(run(once)).toBe(once);
    }), { numRuns: 200 });
  });
});

describe('redacting once is enough: what the property test found', () => {
  const once = (x: string) => {
    const norm = normalize(x);
    const input = { norm, lang: 'en' as const, region: undefined, kind: 'review' as const, disclosedSellerTie: false, config: { platformDomains: [] } };
    return redact(x, personalDataDetectors.flatMap((d) => d(input)), 'en');
  };
  it.each([
    // a copy of a phone starting a run of digits: the rest of the run is read as if the copy were gone
    ['8 916 123 45 67, my card, 8 916 123 45 67 123.456.789-09, ', '[phone removed], my card, [phone removed] [ID number removed], '],
    // an e-mail the normaliser glued to the end of an IBAN ("00 . ivan at gmail dot com")
    ['DE89 3704 0044 0532 0130 00 \u200b. ivan at gmail dot com, ', '[bank account removed] \u200b. [email removed], '],
  ])('%j', (text, want) => {
    expect(once(text)).toBe(want);
    expect(once(want)).toBe(want);
  });
});

describe('published text of an invitation with a personal datum in it', () => {
  const published = (text: string) => moderateText({ text, kind: 'review', locale: 'en' }).publishedText;
  it('keeps the invitation\'s words when the datum is its only value (the contract\'s example)', () => {
    expect(published('Great case, call me +7 916 123-45-67')).toBe('Great case, call me [phone removed]');
    expect(published('mail me at ann@example.com')).toBe('mail me at [email removed]');
  });
  it('removes the whole invitation when a handle, a name or a link is left in it', () => {
    for (const [text, value] of [
      ['write me on tg @anna_shop or +7 916 123-45-67', 'anna_shop'],
      ['Great case, call me +7 916 123-45-67 or tg: anna_shop', 'anna_shop'],
      ['Great case, write me +7 916 123-45-67 or on Insta as Anna Nails', 'Anna Nails'],
    ] as const) {
      const out = published(text)!;
      expect(out, text).not.toContain(value);
      expect(out, text).not.toContain('916');
    }
  });
});
