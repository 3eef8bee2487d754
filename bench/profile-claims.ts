/**
 * Where `claim`'s time goes over a corpus built once (snapshot reused from DATA_DIR), in the order
 * the bench's serve phase asks: the warm-up topics first, then each timed topic once under the V8
 * sampling profiler. Prints per topic its main-thread CPU and the statements it weighed, the
 * functions with the most self time and the inclusive time of the answer's steps, and (with OUT)
 * writes a digest of every answer (all 58 topics) so two versions of the code can be compared:
 * `node --expose-gc --import tsx bench/profile-claims.ts CORPUS_DIR DATA_DIR [OUT.json] [rounds]`
 * (NO_PROFILE=1: no sampling profiler, so the CPU times are the command's alone; with OUT and the
 * profiler, the per-topic profiles are written beside it as OUT.profiles.json).
 *
 * `rounds` > 1 asks every timed topic again (the answers are not memoised, so this is the same
 * work over articles already decoded): the minimum over the rounds shows the work that remains
 * once the first ask has paid for reading articles from the snapshot.
 */
import { Session } from 'node:inspector/promises';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { buildLibrary } from '../src/library/build.js';
import { listTopics } from '../src/topics/index.js';
import { TIMED_TOPICS, TOPICS } from './queries.js';
import { loadavg } from 'node:os';

const [corpusDir, dataDir, out, roundsArg] = process.argv.slice(2);
if (!corpusDir || !dataDir) throw new Error('usage: profile-claims CORPUS_DIR DATA_DIR [OUT.json] [rounds]');
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
const load0 = loadavg()[0]!.toFixed(1);
const digest = (reply: unknown) => createHash('sha256').update(JSON.stringify(reply)).digest('hex').slice(0, 16);
const answers: Record<string, string> = {};
for (const topic of TOPICS) answers[topic] = digest(await runtime.execute('claim', { text: topic }, { platform: 'cli' }));

globalThis.gc?.();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
const first = new Map<string, number>();
const wall = new Map<string, number>();
/** One profile per timed topic (started and stopped around it), so each topic's steps can be shown apart. */
const profiles = new Map<string, Awaited<ReturnType<typeof stopProfiler>>>();
async function stopProfiler() {
  return (await session.post('Profiler.stop')).profile;
}
const profiling = !process.env.NO_PROFILE;
for (const topic of TIMED_TOPICS) {
  if (profiling) await session.post('Profiler.start');
  const c = mainThreadMs();
  const w = performance.now();
  const reply = await runtime.execute('claim', { text: topic }, { platform: 'cli' });
  wall.set(topic, performance.now() - w);
  first.set(topic, mainThreadMs() - c);
  answers[topic] = digest(reply);
  if (profiling) profiles.set(topic, await stopProfiler());
}
const again = new Map<string, number>();
for (let r = 1; r < rounds; r++) {
  for (const topic of TIMED_TOPICS) {
    globalThis.gc?.();
    const c = mainThreadMs();
    const reply = await runtime.execute('claim', { text: topic }, { platform: 'cli' });
    const ms = mainThreadMs() - c;
    again.set(topic, Math.min(again.get(topic) ?? Infinity, ms));
    if (digest(reply) !== answers[topic]) console.log(`!! ${topic}: a second ask answered differently`);
  }
}
const at = (s: number[], q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
const pct = (xs: Iterable<number>) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${at(s, 0.5).toFixed(1)} / p95 ${at(s, 0.95).toFixed(1)} / p99 ${at(s, 0.99).toFixed(1)} / mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1)}`;
};
console.log(`1-min load ${load0} → ${loadavg()[0]!.toFixed(1)} on 2 cores`);
console.log(`claim CPU ms, first ask: ${pct(first.values())}; wall ${pct(wall.values())}`);
if (again.size) console.log(`claim CPU ms, asked again (min over ${rounds - 1}): ${pct(again.values())}`);
const sorted = [...first.entries()].sort((a, b) => b[1] - a[1]);
for (const [topic, ms] of sorted.slice(0, 8)) console.log(`  ${topic.padEnd(20)} ${ms.toFixed(1).padStart(6)}${again.size ? ` / again ${again.get(topic)!.toFixed(1).padStart(5)}` : ''}`);

type Profile = Awaited<ReturnType<typeof stopProfiler>>;
/** Self time per function frame and inclusive time per function name (a frame once per sample), in µs. */
function times(profile: Profile): { self: Map<string, number>; inclusive: Map<string, number>; total: number; chains: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const chains = new Map<string, number>();
  let total = 0;
  for (const [id, us] of dt) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
    const names = new Set<string>();
    const chain: string[] = [];
    for (let p: number | undefined = id; p !== undefined; p = parentOf.get(p)) {
      const name = byId.get(p)!.callFrame.functionName || '(anon)';
      names.add(name);
      if (chain.length < 7) chain.push(name);
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    if (['dispatch', 'postMessage', '(garbage collector)'].includes(f.functionName)) chains.set(chain.join(' < '), (chains.get(chain.join(' < ')) ?? 0) + us);
  }
  return { self, inclusive, total, chains };
}
const steps = ['claimReply', 'tooCommonTopic', 'parseTopic', 'compileTopic', 'claimsAbout', 'candidateArticles', 'searchArticles', 'topicSentences', 'relevanceOf', 'statementsOf', 'groupClaims', 'claimTerms', 'sameClaim', 'answeredClaim', 'addGroup', 'ownSpan', 'quote', 'unattributedQuotations', 'outletAssertions', 'get text', 'get sentences', '(garbage collector)'];
const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(1);
const sum = { self: new Map<string, number>(), inclusive: new Map<string, number>(), chains: new Map<string, number>(), total: 0 };
for (const [topic, profile] of profiles) {
  const t = times(profile);
  sum.total += t.total;
  for (const k of ['self', 'inclusive', 'chains'] as const) for (const [name, us] of t[k]) sum[k].set(name, (sum[k].get(name) ?? 0) + us);
  if (sorted.slice(0, 6).some(([s]) => s === topic)) console.log(`  ${topic}: ` + steps.filter((s) => t.inclusive.get(s)).map((s) => `${s} ${ms(t.inclusive.get(s))}`).join(', '));
}
console.log(`all timed topics, ${ms(sum.total)} ms sampled; inclusive ms: ` + steps.map((s) => `${s} ${ms(sum.inclusive.get(s))}`).join(', '));
for (const [k, us] of [...sum.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((100 * us) / sum.total).toFixed(1).padStart(5)} %  ${k}`);
for (const [k, us] of [...sum.chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${ms(us).padStart(6)} ms  ${k}`);
if (out) writeFileSync(out, JSON.stringify({ answers, cpu: Object.fromEntries(first) }, null, 2));
if (out && profiling) writeFileSync(out.replace(/\.json$/, '') + '.profiles.json', JSON.stringify(Object.fromEntries(profiles)));
