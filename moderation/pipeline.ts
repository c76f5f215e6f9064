import type { Action, Finding, FindingType } from '../models/finding.js';
import { conductDetectors } from './detectors/conduct/index.js';
import { offPlatformDetectors } from './detectors/off-platform/index.js';
import { MAX_SIGNALS } from './detectors/off-platform/contact.js';
import { personalDataDetectors } from './detectors/personal-data/index.js';
import { detectLanguage, guessRegion } from './language.js';
import { messageFor } from './messages.js';
import { normalize } from './normalize.js';
import { actionFor, DEFAULT_POLICY, type Policy, reasonsFor, strongest } from './policy.js';
import { redact } from './redact.js';
import type { DetectorInput, Lang, ModerationConfig, TextDetector, TextFinding } from './types.js';
import platformDomains from './data/platform-domains.json';

/**
 * The pure pipeline: text → findings → policy → decision. No I/O; the worker adds what needs
 * storage (seller-tie signals, media scans) as extra findings before `decide`.
 */
export interface TextInput {
  text: string;
  locale?: string | undefined;
  kind: 'review' | 'question' | 'answer';
  rating?: number | undefined;
  disclosedSellerTie?: boolean | undefined;
}

export interface PipelineOptions {
  config?: ModerationConfig;
  policy?: Policy;
  detectors?: readonly TextDetector[];
}

export const ALL_DETECTORS: readonly TextDetector[] = [...personalDataDetectors, ...offPlatformDetectors, ...conductDetectors];

export const DEFAULT_CONFIG: ModerationConfig = {
  platformDomains: platformDomains as string[],
};

export interface TextAnalysis {
  lang: Lang;
  region: string | undefined;
  findings: Finding[];
}

export function analyzeText(input: TextInput, opts: PipelineOptions = {}): TextAnalysis {
  const config = opts.config ?? DEFAULT_CONFIG;
  const policy = opts.policy ?? DEFAULT_POLICY;
  const lang = detectLanguage(input.text, input.locale);
  const region = guessRegion(lang, input.locale, input.text);
  const norm = normalize(input.text);
  const detectorInput: DetectorInput = {
    norm, lang, region, kind: input.kind, rating: input.rating,
    disclosedSellerTie: input.disclosedSellerTie === true, config,
  };
  const raw: TextFinding[] = [];
  const failed: string[] = [];
  for (const detector of opts.detectors ?? ALL_DETECTORS) {
    try {
      raw.push(...detector(detectorInput));
    } catch (err) {
      // Fail closed: an unchecked text goes to a human, never out.
      failed.push(detector.name || 'anonymous');
      console.error(JSON.stringify({ event: 'detector_error', detector: detector.name, error: (err as Error)?.name }));
    }
  }
  const findings = raw.map((f) => toFinding(f, lang, policy));
  for (const name of failed) {
    findings.push(toFinding({ type: 'system.detector_error', detector: name, confidence: 1 } as TextFinding, lang, policy));
  }
  findings.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || (a.span?.end ?? 0) - (b.span?.end ?? 0));
  return { lang, region, findings };
}

export function toFinding(f: Pick<TextFinding, 'type' | 'detector' | 'confidence'> & Partial<Finding>, lang: Lang, policy: Policy = DEFAULT_POLICY): Finding {
  const confidence = Math.round(Math.min(1, Math.max(0, f.confidence)) * 1000) / 1000;
  const msg = messageFor(f.type, lang);
  // Object.assign, then plain stores: same keys in the same order as `{ ...f, confidence, action }`,
  // but a spread that redefines one of its own keys takes V8's slow path (~6 µs a finding).
  const out = Object.assign({}, f) as Finding;
  out.confidence = confidence;
  out.action = actionFor(f.type, confidence, policy);
  if (msg) {
    out.message = msg.message;
    if (msg.suggestion) out.suggestion = msg.suggestion;
  }
  return out;
}

export interface DecisionCore {
  action: Action;
  status: 'pending' | 'published' | 'redacted' | 'hidden' | 'queued';
  publishedText: string | null;
  findings: Finding[];
  reasons: FindingType[];
}

const STATUS: Record<Action, DecisionCore['status']> = { publish: 'published', redact: 'redacted', hide: 'hidden', queue: 'queued' };

/**
 * Findings → the contract's Decision. `pendingMedia` holds the whole item back: unscanned media
 * is never published, and neither is the text it came with.
 */
export function decide(text: string, lang: Lang, findings: Finding[], opts: { pendingMedia?: boolean } = {}): DecisionCore {
  const action = strongest(findings.map((f) => f.action));
  const reasons = reasonsFor(findings, action);
  if (opts.pendingMedia && action !== 'hide') {
    return { action, status: 'pending', publishedText: null, findings, reasons };
  }
  const publishedText = action === 'publish' ? text : action === 'redact' ? redactedText(text, lang, findings) : null;
  return { action, status: STATUS[action], publishedText, findings, reasons };
}

/** The text with every span that asks for redaction replaced; what moderators preview for queued items too. */
export function redactedText(text: string, lang: Lang, findings: readonly Finding[], extra: readonly { type: FindingType; span: { start: number; end: number } }[] = []): string {
  const spanned = findings.filter((f): f is Finding & { span: { start: number; end: number } } => f.span !== undefined && f.action === 'redact');
  const values = spanned.filter((f) => f.type.startsWith('personal_data.'));
  const items = spanned
    .filter((f) => f.type !== 'off_platform.contact' || !invitationAroundValue(f) || !onlyWordsAround(text, f.span, values))
    .map((f) => ({ type: f.type, span: f.span }));
  return redact(text, [...items, ...extra], lang);
}

/**
 * "Great case, call me +7 916 123-45-67" publishes as "Great case, call me [phone removed]" (the
 * contract's example): an invitation whose only contact value is a personal datum redacted on its
 * own keeps its words. When anything else that could reach the writer is left in it (a handle, a
 * link, digits), the whole invitation goes.
 */
function onlyWordsAround(text: string, span: { start: number; end: number }, values: readonly { span: { start: number; end: number } }[]): boolean {
  let rest = '';
  let pos = span.start;
  let inside = false;
  for (const v of [...values].sort((a, b) => a.span.start - b.span.start)) {
    if (v.span.end <= span.start || v.span.start >= span.end) continue;
    inside = true;
    rest += text.slice(pos, Math.max(pos, v.span.start));
    pos = Math.max(pos, v.span.end);
  }
  rest += text.slice(pos, span.end);
  return inside && !LEFT_CONTACT_RE.test(rest);
}
const LEFT_CONTACT_RE = /[@\p{N}\/_]|\p{L}\.\p{L}/u;

/**
 * Every piece of the invitation points at a value (a number or address after a verb, an id beside
 * a messenger): none is a handle or name of its own ("tg: anna_shop", "on Insta as Anna Nails"),
 * which the personal-data findings would not cover. A merged invitation lists at most
 * MAX_SIGNALS pieces, so a full list may hide more.
 */
const VALUE_SIGNAL_RE = /^(?:verb|id-after|id-before|direct):/;
function invitationAroundValue(f: Finding): boolean {
  const signals = f.evidence?.signals;
  return Array.isArray(signals) && signals.length > 0 && signals.length < MAX_SIGNALS && signals.every((x) => typeof x === 'string' && VALUE_SIGNAL_RE.test(x));
}

/** Convenience for pre-check and tests: the whole text-only decision. */
export function moderateText(input: TextInput, opts: PipelineOptions = {}): DecisionCore & { lang: Lang } {
  const a = analyzeText(input, opts);
  // Not `{ ...decide(), lang }`: a spread plus a new key takes V8's slow path (µs per call).
  return Object.assign({}, decide(input.text, a.lang, a.findings), { lang: a.lang });
}
