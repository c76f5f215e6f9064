import { normalize } from './moderation/normalize.js';
import { tokenize, LEXICON, ScanResult } from './moderation/detectors/conduct/scan.js';
import { findExtortion } from './moderation/detectors/conduct/extortion.js';
const N = 20000;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
const text = rep('верните деньги, иначе одна звезда; if you don\'t refund I will leave 1 star. ');
const toks = tokenize(normalize(text).lower); const sc = new ScanResult(toks, LEXICON.scan(toks));
for (let r = 0; r < 30; r++) findExtortion(sc, 1);
