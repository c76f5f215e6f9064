import type { OcrLine, OcrPage, OcrWord } from './ocr-page.js';

/**
 * Builds an OcrPage from plain lines for unit tests of the detectors: each word gets a box on a
 * monospace grid (20 px per character, 40 px per line), so spans map to predictable boxes.
 */
export function pageFromLines(lines: readonly string[], opts: { lang?: OcrPage['lang']; confidence?: number } = {}): OcrPage {
  const words: OcrWord[] = [];
  const out: OcrLine[] = [];
  let text = '';
  lines.forEach((line, li) => {
    if (li > 0) text += '\n';
    const lineWords: OcrWord[] = [];
    let col = 0;
    for (const part of line.split(' ')) {
      if (part) {
        if (lineWords.length > 0) text += ' ';
        const w: OcrWord = {
          text: part, confidence: opts.confidence ?? 90,
          box: { x: col * 20, y: li * 40, width: part.length * 20, height: 30 },
          start: text.length, end: text.length + part.length,
        };
        text += part;
        lineWords.push(w);
        words.push(w);
      }
      col += part.length + 1;
    }
    const last = lineWords[lineWords.length - 1];
    out.push({ text: lineWords.map((w) => w.text).join(' '), confidence: opts.confidence ?? 90, words: lineWords, box: { x: 0, y: li * 40, width: last ? last.box.x + last.box.width : 0, height: 30 } });
  });
  return { lang: opts.lang ?? 'eng', rotation: 0, text, lines: out, words };
}
