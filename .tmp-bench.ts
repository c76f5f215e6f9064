import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { conductDetectors } from './moderation/detectors/conduct/index.js';
import { extortionDetector } from './moderation/detectors/conduct/extortion.js';
import { incentiveDetector } from './moderation/detectors/conduct/incentive.js';
import { sellerTieDetector } from './moderation/detectors/conduct/seller-tie.js';
import type { Lang, TextDetector } from './moderation/types.js';

const texts = [...readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n'), ...readFileSync('fixtures/text/seller-tie.jsonl', 'utf8').trim().split('\n')]
  .map((l) => JSON.parse(l)).map((c) => ({ t: c.submission.text as string, lang: c.meta.lang as Lang }));
function review(lang: Lang, seed: number): string {
  const pool = texts.filter((x) => x.lang === lang);
  let s = ''; let k = seed;
  while (s.length < 2000) { s += pool[k % pool.length]!.t + ' '; k += 7; }
  return s.slice(0, 2000);
}
const N = 2000;
function bench(name: string, dets: TextDetector[], lang: Lang) {
  const text = review(lang, 3);
  const norms = Array.from({ length: N }, () => normalize(text));
  for (let k = 0; k < 200; k++) for (const d of dets) d({ norm: normalize(text), lang, region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } });
  const times: number[] = [];
  for (const norm of norms) {
    const t0 = performance.now();
    for (const d of dets) d({ norm, lang, region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: [] } });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(12)} ${lang} median ${times[N / 2]!.toFixed(3)} ms  p99 ${times[Math.floor(N * 0.99)]!.toFixed(3)} ms`);
}
for (const lang of ['en', 'ru', 'pl'] as Lang[]) bench('all three', conductDetectors, lang);
bench('extortion', [extortionDetector], 'en');
bench('incentive', [incentiveDetector], 'en');
bench('seller-tie', [sellerTieDetector], 'en');
