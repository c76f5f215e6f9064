/**
 * Evaluates the media scanner on a labelled image set (the peer-suite image format:
 * {"id","file","expect":{"type","action","also"?}} per line, `file` relative to the jsonl).
 *
 *   npx tsx scripts/eval-images.ts fixtures/images.jsonl [more.jsonl ...] [--no-prefilter] [--verbose]
 *
 * `evaluateImages` is exported for `npm run eval`. A prediction of type T counts against an image
 * whose label is another type unless the label allows it (`expect.also`, or personal data read off
 * a card or a document, which is true there too).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import exifr from 'exifr';
import sharp from 'sharp';
import { createScanner, type Scanner, type ScannerOptions } from '../scanner/scan.js';

interface ImageCase { id: string; file: string; expect: { type: string; action: string; also?: string[] } }

export interface TypeScore { type: string; tp: number; fp: number; fn: number; precision: number; recall: number }
export interface ImageEval {
  path: string;
  cases: number;
  perType: TypeScore[];
  /** Images labelled clean whose scan asked to hide them. */
  cleanHidden: string[];
  /** Labelled images whose expected type was not found, and unexpected findings, by id. */
  misses: string[];
  falsePositives: string[];
  /** Images with location metadata whose redacted copy still has GPS tags (or has no copy). */
  gpsNotStripped: string[];
  /** Scan wall time per image (ms): median and p90, and the median of each step. */
  timing: { median: number; p90: number; steps: Record<string, number> };
}

const SCORED: string[] = ['media.payment_card', 'media.identity_document', 'media.personal_data', 'media.location_metadata', 'media.invalid', 'media.video_unscanned'];
const IMPLIED: Record<string, string[]> = {
  'media.payment_card': ['media.personal_data'],
  'media.identity_document': ['media.personal_data'],
};

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0; };
const p90 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]! : 0; };

export async function evaluateImages(jsonlPath: string, opts: { scanner?: Scanner; scannerOptions?: ScannerOptions; verbose?: boolean } = {}): Promise<ImageEval> {
  const dir = dirname(resolve(jsonlPath));
  const cases: ImageCase[] = readFileSync(jsonlPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const scanner = opts.scanner ?? createScanner({ log: () => undefined, ...opts.scannerOptions });
  const counts = new Map(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const out: ImageEval = { path: jsonlPath, cases: cases.length, perType: [], cleanHidden: [], misses: [], falsePositives: [], gpsNotStripped: [], timing: { median: 0, p90: 0, steps: {} } };
  const times: number[] = [];
  const steps: Record<string, number[]> = {};
  try {
    await scanner.ready;
    for (const c of cases) {
      const bytes = readFileSync(join(dir, c.file));
      const t0 = performance.now();
      const r = await scanner.scan(new Uint8Array(bytes), { mediaId: c.id });
      const wall = performance.now() - t0;
      times.push(wall);
      for (const [k, v] of Object.entries(r.timings)) (steps[k] ??= []).push(v);
      const found = new Set<string>(r.findings.map((f) => f.type));
      const allowed = new Set([c.expect.type, ...(c.expect.also ?? []), ...(IMPLIED[c.expect.type] ?? [])]);
      const expected = new Set([c.expect.type, ...(c.expect.also ?? [])]);
      for (const t of SCORED) {
        const k = counts.get(t)!;
        if (expected.has(t) && found.has(t)) k.tp++;
        else if (expected.has(t)) { k.fn++; out.misses.push(`${c.id} (${t})`); }
        else if (found.has(t) && !allowed.has(t)) { k.fp++; out.falsePositives.push(`${c.id} (${t})`); }
      }
      if (c.expect.type === 'clean' && r.findings.some((f) => f.action === 'hide')) out.cleanHidden.push(c.id);
      if (found.has('media.location_metadata')) {
        const gps = r.redacted ? await exifr.gps(Buffer.from(r.redacted)).catch(() => undefined) : 'no copy';
        const m = r.redacted ? await sharp(Buffer.from(r.redacted)).metadata() : undefined;
        const anyMeta = m ? !!(m.exif || m.xmp || m.iptc) : 'no copy';
        if (gps || anyMeta) out.gpsNotStripped.push(c.id);
      }
      if (opts.verbose) {
        console.log(`${c.id.padEnd(28)} ${c.expect.type.padEnd(24)} → ${[...found].join(',') || '-'}  ${Math.round(wall)}ms ${r.trace.passes.join(' ')}${r.trace.prefilter ? ` [cells ${r.trace.prefilter.alignedCells}${r.trace.prefilter.hasText ? '' : ', no OCR'}]` : ''}${opts.verbose && r.findings.length ? ' ' + JSON.stringify(r.findings.map((f) => [f.type.slice(6), f.confidence, f.evidence?.subtype ?? f.evidence?.signals?.join('+')])) : ''}`);
      }
    }
  } finally {
    if (!opts.scanner) await scanner.close();
  }
  for (const [type, k] of counts) {
    if (k.tp + k.fn + k.fp === 0) continue;
    out.perType.push({ type, ...k, precision: k.tp + k.fp ? k.tp / (k.tp + k.fp) : 1, recall: k.tp + k.fn ? k.tp / (k.tp + k.fn) : 1 });
  }
  out.timing = { median: Math.round(median(times)), p90: Math.round(p90(times)), steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(median(v))])) };
  return out;
}

/** What `npm run eval` (scripts/eval.ts) calls per image suite: prints the summary, returns the numbers. */
export async function evalImageSuite(jsonlPath: string): Promise<ImageEval> {
  const e = await evaluateImages(jsonlPath);
  console.log(formatImageEval(e));
  return e;
}

export function formatImageEval(e: ImageEval): string {
  const lines = [`${e.path}: ${e.cases} images`];
  for (const t of e.perType) lines.push(`  ${t.type.padEnd(26)} P=${t.precision.toFixed(2)} R=${t.recall.toFixed(2)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`);
  lines.push(`  clean photos hidden: ${e.cleanHidden.length}${e.cleanHidden.length ? ` (${e.cleanHidden.join(', ')})` : ''}`);
  lines.push(`  location tags left in the redacted copy: ${e.gpsNotStripped.length}${e.gpsNotStripped.length ? ` (${e.gpsNotStripped.join(', ')})` : ''}`);
  if (e.misses.length) lines.push(`  missed: ${e.misses.join(', ')}`);
  if (e.falsePositives.length) lines.push(`  false positives: ${e.falsePositives.join(', ')}`);
  lines.push(`  scan time: median ${e.timing.median} ms, p90 ${e.timing.p90} ms; step medians ${JSON.stringify(e.timing.steps)}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  const scanner = createScanner({ log: () => undefined, ...(args.includes('--no-prefilter') ? { prefilter: false } : {}) });
  try {
    for (const f of files.length ? files : ['fixtures/images.jsonl']) {
      console.log(formatImageEval(await evaluateImages(f, { scanner, verbose: args.includes('--verbose') })));
    }
  } finally {
    await scanner.close();
  }
}
