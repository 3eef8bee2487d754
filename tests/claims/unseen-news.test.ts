/**
 * Patterns found reading /claim's statements on news the rules were never tuned on (issue 14): an opening
 * adverb set off by a comma, a subject denied its whole, a comparison with what someone expected, a
 * disaster's toll. Every sentence here is written for the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { switchRulesOff } from '../../src/claims/rules.js';
import { lines } from '../helpers/sentences.js';
import { tokenize } from '../../src/claims/tokens.js';

afterEach(() => switchRulesOff([]));

/** Cue, source and claimant of each statement /claim would keep (product scope), in order. */
function who(text: string): Array<{ cue: string; source: string | null; claimant: string | null }> {
  return findStatements(text, lines(text)).map((s) => ({
    cue: text.slice(s.cue.start, s.cue.end),
    source: s.source ? text.slice(s.source.start, s.source.end) : null,
    claimant: s.claimant,
  }));
}

describe('an opening adverb set off by a comma is no claimant (source.opening-word-comma)', () => {
  it('names the described subject after the comma', () => {
    const found = who('Furthermore, the bakery chain, whose ovens are forty years old, now sees a merger as its only hope.');
    expect(found.map((s) => s.claimant)).toEqual(['bakery chain']);
  });

  it('keeps the plain subject after "Moreover,"', () => {
    const found = who('Moreover, the tram operator said fares would stay flat.');
    expect(found.map((s) => s.claimant)).toEqual(['tram operator']);
  });
});

describe('a subject denied its whole asserts nothing (source.not-all-subject)', () => {
  it('shows no claimant for "Not all …"', () => {
    expect(who('Not all orchard growers believe the frost will return.').filter((s) => s.claimant)).toEqual([]);
  });

  it('still attributes "All …"', () => {
    expect(who('All orchard growers believe the frost will return.').map((s) => s.claimant)).toEqual(['All orchard growers']);
  });
});

describe('a comparison with what someone expected is the outlet\'s sentence (source.comparison-than)', () => {
  it('gives the analysts no claim in "than … had predicted"', () => {
    expect(who('The bakery earned far more than analysts had predicted.').filter((s) => s.claimant)).toEqual([]);
  });

  it('keeps what someone says a person deserves', () => {
    expect(who('The coach won fewer votes than his players say he deserves.').map((s) => s.claimant)).toEqual(['players']);
  });
});

describe('a toll is no claim (sense.claim-toll)', () => {
  it('finds no statement in "claimed … lives"', () => {
    expect(who('The Harbour Fire claimed the lives of three night watchmen.')).toEqual([]);
  });

  it('still reads "claimed that"', () => {
    expect(who('The Harbour Trust claimed that the watchmen had left the gate open.').map((s) => s.claimant)).toEqual(['Harbour Trust']);
  });
});

describe('"he"/"she" after a person introduced with an age (claimant.passing-person-between)', () => {
  const opening = 'Ferry captain Rolf Aune said the crossing was calm.';

  it('stands for the person introduced, not the last speaker', () => {
    const text = [opening, 'Greta Holm, 41, runs the kiosk on the quay.', '"Nobody warned us about the storm," she said.'].join('\n');
    expect(who(text).map((s) => s.claimant)).toEqual(['Ferry captain Rolf Aune', 'Greta Holm']);
  });

  it('stands for nobody after two people introduced', () => {
    const text = [opening, 'Greta Holm, 41, and Lise Dahl, 38, run the kiosk on the quay.', 'Lise Dahl, 38, sells the tickets.', '"Nobody warned us about the storm," she said.'].join('\n');
    const she = who(text).find((s) => s.source === 'she');
    expect(she?.claimant ?? null).not.toBe('Ferry captain Rolf Aune');
  });

  it('still stands for the last speaker when nobody is introduced', () => {
    const text = [opening, 'The kiosk on the quay stayed shut.', '"Nobody warned us about the storm," he said.'].join('\n');
    expect(who(text).map((s) => s.claimant)).toEqual(['Ferry captain Rolf Aune', 'Ferry captain Rolf Aune']);
  });
});

describe('a town after a company\'s name is where it is, not who speaks (source.company-town)', () => {
  it('names the company, not "Peoria, Ill."', () => {
    expect(who('Tarnline Inc., Peoria, Ill., said it would buy two ferries.').map((s) => s.claimant)).toEqual(['Tarnline Inc.']);
  });

  it('names the company, not "Atlanta"', () => {
    expect(who('VELLCO Corp., Atlanta, said its quarterly profit doubled.').map((s) => s.claimant)).toEqual(['VELLCO Corp.']);
  });
});

describe('a capitalised modifier before people is no speaker (source.modifier-before-people)', () => {
  it('takes the plural noun after it as the head', () => {
    // The rule's own reading, without the learned source model: the model retrained in stop 34 leaves this
    // participle's source out (unattributed, not a wrong speaker).
    const text = 'Dutch farmers dealt a blow to the harbour plan by rejecting a levy favoured by the council.';
    expect(findStatements(text, lines(text), { chooser: null }).map((s) => s.claimant)).toEqual(['Dutch farmers']);
    expect(who(text).map((s) => s.claimant)).not.toContain('Dutch');
  });

  it('keeps a name with its verb', () => {
    expect(who('Vell Harbour said the pier would stay open.').map((s) => s.claimant)).toEqual(['Vell Harbour']);
  });
});

describe('verbs in a sense that says nothing (sense.conclude-ending, sense.boast-having, sense.publish-title)', () => {
  it('finds no claim in talks that "concluded on Friday"', () => {
    expect(who('The Vell Harbour talks concluded on Friday after a week of meetings.')).toEqual([]);
  });

  it('finds no claim in a hearing that "concluded," before the sentence goes on (sense.conclude-ending-clause)', () => {
    expect(who('When the Vell Harbour hearing concluded, Ida Lund told reporters that fees would fall.').map((s) => s.claimant)).toEqual(['Ida Lund']);
    expect(who('The ferry inquiry concluded, and the board went home.')).toEqual([]);
    expect(who('Fares were too high, the harbour study concluded.').map((s) => s.claimant)).toEqual(['harbour study']);
    expect(who('She concluded, "The pier is safe."').length).toBe(1);
  });

  it('still reads a closing "concluded" after a quotation', () => {
    expect(who('"The pier is safe," Ida Lund concluded.').map((s) => s.claimant)).toEqual(['Ida Lund']);
  });

  it('finds no claim in a port that "boasts a fleet"', () => {
    expect(who('Tarn Harbour boasts a fleet of forty ferries.')).toEqual([]);
  });

  it('finds no claim in a firm that "publishes The Vell Courier"', () => {
    expect(who('Tarn Media publishes The Vell Courier and two radio guides.')).toEqual([]);
  });
});

describe('a cue its subject declines asserts nothing (cue.declined-to)', () => {
  it('shows no statement for "declined to say whether"', () => {
    expect(who('The ferry operator declined to say whether fares would rise.')).toEqual([]);
  });

  it('shows no confirmation for "refused to confirm or deny"', () => {
    expect(who('Councillor Ida Lund refused to confirm or deny that the depot would close.').filter((s) => s.claimant)).toEqual([]);
  });

  it('keeps the subject for a later "He also said", never the speaker before it', () => {
    const text = [
      'Tarnco chairman Ivo Brandt told a weekly paper the firm wanted a partner abroad.',
      'Brandt said Tarnco would act quickly.',
      'The Tarnco spokesman declined to say in which sector the firm would invest.',
      'He also said the fees would stay flat.',
    ].join('\n');
    const found = who(text).map((s) => s.claimant);
    // The declining is not shown, and "He" never reaches past the spokesman to the chairman.
    expect(found.slice(0, 2)).toEqual(['Tarnco chairman Ivo Brandt', 'Tarnco chairman Ivo Brandt']);
    expect(found).toHaveLength(3);
    expect(found[2]).not.toBe('Tarnco chairman Ivo Brandt');
  });
});

describe('a name inside what was said, before ", said" and a described speaker (source.inverted-described-speaker)', () => {
  it('names the speaker after the verb, not the name set off before it', () => {
    const text = 'The ferry pilot, Ida Lund, was taken to the harbour clinic, said Tom Berg, a coast guard officer.';
    expect(who(text).map((s) => s.claimant)).toEqual(['Tom Berg']);
    switchRulesOff(['source.inverted-described-speaker']);
    expect(who(text).map((s) => s.claimant)).not.toEqual(['Tom Berg']);
  });

  it('leaves a subject with its description before ", said" and the content after', () => {
    expect(who('Mr. Holm, a former pilot at the port, said Ms. Berg would win the vote.').map((s) => s.claimant)).toEqual(['Mr. Holm']);
  });

  it('reads a long description after the name to the end, with a clause opening what was said', () => {
    // Fifteen words of description: the clause before ", said" (with its own verb) is what was said.
    const text = 'Even as the ferry moves to Tarn, a port that she hoped to win, the vote will be close, said Ida Berg, head of research at the Harbour Institute and a former adviser to the port board of Tarn.';
    expect(who(text).filter((s) => s.cue === 'said').map((s) => s.claimant)).toEqual(['Ida Berg']);
  });
});

describe('a state after its town inside a description is no subject (source.state-not-subject)', () => {
  it('never names the state as the speaker', () => {
    const text = 'Dr. Ana Ruiz, a surgeon in Tampa, Florida, and a former harbour doctor, said the pier was unsafe.';
    expect(who(text).map((s) => s.claimant)).not.toContain('Florida');
    switchRulesOff(['source.state-not-subject']);
    expect(who(text).map((s) => s.claimant)).toContain('Florida');
  });

  it('keeps a state that is the subject after a day', () => {
    expect(who('On Friday, Oregon, joined by four other states, asked the court to block the rule.').map((s) => s.claimant)).toContain('Oregon');
  });
});

describe('a name with an ampersand between capitals is one word', () => {
  it('reads "AT&T" and "S&P" whole', () => {
    expect(who('AT&T said it would cut prices.').map((s) => s.claimant)).toEqual(['AT&T']);
    expect(who('S&P said it would lower the rating.').map((s) => s.claimant)).toEqual(['S&P']);
  });
});

describe('adding something to something is no statement (sense.add-object-to)', () => {
  it.each([
    'The ferry line added a night crossing to its timetable.',
    'Members can add photographs to their harbour pages.',
  ])('%s', (text) => {
    expect(who(text)).toEqual([]);
    switchRulesOff(['sense.add-object-to']);
    expect(who(text).map((s) => s.cue)).toContain(text.includes('can add') ? 'add' : 'added');
  });

  it('keeps "added that", a quotation, and a clause after "adding"', () => {
    expect(who('The mayor added that the pier was safe.').map((s) => s.claimant)).toEqual(['mayor']);
    expect(who('The port chief spoke on Monday, adding the board planned to present its choice to the council.').map((s) => s.cue)).toContain('adding');
  });
});

describe('a description joining two roles is one person (claimant.description-not-plural)', () => {
  it('lets a later "she" stand for her', () => {
    const text = 'Ana Brunner, a developer and spokeswoman for the Harbour Coalition, which represents ferry owners, said the pier was safe. "It will reopen soon," she said.';
    const her = 'Ana Brunner, a developer and spokeswoman for the Harbour Coalition';
    expect(who(text).map((s) => s.claimant)).toEqual([her, her]);
    // (claimant.introduced-subject would give the "she" the name standing as the subject: off, to see this rule alone.)
    switchRulesOff(['claimant.description-not-plural', 'claimant.introduced-subject']);
    expect(who(text).map((s) => s.claimant)[1]).toBeNull();
  });

  it('keeps a list of names a group', () => {
    expect(who('Lund, Berg and Holm said the pier was safe. "It will reopen," they said.').map((s) => s.claimant)).toEqual(['Lund, Berg and Holm', 'Lund, Berg and Holm']);
  });
});

describe('a pronoun in a sentence whose subject is someone else (claimant.sentence-subject-not-speaker)', () => {
  it('does not reach back to the last speaker past the sentence\'s own subject', () => {
    const text = 'Tom Lund said the pier was unsafe.\nLater that week the mayor, Per Berg, visited the harbour.\nBerg went to the council on Monday, when he called the plan a disgrace.';
    expect(who(text).map((s) => s.claimant)).toEqual(['Tom Lund', null]);
    switchRulesOff(['claimant.sentence-subject-not-speaker']);
    expect(who(text).map((s) => s.claimant)).toEqual(['Tom Lund', 'Tom Lund']);
  });

  it('keeps "…, he said" after words the speaker said, and a sentence opening with a common word', () => {
    expect(who('Tom Lund said the pier was unsafe.\nHolm would close it soon, he said.').map((s) => s.claimant)).toEqual(['Tom Lund', 'Tom Lund']);
    expect(who('Tom Lund said the pier was unsafe.\nRising costs have hurt the ferry line since May when he said the board knew.').map((s) => s.claimant)).toEqual(['Tom Lund', 'Tom Lund']);
  });
});

describe('a long "who" clause between the subject and its cue (source.long-who-clause)', () => {
  it('names the phrase the clause hangs on, not a name ending the clause', () => {
    const text = 'Many of the ferry pilots who would rather be working this winter on the night runs for Tarn or Ida Berg said the pier was unsafe.';
    expect(who(text).map((s) => s.claimant)).toEqual(['Many of the ferry pilots']);
    switchRulesOff(['source.long-who-clause']);
    expect(who(text).map((s) => s.claimant)).not.toEqual(['Many of the ferry pilots']);
  });

  it('reads "who’d" as "who" with its verb, so the clause is seen', () => {
    expect(tokenize('pilots who’d rather stay, who\'ve said').map((t) => t.text)).toEqual(['pilots', 'who', '’d', 'rather', 'stay', ',', 'who', "'ve", 'said']);
    expect(who('Dock workers who’d backed Ida Berg said the fees were fair.').map((s) => s.claimant)).toEqual(['Dock workers']);
  });

  it('stops at a reporting verb of another clause past ten tokens', () => {
    const text = 'Some pilots who have received the notices from the port office said the wording was unclear and some believed the ferries would run.';
    const believed = who(text).find((s) => s.cue === 'believed');
    expect(believed?.source ?? null).not.toMatch(/said/);
  });
});
