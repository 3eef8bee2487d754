/**
 * A child process for tests/process-guard.test.ts: `startProcess` as `npm start` runs it (no
 * `until`, so the process guards itself), configured from the environment. Lines on stdin make
 * something fail the way a request handler can, so the test sees what the process does then:
 * `reject` (a promise rejected and never handled), `throw` (an exception nothing catches).
 * Each failure carries the configured tokens in its message, to check they never reach the log.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/app/config.js';
import { startProcess } from '../../src/app/main.js';

const secrets = `${process.env.SLACK_BOT_TOKEN} ${process.env.DISCORD_TOKEN}`;
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line === 'reject') void Promise.reject(new Error(`a request handler failed (tokens ${secrets})`));
  if (line === 'reject-null') void Promise.reject(null);
  if (line === 'throw') {
    setImmediate(() => {
      throw new TypeError(`Cannot read properties of null (tokens ${secrets})`);
    });
  }
});
try {
  process.exitCode = await startProcess(loadConfig(process.env));
} finally {
  input.close();
  process.stdin.destroy();
}
