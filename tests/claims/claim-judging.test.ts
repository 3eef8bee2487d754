/**
 * Patterns found hand-judging what /claim shows for topics typed as a new user would, on PolNeAR train
 * articles (helper judge5, issue 14). Every sentence here is written for the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { makeClaimant } from '../../src/claims/claimant-names.js';
import { switchRulesOff } from '../../src/claims/rules.js';
import { productSentences } from '../helpers/sentences.js';

afterEach(() => switchRulesOff([]));

/** "claimant|content" of each statement /claim would keep (rules only), in order. */
function claimants(text: string): string[] {
  return findStatements(text, productSentences(text), { keepSourceless: false, chooser: null })
    .filter((s) => s.kind !== 'outlet')
    .map((s) => `${s.claimant ?? ''}|${text.slice(s.content.start, s.content.end)}`);
}

describe('a quotation going on after its channel (quote.speaker-not-channel)', () => {
  it.each([
    ['"The pier is safe," Ana Poll noted, as reported by the Harbour Gazette. "Nobody was hurt."'],
    ['"The pier is safe," Ana Poll said, according to the Harbour Gazette. "Nobody was hurt."'],
    ['"The pier is safe," Ana Poll said, according to the Harbour Gazette.\n"Nobody was hurt."'],
  ])('%s goes on in the speaker\'s voice', (text) => {
    expect(claimants(text)).toContain('Ana Poll|"Nobody was hurt."');
    switchRulesOff(['quote.speaker-not-channel']);
    expect(claimants(text)).not.toContain('Ana Poll|"Nobody was hurt."');
  });
  it('leaves a channel that is the only statement as the speaker', () => {
    expect(claimants('"The pier is safe," the Harbour Gazette reported. "Nobody was hurt."')).toContain('Harbour Gazette|"Nobody was hurt."');
  });
});

describe('a party or home-state tag after a politician\'s name (claimant.party-tag)', () => {
  it.each([
    ['Sen. Amy Varga (D-Minn.) said the pier was unsafe.\n"Nobody has looked at the cranes," she said.', 'Sen. Amy Varga (D-Minn.)'],
    ['State Rep. Ida Lund (R), who chairs the harbour caucus, said the pier was unsafe.\n"Nobody has looked at the cranes," she said.', 'State Rep. Ida Lund (R)'],
    ['Rep. Tom Berg (R-TX) said the pier was unsafe.\n"Nobody has looked at the cranes," he said.', 'Rep. Tom Berg (R-TX)'],
    ['Rep. Sander M. Kovic (Mich.) said the pier was unsafe.\n"Nobody has looked at the cranes," he said.', 'Rep. Sander M. Kovic (Mich.)'],
  ])('%s leaves the name a person\'s, whom the pronoun stands for', (text, name) => {
    expect(claimants(text)).toContain(`${name}|"Nobody has looked at the cranes,"`);
    switchRulesOff(['claimant.party-tag']);
    expect(claimants(text)).not.toContain(`${name}|"Nobody has looked at the cranes,"`);
  });
  it('gives two politicians of one state and party no shared key', () => {
    const a = makeClaimant('Sen. Tom Berg (R-Utah)');
    const b = makeClaimant('Rep. Ann Holm (R-Utah)');
    expect(a.keys.filter((k) => b.keys.includes(k))).toEqual([]);
    expect(a.person && b.person).toBe(true);
  });
  it('leaves an acronym in parentheses a body\'s, never a person\'s', () => {
    expect(makeClaimant('Harbour Safety Board (HSB)').person).toBe(false);
  });
});

describe('a later paragraph naming someone else of the pronoun\'s gender (claimant.paragraph-names-other)', () => {
  const poll = 'Ana Poll, the harbour master, said the pier was unsafe.\n';
  it('gives "she" no claimant when the paragraph opens with another woman', () => {
    const text = `${poll}Mrs. Lund's remarks angered the dockers for years. She said the cranes were new.`;
    expect(claimants(text)).toEqual(['Ana Poll, harbour master|the pier was unsafe', '|the cranes were new']);
    switchRulesOff(['claimant.paragraph-names-other']);
    expect(claimants(text)).toEqual(['Ana Poll, harbour master|the pier was unsafe', 'Ana Poll, harbour master|the cranes were new']);
  });
  it('reads a given name as well as a title ("Diana Lund")', () => {
    const text = `${poll}Since then, Diana Lund has run the board. She said the cranes were new.`;
    expect(claimants(text)).toEqual(['Ana Poll, harbour master|the pier was unsafe', '|the cranes were new']);
  });
  it.each([
    ['an object', `${poll}The board thanked Mrs. Lund for her work. She said the cranes were new.`],
    ['someone of the other gender', `${poll}Mr. Lund ran the board for years. She said the cranes were new.`],
    ['the speaker herself', `${poll}Ms. Poll's office is on the pier. She said the cranes were new.`],
  ])('leaves the last speaker past %s', (_, text) => {
    expect(claimants(text)).toEqual(['Ana Poll, harbour master|the pier was unsafe', 'Ana Poll, harbour master|the cranes were new']);
  });
});

describe('a person of the pronoun\'s gender introduced as a subject, with no earlier speaker (claimant.introduced-subject)', () => {
  const quote = '\n"We will rebuild the pier by spring," she said.';
  it.each([
    ['Mayor Ana Poll addressed the council on Tuesday.', 'Mayor Ana Poll'],
    ['Tom Berg said the fees were too high.\nMayor Ana Poll addressed the council on Tuesday.', 'Mayor Ana Poll'],
    ['Since May, Mrs. Lund has run the harbour board.', 'Mrs. Lund'],
    ['Mayor Ana Poll addressed the council on Tuesday.\n', 'Mayor Ana Poll'],
  ])('%s gives "she" that person', (intro, name) => {
    expect(claimants(intro + quote)).toContain(`${name}|"We will rebuild the pier by spring,"`);
    switchRulesOff(['claimant.introduced-subject']);
    expect(claimants(intro + quote)).not.toContain(`${name}|"We will rebuild the pier by spring,"`);
  });
  it.each([
    ['another woman named since', 'Mayor Ana Poll met Diana Lund on Tuesday.'],
    ['a name that is no subject', 'The council thanked Mayor Ana Poll on Tuesday.'],
    ['a name too many sentences back', 'Mayor Ana Poll addressed the council. The hall was full. The pier was closed. Fees rose.'],
  ])('gives none past %s', (_, intro) => {
    expect(claimants(intro + quote)).toEqual(['|"We will rebuild the pier by spring,"']);
  });
  it('gives none to a pronoun inside a question put to someone', () => {
    expect(claimants('Mayor Ana Poll was asked at the meeting which of the old cranes she feared for most.').filter((c) => c.startsWith('Mayor Ana Poll'))).toEqual([]);
  });
});

describe('the fullest mention of a person introduced as a subject (claimant.introduced-subject)', () => {
  it('is never another person of that surname', () => {
    const text = 'Halvard Lund, the harbour master, said the cranes were old.\nDiana Varga said the pier was unsafe.\nPeter Lund, his son, runs the ferry.\n"We will keep sailing," he said.';
    expect(claimants(text).at(-1)).toBe('Peter Lund|"We will keep sailing,"');
  });
});

describe('a surname after "the", before a noun (claimant.surname-as-modifier)', () => {
  it('is no person a pronoun of its sentence stands for', () => {
    const text = 'Halvard Poll said the pier was unsafe.\nTom Berg, a ferry owner, said fees were too high. The Poll plans have failed, he said.';
    const last = () => claimants(text).at(-1)!.split('|')[0];
    expect(last()).toBe('Tom Berg, a ferry owner');
    switchRulesOff(['claimant.surname-as-modifier']);
    expect(last()).toBe('Halvard Poll');
  });
});
