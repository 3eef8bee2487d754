/**
 * What a process loads before it knows it needs it: importing the app's wiring (`newsdesk start`'s
 * main module) loads neither chat adapter (Bolt, discord.js) nor the ingest pipeline (wink-nlp);
 * a configured platform loads its adapter when it starts (tests/app/main.test.ts starts both), and
 * a replica on PostgreSQL opens its archive without the ingest pipeline. Each in a fresh Node
 * process (through tsx, as the sources are), reading the CommonJS module cache those packages land in.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { postgresDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);

/** Runs `body` (ESM, top-level await) in a fresh Node with tsx after importing `modules`; returns which packages it loaded. */
async function loadedAfter(body: string, env: Record<string, string> = {}): Promise<{ discord: boolean; bolt: boolean; wink: boolean; out: string }> {
  const probe = `
    import { createRequire } from 'node:module';
    ${body}
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const has = (name) => cache.some((k) => k.includes('/node_modules/' + name + '/'));
    console.log(JSON.stringify({ discord: has('discord.js'), bolt: has('@slack/bolt'), wink: has('wink-nlp'), out: globalThis.out ?? '' }));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const src = (file: string) => JSON.stringify(path.join(repoRoot, 'src', file));

describe('modules load where they are used', () => {
  it('importing the main module loads no chat adapter and no ingest pipeline', async () => {
    const loaded = await loadedAfter(`await import(${src('app/main.ts')});`);
    expect(loaded).toMatchObject({ discord: false, bolt: false, wink: false });
  }, 60_000);

  it('the probe sees an adapter once it is imported', async () => {
    expect(await loadedAfter(`await import(${src('adapters/discord/index.ts')});`)).toMatchObject({ discord: true });
  }, 60_000);

  it('the Slack adapter and then the Discord adapter load in one process (a replica serving both, in start-up order)', async () => {
    // vega-lite adds Set.prototype.toJSON, and discord.js's event emitter then fails to load ("Set()" is
    // not iterable): the chart code loads with the first chart, not with either adapter.
    const loaded = await loadedAfter(`await import(${src('adapters/slack/index.ts')}); await import(${src('adapters/discord/index.ts')}); globalThis.out = String('toJSON' in Set.prototype);`);
    expect(loaded).toMatchObject({ discord: true, bolt: true, out: 'false' });
  }, 60_000);

  it('a chart drawn before discord.js loads leaves Set.prototype as it was, and discord.js still loads', async () => {
    const reply = JSON.stringify({ command: 'timeline', query: 'q', headline: 'h', notes: [], citations: [{ id: 1, articleId: 'a', title: 'T', outlet: 'Desk', published: '2024-01-01', publishedInferred: false, url: null }], items: [1, 2].map((i) => ({ text: `Event ${i} in the harbour.`, source: 1, span: { start: 0, end: 20 }, label: `2024-0${i}-03`, group: '2024', fields: { date: `2024-0${i}-03`, precision: 'day', inferred: false, approximate: false, expression: 'on 3 March' } })) });
    const loaded = await loadedAfter(
      `const chart = await import(${src('render/timeline-chart.ts')});
       const { png } = await chart.timelineChartPng(${reply});
       const before = 'toJSON' in Set.prototype;
       await import(${src('adapters/discord/index.ts')});
       globalThis.out = [png.length > 1000, before, JSON.stringify(new Set([1]))].join(' ');`,
    );
    expect(loaded).toMatchObject({ discord: true, out: 'true false {}' });
  }, 60_000);

  it('a replica on PostgreSQL opens its archive without the ingest pipeline', async () => {
    const url = await postgresDatabase();
    const loaded = await loadedAfter(
      `const { loadLibraryFor } = await import(${src('app/boot.ts')});
       const logger = { info() {}, debug() {}, warn() {}, error() {} };
       const built = await loadLibraryFor({ corpusDir: '/nonexistent', searchBackend: 'postgres', databaseUrl: process.env.PROBE_URL, logger });
       globalThis.out = String(built.library.partial) + ' ' + built.library.version;
       await built.library.pool?.end?.();`,
      { PROBE_URL: url },
    );
    expect(loaded.wink).toBe(false);
    expect(loaded.out).toMatch(/^true postgres:/);
  }, 120_000);
});
