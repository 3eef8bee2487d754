/**
 * `/claim <topic>`: who claims what about a topic, who denies or disputes it, and where each
 * statement appeared, every line quoted verbatim with its citation.
 */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import type { Library } from '../src/core/ports.js';
import { statementsOf } from '../src/claims/analyser.js';
import { claimantKey } from '../src/claims/claimants.js';
import { groupClaims, type Appearance, type ClaimGroup } from '../src/claims/grouping.js';
import type { Statement } from '../src/claims/types.js';
import { CitationBook, quote, queryText } from '../src/answer/reply.js';
import { countOf } from '../src/answer/plural.js';
import { compileTopic, parseTopic, suggestTopics, topicNote, type PartMatcher } from '../src/topics/index.js';
import type { Article, Reply, ReplyItem } from '../src/core/types.js';
import { messageReply } from '../src/answer/message.js';
import { tooCommonTopic } from '../src/topics/common.js';

/** Bounds that keep the answer readable and the latency flat on a large archive. */
const LIMITS = { candidates: 50, perAlias: 30, groups: 10, itemsPerGroup: 6, outletItems: 4 } as const;

const input = z.object({ topic: queryText('topic') });

/** Articles that mention every part of the topic, best first, found through the index. */
function candidateArticles(library: Library, matchers: PartMatcher[], topic: string, parts: string[][]): Article[] {
  // The whole topic first (the index ranks articles naming all of it), then each part's aliases
  // intersected, so "bank of england" and "armenia-russia" both find their articles.
  const ids = new Set<string>(library.searchArticles(topic, LIMITS.candidates));
  let both: string[] | null = null;
  for (const aliases of parts) {
    const found = new Set<string>();
    for (const alias of aliases) for (const id of library.searchArticles(alias, LIMITS.perAlias)) found.add(id);
    both = both === null ? [...found] : both.filter((id) => found.has(id));
  }
  for (const id of both ?? []) ids.add(id);
  const copies = copiesOf(library);
  const out: Article[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    // Syndicated copies may be left out of the index; they are appearances all the same.
    for (const each of [id, ...(copies.get(id) ?? [])]) {
      const article = seen.has(each) ? undefined : library.get(each);
      seen.add(each);
      if (article && matchers.every((m) => m(article.text) || m(article.meta.title))) out.push(article);
    }
    if (out.length >= LIMITS.candidates) break;
  }
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
  return quote(a.article, s.span, citations, {
    highlights: marks,
    label: `${s.kind === 'outlet' ? `${a.article.meta.outlet ?? 'The outlet'} (own reporting)` : shortName(s.claimant)} — ${s.stance}`,
    group: heading,
    fields: { claimant, stance: s.stance, group: group.id, kind: s.kind, answers: s.answers ?? null },
  });
}

/** Names in order of first appearance, without repeats. */
function names(list: Appearance[]): string[] {
  // "Armenia’s Foreign Ministry" and "Armenian Foreign Ministry" are one claimant: keyed by claimantKey.
  const seen = new Map<string, string>();
  for (const a of list) {
    const name = a.statement.kind === 'outlet' ? `${a.article.meta.outlet ?? 'the outlet'} (own reporting)` : shortName(a.statement.claimant);
    const key = claimantKey(name);
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

function headingFor(g: ClaimGroup, n: number): string {
  const parts = [`Claim ${n}`];
  if (g.claims.length) parts.push(`${names(g.claims).join(', ')} ${g.claims.some((c) => c.statement.stance === 'asserts') ? 'asserts' : 'confirms'}`);
  const deniers = g.responses.filter((r) => r.statement.stance === 'denies');
  const disputers = g.responses.filter((r) => r.statement.stance !== 'denies');
  if (deniers.length) parts.push(`${names(deniers).join(', ')} denies`);
  if (disputers.length) parts.push(`${names(disputers).join(', ')} disputes`);
  parts.push(`first seen ${g.first ?? 'date unknown'}`);
  return parts.join(' · ');
}

/** Appends a group's items, folding identical snippets from syndicated copies into `alsoIn`. */
function addGroup(items: ReplyItem[], g: ClaimGroup, n: number, citations: CitationBook): void {
  const heading = headingFor(g, n);
  const bySnippet = new Map<string, ReplyItem>();
  let count = 0;
  for (const a of [...g.claims, ...g.responses]) {
    const text = a.article.text.slice(a.statement.span.start, a.statement.span.end);
    const key = `${a.statement.stance}|${a.statement.claimant ?? ''}|${text}`;
    const same = bySnippet.get(key);
    if (same) {
      const id = citations.cite(a.article);
      if (id !== same.source) same.alsoIn = [...new Set([...(same.alsoIn ?? []), id])];
      continue;
    }
    if (count >= LIMITS.itemsPerGroup) continue;
    const item = itemFor(a, g, heading, citations);
    bySnippet.set(key, item);
    items.push(item);
    count++;
  }
}

/** The outlet's own unattributed sentences that mention the topic (reported as fact, not as a claim). */
function outletAssertions(articles: Article[], mentions: Map<string, number[]>, citations: CitationBook): ReplyItem[] {
  const out: ReplyItem[] = [];
  for (const article of articles) {
    const covered = statementsOf(article).map((s) => s.span);
    for (const index of mentions.get(article.id) ?? []) {
      if (out.length >= LIMITS.outletItems) return out;
      const sentence = article.sentences[index]!;
      if (sentence.kind !== 'body' && sentence.kind !== 'standfirst') continue;
      if (covered.some((c) => c.start < sentence.end && sentence.start < c.end)) continue;
      out.push(quote(article, sentence, citations, {
        label: `${article.meta.outlet ?? 'The outlet'} (own reporting) — asserts`,
        group: 'Reported by the outlets themselves (not attributed to anyone)',
        fields: { claimant: article.meta.outlet, stance: 'asserts', group: 'outlet', kind: 'outlet', answers: null },
      }));
    }
  }
  return out;
}

/** Indexes of the sentences of an article that name every part of the topic. */
function topicSentences(article: Article, matchers: PartMatcher[]): number[] {
  return article.sentences.filter((x) => matchers.every((m) => m(article.text.slice(x.start, x.end), article))).map((x) => x.index);
}

/** How relevant a statement is: 2 when its own words name the topic, 1–1.5 by nearness to a sentence that does. */
function relevanceOf(article: Article, statement: Statement, mentions: number[]): number {
  let distance = Infinity;
  for (const i of mentions) {
    const inside = i >= statement.sentence && (article.sentences[i]?.start ?? Infinity) < statement.span.end;
    if (inside) return 2;
    distance = Math.min(distance, Math.abs(i - statement.sentence));
  }
  return 1 + 0.5 * Math.max(0, 1 - distance / 6);
}

export default {
  name: 'claim',
  description: 'Who claims what about a topic, who denies it, and where each statement appeared',
  usage: 'claim <topic>',
  options: [{ name: 'topic', description: 'A subject, phrase or slug, e.g. gyumri or armenia-russia', required: true, autocomplete: 'topics' }],
  input,
  fromText: (text: string) => ({ topic: text }),
  run({ topic }, { library }): Reply {
    const common = tooCommonTopic(topic, library);
    if (common) return messageReply('claim', topic, common.headline, common.notes);
    const query = parseTopic(topic, library);
    const matchers = compileTopic(query);
    // The topic as read (invisible characters gone, at most MAX_TOPIC_PARTS subjects) is what the index is asked.
    const articles = candidateArticles(library, matchers, query.text, query.parts);
    const appearances: Appearance[] = [];
    const mentions = new Map<string, number[]>();
    articles.forEach((article, order) => {
      // Sentences naming the topic: a statement near one is more likely to be about it.
      const here = topicSentences(article, matchers);
      mentions.set(article.id, here);
      for (const statement of statementsOf(article)) {
        appearances.push({ article, statement, order, relevance: relevanceOf(article, statement, here) });
      }
    });
    const groups = groupClaims(appearances).filter((g) => g.claims.length || g.responses.some((r) => r.statement.kind === 'attributed'));
    const citations = new CitationBook();
    const items: ReplyItem[] = [];
    const shown = groups.slice(0, LIMITS.groups);
    shown.forEach((g, i) => addGroup(items, g, i + 1, citations));
    items.push(...outletAssertions(articles, mentions, citations));
    const notes: string[] = [];
    const capped = topicNote(query);
    if (capped) notes.push(capped);
    if (groups.length > shown.length) notes.push(`${countOf(groups.length - shown.length, 'more claim')} not shown; narrow the topic to see them.`);
    if (!items.length) {
      const close = suggestTopics(library, query.text, 5).filter((s) => s.toLowerCase() !== query.text.toLowerCase());
      notes.push(close.length ? `No claims found — try ${close.map((s) => `"${s}"`).join(', ')}.` : 'No claims found.');
    }
    const denied = shown.filter((g) => g.responses.some((r) => r.statement.kind === 'attributed')).length;
    const headline = shown.length
      ? `${countOf(shown.length, 'claim')} about "${query.label}" in ${countOf(citations.list().length, 'article')}` +
        (denied ? `; ${denied} denied or disputed` : '')
      : items.length
        ? `No attributed claims about "${query.label}"; the outlets' own reporting follows`
        : `No claims found about "${query.label}"`;
    return { command: 'claim', query: topic, headline, items, citations: citations.list(), notes };
  },
} satisfies Command<z.output<typeof input>>;
