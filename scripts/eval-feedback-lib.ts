/**
 * The work behind `npm run eval:feedback`: readers' verdicts (`newsdesk-feedback/1`, one JSON
 * object a line) replayed against the current corpus. Each verdict's command and query run again;
 * each judged quote (article id and offsets) is looked for in the new answer, and when it is still
 * shown, its label (the claimant and stance, or the date, the reader saw) is compared with today's.
 * So a desk's 👎 become a regression set: a `wrong_speaker` whose label changed may be fixed, a 👍
 * whose quote vanished or whose label changed is a regression to look at.
 */
import { z } from 'zod';
import { FEEDBACK_REASONS } from '../src/core/feedback.js';
import type { Reply, ReplyItem } from '../src/core/types.js';

/** The export schema this reads (src/store/feedback-store.ts `FEEDBACK_SCHEMA`). */
export const READ_SCHEMA = 'newsdesk-feedback/1';

/** Longest line read, in characters: a verdict holds at most 25 items and a 500-character comment. */
const MAX_LINE = 64_000;

const verdictSchema = z.object({
  schema: z.literal(READ_SCHEMA),
  id: z.number(),
  time: z.string(),
  command: z.string().min(1).max(40),
  query: z.string().max(2000),
  verdict: z.enum(['up', 'down']),
  reason: z.enum(FEEDBACK_REASONS).nullable(),
  items: z
    .array(z.object({ article: z.string(), start: z.number().int(), end: z.number().int(), label: z.string().optional() }))
    .max(25),
});

/** One verdict as read from the export. */
export type Verdict = z.infer<typeof verdictSchema>;

/** The groups the report counts apart: each 👎 reason, and 👍. */
export const GROUPS = ['wrong_speaker', 'wrong_stance', 'wrong_date', 'not_relevant', 'other', 'up'] as const;
/** One of `GROUPS`. */
export type Group = (typeof GROUPS)[number];

/**
 * What became of one judged quote:
 * - `same`: still shown, with the label the reader saw;
 * - `changed`: still shown, with another label (claimant, stance or date changed);
 * - `shown`: still shown, but the verdict kept no label to compare;
 * - `moved`: a quote overlapping it is shown, with other offsets;
 * - `gone`: not in the answer any more;
 * - `no_article`: its article is not in this corpus.
 */
export type Outcome = 'same' | 'changed' | 'shown' | 'moved' | 'gone' | 'no_article';
/** Every outcome, in report order. */
export const OUTCOMES: readonly Outcome[] = ['same', 'changed', 'shown', 'moved', 'gone', 'no_article'];

/** One judged quote replayed. */
export interface ItemResult {
  verdictId: number;
  group: Group;
  command: string;
  query: string;
  article: string;
  start: number;
  end: number;
  outcome: Outcome;
  /** The label the reader saw, when kept. */
  labelThen?: string;
  /** Today's label, when the quote is still shown. */
  labelNow?: string;
  /** Today's claimant, stance and date of the quote, when the command gives them. */
  now?: { claimant?: string | null; stance?: string | null; date?: string | null };
}

/** Lines of the export that could not be read, with why. */
export interface ReadProblem {
  line: number;
  problem: string;
}

/**
 * Reads the export's lines; blank lines are skipped, unreadable ones reported (never fatal).
 * @example readVerdicts(readFileSync('feedback.jsonl', 'utf8'))
 */
export function readVerdicts(text: string): { verdicts: Verdict[]; problems: ReadProblem[] } {
  const verdicts: Verdict[] = [];
  const problems: ReadProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.length > MAX_LINE) return void problems.push({ line: i + 1, problem: `longer than ${MAX_LINE} characters` });
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return void problems.push({ line: i + 1, problem: 'not JSON' });
    }
    const parsed = verdictSchema.safeParse(json);
    if (parsed.success) verdicts.push(parsed.data);
    else problems.push({ line: i + 1, problem: parsed.error.issues.map((e) => `${e.path.join('.') || 'line'}: ${e.message}`).join('; ') });
  });
  return { verdicts, problems };
}

/** The group a verdict is counted in. */
export function groupOf(v: Verdict): Group {
  return v.verdict === 'up' ? 'up' : (v.reason ?? 'other');
}

/** An answer's quotes with the article each is from. */
function shownQuotes(reply: Reply): Array<{ article: string; item: ReplyItem }> {
  const articles = new Map(reply.citations.map((c) => [c.id, c.articleId]));
  return reply.items.flatMap((item) => {
    const article = articles.get(item.source);
    return article === undefined ? [] : [{ article, item }];
  });
}

const text = (v: unknown): string | null | undefined => (typeof v === 'string' || v === null ? v : undefined);

/** The claimant, stance and date a quote carries today, as far as its command gives them. */
function nowOf(item: ReplyItem): ItemResult['now'] {
  const f = item.fields ?? {};
  const now: NonNullable<ItemResult['now']> = {};
  for (const key of ['claimant', 'stance', 'date'] as const) {
    const value = text(f[key]);
    if (value !== undefined) now[key] = value;
  }
  return Object.keys(now).length ? now : undefined;
}

/** Runs a command as a front end would and returns its answer. */
export type Ask = (command: string, query: string) => Promise<Reply>;

/**
 * Replays verdicts: each one's command and query asked again through `ask` (following the answer's
 * next page up to `pages` answers, since a reader may have judged a later page), and each judged
 * quote looked for in what comes back.
 * @param hasArticle whether an article id is in the current corpus
 */
export async function replay(verdicts: readonly Verdict[], ask: Ask, hasArticle: (id: string) => boolean, pages = 3): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  const answers = new Map<string, Array<{ article: string; item: ReplyItem }>>();
  for (const v of verdicts) {
    const key = `${v.command}\u0000${v.query}`;
    let shown = answers.get(key);
    if (!shown) {
      shown = [];
      let query: string | undefined = v.query;
      for (let page = 0; page < pages && query !== undefined; page++) {
        const reply = await ask(v.command, query);
        if (reply.error) break;
        shown.push(...shownQuotes(reply));
        query = reply.nextPage;
      }
      answers.set(key, shown);
    }
    for (const judged of v.items) {
      const base: ItemResult = {
        verdictId: v.id,
        group: groupOf(v),
        command: v.command,
        query: v.query,
        article: judged.article,
        start: judged.start,
        end: judged.end,
        outcome: 'gone',
        ...(judged.label !== undefined ? { labelThen: judged.label } : {}),
      };
      const inArticle = shown.filter((s) => s.article === judged.article);
      const exact = inArticle.find((s) => s.item.span.start === judged.start && s.item.span.end === judged.end);
      const overlapping = exact ?? inArticle.find((s) => s.item.span.start < judged.end && judged.start < s.item.span.end);
      if (!overlapping) {
        results.push({ ...base, outcome: hasArticle(judged.article) ? 'gone' : 'no_article' });
        continue;
      }
      const item = overlapping.item;
      const labelNow = item.label?.slice(0, 120);
      const outcome: Outcome = !exact ? 'moved' : judged.label === undefined ? 'shown' : labelNow === judged.label ? 'same' : 'changed';
      const now = nowOf(item);
      results.push({ ...base, outcome, ...(labelNow !== undefined ? { labelNow } : {}), ...(now ? { now } : {}) });
    }
  }
  return results;
}

/** Counts of outcomes per group. */
export function tally(results: readonly ItemResult[]): Record<Group, Record<Outcome, number>> {
  const table = Object.fromEntries(GROUPS.map((g) => [g, Object.fromEntries(OUTCOMES.map((o) => [o, 0]))])) as Record<Group, Record<Outcome, number>>;
  for (const r of results) table[r.group][r.outcome]++;
  return table;
}

const GROUP_NAMES: Record<Group, string> = {
  wrong_speaker: '👎 wrong speaker',
  wrong_stance: '👎 wrong stance',
  wrong_date: '👎 wrong date',
  not_relevant: '👎 not relevant',
  other: '👎 other',
  up: '👍',
};

/** What an outcome means for a verdict of this group, in a word a desk reads at once. */
function reading(group: Group, outcome: Outcome): string {
  if (outcome === 'no_article') return 'article missing';
  if (outcome === 'moved') return 'check by hand';
  if (group === 'up') return outcome === 'same' || outcome === 'shown' ? 'kept' : 'REGRESSION?';
  if (group === 'not_relevant') return outcome === 'gone' ? 'fixed?' : 'still shown';
  if (group === 'other') return outcome === 'gone' ? 'no longer shown' : 'changed';
  return outcome === 'changed' ? 'fixed?' : 'no longer shown';
}

/**
 * The report as text: one table of outcomes per group, then one line per judged quote that is
 * not plainly as before.
 */
export function formatReport(results: readonly ItemResult[], problems: readonly ReadProblem[], verdicts: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const out: string[] = [`${plural(verdicts, 'verdict')}, ${plural(results.length, 'judged quote')} replayed`];
  const table = tally(results);
  const width = Math.max(...GROUPS.map((g) => GROUP_NAMES[g].length)) + 2;
  out.push('', ''.padEnd(width) + OUTCOMES.map((o) => o.padStart(11)).join(''));
  for (const g of GROUPS) {
    const row = table[g];
    if (OUTCOMES.every((o) => row[o] === 0)) continue;
    out.push(GROUP_NAMES[g].padEnd(width) + OUTCOMES.map((o) => String(row[o]).padStart(11)).join(''));
  }
  const detail = results.filter((r) => r.outcome !== 'same' && r.outcome !== 'shown');
  if (detail.length) out.push('');
  for (const r of detail) {
    const label = r.outcome === 'changed' ? ` label “${r.labelThen}” → “${r.labelNow}”` : r.outcome === 'moved' && r.labelNow ? ` now “${r.labelNow}”` : '';
    out.push(`#${r.verdictId} ${GROUP_NAMES[r.group]} · ${r.command} "${r.query}" · ${r.article} ${r.start}-${r.end}: ${r.outcome} (${reading(r.group, r.outcome)})${label}`);
  }
  for (const p of problems) out.push(`line ${p.line} skipped: ${p.problem}`);
  return out.join('\n') + '\n';
}
