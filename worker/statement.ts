import type { Finding, FindingType } from '../models/finding.js';
import { isFindingType, type DecisionReason, type StatementOfReasons } from '../models/moderation.js';
import { LANGS, type Lang } from '../moderation/types.js';
import rules from './data/platform-rules.json';
import en from './data/statements/en.json';
import es from './data/statements/es.json';
import fr from './data/statements/fr.json';
import pl from './data/statements/pl.json';
import pt from './data/statements/pt.json';
import ru from './data/statements/ru.json';
import uk from './data/statements/uk.json';

/**
 * Statements of reasons (Art. 17 DSA), shaped after the Transparency Database's statement so
 * they can be forwarded there unchanged. Built from finding TYPES and counts only: the facts never
 * quote the content, never carry the moderator's note, and never name the author or moderator.
 *
 * The fixed texts (facts, rule titles and texts, what each type is called, redress) are in the
 * submission's language: data/statements/<lang>.json for the seven languages the pipeline knows
 * (the language stored with the submission: its locale, or the detected one, as for the buyer
 * messages). A key missing from a language file falls back to English, and so does any other
 * language. Enumerations, dates, clause numbers and URLs stay as they are.
 */

interface TypeRule { clause: string; category: string; keywords: string[] }
const TYPES = rules.types as Record<string, TypeRule>;
const OTHER = rules.other as TypeRule;

export type StatementTexts = typeof en;
type Plural = Record<string, string>;

/** `over` laid on `base` key by key (objects merged, anything else replaced). */
function overlay<T>(base: T, over: unknown): T {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return (typeof over === typeof base ? over : base) as T;
  if (typeof over !== 'object' || over === null) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? overlay(out[k], v) : v;
  return out as T;
}

export const STATEMENT_TEXTS: Readonly<Record<Lang, unknown>> = { en, ru, es, pt, fr, pl, uk };
const TEXTS = Object.fromEntries(LANGS.map((l) => [l, overlay(en, STATEMENT_TEXTS[l])])) as Record<Lang, StatementTexts>;

/** The language a statement is written in: the submission's when we have texts for it, else English. */
export function statementLang(lang: string): Lang {
  return (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : 'en';
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function plural(lang: Lang, forms: Plural, n: number): string {
  let pr = pluralRules.get(lang);
  if (!pr) pluralRules.set(lang, (pr = new Intl.PluralRules(lang)));
  return fill(forms[pr.select(n)] ?? forms.other ?? '{n}', { n });
}

export const APPEAL_MONTHS = 6;
export const FACTS_MAX = 5_000;

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

function describe(t: StatementTexts, type: FindingType | 'other'): string {
  const d = t.describe as Record<string, string>;
  return d[type] ?? d.other!;
}

function counted(t: StatementTexts, lang: Lang, findings: readonly Finding[]): string {
  const counts = new Map<FindingType, number>();
  for (const f of findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  return [...counts]
    .map(([type, n]) => (n > 1 ? fill(t.facts.counted, { what: describe(t, type), times: plural(lang, t.plurals.times, n) }) : describe(t, type)))
    .join(t.facts.listSeparator);
}

function facts(input: StatementInput, types: (FindingType | 'other')[], lang: Lang): string {
  const t = TEXTS[lang];
  const f = t.facts;
  const kind = t.kinds[input.kind];
  const language = (t.languages as Record<string, string>)[input.lang] ?? input.lang;
  const parts: string[] = [];
  const files = input.media.length ? fill(f.withFiles, { files: plural(lang, t.plurals.files, input.media.length) }) : '';
  const text = input.textLength > 0 ? fill(f.text, { characters: plural(lang, t.plurals.characters, input.textLength), language }) : f.noText;
  const vars = { a: kind.a, the: kind.the, date: day(input.createdAt) };
  parts.push(fill(f.submitted, { ...vars, text, files }));
  parts.push(input.findings.length ? fill(f.found, { list: counted(t, lang, input.findings) }) : f.foundNothing);
  const m = input.moderator;
  const what = types.map((type) => describe(t, type)).join(f.listSeparator);
  if (!m) {
    if (input.status === 'hidden') parts.push(fill(f.autoHidden, { ...vars, what }));
    else if (input.status === 'redacted') parts.push(fill(f.autoRedacted, { ...vars, what }));
    else parts.push(fill(f.autoQueued, { ...vars, what }));
  } else {
    const decided = { ...vars, date: day(input.decidedAt), what };
    if (m.outcomeOfAppeal) parts.push(f.appealed);
    if (input.status === 'hidden') parts.push(fill(f.moderatorHidden, decided));
    else {
      const n = m.automatedSpansUsed + m.addedSpans;
      parts.push(fill(n === 1 ? f.moderatorRedactedOne : f.moderatorRedactedMany, { ...decided, parts: plural(lang, t.plurals.parts, n) }));
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
  const lang = statementLang(input.lang);
  const t = TEXTS[lang];
  const clauseText = t.clauses as Record<string, { title: string; text: string }>;
  const title = (c: string) => clauseText[c]?.title ?? '';
  const visibility: Pick<StatementOfReasons, 'decision_visibility' | 'decision_visibility_other'> =
    input.status === 'hidden'
      ? { decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'] }
      : input.status === 'redacted'
        ? { decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: t.visibility.redacted }
        : { decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: t.visibility.queued };
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
    incompatible_content_ground: fill(t.ground.text, {
      title: t.document.title, version: rules.document.version, url: rules.document.url,
      clauses: clauses.map((c) => fill(t.ground.clause, { clause: c, title: title(c) })).join(t.ground.separator),
    }).slice(0, 500),
    incompatible_content_explanation: clauses.map((c) => clauseText[c]?.text ?? '').join(' ').slice(0, 2000),
    incompatible_content_illegal: 'No',
    category: categories[0]!,
    category_addition: categories.slice(1),
    category_specification: keywords,
    decision_facts: facts(input, types, lang),
    content_type: contentTypes(input),
    ...(/^[a-z]{2}$/.test(input.lang) ? { content_language: input.lang.toUpperCase() } : {}),
    content_date: day(input.createdAt),
    application_date: day(decided),
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: input.findings.length > 0 ? 'Yes' : 'No',
    automated_decision: automatedDecision,
    platform_rules: typeRules.map((r) => ({ findingType: r.type, clause: r.rule.clause, title: title(r.rule.clause) })),
    redress: {
      internal_complaint: {
        available: appealable,
        deadline: new Date(appealDeadline(decided)).toISOString(),
        how: appealable
          ? fill(t.redress.appeal, { months: plural(lang, t.plurals.months, APPEAL_MONTHS), submissionId: input.submissionId })
          : m?.outcomeOfAppeal
            ? t.redress.exhausted
            : t.redress.notYet,
      },
      out_of_court_settlement: true,
      judicial_redress: true,
    },
    outcome_of_appeal: m?.outcomeOfAppeal ?? false,
    created_at: new Date(decided).toISOString(),
  };
}
