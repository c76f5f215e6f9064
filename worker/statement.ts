import type { Finding, FindingType } from '../models/finding.js';
import { isFindingType, type DecisionReason, type StatementOfReasons } from '../models/moderation.js';
import rules from './data/platform-rules.json';

/**
 * Statements of reasons (Art. 17 DSA), shaped after the Transparency Database's statement so
 * they can be forwarded there unchanged. Built from finding TYPES and counts only: the facts never
 * quote the content, never carry the moderator's note, and never name the author or moderator.
 */

interface TypeRule { clause: string; category: string; keywords: string[]; describe: string }
interface Clause { title: string; text: string }
const TYPES = rules.types as Record<string, TypeRule>;
const CLAUSES = rules.clauses as Record<string, Clause>;
const OTHER = rules.other as TypeRule;

export const APPEAL_MONTHS = 6;
export const FACTS_MAX = 5_000;

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', ru: 'Russian', es: 'Spanish', pt: 'Portuguese', fr: 'French', pl: 'Polish', uk: 'Ukrainian', de: 'German', it: 'Italian',
};

export interface StatementInput {
  submissionId: string;
  kind: 'review' | 'question' | 'answer';
  textLength: number;
  lang: string;
  media: readonly { contentType: string }[];
  createdAt: number;
  decidedAt: number;
  /** the restriction now in force */
  status: 'redacted' | 'hidden' | 'queued';
  /** what the automated checks found (all of it, text and media) */
  findings: readonly Finding[];
  /** automated decision: the types that drove it */
  reasons: readonly FindingType[];
  /** present when a moderator decided */
  moderator?: {
    decisionId: string;
    reason: DecisionReason;
    /** redact: types of the spans removed (automated ones kept plus the moderator's own) */
    redactedTypes: readonly FindingType[];
    automatedSpansUsed: number;
    addedSpans: number;
    outcomeOfAppeal: boolean;
  };
  version: number;
}

/** Calendar months later, in UTC (31 Aug + 6 months = 28/29 Feb, never 3 Mar). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

export function appealDeadline(decidedAt: number): number {
  return addMonths(decidedAt, APPEAL_MONTHS);
}

function ruleFor(type: FindingType | 'other'): TypeRule {
  return type === 'other' ? OTHER : TYPES[type] ?? OTHER;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function contentTypes(input: StatementInput): StatementOfReasons['content_type'] {
  const out = new Set<StatementOfReasons['content_type'][number]>();
  if (input.textLength > 0) out.add('CONTENT_TYPE_TEXT');
  for (const m of input.media) {
    out.add(m.contentType.startsWith('image/') ? 'CONTENT_TYPE_IMAGE' : m.contentType.startsWith('video/') ? 'CONTENT_TYPE_VIDEO' : 'CONTENT_TYPE_OTHER');
  }
  if (out.size === 0) out.add('CONTENT_TYPE_OTHER');
  return [...out];
}

/** The rules the decision enforces, most decisive first. */
function decisiveTypes(input: StatementInput): (FindingType | 'other')[] {
  const out: (FindingType | 'other')[] = [];
  const add = (t: FindingType | 'other') => { if (!out.includes(t)) out.push(t); };
  if (input.moderator) {
    const r = input.moderator.reason;
    if (isFindingType(r)) add(r);
    else if (r === 'other') add('other');
    for (const t of input.moderator.redactedTypes) add(t);
  } else {
    for (const t of input.reasons) add(t);
  }
  if (out.length === 0) add('other');
  return out;
}

function counted(findings: readonly Finding[]): string {
  const counts = new Map<FindingType, number>();
  for (const f of findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${ruleFor(t).describe}${n > 1 ? ` (${n} times)` : ''}`).join('; ');
}

function facts(input: StatementInput, types: (FindingType | 'other')[]): string {
  const parts: string[] = [];
  const lang = LANGUAGE_NAMES[input.lang] ?? input.lang;
  const photos = input.media.length ? `, with ${input.media.length} attached file${input.media.length > 1 ? 's' : ''}` : '';
  const text = input.textLength > 0 ? `${input.textLength} characters of text in ${lang}` : 'no text';
  parts.push(`A ${input.kind} (${text}${photos}) was submitted on ${day(input.createdAt)}.`);
  parts.push(input.findings.length ? `Automated checks found: ${counted(input.findings)}.` : 'Automated checks found nothing that breaks the content rules.');
  const m = input.moderator;
  const what = types.map((t) => ruleFor(t).describe).join('; ');
  if (!m) {
    if (input.status === 'hidden') parts.push(`Under the content rules this hides the ${input.kind} automatically, because it contains ${what}.`);
    else if (input.status === 'redacted') parts.push(`The parts containing ${what} were removed automatically before publication; the rest is published.`);
    else parts.push(`Publication is withheld until a moderator reviews the ${input.kind}, because it may contain ${what}.`);
  } else {
    if (m.outcomeOfAppeal) parts.push('The author appealed an earlier decision; a moderator who did not take that decision reviewed the appeal.');
    if (input.status === 'hidden') parts.push(`A moderator reviewed the ${input.kind} on ${day(input.decidedAt)} and removed it, because it contains ${what}.`);
    else {
      const n = m.automatedSpansUsed + m.addedSpans;
      parts.push(`A moderator reviewed the ${input.kind} on ${day(input.decidedAt)} and published it with ${n} part${n === 1 ? '' : 's'} removed, because ${n === 1 ? 'it contains' : 'they contain'} ${what}.`);
    }
  }
  return parts.join(' ').slice(0, FACTS_MAX);
}

export function buildStatement(input: StatementInput): StatementOfReasons {
  const types = decisiveTypes(input);
  const typeRules = types.map((t) => ({ type: t, rule: ruleFor(t) }));
  const clauses = [...new Set(typeRules.map((r) => r.rule.clause))];
  const categories = [...new Set(typeRules.map((r) => r.rule.category))];
  const keywords = [...new Set(typeRules.flatMap((r) => r.rule.keywords))];
  const doc = rules.document;
  const visibility: Pick<StatementOfReasons, 'decision_visibility' | 'decision_visibility_other'> =
    input.status === 'hidden'
      ? { decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'] }
      : input.status === 'redacted'
        ? { decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: 'Parts of the content were removed before publication; the rest is published.' }
        : { decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: 'Publication is withheld until a moderator has reviewed the content.' };
  const m = input.moderator;
  const automatedDecision: StatementOfReasons['automated_decision'] = !m
    ? 'AUTOMATED_DECISION_FULLY'
    : m.automatedSpansUsed > 0
      ? 'AUTOMATED_DECISION_PARTIALLY'
      : 'AUTOMATED_DECISION_NOT_AUTOMATED';
  const decided = input.decidedAt;
  // A withheld item has not been decided yet: the complaint is about the final decision.
  const appealable = input.status !== 'queued' && !(m?.outcomeOfAppeal ?? false);
  return {
    puid: m ? `sor_${m.decisionId}` : `sor_${input.submissionId}_v${input.version}`,
    submission_id: input.submissionId,
    decision_id: m?.decisionId ?? null,
    ...visibility,
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: `${doc.title} (version ${doc.version}), ${clauses.map((c) => `clause ${c} "${CLAUSES[c]?.title ?? ''}"`).join(', ')}; ${doc.url}`.slice(0, 500),
    incompatible_content_explanation: clauses.map((c) => CLAUSES[c]?.text ?? '').join(' ').slice(0, 2000),
    incompatible_content_illegal: 'No',
    category: categories[0]!,
    category_addition: categories.slice(1),
    category_specification: keywords,
    decision_facts: facts(input, types),
    content_type: contentTypes(input),
    ...(/^[a-z]{2}$/.test(input.lang) ? { content_language: input.lang.toUpperCase() } : {}),
    content_date: day(input.createdAt),
    application_date: day(decided),
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: input.findings.length > 0 ? 'Yes' : 'No',
    automated_decision: automatedDecision,
    platform_rules: typeRules.map((r) => ({ findingType: r.type, clause: r.rule.clause, title: CLAUSES[r.rule.clause]?.title ?? '' })),
    redress: {
      internal_complaint: {
        available: appealable,
        deadline: new Date(appealDeadline(decided)).toISOString(),
        how: appealable
          ? `Appeal through the marketplace within ${APPEAL_MONTHS} months of the decision (storefront: POST /v1/submissions/${input.submissionId}/appeals). A moderator who did not take this decision reviews it.`
          : m?.outcomeOfAppeal
            ? 'This decision is the outcome of an appeal; the internal complaint procedure is exhausted.'
            : 'An appeal is possible once a moderator has decided.',
      },
      out_of_court_settlement: true,
      judicial_redress: true,
    },
    outcome_of_appeal: m?.outcomeOfAppeal ?? false,
    created_at: new Date(decided).toISOString(),
  };
}
