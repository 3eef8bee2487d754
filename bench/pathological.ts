/**
 * `node --import tsx bench/pathological.ts`, or `npm run bench -- pathological` (also the last
 * step of `npm run bench`, unless BENCH_PATHOLOGICAL=0): one article that is a
 * single passage with no sentence end, through everything a chat request touches — ingest with
 * the claims and dates analysers, index, `/search`, `/claim` and `/timeline`, and both chat
 * renderers (the search answer, and one item quoting the whole passage with every match in bold).
 *
 * Two sizes from issue #11: a 200 KB paragraph and a 4.9 MB line of
 * `Gyumri word, and more words; `, a 400 KB paragraph of quotations and speakers, and 400 KB of short sentences whose
 * speakers are "the department" and "the president" (claimant resolution), and 400 KB of "the Wisconsin Republican" standing for the
 * lawmaker named before it (description look-ups). Each case runs in its own process with a deadline, so a
 * step that never finishes is reported as such instead of hanging the benchmark. The numbers
 * are for reading, not asserting: the unit tests prove linearity by counting work.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReply } from '../src/adapters/discord/render.js';
import { renderPage } from '../src/adapters/slack/render.js';
import type { Logger } from '../src/core/ports.js';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { buildLibrary } from '../src/library/build.js';
import { createRuntime } from '../src/app/runtime.js';
import type { Reply, Span } from '../src/core/types.js';

/** The phrase of the issue's report: commas and semicolons, never a sentence end. */
const PHRASE = 'Gyumri word, and more words; ';
/** Quotations and speakers with no sentence end: what the claims analyser works hardest on. */
const QUOTES = '"Gyumri is safe," the minister said, adding that the base, which Russia denied, was "on alert"; ';
/** Short sentences whose speakers are common nouns standing for a body or person named once: what claimant resolution reads back over. */
const NOUNS = 'The Gyumri Port Department said the pier was open. The department said the ferry ran. President Ana Lund said Gyumri was calm. The president said the base was quiet. ';
/** A description standing for an earlier speaker ("the Wisconsin Republican" for "Rep. Ana Lund (R-Wis.)"): what the description look-ups read back over. */
const DESCRIBED = 'Rep. Ana Lund (R-Wis.) said Gyumri was calm. The Wisconsin Republican said the pier was open. ';
/** The two sizes of the report, in characters (the phrases are ASCII, so also bytes), a quote-heavy paragraph and a run of "the department said". */
export const CASES = {
  'paragraph-200KB': { chars: 200_000, phrase: PHRASE },
  'line-4.9MB': { chars: 4_900_000, phrase: PHRASE },
  'quotes-400KB': { chars: 400_000, phrase: QUOTES },
  'nouns-400KB': { chars: 400_000, phrase: NOUNS },
  'described-400KB': { chars: 400_000, phrase: DESCRIBED },
} as const;
type CaseName = keyof typeof CASES;
/** Seconds a case may take before it is reported as not finishing. */
const DEADLINE_S = Number(process.env.PATHOLOGICAL_DEADLINE_S ?? 300);

/** The text of a case: the phrase repeated to `chars`, on one line, with no sentence end. */
export function pathologicalText(chars: number, phrase: string = PHRASE): string {
  return phrase.repeat(Math.ceil(chars / phrase.length)).slice(0, chars).trimEnd();
}

const silent: Logger = { info() {}, debug() {}, warn() {}, error() {} };

/** Runs one case in this process, reporting each step's milliseconds through `report`. */
async function runCase(name: CaseName, report: (step: string, ms: number, note?: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-pathological-'));
  try {
    const corpus = path.join(dir, 'corpus');
    const text = pathologicalText(CASES[name].chars, CASES[name].phrase);
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'gyumri.md'), `---\ntitle: Gyumri\noutlet: Bench\npublished: 2021-06-04\n---\n${text}\n`);
    let t = performance.now();
    const built = await buildLibrary({ corpusDir: corpus, dataDir: path.join(dir, 'data'), logger: silent, snapshot: false });
    const library = built.library;
    const sentences = library.articles[0]?.sentences.length ?? 0;
    report('ingest + analysers + index', performance.now() - t, `${sentences} sentences`);
    const commands = await loadCommands();
    const runtime = createRuntime({ commands, library: () => library, logger: silent, config: loadConfig({}) });
    let search: Reply | undefined;
    for (const command of ['search', 'claim', 'timeline']) {
      if (!commands.has(command)) continue;
      t = performance.now();
      const reply = await runtime.execute(command, { text: 'gyumri' }, { platform: 'cli' });
      report(`/${command} gyumri`, performance.now() - t, `${reply.items.length} items`);
      if (command === 'search') search = reply;
    }
    if (search) {
      t = performance.now();
      const page = renderPage(search, { moreValue: (c) => JSON.stringify(c) });
      report('Slack page of /search', performance.now() - t, `${page.message.blocks.length} blocks`);
      t = performance.now();
      const pages = renderReply(search);
      report('Discord pages of /search', performance.now() - t, `${pages.length} pages`);
    }
    // The renderers on their own: one item quoting the whole passage, every "Gyumri" in bold.
    const highlights: Span[] = [];
    for (let at = text.indexOf('Gyumri'); at >= 0; at = text.indexOf('Gyumri', at + 1)) highlights.push({ start: at, end: at + 6 });
    const whole: Reply = {
      command: 'search',
      query: 'gyumri',
      headline: 'One long passage',
      items: [{ text, source: 1, span: { start: 0, end: text.length }, highlights }],
      citations: [{ id: 1, articleId: 'gyumri.md', title: 'Gyumri', outlet: 'Bench', url: null, published: '2021-06-04', publishedInferred: false }],
      notes: [],
    };
    t = performance.now();
    let page = renderPage(whole, { moreValue: (c) => JSON.stringify(c) });
    report('Slack first page, whole passage', performance.now() - t, `next ${JSON.stringify(page.next)}`);
    if (page.next) {
      t = performance.now();
      page = renderPage(whole, { cursor: page.next, moreValue: (c) => JSON.stringify(c) });
      report('Slack second page, whole passage', performance.now() - t);
    }
    t = performance.now();
    const pages = renderReply(whole);
    report('Discord pages, whole passage', performance.now() - t, `${pages.length} pages`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs each case in a child process with a deadline and prints the timings. */
export async function runPathological(): Promise<void> {
  console.log(`pathological passages (deadline ${DEADLINE_S} s per case)`);
  for (const name of Object.keys(CASES) as CaseName[]) {
    console.log(`\n${name} (${CASES[name].phrase.trim()} … ${CASES[name].chars.toLocaleString('en')} characters, ${/[.!?]\s/.test(CASES[name].phrase) ? 'in short sentences' : 'no sentence end'})`);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const proc = fork(fileURLToPath(import.meta.url), [name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let last = 'start';
      proc.on('message', (m) => {
        const { step, ms, note } = m as { step: string; ms: number; note?: string };
        last = step;
        console.log(`  ${step.padEnd(34)} ${(ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`).padStart(10)}${note ? `  (${note})` : ''}`);
      });
      const timer = setTimeout(() => {
        console.log(`  DID NOT FINISH within ${DEADLINE_S} s (last finished step: ${last}); killed`);
        proc.kill('SIGKILL');
      }, DEADLINE_S * 1000);
      proc.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    console.log(`  ${'whole case'.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(2).padStart(8)} s`);
  }
}

const [caseName] = process.argv.slice(2);
if (caseName && caseName in CASES) {
  runCase(caseName as CaseName, (step, ms, note) => process.send?.({ step, ms, note }))
    .then(() => process.disconnect?.())
    .catch((err: unknown) => {
      console.error(`case ${caseName} failed:`, err);
      process.exit(1);
    });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runPathological().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
}
