import { parse as parseDomain } from 'tldts';
import type { Normalized } from '../../types.js';
import emailWords from '../../data/email-words.json';
import type { Found } from './bank-account.js';

/**
 * E-mail addresses, plain or obfuscated. normalize() has already rewritten "ivan at gmail dot
 * com", "ivan(at)gmail(.)com", "ivan собака mail точка ru" and homoglyph domains, so this scan
 * only looks for "@" and reads outwards; the disguises normalize() recorded raise no doubt, they
 * only go to the evidence.
 */

export const EMAIL_CONFIDENCE = {
  /** local@domain.tld with a real public suffix */
  address: 0.99,
  /** the same, reached through "at"/"dot" words, homoglyphs or invisible characters */
  disguised: 0.95,
  /** "ivan@gmail": a well-known mail provider without its TLD */
  providerWithoutTld: 0.8,
} as const;

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const PROVIDERS = new Set(emailWords.mailProviders);

const isLocalChar = (ch: string) => /[\p{L}\p{N}._%+\-']/u.test(ch);
const isDomainChar = (ch: string) => /[\p{L}\p{N}.\-]/u.test(ch);
const LABEL_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

export function findEmails(norm: Normalized): Found[] {
  const text = norm.text;
  const out: Found[] = [];
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    from = at + 1;
    // Read the local part backwards and the domain forwards, each bounded.
    let s = at;
    while (s > 0 && at - s < MAX_LOCAL && isLocalChar(text[s - 1]!)) s--;
    while (s < at && (text[s] === '.' || text[s] === "'" || text[s] === '-')) s++;
    let e = at + 1;
    while (e < text.length && e - at <= MAX_DOMAIN && isDomainChar(text[e]!)) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    if (!local || local.includes('..') || !domain) continue;
    const labels = domain.split('.');
    if (!labels.every((l) => LABEL_RE.test(l))) continue;
    let confidence = 0;
    if (labels.length >= 2) {
      const p = parseDomain(domain.toLowerCase());
      if (p.isIcann && p.domain) confidence = EMAIL_CONFIDENCE.address;
    } else if (PROVIDERS.has(domain.toLowerCase()) && text[e] !== '.') {
      confidence = EMAIL_CONFIDENCE.providerWithoutTld;
    }
    if (!confidence) continue;
    const d = norm.disguises(s, e);
    if (confidence === EMAIL_CONFIDENCE.address && (d.has('at-dot') || d.has('homoglyph') || d.has('invisible'))) confidence = EMAIL_CONFIDENCE.disguised;
    out.push({ start: s, end: e, claim: { type: 'personal_data.email', confidence, subtype: labels.length >= 2 ? 'email' : 'email-no-tld' } });
    from = e;
  }
  return out;
}
