/**
 * Long loops that run while the bot is already serving (reading and analysing the corpus at
 * start-up) hand the event loop back now and then, so a question that arrives meanwhile is
 * acknowledged in time (Slack and Discord want an answer within 3 s) instead of waiting for the loop.
 */

/**
 * Returns a function to call once per step of a long loop: it resolves at once until `sliceMs`
 * of work has passed since the last turn, then lets pending I/O and timers run first.
 * @param sliceMs - longest stretch of work between two turns. @defaultValue 25
 * @example const turn = takeTurns(); for (const f of files) { work(f); await turn(); }
 */
export function takeTurns(sliceMs = 25): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
