/**
 * The source before the cue, read from the word just before it ("Yusov said", "she said", "Ted Cruz,
 * by contrast, wrote"), and whether what was said then comes before the cue.
 */
import { headOf, placeBefore, relativeAntecedentStart, relativeSubject } from './antecedents.js';
import { insertedSubject, pluralAntecedent, subordinateSubject, unitSubject, wholeSubject } from './clause-subjects.js';
import { BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS, PRONOUNS, SPEAKER_NOUNS, TIME_WORD } from './lexicon.js';
import { clauseStart, nameAfterAnd, npLeft, npRight, span, substantial } from './phrases.js';
import { rule } from './rules.js';
import { CALENDAR_NAMES, QUANTIFIERS, QUANTITY_NOUNS, SUBORDINATE, SUBORDINATORS, TIME_HEAD } from './words.js';
import { CLOSE_QUOTES, isQuote, type Token } from './tokens.js';
import { AUX_AFTER, type CueSite, personWord, type Speaker, type UnitScan } from './scan.js';
import { DASHES, type DashedSpeaker, dashedSpeaker, datedTail, describedSubject, nameAfterOccasion, openNameBefore, participlePerson, pronounRelativeSubject, relativeBefore, roleWord, shareSubject, stateAfterTown, subjectAfterOpening, taggedListStart } from './subject-shapes.js';

/** First words of a phrase describing a speaker: "a spokesman for…", "who runs…", "its chief executive". */
const APPOSITIVE_START = new Set(['a', 'an', 'the', 'who', 'whose', 'which', 'its', 'his', 'her', 'their', 'our', 'then', 'now', 'former', 'also']);

/** Words that may follow a speaker's verb when what was said came before ("“…,” she said at a rally"). */
const AFTER_SPEECH = new Set(['at', 'in', 'on', 'during', 'without', 'after', 'while', 'when', 'to']);

/** Words that open a closing phrase after a speech verb besides those: "said of the plan", "said with a laugh", "said as he left". */
const CLOSING_OPENERS = new Set([...AFTER_SPEECH, 'of', 'about', 'with', 'as', 'before', 'by', 'from', 'outside', 'through', 'via', 'following', 'ahead', 'again']);

/** Lower-case words ending in "-ly" that are no adverb. */
export const NOT_ADVERB = new Set(['family', 'supply', 'rally', 'ally', 'assembly', 'monopoly', 'anomaly', 'reply', 'apply', 'comply', 'imply', 'multiply', 'belly', 'bully']);

/**
 * Whether only a closing phrase follows the cue to the end of its unit ("said Friday.", "said of waterboarding.",
 * "said last month.", "said sarcastically.", "said with a laugh."): no clause, no quotation. Then what was said
 * is the quotation or clause before the speaker, not those words.
 */
function closingPhrase(toks: readonly Token[], cueEnd: number, lemma: string): boolean {
  // "told AFP in an interview on Monday": past the addressee of "told".
  const addressee = lemma === 'tell' && toks[cueEnd + 1]?.word && !CLOSING_OPENERS.has(toks[cueEnd + 1]!.lower) ? npRight(toks as Token[], cueEnd + 1) : -1;
  const rest = toks.slice((addressee > cueEnd ? addressee : cueEnd) + 1);
  const words = rest.filter((t) => t.word);
  if (!words.length) return true;
  if (words.length > 14 || rest.some((t) => isQuote(t))) return false;
  const first = words[0]!;
  const opens = CLOSING_OPENERS.has(first.lower) || TIME_WORD.test(first.lower) || (/^(?:last|this|next)$/.test(first.lower) && TIME_HEAD.test(words[1]?.lower ?? '')) ||
    (!first.cap && /^[a-z]{2,}ly$/.test(first.text) && !NOT_ADVERB.has(first.lower));
  return opens && clauseFree(words);
}

/** Whether no word of `words` opens or carries a clause: no "that", "if", "whether" …, "not", reporting verb or auxiliary. */
function clauseFree(words: readonly Token[]): boolean {
  return words.every((t) => !/^(?:that|if|whether|what|how|why|not)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && !AUX_AFTER.has(t.lower));
}

/**
 * Whether "told" at `cueEnd` takes only its addressee and closes the sentence ("told Reuters.", "told
 * reporters on Tuesday.", "told the crowd in Ohio."): what was said is then before the speaker. Short,
 * with no clause ("that", a verb) after it.
 */
function closingAddressee(toks: readonly Token[], cueEnd: number, lemma: string): boolean {
  if (lemma !== 'tell') return false;
  const rest = toks.slice(cueEnd + 1).filter((t) => t.word);
  if (rest.length === 0 || rest.length > 8 || toks.slice(cueEnd + 1).some((t) => isQuote(t))) return false;
  return rest.every((t) => !/^(?:that|if|whether|what|how|why|to|not)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && !COMMON_VERBS.has(t.lower));
}

/**
 * "Prices will rise, Lee said at a meeting.": a short clause opening the unit before the comma, and only a
 * closing phrase of place or time (or nothing) after the cue. The clause is what was said, too short for `substantial`.
 */
function shortClauseBefore(toks: readonly Token[], comma: number, cueEnd: number): boolean {
  const head = toks.slice(0, comma);
  const words = head.filter((t) => t.word);
  if (words.length < 3 || words.length >= 6 || head.some((t) => t.text === ',' || isQuote(t))) return false;
  const first = words[0]!.lower;
  if (SUBORDINATORS.has(first) || (BOUNDARY.has(first) && !PRONOUNS.has(first) && first !== 'there')) return false;
  if (!words.slice(1).some((t) => !t.cap && (COMMON_VERBS.has(t.lower) || AUX_AFTER.has(t.lower) || /ed$/.test(t.lower)))) return false;
  const rest = toks.slice(cueEnd + 1).filter((t) => t.word);
  if (rest.length > 10 || toks.slice(cueEnd + 1).some((t) => isQuote(t))) return false;
  if (rest.length && !AFTER_SPEECH.has(rest[0]!.lower) && !TIME_WORD.test(rest[0]!.lower)) return false;
  return clauseFree(rest);
}

/** The last token of a subject before a floating quantifier at `q`, past auxiliaries ("Lund and Berg have both argued" → "Berg"). */
function auxBefore(toks: readonly Token[], q: number): number {
  let k = q - 1;
  // (Not past a form of "be": "the dockers were all warned" is a passive, its subject no speaker.)
  while (k > q - 3 && /^(?:have|has|had|will|would|did)$/.test(toks[k]?.lower ?? '')) k--;
  return rule('source.quantifier-after-auxiliary', k < q - 1) ? k : q - 1;
}

/** True when token `k` closes a quotation ("”", '"', "''", or a comma right after one). */
function quotationEnds(toks: readonly Token[], k: number): boolean {
  const token = toks[k];
  return !!token && (CLOSE_QUOTES.has(token.text) || token.text === '"' || token.text === "''" || (token.text === ',' && isQuote(toks[k - 1])));
}

/** The source before the cue ("Yusov said", "they both said", "families, many of whom say"), from the word just before it. */
export function sourceBefore(scan: UnitScan, site: CueSite, before: number, wordBefore: Token, speaker: Speaker): void {
  const { toks, out } = scan;
  const { c, cueWord, cueEnd, lemma } = site;
  // The subject's last token before a floating quantifier ("they both said", "Lund and Berg have both argued").
  const last = wordBefore.lower === 'both' || wordBefore.lower === 'all' ? auxBefore(toks, before) : -1;
  // A wire story's company before the cue ("Acme Plc <ACME.L> said"): the closing '>' and the company's first token.
  let close = -1;
  let wireStart = -1;
  let dashed: DashedSpeaker | null = null;
  let quoteOpen = -1;
  // "Sens. Ida Lund (D-Ore.), Tom Berg (D-Ohio) and Ana Roy (D-N.J.) all said": the names with their party tags.
  const tagged = last >= 0 && toks[last]?.text === ')' ? taggedListStart(toks, last) : -1;
  if (rule('source.tagged-list-quantifier', tagged >= 0)) {
    speaker.source = span(toks, tagged, rule('source.floating-quantifier', true) ? last : before);
    speaker.name = span(toks, tagged, last);
  } else if (last >= 0 && /^(?:they|we)$/.test(toks[last]?.lower ?? '')) {
    // "They both said", "they have both said": the pronoun is the speaker.
    speaker.source = span(toks, last, last === before - 1 ? before : last);
    speaker.name = span(toks, last, last);
  } else if (last >= 0 && toks[last]?.word && !BOUNDARY.has(toks[last]!.lower) && npLeft(toks, last) >= 0) {
    // "Richards and Menendez both stressed": the subject before the quantifier.
    // ("Lund and Berg have both argued": past an auxiliary before it, source.quantifier-after-auxiliary.)
    const subjectStart = wholeSubject(toks, npLeft(toks, last));
    if (subjectStart >= 0 && clauseStart(toks, subjectStart)) {
      // PolNeAR's gold leaves the floating quantifier out of the source (train: 20 against 3).
      speaker.source = span(toks, subjectStart, rule('source.floating-quantifier', true) ? last : before);
      speaker.name = span(toks, subjectStart, last);
    }
  } else if (PRONOUNS.has(wordBefore.lower)) {
    pronounSource(toks, site, before, wordBefore, speaker);
  } else if (wordBefore.text === '%' && /^\d/.test(toks[before - 1]?.text ?? '')) {
    // "42% say they are liberal": a share of respondents.
    speaker.source = span(toks, before - 1, before);
  } else if ((close = wireCompanyEnd(toks, before)) >= 0 && (wireStart = tickerSubject(toks, close)) >= 0) {
    // "Acme Industries Plc <ACME.L> said": wire copy writes the company's stock ticker after its name; the source
    // runs over both, the name is the speaker.
    // ("Barclays Plc <BCS.L> and Lloyds Bank Plc <LLOY.L> said": companies listed with their tickers are one source, shown as written.)
    // ("Varian Associates Inc and <Siemens AG> said", "Acme Inc, Bolt Corp <BC> and Cole Plc <CP> said": a list ends
    // in "and"; an item without brackets is a capitalised name. "Separately, Acme Inc <AI> said" is no list.)
    // ("<Willemijn Holding BV> of Rotterdam said", "<Industrial Equity Ltd> (IEL) said": the place or short name after it is the company's.)
    let start = wireStart;
    let listed = false;
    for (let k = start - 1; k >= 2 && (toks[k]!.lower === 'and' || (listed && toks[k]!.text === ',')); k = start - 1) {
      const name = toks[k - 1]!.cap ? npLeft(toks, k - 1) : -1;
      const earlier = toks[k - 1]!.text === '>' ? tickerSubject(toks, k - 1) : name >= 0 && toks[name]!.cap && clauseStart(toks, name) ? name : -1;
      if (earlier < 0) break;
      start = earlier;
      listed = true;
    }
    if (rule('source.ticker-after-name', true)) {
      speaker.source = span(toks, start, before);
      // ("Dutch transport group PHS Van Ommeren NV <OMMN.AS>": the speaker's name is the capitalised run before the ticker.)
      // ("The directors of Hughes Tool Co <HT> said": a phrase the name belongs to stays the speaker's.)
      const open = bracketOpen(toks, close);
      const unlisted = !tickerInside(toks, open, close);
      const run = nameRunStart(toks, start, open - 1);
      // ("<County Ltd> said": an unlisted company's name is the words inside the brackets.)
      if (!listed && unlisted) speaker.name = span(toks, open + 1, close - 1);
      if (!listed && !unlisted) speaker.name = span(toks, /^(?:of|at|for|in|from|with|by|to)$/.test(toks[run - 1]?.lower ?? '') ? start : run, open - 1);
    }
  } else if (/^(?:him|her|them|us|me)$/.test(wordBefore.lower) && /^(?:to|with)$/.test(toks[before - 1]?.lower ?? '') && /^(?:close|familiar|loyal|near|allied|friendly|connected)$/.test(toks[before - 2]?.lower ?? '')) {
    // "a source close to him said": the phrase ends in an object pronoun.
    const subjectStart = npLeft(toks, before - 2);
    if (subjectStart >= 0 && clauseStart(toks, subjectStart)) {
      speaker.source = span(toks, subjectStart, before);
      speaker.contentBefore = subjectStart > 1 && toks[subjectStart - 1]!.text === ',' && cueEnd + 1 >= toks.length - 1;
    }
  } else if (/^(?:them|us)$/.test(wordBefore.lower) && toks[before - 1]?.lower === 'of' && QUANTITY_NOUNS.has(toks[before - 2]?.lower ?? '') && rule('source.share-of-them', clauseStart(toks, npLeft(toks, before - 2)))) {
    // "Most of them said", "Nearly 10 percent of them voted": a share of a group named before is the source as written.
    speaker.source = span(toks, npLeft(toks, before - 2), before);
  } else if ((wordBefore.lower === 'whom' || wordBefore.lower === 'which') && toks[before - 1]?.lower === 'of' && QUANTIFIERS.has(toks[before - 2]?.lower ?? '')) {
    // "families, many of whom say": the quantified relative is the source as written.
    speaker.source = span(toks, before - 2, before);
  } else if (rule('source.dashed-interrupter', !!(dashed = dashedInterrupter(toks, site, before)))) {
    // "Lund -- co-editor of a book on ports -- said", "Lund ― whose brother built the pier ― has derided": the subject before the dashes.
    // The claimant is named by the words before the dashes when they end in a name ("Ida Lund -- a welder --") or a group
    // the dashes give members of ("Dockers -- including Ida Lund --"), never by a role or a group whose names the dashes
    // give ("A former mayor -- Ida Lund --", "The three scholars -- Lund, Berg and Roy --").
    const name = span(toks, dashed!.start, dashed!.last);
    if (toks[dashed!.last]!.cap || toks[dashed!.last + 2]?.lower === 'including' || toks[dashed!.last + 3]?.lower === 'including') speaker.name = name;
    speaker.source = rule('source.dashed-description', dashed!.describes) ? span(toks, dashed!.start, before) : name;
  } else if ((wordBefore.text === ',' || wordBefore.text === '—') && !rule('source.coordinated-verb', toks.slice(before + 1, c).some((x) => x.lower === 'then'))) {
    insertedSource(toks, site, before, speaker);
    // "insiders in the next two states — Nevada and South Carolina — said": a phrase set between two dashes after
    // the subject is an interrupter, never the subject; with the subject before it not found, no source beats it.
    const open = DASHES.has(wordBefore.text) ? dashOpening(toks, before) : -1;
    if (speaker.source && rule('source.inside-dashes', open > 0 && speaker.source.start > toks[open]!.start)) {
      speaker.source = null;
      delete speaker.name;
      delete speaker.apposition;
    }
    nameWithoutStatement(scan, speaker);
  } else if (isQuote(wordBefore) && rule('source.quoted-interrupter', (quoteOpen = quotedInterrupter(toks, site, before)) > 0)) {
    // "Lund, who calls the mayor a “liar,” said": the inserted phrase ends in a quotation closed after its comma.
    insertedSource(toks, site, before, speaker, quoteOpen);
    nameWithoutStatement(scan, speaker);
  } else if (wordBefore.lower === 'and' || wordBefore.lower === 'but' || wordBefore.text === ',' || wordBefore.text === '—') {
    // "… and urged", "…, then says": a verb coordinated with an earlier one shares its subject: the
    // subject of a subordinate clause it continues ("as he spoke … and urged"), else the previous
    // statement's speaker, else the subject of the sentence ("She greeted supporters and told them…").
    const previous = out.at(-1);
    // "Lee, who has both praised the plan and criticized its cost": a verb joined to another in a
    // relative clause shares the relative pronoun as its subject.
    // (Only after a comma or a dash: "officials who met … and said" is read with the noun, as gold mostly has it.)
    const who = wordBefore.word ? relativeBefore(toks, c) : -1;
    if (rule('source.relative-conjunct', who > 0 && /^(?:,|-|—|–)$/.test(toks[who - 1]!.text) && !out.some((o) => o.cue.start >= toks[who]!.end && o.cue.start < toks[c]!.start))) {
      pronounSource(toks, site, who, toks[who]!, speaker);
      return;
    }
    // "Another choice is Ida Lund, a lawyer who led the team and says …": in a relative clause after the main verb (not
    // the subject's own: "officials who met Lund and said" reads with the noun), the joined verb is the relative's too.
    const subject = who > 0 && toks[who - 1]!.word ? unitSubject(toks) : null;
    if (rule('source.relative-conjunct-after-verb', !!subject && subject[1] < who - 1 && toks.slice(subject[1] + 1, who).some((x) => x.word && (COMMON_VERBS.has(x.lower) || /^(?:is|was|are|were)$/.test(x.lower))) &&
      !out.some((o) => o.cue.start >= toks[who]!.end && o.cue.start < toks[c]!.start))) {
      pronounSource(toks, site, who, toks[who]!, speaker);
      return;
    }
    const from = previous ? toks.findIndex((x) => x.start >= previous.cue.end) - 1 : 0;
    const sub = wordBefore.word ? subordinateSubject(toks, Math.max(0, from), before) : null;
    const later = previous && !sub ? subjectAfterOpening(toks, previous, before, true) : null;
    if (rule('source.subordinate-conjunct', !!sub)) speaker.source = span(toks, sub![0], sub![1]);
    else if (rule('source.conjunct-later-subject', !!later)) describedSubject(toks, later!, before, speaker);
    else if (out.length) speaker.sameAsPrevious = true;
    else {
      const subj = unitSubject(toks);
      if (subj && subj[1] < before) describedSubject(toks, subj, before, speaker);
    }
  } else {
    const rel = relativeSubject(toks, before);
    let subjectStart = rel ? rel[0] : wholeSubject(toks, npLeft(toks, before));
    // "spending the final day attacking a rival": a bare -ing form has no subject right before it,
    // unless an auxiliary stands between ("was attacking") or "with" opens it ("with Fox News calling").
    // ("posts late Sunday saying …": a time phrase between is no auxiliary either.)
    // ("sent the DNC on Monday alleging …": "on" opening the time phrase is part of it.)
    const bare = toks.slice(before + 1, c).every((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || /^(?:late|early|last|this|next|on)$/.test(x.lower));
    // "all the dockers I interviewed said": a subject whose relative clause a pronoun opens runs up to the cue.
    const relPronoun = rel ? null : pronounRelativeSubject(toks, before, c);
    if (rule('source.pronoun-relative', !!relPronoun)) {
      speaker.source = span(toks, relPronoun![0], relPronoun![1]);
      return;
    }
    // ("footage of Lund saying", "featuring dockers telling": a person shown doing it stays the subject.)
    const participle = !rel && subjectStart >= 0 && /ing$/.test(cueWord.lower) && toks[subjectStart - 1]?.lower !== 'with';
    const person = participle && bare ? participlePerson(toks, subjectStart, before, c) : -1;
    // "Lund spent much of her speech attacking …", "speakers took turns urging …": the subject of the verb spending the time.
    // (Not after a preposition: "spend a fifth of their budgets on publishing" names a trade.)
    const spender = participle && bare && person < 0 && !/^(?:on|in|of|for|at|to|with|about)$/.test(toks[c - 1]?.lower ?? '') ? spendingSubject(toks, c) : null;
    if (rule('source.spent-time-participle', !!spender)) {
      speaker.source = span(toks, spender![0], spender![1]);
      return;
    }
    // "…, with Fox News and NBC News calling the race": the phrase after an absolute "with" is the participle's subject.
    const absolute = !rel && bare && /ing$/.test(cueWord.lower) ? withSubject(toks, c) : null;
    if (rule('source.with-absolute-subject', !!absolute)) {
      speaker.source = span(toks, absolute![0], absolute![1]);
      return;
    }
    // "His office put out a statement saying …", "Lund sent an email to supporters on Monday urging …": the issuer of the message.
    const issuer = participle && bare && person < 0 ? issuerSubject(toks, c) : null;
    if (rule('source.issued-message-participle', !!issuer)) {
      speaker.source = span(toks, issuer![0], issuer![1]);
      return;
    }
    if (rule('source.participle-person', person >= 0)) subjectStart = person;
    else if (participle && rule('source.bare-participle', bare)) subjectStart = -1;
    if (rel) {
      speaker.source = span(toks, rel[0], before);
      speaker.name = span(toks, rel[0], rel[1]);
    }
    // "Ida Lund, the harbour's spokeswoman said": a name opening the sentence before a description
    // that runs into the cue without a closing comma is the subject, and the source runs over both.
    const named = !rel && subjectStart >= 2 ? openNameBefore(toks, subjectStart) : -1;
    if (rule('source.open-description-name', named >= 0)) {
      speaker.source = span(toks, named, datedTail(toks, before, c));
      speaker.name = span(toks, named, subjectStart - 2);
      return;
    }
    // "One in five said", "about one in four say", "… 39 have said": a share of respondents as a number.
    const share = !rel && subjectStart < 0 ? shareSubject(toks, before) : -1;
    if (rule('source.number-share', share >= 0)) {
      speaker.source = span(toks, share, before);
      return;
    }
    // "In a radio interview Lund declared": a name after an opening phrase of occasion that no comma closes.
    const occasion = !rel && subjectStart < 0 && !/ing$/.test(cueWord.lower) ? nameAfterOccasion(toks, before) : -1;
    if (rule('source.name-after-occasion', occasion >= 0)) subjectStart = occasion;
    if (subjectStart >= 0) {
      if (!rel) speaker.source = span(toks, subjectStart, datedTail(toks, before, c));
      const pre = toks[subjectStart - 1];
      // "C, X said (at a meeting…)": the content is what comes before the comma — also after a
      // subject with its relative clause ("C, sources who reviewed them told POLITICO.").
      const after = toks[cueEnd + 1];
      if (pre && (isQuote(pre) || (pre.text === ',' && (substantial(toks, subjectStart - 1) || rule('content.short-clause-before', shortClauseBefore(toks, subjectStart - 1, cueEnd))))) && subjectStart > 1 && (!after || !after.word || AFTER_SPEECH.has(after.lower) || (lemma === 'tell' && after.cap) || rule('content.before-addressee', closingAddressee(toks, cueEnd, lemma)) || rule('content.closing-phrase', closingPhrase(toks, cueEnd, lemma))) && (!rel || rule('content.before-relative-subject', true))) {
        speaker.contentBefore = true;
      }
    }
  }
}

/** A stock ticker in angle brackets ("<ACME.L>", "<T>"). */
const TICKER = /^[A-Z0-9][A-Z0-9.]*$/;

/**
 * The '>' closing a wire story's company name that ends at `end`: the token itself, or the one before a short
 * name in parentheses ("<Acme Ltd> (AL)") or a place after "of" ("<Acme BV> of Rotterdam"); else -1.
 */
function wireCompanyEnd(toks: readonly Token[], end: number): number {
  if (toks[end]?.text === '>') return end;
  if (toks[end]?.text === ')' && toks[end - 2]?.text === '(' && toks[end - 1]!.word && toks[end - 3]?.text === '>') return end - 3;
  let k = end;
  while (k > 0 && end - k < 4 && toks[k]!.cap) k--;
  return k < end && toks[k]!.lower === 'of' && toks[k - 1]?.text === '>' ? k - 1 : -1;
}

/**
 * The start of the company a wire story names with angle brackets ending at `close`: the name right before a
 * stock ticker ("Acme Industries Plc <ACME.L>"), or an unlisted company's name in the brackets ("<Acme Ltd>"),
 * when it opens its clause; else -1.
 */
function tickerSubject(toks: Token[], close: number): number {
  const open = bracketOpen(toks, close);
  if (open < 0) return -1;
  let start = -1;
  // ("Stora AB <SKPS ST>": a ticker may be written in two parts.)
  const ticker = tickerInside(toks, open, close);
  if (ticker && toks[open - 1]?.cap) start = wholeSubject(toks, npLeft(toks, open - 1));
  else if (!ticker && toks[open + 1]!.cap) {
    // ("Australian investment group <Acme Equity Ltd>": a description before the brackets is the subject's;
    // "Hughes Corp, a unit of <Acme Ltd> said" has its subject before the comma, not in the brackets.)
    const before = toks[open - 1];
    const described = before?.word && !/^(?:the|of|to|by|from|with|for|in|at|on|and|or)$/.test(before.lower) ? wholeSubject(toks, npLeft(toks, open - 1)) : -1;
    if (described >= 0 && clauseStart(toks, described)) start = described;
    else if (before?.lower === 'the') start = open - 1;
    else if (!before?.word || before.lower === 'and') start = open;
  }
  return start >= 0 && clauseStart(toks, start) ? start : -1;
}

/** True when the angle brackets from `open` to `close` hold a stock ticker ("<ACME.L>", "<SKPS ST>"), not a name. */
function tickerInside(toks: readonly Token[], open: number, close: number): boolean {
  return close - open <= 3 && toks.slice(open + 1, close).every((t) => TICKER.test(t.text));
}

/** The '<' opening the angle brackets closed at `close` around a ticker or a name (at most ten tokens), or -1. */
function bracketOpen(toks: readonly Token[], close: number): number {
  let open = close - 1;
  while (open > 0 && close - open <= 10 && toks[open]!.text !== '<' && (toks[open]!.word || /^[&.()-]$/.test(toks[open]!.text))) open--;
  return open >= 0 && open < close - 1 && toks[open]!.text === '<' ? open : -1;
}

/** Lower-case words inside a company's name ("Saatchi and Saatchi Co", "Bilfinger und Berger-Bau AG"). */
const NAME_CONNECTORS = new Set(['and', 'und', 'et', '&', 'of', 'de', 'du', 'des', 'der', 'la', 'van', 'von']);

/** The first token of the capitalised run ending at `end` (no earlier than `from`), over connectors between capitals. */
function nameRunStart(toks: readonly Token[], from: number, end: number): number {
  let k = end;
  while (k > from && (toks[k - 1]!.cap || (NAME_CONNECTORS.has(toks[k - 1]!.lower) && k - 2 >= from && toks[k - 2]!.cap))) k--;
  return k;
}

/**
 * "Lee, who said last week that the pier was safe, told …": a description holding a statement
 * of its own is that statement's; the speaker is named by the name alone.
 */
function nameWithoutStatement(scan: UnitScan, speaker: Speaker): void {
  const { name, source } = speaker;
  if (!name || !source || source.end <= name.end) return;
  const holds = scan.out.some((o) => o.cue.start >= name.end && o.cue.end <= source.end);
  // "Ida Lund, a welder who fought the plan, said": a described role whose own relative clause holds the statement
  // is still the speaker's description; gold keeps it in the source. Only a relative clause opening right after the
  // name is cut.
  const first = scan.toks.find((t) => t.start >= name.end && t.word);
  const role = !!first && !/^(?:who|whose|whom|which|that)$/.test(first.lower) && !/^who['’]/.test(first.lower);
  if (holds && rule('source.description-with-statement', !rule('source.role-description-with-statement', role))) speaker.source = name;
}

/** The dash opening a phrase closed by the dash at `close` with words before it in the unit ("X — Y — said"), or -1. */
export function dashOpening(toks: readonly Token[], close: number): number {
  const dash = toks[close]!.text;
  for (let k = close - 1; k > 0 && close - k <= 40; k--) {
    if (toks[k]!.text === dash) return toks[k - 1]!.word ? k : -1;
    if (toks[k]!.text === ';' || isQuote(toks[k])) return -1;
  }
  return -1;
}

/**
 * The subject before a phrase set between dashes right before the cue ("Lund -- the author of a book --
 * said", "Lund ― who built the pier ― has derided"), with no "then" after the closing dash ("— then says").
 */
function dashedInterrupter(toks: Token[], site: CueSite, before: number): DashedSpeaker | null {
  if (!DASHES.has(toks[before]!.text) || toks.slice(before + 1, site.c).some((x) => x.lower === 'then')) return null;
  return dashedSpeaker(toks, before);
}

/**
 * Whether a form of "be" stands between the comma before the -ing cue at `c` and the cue ("Ana Poll,
 * speaking in Tarnby, is criticizing", "…, for her part, would be labeling"): a progressive verb of
 * the subject before the inserted phrase, no participle of the clause.
 */
export function progressiveAfterComma(toks: readonly Token[], c: number): boolean {
  for (let k = c - 1; k > 0 && k > c - 5; k--) {
    const t = toks[k]!;
    if (t.text === ',') return false;
    if (/^(?:is|was|are|were|be|been|am|'s|’s|'re|’re)$/.test(t.lower)) return true;
  }
  return false;
}

/**
 * With a comma and a closing quotation mark at `close` right before the cue ("Lund, who calls the mayor
 * a “liar,” said", "Berg, citing ''the cost,'' said"), the mark opening that quotation, when a word stands
 * before it; or -1. Not before a bare -ing form ("called it “a farce,” adding …" is the clause's subject's).
 */
function quotedInterrupter(toks: readonly Token[], site: CueSite, close: number): number {
  const mark = toks[close]!.text;
  if (toks[close - 1]?.text !== ',' || !(mark === '”' || mark === "''" || mark === '"')) return -1;
  if (/ing$/.test(site.cueWord.lower) && !toks.slice(close + 1, site.c).some((x) => AUX_AFTER.has(x.lower))) return -1;
  const opener = mark === '”' ? '“' : mark;
  for (let k = close - 2; k > 1 && k > close - 30; k--) {
    const t = toks[k]!;
    if (t.text === opener) return toks[k - 1]!.word ? k : -1;
    if (isQuote(t) && t.text !== "'" && t.text !== '’') return -1;
  }
  return -1;
}

/** Adverbs of time that may open a description set off by commas ("Lund, now the harbour master, …"). */
const DESCRIPTION_ADVERB = /^(?:now|then|once|formerly|currently|later|previously|still)$/;

/** A pronoun source ("she said", "who said", "it said"), with the noun a relative or "it"/"they" stands for. */
export function pronounSource(toks: Token[], site: CueSite, before: number, wordBefore: Token, speaker: Speaker): void {
  const { cueEnd } = site;
  speaker.source = span(toks, before, before);
  // "“…,” she said, adding …": the quotation before the pronoun is the content.
  const after = toks[cueEnd + 1];
  // Nothing after the cue but punctuation or a phrase of where or when ("she said at a rally").
  const closes = !after || !after.word || AFTER_SPEECH.has(after.lower);
  if (before > 1 && quotationEnds(toks, before - 1) && (closes || rule('content.closing-phrase', closingPhrase(toks, cueEnd, site.lemma)))) {
    speaker.contentBefore = true;
  }
  // "Deposits rose 30 pct from a year ago, it said in its weekly review.": "it" after the comma closing a clause,
  // with nothing but a closing phrase after the cue, reports the clause before it (and never stands for its subject).
  else if (before > 1 && toks[before - 1]!.text === ',' && wordBefore.lower === 'it' && substantial(toks, before - 1) &&
    rule('content.clause-before-pronoun', closes || closingPhrase(toks, cueEnd, site.lemma))) {
    speaker.contentBefore = true;
  }
  if ((wordBefore.lower === 'who' || wordBefore.lower === 'which') && before > 0) {
    // ", who said": the noun before the comma; "the man who said": the noun right before; "Ana Poll — who has said":
    // the noun before the dash (claimant.who-after-dash).
    // (Never after a dash closing an aside: "candidates — like Trump — who say …" are the candidates.)
    const last = toks[before - 1]!.text === ',' || rule('claimant.who-after-dash', DASHES.has(toks[before - 1]!.text) && !!toks[before - 2]?.word && dashOpening(toks, before - 1) < 0) ? before - 2 : before - 1;
    // The noun right before, without any verb it swallowed, widened to its whole phrase
    // ("a tech staffer at the State Department, who told …").
    const nounStart = relativeAntecedentStart(toks, last, wordBefore.lower === 'which');
    const head = nounStart >= 0 ? headOf(toks, nounStart, last) : null;
    // "who" stands for people, "which" for bodies: the head must be a name, a speaker noun or a plural.
    // "workers in New York, Los Angeles and Seattle who demanded": names after "in"/"at" are places, not who.
    // ("the inventory data Friday, which showed …": a day or a month is never what "which" or "who" stands for.)
    if (head && !rule('claimant.relative-not-date', CALENDAR_NAMES.includes(head.lower)) && (head.cap || SPEAKER_NOUNS.has(head.lower) || (wordBefore.lower === 'who' && /[^s]s$/.test(head.lower))) && !(wordBefore.lower === 'who' && placeBefore(toks, nounStart, last))) speaker.antecedent = span(toks, nounStart, last);
    // "Karimi, a director of Interfaith Paths, who added": the name the description belongs to.
    // ("McConnell, now the Senate majority leader, who …": the description may open with a time adverb and hold names before its head.)
    let descStart = nounStart;
    if (speaker.antecedent && nounStart > 2 && !toks[nounStart]!.cap) {
      let j = nounStart - 1;
      while (j > 0 && nounStart - j <= 6 && toks[j]!.word) j--;
      const opener = toks[j + 1]!;
      const opens = DETERMINERS.has(opener.lower) || (DESCRIPTION_ADVERB.test(opener.lower) && DETERMINERS.has(toks[j + 2]?.lower ?? ''));
      if (j < nounStart - 1 && toks[j]!.text === ',' && rule('claimant.description-adverb', opens)) descStart = j + 1;
      // ("Ed Lund, the president of the Tarn Dockers Union, which …": "which" is the body, never the person the description names.)
      if (descStart < nounStart && wordBefore.lower === 'which' && rule('claimant.relative-noun-before', personWord(headOf(toks, descStart, last).lower))) descStart = nounStart;
    }
    if (speaker.antecedent && descStart > 1 && toks[descStart - 1]!.text === ',' && !toks[nounStart]!.cap) {
      const nameStart = npLeft(toks, descStart - 2);
      // ("a deal with Lund, the harbour master, who said": a name after a preposition is described too.)
      const afterPreposition = nameStart > 0 && toks[descStart - 2]!.cap && rule('claimant.description-after-preposition', /^(?:with|by|from|to|for|against|about|on)$/.test(toks[nameStart - 1]!.lower));
      // ("Lund and Ida Berg, the harbour master, who said": the last name of a list is the one described.)
      if (nameStart >= 0 && toks[descStart - 2]!.cap && (clauseStart(toks, nameStart) || nameAfterAnd(toks, nameStart)) || (nameStart >= 0 && toks[nameStart - 1] && CUE_VERBS.has(toks[nameStart - 1]!.lower)) || afterPreposition ||
        // ("The pick is Ida Lund, a lawyer who says …": a name after "is" or "including" is described too.)
        rule('claimant.description-after-copula', nameStart > 0 && (toks[descStart - 2]!.cap || toks[descStart - 2]!.text === ')') && /^(?:is|was|are|were|be|been|including)$/.test(toks[nameStart - 1]!.lower))) speaker.antecedent = span(toks, nameStart, descStart - 2);
    }
  } else if (wordBefore.lower === 'it') {
    // "the HUR published what it said was …": a named body opening the sentence — never one inside the
    // quotation "it" closes ("“Talking will not stop the slide,” it said": "Talking" is what was said).
    const subj = rule('claimant.it-not-in-content', speaker.contentBefore) ? null : unitSubject(toks);
    let headEnd = subj && subj[1] < before ? subj[1] : -1;
    // "the HUR published": the phrase may run on into its verb; the head is the last name or speaker noun.
    while (subj && headEnd > subj[0] && !toks[headEnd]!.cap && !SPEAKER_NOUNS.has(toks[headEnd]!.lower)) headEnd--;
    const head = subj && headEnd >= 0 ? toks[headEnd]! : null;
    // ("Pointing to a wider deficit …, it warned": a participle opening the sentence is no body.)
    const participle = !!head && headEnd === subj![0] && rule('claimant.it-not-participle', /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(head.text));
    if (subj && head && !participle && (head.cap || SPEAKER_NOUNS.has(head.lower)) && !DETERMINERS.has(head.lower) && !/s$/.test(head.lower) && !PRONOUNS.has(toks[subj[0]]!.lower)) speaker.antecedent = span(toks, subj[0], headEnd);
  } else if (wordBefore.lower === 'they') {
    const found = pluralAntecedent(toks, before);
    if (found) speaker.antecedent = span(toks, found[0], found[1]);
  }
}

/** A subject before an inserted phrase ("Ted Cruz, by contrast, wrote", "Chris Cox, who runs the lobbying arm, says"). */
/**
 * True when the phrase [s, e] ends in a conjunct after "and" that is a role, not a name: a possessive or an article
 * opening it ("and its chairman", "and France's secretary of state for the elderly"), a lower-case word ending it.
 */
function roleConjunctEnds(toks: readonly Token[], s: number, e: number): boolean {
  let and = -1;
  for (let k = e - 1; k > s; k--) if (toks[k]!.lower === 'and') { and = k; break; }
  if (and < 0 || e - and > 8 || !toks[e]!.word || toks[e]!.cap) return false;
  const first = toks[and + 1]!;
  const possessive = /^(?:its|his|her|their|the)$/.test(first.lower) || (first.cap && /^['’]s$/.test(toks[and + 2]?.text ?? ''));
  return possessive && toks.slice(and + 1, e + 1).every((x) => x.word || /^['’]s$/.test(x.text) || x.text === '.');
}

function insertedSource(toks: Token[], site: CueSite, before: number, speaker: Speaker, quoteOpen = -1): void {
  const { cueEnd } = site;
  // "Ukraine's military intelligence agency, the HUR, has claimed"; "Ted Cruz, by contrast, wrote";
  // "Chris Cox, who runs the lobbying arm, says": the subject sits before the inserted phrase.
  // (After a phrase ending in a quotation, "Lund, who calls him a “crook,” said", the comma is inside the mark.)
  const phraseStart = quoteOpen > 0 ? -1 : npLeft(toks, before - 1);
  let found = quoteOpen > 0 ? insertedSubject(toks, before - 1, quoteOpen - 1) : insertedSubject(toks, before);
  // "…, OH, after winning Ohio in the primary, Gov. John Kasich (R-OH), said": a name opening a
  // clause right before the comma is the subject; what sits before it is an opening phrase.
  // ("Charleston, West Virginia," is a place named with its state, not a subject.)
  if (found && phraseStart > found[1] + 2 && clauseStart(toks, phraseStart) && toks[phraseStart]!.cap && !toks[phraseStart - 2]?.cap && toks[before - 1] && (toks[before - 1]!.cap || toks[before - 1]!.text === ')')) {
    const opener = toks[found[1] + 2];
    // ("Others, including Sen. Ana Poll (D-Ariz.), are urging": members named after the subject open no clause.)
    if (opener && (SUBORDINATE.has(opener.lower) || /ing$/.test(opener.lower)) && !rule('source.including-not-opening', opener.lower === 'including')) found = null;
  }
  // "Dr. Ana Ruiz, a surgeon in Baltimore, Maryland, and a former dean, said": a state after its town set off by
  // the description's commas is a place inside it, never the subject; no speaker beats that one.
  // ("Friday, Texas, leading a coalition of states, asked": a day before the comma is no town.)
  if (found && rule('source.state-not-subject', stateAfterTown(toks, found[0], found[1]) && !TIME_HEAD.test(toks[found[0] - 2]!.lower))) return;
  const open = found ? found[1] + 1 : -1;
  const subjectStart = found ? found[0] : -1;
  if (subjectStart >= 0) {
    const name = span(toks, subjectStart, open - 1);
    speaker.name = name;
    // "“…,” Mr. Daniloff, now 81, said by telephone this week.": the quotation before is the content.
    const after = toks[cueEnd + 1];
    if (subjectStart > 1 && quotationEnds(toks, subjectStart - 1) && (!after || !after.word || AFTER_SPEECH.has(after.lower) || after.lower === 'by' || TIME_WORD.test(after.lower) || rule('content.before-addressee', closingAddressee(toks, cueEnd, site.lemma)) || rule('content.closing-phrase', closingPhrase(toks, cueEnd, site.lemma)))) {
      speaker.contentBefore = true;
    }
    // "The banks have an edge, Paul Hofer, head of the bankers' group, told Reuters.": a clause before the
    // described speaker, with a closing "told", is what was said.
    else if (subjectStart > 1 && toks[subjectStart - 1]!.text === ',' && substantial(toks, subjectStart - 1) && rule('content.before-addressee', closingAddressee(toks, cueEnd, site.lemma))) {
      speaker.contentBefore = true;
    }
    // An appositive or relative clause describing the speaker is part of the source as written
    // ("Chris Cox, who runs the NRA's lobbying arm,"); an adverbial ("by contrast") is not.
    const inserted = toks[open + 1];
    // ("Ada Roy, one of the board's founders, said": "one of" opens a description as "a" does.)
    const oneOf = !!inserted && rule('source.one-of-apposition', inserted.lower === 'one' && toks[open + 2]?.lower === 'of');
    const describes = !!inserted && (oneOf || APPOSITIVE_START.has(inserted.lower) || /^\d/.test(inserted.text) || (inserted.cap && !BOUNDARY.has(inserted.lower) && !/ing$/.test(inserted.lower)) || roleWord(inserted));
    // "Several harbour unions, including the dockers, said": the members named belong to the source as written.
    const members = !!inserted && !describes && rule('source.including-members', /^(?:including|like|especially|notably)$/.test(inserted.lower) && !!toks[open + 2]?.word);
    // "Trump, who leads in delegates, said": after a bare surname (someone named before) PolNeAR's gold
    // mostly leaves the relative clause out of the source (train: 28 against 17).
    const bare = describes && open - 1 === subjectStart && toks[subjectStart]!.cap && /^(?:who|whose|which)$/.test(inserted!.lower);
    speaker.source = (describes && !rule('source.bare-name-relative', bare)) || members ? { start: name.start, end: toks[before]!.end } : name;
    // "The harbour's pilot, Tove Berg, a welder, said": a description set before the name, opening
    // the sentence, is part of the source as written; the name stays the claimant's.
    const lead = toks[subjectStart - 1]?.text === ',' && toks[subjectStart]!.cap ? npLeft(toks, subjectStart - 2) : -1;
    const leadHead = toks[subjectStart - 2];
    if (lead >= 0 && rule('source.description-before-name', leadHead!.word && !leadHead!.cap && !TIME_WORD.test(leadHead!.lower) && !TIME_HEAD.test(leadHead!.lower) && toks.slice(0, lead).every((x) => !x.word || /^(?:but|and|yet)$/i.test(x.text)))) {
      speaker.source = { start: toks[lead]!.start, end: speaker.source.end };
    }
    // "Mr. Regalado, 69,": an age describes the speaker but names no one.
    if (phraseStart === open + 1 && phraseStart >= 0 && !/^\d/.test(toks[phraseStart]!.text)) {
      // "The mayor of Elkton, South Dakota, said": a state after its town is the place's, no appositive naming the speaker.
      if (rule('claimant.town-state-not-apposition', stateAfterTown(toks, phraseStart, before - 1))) speaker.name = span(toks, subjectStart, before - 1);
      // "A group led by Acme Ltd. and its chairman, John Smith, said", "The company and France's minister for the
      // elderly, Ana Bo, confirmed": a name after a coordination ending in a role names that last conjunct only; the
      // speaker is the whole phrase, shown as written.
      else if (rule('claimant.apposition-last-conjunct', roleConjunctEnds(toks, subjectStart, open - 1))) speaker.name = span(toks, subjectStart, before - 1);
      else speaker.apposition = [name, span(toks, phraseStart, before - 1)];
    }
  } else if (phraseStart >= 0 && rule('source.name-after-and', nameAfterAnd(toks, phraseStart))) {
    // "its auditors, Lund and Berg, found": the pair of names before the comma, whole, or no subject at all.
    const whole = wholeSubject(toks, phraseStart);
    if (whole >= 0 && whole < phraseStart && clauseStart(toks, whole)) speaker.source = span(toks, whole, before - 1);
    else speaker.cutName = true;
  } else if (phraseStart >= 0 && clauseStart(toks, phraseStart)) {
    // "Sen. Jack Reed (D-R.I.), said": a stray comma after a subject that opens the clause.
    // Never the object of an earlier phrase ("while visiting Bosnia, later admitting").
    // ("the Hunt family of Dallas, Texas, told": a state after its town is no subject; the subject runs over both.)
    if (rule('source.town-with-state', stateAfterTown(toks, phraseStart, before - 1))) {
      const start = wholeSubject(toks, npLeft(toks, phraseStart - 2));
      if (start >= 0 && start < phraseStart - 2 && clauseStart(toks, start)) speaker.source = span(toks, start, before - 1);
      return;
    }
    speaker.source = span(toks, phraseStart, before - 1);
  }
}

/**
 * The subject of a verb of spending time before a bare -ing cue at `c` in its clause ("Lund spent much of her
 * speech attacking …", "who spent an hour defending …", "the speakers took turns urging …", "Lund avoids
 * discussing …"): a pronoun, or a phrase opening its clause, right before the verb (past auxiliaries); else null.
 */
function spendingSubject(toks: Token[], c: number): [number, number] | null {
  for (let k = c - 1; k > 0 && k > c - 14; k--) {
    const t = toks[k]!;
    if (!t.word || CUE_VERBS.has(t.lower) && k < c - 1) return null;
    const spends = /^(?:spent|spends|spend|avoids|avoided|avoid)$/.test(t.lower) || (/^(?:took|take|takes)$/.test(t.lower) && toks[k + 1]?.lower === 'turns');
    if (!spends) continue;
    return subjectBeforeVerb(toks, k, /^(?:has|have|had|will|would|also|often|then|now|reportedly)$/, false, (head) => head.cap || SPEAKER_NOUNS.has(head.lower) || /s$/.test(head.lower));
  }
  return null;
}

/**
 * The subject right before the verb at `verb`, past the words `skip` matches (auxiliaries, adverbs) and, with `timed`, a
 * time phrase ("The council on Wednesday approved …"): a pronoun for people, or a phrase opening its clause whose head
 * `headOk` accepts, as [start, end]; else null.
 */
function subjectBeforeVerb(toks: Token[], verb: number, skip: RegExp, timed: boolean, headOk: (head: Token) => boolean = () => true): [number, number] | null {
  let last = verb - 1;
  while (last > 0 && skip.test(toks[last]!.lower)) last--;
  if (timed && last > 1 && TIME_WORD.test(toks[last]!.lower)) last -= toks[last - 1]!.lower === 'on' ? 2 : 1;
  const head = toks[last];
  if (!head?.word) return null;
  if (/^(?:he|she|they|we|i|who)$/.test(head.lower)) return [last, last];
  const start = wholeSubject(toks, npLeft(toks, last));
  return start >= 0 && clauseStart(toks, start) && headOk(head) ? [start, last] : null;
}

/** Nouns for a written or broadcast message that someone issues: what it says is its issuer's claim. */
const MESSAGE_NOUNS = new Set(['statement', 'statements', 'letter', 'letters', 'email', 'emails', 'e-mail', 'e-mails', 'memo', 'memos', 'release', 'releases',
  'ad', 'ads', 'advertisement', 'advertisements', 'video', 'videos', 'lawsuit', 'lawsuits', 'suit', 'petition', 'petitions', 'resolution', 'tweet', 'tweets',
  'message', 'messages', 'note', 'notes', 'op-ed', 'article', 'articles', 'column', 'editorial', 'complaint', 'post', 'posts', 'mailer', 'mailers', 'flier',
  'fliers', 'flyer', 'flyers', 'leaflet', 'leaflets', 'commercial', 'commercials', 'spot', 'blast', 'appeal', 'plea', 'motion', 'brief']);

/** Verbs of issuing such a message ("issued a statement", "sent out a press release", "filed a lawsuit"). */
const ISSUING_VERBS = /^(?:issued|issues|issue|released|releases|release|sent|sends|send|put|puts|posted|posts|post|wrote|writes|write|penned|filed|files|file|started|starts|launched|launches|launch|circulated|published|publishes|tweeted|planted|ran|runs|run|aired|airs|air|unveiled|placed|drafted|fired|approved|adopted|passed|introduced)$/;

/** Words allowed between a message noun and the participle after it: a phrase of address or of time ("an email to supporters on Monday"). */
const MESSAGE_TAIL_OPENERS = /^(?:to|on|in|this|last|late|early|earlier|next|overnight)$/;

/**
 * The subject of a verb issuing a message before a bare -ing cue at `c` ("His office put out a statement saying …",
 * "Lund sent an email to supporters on Monday urging …", "the board filed a lawsuit in May alleging …"): a pronoun, or
 * a phrase opening its clause, right before the verb (past auxiliaries); else null.
 */
function issuerSubject(toks: Token[], c: number): [number, number] | null {
  // The message noun: right before the cue, or before a short phrase of address or time.
  let noun = -1;
  for (let k = c - 1; k > 0 && k > c - 8; k--) {
    const t = toks[k]!;
    if (!t.word && t.text !== "'s" && t.text !== '’s') return null;
    // ("a memo to The Washington Post in April": a capitalised noun after another capitalised word is part of a name.)
    if (MESSAGE_NOUNS.has(t.lower) && !(t.cap && toks[k - 1]?.cap && !ISSUING_VERBS.test(toks[k - 1]!.lower))) {
      if (k === c - 1 || MESSAGE_TAIL_OPENERS.test(toks[k + 1]!.lower) || TIME_WORD.test(toks[k + 1]!.lower)) noun = k;
      break;
    }
    if (CUE_VERBS.has(t.lower) || COMMON_VERBS.has(t.lower)) return null;
  }
  if (noun < 0) return null;
  // Its modifiers ("a two-page memo", "a $40 million lawsuit", "national newspaper ads"), then the verb.
  let k = noun - 1;
  while (k > 0 && noun - k < 6 && (toks[k]!.word || toks[k]!.text === '$') && !ISSUING_VERBS.test(toks[k]!.lower) && !/^(?:out|off)$/.test(toks[k]!.lower) && !CUE_VERBS.has(toks[k]!.lower) && !COMMON_VERBS.has(toks[k]!.lower)) k--;
  if (/^(?:out|off)$/.test(toks[k]?.lower ?? '')) k--;
  if (!ISSUING_VERBS.test(toks[k]?.lower ?? '')) return null;
  // ("The city council on Wednesday approved a resolution …": a time phrase between the subject and its verb.)
  return subjectBeforeVerb(toks, k, /^(?:has|have|had|will|would|also|then|now|quickly|reportedly|already|later|recently)$/, true);
}

/**
 * The phrase between an absolute "with" after a comma or opening the sentence and a bare -ing cue at `c` ("…, with
 * Fox News and NBC News calling the race", "…, with nearly 140 members blasting …"): that phrase, as [start, end]; else
 * null. Only words of a noun phrase stand between (names, numbers, "and", "of", "in"), never a verb or a relative.
 */
function withSubject(toks: Token[], c: number): [number, number] | null {
  for (let k = c - 1; k > 0 && k > c - 12; k--) {
    const t = toks[k]!;
    if (t.lower === 'with') {
      const open = k === 0 || toks[k - 1]!.text === ',' || DASHES.has(toks[k - 1]!.text);
      return open && k < c - 1 ? [k + 1, c - 1] : null;
    }
    if (!t.word && t.text !== "'s" && t.text !== '’s') return null;
    if (CUE_VERBS.has(t.lower) || COMMON_VERBS.has(t.lower) || /^(?:that|who|which|whom|whose|to|is|are|was|were|be|been|has|have|had|not)$/.test(t.lower) || (!t.cap && /(?:ing|ed)$/.test(t.lower) && !/^(?:hundred|thousand|red|bed)$/.test(t.lower))) return null;
  }
  return null;
}
