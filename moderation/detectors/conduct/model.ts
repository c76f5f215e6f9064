import model from '../../data/conduct-model.json';
import type { DetectorInput, TextFinding } from '../../types.js';
import { foldCode } from './scan.js';

/**
 * A learned second opinion for extortion and incentives: logistic regression over hashed words,
 * word pairs and character 4-grams of the folded text, trained by scripts/train-conduct-model.ts
 * on the labelled conduct fixtures (moderation/data/conduct-model.json says which; the newest
 * blind round is held out). The word-list detectors stay first: they name the threat, the demand
 * and the condition. The model only speaks when they found nothing, at a threshold the held-out
 * rounds back (README, Evaluation), and its confidence is its probability.
 *
 * Why: each blind round written by someone new reached ~0.4-0.5 recall on the word lists even
 * after the round before had been fixed; a model of the same fixtures generalises across
 * phrasings the lists do not hold (held-out extortion recall 0.4-0.8 at precision ≥ 0.9).
 */

export const MODEL_DIMS = 1 << 16;
export const MODEL_CLASSES = ['extortion.threat', 'review_manipulation.incentive'] as const;
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

interface ModelFile { dims: number; classes: string[]; bias: number[]; scale: number[]; threshold: Record<string, number>; weights: string }
const M = model as unknown as ModelFile;
const C = MODEL_CLASSES.length;
// Decoded on first use (the training script imports the features before there is a model), as
// floats with the scale applied: one multiply-add per feature and class when scoring.
let W: Float32Array | undefined;
let perSentence = new Float64Array(64);

function decodeWeights(m: ModelFile): Float32Array {
  // Scoring below is unrolled for two classes.
  if (m.dims !== MODEL_DIMS || m.classes.join() !== MODEL_CLASSES.join() || C !== 2) throw new Error('conduct model: shape does not match the code');
  const bin = atob(m.weights);
  if (bin.length !== MODEL_DIMS * C) throw new Error('conduct model: weight count does not match');
  const w = new Float32Array(bin.length);
  for (let i = 0; i < bin.length; i++) w[i] = ((bin.charCodeAt(i) << 24) >> 24) * m.scale[i % C]!;
  return w;
}

export interface ModelVerdict {
  /** Probability per class (MODEL_CLASSES order). */
  prob: number[];
  /** Per class: the sentence that contributed most, in the text's offsets. */
  span: { start: number; end: number }[];
}

let memo: { lower: string; verdict: ModelVerdict } | undefined;

/** The model's reading of a lower-cased text; the last text is remembered (the detectors ask in turn). */
export function modelVerdict(lower: string): ModelVerdict {
  if (memo?.lower === lower) return memo.verdict;
  const w = (W ??= decodeWeights(M));
  const f = features(lower);
  const sents = f.sentEnd.length;
  if (perSentence.length < sents * C) perSentence = new Float64Array(sents * C * 2);
  const per = perSentence;
  per.fill(0, 0, sents * C);
  const raw = [0, 0];
  for (let i = 0; i < f.n; i++) {
    const b = f.bucket[i]! * C;
    const s = f.sent[i]! * C;
    const v0 = w[b]!, v1 = w[b + 1]!;
    raw[0]! += v0; raw[1]! += v1;
    per[s]! += v0; per[s + 1]! += v1;
  }
  const prob: number[] = [];
  const span: { start: number; end: number }[] = [];
  for (let k = 0; k < C; k++) {
    prob.push(1 / (1 + Math.exp(-(raw[k]! / f.norm + M.bias[k]!))));
    let best = 0;
    for (let s = 1; s < sents; s++) if (per[s * C + k]! > per[best * C + k]!) best = s;
    let start = f.sentStart[best]!;
    let end = f.sentEnd[best]!;
    while (start < end && isSpace(lower.charCodeAt(start))) start++;
    while (end > start && isSpace(lower.charCodeAt(end - 1))) end--;
    span.push({ start, end });
  }
  const verdict = { prob, span };
  memo = { lower, verdict };
  return verdict;
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
export function modelFinding(input: DetectorInput, cls: ModelClass, detector: string): TextFinding | null {
  const k = MODEL_CLASSES.indexOf(cls);
  const v = modelVerdict(input.norm.lower);
  const p = v.prob[k]!;
  if (p < modelThreshold(cls)) return null;
  const s = v.span[k]!;
  return { type: cls, detector, confidence: p, span: input.norm.toOriginal(s.start, s.end), evidence: { subtype: 'model' } };
}
