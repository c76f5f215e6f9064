import type { Box } from '../models/finding.js';
import { unionBox, type OcrLine, type OcrPage } from './ocr-page.js';
import { mrzLikeness, readMrz, type MrzReading } from './mrz.js';

/**
 * Identity documents without a readable MRZ: a document title plus the labelled-field layout
 * every passport, ID card and driving licence shares. A title alone is not enough, because
 * marketplaces sell passport covers and "Identity" perfume; the fields are what a cover lacks.
 */

// Titles, upper-cased, diacritics kept (matching folds them).
const TITLES = [
  'PASSPORT', 'PASSEPORT', 'PASAPORTE', 'PASSAPORTO', 'PASSAPORTE', 'REISEPASS', 'PASZPORT', 'PASPOORT', 'PASS', 'ПАСПОРТ', 'ПАСПАРТ',
  'IDENTITY CARD', 'ID CARD', "CARTE D'IDENTITE", 'CARTE NATIONALE', 'PERSONALAUSWEIS', 'DOCUMENTO NACIONAL DE IDENTIDAD', "CARTA D'IDENTITA",
  'DOWOD OSOBISTY', 'УДОСТОВЕРЕНИЕ ЛИЧНОСТИ', 'RESIDENCE PERMIT', 'TITRE DE SEJOUR', 'AUFENTHALTSTITEL',
  'DRIVING LICENCE', 'DRIVING LICENSE', 'DRIVER LICENSE', "DRIVER'S LICENSE", 'DRIVERS LICENSE', 'FUHRERSCHEIN', 'PERMIS DE CONDUIRE',
  'PERMISO DE CONDUCCION', 'PRAWO JAZDY', 'ВОДИТЕЛЬСКОЕ УДОСТОВЕРЕНИЕ',
];
const FIELD_LABELS = [
  'SURNAME', 'GIVEN NAME', 'GIVEN NAMES', 'NATIONALITY', 'DATE OF BIRTH', 'PLACE OF BIRTH', 'DATE OF ISSUE', 'DATE OF EXPIRY', 'AUTHORITY', 'SEX',
  'NOM', 'PRENOMS', 'NATIONALITE', 'DATE DE NAISSANCE', 'SEXE', "DATE D'EXPIRATION", 'VORNAMEN', 'GEBURTSTAG', 'STAATSANGEHORIGKEIT', 'GESCHLECHT',
  'APELLIDOS', 'NOMBRE', 'NACIONALIDAD', 'FECHA DE NACIMIENTO', 'SEXO', 'NAZWISKO', 'IMIONA', 'OBYWATELSTWO', 'DATA URODZENIA',
  'ФАМИЛИЯ', 'ИМЯ', 'ОТЧЕСТВО', 'ДАТА РОЖДЕНИЯ', 'МЕСТО РОЖДЕНИЯ', 'ПОЛ', 'ГРАЖДАНСТВО', 'ДАТА ВЫДАЧИ', 'КЕМ ВЫДАН',
];
const DATE = /(?:^|[^0-9])(0[1-9]|[12][0-9]|3[01])[./ -](0[1-9]|1[0-2]|[A-Z]{3})[./ -](19|20)?[0-9]{2}(?![0-9])/g;
// EU/UK licence layout: the numbered fields 1. 2. 3. 4a. 4b. 4c. 5. 9.
// [ \t] rather than \s: \s would also eat newlines and make a run of blank lines quadratic.
const LICENCE_FIELD = /(?:^|\n)[ \t]*(?:1|2|3|4[abcd]|5|8|9)\.[ \t]*\S/g;

/** Upper-case, accents folded, punctuation kept: "Prénoms" → "PRENOMS", "Führerschein" → "FUHRERSCHEIN". */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`´]/g, "'").toUpperCase();
}

function levenshteinAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0, j = 0, edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Whole-word phrase match; single words of 7+ letters tolerate one OCR edit (PAsSEPORT, PASSP0RT). */
export function findPhrase(words: readonly string[], phrase: string): boolean {
  const parts = foldText(phrase).split(/\s+/);
  for (let i = 0; i + parts.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < parts.length && ok; k++) {
      const w = words[i + k]!, p = parts[k]!;
      ok = w === p || (p.length >= 7 && levenshteinAtMostOne(w, p));
    }
    if (ok) return true;
  }
  return false;
}

const wordsOf = (text: string) => foldText(text).split(/[^\p{L}\p{N}']+/u).filter(Boolean);

export interface DocumentDetection {
  confidence: number;
  box?: Box;
  evidence: { signals: string[]; subtype?: string };
  mrz?: MrzReading;
}

/** MRZ-looking lines grouped into vertical bands (consecutive lines of similar height and width). */
export function mrzBands(lines: readonly OcrLine[], minLikeness = 0.5): OcrLine[][] {
  const candidates = lines.filter((l) => mrzLikeness(l.text) >= minLikeness).sort((a, b) => a.box.y - b.box.y);
  const bands: OcrLine[][] = [];
  for (const line of candidates) {
    const band = bands[bands.length - 1];
    const last = band?.[band.length - 1];
    if (band && last && line.box.y - (last.box.y + last.box.height) < last.box.height * 2.5 && band.length < 3) band.push(line);
    else bands.push([line]);
  }
  return bands;
}

export function detectDocumentLayout(pages: readonly OcrPage[]): DocumentDetection | undefined {
  let best: DocumentDetection | undefined;
  for (const page of pages) {
    const words = wordsOf(page.text);
    const titles = TITLES.filter((t) => t !== 'PASS' && findPhrase(words, t));
    // "PASS" alone is a Scandinavian/German title but also an English word: only with another title or the fields.
    const labels = FIELD_LABELS.filter((l) => findPhrase(words, l));
    const dates = [...foldText(page.text).matchAll(DATE)].length;
    const licenceFields = [...page.text.matchAll(LICENCE_FIELD)].length;
    const signals = [...titles.map((t) => `title:${t}`), ...(labels.length ? [`labels:${labels.length}`] : []), ...(dates ? [`dates:${dates}`] : []), ...(licenceFields >= 3 ? ['licence-fields'] : [])];
    let confidence = 0;
    if (titles.length && (labels.length >= 2 || (labels.length >= 1 && dates >= 2) || licenceFields >= 4)) confidence = 0.88;
    else if (titles.length && licenceFields >= 3 && dates >= 1) confidence = 0.85;
    else if (labels.length >= 3 && dates >= 2) confidence = 0.8;
    if (confidence > 0 && (!best || confidence > best.confidence)) {
      best = { confidence, box: unionBox(page.lines.map((l) => l.box)), evidence: { signals } };
    }
  }
  return best;
}

/** Judges one MRZ band read by OCR (LSTM lines and, when available, the legacy engine's lines). */
export function judgeMrz(readings: (MrzReading | undefined)[], band: readonly OcrLine[]): DocumentDetection | undefined {
  const valid = readings.find((r) => r?.valid);
  const box = unionBox(band.map((l) => l.box));
  if (valid) return { confidence: 0.99, box, mrz: valid, evidence: { signals: ['mrz', 'mrz-check-digits'], subtype: valid.format } };
  const partial = readings.filter((r): r is MrzReading => !!r).sort((a, b) => b.checksPassed - a.checksPassed)[0];
  if (partial && partial.checksPassed >= 2) return { confidence: 0.95, box, mrz: partial, evidence: { signals: ['mrz', `mrz-checks:${partial.checksPassed}/${partial.checksTotal}`], subtype: partial.format } };
  // Two or three MRZ-looking lines stacked are an MRZ even when OCR mangled the digits.
  const strong = band.filter((l) => mrzLikeness(l.text) >= 0.6).length;
  if (band.length >= 2 && strong >= 1) return { confidence: 0.9, box, evidence: { signals: ['mrz-shape'] } };
  // A single long line that starts like a document line (P<UTO..., I<FRA..., IDD<<...).
  const line = band[0]!;
  if (band.length === 1 && mrzLikeness(line.text) >= 0.8 && line.text.replace(/\s/g, '').length >= 30) return { confidence: 0.85, box, evidence: { signals: ['mrz-line'] } };
  return undefined;
}

export { readMrz };
