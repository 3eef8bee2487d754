/**
 * The claims analyser: runs attribution on every article at ingest and stores the statements in
 * `article.annotations.claims`. Only title, standfirst and body sentences are read, so captions
 * and site chrome never yield a claim.
 */
import type { Analyser } from '../core/ports.js';
import { speakerNoun } from './lexicon.js';
import { PERSON_NOUN } from './scan.js';
import type { Article, Span } from '../core/types.js';
import { findStatements } from './attribution.js';
import type { ClaimsAnnotation, Statement } from './types.js';

/**
 * Bodies a business story names by their trade ("the concern", "the utility", "the exchange") speak too, and so does
 * one person named by a job ("one banker", "a senior dealer", "another trader"); "the businessman", "the narrator"
 * are too often a misparse or someone else's.
 */
const TRADE_NOUNS = /^(?:concern|utility|utilities|airline|airlines|carrier|exchange|bourse|paper|magazine|newsletter|trust|partnership|fund|federation|guild|thrift|insurer|brokerage|chain|network|station|studio)$/;

/** Plural agent nouns: lawmakers, voters, economists, historians. */
const PLURAL_AGENTS = /^[a-z-]{3,}(?:[^e]ers|ists|ians)$/;
/**
 * Documents and studies that make claims of their own ("according to the analysis", "the report
 * found"): dropping them left their sentence to be shown as the outlet's own reporting.
 */
const DOCUMENTS = /^(?:analys[ie]s|reports?|stud(?:y|ies)|surveys?|polls?|memos?|statements?|documents?|letters?|audits?|reviews?|investigations?|filings?|records|data|research|findings|complaints?|lawsuits?|indictments?|rulings?|releases?|transcripts?)$/;

/** Statements worth keeping for `/claim`: a known claimant and some content. */
function useful(s: Statement): boolean {
  // The outlet's own push-back, and quotations the text gives no speaker for (shown as unattributed).
  if (s.kind === 'outlet' || s.kind === 'quotation') return true;
  if (s.claimant === null || s.content.end <= s.content.start) return false;
  // A claimant is a name ("Yusov", "HUR") or a speaker noun ("officials"); anything else is a misparse.
  const last = s.claimant.split(/\s+/).pop()!.toLowerCase();
  // A plural agent noun names a group of speakers too ("top black lawmakers said", "economists warn").
  // A document is named by its head, before what it is about ("an analysis of the testimony").
  const head = s.claimant.split(/\s+(?:of|by|on|from|for|into|about)\s+/)[0]!.split(/\s+/).pop()!.toLowerCase();
  return /\p{Lu}/u.test(s.claimant) || speakerNoun(last) || PLURAL_AGENTS.test(last) || DOCUMENTS.test(head) ||
    TRADE_NOUNS.test(last) || (/^(?:one|another|a|an)\s/.test(s.claimant) && PERSON_NOUN.test(last) && /^[a-z-]{4,}[^s]$/.test(last) && !/(?:ive|ess|ant)$/.test(last));
}

/** Results by text, outlet and sentence layout: syndicated copies are analysed once. */
const memo = new Map<string, ClaimsAnnotation>();
/** Bound on `memo`; past it the memo starts afresh (a copy usually follows its original closely). */
const MEMO_LIMIT = 50_000;

/**
 * Finds the attributed statements (and the outlet's own push-back) of one article.
 * The result may be shared with identical copies of the article: treat it as read-only.
 */
export function analyseClaims(article: Article): ClaimsAnnotation {
  const layout = article.sentences.map((x) => `${x.start},${x.end},${x.kind}`).join(';');
  const key = `${article.contentHash}|${article.meta.outlet ?? ''}|${layout}`;
  const known = memo.get(key);
  if (known) return known;
  const found = findStatements(article.text, article.sentences, { outlet: article.meta.outlet, keepSourceless: true });
  const statements = found.filter((s) => (s.kind !== 'attributed' || s.source) && useful(s));
  // Someone's statement with no speaker to show is still not the outlet's reporting.
  const shown = new Set(statements);
  const spans = new Map<string, Span>();
  for (const s of found) if (s.kind === 'attributed' && !shown.has(s)) spans.set(`${s.span.start}:${s.span.end}`, s.span);
  const unsourced = [...spans.values()];
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const result: ClaimsAnnotation = unsourced.length ? { statements, unsourced } : { statements };
  memo.set(key, result);
  return result;
}

/** Attribution at ingest (issue 3). */
export const claimsAnalyser: Analyser<ClaimsAnnotation> = {
  name: 'claims',
  version: '48',
  analyse: analyseClaims,
};

/** Spans of the statements stored without a speaker to show (`ClaimsAnnotation.unsourced`). */
export function unsourcedOf(article: Article): Span[] {
  const annotation = article.annotations['claims'] as ClaimsAnnotation | undefined;
  return Array.isArray(annotation?.unsourced) ? annotation.unsourced : [];
}

/** The statements stored on an article, or none when the analyser has not run. */
export function statementsOf(article: Article): Statement[] {
  const annotation = article.annotations['claims'] as ClaimsAnnotation | undefined;
  return Array.isArray(annotation?.statements) ? annotation.statements : [];
}
