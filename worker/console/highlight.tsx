import type { Finding } from '../../models/finding.js';

/**
 * The original text cut at every finding and evidence boundary, so each finding is highlighted
 * at its span even where findings overlap. Each piece carries its offset in the submitted text
 * (`data-s`), which lets the console turn a mouse selection into a redaction span. Text goes
 * through hono/jsx, which escapes it: nothing here is ever raw HTML.
 */

export interface Segment {
  start: number;
  end: number;
  /** indexes into the findings array whose span covers this piece */
  findings: number[];
  /** evidence roles covering this piece ("threat", "demand", ...) */
  evidence: string[];
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(max, Math.trunc(n)));
}

export function segments(text: string, findings: readonly Finding[]): Segment[] {
  const n = text.length;
  const cuts = new Set<number>([0, n]);
  const ranges: { start: number; end: number; finding?: number; role?: string }[] = [];
  findings.forEach((f, i) => {
    if (f.span) ranges.push({ start: clamp(f.span.start, n), end: clamp(f.span.end, n), finding: i });
    for (const e of f.evidence?.spans ?? []) ranges.push({ start: clamp(e.start, n), end: clamp(e.end, n), role: e.role });
  });
  for (const r of ranges) if (r.end > r.start) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    if (end <= start) continue;
    const cover = ranges.filter((r) => r.start <= start && r.end >= end && r.end > r.start);
    out.push({
      start,
      end,
      findings: [...new Set(cover.filter((r) => r.finding !== undefined).map((r) => r.finding!))],
      evidence: [...new Set(cover.filter((r) => r.role !== undefined).map((r) => r.role!))],
    });
  }
  return out;
}

export function category(type: string): string {
  return type.split('.')[0] ?? 'other';
}

export function Highlighted(props: { text: string; findings: readonly Finding[] }) {
  const first = new Set<number>();
  return (
    <pre class="text" id="original">
      {segments(props.text, props.findings).map((s) => {
        const piece = props.text.slice(s.start, s.end);
        if (s.findings.length === 0 && s.evidence.length === 0) return <span data-s={String(s.start)}>{piece}</span>;
        const types = s.findings.map((i) => `#${i + 1} ${props.findings[i]!.type}`);
        const title = [...types, ...s.evidence.map((r) => `evidence: ${r}`)].join(' · ');
        const anchor = s.findings.find((i) => !first.has(i));
        if (anchor !== undefined) first.add(anchor);
        const cls = [
          'hl',
          ...new Set(s.findings.map((i) => `c-${category(props.findings[i]!.type)}`)),
          s.findings.length > 1 ? 'multi' : '',
          s.evidence.length ? 'ev' : '',
        ].filter(Boolean).join(' ');
        const data = s.findings.map((i) => String(i + 1)).join(' ');
        return s.findings.length > 0 ? (
          <mark class={cls} data-s={String(s.start)} data-findings={data} title={title} id={anchor !== undefined ? `f-${anchor + 1}` : undefined}>{piece}</mark>
        ) : (
          <span class="ev" data-s={String(s.start)} title={title}>{piece}</span>
        );
      })}
    </pre>
  );
}
