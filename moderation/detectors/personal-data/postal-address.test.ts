import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { postalAddressDetector } from './index.js';
import { ADDRESS_CONFIDENCE } from './postal-address.js';

function addresses(text: string) {
  const norm = normalize(text);
  return postalAddressDetector({ norm, lang: 'en', region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } })
    .map((f) => ({ text: text.slice(f.span.start, f.span.end), confidence: f.confidence }));
}

describe('postal address detector', () => {
  it('finds street addresses in the seven languages, with flats, postcodes and cities', () => {
    const cases: [string, string][] = [
      ['Доставьте на адрес: г. Москва, ул. Ленина, д. 5, кв. 12, спасибо', 'г. Москва, ул. Ленина, д. 5, кв. 12'],
      ['123456, г. Казань, пр. Победы, д. 100, корп. 2, кв. 45', '123456, г. Казань, пр. Победы, д. 100, корп. 2, кв. 45'],
      ['Відправте на вул. Шевченка 15/3, Львів, 79000', 'вул. Шевченка 15/3, Львів, 79000'],
      ['Enviádmelo a Calle Mayor 12, 3º B, 28013 Madrid, por favor', 'Calle Mayor 12, 3º B, 28013 Madrid'],
      ['Entregar na Rua das Flores, 123, apto 45, São Paulo, obrigado', 'Rua das Flores, 123, apto 45, São Paulo'],
      ['Livrez au 12 bis rue de la Paix, 75002 Paris, merci', '12 bis rue de la Paix, 75002 Paris'],
      ['Wyślijcie na ul. Marszałkowska 12/34, 00-950 Warszawa.', 'ul. Marszałkowska 12/34, 00-950 Warszawa'],
      ['12 Main St., Apt 4B, Boston, MA 02118 is where it goes', '12 Main St., Apt 4B, Boston, MA 02118'],
      ['Send letters to P.O. Box 1234, thanks', 'P.O. Box 1234'],
    ];
    for (const [text, want] of cases) expect(addresses(text).map((a) => a.text), text).toEqual([want]);
  });
  it('rates a full address above a bare street and number', () => {
    expect(addresses('ул. Тверская 12-34')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumber);
    expect(addresses('ул. Тверская 12, кв. 4')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumberUnit);
    expect(addresses('ул. Тверская 12, Москва, 123456')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumberLocality);
  });
  it('leaves streets without a house number and street words in prose alone', () => {
    for (const t of ['Пункт выдачи на улице Ленина работает до 20:00', 'Улица была мокрая', 'La calle estaba cortada 3 días', 'Avenida Paulista é linda, comprei 2', 'I walked 5 blocks to Main Street', 'Route 66 themed mug, 350 ml', 'Street style look, size 42', 'Pl. 3 sztuki w zestawie', 'Al final, 5 estrellas']) {
      expect(addresses(t), t).toEqual([]);
    }
  });
});
