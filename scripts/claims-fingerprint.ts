/**
 * `node --import tsx scripts/claims-fingerprint.ts`: hashes every statement attribution finds, so a
 * refactoring of src/claims can be shown to change nothing. It runs `findStatements` under several
 * option sets and the claims analyser on every PolNeAR train and dev article (sentences made as
 * `eval:attribution` makes them, and as ingest makes them) and on the sample corpus.
 *
 * Usage: node --import tsx scripts/claims-fingerprint.ts [--data DIR] [--out FILE]
 *        node --import tsx scripts/claims-fingerprint.ts --compare A B
 * One line per article and option set (its statements' SHA-256), then a total; `--compare` prints
 * the first differing lines and exits 1 when any differ.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findStatements, type FindOptions, type SentenceLike } from '../src/claims/attribution.js';
import { analyseClaims } from '../src/claims/analyser.js';
import { splitSentences } from './polnear-sentences.js';
import { loadCorpus } from '../src/ingest/corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Option sets: what eval:attribution scores (both modes), what `/claim` keeps, and every switch on. */
const MODES: Record<string, FindOptions> = {
  evalPolnear: { nested: false, actions: true, negated: true },
  evalProduct: { nested: false, actions: false },
  defaults: {},
  analyser: { outlet: 'Outlet', keepSourceless: false },
  everything: { outletStatements: true, outlet: 'Outlet', actions: true },
};

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Hash lines for one text under every mode. */
function hashText(label: string, text: string, sentences: readonly SentenceLike[]): string[] {
  return Object.entries(MODES).map(([mode, options]) => {
    const found = findStatements(text, sentences, options);
    return `${label}\t${mode}\t${found.length}\t${sha(found)}`;
  });
}

async function fingerprint(data: string): Promise<string[]> {
  const lines: string[] = [];
  for (const split of ['train', 'dev']) {
    const dir = path.join(data, split, 'text');
    if (!existsSync(dir)) {
      console.error(`claims-fingerprint: no PolNeAR ${split} split at ${dir}`);
      continue;
    }
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      lines.push(...hashText(`polnear-${split}/${f}/eval-sentences`, text, splitSentences(text)));
    }
    // The same articles as ingest reads them (blocks, kinds, outlet), through the analyser too.
    const { articles } = await loadCorpus(dir, { logger: silent });
    for (const a of articles) lines.push(...corpusArticle(`polnear-${split}/${a.id}`, a));
  }
  const { articles } = await loadCorpus(path.join(repo, 'corpus'), { logger: silent });
  for (const a of articles) lines.push(...corpusArticle(`sample/${a.id}`, a));
  return lines;
}

function corpusArticle(label: string, a: Parameters<typeof analyseClaims>[0]): string[] {
  const claims = analyseClaims(a);
  return [...hashText(`${label}/ingest-sentences`, a.text, a.sentences), `${label}\tanalyser\t${claims.statements.length}\t${sha(claims)}`];
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--compare') {
    const [a, b] = [argv[1], argv[2]].map((f) => readFileSync(f ?? '', 'utf8').split('\n'));
    let differences = 0;
    for (let i = 0; i < Math.max(a!.length, b!.length); i++) {
      if (a![i] === b![i]) continue;
      if (++differences <= 5) console.log(`line ${i + 1} differs:\n  - ${a![i] ?? '(missing)'}\n  + ${b![i] ?? '(missing)'}`);
    }
    console.log(differences ? `${differences} lines differ` : `identical: ${a!.length - 1} lines`);
    return differences ? 1 : 0;
  }
  const dataAt = argv.indexOf('--data');
  const data = dataAt >= 0 ? path.resolve(argv[dataAt + 1] ?? '') : path.resolve(repo, '../shared/data/polnear');
  const lines = await fingerprint(data);
  const statements = lines.reduce((n, l) => n + Number(l.split('\t')[2]), 0);
  lines.push(`total\t${lines.length} runs\t${statements}\t${sha(lines)}`);
  const outAt = argv.indexOf('--out');
  if (outAt >= 0) writeFileSync(argv[outAt + 1] ?? 'claims-fingerprint.txt', lines.join('\n') + '\n');
  console.log(lines[lines.length - 1]);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
