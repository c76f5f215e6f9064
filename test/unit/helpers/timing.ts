/**
 * The fastest of `runs` timings of `f`, in milliseconds. The growth and bound checks take the
 * fastest run: test files run side by side on two cores, and a neighbour only ever adds time to
 * a run (one single timing measured 93 ms against 8 ms), never takes it away.
 */
export function fastestMs(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
