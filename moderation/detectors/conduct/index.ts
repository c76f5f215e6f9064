import type { TextDetector } from '../../types.js';
import { extortionDetector } from './extortion.js';
import { incentiveDetector } from './incentive.js';
import { sellerTieDetector } from './seller-tie.js';

export const conductDetectors: TextDetector[] = [extortionDetector, incentiveDetector, sellerTieDetector];
