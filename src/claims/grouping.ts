/**
 * Grouping: statements that make the same claim (in one article or across syndicated and
 * re-reporting articles) become one group, and denials and disputes sit beside the claim they
 * answer. Works on the few hundred statements of a topic's candidate articles, at query time.
 */
import type { Article } from '../core/types.js';
import { claimantKey } from './claimant-names.js';
import type { Statement } from './types.js';
import { placeFor } from '../topics/places.js';
import { CALENDAR_NAMES } from './words.js';
import { eng } from 'stopword';

/** One statement as it appears in one article. */
export interface Appearance {
  article: Article;
  statement: Statement;
  /**
   * 3 when the statement is about the topic (names it, or goes on from its claimant's statement that does); 2 when
   * another sentence of its paragraph names it; 1 to 1.5 when only its article does (more when near a mention).
   */
  relevance: number;
  /** Position of the article in the candidate list (a tie-breaker that keeps results stable). */
  order: number;
}

/** A claim and the statements about it. */
export interface ClaimGroup {
  /** Stable within one answer: "c1", "c2", … in display order. */
  id: string;
  /** Statements that assert or confirm the claim. */
  claims: Appearance[];
  /** Statements that deny or dispute it. */
  responses: Appearance[];
  relevance: number;
  /** Earliest publication date among its appearances (YYYY-MM-DD), or null when none is known. */
  first: string | null;
}

/**
 * Words that never tell two claims apart: English function words (the `stopword` package's list: "them",
 * "another", "through", "many" …), the few it lacks, the stems of negated auxiliaries and the words of reporting itself.
 */
const STOP = new Set([
  ...eng,
  // ("a", "the", "of", "said" … are in the package's list; these are not.)
  ...('its she when will may not no says say told claimed claims claim reported report according further ' +
    'against around among toward towards within without upon onto across along behind beyond despite during near off ' +
    'per via whether yet either neither nor every several whose whom does doing done us ' +
    // What is left of "don't", "isn't" … once the word is cut at its apostrophe.
    'don didn doesn isn wasn aren weren hasn haven hadn wouldn couldn shouldn ain').split(' '),
]);

/**
 * Words of when a statement was made ("Thursday", "last week"), lower-case and stemmed as `contentWords` leaves
 * them: they never say which claim a response points back at.
 */
const WHEN = new Set([...CALENDAR_NAMES, ...'today yesterday tomorrow tonight morn afternoon evening night weekend day week month year earlier later'.split(' ')]);

/**
 * Bounds on the pairwise work, so grouping stays linear in the number of statements: a term held by
 * `posting` groups already is too common to tell claims apart and is not looked up; a statement is
 * compared with at most `candidates` groups (those sharing most terms), and with at most `members`
 * statements of each.
 */
const BOUNDS = { posting: 64, candidates: 16, members: 8 } as const;

/**
 * A response that points back at a claim instead of restating it ("called the report fictitious",
 * "rejected these claims", "denied it"): it may answer the claim its article just reported. "claims that …"
 * and "claims of …" state their content instead.
 */
/** Nouns a response points back with ("the report", "these claims", "the dust allegations"). */
const REFERRING_NOUNS = String.raw`(?:reports?|claims?|allegations?|accusations?|statements?|stor(?:y|ies)|rumou?rs?|suggestions?|assertions?|charges?|remarks?|comments?|account|information|news|reporting)`;
const REFERRING = new RegExp(String.raw`(?:\b(?:the|these|this|those|such|that|its|their|his|her|our)\s+|^\s*)(?:[\p{L}’'-]+\s+){0,2}?` +
  `${REFERRING_NOUNS}` + String.raw`\b(?!\s+(?:that|of|about|on|over)\b)|^\s*(?:it|this|that|them|so)\s*$`, 'iu');
const REFERRING_NOUN = new RegExp(`^${REFERRING_NOUNS}$`);

/** At most this many own content words, besides the referring phrase, for a response to count as pointing back. */
const REFERRING_MAX_TERMS = 3;

/**
 * The content words of a text that are not names: those written in lower case (every word, when its sentence
 * is in title case, as a headline is). Two statements sharing only names ("New York", "Christie") are about the
 * same people or places, not the same claim.
 */
function commonWords(text: string, sentence: string): Set<string> {
  const long = (t: string) => [...t.matchAll(/\p{L}{4,}/gu)].map((m) => m[0]);
  const capital = (w: string) => w[0] !== w[0]!.toLowerCase();
  const all = long(sentence);
  const titleCase = all.length > 0 && all.filter(capital).length >= 0.9 * all.length;
  return new Set(contentWords(long(text).filter((w) => titleCase || !capital(w)).join(' ')));
}

/** How many of a statement's words written in lower case (`commonWords`) both its terms and a group's hold. */
function sharedLowerCase(lower: ReadonlySet<string>, terms: ReadonlySet<string>, groupTerms: ReadonlySet<string>): number {
  let n = 0;
  for (const t of lower) if (terms.has(t) && groupTerms.has(t)) n++;
  return n;
}

/** Content words of a text, lightly stemmed, in order of first appearance (see `claimTerms`). */
function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    let word = m[0].toLowerCase();
    // "May" is the month (or a name), not the modal.
    if (word.length < 3 || (STOP.has(word) && m[0] !== 'May')) continue;
    const place = placeFor(word);
    // "-es" only after s, x, z, ch, sh ("taxes", "crashes"): "fees", "lies" and "rates" lose their "s" alone, not "es"
    // ("fe", "li" were too short to count, so "fees" said nothing about which claim).
    word = place ? place.name.toLowerCase() : word.replace(/(?:ing|ed|ian|ians)$|(?<=[sxz]|[cs]h)es$|(?<![su])s$/, '');
    if (word.length >= 3) out.add(word);
  }
  return [...out];
}

/**
 * Content words of a text, lightly stemmed, for comparing claims; a country's demonym or capital counts
 * as the country ("Russian", "Moscow" → russia); the topic's own words are left out.
 */
function claimTerms(text: string, topic: ReadonlySet<string> = new Set()): Set<string> {
  return withoutTopic(contentWords(text), topic);
}

function withoutTopic(words: readonly string[], topic: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (!topic.has(w)) out.add(w);
  return out;
}

/**
 * Content words by content text, read once per text: a topic's candidate articles are often another
 * topic's, and syndicated copies hold the same statements. Bounded; past the bound it starts afresh.
 */
const wordsMemo = new Map<string, string[]>();
const WORDS_MEMO_LIMIT = 20_000;

/** Content words of a text, through the memo. */
function wordsOf(text: string): string[] {
  let words = wordsMemo.get(text);
  if (!words) {
    if (wordsMemo.size >= WORDS_MEMO_LIMIT) wordsMemo.clear();
    wordsMemo.set(text, (words = contentWords(text)));
  }
  return words;
}

function statementTerms(a: Appearance, topic: ReadonlySet<string>): Set<string> {
  return withoutTopic(wordsOf(textOf(a, 'content')), topic);
}

/**
 * The words of a topic as grouping compares them: every statement about the topic shares them, so
 * they say nothing about whether two statements make the same claim.
 * @example topicTerms(['Gyumri', 'border troops']) // Set { 'gyumri', 'border', 'troop' }
 */
export function topicTerms(words: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const w of words) for (const t of claimTerms(w)) out.add(t);
  return out;
}

interface Working {
  claims: Appearance[];
  responses: Appearance[];
  /** Every content term of the group's claims (and of a response that opened the group). */
  terms: Set<string>;
  /** The summed weight of `terms`. */
  weight: number;
  /** The content terms of its first claims, one set each (at most BOUNDS.members). */
  members: Set<string>[];
  keys: Set<string>;
  /** Content texts of its claims: a syndicated copy says the same words. */
  texts: Set<string>;
  /** Per article, the earliest start of a statement of this group (for "answers a claim its article just reported"). */
  firstAt: Map<string, number>;
  /** Per article whose headline states a claim of this group, that headline's content terms. */
  headlines: Map<string, Set<string>>;
}

const textOf = (a: Appearance, which: 'content' | 'span') => a.article.text.slice(a.statement[which].start, a.statement[which].end);
const dateOf = (a: Appearance) => a.article.meta.published;

/** Earlier date first; unknown dates last; then candidate order, then position in the article. */
function chronological(a: Appearance, b: Appearance): number {
  const dateA = dateOf(a);
  const dateB = dateOf(b);
  if (dateA !== dateB) return dateA === null ? 1 : dateB === null ? -1 : dateA < dateB ? -1 : 1;
  return a.order - b.order || a.statement.span.start - b.statement.span.start;
}

/** Adds `value` to the list under `key`. */
function push<K>(index: Map<K, number[]>, key: K, value: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [value]);
  else if (list.at(-1) !== value) list.push(value);
}

/**
 * The groups, with indexes from each term, content text, claimant key and article to the groups
 * holding it, so a statement is compared only with groups it has something in common with.
 */
class Groups {
  readonly list: Working[] = [];
  constructor(readonly weights: Weights) {}
  private readonly byTerm = new Map<string, number[]>();
  private readonly byText = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly byArticle = new Map<string, number[]>();
  /** Per article, where each claim starts and the group holding it, in joining order. */
  private readonly claimsAt = new Map<string, { start: number; index: number }[]>();

  add(): number {
    this.list.push({ claims: [], responses: [], terms: new Set(), weight: 0, members: [], keys: new Set(), texts: new Set(), firstAt: new Map(), headlines: new Map() });
    return this.list.length - 1;
  }

  /** Puts `a` in group `index`, as a claim or a response, with its content terms. */
  join(index: number, a: Appearance, terms: Set<string>, as: 'claim' | 'response'): void {
    const g = this.list[index]!;
    if (as === 'claim') {
      g.claims.push(a);
      const here = this.claimsAt.get(a.article.id);
      if (here) here.push({ start: a.statement.span.start, index });
      else this.claimsAt.set(a.article.id, [{ start: a.statement.span.start, index }]);
      if (g.members.length < BOUNDS.members) g.members.push(terms);
      const text = textOf(a, 'content');
      if (!g.texts.has(text)) (g.texts.add(text), push(this.byText, text, index));
      for (const k of a.statement.claimantKeys) if (!g.keys.has(k)) (g.keys.add(k), push(this.byKey, k, index));
      if (a.article.sentences[a.statement.sentence]?.kind === 'title' && !g.headlines.has(a.article.id)) g.headlines.set(a.article.id, terms);
    } else g.responses.push(a);
    if (as === 'claim' || g.claims.length === 0) {
      for (const t of terms) if (!g.terms.has(t)) (g.terms.add(t), (g.weight += this.weights.of(t)), push(this.byTerm, t, index));
    }
    const at = g.firstAt.get(a.article.id);
    if (at === undefined || a.statement.span.start < at) g.firstAt.set(a.article.id, a.statement.span.start);
    push(this.byArticle, a.article.id, index);
  }

  /**
   * How many of `terms` each group holds and their weight, for the groups holding any (terms too
   * common to tell claims apart are skipped).
   */
  shared(terms: Set<string>): Map<number, { count: number; weight: number }> {
    const counts = new Map<number, { count: number; weight: number }>();
    for (const t of terms) {
      const list = this.byTerm.get(t);
      if (!list || list.length >= BOUNDS.posting) continue;
      const w = this.weights.of(t);
      for (const i of list) {
        const c = counts.get(i);
        if (c) (c.count++, (c.weight += w));
        else counts.set(i, { count: 1, weight: w });
      }
    }
    return counts;
  }

  /** The groups sharing at least `least` terms, most weight shared first, at most BOUNDS.candidates of them. */
  closest(counts: Map<number, { count: number; weight: number }>, least: number): number[] {
    return [...counts].filter(([, c]) => c.count >= least).sort((x, y) => y[1].weight - x[1].weight || x[0] - y[0]).slice(0, BOUNDS.candidates).map(([i]) => i);
  }

  /**
   * The group of the claim its article reported last before `start` (a claim in the same sentence counts), or
   * -1: the claim a response pointing back ("rejected the allegation") answers. Linear in the article's claims.
   */
  justBefore(article: string, start: number): number {
    let best = -1;
    let bestStart = -1;
    for (const c of this.claimsAt.get(article) ?? []) if (c.start <= start && c.start >= bestStart) (best = c.index), (bestStart = c.start);
    return best;
  }

  /** The latest groups holding `text`, claimant key `key` or a statement of `article` (at most BOUNDS.candidates each). */
  holding(which: 'text' | 'key' | 'article', value: string): number[] {
    const index = which === 'text' ? this.byText : which === 'key' ? this.byKey : this.byArticle;
    return (index.get(value) ?? []).slice(-BOUNDS.candidates);
  }
}

/**
 * How telling each content word is among the statements of one answer: a word most of them share
 * (the story's setting: "military", "base") weighs little, a word few share weighs much (inverse
 * document frequency over the statements).
 */
class Weights {
  private readonly df = new Map<string, number>();
  private count = 0;
  /** Each term's weight, once every statement has been seen (`see` clears it). */
  private readonly weight = new Map<string, number>();
  /** The summed weight of a term set, by set (the sets are not changed once seen). */
  private sums = new WeakMap<ReadonlySet<string>, number>();

  see(terms: Set<string>): void {
    this.count++;
    this.weight.clear();
    this.sums = new WeakMap();
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  of(term: string): number {
    let w = this.weight.get(term);
    if (w === undefined) this.weight.set(term, (w = Math.log(1 + this.count / (this.df.get(term) ?? 1))));
    return w;
  }

  sum(terms: Iterable<string>): number {
    let total = 0;
    for (const t of terms) total += this.of(t);
    return total;
  }

  /** `sum` of a set that no longer changes (a statement's content terms), kept. */
  sumOf(terms: ReadonlySet<string>): number {
    let total = this.sums.get(terms);
    if (total === undefined) this.sums.set(terms, (total = this.sum(terms)));
    return total;
  }
}

/** Weighted Jaccard similarity of two term sets; 0 unless they share two terms. */
function likeness(weights: Weights, a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  let common = 0;
  for (const t of small) if (large.has(t)) (shared++, (common += weights.of(t)));
  return shared < 2 ? 0 : common / (weights.sumOf(a) + weights.sumOf(b) - common);
}

/** The group a claim joins: one whose statements say the same thing (the same words, or most content words shared), or -1. */
function sameClaim(all: Groups, a: Appearance, terms: Set<string>): number {
  const text = textOf(a, 'content');
  const counts = all.shared(terms);
  const candidates = new Set([...all.holding('text', text), ...all.closest(counts, 2)]);
  let best = -1;
  let bestScore = 0;
  const mine = all.weights.sumOf(terms);
  // The same text counts only with two content words: a content cut to "reporters" is no shared claim.
  const worded = wordsOf(text).length >= 2;
  let common: Set<string> | undefined;
  for (const i of [...candidates].sort((x, y) => x - y)) {
    const g = all.list[i]!;
    const sameClaimant = a.statement.claimantKeys.some((k) => g.keys.has(k));
    // Two statements make the same claim when their content words mostly agree; one claimant restating
    // itself needs less agreement than two claimants.
    const needed = sameClaimant ? 0.25 : 0.5;
    let sim = g.texts.has(text) && worded ? 1 : 0;
    if (sim < 1) {
      for (const m of g.members) {
        // Likeness is at most the lighter set's weight over the heavier's: a member that cannot reach what is
        // needed, the best group so far or this group's best is not compared (the margin covers rounding).
        const other = all.weights.sumOf(m);
        const bound = (Math.min(mine, other) / Math.max(mine, other)) * (1 + 1e-9);
        if (bound < needed || bound < bestScore || bound < sim) continue;
        sim = Math.max(sim, likeness(all.weights, terms, m));
      }
    }
    // A headline sums up its article in a few words ("Christie Calls Clinton 'A Disgrace' Over Police Comments"): the
    // same claimant's statement in the body ("She's a disgrace," he said) says the same with little overlap. Two
    // shared terms, one of them a word the body writes in lower case (not the names both mention).
    const headline = sameClaimant ? g.headlines.get(a.article.id) : undefined;
    if (headline && headline !== terms && sim < needed) {
      const lower = (common ??= commonWords(text, textOf(a, 'span')));
      if ([...lower].some((t) => headline.has(t)) && likeness(all.weights, terms, headline) >= HEADLINE_LIKENESS) sim = needed;
    }
    // Two claimants saying the same thing share more than two words: "So far so good" and "He's doing good so far",
    // "I don't know what it will take" and "There's a lot we don't know" are two claims (the same text is one).
    // Nor are they one claim for sharing names alone ("The people of Iowa and New Hampshire have spoken", "If Iowa had
    // come after New Hampshire …"): two of the shared words are written in lower case.
    if (sim < 1 && !sameClaimant) {
      if ((counts.get(i)?.count ?? 0) < CLAIMANTS_SHARE) continue;
      if (sharedLowerCase((common ??= commonWords(text, textOf(a, 'span'))), terms, g.terms) < 2) continue;
    }
    if (sim >= needed && sim > bestScore) (best = i), (bestScore = sim);
  }
  return best;
}

/** How alike a body statement and its article's headline by the same claimant must be to make one claim. */
const HEADLINE_LIKENESS = 0.1;

/** Content words two claimants' statements share at least to make one claim (unless their texts are the same). */
const CLAIMANTS_SHARE = 3;

/** Content words a denial or dispute from another article shares at least with the claim it answers … */
const ANSWER_SHARES = 3;
/** … or, sharing two, the share of its own content words those two are at least. */
const ANSWER_SHARE_OF_OWN = 0.6;

/**
 * The group a denial, dispute or outlet's doubt answers, or -1: the claim whose content it
 * contradicts (content words shared), or, when it only points back ("called the report
 * fictitious"), the claim of the claimant it names or the one its article just reported.
 */
function answeredClaim(all: Groups, r: Appearance, terms: Set<string>): number {
  const statement = r.statement;
  const answered = statement.answers ? claimantKey(statement.answers.replace(/\s*\(([^)]+)\)$/, '')) : null;
  const acronym = statement.answers ? /\(([^)]+)\)$/.exec(statement.answers)?.[1]?.toLowerCase() ?? null : null;
  // The response's own words, besides the noun it points back with.
  // A time word is no part of it: "pushed back on those claims Thursday" says nothing of which claims.
  const own = [...terms].filter((t) => !REFERRING_NOUN.test(t) && !REFERRING_NOUN.test(`${t}s`) && !WHEN.has(t));
  const referring = REFERRING.exec(textOf(r, 'content'));
  const pointsBack = own.length <= REFERRING_MAX_TERMS && !!referring;
  // The words of the phrase pointing back ("the dust allegations"), not of what follows it ("denied the reports and no
  // bid materialized": "bid" says nothing about which reports).
  const phrase = referring ? new Set(wordsOf(referring[0])) : null;
  const modifiers = phrase ? own.filter((t) => phrase.has(t)) : [];
  const outlet = statement.kind === 'outlet';
  const counts = all.shared(terms);
  const weight = all.weights.sum(terms);
  const candidates = new Set([
    ...all.closest(counts, pointsBack || terms.size < 2 ? 1 : 2),
    ...(answered ? all.holding('key', answered) : []),
    ...(acronym ? all.holding('key', acronym) : []),
    ...all.holding('article', r.article.id),
  ]);
  let best = -1;
  let bestScore = 0;
  const nearest = all.justBefore(r.article.id, statement.span.start);
  // The claim just before is a candidate even in an article with more groups than `holding` returns.
  if (nearest >= 0) candidates.add(nearest);
  let common: Set<string> | undefined;
  for (const i of [...candidates].sort((x, y) => x - y)) {
    const g = all.list[i]!;
    if (!g.claims.length) continue;
    const shared = counts.get(i);
    const named = (!!answered && g.keys.has(answered)) || (!!acronym && g.keys.has(acronym));
    // A claimant does not answer its own claim ("said she doubted voters would care" under her own "said").
    if (!named && statement.claimantKeys.some((k) => g.keys.has(k))) continue;
    const sameArticle = g.firstAt.has(r.article.id);
    const sharedCommon = () => sharedLowerCase((common ??= commonWords(textOf(r, 'content'), textOf(r, 'span'))), terms, g.terms);
    // A denial restates part of the claim it denies: two terms shared, and a good part of the smaller
    // term set; among the claims it could answer, the one sharing the most telling words (by weight).
    // It shares more than names: two shared terms are often one name ("New York"), so from another article two of
    // the shared words must be written in lower case, and from its own article one ("questioned whether Governor
    // Holm would have visited …" answers nothing "Governor Holm" set, in a story that names her twice).
    // From another article two shared words must be most of what the denial says ("denied that safety inspections had
    // been reduced" answers "cut safety inspections"; "using the same system since the 2004 presidential election"
    // answers no claim about the election): else three.
    const enough = !!shared && (sameArticle || shared.count >= ANSWER_SHARES || (shared.count === 2 && shared.count / terms.size >= ANSWER_SHARE_OF_OWN));
    const contentMatch = !!shared && enough && shared.count >= 2 && shared.count / Math.min(terms.size, g.terms.size) >= 0.35 &&
      sharedCommon() >= (sameArticle ? 1 : 2);
    // "rejects trawler claims": the words of a phrase pointing back say which claims.
    // (Counted over its own words: "accusations" shared says nothing about which accusations.)
    const modifierMatch = pointsBack && modifiers.length > 0 && modifiers.filter((t) => g.terms.has(t)).length / modifiers.length >= 0.5;
    // (A phrase pointing back may share only terms too common to be counted: then it shares no weight.)
    const overlap = (contentMatch || modifierMatch) && shared ? shared.weight / Math.min(weight, g.weight) : 0;
    // Pointing back answers the claim its article reported just before, not any earlier one; the outlet's
    // own doubt, which must share content words, may answer any earlier claim of its article.
    const earlierHere = outlet ? (g.firstAt.get(r.article.id) ?? Infinity) <= statement.span.start : i === nearest;
    // The outlet's own doubt ("could not be independently verified") answers a claim of its own article.
    if (outlet ? !earlierHere || !(contentMatch || pointsBack) : !contentMatch && !(pointsBack && (named || modifierMatch || (earlierHere && !answered)))) continue;
    let score = overlap + (named ? 1 : 0);
    if (earlierHere && (outlet || !answered)) score += outlet ? 0.5 : 0.4;
    // "the dust allegations": the words of the phrase pointing back name the claim, over the claim just before.
    if (modifierMatch) score += 0.5;
    // Between equal candidates, the claim reported most often is the one being answered.
    score += Math.min(0.1, 0.02 * g.claims.length);
    if (score > bestScore) (best = i), (bestScore = score);
  }
  return best;
}

/** Highest a group's relevance goes within its tier (its bonuses never lift it into the next). */
const TIER_TOP = 0.999;

/**
 * The tier of a statement's or group's relevance (`Appearance.relevance`): 3 about the topic, 2 in its context,
 * 1 only near it. A group's bonuses stay inside its tier.
 * @example relevanceTier(3.4) // 3
 */
export function relevanceTier(relevance: number): number {
  return Math.floor(relevance + 1e-9);
}

/**
 * Groups appearances into claims with their denials. A group is one claim: statements whose
 * content says the same thing, and the denials and disputes of that content. Words of the topic
 * itself are discounted: sharing them is what every candidate statement does.
 * @param topic terms of the topic (`topicTerms`), left out when comparing contents
 * @returns groups ordered by relevance, then by date of first appearance
 */
export function groupClaims(appearances: readonly Appearance[], topic: ReadonlySet<string> = new Set()): ClaimGroup[] {
  const sorted = [...appearances].sort(chronological);
  const weights = new Weights();
  const termsOf = new Map<Appearance, Set<string>>();
  for (const a of sorted) {
    const terms = statementTerms(a, topic);
    termsOf.set(a, terms);
    weights.see(terms);
  }
  const all = new Groups(weights);
  const groups = all.list;
  const assertive = sorted.filter((a) => a.statement.kind === 'attributed' && (a.statement.stance === 'asserts' || a.statement.stance === 'confirms'));
  const isAssertive = new Set(assertive);
  const answering = sorted.filter((a) => !isAssertive.has(a));

  for (const a of assertive) {
    const terms = termsOf.get(a)!;
    const found = sameClaim(all, a, terms);
    all.join(found >= 0 ? found : all.add(), a, terms, 'claim');
  }

  for (const r of answering) {
    const terms = termsOf.get(r)!;
    const found = answeredClaim(all, r, terms);
    if (found >= 0) all.join(found, r, terms, 'response');
    else if (r.statement.kind === 'attributed') all.join(all.add(), r, terms, 'response');
  }

  const ranked = groups.map((g) => {
    const all = [...g.claims, ...g.responses].sort(chronological);
    // (A reduce, not Math.max(...): a claim repeated by thousands of articles is no argument list.)
    const best = all.reduce((m, a) => Math.max(m, a.relevance), -Infinity);
    // The bonuses (articles, a denial beside the claim, size) reorder groups within their best statement's tier,
    // never across it: a much-repeated claim near the topic does not rank above one that names it.
    const bonus = Math.min(0.5, 0.1 * new Set(all.map((a) => a.article.id)).size) + (g.claims.length && g.responses.length ? 0.3 : 0) +
      Math.min(0.2, 0.05 * all.length);
    return { g, relevance: Math.min(relevanceTier(best) + TIER_TOP, best + bonus), first: all[0] ?? null };
  });
  ranked.sort((x, y) => relevanceTier(y.relevance) - relevanceTier(x.relevance) || y.relevance - x.relevance || (x.first && y.first ? chronological(x.first, y.first) : 0));
  return ranked.map(({ g, relevance, first }, i) => ({
    id: `c${i + 1}`,
    claims: g.claims,
    responses: g.responses.sort(chronological),
    relevance,
    first: first ? dateOf(first) : null,
  }));
}
