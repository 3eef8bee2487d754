/**
 * Per-query CPU time of `claim` and `timeline` over a corpus built once (snapshot reused from
 * DATA_DIR): `node --expose-gc --import tsx bench/profile-queries.ts CORPUS_DIR DATA_DIR [out.json]`.
 * Add `--cpu-prof` to the node flags for a profile.
 *
 * CPU time is the main thread's own (Linux `/proc/<pid>/task/<pid>/schedstat`, nanoseconds): the
 * whole-process figure of `process.cpuUsage()` also counts the garbage collector's and libuv's
 * helper threads and any background work (a snapshot being written), which a command's latency
 * does not wait for. Elsewhere it falls back to `process.cpuUsage()`. For `timeline` it also
 * prints the work each query did (index searches, candidate articles, events tested), counts that
 * do not depend on how loaded the machine is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { buildLibrary } from '../src/library/build.js';
import { buildTimeline } from '../src/timeline/build.js';
import { listTopics } from '../src/topics/index.js';
import type { Reply } from '../src/core/types.js';
import { TIMED_TOPICS, TOPICS } from './queries.js';

const [corpusDir, dataDir, out] = process.argv.slice(2);
if (!corpusDir || !dataDir) throw new Error('usage: profile-queries CORPUS_DIR DATA_DIR [out.json]');

const schedstat = `/proc/${process.pid}/task/${process.pid}/schedstat`;
/** CPU time of the main thread so far, in milliseconds. */
const mainThreadMs: () => number = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6
  : () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };

const logger = { info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
const t0 = performance.now();
const built = await buildLibrary({ corpusDir, dataDir, logger });
console.log(`library: ${built.library.articles.length} articles, fromSnapshot=${built.fromSnapshot}, ${(performance.now() - t0).toFixed(0)} ms`);
if (!built.fromSnapshot) console.log('(rebuilt: a snapshot may still be written in the background; run again for clean numbers)');
const library = built.library;
const commands = await loadCommands();
const runtime = createRuntime({ commands, library: () => library, logger, config: loadConfig({}) });
listTopics(library);
const at = (s: number[], q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
const pcts = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: at(s, 0.5), p95: at(s, 0.95), p99: at(s, 0.99), mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) };
};
const fmt = (p: ReturnType<typeof pcts>) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} (mean ${p.mean.toFixed(1)})`;
const result: Record<string, unknown> = { fromSnapshot: built.fromSnapshot };
for (const name of ['claim', 'timeline'] as const) {
  const answers: Record<string, string> = {};
  // What each answer says, short enough to diff between two runs: headline, then per item its date (or label) and snippet start.
  const texts: Record<string, string[]> = {};
  const summary = (reply: Reply) => [reply.headline, ...reply.items.map((i) => `${i.fields?.['date'] ?? i.label ?? ''} | ${i.text.slice(0, 80)}`)];
  const digest = (reply: unknown) => createHash('sha256').update(JSON.stringify(reply)).digest('hex').slice(0, 16);
  for (const topic of TOPICS) {
    const reply = await runtime.execute(name, { text: topic }, { platform: 'cli' });
    answers[topic] = digest(reply);
    texts[topic] = summary(reply);
  }
  const cpu: number[] = [];
  const wall: number[] = [];
  const per: Record<string, { cpu: number; wall: number; items: number; work?: unknown }> = {};
  for (const topic of TIMED_TOPICS) {
    // With --expose-gc, each query starts on a collected heap: its time is its own work, not an earlier query's garbage.
    globalThis.gc?.();
    const c = mainThreadMs();
    const w = performance.now();
    const reply = await runtime.execute(name, { text: topic }, { platform: 'cli' });
    const ms = mainThreadMs() - c;
    const wallMs = performance.now() - w;
    answers[topic] = digest(reply);
    texts[topic] = summary(reply);
    cpu.push(ms);
    wall.push(wallMs);
    // The command's own memo hands back the timeline it just built, with its work counts.
    const work = name === 'timeline' ? buildTimeline(library, topic).work : undefined;
    per[topic] = { cpu: ms, wall: wallMs, items: reply.items.length, ...(work ? { work } : {}) };
  }
  const slowest = Object.entries(per)
    .sort((a, b) => b[1].cpu - a[1].cpu)
    .slice(0, 6)
    .map(([t, p]) => `${t} ${p.cpu.toFixed(1)}${p.work ? ` ${JSON.stringify(p.work)}` : ''}`);
  console.log(`${name} main-thread CPU ms p50/p95/p99 ${fmt(pcts(cpu))}; wall ${fmt(pcts(wall))}\n  slowest: ${slowest.join('\n           ')}`);
  result[name] = { cpu: pcts(cpu), wall: pcts(wall), per, answers, texts };
}
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
