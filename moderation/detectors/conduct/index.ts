import type { TextDetector } from '../../types.js';

export const conductDetectors: TextDetector[] = [];
