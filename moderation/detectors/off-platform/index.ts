import type { TextDetector } from '../../types.js';
import { normalize } from '../../normalize.js';
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

// Regular expressions with Unicode classes compile on their first use, tens of milliseconds in
// all. One pass over a sample at load takes that off the first review (and off time-boxed tests).
{
  const norm = normalize('Write me on WhatsApp @shop_1 +7 916 123-45-67, скидка на карту. See shop . com, x[.]ru, https://bit.ly/x tg://x javascript:x claim your coupon');
  const input = { norm, lang: 'en' as const, region: undefined, kind: 'review' as const, disclosedSellerTie: false, config: { platformDomains: ['example.com'] } };
  for (const d of offPlatformDetectors) d(input);
}
