import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { lines } from '../helpers/sentences.js';

/** Cue, source text and claimant of each statement, in order. */
function who(text: string): Array<{ cue: string; source: string | null; claimant: string | null }> {
  return findStatements(text, lines(text)).map((s) => ({
    cue: text.slice(s.cue.start, s.cue.end),
    source: s.source ? text.slice(s.source.start, s.source.end) : null,
    claimant: s.claimant,
  }));
}

describe('sense.cite-ticket: "cited … for" in the passive is an act', () => {
  it('finds no statement by the police who cited a driver', () => {
    expect(who('The ferry captain was cited by harbour police in May for sailing without lights.')).toEqual([]);
    expect(who('A bus driver was cited for parking on the pier, the port said.').map((s) => s.cue)).toEqual(['said']);
    expect(who('Yet, cited by harbour police in June for speeding in the bay, the skipper kept his licence.')).toEqual([]);
  });

  it('keeps "cited" as a reason given or a source named', () => {
    expect(who('The dockers union cited low pay as the reason for the strike.').map((s) => s.claimant)).toEqual(['dockers union']);
    expect(who('The rumour was cited by several grain dealers as a factor in the fall.').map((s) => s.claimant)).toEqual(['several grain dealers']);
    expect(who('She said the reasons cited by Tarn Ferries last week for closing the route were weak.').map((s) => s.cue)).toEqual(['said', 'cited']);
  });
});

describe('source.inverted-speaker-gloss: ", said X, or Y, …" glosses the speaker', () => {
  it('names the newspaper after "said", not the person set off before the verb', () => {
    expect(who('Guards drove the trader, Omar Dlamini, to the border, said Habari, or News, a weekly paper in Tarn.').map((s) => s.claimant)).toEqual(['Habari']);
    expect(who('Guards drove the trader, Omar Dlamini, to the border, said Kesho, or Tomorrow.').map((s) => s.claimant)).toEqual(['Kesho']);
  });
});

describe('source.reduced-relative-to-be: "a charity found to be a front" is inside the subject', () => {
  it('takes the whole noun phrase, never the phrase after "be"', () => {
    const [s] = who('The owner of a ferry line found to be a cover for smugglers says the claims are false.');
    expect(s?.source).toBe('The owner of a ferry line found to be a cover for smugglers');
    const [t] = who('A trawler captain believed to be the harbour master\'s cousin told reporters the nets were cut.');
    expect(t?.source).toBe('A trawler captain believed to be the harbour master\'s cousin');
  });

  it('leaves a main clause with "was found to be" alone', () => {
    expect(who('The ferry line was found to be a cover for smugglers, harbour officials said.').map((s) => s.claimant)).toEqual(['harbour officials']);
  });
});

describe('claimant.surname-shared-any-given: two full names share a surname', () => {
  it('shows a bare surname as written when the latest full mention is someone else', () => {
    const text = ['Tavi Varga, 7, was pulled from the harbour in May.', 'His father, Peter Varga, wants him home.', 'But Varga said the boy must stay in Tarn.'].join('\n');
    expect(who(text).find((s) => s.source === 'Varga')?.claimant).toBe('Varga');
  });

  it('keeps the full name when that person was written in full again since', () => {
    const text = ['Tavi Varga, the son of Peter Varga, won the race.', 'Peter Varga ran the same race in 1990.', 'Tavi Varga, 19, now trains in Tarn.', 'Varga said the course was hard.'].join('\n');
    expect(who(text).find((s) => s.source === 'Varga')?.claimant).toBe('Tavi Varga');
  });
});

describe('claimant.apposition-last-conjunct: a name after "… and its chairman," names that conjunct only', () => {
  it('shows the whole group, not the chairman with the group as his role', () => {
    const [s] = who('A group of dockers led by Tarn Holdings Ltd. and its chairman, Ed Lund, said it had bought the pier.');
    expect(s?.claimant).toBe('A group of dockers led by Tarn Holdings Ltd. and its chairman, Ed Lund');
    const [t] = who('The ferry line and the port\'s harbour master, Ida Berg, confirmed that the pier was shut.');
    expect(t?.claimant).toBe('ferry line and the port\'s harbour master, Ida Berg');
  });

  it('keeps a plain apposition as the person with a role', () => {
    expect(who('The harbour\'s chief pilot, Tove Berg, said the pier was unsafe.')[0]?.claimant).toBe('Tove Berg (harbour\'s chief pilot)');
  });
});

describe('claimant.asked-person-answers: a pronoun after "X asked Y" is not the asker\'s', () => {
  it('leaves the answer unattributed when the one asked may be the pronoun', () => {
    const asked = ['Radio host Tom Berg asked Ed Lund about the pier on Monday.', '"It is safe and it will stay open," he said.'].join('\n');
    expect(who(asked).find((s) => s.source === 'he')?.claimant ?? null).toBeNull();
    const him = ['Ed Lund looked tired when Tom Berg asked him about the pier.', '"It is safe," he said.'].join('\n');
    expect(who(him).find((s) => s.source === 'he')?.claimant ?? null).toBeNull();
    const when = ['Ed Lund did not sound sure when Tom Berg asked whether the pier would reopen.', '"We will see," he said.'].join('\n');
    expect(who(when).find((s) => s.source === 'he')?.claimant ?? null).toBeNull();
  });

  it('keeps the asker for a pronoun of the other gender or a question put to a group', () => {
    const other = ['Tom Berg asked Mary Lund about the pier on Monday.', '"I was not convinced," he said.'].join('\n');
    expect(who(other).find((s) => s.source === 'he')?.claimant).toBe('Tom Berg');
    const group = ['Tom Berg asked the dockers to stay calm on Monday.', '"The pier is safe," he said.'].join('\n');
    expect(who(group).find((s) => s.source === 'he')?.claimant).toBe('Tom Berg');
  });
});

describe('source.whose-apposition: a name set off inside a "whose" clause is not the subject', () => {
  it('takes the name before "whose"', () => {
    expect(who('Ida Lund, whose brother, the pilot Tom Lund, drowned off Tarn in May, said the pier was unsafe.')[0]?.claimant).toBe('Ida Lund');
    expect(who('Eva Holm, whose firm, Tarnline, runs the ferries, said the fares would rise.')[0]?.claimant).toBe('Eva Holm');
  });
});
