/**
 * `npm run eval:feedback`: a desk's own verdicts as a regression set. Reads the JSON lines of
 * `newsdesk feedback export --format jsonl`, asks each verdict's command and query again on the
 * current corpus, and says per reason (and for 👍) whether each judged quote is still shown and,
 * if so, whether its claimant, stance or date label changed (scripts/eval-feedback-lib.ts).
 *
 * Usage: npm run eval:feedback -- FILE.jsonl [--corpus DIR] [--pages N] [--json]
 * `--corpus` defaults to CORPUS_DIR, then ./corpus; `--json` prints one result per judged quote.
 * Exit 0 when it ran, 2 for a usage error or a file it cannot read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { silentLogger } from '../src/app/log.js';
import { createRuntime } from '../src/app/runtime.js';
import { buildLibrary } from '../src/library/build.js';
import { formatReport, readVerdicts, replay } from './eval-feedback-lib.js';

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let corpus = process.env.CORPUS_DIR || './corpus';
  let pages = 3;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--corpus') corpus = argv[++i] ?? corpus;
    else if (a === '--pages') pages = Math.max(1, Math.min(20, Number(argv[++i]) || pages));
    else if (a === '--json') json = true;
    else if (!a.startsWith('--') && file === undefined) file = a;
    else {
      console.error(`eval:feedback: unknown argument ${a}`);
      return 2;
    }
  }
  if (!file) {
    console.error('usage: npm run eval:feedback -- FILE.jsonl [--corpus DIR] [--pages N] [--json]');
    return 2;
  }
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`eval:feedback: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const { verdicts, problems } = readVerdicts(body);
  const corpusDir = path.resolve(corpus);
  // A scratch data folder: the eval never touches the bot's own snapshot or state.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-eval-feedback-'));
  try {
    const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const [commands, built] = await Promise.all([loadCommands(), buildLibrary({ corpusDir, dataDir, logger: silentLogger, snapshot: false })]);
    const runtime = createRuntime({ commands, library: () => built.library, logger: silentLogger, config });
    const ask = (command: string, query: string) => runtime.execute(command, { text: query }, { platform: 'cli' });
    const results = await replay(verdicts, ask, (id) => built.library.get(id) !== undefined, pages);
    if (json) {
      for (const r of results) console.log(JSON.stringify(r));
      for (const p of problems) console.error(`line ${p.line} skipped: ${p.problem}`);
    } else process.stdout.write(formatReport(results, problems, verdicts.length));
    return 0;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
