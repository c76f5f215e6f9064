import type { FindingType } from '../models/finding.js';
import type { Lang } from './types.js';
import placeholders from './data/placeholders.json';

/**
 * Replaces each span by a typed, localised placeholder ("[phone removed]", "[телефон удалён]").
 *
 * - Never partial: a span that cuts into a word or number is widened to the whole run of letters
 *   and digits, and never splits a surrogate pair or a combining sequence, so no tail of the value
 *   ("…567") survives.
 * - Overlapping and touching spans, and spans of one type separated only by spaces, become one
 *   placeholder, named after the type that covers the most text.
 * - Idempotent: placeholders contain no digits, "@" or street words, so the detectors find nothing
 *   in them and redacting redacted text returns it unchanged.
 */

type Item = { type: FindingType | string; span: { start: number; end: number } };
type Table = Record<string, Partial<Record<Lang, string>>>;

const TABLE = placeholders as unknown as Table;

export function placeholderFor(type: string, lang: Lang): string {
  const row = TABLE[type] ?? TABLE.default!;
  return row[lang] ?? row.en ?? TABLE.default!.en!;
}

const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
const isWordAt = (s: string, i: number): boolean => {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return WORD_CHAR_RE.test(s.slice(i - 1, i + 1)); // low surrogate: look at the pair
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR_RE.test(s.slice(i, i + 2));
  return WORD_CHAR_RE.test(s[i]!);
};
// Zero-width and joiner characters hidden inside a value belong to it.
const INVISIBLE_RE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\uFE00-\uFE0F\u20E3]/;

/** Widen [start, end) so it never cuts a word, number, surrogate pair or combining sequence. */
function widen(s: string, start: number, end: number): [number, number] {
  let a = Math.max(0, Math.min(start, s.length));
  let b = Math.max(a, Math.min(end, s.length));
  if (a === b) return [a, b];
  while (a > 0 && ((isWordAt(s, a - 1) && isWordAt(s, a)) || INVISIBLE_RE.test(s[a - 1]!) || (s.charCodeAt(a) >= 0xdc00 && s.charCodeAt(a) <= 0xdfff))) a--;
  while (b < s.length && ((isWordAt(s, b - 1) && isWordAt(s, b)) || INVISIBLE_RE.test(s[b]!) || /\p{M}/u.test(s[b]!) || (s.charCodeAt(b) >= 0xdc00 && s.charCodeAt(b) <= 0xdfff))) b++;
  return [a, b];
}

export function redact(original: string, items: readonly Item[], lang: Lang): string {
  const spans = items
    .map((it) => { const [start, end] = widen(original, it.span.start, it.span.end); return { type: String(it.type), start, end }; })
    .filter((x) => x.end > x.start)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  if (spans.length === 0) return original;

  // Merge overlapping/touching spans (and same-type spans with only spaces between).
  const merged: { start: number; end: number; cover: Map<string, number> }[] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    const gap = last ? original.slice(last.end, sp.start) : '';
    const joins = last && (sp.start <= last.end || (/^[ \t]+$/.test(gap) && last.cover.has(sp.type) && last.cover.size === 1));
    if (last && joins) {
      last.end = Math.max(last.end, sp.end);
      last.cover.set(sp.type, (last.cover.get(sp.type) ?? 0) + (sp.end - sp.start));
    } else {
      merged.push({ start: sp.start, end: sp.end, cover: new Map([[sp.type, sp.end - sp.start]]) });
    }
  }
  let out = '';
  let pos = 0;
  for (const m of merged) {
    let type = '';
    let most = -1;
    for (const [t, n] of m.cover) if (n > most) { most = n; type = t; }
    out += original.slice(pos, m.start) + placeholderFor(type, lang);
    pos = m.end;
  }
  return out + original.slice(pos);
}
