import type { FindingType } from '../../models/finding.js';
import type { DetectorInput, TextFinding } from '../types.js';
import { foldCode } from '../fold.js';

/**
 * A learned second opinion beside a detector's word lists: logistic regression over hashed
 * words, word pairs and character 4-grams of the folded, lower-cased text, one weight per class
 * and bucket. `textModel` reads a model file written by scripts/train-models.ts (which trains each
 * on its area's labelled fixtures, the newest blind round held out) and answers with a probability
 * per class, and for a finding the sentence that weighed most.
 *
 * The detectors keep the lists first (they explain a finding: threat, demand, tie, offer) and ask
 * a model only where the lists found nothing, on a text that passes their gate, at thresholds that
 * leave-one-round-out runs of the detectors back (README, Evaluation); its confidence is its
 * probability.
 */

export const MODEL_DIMS = 1 << 15;
/** Classes one model may hold: their weights for a bucket are packed in one 32-bit word. */
const MAX_CLASSES = 4;

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

/** Room for a text's occurrences: at most three per code unit (a 4-gram, a word, a word pair), and the end. */
function reserve(L: number): void {
  const need = 3 * L + 8;
  if (occBucket.length >= need) return;
  occBucket = new Int32Array(need * 2);
  occSent = new Int32Array(need * 2);
}

let lastLower: string | undefined;
let lastFeatures: Features | undefined;

/**
 * The features of a lower-cased text (valid until the next call for another text). Both models
 * ask about the same text, and a finding asks again for its sentence: the last text's are kept.
 */
export function features(lower: string): Features {
  if (lower === lastLower && lastFeatures) return lastFeatures;
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
  reserve(L);
  const bucket = occBucket;
  const sents = occSent;
  let sq = 0;
  for (let k = 0; k <= L; k++) {
    const c = k < L ? foldCode(lower.charCodeAt(k)) : 32;
    const word = k < L && isWordCode(c);
    if (word) {
      if (!inWord) { wordHash = 0x811c9dc5 | 0; inWord = true; }
      wordHash = Math.imul(wordHash ^ c, FNV_PRIME);
    } else if (inWord) {
      inWord = false;
      let b = ((wordHash ^ SALT_WORD) >>> 0) & (MODEL_DIMS - 1);
      bucket[n] = b; sents[n++] = sent; sq += 2 * ++counts[b]! - 1;
      if (hasPrev) {
        b = ((Math.imul(prevWord ^ SALT_PAIR, FNV_PRIME) ^ wordHash) >>> 0) & (MODEL_DIMS - 1);
        bucket[n] = b; sents[n++] = sent; sq += 2 * ++counts[b]! - 1;
      }
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
      const b = (h >>> 0) & (MODEL_DIMS - 1);
      bucket[n] = b; sents[n++] = sent; sq += 2 * ++counts[b]! - 1;
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
  // The squared norm grew with each count (v² − (v−1)² = 2v − 1); the counts go back to zero.
  for (let i = 0; i < n; i++) counts[bucket[i]!] = 0;
  lastLower = lower;
  lastFeatures = { n, bucket, sent: sents, sentStart, sentEnd, norm: Math.sqrt(sq) || 1 };
  return lastFeatures;
}

// ---------------------------------------------------------------------------------------------
// Trained models.

export interface ModelFile { dims: number; classes: string[]; bias: number[]; scale: number[]; threshold: Record<string, number>; weights: string }

export interface TextModel<C extends FindingType> {
  /** Probability per class (`classes` order) of a lower-cased text; the last text's are remembered (the detectors ask in turn). */
  verdict(lower: string): readonly number[];
  /** The class's finding in the input's text, or null under its threshold (or `atLeast`, if higher). */
  finding(input: DetectorInput, cls: C, detector: string, atLeast?: number): TextFinding | null;
  /** Swaps in another trained model of the same classes (cross-validation runs the detectors with each fold's). */
  use(file: ModelFile): void;
}

/** Per-sentence sums for a finding's span, shared by all models (one text at a time). */
let perSentence = new Int32Array(64);

export function textModel<C extends FindingType>(file: ModelFile, classes: readonly C[]): TextModel<C> {
  const C = classes.length;
  if (C > MAX_CLASSES) throw new Error(`text model: at most ${MAX_CLASSES} classes`);
  let M = file;
  // Decoded on first use (the training script imports the features before there is a model):
  // class k's signed byte of a bucket in byte k of one word; each class's scale applied per text.
  let W: Int32Array | undefined;
  let memo: { lower: string; prob: number[] } | undefined;
  const raw = new Int32Array(C);

  const decode = (): Int32Array => {
    if (M.dims !== MODEL_DIMS || M.classes.join() !== classes.join()) throw new Error('text model: shape does not match the code');
    const bin = atob(M.weights);
    if (bin.length !== MODEL_DIMS * C) throw new Error('text model: weight count does not match');
    const w = new Int32Array(MODEL_DIMS);
    for (let b = 0; b < MODEL_DIMS; b++) {
      let x = 0;
      for (let k = 0; k < C; k++) x |= bin.charCodeAt(b * C + k) << (8 * k);
      w[b] = x;
    }
    return w;
  };

  const verdict = (lower: string): readonly number[] => {
    if (memo?.lower === lower) return memo.prob;
    const w = (W ??= decode());
    const f = features(lower);
    // Four byte lanes summed in plain locals (an inner loop over the classes cost a third more).
    let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
    const bucket = f.bucket;
    for (let i = 0; i < f.n; i++) {
      const x = w[bucket[i]!]!;
      r0 += (x << 24) >> 24;
      r1 += (x << 16) >> 24;
      r2 += (x << 8) >> 24;
      r3 += x >> 24;
    }
    raw[0] = r0;
    if (C > 1) raw[1] = r1;
    if (C > 2) raw[2] = r2;
    if (C > 3) raw[3] = r3;
    const prob: number[] = [];
    for (let k = 0; k < C; k++) prob.push(1 / (1 + Math.exp(-((raw[k]! * M.scale[k]!) / f.norm + M.bias[k]!))));
    memo = { lower, prob };
    return prob;
  };

  // The sentence that weighed most for class k: asked only for a finding.
  const heaviestSentence = (lower: string, k: number): { start: number; end: number } => {
    const w = (W ??= decode());
    const f = features(lower);
    const sents = f.sentEnd.length;
    if (perSentence.length < sents) perSentence = new Int32Array(sents * 2);
    const per = perSentence;
    per.fill(0, 0, sents);
    const shift = 24 - 8 * k;
    for (let i = 0; i < f.n; i++) per[f.sent[i]!]! += (w[f.bucket[i]!]! << shift) >> 24;
    // Only sentences with a character that is not space: the padding 4-gram after a final "."
    // counts in an empty last sentence, and a finding needs a span to point at.
    let best = -1;
    let start = 0, end = lower.length;
    for (let s = 0; s < sents; s++) {
      if (best >= 0 && per[s]! <= per[best]!) continue;
      let a = f.sentStart[s]!;
      let b = f.sentEnd[s]!;
      while (a < b && isSpace(lower.charCodeAt(a))) a++;
      while (b > a && isSpace(lower.charCodeAt(b - 1))) b--;
      if (a === b) continue;
      best = s; start = a; end = b;
    }
    return { start, end };
  };

  const threshold = (cls: C): number => M.threshold[cls] ?? 1;

  return {
    verdict,
    finding(input, cls, detector, atLeast = 0) {
      const k = classes.indexOf(cls);
      const p = verdict(input.norm.lower)[k]!;
      if (p < Math.max(atLeast, threshold(cls))) return null;
      const s = heaviestSentence(input.norm.lower, k);
      return { type: cls, detector, confidence: p, span: input.norm.toOriginal(s.start, s.end), evidence: { subtype: 'model' } };
    },
    use(m) {
      M = m;
      W = undefined;
      memo = undefined;
    },
  };
}
