import { normalize } from '../../normalize.js';
import type { DetectorInput, TextDetector } from '../../types.js';
import platformDomains from '../../data/platform-domains.json';

/** Test helper: a detector's findings on `text` as the substrings they cover. */
export function run(det: TextDetector, text: string, domains: readonly string[] = platformDomains): string[] {
  return det(inputFor(text, domains)).map((f) => text.slice(f.span.start, f.span.end));
}

export function inputFor(text: string, domains: readonly string[] = platformDomains): DetectorInput {
  return { norm: normalize(text), lang: 'en', region: undefined, kind: 'review', disclosedSellerTie: false, config: { platformDomains: domains } };
}
