import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize.js';
import { detectLanguage, guessRegion } from '../../language.js';
import { governmentIdDetector } from './index.js';
import { GOV_ID_CONFIDENCE } from './government-id.js';
import { fastestMs } from '../../../test/unit/helpers/timing.js';

function ids(text: string, locale?: string) {
  const lang = detectLanguage(text, locale);
  const norm = normalize(text);
  return governmentIdDetector({ norm, lang, region: guessRegion(lang, locale, text), kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } })
    .map((f) => ({ text: text.slice(f.span.start, f.span.end), confidence: f.confidence, scheme: f.evidence?.subtype }));
}
const schemes = (text: string, locale?: string) => ids(text, locale).map((i) => [i.text, i.scheme]);

describe('government ID detector', () => {
  it('checks the national schemes of our markets', () => {
    expect(schemes('СНИЛС 112-233-445 95', 'ru')).toEqual([['112-233-445 95', 'ru_snils']]);
    expect(schemes('ИНН 500123456750 указала', 'ru')).toEqual([['500123456750', 'ru_inn']]);
    expect(schemes('паспорт 45 07 123456', 'ru')).toEqual([['45 07 123456', 'ru_passport']]);
    expect(schemes('паспорт серия 4509 номер 765432', 'ru')).toEqual([['серия 4509 номер 765432', 'ru_passport']]);
    expect(schemes('ІПН 3012345670', 'uk')).toEqual([['3012345670', 'ua_rnokpp']]);
    expect(schemes('Паспорт КВ 123456', 'uk')).toEqual([['КВ 123456', 'ua_passport']]);
    expect(schemes('DNI 12345678Z', 'es')).toEqual([['12345678Z', 'es_dni']]);
    expect(schemes('NIE X1234567L', 'es')).toEqual([['X1234567L', 'es_nie']]);
    expect(schemes('CPF: 123.456.789-09', 'pt-BR')).toEqual([['123.456.789-09', 'br_cpf']]);
    expect(schemes('PESEL 44051401458', 'pl')).toEqual([['44051401458', 'pl_pesel']]);
    expect(schemes('dowód ABA300000', 'pl')).toEqual([['ABA300000', 'pl_id_card']]);
    expect(schemes('sécurité sociale 1 85 05 78 006 084 91', 'fr')).toEqual([['1 85 05 78 006 084 91', 'fr_nir']]);
    expect(schemes('SSN 078-05-1123')).toEqual([['078-05-1123', 'us_ssn']]);
    expect(schemes('RRN 900101-1234568')).toEqual([['900101-1234568', 'kr_rrn']]);
    expect(schemes('Preciso de fatura com o NIF 2 3 9 4 8 1 7 5 5, é possível?', 'pt')).toEqual([['2 3 9 4 8 1 7 5 5', 'pt_nif']]);
    expect(schemes('número de contribuinte 501964843', 'pt')).toEqual([['501964843', 'pt_nif']]);
    expect(schemes('en la aduana me pidieron el DNI 35.812.406 para liberarlo', 'es')).toEqual([['35.812.406', 'ar_dni']]);
    expect(schemes('my National Insurance number (TS.71.28.06.D) in a text box')).toEqual([['TS.71.28.06.D', 'uk_nino']]);
    // Spelled out digit by digit, a strong checksum stands on its own.
    expect(schemes('A loja pediu o CPF pela avaliação pra liberar a nota fiscal, então lá vai: 3 0 5 . 9 8 2 . 6 7 2 - 2 0. Chegou', 'pt')).toEqual([['3 0 5 . 9 8 2 . 6 7 2 - 2 0', 'br_cpf']]);
    // A strong checksum keeps its claim unless the harmless word labels the number itself.
    expect(schemes('Faktura wystawiona na „Anna Zielińska 92071561128” — nie prosiłam', 'pl')).toEqual([['92071561128', 'pl_pesel']]);
  });
  it('reads an ID written one character at a time, with one-letter words at its ends', () => {
    expect(schemes('Para aduanas puse el NIE así: Y 3 9 2 8 1 7 4 H y me sale error', 'es')).toEqual([['Y 3 9 2 8 1 7 4 H', 'es_nie']]);
    expect(schemes('my NI number went in as J T 4 8 2 1 9 3 B and got printed')).toEqual([['J T 4 8 2 1 9 3 B', 'uk_nino']]);
    // A failed check letter, or letters and digits of a size table, stay alone.
    expect(schemes('NIE Y 3 9 2 8 1 7 4 J por favor', 'es')).toEqual([]);
    expect(schemes('Rozmiar L 4 8 2 1 9 3 B i M', 'pl')).toEqual([]);
  });
  it('reads Mexican CURP, Swiss AVS, Belgian national numbers, Portuguese citizen cards and Angolan BI', () => {
    expect(schemes('me pidieron la CURP y la puse: MAHL920517MDFRRC02. ¿Se puede borrar?', 'es')).toEqual([['MAHL920517MDFRRC02', 'mx_curp']]);
    expect(schemes('La Poste voulait mon numéro AVS, 756.9217.4830.59, bizarre', 'fr')).toEqual([['756.9217.4830.59', 'ch_avs']]);
    expect(schemes('mon numéro de registre national, 87.09.14-213.93, et mon IBAN', 'fr')).toEqual([['87.09.14-213.93', 'be_nrn']]);
    expect(schemes('pediram o cartão de cidadão, escrevi 14829371 9 ZY4 e foi rápido', 'pt')).toEqual([['14829371 9 ZY4', 'pt_cc']]);
    expect(schemes('Na alfândega pediram o BI, dei 004816273LA041 e pronto', 'pt')).toEqual([['004816273LA041', 'ao_bi']]);
    // A wrong check, an AVS-shaped barcode without the 756 prefix or format, an unnamed BI shape.
    expect(schemes('CURP MAHL920517MDFRRC03', 'es')).toEqual([]);
    expect(schemes('kod kreskowy 7569217483059 na pudełku', 'pl')).toEqual([]);
    expect(schemes('numéro 87.09.14-213.94 du colis', 'fr')).toEqual([]);
    expect(schemes('código 004816273LA041 do produto', 'pt')).toEqual([]);
  });
  it('reads Argentine CUIT/CUIL numbers in their dashed format or named', () => {
    expect(schemes('Yo puse el mío, 20-35271946-4, y llegó', 'es')).toEqual([['20-35271946-4', 'ar_cuit']]);
    expect(schemes('mi CUIL es 20352719464', 'es')).toEqual([['20352719464', 'ar_cuit']]);
    // Check digit wrong, type prefix unknown, or an order's number.
    expect(schemes('Yo puse el mío, 20-35271946-5, y llegó', 'es')).toEqual([]);
    expect(schemes('Yo puse el mío, 21-35271946-4, y llegó', 'es')).toEqual([]);
    expect(schemes('Pedido 20-35271946-4 llegó', 'es')).toEqual([]);
  });
  it('reads Kazakh IINs only when named', () => {
    expect(schemes('мой ИИН 890412301547', 'ru')).toEqual([['890412301547', 'kz_iin']]);
    // One check digit: without its word a twelve-digit number is not read as an IIN, nor with a wrong check digit.
    expect(schemes('номер 890412301547', 'ru')).toEqual([]);
    expect(schemes('мой ИИН 890412301548', 'ru')).toEqual([]);
  });
  it('reads Chilean RUTs in their dotted format or named', () => {
    expect(schemes('me pidieron RUT, puse 16.482.937-5 y la dirección', 'es')).toEqual([['16.482.937-5', 'cl_rut']]);
    expect(schemes('puse 12.345.670-K en el formulario', 'es')).toEqual([['12.345.670-K', 'cl_rut']]);
    expect(schemes('mi RUT es 7.654.321-6', 'es')).toEqual([['7.654.321-6', 'cl_rut']]);
    // A wrong check digit is nothing.
    expect(schemes('puse 16.482.937-4 en el formulario', 'es')).toEqual([]);
    expect(schemes('puse 12.345.671-K en el formulario', 'es')).toEqual([]);
  });
  it('rates a checksum with its context word above a checksum alone', () => {
    expect(ids('PESEL 44051401458', 'pl')[0]!.confidence).toBe(GOV_ID_CONFIDENCE.checksumContext);
    expect(ids('44051401458', 'pl')[0]!.confidence).toBe(GOV_ID_CONFIDENCE.checksum);
    expect(ids('123.456.789-09', 'pt')[0]!.confidence).toBe(GOV_ID_CONFIDENCE.checksumFormat);
  });
  it('needs a context word for weak or missing checks', () => {
    expect(ids('ua id 001234567')).toEqual([]);
    expect(ids('номер ID-картки 001234567', 'uk').map((i) => i.scheme)).toEqual(['ua_id_card']);
    expect(ids('AB1234567')).toEqual([]);
  });
  it('rejects failed checks, dummies, and numbers labelled as something else', () => {
    for (const [t, l] of [['PESEL 44051401459', 'pl'], ['NIF 239481756', 'pt'], ['my tax id 911-89-1234', 'en'], ['firmware build CE.12.34.56.A installed', 'en'], ['part CE-12-34-56-A', 'en'], ['zamówienie 92071561128 doszło', 'pl'], ['DNI del comprador pedido, pedido 35.812.406', 'es'], ['35.812.406 unidades vendidas', 'es'], ['encomenda 239481755 atrasada', 'pt'], ['CPF 111.111.111-11', 'pt'], ['DNI 12345678A', 'es'], ['Паспорт не нужен, заказ 7734561290', 'ru'], ['Обложка для паспорта 13,5x9,5 см', 'ru'], ['ИНН продавца не указан', 'ru']] as const) {
      expect(ids(t, l), t).toEqual([]);
    }
  });
  it('reads German tax IDs, tax numbers, licences and ID serials when they are named', () => {
    // Steuer-IdNr: repetition rule + ISO 7064 digit counts alone; the digit alone needs its word.
    expect(schemes('47013892537', 'de')).toEqual([['47013892537', 'de_tax_id']]);
    expect(schemes('Steuer-ID 39172648501', 'de')).toEqual([['39172648501', 'de_tax_id']]);
    expect(ids('39172648501', 'de')).toEqual([]);
    expect(ids('Steuer-ID 39172648502', 'de')).toEqual([]); // wrong check digit
    expect(schemes('Steuernummer 21/815/08150', 'de')).toEqual([['21/815/08150', 'de_stnr']]);
    expect(schemes('St.-Nr. 2181508150', 'de')).toEqual([['2181508150', 'de_stnr']]);
    expect(ids('Sendung 21/815/08150', 'de')).toEqual([]);
    expect(schemes('Führerscheinnummer B072RRE2I55', 'de')).toEqual([['B072RRE2I55', 'de_driver']]);
    expect(ids('B072RRE2I55')).toEqual([]);
    expect(ids('Führerschein ABCDEFGHIJ1', 'de')).toEqual([]); // too few digits for a licence
    expect(schemes('Personalausweis L01X00T47', 'de')).toEqual([['L01X00T47', 'de_id']]);
    expect(ids('L01X00T47')).toEqual([]);
  });
  it('reads Thai IDs named in Thai, Indian voter IDs and Italian licences', () => {
    // Passes the EAN-13 check too: only with its word, which has combining vowels ("บัตร").
    expect(schemes('เลขบัตรประชาชน 1101700230007', 'th')).toEqual([['1101700230007', 'th_tnin']]);
    expect(schemes('เลขบัตรประชาชนของฉัน 1101700230007', 'th')).toEqual([['1101700230007', 'th_tnin']]);
    expect(ids('บาร์โค้ด 1101700230007', 'th')).toEqual([]);
    expect(schemes('voter ID XKR4829160')).toEqual([['XKR4829160', 'in_voter']]);
    expect(ids('XKR4829160')).toEqual([]);
    expect(ids('I vote 5 stars, order XKR4829160')).toEqual([]);
    expect(schemes('patente U1X52P931K', 'it')).toEqual([['U1X52P931K', 'it_driver']]);
    expect(schemes('driving licence AB1234567C')).toEqual([['AB1234567C', 'it_driver']]);
    expect(ids('license key AB1234567C did not work')).toEqual([]);
  });
  it('takes a placeholder-looking number only with a check digit and the scheme\'s own word', () => {
    expect(schemes('NIN 23456789019')).toEqual([['23456789019', 'ng_nin']]);
    expect(ids('23456789019')).toEqual([]);
    expect(ids('ID 23456789019')).toEqual([]); // a generic word is not enough
    expect(ids('SSN 123-45-6780')).toEqual([]); // no check digit: a placeholder
  });
  it('stays linear on long runs of ID-shaped codes', () => {
    const unit = 'U1X52P931K B072RRE2I55 XKR4829160 21/815/08150 ';
    const small = unit.repeat(100);
    const big = unit.repeat(400);
    const run = (t: string) => ids(`Führerschein patente voter Steuernummer ${t}`);
    const time = (t: string) => fastestMs(3, () => run(t));
    run(small);
    const tSmall = time(small);
    const tBig = time(big);
    // Four times the text: ~4x when linear, ~16x when quadratic.
    expect(tBig).toBeLessThan(Math.max(80, tSmall * 10));
  });
  it('reads MRZ blocks, in lines or inline, even OCR-garbled', () => {
    const td3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
    const [block] = ids(`my passport:\n${td3}\nthanks`);
    expect(block!.text).toBe(td3);
    expect(block!.scheme).toBe('mrz');
    expect(ids(`code ${td3.replace('\n', ' ')} ok`)[0]!.text).toBe(td3.replace('\n', ' '));
    const garbled = 'IDCHEA1234567<6<<<<<<<<<<<<<<<\n7SIOZSGMZOO90IBCHE<<<<<<<<<<<B\n5M1TH<<J0HN<AL8ERT<<<<<<<<<<<<';
    expect(ids(garbled)[0]!.scheme).toBe('mrz');
    expect(ids('<<<< best product >>>> 10/10')).toEqual([]);
  });
});

describe('government ID: personal data round 12', () => {
  it('a Canadian SIN in the government sample\'s 0 series, named, spaced or grouped', () => {
    expect(schemes("It carried over my SIN from last year's file (0 4 6 - 4 5 4 - 8 4 9) so", 'en').map((x) => x[1])).toEqual(['ca_sin']);
    expect(schemes('my SIN 046-454-849', 'en')).toEqual([['046-454-849', 'ca_sin']]);
    expect(schemes('my SIN 046-454-848', 'en')).toEqual([]);
    // Unnamed, the government's sample is no one's SIN (Presidio's suite holds it as a negative).
    expect(schemes('046 454 286', 'en')).toEqual([]);
  });
  it('Cyrillic look-alike capitals in a Polish ID card series are read as Latin', () => {
    expect(schemes('Tak, spisali mi numer dowodu АYЕ 332918 na kartce.', 'pl')).toEqual([['АYЕ 332918', 'pl_id_card']]);
    // Without a word naming an ID, a code of that shape is nobody's document.
    expect(schemes('Kod rabatowy АYЕ 332918 zadziałał.', 'pl')).toEqual([]);
  });
});

describe('government ID: personal data round 15 (dotted Spanish numbers, the French tax number)', () => {
  it('reads a DNI and a NIE grouped by dots, with their check letters', () => {
    expect(schemes('mi DNI es 12.345.678-Z', 'es')).toEqual([['12.345.678-Z', 'es_dni']]);
    expect(schemes('puse 48 392 715-W en el formulario de aduanas, DNI', 'es')).toEqual([['48 392 715-W', 'es_dni']]);
    expect(schemes('Pedido 48 392 715-A listo', 'es')).toEqual([]);
    expect(schemes('lo escribí así Y.441.820.3-D, raro el formulario', 'es')).toEqual([['Y.441.820.3-D', 'es_nie']]);
    // A wrong check letter, a version or a weight: nothing.
    expect(schemes('mi DNI es 12.345.678-A', 'es')).toEqual([]);
    expect(schemes('pesa 12.345.678 g, versión 1.234.567-A', 'es')).toEqual([]);
  });
  it('reads the French tax number (SPI) only where its word names it', () => {
    expect(schemes("il fallait mon numéro fiscal, 30 21 453 768 193, et la facture", 'fr')).toEqual([['30 21 453 768 193', 'fr_spi']]);
    expect(schemes('Commande 30 21 453 768 193 reçue.', 'fr')).toEqual([]);
    // The check is the first ten digits mod 511: one digit off, nothing.
    expect(schemes('mon numéro fiscal 30 21 453 768 194', 'fr')).toEqual([]);
  });
});

describe('government ID: mixed round 13, personal data round 16', () => {
  it('a CPF in its own format beside its word outweighs a nearer "encomenda"', () => {
    expect(schemes('A Receita pediu meu CPF pra liberar a encomenda, coloquei 617.284.093-22 no cadastro.', 'pt')).toEqual([['617.284.093-22', 'br_cpf']]);
    expect(schemes('Número da encomenda 617.284.093-22, chegou rápido', 'pt')).toEqual([]);
  });
  it('"Серия 45 12. Номер 738196": the series and number words inside the match outweigh a parcel before it', () => {
    expect(schemes('Таможня запросила паспорт для посылки. Серия 45 12. Номер 738196. Отправила через форму', 'ru')).toEqual([['Серия 45 12. Номер 738196', 'ru_passport']]);
    expect(schemes('Номер посылки 4512 738196, пришла за неделю', 'ru')).toEqual([]);
  });
});

describe('government ID: personal data round 17 (numbers in parts, a dictated Ukrainian passport)', () => {
  it.each([
    ['ru', 'Продавец зачем-то просил ИНН для чека. Начало 7707 0304. Конец 8352. Товар пришёл', 'ru_inn'],
    ['fr', 'Le livreur voulait mon numéro national. Début : 85.03.14. Fin : 593-17. Bizarre mais bon', 'be_nrn'],
    ['pl', 'Mnie też pytali o PESEL. Podałem pierwsze cyfry 880223. Resztę 02889 dopisałem w uwagach.', 'pl_pesel'],
    ['uk', "Кур'єр вимагав дані паспорта, продиктувала серію КВ і номер п'ять один вісім два чотири чотири.", 'ua_passport'],
  ])('%s', (lang, text, scheme) => {
    expect(schemes(text, lang).map(([, s]) => s)).toEqual([scheme]);
  });
  it('a licence key\'s own letters are no parts: its harmless label still holds', () => {
    expect(schemes('license key MX4829160Q did not activate, had to contact support', 'en')).toEqual([]);
  });
});

describe('government ID: a CPF given in two parts (personal data round 7)', () => {
  it('parts that fail the check are no ID', () => {
    expect(schemes('Os primeiros números do pedido são 600.070. O final é 561-18.', 'pt')).toEqual([]);
  });
  it('"Os primeiros números são 600.070. O final é 561-17"', () => {
    expect(schemes('Tive que passar o CPF pra transportadora três vezes. Os primeiros números são 600.070. O final é 561-17, e mesmo assim disseram que não batia.', 'pt').map(([, s]) => s)).toEqual(['br_cpf']);
  });
});

describe('government IDs: a NIE with spaced dashes (personal data round 20)', () => {
  it('reads "Y - 3846 - 217 - X" as the NIE it is, and not one whose letter fails', () => {
    expect(schemes('me pidieron el NIE, lo puse así: Y - 3846 - 217 - X. ¿Está bien?', 'es')).toEqual([['Y - 3846 - 217 - X', 'es_nie']]);
    expect(schemes('me pidieron el NIE, lo puse así: Y - 3846 - 217 - B. ¿Está bien?', 'es')).toEqual([]);
  });
});
