import type { Evidence, FindingType, Span } from '../models/finding.js';

/** Languages with context words, placeholders and buyer messages. Others fall back to English. */
export const LANGS = ['en', 'ru', 'es', 'pt', 'fr', 'pl', 'uk'] as const;
export type Lang = (typeof LANGS)[number];

/** Which disguise a normalised character came through; detectors use it for confidence and phishing evidence. */
export type Disguise = 'invisible' | 'homoglyph' | 'fullwidth' | 'script-digit' | 'spelled-digit' | 'at-dot' | 'separator';

/**
 * One shared normalised view of a text. Every detector reads `text` (or `lower`) and reports
 * spans in normalised offsets; `toOriginal` maps them back so findings and redactions land
 * on the submitted text.
 */
export interface Normalized {
  readonly original: string;
  /** NFKC, invisibles removed, digits ASCII, homoglyphs folded to the word's dominant script, spelled digit runs and "at"/"dot" words rewritten. */
  readonly text: string;
  /** `text` lower-cased one code unit for one code unit (same length, same offsets). */
  readonly lower: string;
  /** Normalised [start, end) → the smallest original span that produced it. */
  toOriginal(start: number, end: number): Span;
  /** The disguises used inside normalised [start, end). */
  disguises(start: number, end: number): Set<Disguise>;
}

export interface ModerationConfig {
  /** Registrable domains of the platform (and their subdomains) that are not off-platform. */
  platformDomains: readonly string[];
}

export interface DetectorInput {
  norm: Normalized;
  lang: Lang;
  /** ISO 3166 region guessed from locale and text, for phone and ID formats. */
  region: string | undefined;
  kind: 'review' | 'question' | 'answer';
  rating?: number | undefined;
  disclosedSellerTie: boolean;
  config: ModerationConfig;
}

/** A finding as a text detector reports it, spans already in ORIGINAL offsets. */
export interface TextFinding {
  type: FindingType;
  detector: string;
  confidence: number;
  span: Span;
  evidence?: Evidence;
}

export type TextDetector = (input: DetectorInput) => TextFinding[];
