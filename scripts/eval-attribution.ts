/**
 * `npm run eval:attribution`: scores attribution (`findStatements`) against the gold PolNeAR
 * annotations: precision, recall and F1 for source and cue spans, exact and overlapping.
 *
 * Usage: npm run eval:attribution [-- --split dev|train] [--data DIR] [--errors N] [--product] [--no-model] [--no-tagger] [--no-edges] [--by-rule] [--agreement]
 * The dev split is the one to report; train is for development.
 * --agreement scores the articles two annotators marked: one annotator against the other (a
 * ceiling for any system: PolNeAR train's 16 such articles agree at source exact F1 0.79), and the
 * system against each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findStatements, type SentenceLike } from '../src/claims/attribution.js';
import { shippedChooser } from '../src/claims/model/choose.js';
import { shippedTagger } from '../src/claims/model/tagger.js';
import { shippedEdges } from '../src/claims/model/cue-edges.js';
import { splitSentences } from './polnear-sentences.js';
import { RULES, resetRuleFires, ruleFires, switchRulesOff, type RuleId } from '../src/claims/rules.js';
import type { Span } from '../src/core/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Command-line options. */
interface EvalOptions {
  split: string;
  data: string;
  errors: number;
  /** Score exactly what `/claim` runs (no beliefs, positions, actions or polls, which PolNeAR counts). */
  product: boolean;
  /** The rules alone, without the learned source model and cue tagger (src/claims/model). */
  noModel: boolean;
  /** The rules and the source model, without the learned cue tagger. */
  noTagger: boolean;
  /** Without the learned cue edges (PolNeAR's "has also said" for the rules' "said"). */
  noEdges: boolean;
  /** Print each registered rule's fires and what switching it off costs (`src/claims/rules.ts`). */
  byRule: boolean;
  /** Score the doubly annotated articles: annotator against annotator, and the system against each. */
  agreement: boolean;
}

function parseArgs(argv: string[]): EvalOptions {
  const opts: EvalOptions = { split: 'dev', data: path.resolve(here, '../../shared/data/polnear'), errors: 0, product: false, noModel: false, noTagger: false, noEdges: false, byRule: false, agreement: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') opts.split = argv[++i] ?? opts.split;
    else if (a === '--data') opts.data = path.resolve(argv[++i] ?? opts.data);
    else if (a === '--errors') opts.errors = Number(argv[++i] ?? 0);
    else if (a === '--product') opts.product = true;
    else if (a === '--no-model') opts.noModel = true;
    else if (a === '--no-tagger') opts.noTagger = true;
    else if (a === '--no-edges') opts.noEdges = true;
    else if (a === '--by-rule') opts.byRule = true;
    else if (a === '--agreement') opts.agreement = true;
  }
  return opts;
}

/** Gold spans of one role from a brat .ann file; discontinuous spans are taken whole. */
function readGold(ann: string, role: 'Source' | 'Cue'): Span[] {
  const out: Span[] = [];
  for (const line of ann.split('\n')) {
    const [id, desc] = line.split('\t');
    if (!id?.startsWith('T') || !desc) continue;
    const [type, ...ranges] = desc.split(' ');
    if (type !== role) continue;
    const nums = ranges.join(' ').split(/[ ;]/).map(Number).filter((n) => Number.isFinite(n));
    if (nums.length >= 2) out.push({ start: Math.min(...nums), end: Math.max(...nums) });
  }
  return out;
}

/** Trims whitespace inside a span so " he" and "he" compare equal. */
function tidy(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

interface Tally {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
}

/** Counts exact and overlapping one-to-one matches between predicted and gold spans. */
function score(tally: Tally, gold: Span[], predicted: Span[]): { missed: Span[]; spurious: Span[] } {
  tally.gold += gold.length;
  tally.predicted += predicted.length;
  const exactUsed = new Set<number>();
  for (const p of predicted) {
    const g = gold.findIndex((x, i) => !exactUsed.has(i) && x.start === p.start && x.end === p.end);
    if (g >= 0) exactUsed.add(g);
  }
  tally.exact += exactUsed.size;
  const used = new Set<number>();
  const spurious: Span[] = [];
  for (const p of predicted) {
    const g = gold.findIndex((x, i) => !used.has(i) && x.start < p.end && p.start < x.end);
    if (g >= 0) used.add(g);
    else spurious.push(p);
  }
  tally.overlap += used.size;
  return { missed: gold.filter((_, i) => !used.has(i)), spurious };
}

function prf(t: Tally, matched: number): string {
  const p = t.predicted ? matched / t.predicted : 0;
  const r = t.gold ? matched / t.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (${matched} of ${t.predicted} predicted, ${t.gold} gold)`;
}

/** Scores of one run over a split. */
interface SplitScore {
  articles: number;
  source: Tally;
  cue: Tally;
  errors: string[];
  ms: number;
}

/** The attributed statements the options ask for, of one article. */
function run(opts: EvalOptions, text: string) {
  return findStatements(text, splitSentences(text), { nested: false, actions: !opts.product, negated: !opts.product, chooser: opts.noModel ? null : 'shipped', tagger: opts.noModel || opts.noTagger ? null : 'shipped', cueEdges: opts.noModel || opts.noEdges ? null : 'shipped' }).filter((s) => s.kind === 'attributed');
}

/** `--agreement`: on the articles with two annotations, annotator 1 against annotator 2, and the system against each. */
function agreement(opts: EvalOptions, dir: string): void {
  const annFiles = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const blank = (): Tally => ({ gold: 0, predicted: 0, exact: 0, overlap: 0 });
  const rows = { 'annotator 2 vs 1': [blank(), blank()], 'system vs annotator 1': [blank(), blank()], 'system vs annotator 2': [blank(), blank()] } as Record<string, [Tally, Tally]>;
  let articles = 0;
  for (const textFile of readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const stem = textFile.slice(0, -4);
    const anns = annFiles.filter((f) => f.startsWith(`${stem}_`));
    if (anns.length < 2) continue;
    articles++;
    const text = readFileSync(path.join(dir, 'text', textFile), 'utf8');
    const gold = anns.slice(0, 2).map((f) => readFileSync(path.join(dir, 'attributions', f), 'utf8'));
    const spans = (ann: string, role: 'Source' | 'Cue') => uniqueSpans(readGold(ann, role).map((s) => tidy(text, s)));
    const statements = run(opts, text);
    const mine = { Source: uniqueSpans(statements.flatMap((s) => (s.source ? [tidy(text, s.source)] : []))), Cue: statements.filter((s) => s.cue.end > s.cue.start).map((s) => tidy(text, s.cue)) };
    const pairs: Array<[string, (role: 'Source' | 'Cue') => Span[], (role: 'Source' | 'Cue') => Span[]]> = [
      ['annotator 2 vs 1', (r) => spans(gold[0]!, r), (r) => spans(gold[1]!, r)],
      ['system vs annotator 1', (r) => spans(gold[0]!, r), (r) => mine[r]],
      ['system vs annotator 2', (r) => spans(gold[1]!, r), (r) => mine[r]],
    ];
    for (const [name, g, p] of pairs) {
      score(rows[name]![0], g('Source'), p('Source'));
      score(rows[name]![1], g('Cue'), p('Cue'));
    }
  }
  console.log(`agreement on ${articles} ${opts.split} articles with two annotations`);
  for (const [name, [src, cue]] of Object.entries(rows)) console.log(`  ${name.padEnd(22)} source exact ${prf(src, src.exact)}   cue exact ${prf(cue, cue.exact)}`);
}

function scoreSplit(opts: EvalOptions, dir: string): SplitScore {
  const annFiles = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const source: Tally = { gold: 0, predicted: 0, exact: 0, overlap: 0 };
  const cue: Tally = { gold: 0, predicted: 0, exact: 0, overlap: 0 };
  const errors: string[] = [];
  let articles = 0;
  let ms = 0;
  // Load the weights before the clock starts, so the speed is per article.
  if (!opts.noModel) shippedChooser();
  for (const textFile of readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const stem = textFile.slice(0, -4);
    // Articles annotated by several annotators: score against the first annotation.
    const ann = annFiles.find((f) => f.startsWith(`${stem}_`));
    if (!ann) continue;
    const text = readFileSync(path.join(dir, 'text', textFile), 'utf8');
    const gold = readFileSync(path.join(dir, 'attributions', ann), 'utf8');
    const t0 = performance.now();
    const statements = run(opts, text);
    ms += performance.now() - t0;
    articles++;
    // A quote-only paragraph carrying its introducer's speaker has no cue of its own (an empty span): not scored as one.
    // Spans are scored as sets: two statements by one written source ("X said … and added …") predict one span, as the gold annotates one.
    const sources = uniqueSpans(statements.flatMap((s) => (s.source ? [tidy(text, s.source)] : [])));
    const r = score(source, readGold(gold, 'Source').map((s) => tidy(text, s)), sources);
    const rc = score(cue, readGold(gold, 'Cue').map((s) => tidy(text, s)), statements.filter((s) => s.cue.end > s.cue.start).map((s) => tidy(text, s.cue)));
    if (process.env.EVAL_CUE_STATS) {
      for (const m of rc.missed) console.log(`CUEMISS\t${text.slice(m.start, m.end).toLowerCase()}\t${JSON.stringify(text.slice(Math.max(0, m.start - 80), m.end + 30))}`);
      for (const m of rc.spurious) console.log(`CUESPUR\t${text.slice(m.start, m.end).toLowerCase()}\t${JSON.stringify(text.slice(Math.max(0, m.start - 80), m.end + 40))}`);
    }
    if (errors.length < opts.errors) {
      const ctx = (s: Span) => JSON.stringify(text.slice(Math.max(0, s.start - 60), s.end + 40).replace(/\n/g, ' '));
      for (const m of r.missed) errors.push(`MISSED ${JSON.stringify(text.slice(m.start, m.end))} in ${ctx(m)}`);
      for (const s of r.spurious) {
        const st = statements.find((x) => x.source && tidy(text, x.source).start === s.start);
        errors.push(`SPURIOUS ${JSON.stringify(text.slice(s.start, s.end))} cue ${JSON.stringify(st ? text.slice(st.cue.start, st.cue.end) : '')} in ${ctx(s)}`);
      }
    }
  }
  return { articles, source, cue, errors, ms };
}

/** F1 of a tally at the given number of matches. */
function f1(t: Tally, matched: number): number {
  const p = t.predicted ? matched / t.predicted : 0;
  const r = t.gold ? matched / t.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/**
 * `--by-rule`: how often each registered rule fires, and the F1 change when it alone is switched off.
 * One more run of the split per rule that fired: minutes with the rules alone (`--no-model`), about
 * a quarter of an hour with the model.
 */
function byRule(opts: EvalOptions, dir: string, base: SplitScore): void {
  const fires = new Map(ruleFires());
  const baseSource = f1(base.source, base.source.exact);
  const baseCue = f1(base.cue, base.cue.exact);
  const rows: Array<[string, number, number, number]> = [];
  for (const id of Object.keys(RULES) as RuleId[]) {
    // A rule that never fired cannot change the output: no second run for it.
    if (!fires.get(id)) {
      rows.push([id, 0, 0, 0]);
      continue;
    }
    switchRulesOff([id]);
    const s = scoreSplit(opts, dir);
    rows.push([id, fires.get(id) ?? 0, baseSource - f1(s.source, s.source.exact), baseCue - f1(s.cue, s.cue.exact)]);
  }
  switchRulesOff([]);
  console.log('rule                                  fires   source exact F1 gained   cue exact F1 gained');
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
  for (const [id, n, ds, dc] of rows.sort((a, b) => b[2] - a[2] || b[1] - a[1])) console.log(`${id.padEnd(38)}${String(n).padStart(5)}   ${signed(ds).padStart(22)}   ${signed(dc).padStart(19)}`);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const dir = path.join(opts.data, opts.split);
  if (!existsSync(path.join(dir, 'text'))) {
    console.error(`No PolNeAR split at ${dir} (expected text/ and attributions/).`);
    process.exit(1);
  }
  resetRuleFires();
  const result = scoreSplit(opts, dir);
  const { articles, source, cue, errors, ms } = result;
  console.log(`PolNeAR ${opts.split}: ${articles} articles, ${source.gold} gold sources, ${cue.gold} gold cues`);
  console.log(`mode            ${opts.product ? 'product (what /claim runs)' : 'PolNeAR scope (statements plus beliefs, positions, actions and polls; --product for what /claim runs)'}`);
  console.log(`sources         ${opts.noModel ? 'rules only (--no-model)' : shippedChooser() ? 'rules + learned model (src/claims/model/weights.json; --no-model for rules only)' : 'rules only (no model weights shipped)'}`);
  // The cue tagger runs in PolNeAR scope only (src/claims/attribution.ts, FindOptions.tagger).
  console.log(`cue tagger      ${opts.noModel || opts.noTagger ? 'off (--no-tagger)' : opts.product ? 'off (/claim never runs it)' : shippedTagger() ? 'learned (src/claims/model/cue-tagger.json; --no-tagger without it)' : 'off (no weights shipped)'}`);
  console.log(`cue edges       ${opts.noModel || opts.noEdges ? 'off (--no-edges)' : opts.product ? 'off (/claim never runs them)' : shippedEdges() ? 'learned (src/claims/model/cue-edges.json; --no-edges without them)' : 'off (none shipped)'}`);
  console.log(`source exact    ${prf(source, source.exact)}`);
  console.log(`source overlap  ${prf(source, source.overlap)}`);
  console.log(`cue exact       ${prf(cue, cue.exact)}`);
  console.log(`cue overlap     ${prf(cue, cue.overlap)}`);
  console.log(`speed           ${(ms / Math.max(1, articles)).toFixed(2)} ms per article`);
  for (const e of errors.slice(0, opts.errors)) console.log(e);
  if (opts.byRule) byRule(opts, dir, result);
  if (opts.agreement) agreement(opts, dir);
}

main();

/** Distinct spans, in order. */
function uniqueSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
