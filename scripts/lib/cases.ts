import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FindingTypeSchema } from '../../models/finding.js';

/** The labelled-case format shared by our fixtures and ../shared/peer-suites (its README). */
export const CaseSchema = z.object({
  id: z.string(),
  submission: z.object({
    kind: z.enum(['review', 'question', 'answer']),
    text: z.string(),
    locale: z.string().optional(),
    rating: z.number().optional(),
    author: z.object({ accountId: z.string(), disclosedSellerTie: z.boolean().optional() }).passthrough(),
    seller: z.object({ id: z.string() }),
  }).passthrough(),
  expect: z.object({
    findings: z.array(z.object({ type: FindingTypeSchema, text: z.string().optional() })).default([]),
    mustNotFind: z.array(FindingTypeSchema).optional(),
    action: z.enum(['publish', 'redact', 'hide', 'queue']).optional(),
  }),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type Case = z.infer<typeof CaseSchema>;

export function readCases(path: string): Case[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = CaseSchema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${path}:${i + 1}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}

/** Every occurrence of `needle` in `text`, as spans. */
export function spansOf(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
  return out;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
