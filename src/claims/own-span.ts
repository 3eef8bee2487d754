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
  const relative = relativeClause(statement, text);
  if (relative) return relative;
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
  let start = before.length && opensClause(text.slice(statement.span.start, mine.start)) ? mine.start : statement.span.start;
  // ("Swanson praised evangelist Ivo Lund, [who has vowed …]": a clause opened by its relative pronoun is shown with
  // the antecedent it is about, the claimant's name.)
  if (start > statement.span.start && /^(?:who|whom|which)\b/i.test(text.slice(start, start + 6))) {
    const antecedent = antecedentStart(text, statement.span.start, start);
    if (antecedent >= 0 && /,\s*$/.test(text.slice(statement.span.start, start))) start = antecedent;
  }
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

/** Words that open a noun phrase: the antecedent of a relative clause starts at one. */
const NP_OPENER = /^(?:a|an|the|his|her|its|their|our|my|your|this|these|those|that|some|many|several|any|each|every|no|two|three|four|five|one)$/i;
/** Words an antecedent never runs back over: prepositions, conjunctions, verbs of being. */
const NP_STOP = /^(?:of|in|on|at|for|with|by|from|to|about|over|under|into|than|as|and|or|but|is|was|are|were|be|been|has|had|have|said|says|until|when|while|if|because|since|would|will|could|can|should|might|must|do|did|does|not)$/i;
/** The words after a cue that show the clause's subject is missing ("that Carson said was written"). */
const GAP = /^\s*(?:was|is|were|are|would|will|had|has|have|could|should|might|may|can|must|did|does)\b/i;

/**
 * A statement made inside a relative clause ("… of a Yale Daily News article that Carson said was written about the
 * incident", "the policy changes, which officials said will take effect in May, …"): what the claimant said is the
 * clause about its antecedent, so the span shown is the antecedent with its clause, not the whole sentence around it
 * (whose other words are no part of what was said). Null when the statement is none such, or its antecedent has no
 * clear start within a few words.
 */
function relativeClause(statement: Statement, text: string): Span | null {
  const { source, cue, span } = statement;
  if (!source || source.end > cue.start || source.start <= span.start) return null;
  const before = text.slice(span.start, source.start);
  const rel = /(,\s*)?\b(that|which|who|whom)\s+$/i.exec(before);
  if (!rel) return null;
  // ("noted that officials said the plan …": a "that" after a verb opens what was said; a relative "that" leaves its
  // clause without a subject, which the words after the cue show.)
  if (rel[2]!.toLowerCase() === 'that' && !GAP.test(text.slice(cue.end, span.end))) return null;
  // ("in which Adelson said: …": a clause after a preposition and "which" is whole, no relative gap.)
  if (/\b(?:in|during|at|on|under|by|with|without|from|after|before|for|to|of|through|against|among|within|into|about|over|upon|via)\s*$/i.test(before.slice(0, rel.index))) return null;
  const start = antecedentStart(text, span.start, span.start + rel.index);
  if (start < 0) return null;
  // ("…, which traders had urged her to do": a clause ending in a stand-in for a verb phrase is about the whole clause
  // before it, no noun: the sentence is shown.)
  if (/\b(?:to do|do so|doing so|did so|done so|to)\s*[.!?]?\s*$/i.test(text.slice(cue.end, span.end))) return null;
  // The clause ends at the first comma, semicolon or dash (" - " too) after the cue outside a quotation, or with the sentence.
  let end = span.end;
  let marks = 0;
  for (let i = cue.end; i < span.end; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '”' || ch === '"' || (ch === "'" && text[i + 1] === "'")) { marks++; if (ch === "'") i++; continue; }
    if (marks % 2 === 0 && (ch === ',' || ch === ';' || ch === '—' || ch === '–' || (ch === '-' && text[i - 1] === ' ' && text[i + 1] === ' ')) && /\S/.test(text.slice(i + 1, span.end))) { end = i; break; }
  }
  return { start, end };
}

/**
 * Where the antecedent of a relative clause starting at `relAt` begins (the sentence starting at `from`): back over up
 * to eight words to a determiner (kept), or to a preposition, conjunction, verb, participle or punctuation (not); -1
 * when there is none such.
 */
function antecedentStart(text: string, from: number, relAt: number): number {
  // Back over up to eight words to a determiner (kept) or a preposition, conjunction, verb or
  // participle (not: "… challenging China's sea claims, which").
  const head = text.slice(from, relAt);
  const words = [...head.matchAll(/[^\s]+/g)];
  let start = -1;
  for (let k = words.length - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const w = words[k]![0];
    const bare = w.replace(/^[“"(‘']+/, '');
    // ("Gov. Mike Pence", "Mr. Kamin": a title's full stop is inside the name.)
    if (/[,;:.!?)”"]$/.test(w) && k < words.length - 1 && !/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|\p{Lu})\.$/u.test(bare)) { start = from + words[k + 1]!.index!; break; }
    // ("Partnership for Conservative Principles", "Bank of Tarn": "of" or "for" between capitalised words is inside a name.)
    if (/^(?:of|for)$/.test(bare) && k > 0 && k < words.length - 1 && /^\p{Lu}/u.test(words[k - 1]![0]) && /^\p{Lu}/u.test(words[k + 1]![0])) continue;
    if (NP_STOP.test(bare) || /^\p{Ll}+ed$/u.test(bare) || (k < words.length - 1 && /^\p{Ll}{3,}ing$/u.test(bare))) { start = k < words.length - 1 ? from + words[k + 1]!.index! : -1; break; }
    if (NP_OPENER.test(bare)) { start = from + words[k]!.index! + (w.length - bare.length); break; }
    if (k === 0) start = from + words[0]!.index!;
  }
  return start;
}
