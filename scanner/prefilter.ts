/**
 * A cheap "is there any text here?" test that runs before OCR (a few ms on a 640 px greyscale
 * thumbnail). Printed text is rows of short, high-contrast strokes: in a small cell that means
 * many sharp horizontal intensity steps, and such cells line up in a row (or, on a page turned
 * on its side, in a column). Smooth product shots, gradients and blurred backgrounds have
 * neither, so they skip OCR.
 *
 * It is tuned for recall: a false "text" costs one OCR pass, a false "no text" would let a card
 * through, so the thresholds sit well below what any fixture card, document or label measures.
 */

export interface PrefilterOptions {
  /** Thumbnail long side the caller resized to. */
  cell: number;
  /** Minimum step between neighbouring pixels that counts as a stroke edge (0..255). */
  edge: number;
  /** Scan lines in a cell that must cross a stroke (two steps). */
  minStrokeLines: number;
  /** Edge density range of a text cell (text is busy but not solid noise). */
  minDensity: number;
  maxDensity: number;
  /** Aligned text cells needed to call the image text-bearing. */
  minCells: number;
}

// Measured with scripts/eval-images.ts on both image suites: every card, document and label
// scores 30 aligned cells or more (the weakest: a 455 px passport scan, 30; a 320 px card, 51);
// text-free product shots score 0-26. 12 keeps a 2.5× margin below the weakest positive.
export const DEFAULT_PREFILTER: PrefilterOptions = { cell: 8, edge: 40, minStrokeLines: 2, minDensity: 0.05, maxDensity: 0.6, minCells: 12 };

export interface PrefilterResult {
  hasText: boolean;
  /** Cells that sit in a horizontal or vertical run of at least 3 text cells. */
  alignedCells: number;
  /** Of those, how many runs are vertical rather than horizontal: a page turned by 90°. */
  verticalShare: number;
  textCells: number;
}

export function prefilter(gray: Uint8Array, width: number, height: number, opts: PrefilterOptions = DEFAULT_PREFILTER): PrefilterResult {
  const c = opts.cell;
  const edge = edgeThreshold(gray, opts.edge);
  const cols = Math.floor(width / c), rows = Math.floor(height / c);
  const text = new Uint8Array(cols * rows);
  let textCells = 0;
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      // A stroke crossed by a scan line gives two steps (into the ink and out of it); the edge of
      // a shape or a horizon gives one. Count scan lines that cross at least two steps.
      let strokeRows = 0, strokeCols = 0, steps = 0;
      for (let y = cy * c; y < cy * c + c; y++) {
        const row = y * width;
        let n = 0;
        for (let x = cx * c; x < cx * c + c && x + 1 < width; x++) if (Math.abs(gray[row + x]! - gray[row + x + 1]!) >= edge) n++;
        steps += n;
        if (n >= 2) strokeRows++;
      }
      for (let x = cx * c; x < cx * c + c; x++) {
        let n = 0;
        for (let y = cy * c; y < cy * c + c && y + 1 < height; y++) if (Math.abs(gray[y * width + x]! - gray[(y + 1) * width + x]!) >= edge) n++;
        if (n >= 2) strokeCols++;
      }
      const density = steps / (c * c);
      if (strokeRows >= opts.minStrokeLines && strokeCols >= 1 && density >= opts.minDensity && density <= opts.maxDensity) {
        text[cy * cols + cx] = 1;
        textCells++;
      }
    }
  }
  // Alignment: runs of 3+ text cells along a row or a column.
  const aligned = new Uint8Array(cols * rows);
  let horizontal = 0, vertical = 0;
  for (let cy = 0; cy < rows; cy++) {
    let run = 0;
    for (let cx = 0; cx <= cols; cx++) {
      if (cx < cols && text[cy * cols + cx]) { run++; continue; }
      if (run >= 3) { for (let k = cx - run; k < cx; k++) aligned[cy * cols + k] = 1; horizontal += run; }
      run = 0;
    }
  }
  for (let cx = 0; cx < cols; cx++) {
    let run = 0;
    for (let cy = 0; cy <= rows; cy++) {
      if (cy < rows && text[cy * cols + cx]) { run++; continue; }
      if (run >= 3) { for (let k = cy - run; k < cy; k++) aligned[k * cols + cx] = 1; vertical += run; }
      run = 0;
    }
  }
  let alignedCells = 0;
  for (let i = 0; i < aligned.length; i++) alignedCells += aligned[i]!;
  return { hasText: alignedCells >= opts.minCells, alignedCells, verticalShare: vertical / Math.max(1, horizontal + vertical), textCells };
}

/**
 * The step that counts as an edge, scaled to the image's own contrast (2nd..98th percentile), so
 * a dim photo of a card is judged like a bright scan, and sensor noise on a flat photo is not
 * blown up into strokes the way a global contrast stretch would.
 */
function edgeThreshold(gray: Uint8Array, base: number): number {
  const hist = new Uint32Array(256);
  const stride = Math.max(1, Math.floor(gray.length / 20000));
  let n = 0;
  for (let i = 0; i < gray.length; i += stride) { hist[gray[i]!]!++; n++; }
  const at = (q: number) => { let acc = 0; for (let v = 0; v < 256; v++) { acc += hist[v]!; if (acc >= q * n) return v; } return 255; };
  const range = at(0.98) - at(0.02);
  return Math.max(16, Math.min(base, Math.round(range * 0.22)));
}
