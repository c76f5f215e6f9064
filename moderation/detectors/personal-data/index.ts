import type { TextDetector } from '../../types.js';

export const personalDataDetectors: TextDetector[] = [];
