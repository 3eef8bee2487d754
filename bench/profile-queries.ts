/**
 * Per-query CPU time of `claim` and `timeline` over a corpus built once (snapshot reused from
 * DATA_DIR): `node --import tsx bench/profile-queries.ts CORPUS_DIR DATA_DIR [out.json]`. Add
 * `--cpu-prof` to the node flags for a profile. CPU time (process.cpuUsage) is less disturbed by
 * other jobs on a shared machine than wall-clock time.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { buildLibrary } from '../src/library/build.js';
import { listTopics } from '../src/topics/index.js';
import { TIMED_TOPICS, TOPICS } from './queries.js';

const [corpusDir, dataDir, out] = process.argv.slice(2);
if (!corpusDir || !dataDir) throw new Error('usage: profile-queries CORPUS_DIR DATA_DIR [out.json]');
const logger = { info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
const t0 = performance.now();
const built = await buildLibrary({ corpusDir, dataDir, logger });
console.log(`library: ${built.library.articles.length} articles, fromSnapshot=${built.fromSnapshot}, ${(performance.now() - t0).toFixed(0)} ms`);
const library = built.library;
const commands = await loadCommands();
const runtime = createRuntime({ commands, library: () => library, logger, config: loadConfig({}) });
listTopics(library);
const at = (s: number[], q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
const result: Record<string, unknown> = {};
for (const name of ['claim', 'timeline'] as const) {
  const answers: Record<string, string> = {};
  const digest = (reply: unknown) => createHash('sha256').update(JSON.stringify(reply)).digest('hex').slice(0, 16);
  for (const topic of TOPICS) answers[topic] = digest(await runtime.execute(name, { text: topic }, { platform: 'cli' }));
  const cpu: number[] = [];
  const per: Record<string, number> = {};
  for (const topic of TIMED_TOPICS) {
    // With --expose-gc, each query starts on a collected heap: its time is its own work, not an earlier query's garbage.
    globalThis.gc?.();
    const c = process.cpuUsage();
    const reply = await runtime.execute(name, { text: topic }, { platform: 'cli' });
    const d = process.cpuUsage(c);
    answers[topic] = digest(reply);
    const ms = (d.user + d.system) / 1000;
    cpu.push(ms);
    per[topic] = ms;
  }
  const s = [...cpu].sort((a, b) => a - b);
  const slowest = Object.entries(per).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([t, ms]) => `${t} ${ms.toFixed(1)}`);
  console.log(`${name} CPU ms p50/p95/p99 ${at(s, 0.5).toFixed(1)} / ${at(s, 0.95).toFixed(1)} / ${at(s, 0.99).toFixed(1)}; slowest: ${slowest.join(', ')}`);
  result[name] = { p50: at(s, 0.5), p95: at(s, 0.95), p99: at(s, 0.99), per, answers };
}
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
