/**
 * `npm run fingerprint`: every command's answer on two corpora, as JSON and as each chat
 * platform renders it, written one answer a line, so a change that must not alter output
 * (a move, a rename, a tidy) can be checked by comparing two runs byte for byte.
 *
 * Usage:
 *   npm run fingerprint -- --out before.jsonl      # run and write
 *   npm run fingerprint -- --compare a.jsonl b.jsonl  # exit 1 and name the first differences
 *
 * The corpora: the shipped `corpus/` and the PolNeAR dev articles (plain text, first line the
 * headline) from ../shared/data, read into a temporary folder. The queries: every topic the
 * corpus lists plus a fixed set of words and questions. The clock is fixed, so digests compare.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReply } from '../src/adapters/discord/render.js';
import { renderPage } from '../src/adapters/slack/render.js';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { buildLibrary } from '../src/library/build.js';
import { toJson } from '../src/render/json.js';
import { toText } from '../src/render/text.js';
import { createRuntime } from '../src/app/runtime.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Words asked of every corpus, besides its own topics. */
const WORDS = ['gyumri', 'armenia-russia', 'border troops', 'trump', 'clinton', 'email', 'debate', 'tax', 'police', 'obama', 'fbi', 'immigration', 'the', 'zzzz-nothing'];
const QUESTIONS = ['who denied the report?', 'when did the ceasefire start?', 'what happened in gyumri', 'who said clinton lied?'];

function polnearCorpus(): string | null {
  const text = path.resolve(repo, '../shared/data/polnear/dev/text');
  if (!existsSync(text)) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-fp-polnear-'));
  for (const f of readdirSync(text).sort()) if (f.endsWith('.txt')) copyFileSync(path.join(text, f), path.join(dir, f));
  return dir;
}

async function answers(corpusDir: string, label: string): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-fp-data-'));
  const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const [commands, built] = await Promise.all([loadCommands(), buildLibrary({ corpusDir, dataDir, logger: silent, snapshot: false })]);
  const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
  const runtime = createRuntime({ commands, library: () => built.library, logger: silent, config, clock });
  const topics = await runtime.execute('topics', { text: '' }, { platform: 'cli' });
  const topicWords = topics.lines ?? [];
  const asked: Array<[string, string]> = [['topics', ''], ['sources', ''], ['help', ''], ['digest', '--since 2000-01-01']];
  for (const w of [...WORDS, ...topicWords.slice(0, 30)]) for (const c of ['search', 'claim', 'timeline']) asked.push([c, w]);
  for (const q of QUESTIONS) asked.push(['ask', q]);
  const lines: string[] = [];
  for (const [command, text] of asked) {
    const reply = await runtime.execute(command, { text }, { platform: 'cli' });
    const slack = renderPage(reply).message;
    const discord = renderReply(reply);
    lines.push(JSON.stringify({ corpus: label, command, text, json: toJson(reply), text_out: toText(reply, { color: false }), slack, discord }));
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--compare') {
    const [a, b] = [argv[1], argv[2]].map((f) => readFileSync(f ?? '', 'utf8').split('\n'));
    let differences = 0;
    for (let i = 0; i < Math.max(a!.length, b!.length); i++) {
      if (a![i] === b![i]) continue;
      differences++;
      if (differences <= 5) {
        const head = (s: string | undefined) => (s ?? '(missing)').slice(0, 200);
        console.log(`line ${i + 1} differs:\n  - ${head(a![i])}\n  + ${head(b![i])}`);
      }
    }
    console.log(differences ? `${differences} answers differ` : `identical: ${a!.length} answers`);
    return differences ? 1 : 0;
  }
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const lines = await answers(path.join(repo, 'corpus'), 'sample');
  const polnear = polnearCorpus();
  if (polnear) lines.push(...(await answers(polnear, 'polnear-dev')));
  else console.error('fingerprint: ../shared/data/polnear is missing; the sample corpus only');
  const body = lines.join('\n') + '\n';
  if (out) {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, body);
  }
  console.log(`${lines.length} answers, sha256 ${createHash('sha256').update(body).digest('hex').slice(0, 16)}${out ? ` → ${out}` : ''}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
