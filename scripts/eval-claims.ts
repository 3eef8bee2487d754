/**
 * `npm run eval:claims`: scores what `/claim` shows, end to end, on PolNeAR articles with gold
 * attributions. For a fixed list of topics (chosen by the rule in `pickTopics`, not by hand) it
 * runs the real command on a library of the split and checks every item it shows:
 * - claimant precision: of the attributed items whose span holds a gold cue, how many name a
 *   claimant that overlaps that cue's gold source (goal ≥ 0.95);
 * - speech-cue leaks: the share of "own reporting" items holding a gold attribution with a named
 *   source and a speech cue ("said", "told", "according to" …), which the outlet did not assert
 *   itself (goal ≤ 5 %);
 * - unattributed quotations, counted apart (shown with no claimant: neither right nor wrong).
 *
 * Usage: npm run eval:claims [-- --split dev|train] [--data DIR] [--topics N] [--pages N] [--errors N]
 * The dev split is the one to report; train is for development.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import claim from '../commands/claim.js';
import { loadConfig } from '../src/app/config.js';
import { silentLogger } from '../src/app/log.js';
import { createRuntime } from '../src/app/runtime.js';
import { statementsOf } from '../src/claims/analyser.js';
import type { Statement } from '../src/claims/types.js';
import type { Article, Reply, ReplyItem, Span } from '../src/core/types.js';
import { loadCorpus } from '../src/ingest/corpus.js';
import { libraryFromArticles } from '../src/library/build.js';
import { readAttributions, type GoldAttribution } from './polnear-gold.js';

const here = path.dirname(fileURLToPath(import.meta.url));

interface EvalOptions {
  split: string;
  data: string;
  topics: number;
  /** How many pages of each answer to score (1: what a reader sees first). */
  pages: number;
  errors: number;
}

function parseArgs(argv: string[]): EvalOptions {
  const opts: EvalOptions = { split: 'dev', data: path.resolve(here, '../../shared/data/polnear'), topics: 15, pages: 1, errors: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') opts.split = argv[++i] ?? opts.split;
    else if (a === '--data') opts.data = path.resolve(argv[++i] ?? opts.data);
    else if (a === '--topics') opts.topics = Number(argv[++i] ?? opts.topics);
    else if (a === '--pages') opts.pages = Number(argv[++i] ?? opts.pages);
    else if (a === '--errors') opts.errors = Number(argv[++i] ?? 0);
  }
  return opts;
}

/** Capitalised words that are not names: function words, titles, months and days. */
const NOT_NAMES = new Set(
  ('The This That These Those There Their They When What Where While With Without After Before But And For From ' +
    'His Her Its Our Your Not Now Also Even Just Still Yet Then Than Some Many Most More All Any Both Each ' +
    'Mr Mrs Ms Dr Sen Rep Gov Gen Jr Sr Inc Co Corp St Mt ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday').split(' '),
);

/**
 * The topics: the capitalised words (3+ letters, not in NOT_NAMES) named mid-sentence by the most
 * articles of the split, ties in alphabetical order, keeping only words that end their name at
 * least half the time ("Trump", "Obama"; not the "Donald" of "Donald Trump" or the "White" of
 * "White House").
 */
export function pickTopics(texts: string[], n: number): string[] {
  const docs = new Map<string, number>();
  const total = new Map<string, number>();
  const last = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const m of text.matchAll(/(?<=[\p{Ll},] )(\p{Lu}\p{L}{2,})(?!['’]?\p{L})(\s+\p{Lu})?/gu)) {
      const word = m[1]!;
      if (NOT_NAMES.has(word)) continue;
      seen.add(word);
      total.set(word, (total.get(word) ?? 0) + 1);
      if (!m[2]) last.set(word, (last.get(word) ?? 0) + 1);
    }
    for (const w of seen) docs.set(w, (docs.get(w) ?? 0) + 1);
  }
  return [...docs]
    .filter(([w]) => (last.get(w) ?? 0) * 2 >= total.get(w)!)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([w]) => w);
}

/** Words of a speech cue: what someone said, wrote or told (not acts, beliefs or positions). */
const SPEECH_CUE = /\b(?:said|says|say|saying|told|tells|tell|wrote|writes|write|according|stated|states|added|adds|announced|announces|asked|asks|explained|explains|claimed|claims|argued|argues|insisted|insists|noted|notes|declared|declares|replied|responded|recalled|testified|tweeted|reported|reports|acknowledged|admitted|denied|denies|warned|warns|predicted|suggested|suggests|confirmed|confirms|alleged|alleges|contended|maintained|remarked|quipped|joked|countered|conceded|asserted|boasted|complained|promised|vowed|urged)\b/i;

/** Pronouns and relatives: a source that names nobody. */
const PRONOUN = /^(?:he|she|they|it|we|i|you|who|which|that|this|one|someone|some|others|many)$/i;

const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Name words of a claimant or a source ("Sen. Ted Cruz" → ted, cruz), for matching a coreferent claimant. */
function nameWords(text: string): Set<string> {
  return new Set([...text.matchAll(/\p{Lu}[\p{L}’'-]+/gu)].map((m) => m[0].toLowerCase().replace(/[’']s?$/, '')).filter((w) => !NOT_NAMES.has(w[0]!.toUpperCase() + w.slice(1))));
}

interface Counts {
  attributed: number;
  judged: number;
  right: number;
  outlet: number;
  leaks: number;
  unattributed: number;
  unattributedWithGold: number;
}

/** The statement an item shows: its sentence holds the item (an item may be the statement's own clause), same stance and claimant. */
function statementOf(article: Article, item: ReplyItem): Statement | undefined {
  return statementsOf(article).find(
    (s) => s.span.start <= item.span.start && item.span.end <= s.span.end && s.stance === item.fields?.stance && (s.kind === 'outlet' || s.claimant === (item.fields?.claimant ?? null)),
  );
}

/** Judges one attributed item: null when no gold cue lies in its span, else whether its claimant is the gold source. */
function judge(text: string, item: ReplyItem, statement: Statement | undefined, gold: GoldAttribution[]): { right: boolean; why: string } | null {
  let here = gold.filter((g) => inside(g.cue, item.span) && g.source);
  // A quote-only paragraph carrying the speaker before it has no cue of its own: the gold relation whose content it is.
  if (!here.length && statement && statement.cue.end === statement.cue.start) here = gold.filter((g) => g.content && overlaps(g.content, item.span) && g.source);
  if (!here.length) return null;
  const claimant = String(item.fields?.claimant ?? '');
  // The gold relation of the statement's own cue when PolNeAR annotates it; else any in the span.
  const own = statement ? here.filter((g) => overlaps(g.cue, statement.cue)) : [];
  const candidates = own.length ? own : here;
  for (const g of candidates) {
    const source = g.source!;
    if (statement?.source && overlaps(statement.source, source)) {
      // The right words, resolved to the wrong name ("according to the Washington Post" shown as an earlier
      // speaker's): a source that names someone must share a name word with the claimant shown.
      // (A pronoun is checked by the gold source above it only: PolNeAR has no coreference.)
      const sourceText = text.slice(statement.source.start, statement.source.end).trim();
      const written = PRONOUN.test(sourceText) ? new Set<string>() : nameWords(sourceText);
      const shown = nameWords(claimant);
      if (!written.size || !shown.size || [...shown].some((w) => written.has(w))) return { right: true, why: '' };
      return { right: false, why: `source ${JSON.stringify(text.slice(statement.source.start, statement.source.end))} resolved to another name` };
    }
    const goldWords = nameWords(text.slice(source.start, source.end));
    if ([...nameWords(claimant)].some((w) => goldWords.has(w))) return { right: true, why: '' };
  }
  return { right: false, why: `gold ${candidates.map((g) => JSON.stringify(text.slice(g.source!.start, g.source!.end))).join(' / ')}` };
}

/** Whether an own-reporting item holds someone's speech: a gold attribution with a named source and a speech cue. */
function leaks(text: string, item: ReplyItem, gold: GoldAttribution[]): GoldAttribution | undefined {
  return gold.find((g) => {
    if (!inside(g.cue, item.span) || !g.source) return false;
    const source = text.slice(g.source.start, g.source.end).trim();
    return !PRONOUN.test(source) && SPEECH_CUE.test(text.slice(g.cue.start, g.cue.end));
  });
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const dir = path.join(opts.data, opts.split);
  if (!existsSync(path.join(dir, 'text'))) {
    console.error(`No PolNeAR split at ${dir} (expected text/ and attributions/).`);
    process.exit(1);
  }
  const annFiles = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const loaded = await loadCorpus(path.join(dir, 'text'), { logger: silentLogger });
  // The first line of a PolNeAR text is its headline; the product reads it as one.
  const articles: Article[] = loaded.articles.map((a) => ({ ...a, sentences: a.sentences.map((s) => (s.block === 0 ? { ...s, kind: 'title' as const } : s)) }));
  const gold = new Map<string, GoldAttribution[]>();
  for (const article of articles) {
    // Articles annotated by several annotators: scored against the first annotation, as eval:attribution does.
    const ann = annFiles.find((f) => f.startsWith(`${article.id.replace(/\.txt$/, '')}_`));
    gold.set(article.id, ann ? readAttributions(readFileSync(path.join(dir, 'attributions', ann), 'utf8')) : []);
  }
  const library = libraryFromArticles(articles);
  const runtime = createRuntime({ commands: new Map([['claim', claim]]), library: () => library, logger: silentLogger, config: loadConfig({}) });
  const topics = pickTopics(articles.map((a) => a.text), opts.topics);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const counts: Counts = { attributed: 0, judged: 0, right: 0, outlet: 0, leaks: 0, unattributed: 0, unattributedWithGold: 0 };
  const errors: string[] = [];
  const seen = new Set<string>();
  const grouping = { groups: 0, multi: 0, answered: 0 };
  for (const topic of topics) {
    for (let page = 1; page <= opts.pages; page++) {
      const reply: Reply = await runtime.execute('claim', { text: opts.pages > 1 ? `${topic} --page ${page}` : topic }, { platform: 'cli' });
      // PolNeAR has no gold for which statements make one claim: the groups are counted, not scored.
      const byGroup = new Map<string, ReplyItem[]>();
      for (const i of reply.items) if (/^c\d+$/.test(String(i.fields?.group))) byGroup.set(String(i.fields?.group), [...(byGroup.get(String(i.fields?.group)) ?? []), i]);
      for (const members of byGroup.values()) {
        grouping.groups++;
        if (members.length > 1) grouping.multi++;
        if (members.some((i) => i.fields?.stance === 'denies' || i.fields?.stance === 'disputes')) grouping.answered++;
      }
      for (const item of reply.items) {
        const article = byId.get(reply.citations.find((c) => c.id === item.source)?.articleId ?? '');
        if (!article) continue;
        // An item shown for two topics is one item: judged once.
        const key = `${article.id}|${item.span.start}|${item.span.end}|${String(item.fields?.claimant)}|${String(item.fields?.stance)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const g = gold.get(article.id) ?? [];
        const where = `[${topic}] ${article.id}: ${JSON.stringify(item.text.slice(0, 160))}`;
        if (item.fields?.kind === 'outlet') {
          counts.outlet++;
          const leak = leaks(article.text, item, g);
          if (leak) {
            counts.leaks++;
            errors.push(`LEAK source ${JSON.stringify(article.text.slice(leak.source!.start, leak.source!.end))} cue ${JSON.stringify(article.text.slice(leak.cue.start, leak.cue.end))} in ${where}`);
          }
        } else if (item.fields?.claimant === null || item.fields?.claimant === undefined) {
          counts.unattributed++;
          // Whose words these are by the gold annotation, when it names someone.
          const named = g.find((x) => x.content && x.source && overlaps(x.content, item.span) && !PRONOUN.test(article.text.slice(x.source.start, x.source.end).trim()));
          if (named) {
            counts.unattributedWithGold++;
            errors.push(`UNATTRIBUTED but gold source ${JSON.stringify(article.text.slice(named.source!.start, named.source!.end))} in ${where}`);
          }
        } else {
          counts.attributed++;
          const verdict = judge(article.text, item, statementOf(article, item), g);
          if (!verdict) continue;
          counts.judged++;
          if (verdict.right) counts.right++;
          else errors.push(`WRONG claimant ${JSON.stringify(item.fields.claimant)} (${verdict.why}) in ${where}`);
        }
      }
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
  console.log(`PolNeAR ${opts.split}: ${articles.length} articles; ${topics.length} topics (${opts.pages} page${opts.pages === 1 ? '' : 's'} each): ${topics.join(', ')}`);
  console.log(`items shown     ${seen.size} distinct (attributed ${counts.attributed}, own reporting ${counts.outlet}, unattributed quotations ${counts.unattributed})`);
  console.log(`claimant prec.  ${(counts.judged ? counts.right / counts.judged : 0).toFixed(3)}  (${counts.right} of ${counts.judged} attributed items with a gold cue in their span; goal ≥ 0.95)`);
  console.log(`speech leaks    ${pct(counts.leaks, counts.outlet)} %  (${counts.leaks} of ${counts.outlet} own-reporting items hold a named source's speech; goal ≤ 5 %)`);
  console.log(`unattributed    ${counts.unattributed} quotations shown without a claimant (${counts.unattributedWithGold} of them with a named gold source)`);
  console.log(`claim groups    ${grouping.groups} shown, ${grouping.multi} with more than one item, ${grouping.answered} with a denial or dispute (no gold for grouping: counts only)`);
  for (const e of errors.slice(0, opts.errors)) console.log(e);
}

await main();
