import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { FindingType } from '../models/finding.js';
import { moderateText } from '../moderation/pipeline.js';
import { DEFAULT_POLICY } from '../moderation/policy.js';
import { overlaps, readCases, spansOf, type Case } from './lib/cases.js';
import { PEERS, peerCatches } from './lib/peers.js';

/**
 * `npm run eval [-- suite.jsonl ...]`: runs the whole text pipeline on every labelled case and
 * prints per-type precision, recall and F1, action accuracy, unsafe publishes and leaks.
 * fixtures/text/*.jsonl are complete labels (any other finding of a type the file is about is a
 * false positive); suites given as arguments are partial (only `mustNotFind` makes a false positive).
 * Image suites (fixtures/images.jsonl and arguments whose cases name a `file`) go to the scanner.
 */
const ROOT = resolve(import.meta.dirname, '..');

interface Tally { tp: number; fp: number; fn: number }
interface SuiteReport {
  suite: string;
  complete: boolean;
  cases: number;
  perType: Record<string, Tally & { precision: number; recall: number; f1: number }>;
  action: { checked: number; correct: number };
  unsafePublishes: string[];
  leaks: string[];
  /** Contact texts left as words around a value the pipeline redacted ("call me [phone removed]"): not leaks, listed apart. */
  invitationWordsKept: string[];
  misses: { id: string; type: string; text?: string }[];
  falsePositives: { id: string; type: string; text: string }[];
  bands: Record<string, Record<string, { tp: number; fp: number }>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evalTextSuite(name: string, cases: Case[], complete: boolean): SuiteReport {
  const area = new Set<FindingType>();
  for (const c of cases) {
    for (const f of c.expect.findings) area.add(f.type);
    for (const t of c.expect.mustNotFind ?? []) area.add(t);
  }
  const tallies = new Map<string, Tally>();
  const tally = (t: string) => tallies.get(t) ?? (tallies.set(t, { tp: 0, fp: 0, fn: 0 }), tallies.get(t)!);
  const r: SuiteReport = { suite: name, complete, cases: cases.length, perType: {}, action: { checked: 0, correct: 0 }, unsafePublishes: [], leaks: [], invitationWordsKept: [], misses: [], falsePositives: [], bands: {} };
  const band = (type: string, conf: number, hit: boolean) => {
    const b = conf >= 0.9 ? '0.9-1' : conf >= 0.7 ? '0.7-0.9' : conf >= 0.5 ? '0.5-0.7' : '<0.5';
    const t = (r.bands[type] ??= {});
    const x = (t[b] ??= { tp: 0, fp: 0 });
    if (hit) x.tp++;
    else x.fp++;
  };

  for (const c of cases) {
    const s = c.submission;
    const weak = c.meta?.weak === true;
    const d = moderateText({ text: s.text, locale: s.locale, kind: s.kind, rating: s.rating, disclosedSellerTie: s.author.disclosedSellerTie });
    const expectedSpans = c.expect.findings.map((e) => ({ type: e.type, text: e.text, spans: e.text ? spansOf(s.text, e.text) : [] }));
    for (const e of expectedSpans) {
      const hit = d.findings.some((f) => f.type === e.type && (!e.text || (f.span !== undefined && e.spans.some((sp) => overlaps(sp, f.span!)))));
      if (hit) tally(e.type).tp++;
      else if (!weak) {
        tally(e.type).fn++;
        r.misses.push({ id: c.id, type: e.type, ...(e.text ? { text: e.text } : {}) });
      }
    }
    const forbidden = new Set(c.expect.mustNotFind ?? []);
    const seenFpTypes = new Set<string>();
    for (const f of d.findings) {
      const matched = expectedSpans.some((e) => e.type === f.type && (!e.text || (f.span !== undefined && e.spans.some((sp) => overlaps(sp, f.span!)))));
      const counts = complete ? area.has(f.type) && !matched : forbidden.has(f.type) && !weak && !seenFpTypes.has(f.type);
      if (area.has(f.type) || forbidden.has(f.type)) band(f.type, f.confidence, matched);
      if (counts) {
        seenFpTypes.add(f.type);
        tally(f.type).fp++;
        r.falsePositives.push({ id: c.id, type: f.type, text: f.span ? s.text.slice(f.span.start, f.span.end) : '' });
      }
    }
    const wantAction = c.expect.action;
    if (wantAction) {
      r.action.checked++;
      if (d.action === wantAction) r.action.correct++;
    }
    const shouldRestrict = (wantAction && wantAction !== 'publish') || expectedSpans.some((e) => !weak && DEFAULT_POLICY[e.type]?.action !== 'publish');
    if (shouldRestrict && d.action === 'publish') r.unsafePublishes.push(c.id);
    if (d.publishedText !== null) {
      // An invitation's words ("call me", "Appelez-moi") kept around a value the pipeline redacted
      // (the contract's "call me [phone removed]") are counted apart; any other labelled text
      // left in the published text is a leak.
      const wordsKept = (e: (typeof expectedSpans)[number]) => e.type === 'off_platform.contact' && d.findings.some((f) => f.type === 'off_platform.contact' && f.span
        && e.spans.some((sp) => overlaps(sp, f.span!)) && d.findings.some((p) => p.type.startsWith('personal_data.') && p.action === 'redact' && p.span && overlaps(p.span, f.span!)));
      const left = expectedSpans.filter((e) => e.text && !weak && DEFAULT_POLICY[e.type]?.action === 'redact' && d.publishedText!.includes(e.text));
      const leaked = left.some((e) => !wordsKept(e));
      if (left.length && !leaked) r.invitationWordsKept.push(c.id);
      const leakedFound = d.findings.some((f) => f.action === 'redact' && f.span && d.publishedText!.includes(s.text.slice(f.span.start, f.span.end)));
      if (leaked || leakedFound) r.leaks.push(c.id);
    }
  }
  for (const [t, x] of [...tallies].sort()) {
    const precision = ratio(x.tp, x.tp + x.fp);
    const recall = ratio(x.tp, x.tp + x.fn);
    r.perType[t] = { ...x, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  }
  return r;
}

/** Ours and the published PII redactors, measured the same way: is the value gone from the output? */
export function comparePeers(cases: Case[]) {
  const out: Record<string, Record<string, { caught: number; total: number; falseAlarms: number; negatives: number }>> = {};
  // Each system gives its output text and whether it flagged a type (ours: a finding; a peer: its placeholder).
  type Run = (text: string, c: Case) => { output: string; flagged: (t: FindingType) => boolean };
  const systems: [string, Run][] = [
    ['ours', (text, c) => {
      const d = moderateText({ text, locale: c.submission.locale, kind: c.submission.kind });
      return { output: d.publishedText ?? '', flagged: (t) => d.findings.some((f) => f.type === t) };
    }],
    ...PEERS.map((p): [string, Run] => [p.name, (text) => {
      const output = p.redact(text);
      return { output, flagged: (t) => { const ph = p.placeholders[t]; return ph !== undefined && output.includes(ph) && !text.includes(ph); } };
    }]),
  ];
  for (const [name, run] of systems) {
    const per: Record<string, { caught: number; total: number; falseAlarms: number; negatives: number }> = {};
    for (const c of cases) {
      const { output, flagged } = run(c.submission.text, c);
      for (const e of c.expect.findings) {
        if (!e.text || !peerCatches.covers(name, e.type)) continue;
        const x = (per[e.type] ??= { caught: 0, total: 0, falseAlarms: 0, negatives: 0 });
        x.total++;
        if (!output.includes(e.text)) x.caught++;
      }
      for (const t of c.expect.mustNotFind ?? []) {
        if (!peerCatches.covers(name, t)) continue;
        const x = (per[t] ??= { caught: 0, total: 0, falseAlarms: 0, negatives: 0 });
        x.negatives++;
        if (flagged(t)) x.falseAlarms++;
      }
    }
    out[name] = per;
  }
  return out;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

function printSuite(r: SuiteReport) {
  console.log(`\n## ${r.suite} (${r.cases} cases, ${r.complete ? 'complete labels' : 'partial labels'})`);
  console.log('type                              P      R     F1     tp   fp   fn');
  for (const [t, x] of Object.entries(r.perType)) {
    console.log(`${t.padEnd(32)} ${pct(x.precision)}  ${pct(x.recall)}  ${pct(x.f1)}  ${String(x.tp).padStart(5)} ${String(x.fp).padStart(4)} ${String(x.fn).padStart(4)}`);
  }
  if (r.action.checked) console.log(`action accuracy: ${pct(ratio(r.action.correct, r.action.checked))}% of ${r.action.checked}`);
  console.log(`unsafe publishes: ${r.unsafePublishes.length}${r.unsafePublishes.length ? ` (${r.unsafePublishes.slice(0, 8).join(', ')})` : ''}`);
  console.log(`leaks: ${r.leaks.length}${r.leaks.length ? ` (${r.leaks.slice(0, 8).join(', ')})` : ''}`);
  if (r.invitationWordsKept.length) console.log(`invitation words kept around a redacted value (not leaks): ${r.invitationWordsKept.length}`);
}

async function main() {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const verbose = process.argv.includes('--verbose');
  const own = readdirSync(join(ROOT, 'fixtures', 'text')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(ROOT, 'fixtures', 'text', f));
  const reports: SuiteReport[] = [];
  const textCases: Case[] = [];
  for (const file of own) {
    const cases = readCases(file);
    textCases.push(...cases);
    reports.push(evalTextSuite(basename(file), cases, true));
  }
  const imageSuites: string[] = existsSync(join(ROOT, 'fixtures', 'images.jsonl')) ? [join(ROOT, 'fixtures', 'images.jsonl')] : [];
  for (const file of args) {
    if (/images\.jsonl$/.test(file)) { imageSuites.push(resolve(file)); continue; }
    reports.push(evalTextSuite(basename(file), readCases(resolve(file)), false));
  }
  console.log('# Evaluation');
  for (const r of reports) {
    printSuite(r);
    if (verbose) {
      for (const m of r.misses.slice(0, 40)) console.log(`  miss ${m.id} ${m.type} ${JSON.stringify(m.text ?? '')}`);
      for (const f of r.falsePositives.slice(0, 40)) console.log(`  fp   ${f.id} ${f.type} ${JSON.stringify(f.text)}`);
    }
  }
  const pii = textCases.filter((c) => c.expect.findings.some((f) => f.type.startsWith('personal_data.')) || (c.expect.mustNotFind ?? []).some((t) => t.startsWith('personal_data.')));
  const peers = comparePeers(pii);
  console.log('\n## Ours beside published PII redactors (own personal-data cases; caught = value gone from the output; false alarm = the type flagged on a case that must not have it)');
  console.log('type                          system            caught        false alarms on negatives');
  for (const type of [...new Set(Object.values(peers).flatMap((p) => Object.keys(p)))].sort()) {
    for (const [name, per] of Object.entries(peers)) {
      const x = per[type];
      if (!x) continue;
      console.log(`${type.padEnd(30)}${name.padEnd(18)}${`${x.caught}/${x.total}`.padEnd(14)}${x.falseAlarms}/${x.negatives}`);
    }
  }
  let images: unknown[] = [];
  if (imageSuites.length > 0 && existsSync(join(ROOT, 'scripts', 'eval-images.ts'))) {
    const mod = await import('./eval-images.js');
    images = [];
    for (const suite of imageSuites) images.push(await mod.evalImageSuite(suite));
  }
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  const out = join(ROOT, 'reports', 'eval.json');
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), text: reports, peers, images }, null, 2));
  console.log(`\nreport: ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
