import { parse as parseMrz } from 'mrz';
import { eanValid, icaoCheck, isDummyNumber, iso7064Mod11_10, luhn, validDate, verhoeff, weighted } from './checksums.js';
import { type Claim, type NumberCtx, type Window, NEGATIVE_BEFORE, NEGATIVE_BEFORE_STRONG, closestLabel, cyrillicCapsTest, labelDistance, labelledHarmless, latinCaps, letterTouches, looksLikeAmount, near, partedByWords } from './numbers.js';
import type { Found } from './bank-account.js';
import { digitClusters } from '../../normalize.js';

/**
 * Government identifiers: passports, national IDs, tax and social-security numbers, MRZ lines.
 * Every scheme is a row below: how it is written, how it is checked, and how strong that check
 * is. A strong check (two check digits, or a date plus a check digit) is enough on its own; a
 * weak one (a single check digit, or none) needs a context word from data/government-id.json
 * ("PESEL", "паспорт", "SSN") or a format only that scheme uses ("123.456.789-09").
 */

export const GOV_ID_CONFIDENCE = {
  /** a valid MRZ (the mrz parser accepts every check digit) */
  mrzValid: 0.99,
  /** MRZ-shaped lines (right lengths, "<" fillers) the parser rejects or OCR garbled */
  mrzShape: 0.9,
  /** checksum passes and a context word names the scheme or an ID */
  checksumContext: 0.97,
  /** strong checksum in the scheme's own format ("123.456.789-09") */
  checksumFormat: 0.93,
  /** strong checksum alone */
  checksum: 0.85,
  /** format only this scheme uses, no check digit to test ("078-05-1123", "960121-1234567") */
  formatOnly: 0.8,
  /** weak check (one check digit) in the scheme's format, no context word */
  weakChecksumFormat: 0.72,
  /** no check digit at all; format plus a context word ("паспорт 45 07 123456") */
  formatContext: 0.85,
  /** the same with the scheme's word right before the number ("паспорт 45 07 123456") */
  formatLabelled: 0.9,
} as const;

type Strength = 'strong' | 'weak' | 'none';

interface NumericScheme {
  id: string;
  lengths: readonly number[];
  strength: Strength;
  check: (d: string) => boolean;
  /** the scheme's own way of writing it, tested on the group lengths joined by "-" */
  format?: RegExp;
  /** separators the format needs ("." and "-" for CPF); default any */
  formatSeps?: RegExp;
  /** only the scheme's own word labels it: a generic "ID" or "tax id" is not enough */
  ownWordOnly?: boolean;
  /** only with the scheme's word right before it (short numbers: "DNI 35.812.406") */
  labelOnly?: boolean;
}

const num = (d: string, i: number, len = 1) => Number(d.slice(i, i + len));

// --- check functions ----------------------------------------------------------------------

function innCheck(d: string): boolean {
  const c = (w: number[], from = 0) => (weighted(d, w, from) % 11) % 10;
  if (d.length === 10) return c([2, 4, 10, 3, 5, 9, 4, 6, 8]) === num(d, 9);
  return c([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === num(d, 10) && c([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === num(d, 11);
}
/** KZ IIN: birth date YYMMDD, century and sex 1-6, then a mod-11 check over weights 1..11, or 3..11,1,2 when the first gives 10. */
function kzIinCheck(d: string): boolean {
  const month = num(d, 2, 2);
  const day = num(d, 4, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || num(d, 6) < 1 || num(d, 6) > 6) return false;
  let c = weighted(d, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
  if (c === 10) c = weighted(d, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
  return c !== 10 && c === num(d, 11);
}
function snilsCheck(d: string): boolean {
  if (Number(d.slice(0, 9)) <= 1001998) return false; // checks start above 001-001-998
  let s = 0;
  for (let i = 0; i < 9; i++) s += num(d, i) * (9 - i);
  const c = s < 100 ? s : s % 101 === 100 ? 0 : s % 101;
  return c === num(d, 9, 2);
}
function uaRnokppCheck(d: string): boolean {
  return ((weighted(d, [-1, 5, 7, 9, 4, 6, 10, 5, 7]) % 11) + 11) % 11 % 10 === num(d, 9);
}
function uaUnzrCheck(d: string): boolean {
  const y = num(d, 0, 4), m = num(d, 4, 2), dd = num(d, 6, 2);
  if (y < 1900 || y > 2099 || !validDate(y, m, dd)) return false;
  return weighted(d, [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]) % 10 === num(d, 12);
}
function cpfCheck(d: string): boolean {
  if (/^(\d)\1{10}$/.test(d)) return false;
  const dv = (len: number) => { let s = 0; for (let i = 0; i < len; i++) s += num(d, i) * (len + 1 - i); const r = (s * 10) % 11; return r === 10 ? 0 : r; };
  return dv(9) === num(d, 9) && dv(10) === num(d, 10);
}
/** Brazilian PIS/PASEP/NIS: weights 3,2,9,8,7,6,5,4,3,2, mod 11 (10 and 11 give 0). */
function pisCheck(d: string): boolean {
  if (/^(\d)\1{10}$/.test(d)) return false;
  const r = 11 - (weighted(d, [3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (r >= 10 ? 0 : r) === num(d, 10);
}
function peselCheck(d: string): boolean {
  const m = num(d, 2, 2) % 20, day = num(d, 4, 2);
  if (!validDate(num(d, 0, 2), m, day)) return false;
  return (10 - (weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10 === num(d, 10);
}
function nipCheck(d: string): boolean {
  const r = weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return r !== 10 && r === num(d, 9);
}
/** PT NIF: the first digit says who holds it; mod 11 over weights 9..2, 10 and 11 give 0. */
function ptNifCheck(d: string): boolean {
  if (!'1235689'.includes(d[0]!) && !['45', '70', '71', '72', '74', '75', '77', '79'].includes(d.slice(0, 2))) return false;
  const r = 11 - (weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (r >= 10 ? 0 : r) === num(d, 8);
}
/** Mexican CURP: 17 characters weighted 18..2 over 0-9, A-N, Ñ, O-Z (values 0..36); check = (10 - sum mod 10) mod 10. */
const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
function curpCheck(id: string): boolean {
  const s = id.toUpperCase();
  if (!validDate(Number(s.slice(4, 6)), Number(s.slice(6, 8)), Number(s.slice(8, 10)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) { const v = CURP_CHARS.indexOf(s[i]!); if (v < 0) return false; sum += v * (18 - i); }
  return (10 - (sum % 10)) % 10 === Number(s[17]);
}
/** Belgian national number: birth date, serial, then 97 - (first nine mod 97); born since 2000 with a leading 2. */
function beNrnCheck(d: string): boolean {
  const mm = num(d, 2, 2), dd = num(d, 4, 2);
  if (mm > 12 || dd > 31) return false;
  const body = Number(d.slice(0, 9)), check = num(d, 9, 2);
  return 97 - (body % 97) === check || 97 - ((2000000000 + body) % 97) === check;
}
/** Portuguese citizen card: civil number, its check digit, two letters and a final check, Luhn-like over values 0-35. */
function ptCcCheck(id: string): boolean {
  const s = id.replace(/ /g, '').toUpperCase();
  let sum = 0;
  for (let i = s.length - 1, second = false; i >= 0; i--, second = !second) {
    const c = s.charCodeAt(i);
    let v = c >= 65 ? c - 55 : c - 48;
    if (second) { v *= 2; if (v > 9) v -= 9; }
    sum += v;
  }
  return sum % 10 === 0;
}
/** Chilean RUT/RUN: modulus 11 over the body read from the right with weights 2..7; 11 → 0, 10 → K. */
function clRutDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i--, w = w === 7 ? 2 : w + 1) sum += num(body, i) * w;
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'K' : String(r);
}
function clRutCheck(d: string): boolean {
  return d[0] !== '0' && clRutDigit(d.slice(0, -1)) === d[d.length - 1];
}
/** Argentine CUIT/CUIL: a type prefix, the DNI, and a modulus-11 check digit (a remainder of 10 is never issued). */
const AR_CUIT_TYPES = new Set(['20', '23', '24', '27', '30', '33', '34']);
function arCuitCheck(d: string): boolean {
  if (!AR_CUIT_TYPES.has(d.slice(0, 2))) return false;
  const r = 11 - (weighted(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return r !== 10 && (r === 11 ? 0 : r) === num(d, 10);
}
function frNirCheck(d: string): boolean {
  const sex = num(d, 0), month = num(d, 3, 2);
  if (![1, 2, 3, 7, 8].includes(sex) || !((month >= 1 && month <= 12) || month >= 20)) return false;
  return 97n - (BigInt(d.slice(0, 13)) % 97n) === BigInt(d.slice(13));
}
/** French tax number (SPI, "numéro fiscal"): first digit 0-3, the last three = the first ten mod 511. */
function frSpiCheck(d: string): boolean {
  return num(d, 0) <= 3 && Number(d.slice(0, 10)) % 511 === Number(d.slice(10));
}
function ssnRules(d: string): boolean {
  const area = num(d, 0, 3), group = num(d, 3, 2), serial = num(d, 5, 4);
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  return !['078051120', '219099999', '457555462', '123456789'].includes(d);
}
function itinRules(d: string): boolean {
  const g = num(d, 3, 2);
  return d[0] === '9' && ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99));
}
function krRrnShape(d: string, genders: string): boolean {
  return genders.includes(d[6]!) && validDate(num(d, 0, 2), num(d, 2, 2), num(d, 4, 2));
}
function krRrnCheck(d: string, genders: string): boolean {
  if (!krRrnShape(d, genders)) return false;
  const s = weighted(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]);
  // Residents: (11 − s mod 11) mod 10; foreigners registered before 2020: (13 − s mod 11) mod 10.
  const resident = (11 - (s % 11)) % 10;
  const foreign = (13 - (s % 11)) % 10;
  return num(d, 12) === (genders.includes('5') ? foreign : resident);
}
function krDriverCheck(d: string): boolean {
  const region = num(d, 0, 2);
  return region >= 11 && region <= 28;
}
function tcknCheck(d: string): boolean {
  if (d[0] === '0') return false;
  const odd = num(d, 0) + num(d, 2) + num(d, 4) + num(d, 6) + num(d, 8);
  const even = num(d, 1) + num(d, 3) + num(d, 5) + num(d, 7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== num(d, 9)) return false;
  let s = 0;
  for (let i = 0; i < 10; i++) s += num(d, i);
  return s % 10 === num(d, 10);
}
// Thai provinces that exist (digits 2–3 of the national ID).
const TH_PROVINCE = /^(?:1[0-9]|2[0-7]|3[0-9]|4[0-9]|5[0-8]|6[0-7]|7[0-7]|8[0-6]|9[0-6])$/;
function thCheck(d: string): boolean {
  if (d[0] === '0' || d[0] === '9' || !TH_PROVINCE.test(d.slice(1, 3))) return false;
  let s = 0;
  for (let i = 0; i < 12; i++) s += num(d, i) * (13 - i);
  return (11 - (s % 11)) % 10 === num(d, 12);
}
function zaCheck(d: string): boolean {
  return validDate(num(d, 0, 2), num(d, 2, 2), num(d, 4, 2)) && d[10]! <= '2' && luhn(d);
}
function sePnrCheck(d: string): boolean {
  const ten = d.length === 12 ? d.slice(2) : d;
  if (d.length === 12 && !['18', '19', '20'].includes(d.slice(0, 2))) return false;
  const day = num(ten, 4, 2);
  return validDate(num(ten, 0, 2), num(ten, 2, 2), day > 60 ? day - 60 : day) && luhn(ten);
}
function aadhaarCheck(d: string): boolean {
  return d[0] !== '0' && d[0] !== '1' && verhoeff(d) && d !== d.split('').reverse().join('');
}
function caSinCheck(d: string): boolean {
  return d[0] !== '0' && d[0] !== '8' && luhn(d);
}
function auTfnCheck(d: string): boolean {
  return weighted(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}
function auMedicareCheck(d: string): boolean {
  return d[0]! >= '2' && d[0]! <= '6' && weighted(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === num(d, 8);
}
function nhsCheck(d: string): boolean {
  const r = 11 - (weighted(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  const c = r === 11 ? 0 : r;
  return c !== 10 && c === num(d, 9);
}
function deTaxIdDigit(d: string): boolean {
  return d[0] !== '0' && iso7064Mod11_10(d);
}
function deTaxIdCheck(d: string): boolean {
  if (!deTaxIdDigit(d)) return false;
  // Issued numbers: exactly one digit of the first ten repeats (twice or three times).
  let seen = 0, twice = 0, more = 0;
  for (let i = 0; i < 10; i++) {
    const bit = 1 << num(d, i);
    if (more & bit) return false; // a fourth time
    if (twice & bit) more |= bit;
    else if (seen & bit) twice |= bit;
    else seen |= bit;
  }
  return twice !== 0 && (twice & (twice - 1)) === 0;
}

// --- the numeric table ----------------------------------------------------------------------

const NUMERIC: readonly NumericScheme[] = [
  { id: 'br_cpf', lengths: [11], strength: 'strong', check: cpfCheck, format: /^3-3-3-2$/ },
  // One check digit over eleven: one number in eleven passes, so only with its word ("PIS 128.47365.91-7").
  { id: 'br_pis', lengths: [11], strength: 'weak', check: pisCheck, format: /^3-5-2-1$/, ownWordOnly: true },
  { id: 'ru_snils', lengths: [11], strength: 'strong', check: snilsCheck, format: /^3-3-3-2$/ },
  { id: 'ru_inn', lengths: [12], strength: 'strong', check: innCheck },
  // Kazakhstan's IIN shares the Russian INN's length and has one check digit: only its own word
  // names it ("ИИН: 890412…").
  { id: 'kz_iin', lengths: [12], strength: 'weak', check: kzIinCheck, ownWordOnly: true },
  { id: 'ru_inn', lengths: [10], strength: 'weak', check: innCheck },
  { id: 'ru_passport', lengths: [10], strength: 'none', check: (d) => d.slice(0, 2) !== '00', format: /^(?:2-2-6|4-6)$/ },
  { id: 'ua_rnokpp', lengths: [10], strength: 'weak', check: uaRnokppCheck },
  { id: 'ua_unzr', lengths: [13], strength: 'strong', check: uaUnzrCheck, format: /^8-5$/ },
  { id: 'ua_id_card', lengths: [9], strength: 'none', check: () => true },
  { id: 'us_passport', lengths: [9], strength: 'none', check: (d) => d[0] !== '0' },
  { id: 'pl_pesel', lengths: [11], strength: 'strong', check: peselCheck },
  { id: 'pl_nip', lengths: [10], strength: 'weak', check: nipCheck, format: /^(?:3-3-2-2|3-2-2-3)$/ },
  // Argentine DNI: 7–8 digits, no check digit, often dotted ("35.812.406"); only right after "DNI".
  { id: 'ar_dni', lengths: [7, 8], strength: 'none', check: (d) => d[0] !== '0', labelOnly: true },
  // One check digit that one 9-digit number in eleven passes: only with its word ("NIF", "contribuinte").
  // ("my tax id 911-89-1234" is an American number that passes by chance.)
  { id: 'pt_nif', lengths: [9], strength: 'weak', check: ptNifCheck, ownWordOnly: true },
  { id: 'fr_nir', lengths: [15], strength: 'strong', check: frNirCheck, format: /^1-2-2-2-3-3-2$/ },
  // One number in 511 passes: only with its word ("numéro fiscal"), never by shape.
  { id: 'fr_spi', lengths: [13], strength: 'weak', check: frSpiCheck, ownWordOnly: true },
  // Swiss AHV/AVS: 756 and an EAN-13 check, written "756.9217.4830.59".
  { id: 'ch_avs', lengths: [13], strength: 'strong', check: (d) => d.startsWith('756') && eanValid(d), format: /^3-4-4-2$/ },
  // Belgian national number "87.09.14-213.93": date, serial, mod-97 check (one number in 97 passes:
  // in its dotted format or with its own words, not a generic "ID").
  { id: 'be_nrn', lengths: [11], strength: 'weak', check: beNrnCheck, format: /^2-2-2-3-2$/, ownWordOnly: true },
  // Chilean RUT/RUN: body and one check digit (one number in eleven passes), usually written
  // "16.482.937-5"; counts in that format or named ("RUT"). A check "K" is read by the letter table.
  { id: 'cl_rut', lengths: [8, 9], strength: 'weak', check: clRutCheck, format: /^(?:1|2)-3-3-1$/ },
  // Argentine CUIT/CUIL "20-35271946-4": one check digit (one number in eleven passes), so in its
  // dashed format or named ("CUIL").
  { id: 'ar_cuit', lengths: [11], strength: 'weak', check: arCuitCheck, format: /^2-8-1$/ },
  { id: 'us_ssn', lengths: [9], strength: 'none', check: ssnRules, format: /^3-2-4$/ },
  { id: 'us_itin', lengths: [9], strength: 'none', check: itinRules, format: /^3-2-4$/ },
  { id: 'kr_rrn', lengths: [13], strength: 'strong', check: (d) => krRrnCheck(d, '1234'), format: /^6-7$/ },
  { id: 'kr_frn', lengths: [13], strength: 'strong', check: (d) => krRrnCheck(d, '5678'), format: /^6-7$/ },
  // Numbers issued since October 2020 have no check digit: date + gender digit in the 6-7 format.
  { id: 'kr_rrn', lengths: [13], strength: 'none', check: (d) => krRrnShape(d, '12345678'), format: /^6-7$/ },
  { id: 'kr_driver', lengths: [12], strength: 'none', check: krDriverCheck, format: /^2-2-6-2$/ },
  { id: 'tr_tckn', lengths: [11], strength: 'strong', check: tcknCheck },
  { id: 'th_tnin', lengths: [13], strength: 'strong', check: thCheck, format: /^1-4-5-2-1$/ },
  { id: 'za_id', lengths: [13], strength: 'strong', check: zaCheck },
  { id: 'se_personnummer', lengths: [10, 12], strength: 'strong', check: sePnrCheck, format: /^(?:6|8)-4$/ },
  { id: 'in_aadhaar', lengths: [12], strength: 'weak', check: aadhaarCheck, format: /^4-4-4$/ },
  { id: 'ng_nin', lengths: [11], strength: 'weak', check: verhoeff },
  { id: 'ca_sin', lengths: [9], strength: 'weak', check: caSinCheck, format: /^3-3-3$/ },
  // The 0 series is not issued, but it is the government's own sample ("046 454 286") and what a
  // buyer copying its shape writes: a SIN only where "SIN" names it ("my SIN (0 4 6 - 4 5 4 - 8 4 9)").
  { id: 'ca_sin', lengths: [9], strength: 'none', check: (d) => d[0] === '0' && luhn(d), format: /^3-3-3$/ },
  { id: 'au_tfn', lengths: [9], strength: 'weak', check: auTfnCheck, format: /^3-3-3$/ },
  { id: 'au_medicare', lengths: [10, 11], strength: 'weak', check: auMedicareCheck, format: /^4-5-1(?:-1)?$/ },
  { id: 'uk_nhs', lengths: [10], strength: 'weak', check: nhsCheck, format: /^3-3-4$/ },
  { id: 'de_tax_id', lengths: [11], strength: 'strong', check: deTaxIdCheck },
  // The check digit alone (a number outside the repetition rule, as in many published samples):
  // only when named ("Steuer-ID: 12345678903").
  { id: 'de_tax_id', lengths: [11], strength: 'weak', check: deTaxIdDigit },
  // Steuernummer: 10–11 digits as the tax office writes it ("123/456/78901": 2/3/5, 3/3/5 or
  // 3/4/4 by state), 12–13 in the federal ELSTER form. Each state has its own check-digit rule and
  // some have none, so it is only reported when named ("Steuernummer", "St.-Nr.").
  { id: 'de_stnr', lengths: [10, 11, 12, 13], strength: 'none', check: () => true, format: /^(?:2-3-5|3-3-5|3-4-4)$/ },
];

// Separators a scheme's own format uses: CPF "123.456.789-09", SNILS "123-456-789 01", RRN "960121-1234567".
const FORMAT_SEPS: Record<string, RegExp> = {
  br_cpf: /^\.\.-$/, br_pis: /^\.\.-$/, ru_snils: /^--\s$/, kr_rrn: /^-$/, kr_frn: /^-$/, ua_unzr: /^-$/, kr_driver: /^---$|^\s\s\s$/,
  us_ssn: /^(--|\s\s|\.\.)$/, us_itin: /^(--|\s\s)$/, in_aadhaar: /^(\s\s|--|::)$/, ca_sin: /^(\s\s|--)$/, au_tfn: /^(\s\s|--)$/,
  se_personnummer: /^-$/, uk_nhs: /^(\s\s|--)$/, au_medicare: /^\s+$/, th_tnin: /^(--|\s{4})$/, fr_nir: /^\s{6}$/,
  ru_passport: /^\s+$/, pl_nip: /^-+$/, de_stnr: /^(\/\/|\s\s)$/, cl_rut: /^\.\.-$/, ar_cuit: /^--$/, ch_avs: /^\.\.\.$/, be_nrn: /^\.\.-\.$/,
};

/**
 * Schemes shorter than 9 digits (Argentine DNI) are read only with their word right before
 * (`labelOnly`); the shortest of them bounds what is looked at at all.
 */
const SHORT_SCHEMES = NUMERIC.filter((s) => s.lengths.some((l) => l < 9)).map((s) => ({ lengths: s.lengths, label: `gov:${s.id}` }));
const MIN_ID_DIGITS = Math.min(9, ...SHORT_SCHEMES.flatMap((s) => s.lengths));
function shortLabelled(c: NumberCtx, w: Window, n: number): boolean {
  for (const s of SHORT_SCHEMES) if (s.lengths.includes(n) && labelDistance(c, w, s.label) <= LABEL_GAP) return true;
  return false;
}

/** How close a scheme's own word must be to label the number directly ("паспорт: 45 07 ..."). */
const LABEL_GAP = 12;

/** Schemes without a check digit whose written format is distinctive enough on its own. */
const FORMAT_ALONE = new Set(['us_ssn', 'us_itin', 'kr_driver', 'kr_rrn']);

function formatOf(w: Window, s: NumericScheme): boolean {
  if (!s.format || !s.format.test(w.groups.join('-'))) return false;
  const seps = w.seps.map((x) => (x === ' ' ? ' ' : x.trim() || ' ')).join('');
  const want = FORMAT_SEPS[s.id];
  return !want || want.test(seps);
}

export function scoreNumericId(w: Window, c: NumberCtx): Claim | null {
  const n = w.digits.length;
  if (w.plus || n < MIN_ID_DIGITS || n > 15) return null;
  // Below 9 digits only a scheme's word right before makes an ID ("DNI 35.812.406"); phones'
  // sub-windows are mostly this short, so they are turned away before any other look-up.
  if (n < 9 && !shortLabelled(c, w, n)) return null;
  const touch = letterTouches(c.norm.text, w.start, w.end);
  if (touch.before || touch.after) return null;
  if (looksLikeAmount(c.norm.text, w.start, w.end) || /^(\d)\1+$/.test(w.digits)) return null;
  // Generic ID words count when they are the closest label, or right after the number.
  const generic = closestLabel(c, w, 'gov') || c.ctx.has('gov', w.end, w.end + 24);
  // "1234567890121": a placeholder unless a strong check says otherwise, or a check digit and the
  // scheme's own word ("NIN: 98765432102"; a plain "SSN 123-45-6780" has no check and stays a placeholder).
  const dummy = isDummyNumber(w.digits);
  let best: Claim | null = null;
  for (const s of NUMERIC) {
    if (!s.lengths.includes(n) || !s.check(w.digits)) continue;
    const own = near(c, w, `gov:${s.id}`);
    if (dummy && (s.strength === 'none' || (s.strength === 'weak' && !own))) continue;
    const formatted = formatOf(w, s);
    // "pediu meu CPF pra liberar a encomenda, coloquei 617.284.093-22": a nearer "order" labels an
    // order number, not a number in the scheme's own format that passes its check beside its word.
    const vouched = s.strength === 'strong' && own && formatted;
    if (!vouched && labelledHarmless(c, w, ['gov', `gov:${s.id}`], s.strength === 'strong' ? NEGATIVE_BEFORE_STRONG : NEGATIVE_BEFORE)) continue;
    const context = own || (generic && !s.ownWordOnly);
    let confidence = 0;
    if (s.strength === 'strong') {
      // Alone, a checksum only counts on one run of digits or in the scheme's own format:
      // "11-22-12345-12" passing the PESEL check is a coincidence of grouping.
      // Spelled out digit by digit ("3 0 5 . 9 8 2 …") is one run written to dodge a filter.
      // Given in parts with words between ("Os primeiros números são 600.070. O final é 561-17"):
      // one number its writer split on purpose, as good as one run.
      const plain = w.groups.length === 1 || (w.groups.length === n && n >= 9) || partedByWords(c.norm.text, w.start, w.end);
      confidence = context ? GOV_ID_CONFIDENCE.checksumContext : formatted ? GOV_ID_CONFIDENCE.checksumFormat : plain ? GOV_ID_CONFIDENCE.checksum : 0;
      // A 13-digit barcode that happens to pass: only with a context word or the scheme's own format.
      if (!context && !formatted && n === 13 && eanValid(w.digits)) confidence = 0;
    } else if (s.strength === 'weak') {
      confidence = context ? GOV_ID_CONFIDENCE.checksumContext : formatted ? GOV_ID_CONFIDENCE.weakChecksumFormat : 0;
    } else {
      // No check digit: the scheme's own words, or a format no one else uses (SSN 3-2-4).
      const labelled = labelDistance(c, w, `gov:${s.id}`) <= LABEL_GAP;
      if (s.labelOnly && !labelled) continue;
      confidence = labelled ? GOV_ID_CONFIDENCE.formatLabelled : own ? GOV_ID_CONFIDENCE.formatContext : formatted && FORMAT_ALONE.has(s.id) ? GOV_ID_CONFIDENCE.formatOnly : 0;
      if ((s.id === 'ua_id_card' || s.id === 'ru_passport') && !own) confidence = generic && formatted ? GOV_ID_CONFIDENCE.formatContext : 0;
    }
    if (confidence > (best?.confidence ?? 0)) best = { type: 'personal_data.government_id', confidence, subtype: s.id };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Alphanumeric schemes: found by their own linear patterns on the normalised text.

interface AlnumScheme {
  id: string;
  /** global, linear; group 1 (if any) is the ID itself */
  re: RegExp;
  strength: Strength;
  check: (id: string) => boolean;
  /**
   * The longest run of ASCII digits every match contains (`\d{7}` → 7). A neighbourhood whose
   * digit runs are all shorter cannot match, so the pattern is not run there: most numbers in
   * reviews are prices, dates and counts of a few digits, and 22 Unicode-aware patterns per
   * number cost more than the rest of the detector.
   */
  run: number;
  /** Likewise the longest run of ASCII letters and digits, for the formats that may have no digit run. */
  word?: number;
  /** How a match that fails `check` still counts (a serial with no check digit of its own), if at all. */
  orElse?: Strength;
  /** The pattern holds the scheme's own words ("серия … номер"): the match names itself. */
  selfLabelled?: boolean;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const clean = (s: string) => s.replace(/[\s.-]/g, '').toUpperCase();

function dniCheck(id: string): boolean {
  const s = clean(id);
  const digits = s.slice(0, -1);
  return DNI_LETTERS[Number(digits) % 23] === s.slice(-1);
}
function nieCheck(id: string): boolean {
  const s = clean(id);
  const lead = 'XYZ'.indexOf(s[0]!);
  return lead >= 0 && DNI_LETTERS[Number(String(lead) + s.slice(1, -1)) % 23] === s.slice(-1);
}
const letterValue = (ch: string) => { const c = ch.charCodeAt(0); return c >= 48 && c <= 57 ? c - 48 : c - 55; };
function plIdCardCheck(id: string): boolean {
  const s = clean(id);
  const w = [7, 3, 1, 0, 7, 3, 1, 7, 3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += letterValue(s[i]!) * w[i]!;
  return sum % 10 === Number(s[3]);
}
function plPassportCheck(id: string): boolean {
  const s = clean(id);
  const w = [7, 3, 0, 1, 7, 3, 1, 7, 3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += letterValue(s[i]!) * w[i]!;
  return sum % 10 === Number(s[2]);
}
const HETU_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
function hetuCheck(id: string): boolean {
  const s = id.toUpperCase();
  if (!validDate(Number(s.slice(4, 6)), Number(s.slice(2, 4)), Number(s.slice(0, 2)))) return false;
  return HETU_CHARS[Number(s.slice(0, 6) + s.slice(7, 10)) % 31] === s[10];
}
// Italian codice fiscale: odd/even position values and the check letter.
const CF_ODD: Record<string, number> = { 0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21, A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23 };
function itFiscalCheck(id: string): boolean {
  const s = id.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = s[i]!;
    sum += i % 2 === 0 ? CF_ODD[ch]! : ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}
function nricCheck(id: string): boolean {
  const s = id.toUpperCase();
  let sum = weighted(s.slice(1, 8), [2, 7, 6, 5, 4, 3, 2]);
  if (s[0] === 'T' || s[0] === 'G') sum += 4;
  if (s[0] === 'M') sum += 3;
  const st = 'JZIHGFEDCBA', fg = 'XWUTRQPNMLK', m = 'XWUTRQPNJLK';
  const table = s[0] === 'S' || s[0] === 'T' ? st : s[0] === 'M' ? m : fg;
  return table[sum % 11] === s[8];
}
function kvnrCheck(id: string): boolean {
  const s = id.toUpperCase();
  const v = String(s.charCodeAt(0) - 64).padStart(2, '0') + s.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) { let p = Number(v[i]) * (i % 2 === 0 ? 1 : 2); if (p > 9) p = Math.floor(p / 10) + (p % 10); sum += p; }
  return sum % 10 === Number(s[9]);
}
function rvnrCheck(id: string): boolean {
  const s = id.toUpperCase();
  if (!validDate(Number(s.slice(6, 8)), Number(s.slice(4, 6)), Number(s.slice(2, 4)))) return false;
  const v = s.slice(0, 8) + String(s.charCodeAt(8) - 64).padStart(2, '0') + s.slice(9, 11);
  const w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) { const p = Number(v[i]) * w[i]!; sum += Math.floor(p / 10) + (p % 10); }
  return sum % 10 === Number(s[11]);
}
function deIdCheck(id: string): boolean {
  const s = id.toUpperCase();
  return icaoCheck(s.slice(0, 8)) === Number(s[8]);
}
function deDriverShape(id: string): boolean {
  let letters = 0, digits = 0;
  for (let i = 0; i < id.length; i++) { const ch = id.charCodeAt(i); if (ch >= 48 && ch <= 57) digits++; else letters++; }
  return letters >= 1 && digits >= 5;
}
function ukDrivingCheck(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^[A-Z]+9*$/.test(s.slice(0, 5))) return false; // surname, padded with 9s
  const m = Number(s.slice(6, 8)) % 50, d = Number(s.slice(8, 10));
  return validDate(0, m, d) && (Number(s[6]) % 5 <= 1);
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const re = (body: string, flags = 'gu') => new RegExp(B + body + E, flags);

// A NINO has no check digit: written as issued ("AB 12 34 56 C") it stands alone; grouped with dots
// or dashes ("TS.71.28.06.D") it reads as any part or build code, and counts only when named.
const NINO_MARKS_RE = /[.-]/;

const ALNUM: readonly AlnumScheme[] = [
  // "12.345.678-Z", "48 392 715-W": the digits may be grouped by dots or spaces, as the card prints them.
  { id: 'es_dni', run: 3, re: re('(\\d{7,8}[ -]?[A-Za-z]|\\d{1,2}\\.\\d{3}\\.\\d{3}-?[A-Za-z]|\\d{1,2} \\d{3} \\d{3}-?[A-Za-z])'), strength: 'strong', check: dniCheck },
  // "Y-284-7193-Z", "Y.441.820.3-D", "Y - 3846 - 217 - X": the seven digits may come in groups,
  // split by spaces, dots or dashes, a dot or dash spaced or not.
  { id: 'es_nie', run: 3, re: re('([XYZxyz](?: ?[.-] ?| )?\\d(?:(?: ?[.-] ?| )?\\d){6}(?: ?[.-] ?| )?[A-Za-z])'), strength: 'strong', check: nieCheck },
  { id: 'es_passport', run: 6, re: re('([A-Z]{3}\\d{6}|[a-z]{3}\\d{6}|[A-Z][a-z][A-Z]\\d{6})'), strength: 'none', check: () => true },
  { id: 'fi_hetu', run: 6, re: re('(\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Ya-y])'), strength: 'strong', check: hetuCheck },
  { id: 'it_fiscal', run: 0, word: 16, re: re('([A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-EHLMPR-Ta-ehlmpr-t][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z])'), strength: 'strong', check: itFiscalCheck },
  // The dotted format with a check "K" is the RUT's alone (the digits-only form is in the numeric table).
  { id: 'cl_rut', run: 3, re: re('(\\d{1,2}\\.\\d{3}\\.\\d{3}-[Kk])'), strength: 'strong', check: (id) => clRutCheck(id.replace(/[.-]/g, '').toUpperCase()) },
  { id: 'mx_curp', run: 6, word: 18, re: re('([A-Za-z]{4}\\d{6}[HMXhmx][A-Za-z]{5}[A-Za-z0-9]\\d)'), strength: 'strong', check: curpCheck },
  // Portuguese citizen card "14829371 9 ZY4": civil number, check, version letters, check.
  { id: 'pt_cc', run: 8, re: re('(\\d{8} ?\\d ?[A-Za-z]{2}\\d)'), strength: 'strong', check: ptCcCheck },
  // Angolan identity card (BI) "004816273LA041": no public check, only when named.
  { id: 'ao_bi', run: 9, re: re('(\\d{9}[A-Z]{2}\\d{3})'), strength: 'none', check: () => true },
  { id: 'sg_nric', run: 7, re: re('([STFGMstfgm]\\d{7}[A-Za-z])'), strength: 'strong', check: nricCheck },
  // The prefix letters may be spaced like the digits ("j t 48 72 19 c").
  { id: 'uk_nino', run: 2, re: re('((?!B ?G|G ?B|N ?K|K ?N|T ?N|N ?T|Z ?Z|b ?g|g ?b|n ?k|k ?n|t ?n|n ?t|z ?z)[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z] ?[A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z][ .\\-]?\\d{2}[ .\\-]?\\d{2}[ .\\-]?\\d{2}[ .\\-]?[A-Da-d])'), strength: 'strong', check: (id) => !NINO_MARKS_RE.test(id), orElse: 'weak' },
  { id: 'uk_driving', run: 6, re: re('([A-Z9]{5}\\d[0156]\\d{4}[A-Z9]{2}\\d[A-Z]{2}|[a-z9]{5}\\d[0156]\\d{4}[a-z9]{2}\\d[a-z]{2})'), strength: 'strong', check: ukDrivingCheck },
  { id: 'us_mbi', run: 1, re: re('([1-9][AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]{2}\\d{2})'), strength: 'strong', check: (s) => /[A-Za-z].*[A-Za-z].*[A-Za-z]/.test(s) },
  { id: 'in_pan', run: 4, re: re('([A-Z]{3}[ABCFGHLJPT][A-Z]\\d{4}[A-Z])'), strength: 'weak', check: () => true },
  { id: 'de_kvnr', run: 9, re: re('([A-Za-z]\\d{9})'), strength: 'weak', check: kvnrCheck },
  { id: 'de_rvnr', run: 8, re: re('(\\d{8}[A-Za-z]\\d{3})'), strength: 'strong', check: rvnrCheck },
  // German ID card and passport serials. The printed serial of current documents has no check
  // digit of its own (it is in the MRZ), so one named by "Ausweis"/"Reisepass" counts without it.
  { id: 'de_id', run: 1, word: 9, re: re('([CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz][CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz0-9]{7}\\d)'), strength: 'weak', check: deIdCheck, orElse: 'none' },
  // German driving licence (EU card): authority code and serial (9), check character (digit or X),
  // issue count. The check's letter values are not published, so only when named ("Führerschein").
  { id: 'de_driver', run: 1, word: 11, re: re('([A-Z0-9]{9}[0-9X][A-Z0-9]|[a-z0-9]{9}[0-9x][a-z0-9])'), strength: 'none', check: deDriverShape },
  // Italian driving licence: "AA0123456B" (paper and older cards) or "U1H00B000C" (cards since 1999); no check.
  { id: 'it_driver', run: 1, word: 10, re: re('([A-Z]{2}\\d{7}[A-Z]|[a-z]{2}\\d{7}[a-z]|U1[A-Z][A-Z0-9]{6}[A-Z]|u1[a-z][a-z0-9]{6}[a-z])'), strength: 'none', check: () => true },
  // Indian voter ID (EPIC): three letters, seven digits; no check.
  { id: 'in_voter', run: 7, re: re('([A-Z]{3}\\d{7}|[a-z]{3}\\d{7})'), strength: 'none', check: () => true },
  { id: 'pl_id_card', run: 6, re: re('([A-Z]{3} ?\\d{6})'), strength: 'weak', check: plIdCardCheck },
  { id: 'pl_passport', run: 7, re: re('([A-Z]{2} ?\\d{7})'), strength: 'weak', check: plPassportCheck },
  { id: 'fr_passport', run: 5, re: re('(\\d{2}[A-Z]{2}\\d{5})'), strength: 'none', check: () => true },
  // "СН 482193", "серія СН номер 4 8 2 1 9 3", "серію КВ і номер п'ять один…" (dictated digits come out of the normaliser spaced).
  { id: 'ua_passport', run: 1, re: re('([А-ЯІЇЄҐ]{2}),? ?(?:(?:і|и|та) )?(?:№ ?|No ?|номер ?)?(\\d(?: ?\\d){5})', 'gu'), strength: 'none', check: () => true },
  // "серия 4509 номер 765432": the words split the number into two clusters, so read it whole here;
  // dictated, its digits are spaced ("серия 45 12 номер 3 4 5 6 7 8").
  { id: 'ru_passport', run: 1, selfLabelled: true, re: new RegExp('(?<![\\p{L}\\p{N}])(?:серия|серии|серию|серія|серії|серію)(?:\\s(?:и|і|та)\\sномер)?\\s{0,2}(\\d\\s?\\d\\s?\\d\\s?\\d)[\\s,.:;]{0,3}(?:номер|№|No\\.?|н\\.)?\\s{0,2}(\\d(?:\\s?\\d){5})(?![\\p{L}\\p{N}])', 'giu'), strength: 'none', check: () => true },
  { id: 'ru_passport_foreign', run: 7, re: re('(\\d{2} ?(?:№ ?|No ?)?\\d{7})'), strength: 'none', check: () => true },
  { id: 'kr_passport', run: 4, re: re('([MSRODGmsrodg]\\d{3}[A-Za-z]\\d{4}|[MSRODmsrod]\\d{8})'), strength: 'none', check: () => true },
  { id: 'us_passport', run: 8, re: re('([A-Z]\\d{8})'), strength: 'none', check: () => true },
  { id: 'uk_passport', run: 7, re: re('([A-Z]{2}\\d{7})'), strength: 'none', check: () => true },
];

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x410 && c <= 0x44f);
}

function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;
}

/** Longest run of ASCII digits (or, with `letters`, ASCII letters and digits) in `s`. */
function longestRun(s: string, letters: boolean): number {
  let best = 0;
  let cur = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (letters && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)));
    if (ok) { if (++cur > best) best = cur; } else cur = 0;
  }
  return best;
}

/** Text around each digit run, widened to whitespace: every alphanumeric ID has a digit, so only these are scanned. */
function digitNeighbourhoods(c: NumberCtx): [number, number][] {
  const text = c.norm.text;
  const out: [number, number][] = [];
  for (const cl of digitClusters(c.norm)) {
    // "12 дней", "5 stars": two digits alone, not glued to letters, are no ID's part.
    if (cl.digits.length < 3 && !isLetterAt(text, cl.start - 1) && !isLetterAt(text, cl.end)) continue;
    let a = Math.max(0, cl.start - 24);
    let b = Math.min(text.length, cl.end + 24);
    while (a > 0 && cl.start - a < 40 && !isSpaceAt(text, a - 1)) a--;
    while (b < text.length && b - cl.end < 40 && !isSpaceAt(text, b)) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

// A Cyrillic look-alike capital beside a Latin capital, or before a digit: one script typed into the other's code.
const CYR_CAP_IN_CODE_RE = cyrillicCapsTest('[X][A-Z]|[A-Z][X]|[X] ?\\d');

export function findAlnumIds(c: NumberCtx): Found[] {
  const text = c.norm.text;
  const out: Found[] = [];
  for (const [from, to] of digitNeighbourhoods(c)) {
    const slice = text.slice(from, to);
    matchSchemes(c, slice, (i) => from + i, out);
    // "АYЕ 332918": Cyrillic look-alike capitals mixed into a Latin code, read again as Latin.
    const latin = latinCaps(slice, CYR_CAP_IN_CODE_RE);
    if (latin !== slice) matchSchemes(c, latin, (i) => from + i, out);
    // Written one character at a time ("Y 3 9 2 8 1 7 4 H", "J T 4 8 2 1 9 3 B"): read again
    // with the gaps closed. Only such runs: spaces between longer groups are the format's own.
    if (!SPACED_PAIR_RE.test(slice)) continue;
    SPACED_CHARS_RE.lastIndex = 0;
    for (let m = SPACED_CHARS_RE.exec(slice); m; m = SPACED_CHARS_RE.exec(slice)) {
      const at: number[] = [];
      let compact = '';
      for (let k = 0; k < m[0].length; k++) {
        const ch = m[0][k]!;
        if (ch !== ' ' && ch !== '-') { compact += ch; at.push(from + m.index + k); }
      }
      at.push(at[at.length - 1]! + 1);
      // One-letter words ("y", "a", "i", "w") may sit at either end of the run: try without them.
      const seen = new Set<string>();
      for (let i = 0; i <= EDGE_WORDS; i++) {
        for (let j = compact.length; j >= compact.length - EDGE_WORDS && j - i >= SPACED_MIN_CHARS; j--) {
          const found: Found[] = [];
          matchSchemes(c, compact.slice(i, j), (k) => at[i + k]!, found);
          for (const f of found) {
            const key = `${f.start}:${f.end}:${f.claim.subtype}`;
            if (!seen.has(key)) { seen.add(key); out.push(f); }
          }
        }
      }
    }
  }
  return out;
}

const EDGE_WORDS = 2;
const SPACED_MIN_CHARS = 7;

// A digit, a space, a digit: the cheap test before looking for a spaced-out run.
const SPACED_PAIR_RE = /\d \d/;
// Seven or more single letters or digits, each apart by a space or dash ("Y 3 9 2 8 1 7 4 H").
const SPACED_CHARS_RE = /(?<![\p{L}\p{N}])[A-Za-z0-9](?:[ -]{1,3}[A-Za-z0-9](?![\p{L}\p{N}])){6,}/gu;

/** The alphanumeric schemes over `str`; `pos(i)` is the text offset of str[i] (pos(str.length): just past the end). */
function matchSchemes(c: NumberCtx, str: string, pos: (i: number) => number, out: Found[]): void {
  const run = longestRun(str, false);
  const word = longestRun(str, true);
  for (const s of ALNUM) {
    if (s.run > run || (s.word ?? 0) > word) continue;
    s.re.lastIndex = 0;
    for (let m = s.re.exec(str); m; m = s.re.exec(str)) {
      const id = m[0];
      const strength = s.check(id) ? s.strength : s.orElse;
      if (!strength) continue;
      const w = { start: pos(m.index), end: pos(m.index + id.length - 1) + 1 };
      // A check letter over a distinctive format (DNI, NIE, hetu) outweighs a nearby "pedido"/"envío".
      // "паспорт для посылки. Серия 45 12. Номер 738196": words inside the match outweigh a parcel before it.
      if (strength !== 'strong' && !s.selfLabelled && labelledHarmless(c, w, ['gov', `gov:${s.id}`])) continue;
      const own = s.selfLabelled || near(c, w, `gov:${s.id}`);
      const context = own || near(c, w, 'gov');
      let confidence = 0;
      if (strength === 'strong') confidence = context ? GOV_ID_CONFIDENCE.checksumContext : GOV_ID_CONFIDENCE.checksum;
      else if (strength === 'weak') confidence = context ? GOV_ID_CONFIDENCE.checksumContext : 0;
      else confidence = own ? GOV_ID_CONFIDENCE.formatContext : 0; // passport-like formats: only when named
      // Indian PAN of a person (4th letter P) is distinctive; other PANs belong to companies.
      if (s.id === 'in_pan' && !context && id[3] === 'P') confidence = GOV_ID_CONFIDENCE.formatOnly;
      if (confidence > 0) out.push({ ...w, claim: { type: 'personal_data.government_id', confidence, subtype: s.id } });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MRZ: the two or three machine-readable lines at the bottom of a passport or ID card.

// An MRZ line: upper-case letters, digits and "<" fillers; OCR may turn "<" into K/L but keeps some.
const MRZ_LINE_RE = /(?<![A-Za-z0-9<])[A-Z0-9<]{9,50}(?![A-Za-z0-9<])/g;
const MRZ_LENGTHS = new Set([30, 36, 44]);

function mrzLike(line: string): boolean {
  const fillers = (line.match(/</g) ?? []).length;
  const digits = (line.match(/\d/g) ?? []).length;
  if (line.length >= 30) return fillers >= 1 && digits >= 1 || /<</.test(line);
  return line.length === 9 && /<</.test(line) && digits >= 1; // Swiss driving licence first line
}

export function findMrz(c: NumberCtx): Found[] {
  const text = c.norm.text;
  if (!text.includes('<')) return [];
  const lines: { start: number; end: number; s: string }[] = [];
  MRZ_LINE_RE.lastIndex = 0;
  for (let m = MRZ_LINE_RE.exec(text); m; m = MRZ_LINE_RE.exec(text)) if (mrzLike(m[0])) lines.push({ start: m.index, end: m.index + m[0].length, s: m[0] });
  const out: Found[] = [];
  let i = 0;
  while (i < lines.length) {
    // Consecutive lines separated only by whitespace form one block (at most 4 lines).
    let j = i + 1;
    while (j < lines.length && j - i < 4 && /^\s+$/.test(text.slice(lines[j - 1]!.end, lines[j]!.start))) j++;
    const block = lines.slice(i, j);
    const lens = block.map((l) => l.s.length);
    const shaped = (block.length >= 2 && lens.filter((l) => l >= 30).length >= 2) || (block.length === 1 && MRZ_LENGTHS.has(lens[0]!) && /<</.test(block[0]!.s) && /^[A-Z0-9][A-Z0-9<]/.test(block[0]!.s));
    if (shaped || block.length >= 2) {
      let confidence: number = GOV_ID_CONFIDENCE.mrzShape;
      try {
        const r = parseMrz(block.map((l) => l.s), { autocorrect: true });
        if (r.valid) confidence = GOV_ID_CONFIDENCE.mrzValid;
      } catch {
        // Not a format the parser knows (or too garbled): the shape alone still says MRZ.
        if (!shaped) confidence = 0;
      }
      if (confidence > 0) out.push({ start: block[0]!.start, end: block[block.length - 1]!.end, claim: { type: 'personal_data.government_id', confidence, subtype: 'mrz' } });
    }
    i = j;
  }
  return out;
}
