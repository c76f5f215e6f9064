import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { detectLanguage, guessRegion } from '../../language.js';
import { phoneDetector } from './index.js';
import { PHONE_CONFIDENCE } from './phone.js';

function phones(text: string, locale?: string) {
  const lang = detectLanguage(text, locale);
  const norm = normalize(text);
  return phoneDetector({ norm, lang, region: guessRegion(lang, locale, text), kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } })
    .map((f) => ({ text: text.slice(f.span.start, f.span.end), confidence: f.confidence, signals: f.evidence?.signals ?? [] }));
}

describe('phone detector', () => {
  it('finds numbers in national and international formats', () => {
    expect(phones('звоните +7 916 123-45-67 вечером', 'ru').map((p) => p.text)).toEqual(['+7 916 123-45-67']);
    expect(phones('пишите 89261234567', 'ru').map((p) => p.text)).toEqual(['89261234567']);
    expect(phones('mi móvil es 612 345 678', 'es').map((p) => p.text)).toEqual(['612 345 678']);
    expect(phones('zap (11) 98765-4321', 'pt-BR').map((p) => p.text)).toEqual(['(11) 98765-4321']);
    expect(phones('appelez le 06 12 34 56 78').map((p) => p.text)).toEqual(['06 12 34 56 78']);
    expect(phones('call (415) 555-0132 today').map((p) => p.text)).toEqual(['(415) 555-0132']);
  });
  it('rates an international number above a national one found only in another region', () => {
    const [intl] = phones('+44 20 7946 0958');
    const [other] = phones('sprzedawca: 0 7 7 0 0 9 0 0 1 2 3', 'pl'); // a UK mobile, spaced out, in a Polish review
    expect(intl!.confidence).toBe(PHONE_CONFIDENCE.internationalValid);
    expect(other!.confidence).toBeLessThan(intl!.confidence);
  });
  it('finds disguised numbers and says how they were disguised', () => {
    const spelled = phones('мой номер восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь', 'ru');
    expect(spelled.map((p) => p.text)).toEqual(['восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь']);
    expect(spelled[0]!.signals).toContain('spelled-digit');
    expect(phones('тел ８（９２６）５５５－１２－３４', 'ru')[0]!.signals).toContain('fullwidth');
    expect(phones('номер 8 916 123\u200b45\u200b67', 'ru')[0]!.signals).toContain('invisible');
    expect(phones('звони 8️⃣9️⃣1️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣', 'ru')).toHaveLength(1);
    expect(phones('numéro ٠٦١٢٣٤٥٦٧٨', 'fr')[0]!.signals).toContain('script-digit');
    expect(phones('Связь: 8 (9I6) 765-43-21', 'ru')[0]!.signals).toContain('homoglyph');
    expect(phones('+7🔥916🔥123🔥45🔥67').map((p) => p.text)).toEqual(['+7🔥916🔥123🔥45🔥67']);
  });
  it('finds numbers dictated in comma-split chunks or in words and digits mixed', () => {
    expect(phones('call me four one five, eight two six, three three one nine after 5pm', 'en').map((p) => p.text)).toEqual(['four one five, eight two six, three three one nine']);
    expect(phones('Llamad al seis 1 1 siete 8 4 cinco 2 0, es el móvil', 'es').map((p) => p.text)).toEqual(['seis 1 1 siete 8 4 cinco 2 0']);
    expect(phones('mon numéro : zéro 7, 5 3, un 8, 2 neuf, 4 0', 'fr').map((p) => p.text)).toEqual(['zéro 7, 5 3, un 8, 2 neuf, 4 0']);
    // "nr" before a spelled-out number is someone's number, not an order number.
    expect(phones('mój nr 7 dwa 1 trzy 4 osiem 6 zero 5', 'pl').map((p) => p.text)).toEqual(['7 dwa 1 trzy 4 osiem 6 zero 5']);
    expect(phones('zamówienie nr 7213486052 doszło', 'pl')).toEqual([]);
    // A dot between every digit is a disguise, not a range of dates.
    expect(phones('su número 6.7.8-2.1.4-9.0.3', 'es').map((p) => p.text)).toEqual(['6.7.8-2.1.4-9.0.3']);
    // Dots between groups of two and three digits: a phone, not a version.
    expect(phones('atiende en el 93.267.82.43 de lunes a viernes', 'es').map((p) => p.text)).toEqual(['93.267.82.43']);
    // A "not personal" word a clause back does not label a number spelled out in words.
    expect(phones('ładowarkę do tego modelu, numer: pięć trzy dwa, dwa dziewięć jeden, pięć zero osiem', 'pl').map((p) => p.text)).toEqual(['pięć trzy dwa, dwa dziewięć jeden, pięć zero osiem']);
  });
  it('splits two numbers written next to each other', () => {
    expect(phones('(415) 666-7777 (800) 443-1223').map((p) => p.text)).toEqual(['(415) 666-7777', '(800) 443-1223']);
    expect(phones('+7 916 123-45-67 🔥 8 800 555 35 35', 'ru').map((p) => p.text)).toEqual(['+7 916 123-45-67', '8 800 555 35 35']);
    expect(phones('12.05.2023 89161234567', 'ru').map((p) => p.text)).toEqual(['89161234567']);
  });
  it('joins a number whose line ends in a dash or dot glued to its digits, and no other', () => {
    expect(phones('meu número (31) 99482-\n6137', 'pt-BR').map((p) => p.text)).toEqual(['(31) 99482-\n6137']);
    expect(phones('call me 415-555-\n0123 after six').map((p) => p.text)).toEqual(['415-555-\n0123']);
    // Without the mark, two lines are two things; a size range cut by a break is no phone.
    expect(phones('Zamówienie 4276 3894\n1857 3008 dotarło', 'pl')).toEqual([]);
    expect(phones('rozmiar 42-\n44 pasuje', 'pl')).toEqual([]);
    expect(phones('Order 1234-\n5678 arrived')).toEqual([]);
  });
  it('reads North American numbers in other languages\' reviews, and "texte-moi" as a phone word', () => {
    expect(phones("J'aimerais voir la couleur avant de commander, texte-moi au 514 982-4471", 'fr').map((p) => p.text)).toEqual(['514 982-4471']);
  });
  it('reads a number written one digit at a time as a disguise, whatever parcel word stands a sentence before', () => {
    expect(phones('Kurier zostawił paczkę pod drzwiami. Numer był podany 7 9 4 - 1 5 8 - 3 0 2, mógł zadzwonić', 'pl').map((p) => p.text)).toEqual(['7 9 4 - 1 5 8 - 3 0 2']);
    // Labelled right before, it is the parcel's number.
    expect(phones('Numer paczki: 7 9 4 1 5 8 3 0 2 4 4', 'pl')).toEqual([]);
    expect(phones('Tracking number 1 2 3 4 5 6 7 8 9 0')).toEqual([]);
  });
  it('reads a grouped number wholly in brackets, and not one bracketed run of digits', () => {
    expect(phones('Chama no WhatsApp (+55 31 9 9284-1176) que te passo', 'pt').map((p) => p.text)).toEqual(['(+55 31 9 9284-1176)']);
    expect(phones('tel (+7 916 123-45-67)', 'ru').map((p) => p.text)).toEqual(['(+7 916 123-45-67)']);
    expect(phones("S/N on the box (7302948851), so it's a resold return", 'en')).toEqual([]);
  });
  it('keeps a number under a harmless label when it is grouped exactly as a phone of a country', () => {
    expect(phones('Pour le prochain envoi : 06 47 21 93 58.', 'fr').map((p) => p.text)).toEqual(['06 47 21 93 58']);
    expect(phones('Номер для посылки: 8 916 123 45 67', 'ru').map((p) => p.text)).toEqual(['8 916 123 45 67']);
  });
  it('leaves prices, dates, sizes, orders, tracking numbers and model codes alone', () => {
    const negatives = [
      ['Цена 1 299,00 ₽, доставка 12.05.2023, заказ №8234-1123, размер 42/44', 'ru'],
      ['Трек-номер RB123456789CN, модель SM-G991B, прошивка 1.0.12.345', 'ru'],
      ['Paid $1,299.99, order #8051234567890, delivered 03/10/2024', 'en'],
      ['Tracking number 9400111899223397623910 (USPS)', 'en'],
      ['Dimensions 120 x 60 x 75 cm, référence 3760123456789', 'fr'],
      ['Kod kreskowy 5901234123457 na pudełku', 'pl'],
      ['Router 192.168.0.1, firmware 10.0.19045.4170', 'en'],
      ['ISBN 978-84-376-0494-7, 512 páginas', 'es'],
      ['серийный номер 7123456789, IMEI 356938035643809', 'ru'],
      ['Номер счёта-фактуры 2024-00123 от 12.03.2024', 'ru'],
      ['1234567890 is just a placeholder', 'en'],
      ["S/N 7302948815 on the back doesn't match the box", 'en'],
      ['The sticker says S/N: 4CE0521JXT and P/N 823-0019-04', 'en'],
      ['На коробці є код 3534005059, це артикул?', 'uk'],
      ['order: five four three two one nine eight seven six five', 'en'],
      ['Stay 12.05-15.05.2024, room 8', 'en'],
      ['Paguei por Multibanco, entidade 21312, referência 274 815 396, valor 34,90 €.', 'pt'],
      ['Commande n° 2024 5567 8812 4410, suivi LP 0045 2231 87', 'fr'],
    ] as const;
    for (const [text, locale] of negatives) expect(phones(text, locale), text).toEqual([]);
  });
});

describe('phone: a number that looks made up', () => {
  it('is a placeholder alone, and a phone when a phone word names it ("654 321 098" is a Spanish mobile)', () => {
    expect(phones('Llámame al 654 321 098 por la tarde', 'es').map((p) => p.text)).toEqual(['654 321 098']);
    expect(phones('mi whatsapp 654 321 098', 'es').map((p) => p.text)).toEqual(['654 321 098']);
    expect(phones('Escribí 654 321 098 en el formulario y no pasó nada', 'es')).toEqual([]);
    expect(phones('1234567890 is just a placeholder', 'en')).toEqual([]);
  });
});

describe('phone: China\'s country code without "+" (off-platform round 17)', () => {
  it('a seller\'s WhatsApp, and no long number without a phone word', () => {
    expect(phones('price much lower if you order with us directly, whatsapp 8613925570162').map((p) => p.text)).toEqual(['8613925570162']);
    expect(phones('order 8613925570162 shipped')).toEqual([]);
    expect(phones('EAN 8690123456789 on the box')).toEqual([]);
  });
});

describe('phone: digits in a web address', () => {
  const texts = (t: string, locale?: string) => phones(t, locale).map((p) => p.text);
  it('leaves store and product ids in a path, keeps a messenger link\'s number and a query value', () => {
    expect(texts('Inne kolory: pl.aliexpress.com/store/911234567', 'pl')).toEqual([]);
    expect(texts('na shopee tá 19 reais, shopee.com.br/fone-bt-xyz-i.2231.99812 kkkk', 'pt-BR')).toEqual([]);
    expect(texts('whatsapp: wa.me/5511987654321', 'pt-BR')).toEqual(['5511987654321']);
    expect(texts('мой сайт shop.ru/?tel=89161234567', 'ru')).toEqual(['89161234567']);
    expect(texts('tel/fax 8 916 482 17 30', 'ru')).toEqual(['8 916 482 17 30']);
  });
});

describe('phone: a "+" number valid in its country beside a harmless label (personal data round 12)', () => {
  it.each([
    ['en', 'Heads up the delivery agent only calls the number on the order, which was mine (+91 98201 44736) so dad had to wait.', '(+91 98201 44736)'],
    ['uk', 'Чи є доставка Новою поштою в Ужгород? Мій номер для ТТН: +380 67 512 48 93.', '+380 67 512 48 93'],
  ])('%s', (lang, text, phone) => {
    expect(phones(text, lang).map((p) => p.text)).toEqual([phone]);
  });
  it('only a valid number: a "+" code no country has stays an order number under its label', () => {
    expect(phones('Call me at +99 1234 5678 90 tomorrow.', 'en').map((p) => p.text)).toEqual(['+99 1234 5678 90']);
    expect(phones('Call me, order number +99 1234 5678 90.', 'en')).toEqual([]);
  });
});

describe('phone: "the phone number on my order" (mixed round 13)', () => {
  it('the order is where the phone number was written, not what the number is', () => {
    expect(phones('Hi, the phone number on my order is wrong, correct one is 07911 284 650. Could you pass it on?', 'en').map((p) => p.text)).toEqual(['07911 284 650']);
    expect(phones('El teléfono del pedido está mal, el bueno es 644 301 928', 'es').map((p) => p.text)).toEqual(['644 301 928']);
    expect(phones('My order number is 07911 284 650, still waiting', 'en')).toEqual([]);
  });
});

describe('phone: "meu celular errado no pedido" (mixed round 2)', () => {
  it('the order is where the phone was written; an order number stays one', () => {
    expect(phones('Coloquei meu celular errado no pedido, o certo é 21 9\u200b9612-\u200b4830. Como faço pra mudar?', 'pt-BR').length).toBe(1);
    expect(phones('Número do pedido 21 99612-4830, chegou rápido', 'pt-BR')).toEqual([]);
  });
});

describe('phone detector: groups split by dots, a long group no year (personal data round 20)', () => {
  // Our own numbers; dates and sizes written the same way stay prose.
  it.each([
    ['escribime al +54.9.11.4827.3361 si te pasó lo mismo', 'es', '+54.9.11.4827.3361'],
    ['Vendedor, me liga: 21.9.7734.8152, já estou sem paciência', 'pt-BR', '21.9.7734.8152'],
  ])('finds: %s', (text, locale, want) => {
    expect(phones(text, locale).map((p) => p.text)).toEqual([want]);
  });

  it.each([
    'Promo du 12.05.2023-15.05.2023 seulement',
    'Válido de 01.06.2024 a 30.6.2024, depois acabou',
    'Open 09.00-17.00 daily, closed 24.12',
  ])('leaves alone: %s', (text) => {
    expect(phones(text)).toEqual([]);
  });
});
