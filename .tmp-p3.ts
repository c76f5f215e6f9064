import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON, ScanResult } from './moderation/detectors/conduct/scan.js';
const lang = process.argv[2] ?? 'es';
const texts = readFileSync('fixtures/text/extortion.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((c) => c.meta.lang === lang).map((c) => c.submission.text as string);
let s = ''; let k = 3; while (s.length < 2000) { s += texts[k % texts.length] + ' '; k += 7; } s = s.slice(0, 2000);
const norm = normalize(s);
const toks = tokenize(norm.lower);
const hits = LEXICON.scan(toks);
const m = new Map(toks.map((t) => [t.w, 1]));
function best(f: () => void) { let b = 1e9; for (let r = 0; r < 7; r++) { const a = performance.now(); for (let i = 0; i < 500; i++) f(); b = Math.min(b, (performance.now() - a) / 500 * 1000); } return b.toFixed(1); }
console.log(lang, 'tokens', toks.length, 'hits', hits.length);
console.log('baseline map.get per token', best(() => { let x = 0; for (const t of toks) x += m.get(t.w) ?? 0; }), 'us');
console.log('tokenize', best(() => tokenize(norm.lower)), 'us');
console.log('lexscan', best(() => LEXICON.scan(toks)), 'us');
console.log('ScanResult', best(() => new ScanResult(toks, hits)), 'us');
