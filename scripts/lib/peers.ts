import { Redactor } from '@redactpii/node';
import { SyncRedactor } from 'redact-pii';
import type { FindingType } from '../../models/finding.js';

/** Published npm PII redactors we compare against, and which of our types each covers. */
export interface Peer {
  name: string;
  redact(text: string): string;
  covers: readonly FindingType[];
  /** the placeholder the peer writes for each type, to tell its false alarms by type */
  placeholders: Partial<Record<FindingType, string>>;
}

const redactPii = new SyncRedactor();
const redactPiiNode = new Redactor();

export const PEERS: Peer[] = [
  {
    name: 'redact-pii',
    redact: (t) => redactPii.redact(t),
    covers: ['personal_data.email', 'personal_data.phone', 'personal_data.payment_card', 'personal_data.government_id', 'personal_data.postal_address'],
    placeholders: { 'personal_data.email': 'EMAIL_ADDRESS', 'personal_data.phone': 'PHONE_NUMBER', 'personal_data.payment_card': 'CREDIT_CARD_NUMBER', 'personal_data.government_id': 'US_SOCIAL_SECURITY_NUMBER', 'personal_data.postal_address': 'STREET_ADDRESS' },
  },
  {
    name: '@redactpii/node',
    redact: (t) => redactPiiNode.redact(t),
    covers: ['personal_data.email', 'personal_data.phone', 'personal_data.payment_card', 'personal_data.government_id'],
    placeholders: { 'personal_data.email': 'EMAIL_ADDRESS', 'personal_data.phone': 'PHONE_NUMBER', 'personal_data.payment_card': 'CREDIT_CARD_NUMBER', 'personal_data.government_id': 'US_SOCIAL_SECURITY_NUMBER' },
  },
];

export const peerCatches = {
  covers(name: string, type: FindingType): boolean {
    if (name === 'ours') return PEERS.some((p) => p.covers.includes(type));
    return PEERS.find((p) => p.name === name)?.covers.includes(type) ?? false;
  },
};
