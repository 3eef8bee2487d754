/**
 * Sentence boundaries from wink-nlp, turned into exact character offsets.
 *
 * wink is loaded with only its sentence-boundary step (no POS tagging, entities or negation),
 * which keeps its tokenizer-driven boundaries while costing a fraction of the full pipeline.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isSpace } from './segment.js';
import type { Span } from '../types.js';

let nlp: ReturnType<typeof winkNLP> | undefined;

function pipeline(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

/**
 * Sentence spans of `text` as wink-nlp sees them, in order, trimmed of surrounding whitespace.
 * wink reproduces each sentence verbatim (original spacing included), so each one is located
 * with a forward search; anything wink's output did not account for is still covered by the
 * caller, which fills gaps inside blocks.
 */
export function sentenceSpans(text: string): Span[] {
  if (text.trim().length === 0) return [];
  const doc = pipeline().readDoc(text);
  const spans: Span[] = [];
  let cursor = 0;
  for (const sentence of doc.sentences().out() as string[]) {
    const trimmed = sentence.trim();
    if (trimmed.length === 0) continue;
    const at = text.indexOf(trimmed, cursor);
    if (at < 0) continue;
    spans.push({ start: at, end: at + trimmed.length });
    cursor = at + trimmed.length;
  }
  return spans;
}

/** Closing punctuation of a piece: the only sentence end a one-sentence block has. */
const CLOSING = /[.!?…]+["'”’»)\]]*$/;
const SENTENCE_END = /[.!?…]/;
/** A point between digits ("3.5 pct", "1.2.2021") is part of a number token, never a sentence end. */
const DECIMAL_POINT = /(?<=\d)\.(?=\d)/g;

/**
 * Sentence spans of one block, as offsets into the whole text. wink runs on the block alone, so
 * no sentence crosses a block boundary; a block with no sentence-ending punctuation before its
 * end (a decimal point aside) is one sentence (wink only ends sentences at such punctuation), which spares the
 * tokenizer for most headlines, captions and one-sentence paragraphs.
 * @param text - the article text
 * @param block - the block's span in it (trimmed)
 */
export function blockSentences(text: string, block: Span): Span[] {
  const piece = text.slice(block.start, block.end);
  if (!SENTENCE_END.test(piece.replace(CLOSING, '').replace(DECIMAL_POINT, ''))) return [{ start: block.start, end: block.end }];
  const spans = sentenceSpans(piece);
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

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) into.push({ start, end });
}
