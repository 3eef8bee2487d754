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

/** Words that open a noun phrase or a prepositional one: a past form right after them is an adjective or a reduced clause. */
const NOT_SUBJECT = new Set('the a an its their his her our my your this that these those of newly recently so-called widely well long much most more less by to be been being is are am was were'.split(' '));
const PAST_FORM = new RegExp(`^(?:\\w{3,}ed|${IRREGULAR_PAST})$`, 'i');
const PARTICIPLE_FORM = new RegExp(`^${PARTICIPLE}$`, 'i');
const ADVERB_FORM = new RegExp(`^${ADVERB}$`, 'i');
const GOING_TO = /^(?:due|set|scheduled|slated|expected|going|about|poised|planning|preparing)$/i;

/** Characters of a sentence read for its tense. */
const MAX_CHARS = 2000;

/** Double-quoted stretches ("…", “…”), removed before reading the tense. */
const QUOTED = /"[^"]*"|“[^”]*”/g;

/** The word at `k`, lower-cased ('' past the end). */
function wordAt(words: string[], k: number): string {
  return words[k]?.toLowerCase() ?? '';
}

/** How far after an auxiliary at `i` its verb comes: past up to two adverbs ("has also announced", "will not be"). */
function pastAdverbs(words: string[], i: number): number {
  let j = 1;
  while (j <= 2 && ADVERB_FORM.test(wordAt(words, i + j))) j++;
  return j;
}

/**
 * The tense a sentence reports in, from its first finite verb outside quotations: "will" and
 * "is due to" are future, "has announced" perfect, "had announced" past perfect (background),
 * "announced", "was" and "did" past, "is", "says" and modals present or conditional. A past form
 * right after an article, a preposition or a form of "be" is not a finite verb ("the limited
 * edition", "is expected").
 * @example sentenceTense('Acme has announced a recall of its kettles.') // 'perfect'
 */
export function sentenceTense(sentence: string): SentenceTense {
  // The first finite verb comes early: a long sentence is read in its first stretch only (bounded work).
  const words = sentence.slice(0, MAX_CHARS).replace(QUOTED, ' ').match(/[\p{L}'’-]+/gu) ?? [];
  for (let i = 0; i < words.length && i < 60; i++) {
    const w = words[i]!.toLowerCase().replace(/’/g, "'");
    if (w === 'will' || w === 'shall' || w === "won't" || w.endsWith("'ll")) return 'future';
    if (w === 'is' || w === 'are' || w === 'am') {
      const j = pastAdverbs(words, i);
      return GOING_TO.test(wordAt(words, i + j)) && wordAt(words, i + j + 1) === 'to' ? 'future' : 'present';
    }
    if (w === 'has' || w === 'have' || w.endsWith("'ve")) return PARTICIPLE_FORM.test(wordAt(words, i + pastAdverbs(words, i))) ? 'perfect' : 'present';
    if (w === 'had' || w.endsWith("'d")) return PARTICIPLE_FORM.test(wordAt(words, i + pastAdverbs(words, i))) ? 'past-perfect' : 'past';
    if (w === 'was' || w === 'were' || w === 'did') {
      const j = pastAdverbs(words, i);
      return GOING_TO.test(wordAt(words, i + j)) && wordAt(words, i + j + 1) === 'to' ? 'future' : 'past';
    }
    if (/^(?:does|do|can|may|must|should|says|plans|intends|aims|expects|hopes|wants|needs)$/.test(w)) return 'present';
    if (/^(?:would|could|might)$/.test(w)) return 'unknown';
    if (!PAST_FORM.test(w)) continue;
    // "Based on …," / "Founded in 1976, …": a sentence may open with a participle ('"…," said X' opens with its verb).
    if (i === 0 && /^(?:on|in|by|as|at|with|from|for|to|after|under|over|into)$/.test(wordAt(words, 1))) continue;
    if (i > 0 && NOT_SUBJECT.has(words[i - 1]!.toLowerCase())) continue;
    return 'past';
  }
  return 'unknown';
}
