import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleWorker } from '../../local/system.js';
import { ALL_DETECTORS } from '../../moderation/pipeline.js';

/**
 * The worker bundle that `npm start` and the worker tests run (local/system.ts). It is built
 * without esbuild's keepNames, whose __name() wrapper costs a defineProperty per arrow-function
 * class field on every request; function names must survive anyway, because a failing
 * detector is named in the fail-closed finding and the log.
 */
describe('worker bundle', () => {
  it('keeps every detector under its own name and carries no __name() wrappers', async () => {
    const code = readFileSync(await bundleWorker(), 'utf8');
    expect(code).not.toContain('__name(');
    for (const d of ALL_DETECTORS) {
      expect(d.name).toMatch(/Detector$/);
      // Named explicitly ("phoneDetector"), or by its binding: `var linkDetector = (…) =>`, or
      // one binding of a joined declaration (`var isDash=…,incentiveDetector=function…`). A
      // binding esbuild renamed on a clash ("linkDetector2") would log under the wrong name.
      const explicit = code.includes(`"${d.name}"`);
      if (!explicit) expect(code).toMatch(new RegExp(`(?:(?:var|let|const|function) |,)${d.name}(?:=|\\s|\\()`));
      expect(code).not.toMatch(new RegExp(`${d.name}\\d`));
    }
  });
});
