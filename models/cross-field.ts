import type { z } from 'zod';

/** A rule broken across fields: where (a path into the object) and why. */
export interface CrossFieldIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Cross-field rules as a plain zod check that appends its issues, in place of `superRefine`.
 *
 * Why not superRefine: it stores a fresh `addIssue` closure on zod's per-parse payload object,
 * and after that V8 no longer lets the payload, and the parsed body it points at, die young: every
 * body moved to the old generation and waited there for the next full collection. In the worker
 * under load that was ~1.8 of the ~4.3 KB per /v1/precheck request by which the old generation
 * grew (V8's --trace-gc in workerd), and full collections pause the worker for 25-30 ms.
 * (Storing any new closure on an existing object does it, in Node's V8 too; we did not pin down
 * which V8 heuristic is at work.) cross-field.test.ts measures it in a child process.
 */
export function crossFieldCheck<T>(rules: (value: T) => CrossFieldIssue[]): z.core.CheckFn<T> {
  return (payload) => {
    for (const { path, message } of rules(payload.value)) {
      payload.issues.push({ code: 'custom', path, message, input: payload.value });
    }
  };
}
