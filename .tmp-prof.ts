import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON, scan } from './moderation/detectors/conduct/scan.js';
const texts = readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((c) => c.meta.lang === 'en').map((c) => c.submission.text as string);
let s = ''; let k = 3; while (s.length < 2000) { s += texts[k % texts.length] + ' '; k += 7; } s = s.slice(0, 2000);
const norm = normalize(s);
const N = 3000;
function t(name: string, f: () => unknown) { for (let i = 0; i < 300; i++) f(); const a = performance.now(); for (let i = 0; i < N; i++) f(); console.log(name, ((performance.now() - a) / N * 1000).toFixed(1), 'us'); }
t('tokenize', () => tokenize(norm.lower));
const toks = tokenize(norm.lower);
console.log('tokens', toks.length, 'hits', LEXICON.scan(toks).length);
t('lexscan', () => LEXICON.scan(toks));
t('scan(full, new norm obj each)', () => scan(Object.create(norm)));
const hits = LEXICON.scan(toks);
const counts: Record<string, number> = {};
for (const h of hits) counts[h.cat] = (counts[h.cat] ?? 0) + 1;
console.log(Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 15));
// time ScanResult via scan with a prebuilt norm-like object without cache
const fake = { lower: norm.lower } as any;
t('scan(fake)', () => scan({ lower: norm.lower } as any));
import { ScanResult } from './moderation/detectors/conduct/scan.js';
t('ScanResult only', () => new ScanResult(toks, hits));
const wm = new WeakMap();
t('weakmap set', () => wm.set({}, 1));
