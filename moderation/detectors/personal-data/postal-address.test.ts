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
      ['Ship it to my daughter please: Hauptstraße 27, 10827 Berlin. Thanks', 'Hauptstraße 27, 10827 Berlin'],
      ['Lieferung an Berliner Str. 5a, 80331 München bitte', 'Berliner Str. 5a, 80331 München'],
      ['Abholung Lindenallee 3, Wien', 'Lindenallee 3, Wien'],
      ['Отправляла сестре на Kastanienweg 23, 04177 Leipzig — дошло', 'Kastanienweg 23, 04177 Leipzig'],
      ['Moro na Prinsengracht 412, 1016 JH Amsterdam e o meu telemóvel', 'Prinsengracht 412, 1016 JH Amsterdam'],
      ['Sería a Via dei Mille 23, 80121 Napoli, a nombre de mi hermano', 'Via dei Mille 23, 80121 Napoli'],
      ['Do you ship to 2218 Larkspur Ln, Apt 4, Boise, ID 83702? Thanks', '2218 Larkspur Ln, Apt 4, Boise, ID 83702'],
      ['it shipped to my old place, 1847 N Halsted St Apt 3B, Chicago, IL 60614 - call', '1847 N Halsted St Apt 3B, Chicago, IL 60614'],
      ['le repetí la dirección: Calle 85 # 11-53, apto 402, Bogotá. Muy cumplido', 'Calle 85 # 11-53, apto 402, Bogotá'],
      ['Vivo en la Carrera 7 #45-10 desde hace años', 'Carrera 7 #45-10'],
      ["Mon adresse c'est 45 bis bd Voltaire, 75011 Paris, appelez", '45 bis bd Voltaire, 75011 Paris'],
      ['Point de retrait : 15 bis, boulevard Victor Hugo, 06000 Nice, après 17h.', '15 bis, boulevard Victor Hugo, 06000 Nice'],
      ['Recógelo en Carrer de Mallorca 275, 2n 1a, 08037 Barcelona, pero llámame', 'Carrer de Mallorca 275, 2n 1a, 08037 Barcelona'],
      ['Wyślijcie na ul. Marszałkowska 12/34, 00-950 Warszawa.', 'ul. Marszałkowska 12/34, 00-950 Warszawa'],
      ['12 Main St., Apt 4B, Boston, MA 02118 is where it goes', '12 Main St., Apt 4B, Boston, MA 02118'],
      ['Send letters to P.O. Box 1234, thanks', 'P.O. Box 1234'],
    ];
    for (const [text, want] of cases) expect(addresses(text).map((a) => a.text), text).toEqual([want]);
  });
  it('finds Russian and Ukrainian streets whose type follows the name', () => {
    const cases: [string, string][] = [
      ['Шлите на Невский пр., д. 28, кв. 5, спасибо', 'Невский пр., д. 28, кв. 5'],
      ['Адрес: Невский проспект, 28, кв. 5 — домофон не работает', 'Невский проспект, 28, кв. 5'],
      ['Забрать можно тут: Садовая ул., 5-12, после шести', 'Садовая ул., 5-12'],
      ['Курьеру: Большая Садовая ул., д. 10, кв. 50', 'Большая Садовая ул., д. 10, кв. 50'],
      ['Сюда: 2-я Тверская-Ямская ул., 10', '2-я Тверская-Ямская ул., 10'],
      ['Отправляйте на Ленинградское ш., 16А', 'Ленинградское ш., 16А'],
      ['123456, г. Москва, Кутузовский просп., 12 — туда', '123456, г. Москва, Кутузовский просп., 12'],
      ['Надсилайте: Перемоги просп., 40, кв. 101', 'Перемоги просп., 40, кв. 101'],
      ['Київ, Хрещатик вул., 22 — туди і шліть', 'Хрещатик вул., 22'],
    ];
    for (const [text, want] of cases) expect(addresses(text).map((a) => a.text), text).toEqual([want]);
    expect(addresses('Невский пр., д. 28, кв. 5')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumberUnit);
  });
  it('leaves brands, sizes, counts and other abbreviations after a name alone', () => {
    for (const t of [
      'Кроссовки Невский проспект 42 размер, сели отлично', // a size, not a house
      'Куртка Проспект, размер 48, тёплая', // a brand without a house number
      'Бренд Проспект 28 розмір, маломірить', // capitalised: a name, not a type after one
      'Ручки, тетради и пр. 5 штук в наборе', // пр. = прочее
      'Итого: Ручки пр. 5.', // пр. after a noun, not an adjective
      'Модель XL ш. 50, в. 70', // ш. = ширина
      'Магазин на Невском проспекте, 28 отзывов и все хорошие', // a count ends the phrase
      'Доехала по Ленинградскому ш. 16 минут', // minutes
      'Садовая ул. красивая, ставлю 5 звёзд',
      "J'ai payé 45 bd de frais, bof", // "bd" after a number, but no capitalised name follows
      'La rambla 3 veces al día, qué bonito',
      'Die Hauptstraße ist schön, 5 Sterne', // a street without a house number
      'Bought the Strasse 5 backpack', // "Strasse" is no street without its name before it
      'hauptstraße 27 in lower case is prose',
      'I ordered via Amazon 2 weeks ago', // "via" counts only capitalised
      'Sent Via DHL 23 days ago',
      'Heimweg 5 Minuten zu Fuß',
      'Got 5 Stars Dr Martens boots', // no house number before a name and a short type
    ]) {
      expect(addresses(t), t).toEqual([]);
    }
  });
  it('rates a full address above a bare street and number', () => {
    expect(addresses('ул. Тверская 12-34')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumber);
    expect(addresses('ул. Тверская 12, кв. 4')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumberUnit);
    expect(addresses('ул. Тверская 12, Москва, 123456')[0]!.confidence).toBe(ADDRESS_CONFIDENCE.streetNumberLocality);
  });
  it('reads a house number said in words beside its street, and a block label', () => {
    const texts = (t: string) => addresses(t).map((a) => a.text);
    expect(texts("For the courier: it's twenty three Kelvin Grove. Top floor, G3 7SA.")).toEqual(['twenty three Kelvin Grove.']);
    expect(texts("Київ, проспект Перемоги сорок сім, квартира двісті дев'ять. Під'їзд з двору.")).toEqual(["проспект Перемоги сорок сім, квартира двісті дев'ять"]);
    expect(texts('Dla kuriera: os. Piastów, blok dwadzieścia jeden, mieszkanie czterdzieści trzy, Kraków.')).toEqual(['os. Piastów, blok dwadzieścia jeden, mieszkanie czterdzieści trzy, Kraków']);
    // Number words near a street word in prose, not an address.
    for (const t of ['Влітку на вулиці було сорок сім градусів, вентилятор врятував.', 'The street had twenty three trees and it was lovely.', 'En la calle Mayor tres veces me paró la policía.', 'Mieszkam w bloku od dwudziestu lat.']) {
      expect(addresses(t), t).toEqual([]);
    }
  });
  it('leaves streets without a house number and street words in prose alone', () => {
    for (const t of ['Пункт выдачи на улице Ленина работает до 20:00', 'Улица была мокрая', 'La calle estaba cortada 3 días', 'Avenida Paulista é linda, comprei 2', 'I walked 5 blocks to Main Street', 'Route 66 themed mug, 350 ml', 'Street style look, size 42', 'Pl. 3 sztuki w zestawie', 'Al final, 5 estrellas', 'La calle 5 # de la lista', 'Ruta 40 #hashtag viaje']) {
      expect(addresses(t), t).toEqual([]);
    }
  });
});

describe('postal address: pictographs between the parts (personal data round 12)', () => {
  it('reads through them like spaces', () => {
    const found = addresses('Кур\'єр плутав двічі: Одеса 📍 вул. Канатна 🏠 64 🚪 кв. 5. Сама річ класна.');
    expect(found.map((f) => f.text)).toEqual(['вул. Канатна 🏠 64 🚪 кв. 5']);
  });
  it('a street named with an emoji but no number is still a place', () => {
    expect(addresses('Забирала на вул. Канатна 🏠 біля ринку, все добре.')).toEqual([]);
  });
});

describe('postal address: Ukrainian street types in the locative (personal data round 15)', () => {
  it('"на Оболонській набережній. Будинок 7, корпус 3, кв. 112", a sentence mark before the house', () => {
    const text = "для наступних разів: живу на Оболонській набережній. Будинок 7, корпус 3, кв. 112.";
    expect(addresses(text).map((a) => a.text)).toEqual(['Оболонській набережній. Будинок 7, корпус 3, кв. 112']);
  });
  it('no house after it: a walk on the embankment', () => {
    expect(addresses('гуляли на набережній, 7 градусів, вітер')).toEqual([]);
  });
});

describe('postal address: British and Canadian postcodes after the town', () => {
  it.each([
    ['Ship it to 221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
    ['Send to 10 Downing Street, London SW1A 2AA, thanks', '10 Downing Street, London SW1A 2AA'],
    ['Deliver to 24 Sussex Drive, Ottawa K1A 0B1', '24 Sussex Drive, Ottawa K1A 0B1'],
  ])('%s', (text, want) => {
    expect(addresses(text).map((a) => a.text)).toEqual([want]);
  });
  it('a postcode-shaped model name alone is no address', () => {
    expect(addresses('Ordered the NW1 6XE model')).toEqual([]);
  });
});

describe('postal address: a Brazilian address to its postcode (district, city, state, postcode)', () => {
  it('takes all four segments after the house number', () => {
    const text = 'Moro na Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200. Chegou rápido';
    expect(addresses(text).map((a) => a.text)).toEqual(['Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200']);
  });
});

describe('postal address: French "av.", Québec units and provinces, four-digit postcodes (personal data round 10)', () => {
  it('a Québec address to its postcode: "4520, av. Papineau, app. 3, Montréal (Québec) H2H 1V4"', () => {
    const text = 'Pour la prochaine fois : 4520, av. Papineau, app. 3, Montréal (Québec) H2H 1V4. C\'est écrit gros sur la porte.';
    expect(addresses(text).map((a) => a.text)).toEqual(['4520, av. Papineau, app. 3, Montréal (Québec) H2H 1V4']);
  });
  it('"12 av. Victor Hugo, 75016 Paris" and a Swiss "1234 Lausanne"', () => {
    expect(addresses('Livrez au 12 av. Victor Hugo, 75016 Paris').map((a) => a.text)).toEqual(['12 av. Victor Hugo, 75016 Paris']);
    expect(addresses("J'habite au 3 ch. des Vignes, 1234 Lausanne").map((a) => a.text)).toEqual(['3 ch. des Vignes, 1234 Lausanne']);
  });
  it('no address: a count of "av." and a year after a street', () => {
    expect(addresses('Il y a 12 av. de plus dans ce modèle')).toEqual([]);
    expect(addresses('Livré au 12 rue de la Paix, 2024 était une bonne année').map((a) => a.text)).toEqual(['12 rue de la Paix']);
  });
});

describe('postal address: a street with its postcode and town, no house number (personal data round 18)', () => {
  it('reads the street to its town at a lower confidence', () => {
    expect(addresses("J'habite au 8 bis. C'est rue Paul Bellamy, 44000 Nantes, à dix minutes.")).toEqual([{ text: 'rue Paul Bellamy, 44000 Nantes', confidence: ADDRESS_CONFIDENCE.streetPostcode }]);
    expect(addresses('Vivo en Calle Mayor, 28013 Madrid.')).toEqual([{ text: 'Calle Mayor, 28013 Madrid', confidence: ADDRESS_CONFIDENCE.streetPostcode }]);
  });
  it('a street with only a town, or alone, stays a place', () => {
    expect(addresses('Le magasin rue de Rivoli, Paris, est top')).toEqual([]);
    expect(addresses('Our shop on rue de Rivoli is great')).toEqual([]);
  });
});
