import { readFileSync } from 'node:fs';
import { normalize } from './moderation/normalize.js';
import { detectLanguage } from './moderation/language.js';
import { conductDetectors } from './moderation/detectors/conduct/index.js';
import { moderateText, ALL_DETECTORS } from './moderation/pipeline.js';
const SKIP = (process.env.SKIP ?? '').split(',');
import type { DetectorInput } from './moderation/types.js';

const files = process.argv.slice(2);
const verbose = process.env.V === '1';
for (const file of files) {
  const cases = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const area = new Set<string>();
  for (const c of cases) { for (const f of c.expect.findings) area.add(f.type); for (const t of c.expect.mustNotFind ?? []) area.add(t); }
  const t: Record<string, { tp: number; fp: number; fn: number }> = {};
  const tal = (x: string) => (t[x] ??= { tp: 0, fp: 0, fn: 0 });
  let hnFp = 0, hn = 0, actOk = 0, actN = 0;
  const problems: string[] = [];
  for (const c of cases) {
    const s = c.submission;
    const lang = detectLanguage(s.text, s.locale);
    const input: DetectorInput = { norm: normalize(s.text), lang, region: undefined, kind: s.kind, rating: s.rating, disclosedSellerTie: s.author.disclosedSellerTie === true, config: { platformDomains: [] } };
    const found = conductDetectors.flatMap((d) => d(input)).filter((f) => area.has(f.type));
    const ov = (a: { start: number; end: number }, txt: string) => { let k = s.text.indexOf(txt); while (k >= 0) { if (a.start < k + txt.length && k < a.end) return true; k = s.text.indexOf(txt, k + 1); } return false; };
    const used = new Set<number>();
    for (const e of c.expect.findings) {
      const idx = found.findIndex((f, n) => !used.has(n) && f.type === e.type && (!e.text || ov(f.span, e.text)));
      if (idx >= 0) { used.add(idx); tal(e.type).tp++; } else { tal(e.type).fn++; problems.push(`MISS ${c.id} ${e.type} [${lang}] ${s.text}`); }
    }
    found.forEach((f, n) => { if (!used.has(n)) { tal(f.type).fp++; problems.push(`FP   ${c.id} ${f.type} "${s.text.slice(f.span.start, f.span.end)}" (${f.evidence?.subtype ?? ''}) [${lang}] ${s.text}`); } });
    if (c.meta.hardNegative) { hn++; if (found.length) hnFp++; }
    if (c.expect.action && process.env.ACT === '1') { actN++; const d = moderateText({ text: s.text, locale: s.locale, kind: s.kind, rating: s.rating, disclosedSellerTie: s.author.disclosedSellerTie }, { detectors: ALL_DETECTORS.filter((x) => !SKIP.includes(x.name)) }); if (d.action === c.expect.action) actOk++; else problems.push(`ACT  ${c.id} want ${c.expect.action} got ${d.action} ${d.reasons.join(',')} :: ${s.text}`); }
  }
  console.log(`== ${file}: ${cases.length} cases, hard negatives ${hn}, with any area finding: ${hnFp}${actN ? `, action ${actOk}/${actN}` : ''}`);
  for (const [k, v] of Object.entries(t)) console.log(`  ${k.padEnd(32)} P=${(v.tp / Math.max(1, v.tp + v.fp)).toFixed(3)} R=${(v.tp / Math.max(1, v.tp + v.fn)).toFixed(3)}  tp=${v.tp} fp=${v.fp} fn=${v.fn}`);
  if (verbose) for (const p of problems) console.log('  ' + p);
}
