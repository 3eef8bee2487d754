/**
 * What a claimant's name says on its own: the name shown, its keys for matching ("Armenia’s Foreign Ministry" and
 * "Armenian Foreign Ministry" are one), whether it names a person, a group of several or a company, the person and
 * role inside it, its given names and what gender they show. `claimants.ts` resolves a source as written to one of
 * these within an article.
 */
import { placeFor } from '../topics/places.js';
import { firstNameGender } from './first-names.js';
import { rule } from './rules.js';
import { CALENDAR_NAMES, DETERMINERS, INTRO_WORDS } from './words.js';

/** A resolved claimant: display name, lower-case keys for matching, whether it is a person or a group of several. */
export interface Claimant {
  name: string;
  keys: string[];
  person: boolean;
  plural: boolean;
  /** 'm' or 'f' when the article shows it (an honorific, or an earlier "he"/"she" for this speaker). */
  gender?: 'm' | 'f';
  /**
   * The keys a later bare name may find this claimant by, when not all of them: never the body or person a role
   * names ("Trump" in "Trump adviser Kellyanne Conway") or a description ("…, a spokesman for Hillary Clinton").
   */
  lookup?: string[];
}

export const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

/** Words that make a capitalised name a body, never a person ("Tarn Port Authority", "Federal Reserve Board", "Statistics Bureau"). */
export const ORG_WORDS = /\b(?:Ministry|Agency|Office|Department|Government|Embassy|Council|Committee|Service|Party|Forces|Army|Intelligence|Union|Organization|Organisation|Group|Court|Commission|Bank|Police|Kremlin|House|Administration|Institute|Foundation|Company|Corp|Inc|Authority|Board|Association|Federation|Bureau|Exchange|Corporation|University|Fund|Coalition|Alliance|League|Society)\b/;

export const ROLE_WORD = /\b(?:spokesperson|spokesman|spokeswoman|minister|ambassador|president|governor|secretary|chief|director|official|adviser|advisor|aide|senator|prime|deputy|head|leader|envoy|general|commander|representative|speaker|chairman|chairwoman|lawyer)\b/i;

/** Lower-case plural heads: "officials", "politicians", "police" (not "news", "status", "analysis"). */
const PLURAL_HEAD = /^(?:[\p{Ll}-]+[^su’']s|police|people|staff|military|media|public|clergy|personnel|press)$/u;

/** Capitalised plurals that name groups: "Democrats", "Armenians", "Houthis" (not surnames like "Sanders"). */
const PLURAL_PROPER = /^\p{Lu}\p{Ll}+(?:icans|ocrats|ists|ians|ites|ives|eans)$/u;

/** Legal endings of a company's name, as wire copy writes them ("Corp", "Plc", "AG"): the one list every rule reads. */
export const LEGAL_ENDINGS: readonly string[] = ['Corp', 'Corporation', 'Inc', 'Incorporated', 'Co', 'Company', 'Ltd', 'Limited', 'Plc', 'PLC', 'AG', 'SA', 'NV', 'LLC', 'Cos'];
/** The short legal endings ("Corp", "Inc", "AG"), which wire copy may follow with a point. */
export const SHORT_LEGAL_ENDINGS: readonly string[] = LEGAL_ENDINGS.filter((e) => e.length <= 4);

/** A short legal ending with "and" after it: a list of companies ("Holiday Corp and Comsat Corp"). */
const LISTED_COMPANY = new RegExp(`\\b(?:${SHORT_LEGAL_ENDINGS.join('|')})\\.?,?\\s+(?:and|&)\\s`);
/** Legal endings closing a name ("… Tarn Ferries Corp Inc"). */
const LEGAL_TAIL = new RegExp(`(?:\\s+(?:${LEGAL_ENDINGS.join('|')})\\.?)+$`);

/** True when a claimant names several people or bodies ("Russia and Turkey", "opposition politicians"). */
export function pluralName(name: string): boolean {
  // "Ana Brunner, a developer and spokeswoman for the coalition": a description after the name's comma is about one
  // person; its "and" joins two roles, not two people ("Lund, Berg and Holm" stays a list).
  const words = name.replace(/\s*\([^)]*\)/g, '').replace(/[’']s\b/g, '').split(/\s+/).filter(Boolean);
  const described = /^[^,]+,\s+(?:a|an|the|\p{Ll})/u.test(name);
  const joined = words.length > 2 && words.slice(1, -1).some((w) => w === 'and' || w === '&') && !/^(?:Co\.?|Company|Sons|Partners|Associates)$/.test(words[words.length - 1]!) &&
    // ("Tarn Science and Technology Inc": a legal ending closes one company's name.)
    // ("Holiday Corp and Comsat Corp" are two companies; "Ivo Lund and Tarn Capital Inc" a person and a company.)
    !rule('claimant.company-not-plural', COMPANY_NAME.test(name) && !LISTED_COMPANY.test(name) && !personBeforeAnd(name));
  if (joined && !rule('claimant.description-not-plural', described && !/\s(?:and|&)\s/.test(name.slice(0, name.indexOf(','))))) return true;
  // The head is the word before a modifier ("Residents of Gyumri", "officials in Moscow").
  // ("A union representing flight attendants": a participle after the head noun opens its modifier too.)
  const cut = words.findIndex((w, i) => (i > 0 && /^(?:of|in|from|at|for|on|near|with)$/.test(w)) ||
    (i > 1 && /^[a-z]{3,}ing$/.test(w) && /^[a-z]{3,}$/.test(words[i - 1]!) && !DETERMINERS.has(words[i - 1]!) && !/(?:ing|ed|est)$/.test(words[i - 1]!)));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? '';
  // A capitalised common noun only opening the phrase ("Officials in Moscow"), never a surname ("Sanders") or a
  // name written with capitals inside it ("WikiLeaks").
  if (PLURAL_HEAD.test(head) || (head === words[0] && /^\p{Lu}\p{Ll}+$/u.test(head) && PLURAL_HEAD.test(head.toLowerCase()) && !/^\p{Lu}\p{Ll}*$/u.test(name.trim()))) return true;
  // One capitalised plural that is a common noun of news sources ("Polls", "Insiders", "Critics"), not a surname.
  if (words.length === 1 && /^\p{Lu}\p{Ll}+s$/u.test(head) && PLURAL_SOURCES.has(head.toLowerCase())) return true;
  return PLURAL_PROPER.test(head);
}

/**
 * Whether a name's words before its first "and" may be a person's or a whole company's of their own: a given name
 * first ("Ivo Lund and Tarn Capital Inc"), or two names of two words or more each ("Ivo Lund and Tarn Capital Inc";
 * "Castle and Cooke Inc", "Tarn Mining and Smelting Co Ltd", "Lund and Co Inc" are one company's).
 */
function personBeforeAnd(name: string): boolean {
  if (/\s(?:and|&)\s+(?:Co|Company|Sons|Partners|Associates)\b/.test(name)) return false;
  const [before = '', after = ''] = name.split(/\s+(?:and|&)\s+/);
  const first = before.split(/\s+/);
  const second = after.replace(LEGAL_TAIL, '').split(/\s+/);
  const trade = /^(?:Corp|Inc|Co|Ltd|Company|Energy|Oil|Gas|Steel|Motor|Motors|Industries|Communications|Holdings|Bank|Electric|Mining|Aluminum|Chemical|Petroleum|Resources)$/;
  if (first.length < 2 || first.some((w) => trade.test(w.replace(/,$/, '')))) return false;
  return !!firstNameGender(first[0]!) || (first.length <= 3 && second.length >= 2);
}

/** Documents and figures as a plural source: they show, but a later "they said" is people. */
export const PLURAL_DOCUMENTS = /\b(?:polls|surveys|studies|reports|records|documents|emails|figures|data|statistics)$/i;

/** Plural nouns that stand alone as a source opening a sentence ("Polls show …", "Critics say …"). */
const PLURAL_SOURCES = new Set([
  'polls', 'surveys', 'studies', 'reports', 'records', 'documents', 'emails', 'critics', 'supporters', 'insiders', 'voters',
  'economists', 'analysts', 'experts', 'observers', 'officials', 'sources', 'aides', 'advisers', 'allies', 'rivals', 'opponents',
  'activists', 'protesters', 'lawmakers', 'legislators', 'investigators', 'prosecutors', 'authorities', 'diplomats', 'traders',
  'dealers', 'bankers', 'brokers', 'investors', 'scientists', 'researchers', 'doctors', 'witnesses', 'residents', 'neighbors',
  'neighbours', 'advocates', 'members', 'leaders', 'workers', 'employees', 'executives', 'managers', 'students', 'parents',
  'teachers', 'donors', 'organizers', 'organisers', 'officers', 'troops', 'soldiers', 'pollsters', 'strategists', 'consultants',
]);

/** Market and trade roles a wire story names people by ("a Pierson economist", "Lawrence Cohn, analyst at Merrill Lynch"). */
export const MARKET_ROLES: readonly string[] = ['analyst', 'economist', 'trader', 'dealer', 'banker', 'manager', 'executive', 'consultant', 'strategist'];
/** A person at a firm whose name ends in a legal ending ("analyst at Merrill Lynch and Co Inc", "partner at Tarn Capital Inc"). */
const PEOPLE_AT_FIRMS = new RegExp(`\\b(?:${[...MARKET_ROLES, 'partner', 'at'].join('|')})\\b`);

/** A company's name by its legal ending ("Caltex Petroleum Corp", "Texaco Inc", "Rank Organisation PLC", "Tarn Holdings"). */
export const COMPANY_NAME = new RegExp(`\\s(?:${[...LEGAL_ENDINGS, 'Holdings', 'Bancorp'].join('|')})\\.?$`);

/** Lower-cased, possessives and leading articles removed, demonyms folded ("Armenian" ≈ "Armenia's"). */
export function claimantKey(name: string): string {
  return name
    .replace(/[’']s\b/g, '')
    .replace(/[“”"‘’(),.]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w, i) => !(i === 0 && /^(?:the|a|an)$/i.test(w)))
    .map((w) => (/^\p{Lu}/u.test(w) && w.length > 4 ? w.toLowerCase().replace(/(?:ians?|ia|ans?|ese|i|e|a)$/, '') : w.toLowerCase()))
    .join(' ');
}

/** Month and weekday names as written ("January", "Monday"). */
const CALENDAR = CALENDAR_NAMES.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|');

/** A time phrase closing a source ("… in January", "… on Tuesday", "… last week"). */
const TIME_TAIL = new RegExp(`\\s+(?:in|on|last|this|earlier this|late|early)\\s+(?:${CALENDAR}|week|month|year)$`);

/** A time opening a sentence ("Saturday", "On Monday", "This week", "Late Tuesday"), before the rest of its phrase or a name. */
const TIME_OPENING = new RegExp(`^(?:(?:On|Late|Early)\\s+)?(?:${CALENDAR}|Today|Yesterday|Tonight|(?:This|Last|Next|Earlier|Later)\\s+(?:week|month|year|morning|afternoon|evening|night|weekend|${CALENDAR}))(?=\\s)`);

/** What ends a longer time phrase, so that a time tail after it is left whole ("from September last year"). */
const TIME_TAIL_AFTER = new RegExp(`(?:${CALENDAR}|\\d)$`);

/**
 * A statement, a set of figures or a document named with who gave it ("comments by the bank governor",
 * "figures released today by the statistics office", "a study by the harbour board"): that one is the claimant.
 * ("figures received by …" and "analysts polled by …" are left: the one after "by" is not the one speaking.)
 */
const SPEAKER_IN_PHRASE = new RegExp(
  '^(?:(?:a|an|the|public|official|preliminary|provisional|latest|new|recent|revised|final|further|earlier|joint|detailed|monthly|weekly|quarterly|annual|\\d{4})\\s+){0,3}' +
  '(?:comments?|remarks?|statements?|figures|data|estimates?|forecasts?|projections?|reports?|stud(?:y|ies)|surveys?|letters?|testimony)\\s+' +
  '(?:(?:released|published|issued|given|compiled|made|prepared|conducted|provided|sent|written|produced)\\s+(?:(?:today|yesterday|earlier|late|last\\s+\\w+|this\\s+\\w+|on\\s+\\p{Lu}\\p{Ll}+)\\s+)?)?' +
  '(?:by|from)\\s+(?=\\S)', 'iu');

/** A document or data set closing the phrase after "from": what the figures come from, not who gave them. */
const DOCUMENT_AFTER = /\b(?:survey|study|report|census|poll|index|analysis|data|database|statistics|figures)$/i;

/** A time opening what follows "from" ("data from September last year", "figures from 1985"). */
const TIME_AFTER = new RegExp(`^(?:${CALENDAR}|\\d|(?:last|this|next|previous|the\\s+(?:first|second|third|fourth|last|past|previous))\\b)`, 'i');

/** Removes a leading article, a trailing possessive and stray punctuation from a source as written. */
export function clean(s: string): string {
  // "comments by central bank governor Erik Hoffmeyer": the governor is the claimant, not his comments.
  // ("Data from the 2014 Harbour Tide Survey": a document after "from" is no speaker; the phrase stays whole.)
  const flat = s.replace(/\s+/g, ' ');
  const phrase = SPEAKER_IN_PHRASE.exec(flat);
  // ("data from September", "figures from 1985": a time after "from" is when, not who.)
  // ("a statement from the bank", "a statement from the companies": a common noun alone names nobody in particular;
  // the statement is shown as the document's, as before.)
  const giver = phrase ? flat.slice(phrase[0].length) : '';
  if (phrase && rule('claimant.speaker-in-phrase', !DOCUMENT_AFTER.test(s.trim()) && !TIME_AFTER.test(giver) && /\p{Lu}/u.test(giver.replace(TIME_TAIL, '')))) s = giver;
  // "9:26PMDonald Trump", "35PMChris Christie": a time stamp a page glued to the name is no part of it.
  const stamp = /^(?:\d{1,2}:)?\d{0,2}[AP]M(?=\p{Lu}\p{Ll})/u.exec(s);
  if (stamp && rule('claimant.glued-time-stamp', true)) s = s.slice(stamp[0].length);
  // "Later Secretary of State Jon Husted told …": a sentence adverb opening the sentence is no part of the name.
  const opening = /^(\p{Lu}\p{Ll}+)\s+(?=\p{Lu})/u.exec(s);
  if (opening && rule('claimant.opening-adverb', INTRO_WORDS.has(opening[1]!.toLowerCase()) && !/^(?:Years|Days|Months|Weeks|Together|Being|Having|First)$/.test(opening[1]!))) s = s.slice(opening[0].length);
  // "Saturday at the party convention Sen. Ana Poll (D-MA)", "This week Tarnco": a time phrase opening the sentence that no
  // comma closes is no part of the name after it: the name is the capitalised words closing the source, after a content
  // word of the phrase ("Monday night's results", "the Sunday Express" stay whole).
  const time = TIME_OPENING.exec(s);
  if (time) {
    const rest = s.slice(time[0].length).trim();
    const name = /(?:^|\s)((?:\p{Lu}[\p{L}\p{N}.’'-]*\s+)*\p{Lu}[\p{L}\p{N}.’'-]*(?:\s*\([^)]*\))?)$/u.exec(rest);
    const before = name ? rest.slice(0, name.index).trim().split(/\s+/).at(-1) ?? '' : '';
    const phrase = !!name && /^\p{Ll}/u.test(rest) && /^\p{Ll}+$/u.test(before) && !/^(?:of|the|a|an|at|in|on|to|for|from|by|with|and|or|as|than|into|about|over|under|near)$/.test(before);
    const alone = !!name && name.index === 0 && /\s/.test(time[0].trim());
    if (rule('claimant.time-opening', phrase || alone)) s = name![1]!;
  }
  // "The Justice Department in January said": a time phrase after the name is when, not who.
  const tail = TIME_TAIL.exec(s);
  // ("Bundesbank data from September last year": a tail that ends a longer time phrase is left whole.)
  if (tail && rule('claimant.time-tail', tail.index > 0 && !TIME_TAIL_AFTER.test(s.slice(0, tail.index)))) {
    s = s.slice(0, tail.index);
    // ("a Marist poll for NBC News released last week": the participle the time phrase belonged to goes with it.)
    const participle = /\s+(?:released|published|conducted|issued|taken|made|filed|posted|sent)$/.exec(s);
    if (participle && rule('claimant.time-tail-participle', participle.index > 0)) s = s.slice(0, participle.index);
  }
  // Wire copy breaks lines inside names ("Patricio\nQuevedo"): a name is shown on one line.
  return s.replace(/\s+/g, ' ').replace(/^(?:the|its|his|her|their|our|whose)\s+/i, '').replace(/[\s,]+$/, '').trim();
}

/** Splits "HUR spokesperson Andrii Yusov" into the person and the affiliation/role. */
export function personParts(name: string): { person: string; role: string } | null {
  const words = name.split(/\s+/);
  let k = words.length;
  while (k > 0 && /^\p{Lu}[\p{Ll}’'.-]+$/u.test(words[k - 1]!) && !ORG_WORDS.test(words[k - 1]!)) k--;
  // "Democrat Hillary Clinton", "Former President Bill Clinton": a party or title before the name is part of the role,
  // so the person is "Hillary Clinton" — one claimant with a later plain "Hillary Clinton".
  while (words.length - k > 2 && rule('claimant.title-in-role', NOT_GIVEN.test(words[k]!.replace(/\.$/, '')))) k++;
  const personWords = words.slice(k);
  if (personWords.length < 1 || personWords.length > 4) return null;
  const role = words.slice(0, k).join(' ').replace(/,$/, '');
  if (personWords.length === 1 && !ROLE_WORD.test(role)) return null;
  // "Data from the 2014 American Community Survey", "a poll by the Harbour Tide Group": capitalised words after
  // a preposition, an article or a year are a thing the phrase is about, never a person it names.
  if (rule('claimant.name-after-preposition', k > 0 && !ROLE_WORD.test(role) && /^(?:the|a|an|of|from|by|in|at|for|with|on|to|\d[\d,.]*)$/i.test(words[k - 1]!))) return null;
  if (k > 0 && !ROLE_WORD.test(role) && !/,$/.test(words[k - 1] ?? '')) return personWords.length >= 2 ? { person: personWords.join(' '), role } : null;
  return { person: personWords.join(' '), role };
}

/** Capitalised words in a role that name the organisation ("HUR" in "HUR spokesperson"). */
function affiliation(role: string): string | null {
  const capitals = /^((?:\p{Lu}[\p{L}’'-]*\s*)+)/u.exec(role.replace(/^(?:the|The)\s+/, ''));
  if (!capitals) return null;
  const owned = /[’']s$/.test(capitals[1]!.trim());
  const org = capitals[1]!.trim().replace(/[’']s$/, '');
  // A title alone ("Defense Minister") is not an affiliation.
  const titleOnly = org.split(/\s+/).every((w) => ROLE_WORD.test(w) || NOT_GIVEN.test(w.replace(/\.$/, '')) || /^(?:Defen[cs]e|Foreign|Prime|Deputy|Vice)$/.test(w));
  // "Kasich’s chief strategist": an owner that is no body, acronym or country is a person, another claimant.
  if (rule('claimant.owner-not-affiliation', owned && !titleOnly && !ORG_WORDS.test(org) && !ACRONYM.test(org) && !placeFor(org))) return null;
  return titleOnly ? null : org;
}

export function makeClaimant(raw: string, extraKeys: string[] = []): Claimant {
  const name = raw.replace(/\s+/g, ' ').trim();
  const keys = new Set<string>([claimantKey(name), ...extraKeys.map(claimantKey)]);
  // "Nick Merrill, a spokesman for Hillary Clinton": the person is the name before the description, never the
  // one the description names.
  const comma = name.indexOf(', ');
  const head = comma > 0 && rule('claimant.description-not-fuller', true) ? name.slice(0, comma) : name;
  // "Sen. Amy Varga (D-Minn.)", "State Rep. Ida Lund (R)": a party or home-state tag after a name leaves it a person's
  // name (a later "she" may stand for her), and names no one of its own (two Utah Republicans share no key).
  const tag = PARTY_TAG.exec(head);
  const tagged = rule('claimant.party-tag', !!tag && /\p{Lu}\p{Ll}/u.test(head.slice(0, tag.index)));
  const parts = personParts(tagged ? head.slice(0, tag!.index) : head);
  let org: string | null = null;
  if (parts) {
    keys.add(claimantKey(parts.person));
    org = affiliation(parts.role);
    if (org) keys.add(claimantKey(org));
  }
  const orgKey = org && rule('claimant.affiliation-not-fuller', true) ? claimantKey(org) : null;
  const lookup = head !== name ? [claimantKey(head), ...(parts ? [claimantKey(parts.person)] : [])] : orgKey ? [...keys].filter((k) => k !== orgKey) : null;
  const paren = /\(([^)]+)\)/.exec(name);
  if (paren && !(tagged && paren.index === tag!.index + tag![0].indexOf('('))) {
    keys.add(claimantKey(paren[1]!));
    keys.add(claimantKey(name.replace(/\s*\([^)]*\)/, '')));
  }
  keys.delete('');
  const plural = pluralName(name);
  const gender = /^(?:Mrs|Ms|Miss)\.?\s|\b(?:spokeswoman|chairwoman|congresswoman|businesswoman)\b/i.test(name) ? 'f'
    : /^Mr\.?\s|\b(?:spokesman|congressman|businessman)\b/i.test(name) ? 'm' : givenNameGender(name) ?? relationGender(name);
  // "Paul Manafort (chief)", "Jeff Weaver (campaign manager)": a person's name with its role after it is still a person.
  const described = !parts && !!paren && /^\p{Ll}/u.test(paren[1]!) && (personParts(name.replace(/\s*\([^)]*\)$/, ''))?.person.split(/\s+/).length ?? 0) >= 2;
  const person = (!!parts && !ORG_WORDS.test(parts.person)) || rule('claimant.described-person', described && !ORG_WORDS.test(name.replace(/\s*\([^)]*\)$/, '')));
  // "Boeing Co", "Brandt Shipping Ltd": a company by its legal ending is no person, so a later "it" may stand for it.
  // ("Lawrence Cohn, analyst at Merrill Lynch and Co Inc" and "president of Tarn Ferries Corp" are people.)
  const company = rule('claimant.company-not-person', person && COMPANY_NAME.test(head) && !ROLE_WORD.test(head) && !PEOPLE_AT_FIRMS.test(head));
  return { name, keys: [...keys], person: !plural && person && !company, plural, ...(gender ? { gender } : {}), ...(lookup ? { lookup } : {}) };
}

/**
 * The sex a person's given name shows ("Diana Orrock", "Former President Bill Clinton", "Supreme Court Justice Ruth
 * Bader Ginsburg"): the word before the surname, or the one before a middle name; never past a title ("Virginia Gov.
 * Terry McAuliffe" shows none).
 */
function givenNameGender(name: string): 'm' | 'f' | undefined {
  const words = name.replace(/\s*\([^)]*\)/g, '').split(',')[0]!.trim().split(/\s+/);
  if (words.length < 2 || !/^\p{Lu}\p{Ll}/u.test(words.at(-1)!)) return undefined;
  for (let i = words.length - 2; i >= 0 && i >= words.length - 3; i--) {
    const w = words[i]!;
    if (/\.$/.test(w) && w.length > 2) return undefined;
    const g = firstNameGender(w);
    if (g) return rule('claimant.given-name-gender', true) ? g : undefined;
  }
  return undefined;
}

/** The sex a family role in the name's description shows ("Gabriela Lazar (wife)", "Ana Poll, his mother"). */
function relationGender(name: string): 'm' | 'f' | undefined {
  const role = /\(([^)]*)\)$|,\s+([^,]*)$/.exec(name);
  const words = (role?.[1] ?? role?.[2] ?? '').toLowerCase();
  const g = /\b(?:wife|mother|daughter|sister|widow|grandmother|\p{Ll}+woman)\b/u.test(words) ? 'f' : /\b(?:husband|father|son|brother|widower|grandfather)\b/.test(words) ? 'm' : undefined;
  return g && rule('claimant.given-name-gender', true) ? g : undefined;
}

/** US states as news writes them after a politician's party ("D-Minn.", "R-Texas", "I-VT") or alone ("Mich."). */
const US_STATE = String.raw`(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo|N\.[HJMYCD]|S\.[CD]|R\.I|W\.Va)\.?|Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Texas|Utah`;
/** A party and/or home-state tag closing a politician's name: "(R)", "(D-Minn.)", "(R-TX)", "(I-Vt.)", "(Mich.)". */
const PARTY_TAG = new RegExp(String.raw`\s*\((?:[RDI](?:-(?:${US_STATE}|[A-Z]{2}))?|${US_STATE})\)$`);

/** Words before a surname that are no given name: titles, parties, offices. */
const NOT_GIVEN = /^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Pres|President|Vice|Former|Secretary|Senator|Governor|Mayor|Judge|Justice|General|Speaker|Leader|Chairman|Chairwoman|Director|Chief|Minister|Prime|Attorney|Candidate|Nominee|Republican|Democrat|Democratic|Independent|Libertarian|State|House|Senate|First|Lady|Sir|Dame|Lord|Rev|Pastor|Father|Rabbi|Sheriff|Officer|Professor|Coach)$/;

/** The known given names right before the surname ending a mention ("donald" in "Republican nominee Donald J. Trump"). */
export function givenNames(mention: string): string[] {
  const words = mention.replace(/\s*\([^)]*\)/g, '').split(',')[0]!.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = words.length - 2; i >= 0; i--) {
    const w = words[i]!;
    if (/^\p{Lu}\.$/u.test(w)) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || NOT_GIVEN.test(w)) break;
    // Only a name news gives one sex is surely a given name ("What Trump …", "See Sexton" are no one's).
    if (firstNameGender(w)) out.push(w.toLowerCase());
  }
  return out;
}

/**
 * The capitalised words before the surname ending a mention, known given names or not ("juan", "miguel" in "Juan Miguel
 * Gonzalez"; "elian" in "Elian Gonzalez"), where `givenNames` keeps only names news gives one sex: titles, parties,
 * offices and initials are skipped, a word opening a sentence without naming anyone ends the run.
 */
export function nameWords(mention: string): string[] {
  const words = mention.replace(/\s*\([^)]*\)/g, '').split(',')[0]!.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = words.length - 2; i >= 0; i--) {
    const w = words[i]!;
    if (/^\p{Lu}\.$/u.test(w)) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || NOT_GIVEN.test(w) || NOT_A_NAME.test(w)) break;
    out.push(w.toLowerCase());
  }
  return out;
}

/** Capitalised words before a surname that name nobody: sentence openers, time words, days and months. */
const NOT_A_NAME = /^(?:The|A|An|But|And|Or|So|Yet|Then|Now|Still|Also|Meanwhile|However|Today|Yesterday|Tonight|Later|Earlier|Instead|Even|Only|Just|When|While|As|If|Since|Though|Although|Because|Unlike|Like|Thus|Indeed|Moreover|Besides|Nevertheless|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** True when two mentions of one surname give different people ("Ivanka Trump", "Donald Trump"; not "Hillary Rodham Clinton", "Hillary Clinton"). */
export function otherPerson(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((n) => b.includes(n));
}
