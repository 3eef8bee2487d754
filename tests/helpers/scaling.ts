/**
 * Benchmark-style checks that work grows linearly, without a wall-clock limit: the time for an
 * input `factor` times larger must stay within a generous multiple of `factor` times the time for
 * the small one. A quadratic algorithm grows by `factor²` and fails however fast the machine is;
 * a slow or busy machine slows both runs alike.
 */
import { expect } from 'vitest';

/** Fastest of a few runs, so one pause (GC, another process) does not decide. */
function fastest(run: () => void, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Asserts that `work(size)` grows at most about linearly between `small` and `small * factor`.
 * @param label - names the input in the failure message
 * @param work - does the work for an input of the given size (build the input outside if it is costly)
 * @param small - the small size
 * @param factor - how much larger the large input is @defaultValue 8
 */
export function expectLinearGrowth(label: string, work: (size: number) => void, small: number, factor = 8): void {
  work(small); // warm up: JIT and caches are not the algorithm
  const a = fastest(() => work(small));
  const b = fastest(() => work(small * factor));
  // Linear: b ≈ factor·a; quadratic: b ≈ factor²·a. Allow 3× the linear growth, and a 5 ms floor
  // so a small run that is mostly timer noise cannot make a fast large run look slow.
  expect(b, `${label}: ${b.toFixed(1)} ms at ${small * factor} vs ${a.toFixed(1)} ms at ${small}`).toBeLessThanOrEqual(3 * factor * Math.max(a, 5));
}
