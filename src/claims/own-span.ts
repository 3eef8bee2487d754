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
 * @param text - the article's text
 */
export function ownSpan(statement: Statement, all: readonly Statement[], text: string): Span {
  if (statement.kind !== 'attributed') return statement.span;
  const sharing = bySentence(all).get(`${statement.span.start}:${statement.span.end}`) ?? [];
  if (sharing.length < 2) return statement.span;
  const mine = region(statement);
  const siblings = sharing.filter((o) => o !== statement && o.claimant !== statement.claimant);
  if (!siblings.length || siblings.some((o) => !disjoint(region(o), mine))) return statement.span;
  const before = siblings.filter((o) => region(o).end <= mine.start);
  const after = siblings.filter((o) => region(o).start >= mine.end);
  // A clause is cut off only where a clause ends: a cut anywhere else ("something [many Republicans had urged him
  // to do.]", "[He said the treaty followed the formula] he agreed upon …") shows a fragment that misleads, so the
  // sentence keeps its words on that side.
  const start = before.length && opensClause(text.slice(statement.span.start, mine.start)) ? mine.start : statement.span.start;
  const end = after.length && closesClause(text.slice(mine.end, statement.span.end)) ? mine.end : statement.span.end;
  return { start, end };
}

/** Words that open a clause of their own after a comma or on their own ("…, but", "… while"). */
const CLAUSE_OPENER = String.raw`(?:and|but|or|yet|so|while|whereas|although|though|because|since|when|after|before|until)`;
// ("… a fundraiser in which Adelson said: …": after a preposition and "which" a whole clause begins, with no gap in it.)
const OPENS = new RegExp(String.raw`(?:(?:[,;:(—–―]|\s-|--|\n)["”'’]*\s*(?:${CLAUSE_OPENER}\s+)?|(?:^|\s)(?:${CLAUSE_OPENER}|(?:in|during|at|on|under|by|with|from|after|before|for|to)\s+(?:which|whom)|where)\s+)$`, 'i');
const CLOSES = new RegExp(String.raw`^["”'’]*\s*(?:$|[,;:.!?)—–―]|-\s|--|\n|(?:${CLAUSE_OPENER}|according\s+to)\b)`, 'i');

/** Whether the sentence's words before a clause end where a clause may begin (after a comma, a dash, a full stop, "and", "but", "while" …). */
export function opensClause(before: string): boolean {
  // (A full stop the sentence reader ran past — "… Columbia Aluminium Corp. Comalco said …" — ends one too, after a
  // word that is no title or initial.)
  return OPENS.test(before) || (/[.!?]["”'’]*\s*$/.test(before) && !/(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|\p{Lu})\.\s*$/u.test(before));
}

/** Whether the sentence's words after a clause begin where a clause may end (a comma, a dash, "and", "according to" …, or nothing). */
export function closesClause(after: string): boolean {
  return CLOSES.test(after);
}
