import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { overlaps, readCases, spansOf, type Case } from './lib/cases.js';
import { features, MODEL_DIMS, type ModelFile, type TextModel } from '../moderation/detectors/text-model.js';
import { normalize } from '../moderation/normalize.js';
import { detectLanguage } from '../moderation/language.js';
import type { FindingType } from '../models/finding.js';
import type { TextDetector } from '../moderation/types.js';
import { CONDUCT_CLASSES, conductModel } from '../moderation/detectors/conduct/model.js';
import { conductDetectors } from '../moderation/detectors/conduct/index.js';
import { OFF_PLATFORM_CLASSES, offPlatformModel } from '../moderation/detectors/off-platform/model.js';
import { contactDetector, dealDetector } from '../moderation/detectors/off-platform/index.js';

/**
 * `npx tsx scripts/train-models.ts`: trains the text models (moderation/detectors/text-model.ts)
 * on their areas' labelled fixtures and writes them to moderation/data/. Deterministic: the same
 * fixtures give the same bytes (each model's test checks). The newest blind round of each area is
 * held out, so the eval keeps one honest figure for text no model saw.
 *
 * Logistic regression, one per class, by stochastic gradient descent over the L2-normalised
 * hashed features, classes weighted to balance positives and negatives; weights quantised to one
 * signed byte per class and bucket.
 *
 * `--cv` (README, Evaluation): per model, each training file held out in turn and the model alone
 * measured on it; then the area's detectors as they run (lists first, gates, thresholds) on each
 * blind round with a model trained without it, and what they say about the other areas' fixtures,
 * which is how the thresholds below were chosen.
 */

interface Spec<C extends FindingType> {
  out: string;
  classes: readonly C[];
  model: TextModel<C>;
  detectors: TextDetector[];
  trainFile: RegExp;
  heldOut: string[];
  /** Blind rounds from this one on are measured through the detectors by `--cv`. */
  cvFromRound: number;
  threshold: Record<C, number>;
  fit: Fit<C>;
}

/** How a model is fitted: what the defaults below do unless a model says otherwise. */
interface Fit<C extends FindingType> {
  epochs: number;
  rate: number;
  /** L2 strength per class. */
  l2: Record<C, number>;
}

const EPOCHS = 20;
const RATE = 0.5;
const L2 = 1e-5;

/** The fit every model had before per-class strengths: each class alike. */
function plainFit<C extends FindingType>(classes: readonly C[]): Fit<C> {
  return { epochs: EPOCHS, rate: RATE, l2: each(classes, L2) };
}

const each = <C extends FindingType>(classes: readonly C[], v: number) => Object.fromEntries(classes.map((k) => [k, v])) as Record<C, number>;

/** A per-class value for the model file: one number when every class has it. */
const uniform = (r: Record<string, number>) => { const v = Object.values(r); return v.every((x) => x === v[0]) ? v[0]! : r; };
const MODELS = {
  conduct: {
    out: 'conduct-model.json',
    classes: CONDUCT_CLASSES,
    model: conductModel,
    detectors: conductDetectors,
    trainFile: /^(?:conduct-blind-\d+|conduct-hard-negatives(?:-\d+)?|extortion|seller-tie)\.jsonl$/,
    heldOut: ['conduct-blind-13.jsonl', 'conduct-hard-negatives-3.jsonl', 'conduct-blind-17.jsonl', 'conduct-blind-18.jsonl', 'conduct-blind-19.jsonl', 'conduct-blind-21.jsonl', 'conduct-blind-23.jsonl', 'conduct-blind-24.jsonl', 'conduct-blind-26.jsonl', 'conduct-blind-30.jsonl', 'conduct-blind-33.jsonl', 'conduct-blind-34.jsonl', 'conduct-blind-35.jsonl'],
    cvFromRound: 8,
    // The rounds read since the twelfth session (25, 27, 28, 29, 31, 32) train; 13, 17-19, 21, 23,
    // 24, 26 and 30 stay out as the estimate, 33 to 35 unread. With them the model is surer of everything,
    // the unit tests' hard negatives too ("Trabalho na marca concorrente e mesmo assim gostei" read as
    // disclosed at 0.73, "Aqui no bairro a gente recomenda essa loja" as undisclosed at 0.88, "I would
    // hate to see this shop close, a free sample…" as a threat at 0.75). Each threshold is the highest
    // whose out-of-fold recall (`--folds`: five folds by file) is still the old model's at its old
    // threshold, the precision higher: threats 0.76 (0.987 / 0.78, was 0.974 / 0.78 at 0.7),
    // incentives 0.9 (0.988 / 0.69, was 0.977 / 0.68 at 0.85). The ties take L2 1e-3: unregularised
    // they read a neighbourhood's or a job elsewhere's "we" as a tie above any threshold that keeps
    // their recall; at 1e-3 undisclosed 0.84 (0.994 / 0.55, was 0.988 / 0.55 at 0.85), disclosed 0.76
    // (0.990 / 0.78, was 0.982 / 0.77 at 0.7). 1e-3 for threats and incentives too put "Sería una
    // pena que mi valoración bajara por culpa del envío" over the threat threshold and "a $10 voucher
    // to change it to 5 stars" under the incentive one. Before: incentives 0.85 (0.75 read narrated
    // refunds and free parts as incentives), undisclosed 0.85 (0.7 flagged couples' "we"/"our").
    threshold: { 'extortion.threat': 0.76, 'review_manipulation.incentive': 0.9, 'seller_tie.undisclosed': 0.84, 'seller_tie.disclosed': 0.76 },
    fit: { ...plainFit(CONDUCT_CLASSES), l2: { ...each(CONDUCT_CLASSES, L2), 'seller_tie.undisclosed': 1e-3, 'seller_tie.disclosed': 1e-3 } },
  } satisfies Spec<(typeof CONDUCT_CLASSES)[number]>,
  'off-platform': {
    out: 'off-platform-model.json',
    classes: OFF_PLATFORM_CLASSES,
    model: offPlatformModel,
    detectors: [contactDetector, dealDetector],
    trainFile: /^off-platform(?:-blind-\d+)?\.jsonl$/,
    heldOut: ['off-platform-blind-10.jsonl', 'off-platform-blind-15.jsonl', 'off-platform-blind-16.jsonl', 'off-platform-blind-17.jsonl', 'off-platform-blind-18.jsonl', 'off-platform-blind-19.jsonl', 'off-platform-blind-20.jsonl', 'off-platform-blind-21.jsonl', 'off-platform-blind-22.jsonl', 'off-platform-blind-23.jsonl', 'off-platform-blind-24.jsonl'],
    cvFromRound: 6,
    // Deals at 0.8: 0.6-0.7 add a little recall on the rounds and read a buyer's demands ("refund me
    // or 1 star") and bulk-discount questions in the conduct fixtures as deals.
    // Tried in the fifteenth session and not kept: rounds 16-21 in training, with hard-negatives-4
    // (weight 3), L2 3e-4 and thresholds at the old out-of-fold recall (deals 0.85, contacts 0.73).
    // On rounds it never trained on it was no better: off-platform 22 +2 but 24 (written after) -2,
    // 10 and 15 -1 each, the mixed rounds -3, two more leaks; it gained only on its own rounds.
    threshold: { 'off_platform.deal': 0.8, 'off_platform.contact': 0.7 },
    fit: plainFit(OFF_PLATFORM_CLASSES),
  } satisfies Spec<(typeof OFF_PLATFORM_CLASSES)[number]>,
} as const;
export type ModelName = keyof typeof MODELS;

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures', 'text');

interface Example { file: string; idx: Int32Array; val: Float32Array; y: number[] }

function examples(classes: readonly string[], pick: (f: string) => boolean): { files: string[]; list: Example[] } {
  const files = readdirSync(FIXTURES).filter(pick).sort();
  const list: Example[] = [];
  for (const f of files) {
    for (const c of readCases(join(FIXTURES, f))) {
      // A tie disclosed by the author's flag is not in the words: nothing for a text model to learn.
      if (c.submission.author?.disclosedSellerTie) continue;
      const found = new Set<string>(c.expect.findings.map((x) => x.type));
      const f2 = features(normalize(c.submission.text).lower);
      const byBucket = new Map<number, number>();
      for (let i = 0; i < f2.n; i++) byBucket.set(f2.bucket[i]!, (byBucket.get(f2.bucket[i]!) ?? 0) + 1);
      const idx = Int32Array.from(byBucket.keys());
      const val = Float32Array.from(byBucket.values(), (v) => v / f2.norm);
      list.push({ file: f, idx, val, y: classes.map((k) => (found.has(k) ? 1 : 0)) });
    }
  }
  return { files, list };
}

const trainingSet = (spec: Spec<FindingType>) => examples(spec.classes, (f) => spec.trainFile.test(f) && !spec.heldOut.includes(f));

/** A small seeded generator (mulberry32): the same order every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Class k's probability for an example under the float weights (training and the --cv model-alone runs). */
function probability(e: Example, weights: Float32Array, bias: number[], k: number, C: number): number {
  let z = bias[k]!;
  for (let q = 0; q < e.idx.length; q++) z += e.val[q]! * weights[e.idx[q]! * C + k]!;
  return 1 / (1 + Math.exp(-z));
}

function train(list: Example[], classes: readonly FindingType[], fit: Fit<FindingType>): { weights: Float32Array; bias: number[] } {
  const C = classes.length;
  const w = new Float32Array(MODEL_DIMS * C);
  const bias = new Array<number>(C).fill(0);
  const pos = Array.from({ length: C }, (_, k) => list.filter((e) => e.y[k]).length / list.length);
  const weightPos = pos.map((p) => 0.5 / Math.max(p, 1e-3));
  const weightNeg = pos.map((p) => 0.5 / Math.max(1 - p, 1e-3));
  const l2 = classes.map((k) => fit.l2[k]!);
  const random = rng(20261201);
  const order = list.map((_, i) => i);
  for (let epoch = 0; epoch < fit.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const i of order) {
      const e = list[i]!;
      for (let k = 0; k < C; k++) {
        const p = probability(e, w, bias, k, C);
        const g = (p - e.y[k]!) * (e.y[k] ? weightPos[k]! : weightNeg[k]!);
        for (let q = 0; q < e.idx.length; q++) {
          const at = e.idx[q]! * C + k;
          w[at] = w[at]! - fit.rate * (g * e.val[q]! + l2[k]! * w[at]!);
        }
        bias[k] = bias[k]! - fit.rate * g * 0.1;
      }
    }
  }
  return { weights: w, bias };
}

/** The model file's content for a training set. */
function modelJson(spec: Spec<FindingType>, files: string[], list: Example[]): ModelFile & Record<string, unknown> {
  const C = spec.classes.length;
  const { weights, bias } = train(list, spec.classes, spec.fit);
  const scale = spec.classes.map((_, k) => {
    let max = 0;
    for (let b = 0; b < MODEL_DIMS; b++) max = Math.max(max, Math.abs(weights[b * C + k]!));
    return max / 127 || 1;
  });
  const bytes = new Uint8Array(MODEL_DIMS * C);
  for (let b = 0; b < MODEL_DIMS; b++) for (let k = 0; k < C; k++) bytes[b * C + k] = Math.round(weights[b * C + k]! / scale[k]!) & 0xff;
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return {
    $comment: 'Generated by scripts/train-models.ts; do not edit. Logistic regression over hashed words, word pairs and character 4-grams (moderation/detectors/text-model.ts).',
    trainedOn: files.map((f) => `fixtures/text/${f}`),
    heldOut: spec.heldOut.map((f) => `fixtures/text/${f}`),
    examples: list.length,
    positives: Object.fromEntries(spec.classes.map((k, i) => [k, list.filter((e) => e.y[i]).length])),
    epochs: spec.fit.epochs, rate: spec.fit.rate, l2: uniform(spec.fit.l2),
    dims: MODEL_DIMS,
    classes: [...spec.classes],
    threshold: spec.threshold,
    bias: bias.map((b) => Number(b.toFixed(6))),
    scale: scale.map((s) => Number(s.toPrecision(8))),
    weights: btoa(bin),
  };
}

/** The committed file's expected content. */
export function modelFile(name: ModelName): string {
  const spec = MODELS[name] as unknown as Spec<FindingType>;
  const { files, list } = trainingSet(spec);
  return JSON.stringify(modelJson(spec, files, list), null, 1) + '\n';
}

// ---------------------------------------------------------------------------------------------
// --cv

const CV_THRESHOLDS = [0.5, 0.7, 0.8];

const pr = (tp: number, fp: number, fn: number) => `${(tp / Math.max(1, tp + fp)).toFixed(2)}/${(tp / Math.max(1, tp + fn)).toFixed(2)}`;

function detect(detectors: TextDetector[], c: Case) {
  const s = c.submission;
  const input = { norm: normalize(s.text), lang: detectLanguage(s.text, s.locale), region: undefined, kind: s.kind, rating: s.rating, disclosedSellerTie: s.author?.disclosedSellerTie === true, config: { platformDomains: [] } };
  return detectors.flatMap((d) => d(input));
}

/** [tp, fp, fn] per class; a finding counts when it overlaps the expected text. */
function tally(spec: Spec<FindingType>, cases: Case[]): Map<string, number[]> {
  const t = new Map<string, number[]>(spec.classes.map((k) => [k, [0, 0, 0]]));
  for (const c of cases) {
    const found = detect(spec.detectors, c);
    for (const k of spec.classes) {
      const got = found.filter((f) => f.type === k);
      const want = c.expect.findings.filter((f) => f.type === k);
      let tp = 0;
      for (const e of want) {
        const where = e.text ? spansOf(c.submission.text, e.text) : [];
        if (got.some((g) => !e.text || where.some((w) => overlaps(g.span, w)))) tp++;
      }
      const v = t.get(k)!;
      v[0]! += tp; v[1]! += Math.max(0, got.length - tp); v[2]! += want.length - tp;
    }
  }
  return t;
}

function crossValidate(name: ModelName): void {
  const spec = MODELS[name] as unknown as Spec<FindingType>;
  const { files, list } = trainingSet(spec);
  const C = spec.classes.length;
  const short = (k: string) => k.split('.').pop()!.slice(0, 10);
  console.log(`\n== ${name}: the model alone, each file held out in turn (precision / recall, false positives)`);
  console.log('held-out file'.padEnd(30) + spec.classes.flatMap((k) => CV_THRESHOLDS.map((t) => `${short(k)}@${t}`.padStart(21))).join(''));
  for (const held of files) {
    const { weights, bias } = train(list.filter((e) => e.file !== held), spec.classes, spec.fit);
    const cells: string[] = [];
    for (let k = 0; k < C; k++) {
      for (const t of CV_THRESHOLDS) {
        let tp = 0, fp = 0, fn = 0;
        for (const e of list) {
          if (e.file !== held) continue;
          const hit = probability(e, weights, bias, k, C) >= t;
          if (hit && e.y[k]) tp++; else if (hit) fp++; else if (e.y[k]) fn++;
        }
        cells.push(`P ${(tp / Math.max(1, tp + fp)).toFixed(2)} R ${tp + fn ? (tp / (tp + fn)).toFixed(2) : ' -  '} fp ${String(fp).padStart(2)}`.padStart(21));
      }
    }
    console.log(held.padEnd(30) + cells.join(''));
  }
  console.log(`\n${name} detectors, each blind round from ${spec.cvFromRound} on with a model trained without it (precision / recall):`);
  const total = new Map<string, number[]>();
  for (const held of files.filter((f) => Number(/blind-(\d+)/.exec(f)?.[1] ?? 0) >= spec.cvFromRound)) {
    spec.model.use(modelJson(spec, files.filter((f) => f !== held), list.filter((e) => e.file !== held)));
    const t = tally(spec, readCases(join(FIXTURES, held)));
    for (const [k, v] of t) total.set(k, (total.get(k) ?? [0, 0, 0]).map((x, i) => x + v[i]!));
    console.log(`  ${held.padEnd(30)}${[...t].map(([k, [tp, fp, fn]]) => `${short(k)} ${pr(tp!, fp!, fn!)}`).join('   ')}`);
  }
  console.log(`  ${'all'.padEnd(30)}${[...total].map(([k, [tp, fp, fn]]) => `${short(k)} ${pr(tp!, fp!, fn!)} fp ${fp}`).join('   ')}`);
  spec.model.use(modelJson(spec, files, list));
  const others = readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl') && !spec.trainFile.test(f)).sort();
  const flagged = new Map<string, number>();
  let n = 0;
  for (const f of others) for (const c of readCases(join(FIXTURES, f))) { n++; for (const x of detect(spec.detectors, c)) if (x.evidence?.subtype === 'model') flagged.set(x.type, (flagged.get(x.type) ?? 0) + 1); }
  console.log(`  model findings on the ${n} texts of the other areas' fixtures (none labelled there): ${spec.classes.map((k) => `${k} ${flagged.get(k) ?? 0}`).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// --folds

const FOLD_THRESHOLDS = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/**
 * Each class's precision and recall out of fold (five folds by file, the model alone), at its
 * threshold and around: how the thresholds above were set against the model before (the same
 * recall, read on the rounds it trains on rather than on the held-out ones, which stay the estimate).
 */
function folds(name: ModelName): void {
  const spec = MODELS[name] as unknown as Spec<FindingType>;
  const { files, list } = trainingSet(spec);
  const C = spec.classes.length;
  const prob: number[][] = list.map(() => []);
  for (let fold = 0; fold < 5; fold++) {
    const held = new Set(files.filter((_, i) => i % 5 === fold));
    const { weights, bias } = train(list.filter((e) => !held.has(e.file)), spec.classes, spec.fit);
    list.forEach((e, i) => { if (held.has(e.file)) for (let k = 0; k < C; k++) prob[i]![k] = probability(e, weights, bias, k, C); });
  }
  console.log(`\n== ${name}: out of fold, precision / recall`);
  spec.classes.forEach((cls, k) => {
    const at = (t: number) => {
      let tp = 0, fp = 0, fn = 0;
      list.forEach((e, i) => { const hit = prob[i]![k]! >= t; if (hit && e.y[k]) tp++; else if (hit) fp++; else if (e.y[k]) fn++; });
      return `${t}: ${pr(tp, fp, fn)}`;
    };
    console.log(`${cls.padEnd(30)} ${at(spec.threshold[cls]!).padEnd(18)} ${FOLD_THRESHOLDS.map(at).join('  ')}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = Object.keys(MODELS) as ModelName[];
  if (process.argv.includes('--cv')) for (const name of names) crossValidate(name);
  else if (process.argv.includes('--folds')) for (const name of names) folds(name);
  else for (const name of names) {
    writeFileSync(join(ROOT, 'moderation', 'data', MODELS[name].out), modelFile(name));
    console.log(`wrote moderation/data/${MODELS[name].out}`);
  }
}
