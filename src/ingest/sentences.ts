/**
 * Sentence boundaries from wink-nlp, turned into exact character offsets.
 *
 * wink is loaded with only its sentence-boundary step (no POS tagging, entities or negation),
 * which keeps its tokenizer-driven boundaries while costing a fraction of the full pipeline. It is
 * read through `WinkPipeline`, so a text's sentences do not depend on what was read before it.
 */
import { WinkPipeline } from '../core/wink.js';
import { isSpace } from './segment.js';
import { titleEndsAt } from './abbreviations.js';
import type { Span } from '../core/types.js';

const sbd = new WinkPipeline(['sbd']);

/**
 * Sentence spans of `text` as wink-nlp sees them, in order, trimmed of surrounding whitespace.
 * wink reproduces each sentence verbatim (original spacing included), so each one is located
 * with a forward search; anything wink's output did not account for is still covered by the
 * caller, which fills gaps inside blocks.
 */
export function sentenceSpans(text: string): Span[] {
  if (text.trim().length === 0) return [];
  const sentences = sbd.read(text, (doc) => doc.sentences().out() as string[]);
  const spans: Span[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (trimmed.length === 0) continue;
    const at = text.indexOf(trimmed, cursor);
    if (at < 0) continue;
    spans.push({ start: at, end: at + trimmed.length });
    cursor = at + trimmed.length;
  }
  return spans;
}

/** End punctuation and the closing marks that may follow it. */
const END_MARKS = /[.!?…]/;
const CLOSING_MARKS = /["'”’»)\]]/;
/**
 * Where a sentence can end inside a piece: end punctuation and its closing marks, then a space
 * or the start of a new sentence. A point inside a token ("3.5", "<CCI.N>", "U.S.-based") is not
 * one, so number-heavy and ticker-heavy wire paragraphs skip the tokenizer. Tried only where a run
 * of end punctuation starts: tried inside the run too, a long run of dots took quadratic time.
 */
const INNER_END = /(?<![.!?…])[.!?…]+["'”’»)\]]*(?:\s|[\p{Lu}“"‘(\[])/u;

/**
 * Longest sentence kept whole, in characters. A longer "sentence" — a paragraph with no full stop,
 * a pasted list or table, text with its punctuation stripped — is split at clause boundaries
 * (see `capSentence`). Sentences become the passages search returns and the chat adapters quote,
 * and the unit the claims and dates analysers work on: at this length a passage still fits, escaped,
 * in one Slack section (3,000 characters) and one Discord page (4,096), while real sentences are
 * almost never cut (news sentences rarely pass a few hundred characters).
 */
export const MAX_SENTENCE = 1_500;
/** A cut at a clause boundary leaves at least this much in the piece before it; otherwise a weaker boundary is used. */
const MIN_PIECE = 500;

/** `piece` without its closing punctuation and marks (what `/[.!?…]+["'”’»)\]]*$/` would remove), in time linear in what is removed. */
function withoutClosing(piece: string): string {
  let end = piece.length;
  while (end > 0 && CLOSING_MARKS.test(piece[end - 1]!)) end--;
  let start = end;
  while (start > 0 && END_MARKS.test(piece[start - 1]!)) start--;
  return start < end ? piece.slice(0, start) : piece;
}
/** Marks that close a quotation or parenthesis; two typed apostrophes ('') close NYT-style quotes. */
const CLOSER = /["'”’»)\]]/;
/** A sentence (after its opening marks) that starts with a capital: what a real boundary is followed by. */
const NEW_SENTENCE = /^["'“‘(\[]*\p{Lu}/u;
/** One capital and a point: the next letter of an initialism, not a new sentence. */
const INITIAL = /^\p{Lu}\./u;
/** Brackets around wire tickers and names ("(NYT.A)", "<CCI.N>", "[PRUL.L]"). */
const BRACKETS: readonly (readonly [string, string])[] = [['(', ')'], ['<', '>'], ['[', ']']];
/** A word that carries the sentence on after a closing quote or parenthesis. */
const LOWERCASE = /\p{Ll}/u;
/** Longest bracketed name or ticker ("<ING. C. Olivetti and C. S.P.A.>") whose points are never sentence ends. */
const MAX_BRACKETED = 80;

/**
 * Sentence spans of one block, as offsets into the whole text. wink runs on the block alone, so
 * no sentence crosses a block boundary; a block with no sentence end before its closing
 * punctuation is one sentence (wink only ends sentences at punctuation), which spares the
 * tokenizer for most headlines, captions and one-sentence paragraphs. wink's boundaries are then
 * repaired (see `repairBoundaries`), and a sentence longer than `MAX_SENTENCE` is cut at clause
 * boundaries (see `capSentence`).
 * @param text - the article text
 * @param block - the block's span in it (trimmed)
 */
export function blockSentences(text: string, block: Span): Span[] {
  const out: Span[] = [];
  for (const sentence of uncappedSentences(text, block)) capSentence(text, sentence, out);
  return out;
}

function uncappedSentences(text: string, block: Span): Span[] {
  const piece = text.slice(block.start, block.end);
  if (!INNER_END.test(withoutClosing(piece))) return [{ start: block.start, end: block.end }];
  const spans = repairBoundaries(piece, sentenceSpans(piece));
  const out: Span[] = [];
  let covered = 0;
  for (const s of spans) {
    if (s.start > covered) pushTrimmed(text, block.start + covered, block.start + s.start, out);
    out.push({ start: block.start + s.start, end: block.start + s.end });
    covered = s.end;
  }
  if (covered < piece.length) pushTrimmed(text, block.start + covered, block.end, out);
  return out;
}

/**
 * Moves or removes wink boundaries that are not sentence ends. wink cuts typed quotes ('') in
 * two ("…the end.'" + "' The next…"), which leaves the quotation open in both halves; closing
 * marks right after a sentence belong to it when a space (or the end) follows them. A boundary
 * with no space after it is kept only before a capital outside brackets ("left.She" in pasted
 * web text), not inside a token ("(NYT.A)", "rational...licensing", ". 125 dlrs"); a title's point
 * ("Rev.", "Msgr.") never ends one; and wire copy's
 * bracketed names and tickers ("<CCI.N>", "<ING. C. Olivetti and C. S.P.A.>") never end one.
 * @param piece - the block's text
 * @param spans - wink's sentences in it, in order
 */
function repairBoundaries(piece: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    const end = closedEnd(piece, span.end);
    const prev = out[out.length - 1];
    if (prev) {
      if (start < prev.end) start = prev.end;
      while (start < end && isSpace(piece.charCodeAt(start))) start++;
      if (start >= end) continue;
      if (continues(piece, prev.end, start)) {
        prev.end = end;
        continue;
      }
    }
    out.push({ start, end });
  }
  return out;
}

/** `end` moved past the closing marks right after it, when a space or the end of the piece follows them. */
function closedEnd(piece: string, end: number): number {
  let close = end;
  while (close < piece.length && CLOSER.test(piece[close]!)) close++;
  return close > end && (close === piece.length || isSpace(piece.charCodeAt(close))) ? close : end;
}

/** True when the sentence ending at `end` carries on at `next` (see `repairBoundaries`). */
function continues(piece: string, end: number, next: number): boolean {
  // "… where Rev. Warnock spoke": the point of a title before a name ends no sentence (NAME_TITLES).
  if (titleEndsAt(piece, end)) return true;
  if (next === end) {
    // No space: only a capital outside a bracketed token starts a sentence ("(NYT.A)", "< SEHL.L>"),
    // and not the next letter of an initialism ("Sino-U.S.", "D-R.I.").
    const after = piece.slice(next, next + 8);
    if (!NEW_SENTENCE.test(after) || INITIAL.test(after)) return true;
    return BRACKETS.some(([open, close]) => insideBrackets(piece, end, open, close) >= 0);
  }
  // A closing quote or parenthesis before a lowercase word: "…?" he asked; (D-Wash.) has urged.
  if (CLOSER.test(piece[end - 1]!) && LOWERCASE.test(piece[next]!)) return true;
  // Wire copy's bracketed names hold spaces; a space just inside a bracket would be a comparison ("x < 5").
  const open = insideBrackets(piece, end, '<', '>');
  return open >= 0 && !isSpace(piece.charCodeAt(open + 1));
}

/**
 * Where the bracket enclosing `at` opens, or -1: `open` and `close` at most MAX_BRACKETED
 * characters apart with no other bracket of the kind between.
 */
function insideBrackets(piece: string, at: number, open: string, close: string): number {
  const before = piece.lastIndexOf(open, at - 1);
  if (before < 0 || at - before > MAX_BRACKETED || piece.lastIndexOf(close, at - 1) > before) return -1;
  const after = piece.indexOf(close, at);
  if (after < 0 || after - before > MAX_BRACKETED) return -1;
  const reopened = piece.indexOf(open, at);
  return reopened >= 0 && reopened < after ? -1 : before;
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) into.push({ start, end });
}

/** Clause marks a long sentence is cut after, strongest first: `;` and `:` before a space, dashes; then a comma before a space. */
const CLAUSE_LEVELS: readonly ((text: string, at: number) => boolean)[] = [
  (text, at) => ((text[at] === ';' || text[at] === ':') && isSpace(text.charCodeAt(at + 1))) || text[at] === '—' || text[at] === '–',
  (text, at) => text[at] === ',' && isSpace(text.charCodeAt(at + 1)),
];

/**
 * Adds `sentence` to `out`, cut into pieces of at most `MAX_SENTENCE` characters when it is longer:
 * each piece ends after the last clause mark (`;`, `:`, a dash, then a comma) that leaves it at least
 * `MIN_PIECE` long, else at the last space, else at `MAX_SENTENCE` (never inside a surrogate pair).
 * Pieces are trimmed, so each is exact text (`text.slice(start, end)`) and they cover the sentence
 * but for the spaces between them. Work is linear in the sentence's length.
 */
export function capSentence(text: string, sentence: Span, out: Span[]): void {
  let start = sentence.start;
  while (sentence.end - start > MAX_SENTENCE) {
    const limit = start + MAX_SENTENCE;
    let end = -1;
    // After a clause mark: the piece ends just after it (searching back from the limit for the last one).
    for (const isClause of CLAUSE_LEVELS) {
      for (let at = limit - 1; at >= start + MIN_PIECE - 1 && end < 0; at--) if (isClause(text, at)) end = at + 1;
      if (end >= 0) break;
    }
    // Before a space: the piece ends at the last word boundary.
    if (end < 0) for (let at = limit; at > start + MIN_PIECE && end < 0; at--) if (isSpace(text.charCodeAt(at))) end = at;
    if (end < 0) {
      end = limit;
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end--;
    }
    pushTrimmed(text, start, end, out);
    start = end;
    while (start < sentence.end && isSpace(text.charCodeAt(start))) start++;
  }
  pushTrimmed(text, start, sentence.end, out);
}
