/**
 * Check-digit algorithms used by the card, bank and identity detectors. Each takes a string of
 * ASCII digits (already stripped of separators) and never throws.
 */

const d = (s: string, i: number) => s.charCodeAt(i) - 48;

export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let v = d(digits, i);
    if (dbl) { v *= 2; if (v > 9) v -= 9; }
    sum += v;
    dbl = !dbl;
  }
  return digits.length > 1 && sum % 10 === 0;
}

/** Weighted sum of the first weights.length digits. */
export function weighted(digits: string, weights: readonly number[], from = 0): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += d(digits, from + i) * weights[i]!;
  return s;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
export function verhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![d(digits, digits.length - 1 - i)]!]!;
  return c === 0;
}

/**
 * ISO 7064 MOD 11,10 (hybrid system, one check digit last): German tax ID (Steuer-IdNr). Unlike
 * a weighted sum it catches every single-digit error and every swap of neighbours.
 */
export function iso7064Mod11_10(digits: string): boolean {
  if (digits.length < 2) return false;
  let p = 10;
  for (let i = 0; i < digits.length - 1; i++) {
    let s = (d(digits, i) + p) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (11 - p) % 10 === d(digits, digits.length - 1);
}

/** EAN-13 / EAN-8 / UPC-A: barcodes printed on every product, a classic false positive. */
export function eanValid(digits: string): boolean {
  if (digits.length !== 13 && digits.length !== 8 && digits.length !== 12) return false;
  let sum = 0;
  const n = digits.length;
  for (let i = 0; i < n - 1; i++) sum += d(digits, n - 2 - i) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === d(digits, n - 1);
}

/** ICAO 9303 check digit over [0-9A-Z<] (MRZ fields, German ID numbers). */
export function icaoCheck(s: string): number {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * w[i % 3]!;
  }
  return sum % 10;
}

/** A plausible calendar date (two-digit year: any century). */
export function validDate(yy: number, mm: number, dd: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]!;
  if (dd > days) return false;
  if (mm === 2 && dd === 29 && yy % 4 !== 0) return false;
  return true;
}

/**
 * Placeholder numbers people type when they mean "some number": one digit repeated, or a straight
 * run from the first digit ("1234567890"). "8 912 345 67 89" is not one: it starts elsewhere.
 */
export function isDummyNumber(digits: string): boolean {
  if (/^(\d)\1+$/.test(digits)) return true;
  let up = 1, down = 1;
  while (up < digits.length && (d(digits, up - 1) + 1) % 10 === d(digits, up)) up++;
  while (down < digits.length && (d(digits, down - 1) + 9) % 10 === d(digits, down)) down++;
  return Math.max(up, down) >= Math.min(8, digits.length);
}
