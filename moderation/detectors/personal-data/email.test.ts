import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { emailDetector } from './index.js';
import { EMAIL_CONFIDENCE } from './email.js';

function emails(text: string) {
  const norm = normalize(text);
  return emailDetector({ norm, lang: 'en', region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } })
    .map((f) => ({ text: text.slice(f.span.start, f.span.end), confidence: f.confidence }));
}

describe('email detector', () => {
  it('finds plain addresses, including IDN and punycode domains', () => {
    expect(emails('write to ivan.petrov@mail.ru, thanks')).toEqual([{ text: 'ivan.petrov@mail.ru', confidence: EMAIL_CONFIDENCE.address }]);
    expect(emails('a@xn--d1acufc.xn--p1ai and иван@почта.рф').map((e) => e.text)).toEqual(['a@xn--d1acufc.xn--p1ai', 'иван@почта.рф']);
    expect(emails('e-mail: ricardo.alves@gmail.com.').map((e) => e.text)).toEqual(['ricardo.alves@gmail.com']);
  });
  it('finds obfuscated addresses and covers the whole disguise', () => {
    const cases: [string, string][] = [
      ['my email is john at gmail dot com, thanks', 'john at gmail dot com'],
      ['пишите на ivan.petrov собака yandex точка ru', 'ivan.petrov собака yandex точка ru'],
      ['mail: kasia małpa wp kropka pl', 'kasia małpa wp kropka pl'],
      ['escribe a pedro_88[at]yahoo[dot]es', 'pedro_88[at]yahoo[dot]es'],
      ['me chama no ana.paula @ outlook . com', 'ana.paula @ outlook . com'],
      ['reach me: mike.b@gmаil.com', 'mike.b@gmаil.com'], // Cyrillic а
      ['пишите на ivan.petrov собака яндекс точка ру, отвечу', 'ivan.petrov собака яндекс точка ру'],
      ['мой ник ivan_petrov (собака) gmail (точка) ком', 'ivan_petrov (собака) gmail (точка) ком'],
      ['пишіть на taras собака укр крапка нет', 'taras собака укр крапка нет'],
      ['моя почта anna собака джимейл точка ком', 'anna собака джимейл точка ком'],
    ];
    for (const [text, want] of cases) {
      const found = emails(text);
      expect(found.map((e) => e.text), text).toEqual([want]);
      expect(found[0]!.confidence).toBe(EMAIL_CONFIDENCE.disguised);
    }
  });
  it('accepts a well-known provider without its TLD only as a weaker finding', () => {
    expect(emails('пиши ivan@gmail если что')).toEqual([{ text: 'ivan@gmail', confidence: EMAIL_CONFIDENCE.providerWithoutTld }]);
  });
  it('ignores handles, "@" as "at", and address words in prose', () => {
    for (const t of ['my email is info@presidio.', 'продавец @shop_best отвечает', '10 pcs @ $2 each', 'Look at this dot com era design', 'Собака погрызла коробку. Точка.', 'user@localhost works', 'a@b', 'Моя собака Яндекс Станцию боится. Точка.', 'Собака порвала упаковку, в этой точке продаж ком в горле']) {
      expect(emails(t), t).toEqual([]);
    }
  });
});
