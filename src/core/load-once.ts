/**
 * A module a command loads on first use rather than with the command list (`help` lists every
 * command), then keeps: asking the module loader again on every request costs a resolve round
 * trip each time.
 */

/**
 * `load` run once, its promise kept for every later call; a load that fails is not kept, so the
 * next call tries again.
 * @example const answer = loadOnce(loadAnswer); await answer() === await answer() // true: loaded once
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let held: Promise<T> | undefined;
  return () =>
    (held ??= load().catch((err: unknown) => {
      held = undefined;
      throw err;
    }));
}
