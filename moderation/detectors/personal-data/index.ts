import type { FindingType } from '../../../models/finding.js';
import type { TextDetector } from '../../types.js';
import { analyzePersonalData } from './analyze.js';

/**
 * The six personal-data detectors. They share one analysis per text (analyze.ts) so that a
 * digit run claimed by one type is not reported again by another; each returns its own type.
 */

const only = (type: FindingType, name: string): TextDetector => {
  const detector: TextDetector = (input) => analyzePersonalData(input).filter((f) => f.type === type);
  Object.defineProperty(detector, 'name', { value: name });
  return detector;
};

export const phoneDetector = only('personal_data.phone', 'phoneDetector');
export const emailDetector = only('personal_data.email', 'emailDetector');
export const paymentCardDetector = only('personal_data.payment_card', 'paymentCardDetector');
export const bankAccountDetector = only('personal_data.bank_account', 'bankAccountDetector');
export const governmentIdDetector = only('personal_data.government_id', 'governmentIdDetector');
export const postalAddressDetector = only('personal_data.postal_address', 'postalAddressDetector');

export const personalDataDetectors: TextDetector[] = [
  phoneDetector, emailDetector, paymentCardDetector, bankAccountDetector, governmentIdDetector, postalAddressDetector,
];
