import { describe, expect, it } from 'vitest';
import { FINDING_TYPES } from '../../models/finding.js';
import { StatementOfReasonsSchema } from '../../models/moderation.js';
import { LANGS } from '../../moderation/types.js';
import rules from '../../worker/data/platform-rules.json';
import { buildStatement, STATEMENT_TEXTS, statementLang, type StatementInput } from '../../worker/statement.js';

/** worker/data/statements/<lang>.json: every key in every language, same placeholders, real plurals. */

type Tree = { [k: string]: string | Tree };
const EN = STATEMENT_TEXTS.en as Tree;

/** path → string, for every leaf ($comment excluded). */
function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (k === '$comment') continue;
    const p = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(p, v);
    else for (const [pp, vv] of leaves(v, p)) out.set(pp, vv);
  }
  return out;
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
/** Which kind form a sentence uses is the translator's choice (grammar differs); everything else must be there. */
const OPTIONAL = new Set(['a', 'the']);

describe('statement texts', () => {
  const en = leaves(EN);
  const pluralPaths = Object.keys((EN as { plurals: Tree }).plurals).map((k) => `plurals.${k}`);

  it('English covers every finding type, every clause, every kind and every language', () => {
    for (const t of [...FINDING_TYPES, 'other']) expect(en.has(`describe.${t}`), t).toBe(true);
    for (const c of rules.clauses) for (const f of ['title', 'text']) expect(en.has(`clauses.${c}.${f}`), c).toBe(true);
    for (const t of Object.values(rules.types)) expect(rules.clauses, t.clause).toContain(t.clause);
    for (const k of ['review', 'question', 'answer']) for (const f of ['a', 'the']) expect(en.has(`kinds.${k}.${f}`)).toBe(true);
    for (const l of LANGS) expect(en.has(`languages.${l}`), l).toBe(true);
  });

  for (const lang of LANGS) {
    it(`${lang}: the same keys as English, non-empty, same placeholders, a form for every plural category`, () => {
      const mine = leaves(STATEMENT_TEXTS[lang] as Tree);
      const isPlural = (p: string) => pluralPaths.some((pp) => p.startsWith(`${pp}.`));
      // plural categories differ per language; everything else is key for key
      expect([...mine.keys()].filter((p) => !isPlural(p)).sort()).toEqual([...en.keys()].filter((p) => !isPlural(p)).sort());
      for (const [p, s] of mine) {
        expect(s.trim().length, `${lang} ${p}`).toBeGreaterThan(0);
        const separator = /[sS]eparator$/.test(p); // "; " and ", " carry their spaces
        expect(s, `${lang} ${p}`).not.toMatch(separator ? /[<>\n]/ : /[<>\n]|\s{2}|^\s|\s$/);
        if (isPlural(p)) { expect([...placeholders(s)], `${lang} ${p}`).toEqual(['n']); continue; }
        const want = placeholders(en.get(p)!);
        const got = placeholders(s);
        for (const v of got) expect(want.has(v), `${lang} ${p}: unknown {${v}}`).toBe(true);
        for (const v of want) if (!OPTIONAL.has(v)) expect(got.has(v), `${lang} ${p}: missing {${v}}`).toBe(true);
      }
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const pp of pluralPaths) {
        for (const c of categories) expect(mine.has(`${pp}.${c}`), `${lang} ${pp}.${c}`).toBe(true);
        for (const p of mine.keys()) if (p.startsWith(`${pp}.`)) expect(categories, `${lang} ${p}`).toContain(p.slice(pp.length + 1));
      }
    });
  }

  it('translations are not English copies', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const mine = leaves(STATEMENT_TEXTS[lang] as Tree);
      for (const [p, s] of en) {
        if (p === 'facts.counted' || p === 'facts.listSeparator' || p === 'ground.separator' || p.startsWith('plurals.times')) continue;
        // "phishing" and "(version {version})" happen to be the same word in some languages
        if (s.length < 12 || /^(?:ground\.text|clauses\.3\.3\.title)$/.test(p)) continue;
        expect(mine.get(p), `${lang} ${p}`).not.toBe(s);
      }
    }
  });
});

describe('statements in the submission language', () => {
  const base: StatementInput = {
    submissionId: 'sub_1', kind: 'review', textLength: 42, lang: 'ru', media: [{ contentType: 'image/jpeg' }], createdAt: Date.UTC(2026, 0, 5),
    decidedAt: Date.UTC(2026, 0, 6), status: 'hidden', reasons: ['extortion.threat'], version: 1,
    findings: [
      { type: 'extortion.threat', detector: 'conduct', confidence: 0.9, action: 'queue', span: { start: 0, end: 5 }, message: '' },
      { type: 'personal_data.phone', detector: 'personal-data', confidence: 0.9, action: 'redact', span: { start: 6, end: 9 }, message: '' },
      { type: 'personal_data.phone', detector: 'personal-data', confidence: 0.9, action: 'redact', span: { start: 10, end: 19 }, message: '' },
    ],
  };
  const variants: StatementInput[] = [
    base,
    { ...base, status: 'redacted', kind: 'question' },
    { ...base, status: 'queued', kind: 'answer', findings: [], media: [] },
    { ...base, status: 'redacted', moderator: { decisionId: 'dec_1', reason: 'personal_data.phone', redactedTypes: ['personal_data.phone'], automatedSpansUsed: 1, addedSpans: 0, outcomeOfAppeal: false } },
    { ...base, status: 'redacted', moderator: { decisionId: 'dec_1', reason: 'other', redactedTypes: ['personal_data.phone'], automatedSpansUsed: 2, addedSpans: 3, outcomeOfAppeal: true } },
    { ...base, status: 'hidden', moderator: { decisionId: 'dec_1', reason: 'extortion.threat', redactedTypes: [], automatedSpansUsed: 0, addedSpans: 0, outcomeOfAppeal: false } },
  ];

  it('a Russian submission gets its statement in Russian, every variant, with no placeholder left', () => {
    for (const v of variants) {
      const st = StatementOfReasonsSchema.parse(buildStatement(v));
      const prose = [st.decision_facts, st.incompatible_content_explanation, st.decision_visibility_other ?? '', ...st.platform_rules.map((r) => r.title)];
      for (const s of prose) {
        expect(s, s).not.toMatch(/[A-Za-z]{3,}|\{\w+\}/);
        expect(s, s).not.toMatch(/[іїєґ]/i); // no Ukrainian letters in Russian
      }
      expect(st.decision_facts).toMatch(/[а-яё]{4,}/i);
      expect(st.incompatible_content_ground).toMatch(/^Правила размещения .* пункт /);
      expect(st.redress.internal_complaint.how).toMatch(/[а-яё]{4,}/i);
      expect(st.content_language).toBe('RU');
    }
    const st = buildStatement(base);
    expect(st.decision_facts).toContain('Отзыв (42 символа текста, язык: русский, 1 вложенный файл) отправлен 2026-01-05.');
    expect(st.decision_facts).toContain('номер телефона (2 раза)');
    expect(st.platform_rules[0]!.title).toBe('Никакого вымогательства');
  });

  it('every language renders every variant without placeholders; Cyrillic languages without Latin words', () => {
    for (const lang of LANGS) {
      for (const v of variants) {
        const st = StatementOfReasonsSchema.parse(buildStatement({ ...v, lang }));
        for (const s of [st.decision_facts, st.incompatible_content_ground, st.redress.internal_complaint.how, st.decision_visibility_other ?? '']) {
          expect(s, `${lang}: ${s}`).not.toMatch(/\{\w+\}|undefined/);
        }
        if (lang === 'uk') expect(st.decision_facts, st.decision_facts).not.toMatch(/[A-Za-z]{3,}|[ыэъё]/i);
        if (lang !== 'en') expect(st.decision_facts).not.toBe(buildStatement({ ...v, lang: 'en' }).decision_facts);
      }
    }
  });

  it('English stays as it was; other languages fall back to English', () => {
    const st = buildStatement({ ...base, lang: 'en' });
    expect(st.decision_facts).toBe(
      'A review (42 characters of text in English, with 1 attached file) was submitted on 2026-01-05. Automated checks found: a review or complaint threatened in exchange for compensation; a phone number (2 times). Under the content rules this hides the review automatically, because it contains a review or complaint threatened in exchange for compensation.',
    );
    expect(st.redress.internal_complaint.how).toMatch(/^Appeal through the marketplace within 6 months of the decision/);
    expect(statementLang('de')).toBe('en');
    expect(buildStatement({ ...base, lang: 'de' }).decision_facts).toMatch(/^A review \(42 characters of text in de, /);
  });
});
