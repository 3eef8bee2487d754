/**
 * Classes of wrong claimant found on PolNeAR train (issue 14), each with sentences written for
 * these tests: the claimant `/claim` shows is the speaker of that statement, or nobody.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { productSentences } from '../helpers/sentences.js';

/** Cue and claimant of each statement `/claim` reads (sourceless ones dropped), in order. */
function claims(text: string): Array<[string, string | null]> {
  return findStatements(text, productSentences(text), { keepSourceless: false }).map((s) => [text.slice(s.cue.start, s.cue.end), s.claimant]);
}

describe('a statement reported inside another speaker\'s claim', () => {
  it('is the outer speaker\'s report, not a claim of the inner subject', () => {
    expect(claims('Councillor Ana Poll insisted that the mayor says the pier is safe.')).toEqual([['insisted', 'Councillor Ana Poll']]);
    expect(claims('Ana Poll further argued that Brandt tells voters whatever they want to hear.')).toEqual([['argued', 'Ana Poll']]);
  });

  it('is dropped under a closing speaker too ("…, the aide added")', () => {
    const text = 'Mayor Ivo Brandt had told engineers that the pier was unsafe, but the board ignored the warning, the aide added.';
    expect(claims(text).map(([, c]) => c)).toEqual(['aide']);
  });

  it('stands when a channel passes it on, or a denial answers it', () => {
    expect(claims('"The pier is safe," Ivo Brandt said, the Harbour Gazette reported.').map(([, c]) => c)).toEqual(['Ivo Brandt', 'Harbour Gazette']);
    expect(claims('The ministry denied claims by the Tarn council that the ferry toll was illegal.').map(([, c]) => c)).toEqual(['ministry', 'Tarn council']);
    const layered = 'The ferry will run all winter, Captain Eda Lund said at a meeting with the mayor, the port authority said in a statement.';
    expect(claims(layered).map(([, c]) => c)).toEqual(['Captain Eda Lund', 'port authority']);
  });
});

describe('a verb coordinated with an earlier one shares its subject', () => {
  it('takes the subject of the subordinate clause an "and" continues', () => {
    const text = 'The mayor\'s voice broke as Councillor Ana Poll read out the names and urged the town to rebuild the pier.';
    expect(claims(text)).toEqual([['urged', 'Councillor Ana Poll']]);
    expect(claims('The harbour crowd cheered when Ivo Brandt stepped onto the quay and said the ferry would return.')).toEqual([['said', 'Ivo Brandt']]);
  });

  it('never takes the object before ", then" as the speaker', () => {
    const text = 'Ivo Brandt handed the skipper a medal as Keeper of the Light, then says the pier will reopen.';
    expect(claims(text)).toEqual([['says', 'Ivo Brandt']]);
  });

  it('reads an opening "it" as the subject of a list of verbs, not the object after the first comma', () => {
    const text = 'It has seized two ports, jailed Danish reporters and others, and vowed a wider war against the rebels.';
    expect(claims(text)).toEqual([['vowed', null]]);
  });
});

describe('"he" and "she" in a sentence that names an earlier speaker', () => {
  it('stand for the speaker the sentence names, not the most recent one it does not', () => {
    const text = [
      'Senator Omar Dahl toured the dairy farms on Monday.',
      'Dahl said the milk levy would fall.',
      '"The levy is fair," said economist Piet Arnold.',
      'Dahl, who grew up on a farm, rallied the crowd against a tax that he says ruins small dairies.',
    ].join('\n');
    expect(claims(text).map(([, c]) => c)).toEqual(['Senator Omar Dahl', 'economist Piet Arnold', 'Senator Omar Dahl']);
  });

  it('keep the most recent speaker when the sentence names that one too', () => {
    const text = ['Senator Omar Dahl toured the farms.', 'Dahl said the levy would fall.', '"It is fair," said economist Piet Arnold.', 'Arnold met Dahl later, and he said the talks went well.'].join('\n');
    expect(claims(text).at(-1)).toEqual(['said', 'economist Piet Arnold']);
  });
});

describe('a contracted pronoun ("I\'m", "she\'d")', () => {
  it('is resolved as the pronoun, never shown as a name', () => {
    expect(claims('Mayor Ivo Brandt opened the depot.\nI\'m told the pier will reopen in May.')).toEqual([['told', null]]);
    expect(claims('"The depot stays," Ana Poll said.\nShe\'d said the pier would close.').map(([, c]) => c)).toEqual(['Ana Poll', 'Ana Poll']);
  });
});

describe('a source that has run over a clause', () => {
  it('names no speaker', () => {
    const text = 'Mayor Ivo Brandt kept the depot open until March despite its losses and Labour calls for him to sell it.';
    expect(claims(text).map(([, c]) => c)).toEqual([]);
  });
});

describe('a coordinated subject', () => {
  it('speaks as a whole, never as its first conjunct alone', () => {
    const text = 'Ivo Brandt and Ana Poll clashed over the pier on Monday, each touting their own plan and saying the other lacked a budget.';
    expect(claims(text)).toEqual([['saying', 'Ivo Brandt and Ana Poll']]);
    expect(claims('Poll and husband Tom thanked the crowd and said the pier would reopen.')).toEqual([['said', 'Poll and husband Tom']]);
  });

  it('speaks as a whole before an auxiliary or a floating "both" too', () => {
    expect(claims('Ida Lund and her deputies are touring the harbour, warning that the pier will close.')).toEqual([['warning', 'Ida Lund and her deputies']]);
    expect(claims('Ivo Brandt and Ana Poll both toured the quay on Monday, saying the ferry would return.')).toEqual([['saying', 'Ivo Brandt and Ana Poll']]);
  });

  it('is never the fuller name of one conjunct mentioned later', () => {
    const text = 'Ivo Brandt and Ana Poll thanked the crowd and said the pier would reopen.\nBrandt, speaking after Poll at the quay, said the ferry would return.';
    expect(claims(text).at(-1)).toEqual(['said', 'Ivo Brandt']);
  });
});

describe('titles and openers around a name', () => {
  it('keep a title with "of" whole when a surname resolves to it', () => {
    const text = 'The new levy was backed by Tarn Minister of Ports Eda Lund on Monday.\nLund said the harbour would pay for itself.';
    expect(claims(text).at(-1)).toEqual(['said', 'Tarn Minister of Ports Eda Lund']);
  });

  it('drop a sentence adverb that opens the sentence before the name', () => {
    expect(claims('Later Harbour Master Eda Lund told reporters the pier was safe.')).toEqual([['told', 'Harbour Master Eda Lund']]);
  });
});

describe('"by declaring" inside a relative clause', () => {
  it('is the relative\'s act, not the main subject\'s', () => {
    const text = 'For an hour the mayor sat face to face with the board, then met Councillor Ana Poll, who a week ago stunned the board by declaring the pier unsafe.';
    expect(claims(text)).toEqual([['declaring', 'Councillor Ana Poll']]);
  });
});

describe('a negative subject', () => {
  it('asserts nothing by anyone', () => {
    expect(claims('No councillor has claimed the harbour wall is unsafe.')).toEqual([]);
    expect(claims('Neither Brandt nor Poll echoed the claim that the harbour wall is unsafe.')).toEqual([]);
    expect(claims('None of the councillors said the depot would close.')).toEqual([]);
  });
});

describe('what opens a sentence before its subject', () => {
  it('a place phrase is no speaker', () => {
    expect(claims('Back in Tarn, her aides churned out a new video, deploring the levy.').map(([, c]) => c)).not.toContain('Back');
  });

  it('a participle after an object and a time phrase has no subject in that object', () => {
    const text = 'Her remarks answer a letter the Poll campaign sent the council on Monday alleging that the levy was illegal.';
    expect(claims(text).map(([, c]) => c)).not.toContain('council');
  });
});

describe('"who" after place names', () => {
  it('never makes the places the speaker', () => {
    expect(claims('Mayor Ivo Brandt backed dockers in Tarn, Vell and Osk who demanded a new pier.').map(([, c]) => c)).not.toContain('Vell and Osk');
    expect(claims('Some residents in Tarn, Vell who had queued for hours complained about the ferry.').map(([, c]) => c)).not.toContain('Vell');
  });
});

describe('a closing speaker with a relative clause', () => {
  it('says what comes before the comma', () => {
    const text = 'Councillors were angry that the deals let the firms off the pier bill, sources who reviewed them told Harbourwatch.';
    const [found] = findStatements(text, productSentences(text), { keepSourceless: false });
    expect(found && text.slice(found.content.start, found.content.end)).toBe('Councillors were angry that the deals let the firms off the pier bill');
    expect(found?.claimant).toBe('sources');
  });
});

describe('"who" after a name with a description between commas', () => {
  const claimantOf = (text: string) => findStatements(text, productSentences(text), { keepSourceless: false }).find((s) => text.slice(s.cue.start, s.cue.end) === 'said')?.claimant;
  it('is the name when the description opens with a time adverb and holds a name before its head', () => {
    expect(claimantOf('By May, Tove Berg, then the Harbour Board spokeswoman, who in 2015 said the levy was fair, had resigned.')).toBe('Tove Berg');
  });
  it('is the name when the name follows a preposition', () => {
    expect(claimantOf('The ferry line signed a contract with Aron Vik, the council spokesman, who said the fees would stay.')).toBe('Aron Vik');
  });
  it('stays unresolved when nothing before the description is a name', () => {
    expect(claimantOf('The ferry line signed a contract with the council, a body of nine, who said the fees would stay.')).not.toBe('the council');
  });
});

describe('a quoted person carried on by a pronoun', () => {
  const rowsOf = (text: string) => findStatements(text, productSentences(text), { keepSourceless: false }).map((s) => `${text.slice(s.cue.start, s.cue.end)}:${s.claimant}`);
  it('leaves a later "the statement" to the body that issued it', () => {
    const text = 'The ferry company said on Friday that it would sell two boats.\nIts release quoted chief engineer Aron Vik as saying the hulls were sound.\nHe added that repairs would take a year.\nThe release said the sale would close in June.';
    expect(rowsOf(text)).toEqual(['said:ferry company', 'saying:chief engineer Aron Vik', 'added:chief engineer Aron Vik', 'said:ferry company']);
  });
});
