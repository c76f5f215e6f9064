import model from '../../data/conduct-model.json';
import type { DetectorInput, TextFinding } from '../../types.js';
import { foldCode, type Scan } from './scan.js';

/**
 * A learned second opinion for extortion, incentives and seller ties: logistic regression over
 * hashed words, word pairs and character 4-grams of the folded text, trained by
 * scripts/train-conduct-model.ts on the labelled conduct fixtures (the model file says which; the
 * newest blind round is held out). The word-list detectors stay first: they name the threat, the
 * demand and the condition, or the tie. The model only speaks when they found nothing of its
 * class, on a text that passes the detector's gate, at a threshold that leave-one-round-out runs
 * back (README, Evaluation), and its confidence is its probability.
 *
 * Why: each blind round written by someone new reached ~0.3-0.6 recall on the word lists even
 * after the round before had been fixed; a model of the same fixtures generalises across
 * phrasings the lists do not hold. The lexicon's categories as features (a demand and a rating
 * word in one sentence) added recall on those rounds but made the model sure of itself on short
 * texts built to look like a tie or a threat ("We checked every item in the box"): left out.
 */

export const MODEL_DIMS = 1 << 16;
/**
 * The probability the model needs about a text that names only one half of a detector's gate (a
 * threat but no demand, a rating but no reward). Chosen by leave-one-round-out runs of the
 * detectors on blind rounds 8-12, against what they then say about the other areas' fixtures
 * (scripts/train-conduct-model.ts --cv): 0.7 doubled what was said about off-platform offers
 * ("pay me directly and I'll ship"), 0.8 kept nearly all the recall.
 */
export const ONE_HALF_MIN = 0.8;
export const MODEL_CLASSES = ['extortion.threat', 'review_manipulation.incentive', 'seller_tie.undisclosed', 'seller_tie.disclosed'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

// Salts keep the three feature kinds apart in the shared hash space.
const SALT_WORD = 0x9e3779b9;
const SALT_PAIR = 0x85ebca6b;
const SALT_GRAM = 0xc2b2ae35;

const FNV_PRIME = 0x01000193;

// ---------------------------------------------------------------------------------------------
// Features, shared with the training script. Module scratch, reused: no allocation per text
// beyond growing these once.

let occBucket = new Int32Array(4096);
let occSent = new Int32Array(4096);
const counts = new Uint16Array(MODEL_DIMS);

export interface Features {
  /** Feature occurrences [0, n): bucket and sentence of each. */
  n: number;
  bucket: Int32Array;
  sent: Int32Array;
  /** Sentence spans in the text's offsets. */
  sentStart: number[];
  sentEnd: number[];
  /** L2 norm of the bucket counts (the vector is scaled by 1/norm). */
  norm: number;
}

function isWordCode(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  // General punctuation, symbols, arrows, dingbats; surrogates (emoji); specials.
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0xd800 && c <= 0xdfff) && c < 0xfe00;
}
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 10 || c === 0x2026;
const isSpace = (c: number) => c <= 32 || c === 0xa0;

function push(bucket: number, sent: number, n: number): number {
  if (n === occBucket.length) {
    const b = new Int32Array(n * 2); b.set(occBucket); occBucket = b;
    const s = new Int32Array(n * 2); s.set(occSent); occSent = s;
  }
  occBucket[n] = bucket;
  occSent[n] = sent;
  return n + 1;
}

/** The features of a lower-cased text (valid until the next call). */
export function features(lower: string): Features {
  let n = 0;
  const sentStart = [0];
  const sentEnd: number[] = [];
  let sent = 0;
  // Words and word pairs.
  let wordHash = 0x811c9dc5 | 0;
  let inWord = false;
  let prevWord = 0;
  let hasPrev = false;
  // Character 4-grams over the text with runs of space as one space, after three spaces of padding.
  let g0 = 32, g1 = 32, g2 = 32;
  let lastSpace = true;
  const L = lower.length;
  for (let k = 0; k <= L; k++) {
    const c = k < L ? foldCode(lower.charCodeAt(k)) : 32;
    const word = k < L && isWordCode(c);
    if (word) {
      if (!inWord) { wordHash = 0x811c9dc5 | 0; inWord = true; }
      wordHash = Math.imul(wordHash ^ c, FNV_PRIME);
    } else if (inWord) {
      inWord = false;
      n = push(((wordHash ^ SALT_WORD) >>> 0) & (MODEL_DIMS - 1), sent, n);
      if (hasPrev) n = push(((Math.imul(prevWord ^ SALT_PAIR, FNV_PRIME) ^ wordHash) >>> 0) & (MODEL_DIMS - 1), sent, n);
      prevWord = wordHash;
      hasPrev = true;
    }
    const space = isSpace(c);
    if (!(space && lastSpace)) {
      const g = space ? 32 : c;
      let h = Math.imul(SALT_GRAM ^ g0, FNV_PRIME);
      h = Math.imul(h ^ g1, FNV_PRIME);
      h = Math.imul(h ^ g2, FNV_PRIME);
      h = Math.imul(h ^ g, FNV_PRIME);
      n = push((h >>> 0) & (MODEL_DIMS - 1), sent, n);
      g0 = g1; g1 = g2; g2 = g;
      lastSpace = space;
    }
    if (k < L && isSentenceEnd(c)) {
      sentEnd.push(k + 1);
      sentStart.push(k + 1);
      sent++;
    }
  }
  sentEnd.push(L);
  let sq = 0;
  for (let i = 0; i < n; i++) { const b = occBucket[i]!; const v = ++counts[b]!; sq += 2 * v - 1; }
  for (let i = 0; i < n; i++) counts[occBucket[i]!] = 0;
  return { n, bucket: occBucket, sent: occSent, sentStart, sentEnd, norm: Math.sqrt(sq) || 1 };
}

// ---------------------------------------------------------------------------------------------
// The trained model.

export interface ModelFile { dims: number; classes: string[]; bias: number[]; scale: number[]; threshold: Record<string, number>; weights: string }
let M = model as unknown as ModelFile;
const C = MODEL_CLASSES.length;
// Decoded on first use (the training script imports the features before there is a model): the
// four classes' signed bytes of a bucket packed in one 32-bit word, class k in byte k, so scoring
// reads one word per feature; each class's scale is applied once per text.
let W: Int32Array | undefined;
let perSentence = new Int32Array(64);

function decodeWeights(m: ModelFile): Int32Array {
  // Scoring below is unrolled for four classes.
  if (m.dims !== MODEL_DIMS || m.classes.join() !== MODEL_CLASSES.join() || C !== 4) throw new Error('conduct model: shape does not match the code');
  const bin = atob(m.weights);
  if (bin.length !== MODEL_DIMS * C) throw new Error('conduct model: weight count does not match');
  const w = new Int32Array(MODEL_DIMS);
  for (let b = 0; b < MODEL_DIMS; b++) {
    const at = b * C;
    w[b] = bin.charCodeAt(at) | (bin.charCodeAt(at + 1) << 8) | (bin.charCodeAt(at + 2) << 16) | (bin.charCodeAt(at + 3) << 24);
  }
  return w;
}

export interface ModelVerdict {
  /** Probability per class (MODEL_CLASSES order). */
  prob: number[];
}

let memo: { sc: Scan; verdict: ModelVerdict } | undefined;

/** The model's reading of a text's conduct scan; the last is remembered (the detectors ask in turn). */
export function modelVerdict(sc: Scan): ModelVerdict {
  if (memo?.sc === sc) return memo.verdict;
  const w = (W ??= decodeWeights(M));
  const f = features(sc.lower);
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  for (let i = 0; i < f.n; i++) {
    const x = w[f.bucket[i]!]!;
    r0 += (x << 24) >> 24;
    r1 += (x << 16) >> 24;
    r2 += (x << 8) >> 24;
    r3 += x >> 24;
  }
  const raw = [r0, r1, r2, r3];
  const prob = raw.map((r, k) => 1 / (1 + Math.exp(-((r * M.scale[k]!) / f.norm + M.bias[k]!))));
  const verdict = { prob };
  memo = { sc, verdict };
  return verdict;
}

/**
 * The sentence that weighed most for class k, in the text's normalised offsets: asked only for a
 * finding, so the per-sentence sums are not kept for every text.
 */
function heaviestSentence(lower: string, k: number): { start: number; end: number } {
  const w = (W ??= decodeWeights(M));
  const f = features(lower);
  const sents = f.sentEnd.length;
  if (perSentence.length < sents) perSentence = new Int32Array(sents * 2);
  const per = perSentence;
  per.fill(0, 0, sents);
  const shift = 24 - 8 * k;
  for (let i = 0; i < f.n; i++) per[f.sent[i]!]! += (w[f.bucket[i]!]! << shift) >> 24;
  let best = 0;
  for (let s = 1; s < sents; s++) if (per[s]! > per[best]!) best = s;
  let start = f.sentStart[best]!;
  let end = f.sentEnd[best]!;
  while (start < end && isSpace(lower.charCodeAt(start))) start++;
  while (end > start && isSpace(lower.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Swaps in another trained model (the training script's cross-validation runs the detectors with each fold's). */
export function useModel(m: ModelFile): void {
  M = m;
  W = undefined;
  memo = undefined;
}

/** The class's threshold (from the model file, chosen on held-out rounds). */
export function modelThreshold(cls: ModelClass): number {
  return M.threshold[cls] ?? 1;
}

/**
 * The model's finding for one class, or none under its threshold. Asked only when the word lists
 * found nothing of that class: they explain themselves (threat, demand, condition), the model
 * points at the sentence that weighed most.
 */
export function modelFinding(input: DetectorInput, sc: Scan, cls: ModelClass, detector: string, atLeast = 0): TextFinding | null {
  const k = MODEL_CLASSES.indexOf(cls);
  const v = modelVerdict(sc);
  const p = v.prob[k]!;
  if (p < Math.max(atLeast, modelThreshold(cls))) return null;
  const s = heaviestSentence(sc.lower, k);
  return { type: cls, detector, confidence: p, span: input.norm.toOriginal(s.start, s.end), evidence: { subtype: 'model' } };
}
