/**
 * The tense a news sentence reports in, read from its verbs with plain patterns (no tagger: this
 * runs on every candidate sentence of a timeline). Quoted words are left out, so a quotation
 * about something else does not lend the sentence its tense.
 */

/** How a sentence places what it reports against its article. */
export type SentenceTense = 'past' | 'perfect' | 'past-perfect' | 'future' | 'present' | 'unknown';

/** Irregular past forms news copy uses most (the regular ones end in -ed). */
const IRREGULAR_PAST =
  'said|told|met|began|took|made|held|came|went|left|gave|saw|won|lost|fought|broke|ran|sent|struck|fell|rose|spoke|wrote|led|found|got|brought|bought|sold|paid|kept|knew|became|chose|drew|flew|grew|hit|laid|meant|sought|stood|stole|swore|threw|withdrew|shot|hid|beat|cut|quit|split|spent|built|dealt|felt|heard|lent|lit|rode|rang|sat|slept|spun|stuck|swept|swung|taught|thought|tore|understood|woke|wore|unveiled|shut|set|put|let|bid|overtook|undertook|forecast|upheld|outsold|stepped|died';
/** Past participles that do not end in -ed. */
const IRREGULAR_PARTICIPLE =
  'been|done|gone|seen|taken|given|made|said|told|met|begun|held|come|left|won|lost|fought|broken|run|sent|struck|fallen|risen|spoken|written|led|found|got|gotten|brought|bought|sold|paid|kept|known|become|chosen|drawn|flown|grown|hit|laid|sought|stood|stolen|sworn|thrown|withdrawn|shot|hidden|beaten|cut|quit|split|spent|built|dealt|felt|heard|lent|shut|set|put|let|overtaken|undertaken|upheld|outsold';
const ADVERB = "(?:\\w+ly|not|also|now|just|already|since|yet|still|never|ever|finally|officially|reportedly|n't)";
const PARTICIPLE = `(?:\\w{2,}ed|${IRREGULAR_PARTICIPLE})`;

const FUTURE = /\b(?:will|shall|'ll|won't|is (?:due|set|scheduled|slated|expected|going|about) to|are (?:due|set|scheduled|slated|expected|going|about) to|plans? to|intends? to|is to|are to)\b/i;
const PERFECT = new RegExp(`\\b(?:has|have|'ve)\\s+(?:${ADVERB}\\s+){0,2}${PARTICIPLE}\\b`, 'i');
const PAST_PERFECT = new RegExp(`\\b(?:had|'d)\\s+(?:${ADVERB}\\s+){0,2}${PARTICIPLE}\\b`, 'i');
/** A simple past: "was"/"were"/"did" or a past form after a word that can be its subject (not "the limited …"). */
const PAST = new RegExp(`\\b(?:was|were|did)\\b|(?<!\\b(?:the|a|an|its|their|his|her|our|of|newly|recently|so-called)\\s)\\b(?:\\w{3,}ed|${IRREGULAR_PAST})\\b`, 'i');
const PRESENT = /\b(?:is|are|am|does|do|says|has|have)\b/i;

/** Double-quoted stretches ("…", “…”), removed before reading the tense. */
const QUOTED = /"[^"]*"|“[^”]*”/g;

/**
 * The tense a sentence reports in: future cues first ("will", "plans to"), then the perfect,
 * the past perfect (background) and the simple past; `present` when only present forms are left.
 * @example sentenceTense('Acme has announced a recall of its kettles.') // 'perfect'
 */
export function sentenceTense(sentence: string): SentenceTense {
  const own = sentence.replace(QUOTED, ' ');
  if (FUTURE.test(own)) return 'future';
  if (PERFECT.test(own)) return 'perfect';
  if (PAST_PERFECT.test(own)) return 'past-perfect';
  if (PAST.test(own)) return 'past';
  if (PRESENT.test(own)) return 'present';
  return 'unknown';
}

/** Share of a sentence's letters inside double quotes (a sentence that is mostly a quotation reports what someone said, not an event). */
export function quotedShare(sentence: string): number {
  const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
  const all = letters(sentence);
  if (!all) return 0;
  let quoted = 0;
  for (const m of sentence.matchAll(QUOTED)) quoted += letters(m[0]);
  return quoted / all;
}
