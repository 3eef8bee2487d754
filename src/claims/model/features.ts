/**
 * Features of a (cue, candidate source) pair for the attribution ranker: word shapes and closed
 * word classes around the two, their distance and what lies between, and the rules' own pick.
 * Features are strings; the ranker keeps a weight per string it learned.
 */
import { PRONOUNS, SPEAKER_NOUNS, speakerNoun, CUE_VERBS, DETERMINERS } from '../lexicon.js';
import { isQuote, type Token } from '../tokens.js';
import type { CueCandidate, SourceCandidate } from './candidates.js';

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

/** Features shared by every candidate of one cue (used with the "no source" candidate). */
export function cueFeatures(toks: readonly Token[], cue: CueCandidate): string[] {
  const t = toks[cue.c]!;
  const prev = toks[cue.c - 1];
  const next = toks[cue.cueEnd + 1];
  const kind = cue.raw < 0 ? 'new' : cue.rule ? 'ruleSrc' : 'ruleNoSrc';
  const entry = CUE_VERBS.get(t.lower);
  const cls = entry ? (entry.position ? 'position' : entry.belief ? 'belief' : entry.speech ? 'speech' : 'cognition') : 'other';
  const rule = cue.rule;
  const beforeRule = rule ? toks[rule[0] - 1] : undefined;
  let ruleHead = '<none>';
  if (rule) {
    const h = toks[rule[1]]!;
    ruleHead = `${headClass(h)}|len=${bucket(rule[1] - rule[0] + 1)}|${rule[0] > cue.cueEnd ? 'A' : 'B'}`;
  }
  return [
    `N:kind=${kind}`,
    `N:nested=${cue.nested}|${kind}`,
    `N:nested=${cue.nested}|cls=${cls}`,
    `N:order=${Math.min(cue.order, 2)}|nested=${cue.nested}`,
    `N:beforeRule=${word(beforeRule)}`,
    `N:ruleHead=${ruleHead}`,
    `N:ruleHead=${ruleHead}|cls=${cls}`,
    `N:lemma=${cue.lemma}|${kind}`,
    `N:w=${t.lower}|${kind}`,
    `N:cls=${cls}|${kind}`,
    `N:prev=${word(prev)}|${kind}`,
    `N:next=${word(next)}|${kind}`,
    `N:prevShape=${shape(prev)}|nextShape=${shape(next)}|${kind}`,
    `N:pos0=${cue.c === 0}|${kind}`,
    `N:suffix=${/ing$/.test(t.lower) ? 'ing' : /ed$/.test(t.lower) ? 'ed' : /s$/.test(t.lower) ? 's' : 'base'}|${kind}`,
  ];
}

/** Features of one candidate source span of a cue. */
export function spanFeatures(toks: readonly Token[], cue: CueCandidate, cand: [number, number]): string[] {
  const [a, b] = cand;
  const before = b < cue.c;
  const side = before ? 'B' : 'A';
  const dist = before ? cue.c - b - 1 : a - cue.cueEnd - 1;
  const len = b - a + 1;
  const first = toks[a]!;
  // The head: the last word, or the word before an "of"/"for" phrase.
  let h = b;
  while (h > a && !toks[h]!.word) h--;
  for (let k = a + 1; k <= b; k++) if (/^(?:of|for|at|in|from|with|who|which|,)$/.test(toks[k]!.lower)) { h = k - 1; break; }
  const head = toks[h]!;
  const last = toks[b]!;
  const pb = toks[a - 1];
  const pa = toks[b + 1];
  const gapFrom = before ? b + 1 : cue.cueEnd + 1;
  const gapTo = before ? cue.c - 1 : a - 1;
  let commas = 0;
  let quotes = 0;
  let caps = 0;
  let verbs = 0;
  let that = false;
  const gapWords: string[] = [];
  for (let k = gapFrom; k <= gapTo; k++) {
    const t = toks[k]!;
    if (t.text === ',') commas++;
    else if (isQuote(t)) quotes++;
    if (t.cap) caps++;
    if (CUE_VERBS.has(t.lower)) verbs++;
    if (t.lower === 'that') that = true;
    if (gapWords.length < 4) gapWords.push(word(t));
  }
  let inCommas = 0;
  let inQuote = false;
  let inCap = 0;
  let inVerb = false;
  for (let k = a; k <= b; k++) {
    const t = toks[k]!;
    if (t.text === ',') inCommas++;
    if (isQuote(t)) inQuote = true;
    if (t.cap) inCap++;
    if (k > a && CUE_VERBS.has(t.lower)) inVerb = true;
  }
  const rule = cue.rule && cue.rule[0] === a && cue.rule[1] === b;
  const ruleOverlap = !!cue.rule && cue.rule[0] <= b && a <= cue.rule[1];
  const name = cue.name && cue.name[0] === a && cue.name[1] === b;
  const kind = cue.raw < 0 ? 'new' : cue.rule ? 'ruleSrc' : 'ruleNoSrc';
  const hc = headClass(head);
  const f = [
    `S:bias|${kind}`,
    `S:side=${side}|dist=${bucket(dist)}`,
    `S:side=${side}|len=${bucket(len)}`,
    `S:side=${side}|dist=${bucket(dist)}|lemma=${cue.lemma}`,
    `S:side=${side}|${kind}`,
    `S:first=${word(first)}`,
    `S:firstShape=${shape(first)}|${side}`,
    `S:head=${head.lower}`,
    `S:headClass=${hc}|${side}`,
    `S:headClass=${hc}|${kind}`,
    `S:last=${word(last)}`,
    `S:pb=${word(pb)}|${side}`,
    `S:pa=${word(pa)}|${side}`,
    `S:pbShape=${shape(pb)}|paShape=${shape(pa)}|${side}`,
    `S:gap=${gapWords.join(' ')}|${side}`,
    `S:gapCommas=${Math.min(commas, 3)}|${side}`,
    `S:gapQuotes=${Math.min(quotes, 2)}|${side}`,
    `S:gapCaps=${bucket(caps)}|${side}`,
    `S:gapVerbs=${Math.min(verbs, 2)}|${side}`,
    `S:gapThat=${that}|${side}`,
    `S:inCommas=${Math.min(inCommas, 3)}`,
    `S:inQuote=${inQuote}`,
    `S:inCap=${bucket(inCap)}|len=${bucket(len)}`,
    `S:inVerb=${inVerb}`,
    `S:start0=${a === 0}|${side}`,
    `S:endsComma=${last.text === ','}|pa=${word(pa)}`,
    `S:rule=${rule}|${kind}`,
    `S:rule=${rule}|lemma=${cue.lemma}`,
    `S:ruleOverlap=${ruleOverlap && !rule}`,
    `S:name=${name}`,
    `S:speakerHead=${speakerNoun(head.lower) || SPEAKER_NOUNS.has(head.lower)}|${side}`,
  ];
  return f;
}

/** Features of each candidate of a cue; the "no source" candidate gets the cue's own features. */
export function candidateFeatures(toks: readonly Token[], cue: CueCandidate, cands: readonly SourceCandidate[]): string[][] {
  const own = cueFeatures(toks, cue);
  return cands.map((c) => (c ? spanFeatures(toks, cue, c) : own));
}
