/**
 * Claimant resolution within one article: turns a source as written ("he", "Yusov", "the HUR")
 * into the fullest name the article gives it, through apposition ("Ukraine's military intelligence
 * agency, the HUR"), acronym definitions ("… intelligence (HUR)"), surnames and pronouns.
 */
import type { Span } from '../core/types.js';
import { firstNameGender } from './first-names.js';
import { rule } from './rules.js';
import { shownFor, statePartyNoun, surnamesTagged } from './state-party.js';
import { CALENDAR_NAMES, DETERMINERS } from './words.js';
import { ACRONYM, clean, claimantKey, COMPANY_NAME, givenNames, makeClaimant, MARKET_ROLES, nameWords, ORG_WORDS, otherPerson, personParts, PLURAL_DOCUMENTS, ROLE_WORD, type Claimant } from './claimant-names.js';
import { bodyHead, commonNoun, companyName, fitsKind, headNoun, heldPresidency, modifiersAgree, otherBodyNamed, paragraphSubjects, presidentMentions, sameCompany } from './common-nouns.js';
import type { RawStatement, Statement } from './types.js';

const PRONOUN_PERSON = new Set(['he', 'she', 'him', 'her']);
/** Pronouns left without a claimant unless the sentence names their antecedent: "I", "we", a bare "who". */
const PRONOUNS_UNRESOLVED = new Set(['i', 'you', 'we', 'who', 'which', 'one', 'someone', 'others', 'both', 'another']);
/** Sentences back that a pronoun may reach for an antecedent among earlier claimants. */
const PRONOUN_REACH = 3;
/** Sentences back that "he"/"she" may reach (quotes run long between a name and its pronoun). */
const PERSON_REACH = 8;
/** How many sentences back "the spokesman", "the officials" may reach for the claimant it stands for. */
const ROLE_REACH = 8;
/** Most earlier claimants a description ("the spokesman", "the senator", "the Wisconsin Republican") looks back over. */
const DESCRIBED_LOOKBACK = 64;
/** Most characters before a description that are read for what the text shows of a person (tags, offices, names since). */
const DESCRIBED_WINDOW = 5_000;

/** "the spokesman", "the official", "the sources": a role noun written alone, that an earlier claimant named with it may stand for. */
const ROLE_NOUN = /^the\s+(spokesman|spokeswoman|spokesperson|officials?|aides?|sources|source|analysts?|economists?|bankers?|diplomats?|dealers?|traders?)$/i;

/** The role noun a source written as "the spokesman" asks for, lower case; null for any other source. */
function roleNoun(written: string): string | null {
  return ROLE_NOUN.exec(written.replace(/\s+/g, ' ').trim())?.[1]!.toLowerCase() ?? null;
}

/** Whether a claimant's name is written with that role noun ("a Tarnline spokesman", "Ana Lund, a harbour spokesman"). */
function hasRole(name: string, noun: string): boolean {
  let re = ROLE_PATTERNS.get(noun);
  if (!re) ROLE_PATTERNS.set(noun, (re = new RegExp(`\\b${noun}\\b`, 'i')));
  return re.test(name);
}
const ROLE_PATTERNS = new Map<string, RegExp>();

/** Whether a name says more than the noun and determiners ("a Tarnline spokesman", not "an aide" or "some analysts"). */
function moreThanNoun(name: string, noun: string): boolean {
  return name.split(/\s+/).some((w) => w.toLowerCase() !== noun && !/^(?:a|an|the|some|most|many|several|other|few|one|two|three|another|these|those|such)$/i.test(w));
}

/** Whether `between` writes the role noun, singular or plural ("spokesman", "spokeswomen", "official", "officials"). */
function roleWritten(between: string, noun: string): boolean {
  const stem = /^spokes/.test(noun) ? 'spokes(?:man|woman|person|men|women|people)' : `${noun.replace(/s$/, '')}s?`;
  return new RegExp(`\\b${stem}\\b`, 'i').test(between);
}

/** "The company", "the firm": the one company the text has quoted, when it has quoted one. */
const THE_COMPANY = /^the\s+(?:company|firm|corporation)$/i;
const DOCUMENT_HEADS = /\b(?:statement|report|message|post|communique|release|readout|letter|document|order)$/i;

/**
 * Whether "the … statement"/"the … report" written as `written` is a document of its own rather than
 * one issued by `last`, the latest claimant: a name before the head that `last` does not bear ("The
 * Greek statement" after a Turkish minister, "the SEC report" after investors), or a report or document
 * after a person (persons issue statements; a report that follows someone quoted on it is seldom theirs).
 */
function ownDocument(written: string, last: Claimant): boolean {
  const words = written.trim().split(/\s+/);
  const head = words.at(-1)!.toLowerCase();
  const between = words.slice(1, -1);
  // (A capitalised head names an outlet: claimant.named-document's.)
  if (/^\p{Lu}/u.test(words.at(-1)!)) return false;
  // Only a document named by its modifiers ("the Greek statement"), not one placed in a phrase ("the embassy in its report").
  if (between.some((w) => /^(?:in|of|its|his|her|their|on|for|from|by|with|to|at)$/i.test(w))) return false;
  const letters = (x: string) => x.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((y) => y.toLowerCase());
  const names = between.map((w) => w.replace(/[’']s$/, '')).filter((w) => /^\p{Lu}/u.test(w)).flatMap(letters);
  const borne = new Set([last.name, ...last.keys].flatMap(letters));
  const bears = (x: string) => borne.has(x) || borne.has(`${x}s`) || (x.endsWith('s') && borne.has(x.slice(0, -1)));
  if (names.length) return !names.every(bears);
  // A person: a role ("Energy Secretary John Herrington"), an analyst's trade, a name with its place ("Ann Lund of Tarn
  // University"), or a known gender; a name alone may be a firm's ("Samuel Montagu").
  const named = /^(\p{Lu}\p{Ll}+(?: \p{Lu}\.)? \p{Lu}\p{Ll}+) of /u.exec(last.name)?.[1];
  const person = (!!named && !ORG_WORDS.test(named) && !/\b(?:Bureau|Board|Centre|Center|Fund|Association|Federation|League|Society|Authority|Exchange|Chamber)\b/.test(named)) ||
    /\b(?:analyst|economist|strategist|professor)\b/.test(last.name) || (last.person && (ROLE_WORD.test(last.name) || !!last.gender));
  // ("Economists said …. The report said …", "a harbour spokesman said …. The report said …": people named by a common noun,
  // several or one by their role, write no report of theirs the text names so.)
  const lastWord = last.name.replace(/\s*\([^)]*\)/g, '').split(/\s+/).at(-1) ?? '';
  // (Researchers, scientists, authors and investigators do write reports: "The researchers found …. The report says …".)
  const common = /^\p{Ll}/u.test(lastWord) && !PLURAL_DOCUMENTS.test(last.name) && (last.plural || ROLE_WORD.test(lastWord) || MARKET_ROLE.test(lastWord)) &&
    !/^(?:researchers|scientists|authors|investigators|auditors|inspectors)$/.test(lastWord);
  return (person || rule('claimant.report-not-common-noun-people', common)) && /^(?:report|document)$/.test(head);
}

/** Acronyms defined in the article: "Ukraine's military intelligence (HUR)", "…agency, the HUR,". */
function acronymDefinitions(text: string): Map<string, string> {
  const defs = new Map<string, string>();
  if (!/\(\p{Lu}{2}|, the \p{Lu}{2}/u.test(text)) return defs;
  const re = /((?:\p{Lu}[\p{L}’'-]*)(?:[^\S\n]+[\p{L}’'-]+){0,6}?)[^\S\n]*(?:\(|,[^\S\n]+the[^\S\n]+)(\p{Lu}[\p{Lu}0-9&]{1,7})(?:\)|,)/gu;
  for (const m of text.matchAll(re)) {
    const acr = m[2]!;
    let phrase = m[1]!.trim();
    // Keep from the first capitalised word of the run ("Ukraine’s military intelligence agency").
    const words = phrase.split(/\s+/);
    const first = words.findIndex((w) => /^\p{Lu}/u.test(w));
    if (first < 0) continue;
    // Cut at the last sentence break inside the run.
    phrase = words.slice(first).join(' ').split(/[.!?]\s+/).pop()!;
    if (!defs.has(acr) && phrase.length > acr.length) defs.set(acr, phrase);
  }
  return defs;
}

/** Capitalised words or a role noun right before a surname ("HUR spokesperson Andrii "). */
const MENTION_BEFORE_PLAIN = /((?:\p{Lu}[\p{L}’'-]*\s+|(?:spokesperson|spokesman|spokeswoman|minister|ambassador|official)\s+){1,8})$/u;
/** Like `MENTION_BEFORE_PLAIN`, with "of", "for", "on" … inside a title ("Secretary of State Jon "). */
const MENTION_BEFORE = /((?:(?:Secretary|Minister|Director|Chair|Chairman|Chairwoman|Governor|Mayor|Chief|Head|Leader|President|Commissioner|Ambassador|Attorney|Speaker|Chancellor|Dean|Editor|Founder|Member)\s+(?:of|for|on)\s+(?:the\s+)?(?=\p{Lu})|(?:de|del|von|van)\s+(?=\p{Lu})|\p{Lu}[\p{L}’'-]*\s+|(?:spokesperson|spokesman|spokeswoman|minister|ambassador|official)\s+){1,8})$/u;

/**
 * Claimants met so far in a text, and for each word of their keys the first of them
 * with that word whose name is not the word alone: what `fullerMention` looks up, found without
 * walking every claimant for every statement.
 */
/** A name right after a preposition ending a claimant ("Aides to Clinton", "ex-wife of Alan Grayson"), with the word before the preposition. */
const PREPOSITION_OBJECT = /(?:^|\s)(\S+)\s+(of|for|to|in|at|with|from|by)\s+(?:the\s+)?(\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*)*)$/u;

class KnownClaimants {
  private readonly seen = new Set<Claimant>();
  readonly byWord = new Map<string, Claimant>();
  add(c: Claimant): void {
    if (this.seen.has(c)) return;
    this.seen.add(c);
    // "Donald Trump and Hillary Clinton": a later "Trump" is one of them, never both.
    if (rule('claimant.coordination-not-fuller', /\s(?:and|&)\s/.test(c.name))) return;
    // "Aides to Clinton", "a spokesman for USAir", "ex-wife of Alan Grayson": a name after a preposition ending the claimant
    // is whom the claimant belongs to, never a fuller mention of that name ("Chancellor of the Exchequer Nigel Lawson" is).
    // (A capitalised word before the preposition is a title's — "Minister of State for Energy Ana Poll" — unless it is a
    // plural opening the sentence: "Aides to Clinton".)
    const owner = PREPOSITION_OBJECT.exec(c.name);
    // ("figures from the Bank of Tarnia" then "Tarnia cut its rate", "Ivo Brandt of Brandt and Holm Inc" then "Brandt said": one word
    // after the preposition is the whole of a short name, never the surname of a title's holder, which follows an object of its own.)
    const owned = !!owner && (/^\p{Ll}/u.test(owner[1]!) || (c.name.startsWith(owner[1]!) && /^\p{Lu}\p{Ll}+[^s]s$/u.test(owner[1]!)));
    const object = owner && (rule('claimant.fuller-not-object', owned) || (!owned && rule('claimant.fuller-not-one-word-object', !/\s/.test(owner[3]!))))
      ? new Set(claimantKey(owner[3]!).split(' ')) : null;
    // Keys are stemmed ("Obama" is "obam"): a claimant named by one word alone is no fuller mention of it.
    const name = rule('claimant.fuller-by-key', true) ? claimantKey(c.name) : c.name.toLowerCase();
    // A fuller mention ends in the word it is found by ("HUR spokesperson Andrii Yusov" for "Yusov"): a word
    // inside a name names someone or something else ("Japan" in "Japanese Defence Minister Gen Nakatani", the
    // owner "Sanders" in "Jeff Weaver (Sanders's campaign manager)", "Ryan" in "Paul Ryan's office").
    // The body or person a role names is someone else too: after "Trump adviser Kellyanne Conway said …",
    // "Trump said …" is Trump's.
    const own = c.lookup ?? c.keys;
    const last = new Set(own.map((k) => k.split(' ').at(-1)!));
    for (const key of own) {
      for (const w of key.split(' ')) {
        if (w === name || this.byWord.has(w) || object?.has(w)) continue;
        if (rule('claimant.fuller-ends-in-word', !last.has(w))) continue;
        this.byWord.set(w, c);
      }
    }
  }
}

/** How far `fullerMention` has read a text for one word: the earliest fuller mention found, or where to read on. */
interface MentionScan {
  /** Next occurrence of the word to look at, or -1 when there is none. */
  next: number;
  /** The earliest fuller mention found so far, and where its word occurs. */
  mention: string | null;
  at: number;
  /** The different given names written before the word so far, each with where it last occurs (a few at most). */
  givens: Array<{ names: string[]; last: number }>;
  /** Likewise for mentions with no such given name, by their capitalised words ("Liz Cheney, 50,"). */
  unknowns: Array<{ names: string[]; last: number }>;
}

/** Most different given names kept per surname: two are enough to tell a shared surname. */
const GIVENS_KEPT = 6;

/**
 * The fullest earlier mention ending in `word` ("HUR spokesperson Andrii Yusov" for "Yusov").
 * @param scans - what earlier calls on the same text read, by word: each occurrence of a word is
 *   looked at once per text, not once per statement (quadratic on a long text naming one actor often)
 */
function fullerMention(text: string, word: string, before: number, known: KnownClaimants, scans: Map<string, MentionScan>, offBody: OffBody): Claimant | null {
  // Keys are stemmed ("Liedtke" is "liedtk", "Pelosi" "pelos"): the word is looked up as a key, or a known
  // "Pennzoil chairman Hugh Liedtke" is missed and a later "Liedtke" shows as "Hugh Liedtke".
  const byWord = known.byWord.get(rule('claimant.fuller-by-key', true) ? claimantKey(word) : word.toLowerCase());
  let scan = scans.get(word);
  if (!scan) scans.set(word, (scan = { next: text.indexOf(word), mention: null, at: -1, givens: [], unknowns: [] }));
  // The earliest occurrence with a fuller mention before it is the answer for every later `before`; the ones after it
  // are read for the given names they write.
  while (scan.next >= 0 && scan.next < before) {
    const at = scan.next;
    scan.next = text.indexOf(word, at + word.length);
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[at + word.length] ?? '')) continue;
    // A headline, caption or teaser names people in its own words ("Neighbour Who Sued Smith"): never a fuller name.
    if (rule('claimant.not-from-headline', offBody(at))) continue;
    // A name never runs over a line break (the headline's last words are no part of the body's first name).
    const window = text.slice(Math.max(0, at - 80), at).replace(/^[\s\S]*\n/, '');
    let found = MENTION_BEFORE.exec(window);
    // "Secretary of State Jon Husted": a title with "of" belongs to the run, never cut to "State Jon Husted".
    if (found && /\s(?:of|for|on|de|del|von|van)\s/.test(found[1]!) && !rule('claimant.title-with-of', true)) found = MENTION_BEFORE_PLAIN.exec(window);
    if (!found) continue;
    // "Should Texaco fail to …", "If Exxon bids": a word opening the clause before the name is no part of it.
    // ("an aide Jake Sullivan", "made House Minority Leader Ana Poll": a run that starts inside a word — "de" of "aide" — is
    // cut to the words it holds whole.)
    let run = found[1]!;
    if (found.index > 0 && /\p{L}/u.test(window[found.index - 1]!) && rule('claimant.fuller-whole-words', true)) run = run.replace(/^\S+\s+/, '');
    let mention = clean(`${run}${word}`.replace(/^(?:(?:In|On|At|But|And|As|While|When|After|According|To|Should|Would|Could|Had|Were|Did|Does|Must|If|Unless|Although|Though|Since|Because|Once|Under|For|With|From|By)\s+)+/, ''));
    // "Several Cineplex directors said …" then "Cineplex expects …": a determiner or quantifier opening the
    // sentence ("Several", "Two", "Some", "The") is no part of the name a later "Cineplex" stands for.
    const opener = /^(\p{Lu}\p{Ll}*)\s+/u.exec(mention);
    if (opener && DETERMINERS.has(opener[1]!.toLowerCase()) && rule('claimant.fuller-not-determiner', true)) mention = mention.slice(opener[0].length);
    // ("told reporters on Saturday U.S. officials …": a weekday or month after "on" is when, not the name's first word.)
    const day = /^(\p{Lu}\p{Ll}+)\s+/u.exec(mention);
    if (day && CALENDAR_NAMES.includes(day[1]!.toLowerCase()) && rule('claimant.fuller-not-weekday', /\b(?:on|by|since|until|from|last|next|this|late|early|before|after)\s+$/i.test(window.slice(0, found.index)))) mention = mention.slice(day[0].length);
    if (mention.split(/\s+/).length > 1 && scan.mention === null) {
      scan.mention = mention;
      scan.at = at;
    }
    const names = givenNames(mention);
    const same = names.length ? scan.givens.find((g) => !otherPerson(g.names, names)) : undefined;
    if (same) same.last = at;
    else if (names.length && scan.givens.length < GIVENS_KEPT) scan.givens.push({ names, last: at });
    const words = names.length ? [] : nameWords(mention);
    const sameWords = words.length ? scan.unknowns.find((g) => !otherPerson(g.names, words)) : undefined;
    if (sameWords) sameWords.last = at;
    else if (words.length && scan.unknowns.length < GIVENS_KEPT) scan.unknowns.push({ names: words, last: at });
  }
  const found = byWord ?? (scan.mention !== null && scan.at < before ? makeClaimant(scan.mention) : null);
  if (!found) return null;
  // "Ivanka Trump said …", "Donald Trump spoke …", then "Trump said …": when the surname was last written in full for
  // someone else, it is shown as written, not given either one's name.
  const given = givenNames(found.name);
  // "Elian Gonzalez, 6, …", "His father, Juan Miguel Gonzalez, …", "Gonzalez said": a mention no claimant bears with no
  // given name news gives one sex is told apart by its capitalised words ("Never Trump" is no "Donald Trump" either). A
  // claimant already quoted keeps its surname; an unknown word in a later mention ("Sandy Paradis") may be a nickname.
  const mine = given.length || byWord || !rule('claimant.surname-shared-any-given', nameWords(found.name).length > 0) ? given : nameWords(found.name);
  let latest: { names: string[]; last: number } | undefined;
  for (const g of scan.givens) if (g.last < before && (!latest || g.last > latest.last)) latest = g;
  // ("Liz Cheney, the daughter of Dick Cheney, …", "Dick Cheney represented …", "Liz Cheney, 50, won …": written again since.)
  const since = mine !== given && !!latest && scan.unknowns.some((g) => g.last < before && g.last > latest!.last && !otherPerson(g.names, mine));
  return rule('claimant.surname-shared', !!latest && otherPerson(latest.names, mine) && !since) ? null : found;
}

/** True for a position outside the article's body and standfirst (headline, caption, teaser). */
export type OffBody = (pos: number) => boolean;

/**
 * A test for positions inside the given spans (sorted, not overlapping), by binary search.
 * @param spans - the headline, caption and other non-body sentences of a text
 */
export function offBodyTest(spans: readonly Span[]): OffBody {
  if (!spans.length) return () => false;
  return (pos) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length && spans[lo]!.start <= pos;
  };
}

/** Earlier speakers a pronoun may stand for when its sentence names one of them (`personFor`). */
const PEOPLE_LOOKED_AT = 12;

/** A person introduced in passing, not as a speaker: a full name opening its sentence with an age ("Ema Lind, 33, works …"). */
const PASSING_PERSON = new RegExp(
  String.raw`(?:^|[.!?"”]\s+|\n\s*)((?:\p{Lu}\p{Ll}+\s+)+(?:(?:de|del|la|van|von|da)\s+)?(\p{Lu}[\p{L}'’-]+)),\s+\d{1,3},`,
  'gu',
);

/**
 * The people `between` (the text from a person's statement to a "he"/"she") introduces besides `c`
 * ("Ema Lind, 33, works the docks. “…,” she said."): the pronoun may stand for one of them.
 */
function peopleIntroduced(c: Claimant, between: string): string[] {
  const names = new Set<string>();
  for (const m of between.matchAll(PASSING_PERSON)) if (!c.name.split(/[\s,()]+/).includes(m[2]!)) names.add(m[1]!.replace(/\s+/g, ' '));
  return [...names];
}

/** Capitalised words that open a sentence without naming anyone ("The", "But", "In", "When" …). */
const OPENER_NOT_NAME = /^(?:The|A|An|But|And|Or|So|Yet|In|On|At|By|For|From|With|After|Before|When|While|As|If|Since|Although|Though|Because|This|That|These|Those|It|He|She|They|We|I|You|His|Her|Their|Its|Our|My|Your|There|Here|Then|Now|Still|Also|Meanwhile|However|Last|Next|Earlier|Later|According|Asked|Some|Many|Most|All|Both|Each|One|Two|No|Not|Only|Even|Just|What|Who|Why|How|Where|Which|Mr|Mrs|Ms|Dr)$/;

/**
 * True when the text of a sentence before a pronoun opens with a name of one to three capitalised words and
 * then a lower-case word, its verb ("Bush went after Trump at the debate, when "): the sentence's subject. The
 * name's last word must be one of `names`, words the text also capitalises mid-sentence ("Seeing his brother …",
 * "Social media has …" open sentences without naming anyone).
 */
function openingSubjectName(before: string, names: ReadonlySet<string>): boolean {
  // (Quoted words are what someone said, never the sentence's subject: "“Obama has failed,” he said".)
  if (/["“”‘’«»]|''/.test(before) || before.trim().split(/\s+/).length < 5) return false;
  // After a bare comma ("Moscow would buy more, he said") or "but" the words before are what the pronoun's speaker
  // said, not the sentence's subject ("…, when he called", "— and he's hoping" are clauses of the sentence's own).
  if (/,\s*(?:and\s*)?$|\bbut\s*$/.test(before)) return false;
  const m = /^[\s"“‘']*((?:\p{Lu}[\p{Ll}’'-]+\s+){1,3})(\p{Ll}+)\b/u.exec(before);
  if (!m) return false;
  const words = m[1]!.trim().split(/\s+/);
  return !OPENER_NOT_NAME.test(words[0]!) && !CALENDAR_NAMES.includes(words[0]!.toLowerCase()) && names.has(words.at(-1)!) && !/^(?:of|and|said|says)$/.test(m[2]!);
}

/**
 * Whom "asked" right after the cue puts its question to, by gender: a person pronoun ("asked him about", "asked her
 * whether"), or a name ("asked Trump about", "asking Rubio why": the gender of a given name news gives one sex, else
 * either, 'x'). Null when there is none ("asked whether", "asked the bankers", "asked her supporters", "asked her “…”").
 */
function askedPerson(text: string, cueEnd: number, asker: Claimant): 'm' | 'f' | 'x' | null {
  const m = /^\s+(?:(him|her)\b(?:\s*([\p{L},.?;:]+))?|((?:\p{Lu}[\p{Ll}’'-]+\s+){0,2}\p{Lu}[\p{Ll}’'-]+)(?![\p{L}’'-]))/u.exec(text.slice(cueEnd, cueEnd + 60));
  if (!m) return null;
  if (m[3]) return /^(?:The|A|An|His|Her|Their|Its|If|Whether|Why|What|How|When|About)$/.test(m[3].split(/\s+/)[0]!) || surnameIn(asker, m[3]) ? null : (firstNameGender(m[3].split(/\s+/)[0]!) ?? 'x');
  if (m[1] === 'him') return 'm';
  return /^[,.?;:]/.test(m[2] ?? '') || /^(?:about|if|whether|why|what|how|when|that|to|for|on|in|at|during|after|before|last|this|again|directly|point|repeatedly)$/.test(m[2] ?? '') ? 'f' : null;
}

/**
 * True when `before`, the sentence up to an asker, opens with someone else's name and ends in "when" ("Ryan also did
 * not exude confidence when "): the main clause's subject is the one asked.
 */
function askedSubject(before: string, asker: Claimant): boolean {
  const m = /^[\s"“‘']*((?:\p{Lu}[\p{Ll}’'-]+\s+){1,3})\p{Ll}[\s\S]*\bwhen\s+$/u.exec(before);
  const words = m?.[1]!.trim().split(/\s+/) ?? [];
  return words.length > 0 && !OPENER_NOT_NAME.test(words[0]!) && !CALENDAR_NAMES.includes(words[0]!.toLowerCase()) && !surnameIn(asker, words.at(-1)!);
}

/** The text with its quotations blanked out: what someone said names nobody the outlet writes about. */
function unquoted(s: string): string {
  return s.replace(QUOTED, ' ');
}

const QUOTED = /“[^”]*”?|"[^"\n]*"?|''[\s\S]*?''/g;

/** The text with every quotation blanked out, its length (and so every position) kept. */
function blankQuotes(s: string): string {
  return s.replace(QUOTED, (q) => ' '.repeat(q.length));
}

/** A name whose title or given name may show its gender: "Mrs. Schlafly", "Ms. Park", "Diana Orrock" (title, given name, surname). */
const NAME_WITH_GENDER = String.raw`(?:(Mr|Mrs|Ms|Miss)\.?\s+|(\p{Lu}\p{Ll}+)\s+(?:\p{Lu}\.\s+)?)(\p{Lu}[\p{Ll}’'-]+)`;
/** Every such name in a text. */
const GENDERED_NAME = new RegExp(String.raw`\b${NAME_WITH_GENDER}`, 'gu');

/** What comes right before a name that is a clause's subject: a sentence or clause start, a conjunction, an inverted "said". */
const BEFORE_SUBJECT = /(?:^|[.!?]["”'’]*\s+|[,;:—–(]\s*|\s[-–]\s+|,\s+(?:and|but|or)\s+|\b(?:that|when|while|as|since|because|though|although|after|before|if|said|says|added|told)\s+)$/;

/** Whether `words` name someone of `gender` (by title or given name) as a subject, whose surname is not `surname`. */
function othersOfGender(words: string, gender: 'm' | 'f', surname: string): boolean {
  for (const m of words.matchAll(GENDERED_NAME)) {
    const shown = m[1] ? titleGender(m[1]) : firstNameGender(m[2]!);
    // ("… to deflect Mr. Khan's criticism", "the figure of Abraham Lincoln": an object is no one the pronoun stands for.)
    if (shown !== gender || m[3]!.replace(/[’']s?$/, '') === surname || !BEFORE_SUBJECT.test(words.slice(Math.max(0, m.index! - 24), m.index!))) continue;
    return true;
  }
  return false;
}

/** Such a name read from a word's start. */
const NAME_AT = new RegExp(NAME_WITH_GENDER, 'uy');
/** Titles and capitalised roles written right before a name ("Mayor ", "Rep. ", "Former President "), never an -ing or -ed word. */
const TITLES_BEFORE = /(?:(?!\p{Lu}\p{Ll}*(?:ing|ed)\s)\p{Lu}\p{L}*\.?\s+)+$/u;
/** What comes right before a clause's subject: a sentence start, an opening phrase's comma, ", and", "that", "when" … */
const BEFORE_CLAUSE_SUBJECT = /(?:^|[.!?]["”'’)]*\s+|,\s+(?:and|but)\s+|,\s+|\b(?:that|when|while|though|although|because|if)\s+)$/;

/** The people `words` name whose title or given name shows their gender, where each starts, and whether as a clause's subject. */
function genderedNames(words: string): Array<{ name: string; surname: string; gender: 'm' | 'f'; at: number; subject: boolean }> {
  const out: Array<{ name: string; surname: string; gender: 'm' | 'f'; at: number; subject: boolean }> = [];
  for (const w of words.matchAll(/(?<![\p{L}.])\p{Lu}/gu)) {
    NAME_AT.lastIndex = w.index!;
    const m = NAME_AT.exec(words);
    if (!m) continue;
    const gender = m[1] ? titleGender(m[1]) : firstNameGender(m[2]!);
    if (!gender) continue;
    // ("Then Mayor Ana Poll …": an opening word is no title.)
    let titles = TITLES_BEFORE.exec(words.slice(Math.max(0, w.index! - 50), w.index!))?.[0] ?? '';
    while (titles && OPENER_NOT_NAME.test(titles.trim().split(/\s+/)[0]!.replace(/\.$/, ''))) titles = titles.replace(/^\S+\s+/, '');
    const at = w.index! - titles.length;
    // ("…, a professional group that she appeared to confuse with …": a name after its clause's opening comma stands as an
    // apposition as often as a subject; the subject is what the next word, a lower-case verb, shows.)
    const after = words.slice(w.index! + m[0].length, w.index! + m[0].length + 30);
    const subject = BEFORE_CLAUSE_SUBJECT.test(words.slice(Math.max(0, at - 24), at)) && /^(?:[’']s\s+\p{Ll}+\s+\p{Ll}|,\s|\s+\([^)]*\)|\s+\p{Ll})/u.test(after);
    out.push({ name: words.slice(at, w.index! + m[0].length).replace(/[’']s?$/, ''), surname: m[3]!.replace(/[’']s?$/, ''), gender, at, subject });
  }
  return out;
}

/** A capitalised word opening a sentence (or a clause after ", and") before a lower-case word: a surname as a subject. */
const SURNAME_SUBJECT = /(?:^|[.!?]["”'’)]*\s+|\n\s*|,\s+(?:and|but)\s+)(\p{Lu}[\p{Ll}’'-]+)(?=\s+\p{Ll})/gu;

/**
 * The one person of `names` (written in full, with a given name or title) with `surname`: their name and gender; null when
 * none is, or when two are of different genders or names ("Bill Clinton" and "Hillary Clinton").
 */
function writtenInFull(names: ReadonlyArray<{ name: string; surname: string; gender: 'm' | 'f' }>, surname: string): { name: string; gender: 'm' | 'f' } | null {
  let found: { name: string; gender: 'm' | 'f' } | null = null;
  for (const n of names) {
    if (n.surname !== surname) continue;
    if (found && (found.gender !== n.gender || (n.name.split(/\s+/).length > 1 && found.name !== n.name && !found.name.endsWith(n.name) && !n.name.endsWith(found.name)))) return null;
    if (!found || n.name.length > found.name.length) found = { name: n.name, gender: n.gender };
  }
  return found;
}

/** Whether `text` holds `word` as a whole word (no letter or digit on either side). */
function wordIn(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? '')) return true;
  }
  return false;
}

/** The surname a claimant goes by (the last word of its person's name). */
function surnameOf(c: Claimant): string {
  const person = personParts(c.name)?.person ?? c.name.replace(/\s*\([^)]*\)/g, '');
  return person.split(/\s+/).pop() ?? '';
}

/** Whether `words` name the person `c` by surname ("Sanders's critique", "Mr. Rubio began"). */
function surnameIn(c: Claimant, words: string): boolean {
  const surname = surnameOf(c);
  return /^\p{Lu}[\p{L}’'-]{1,}$/u.test(surname) && wordIn(words, surname);
}

/** The gender a title gives ("Mrs. Park" f, "Mr. Park" m), if any. */
function titleGender(title: string): 'm' | 'f' | undefined {
  return /^(?:Mrs|Ms|Miss)\.?$/.test(title) ? 'f' : /^Mr\.?$/.test(title) ? 'm' : undefined;
}

/**
 * Whether a fuller mention may stand for a titled surname: the titles and any gender the article
 * shows agree ("Mrs. Brennan" is not "Mr. Paul Brennan", nor a "Paul Brennan" the article calls "he"),
 * and a bare first-name mention is only taken when its title matches.
 */
function titleAgrees(title: string, fuller: Claimant): boolean {
  const wanted = titleGender(title);
  if (!wanted) return true;
  const own = /^(Mrs|Ms|Miss|Mr)\.?\s/.exec(fuller.name);
  if (own) return titleGender(own[1]!) === wanted;
  // No title on the fuller mention: only a gender the article has shown for it ("she said") vouches for it.
  return fuller.gender === wanted;
}

/** The statement resolved just before, as the next one's "and said" and "who" read it. */
type Previous = { claimant: Claimant | null; unit: Span; source: Span | null };

/**
 * Gives every raw statement its claimant, resolving pronouns, surnames, acronyms and
 * appositions against earlier statements and mentions in the same text.
 * @param outlet - claimant of the outlet's own statements
 */
export function resolveClaimants(text: string, raws: readonly RawStatement[], outlet: string | null, offBody: OffBody = () => false): Statement[] {
  let defs: Map<string, string> | undefined;
  const definitions = () => (defs ??= acronymDefinitions(text));
  let mids: Set<string> | undefined;
  /** Capitalised words the text also writes mid-sentence, after a lower-case word or a comma: names, not sentence openers. */
  const midNames = () => (mids ??= new Set([...text.matchAll(/(?<=[\p{Ll},;]\s{1,3})((?:\p{Lu}[\p{Ll}’'-]+\s{1,3}){0,3}\p{Lu}[\p{Ll}’'-]+)/gu)].flatMap((m) => m[1]!.split(/\s+/))));
  const known = new KnownClaimants();
  const mentionScans = new Map<string, MentionScan>();
  /** People named so far, most recent last, with the sentence of their latest statement. */
  const people: Array<{ c: Claimant; at: number; end: number; object?: 'm' | 'f' | 'x' }> = [];
  /**
   * "he"/"she": the most recent person, if of that gender. None when a more recent speaker might be
   * a person we could not type ("Regalado said …"), or when the person is long out of view.
   */
  const personFor = (gender: 'm' | 'f', at: number, before?: string, pos?: number): Claimant | null => {
    if (lastAny && (!lastAny.person || reporters.has(lastAny)) && !lastAny.plural && !ORG_WORDS.test(lastAny.name) && !ACRONYM.test(lastAny.name) && lastAt >= (people.at(-1)?.at ?? -Infinity)) return null;
    // Only the most recent person: reaching past someone else to an earlier speaker is a guess.
    let latest = people.at(-1);
    // "Sanders, who …, rallied young people against the economy that he says …": when the sentence
    // names one earlier speaker before the pronoun and not the most recent one, the pronoun is that one's.
    if (latest && before && !surnameIn(latest.c, before)) {
      // ("“Berg is wrong,” he said": a name inside the quotation is whom the speaker talks about, never the speaker.)
      const plain = rule('claimant.quoted-name-not-antecedent', /["“”]|''/.test(before)) ? unquoted(before) : before;
      // ("The Murdoch outlets …, he said": a surname after "the", before a noun, names the person's outlets, not the person.)
      const modifiers = rule('claimant.surname-as-modifier', /\b[Tt]he\s+\p{Lu}[\p{L}’'-]+\s+\p{Ll}/u.test(plain)) ? plain.replace(/\b[Tt]he\s+\p{Lu}[\p{L}’'-]+(?=\s+\p{Ll})/gu, ' ') : plain;
      const named = people.slice(-PEOPLE_LOOKED_AT, -1).filter((p) => surnameIn(p.c, modifiers) && (!p.c.gender || p.c.gender === gender));
      if (rule('claimant.named-in-sentence', named.length === 1)) latest = named[0]!;
      // "Bush went after Trump at the debate, when he called …": a sentence opening with someone else's name as its
      // subject binds the pronoun to that person, who said nothing the rules found: no speaker beats a guess.
      else if (rule('claimant.sentence-subject-not-speaker', named.length === 0 && openingSubjectName(before, midNames()))) return null;
    }
    if (!latest || at - latest.at > PERSON_REACH || (latest.c.gender && latest.c.gender !== gender)) return introducedSubject(gender, latest?.end ?? 0, pos);
    // "Hewitt asked Trump about the attack. “…,” he said.", "Tapper asked him …. He said …": the last speaker put a
    // question to another person who may be of the pronoun's gender: the one answering may be either; not told apart.
    if (rule('claimant.asked-person-answers', latest === people.at(-1) && (latest.object === gender || latest.object === 'x'))) return null;
    // "Rubio said …. Bush's campaign has languished, but he …": a person the text named between the last speaker's statement
    // and the pronoun's sentence, outside quotations, may be whom it stands for; the last speaker is then a guess.
    if (pos !== undefined && before !== undefined && latest === people.at(-1)) {
      const unitStart = pos - before.length;
      const between = latest.end < unitStart ? unquoted(text.slice(latest.end, unitStart)) : '';
      const others = between ? people.slice(-PEOPLE_LOOKED_AT, -1).filter((p) => (!p.c.gender || p.c.gender === gender) && surnameOf(p.c) !== surnameOf(latest!.c)) : [];
      if (rule('claimant.known-person-between', others.some((p) => surnameIn(p.c, between)))) return null;
    }
    // ("Ana Poll said …. Ema Lind, 33, works the docks. “…,” she said.": the pronoun stands for the woman introduced since.)
    // One person introduced is the one the pronoun stands for; of several, none is told apart.
    const introduced = pos !== undefined && latest.end < pos ? peopleIntroduced(latest.c, text.slice(latest.end, pos)) : [];
    if (rule('claimant.passing-person-between', introduced.length > 0)) {
      if (introduced.length > 1) return null;
      const c = resolveName(introduced[0]!);
      c.gender = gender;
      return c;
    }
    // "Friedan called her an 'Aunt Tom.' ¶ Mrs. Schlafly's remarks drove her foes to distraction. She said …": a pronoun in a
    // later paragraph that names someone else of its gender before it, as a subject, may stand for that one.
    const para = pos === undefined ? -1 : text.lastIndexOf('\n', pos - 1) + 1;
    if (pos !== undefined && latest === people.at(-1) && para > latest.end && rule('claimant.paragraph-names-other', othersOfGender(unquoted(text.slice(para, pos)), gender, latest.c.name.split(',')[0]!.replace(/\s*\([^)]*\)/g, '').trim().split(/\s+/).at(-1)!))) return null;
    latest.c.gender ??= gender;
    return latest.c;
  };
  /**
   * "Mayor Ana Poll addressed the council on Tuesday. “…,” she said.": with no earlier speaker the pronoun may stand for, the
   * one person of its gender named as a subject since `from` in this paragraph or the one before (none when two are).
   */
  const introducedSubject = (gender: 'm' | 'f', from: number, pos?: number): Claimant | null => {
    if (pos === undefined) return null;
    // ("Ana Poll was asked which rival she feared": a pronoun inside a question put to someone says nothing of theirs.)
    const clause = text.slice(Math.max(0, pos - 120), pos).split(/[.!?]\s/).at(-1)!;
    if (/\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering)\s+(?:\S+\s+){0,3}?(?:which|what|whether|if|how|why|who|whom|where|when)\b[^.;]*$/i.test(clause)) return null;
    // (Paragraphs may be set apart by blank lines.)
    let gap = text.lastIndexOf('\n', pos - 1);
    while (gap > 0 && /\s/.test(text[gap - 1]!)) gap--;
    const previous = text.lastIndexOf('\n', gap - 1) + 1;
    const start = Math.max(from, previous);
    const window = unquoted(text.slice(start, pos));
    const mentioned = genderedNames(window);
    // "Clinton leaned in …. She started off …. “…,” she said.": a surname alone opening a sentence, whose full name with
    // a given name or title the text wrote before, is named with that person's gender too.
    // ("Trump and Sanders may blame trade …. the reason President Obama is seeking …. It's to our advantage, he says": another
    // person written in full before, named again from that surname's sentence on, leaves the pronoun unresolved.)
    // (Bounded work per pronoun: the people written in full are read once, from the 5,000 characters before, and only the
    // last dozen sentence openings of the window's last 3,000 are looked at.)
    const readFrom = Math.max(0, start - 5000);
    const full = genderedNames(text.slice(readFrom, pos)).map((n) => ({ ...n, at: readFrom + n.at }));
    const surnames = new Set(full.map((n) => n.surname));
    const shift = Math.max(0, window.length - 3000);
    for (const m of [...window.slice(shift).matchAll(SURNAME_SUBJECT)].slice(-12)) {
      const surname = m[1]!;
      const at = shift + m.index! + m[0].length - surname.length;
      if (OPENER_NOT_NAME.test(surname) || CALENDAR_NAMES.includes(surname.toLowerCase()) || mentioned.some((n) => at >= n.at && at < n.at + n.name.length)) continue;
      const person = writtenInFull(full.filter((n) => n.at < start + at), surname);
      const since = window.slice(at + surname.length);
      if (person && rule('claimant.surname-subject-gender', ![...surnames].some((o) => o !== surname && wordIn(since, o)))) mentioned.push({ ...person, surname, at, subject: true });
    }
    const named = mentioned.filter((n) => n.gender === gender && !offBody(start + n.at)).sort((a, b) => a.at - b.at);
    const last = named.at(-1);
    // One person of that gender named since, as the subject of the pronoun's sentence or of one of the two before it; no
    // speaker of another name mentioned since ("Trump's biggest applause came when he …" after "mocking …: Jeb Bush").
    if (!last?.subject || named.some((n) => n.surname !== last.surname) || (window.slice(last.at).match(/[.!?]["”'’)]*\s/g)?.length ?? 0) > 2) return null;
    if (people.some((p) => surnameOf(p.c) !== last.surname && surnameIn(p.c, window)) || !rule('claimant.introduced-subject', true)) return null;
    // The fullest mention of that name ("Mr. Netanyahu" is "Prime Minister Benjamin Netanyahu"), as a written source would be.
    const fuller = fullerMention(text, last.surname, start + last.at + last.name.length, known, mentionScans, offBody);
    // ("James Murdoch" is never a "Rupert Murdoch" named before: a given name written must be the fuller mention's too.)
    const given = /(\p{Lu}\p{Ll}+)\s+(?:\p{Lu}\.\s+)?\S+$/u.exec(last.name)?.[1];
    const same = !!fuller && titleAgrees(last.name.split(/\s+/)[0]!, fuller) && (!fuller.gender || fuller.gender === gender) && (!given || !firstNameGender(given) || fuller.name.split(/\s+/).includes(given));
    const c = same ? fuller! : resolveName(last.name);
    c.gender ??= gender;
    return c;
  };
  let lastAny: Claimant | null = null;
  /** Names shown only reporting ("Right Wing Watch first reported"): typed as persons, perhaps outlets; no antecedent for "he"/"she". */
  const reporters = new Set<Claimant>();
  /** Claimants quoted by someone the text names ("the agency quoted Li as saying"): a pronoun carrying one on is still quoted. */
  const quotedClaimants = new Set<Claimant>();
  /** Sentence of the statement that set `lastAny`, so pronouns do not reach too far back. */
  let lastAt = -Infinity;
  let lastUnitStart = -1;
  let prev: Previous | null = null;
  const out: Statement[] = [];

  const resolveName = (raw: string): Claimant => {
    const name = clean(raw);
    const paren = /^(.*?)\s*\((\p{Lu}[\p{Lu}0-9&]{1,7})\)$/u.exec(name);
    if (paren) return makeClaimant(name, [paren[1]!, paren[2]!]);
    if (ACRONYM.test(name)) {
      const def = definitions().get(name);
      return def ? makeClaimant(`${def} (${name})`, [def, name]) : makeClaimant(name);
    }
    for (const [acr, def] of definitions()) if (claimantKey(def) === claimantKey(name)) return makeClaimant(`${def} (${acr})`, [def, acr]);
    return makeClaimant(name);
  };

  /** Companies that have spoken so far ("Caltex Petroleum Corp"), each once: what a later "the company" stands for when there is one. */
  const companies: Claimant[] = [];
  /** Companies by name ("Rogers Communications", "Coda Energy Corp") that have spoken in the body, each once, with the sentence that first quoted them. */
  const bodies: Array<{ c: Claimant; unit: Span; last: number }> = [];
  /**
   * "The company", "the Dallas oil and gas concern", "the bank": the one company quoted so far, when it is of the kind
   * the noun names; "the president": the latest person quoted, when shown holding the office and no other president
   * is named since. Otherwise null: the noun is shown as written.
   */
  const byCommonNoun = (written: string, at: number, sentence: number): Claimant | null => {
    const head = headNoun(written);
    if (head) {
      // "The Justice Department said …. The department said …": the one body of that head quoted so far, with no other named since.
      const bodies = byHead.get(head);
      if (!bodies || bodies.others) return null;
      return rule('claimant.the-body-by-head', !otherBodyNamed(unquoted(text.slice(bodies.lastEnd, at)), head, bodies.first)) ? bodies.first : null;
    }
    const noun = commonNoun(written);
    if (!noun) return null;
    if (noun.kind === 'president') {
      const latest = people.at(-1);
      if (!latest || sentence - latest.at > PERSON_REACH || latest.end > at) return null;
      if (!rule('claimant.the-president', !/\bpresident/i.test(unquoted(text.slice(latest.end, at))) && (heldPresidency(latest.c.name) || presidentBefore(surnameOf(latest.c), at)))) return null;
      return latest.c;
    }
    const only = bodies.length === 1 ? bodies[0] : undefined;
    // (A company by its legal ending alone, called "the company": claimant.the-company's.)
    // ("Acme Corp said …. Faberge said …. … according to the company": another name spoke since: it may be the company meant.)
    // (Read back from the latest: the names quoted since the company last spoke, not every name of the article.)
    let past = false;
    for (let k = named.length - 1; only && k >= 0 && named[k]!.at > only.last && !past; k--) {
      const n = named[k]!;
      past = !n.c.person && /^\p{Lu}[\p{L}&'’.-]+$/u.test(n.c.name.replace(/\s*\([^)]*\)/g, '').split(/\s+/).at(-1) ?? '') && !sameCompany(n.c, only.c);
    }
    if (past && rule('claimant.company-not-past-other', true)) return null;
    if (!only || !companyName(only.c) || (THE_COMPANY.test(written) && companies.includes(only.c)) || !fitsKind(noun.kind, only.c) || !modifiersAgree(noun.modifiers, only.c, text.slice(only.unit.start, only.unit.end))) return null;
    return rule(noun.kind === 'bank' ? 'claimant.the-bank' : noun.kind === 'central bank' ? 'claimant.the-central-bank' : 'claimant.the-company-named', true) ? only.c : null;
  };
  /**
   * "A Tarnline spokesman said …. The spokesman said …", "trade sources said …. The sources said …": the latest claimant
   * named with that role noun, within reach, when it names more than the noun and every claimant of that noun quoted
   * within reach is that one, and the text names the noun nowhere else since. Otherwise null: the noun is shown as written.
   */
  const byRoleNoun = (written: string, at: number, sentence: number): Claimant | null => {
    const noun = roleNoun(written);
    if (!noun) return null;
    const has = (c: Claimant) => hasRole(c.name, noun);
    // (Only the claimants within reach, and at most DESCRIBED_LOOKBACK of them: the work per description is bounded.)
    const recent = named.slice(-DESCRIBED_LOOKBACK).filter((n) => sentence - n.sentence <= ROLE_REACH && n.at < at);
    const latest = recent.findLast((n) => has(n.c));
    if (!latest || !moreThanNoun(latest.c.name, noun) || at - latest.end > DESCRIBED_WINDOW) return null;
    // ("sources close to him", "a source at the firm": a name of no capital that the noun does not close is not shown as a
    // claimant; "market economists polled by Reuters", read as one, is no group a later "they" stands for.)
    if (!(/\p{Lu}/u.test(latest.c.name) || latest.c.name.split(/\s+/).at(-1)!.toLowerCase() === noun) || (/s$/.test(noun) && !latest.c.plural)) return null;
    // ("A Tarnline spokesman said …. A harbour spokesman said …. The spokesman said …": two of them; not told apart.)
    const others = recent.some((n) => n.c !== latest.c && has(n.c) && !n.c.keys.some((key) => latest.c.keys.includes(key)));
    // ("… A harbour official declined to comment. The official said …": another of the noun written since may be the one meant.)
    const since = unquoted(text.slice(Math.min(latest.end, at), at));
    return rule('claimant.the-role-noun', !others && !roleWritten(since, noun)) ? latest.c : null;
  };
  /**
   * "the Wisconsin Republican": the one person quoted so far whom the text tags with that state and party ("Paul Ryan
   * (R-Wis.)", "Ryan, a Wisconsin Republican,"); with no one so tagged, the person of the statement just before, within two
   * sentences, when no other name is written since and nothing the text shows of that person says otherwise. Else null.
   */
  const byStateParty = (written: string, at: number, sentence: number): Claimant | null => {
    const wanted = statePartyNoun(written);
    if (!wanted) return null;
    // (What the text shows is read from the DESCRIBED_WINDOW characters before, never the whole text per description.)
    const before = unquoted(text.slice(Math.max(0, at - DESCRIBED_WINDOW), at));
    const tagged = surnamesTagged(before, wanted);
    if (tagged.size) {
      // ("Ana Lund (R-Wis.) and Ivo Berg (R-Wis.) …": two so tagged; not told apart.)
      const surname = tagged.size === 1 ? [...tagged][0]! : null;
      const person = surname ? people.slice(-DESCRIBED_LOOKBACK).findLast((p) => surnameOf(p.c) === surname || p.c.name.split(/[\s,()]+/).includes(surname)) : undefined;
      return rule('claimant.state-party-tag', !!person) ? person!.c : null;
    }
    const latest = people.at(-1);
    if (!latest || lastAny !== latest.c || sentence - latest.at > 2 || latest.end > at || at - latest.end > DESCRIBED_WINDOW) return null;
    const person = personParts(latest.c.name)?.person ?? latest.c.name;
    if (person.split(/\s+/).length < 2) return null;
    const shown = shownFor(before, surnameOf(latest.c));
    if (shown.tags.some((t) => t.state !== wanted.state || t.party !== wanted.party) || shown.parties.some((p) => p !== wanted.party)) return null;
    // ("Ana Lund said …. When asked whether Ivo Berg would win, the Wisconsin Republican …": someone else named since.)
    const between = unquoted(text.slice(latest.end, at));
    const another = /\b(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.|\b(?:Republican|Democrat|Democratic|Senator|Congressman|Congresswoman)\b/.test(between) ||
      [...between.matchAll(/\p{Lu}[\p{Ll}’'-]+/gu)].some((m) => !latest.c.name.includes(m[0]) && !CALENDAR_NAMES.includes(m[0].toLowerCase()) && m.index! > 0 && !/[.!?]["”’)]*\s+$|^\s*$/.test(between.slice(0, m.index!)));
    return rule('claimant.state-party-latest', !another) ? latest.c : null;
  };
  /**
   * "the senator", "the candidate": the latest person quoted, within reach, when the text shows that person holding that
   * office ("Sen. Ana Lund", "Senator Lund", "candidate Ana Lund", "Lund, a Republican candidate,") and writes no other of
   * that office since. Otherwise null: the noun is shown as written.
   */
  const byOffice = (written: string, at: number, sentence: number): Claimant | null => {
    const office = /^[Tt]he\s+(senator|candidate)$/.exec(written.replace(/\s+/g, ' ').trim())?.[1];
    if (!office) return null;
    const latest = people.at(-1);
    if (!latest || sentence - latest.at > PERSON_REACH || latest.end > at || at - latest.end > DESCRIBED_WINDOW) return null;
    const word = office === 'senator' ? '(?:Sen\\.|[Ss]enator)' : '[Cc]andidate';
    const before = unquoted(text.slice(Math.max(0, at - DESCRIBED_WINDOW), at));
    const held = (c: Claimant): boolean => {
      const surname = surnameOf(c);
      return /^\p{Lu}[\p{L}’'-]+$/u.test(surname) && new RegExp(`${word}\\s+(?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,2}${surname}\\b|\\b${surname},\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}${office}\\b`, 'u').test(before);
    };
    // ("Sen. Ana Lund said …. Sen. Ivo Berg said …. The senator said …": two quoted within reach; not told apart.)
    const two = people.slice(-DESCRIBED_LOOKBACK).some((p) => p !== latest && sentence - p.at <= PERSON_REACH && surnameOf(p.c) !== surnameOf(latest.c) && held(p.c));
    const other = new RegExp(`${word}|${office === 'senator' ? 'senators' : 'candidates'}`).test(unquoted(text.slice(latest.end, at)));
    return rule('claimant.the-office', held(latest.c) && !two && !other) ? latest.c : null;
  };
  let byNoun: Claimant | null = null;
  /** Every claimant quoted in the body so far, in order, with the start of the statement's sentence. */
  const named: Array<{ c: Claimant; at: number; end: number; sentence: number }> = [];
  /** Per head noun ("Department"), the first body quoted by it, whether another body of that head was quoted too, and the latest quote. */
  const byHead = new Map<string, { first: Claimant; others: boolean; lastEnd: number }>();
  /**
   * "President … Surname" mentions by surname, read once from the unquoted text (positions are the text's own): a person
   * is shown holding the office when every one written before `at` names a sitting president.
   */
  const presidents = new Map<string, Array<{ end: number; held: boolean }>>();
  const presidentBefore = (surname: string, at: number): boolean => {
    let found = presidents.get(surname);
    if (!found) presidents.set(surname, (found = presidentMentions(surname, blankQuotes(text))));
    const before = found.filter((m) => m.end <= at);
    return before.length > 0 && before.every((m) => m.held);
  };
  /** Each statement's claimant, for the quote-only paragraphs that carry it on. */
  const resolved = new Map<RawStatement, Claimant | null>();
  /** Companies opening a paragraph as its subject, not yet read ("<Coda Energy Corp> agreed …"): bodies too once passed. */
  const subjects = paragraphSubjects(text).filter((x) => !offBody(x.at));
  const addBody = (c: Claimant, unit: Span) => {
    if (!companyName(c) && (c.plural || !COMPANY_NAME.test(c.name))) return;
    const known = bodies.find((b) => sameCompany(b.c, c));
    if (known) known.last = unit.start;
    else bodies.push({ c, unit, last: unit.start });
  };
  for (const r of raws) {
    while (subjects.length && subjects[0]!.at < r.unit.start && rule('claimant.company-subject', true)) {
      const x = subjects.shift()!;
      const c = resolveName(x.name);
      c.person = false;
      addBody(c, { start: Math.max(0, text.lastIndexOf('\n', x.at) + 1), end: x.at + x.name.length });
    }
    let claimant: Claimant | null = null;
    /** The source is "he"/"she" (resolved to the most recent person). */
    let pronoun = false;
    if (r.lemma === 'quotation') {
      // A quote-only paragraph: its introducer's speaker, or nobody (an unattributed quotation).
      const carried = r.carriedFrom ? resolved.get(r.carriedFrom) ?? null : null;
      out.push(finish(r, carried, carried ? 'attributed' : 'quotation', null));
      continue;
    }
    if (r.lemma === 'outlet') {
      out.push(finish(r, outlet ? { name: outlet, keys: [outlet.toLowerCase()], person: false, plural: false } : null, 'outlet', null));
      continue;
    }
    let source = r.source;
    if (r.sameAsPrevious && prev && prev.unit.start === r.unit.start) {
      // "… and said": same speaker; the source words belong to the first statement.
      claimant = prev.claimant;
    }
    else if (r.source) {
      const named = r.name ?? r.source;
      const written = text.slice(named.start, named.end);
      let lower = written.toLowerCase();
      // "I'm", "we're", "he'd": a pronoun with its verb contracted onto it is that pronoun, never a name.
      const contracted = /^(he|she|it|they|we|i|you)['’](?:s|m|re|ve|d|ll)$/.exec(lower);
      if (rule('claimant.contracted-pronoun', !!contracted)) lower = contracted![1]!;
      const recent: Claimant | null = r.unit.sentence - lastAt <= PRONOUN_REACH ? (lastAny as Claimant | null) : null;
      pronoun = PRONOUN_PERSON.has(lower);
      if (pronoun) claimant = personFor(lower === 'she' || lower === 'her' ? 'f' : 'm', r.unit.sentence, text.slice(r.unit.start, named.start), named.start);
      else if (r.antecedent && (lower === 'they' || lower === 'who' || lower === 'which' || lower === 'it')) {
        // An antecedent in the same sentence (found with number agreement by the attribution rules) wins.
        // ("…,'' said Ana Poll, the director of the Harbour Fund for Clean Water, who also said …": an antecedent
        // inside the previous statement's source in the sentence is that speaker.)
        // (Read through a typed name: the loop's assignments below leave `prev` narrowed to null here.)
        const before = prev as Previous | null;
        const within = lower === 'who' && insideSource(before, r.unit.start, r.antecedent);
        claimant = rule('claimant.who-in-previous-source', within) ? before!.claimant : resolveName(text.slice(r.antecedent.start, r.antecedent.end));
        // ("Papers from the harbour board began circulating after it announced …": "it" is never the plural or the person.)
        if (lower === 'it' && claimant && rule('claimant.it-not-person-head', personHeaded(claimant))) claimant = null;
      } else if (lower === 'who' && rule('claimant.who-inside-previous-source', insideSource(prev as Previous | null, r.unit.start, named))) {
        // '“…,” said Ed Lund, a delegate and Holm supporter who has accused …': a "who" inside the description of the
        // previous statement's speaker, whose noun the rules could not pick, is that speaker.
        claimant = (prev as Previous | null)!.claimant;
      } else if (lower === 'they') {
        // A plural pronoun never stands for a single person: only a recent group qualifies.
        // ("Polls show voters …. They are hungry for change": polls and papers are no "they" who speak.)
        claimant = recent?.plural && !PLURAL_DOCUMENTS.test(recent.name) ? recent : null;
      } else if (lower === 'it') {
        // "It says …" opening a sentence (or right after a quotation), or "The White House said it …"
        // within the sentence of the body's own statement; elsewhere "it" is usually a thing.
        const opening = r.source.start === r.unit.start || /^[\s"“”‘’'«»,—–-]*$/.test(text.slice(r.unit.start, r.source.start).replace(/(?:“[^”]*”|"[^"]*"|''.*?''|‘[^’]*’)/g, ''));
        const sameUnit = lastUnitStart === r.unit.start;
        // ("Deposits rose 30 pct, it said in its weekly review.": "it" closing the sentence after what it reported is the
        // body speaking, as "It said …" opening one is.)
        const closing = rule('claimant.it-after-content', !opening && r.content.end <= r.source.start && /,\s*$/.test(text.slice(r.unit.start, r.source.start)));
        // ("…, a bank spokesman said." then "It has said …": "it" is the bank, never the spokesman.)
        // ("…, said a Pierson economist." then ", it said": "it" is no economist or analyst either.)
        const lastWord: string = recent?.name.split(/\s+/).at(-1) ?? '';
        const role: boolean = !!recent && (rule('claimant.it-not-role', ROLE_WORD.test(lastWord) || MARKET_ROLE.test(lastWord)) ||
          // ("…, a source familiar with the inquiry said." then "It accused …": the phrase's head is a person too.)
          rule('claimant.it-not-person-head', personHeaded(recent, true)));
        claimant = recent && !recent.person && !recent.plural && !role && (opening || sameUnit || closing) ? recent : null;
      } else if (rule('claimant.object-gap-subject', objectGapSubject(written, text.slice(r.cue.end, r.cue.end + 24)))) {
        // "Everything Ana Poll says is a lie", "The account Lund shared was a fake": the name speaks only inside a relative
        // clause whose object is the sentence's subject; what follows is the outlet's, never the name's (nor a fuller name).
        claimant = null;
      } else if (PRONOUNS_UNRESOLVED.has(lower) || /\bof (?:whom|which)$/.test(lower) || /^[\d.,]+\s*(?:%|percent)$/.test(lower)) claimant = null;
      else if (r.apposition) {
        const first = clean(text.slice(r.apposition[0].start, r.apposition[0].end));
        const second = clean(text.slice(r.apposition[1].start, r.apposition[1].end));
        if (ACRONYM.test(second)) {
          claimant = makeClaimant(`${first} (${second})`, [first, second]);
          definitions().set(second, first);
        } else if (ACRONYM.test(first)) {
          claimant = makeClaimant(`${second} (${first})`, [first, second]);
          definitions().set(first, second);
        }
        else if (personParts(second) && !personParts(first)) claimant = makeClaimant(`${second} (${first})`, [first, second]);
        else claimant = makeClaimant(`${first}, ${second}`, [first, second]);
      } else if (THE_COMPANY.test(written) && companies.length === 1 && bodies.length <= 1 && rule('claimant.the-company', true)) {
        // "Caltex Petroleum Corp said …. The company said …": with one company speaking so far, it is that one.
        claimant = companies[0]!;
      } else if ((byNoun = byOffice(written, named.start, r.unit.sentence) ?? byStateParty(written, named.start, r.unit.sentence) ?? byRoleNoun(written, named.start, r.unit.sentence))) {
        // "Sen. Ana Lund said …. The senator said …", "House Speaker Paul Ryan (R-Wis.) said …. The Wisconsin Republican said …",
        // "A Tarnline spokesman said …. The spokesman said …": that person or that spokesman.
        claimant = byNoun;
      } else if ((byNoun = byCommonNoun(written, named.start, r.unit.sentence))) {
        // "Rogers Communications said …. The company said …", "Trustcorp Corp said …. The bank said …": that company.
        claimant = byNoun;
        if (!/president/i.test(written) && claimant.person) {
          // (Called "the company", it is no person: a later "he" never stands for it, and "it" may.)
          claimant.person = false;
          const i = people.findIndex((p) => p.c === claimant);
          if (i >= 0) people.splice(i, 1);
        }
      } else if (/^(?:the|this|that)\s/i.test(written) && DOCUMENT_HEADS.test(written) && lastAny &&
        // "the Washington Post", "the Drudge Report": a capitalised head names an outlet, not the last speaker's document.
        !rule('claimant.named-document', /\p{Lu}\p{L}*$/u.test(written))) {
        // "the statement reads": the body that issued it — unless the document is named for someone else or a person precedes a report.
        claimant = rule('claimant.document-not-last-speaker', ownDocument(written, lastAny)) ? resolveName(written) : lastAny;
      } else {
        // "columns Ana Poll wrote in college", "the second deal Lund has proposed": a thing before the name is what the name
        // said or did, the object of a relative clause; the name alone speaks.
        // ("Assistant Secretary of Defense for security policy Ed Lee": a lower-case word inside a title after "of"/"for" is the title's.)
        const cleaned = clean(written);
        // '…," Jim Lund, president of the Tarn Growers Association said.': a description with no article whose name, before its
        // comma, the source left out is that person's; the name is shown with it.
        const person = DESCRIPTION_ONLY.test(written) ? nameBeforeDescription(text.slice(Math.max(0, named.start - 80), named.start)) : null;
        const match = THING_BEFORE_NAME.exec(cleaned);
        const thing = match && !/\s(?:of|for)\s/.test(cleaned.slice(0, match.index + 1)) ? match : null;
        const name = rule('claimant.thing-before-name', !!thing) ? thing![1]! : cleaned;
        const words = name.split(/\s+/);
        const surname = words.length === 1 || (words.length === 2 && /^(?:Mr|Mrs|Ms|Dr)\.?$/.test(words[0]!));
        const found = surname && !ACRONYM.test(words[words.length - 1]!) && /^\p{Lu}/u.test(words[words.length - 1]!)
          ? fullerMention(text, words[words.length - 1]!, named.start, known, mentionScans, offBody)
          : null;
        const fuller = found && !rule('claimant.title-agrees', words.length > 1 && !titleAgrees(words[0]!, found)) ? found : null;
        claimant = rule('claimant.name-before-description', !!person) ? makeClaimant(`${person}, ${cleaned}`, [person!]) : fuller ?? resolveName(name === thing?.[1] ? name : written);
      }
    }
    // ("Analyst Ray Stone of Merrill Lynch Capital Markets Inc said …. He said …": a person named with a known given name
    // and the firm he speaks for is that person, whom a later "he"/"she" stands for, and no company.)
    const firmGender = claimant && !claimant.person && !pronoun ? personOfFirm(claimant.name) : null;
    const ofFirm = !!claimant && !claimant.person && !pronoun && rule('claimant.person-of-firm', !!firmGender);
    if (ofFirm) {
      claimant!.person = true;
      claimant!.gender = firmGender!;
    }
    if (claimant && !rule('claimant.not-from-headline', offBody(r.unit.start))) {
      known.add(claimant);
      if (!ofFirm && !claimant.plural && COMPANY_NAME.test(claimant.name) && !companies.some((c) => c.keys.some((k) => claimant!.keys.includes(k)))) companies.push(claimant);
      // (A company named with other words, "its rival Brandt Shipping Ltd", is never shown for the noun but still makes two.)
      named.push({ c: claimant, at: r.unit.start, end: r.unit.end, sentence: r.unit.sentence });
      const head = bodyHead(claimant);
      if (head) {
        const seen = byHead.get(head);
        if (!seen) byHead.set(head, { first: claimant, others: false, lastEnd: r.unit.end });
        else {
          if (claimant !== seen.first && !claimant.keys.some((k) => seen.first.keys.includes(k))) seen.others = true;
          seen.lastEnd = r.unit.end;
        }
      }
      addBody(claimant, r.unit);
      // ("…, Right Wing Watch first reported.": a name that only reports, with no gender, title or role shown, may be an outlet.)
      // (A name that has spoken is a person: "Limbaugh continued: …. He concluded: …".)
      if (claimant.person && rule('claimant.reporter-not-person', (r.lemma === 'report' || r.lemma === 'according') && !claimant.gender && !ROLE_WORD.test(claimant.name) && !people.some((p) => p.c === claimant))) reporters.add(claimant);
      else if (claimant.person) {
        reporters.delete(claimant);
        const i = people.findIndex((p) => p.c === claimant);
        if (i >= 0) people.splice(i, 1);
        // (Never the claimant itself: "Wallace brought him back to it, asking Trump to …" found as Trump's.)
        // ("Ryan did not exude confidence when Tapper asked whether …": the question is put to the sentence's subject.)
        const object = r.lemma === 'ask' ? askedPerson(text, r.cue.end, claimant) ?? (r.source && askedSubject(text.slice(r.unit.start, r.source.start), claimant) ? 'x' : null) : null;
        people.push({ c: claimant, at: r.unit.sentence, end: r.unit.end, ...(object ? { object } : {}) });
      }
      // A person quoted by an outlet or a document ("the agency quoted Li as saying") is no antecedent for a
      // later "the statement", "it" or "they": the one quoting still is.
      if (r.quoted) quotedClaimants.add(claimant);
      // ("The agency quoted Li as saying … He added …": Li, carried on by "he", is still the agency's quotation.)
      const carried = pronoun && quotedClaimants.has(claimant) && rule('claimant.quoted-carried-by-pronoun', lastAny !== claimant);
      if (!rule('claimant.quoted-not-recent', !!r.quoted) && !carried) {
        lastAny = claimant;
        lastAt = r.unit.sentence;
        lastUnitStart = r.unit.start;
      } else if (r.quoter) {
        // The one quoting, when named and not a pronoun or a document (which stand for the antecedent already).
        const quoter = text.slice(r.quoter.start, r.quoter.end);
        const lowerQuoter = quoter.toLowerCase();
        if (!PRONOUN_PERSON.has(lowerQuoter) && !/^(?:it|they|we|i|you|who|which|that)$/.test(lowerQuoter) && !(/^(?:the|this|that|its|their|his|her)\s/i.test(quoter) && DOCUMENT_HEADS.test(quoter))) {
          lastAny = resolveName(quoter);
          lastAt = r.unit.sentence;
          lastUnitStart = r.unit.start;
        }
      }
    }
    resolved.set(r, claimant);
    const answers = r.answers ? resolveName(text.slice(r.answers.start, r.answers.end)).name : null;
    out.push(finish({ ...r, source }, claimant, 'attributed', answers));
    prev = { claimant, unit: r.unit, source };
  }
  return out;
}

function finish(raw: RawStatement, claimant: Claimant | null, kind: Statement['kind'], answers: string | null): Statement {
  const statement: Statement = {
    cue: raw.cue,
    source: raw.source,
    content: raw.content,
    span: { start: raw.unit.start, end: raw.unit.end },
    sentence: raw.unit.sentence,
    claimant: claimant?.name ?? null,
    claimantKeys: claimant?.keys ?? [],
    stance: raw.stance,
    kind,
  };
  if (answers) statement.answers = answers;
  return statement;
}

/** Things a relative clause's object may be, right before the name closing a source ("the columns Poll wrote", "a deal Lund offered"). */
const THING_BEFORE_NAME = new RegExp(String.raw`(?:^|\s)(?:${[
  'accounts?', 'ads?', 'answers?', 'arguments?', 'articles?', 'books?', 'claims?', 'columns?', 'comments?', 'deals?', 'decisions?', 'emails?',
  'honou?r', 'ideas?', 'lies', 'lines?', 'messages?', 'moves?', 'offers?', 'phrases?', 'plans?', 'plants?', 'points?', 'polic(?:y|ies)',
  'positions?', 'promises?', 'proposals?', 'questions?', 'quotes?', 'remarks?', 'speech(?:es)?', 'stor(?:y|ies)', 'terms?', 'things?', 'tweets?',
  'videos?', 'ways?', 'words?'].join('|')})\s+((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*)$`, 'u');

/** A role with no article and where it is held ("president of the Tarn Growers Association", "oil analyst at Tarn Securities"). */
const DESCRIPTION_ONLY = new RegExp(String.raw`^(?:[\p{Ll}-]+\s+){0,3}?(?:${[
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ambassador', 'president', 'vice-president', 'governor', 'secretary', 'chief', 'director', 'director-general',
  'official', 'adviser', 'advisor', 'aide', 'head', 'leader', 'chairman', 'chairwoman', 'chair', 'representative', 'lawyer', 'founder', 'co-founder', 'treasurer',
  'member', 'professor', 'meteorologist', 'general-manager', 'partner', 'editor', 'researcher', 'fellow', 'coordinator', 'organizer', 'organiser', ...MARKET_ROLES].join('|')})\s+(?:of|for|at|with)\s`, 'u');

/**
 * The person's name right before a description's comma, opening its clause ('…," Jim Lund, ', 'But Ana Poll, '): two or three
 * capitalised words, the first a given name news gives one sex; null when there is none.
 * @param before - the text up to the description
 */
function nameBeforeDescription(before: string): string | null {
  const m = /(?:^|[.!?]\s+|[,;]\s*["”’']+\s*|[“"]\s*|\n\s*|,\s+|\b(?:But|And|Meanwhile)\s+)((?:\p{Lu}\p{Ll}+\s+)(?:\p{Lu}\p{Ll}+\s+|\p{Lu}\.\s+)?\p{Lu}[\p{L}’'-]+),\s+$/u.exec(before);
  if (!m || ORG_WORDS.test(m[1]!) || !firstNameGender(m[1]!.split(/\s+/)[0]!)) return null;
  return m[1]!;
}

/** A thing or an indefinite pronoun right before a name closing a source ("the account Lund", "Everything Poll"). */
const GAP_HEAD_NAME = /(?:^|\s)(\p{Ll}[\p{Ll}-]*|Everything|Anything|Nothing|Something|Whatever)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*$/u;

/**
 * Whether a source as written is the subject of a relative clause whose object went before it, with the main clause's
 * verb right after the cue ("Everything Poll says is …", "The account Lund shared was …", "the judge Lund referred to is …").
 * @param after - the text right after the cue
 */
function objectGapSubject(written: string, after: string): boolean {
  // ("The soldiers that the HUR said were recruited": after an article or a relative word the name is the clause's own
  // subject, and what follows the cue is what it said.)
  const head = GAP_HEAD_NAME.exec(written)?.[1];
  if (!head || DETERMINERS.has(head) || /^(?:that|which|who|whom|whose|and|or|but|as|if|when|while|because|than|his|her|its|their|our|my|your)$/.test(head) || /[,;:]/.test(written)) return false;
  return /^(?:Everything|Anything|Nothing|Something|Whatever)\s/.test(written) || /^\s+(?:(?:to|about|of|at|on|for|with|up|out)\s+)?(?:is|was|are|were)\b/.test(after);
}

/** Whether `span` lies inside the source of `previous`, a statement of the same unit with a claimant. */
function insideSource(previous: Previous | null, unitStart: number, span: Span): boolean {
  return !!previous?.claimant && !!previous.source && previous.unit.start === unitStart && previous.source.start <= span.start && span.end <= previous.source.end;
}

/** The gender of a name written as a person's with the firm or body they speak for ("Analyst Ray Stone of Tarn Securities Inc"), by a known given name; else undefined. */
function personOfFirm(name: string): 'm' | 'f' | undefined {
  const m = /^(?:(?:[Aa]nalyst|[Ee]conomist|[Ss]trategist|[Tt]rader|[Dd]ealer)\s+)?(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]+\s+(?:of|at|with|from)\s+\p{Lu}/u.exec(name);
  return m ? firstNameGender(m[1]!) : undefined;
}

/** Nouns heading a phrase that names a person or people ("a source familiar with …", "a Democrat close to …"). */
const PERSON_HEAD = /^(?:sources?|democrats?|republicans?|counsell?ors?|commissioners?|chancellors?|persons?|people|experts?|insiders?|lawmakers?|legislators?|members?|delegates?|critics?|supporters?|allies|rivals?|opponents?|activists?|investors?|witness(?:es)?|employees?|officers?|diplomats?|observers?|negotiators?|attorneys?|judges?|candidates?|voters?|residents?|workers?|m[ae]n|wom[ae]n)$/i;

/**
 * Whether a claimant's name is written as a phrase headed by a person or by a plural noun ("a source familiar with
 * the inquiry", "the Department's counselor in Belgrade", "Documents from the harbour board"), or as a title before a
 * personal name ("EC Trade Commissioner Willy De Clercq"): never a body that "it" stands for.
 */
function personHeaded(c: Claimant, lastWordRead = false): boolean {
  const core = c.name.replace(/\s*\([^)]*\)/g, '').split(/,\s/)[0]!;
  const cut = core.split(/\s+(?:of|with|from|in|at|for|familiar|close|on|to|by|who|that)\s+/i);
  const words = cut[0]!.replace(/^.*['’]s\s+/, '').split(/\s+/);
  const head = words.at(-1) ?? '';
  // (With its last word read already, claimant.it-not-role's, a role there is left to that rule.)
  if (PERSON_HEAD.test(head) || (!(lastWordRead && head === core.split(/\s+/).at(-1)) && (ROLE_WORD.test(head) || MARKET_ROLE.test(head)))) return true;
  // (A plural head before a phrase after it: "Documents from …", "Workers at …"; a bare capitalised name ending in -s is a firm's.)
  if (COMPANY_NAME.test(c.name)) return false;
  if (cut.length > 1) return /^[\p{L}-]*[^su'’]s$/u.test(head) && !ORG_WORDS.test(head);
  const all = core.split(/\s+/);
  for (let i = 0; i < all.length - 2; i++) {
    const rest = all.slice(i + 1);
    if (rest.length <= 3 && (ROLE_WORD.test(all[i]!) || PERSON_HEAD.test(all[i]!)) && /^\p{Lu}/u.test(all[i]!) && rest.every((w) => /^\p{Lu}/u.test(w) && !ORG_WORDS.test(w)) && personParts(rest.join(' '))) return true;
  }
  return false;
}

/** Market and trade roles a wire story names people by ("a Pierson economist", "one dealer"), which "it" never stands for. */
const MARKET_ROLE = new RegExp(`^(?:${[...MARKET_ROLES, 'broker'].join('|')})s?$`, 'i');
