/**
 * Cue finding: a reporting verb or a phrasal cue at a token, and the vetoes on its form ("the claims",
 * "to observe") and on its sense ("added 292,000 jobs", "called him on Sunday").
 */
import { inList, objectShape, PASSIVE_BEFORE, RUNNING } from './object-stance.js';
import { BOUNDARY, COMMON_VERBS, CUE_VERBS, DENIAL_WORDS, DETERMINERS, PHRASAL_CUES, PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, TIME_WORD } from './lexicon.js';
import { npRight, REPORTING_AFTER_NOUN, titleCase } from './phrases.js';
import { rule } from './rules.js';
import { ACTION_WITH_TO } from './verbs.js';
import { QUANT_SUBJECTS } from './words.js';
import { isQuote, OPEN_QUOTES, type Token } from './tokens.js';
import type { Stance } from './types.js';
import { AUX_AFTER, type CueSite, infinitiveCarrier, PERSON_NOUN, TO_VERBS, type UnitScan } from './scan.js';

const NOUN_MARKERS = new Set([...DETERMINERS, "'s", 'these', 'those']);

/** First words of the phrasal cues, so other words skip the phrase patterns. */
const PHRASAL_STARTS = new Set(['push', 'pushed', 'pushes', 'pushing', 'cast', 'casts', 'casting', 'pour', 'poured', 'pours', 'took', 'takes', 'taking', 'take', 'raised', 'raises', 'raising', 'made', 'makes', 'making', 'laid', 'lays', 'laying', 'shot', 'shoots', 'fired', 'fires', 'hit', 'hits', 'lashed', 'lashes', 'lashing', 'weighed', 'weighs', 'chimed', 'chimes', 'sounded', 'sounds']);
/** A source's request not to be named: "asked not to be named", "requested anonymity", "declined to be identified". */
const ANONYMITY = /^(?:ask|request|declin|insist|want|spoke|speak)\w*\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+(?:anonymous|unnamed)|to\s+be\s+identified\s+only|(?:on\s+(?:the\s+)?condition\s+of\s+)?anonymity|that\s+(?:his|her|their)\s+name\s+not\b)/i;
const NOUN_PREPS = new Set(['in', 'of', 'for', 'with', 'without']);

/** Nouns after which a participle is an adjective ("pledged delegates"). */
const ADJECTIVE_HEADS = new Set(['delegates', 'delegate', 'superdelegates', 'primaries', 'primary', 'convention', 'conventions', 'election', 'elections', 'seat', 'seats', 'territory', 'territories', 'waters', 'race', 'races', 'region', 'regions', 'islands', 'area', 'areas', 'states', 'districts', 'ballots', 'votes']);

/** "polls show", "the study found": evidence verbs are attributions only with such a subject. */
const EVIDENCE_SOURCE = /\b(?:polls?|surveys?|videos?|transcripts?|slides?|charts?|graphs?|maps?|averages?|websites?|e-?mails?|photos?|images?|memos?|stud(?:y|ies)|data|analys[ie]s|reports?|research(?:ers)?|records?|figures|numbers|results|investigations?|reviews?|audits?|documents?|census|models?|estimates|tests?|experts?|scientists|economists|analysts|filings?|footage|tallies|search)\b/i;
/** After a quotation, a document named after "read": "…,” read the statement", "read one". */
const DOC_AFTER = /^\s*(?:(?:the|a|an|one|another|his|her|their|its)\s+)?(?:statement|email|e-mail|message|sign|letter|post|tweet|note|release|placard|banner|one|another|text|editorial|headline|caption)\b/i;
const DOC_SOURCE = /\b(?:statement|report|message|post|letter|order|document|release|communique|readout|text|headline|caption|website|suit|lawsuit|complaint|petition|memo|e-?mail|tweet)\s*$/i;

const PERSONAL = new Set(['i', 'we', 'they', 'you', 'he', 'she', 'who']);
const MODALS = new Set(['would', 'will', 'do', 'does', 'did', "don't", "doesn't", "didn't", 'not', 'also', 'still', 'really', 'truly', 'strongly', 'to', 'could', 'might', 'may', 'can', 'should', 'must', "won't", "wouldn't", "can't"]);

/**
 * Whether a belief or position verb ("knows", "wants", "supports") reports an attitude here: only
 * in PolNeAR scope, and only as a finite verb ("they support", "backed", not "support for").
 */
function positionCue(toks: readonly Token[], c: number, lemma: string, actions: boolean): boolean {
  if (!actions) return false;
  const cue = toks[c]!;
  const prev = toks[c - 1];
  const base = cue.lower === lemma;
  // "they want", "would like", and after a plural subject: "voters want", "Palestinians want", "4 in 10 want".
  const plural = !!prev && prev.word && /[^su’'i]s$/.test(prev.lower) && !SKIPPABLE.has(prev.lower) && !BOUNDARY.has(prev.lower) && !CUE_VERBS.has(prev.lower);
  if (base && !(prev && (PERSONAL.has(prev.lower) || MODALS.has(prev.lower) || plural || /^\d+$/.test(prev.text) || /^(?:both|others|many|most|some|few|all)$/.test(prev.lower)))) return false;
  if ((lemma === 'see' || lemma === 'view' || lemma === 'regard') && !toks.slice(c + 1, c + 9).some((x) => x.lower === 'as' || (lemma === 'see' && x.lower === 'that'))) return false;
  if (lemma === 'like' && !(cue.lower !== 'like' || prev?.lower === 'would')) return false;
  if (lemma === 'vote' && !/^(?:for|against)$/.test(toks[c + 1]?.lower ?? '')) return false;
  if (lemma === 'back' && cue.lower === 'backs') return false;
  // "the poll released Friday", "a report issued last week": a participle describing a noun, not an act.
  const after = toks[c + 1];
  if (/ed$/.test(cue.lower) && (!after || TIME_WORD.test(after.lower) || /^(?:last|this|earlier)$/.test(after.lower) ||
    (/^(?:in|on)$/.test(after.lower) && /^(?:late|early|mid|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)$/.test(toks[c + 2]?.lower ?? '')))) return false;
  // "spoke about", "talked up", "spoke favorably of": speech with a topic, not "spoke for 77 minutes".
  if ((lemma === 'speak' || lemma === 'talk') && !/^(?:about|of|on|out|up|favorably|glowingly|highly|openly|warmly|positively|negatively|candidly|frankly)$/.test(toks[c + 1]?.lower ?? '')) return false;
  return true;
}

/** The cue scan: a reporting verb at token `c`, or a phrasal cue opening there ("pushed back"); null when there is none. */
export function cueAt(scan: UnitScan, c: number): CueSite | null {
  const { text, unit, toks } = scan;
  const cueWord = toks[c]!;

  let entry = CUE_VERBS.get(cueWord.lower);
  let cueEnd = c;
  let stance: Stance | undefined = entry?.stance;
  let lemma = entry?.lemma ?? '';
  for (const phrasal of PHRASAL_STARTS.has(cueWord.lower) ? PHRASAL_CUES : []) {
    const match = phrasal.re.exec(text.slice(cueWord.start, Math.min(unit.end, cueWord.start + 30)));
    if (match) {
      stance = phrasal.stance;
      lemma = match[0].toLowerCase();
      while (cueEnd + 1 < toks.length && toks[cueEnd + 1]!.end <= cueWord.start + match[0].length) cueEnd++;
      entry = { lemma, stance: phrasal.stance, speech: true };
    }
  }
  if (!entry || !stance) return null;
  return { c, cueWord, prev: toks[c - 1], next: toks[cueEnd + 1], cueEnd, entry, stance, lemma };
}

/** Words opening a question or its topic after "asked" ("asked whether", "asked about", "asked by reporters"). */
const QUESTION_AFTER_ASKED = /^(?:by|about|whether|if|what|how|why|when|where|which|who|whom|at|during|on|to|for|in|after|later|again|repeatedly|today|yesterday)$/;

/**
 * Whether the cue at `site` is "asked" as a participle or a passive putting a question to the subject:
 * opening the sentence ("Asked by reporters if …", "Asked about it, …"), after "when"/"if" ("when asked by
 * reporters"), set off by commas after the subject ("Lee, asked whether …, said"), or "was asked by X whether".
 */
function askedQuestion(toks: Token[], site: CueSite): 'asker' | 'subject' | null {
  const { c, cueWord, prev, next } = site;
  if (cueWord.lower !== 'asked') return null;
  let first = 0;
  while (first < c && !toks[first]!.word) first++;
  if (first === c) return next?.word && next.lower !== 'that' ? 'asker' : null;
  const wh = /^(?:whether|if|what|how|why|when|where|which|who|about)$/;
  // "Hillary Clinton was once asked which …", "Reagan was asked how …": the subject was asked.
  const aux = /^(?:once|also|repeatedly|later|again|often)$/.test(prev?.lower ?? '') ? toks[c - 2] : prev;
  if (PASSIVE_BEFORE.has(aux?.lower ?? '') && wh.test(next?.lower ?? '')) return 'subject';
  if (/^(?:when|if|once|after|before|while|unless|until|as)$/.test(prev?.lower ?? '')) return 'asker';
  const question = !!next && QUESTION_AFTER_ASKED.test(next.lower);
  // "Lee, asked about the pier, said …": the participle's clause closes with a comma before the main verb.
  if (prev?.text === ',' && question && toks.slice(c + 2).some((x, k) => x.text === ',' && toks[c + 3 + k]?.word && !toks[c + 3 + k]!.cap)) return 'subject';
  // "was asked by reporters whether …": the passive of a question.
  if (next?.lower === 'by' && PASSIVE_BEFORE.has(prev?.lower ?? '')) {
    const end = npRight(toks, c + 2);
    return end >= 0 && wh.test(toks[end + 1]?.lower ?? '') ? 'asker' : null;
  }
  return null;
}

/** Adverbs that may sit between a negation and its verb ("has not yet said", "did not publicly deny"). */
const NEGATION_GAP = new Set(['yet', 'publicly', 'explicitly', 'ever', 'actually', 'officially', 'specifically', 'directly', 'formally', 'personally', 'previously', 'always', 'really']);

/**
 * True when the cue is negated ("have not said", "do not show", "never claimed", "didn't deny"):
 * its subject asserts nothing, and a noun in its content is no claimant (issue 14, pattern 4).
 */
export function negatedCue(toks: readonly Token[], c: number): boolean {
  let k = c - 1;
  while (k >= 0 && k >= c - 3 && NEGATION_GAP.has(toks[k]!.lower)) k--;
  const word = toks[k]?.lower ?? '';
  return word === 'not' || word === 'never' || /n't$/.test(word) || (word === 'longer' && toks[k - 1]?.lower === 'no');
}

/** Words that make a clause a condition, an open question or a wish about what its subject says: "if", "unless", "whether", "hope", "wish". */
const HYPOTHETICAL_LEAD = /^(?:if|unless|whether|hope|hopes|hoped|hoping|wish|wishes|wished|wishing|pray|prays|prayed)$/;
/** Words that show a verb of the clause stands between the lead and the cue (the cue is then not the clause's verb). */
const CLAUSE_VERB = /^(?:is|are|was|were|be|been|has|have|had|do|does|did|says|said|asked|told)$/;
/** Verbs before "to" and a cue that say the cue's statement is not made yet: "wants to tell", "wanted to know" (declining is cue.declined-to's). */
const WANTS_TO = /^(?:wants|want|wanted|wanting)$/;
/** A wh-word opens a clause of its own inside the condition ("if you watch what he said"). */
const WH_WORD = /^(?:what|who|whom|which|how|where|why|when|whatever)$/;

/**
 * True when the cue at `c` is the verb of a condition or wish: "if"/"unless" or "hope"/"wish"/"pray"
 * (and an optional "that") opens its clause at most five words before it, with only the subject (no
 * punctuation, quotation mark, other verb or wh-word) between ("If the board says …", "I hope voters
 * say …"; "Hope Hicks said" is a name, "if you read what he said" and "asked if he agreed with analysts who
 * called …" report what was said).
 */
function hypotheticalCue(toks: readonly Token[], c: number): boolean {
  for (let k = c - 1; k >= 0 && k >= c - 6; k--) {
    const t = toks[k]!;
    if (!t.word) return false;
    // "Hope Hicks said" is a name; "if you watch what he said" reports what he did say.
    // ("hopes were expressed" is a noun's passive; "if the bid is rejected" stays a condition.)
    if (HYPOTHETICAL_LEAD.test(t.lower)) {
      const condition = t.lower === 'if' || t.lower === 'unless' || t.lower === 'whether';
      return k < c - 1 && (condition || (t.text === t.lower && !CLAUSE_VERB.test(toks[c - 1]!.lower)));
    }
    if (t.lower === 'that' && k > 0 && HYPOTHETICAL_LEAD.test(toks[k - 1]!.lower)) continue;
    if (WH_WORD.test(t.lower) || (CLAUSE_VERB.test(t.lower) && k < c - 1)) return false;
  }
  return false;
}

/** Words that end the search for a cue's subject to its left: a clause or a conjunct starts after them. */
const SUBJECT_STOP = /^(?:and|but|or|that|which|who|whom|because|while|although|though|when|as|if|since|so)$/;

/**
 * True when the subject of the cue at `c` says nobody, or hardly anybody, made the statement: it opens
 * with "few" (not "a few", "the few", "quite a few", "the past few months"), "not one", "not a single", "hardly any"
 * or "scarcely any" ("none of" and "no" are the negation rules'), within six words left of the cue and without crossing punctuation or a clause word.
 */
function negativeSubject(toks: readonly Token[], c: number): boolean {
  for (let k = c - 1; k >= 0 && k >= c - 6; k--) {
    const t = toks[k]!;
    if (!t.word || SUBJECT_STOP.test(t.lower)) return false;
    const before = toks[k - 1]?.lower ?? '';
    // ("the past few months suggest", "in the next few days announce": a time phrase, not the subject.)
    if (t.lower === 'few' && k < c - 1) return !/^(?:a|the|quite|these|those|his|her|their|our|its|past|next|first|last|recent|coming)$/.test(before) && !/^(?:seconds|minutes|hours|days|weeks|months|years|decades)$/.test(toks[k + 1]?.lower ?? '');
    if (t.lower === 'not' && (toks[k + 1]?.lower === 'one' || (toks[k + 1]?.lower === 'a' && toks[k + 2]?.lower === 'single'))) return true;
    if (/^(?:hardly|scarcely|barely)$/.test(t.lower) && /^(?:any|anyone|anybody)$/.test(toks[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** Auxiliaries that open a direct question before its subject ("Did the mayor say …?"). */
const QUESTION_AUX = /^(?:did|does|do|would|will|could|can|should|has|have|had|was|were|is|are|might|may|must)$/;

/**
 * True when the cue at `c` is the verb of a direct question: an auxiliary opens the clause (the unit's
 * start, or after a wh-word, a quotation mark or a colon) with only its subject between it and the cue
 * (at most five words), and a question mark ends the sentence before any full stop ("Did the mayor say
 * the pier was unsafe?", "Why would the board deny it?"). "What did he say?" asks what was said and is
 * kept out the same way.
 */
function invertedQuestion(toks: readonly Token[], c: number): boolean {
  // (A question mark more than 80 words on closes some other sentence: the look is bounded, as every scan of a unit is.)
  let end = c + 1;
  while (end < toks.length && end <= c + 80 && !/^[.!?]$/.test(toks[end]!.text)) end++;
  if (toks[end]?.text !== '?') return false;
  for (let k = c - 1; k >= 0 && k >= c - 6; k--) {
    const t = toks[k]!;
    if (!t.word) return false;
    if (QUESTION_AUX.test(t.lower)) {
      const before = toks[k - 1];
      return k < c - 1 && (!before || isQuote(before) || before.text === ':' || WH_WORD.test(before.lower));
    }
    if (WH_WORD.test(t.lower) || CLAUSE_VERB.test(t.lower)) return false;
  }
  return false;
}

/** The vetoes on the word's form and what precedes it: a noun, an adjective or an infinitive rather than a reporting verb. */
export function wordVetoed(scan: UnitScan, site: CueSite): boolean {
  const { text, unit, toks, actions, wire } = scan;
  const { c, cueWord, cueEnd, entry, stance, lemma } = site;

  if (rule('cue.position-form', (entry.position || entry.belief) && !positionCue(toks, c, entry.lemma, actions || !!entry.belief))) return true;
  // A negated verification ("could not be verified") is the outlet's dispute, found separately.
  if (rule('cue.negated-verification', stance === 'confirms' && /\b(?:not|n't|never)\b/.test(text.slice(toks[Math.max(0, c - 4)]!.start, cueWord.start)))) return true;
  if (rule('cue.negated', !scan.negated && negatedCue(toks, c))) return true;
  // Capitalised cues only at the start of a sentence ("Said X, …") or in a title-case headline.
  if (rule('cue.capitalised-mid-sentence', cueWord.cap && c > 0 && !unit.title && !titleCase(toks) && !isQuote(toks[c - 1]))) return true;
  const prev = site.prev;
  // Nominal use ("the claims", "in charge of"): not a reporting verb here.
  // ("He's describing" is "he is describing": a possessive only after a noun.)
  const contraction = prev?.lower === "'s" && PRONOUNS.has(toks[c - 2]?.lower ?? '');
  // "Moody's said", "Albertson's says": a name ending in a possessive before "said"/"says" (never an adjective's place) speaks.
  const possessiveName = prev?.lower === "'s" && !!toks[c - 2]?.cap && rule('cue.possessive-name-said', /^(?:said|says)$/.test(cueWord.lower));
  // "Two in three said", "Some say", "Many believed": a quantifier standing alone is the subject of a verb.
  const quantified = !!prev && QUANT_SUBJECTS.has(prev.lower) && (/ed$/.test(cueWord.lower) || /^(?:said|say|told|wrote|thought|think|believe|argue|agree)$/.test(cueWord.lower));
  if (rule('cue.after-determiner', prev && !contraction && !quantified && !possessiveName && (NOUN_MARKERS.has(prev.lower) || NOUN_PREPS.has(prev.lower)))) return true;
  // "despite repeated warnings", "amid renewed calls": a participle after a preposition is an adjective.
  if (rule('cue.participle-after-preposition', prev && /ed$/.test(cueWord.lower) && /^(?:despite|amid|after|before|over|against|following|from|about|among|through|under|without|like|unlike|including)$/.test(prev.lower))) return true;
  // "All told, the group raised $4 million": "all told" opening a clause before a comma means "in all", no telling.
  if (rule('cue.all-told', cueWord.lower === 'told' && prev?.lower === 'all' && toks[c + 1]?.text === ',' && (c === 1 || !toks[c - 2]?.word))) return true;
  // "who asked not to be named", "requested anonymity": why a source goes unnamed, not a statement.
  if (rule('cue.anonymity-request', ANONYMITY.test(text.slice(cueWord.start, (toks[Math.min(cueEnd + 6, toks.length - 1)] ?? cueWord).end)))) return true;
  // "Asked by reporters if …, Lee replied", "Lee, asked about the pier, said", "when asked by the agency": the asked
  // person answers in the main clause; the asker only put a question, and the question is nobody's claim (/claim scope).
  const asked = actions ? null : askedQuestion(toks, site);
  if (rule('cue.asked-question', !!asked)) {
    // What was asked is no statement either ("Asked if he expected a decline, …", "asked what he thought"), up to
    // the comma closing the question (without one the main clause is not told apart); a relative's "who said" stays.
    const close = toks.findIndex((x, k) => k > c && (x.text === ',' || x.text === ';' || /^(?:--|—|–)$/.test(x.text) || isQuote(x)));
    // ("… on the battle he said, “…”": a comma after the main clause's verb closes no question.)
    // ("Ana Poll was once asked which rival she feared most.": a question put to the subject that runs to the sentence's end is all question.)
    const end = close > 0 && toks[close]!.text === ',' && !CUE_VERBS.has(toks[close - 1]!.lower) && !isQuote(toks[close + 1]) ? close
      : close < 0 && rule('cue.asked-question-to-end', asked === 'subject') ? toks.length : -1;
    for (let k = c + 1; k < end; k++) if (!/^(?:who|which)$/.test(toks[k - 1]!.lower)) scan.taken.add(k);
    // The asked subject ("Clinton was once asked …", "Huayta, asked …,") is kept as a question: never shown, but
    // the one a later "She responded" stands for.
    if (asked === 'subject') scan.questions.add(c);
    return asked === 'asker';
  }
  // "called to service", "called to testify": summoned, not a statement.
  if (rule('cue.called-to', lemma === 'call' && toks[cueEnd + 1]?.lower === 'to')) return true;
  // "a cautious note", "the harsh criticism": after an article and an adjective, a noun.
  if (rule('cue.noun-after-adjective', prev && !prev.cap && /(?:ous|ful|less|able|ible)$/.test(prev.lower) && /^(?:a|an|the|his|her|their|its|this|that)$/.test(toks[c - 2]?.lower ?? '') && !SPEAKER_NOUNS.has(prev.lower) && !PERSON_NOUN.test(prev.lower))) return true;
  // "baseless claims", "false reports": after an adjective, an -s form is a plural noun.
  if (rule('cue.plural-noun-after-adjective', prev && !prev.cap && /s$/.test(cueWord.lower) && !/ss$/.test(cueWord.lower) && (/(?:less|ful|ous|able|ible|ed)$/.test(prev.lower) && !SPEAKER_NOUNS.has(prev.lower) && !PERSON_NOUN.test(prev.lower) || DENIAL_WORDS.test(prev.lower)))) return true;
  // "rejects claims that", "denied reports of": a plural cue word right after a reporting verb is that verb's object.
  if (rule('cue.plural-noun-after-cue', prev && !prev.cap && PLURAL_CUE_NOUNS.test(cueWord.lower) && CUE_VERBS.has(prev.lower) && /(?:s|ed)$/.test(prev.lower))) return true;
  // "rated 32% of Republican claims as false", "could see claims totaling $1 billion": a plural cue word followed by
  // what only follows a noun ("as", "totaling", "were", "against") is a noun, never the verb of the words before it.
  if (rule('cue.plural-noun-before-noun-follower', PLURAL_CUE_NOUNS.test(cueWord.lower) && /^(?:as|totaling|totalling|totaled|totalled|worth|topping|exceeding|were|are|have|had|against|of)$/.test(site.next?.lower ?? ''))) return true;
  // "271 pledged delegates": a participle after a number is an adjective.
  if (rule('cue.participle-after-number', prev && /^\d[\d,.]*$/.test(prev.text) && /ed$/.test(cueWord.lower))) return true;
  // "the Fed's last confirmed intervention", "its first reported loss": a participle after an ordinal that follows a determiner is an adjective.
  if (rule('cue.participle-after-ordinal', prev && /ed$/.test(cueWord.lower) && /^(?:last|first|latest|previous|only|earlier|recent)$/.test(prev.lower) && /^(?:'s|’s|'|’|its|their|his|her|the|a|an|this|that|our)$/.test(toks[c - 2]?.lower ?? ''))) return true;
  // "Lyng said to have no comment", "is believed to be planning": hearsay about the subject, who says nothing (/claim scope).
  if (rule('cue.hearsay-passive', !actions && /^(?:said|reported|believed|thought|rumoured|rumored)$/.test(cueWord.lower) && toks[cueEnd + 1]?.lower === 'to' && /^(?:be|have)$/.test(toks[cueEnd + 2]?.lower ?? ''))) return true;
  // "EMS INTERVENTION SAID SOMETIMES COUNTERPRODUCTIVE", "SUGAR AREAS SAID RECEIVING RAIN": a headline's past "said"
  // before "to", an -ing form, an adverb or "likely", "near" is the passive of hearsay ("Trump Said The 11 Words" is speech) (/claim scope).
  if (rule('cue.headline-said-passive', !actions && unit.title && cueWord.lower === 'said' && !!site.next?.word && /^(?:to|likely|unlikely|near|close|ready|set|poised|still|sometimes)$|[a-z](?:ing|ly)$/.test(site.next.lower))) return true;
  // "SIX REPORTED WOUNDED IN STRIKE", "UAL UNIT ATTACKED ON HIRING": in a wire headline a past form with words after it
  // is the passive of headlinese (the speech verb there is "SAYS"); a closing "…, TRADERS SAID", "HAS REPORTED" and "SAID HE …" stay (/claim scope).
  // ("TECHNIMED SAID COMPANY CANCELLED CONTRACT" is speech: after "SAID" only a complement makes it passive.)
  if (rule('cue.headline-passive', !actions && wire && /(?:ed|^said|^told|^seen|^shown)$/.test(cueWord.lower) && !!site.next?.word && (cueWord.lower !== 'said' || HEADLINE_COMPLEMENT.test(site.next.lower)) && !!prev?.word && !/^(?:has|have|had)$/.test(prev.lower))) return true;
  // "DEBT PROGNOSIS AGREED, BUT NO CURE IN SIGHT", "MERGER TALKS CONFIRMED": a past form ending the headline's clause is
  // its passive too (a headline's speech is "SAYS"); "…, TRADERS SAID" and "HAS DENIED" stay (/claim scope).
  const clauseEnd = !site.next || (!site.next.word && /^(?:,|;|:|-+|—|–)$/.test(site.next.text));
  if (rule('cue.headline-passive-end', !actions && wire && clauseEnd && /ed$|^(?:seen|shown)$/.test(cueWord.lower) && !/^(?:need|feed|speed|proceed|succeed|exceed)$/.test(cueWord.lower) && !!prev?.word && !/^(?:has|have|had|it|he|she|they|we)$/.test(prev.lower) && !CUE_VERBS.has(prev.lower))) return true;
  // "AMERICAN EXPRESS <AXP> SEEN IN …", "FEDERAL EXPRESS <FDX> VOLUME RISES": in a wire headline a cue before a ticker,
  // or one the article writes in a name with the word before it ("American Express"), is that name's.
  if (rule('cue.headline-name', wire && (/^\s*<[A-Z0-9.]{1,8}>/.test(text.slice(cueWord.end, cueWord.end + 12)) || (!!prev?.word && /^\p{Lu}/u.test(prev.text) && text.indexOf(`${capitalised(prev.text)} ${capitalised(cueWord.text)}`, unit.end) >= 0)))) return true;
  // "JOBLESS CLAIMS FELL IN WEEK", "USDA REPORTS SEEN NEGATIVE": in a wire headline an -s cue (never "SAYS") before a past form is a plural noun.
  if (rule('cue.headline-noun-before-verb', wire && PLURAL_CUE_NOUNS.test(cueWord.lower) && /^(?:[a-z]{3,}ed|fell|rose|seen|grew|shown|hit)$/.test(site.next?.lower ?? '') && !!prev?.word)) return true;
  // "Production, originally estimated at 15 mln tonnes", "a stake valued at 2 mln dlrs": an amount put on something,
  // never a claim of the word before it (people, a name or a pronoun before it still estimate: "analysts estimated at").
  if (rule('cue.estimated-at', /^(?:estimated|valued|put|pegged|projected|forecast)$/.test(cueWord.lower) && toks[cueEnd + 1]?.lower === 'at' && !!prev && !prev.cap &&
    !PRONOUNS.has(prev.lower) && !AUX_AFTER.has(prev.lower) && !SPEAKER_NOUNS.has(prev.lower) && !PERSON_NOUN.test(prev.lower) && prev.lower !== 'which')) return true;
  // "Value added tax will be levied": the compound "value added" is a tax's name, not adding words.
  if (rule('cue.value-added', cueWord.lower === 'added' && prev?.lower === 'value')) return true;
  // "Press reports said Kaufhof wanted a stake", "Earlier estimates showed …": a plural cue noun right before a reporting
  // verb is that verb's subject, not a cue with "said …" as its content.
  if (rule('cue.plural-noun-before-verb', PLURAL_CUE_NOUNS.test(cueWord.lower) && REPORTING_AFTER_NOUN.test(site.next?.lower ?? ''))) return true;
  // "will announce", "may tell", "is expected to announce": nothing has been said yet (/claim scope).
  // ("may" and "might" only before a verb's base form: "Theresa May said" is a name.)
  const modal = /^(?:may|might)$/.test(prev?.lower ?? '') && cueWord.lower === lemma;
  if (rule('cue.future', !actions && (/^(?:will|'ll|shall)$/.test(prev?.lower ?? '') || modal || (prev?.lower === 'to' && /^(?:expected|set|going|likely|due|scheduled|poised)$/.test(toks[c - 2]?.lower ?? ''))))) return true;
  // "declined to say whether …", "refused to confirm or deny …": a cue its subject declines is non-commitment, not an
  // assertion (issue 14, pattern 4; /claim scope).
  const declinedAt = prev?.lower === 'to' ? c - 2 : prev?.lower === 'or' && toks[c - 3]?.lower === 'to' ? c - 4 : -1;
  // (Its subject is kept, never shown, for a later "He also said" to stand for, as an asked subject is.)
  if (rule('cue.declined-to', !actions && declinedAt >= 0 && /^(?:declined|declines|decline|declining|refused|refuses|refuse|refusing)$/.test(toks[declinedAt]?.lower ?? ''))) {
    scan.questions.add(c);
    return false;
  }
  // "wants to tell the board that …", "wanted to know whether …": the subject has not said it yet (/claim scope;
  // kept, never shown, as a declined cue's subject is).
  if (rule('cue.wants-to', !actions && prev?.lower === 'to' && WANTS_TO.test(toks[c - 2]?.lower ?? ''))) {
    scan.questions.add(c);
    return false;
  }
  // "If Trump says the vote is rigged, …", "I hope America says …", "she wished the mayor would admit …": a
  // condition or a wish about what someone may say; they have said nothing (/claim scope).
  if (rule('cue.hypothetical', !actions && hypotheticalCue(toks, c))) return true;
  // "Few experts believe …", "Not one official has claimed …", "Hardly anyone thinks …": a subject that
  // denies the statement was made (/claim scope; "a few experts believe" stays).
  if (rule('cue.negative-subject', !actions && negativeSubject(toks, c))) return true;
  // "Did the mayor say the pier was unsafe?", "Why would the board deny it?": a question about a statement (/claim scope).
  if (rule('cue.question-inversion', !actions && invertedQuestion(toks, c))) return true;
  // "to observe": an infinitive is only a cue after verbs like "appeared to", "wants to".
  // ("went on to say": the phrase "went on to" too.)
  const wentOn = toks[c - 2]?.lower === 'on' && /^(?:went|goes|go|going|gone)$/.test(toks[c - 3]?.lower ?? '');
  // ("took to Twitter to say", "was quick to point out", "went out of her way to say": a phrase carrying the infinitive as a statement.)
  const carried = prev?.lower === 'to' && rule('cue.carried-infinitive', infinitiveCarrier(toks, c) >= 0);
  if (rule('cue.bare-infinitive', prev?.lower === 'to' && !TO_VERBS.has(toks[c - 2]?.lower ?? '') && !wentOn && !carried)) return true;
  // "the statement reads"; after a quotation also "…,” read the statement." / "read one".
  // ("…,” it reads." and "it reads, “…”", "the caption, which reads: “…”": the text quoted is what reads.)
  const quotedNext = (toks[cueEnd + 1]?.text === ':' || toks[cueEnd + 1]?.text === ',') && isQuote(toks[cueEnd + 2]);
  const itReads = prev?.lower === 'it' && (quotedNext || !toks[cueEnd + 1] || /^[.!]$/.test(toks[cueEnd + 1]!.text));
  if (rule('cue.read-without-document', lemma === 'read' && !itReads && !(quotedNext && cueWord.lower === 'reads') && !DOC_SOURCE.test(text.slice(toks[Math.max(0, c - 4)]!.start, cueWord.start)) && !((isQuote(prev) || prev?.text === ',') && DOC_AFTER.test(text.slice(cueWord.end, Math.min(unit.end, cueWord.end + 30)))))) return true;
  return false;
}

/**
 * True when "add" at `cueEnd` takes a noun phrase and then "to" ("added a provision to the contract"): two to seven
 * words of the phrase, no punctuation, quotation mark, "that" or verb between ("adding the Ministry planned to …" is speech).
 */
function addsObjectTo(toks: readonly Token[], cueEnd: number): boolean {
  const next = toks[cueEnd + 1];
  if (!next?.word || PRONOUNS.has(next.lower) || /^(?:that|to|in|on|at|of)$/.test(next.lower)) return false;
  for (let k = cueEnd + 2; k <= cueEnd + 8 && k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.word) return false;
    if (t.lower === 'to') return k - cueEnd >= 2 && !!toks[k + 1]?.word && !/^(?:be|have|say|do)$/.test(toks[k + 1]!.lower);
    // ("adding the Ministry planned to present …", "added U.S. allies look to …": a clause of what was said.)
    if (t.lower === 'that' || AUX_AFTER.has(t.lower) || CUE_VERBS.has(t.lower) || COMMON_VERBS.has(t.lower) || (!t.cap && t.lower.length > 4 && /ed$/.test(t.lower))) return false;
  }
  return false;
}

/**
 * True when "cited" at `c` is a passive after a form of "be" or "get" (an adverb between), or opening its clause, with
 * "for" after it: "was cited for …", or "was cited by police (in May) for …" (the agent then "for" within eight words,
 * no punctuation).
 */
function citedFor(toks: readonly Token[], c: number, cueEnd: number): boolean {
  let b = c - 1;
  while (b >= 0 && /ly$/.test(toks[b]!.lower)) b--;
  // ("However, cited by city police in May for …": a participle opening its clause is passive too. After a noun,
  // "the arguments cited by Hughes for not merging" are arguments for something.)
  const opening = b < 0 || /^(?:,|;|—|and|but|after|when|once|if|since|though|although)$/.test(toks[b]!.lower);
  if (!opening && !/^(?:is|was|are|were|be|been|being|get|gets|got|gotten|getting)$/.test(toks[b]?.lower ?? '')) return false;
  const next = toks[cueEnd + 1];
  if (next?.lower === 'for') return true;
  if (next?.lower !== 'by') return false;
  for (let k = cueEnd + 2; k <= cueEnd + 10 && k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.word || t.lower === 'as') return false;
    if (t.lower === 'for') return k > cueEnd + 2;
  }
  return false;
}

/** Whether nothing but the subject stands between the cue at `c` and its sentence's start or a subordinator ("after", "when", "as" …). */
function subjectOpensClause(toks: readonly Token[], c: number): boolean {
  for (let k = c - 1; k >= 0; k--) {
    const t = toks[k]!;
    if (t.text === ',' || isQuote(t) || t.text === ';' || t.text === ':' || CUE_VERBS.has(t.lower)) return false;
    if (/^(?:after|when|as|once|before|until|while|since)$/.test(t.lower)) return true;
  }
  return true;
}

/** The vetoes on the verb's sense from what follows it: adding jobs, a telephone call, a name, a credit line. */
export function senseVetoed(scan: UnitScan, site: CueSite): boolean {
  const { text, unit, toks, actions } = scan;
  const { c, cueWord, prev, next, cueEnd, lemma } = site;

  // "X called the report fictitious": "call" is only a cue with a verdict word, "call for" or a quote.
  if (rule('sense.show-without-evidence', (lemma === 'show' || lemma === 'find') && !EVIDENCE_SOURCE.test(text.slice(toks[Math.max(0, c - 20)]!.start, cueWord.start)))) return true;
  // "a program called Sandy Hook Promise": a name, not a verdict.
  // "a movement called the …", "which is called the Thrift Savings Plan": a name, not a verdict.
  // "… and called the political system “rotten”", "called undocumented immigrants “rapists”": a verdict
  // (a quotation after the object), never right after the verb, which would be a name ("a group called “X”").
  const verdictQuote = () => toks.slice(c + 2, c + 9).some((x) => OPEN_QUOTES.has(x.text) || x.text === '"' || x.text === "''") && !isQuote(toks[c + 1]);
  if (rule('sense.called-without-verdict', lemma === 'call' && cueWord.lower === 'called' && prev?.word && !prev.cap && !PRONOUNS.has(prev.lower) && !SKIPPABLE.has(prev.lower) && !SPEAKER_NOUNS.has(prev.lower) && !/ly$/.test(prev.lower) && !DENIAL_WORDS.test(text.slice(cueWord.end, Math.min(unit.end, cueWord.end + 60))) &&
    !((prev.lower === 'and' || prev.lower === 'but' || PERSON_NOUN.test(prev.lower)) && verdictQuote()))) return true;
  // "called her to get together", "called him on Sunday": a telephone call.
  if (rule('sense.phone-call', lemma === 'call' && /^(?:him|her|them|me|us)$/.test(next?.lower ?? '') && /^(?:to|on|and|in|at|after|before|last|\.|,)$/.test(toks[cueEnd + 2]?.lower ?? '.'))) return true;
  // "Jones was cited by police for speeding", "was cited for drunk driving": "cited … for" in the passive is a
  // ticket or a commendation, an act, not a statement ("The firm cited rising costs", "was cited by dealers as a factor" stay).
  if (rule('sense.cite-ticket', lemma === 'cite' && cueWord.lower === 'cited' && citedFor(toks, c, cueEnd))) return true;
  // "maintains a floating array of …": keeping, not saying.
  if (rule('sense.maintain-keeping', lemma === 'maintain' && !(next && (next.lower === 'that' || isQuote(next) || next.text === ',' || next.text === ':' || PRONOUNS.has(next.lower))))) return true;
  // "the U.S. added 292,000 jobs", "added to the list": adding, not saying.
  if (rule('sense.add-numbers', lemma === 'add' && (next?.lower === 'to' || toks.slice(cueEnd + 1, cueEnd + 3).some((x) => /^\d/.test(x.text))))) return true;
  // "added a provision to the contract", "can add applications to their pages": putting something in, not saying.
  if (rule('sense.add-object-to', lemma === 'add' && addsObjectTo(toks, cueEnd))) return true;
  // "the bombings claimed at least 40 lives", "the storm claimed the lives of six": deaths, not a claim.
  if (rule('sense.claim-toll', lemma === 'claim' && toks.slice(cueEnd + 1, cueEnd + 8).some((x) => /^(?:lives|life|victims)$/.test(x.lower)) && !toks.slice(cueEnd + 1, cueEnd + 8).some((x) => /^(?:that|responsibility|credit)$/.test(x.lower)))) return true;
  // "The talks concluded on Wednesday", "the visit concluded.": ending, not reaching a conclusion ("concluded that …", "concluded the plan …").
  const thatSoon = toks.slice(cueEnd + 1, cueEnd + 10).some((x) => x.lower === 'that' || isQuote(x));
  // ("“…,” Carson concluded." closes a quotation: speech.)
  if (rule('sense.conclude-ending', lemma === 'conclude' && !thatSoon && !toks.slice(Math.max(0, c - 6), c).some(isQuote) && /^(?:on|in|at|with|after|before|without|late|early|last|yesterday|today)$/.test(next?.lower ?? ''))) return true;
  // "After the interview concluded, Berg said …", "The hearing concluded, and …": ending, when nothing was said before
  // the subject ("Fees were too high, the study concluded." keeps what went before the comma, "He concluded, “…”" its quotation).
  if (rule('sense.conclude-ending-clause', lemma === 'conclude' && cueWord.lower === 'concluded' && (!next || /^[,.;]$/.test(next.text)) && !isQuote(toks[cueEnd + 2]) && subjectOpensClause(toks, c))) return true;
  // "which boast some of Africa's best parks", "boasts a fleet of 40 ships": having, not bragging ("boasted that …").
  if (rule('sense.boast-having', lemma === 'boast' && !thatSoon && /^(?:a|an|the|some|more|many|several|one|two|three|its|their|his|her|nearly|about|over|almost|\d[\d,.]*)$/.test(next?.lower ?? ''))) return true;
  // "publishes The Wall Street Journal": publishing a title, not saying anything.
  if (rule('sense.publish-title', lemma === 'publish' && !thatSoon && !!next?.cap && next.word && !PRONOUNS.has(next.lower))) return true;
  // "FED ADDS RESERVES VIA REPURCHASES", "Airline Adds Nonstop Flights": a headline's "adds" with words after it is adding (said is "SAYS").
  if (rule('sense.add-headline', lemma === 'add' && unit.title && !!next?.word && next.lower !== 'that')) return true;
  // "14 pct guaranteed notes", "Swiss franc notes", "DISCOUNT NOTE RATES": "note" is a debt security after a rate, currency or
  // term word, and in a wire headline before what is issued of it; "the Treasury notes that …" stays a cue.
  if (rule('sense.note-security', /^notes?$/.test(cueWord.lower) && next?.lower !== 'that' && !isQuote(next) && next?.text !== ',' && next?.text !== ':' &&
    (NOTE_BEFORE.test(prev?.lower ?? '') || /^\d/.test(prev?.text ?? '') || (scan.wire && (NOTE_AFTER.test(next?.lower ?? '') || NOTE_VERB_BEFORE.test(prev?.lower ?? '')))))) return true;
  // "two-year notes", "senior capital notes", "a strong note", "the Rockwell notes in bidding", "collateralized Euroyen notes",
  // "PLANS NOTES, PREFERRED ISSUE": "note" as a noun — a security or a tone — after a modifier, not after a speaker.
  const nounAfter = (t: Token | undefined) => !!t && t.word && !t.cap && (/-year$|-term$|-rate$/.test(t.lower) || NOTE_MODIFIER.test(t.lower));
  const namedBefore = !!prev?.cap && (() => {
    let k = c - 1;
    while (k >= 0 && toks[k]!.cap && toks[k]!.word) k--;
    const before = toks[k];
    return !!before && ((/^(?:the|a|an)$/.test(before.lower) && /^(?:in|carried|were|was|which|due|with|of|had|have|are|is|will|would|for|to|at|on|sold|issued|rated|maturing)$/.test(next?.lower ?? '')) || (before.word && !before.cap && /(?:ed|al|ive)$/.test(before.lower) && !SPEAKER_NOUNS.has(before.lower)) || /^\d/.test(before.text));
  })();
  if (rule('sense.note-noun', /^notes?$/.test(cueWord.lower) && !isQuote(next) && ((next?.text !== ':' && next?.text !== ',' && next?.lower !== 'that' && (nounAfter(prev) || namedBefore)) || (scan.wire && !!prev?.word && NOTE_VERB_BEFORE.test(prev.lower))))) return true;
  // "delays for road, rail and air traffic": "rail" reports only with what is railed against ("railed against the plan").
  if (rule('sense.rail-without-against', lemma === 'rail' && !/^(?:against|at|about|on)$/.test(next?.lower ?? ''))) return true;
  // "profits declining", "refused the offer": only "declined to …"/"declined comment" report anything.
  if (rule('sense.decline-without-to', (lemma === 'decline' || lemma === 'refuse') && next?.lower !== 'to' && next?.lower !== 'comment' && next?.lower !== 'further')) return true;
  // "continued" reports speech only next to a quotation ("…," he continued); otherwise it is an action.
  // "pledged delegates", "contested primaries": a participle used as an adjective.
  if (rule('sense.participle-adjective', /ed$/.test(cueWord.lower) && ADJECTIVE_HEADS.has(next?.lower ?? ''))) return true;
  // "Additional reporting by …", "precincts reporting": credit lines and tallies.
  if (rule('sense.reporting-credit', cueWord.lower === 'reporting' && (/^(?:additional|contributed|contributing|precincts|their|his|her|its|our)$/.test(prev?.lower ?? '') || next?.lower === 'by' || next?.lower === 'from'))) return true;
  // "Julie Hirschfeld Davis reported from Midway Atoll": a reporting credit, not a statement.
  if (rule('sense.reported-from', cueWord.lower === 'reported' && next?.lower === 'from' && toks[cueEnd + 2]?.cap)) return true;
  // "His nonprofit group, called the Virginia Conservation Legacy", "a fare, called "On The Town,"": a name after a comma.
  if (rule('sense.called-name-after-comma', cueWord.lower === 'called' && prev?.text === ',' && next && (next.cap || ((next.lower === 'the' || isQuote(next)) && toks[cueEnd + 2]?.cap)) && toks[c - 2]?.word && !toks[c - 2]!.cap)) return true;
  // "a ruling expected in coming weeks": expected events, not expectations anyone voiced.
  if (rule('sense.expected-event', cueWord.lower === 'expected' && /^(?:in|on|at|this|next|later|soon|by|within|during|for|to|from|around|over)$/.test(next?.lower ?? ''))) return true;
  // "calls" is a verb only after its subject ("Clinton calls …", "he calls for …"), not "phone calls".
  // ("Jake Sullivan, her aide, calls …", "The former first lady calls it …".)
  if (rule('sense.calls-noun', cueWord.lower === 'calls' && !(prev && (prev.cap || prev.text === ',' || /^(?:he|she|it|who|which|also|now|then|again|still|repeatedly|often|lady)$/.test(prev.lower) || SPEAKER_NOUNS.has(prev.lower) || PERSON_NOUN.test(prev.lower)) && next && (next.word || isQuote(next)) && !BOUNDARY.has(/^(?:for|on|it|him|her|them|this|these|that)$/.test(next.lower) ? 'x' : next.lower)))) return true;
  // "a group called “Color of Change”", "a program called Sandy Hook Promise": a name, not a verdict.
  if (rule('sense.called-name', cueWord.lower === 'called' && prev?.word && !prev.cap && !PRONOUNS.has(prev.lower) && next && (isQuote(next) || next.cap) &&
    (!(SPEAKER_NOUNS.has(prev.lower) || PERSON_NOUN.test(prev.lower)) || toks.slice(Math.max(0, c - 4), c).some((x) => x.lower === 'a' || x.lower === 'an')))) return true;
  // "think tank": a noun.
  if (rule('sense.think-tank', lemma === 'think' && /^tanks?$/.test(next?.lower ?? ''))) return true;
  if (rule('sense.continue-without-quote', lemma === 'continue' && !isQuote(next) && next?.text !== ':' && !toks.slice(Math.max(0, c - 3), c).some(isQuote))) return true;
  // "agreed to set up", "pledged to cut", "declined to comment": a commitment or an action, not a statement.
  if (rule('sense.action-with-to', !actions && ACTION_WITH_TO.has(lemma) && (next?.lower === 'to' || next?.lower === 'on' || (lemma === 'pledge' && next?.lower === 'allegiance')))) return true;
  // "declined comment", "refused further comment": saying nothing is no claim (PolNeAR's wider scope keeps it).
  if (rule('sense.no-comment', !actions && (lemma === 'decline' || lemma === 'refuse') && (next?.lower === 'comment' || next?.lower === 'further'))) return true;
  if (rule('sense.refer-without-to', lemma === 'refer' && next?.lower !== 'to')) return true;
  if (rule('sense.point-without-out', lemma === 'point' && next?.lower !== 'out' && next?.lower !== 'to')) return true;
  // "both are heavily contesting Ohio", "contest the seat": running for it, not disputing anything (a bare name as
  // object is a state or a rival; a claim is contested as "X's claim", "the result").
  if (rule('sense.contest-campaign', lemma === 'contest' && (() => { const o = objectShape(toks, cueEnd); return o.name || inList('campaign', o.head); })())) return true;
  // "The agency quoted Li as saying …", "Li was quoted by the agency as saying …": the quoted person's statement is
  // found at "saying"; the quoting outlet only reports it (/claim scope; PolNeAR's gold makes the outlet the source).
  if (rule('source.quoted-as-saying', !actions && lemma === 'quote' && quotedAsAfter(toks, cueEnd) > 0)) return true;
  // "announced a tender", "declared a moratorium": an act done by announcing it, not a claim (/claim scope).
  if (rule('sense.act-object', !actions && (lemma === 'announce' || lemma === 'declare') && next?.word && next.lower !== 'that' && inList('act', objectShape(toks, cueEnd, scan.wire).head))) return true;
  // "JAMAICA AGREES DRAFT BANK DEBT RESCHEDULING", "OECD AGREES EXPORT CREDIT REFORMS": a wire headline's "AGREES" before a
  // plain noun phrase concludes a deal; "AGREE RATE CUT NOT APPROPRIATE", "AGREES WITH POEHL", "AGREE NEED FOR …" stay (/claim scope).
  if (rule('sense.agree-headline-deal', !actions && scan.wire && lemma === 'agree' && !!next?.word && !/^(?:with|on|that|to|over|about|in|need|it|they)$/.test(next.lower) &&
    !toks.slice(cueEnd + 1).some((x) => x.word && AGREED_CLAIM.test(x.lower)))) return true;
  // "NORTH YEMEN CALLS SUGAR BUYING TENDER", "the union called a strike": calling a tender or a strike holds it (/claim scope).
  // ("called the buyback a good investment", "called the strike part of a campaign": a verdict after the object is naming.)
  if (rule('sense.call-act', !actions && lemma === 'call' && next?.word && !/^(?:for|on|it|him|her|them|this|that)$/.test(next.lower) && (() => {
    const o = objectShape(toks, cueEnd, scan.wire);
    const after = toks[o.headAt + 1];
    return inList('act', o.head) && (!after || !after.word || /^(?:for|to|on|in|at|of|today|tomorrow|yesterday|next|this|last|until|from|after|before|with|by|which|that)$/.test(after.lower));
  })())) return true;
  // "SUZUKI RECALLS 63,000 CARS", "Searle recalled them in March": recalling a product takes it back; remembering
  // speaks of what happened ("recalled that …", "recalled how …", "recalled Ali's generosity"): outside a wire headline only
  // a number, "them", "it" or "its" after the verb is a product (or an envoy: "recalled its ambassador") (/claim scope).
  if (rule('sense.recall-product', !actions && lemma === 'recall' && !!next && !isQuote(prev) && prev?.text !== ',' && (scan.wire ? !isQuote(next) && next.text !== ':' && !/^(?:that|how|what|when|where|why|whether)$/.test(next.lower) : /^\d/.test(next.text) || /^(?:them|it|some|all|about|nearly|almost|more|its|their)$/.test(next.lower)))) return true;
  // "the Senate confirmed a judge", "Republicans are confirming judges": an appointment, not a confirmation of a claim.
  if (rule('sense.confirm-appointment', lemma === 'confirm' && inList('appointment', objectShape(toks, cueEnd).head))) return true;
  // "a lawyer who is challenging Rep. Ames in Ohio", "challenged him for the seat": running against someone.
  if (rule('sense.challenge-campaign', lemma === 'challenge' && (() => {
    const o = objectShape(toks, cueEnd);
    const after = toks.slice(o.stopAt + 1, o.stopAt + 4);
    // ("challenged Trump to a debate before the caucus" is a dare: not after "to".)
    const running = o.stop !== 'to' && toks.slice(o.stopAt + 1, o.stopAt + 9).some((x) => RUNNING.has(x.lower));
    // ("the governor challenged by Sanders 30 years ago": a passive after the office holder.)
    const passiveRival = next?.lower === 'by' && (SPEAKER_NOUNS.has(prev?.lower ?? '') || /^(?:incumbent|governor|senator|congressman|congresswoman|mayor|representative)$/.test(prev?.lower ?? ''));
    return passiveRival || (o.person && o.stopAt > 0 && ((o.stop === 'in' && !!after[0]?.cap) || ((o.stop === 'in' || o.stop === 'for') && after.some((x) => inList('campaign', x.lower))) || running));
  })())) return true;
  return false;
}

/** Words making what a headline "AGREES" a claim rather than a deal ("RATE CUT NOT APPROPRIATE", "A340 COMMERCIALLY SOUND"). */
const AGREED_CLAIM = /^(?:not|no|[a-z]{3,}ly|sound|appropriate|inappropriate|necessary|unnecessary|needed|possible|impossible|likely|unlikely|right|wrong|too|justified|unjustified|essential|vital|acceptable|unacceptable|adequate|inadequate|sufficient|insufficient|premature|overvalued|undervalued|is|are|was|were|will|would|should|must|can|could|may|might|has|have|had)$/;
/** A complement after a wire headline's "SAID" (an adjective, a participle, an adverb, a particle) that makes it passive ("SAID NOT DAMAGED"). */
const HEADLINE_COMPLEMENT = /^(?:[a-z]{3,}(?:ed|ing|ly|able|ible|ent|ant|ain|ive|ful|less|ous|ic)|not|to|up|down|off|open|near|close|set|ready|still|now|in|on|at|lax|firm|weak|strong|high|low|higher|lower|better|worse|steady|flat|stable|ahead|behind|safe|held|hit|cut|shut|seen|known|taken|given|done|split|sold|bought|won|lost)$/;
/** Cue forms that are also plural nouns ("JOBLESS CLAIMS FELL"; "PROPOSES REDUCED BUDGET" is a verb before an adjective). */
const PLURAL_CUE_NOUNS = /^(?:claims|reports|notes|calls|comments|estimates|forecasts|projections|statements|remarks|demands|appeals|requests|charges|warnings|pledges|promises|protests|complaints|threats|denials|questions|fears|doubts|hopes|concerns|criticisms|accusations|allegations)$/;
/** Words before "notes" that make it a debt security ("guaranteed notes", "Swiss franc notes", "medium-term notes"). */
const NOTE_BEFORE = /^(?:pct|percent|%|term|medium-term|short-term|long-term|discount|treasury|euro|guaranteed|senior|subordinated|junior|floating|floating-rate|rate|coupon|zero-coupon|convertible|promissory|exchangeable|secured|unsecured|bank|year|franc|francs|dollar|dlr|dlrs|yen|mark|sterling|stg|ecu|ecus|debt|loan|credit)$/;
/** Words after a wire headline's "NOTE" that make it a security ("DISCOUNT NOTE RATES", "FILES NOTE OFFERING", "NOTES RELISTED"). */
const NOTE_AFTER = /^(?:and|offer|rates?|programs?|programmes?|offering|offerings|issues?|facility|facilities|due|sales?|market|holders|auction|relisted|poised|priced|placed|maturing|redemption|swap)$/;

/** Modifiers making "note(s)" a noun: securities ("capital notes", "government notes"), a tone ("a strong note"), new issues. */
const NOTE_MODIFIER = /^(?:capital|government|new|old|strong|sour|positive|negative|upbeat|optimistic|pessimistic|conciliatory|high|final|unconverted|perpetual|medium|short|long|bearer|collateralized|collateralised|subordinate|variable|fixed|municipal|corporate|mortgage|hopeful|somber|sombre|sober|similar|different|personal|handwritten|suicide|sticky|further)$/;
/** A wire headline's verb whose object is "NOTES" ("UNIT SELLS NOTES AND DEBENTURES", "KENAI SETS NOTE OFFER"). */
const NOTE_VERB_BEFORE = /^(?:sells|files|sets|plans|issues|prices|offers|places|redeems|buys|launches|extends|calls|arranges|registers|sell|file|set|plan|issue|price|offer|place|redeem|buy|launch|extend|arrange|register)$/;

/** A word written as a name ("EXPRESS" → "Express"). */
function capitalised(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** Speech participles after "quoted X as" ("as saying", "as telling reporters"). */
export const AS_SAYING = /^(?:saying|telling|stating|declaring|writing|describing|calling|warning|predicting|adding)$/;

/** After a "quote" verb ending at `cueEnd`, the index of "saying" in "… as saying" (the quoted person between), or -1. */
export function quotedAsAfter(toks: readonly Token[], cueEnd: number): number {
  for (let k = cueEnd + 1; k < Math.min(toks.length - 1, cueEnd + 30); k++) {
    const t = toks[k]!;
    if (t.text === '.' || t.text === ';' || t.text === ':' || isQuote(t) || (t.word && CUE_VERBS.has(t.lower) && t.lower !== 'as')) return -1;
    if (t.lower === 'as' && AS_SAYING.test(toks[k + 1]!.lower)) return k + 1;
  }
  return -1;
}
