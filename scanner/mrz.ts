import { parse } from 'mrz';

/**
 * Machine-readable zones (ICAO 9303): finding MRZ-looking lines in OCR output and repairing
 * what OCR gets wrong before the `mrz` parser checks them.
 *
 * OCR errors are systematic: the LSTM model reads the `<` filler as K, L, C or «, and both
 * engines swap O/0, I/1, S/5, B/8, Z/2, G/6 depending on font. Every field of an MRZ is either
 * numeric or alphabetic and most are covered by a check digit, so a misread character can be
 * put right when exactly one of its look-alikes makes the check digit hold.
 */

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';
const LAYOUT: Record<MrzFormat, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

const TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', U: '0', I: '1', L: '1', T: '1', Z: '2', S: '5', G: '6', B: '8', A: '4' };
const TO_ALPHA: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B', '4': 'A' };

const VALUE = (c: string) => (c === '<' ? 0 : c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
export function checkDigit(s: string): string {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += VALUE(s[i]!) * w[i % 3]!;
  return String(sum % 10);
}

/** OCR-line → MRZ alphabet: uppercase, no spaces, filler look-alikes in filler runs become `<`. */
export function cleanMrzLine(raw: string): string {
  const s = raw.toUpperCase().replace(/[\s\u00A0]+/g, '').replace(/[«‹(\[{]/g, '<');
  // In a run of K/L/C/<, everything from the first real `<` on is filler the LSTM misread; the
  // letters before it may be the end of a name (MICHELL<<). Six K/L/C in a row are never a name.
  const fixed = s.replace(/[<KLC]{3,}/g, (run, at: number) => {
    if (/^[KLC]{6,}$/.test(run)) return '<'.repeat(run.length);
    const first = run.indexOf('<');
    if (first < 0) return run;
    const after = s[at + run.length];
    // `<<C` before HRISTOPHE is a separator and a name's first letter, not filler.
    if (after !== undefined && /[A-Z]/.test(after) && run.length - first < 5) return run;
    return run.slice(0, first) + '<'.repeat(run.length - first);
  });
  return fixed.replace(/[^A-Z0-9<]/g, '');
}

/** How much a line looks like an MRZ line: 0 (not at all) .. 1. Cheap, run on every OCR line. */
export function mrzLikeness(raw: string): number {
  const s = raw.toUpperCase().replace(/\s+/g, '');
  if (s.length < 24) return 0;
  const alphabet = (s.match(/[A-Z0-9<]/g)?.length ?? 0) / s.length;
  if (alphabet < 0.85) return 0;
  const fillers = s.match(/</g)?.length ?? 0;
  const fillerRun = /[<KLC]{5,}/.test(s) && fillers >= 2;
  const lowerRatio = (raw.match(/[a-z]/g)?.length ?? 0) / raw.length;
  if (lowerRatio > 0.15) return 0;
  let score = 0;
  if (fillers >= 2) score += 0.35;
  if (fillerRun) score += 0.25;
  if (/^(P[A-Z<]|I[A-Z<]|ID|A[A-Z<]|C[A-Z<]|V[A-Z<])[A-Z<]{3}/.test(s)) score += 0.2;
  if (/\d{6}[0-9<OQ][MF<]\d{6}/.test(s.replace(/[OQD]/g, '0'))) score += 0.3; // birth date, check, sex, expiry
  if (s.length >= 28 && s.length <= 48) score += 0.1;
  if (/\s/.test(raw.trim()) && (raw.trim().match(/\s+/g)?.length ?? 0) > 3) score -= 0.2; // prose has many spaces
  return Math.max(0, Math.min(1, score));
}

interface Field { start: number; end: number; kind: 'num' | 'alpha' | 'any'; check?: number }

/** Field layout per format: which positions are numeric/alphabetic and where each check digit sits. */
function fields(format: MrzFormat): Field[][] {
  switch (format) {
    case 'TD3':
      return [
        [{ start: 0, end: 1, kind: 'alpha' }, { start: 2, end: 5, kind: 'alpha' }, { start: 5, end: 44, kind: 'alpha' }],
        [
          { start: 0, end: 9, kind: 'any', check: 9 }, { start: 9, end: 10, kind: 'num' }, { start: 10, end: 13, kind: 'alpha' },
          { start: 13, end: 19, kind: 'num', check: 19 }, { start: 19, end: 20, kind: 'num' }, { start: 20, end: 21, kind: 'alpha' },
          { start: 21, end: 27, kind: 'num', check: 27 }, { start: 27, end: 28, kind: 'num' }, { start: 28, end: 42, kind: 'any' },
          { start: 43, end: 44, kind: 'num' },
        ],
      ];
    case 'TD2':
      return [
        [{ start: 0, end: 1, kind: 'alpha' }, { start: 2, end: 5, kind: 'alpha' }, { start: 5, end: 36, kind: 'alpha' }],
        [
          { start: 0, end: 9, kind: 'any', check: 9 }, { start: 9, end: 10, kind: 'num' }, { start: 10, end: 13, kind: 'alpha' },
          { start: 13, end: 19, kind: 'num', check: 19 }, { start: 19, end: 20, kind: 'num' }, { start: 20, end: 21, kind: 'alpha' },
          { start: 21, end: 27, kind: 'num', check: 27 }, { start: 27, end: 28, kind: 'num' }, { start: 35, end: 36, kind: 'num' },
        ],
      ];
    case 'TD1':
      return [
        [{ start: 0, end: 1, kind: 'alpha' }, { start: 2, end: 5, kind: 'alpha' }, { start: 5, end: 14, kind: 'any', check: 14 }, { start: 14, end: 15, kind: 'num' }],
        [
          { start: 0, end: 6, kind: 'num', check: 6 }, { start: 6, end: 7, kind: 'num' }, { start: 7, end: 8, kind: 'alpha' },
          { start: 8, end: 14, kind: 'num', check: 14 }, { start: 14, end: 15, kind: 'num' }, { start: 15, end: 18, kind: 'alpha' },
          { start: 29, end: 30, kind: 'num' },
        ],
        [{ start: 0, end: 30, kind: 'alpha' }],
      ];
  }
}

function coerce(ch: string, kind: Field['kind']): string {
  if (ch === '<') return ch;
  if (kind === 'num') return TO_DIGIT[ch] ?? ch;
  if (kind === 'alpha') return TO_ALPHA[ch] ?? ch;
  return ch;
}

const ALTERNATIVES: Record<string, string[]> = {
  '0': ['O', 'D', 'Q'], O: ['0', 'D', 'Q'], D: ['0', 'O'], Q: ['0', 'O'], '1': ['I', 'L', 'T'], I: ['1', 'L'], L: ['1', 'I'],
  '2': ['Z'], Z: ['2'], '5': ['S'], S: ['5'], '6': ['G'], G: ['6'], '8': ['B'], B: ['8'], '4': ['A'], A: ['4'], '<': ['K', 'L', 'C'],
};

/** When a check digit fails, tries every single look-alike swap inside the field (or the digit itself). */
function repairByCheckDigit(line: string, f: Field): string {
  if (f.check === undefined) return line;
  const value = line.slice(f.start, f.end);
  const digit = line[f.check] ?? '';
  if (checkDigit(value) === digit) return line;
  const allowed = f.kind === 'num' ? /[0-9<]/ : f.kind === 'alpha' ? /[A-Z<]/ : /[A-Z0-9<]/;
  for (let i = 0; i < value.length; i++) {
    for (const alt of (ALTERNATIVES[value[i]!] ?? []).filter((a) => allowed.test(a))) {
      const candidate = value.slice(0, i) + alt + value.slice(i + 1);
      if (checkDigit(candidate) === digit) return line.slice(0, f.start) + candidate + line.slice(f.end);
    }
  }
  return line;
}

function fitLength(s: string, length: number): string {
  if (s.length === length) return s;
  // Missing or extra characters are nearly always in a filler run (the LSTM merges or splits
  // `<`s): grow or shrink the longest run, the last one on a tie, which is usually the trailing one.
  let best: { at: number; len: number } | undefined;
  for (const m of s.matchAll(/<{2,}/g)) if (!best || m[0].length >= best.len) best = { at: m.index!, len: m[0].length };
  if (!best) return s.length > length ? s.slice(0, length) : s.padEnd(length, '<');
  const runLen = Math.max(1, best.len + length - s.length);
  const out = s.slice(0, best.at) + '<'.repeat(runLen) + s.slice(best.at + best.len);
  return out.length > length ? out.slice(0, length) : out.padEnd(length, '<');
}

export interface MrzReading {
  format: MrzFormat;
  lines: string[];
  /** Every check digit holds (document number, birth, expiry, composite). */
  valid: boolean;
  checksPassed: number;
  checksTotal: number;
}

/** Guesses the format from the lines' count and lengths; `undefined` when they fit none. */
export function guessFormat(lines: readonly string[]): MrzFormat | undefined {
  const lens = lines.map((l) => l.length);
  const near = (len: number, target: number) => Math.abs(len - target) <= 3;
  if (lines.length >= 3 && lens.slice(-3).every((l) => near(l, 30))) return 'TD1';
  if (lines.length >= 2) {
    const last = lens.slice(-2);
    if (last.every((l) => near(l, 44))) return 'TD3';
    if (last.every((l) => near(l, 36))) return 'TD2';
    if (last.some((l) => l >= 40)) return 'TD3';
  }
  return undefined;
}

/**
 * Repairs and checks candidate MRZ lines. `rawLines` are OCR lines in reading order; the function
 * tries each format that fits and returns the reading with the most passing check digits.
 */
export function readMrz(rawLines: readonly string[]): MrzReading | undefined {
  const cleaned = rawLines.map(cleanMrzLine).filter((l) => l.length >= 20);
  if (cleaned.length < 2) return undefined;
  let best: MrzReading | undefined;
  const formats: MrzFormat[] = ['TD3', 'TD2', 'TD1'];
  for (const format of formats) {
    const { lines: count, length } = LAYOUT[format];
    for (let from = 0; from + count <= cleaned.length; from++) {
      const window = cleaned.slice(from, from + count);
      if (window.some((l) => Math.abs(l.length - length) > 6)) continue;
      // Every real zone has fillers; upper-case prose of the right length has none.
      if (window.join('').split('<').length - 1 < 3) continue;
      const reading = repair(window.map((l) => fitLength(l, length)), format);
      if (!best || reading.checksPassed > best.checksPassed || (reading.checksPassed === best.checksPassed && reading.valid && !best.valid)) best = reading;
    }
  }
  return best;
}

function repair(lines: string[], format: MrzFormat): MrzReading {
  const layout = fields(format);
  const out = lines.map((line, li) => {
    let chars = line.split('');
    for (const f of layout[li] ?? []) for (let i = f.start; i < f.end; i++) chars[i] = coerce(chars[i]!, f.kind);
    let s = chars.join('');
    for (const f of layout[li] ?? []) s = repairByCheckDigit(s, f);
    return s;
  });
  const { passed, total } = countChecks(out, format);
  // The reference parser knows the variants our table does not (TD1 document numbers longer than
  // nine characters spill into the optional field); unknown state codes such as UTO are not errors here.
  let parserValid = false;
  try {
    const r = parse(out, { autocorrect: false });
    parserValid = r.details.every((d) => d.valid || d.field === 'issuingState' || d.field === 'nationality');
  } catch {
    parserValid = false;
  }
  const valid = passed === total || parserValid;
  return { format, lines: out, valid, checksPassed: passed, checksTotal: total };
}

function countChecks(lines: string[], format: MrzFormat): { passed: number; total: number } {
  const checks: [string, string][] = [];
  if (format === 'TD3' || format === 'TD2') {
    const l = lines[1]!;
    checks.push([l.slice(0, 9), l[9]!], [l.slice(13, 19), l[19]!], [l.slice(21, 27), l[27]!]);
    const composite = format === 'TD3'
      ? l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 43)
      : l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 35);
    checks.push([composite, l[format === 'TD3' ? 43 : 35]!]);
  } else {
    const [a, b] = [lines[0]!, lines[1]!];
    checks.push([a.slice(5, 14), a[14]!], [b.slice(0, 6), b[6]!], [b.slice(8, 14), b[14]!]);
    checks.push([a.slice(5, 30) + b.slice(0, 7) + b.slice(8, 15) + b.slice(18, 29), b[29]!]);
  }
  const passed = checks.filter(([v, d]) => checkDigit(v) === d).length;
  return { passed, total: checks.length };
}
