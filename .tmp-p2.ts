import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON, ScanResult } from './moderation/detectors/conduct/scan.js';
const texts = readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((c) => c.meta.lang === 'en').map((c) => c.submission.text as string);
let s = ''; let k = 3; while (s.length < 2000) { s += texts[k % texts.length] + ' '; k += 7; } s = s.slice(0, 2000);
const norm = normalize(s);
const toks = tokenize(norm.lower);
const hits = LEXICON.scan(toks);
for (let r = 0; r < 5; r++) {
  const a = performance.now();
  for (let i = 0; i < 2000; i++) new ScanResult(toks, hits);
  const b = performance.now();
  for (let i = 0; i < 2000; i++) LEXICON.scan(toks);
  const c = performance.now();
  for (let i = 0; i < 2000; i++) tokenize(norm.lower);
  const d = performance.now();
  console.log('ScanResult', ((b - a) / 2).toFixed(1), 'us; lexscan', ((c - b) / 2).toFixed(1), 'us; tokenize', ((d - c) / 2).toFixed(1), 'us');
}
