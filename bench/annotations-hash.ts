/**
 * Hash of every article's annotations after a cold build on worker threads
 * (`node --import tsx bench/annotations-hash.ts <corpusDir> [workers]`): a change to how the
 * workers analyse must leave it the same.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLibrary } from '../src/library/build.js';

const corpusDir = process.argv[2]!;
const workers = Number(process.argv[3] ?? 2);
let warnings = 0;
const logger = { debug: (o: unknown, m?: string) => void (m === 'parallel ingest done' && console.log(m, JSON.stringify(o))), info() {}, error() {}, warn: (o: unknown, m?: string) => void (warnings++, console.error('warn', m, o)) };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const timings: Record<string, number> = {};
const built = await buildLibrary({ corpusDir, dataDir: mkdtempSync(path.join(tmpdir(), 'cb-data-')), logger, snapshot: false, workers, onTiming: (s, ms) => (timings[s] = ms) });
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const hash = createHash('sha256');
for (const a of built.library.articles) hash.update(a.id).update('\0').update(JSON.stringify(a.annotations)).update('\0').update(a.duplicateOf ?? '').update('\n');
console.log(`${built.library.articles.length} articles, warnings ${warnings}, annotations sha256 ${hash.digest('hex').slice(0, 16)}`);
console.log(`wall ${(wall / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
