import { describe, expect, it } from 'vitest';
import { boxesForSpan, buildPage, toOriginalBox, unionBox, type Frame, type RawBlock } from './ocr-page.js';

const frame = (rotation: number, scale = 2): Frame => ({ scale, rotation, width: 200, height: 100, originalWidth: 100, originalHeight: 50 });

describe('toOriginalBox', () => {
  it('undoes scale and each quarter turn', () => {
    // A box at (20,10)-(60,30) on the 200×100 OCR image is (10,5)-(30,15) in the original.
    expect(toOriginalBox({ x0: 20, y0: 10, x1: 60, y1: 30 }, frame(0))).toEqual({ x: 10, y: 5, width: 20, height: 10 });
    // The same spot after the OCR image was turned 90° clockwise (now 100 wide, 200 tall): (x,y) → (H-y, x).
    expect(toOriginalBox({ x0: 70, y0: 20, x1: 90, y1: 60 }, frame(90))).toEqual({ x: 10, y: 5, width: 20, height: 10 });
    // Turned 180°: (x,y) → (W-x, H-y).
    expect(toOriginalBox({ x0: 140, y0: 70, x1: 180, y1: 90 }, frame(180))).toEqual({ x: 10, y: 5, width: 20, height: 10 });
    // Turned 270° (90° counter-clockwise, 100 wide, 200 tall): (x,y) → (y, W-x).
    expect(toOriginalBox({ x0: 10, y0: 140, x1: 30, y1: 180 }, frame(270))).toEqual({ x: 10, y: 5, width: 20, height: 10 });
  });

  it('clamps to the image', () => {
    expect(toOriginalBox({ x0: -10, y0: -10, x1: 500, y1: 500 }, frame(0))).toEqual({ x: 0, y: 0, width: 100, height: 50 });
  });
});

describe('buildPage / boxesForSpan', () => {
  const word = (text: string, x0: number, y0: number) => ({ text, confidence: 90, bbox: { x0, y0, x1: x0 + text.length * 10, y1: y0 + 10 } });
  const blocks: RawBlock[] = [{
    paragraphs: [{
      lines: [
        { confidence: 90, bbox: { x0: 0, y0: 0, x1: 100, y1: 10 }, words: [word('Call', 0, 0), word('  ', 45, 0), word('+7', 50, 0)] },
        { confidence: 90, bbox: { x0: 0, y0: 20, x1: 100, y1: 30 }, words: [word('916', 0, 20), word('123-45-67', 40, 20)] },
      ],
    }],
  }];

  it('joins words with spaces and lines with newlines, keeping offsets', () => {
    const page = buildPage(blocks, frame(0, 1), 'eng');
    expect(page.text).toBe('Call +7\n916 123-45-67');
    for (const w of page.words) expect(page.text.slice(w.start, w.end)).toBe(w.text);
  });

  it('maps a span across a line break to both lines’ words', () => {
    const page = buildPage(blocks, frame(0, 1), 'eng');
    const start = page.text.indexOf('+7');
    const boxes = boxesForSpan(page, start, page.text.length);
    expect(boxes).toHaveLength(3);
    expect(unionBox(boxes)).toEqual({ x: 0, y: 0, width: 100, height: 30 }); // clamped to the 100 px original
  });
});
