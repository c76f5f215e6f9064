import type { Box, FindingType } from '../models/finding.js';
import { normalize } from '../moderation/normalize.js';
import type { DetectorInput, Lang, TextDetector, TextFinding } from '../moderation/types.js';
import { boxesForSpan, unionBox, type OcrPage } from './ocr-page.js';

/**
 * Personal data in an image is found by the same text detectors as in a review: the OCR page
 * text goes through the shared normaliser and every personal-data detector, and each finding's
 * span becomes the union box of the OCR words it touches (the area to blur).
 */

export interface MediaPersonalData {
  type: FindingType; // the text finding's type, kept as the media finding's subtype
  confidence: number;
  box: Box;
}

const LANG_OF_PAGE: Record<OcrPage['lang'], Lang> = { eng: 'en', rus: 'ru' };

export function findPersonalData(pages: readonly OcrPage[], detectors: readonly TextDetector[]): MediaPersonalData[] {
  const out: MediaPersonalData[] = [];
  for (const page of pages) {
    if (!page.text.trim()) continue;
    const input: DetectorInput = {
      norm: normalize(page.text),
      lang: LANG_OF_PAGE[page.lang],
      region: page.lang === 'rus' ? 'RU' : undefined,
      kind: 'review',
      disclosedSellerTie: false,
      config: { platformDomains: [] },
    };
    for (const detector of detectors) {
      let found: TextFinding[];
      try {
        found = detector(input);
      } catch (err) {
        // One broken detector must not lose the others' findings; the error is logged, not the text.
        console.error(JSON.stringify({ event: 'scanner_detector_error', detector: detector.name, error: (err as Error)?.name }));
        continue;
      }
      for (const f of found) {
        if (!f.type.startsWith('personal_data.')) continue;
        const box = unionBox(boxesForSpan(page, f.span.start, f.span.end));
        if (!box) continue;
        // The Latin and Cyrillic passes often both read the same phone or e-mail: keep one box.
        const dup = out.find((o) => o.type === f.type && overlap(o.box, box) > 0.5);
        if (dup) {
          dup.confidence = Math.max(dup.confidence, f.confidence);
          continue;
        }
        out.push({ type: f.type, confidence: f.confidence, box });
      }
    }
  }
  return out;
}

/** Intersection over the smaller box. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1, Math.min(a.width * a.height, b.width * b.height));
}
