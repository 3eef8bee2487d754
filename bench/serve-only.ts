/**
 * The bench's serve phase alone over a corpus and snapshot built earlier (start-up from the snapshot,
 * search passes, then claim and timeline as `npm run bench` times them), printing its latencies
 * and the machine's load: `node --expose-gc --max-old-space-size=4096 --import tsx bench/serve-only.ts CORPUS_DIR DATA_DIR`.
 */
import { loadavg } from 'node:os';
import { runPhase } from './phases.js';

const [corpusDir, dataDir] = process.argv.slice(2);
if (!corpusDir || !dataDir) throw new Error('usage: serve-only CORPUS_DIR DATA_DIR');
const before = loadavg()[0]!.toFixed(1);
const r = await runPhase('serve', { corpusDir, dataDir });
const f = (p?: { p50: number; p95: number; p99: number; max: number }) => (p ? `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} ms (max ${p.max.toFixed(1)})` : 'n/a');
console.log(`fromSnapshot=${r.fromSnapshot} start-up ${r.startupMs?.toFixed(0)} ms; 1-min load ${before} → ${loadavg()[0]!.toFixed(1)} on 2 cores`);
console.log(`claim p50/p95/p99     ${f(r.latency?.claim)}`);
console.log(`timeline p50/p95/p99  ${f(r.latency?.timeline)}`);
