import type { Box } from '../models/finding.js';

/**
 * What one OCR pass read, in the ORIGINAL (auto-oriented) image's pixel coordinates. The page
 * text is the words joined by single spaces and the lines by '\n'; every word keeps its offsets
 * into that text, so a finding's span maps back to the boxes of the words it touches.
 */
export interface OcrWord {
  text: string;
  confidence: number; // 0..100, Tesseract's scale
  box: Box;
  start: number;
  end: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
  words: OcrWord[];
}

export interface OcrPage {
  lang: 'eng' | 'rus';
  /** Clockwise rotation applied to the image before this pass (0, 90, 180, 270). */
  rotation: number;
  text: string;
  lines: OcrLine[];
  words: OcrWord[];
}

/** The minimal shape of tesseract.js' `blocks` output that we read. */
export interface RawBBox { x0: number; y0: number; x1: number; y1: number }
export interface RawWord { text: string; confidence: number; bbox: RawBBox }
export interface RawLine { words: RawWord[]; confidence: number; bbox: RawBBox }
export interface RawBlock { paragraphs: { lines: RawLine[] }[] }

/** How OCR-image coordinates map back to the original: rotate back, then undo scale and crop. */
export interface Frame {
  scale: number; // ocr px per original px
  rotation: number; // clockwise degrees applied to the scaled image before OCR
  width: number; // scaled, unrotated OCR image size
  height: number;
  offsetX?: number; // where the OCR image's (0,0) sits in the original, for crops
  offsetY?: number;
  originalWidth: number;
  originalHeight: number;
}

export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width); y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function padBox(b: Box, pad: number, maxW: number, maxH: number): Box {
  const x = Math.max(0, b.x - pad), y = Math.max(0, b.y - pad);
  return { x, y, width: Math.min(maxW, b.x + b.width + pad) - x, height: Math.min(maxH, b.y + b.height + pad) - y };
}

/** Maps a box read on the (scaled, rotated) OCR image back to the original image. */
export function toOriginalBox(bb: RawBBox, f: Frame): Box {
  // Undo the rotation: a point (x, y) on the rotated image came from this point on the unrotated one.
  const back = (x: number, y: number): [number, number] => {
    switch (f.rotation) {
      case 90: return [y, f.height - x];
      case 180: return [f.width - x, f.height - y];
      case 270: return [f.width - y, x];
      default: return [x, y];
    }
  };
  const [ax, ay] = back(bb.x0, bb.y0);
  const [bx, by] = back(bb.x1, bb.y1);
  const ox = f.offsetX ?? 0, oy = f.offsetY ?? 0;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) / f.scale + ox));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) / f.scale + oy));
  const x1 = Math.min(f.originalWidth, Math.ceil(Math.max(ax, bx) / f.scale + ox));
  const y1 = Math.min(f.originalHeight, Math.ceil(Math.max(ay, by) / f.scale + oy));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** Builds the page text and word offsets from tesseract.js blocks. */
export function buildPage(blocks: readonly RawBlock[] | null | undefined, frame: Frame, lang: OcrPage['lang']): OcrPage {
  const lines: OcrLine[] = [];
  const words: OcrWord[] = [];
  let text = '';
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const raw of para.lines) {
        const lineWords: OcrWord[] = [];
        const parts: string[] = [];
        if (lines.length > 0) text += '\n';
        for (const w of raw.words) {
          const t = w.text.trim();
          if (!t) continue;
          if (parts.length > 0) text += ' ';
          const word: OcrWord = { text: t, confidence: w.confidence, box: toOriginalBox(w.bbox, frame), start: text.length, end: text.length + t.length };
          text += t;
          parts.push(t);
          lineWords.push(word);
          words.push(word);
        }
        if (lineWords.length === 0) {
          if (lines.length > 0) text = text.slice(0, -1);
          continue;
        }
        lines.push({ text: parts.join(' '), confidence: raw.confidence, box: toOriginalBox(raw.bbox, frame), words: lineWords });
      }
    }
  }
  return { lang, rotation: frame.rotation, text, lines, words };
}

/** The boxes of the words that overlap page-text span [start, end). */
export function boxesForSpan(page: OcrPage, start: number, end: number): Box[] {
  return page.words.filter((w) => w.start < end && w.end > start).map((w) => w.box);
}

/** Words that read like text: long enough and confident. Used to judge whether a pass read anything. */
export function usefulWordCount(page: OcrPage, minConfidence = 70): number {
  let n = 0;
  for (const w of page.words) if (w.confidence >= minConfidence && /[\p{L}\p{N}]{3,}/u.test(w.text)) n++;
  return n;
}
