/**
 * Names /claim shows for a claimant that must be the speaker's own: no phrase glued before it, no longer name of
 * something else the short mention only appears in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { switchRulesOff } from '../../src/claims/rules.js';
import { lines } from '../helpers/sentences.js';

afterEach(() => switchRulesOff([]));

/** The claimant of each statement /claim would keep, in order. */
function claimants(text: string): Array<string | null> {
  return findStatements(text, lines(text)).map((s) => s.claimant);
}

describe('one capitalised word after a preposition (claimant.fuller-not-one-word-object)', () => {
  it('is never shown as the longer name it closed', () => {
    const text = 'Figures from the Bank of Tarnia show loans rose.\nTarnia said it would cut its rate.';
    expect(claimants(text)).toEqual(['Bank of Tarnia', 'Tarnia']);
    switchRulesOff(['claimant.fuller-not-one-word-object']);
    expect(claimants(text)).toEqual(['Bank of Tarnia', 'Bank of Tarnia']);
  });

  it('leaves a surname to the person written in full before it', () => {
    const text = '"Loans rose," said Ivo Brandt of Brandt and Holm Inc.\nBrandt said rates would fall.';
    expect(claimants(text)[1]).toBe('Ivo Brandt');
  });

  it('keeps a title written with a preposition', () => {
    const text = 'Minister of State for Ports Walter Okafor said fares would rise.\nOkafor said the pier would reopen.';
    expect(claimants(text)).toEqual(['Minister of State for Ports Walter Okafor', 'Minister of State for Ports Walter Okafor']);
  });
});

describe('a time phrase opening the sentence (claimant.time-opening)', () => {
  it('is no part of the name after it', () => {
    const text = 'Saturday at the Tarnian Labour party’s harbour convention Sen. Ana Poll (D-MA) said the fees would fall.';
    expect(claimants(text)).toEqual(['Sen. Ana Poll (D-MA)']);
    expect(claimants('This week Tarnco seemed to back out of the deal but then said it was still interested.')).toEqual(['Tarnco']);
    switchRulesOff(['claimant.time-opening']);
    expect(claimants(text)[0]).toMatch(/^Saturday/);
  });

  it('leaves a name that only opens with a weekday, and a phrase with no name closing it', () => {
    expect(claimants('The Sunday Clarion said the poll was wrong.')).toEqual(['Sunday Clarion']);
    expect(claimants('Monday night’s results showed the mayor ahead.')).toEqual(['Monday night’s results']);
  });
});

describe('a weekday before a name (claimant.fuller-not-weekday)', () => {
  it('is never the first word of a fuller mention', () => {
    const text = 'Ana Poll told reporters on Saturday Tarnco officials had called her.\nTarnco said the ferry was sold.';
    expect(claimants(text)).toEqual(['Ana Poll', 'Tarnco']);
    switchRulesOff(['claimant.fuller-not-weekday']);
    expect(claimants(text)).toEqual(['Ana Poll', 'Saturday Tarnco']);
  });
});

describe('a name inside a relative clause whose object is the sentence subject (claimant.object-gap-subject)', () => {
  it('gives the statement no claimant and no fuller name for a later mention', () => {
    const text = 'The ferry account Lund retweeted was set up as a trap.\nLund said the pier would reopen.';
    expect(claimants(text)).toEqual([null, 'Lund']);
    expect(claimants('Everything Tarnco says is a lie unless proven otherwise.')).toEqual([null]);
    switchRulesOff(['claimant.object-gap-subject']);
    expect(claimants(text)).toEqual(['Lund', 'Lund']);
    switchRulesOff(['claimant.object-gap-subject', 'claimant.thing-before-name']);
    expect(claimants(text)).toEqual(['ferry account Lund', 'ferry account Lund']);
  });

  it('leaves a title before a name, and a clause the name goes on with', () => {
    expect(claimants('Harbour spokesman Ed Lee said the pier was safe.')).toEqual(['Harbour spokesman Ed Lee']);
    expect(claimants('Spokesman Ed Lee said Tarnco was wrong.')).toEqual(['Spokesman Ed Lee']);
    expect(claimants('The ferries that the Tarn Harbour Board said were unsafe sailed again.')).toEqual(['Tarn Harbour Board']);
  });
});

describe('a report after people named by a common noun (claimant.report-not-common-noun-people)', () => {
  it('is the report\'s own', () => {
    const text = 'Harbour economists criticised the audit.\n\nThe report said the pier was unsafe.';
    expect(claimants(text)).toEqual(['Harbour economists', 'report']);
    expect(claimants('A Tarnco spokesman said the ferry was sold.\n\nThe report said fares would rise.')).toEqual(['A Tarnco spokesman', 'report']);
    switchRulesOff(['claimant.report-not-common-noun-people']);
    expect(claimants(text)).toEqual(['Harbour economists', 'Harbour economists']);
  });

  it('leaves a report to researchers, who write reports', () => {
    expect(claimants('Harbour researchers said the pier was old.\n\nThe report said the pier was unsafe.')).toEqual(['Harbour researchers', 'Harbour researchers']);
  });

  it('leaves a statement to the body that issued it', () => {
    expect(claimants('The Tarn Harbour Board said fees would rise.\n\nThe report said the pier was unsafe.')).toEqual(['Tarn Harbour Board', 'Tarn Harbour Board']);
  });
});

describe('a thing right before the name closing a source (claimant.thing-before-name)', () => {
  it('leaves the name alone as the claimant, and for a later surname', () => {
    const text = 'Critics unearthed old columns Ana Poll wrote in college.\nPoll said the columns were satire.';
    expect(claimants(text)).toEqual(['Ana Poll', 'Ana Poll']);
    switchRulesOff(['claimant.thing-before-name']);
    expect(claimants(text)).toEqual(['Critics unearthed old columns Ana Poll', 'Critics unearthed old columns Ana Poll']);
  });

  it('keeps a role before a name', () => {
    expect(claimants('Retired surgeon Ben Lund said the pier was safe.')).toEqual(['Retired surgeon Ben Lund']);
    expect(claimants('Harbour board member Ida Berg said the pier was safe.')).toEqual(['Harbour board member Ida Berg']);
  });
});

describe('a fuller mention is made of whole words (claimant.fuller-whole-words)', () => {
  it('drops a piece of the word before the name', () => {
    const text = 'Ana Poll spoke to her aide Jake Lund on Monday.\nLund said the pier was safe.';
    expect(claimants(text)).toEqual(['Jake Lund']);
    switchRulesOff(['claimant.fuller-whole-words']);
    expect(claimants(text)).toEqual(['de Jake Lund']);
  });
});

describe('a title with a lower-case word after "of" or "for"', () => {
  it('stays whole (claimant.thing-before-name leaves it)', () => {
    expect(claimants('Assistant Secretary of Defense for harbour policy Ed Lee said the pier was safe.')).toEqual(['Assistant Secretary of Defense for harbour policy Ed Lee']);
  });
});

describe('a description whose name, before its comma, the source left out (claimant.name-before-description)', () => {
  it('is shown with that name', () => {
    const text = '"Prices will rise," Jim Lund, president of the Tarn Growers Association said.\nLund said the pier was safe.';
    expect(claimants(text)).toEqual(['Jim Lund, president of the Tarn Growers Association', 'Jim Lund, president of the Tarn Growers Association']);
    switchRulesOff(['claimant.name-before-description']);
    expect(claimants(text)).toEqual(['president of the Tarn Growers Association', 'Jim Lund']);
  });

  it('leaves a description with an article, and a place before the comma', () => {
    expect(claimants('The loan was arranged in Dubai, United Arab Emirates, a spokeswoman said.')).toEqual(['a spokeswoman']);
  });
});
