/**
 * Features of a (cue, candidate source) pair for the attribution ranker: word shapes and closed
 * word classes around the two, their distance and what lies between, and the rules' own pick; the
 * cue word's and the head's word class (`clusters.ts`), so a rare cue shares weight with its class.
 * Features are strings; the ranker keeps a weight per string it learned.
 */
import { CUE_VERBS, DETERMINERS, PRONOUNS, speakerNoun } from '../lexicon.js';
import { isQuote, type Token } from '../tokens.js';
import type { CueCandidate, SourceCandidate } from './candidates.js';
import { wordClass } from './clusters.js';

/** A word's shape: "Xx", "x", "X.", "9", or the punctuation itself. */
function shape(t: Token | undefined): string {
  if (!t) return '<none>';
  if (!t.word) return isQuote(t) ? 'Q' : t.text;
  if (/^\d/.test(t.text)) return '9';
  if (PRONOUNS.has(t.lower)) return 'PRON';
  if (DETERMINERS.has(t.lower)) return 'DET';
  if (t.cap) return t.text.length > 1 && t.text === t.text.toUpperCase() ? 'XX' : 'Xx';
  return 'x';
}

/** A word as a feature: the word itself for frequent closed-class and speech words, else its shape. */
function word(t: Token | undefined): string {
  if (!t) return '<none>';
  if (!t.word) return shape(t);
  return t.lower;
}

/** A word's fine and mid classes (`clusters.ts`), or its shape when it has none. */
function classOf(t: Token): readonly [string, string] {
  const c = t.word ? wordClass(t.lower) : undefined;
  return c ? [c[0], c[1]] : [shape(t), shape(t)];
}

/** Bucketed count, so 6 and 7 tokens share a weight. */
function bucket(n: number): string {
  return n <= 3 ? String(n) : n <= 5 ? '4-5' : n <= 8 ? '6-8' : n <= 12 ? '9-12' : '13+';
}

/** The class of a head word: pronoun, name, speaker noun, person-like noun, other. */
function headClass(t: Token): string {
  if (PRONOUNS.has(t.lower)) return `pron:${t.lower}`;
  if (t.cap) return 'name';
  if (speakerNoun(t.lower)) return 'speaker';
  if (/(?:er|or|ist|ian|ant|man|men|people|ee|ess)s?$/.test(t.lower)) return 'personish';
  if (/\d/.test(t.text)) return 'num';
  return 'other';
}

/** The class of a cue word: speech, cognition, belief, position, or other (phrasal cues, "according to"). */
function cueClass(t: Token): string {
  const entry = CUE_VERBS.get(t.lower);
  return entry ? (entry.position ? 'position' : entry.belief ? 'belief' : entry.speech ? 'speech' : 'cognition') : 'other';
}

/**
 * Features of the cue, given to the "no source" candidate: the cue's words and neighbours, whether
 * it sits in another statement's content, and what the rules' pick looks like. (Feature templates
 * were cut to those carrying weight on PolNeAR train: scoring runs on every cue at ingest.)
 */
export function cueFeatures(toks: readonly Token[], cue: CueCandidate): string[] {
  const t = toks[cue.c]!;
  const prev = toks[cue.c - 1];
  const next = toks[cue.cueEnd + 1];
  const cls = cueClass(t);
  const rule = cue.rule;
  let ruleHead = '<none>';
  let beforeRule = '<none>';
  if (rule) {
    ruleHead = `${headClass(toks[rule[1]]!)}|len=${bucket(rule[1] - rule[0] + 1)}|${rule[0] > cue.cueEnd ? 'A' : 'B'}`;
    beforeRule = word(toks[rule[0] - 1]);
  }
  const [fine, mid] = classOf(t);
  return [
    `N:lemma=${cue.lemma}`,
    `N:w=${t.lower}`,
    `N:prev=${word(prev)}`,
    `N:next=${word(next)}`,
    `N:shapes=${shape(prev)}|${shape(next)}`,
    `N:beforeRule=${beforeRule}`,
    `N:ruleHead=${ruleHead}|cls=${cls}`,
    `N:nested=${cue.nested}|cls=${cls}|order=${Math.min(cue.order, 2)}`,
    `N:c=${fine}`,
    `N:ruleHeadc=${ruleHead}|c=${mid}`,
  ];
}

/** Features of one candidate source span of a cue: its edges and head, its neighbours, the gap to the cue. */
export function spanFeatures(toks: readonly Token[], cue: CueCandidate, cand: [number, number]): string[] {
  const [a, b] = cand;
  const before = b < cue.c;
  const side = before ? 'B' : 'A';
  const dist = before ? cue.c - b - 1 : a - cue.cueEnd - 1;
  // The head: the last word, or the word before an "of"/"for" phrase or a relative clause.
  let h = b;
  while (h > a && !toks[h]!.word) h--;
  for (let k = a + 1; k <= b; k++) if (/^(?:of|for|at|in|from|with|who|which|,)$/.test(toks[k]!.lower)) { h = k - 1; break; }
  const gapFrom = before ? b + 1 : cue.cueEnd + 1;
  const gapTo = Math.min(before ? cue.c - 1 : a - 1, gapFrom + 3);
  const gap: string[] = [];
  for (let k = gapFrom; k <= gapTo; k++) gap.push(word(toks[k]));
  const pa = toks[b + 1];
  const pb = toks[a - 1];
  const rule = !!cue.rule && cue.rule[0] === a && cue.rule[1] === b;
  const [cueFine, cueMid] = classOf(toks[cue.c]!);
  return [
    `S:first=${word(toks[a])}`,
    `S:last=${word(toks[b])}|${side}`,
    `S:head=${toks[h]!.lower}`,
    `S:headClass=${headClass(toks[h]!)}|${side}|len=${bucket(b - a + 1)}`,
    `S:pb=${word(pb)}|${side}`,
    `S:pa=${word(pa)}|${side}`,
    `S:gap=${gap.join(' ')}|${side}`,
    `S:dist=${bucket(dist)}|${side}|lemma=${cue.lemma}`,
    `S:rule=${rule}|lemma=${cue.lemma}`,
    `S:distc=${bucket(dist)}|${side}|c=${cueFine}`,
    `S:rulec=${rule}|c=${cueMid}`,
    `S:headc=${classOf(toks[h]!)[1]}|${side}`,
  ];
}

/** Features of each candidate of a cue; the "no source" candidate gets the cue's own features. */
export function candidateFeatures(toks: readonly Token[], cue: CueCandidate, cands: readonly SourceCandidate[]): string[][] {
  const own = cueFeatures(toks, cue);
  return cands.map((c) => (c ? spanFeatures(toks, cue, c) : own));
}
