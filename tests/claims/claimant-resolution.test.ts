/**
 * Resolving a source as written to the claimant shown (issue 14): a later surname, a pronoun or a
 * document word names the right claimant, or nobody. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { claimants, productSentences } from '../helpers/sentences.js';


describe('a later surname', () => {
  it('is the person of that name, not the office, aide or campaign of that person', () => {
    expect(claimants("Senator Ivo Brandt's office said the vote was delayed.\nBrandt said he was not ready.")).toEqual(["Senator Ivo Brandt's office", 'Senator Ivo Brandt']);
    expect(claimants('Jeff Orme, Ana Poll’s campaign manager, said the race was close.\nPoll said she would win.')).not.toContain('Jeff Orme (Ana Poll’s campaign manager)');
    expect(claimants("Brandt's chief strategist Ana Poll said the vote was lost.\nBrandt said he would run again.")[1]).toBe('Brandt');
  });

  it('is found by the last word of a fuller name only, never a country folded from its title', () => {
    expect(claimants('Tarnese Foreign Minister Ivo Brandt said the talks failed.\nTarn said the border stays shut.')).toEqual(['Tarnese Foreign Minister Ivo Brandt', 'Tarn']);
    expect(claimants('Tarnese Foreign Minister Ivo Brandt said the talks failed.\nBrandt said the border stays shut.')).toEqual(['Tarnese Foreign Minister Ivo Brandt', 'Tarnese Foreign Minister Ivo Brandt']);
  });
});

describe('a later bare name', () => {
  it('takes a fuller mention without the determiner or quantifier that opened its sentence', () => {
    expect(claimants('A Tarnline spokesman said the ferry was late.\nTarnline said the fares would rise.')).toEqual(['A Tarnline spokesman', 'Tarnline']);
    expect(claimants('Several Tarnline captains said the pier was unsafe.\nTarnline expects the pier to reopen in May.')).toEqual(['Several Tarnline captains', 'Tarnline']);
    expect(claimants('Harbour master Ivo Brandt said the pier was unsafe.\nBrandt said it would reopen in May.')).toEqual(['Harbour master Ivo Brandt', 'Harbour master Ivo Brandt']);
  });
});

describe('a later surname and the people a role or a description names', () => {
  it('is the person the role names, never the aide the role belongs to', () => {
    expect(claimants('Brandt adviser Ivo Brunale said the polls were wrong.\nBrandt said he would win.')).toEqual(['Brandt adviser Ivo Brunale', 'Brandt']);
    expect(claimants('Tarnline campaign manager Ema Lind said the race was close.\nTarnline said the vote was fair.')).toEqual(['Tarnline campaign manager Ema Lind', 'Tarnline']);
    expect(claimants('Brandt adviser Ivo Brunale said the polls were wrong.\nBrunale said the count was slow.')).toEqual(['Brandt adviser Ivo Brunale', 'Brandt adviser Ivo Brunale']);
  });

  it('is the person a description names, never the one described', () => {
    expect(claimants('Ivo Brunale, a spokesman for Ana Brandt, said the polls were wrong.\nBrandt said she would win.')).toEqual(['Ivo Brunale, a spokesman for Ana Brandt', 'Ana Brandt']);
    expect(claimants('Ivo Brunale, a spokesman for Ana Brandt, said the polls were wrong.\nBrunale said the count was slow.')).toEqual(['Ivo Brunale, a spokesman for Ana Brandt', 'Ivo Brunale, a spokesman for Ana Brandt']);
  });

  it('finds a claimant named in full whatever its key\'s stem ("Brunale" is keyed "brunal")', () => {
    expect(claimants('Tarnline chairman Ivo Brunale said fares would rise.\nBrunale said the ferry was late.')).toEqual(['Tarnline chairman Ivo Brunale', 'Tarnline chairman Ivo Brunale']);
    expect(claimants('Ana Costa said fares would rise.\nLater the mayor spoke.\nCosta said the ferry was late.')).toEqual(['Ana Costa', 'Ana Costa']);
  });
});

describe('a surname two people share', () => {
  it('is shown as written when it was last written in full for someone else', () => {
    expect(claimants('Ana Brandt said the pier was safe.\nHer brother Omar Brandt runs the ferry.\nBrandt said the fares would rise.')).toEqual(['Ana Brandt', 'Brandt']);
    // The same person written two ways, or the other one named before the speaker: the speaker's full name.
    expect(claimants('Omar Brandt runs the ferry.\nAna Maria Brandt said the pier was safe.\nAna Brandt spoke again.\nBrandt said the fares would rise.')).toEqual(['Ana Maria Brandt', 'Ana Maria Brandt']);
    expect(claimants('Former Mayor Omar Brandt said the pier was safe.\nBrandt said the fares would rise.')).toEqual(['Former Mayor Omar Brandt', 'Former Mayor Omar Brandt']);
  });
});

describe('"the company"', () => {
  it('is the one company quoted so far, and stays "company" when two have spoken', () => {
    expect(claimants('Tarnline Ferries Inc said fares would rise.\nThe company said the new boats were late.')).toEqual(['Tarnline Ferries Inc', 'Tarnline Ferries Inc']);
    expect(claimants('Tarnline Ferries Inc said fares would rise.\nIts rival Brandt Shipping Ltd said it would cut fares.\nThe company said the new boats were late.')).toEqual(['Tarnline Ferries Inc', 'rival Brandt Shipping Ltd', 'company']);
    expect(claimants('The harbour board said fees would rise.\nThe company said the new boats were late.')).toEqual(['harbour board', 'company']);
  });

  it('reads a name with a company\'s legal ending as no person, so "it" may stand for it', () => {
    expect(claimants('Tarnline Co said fares would rise.\nIt said the new boats were late.')).toEqual(['Tarnline Co', 'Tarnline Co']);
    expect(claimants('Ema Lind, analyst at Brandt and Co Inc, said fares would rise.\nShe said the new boats were late.')).toEqual(['Ema Lind, analyst at Brandt and Co Inc', 'Ema Lind, analyst at Brandt and Co Inc']);
  });
});

describe('a party or title before a name', () => {
  it('is the role: the person\'s key is the name alone, shared with a later plain mention', () => {
    const keys = (t: string) => findStatements(t, productSentences(t), { keepSourceless: false }).map((s) => s.claimantKeys);
    const [first, second] = keys('Democrat Ana Brandt said the pier was safe.\nAna Brandt said the fares would rise.');
    expect(first).toContain('ana brandt');
    expect(second).toContain('ana brandt');
    expect(keys('Former Mayor Ana Brandt said the pier was safe.')[0]).toContain('ana brandt');
    expect(keys('Mrs. Brandt said the pier was safe.')[0]).toEqual(['mrs brandt']);
  });
});

describe('"they"', () => {
  it('stands for a plural source that opened its sentence ("Traders said …"), never for polls or papers', () => {
    expect(claimants('Traders said the harbour fees would rise.\nThey said the ferries would be late.')).toEqual(['Traders', 'Traders']);
    expect(claimants('Polls show voters are angry about the harbour fees.\nThey said the ferries would be late.')).toEqual(['Polls', null]);
  });
});

describe('a document word', () => {
  it('stands for the last speaker only as a common noun ("the statement"), never in an outlet\'s name', () => {
    expect(claimants('The harbour board said fees would rise.\nThe statement said costs fell.')).toEqual(['harbour board', 'harbour board']);
    expect(claimants('The harbour board said fees would rise.\nThe fees were cut, according to the Tarn Post.')).toEqual(['harbour board', 'Tarn Post']);
  });
});

describe('"he" and "she"', () => {
  it('never stand for a survey or a study named after a preposition', () => {
    expect(claimants('Data from the 2014 Harbour Tide Survey show that fees rose.\nShe said the figures were wrong.')).toEqual(['Data from the 2014 Harbour Tide Survey', null]);
    expect(claimants('Mayor Ana Poll said the fees were fair.\nShe said the figures were wrong.')).toEqual(['Mayor Ana Poll', 'Mayor Ana Poll']);
  });
});

describe('a closing "it said"', () => {
  it('is the body named before, never a name inside the quotation it closes', () => {
    expect(claimants('"The ferry is safe," the Tarn Harbour Council said.\n"Talking will not stop the slide for long," it said.')).toEqual(['Tarn Harbour Council', 'Tarn Harbour Council']);
    expect(claimants('"Tarn Harbour will not stop the slide," it said.')).toEqual([null]);
  });

  it('closing a reported clause is the body that spoke last, never the clause\'s own first word', () => {
    const text = 'The Tarn Port Authority said on Monday it would review fees.\nYear-on-year pier fees rose 4 pct from a year ago, it said in its weekly review.';
    expect(claimants(text)).toEqual(['Tarn Port Authority', 'Tarn Port Authority']);
    const found = findStatements(text, productSentences(text), { keepSourceless: false, chooser: null });
    expect(text.slice(found[1]!.content.start, found[1]!.content.end)).toBe('Year-on-year pier fees rose 4 pct from a year ago');
  });

  it('is no participle opening the sentence, and no economist or analyst named before', () => {
    expect(claimants('The Tarn Port Authority said on Monday it would review fees.\nPointing to a much wider deficit at the pier in the coming year and the year after, it warned that fees would rise.')).not.toContain('Pointing');
    expect(claimants('Fees will rise, said a Tarnbank economist.\nPier traffic fell 4 pct from a year ago, it said.')).toEqual(['a Tarnbank economist', null]);
  });
});

describe('a capitalised name ending in a body\'s word', () => {
  it('is a body, not a person: "it" may stand for it and "he" may not', () => {
    expect(claimants('The Tarn Port Authority said it would review fees.\nIt said traffic fell.')).toEqual(['Tarn Port Authority', 'Tarn Port Authority']);
    expect(claimants('Tarn Harbour Board Chairman Ivo Brandt said fees would rise.\nHe said traffic fell.')).toEqual(['Tarn Harbour Board Chairman Ivo Brandt', 'Tarn Harbour Board Chairman Ivo Brandt']);
  });
});

describe('a statement, figures or a document named with who gave it', () => {
  it('is claimed by who gave it ("comments by …", "figures released by …"), not by the comments', () => {
    expect(claimants('Comments by harbour master Eda Lund suggest the pier will close.')).toEqual(['harbour master Eda Lund']);
    expect(claimants('Traffic fell by a tenth, according to figures released today by the Tarn Port Office.')).toEqual(['Tarn Port Office']);
    expect(claimants('A study by the Harbour Board said fees would rise.')).toEqual(['Harbour Board']);
  });

  it('keeps the whole phrase when what follows "from" is a document or a time', () => {
    expect(claimants('Data from the Harbour Tide Survey show that fees rose.')).toEqual(['Data from the Harbour Tide Survey']);
    expect(claimants('Figures from September show that fees rose.')).toEqual(['Figures from September']);
    expect(claimants('A survey by the harbour board in March found that fees rose.')).toEqual(['A survey by the harbour board']);
  });
});

describe('a company written with an abbreviated legal ending', () => {
  it('is the source of its verb ("Tarnline Inc. said"), and "the company" after it is that company', () => {
    expect(claimants('Tarnline Inc. said the ferry would be late.\nThe company said fares would rise.')).toEqual(['Tarnline Inc.', 'Tarnline Inc.']);
    expect(claimants('Fares will rise sharply next spring, Tarnline Corp. said.')).toEqual(['Tarnline Corp.']);
    // After a comma the ending names nobody on its own.
    expect(claimants('Fares will rise sharply next spring, a Tarnline, Inc. analyst said.')).not.toContain('Inc. analyst');
  });
});

describe('a lone capitalised word opening the sentence', () => {
  it('is no speaker when it is an adverb, an article or "Recent"', () => {
    expect(claimants('Shortly after the vote on the pier, the dockers had gathered at the gate, warning that the fees would ruin them.')).not.toContain('Shortly');
    expect(claimants('Recent published reports in Tarn, quoting senior trade sources, said the talks were close.')).not.toContain('Recent');
  });

  it('is still a name that merely ends the same way', () => {
    expect(claimants('Kelly said the pier was safe.\nBally said it would buy the ferry.\nEarly described the vote as a fraud.')).toEqual(['Kelly', 'Bally', 'Early']);
  });
});

describe('a plural cue noun before a reporting verb', () => {
  it('is part of the subject: "Press reports said" is the reports\', never "Press" reporting "said …"', () => {
    expect(claimants('Press reports said the ferry firm wanted a stake in the pier.')).toEqual(['Press reports']);
    expect(claimants('Television reports showed dockers at the gate.')).toEqual(['Television reports']);
  });

  it('leaves "value added" alone: no one adds words there', () => {
    expect(claimants('Value added tax will be levied on every ferry ticket from May.')).toEqual([]);
  });
});

describe('an amount put on a thing', () => {
  it('is nobody\'s estimate ("Traffic, originally estimated at 15,000 cars"), but people and names still estimate', () => {
    expect(claimants('Traffic, originally estimated at 15,000 cars a day, will be lower.')).toEqual([]);
    expect(claimants('The deal, which analysts estimated at 2 billion dlrs, was signed.')).toEqual(['analysts']);
  });
});
