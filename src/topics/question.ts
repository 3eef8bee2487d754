/**
 * A question turned into a topic: "When did the minister send her letter to parliament?" →
 * "minister letter parliament". Question words, auxiliaries, verbs, pronouns and function words
 * go; names, nouns, numbers and adjectives stay, in order. Parts of speech come from wink-nlp
 * (loaded on first use, a few milliseconds per question).
 */
import type { ItemToken } from 'wink-nlp';
import { WinkPipeline } from '../core/wink.js';

/** wink and its model are loaded on the first question, not at import: `help` and every other command start without them. */
const tagger = new WinkPipeline(['sbd', 'pos']);

/** Parts of speech a topic keeps. */
const KEEP = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ', 'X']);
/** Words kept between two kept words: they join one name ("Bank of England", "Armenia and Russia"). */
const JOINERS = new Set(['of', 'and', '&', 'de', 'la', 'von', 'van', 'al']);
/** Longest question read (a topic is short; this bounds the tagger's work). */
const MAX_QUESTION = 500;

/**
 * The names and nouns of a question, as a topic; empty when it has none.
 * @example questionTopic('When did the minister send her letter to parliament?') // 'minister letter parliament'
 */
export function questionTopic(question: string): string {
  const text = question.slice(0, MAX_QUESTION);
  const tokens: { value: string; pos: string; start: number; end: number }[] = [];
  let cursor = 0;
  tagger.read(text, (doc, nlp) =>
    doc.tokens().each((t: ItemToken) => {
      const value = t.out() as string;
      const at = text.indexOf(value, cursor);
      if (at < 0) return;
      tokens.push({ value, pos: t.out(nlp.its.pos) as string, start: at, end: at + value.length });
      cursor = at + value.length;
    }),
  );
  const keep = tokens.map((t) => KEEP.has(t.pos) && /[\p{L}\p{N}]/u.test(t.value));
  // A joining word or a glued mark ("Armenia-Russia", "AT&T", "3g") between two kept words stays.
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (keep[i] || !keep[i - 1] || !keep[i + 1]) continue;
    const t = tokens[i]!;
    const glued = t.start === tokens[i - 1]!.end && t.end === tokens[i + 1]!.start;
    if (glued || JOINERS.has(t.value.toLowerCase())) keep[i] = true;
  }
  let out = '';
  tokens.forEach((t, i) => {
    if (!keep[i]) return;
    const glued = i > 0 && keep[i - 1] && tokens[i - 1]!.end === t.start;
    out += out && !glued ? ` ${t.value}` : t.value;
  });
  return out.trim();
}
