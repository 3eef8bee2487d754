/**
 * Where `timeline`'s time goes over a corpus built once (snapshot reused from DATA_DIR), in the
 * order the bench's serve phase asks: `claim` for every topic first, then the warm-up topics, then
 * each timed topic once under the V8 sampling profiler. Prints per topic its main-thread CPU and
 * work counts, and the functions with the most self time (samples of the timed topics only):
 * `node --expose-gc --import tsx bench/profile-timeline.ts CORPUS_DIR DATA_DIR [rounds]`.
 *
 * `rounds` > 1 builds every timeline again with a fresh memo (`buildTimeline` options that differ
 * from the command's; index lists and decoded articles are reused), so the first ask's cost of
 * reading articles and asking the index shows against the work that remains. The sampler's own
 * stop is sampled as "dispatch < post" (left out when comparing runs).
 */
import { Session } from 'node:inspector/promises';
import { existsSync, readFileSync } from 'node:fs';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { buildLibrary } from '../src/library/build.js';
import { buildTimeline } from '../src/timeline/build.js';
import { listTopics } from '../src/topics/index.js';
import { TIMED_TOPICS, TOPICS } from './queries.js';

const [corpusDir, dataDir, roundsArg] = process.argv.slice(2);
if (!corpusDir || !dataDir) throw new Error('usage: profile-timeline CORPUS_DIR DATA_DIR [rounds]');
const rounds = Math.max(1, Number(roundsArg ?? 1));

const schedstat = `/proc/${process.pid}/task/${process.pid}/schedstat`;
const mainThreadMs: () => number = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6
  : () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };

const logger = { info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
const built = await buildLibrary({ corpusDir, dataDir, logger });
if (!built.fromSnapshot) console.log('(rebuilt: run again for clean numbers)');
const library = built.library;
const runtime = createRuntime({ commands: await loadCommands(), library: () => library, logger, config: loadConfig({}) });
listTopics(library);
for (const topic of [...TOPICS, ...TIMED_TOPICS]) await runtime.execute('claim', { text: topic }, { platform: 'cli' });
for (const topic of TOPICS) await runtime.execute('timeline', { text: topic }, { platform: 'cli' });

globalThis.gc?.();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpu = new Map<string, number>();
const first = new Map<string, number>();
const work = new Map<string, unknown>();
for (const topic of TIMED_TOPICS) {
  // No forced collection here (it would be sampled as the topic's): the bench's serve phase forces none either.
  const c = mainThreadMs();
  await runtime.execute('timeline', { text: topic }, { platform: 'cli' });
  cpu.set(topic, mainThreadMs() - c);
  first.set(topic, cpu.get(topic)!);
  work.set(topic, buildTimeline(library, topic).work);
}
const { profile } = await session.post('Profiler.stop');
for (let r = 1; r < rounds; r++) {
  for (const topic of TIMED_TOPICS) {
    globalThis.gc?.();
    const c = mainThreadMs();
    buildTimeline(library, topic, { fullScanLimit: 5000 + r });
    cpu.set(topic, r === 1 ? mainThreadMs() - c : Math.min(cpu.get(topic)!, mainThreadMs() - c));
  }
}
const sorted = [...first.entries()].sort((a, b) => b[1] - a[1]);
const all = sorted.map(([, ms]) => ms);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(`timeline CPU ms, first ask (as the bench times it): max ${all[0]!.toFixed(1)}, 2nd ${all[1]!.toFixed(1)}, 3rd ${all[2]!.toFixed(1)}, mean ${(sum(all) / all.length).toFixed(1)}; asked again (articles read before, min over ${rounds - 1} rounds): mean ${(sum([...cpu.values()]) / cpu.size).toFixed(1)}`);
for (const [topic, ms] of sorted.slice(0, 10)) console.log(`  ${topic.padEnd(20)} ${ms.toFixed(1).padStart(6)} / again ${cpu.get(topic)!.toFixed(1).padStart(5)}  ${JSON.stringify(work.get(topic))}`);

// Self time per function (all timed topics together).
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
let total = 0;
for (const [id, us] of dt) {
  const n = byId.get(id)!;
  const f = n.callFrame;
  if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
  const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
}
console.log(`self time, ${(total / 1000).toFixed(0)} ms sampled:`);
// Inclusive time of the timeline's steps (a frame counted once per sample even when recursive).
const inclusive = new Map<string, number>();
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
for (const [id, us] of dt) {
  const names = new Set<string>();
  for (let p: number | undefined = id; p !== undefined; p = parentOf.get(p)) names.add(byId.get(p)!.callFrame.functionName || '(anon)');
  for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
}
const steps = ['timelineReply', 'tooCommonTopic', 'buildTimeline', 'computeTimeline', 'parseTopic', 'candidates', 'searchArticles', 'eventsOf', 'involves', 'inNews', 'leadOf', 'hasNews', 'reportedEventsOf', 'distinctEvents', 'merge', 'wordsOf', 'similar', 'quote', 'eventLabel', 'get text', 'get sentences', 'annotation', 'annotationOf', 'storedEventsOf', '(garbage collector)'];
console.log('inclusive ms: ' + steps.map((s) => `${s} ${((inclusive.get(s) ?? 0) / 1000).toFixed(0)}`).join(', '));
for (const [k, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);

// Who calls the heaviest native frames ("dispatch", "postMessage"): their callers' chains, by self time.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const chains = new Map<string, number>();
for (const [id, us] of dt) {
  const n = byId.get(id)!;
  if (!['dispatch', 'postMessage', '(garbage collector)'].includes(n.callFrame.functionName)) continue;
  const chain: string[] = [n.callFrame.functionName];
  for (let p = parent.get(id); p !== undefined && chain.length < 7; p = parent.get(p)) chain.push(byId.get(p)!.callFrame.functionName || '(anon)');
  const key = chain.join(' < ');
  chains.set(key, (chains.get(key) ?? 0) + us);
}
for (const [k, us] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${(us / 1000).toFixed(0).padStart(5)} ms  ${k}`);

