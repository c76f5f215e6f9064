import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { normalize } from '../../normalize.js';
import { detectLanguage, guessRegion } from '../../language.js';
import { redact } from '../../redact.js';
import { LANGS, type DetectorInput, type TextFinding } from '../../types.js';
import { personalDataDetectors } from './index.js';
import { fastestMs } from '../../../test/unit/helpers/timing.js';

function inputFor(text: string, locale?: string): DetectorInput {
  const lang = detectLanguage(text, locale);
  return { norm: normalize(text), lang, region: guessRegion(lang, locale, text), kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } };
}
const detectAll = (input: DetectorInput): TextFinding[] => personalDataDetectors.flatMap((d) => d(input));

// Realistic pieces and hostile ones: values of every type, disguises, separators, look-alikes.
const piece = fc.constantFrom(
  'call ', 'тел ', 'my card ', 'IBAN ', 'PESEL ', 'паспорт ', 'ул. Ленина, д. 5 ', '12 Main Street ', 'ok, ', '. ', '\n',
  '+7 916 123-45-67 ', '8 9 1 6 1 2 3 4 5 6 7 ', 'восемь девятьсот шестнадцать ', '4111 1111 1111 1111 ', 'DE89 3704 0044 0532 0130 00 ',
  '44051401458 ', '123.456.789-09 ', 'ivan@mail.ru ', 'ivan at gmail dot com ', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< ',
  '1 299,00 ₽ ', '12.05.2023 ', '42/44 ', 'SM-G991B ', '120x60x75 cm ', '😀', '1️⃣', '\u200b', '８', '٣', 'а', '(', ')', '-', '@', '<<',
);
const text = fc.array(piece, { maxLength: 16 }).map((a) => a.join(''));

describe('personal-data detectors: properties', () => {
  it('return spans inside the text and never throw', () => {
    fc.assert(fc.property(text, fc.option(fc.constantFrom('ru', 'en-US', 'pt-BR', 'uk', 'es', 'fr', 'pl'), { nil: undefined }), (t, locale) => {
      for (const f of detectAll(inputFor(t, locale))) {
        expect(f.span.start).toBeGreaterThanOrEqual(0);
        expect(f.span.end).toBeLessThanOrEqual(t.length);
        expect(f.span.start).toBeLessThan(f.span.end);
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });
  it('never throw on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
      expect(() => detectAll(inputFor(t))).not.toThrow();
    }), { numRuns: 300 });
  });
  it('leave no detected value in the redacted text', () => {
    fc.assert(fc.property(text, fc.constantFrom(...LANGS), (t, lang) => {
      const found = detectAll(inputFor(t));
      const out = redact(t, found, lang);
      for (const f of found) {
        const value = t.slice(f.span.start, f.span.end).trim();
        if (value.length >= 4) expect(out.includes(value), value).toBe(false);
      }
    }), { numRuns: 300 });
  });
  it('run in linear time on 20,000-character hostile input', () => {
    const units = ['7', '1 ', '1-', '+1 ', '😀', '1😀', '1️⃣', 'a@', 'a at b dot ', '(at)', 'seven ', 'сто двадцать три ', '<', 'P<UTO<<ANNA ', 'ул. Ленина 5, ', '12 Main Street ', '12345678Z ', 'DE89 3704 ', '4111 1111 1111 1111 ', '(1) ', 'тел 8 '];
    for (const unit of units) {
      const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      const small = make(5000);
      const big = make(20000);
      detectAll(inputFor(big)); // warm the JIT: the algorithm is under test, not compilation
      const tSmall = fastestMs(3, () => detectAll(inputFor(small)));
      const tBig = fastestMs(3, () => detectAll(inputFor(big)));
      // 4x the input: linear is ~4x, quadratic 16x; the floor absorbs timer noise on a busy machine.
      expect(tBig, JSON.stringify(unit)).toBeLessThan(Math.max(80, tSmall * 10));
    }
  });
});

// The labelled fixtures are complete for our six types: every finding of these types is listed.
describe('personal-data fixtures', () => {
  const cases = readFileSync(new URL('../../../fixtures/text/personal-data.jsonl', import.meta.url), 'utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as {
      id: string; submission: { text: string; locale?: string };
      expect: { findings: { type: string; text: string }[]; mustNotFind?: string[] };
    });
  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(320);
  });
  it('reach recall and precision of 0.97 per type with no leaks', () => {
    const stats = new Map<string, { tp: number; fn: number; fp: number }>();
    const stat = (t: string) => stats.get(t) ?? stats.set(t, { tp: 0, fn: 0, fp: 0 }).get(t)!;
    const problems: string[] = [];
    for (const c of cases) {
      const text = c.submission.text;
      const input = inputFor(text, c.submission.locale);
      const found = detectAll(input);
      const used = new Set<number>();
      let from = new Map<string, number>();
      for (const e of c.expect.findings) {
        const s = text.indexOf(e.text, from.get(e.text) ?? 0);
        from.set(e.text, s + 1);
        const k = found.findIndex((f, i) => !used.has(i) && f.type === e.type && f.span.start < s + e.text.length && s < f.span.end);
        if (k >= 0) { used.add(k); stat(e.type).tp++; } else { stat(e.type).fn++; problems.push(`FN ${c.id} ${e.text}`); }
      }
      found.forEach((f, i) => { if (!used.has(i)) { stat(f.type).fp++; problems.push(`FP ${c.id} ${text.slice(f.span.start, f.span.end)}`); } });
      const out = redact(text, found, input.lang);
      for (const e of c.expect.findings) if (out.includes(e.text)) problems.push(`LEAK ${c.id} ${e.text}`);
      from = new Map();
    }
    for (const [type, s] of stats) {
      expect(s.tp / Math.max(1, s.tp + s.fn), `${type} recall; ${problems.join('; ')}`).toBeGreaterThanOrEqual(0.97);
      expect(s.tp / Math.max(1, s.tp + s.fp), `${type} precision; ${problems.join('; ')}`).toBeGreaterThanOrEqual(0.97);
    }
    expect(problems.filter((p) => p.startsWith('LEAK'))).toEqual([]);
  });
});

describe('personal-data detectors: repeated values', () => {
  it('find a copy glued to a word of another script, which normalisation folds differently', () => {
    const t = 'ул. Ленина, д. 5, or 1 starул. Ленина, д. 5';
    const spans = detectAll(inputFor(t)).filter((f) => f.type === 'personal_data.postal_address').map((f) => t.slice(f.span.start, f.span.end));
    expect(spans).toEqual(['ул. Ленина, д. 5', 'ул. Ленина, д. 5']);
  });
});

describe('personal-data: a number given in parts, with words that say so', () => {
  const found = (t: string, locale?: string) => detectAll(inputFor(t, locale)).map((f) => [f.type, t.slice(f.span.start, f.span.end)]);
  // Our own wording: the parts are joined only by a "rest" or "then" word, and the whole must still pass.
  it.each([
    ['Звоните, номер начинается на 8 916, заканчивается на 482-17-30.', 'ru', ['personal_data.phone', '8 916, заканчивается на 482-17-30']],
    ['Mi móvil empieza por 612 48 y el resto 3917, llamad por la tarde', 'es', ['personal_data.phone', '612 48 y el resto 3917']],
    ['Mój numer: 512, potem 384, a na końcu 961.', 'pl', ['personal_data.phone', '512, potem 384, a na końcu 961']],
    ['PESEL zaczyna się od 940823, ostatnie cyfry 04826.', 'pl', ['personal_data.government_id', '940823, ostatnie cyfry 04826']],
    ["Appelez-moi, c'est le 07 81 puis 46 20 93.", 'fr', ['personal_data.phone', '07 81 puis 46 20 93']],
    ['диктовала ИИН: 890412. Потом ещё 301547, связь обрывалась', 'ru', ['personal_data.government_id', '890412. Потом ещё 301547']],
  ] as const)('joins: %s', (t, locale, want) => {
    expect(found(t, locale)).toEqual([want]);
  });
  it.each([
    ['I paid 1200 up front, the rest 800 on delivery.', 'en'],
    ['Order 4455123, the rest of the 98 items comes later.', 'en'],
    ['Заказ 5120384, потом ещё 961 штука, в конце 20 наклеек.', 'ru'],
    ['I paid 1200 then 300 more, then 45 for shipping.', 'en'],
    ['Vendimos 612 unidades en enero y luego 345 678 en todo el año.', 'es'],
    ['Zamówiłam 512 sztuk, potem 384 961 naklejek.', 'pl'],
    ['We sold 415 then 555 0123 more', 'en'],
    ['Order 55120384 then 961 arrived, both fine.', 'en'],
    // A "rest" word, but the whole fails its checksum: not a PESEL.
    ['PESEL zaczyna się od 940823, ostatnie cyfry 04827.', 'pl'],
  ] as const)('leaves apart: %s', (t, locale) => {
    expect(found(t, locale)).toEqual([]);
  });
});

describe('personal data: round ten classes', () => {
  const found = (text: string, locale?: string) => detectAll(inputFor(text, locale)).map((f) => [f.type, text.slice(f.span.start, f.span.end)]);
  it.each([
    ['fr phone in dotted pairs', 'Mon numéro 06.51.03.88.27, le soir.', 'fr', ['personal_data.phone', '06.51.03.88.27']],
    ['fr dotted pairs with O for 0', 'Un avis en direct : O6.51.O3.88.27 (le soir)', 'fr', ['personal_data.phone', 'O6.51.O3.88.27']],
    ['es NIE in groups', 'me pidieron el NIE en la tienda física, Y-284-7193-Z, y al final', 'es', ['personal_data.government_id', 'Y-284-7193-Z']],
    ['en NINO spaced in lower case', 'my NI on the starter form, j t 48 72 19 c, soaking wet', 'en', ['personal_data.government_id', 'j t 48 72 19 c']],
    ['es CLABE named far before', 'Quiero dar de alta mi CLABE para los reembolsos en mi perfil pero me sale inválida: 072180010328456915.', 'es', ['personal_data.bank_account', '072180010328456915']],
    ['pl starts with … ends with', 'Mój numer zaczyna się od 664 01, a kończy na 93 87.', 'pl', ['personal_data.phone', '664 01, a kończy na 93 87']],
    ['Belgian "chaussée"', 'Livrez-vous à Chaussée de Wavre 214, bte 3, 1050 Ixelles ?', 'fr', ['personal_data.postal_address', 'Chaussée de Wavre 214']],
    ['Brazilian PIS with its word', 'coloquei meu PIS 128.47365.91-7 pra testar', 'pt', ['personal_data.government_id', '128.47365.91-7']],
    ['an IBAN with Cyrillic look-alike capitals', 'мне возврат пришёл на КZ76 722С 0000 4821 5937 через пять дней', 'ru', ['personal_data.bank_account', 'КZ76 722С 0000 4821 5937']],
    ['a phone word before two dotted parts', 'tel 0612.345678', 'fr', ['personal_data.phone', '0612.345678']],
  ] as const)('finds: %s', (_why, t, locale, want) => {
    expect(found(t, locale)).toEqual([want]);
  });
  it.each([
    ['a date range with dots and a dash', 'Fermé du 12.05-15.05.2023, réouverture ensuite.', 'fr'],
    ['an 18-digit order number that fails the CLABE check', 'Pedido 072180010328456916 llegó bien.', 'es'],
    ['a CLABE-valid number with no bank word', 'Pedido 072180010328456915 llegó bien.', 'es'],
    ['"av." as "avec"', "J'ai payé 20 av. la remise, livré en 3 jours.", 'fr'],
    ['"av." as "avant"', 'Pris 2 av. Black Friday, prix correct.', 'fr'],
    ['opening hours', 'Sklep czynny 09.00-17.00, odbiór bez problemu.', 'pl'],
    ['two time ranges', 'Horaires 09.00-12.30 / 14.00-19.00 du lundi au samedi.', 'fr'],
    ['spaced decimals', 'Mesures: 10.5 12.5 14.5 16.5 cm selon modèle.', 'fr'],
    ['sizes in rising dotted pairs', "Dispo en tailles 36.38.40.42.44, j'ai pris le 38.", 'fr'],
    ['a build number', 'Windows 11 23H2 (kompilacja 22631.3447), kupiony 21.05.2024.', 'pl'],
    ['a PIS-valid number with no word', 'pedido 128.47365.91-7 chegou', 'pt'],
    ['an invalid NIE in groups', 'Referencia Y-284-7193-A del pedido.', 'es'],
  ] as const)('leaves: %s', (_why, t, locale) => {
    expect(found(t, locale)).toEqual([]);
  });
});

describe('personal data: mixed round five classes', () => {
  const found = (text: string, locale?: string) => detectAll(inputFor(text, locale)).map((f) => [f.type, text.slice(f.span.start, f.span.end)]);
  it.each([
    ['an IBAN a few digits long after a bank word', 'а на рахунок UA31 3052 9900 0002 6200 1234 5678 901 досі нічого не прийшло.', 'uk', ['personal_data.bank_account', 'UA31 3052 9900 0002 6200 1234 5678 901']],
  ] as const)('finds: %s', (_why, t, locale, want) => {
    expect(found(t, locale)).toEqual([want]);
  });
  it.each([
    ['an order number after "Commande", a card word after it', 'Commande 4970 1234 5678 9013 reçue, payé par carte.', 'fr'],
    ['an order number with a card word a sentence before', 'Paid by card, no issues. Order number 4556 7301 2398 4413 arrived in 5 days.', 'en'],
    ['an IBAN-shaped code with no bank word', 'Kod produktu PL17 2410 2055 5811 1112 3456 7890 12 w opisie.', 'pl'],
    ['an IBAN of the right length failing its checksum', 'IBAN: DE89 3704 0044 0532 0130 01 (typo?)', 'en'],
    ['a code typed in Cyrillic capitals, a few characters long, after a bank word', 'на счёт ВЕ12 3456 7890 1234 56789 переведите', 'ru'],
  ] as const)('leaves: %s', (_why, t, locale) => {
    expect(found(t, locale)).toEqual([]);
  });
});

describe('personal data: rounds mixed 8 and personal data 13', () => {
  const found = (text: string, locale?: string) => detectAll(inputFor(text, locale)).map((f) => [f.type, text.slice(f.span.start, f.span.end)]);
  const types = (text: string, locale?: string) => [...new Set(detectAll(inputFor(text, locale)).map((f) => f.type))];
  it.each([
    ['a PESEL before Polish "w" (in), no watt', 'Kurier DHL prosi o PESEL, podałem 91041704721 w uwagach do zamówienia.', 'pl', 'personal_data.government_id'],
    ['a phone before Polish "w"', 'Zadzwoń pod 600 123 456 w poniedziałek.', 'pl', 'personal_data.phone'],
    ['an SSN typed into the order note', 'The carrier asked for my SSN, so I typed it in the order note: 531-70-2248.', 'en', 'personal_data.government_id'],
    ['a NIR in the "note de commande"', "On m'a demandé mon numéro de sécu, je l'ai mis dans la note de commande : 2 87 06 75 115 047 08.", 'fr', 'personal_data.government_id'],
    ['"my number", dictated, with "order" nearer', 'my number was on the order - three one two, five five eight, four four zero seven - and nobody called', 'en', 'personal_data.phone'],
    ['a card whose last digit is an "l" before "?"', 'Czy da się zapłacić kartą 4686 78l7 2602 264l? Wyskakuje błąd', 'pl', 'personal_data.payment_card'],
    ['a Russian passport, its number dictated', 'спросили паспорт, продиктовала серия 45 12 номер три четыре пять шесть семь восемь, и всё', 'ru', 'personal_data.government_id'],
    ['a Ukrainian passport, "номер" between series and digits', 'попросили паспорт, сказав серія СН номер чотири вісім два один дев\'ять три, і все', 'uk', 'personal_data.government_id'],
    ['a Brazilian account after "cc"', 'eu passei Banco do Brasil ag 1584-9 cc 38291-4 e caiu em 2 dias', 'pt', 'personal_data.bank_account'],
    ['a house number in words before the street', 'can u deliver the bunk bed to number fourteen Harrow Road, flat two, Leeds LS6 2QE on saturday?', 'en', 'personal_data.postal_address'],
    ['a French house number in words, "bis", the type then the name', 'Vous livrez au quarante-deux bis avenue Jean-Jaurès, 31000 Toulouse ?', 'fr', 'personal_data.postal_address'],
    ['no street type: a name, a house number in words, a flat', "Чи можна доставити пральну машину на Городоцьку сто тридцять п'ять, квартира дев'ять, Львів? Ліфт є", 'uk', 'personal_data.postal_address'],
    ['no street type, Polish "mieszkanie"', 'Podałam: Kwiatowa siedem mieszkanie dwanaście, 80-180 Gdańsk. Druga doszła', 'pl', 'personal_data.postal_address'],
    ['the house number and flat in sentences of their own', 'Moro na Rua Doutor Arnaldo. Número 1450. Apto 32. Não é difícil de achar, gente!', 'pt', 'personal_data.postal_address'],
    ['a Russian passport after "серию и номер", an order word nearer', 'Я в заказе указала серию и номер 45 17 682394, этого достаточно?', 'ru', 'personal_data.government_id'],
    ['a Polish ID card after "serię i numer"', 'Odbiór tylko z dowodem, pani spisała serię i numer CBT 248271 na kartce.', 'pl', 'personal_data.government_id'],
    ['a Brazilian account with its check digit said as "dígito"', 'coloquei agência zero três zero cinco, conta corrente 96321 dígito 4 do Itaú', 'pt', 'personal_data.bank_account'],
    ['a dot after the house number, the flat and postcode in sentences of their own', "J'habite au 14. Rue des Lilas. Bâtiment B. 35000 Rennes. Trois fois qu'il repart.", 'fr', 'personal_data.postal_address'],
    ['a tax number opening with a Cyrillic З for 3', 'ІПН: З124508717, а статус досі «очікує документи».', 'uk', 'personal_data.government_id'],
    ['a house number over a thousand in words', '¿Hacen envío a Av. Insurgentes Sur número mil doscientos treinta y cuatro, depto 5, col. Del Valle, CDMX?', 'es', 'personal_data.postal_address'],
  ] as const)('finds: %s', (_why, t, locale, want) => {
    expect(types(t, locale)).toContain(want);
  });
  it.each([
    ['a wattage', 'Moc 2000 W, super.', 'pl'],
    ['an order number right after "order:", in words', 'order: five four three two one nine eight seven', 'en'],
    ['"my order number"', 'My order number is 312 558 4407, please check.', 'en'],
    // The order note is where a number was written, not what it is: an order number still names itself.
    ['an order number copied into the order note', 'I copied the order number 4821 7730 19 into the order note, still no reply.', 'en'],
    ['pl an order number in the order notes', 'W uwagach do zamówienia wpisałam numer zamówienia 4821773019, nikt nie odpisał.', 'pl'],
    ['"cc" of an engine', 'motor de 150 cc 125000 km rodados', 'pt'],
    ['a thousand thanks', 'Mil gracias, llegó en dos días.', 'es'],
    ['"one" as an article before a street name', 'I bought one Oxford Street special and it was fine.', 'en'],
    ['a phone model, a number and "m" (years)', 'Mam Xiaomi 13 m 2 lata i działa.', 'pl'],
    ['"iPhone 12, apt…"', 'iPhone 12, apt 3 is where I keep it.', 'en'],
    ['"No" opening the next sentence after a street', 'Moro na Rua Augusta. No 5 dias chegou.', 'pt'],
    ['a product batch after "seria i numer"', 'Seria i numer partii 2024 na pudełku.', 'pl'],
    ['a waybill number after "ТТН номер"', 'ТТН номер 123456, паспорт не потрібен', 'uk'],
  ] as const)('leaves: %s', (_why, t, locale) => {
    expect(found(t, locale)).toEqual([]);
  });
});
