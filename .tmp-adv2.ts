import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON, ScanResult } from './moderation/detectors/conduct/scan.js';
import { findExtortion } from './moderation/detectors/conduct/extortion.js';
import { findIncentives } from './moderation/detectors/conduct/incentive.js';
import { findSellerTies } from './moderation/detectors/conduct/seller-tie.js';
const N = 20000;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
const cases: Record<string, string> = { stars: '⭐'.repeat(N), words: rep('refund or 1 star unless '), mymy: rep('my my '), our: rep('our shop '), free: rep('free for review '), eq: rep('no refund = 1 star ') };
for (let r = 0; r < 2; r++) for (const [name, text] of Object.entries(cases)) {
  const norm = normalize(text);
  const t: number[] = [performance.now()];
  const toks = tokenize(norm.lower); t.push(performance.now());
  const hits = LEXICON.scan(toks); t.push(performance.now());
  const sc = new ScanResult(toks, hits); t.push(performance.now());
  findExtortion(sc, 1); t.push(performance.now());
  findIncentives(sc, 1); t.push(performance.now());
  findSellerTies(sc, 1, true); t.push(performance.now());
  if (r) console.log(name.padEnd(6), toks.length, 'tokens', hits.length, 'hits |', ['tok', 'lex', 'res', 'ext', 'inc', 'tie'].map((k, i) => `${k} ${(t[i + 1]! - t[i]!).toFixed(1)}`).join(' '));
}
