import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { conductDetectors } from './moderation/detectors/conduct/index.js';
import { tokenize, LEXICON } from './moderation/detectors/conduct/scan.js';
import type { Lang } from './moderation/types.js';
const all = [...readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n'), ...readFileSync('fixtures/text/seller-tie.jsonl', 'utf8').trim().split('\n')].map((l) => JSON.parse(l));
function review(lang: string) { const p = all.filter((c) => c.meta.lang === lang).map((c) => c.submission.text); let s = ''; let k = 3; while (s.length < 2000) { s += p[k % p.length] + ' '; k += 7; } return s.slice(0, 2000); }
const N = 1000;
for (const lang of ['en', 'ru', 'es'] as Lang[]) {
  const text = review(lang);
  const norms = Array.from({ length: N }, () => normalize(text));
  const inp = (norm: any) => ({ norm, lang, region: undefined, kind: 'review' as const, disclosedSellerTie: false, config: { platformDomains: [] } });
  for (let i = 0; i < 300; i++) for (const d of conductDetectors) d(inp(normalize(text)));
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    for (let i = r * 200; i < (r + 1) * 200; i++) for (const d of conductDetectors) d(inp(norms[i]));
    const c1 = process.cpuUsage(c0);
    samples.push((c1.user + c1.system) / 200);
  }
  samples.sort((a, b) => a - b);
  const toks = tokenize(normalize(text).lower);
  const c0 = process.cpuUsage(); for (let i = 0; i < 1000; i++) tokenize(normalize(text).lower); const tk = process.cpuUsage(c0);
  const c2 = process.cpuUsage(); for (let i = 0; i < 1000; i++) normalize(text); const nk = process.cpuUsage(c2);
  const c3 = process.cpuUsage(); for (let i = 0; i < 1000; i++) LEXICON.scan(toks); const lk = process.cpuUsage(c3);
  console.log(lang, 'all three: min', samples[0]!.toFixed(0), 'us, median', samples[2]!.toFixed(0), 'us CPU per review | tokenize ~', ((tk.user - nk.user) / 1000).toFixed(0), 'us, lexscan', (lk.user / 1000).toFixed(0), 'us');
}
