/**
 * A speaker written as a common noun ("the company", "the Dallas oil and gas concern", "the bank", "the
 * president") that stands for a body or person the article has named as a speaker: what kind of speaker the
 * noun asks for, and whether an earlier claimant is of that kind. `claimants.ts` picks the claimant; this
 * module only reads names and nouns. A wrong name is worse than the noun, so every test here errs towards no.
 */
import { placeFor } from '../topics/places.js';
import { ACRONYM, COMPANY_NAME, LEGAL_ENDINGS, ROLE_WORD, type Claimant } from './claimant-names.js';

/** The kind of speaker a common noun asks for. */
export type NounKind = 'company' | 'bank' | 'central bank' | 'president';

/** "the company", "the Toronto-based firm", "the tobacco and brewing concern", "the bank", "the president". */
const NOUN = /^the\s+((?:[\p{L}&.’'-]+\s+){0,5}?)(company|firm|corporation|concern|bank|president)$/iu;

/**
 * Modifiers that make the noun another body than the one last quoted ("the parent company", "the new firm",
 * "the acquiring company", "the central bank", "the investment bank" advising it) or a vague one ("another firm").
 */
const OTHER_BODY = /^(?:parent|new|combined|merged|merger|acquiring|acquired|target|targeted|other|rival|former|successor|surviving|resulting|joint|holding|subsidiary|affiliated|sister|state|state-owned|state-run|government|government-owned|private|privately-held|privately|public|foreign|domestic|first|second|third|latter|same|another|investment|merchant|world|two|both|each|its|their|his|her|unnamed|undisclosed|bidding|selling|buying|offering|previous|old|remaining|local|largest|biggest|smaller|larger|major|leading|u\.s\.|american|british|japanese|european|international|national|federal|reserve|commercial|clearing|lead|managing|agent|advising|adviser|underwriting)$/i;

/** Words of a company's name besides its legal ending ("Rogers Communications", "Coda Energy", "Hilton Hotels"). */
const COMPANY_WORD = /\b(?:Communications|Industries|Energy|Systems|Motors|Airlines|Airways|Petroleum|Oil|Holdings|Hotels|Technologies|Technology|Electric|Electronics|Steel|Resources|Mining|Mines|Chemicals?|Pharmaceuticals|Foods|Bancorp|Bancorporation|Bancshares|Bankshares|Savings|Financial|Insurance|Investments|Securities|Stores|Enterprises|Products|Manufacturing|Laboratories|Software|Computers?|Semiconductor|Instruments|Telecommunications|Telephone|Broadcasting|Publishing|Entertainment|Pictures|Railroad|Shipping|Realty|Properties|Utilities|Cos|Companies|Brewing|Breweries|Tobacco|Textiles|Airlines|Aerospace|Aircraft|Automotive|Cement|Paper|Pipeline|Gas|Minerals|Metals|Petroleos|Motor|Oilfield|Exploration|Drilling)\b/;

/** Bodies of state, international bodies and associations: no "company", whatever their name says. */
const NOT_COMPANY = /\b(?:Ministry|Department|Government|Agency|Embassy|Council|Committee|Party|Court|Police|Kremlin|House|Administration|Commission|Army|Forces|Office|Bureau|Senate|Congress|Parliament|Treasury|Reserve|Fed|Board|Authority|University|Institute|Association|Federation|Union|Organization|Organisation|League|Society|Exchange|OPEC|Secretariat|Cabinet|Chamber|Fund|Center|Centre|Service|Club|Committees?|Coalition|Alliance|Foundation|Workers|Employees|Teamsters|Brotherhood|Guild|Church|School|College|Hospital|Museum)\b/;

/** A bank by its name ("Trustcorp Corp", "Investors Savings Bank", "Bundesbank", "Banco Central"). */
const BANK_NAME = /bank|banc|banque|banca|savings|trust/i;

/** A central bank by its name ("Bank of Japan", "Bundesbank", "Bank Negara Malaysia", "Reserve Bank of Tarnland"). */
const CENTRAL_BANK = /^(?:(?:Deutsche )?Bundesbank|Banque de France|Banca d'Italia|Bank Negara(?: Malaysia)?|Swiss National Bank|(?:De )?Nederlandsche Bank|(?:Sveriges )?Riksbank|Norges Bank|Danmarks Nationalbank|Reserve Bank(?: of [\p{Lu}][\p{L} ]+)?|Federal Reserve(?: Bank(?: of [\p{Lu}][\p{L} ]+)?)?|Bank of (?:England|Japan|France|Canada|Italy|Spain|Korea|Thailand|Greece|Portugal|Israel|Finland|Mexico|Jamaica|Taiwan|Uganda|Zambia|Ghana|Tanzania|Botswana|Indonesia|Lebanon|Algeria|Sudan)|People's Bank of China|(?:[\p{Lu}][\p{L}]+ )?Central Bank(?: of [\p{Lu}][\p{L} ]+)?)$/u;

/** What the noun written as a source asks for, with the words before it; null for any other source. */
export function commonNoun(written: string): { kind: NounKind; modifiers: string[] } | null {
  const m = NOUN.exec(written.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const noun = m[2]!.toLowerCase();
  const modifiers = m[1]!.trim() ? m[1]!.trim().split(/\s+/) : [];
  if (noun === 'president') return modifiers.length ? null : { kind: 'president', modifiers };
  // "the central bank": a central bank by its name, and nothing else before the noun.
  if (noun === 'bank' && modifiers.some((w) => /^central$/i.test(w))) return modifiers.length === 1 ? { kind: 'central bank', modifiers: [] } : null;
  if (modifiers.some((w) => OTHER_BODY.test(w) || /^\d/.test(w))) return null;
  return { kind: noun === 'bank' ? 'bank' : 'company', modifiers };
}

/**
 * Whether a claimant's name is a company's (a legal ending or a word of trade) and nothing else: no person, role,
 * description, group of several or body of state.
 */
export function companyName(c: Claimant): boolean {
  const name = c.name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (!c.plural && CENTRAL_BANK.test(name)) return true;
  if (c.plural || c.gender || ROLE_WORD.test(name) || NOT_COMPANY.test(name) || /,/.test(name) || ACRONYM.test(name)) return false;
  // Every word a name's: capitalised, or "and", "of", "&", "de" inside it ("Johnson and Johnson", "Mazda Motor Corp of Japan").
  const words = name.replace(/[’']s\b/g, '').split(/\s+/);
  if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:and|of|&|de|du|la|del|der|van|von)$/.test(w))) return false;
  if (words.length < 2 || placeFor(name)) return false;
  // "Mazda Motor Corp of Japan", "Bank of England": the name before "of" is the company's own ("Ana Lund of Tarn Securities" is a person's).
  const head = name.split(/\s+of\s+/)[0]!;
  return COMPANY_NAME.test(head) || COMPANY_WORD.test(head) || BANK_NAME.test(head);
}

/** Whether a company claimant is one a noun of `kind` may name: any company for "the company", a bank for "the bank". */
export function fitsKind(kind: NounKind, c: Claimant): boolean {
  const head = c.name.replace(/\s*\([^)]*\)\s*/g, ' ').trim().split(/\s+of\s+/)[0]!;
  // (A bank is a company when its name says so, "Tarn Savings Bank", "Harbour Bancorp"; "Bank of Tarn" may be a central bank.)
  // ("Sumitomo Bank", "Royal Bank" are companies too; "Bank of Tarn", "World Bank", "Reserve Bank" are not.)
  const commercial = /^\p{Lu}[\p{L}’'-]*\s.*\b(?:Bank|Banks)$/u.test(head) && !/\b(?:World|Reserve|Central|National|Investment|Development|People’?'?s|State)\b/.test(head);
  if (kind === 'central bank') return CENTRAL_BANK.test(c.name.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
  return kind === 'bank' ? BANK_NAME.test(head) : COMPANY_NAME.test(head) || COMPANY_WORD.test(head) || commercial;
}

/**
 * Whether the capitalised words before the noun ("the Dallas oil and gas concern", "the Toronto-based company")
 * are borne by the company's name or written in `where` (the sentence that quoted it, with its dateline).
 */
export function modifiersAgree(modifiers: readonly string[], c: Claimant, where: string): boolean {
  const named = modifiers.flatMap((w) => w.split('-')).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.replace(/[’']s$/, '').toLowerCase());
  if (!named.length) return true;
  const borne = c.name.toLowerCase();
  const context = where.toLowerCase();
  return named.every((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(borne) || new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(context));
}

/**
 * Whether words name a sitting president ("President Bill Clinton" or, as a role, "Acme president Ivo Lund"), no
 * vice, former or elected-to-be one.
 */
export function heldPresidency(s: string): boolean {
  return /\bpresident\b/i.test(s) && !/\b(?:vice|former|ex|then|past)[\s-]+president\b|\bpresident[\s-]+elect\b|\bpresidential\b/i.test(s);
}

/**
 * Every "President … Surname" in `text` ("President Barack Obama", "former President Bill Clinton"), with where it
 * ends and whether it names a sitting president: read once per text, so an article quoting "the president" many
 * times is read once, not once a quote.
 */
export function presidentMentions(surname: string, text: string): Array<{ end: number; held: boolean }> {
  if (!/^\p{Lu}[\p{L}’'-]+$/u.test(surname)) return [];
  const re = new RegExp(`(\\b(?:\\p{L}+[\\s-]+)?President\\s+(?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,3}${surname})\\b`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ end: m.index! + m[0].length, held: heldPresidency(m[1]!) }));
}

/** One lower-cased word that is a legal ending. */
const LEGAL_WORD = new RegExp(`^(?:${LEGAL_ENDINGS.map((e) => e.toLowerCase()).join('|')})$`);

/** The words of a company's name without legal endings, possessives and parentheses, lower-cased. */
function companyWords(name: string): string[] {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/[’']s\b/g, '').replace(/[.,]/g, ' ').trim().toLowerCase().split(/\s+/)
    .filter((w, i, all) => !(i > 0 && LEGAL_WORD.test(w) && all.slice(i).every((x) => LEGAL_WORD.test(x))));
}

/** Whether two names are one company's, the one its name's opening words ("Lucky Stores" and "Lucky Stores Inc", "Mobil Oil" and "Mobil Oil Corp"). */
export function sameCompany(a: Claimant, b: Claimant): boolean {
  if (a === b || a.keys.some((k) => b.keys.includes(k))) return true;
  const x = companyWords(a.name);
  const y = companyWords(b.name);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && short.every((w, i) => long[i] === w);
}

/** "the department", "the agency", "the ministry" …: a body's head noun written alone, that a named body of that head may stand for. */
const HEAD_NOUN = /^the\s+(department|agency|ministry|board|commission|committee|institute|association|union|foundation|council|bureau|court|authority|federation|organization|organisation|party|embassy|exchange)$/i;

/** The head noun a source written as "the department" asks for, capitalised as in a name ("Department"); null for any other source. */
export function headNoun(written: string): string | null {
  const m = HEAD_NOUN.exec(written.replace(/\s+/g, ' ').trim());
  return m ? m[1]![0]!.toUpperCase() + m[1]!.slice(1).toLowerCase() : null;
}

/**
 * The head noun a claimant names a body by ("Justice Department", "Department of Justice", "Federal Bureau of
 * Investigation (FBI)" → Department, Bureau), no person or role of it; null when it names no body so.
 */
export function bodyHead(c: Claimant): string | null {
  const name = c.name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (c.plural || c.gender || ROLE_WORD.test(name) || /,/.test(name)) return null;
  const words = name.replace(/[’']s\b/g, '').split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:and|of|for|on|the|&|de)$/.test(w))) return null;
  return name.split(/\s+of\s+/)[0]!.split(/\s+/).at(-1) ?? null;
}

/** Whether `between` names a body of `head` other than `c` ("… a State Department memo …" between "the Justice Department said" and "the department said"). */
export function otherBodyNamed(between: string, head: string, c: Claimant): boolean {
  const borne = new Set(c.name.split(/[\s()]+/));
  for (const m of between.matchAll(new RegExp(`(\\p{Lu}[\\p{L}.&'’-]*)\\s+${head}\\b|\\b${head}\\s+(?:of|for)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}'’-]*)`, 'gu'))) {
    const word = (m[1] ?? m[2])!.replace(/[’']s$/, '');
    if (!borne.has(word)) return true;
  }
  return false;
}

/**
 * A company opening a paragraph as its subject, after any dateline ("DALLAS, March 3 - <Coda Energy Corp> agreed …",
 * "Hillsdown Holdings Plc <HLDN.L> said …", "Tarn Shipping Co (TRN.L) cut …"): the name and where it starts. Wire copy
 * often names the company only so, in a lede whose statement the rules miss; a later "the company" stands for it.
 */
const PARAGRAPH_SUBJECT = new RegExp(String.raw`(?:^|\n[^\S\n]*\n[^\S\n]*)(?:[\p{Lu}][\p{Lu}\p{L}.' -]*,[^\S\n]+[\p{L}]+[^\S\n]+\d{1,2}[^\S\n]+-[^\S\n]+)?<?((?:\p{Lu}[\p{L}\d.&'’-]*[^\S\n]+){0,5}(?:${LEGAL_ENDINGS.join('|')})\.?)>?(?:[^\S\n]+[<(][A-Z0-9.:\s]{1,14}[>)])?[^\S\n]+(?=\p{Ll})`, 'gu');

/** Companies opening paragraphs as their subjects, with where each name starts. */
export function paragraphSubjects(text: string): Array<{ name: string; at: number }> {
  const out: Array<{ name: string; at: number }> = [];
  for (const m of text.matchAll(PARAGRAPH_SUBJECT)) out.push({ name: m[1]!, at: m.index! + m[0].indexOf(m[1]!) });
  return out;
}
