/**
 * A child process for tests/process-guard.test.ts: `guardProcess` around a process whose event
 * loop is busy (back-to-back 50 ms synchronous tasks, as a large reply being formatted) and
 * whose shutdown never finishes (a platform that does not close). GRACE_MS sets the grace period.
 */
import { createLogger } from '../../src/app/log.js';
import { guardProcess } from '../../src/app/process-guard.js';

const guard = guardProcess({ logger: createLogger('info'), graceMs: Number(process.env.GRACE_MS) });
const busy = () => {
  const end = Date.now() + 50;
  while (Date.now() < end);
  setImmediate(busy);
};
busy();
process.stdout.write('ready\n');
await guard.stopping;
await new Promise(() => {}); // a shutdown that never finishes
