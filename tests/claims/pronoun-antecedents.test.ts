/**
 * Whom a "he"/"she" is shown as: patterns found hand-judging /claim's resolved claimants on PolNeAR train
 * (a pronoun given to a speaker of the other gender, to the last speaker past another person named since, to an
 * outlet typed as a person, to a name inside the quotation). Every sentence here is written for the test.
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

describe('a given name or a family role shows the gender (claimant.given-name-gender)', () => {
  it('gives "he" no claimant after a woman named by her given name, and "she" none after a man', () => {
    const he = 'Diana Lorrimer said the count was fair.\n"It will be a long night," he said.';
    expect(claimants(he)).toEqual(['Diana Lorrimer', null]);
    expect(claimants('Former Mayor Walter Okafor said the count was fair.\n"She has no idea," she said.')).toEqual(['Former Mayor Walter Okafor', null]);
    switchRulesOff(['claimant.given-name-gender']);
    expect(claimants(he)).toEqual(['Diana Lorrimer', 'Diana Lorrimer']);
  });

  it('keeps a pronoun of the same gender, and a name news gives both sexes or a title before it', () => {
    expect(claimants('Diana Lorrimer said the count was fair.\n"It was close," she said.')).toEqual(['Diana Lorrimer', 'Diana Lorrimer']);
    expect(claimants('Virginia Gov. Terry Lund said the count was fair.\n"It was close," he said.')).toEqual(['Virginia Gov. Terry Lund', 'Virginia Gov. Terry Lund']);
  });

  it('reads a family role in the description ("the defendant\'s wife, Greta Varga")', () => {
    const text = 'The defendant\'s wife, Greta Varga, wrote a letter to the judge.\nHe told the court he had been out of work.';
    expect(claimants(text)).toEqual(["Greta Varga (defendant's wife)", null]);
  });

  it('lets "Ms. Lorrimer" take the fuller name once the given name shows she is a woman', () => {
    const text = 'Harbour master Diana Lorrimer spoke on Monday.\nMs. Lorrimer said the pier was safe.';
    expect(claimants(text)).toEqual(['Diana Lorrimer']);
    switchRulesOff(['claimant.given-name-gender']);
    expect(claimants(text)).toEqual(['Ms. Lorrimer']);
  });
});

describe('a name with its role after it is a person (claimant.described-person)', () => {
  it('lets a later "he" stand for "Tom Varga (union\'s president)"', () => {
    const text = 'The union\'s president, Tom Varga, said the strike would go on.\n"We are not afraid," he said.';
    expect(claimants(text)).toEqual(["Tom Varga (union's president)", "Tom Varga (union's president)"]);
    switchRulesOff(['claimant.described-person']);
    expect(claimants(text)).toEqual(["Tom Varga (union's president)", null]);
  });
});

describe('another speaker named between the last statement and the pronoun (claimant.known-person-between)', () => {
  it('gives the pronoun no claimant rather than the last speaker', () => {
    const text = 'Ed Berg said the harbour needed money.\nTom Lund said the pier was unsafe.\nBerg has fought the plan for years, and the council backs him.\n"It is a disgrace," he said.';
    expect(claimants(text)).toEqual(['Ed Berg', 'Tom Lund', null]);
    switchRulesOff(['claimant.known-person-between']);
    expect(claimants(text)).toEqual(['Ed Berg', 'Tom Lund', 'Tom Lund']);
  });

  it('keeps the last speaker when the one named between is of the other gender, or named only in a quotation', () => {
    expect(claimants('Ana Berg said the harbour needed money.\nTom Lund said the pier was unsafe.\nBerg has fought the plan for years, and the council backs her.\n"It is a disgrace," he said.'))
      .toEqual(['Ana Berg', 'Tom Lund', 'Tom Lund']);
    expect(claimants('Ed Berg said the harbour needed money.\nTom Lund said the pier was unsafe.\n"Berg never listens. The pier is old," he added.\n"It is a disgrace," he said.'))
      .toEqual(['Ed Berg', 'Tom Lund', 'Tom Lund', 'Tom Lund']);
  });
});

describe('a name shown only reporting is no antecedent (claimant.reporter-not-person)', () => {
  it('gives "he" after "…, Harbour Watch first reported." no claimant', () => {
    const text = 'Pastor Ed Kline attacked the scouts on his radio show, Harbour Watch first reported.\nHe then said the leaders should resign.';
    expect(claimants(text).at(-1)).toBeNull();
    switchRulesOff(['claimant.reporter-not-person']);
    expect(claimants(text).at(-1)).toBe('Harbour Watch');
  });

  it('gives "he" after "according to the Tarn Star" no claimant, and resolves it again once the name speaks itself', () => {
    const text = 'Fees will double, Mayor Ivo Brandt said in a letter, according to the Tarn Star.\nAt a rally on Monday, he said the ferry would stop.';
    expect(claimants(text).at(-1)).toBeNull();
    switchRulesOff(['claimant.reporter-not-person']);
    expect(claimants(text).at(-1)).toBe('Tarn Star');
    switchRulesOff([]);
    expect(claimants('Fees will double, according to Rush Kell.\nKell said the ferry would stop.\n"It is over," he said.').at(-1)).toBe('Rush Kell');
  });

  it('keeps a reporter named by a role', () => {
    expect(claimants('Ed Kline attacked the scouts on his radio show, reporter Ann Voss reported.\nShe said the leaders should resign.').at(-1)).toBe('reporter Ann Voss');
  });
});

describe('a name inside the quotation is not the speaker (claimant.quoted-name-not-antecedent)', () => {
  it('resolves "“Berg is wrong,” he said" to the last speaker, not to Berg', () => {
    const text = 'Ed Berg said the harbour needed money.\nTom Lund said the pier was unsafe.\n"Berg is wrong," he said.';
    expect(claimants(text)).toEqual(['Ed Berg', 'Tom Lund', 'Tom Lund']);
    switchRulesOff(['claimant.quoted-name-not-antecedent']);
    expect(claimants(text)).toEqual(['Ed Berg', 'Tom Lund', 'Ed Berg']);
  });

  it('still takes an earlier speaker the sentence names outside the quotation', () => {
    expect(claimants('Ed Berg said the harbour needed money.\nTom Lund said the pier was unsafe.\nBerg, who has fought the plan for years, said he would appeal.').at(-1)).toBe('Ed Berg');
  });
});

describe('a surname alone opening a sentence, written in full before (claimant.surname-subject-gender)', () => {
  it('is whom a later "she" stands for when the text named no speaker yet', () => {
    const text = 'Diana Lorrimer chairs the harbour board.\nThe board met on Friday. It set new fees.\nLorrimer toured the docks on Monday.\n"The pier is not safe," she said.';
    expect(claimants(text)).toEqual(['Diana Lorrimer']);
    switchRulesOff(['claimant.surname-subject-gender']);
    expect(claimants(text)).toEqual([null]);
  });

  it('leaves the pronoun unresolved when another person written in full is named after the surname', () => {
    const text = 'Walter Okafor chairs the harbour board, and Peter Lindqvist runs the port.\nThe board met on Friday. It set new fees.\nOkafor toured the docks on Monday with Lindqvist.\n"The pier is not safe," he said.';
    expect(claimants(text)).toEqual([null]);
    expect(claimants(text.replace(' with Lindqvist', ''))).toEqual(['Walter Okafor']);
  });
});

describe('a claimant ending in a name after a preposition (claimant.fuller-not-object)', () => {
  it('is never the fuller mention of that name', () => {
    expect(claimants('Aides to Lorrimer said she would run.\nLorrimer said the pier would reopen.')).toEqual(['Aides to Lorrimer', 'Lorrimer']);
    expect(claimants('A spokesman for Tarnferry said fares would rise.\nTarnferry said it would add two boats.')).toEqual(['A spokesman for Tarnferry', 'Tarnferry']);
  });

  it('keeps a title written with a preposition', () => {
    expect(claimants('Minister of State for Ports Walter Okafor said fares would rise.\nOkafor said the pier would reopen.')).toEqual(['Minister of State for Ports Walter Okafor', 'Minister of State for Ports Walter Okafor']);
  });
});

describe('a "who" opening an aside between dashes (claimant.who-after-dash)', () => {
  it('stands for the name before the dash, and a later "she" for that person', () => {
    const text = 'The losses would outstrip the gains, said Lorrimer.\nIt is a big issue, with Diana Okafor — who has called for higher fees — lambasting the plan.\n"The plan is a disaster," she said.';
    expect(claimants(text)).toEqual(['Lorrimer', 'Diana Okafor', null, 'Diana Okafor']);
  });

  it('never stands for a name inside an aside the dash closes', () => {
    const text = 'The diplomat pushed back against candidates — like Senator Walter Okafor — who say the port is in decline.';
    expect(claimants(text)).not.toContain('Senator Walter Okafor');
  });
});
