/** A literal string as a regular-expression source: word lists from data files become alternations. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
