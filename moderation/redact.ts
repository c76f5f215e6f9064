// TEMPORARY placeholder by the lead so the worker builds; the personal-data helper replaces this file.
import type { FindingType } from '../models/finding.js';
import type { Lang } from './types.js';
export function redact(original: string, items: { type: FindingType; span: { start: number; end: number } }[], _lang: Lang): string {
  const spans = [...items].sort((a, b) => b.span.start - a.span.start);
  let out = original;
  for (const i of spans) out = out.slice(0, i.span.start) + `[${i.type.split('.')[1]} removed]` + out.slice(i.span.end);
  return out;
}
