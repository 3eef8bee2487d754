/**
 * `npm run eval:timeline`: scores `timeline <entity>` end to end on the SemEval-2015 TimeLine
 * trial data (Wikinews articles about Apple, with gold entity timelines).
 *
 * Each TimeML article becomes a corpus file (title, `outlet: Wikinews`, `published:` its
 * creation date, body = the sentences after the date line, tokenisation undone), the product's
 * `timeline` command runs once per target entity (the gold file's first line), and the set of
 * dates it gives is compared with the gold dates (undated `XXXX` events left out, trailing `-XX`
 * dropped). Date-F1 per entity, macro-averaged, two ways:
 * - strict: two dates match when they are equal;
 * - coarse: two dates match at the coarser of their precisions (`2008` matches `2008-07`).
 * Precision is the share of given dates that match a gold date, recall the share of gold dates
 * matched by a given date.
 *
 * Usage: npm run eval:timeline [-- --data DIR] [--show ENTITY]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { buildLibrary } from '../src/library/build.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One TimeML article as plain text. */
interface Doc {
  id: string;
  dct: string;
  title: string;
  sentences: string[];
}

function plain(xml: string): string {
  return xml.replace(/<[^>]*>/g, '').replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m);
}

/** Undoes the data set's tokenisation ("Apple 's" → "Apple's", "( WWDC )" → "(WWDC)"), as an article would read. */
function detokenise(s: string): string {
  let t = ` ${s.trim()} `;
  t = t.replace(/ ([,.;:!?%)\]}])/g, '$1').replace(/([([{$]) /g, '$1');
  t = t.replace(/ (n't|'s|'re|'ve|'ll|'d|'m|') /gi, '$1 ');
  // Quotes: pair them up, opening quote binds right, closing binds left.
  let open = false;
  t = t.replace(/ " ?/g, (m) => ((open = !open) ? ' "' : '" '));
  return t.replace(/\s+/g, ' ').replace(/" ([,.;:!?])/g, '"$1').trim();
}

function parseDoc(file: string, xml: string): Doc | null {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
  const id = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? file.split(/[-_]/)[0]!;
  const title = plain(/<EXTRAINFO>([\s\S]*?)<\/EXTRAINFO>/.exec(xml)?.[1] ?? '').trim();
  if (!dct) return null;
  const sentences = [...xml.matchAll(/<s id="(\d+)">([\s\S]*?)<\/s>/g)].map((m) => ({ n: Number(m[1]), text: detokenise(plain(m[2]!)) }));
  // Sentence 1 is the date line; the body is what follows.
  return { id, dct, title: detokenise(title), sentences: sentences.filter((s) => s.n > 1).map((s) => s.text) };
}

/** Writes the articles as a corpus folder of Markdown files with front matter. */
function writeCorpus(docs: Doc[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-eval-timeline-'));
  for (const d of docs) {
    const front = ['---', `title: ${JSON.stringify(d.title)}`, 'outlet: "Wikinews"', `published: ${d.dct}`, '---'].join('\n');
    writeFileSync(path.join(dir, `${d.dct}-${d.id}.md`), `${front}\n${d.sentences.join('\n\n')}\n`);
  }
  return dir;
}

interface Gold {
  entity: string;
  file: string;
  dates: string[];
}

function readGold(file: string): Gold {
  const lines = readFileSync(file, 'utf8').split('\n');
  const dates = new Set<string>();
  for (const line of lines.slice(1)) {
    const date = line.split('\t')[1]?.trim();
    if (!date || /^X/.test(date)) continue;
    dates.add(date.replace(/(?:-XX)+$/, ''));
  }
  return { entity: lines[0]!.trim(), file: path.basename(file, '.txt'), dates: [...dates].sort() };
}

/** Two dates match at the coarser of their precisions. */
const coarseMatch = (a: string, b: string): boolean => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
};
const strictMatch = (a: string, b: string): boolean => a === b;

interface Score {
  p: number;
  r: number;
  f: number;
}

function score(system: string[], gold: string[], match: (a: string, b: string) => boolean): Score {
  if (!system.length || !gold.length) return { p: 0, r: 0, f: 0 };
  const p = system.filter((s) => gold.some((g) => match(s, g))).length / system.length;
  const r = gold.filter((g) => system.some((s) => match(s, g))).length / gold.length;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const fmt = (n: number) => n.toFixed(3);

async function main(argv: string[]): Promise<number> {
  const dataIndex = argv.indexOf('--data');
  const data = path.resolve(dataIndex >= 0 ? argv[dataIndex + 1]! : path.join(repo, '../shared/data/semeval2015-timeline-trial'));
  const showIndex = argv.indexOf('--show');
  const show = showIndex >= 0 ? argv[showIndex + 1]!.toLowerCase() : null;
  if (!existsSync(data)) {
    console.error(`eval:timeline: no data at ${data}`);
    return 2;
  }
  const articlesDir = path.join(data, 'articles-timeml');
  const docs = readdirSync(articlesDir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => parseDoc(f, readFileSync(path.join(articlesDir, f), 'utf8')))
    .filter((d): d is Doc => d !== null);
  const golds = readdirSync(path.join(data, 'gold-timelines'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readGold(path.join(data, 'gold-timelines', f)));

  const corpusDir = writeCorpus(docs);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-eval-timeline-data-'));
  const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const [commands, built] = await Promise.all([loadCommands(), buildLibrary({ corpusDir, dataDir, logger: silent, snapshot: false })]);
  const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
  const runtime = createRuntime({ commands, library: () => built.library, logger: silent, config, clock });

  console.log(`eval:timeline — ${docs.length} articles, ${golds.length} entities (${path.relative(repo, data)})\n`);
  console.log('entity                    gold  given   strict P/R/F1        coarse P/R/F1');
  const strict: Score[] = [];
  const coarse: Score[] = [];
  const empty: string[] = [];
  for (const gold of golds) {
    const reply = await runtime.execute('timeline', { text: gold.entity }, { platform: 'cli' });
    if (reply.error) console.error(`eval:timeline: timeline "${gold.entity}" failed: ${JSON.stringify(reply.error)}`);
    const given = [...new Set(reply.items.map((i) => i.fields?.['date']).filter((d): d is string => typeof d === 'string' && d !== ''))].sort();
    if (!given.length) empty.push(gold.entity);
    const s = score(given, gold.dates, strictMatch);
    const c = score(given, gold.dates, coarseMatch);
    strict.push(s);
    coarse.push(c);
    console.log(
      `${gold.entity.padEnd(24)} ${String(gold.dates.length).padStart(5)} ${String(given.length).padStart(6)}   ` +
        `${fmt(s.p)} ${fmt(s.r)} ${fmt(s.f)}       ${fmt(c.p)} ${fmt(c.r)} ${fmt(c.f)}`,
    );
    if (show && (show === 'all' || gold.entity.toLowerCase().includes(show))) {
      console.log(`  gold:  ${gold.dates.join(' ')}`);
      console.log(`  given: ${given.join(' ')}`);
      for (const item of reply.items) console.log(`    ${String(item.fields?.['date']).padEnd(10)} ${item.label ?? ''} | ${item.text.slice(0, 140)}`);
    }
  }
  const macro = (xs: Score[]) => ({
    p: xs.reduce((a, x) => a + x.p, 0) / xs.length,
    r: xs.reduce((a, x) => a + x.r, 0) / xs.length,
    f: xs.reduce((a, x) => a + x.f, 0) / xs.length,
  });
  const ms = macro(strict);
  const mc = macro(coarse);
  console.log(`\nmacro strict: P ${fmt(ms.p)} R ${fmt(ms.r)} F1 ${fmt(ms.f)}`);
  console.log(`macro coarse: P ${fmt(mc.p)} R ${fmt(mc.r)} F1 ${fmt(mc.f)}   (goal ≥ 0.65)`);
  console.log(`entities with no output: ${empty.length}/${golds.length}${empty.length ? ` (${empty.join(', ')})` : ''}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
