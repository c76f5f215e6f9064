import { normalize } from './moderation/normalize.js';
import { sellerTieDetector } from './moderation/detectors/conduct/seller-tie.js';
import { extortionDetector } from './moderation/detectors/conduct/extortion.js';
import { incentiveDetector } from './moderation/detectors/conduct/incentive.js';
const t = process.argv[2]!;
const inp = { norm: normalize(t), lang: (process.argv[3] ?? 'en') as any, region: undefined, kind: 'review' as const, disclosedSellerTie: process.argv[4] === '1', config: { platformDomains: [] } };
for (const d of [extortionDetector, incentiveDetector, sellerTieDetector]) for (const f of d(inp)) console.log(f.type, f.confidence, JSON.stringify(t.slice(f.span.start, f.span.end)), JSON.stringify(f.evidence));
