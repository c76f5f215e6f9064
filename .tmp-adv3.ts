import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON, ScanResult } from './moderation/detectors/conduct/scan.js';
import { findExtortion } from './moderation/detectors/conduct/extortion.js';
import { findIncentives } from './moderation/detectors/conduct/incentive.js';
import { findSellerTies } from './moderation/detectors/conduct/seller-tie.js';
const N = 20000;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
const cases: Record<string, string> = { ifnot: rep('if not '), pron: rep('it it review '), apos: rep("'"), mixed: rep('верните деньги, иначе одна звезда; if you don\'t refund I will leave 1 star. '), stars: '⭐'.repeat(N), words: rep('refund or 1 star unless '), mymy: rep('my my '), our: rep('our shop '), free: rep('free for review '), eq: rep('no refund = 1 star ') };
const min = (f: () => void) => { let b = 1e9; for (let r = 0; r < 6; r++) { const a = performance.now(); f(); b = Math.min(b, performance.now() - a); } return b.toFixed(1); };
for (const [name, text] of Object.entries(cases)) {
  const norm = normalize(text);
  const toks = tokenize(norm.lower); const hits = LEXICON.scan(toks); const sc = new ScanResult(toks, hits);
  console.log(name.padEnd(6), toks.length, hits.length, '| tok', min(() => tokenize(norm.lower)), 'lex', min(() => LEXICON.scan(toks)), 'res', min(() => new ScanResult(toks, hits)), 'ext', min(() => findExtortion(sc, 1)), 'inc', min(() => findIncentives(sc, 1)), 'tie', min(() => findSellerTies(sc, 1, true)));
}
