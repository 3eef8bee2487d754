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

/**
 * A long job written once as steps: a generator that yields between steps (at points where
 * pausing is safe) and returns its result. {@link runSteps} runs it at once; {@link runStepsInTurns}
 * lets the event loop turn between steps, so the same code serves a script and a connected bot.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end without pausing and returns its result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `steps` to the end, handing the event loop back whenever `sliceMs` of work has passed
 * (see {@link takeTurns}; 0 hands it back at every step).
 * @param sliceMs - longest stretch of work between two turns. @defaultValue 25
 */
export async function runStepsInTurns<T>(steps: Steps<T>, sliceMs = 25): Promise<T> {
  const turn = takeTurns(sliceMs);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await turn();
  }
}
