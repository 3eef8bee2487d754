/**
 * The answer to `/claim <topic>`, as a function: the topic's candidate articles, their statements
 * grouped into claims with the denials beside them, one page of groups as quoted, cited items, and
 * the outlets' own reporting on the topic. `commands/claim.ts` and anything else that needs the
 * claims about a topic (digests) call `claimsAbout`.
 */
import type { Library } from '../core/ports.js';
import { statementsOf, unsourcedOf } from './analyser.js';
import { claimantKey, pluralName } from './claimant-names.js';
import { ownSpan } from './own-span.js';
import { SpanIndex } from '../core/span-index.js';
import { groupClaims, relevanceTier, topicTerms, type Appearance, type ClaimGroup } from './grouping.js';
import type { Stance, Statement } from './types.js';
import { CitationBook, quote } from '../answer/reply.js';
import { countOf } from '../answer/plural.js';
import { compileTopic, parseTopic, suggestTopics, topicNote, type PartMatcher, type TopicQuery } from '../topics/index.js';
import type { Article, Reply, ReplyItem } from '../core/types.js';
import { messageReply } from '../answer/message.js';
import { tooCommonTopic } from '../topics/common.js';
import { AS_WRITTEN } from '../topics/word-pattern.js';

/** Bounds that keep the answer readable and the latency flat on a large archive. */
const LIMITS = { candidates: 50, perAlias: 30, groups: 10, claimsPerGroup: 5, itemsPerGroup: 8, outletItems: 4 } as const;

/** Articles that mention every part of the topic, best first, found through the index. */
function candidateArticles(library: Library, matchers: PartMatcher[], topic: string, parts: string[][]): Article[] {
  // A library that holds part of the archive says which copies an article has; otherwise they are found by a scan.
  const copies = library.copiesOf ? { get: (id: string) => library.copiesOf!(id) } : copiesOf(library);
  const out: Article[] = [];
  const listed = new Set<string>();
  const seen = new Set<string>();
  /** Adds the articles of `ids` (and their copies) in order; true once the list is full. */
  const take = (ids: readonly string[]): boolean => {
    for (const id of ids) {
      if (listed.has(id)) continue;
      listed.add(id);
      // Syndicated copies may be left out of the index; they are appearances all the same.
      for (const each of [id, ...(copies.get(id) ?? [])]) {
        const article = seen.has(each) ? undefined : library.get(each);
        seen.add(each);
        if (article && matchers.every((m) => m(article.text) || m(article.meta.title))) out.push(article);
      }
      if (out.length >= LIMITS.candidates) return true;
    }
    return false;
  };
  // The whole topic first (the index ranks articles naming all of it); when that fills the list, the
  // parts' aliases are not asked at all.
  if (take(library.searchArticles(topic, LIMITS.candidates, AS_WRITTEN))) return out;
  // Then each part's aliases intersected, so "bank of england" and "armenia-russia" both find their articles.
  let both: string[] | null = null;
  for (const aliases of parts) {
    const found = new Set<string>();
    for (const alias of aliases) for (const id of library.searchArticles(alias, LIMITS.perAlias, AS_WRITTEN)) found.add(id);
    both = both === null ? [...found] : both.filter((id) => found.has(id));
  }
  take(both ?? []);
  return out;
}

const copiesCache = new WeakMap<Library, { version: string; size: number; copies: Map<string, string[]> }>();

/** Syndicated copies of each original article, computed once per library version. */
function copiesOf(library: Library): Map<string, string[]> {
  const cached = copiesCache.get(library);
  if (cached && cached.version === library.version && cached.size === library.articles.length) return cached.copies;
  const copies = new Map<string, string[]>();
  for (const a of library.articles) {
    if (!a.duplicateOf) continue;
    const list = copies.get(a.duplicateOf);
    if (list) list.push(a.id);
    else copies.set(a.duplicateOf, [a.id]);
  }
  copiesCache.set(library, { version: library.version, size: library.articles.length, copies });
  return copies;
}

/** "HUR" for "Ukraine’s military intelligence agency (HUR)"; the name itself otherwise. */
function shortName(claimant: string | null): string {
  if (!claimant) return 'Unattributed';
  const acr = /\(([A-Z][A-Z0-9&]{1,7})\)$/.exec(claimant);
  return acr ? acr[1]! : claimant;
}

function itemFor(a: Appearance, group: ClaimGroup, heading: string, citations: CitationBook): ReplyItem {
  const s = a.statement;
  // The outlet's own statements are the outlet's; an unknown outlet stays null rather than invented.
  const claimant = s.kind === 'outlet' ? a.article.meta.outlet : s.claimant;
  const marks = [s.cue, ...(s.source ? [s.source] : [])].filter((h) => h.end > h.start).sort((x, y) => x.start - y.start);
  return quote(a.article, ownSpan(s, statementsOf(a.article), a.article.text), citations, {
    highlights: marks,
    label: `${s.kind === 'outlet' ? `${a.article.meta.outlet ?? 'The outlet'} (own reporting)` : shortName(s.claimant)} — ${s.stance}`,
    group: heading,
    fields: { claimant, stance: s.stance, group: group.id, kind: s.kind, answers: s.answers ?? null },
  });
}

/** Names in order of first appearance, each claimant once. */
function names(list: Appearance[]): string[] {
  // "Armenia’s Foreign Ministry" and "Armenian Foreign Ministry" are one claimant (claimantKey), and so
  // are "HUR" and "HUR spokesperson Andrii Yusov", who share a key: the first name written stands for both.
  const shown: Array<{ name: string; keys: Set<string> }> = [];
  for (const a of list) {
    const outlet = a.statement.kind === 'outlet';
    const name = outlet ? `${a.article.meta.outlet ?? 'the outlet'} (own reporting)` : shortName(a.statement.claimant);
    const keys = new Set([claimantKey(name), ...(outlet ? [] : a.statement.claimantKeys)]);
    keys.delete('');
    const same = shown.find((n) => [...keys].some((k) => n.keys.has(k)));
    if (same) for (const k of keys) same.keys.add(k);
    else shown.push({ name, keys });
  }
  return shown.map((n) => n.name);
}

/** The stance verb agreeing with its subject: "HUR asserts", "opposition politicians assert", "HUR, Kyiv assert". */
function verb(stance: Stance, subjects: string[]): string {
  const plural = subjects.length > 1 || (subjects.length === 1 && pluralName(subjects[0]!));
  return plural ? stance.replace(/(?:ies|s)$/, (end) => (end === 'ies' ? 'y' : '')) : stance;
}

/** "Claim 3 · HUR asserts · Armenia’s Foreign Ministry denies · first seen 2025-07-06". */
function headingFor(g: ClaimGroup, n: number): string {
  const parts = [`Claim ${n}`];
  const say = (list: Appearance[], stance: Stance) => {
    const who = names(list);
    if (who.length) parts.push(`${who.join(', ')} ${verb(stance, who)}`);
  };
  say(g.claims, g.claims.some((c) => c.statement.stance === 'asserts') ? 'asserts' : 'confirms');
  say(g.responses.filter((r) => r.statement.stance === 'denies'), 'denies');
  say(g.responses.filter((r) => r.statement.stance !== 'denies'), 'disputes');
  parts.push(`first seen ${g.first ?? 'date unknown'}`);
  return parts.join(' · ');
}

/** Appends a group's items, folding identical snippets from syndicated copies into `alsoIn`. */
function addGroup(items: ReplyItem[], g: ClaimGroup, n: number, citations: CitationBook): void {
  const heading = headingFor(g, n);
  const bySnippet = new Map<string, ReplyItem>();
  let count = 0;
  // The claim side is capped below the group's limit, so a claim many outlets repeat leaves room for its denials.
  let claims = 0;
  for (const [i, a] of [...g.claims, ...g.responses].entries()) {
    const isClaim = i < g.claims.length;
    const own = ownSpan(a.statement, statementsOf(a.article), a.article.text);
    const text = a.article.text.slice(own.start, own.end);
    const key = `${a.statement.stance}|${a.statement.claimant ?? ''}|${text}`;
    const same = bySnippet.get(key);
    if (same) {
      const id = citations.cite(a.article);
      if (id !== same.source) same.alsoIn = [...new Set([...(same.alsoIn ?? []), id])];
      continue;
    }
    if (count >= LIMITS.itemsPerGroup || (isClaim && claims >= LIMITS.claimsPerGroup)) continue;
    const item = itemFor(a, g, heading, citations);
    bySnippet.set(key, item);
    items.push(item);
    count++;
    if (isClaim) claims++;
  }
}

/**
 * A sentence that reports nothing as fact: a question ("Q: Did the agency take care of you?", "Should funding be
 * cut?") or a sentence that is all quotation ("\u201cI'd rather have a sister in a whorehouse …\u201d"), whose words are not the
 * outlet's. Neither is the outlet's own reporting.
 */
function notReported(sentence: string): boolean {
  const text = sentence.trim();
  if (/\?["'\u201d\u2019]*\)?$/u.test(text)) return true;
  return /^["\u201c]/u.test(text) && /["\u201d]$/u.test(text);
}

/** The outlet's own unattributed sentences that mention the topic (reported as fact, not as a claim). */
function outletAssertions(articles: Article[], mentions: Map<string, number[]>, citations: CitationBook): ReplyItem[] {
  const out: ReplyItem[] = [];
  for (const article of articles) {
    // (Searched by range: an article may hold thousands of statements and name the topic in thousands of sentences.)
    const covered = new SpanIndex([...statementsOf(article).map((s) => s.span), ...unsourcedOf(article)]);
    for (const index of mentions.get(article.id) ?? []) {
      if (out.length >= LIMITS.outletItems) return out;
      const sentence = article.sentences[index]!;
      if (sentence.kind !== 'body' && sentence.kind !== 'standfirst') continue;
      if (covered.within(sentence.start, sentence.end).length) continue;
      if (notReported(article.text.slice(sentence.start, sentence.end))) continue;
      out.push(quote(article, sentence, citations, {
        label: `${article.meta.outlet ?? 'The outlet'} (own reporting) — asserts`,
        group: 'Reported by the outlets themselves (not attributed to anyone)',
        fields: { claimant: article.meta.outlet, stance: 'asserts', group: 'outlet', kind: 'outlet', answers: null },
      }));
    }
  }
  return out;
}

/** Quotations the articles give no speaker for, that name the topic: shown as such, never as anyone's claim. */
function unattributedQuotations(articles: Article[], mentions: Map<string, number[]>, citations: CitationBook): ReplyItem[] {
  const out: ReplyItem[] = [];
  for (const article of articles) {
    for (const s of statementsOf(article)) {
      if (s.kind !== 'quotation') continue;
      if (out.length >= LIMITS.outletItems) return out;
      if (!namesTopic(article, s, mentions.get(article.id) ?? [])) continue;
      out.push(quote(article, s.span, citations, {
        label: 'Unattributed quotation (the article does not say whose words these are)',
        group: 'Quotations the articles do not attribute to anyone',
        fields: { claimant: null, stance: s.stance, group: 'quotation', kind: 'quotation', answers: null },
      }));
    }
  }
  return out;
}

/** Indexes of the sentences of an article that name every part of the topic. */
function topicSentences(article: Article, matchers: PartMatcher[]): number[] {
  return article.sentences.filter((x) => matchers.every((m) => m(article.text.slice(x.start, x.end), article))).map((x) => x.index);
}

/** Whether a statement's own sentence (or run of sentences) names the topic. */
function namesTopic(article: Article, statement: Statement, mentions: readonly number[]): boolean {
  const first = mentions[firstAtOrAfter(mentions, statement.sentence)];
  return first !== undefined && (article.sentences[first]?.start ?? Infinity) < statement.span.end;
}

/** Where `x` would go in `sorted` (ascending): the first index holding `x` or more. One look-up, not a scan: an article may name the topic thousands of times. */
function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Statements looked back over for the one a statement goes on from, at most (a page-long paragraph holds thousands). */
const CONTINUED_STATEMENTS = 64;

/** Paragraphs before a statement's own in which a statement it goes on from may stand ("…," she said. / "…," she added.). */
const CONTINUED_PARAGRAPHS = 2;

/** The paragraph (block) of a sentence of an article. */
const blockOf = (article: Article, sentence: number) => article.sentences[sentence]?.block ?? -1;

/**
 * The statements of an article that are about the topic: those whose own words name it, and those that go on from
 * one of them — the same claimant again in its paragraph or the two after ("…," she said. / "…," she added. / She
 * said she was …), link by link, so a run of quotation paragraphs stays with the statement that named the topic.
 */
function aboutTopic(article: Article, statements: readonly Statement[], mentions: readonly number[]): Set<Statement> {
  const about = new Set<Statement>();
  const named: Statement[] = [];
  for (const s of [...statements].sort((x, y) => x.span.start - y.span.start)) {
    // Only the statements of the last few paragraphs are looked at (newest first), so this stays linear.
    const goesOn = () => {
      if (s.kind !== 'attributed' || !s.claimant) return false;
      const from = blockOf(article, s.sentence) - CONTINUED_PARAGRAPHS;
      for (let i = named.length - 1; i >= 0 && i >= named.length - CONTINUED_STATEMENTS && blockOf(article, named[i]!.sentence) >= from; i--) if (sameClaimant(named[i]!, s)) return true;
      return false;
    };
    if (!namesTopic(article, s, mentions) && !goesOn()) continue;
    about.add(s);
    if (s.kind === 'attributed' && s.claimant) named.push(s);
  }
  return about;
}

/**
 * How much a statement is about the topic (issue 14: what `/claim` shows must be about it), in tiers the
 * ranking never mixes (`relevanceTier`):
 * - 3, about it (`aboutTopic`): its own words name the topic, or it goes on from its claimant's statement that does;
 * - 2, in its context: another sentence of its paragraph names the topic (a headline naming it is not enough: a
 *   story on one subject quotes many people on others);
 * - 1 to 1.5, only near a mention elsewhere in the article (a paragraph before, the story's other thread): its
 *   claim is shown only when a statement about the topic makes or answers it too.
 */
function relevanceOf(article: Article, statement: Statement, mentions: readonly number[], about: ReadonlySet<Statement>, mentionBlocks: ReadonlySet<number>): number {
  if (about.has(statement)) return 3;
  for (let i = statement.sentence; i < article.sentences.length && article.sentences[i]!.start < statement.span.end; i++) if (mentionBlocks.has(article.sentences[i]!.block)) return 2;
  // The nearest mention, either side of the statement's sentence.
  const k = firstAtOrAfter(mentions, statement.sentence);
  const distance = Math.min(k < mentions.length ? mentions[k]! - statement.sentence : Infinity, k > 0 ? statement.sentence - mentions[k - 1]! : Infinity);
  return 1 + 0.5 * Math.max(0, 1 - distance / 6);
}

/** One claimant written two ways in one sentence ("Donald Trump", "Trump"): the same name, a shared key, or a surname alone. */
function sameClaimant(a: Statement, b: Statement): boolean {
  if (a.claimant === b.claimant || a.claimantKeys.some((k) => b.claimantKeys.includes(k))) return true;
  const [short, long] = [a.claimant ?? '', b.claimant ?? ''].sort((x, y) => x.length - y.length) as [string, string];
  return /^\p{Lu}[\p{L}'’-]+$/u.test(short) && long.endsWith(` ${short}`);
}
const isResponse = (s: Statement) => s.stance === 'denies' || s.stance === 'disputes';
const within = (at: number, span: { start: number; end: number }) => at >= span.start && at < span.end;

/**
 * Whether `a` is the better of two statements that would quote the same words of an article: a statement
 * reported inside another ("Sweet said … attacks that, Trump said, were sparked by …") is the outer one's words;
 * an "according to" source or a closing "…, the embassy said" is the channel of the statement it holds ("…, Pence
 * said, according to audio provided to the Times"); of one claimant's two cues, its assertion reads first.
 */
function preferred(a: Statement, b: Statement, text: string): boolean {
  const channel = (s: Statement) => /^according\b/i.test(text.slice(s.cue.start, s.cue.end));
  if (channel(a) !== channel(b)) return channel(b);
  const aOuter = within(b.cue.start, a.content);
  if (aOuter !== within(a.cue.start, b.content)) {
    // The outer statement is the claim when its cue comes first ("Sweet said … that, Trump said, …"); a cue closing
    // the sentence after the inner one names the channel ("…, Kopyrkin said, the embassy said in a statement").
    const [outer, inner] = aOuter ? [a, b] : [b, a];
    return (outer.cue.start < inner.cue.start) === aOuter;
  }
  if (isResponse(a) !== isResponse(b)) return isResponse(b);
  return a.cue.start <= b.cue.start;
}

/**
 * The statements of an article with one per quoted span (issue 14, pattern 8): two statements whose own span is
 * the same words would show the reader one sentence twice, so the better one stands for both — except a claim
 * and another claimant's denial of it ("X denied claims by Y that …"), which stand side by side.
 * Linear in the statements (a map by span).
 */
function onePerSpan(all: readonly Statement[], text: string): readonly Statement[] {
  const cached = onePerSpanMemo.get(all);
  if (cached) return cached;
  // Where each quoted span, and each claimant's sentence, is already shown (an index into `out`).
  const shownAt = new Map<string, number>();
  const out: Statement[] = [];
  for (const s of all) {
    if (s.kind !== 'attributed') {
      out.push(s);
      continue;
    }
    const own = ownSpan(s, all, text);
    // One claimant's two cues in a sentence quote it twice, or two overlapping clauses of it ("…, threats that" and
    // "…, threats that, Holm noted"): the sentence is shown once for that claimant.
    const keys = [`${own.start}:${own.end}`, ...[s.claimant ?? '', ...s.claimantKeys].map((k) => `${s.span.start}:${s.span.end}|${k}`)];
    const at = keys.map((k) => shownAt.get(k)).find((i) => i !== undefined);
    const other = at === undefined ? null : out[at]!;
    // A denial beside the claim it answers keeps both.
    if (!other || (!sameClaimant(other, s) && isResponse(other) !== isResponse(s))) {
      for (const k of keys) if (!shownAt.has(k)) shownAt.set(k, out.length);
      out.push(s);
      continue;
    }
    if (preferred(s, other, text)) out[at!] = s;
    for (const k of keys) if (!shownAt.has(k)) shownAt.set(k, at!);
  }
  onePerSpanMemo.set(all, out);
  return out;
}

/** `onePerSpan` by the analyser's statement list of an article (shared and read-only). */
const onePerSpanMemo = new WeakMap<readonly Statement[], readonly Statement[]>();

/** What `claimsAbout` needs besides the library. */
export interface ClaimsRequest {
  /** The topic as the user typed it. */
  topic: string;
  /** The topic as read (`parseTopic`); read from `topic` when absent. */
  query?: TopicQuery;
  /** Which page of claim groups, from 1. @defaultValue 1 */
  page?: number;
}

/** Claim groups on one page of the answer. */
export const GROUPS_PER_PAGE = LIMITS.groups;

/**
 * Who claims what about a topic: one page of claim groups, each with its denials and disputes,
 * then (on the first page) the outlets' own sentences on the topic, every item quoted verbatim.
 * @example claimsAbout(library, { topic: 'gyumri', page: 2 }).items
 */
export function claimsAbout(library: Library, request: ClaimsRequest): Reply {
  const { topic } = request;
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const query = request.query ?? parseTopic(topic, library);
  const matchers = compileTopic(query);
  // The topic as read (invisible characters gone, at most MAX_TOPIC_PARTS subjects) is what the index is asked.
  const articles = candidateArticles(library, matchers, query.text, query.parts);
  const appearances: Appearance[] = [];
  const mentions = new Map<string, number[]>();
  articles.forEach((article, order) => {
    // Sentences naming the topic: a statement near one is more likely to be about it.
    const here = topicSentences(article, matchers);
    mentions.set(article.id, here);
    const statements = onePerSpan(statementsOf(article), article.text);
    const about = aboutTopic(article, statements, here);
    const mentionBlocks = new Set(here.map((i) => blockOf(article, i)));
    for (const statement of statements) {
      // Quotations with no speaker are no one's claim: listed apart, after the claims.
      if (statement.kind === 'quotation') continue;
      appearances.push({ article, statement, order, relevance: relevanceOf(article, statement, here, about, mentionBlocks) });
    }
  });
  // Every statement here shares the topic's words (its aliases too): they do not make two statements one claim.
  // A claim whose every statement only sits near a mention of the topic is about something else: not shown.
  const groups = groupClaims(appearances, topicTerms([query.text, ...query.parts.flat()]))
    .filter((g) => g.claims.length || g.responses.some((r) => r.statement.kind === 'attributed'))
    .filter((g) => relevanceTier(g.relevance) >= 2);
  const citations = new CitationBook();
  const items: ReplyItem[] = [];
  const first = (page - 1) * LIMITS.groups;
  const shown = groups.slice(first, first + LIMITS.groups);
  shown.forEach((g, i) => addGroup(items, g, first + i + 1, citations));
  if (page === 1) items.push(...unattributedQuotations(articles, mentions, citations), ...outletAssertions(articles, mentions, citations));
  const notes: string[] = [];
  const capped = topicNote(query);
  if (capped) notes.push(capped);
  const after = groups.length - first - shown.length;
  if (after > 0) notes.push(`${countOf(after, 'more claim')}: claim ${query.text} --page ${page + 1}.`);
  if (!shown.length && page > 1 && groups.length) notes.push(`There ${groups.length === 1 ? 'is' : 'are'} ${countOf(groups.length, 'claim')} in all: page ${Math.ceil(groups.length / LIMITS.groups)} is the last.`);
  if (!items.length && page === 1) {
    const close = suggestTopics(library, query.text, 5).filter((s) => s.toLowerCase() !== query.text.toLowerCase());
    notes.push(close.length ? `No claims found — try ${close.map((s) => `"${s}"`).join(', ')}.` : 'No claims found.');
  }
  const denied = shown.filter((g) => g.responses.some((r) => r.statement.kind === 'attributed')).length;
  const range = page > 1 && shown.length ? ` (claims ${first + 1}–${first + shown.length} of ${groups.length})` : '';
  const headline = shown.length
    ? `${countOf(shown.length, 'claim')} about "${query.label}" in ${countOf(citations.list().length, 'article')}${range}` +
      (denied ? `; ${denied} denied or disputed` : '')
    : items.length
      ? `No attributed claims about "${query.label}"; the outlets' own reporting follows`
      : `No claims found about "${query.label}"`;
  return { command: 'claim', query: topic, headline, items, citations: citations.list(), notes, ...(after > 0 ? { nextPage: `${query.text} --page ${page + 1}` } : {}) };
}

/**
 * The whole answer to `/claim <topic>` as typed: a topic too common to be one says so (an error
 * reply); any other gets `claimsAbout`. The claim command and topic digests both call this.
 * @example claimReply(library, { topic: 'gyumri' }).headline
 */
export function claimReply(library: Library, request: Pick<ClaimsRequest, 'topic' | 'page'>): Reply {
  const { topic, page } = request;
  const common = tooCommonTopic(topic, library);
  if (common) return messageReply('claim', topic, common.headline, common.notes);
  return claimsAbout(library, { topic, query: parseTopic(topic, library), ...(page ? { page } : {}) });
}
