/**
 * `npm run bench -- cli-start` (also a step of `npm run bench`, unless BENCH_CLI_START=0): how
 * long one `newsdesk` call takes from the shell, running the compiled dist/ against running the
 * TypeScript sources through tsx (NEWSDESK_FROM_SOURCE=1), side by side. Each mode gets its own
 * warm DATA_DIR (the snapshot is keyed by the code, and compiled and TypeScript code differ), the
 * runs alternate between the modes so a busy moment on a shared machine hits both, and the
 * table shows the median and the fastest run. Goals from issue #13: `help` < 400 ms and
 * `search gyumri` on the sample corpus < 1 s, compiled.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStatus } from '../bin/build-status.js';
import { build } from '../scripts/build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'newsdesk.js');
const OUT = path.join(ROOT, 'bench', 'out');
/** Timed runs per command and mode (after one warm-up run that also writes the snapshot). */
const RUNS = Math.max(1, Number(process.env.BENCH_CLI_RUNS ?? 7));

type Mode = 'compiled' | 'tsx';
/** One timed call: what is run, and the goal for the compiled run (ms) if any. */
interface Call {
  label: string;
  args: string[];
  goalMs?: number;
  /** Run through `npx newsdesk` instead of `node bin/newsdesk.js` (npm's own start-up included). */
  npx?: boolean;
}

const CALLS: Call[] = [
  { label: 'newsdesk help', args: ['help'], goalMs: 400 },
  { label: 'newsdesk search gyumri', args: ['search', 'gyumri'], goalMs: 1000 },
  { label: 'npx newsdesk help', args: ['help'], npx: true },
];

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall and CPU (user + system, the process and its children) time of one call, in ms. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Seconds in the shell's `times` notation (`1m2.345s`). */
const seconds = (t: string) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/**
 * Runs one call in `mode` and times it; throws when it fails. The call runs under `sh`, whose
 * `times` reports the CPU its children used: on a shared machine the wall time stretches with
 * other jobs, the CPU time much less.
 */
function timeCall(call: Call, mode: Mode, dataDir: string): Timing {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, CORPUS_DIR: path.join(ROOT, 'corpus'), LOG_LEVEL: 'warn', NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  if (mode === 'tsx') env.NEWSDESK_FROM_SOURCE = '1';
  else delete env.NEWSDESK_FROM_SOURCE;
  const command = call.npx ? ['npx', '--no-install', 'newsdesk', ...call.args] : [process.execPath, BIN, ...call.args];
  const timesFile = path.join(dataDir, 'times.txt');
  env.NEWSDESK_BENCH_TIMES = timesFile;
  const script = '"$@"; status=$?; times > "$NEWSDESK_BENCH_TIMES"; exit $status';
  const started = performance.now();
  const run = spawnSync('sh', ['-c', script, 'sh', ...command], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`${call.label} (${mode}) exited ${run.status ?? run.signal}: ${run.stderr || run.error?.message}`);
  if (run.stderr.trim()) throw new Error(`${call.label} (${mode}) wrote to stderr: ${run.stderr.trim()}`);
  // Second line of `times`: user and system time of the shell's children.
  const children = (readFileSync(timesFile, 'utf8').split('\n')[1] ?? '').trim().split(/\s+/);
  return { wallMs, cpuMs: (seconds(children[0] ?? '') + seconds(children[1] ?? '')) * 1000 };
}

/** Median and fastest wall time of one call in one mode, and its median CPU time. */
interface ModeStats {
  medianMs: number;
  minMs: number;
  cpuMedianMs: number;
}

/** Result of the CLI-start phase, also written to bench/out/cli-start-latest.json. */
export interface CliStartResult {
  runs: number;
  rows: Array<{ label: string; compiled: ModeStats; tsx: ModeStats; goalMs?: number }>;
  load: { before: number; after: number; cores: number };
}

/** Times each call compiled and through tsx, prints a table with the goals, writes JSON. */
export async function runCliStart(): Promise<CliStartResult> {
  const loadBefore = loadavg()[0]!;
  const status = buildStatus(ROOT);
  if (status.state !== 'current') {
    console.log(`cli-start: dist/ is ${status.state}${status.changed ? ` (${status.changed})` : ''}; compiling first …`);
    build(ROOT);
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'newsdesk-bench-cli-'));
  const dataDirs: Record<Mode, string> = { compiled: path.join(scratch, 'compiled'), tsx: path.join(scratch, 'tsx') };
  const times = new Map<string, Record<Mode, Timing[]>>();
  try {
    for (const mode of ['compiled', 'tsx'] as const) {
      mkdirSync(dataDirs[mode]);
      // Warm-up: writes this mode's snapshot and fills the OS file cache.
      for (const call of CALLS) timeCall(call, mode, dataDirs[mode]);
    }
    for (let i = 0; i < RUNS; i++) {
      for (const call of CALLS) {
        const row = times.get(call.label) ?? { compiled: [], tsx: [] };
        times.set(call.label, row);
        for (const mode of i % 2 ? (['tsx', 'compiled'] as const) : (['compiled', 'tsx'] as const)) row[mode].push(timeCall(call, mode, dataDirs[mode]));
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const result: CliStartResult = {
    runs: RUNS,
    rows: CALLS.map((call) => {
      const t = times.get(call.label)!;
      const stat = (xs: Timing[]): ModeStats => ({
        medianMs: median(xs.map((x) => x.wallMs)),
        minMs: Math.min(...xs.map((x) => x.wallMs)),
        cpuMedianMs: median(xs.map((x) => x.cpuMs)),
      });
      return { label: call.label, compiled: stat(t.compiled), tsx: stat(t.tsx), ...(call.goalMs ? { goalMs: call.goalMs } : {}) };
    }),
    load: { before: loadBefore, after: loadavg()[0]!, cores: cpus().length },
  };
  const ms = (x: number) => `${Math.round(x)} ms`;
  const width = Math.max(...result.rows.map((r) => r.label.length));
  const cell = (m: ModeStats) => `${ms(m.medianMs)} / ${ms(m.minMs)} (cpu ${ms(m.cpuMedianMs)})`;
  console.log(`CLI start, wall median / fastest of ${RUNS} runs (median CPU), warm snapshot; compiled = dist/, tsx = NEWSDESK_FROM_SOURCE=1:`);
  for (const r of result.rows) {
    const goal = r.goalMs === undefined ? '' : `   ${r.compiled.medianMs < r.goalMs ? 'PASS' : 'FAIL'} < ${ms(r.goalMs)}`;
    console.log(`  ${r.label.padEnd(width)}  compiled ${cell(r.compiled)}   tsx ${cell(r.tsx)}   ${(r.tsx.medianMs / r.compiled.medianMs).toFixed(1)}x${goal}`);
  }
  console.log(`  machine load (1-min avg) ${result.load.before.toFixed(1)} at start, ${result.load.after.toFixed(1)} at end, ${result.load.cores} cores`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'cli-start-latest.json'), JSON.stringify({ when: new Date().toISOString(), ...result }, null, 2));
  return result;
}
