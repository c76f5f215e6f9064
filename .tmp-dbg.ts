import { normalize } from './moderation/normalize.js';
import { scan } from './moderation/detectors/conduct/scan.js';
const sc = scan(normalize(process.argv[2]!));
console.log(sc.tokens.map((t, k) => `${k}:${t.w}/${t.sent}.${t.clause}`).join(' '));
const cats = process.argv.slice(3);
for (const c of cats) console.log(c, sc.all(c).map((h) => `${h.i}-${h.j}`).join(','));
