import { describe, expect, it } from 'vitest';
import { detectDocumentLayout, findPhrase, foldText, judgeMrz, mrzBands } from './documents.js';
import { readMrz } from './mrz.js';
import { pageFromLines } from './test-pages.js';

describe('detectDocumentLayout', () => {
  it('finds a passport page by title and field labels, in any of the usual languages', () => {
    const en = pageFromLines(['UNITED KINGDOM', 'PASSPORT', 'Surname', 'SMITH', 'Given names', 'JOHN PAUL', 'Date of birth 02.03.1965']);
    expect(detectDocumentLayout([en])?.confidence).toBeGreaterThanOrEqual(0.85);
    const ru = pageFromLines(['ПАСПОРТ', 'Фамилия', 'ИВАНОВ', 'Имя', 'ПЕТР', 'Дата рождения 15.01.1990'], { lang: 'rus' });
    expect(detectDocumentLayout([ru])?.confidence).toBeGreaterThanOrEqual(0.85);
    const fr = pageFromLines(["CARTE NATIONALE D'IDENTITÉ", 'Nom', 'DUPONT', 'Prénoms', 'MARIE', 'Né(e) le 24.10.1979']);
    expect(detectDocumentLayout([fr])).toBeDefined();
  });

  it('tolerates one OCR slip in a long title word', () => {
    expect(findPhrase(foldText('PAsSEPORT / PASSP0RT').split(/[^\p{L}\p{N}']+/u), 'PASSPORT')).toBe(true);
    expect(findPhrase(['PASS'], 'PASSPORT')).toBe(false);
  });

  it('finds a driving licence by its numbered fields', () => {
    const page = pageFromLines(['DRIVING LICENCE', '1. SMITH', '2. JOHN PAUL', '3. 02.03.1965 LONDON', '4a. 15.01.2020 4b. 17.07.2033', '5. 1234 567890']);
    expect(detectDocumentLayout([page])?.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('hard negatives: a passport cover, a perfume called Identity, a travel blog line', () => {
    expect(detectDocumentLayout([pageFromLines(['PASSPORT COVER · GENUINE LEATHER', 'SIZE 10 x 14 cm'])])).toBeUndefined();
    expect(detectDocumentLayout([pageFromLines(['IDENTITY', 'eau de parfum 50 ml'])])).toBeUndefined();
    expect(detectDocumentLayout([pageFromLines(['Do not forget your passport and your ID card', 'for the trip on 12.05.2024'])])).toBeUndefined();
  });
});

describe('judgeMrz', () => {
  const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<LLLLLLKLLLCLLLLL', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
  it('is most confident with valid check digits, and still flags two MRZ-shaped lines', () => {
    const page = pageFromLines(['some header', ...lines]);
    const [band] = mrzBands(page.lines);
    expect(band).toHaveLength(2);
    expect(judgeMrz([readMrz(band!.map((l) => l.text))], band!)).toMatchObject({ confidence: 0.99, evidence: { subtype: 'TD3' } });
    const garbled = pageFromLines(['P<UTOERIKSSON<<ANNA<MARIA<<LLLLLLKLLLCLLLLL', 'L8989O2C36UTQ74O8l22F12O4l59ZE184226B<<<<<<']);
    const [b2] = mrzBands(garbled.lines);
    expect(judgeMrz([undefined], b2!)?.confidence).toBe(0.9);
  });
});
