import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT } from '../local/system.js';
import { createScanner } from '../scanner/scan.js';

/**
 * Media scan times for `npm run bench`: 1-megapixel photos end to end on one OCR slot (the
 * scanner runs one scan at a time per slot), with the breakdown, and clean photos the pre-filter
 * rejects. Inputs are the project's own fixtures scaled to 1 MP, so runs are comparable.
 */
const ONE_MP = { document: 'images/passport-uto-01.jpg', card: 'images/card-visa-01.jpg', label: 'images/parcel-en-01.jpg' };
const CLEAN = readdirSync(join(ROOT, 'fixtures', 'images')).filter((f) => /^clean-/.test(f)).sort().map((f) => `images/${f}`);

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, max: s.at(-1)!, n: s.length };
}

async function toOneMegapixel(file: string): Promise<Uint8Array> {
  const img = sharp(readFileSync(join(ROOT, 'fixtures', file)));
  const { width = 1, height = 1 } = await img.metadata();
  const k = Math.sqrt(1_000_000 / (width * height));
  return new Uint8Array(await img.resize(Math.round(width * k), Math.round(height * k)).jpeg({ quality: 90 }).toBuffer());
}

export async function benchMedia(opts: { quick?: boolean } = {}) {
  const scanner = createScanner({ workers: 1, log: () => {} });
  await scanner.ready;
  const rounds = opts.quick ? 2 : 4;
  try {
    const out: Record<string, unknown> = {};
    for (const [name, file] of Object.entries(ONE_MP)) {
      const bytes = await toOneMegapixel(file);
      await scanner.scan(bytes, { mediaId: 'warm' });
      const total: number[] = [];
      const parts: Record<string, number[]> = { decodeMs: [], prefilterMs: [], ocrMs: [], detectMs: [], redactMs: [] };
      let types: string[] = [];
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        const r = await scanner.scan(bytes, { mediaId: name });
        total.push(performance.now() - t0);
        for (const k of Object.keys(parts)) parts[k]!.push(r.timings[k as keyof typeof r.timings]);
        types = r.findings.map((f) => f.type);
      }
      out[`1MP ${name}`] = { totalMs: stats(total), breakdownMedianMs: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, stats(v).median])), found: [...new Set(types)] };
    }
    const rejected: number[] = [];
    for (const file of CLEAN) {
      const bytes = await toOneMegapixel(file);
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        const r = await scanner.scan(bytes, { mediaId: 'clean' });
        if (r.trace.prefilter?.hasText === false) rejected.push(performance.now() - t0);
      }
    }
    out['clean photo rejected by the pre-filter'] = rejected.length ? { totalMs: stats(rejected) } : { note: 'no clean fixture was rejected by the pre-filter' };
    return out;
  } finally {
    await scanner.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchMedia({ quick: process.argv.includes('--quick') }), null, 1));
  process.exit(0);
}
