import type { TextDetector } from '../../types.js';
import { linkDetector } from './link.js';
import { contactDetector } from './contact.js';
import { dealDetector } from './deal.js';
import { phishingDetector } from './phishing.js';

/**
 * The off-platform detectors: off_platform.link, .contact, .deal and .phishing. They share one
 * link scan and one phrase pass per text (memoised on the Normalized), so running all four
 * costs little more than the most expensive one.
 */
export const offPlatformDetectors: TextDetector[] = [linkDetector, contactDetector, dealDetector, phishingDetector];

export { linkDetector, contactDetector, dealDetector, phishingDetector };
