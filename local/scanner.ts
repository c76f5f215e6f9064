import { createScanHandler } from '../scanner/handler.js';
import { createScanner } from '../scanner/scan.js';
import type { ScanFn } from './system.js';

/**
 * One scanner per process (its tesseract workers are expensive to create), shared by every local
 * worker the process starts.
 */
let shared: { handler: ScanFn; close(): Promise<void> } | undefined;

export function sharedScanHandler(): ScanFn {
  if (!shared) {
    const scanner = createScanner({});
    shared = { handler: createScanHandler(scanner), close: () => scanner.close() };
  }
  return shared.handler;
}

export async function closeSharedScanner(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
