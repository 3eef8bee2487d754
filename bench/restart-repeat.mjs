// Repeats the restart phase of `npm run bench -- restart` over a snapshot already built (by that bench,
// or by the `build` phase), without the cold build each time, so two versions of the code can be
// timed side by side in the same period: pass another checkout's bench/run.ts and its own DATA folder.
// The manifest saved beside the snapshot on the first run is put back before every run, and the delta
// removed, so each run restarts from the same state (the snapshot's corpus plus 100 changed files).
//
// usage: DATA=data-100000 node bench/restart-repeat.mjs <run.ts path> <changed> <runs> [extra node args, e.g. --cpu-prof]
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
const [runTs, changed = '100', runs = '1', ...extra] = process.argv.slice(2);
const out = path.resolve('bench/out');
const dataDir = path.join(out, process.env.DATA ?? 'data-100000');
const corpusDir = path.join(out, 'corpus-100000');
const manifest = readdirSync(dataDir).find((f) => f.endsWith('.files.tsv'));
const bak = `${dataDir}.manifest.bak`;
if (!existsSync(bak)) copyFileSync(path.join(dataDir, manifest), bak);
const ms = (x) => (x === undefined ? 'n/a' : `${(x / 1000).toFixed(2)}`);
for (let r = 0; r < Number(runs); r++) {
  copyFileSync(bak, path.join(dataDir, manifest));
  for (const f of readdirSync(dataDir)) if (f.endsWith('.delta.snap')) rmSync(path.join(dataDir, f));
  const load = loadavg()[0].toFixed(1);
  const res = await new Promise((resolve, reject) => {
    const p = fork(path.resolve(runTs), ['restart', JSON.stringify({ corpusDir, dataDir, articles: '100000', changed })], {
      cwd: path.dirname(path.dirname(path.resolve(runTs))),
      execArgv: ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', ...extra],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let got;
    p.on('message', (m) => (got = m));
    p.on('exit', () => (got ? resolve(got) : reject(new Error('no result'))));
  });
  const t = Object.entries(res.timings ?? {}).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
  const inc = res.incremental ? `reused ${res.incremental.reused} ingested ${res.incremental.ingested}` : 'full';
  console.log(`${path.basename(path.dirname(path.dirname(path.resolve(runTs))))} changed=${changed} load ${load}: start ${ms(res.startupMs)} s CPU ${ms(res.cpuMs)} stall ${ms(res.maxStallMs)} fromSnap=${res.fromSnapshot} ${inc}; ${t}`);
}
