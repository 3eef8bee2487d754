/**
 * The part of a sentence that is one statement's own (issue 14, pattern 6): when a sentence holds
 * statements by different claimants side by side ("Fields said the plan was dead, and Okafor
 * insisted the vote would go ahead"), each is quoted with its own clause, not the whole sentence
 * twice. A statement reported inside another's content ("denied claims by X that …") keeps the
 * whole sentence: its words are the other statement's too.
 */
import type { Span } from '../core/types.js';
import type { Statement } from './types.js';

/** The statement's source, cue and content together. */
function region(s: Statement): Span {
  const parts = [s.cue, s.content, ...(s.source ? [s.source] : [])].filter((p) => p.end > p.start);
  return { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

/** An article's attributed statements by sentence span, computed once per statement list (the analyser's list is shared and read-only). */
const sentenceIndex = new WeakMap<readonly Statement[], Map<string, Statement[]>>();

function bySentence(all: readonly Statement[]): Map<string, Statement[]> {
  let index = sentenceIndex.get(all);
  if (!index) {
    index = new Map();
    for (const s of all) {
      if (s.kind !== 'attributed') continue;
      const key = `${s.span.start}:${s.span.end}`;
      const list = index.get(key);
      if (list) list.push(s);
      else index.set(key, [s]);
    }
    sentenceIndex.set(all, index);
  }
  return index;
}

const disjoint = (a: Span, b: Span) => a.end <= b.start || b.end <= a.start;

/**
 * The span to quote for `statement`: its sentence, or its own clause of it when another claimant's
 * statement shares the sentence without overlapping it. The first clause keeps the sentence's
 * opening words and the last its closing ones, so every quote is still a verbatim run of the text.
 * @param all - the article's statements (the one asked about among them)
 */
export function ownSpan(statement: Statement, all: readonly Statement[]): Span {
  if (statement.kind !== 'attributed') return statement.span;
  const sharing = bySentence(all).get(`${statement.span.start}:${statement.span.end}`) ?? [];
  if (sharing.length < 2) return statement.span;
  const mine = region(statement);
  const siblings = sharing.filter((o) => o !== statement && o.claimant !== statement.claimant);
  if (!siblings.length || siblings.some((o) => !disjoint(region(o), mine))) return statement.span;
  const before = siblings.filter((o) => region(o).end <= mine.start);
  const after = siblings.filter((o) => region(o).start >= mine.end);
  return { start: before.length ? mine.start : statement.span.start, end: after.length ? mine.end : statement.span.end };
}
