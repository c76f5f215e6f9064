import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON } from './moderation/detectors/conduct/scan.js';
const lang = process.argv[2] ?? 'en';
const texts = readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((c) => c.meta.lang === lang).map((c) => c.submission.text as string);
let s = ''; let k = 3; while (s.length < 2000) { s += texts[k % texts.length] + ' '; k += 7; } s = s.slice(0, 2000);
const toks = tokenize(normalize(s).lower);
const L: any = LEXICON;
let idsTotal = 0, maxIds = 0, word = '';
for (const t of toks) { const ids = L.match(t.w); if (ids) { idsTotal += ids.length; if (ids.length > maxIds) { maxIds = ids.length; word = t.w; } } }
console.log('tokens', toks.length, 'ids total', idsTotal, 'max', maxIds, word, 'index size', L.index.size, 'exact', L.exact.size);
let singles = 0, pairs = 0;
for (const [id, m] of L.index) { for (const [k2, l] of m) { if (k2 === -1) singles += l.length; else pairs += l.length; } }
console.log('single phrases', singles, 'multi', pairs);
