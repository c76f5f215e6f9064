import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { conductDetectors } from './moderation/detectors/conduct/index.js';
import type { Lang } from './moderation/types.js';
const all = [...readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n'), ...readFileSync('fixtures/text/seller-tie.jsonl', 'utf8').trim().split('\n')].map((l) => JSON.parse(l));
function review(lang: string) { const p = all.filter((c) => c.meta.lang === lang).map((c) => c.submission.text); let s = ''; let k = 3; while (s.length < 2000) { s += p[k % p.length] + ' '; k += 7; } return s.slice(0, 2000); }
const lang = (process.argv[2] ?? 'en') as Lang;
const text = review(lang);
const inp = (norm: any) => ({ norm, lang, region: undefined, kind: 'review' as const, disclosedSellerTie: false, config: { platformDomains: [] } });
const M = Number(process.argv[3] ?? 3000);
const det: number[] = [];
const nor: number[] = [];
for (let i = 0; i < M; i++) {
  const a = performance.now();
  const norm = normalize(text);
  const b = performance.now();
  for (const d of conductDetectors) d(inp(norm));
  const c = performance.now();
  if (i > 300) { nor.push(b - a); det.push(c - b); }
}
det.sort((x, y) => x - y); nor.sort((x, y) => x - y);
const q = (a: number[], p: number) => a[Math.floor(a.length * p)]!.toFixed(3);
console.log(lang, 'detectors median', q(det, 0.5), 'ms p10', q(det, 0.1), 'p90', q(det, 0.9), '| normalize median', q(nor, 0.5));
