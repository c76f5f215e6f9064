import type { TextDetector } from '../../types.js';

export const offPlatformDetectors: TextDetector[] = [];
