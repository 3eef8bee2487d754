/**
 * Speaker finding: the source of a cue by the source rules in order (quoted as saying, a participle,
 * a passive's agent, an inverted source, the source before the cue), then the source vetoes.
 */
import type { Span } from '../core/types.js';
import { COMPANY_ENDINGS } from '../ingest/abbreviations.js';
import { SHORT_LEGAL_ENDINGS } from './claimant-names.js';
import { clauseSubjectBefore, insertedSubject, unitSubject } from './clause-subjects.js';
import { BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS, PRONOUNS, SPEAKER_NOUNS, speakerNoun, TIME_WORD } from './lexicon.js';
import { lyAdverb, npLeft, npRight, skipLeft, span } from './phrases.js';
import { rule } from './rules.js';
import { INVERTIBLE, NAMING, OBJECT_VERBS } from './verbs.js';
import { CONNECTIVES, INTRO_WORDS, SUBORDINATE, SUBORDINATORS, TIME_HEAD, TIME_HEAD_WORDS } from './words.js';
import { CLOSE_QUOTES, isQuote, type Token } from './tokens.js';
import { AUX_AFTER, type CueSite, PERSON_NOUN, personWord, ROLE_LEAD, type Speaker, type UnitScan } from './scan.js';
import {
  appositiveEnd, boundaryNameEnd, DASHES, dashedSubject, dashedSpeaker, describedSubject, documentEnd, documentSubject, modifiedPeopleSubject, groupOfPeopleEnd, relativeAcrossPhrase, relativeBefore, roleWord, subjectAfterOpening, subjectEnd, wholeClauseSubject, wholeEnd,
} from './subject-shapes.js';
import { NOT_ADVERB, dashOpening, progressiveAfterComma, pronounSource, sourceBefore } from './source-before.js';
import { AS_SAYING, negatedCue, quotedAsAfter } from './cues.js';
import { gapAgentBy, MEANS, PASSIVE_BE } from './passive-agents.js';

/** A passive's "be" before the cue, and "as" ("as told to") and "not" standing there. */
const PASSIVE_AUX = new Set([...PASSIVE_BE, 'as', 'not']);

const ADVERBS = new Set(['also', 'further', 'first', 'later', 'reportedly', 'allegedly', 'not', 'never', 'widely', 'previously', 'initially', 'originally']);

/** The head of an agent phrase: the last word before its first preposition ("the head of the agency" → "head"). */
function agentHead(toks: readonly Token[], start: number, end: number): Token {
  for (let k = start + 1; k <= end; k++) if (/^(?:of|for|at|in|from|on|with)$/.test(toks[k]!.lower)) return toks[k - 1]!;
  let k = end;
  // "the war last fall": a trailing time phrase is not the head.
  while (k > start && (TIME_HEAD_WORDS.test(toks[k]!.lower) || /^(?:last|this|next)$/.test(toks[k]!.lower))) k--;
  return toks[k]!;
}

/** Subordinators of time that a participle may follow in its clause ("while saying", "after blasting", "before explaining"). */
const PARTICIPLE_SUBORDINATORS = new Set(['while', 'after', 'before', 'since', 'upon', 'when']);

/** Heads of an agent phrase naming a body of people that speaks ("the media", "news organizations", "the electorate"). */
const AGENT_BODIES = /^(?:media|press|electorate|public|organi[sz]ations?|groups?|committees?|panels?|inquiries|unions?|campaigns?|networks?|outlets?|governments?|administration|parties|audiences?|crowds?)$/;

/** The source of the cue, by the source rules in order; null when a statement veto drops the cue. */
export function findSpeaker(scan: UnitScan, site: CueSite): Speaker | null {
  const { text, unit, toks } = scan;
  const { c, cueWord, prev, entry, lemma } = site;
  // Participles used as adjectives before a noun ("the claimed victory") were caught above; "said" in "the said" too.
  const speaker: Speaker = { source: null, sameAsPrevious: false, contentBefore: false };
  const before = subjectEnd(toks, site);
  const wordBefore = toks[before];
  const passive = isPassive(toks, site, scan.actions);
  // "quoted Li as saying", "Li was quoted by the agency as saying": the quoted person speaks (/claim scope).
  const quoter = scan.actions || prev?.lower !== 'as' ? -1 : quoteBefore(toks, c);
  if (rule('source.quoted-as-saying', quoter >= 0)) {
    quotedSpeaker(scan, site, quoter, speaker);
    return speaker;
  }
  // A participle after a comma ("…, adding that"): the subject of the clause speaks.
  // ("Ana Poll, for her part, is labeling …": an auxiliary after the comma makes it a verb of the subject before the inserted phrase.)
  const participle = /ing$/.test(cueWord.lower) && (prev?.text === ',' || (toks[skipLeft(toks, c - 1)]?.text === ',' && !rule('source.inserted-before-progressive', progressiveAfterComma(toks, c))) ||
    // "…defense of “New York values,” saying": the comma closing the clause stands inside the quotation mark.
    (rule('source.participle-after-quote', !!prev && (CLOSE_QUOTES.has(prev.text) || prev.text === '"' || prev.text === "''") && toks[c - 2]?.text === ',') && !!quoteParticiple.add(site)) ||
    // "Lund changed her mind on the spot – saying …": a dash closing the clause, with no dash before it in the unit, as a comma.
    rule('source.participle-after-dash', !!prev && DASHES.has(prev.text) && c > 2 && toks.slice(0, c - 1).every((x) => !DASHES.has(x.text)) && !DASHES.has(toks[site.cueEnd + 1]?.text ?? '')));
  if (participle && !passive) participleSource(scan, site, speaker);
  else if (passive) speaker.source = passiveAgent(toks, site, scan.actions);
  else if (invertedCue(scan, site)) invertedSource(toks, site, speaker);
  else if (wordBefore) sourceBefore(scan, site, before, wordBefore, speaker);
  // "Moody's said", "Albertson's says" (cue.possessive-name-said): the possessive ends the name, not an auxiliary.
  if (speaker.source && prev?.lower === "'s" && c > 1 && speaker.source.end === toks[c - 2]!.end && toks[c - 2]!.cap && !PRONOUNS.has(toks[c - 2]!.lower) && /^(?:said|says)$/.test(cueWord.lower)) {
    speaker.source = { start: speaker.source.start, end: prev.end };
  }
  // "Lund praised the plan while saying …", "… before explaining why": a participle after a subordinator of time is the
  // clause's subject's act, as after "by".
  // (Inside a relative clause, the relative's: "Lund, who faltered while saying …".)
  // ("after repeatedly dismissing", "by first saying": an adverb between the subordinator and the participle is no part of either.)
  const sub = !!prev && /ing$/.test(cueWord.lower) && rule('source.adverb-after-subordinator', (/^(?:first|also|then|again|even|later|now|once|still)$/.test(prev.lower) || (/ly$/.test(prev.lower) && !NOT_ADVERB.has(prev.lower))) &&
    (PARTICIPLE_SUBORDINATORS.has(toks[c - 2]?.lower ?? '') || toks[c - 2]?.lower === 'by')) ? c - 2 : c - 1;
  const subWord = toks[sub];
  // ("who rebuked Lund by publicly expressing …": the words up to the subordinator read as a subject before the adverb are none.)
  if (sub === c - 2 && speaker.source && speaker.source.end >= subWord!.end) speaker.source = null;
  if (!!subWord && /ing$/.test(cueWord.lower) && rule('source.subordinator-participle', PARTICIPLE_SUBORDINATORS.has(subWord.lower) && !speaker.source && !speaker.sameAsPrevious && !passive)) {
    const who = relativeBefore(toks, c);
    // ("After blasting the plan, Lund …", "One month after announcing it, Lund …": opening the sentence, the phrase is the subject's after its comma.)
    const opening = openingSubordinateSubject(toks, sub, site.cueEnd);
    if (who > 0) pronounSource(toks, site, who, toks[who]!, speaker);
    else if (rule('source.opening-subordinator-participle', !!opening)) describedSubject(toks, opening!, toks.length, speaker);
    // ("Many were surprised when Lund, after railing against the fee, voted for it": a phrase set off after a name inside
    // a clause is that name's; the sentence's subject is no guess for it.)
    else if (!rule('source.inserted-subordinator-participle', toks[sub - 1]?.text === ',' && !!toks[sub - 2]?.cap && !isQuote(toks[sub - 2]!) && !TIME_WORD.test(toks[sub - 2]!.lower) && !scan.out.length)) {
      participleSource(scan, site, speaker);
      // ("“Promise me,” Blige sings before asking …": a first word inside a quotation is no subject.)
      const at = speaker.source ? toks.findIndex((x) => x.start >= speaker.source!.start) : -1;
      if (at >= 0 && toks.slice(0, at).filter((x) => isQuote(x)).length % 2 === 1) speaker.source = null;
      // ("Speaking to reporters after announcing the fee, Lund …": an opening participle is no subject.)
      else if (at >= 0 && speaker.source!.end === toks[at]!.end && /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(toks[at]!.text)) speaker.source = null;
      // ("Iranian gunboats usually check … before attacking", "Conservative columnist George Will … after writing": one
      // capitalised word cut from the noun after it is no subject; none beats a word of one.)
      else if (at >= 0 && rule('source.participle-cut-subject', speaker.source!.end === toks[at]!.end && toks[at]!.cap && cutBeforeNoun(toks, at + 1))) speaker.source = null;
    }
  }
  if (!speaker.source && !speaker.sameAsPrevious && !speaker.cutName && !passive && (prev?.text === ',' || (subWord?.lower === 'by' && /ing$/.test(cueWord.lower)))) {
    // "…, saying that", "punctuated his list by saying": the subject of the clause said it —
    // inside a relative clause, the relative's ("sat with Paul Ryan, who surprised Trump by declaring …").
    const who = subWord?.lower === 'by' ? relativeBefore(toks, c) : -1;
    if (rule('source.relative-by', who > 0)) pronounSource(toks, site, who, toks[who]!, speaker);
    else {
      const subj = unitSubject(toks) ?? clauseSubjectBefore(toks, c);
      if (subj && subj[1] < c) describedSubject(toks, subj, c, speaker);
    }
  }
  // ("Their gut reaction is to deny it while systematically downplaying …": past an adverb, only a name, a pronoun for
  // people or a noun for people heads the subject; "it" or "reaction" is no guess.)
  if (sub === c - 2 && speaker.source && !speaker.sameAsPrevious) {
    const last = toks.findLastIndex((x) => x.end <= speaker.source!.end);
    const head = toks[last];
    if (head && rule('source.adverb-participle-person', !(head.cap || /^(?:he|she|they|we|i|who)$/.test(head.lower) || speakerNoun(head.lower) || PERSON_NOUN.test(head.lower) || AGENT_BODIES.test(head.lower) || /^(?:boards?|councils?|compan(?:y|ies)|firms?|agenc(?:y|ies)|offices?|departments?|ministr(?:y|ies))$/.test(head.lower)))) speaker.source = null;
  }
  // "Lund, who in 2019 said …", "a mayor who has in the past described …": a relative pronoun before a
  // phrase of time or manner set into the clause is the subject, as right before the verb.
  if (!speaker.source && !speaker.sameAsPrevious && !passive) {
    const who = relativeAcrossPhrase(toks, c);
    if (rule('source.relative-across-phrase', who >= 0)) pronounSource(toks, site, who, toks[who]!, speaker);
  }
  // "Several dockers I spoke with last week said …", "A person familiar with the board's plans says …":
  // a long subject the phrase search gave up on, opening its sentence and running up to the verb.
  if (!speaker.source && !speaker.sameAsPrevious && !passive) {
    const from = wholeClauseSubject(toks, c, before);
    if (rule('source.whole-clause-subject', from >= 0)) speaker.source = span(toks, from, wholeEnd(toks, c, before));
  }
  // "A new study released on Monday by two economists shows …": a document, poll or ad with a participle,
  // prepositional or time phrase after its head, opening its clause and running up to the verb.
  if (!speaker.source && !speaker.sameAsPrevious && !passive) {
    const from = documentSubject(toks, c, before);
    if (rule('source.modified-document', from >= 0)) speaker.source = span(toks, from, documentEnd(toks, c));
  }
  // "Proponents of tighter rules here say …", "Dockers who have worked with Lund say …": people with a phrase
  // after them, opening their clause and running up to a speech verb.
  if (!speaker.source && !speaker.sameAsPrevious && !passive) {
    const from = modifiedPeopleSubject(toks, c);
    if (rule('source.modified-people', from >= 0)) speaker.source = span(toks, from, documentEnd(toks, c));
  }
  // "Lund -- the author of a book on ports -- said …": a subject with its description set off by dashes.
  if (!speaker.source && !speaker.sameAsPrevious && !passive && !/ing$/.test(cueWord.lower)) {
    const from = dashedSubject(toks, before);
    if (rule('source.dashed-description', from >= 0)) speaker.source = span(toks, from, before);
  }
  // "the photo Trump posted", "a point Ida Roy conceded": a name after a common noun opens a relative
  // clause without "that"; the name is the source, the noun is what was said.
  if (speaker.source && !speaker.name && !speaker.apposition) {
    const from = contactName(toks, speaker.source, c);
    if (rule('source.contact-relative', from >= 0)) speaker.source = { start: toks[from]!.start, end: speaker.source.end };
  }
  // "the firm, whose lawyers argued …": the noun after "whose" speaks as the owner's; the source is written with
  // "whose", as "his lawyers" is with "his".
  const whose = speaker.source ? /(?:^|[^\p{L}])(whose\s+)$/iu.exec(text.slice(Math.max(unit.start, speaker.source.start - 8), speaker.source.start)) : null;
  if (speaker.source && rule('source.whose-noun', !!whose && !speaker.name && site.cueWord.start >= speaker.source.end)) speaker.source = { start: speaker.source.start - whose![1]!.length, end: speaker.source.end };
  // "A Harbour Institute poll this month found", "a poll out Monday shows": a poll's date written right after it, without
  // "on", names which poll; it is part of the source (PolNeAR train: 5 right, 1 wrong).
  const dated = speaker.source && POLL_END.test(text.slice(speaker.source.start, speaker.source.end)) ? POLL_DATE.exec(text.slice(speaker.source.end, site.cueWord.start)) : null;
  if (speaker.source && rule('source.poll-date', !!dated)) speaker.source = { start: speaker.source.start, end: speaker.source.end + dated![0].trimEnd().length };
  speaker.source = vetoSource(text, speaker.source, lemma, speaker.name);
  // "Federal Express Corp said", "Sony (U.K.) Ltd said": a source that is only a company's legal ending lost the
  // name before it (a word read as a verb, a parenthesis): the name runs back over capitalised words, a
  // parenthesis or a ticker; without one, no source beats "Corp".
  if (speaker.source && rule('source.bare-legal-ending', LEGAL_ENDING.test(text.slice(speaker.source.start, speaker.source.end)))) {
    const from = legalNameStart(toks, speaker.source.start);
    speaker.source = from >= 0 ? { start: toks[from]!.start, end: speaker.source.end } : null;
    delete speaker.name;
    delete speaker.apposition;
  }
  // ("Moreover, the company, whose …": an opening word the source lost was never the name either.)
  if (speaker.name && speaker.source && speaker.name.start < speaker.source.start) {
    delete speaker.apposition;
    // The described subject after it ("the company, whose …,") is named by the words up to its comma.
    const comma = text.slice(speaker.source.start, speaker.source.end).indexOf(',');
    if (comma > 0) speaker.name = { start: speaker.source.start, end: speaker.source.start + comma };
    else delete speaker.name;
  }
  // "Anti-Castro demonstrators thronged …, demanding", "Elian's Miami relatives are fighting …, saying": a capitalised
  // modifier is no speaker; the plural noun of people right after it is the head of the source.
  if (speaker.source && /^\p{Lu}/u.test(text.slice(speaker.source.start, speaker.source.end)) && !PRONOUNS.has(text.slice(speaker.source.start, speaker.source.end).toLowerCase())) {
    const head = /^\s+(\p{Ll}+s)\b/u.exec(text.slice(speaker.source.end, Math.min(unit.end, speaker.source.end + 30)));
    const noun = head?.[1];
    if (noun && head!.index + head![0].length + speaker.source.end <= site.cueWord.start && rule('source.modifier-before-people', SPEAKER_NOUNS.has(noun) || SPEAKER_NOUNS.has(noun.slice(0, -1)) || PERSON_NOUN.test(noun))) {
      speaker.source = { start: speaker.source.start, end: speaker.source.end + head![0].length };
      delete speaker.name;
      delete speaker.apposition;
    }
  }
  // "Cilcorp Inc., Peoria, Ill., said": a town set off by commas after a company's name is where the company is; the
  // company speaks, not the town. (A name running on after "Corp." without a comma, "Service Corp. International", is
  // left alone: "… to Columbia Aluminium Corp. Comalco said" ends a sentence there.)
  if (speaker.source) {
    const lead = COMPANY_BEFORE.exec(text.slice(Math.max(unit.start, speaker.source.start - 80), speaker.source.start));
    if (lead && rule('source.company-town', TOWN_SOURCE.test(text.slice(speaker.source.start, speaker.source.end)))) {
      const start = speaker.source.start - lead[0].length;
      speaker.name = { start, end: start + lead[1]!.length };
      delete speaker.apposition;
      speaker.source = { start, end: speaker.source.end };
    }
  }
  // "Neither he nor Nanney echoed …", "No candidate has said …": a negative subject asserts nothing
  // (issue 14, pattern 4); PolNeAR scoring (`negated`) keeps it.
  const negative = (src: Span) => (/^(?:neither|nor|no|nobody|none|never)\b(?!\s*(?:doubt|longer|matter)\b)/i.test(text.slice(src.start, src.end)) && !/^no\.\s/i.test(text.slice(src.start, src.end))) ||
    /\bnor\s+$/i.test(text.slice(Math.max(unit.start, src.start - 6), src.start));
  if (speaker.source && rule('source.negative-subject', !scan.negated && negative(speaker.source))) return null;
  // "Not all dockers insist …", "Not every analyst agrees …": a subject denied its whole asserts nothing by those it names (/claim scope).
  const notAll = (src: Span) => /^(?:all|every|everyone|everybody|each)\b/i.test(text.slice(src.start, src.end)) && /(?:^|[^\p{L}])not\s+$/iu.test(text.slice(Math.max(unit.start, src.start - 5), src.start));
  if (speaker.source && rule('source.not-all-subject', !scan.negated && notAll(speaker.source))) return null;
  // "at a higher price than some analysts had expected", "fewer than officials said": a comparison with what someone
  // expected or said; the sentence is the outlet's, not theirs (/claim scope).
  // (Only an expectation: "less credit than aides say he deserves" is the aides' claim; "more than 1,000 voters" a number.)
  if (speaker.source && rule('source.comparison-than', !scan.actions && EXPECTING.test(lemma) && !/^[\d$]/.test(text.slice(speaker.source.start, speaker.source.end)) && /(?:^|[^\p{L}])than\s+$/iu.test(text.slice(Math.max(unit.start, speaker.source.start - 6), speaker.source.start)))) return null;
  // "railed against what he calls the 'Washington cartel'": a name someone uses, not a claim they make
  // (the verb it depends on, "railed", carries any statement).
  if (speaker.source && NAMING.has(lemma) && /\bwhat\s*$/i.test(text.slice(Math.max(unit.start, speaker.source.start - 12), speaker.source.start))) return null;
  // An attitude or act without its holder ("a survey released last Thursday") reports nothing.
  if ((entry.position || entry.belief) && !speaker.source && !speaker.sameAsPrevious) return null;
  return speaker;
}

/** A source ending in a poll or survey (perhaps "out", as in "a poll out Monday"). */
const POLL_END = /\b(?:poll|survey)s?(?:\s+out)?$/i;
/** A bare date right after a poll and before its verb: "this month", "last week", "Monday", "today", "the same month". */
const POLL_DATE = /^\s+(?:(?:this|last|the same)\s+(?:week|month|year|spring|summer|fall|autumn|winter)|today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+$/;

/** A company's name ending in "Corp.", "Inc." … and a comma, right before a source ("Cilcorp Inc., "). */
const COMPANY_BEFORE = new RegExp(`((?:\\p{Lu}[\\p{L}&'’-]*\\s+)+(?:${COMPANY_ENDINGS.join('|')})\\.),\\s+$`, 'u');
/** A town, with its state or country after a comma ("Peoria, Ill.,", "San Antonio, Texas,", "Atlanta"). */
const TOWN_SOURCE = /^(?:\p{Lu}[\p{L}.'-]*\s+){0,2}\p{Lu}[\p{L}.'-]*(?:,\s+(?:\p{Lu}[\p{L}.'-]*\s*){1,2})?,?$/u;

/** Verbs of expectation: what someone foresaw, which a comparison with "than" measures the facts against. */
const EXPECTING = /^(?:expect|predict|forecast|estimate|anticipate|project|suggest|think|believe|hope|fear|assume|forecast|indicate|guess|imagine)$/;

/** Plural words for people ("officials", "economists", "witnesses"). */
const PLURAL_SPEAKERS = /^[a-z-]{3,}(?:ers|ors|ists|ians|als|ants|ents|ives|ses)$/;
/** Forms of "quote" reporting what someone said ("The agency quoted Li as saying"). */
const QUOTE_FORMS = /^(?:quoted|quotes|quote|quoting)$/;

/** Before "as saying" at `c`, the index of the "quote" verb whose "as saying" it is, or -1. */
function quoteBefore(toks: readonly Token[], c: number): number {
  if (!AS_SAYING.test(toks[c]?.lower ?? '')) return -1;
  for (let k = c - 2; k >= 0 && k > c - 30; k--) {
    const t = toks[k]!;
    if (t.text === '.' || t.text === ';' || t.text === ':' || isQuote(t)) return -1;
    // ("Zemljaric was not quoted as saying whether …": nobody said it.)
    if (QUOTE_FORMS.test(t.lower)) return quotedAsAfter(toks, k) === c && !negatedCue(toks, k) ? k : -1;
  }
  return -1;
}

/**
 * The quoted person of "quoted X as saying" (the object X, with a description set off by commas) or of the
 * passive "X was quoted [by Y] as saying" (the subject), as the source of the "saying" cue at `site`.
 */
function quotedSpeaker(scan: UnitScan, site: CueSite, q: number, speaker: Speaker): void {
  const { toks } = scan;
  speaker.quoted = true;
  // "…, the agency quoted Li as saying.": nothing after "saying", the content is before the quoting clause.
  const after = toks[site.cueEnd + 1];
  if (!after || (!after.word && /^[.!?]$/.test(after.text) && !toks[site.cueEnd + 2])) {
    speaker.contentBefore = true;
    let k = q - 1;
    while (k >= 0 && (toks[k]!.word || /^['’]s?$/.test(toks[k]!.text))) k--;
    speaker.contentCut = toks[k + 1]!.start;
  }
  // The "quote" verb as a cue site of its own: its subject is the quoted person (passive) or who quotes.
  const quoteSite: CueSite = { ...site, c: q, cueWord: toks[q]!, prev: toks[q - 1], next: toks[q + 1], cueEnd: q };
  const before = subjectEnd(toks, quoteSite);
  let aux = q - 1;
  while (aux >= 0 && (ADVERBS.has(toks[aux]!.lower) || (/ly$/.test(toks[aux]!.lower) && !toks[aux]!.cap))) aux--;
  if (aux >= 0 && PASSIVE_AUX.has(toks[aux]!.lower) && toks[aux]!.lower !== 'as') {
    // "Nazer was quoted by SPA as saying": the subject before the passive.
    if (toks[before]?.word) sourceBefore(scan, quoteSite, before, toks[before]!, speaker);
    const agent = passiveAgent(toks, quoteSite);
    if (agent) speaker.quoter = agent;
    return;
  }
  // Who quotes: the subject of "quoted".
  const quoting: Speaker = { source: null, sameAsPrevious: false, contentBefore: false };
  if (toks[before]?.word) sourceBefore(scan, quoteSite, before, toks[before]!, quoting);
  if (quoting.source) speaker.quoter = quoting.name ?? quoting.source;
  // "quoted city officials as saying", "quoted Yang Jike, vice-governor of Anhui, as saying", "quoted him as saying".
  const first = toks[q + 1];
  let end = site.c - 2;
  if (toks[end]?.text === ',') end--;
  if (!first?.word || end < q + 1) return;
  if (/^(?:him|her|them)$/.test(first.lower)) {
    if (end === q + 1) speaker.source = span(toks, q + 1, q + 1);
    return;
  }
  const np = npRight(toks, q + 1);
  // The quoted must be able to speak: a name, a speaker noun or a word for people ("city officials", "a spokesman").
  const speaks = (t: Token | undefined) => !!t && (t.cap || SPEAKER_NOUNS.has(t.lower) || speakerNoun(t.lower) || personWord(t.lower) || PLURAL_SPEAKERS.test(t.lower));
  const named = np >= q + 1 && np <= end && speaks(toks[np]);
  // ("energy and mines minister Wilfredo Huayta": a title with "and" ends in the name.)
  if (!named && !(toks[end]!.cap && speaks(toks[end]) && toks.slice(q + 1, end + 1).every((x) => x.word && !CUE_VERBS.has(x.lower)))) return;
  speaker.source = span(toks, q + 1, end);
  if (named && np < end) speaker.name = span(toks, q + 1, np);
}

/**
 * In a source before the cue at `c` shaped "the|a <common nouns> <Name>" ("the photo Trump", "a
 * point Ida Roy"), the index of the name's first token; -1 otherwise (also when the noun is a
 * role or a word for people: "the billionaire Tom Vale", "party chairman Ed Reed").
 */
function contactName(toks: readonly Token[], source: Span, c: number): number {
  let a = 0;
  while (a < toks.length && toks[a]!.start < source.start) a++;
  let b = a;
  while (b + 1 < toks.length && toks[b + 1]!.end <= source.end) b++;
  if (b >= c || a >= b || !/^(?:the|a|an)$/.test(toks[a]!.text)) return -1;
  let m = a + 1;
  while (m <= b && toks[m]!.word && !toks[m]!.cap) {
    const t = toks[m]!;
    if (SPEAKER_NOUNS.has(t.lower) || speakerNoun(t.lower) || personWord(t.lower) || ROLE_LEAD.test(t.lower) || DETERMINERS.has(t.lower) || /(?:ly|ing|ed)$/.test(t.lower) || /^(?:of|for|in|at|from|with|by|and|or)$/.test(t.lower)) return -1;
    // "the pitch on Kickstarter", "an anti-Trump PAC": a preposition or an adjective with a prefix makes a phrase, no relative clause.
    if (rule('source.contact-adjective', /^(?:on|to|about|over|into|near|under|across|like)$/.test(t.lower) || /^(?:anti|pro|non|well|still|ex|self|once|long|so)-/.test(t.lower))) return -1;
    m++;
  }
  if (m === a + 1 || m > b) return -1;
  for (let k = m; k <= b; k++) if (!toks[k]!.cap && !/^['’]s$/.test(toks[k]!.text) && toks[k]!.text !== '.') return -1;
  return m;
}

/** Whether the cue is passive: a participle after an auxiliary ("was told"), or with an agent after "by". */
function isPassive(toks: Token[], site: CueSite, actions: boolean): boolean {
  const { c, cueWord, next, cueEnd } = site;
  let aux = c - 1;
  while (aux >= 0 && (ADVERBS.has(toks[aux]!.lower) || (/ly$/.test(toks[aux]!.lower) && !toks[aux]!.cap))) aux--;
  // "was booed and shouted down by", "were mocked, jeered and criticized": participles joined after one auxiliary.
  const joined = coordinatedParticiples(toks, aux, site.cueEnd);
  if (joined !== aux && rule('source.passive-coordinated', PASSIVE_AUX.has(toks[joined]?.lower ?? '') && toks[joined]!.lower !== 'as')) aux = joined;
  // "responded by settling a dispute": "by" with a gerund is a means, not an agent.
  // "said by telephone": a means, so no passive either.
  const agent = next?.lower === 'by' && !(/ing$/.test(toks[cueEnd + 2]?.lower ?? '') && !toks[cueEnd + 2]!.cap) && !MEANS.has(toks[cueEnd + 2]?.lower ?? '');
  const afterAux = aux >= 0 && PASSIVE_AUX.has(toks[aux]!.lower) && toks[aux]!.lower !== 'as';
  // ("The song was written by Lee", "is understood": participles of other shapes, after a form of "be". In /claim a
  // song written by Lee is no claim of Lee's: there only "is understood", hearsay about its subject, is passive.)
  if (afterAux && (actions ? /^(?:written|found|understood)$/ : /^understood$/).test(cueWord.lower) && rule('source.passive-irregular', !/^(?:off|down|up)$/.test(next?.lower ?? ''))) return true;
  // "Party leaders are worried about …", "The union is deeply worried that …": "worried" after "be" is the subject's state of mind, no passive.
  if (afterAux && rule('source.worried-adjective', cueWord.lower === 'worried' && !agent && next?.lower !== 'by')) return false;
  return /ed$|wn$|told$|said$|ought$/.test(cueWord.lower) && ((aux >= 0 && PASSIVE_AUX.has(toks[aux]!.lower)) || agent);
}

/** Words after a passive participle that take no object ("shouted down by", "mocked for", "criticized over"). */
const AFTER_PASSIVE = /^(?:by|for|over|at|in|on|as|after|during|when|while|because|from|with)$/;

/**
 * Left of the cue ending at `cueEnd`, from `k`: participles joined to it by "and" or "or" (commas before them: "booed
 * and", "mocked, jeered and"), each lower-case and ending like one: the index of the word before the first of them
 * (its auxiliary, if any), else `k`. The cue must take no object, as a passive ("was booed and shouted down by …",
 * not "was finalized and denied the change").
 */
function coordinatedParticiples(toks: readonly Token[], k: number, cueEnd: number): number {
  if (!/^(?:and|or)$/.test(toks[k]?.lower ?? '')) return k;
  let after = cueEnd + 1;
  if (/^(?:down|off|up|out)$/.test(toks[after]?.lower ?? '')) after++;
  const next = toks[after];
  if (next && (next.word ? !AFTER_PASSIVE.test(next.lower) : isQuote(next) || next.text === ':')) return k;
  let j = k;
  while (j >= 1 && (/^(?:and|or)$/.test(toks[j]!.lower) || (toks[j]!.text === ',' && j < k))) {
    const p = toks[j - 1]!;
    if (!p.word || p.cap || !/(?:ed|wn|en|told|said|ought)$/.test(p.lower)) break;
    j -= 2;
    while (j >= 0 && ADVERBS.has(toks[j]!.lower)) j--;
  }
  return j;
}

/**
 * True when the name ending at `nameEnd` (right after an inverted cue) is followed by its description set off by a
 * comma and running to the unit's end: ", said Tom Lee, a police spokesman." — an article, a role word or a capital
 * opening it, at most twenty words ("director of … and an independent political analyst in New York City" is thirteen), and
 * no verb or cue in it.
 */
function describedToEnd(toks: readonly Token[], nameEnd: number): boolean {
  if (nameEnd < 0 || toks[nameEnd + 1]?.text !== ',') return false;
  // ", said Uhuru, or Freedom, a Swahili newspaper.": a translation of the name after "or", set off by commas, glosses it.
  const gloss = orGloss(toks, nameEnd + 2);
  if (gloss > 0 && rule('source.inverted-speaker-gloss', gloss === toks.length || toks[gloss]!.text === ',' || toks[gloss]!.text === '.')) {
    if (gloss >= toks.length - 1) return true;
    if (toks[gloss]!.text === ',') return describedToEnd(toks, gloss - 1);
  }
  const rest = toks.slice(nameEnd + 2);
  const words = rest.filter((x) => x.word);
  const first = words[0];
  if (!first || words.length > 20 || rest.some((x) => isQuote(x) || x.text === ';')) return false;
  if (!(/^(?:a|an|the)$/.test(first.lower) || ROLE_LEAD.test(first.lower) || roleWord(first) || first.cap)) return false;
  return !words.some((x) => AUX_AFTER.has(x.lower) || CUE_VERBS.has(x.lower) || /^(?:who|which|that)$/.test(x.lower));
}

/**
 * Whether the phrase ending at `nameEnd`, after an inverted cue, is a person (a name, a speaker noun) whose "who" clause,
 * set off by a comma or not, runs to the end of the sentence (", said a port official who asked not to be named.").
 */
function relativeToEnd(toks: readonly Token[], nameEnd: number): boolean {
  if (nameEnd < 0) return false;
  const head = toks[nameEnd]!;
  if (!(head.cap || SPEAKER_NOUNS.has(head.lower) || speakerNoun(head.lower) || PERSON_NOUN.test(head.lower))) return false;
  const k = toks[nameEnd + 1]?.text === ',' ? nameEnd + 2 : nameEnd + 1;
  if (toks[k]?.lower !== 'who') return false;
  const rest = toks.slice(k + 1);
  const words = rest.filter((x) => x.word);
  return words.length > 0 && words.length <= 25 && !rest.some((x, i) => isQuote(x) || x.text === ';' || (x.text === '.' && i < rest.length - 1) || x.text === ',');
}

/** After "or" at `k`, one to three capitalised words (a translation: "or Freedom"): the index after them, or -1. */
function orGloss(toks: readonly Token[], k: number): number {
  if (toks[k]?.lower !== 'or') return -1;
  let j = k + 1;
  while (j < toks.length && j <= k + 3 && toks[j]!.word && toks[j]!.cap) j++;
  return j > k + 1 ? j : -1;
}

/** Whether the word at `k` is a lower-case noun the phrase before it runs on into (not a verb, an adverb or an auxiliary). */
function cutBeforeNoun(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  return !!t && t.word && !t.cap && !BOUNDARY.has(t.lower) && !AUX_AFTER.has(t.lower) && !COMMON_VERBS.has(t.lower) && !CUE_VERBS.has(t.lower) && !lyAdverb(t.lower) &&
    !/(?:ed|ing)$/.test(t.lower) && !TIME_WORD.test(t.lower) && !/^(?:also|still|then|now|just|never|often|later|first)$/.test(t.lower);
}

/** Cue sites inverted by role words before a name (source.inverted-role-name): their claimant is the name alone. */
const roleInverted = new WeakSet<CueSite>();

/** Whether the speaker follows the cue ("…,” said Yusov", "Said Trump: …") rather than preceding it. */
function invertedCue(scan: UnitScan, site: CueSite): boolean {
  const { text, unit, toks } = scan;
  const { c, cueWord, prev, next, cueEnd, lemma } = site;
  const initial = c === 0 || isQuote(prev);
  // "— lambasting Trump's plan": a participle has no subject after it.
  // "“Why?” asked Mr. Manafort, referring to …": after a quotation even "asked X" is inverted.
  const quotedAsk = OBJECT_VERBS.has(lemma) && !!prev && (CLOSE_QUOTES.has(prev.text) || prev.text === '"' || prev.text === "''") && /[?]/.test(text.slice(Math.max(unit.start, prev.start - 3), prev.start + 1)) &&
    (() => { const nameEnd = npRight(toks, cueEnd + 1); const after = toks[nameEnd + 1]; return nameEnd >= 0 && (!after || !after.word); })();
  let inverted = (!OBJECT_VERBS.has(lemma) || quotedAsk) && INVERTIBLE.has(lemma) && !/ing$/.test(cueWord.lower) && (!prev || initial || prev.text === ',' || CLOSE_QUOTES.has(prev.text) || prev.text === '"' || prev.text === '—') &&
    !!next && next.word && !TIME_WORD.test(next.lower) && (next.cap || DETERMINERS.has(next.lower) || SPEAKER_NOUNS.has(next.lower) || (PRONOUNS.has(next.lower) && next.lower !== 'it' && next.lower !== 'which') ||
      // "…,” said former Gov. Jim Doyle", "said election lawyer Joe Birkenstock": a role leading to a name.
      (ROLE_LEAD.test(next.lower) && toks.slice(cueEnd + 2, cueEnd + 5).some((x) => x.cap)) ||
      // "…,” said attorneys for the family.": a plural speaker noun.
      (/s$/.test(next.lower) && speakerNoun(next.lower)));
  // "Ida Lund — a welder from Tarn — says she …", "Lund — like Berg, a critic of the board — recalled Roy telling …": a
  // dash closing a phrase set in after a subject makes the cue that subject's verb, never "— said X".
  // (A phrase set in: an opening dash after a word, with words between it and this one.)
  const setIn = () => { const open = dashOpening(toks, c - 1); return open >= 0 && open < c - 2; };
  if (inverted && prev?.text === '—' && rule('source.verb-after-dashed-phrase', dashedSpeaker(toks, c - 1) !== null || setIn())) inverted = false;
  if (inverted && prev?.text !== ',') {
    // "Says Clinton would stack the court": the name is the subject of the content, not the speaker.
    const after = toks[invertedNameEnd(toks, cueEnd) + 1];
    if (after?.word && AUX_AFTER.has(after.lower)) inverted = false;
  }
  if (inverted && prev?.text === ',') {
    // "X, Y, called the report…" is a subject with apposition, not "…, said X".
    const nameEnd = invertedNameEnd(toks, cueEnd);
    const after = toks[nameEnd + 1];
    if (nameEnd < 0 || (after && after.word && ((!BOUNDARY.has(after.lower) && !TIME_WORD.test(after.lower)) || AUX_AFTER.has(after.lower)))) inverted = false;
    const subjectStart = npLeft(toks, c - 2);
    if (subjectStart === 0 || (subjectStart > 0 && toks[subjectStart - 1]!.text === ',' && npLeft(toks, subjectStart - 2) === 0)) inverted = false;
    // "Mr. Prasad, a former official at the fund, said Ms. Brainard…": a subject before an inserted phrase —
    // unless the phrase after the verb ends the sentence (", said one GOP source in the room.").
    const rest = toks.slice(nameEnd + 1).filter((x) => x.word);
    const toEnd = nameEnd >= 0 && (rest.length === 0 || (rest.length <= 5 && /^(?:in|at|on|of|from|with|for)$/.test(rest[0]!.lower) && !rest.some((x) => AUX_AFTER.has(x.lower) || CUE_VERBS.has(x.lower))) ||
      // ("The suspect, Ali Omar, was flown to Cairo, said Tom Lee, a police spokesman.": the name after the verb, with its
      // description running to the end, is the speaker; the name set off before is inside what was said.)
      rule('source.inverted-described-speaker', describedToEnd(toks, nameEnd)) ||
      // (", said a city official who was briefed on the talks.": a person with a "who" clause running to the end.)
      rule('source.inverted-speaker-relative', relativeToEnd(toks, nameEnd)));
    if (!toEnd && insertedSubject(toks, c - 1)) inverted = false;
    // "Lund, for example, said Berg's visit to Tarn would earn him votes", "…, said the Holm family deserved better": a
    // verb of the phrase's own clause (before any comma or relative word) makes the phrase what was said.
    if (nameEnd >= 0 && rule('source.inverted-phrase-with-verb', clauseVerbAfter(toks, cueEnd + 1, nameEnd))) inverted = false;
    // ", shows Democratic groups outpacing Republicans": a participle after the phrase's head makes it content.
    if (nameEnd >= 0 && toks.slice(cueEnd + 2, nameEnd + 1).some((x, k) => x.word && !x.cap && /ing$/.test(x.lower) && /s$|^\p{Lu}/u.test(toks[cueEnd + 1 + k]!.text))) inverted = false;
    // ", said the event brought back memories": after a subject, a determined phrase is the content's
    // subject unless it names a speaker ("said the spokesman", "said a senior official").
    const first = toks[cueEnd + 1]!;
    if (nameEnd >= 0 && DETERMINERS.has(first.lower) && !first.cap && !(toks[nameEnd]!.cap || SPEAKER_NOUNS.has(toks[nameEnd]!.lower) || PERSON_NOUN.test(toks[nameEnd]!.lower))) inverted = false;
    // "said this week", "said he would": a time phrase or a pronoun subject of the content, not a speaker.
    if (nameEnd >= 0 && (TIME_HEAD.test(toks[nameEnd]!.lower) || (PRONOUNS.has(toks[cueEnd + 1]!.lower) && nameEnd === cueEnd + 1 && after?.word))) inverted = false;
  }
  // "PRECIOUS METALS CLIMATE IMPROVING, SAYS MONTAGU", "ZAMBIA TO RETAIN CURRENCY AUCTION, SAYS KAUNDA": in a wire headline
  // "…, SAYS X" with X running to the headline's end names the speaker, whatever the words before the comma.
  if (!inverted && scan.wire && prev?.text === ',' && /^says?$/.test(cueWord.lower) && next?.word) {
    const nameEnd = npRight(toks, cueEnd + 1);
    const rest = nameEnd >= 0 ? toks.slice(nameEnd + 1).filter((x) => x.word) : [];
    if (rule('source.headline-says-after', nameEnd >= 0 && rest.length === 0)) inverted = true;
  }
  // "…, said lobbyist and GOP strategist Ann Lee, her former partner.": lower-case role words before a name that closes
  // the clause name the speaker after the cue; the words before the comma are what was said.
  if (!inverted && INVERTIBLE.has(lemma) && !/ing$/.test(cueWord.lower) && (prev?.text === ',' || CLOSE_QUOTES.has(prev?.text ?? '') || prev?.text === '"') &&
    rule('source.inverted-role-name', roleName(toks, cueEnd) > 0)) {
    inverted = true;
    roleInverted.add(site);
  }
  // "Said Trump: …" opens with the cue; "Says Clinton would …" (a headline) and "Asked Tuesday about …" do not.
  if (cueWord.cap && c === 0 && !inverted && next?.cap && !TIME_WORD.test(next.lower) && lemma !== 'ask') {
    const after = toks[npRight(toks, cueEnd + 1) + 1];
    if (!after || !after.word || TIME_WORD.test(after.lower) || ['on', 'in', 'at', 'during', 'to', 'that'].includes(after.lower)) inverted = true;
  }
  return inverted;
}

/**
 * Whether the clause of the phrase starting at `from` (its noun phrase ending at `nameEnd`) has a verb of its own before
 * any comma or relative word: an auxiliary or modal ("Berg's visit would …"), or a past tense after a noun inside the
 * phrase ("the Holm family deserved better"; never "a man named Ed Lee", "the elected mayor" or "a man accused of …").
 */
function clauseVerbAfter(toks: readonly Token[], from: number, nameEnd: number): boolean {
  for (let k = from + 1; k < toks.length && k - from < 20; k++) {
    const t = toks[k]!;
    if (!t.word || /^(?:who|whom|whose|which|that|and|but|or)$/.test(t.lower)) return false;
    if (t.cap) continue;
    if (AUX_AFTER.has(t.lower)) return true;
    const before = toks[k - 1]!;
    const after = toks[k + 1];
    if (k <= nameEnd && /ed$/.test(t.lower) && before.word && !before.cap && !DETERMINERS.has(before.lower) && !lyAdverb(before.lower) &&
      !!after?.word && !after.cap && !BOUNDARY.has(after.lower)) return true;
  }
  return false;
}

/**
 * The last token of the phrase after an inverted cue ending at `cueEnd`: the noun phrase, or a name opening with a
 * modal ("said Will Doyle", source.inverted-modal-name), or a group of people ("said a handful of Democrats",
 * source.inverted-group-of), whose head comes after "of".
 */
function invertedNameEnd(toks: Token[], cueEnd: number): number {
  const end = npRight(toks, cueEnd + 1);
  if (end < 0) {
    const named = boundaryNameEnd(toks, cueEnd);
    return rule('source.inverted-modal-name', named > 0) ? named : end;
  }
  const group = groupOfPeopleEnd(toks, cueEnd);
  return rule('source.inverted-group-of', group > end) ? group : end;
}

/**
 * The subject after the comma closing a subordinate phrase of time that opens the sentence, its subordinator at `sub`
 * ("After blasting the plan, Ida Lund …", "One month after announcing it, Lund …"): only a link word or a short time
 * phrase before the subordinator, no quotation before the comma, and a verb after the subject. Else null.
 */
function openingSubordinateSubject(toks: Token[], sub: number, cueEnd: number): [number, number] | null {
  const lead = toks.slice(0, sub).filter((x) => x.word && !/^(?:but|and|yet|now|so)$/i.test(x.text));
  // ("Speaking to reporters after announcing the price, Lund said": an opening participle phrase may lead to it too.)
  const participial = lead.length > 0 && lead.length <= 8 && lead[0]!.cap && /^\p{Lu}\p{Ll}+ing$/u.test(lead[0]!.text);
  if (lead.length && !participial && (lead.length > 3 || !lead.some((x) => TIME_HEAD.test(x.lower) || TIME_HEAD.test(x.lower.replace(/s$/, ''))))) return null;
  if (toks.slice(0, sub).some((x) => !x.word && x.text !== ',' && !/^[\p{Pd}―]$/u.test(x.text))) return null;
  const comma = phraseEnd(toks, cueEnd, 30);
  return toks[comma]?.text === ',' ? subjectWithVerb(toks, comma + 1) : null;
}

/**
 * Where the phrase a cue ending at `cueEnd` opens stops: the first comma, semicolon or quotation mark after it, within
 * `reach` tokens (a comma there closes the phrase before its clause goes on).
 */
function phraseEnd(toks: readonly Token[], cueEnd: number, reach: number): number {
  let k = cueEnd + 1;
  while (k < toks.length && k - cueEnd < reach && toks[k]!.text !== ',' && !isQuote(toks[k]) && toks[k]!.text !== ';') k++;
  return k;
}

/** The first word of the unit before `c` past punctuation and an opening "but", "and" or "yet". */
function firstWordBefore(toks: readonly Token[], c: number): number {
  let i = 0;
  while (i < c && (!toks[i]!.word || /^(?:but|and|yet)$/i.test(toks[i]!.text))) i++;
  return i;
}

/**
 * The subject opening a clause at `start` with its verb after it ("Ida Lund still believes", "the families of the
 * founders had mobilized"): a name, pronoun or determined phrase (with one "of" phrase), then a verb; else null.
 */
function subjectWithVerb(toks: Token[], start: number): [number, number] | null {
  const first = toks[start];
  if (!first?.word || !(first.cap || PRONOUNS.has(first.lower) || DETERMINERS.has(first.lower)) || first.lower === 'it' || BOUNDARY.has(first.lower) && !PRONOUNS.has(first.lower)) return null;
  let end = npRight(toks, start);
  if (end >= 0 && toks[end + 1]?.lower === 'of' && toks[end + 2]?.word) end = npRight(toks, end + 2);
  // (Past an adverb: "Lund still believes", "Lund quickly voted".)
  const adverb = /^(?:still|also|now|again|then|never|already|later|soon)$/.test(toks[end + 1]?.lower ?? '') || lyAdverb(toks[end + 1]?.lower ?? '');
  const verb = toks[end + (adverb ? 2 : 1)];
  if (end < 0 || !verbAfterSubject(verb)) return null;
  return [start, end];
}

/** Whether `t` reads as the verb right after a subject: a lower-case common, reporting or auxiliary verb, or a past or third-person form. */
function verbAfterSubject(t: Token | undefined): boolean {
  return !!t?.word && !t.cap && (COMMON_VERBS.has(t.lower) || CUE_VERBS.has(t.lower) || /(?:ed|[^s]s)$/.test(t.lower) || AUX_AFTER.has(t.lower));
}

/** The source of a participle after a comma ("…, adding that"): the previous statement's, or the clause subject. */
function participleSource(scan: UnitScan, site: CueSite, speaker: Speaker): void {
  const { toks, out } = scan;
  const { c } = site;
  const previous = out.at(-1);
  if (previous) {
    // "Ever since she endorsed him, Ms. Warren has been a surrogate, attacking …": a statement in a
    // subordinate clause opening the sentence has its own speaker; the main clause's subject, right
    // after that clause's comma, speaks here.
    const later = subjectAfterOpening(toks, previous, c, false);
    if (rule('source.participle-later-subject', !!later)) describedSubject(toks, later!, c, speaker);
    else speaker.sameAsPrevious = true;
  } else {
    let subj = unitSubject(toks) ?? clauseSubjectBefore(toks, c);
    // "Trump escalated his attacks Saturday morning, saying …": a time phrase before the comma is no opening phrase when a
    // subject and its verb stand before it; the subject the opening search skipped to lies past the participle.
    if (subj && subj[1] >= c) {
      const before = clauseSubjectBefore(toks, c);
      if (rule('source.participle-past-time', !!before)) subj = before;
    }
    // ("Senators Rubio and Cruz, …, in what one critic has dubbed ''the yuca primary,'' referring to …": after a quotation a
    // subject cut before "and" is half a pair, and the participle may hang on the clause inside; no guess.)
    // "Shortly after the merger, the founders' families had mobilized, warning …": past an opening phrase the
    // search could not skip, the subject after its comma.
    const lone = !!subj && subj[0] === subj[1] && openingWord(toks[subj[0]]!.lower);
    const opened = !subj || subj[1] >= c || lone ? subjectAfterOpeningPhrase(toks, c) : null;
    if (rule('source.participle-after-opening', !!opened)) subj = opened;
    // "Ida Lund, writing in the Gazette, noticed …": a participle phrase set off right after the subject opening the sentence.
    // (PolNeAR scope only: for /claim "writing in the Gazette" says nothing of its own.)
    const opener = !subj && scan.actions ? insertedParticipleSubject(toks, c, site.cueEnd) : null;
    if (rule('source.inserted-participle-subject', !!opener)) subj = opener;
    if (subj && quoteParticiple.has(site) && toks[subj[1] + 1]?.lower === 'and') return;
    if (subj && subj[1] < c) describedSubject(toks, subj, c, speaker);
  }
}

/**
 * The subject opening the sentence right before the comma of a participle phrase at `c` that a comma closes before
 * the subject's verb ("Ida Lund, writing in the Gazette, noticed …"): a name or a determined phrase, or null.
 */
function insertedParticipleSubject(toks: Token[], c: number, cueEnd: number): [number, number] | null {
  if (toks[c - 1]?.text !== ',' || !toks[c - 2]?.word) return null;
  const i = firstWordBefore(toks, c);
  const first = toks[i];
  if (!first || !(first.cap || DETERMINERS.has(first.lower)) || openingWord(first.lower) || PRONOUNS.has(first.lower)) return null;
  if (npRight(toks, i) !== c - 2 || toks.slice(i, c - 1).some((x) => !x.word && x.text !== '.' && x.text !== "'s" && x.text !== '’s')) return null;
  const close = phraseEnd(toks, cueEnd, 25);
  const verb = toks[close + 1];
  if (toks[close]?.text !== ',' || !verbAfterSubject(verb)) return null;
  return [i, c - 2];
}

/** A word that opens a phrase before the sentence's subject ("In", "Once", "Shortly", "After", "Meanwhile"). */
function openingWord(lower: string): boolean {
  return !PRONOUNS.has(lower) && (BOUNDARY.has(lower) || INTRO_WORDS.has(lower) || SUBORDINATORS.has(lower) || lyAdverb(lower) || /^(?:once|soon|later|earlier)$/.test(lower));
}

/**
 * The subject after the comma closing a phrase that opens the sentence ("In reply to the board, the mayor's aide
 * wrote …", "Once he was elected, Lund made …"), before the participle at `c`; else null.
 */
function subjectAfterOpeningPhrase(toks: Token[], c: number): [number, number] | null {
  const i = firstWordBefore(toks, c);
  const first = toks[i];
  if (!first || !openingWord(first.lower) || PRONOUNS.has(first.lower)) return null;
  const comma = toks.findIndex((x, k) => k > i && k < c && x.text === ',');
  if (comma < 0 || toks.slice(i, comma).some((x) => isQuote(x))) return null;
  const subj = subjectWithVerb(toks, comma + 1);
  return subj && subj[1] < c ? subj : null;
}

/** Participle sites after a comma inside a closing quotation mark (source.participle-after-quote). */
const quoteParticiple = new WeakSet<CueSite>();

/** The agent of a passive cue ("was told by officials"), when it can speak. */
function passiveAgent(toks: Token[], site: CueSite, gap = false): Span | null {
  const { cueEnd } = site;
  // "was called a fraud by two rivals", "was endorsed the day before by the union": the agent after a complement.
  const apart = gap && toks[cueEnd + 1]?.lower !== 'by' ? gapAgentBy(toks, cueEnd) : -1;
  const source = agentAt(toks, apart >= 0 ? apart + 1 : toks[cueEnd + 1]?.lower === 'by' ? cueEnd + 2 : -1);
  return apart >= 0 && !rule('source.passive-agent-gap', !!source) ? null : source;
}

/** The agent phrase opening at token `by` (the word after "by"), or null when it names no one who could speak. */
function agentAt(toks: Token[], by: number): Span | null {
  let source: Span | null = null;
  // "said by telephone", "by email": a means, not an agent; an agent is a name, a determined phrase or a speaker noun.
  const agentWord = toks[by];
  // "by fellow physicians", "by 42 percent of those responding", "by everyone I interviewed".
  const agentNext = toks[by + 1];
  const people = !!agentWord && !!agentNext && agentWord.word && !agentWord.cap && agentNext.word && (SPEAKER_NOUNS.has(agentNext.lower) || PERSON_NOUN.test(agentNext.lower)) && !BOUNDARY.has(agentWord.lower);
  const share = !!agentWord && /^\d/.test(agentWord.text) && /^(?:percent|%|of)$/.test(agentNext?.lower ?? '');
  if (agentWord && (people || share || /^(?:everyone|everybody|someone|somebody)$/.test(agentWord.lower))) {
    const end = share || people ? npRight(toks, by + 1) : by;
    if (end >= 0) source = span(toks, by, end);
  } else if (agentWord && (agentWord.cap || DETERMINERS.has(agentWord.lower) || SPEAKER_NOUNS.has(agentWord.lower) || /[^s]s$/.test(agentWord.lower)) && !MEANS.has(agentWord.lower)) {
    const end = npRight(toks, by);
    // "as confirmed by the war last fall": an event confirms nothing; the agent must be able to speak.
    const head = end >= 0 ? agentHead(toks, by, end) : null;
    const speaks = (x: Token) => x.cap || personWord(x.lower);
    if (end >= 0 && head && (speaks(head) || (/[^s]s$/.test(head.lower) && !DETERMINERS.has(agentWord.lower)) || toks.slice(by, end + 1).some((x) => x.word && !DETERMINERS.has(x.lower) && speaks(x)))) source = span(toks, by, end);
    // "dismissed by the media", "backed by the unions": a body of people that speaks (an indefinite one, "an electorate
    // he no longer knew", needs the description PolNeAR takes with it).
    else if (end >= 0 && head && rule('source.passive-agent-body', AGENT_BODIES.test(head.lower) && !/^(?:a|an)$/.test(agentWord.lower))) source = span(toks, by, end);
  }
  // "asked by host Bill Maher", "echoed by former Gov. Ann Lee", "criticized by some of his rivals": a
  // role before a name, or a share of a group of people, is an agent too.
  if (!source && agentWord?.word && !agentWord.cap && !MEANS.has(agentWord.lower)) {
    const end = npRight(toks, by);
    const last = toks[end];
    const named = end > by && !!last?.cap && (ROLE_LEAD.test(agentWord.lower) || personWord(agentWord.lower));
    const groupEnd = /^(?:some|many|most|several|few|all|both|one|two|three|dozens|hundreds|thousands)$/.test(agentWord.lower) && agentNext?.lower === 'of' ? npRight(toks, by + 2) : -1;
    const group = groupEnd > by + 1 && (toks[groupEnd]!.cap || personWord(toks[groupEnd]!.lower) || /(?:als|ents|ers|ors|ists)$/.test(toks[groupEnd]!.lower));
    if (rule('source.passive-agent-role', named)) source = span(toks, by, end);
    else if (rule('source.passive-agent-share', group)) source = span(toks, by, groupEnd);
  }
  // "shouted down by Lund supporters", "backed by Democratic voters": a capitalised name modifying a plural noun of
  // people is no agent on its own; the people are.
  if (source) {
    const last = toks.findIndex((x) => x.end === source!.end);
    const noun = toks[last + 1];
    if (noun?.word && !noun.cap && toks[last]!.cap && /s$/.test(noun.lower) && rule('source.passive-agent-name-modifier', personWord(noun.lower) && !BOUNDARY.has(noun.lower) && !CUE_VERBS.has(noun.lower))) source = { start: source.start, end: noun.end };
  }
  // "echoed by her campaign and Democrats across the country": a coordinated agent is one source.
  if (source) {
    const last = toks.findIndex((x) => x.end === source!.end);
    const next = toks[last + 2];
    const second = toks[last + 1]?.lower === 'and' && next?.word && !CUE_VERBS.has(next.lower) && !MEANS.has(next.lower) && !/ed$/.test(next.lower) ? npRight(toks, last + 2) : -1;
    const head = toks[second];
    if (rule('source.passive-agent-pair', second > last + 1 && !!head && (head.cap || personWord(head.lower) || SPEAKER_NOUNS.has(head.lower) || /[^s]s$/.test(head.lower)))) source = { start: source.start, end: head!.end };
  }
  // "It was reported that…": no source, content after the cue.
  return source;
}

/**
 * After the cue ending at `cueEnd`, lower-case role words (a noun of people among them, "and" joining two) and a name of
 * two or more capitalised words closing the clause ("said lobbyist and GOP strategist Ann Lee,", "wrote film director
 * Ivo Brandt,"): the index of the name's last word, or -1. No verb, no article, at most six words before the name.
 */
function roleName(toks: readonly Token[], cueEnd: number): number {
  const first = toks[cueEnd + 1];
  if (!first?.word || first.cap || DETERMINERS.has(first.lower) || PRONOUNS.has(first.lower) || BOUNDARY.has(first.lower) || TIME_WORD.test(first.lower)) return -1;
  let k = cueEnd + 1;
  let person = false;
  while (k < toks.length && k <= cueEnd + 7 && (toks[k]!.word || rule('source.inverted-number-role', joinedNumber(toks, k))) && !toks[k]!.cap) {
    const w = toks[k]!.lower;
    if (w !== 'and' && (BOUNDARY.has(w) || CUE_VERBS.has(w) || AUX_AFTER.has(w))) return -1;
    // "said undecided Republican voter Ann Lee": an adjective in -ed, -ing or -ly inside the role words, never the last word
    // before the name.
    if (/(?:ed|ing|ly)$/.test(w) && !rule('source.inverted-role-adjective', !!toks[k + 1]?.word && !toks[k + 1]!.cap)) return -1;
    person ||= personWord(w) || ROLE_LEAD.test(w) || KIN.test(w);
    k++;
  }
  // Capitalised role words may come between ("GOP strategist"): the name is the run of capitals closing the clause.
  while (k < toks.length && k <= cueEnd + 9 && toks[k]!.word && !BOUNDARY.has(toks[k]!.lower) && (toks[k]!.cap || personWord(toks[k]!.lower))) {
    person ||= personWord(toks[k]!.lower);
    k++;
  }
  const end = k - 1;
  const closing = !toks[k] || toks[k]!.text === ',' || toks[k]!.text === '.' || rule('source.inverted-role-place', placeAfterName(toks, end) > end);
  return person && closing && end >= cueEnd + 3 && toks[end]!.cap && toks[end - 1]!.cap ? end : -1;
}

/**
 * The last token of "of Derry" or "of Derry, N.H." after a name ending at `end` when it closes the clause ("… said voter
 * Ann Lee of Derry."), or -1.
 */
function placeAfterName(toks: readonly Token[], end: number): number {
  if (toks[end + 1]?.lower !== 'of') return -1;
  let k = end + 2;
  while (k < toks.length && k <= end + 4 && toks[k]!.word && toks[k]!.cap) k++;
  if (k === end + 2) return -1;
  // ", N.H." or ", Calif.": a state after the town.
  if (toks[k]?.text === ',' && toks[k + 1]?.cap && toks[k + 1]!.word && (!toks[k + 2] || /^[,.]$/.test(toks[k + 2]!.text))) k += 2;
  return !toks[k] || /^[,.]$/.test(toks[k]!.text) ? k - 1 : -1;
}

/** Nouns of kin that name a person before a name ("widow Ann Lund", "mother Ida Roy"). */
const KIN = /^(?:widow|widower|mother|father|wife|husband|daughter|sister|brother|grandmother|grandfather)$/;

/** Whether token `k` is a slash or hyphen joining two numbers inside role words ("9/11 widow", "24-7 volunteer"). */
function joinedNumber(toks: readonly Token[], k: number): boolean {
  return /^[-/]$/.test(toks[k]!.text) && /^\d+$/.test(toks[k - 1]?.text ?? '') && /^\d+$/.test(toks[k + 1]?.text ?? '');
}

/** Words placing an unnamed speaker ("close to the campaign", "familiar with the talks", "with knowledge of …"). */
const PLACING = /^(?:close to|familiar with|involved in|involved with|with knowledge|with direct|briefed on|close with)\b/;

/** The inverted source after a quotation or at the start ("…,” said Kevin Brady, chairman of …"). */
function invertedSource(toks: Token[], site: CueSite, speaker: Speaker): void {
  const { cueEnd } = site;
  const role = roleName(toks, cueEnd);
  let end = Math.max(invertedNameEnd(toks, cueEnd), role);
  // "…,” said a person close to the Clintons.", "said one Republican involved in the planning": the
  // phrase placing an unnamed speaker is the source's, as PolNeAR writes it.
  // ("one official familiar with the talks": the noun phrase may have taken the placing word.)
  const place = end < 0 ? -1 : [end, end + 1].find((p) => p > cueEnd + 1 && PLACING.test(`${toks[p]?.lower ?? ''} ${toks[p + 1]?.lower ?? ''}`)) ?? -1;
  const head = toks[place - 1];
  const indefinite = /^(?:a|an|one|another|two|three|several|some)$/.test(toks[cueEnd + 1]?.lower ?? '');
  if (place > 0 && head && head.word && (head.cap ? indefinite : personWord(head.lower) || indefinite)) {
    let k = place + 1;
    while (k + 1 < toks.length && k - place < 14 && (toks[k + 1]!.word || /^['’]s$|^[-&/]$/.test(toks[k + 1]!.text))) k++;
    if (rule('source.placing-phrase', k + 1 >= toks.length || toks[k + 1]!.text === ',' || toks[k + 1]!.text === '.')) {
      speaker.name = span(toks, cueEnd + 1, place - 1);
      end = k;
    }
  }
  // A placed speaker takes no description after it: what follows is why they are unnamed
  // (", who spoke on the condition of anonymity"), which PolNeAR leaves out.
  const placed = !!speaker.name;
  if (end >= 0) {
    speaker.source = span(toks, cueEnd + 1, end);
    // "…, said Kevin Brady, chairman of the House Ways and Means Committee.": the description is
    // part of the source as written; the claimant stays the name.
    const described = placed ? end : appositiveEnd(toks, end);
    if (described > end) {
      speaker.name = speaker.source;
      speaker.source = span(toks, cueEnd + 1, described);
    }
    // ("said lead manager First Boston Corp": the name is the capitals closing the role words, where those role words
    // made the cue inverted (source.inverted-role-name); "said pollster Frank Luntz" keeps its name as before.)
    if (role === end && roleInverted.has(site)) {
      let from = end;
      while (from > cueEnd + 1 && toks[from - 1]!.cap) from--;
      speaker.name = span(toks, from, end);
      // "said voter Ann Lee of Derry": the place is the source's, as written; the claimant stays the name.
      const place = placeAfterName(toks, end);
      if (place > end) speaker.source = span(toks, cueEnd + 1, place);
    }
    speaker.contentBefore = true;
  }
}

/** A lone capitalised word that names nobody: an adverb by its ending ("Shortly", "Usually", "Recently") or another ("Perhaps", "More recently"), an article or "Recent". */
const NOT_A_NAME = /^(?:\p{Lu}\p{Ll}+(?:al|ent|ant|ous|ive|ful|ic|ar|ort|ick|ain|ear|ight|ual|ate|ied)ly|The|A|An|Recent|Such|Perhaps|More)$/u;

/** Capitalised sentence adverbs that may open a clause before its subject without a comma ("Meanwhile Rihanna said"). */
const OPENING_ADVERB = /^(?:Meanwhile|Perhaps|Ultimately|Alongside|Eventually|Instead|Moreover|Additionally|Likewise|Similarly|Separately|Indeed|Thus|Still|Also)\s+(?=[\p{L}\d])/u;

/** The source vetoes: a lone participle, an event raising concerns, an opening word, a generic "you", no letter at all, an opening sentence adverb. */
function vetoSource(text: string, source: Span | null, lemma: string, name?: Span): Span | null {
  // "is propounding views", "has faced ridicule": a lone participle is no speaker.
  if (source && rule('source.lone-participle', source.end - source.start < 30 && /^[a-z]+(?:ing|ed)$/.test(text.slice(source.start, source.end)))) source = null;
  // "The incident has raised concerns": an event raises concerns, nobody voices them.
  if (source && /^rais/.test(lemma)) {
    const words = text.slice(source.start, source.end).split(/\s+/);
    const head = words[words.length - 1]!;
    if (rule('source.event-raises', !/^\p{Lu}/u.test(head) && !personWord(head.toLowerCase()) && !PRONOUNS.has(head.toLowerCase()))) source = null;
  }
  // "Meanwhile Rihanna said", "Perhaps young voters prefer": a sentence adverb opening the clause without a comma is no part of the source.
  const adverb = source ? OPENING_ADVERB.exec(text.slice(source.start, source.end)) : null;
  if (source && adverb && rule('source.opening-adverb', !/^[a-z]+ly$/.test(text.slice(source.start + adverb[0].length, source.end)))) source = { start: source.start + adverb[0].length, end: source.end };
  // "Moreover, the company, whose …, sees": an opening sentence adverb set off by a comma is no part of the source.
  const openingComma = source ? /^(\p{Lu}\p{Ll}+),\s+(?=\S)/u.exec(text.slice(source.start, source.end)) : null;
  if (source && openingComma && rule('source.opening-word-comma', (INTRO_WORDS.has(openingComma[1]!.toLowerCase()) || CONNECTIVES.has(openingComma[1]!.toLowerCase())) && /\p{L}/u.test(text.slice(source.start + openingComma[0].length, source.end)))) source = { start: source.start + openingComma[0].length, end: source.end };
  // "9:12PMTrump Says …", "8:47PM Ted Cruz Apologizes …": a live page's time stamp, glued or not, is no part of the source.
  const stamp = source ? /^(?:\d{1,2}:)?\d{1,2}\s?[AP]M\s*(?=\p{Lu}\p{Ll})/u.exec(text.slice(source.start, source.end)) : null;
  if (source && stamp && rule('source.time-stamp', true)) source = { start: source.start + stamp[0].length, end: source.end };
  // "Having announced …", "Instead, …": an opening word is no speaker.
  if (source && rule('source.opening-word', source.end - source.start < 14 && INTRO_WORDS.has(text.slice(source.start, source.end).toLowerCase()))) source = null;
  // "Shortly after the merger, the founders had mobilized, warning …", "The plan, agreed in January, …": a lone
  // capitalised adverb, article or adjective opening the sentence is no name ("Kelly", "Daly" are).
  if (source && rule('source.lone-opening-word', NOT_A_NAME.test(text.slice(source.start, source.end)))) source = null;
  // "Following initial reports of …", "Despite early claims": a source never opens with a preposition or subordinator.
  if (source && rule('source.preposition', SUBORDINATE.has(/^\S+/.exec(text.slice(source.start, source.end))?.[0]?.toLowerCase() ?? ''))) source = null;
  // "Two weeks after …, Thomas broke his silence by asking": a time phrase is no speaker.
  if (source && rule('source.time-phrase', timePhrase(text.slice(source.start, source.end)))) source = null;
  // "if you think …", "you can say that": a generic "you" is nobody's claim.
  if (source && rule('source.generic-you', /^you$/i.test(text.slice(source.start, source.end)))) source = null;
  // "was happy to hear Clinton pledged", "June despite his delegate lead and Democratic calls": a source
  // that holds an infinitive or a concessive clause has run over a clause; it names no speaker.
  // ("Joe Moss, who drove from Ohio to help the campaign, says": a clause inside the description
  // after the name says who the speaker is; only the name must hold none.)
  const described = !!name && name.start === source?.start && name.end < source.end && /^\s*[,—]/.test(text.slice(name.end, source.end));
  const checked = source && rule('source.described-clause', described && clauseInside(text.slice(source.start, source.end))) ? name! : source;
  if (source && rule('source.clause-inside', clauseInside(text.slice(checked!.start, checked!.end)))) source = null;
  // "Jan. 1, 2015, shows": a source names someone, so it has a letter in it.
  if (source && rule('source.no-letter', !/\p{L}|%/u.test(text.slice(source.start, source.end)))) source = null;
  return source;
}

/** Whether a source as written holds a clause: "to" with a bare verb ("happy to hear Clinton"), or a concessive ("despite …"). */
function clauseInside(source: string): boolean {
  if (/\b(?:despite|because|although|whereas|unless)\s+\S/i.test(source)) return true;
  for (const m of source.matchAll(/\bto\s+([a-z]+)\b/g)) {
    const verb = m[1]!;
    if (/(?:s|ed|ing)$/.test(verb)) continue;
    if (COMMON_VERBS.has(verb) || CUE_VERBS.get(verb)?.lemma === verb) return true;
  }
  return false;
}

/** A bare time phrase ("Two weeks", "last month", "Three days later"): up to three words ending in a time word. */
function timePhrase(source: string): boolean {
  const words = source.split(/\s+/);
  const last = words.at(-1)!;
  if (words.length > 3 || !/^[a-z]/.test(last)) return false;
  const head = /^(?:later|earlier|ago)$/.test(last) && words.length > 1 ? words.at(-2)! : last;
  return TIME_HEAD.test(head.replace(/s$/, ''));
}

/** A company's abbreviated legal ending standing alone ("Corp", "Ltd."; "Company" alone may be "the company"). */
const LEGAL_ENDING = new RegExp(`^(?:${SHORT_LEGAL_ENDINGS.join('|')})\\.?$`);

/**
 * The first token of the company name a legal ending starting at offset `at` closes: capitalised words (with
 * "and", "of", "&" between them), a parenthesis ("Sony (U.K.) Ltd") or a ticker ("Norcros <NCRO.L> Plc") before
 * it, up to twelve tokens back; -1 when no capitalised word stands there.
 */
function legalNameStart(toks: readonly Token[], at: number): number {
  const end = toks.findIndex((t) => t.start === at);
  let k = end;
  let named = false;
  while (k > 0 && end - k < 12) {
    const t = toks[k - 1]!;
    if (t.text === ')' || t.text === '>') {
      const open = t.text === ')' ? '(' : '<';
      let j = k - 2;
      while (j >= 0 && k - 1 - j <= 5 && toks[j]!.text !== open) j--;
      if (j < 0 || toks[j]!.text !== open) break;
      k = j;
    } else if (t.cap && t.word) (k--, (named = true));
    else if (/^(?:and|of|&)$/.test(t.lower) && toks[k - 2]?.cap) k--;
    else if (/^['’]$/.test(t.text) && toks[k - 2]?.cap) k--;
    else break;
  }
  return named && toks[k]?.cap ? k : -1;
}
