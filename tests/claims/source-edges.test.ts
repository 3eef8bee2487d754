import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { tokenize } from '../../src/claims/tokens.js';
import { lines } from '../helpers/sentences.js';

/** The source of each attributed statement, as written, in order (what `/claim` runs). */
function sources(text: string): Array<string | null> {
  return findStatements(text, lines(text)).filter((s) => s.kind === 'attributed').map((s) => (s.source ? text.slice(s.source.start, s.source.end) : null));
}

describe('source edges (issue 14)', () => {
  it('keeps a number with thousands separators whole, in the tokens and in the source', () => {
    expect(tokenize('The 4,500 dockers and 12,000,000 tonnes, 3, 250').map((t) => t.text)).toEqual(['The', '4,500', 'dockers', 'and', '12,000,000', 'tonnes', ',', '3', ',', '250']);
    expect(sources('The 4,500 dockers said the strike would last.')).toEqual(['The 4,500 dockers']);
  });

  it('keeps a name read in the wrong encoding whole', () => {
    expect(sources('"The port is shut," said JosÃÂ©e Marchand.')).toEqual(['JosÃÂ©e Marchand']);
  });

  it('keeps a name whose letters are written decomposed whole, mangled or not', () => {
    // "Ã" as "A" + combining tilde, then a C1 control byte; "é" as "e" + combining acute.
    const mangled = 'Mayor Ren\u0041\u0303\u0083\u0041\u0302\u00a9e Dubois';
    expect(sources(`Port chief ${mangled} said the pier was shut.`)).toEqual([`Port chief ${mangled}`]);
    expect(sources('"The pier is shut," said Jose\u0301 Okafor.')).toEqual(['Jose\u0301 Okafor']);
    expect(tokenize('Caf\u00c3\u00a9 Nor\u0301d').map((t) => t.text)).toEqual(['Caf\u00c3\u00a9', 'Nor\u0301d']);
  });

  it('leaves an opening date out of the name after it, but not a month that is a first name', () => {
    expect(sources('On Thursday Okonkwo said the depot would close.\nIn June 2014 Haddad told reporters the talks had failed.\nLast Friday morning Sen. Ortiz said the bill was dead.\nApril Mensah said the ferry was late.')).toEqual(['Okonkwo', 'Haddad', 'Sen. Ortiz', 'April Mensah']);
  });

  it('takes a party and state in parentheses with the name after a quotation', () => {
    expect(sources('"We will not stop," said Sen. Lara Dunn (D-Ore.).')).toEqual(['Sen. Lara Dunn (D-Ore.)']);
  });

  it('ends a source before a preposition whose object it did not take', () => {
    expect(sources('"It is a trap," wrote Mina Sato for Morning Ledger.')).toEqual(['Mina Sato']);
  });

  it('takes a state after the town in a description of the speaker', () => {
    expect(sources('"The levy is unfair," said Rosa Vidal, 41, of Ocala, Fla.\n"It helps," said Tom Reyes, a broker in Albany, N.Y., who sells boats.')).toEqual(['Rosa Vidal, 41, of Ocala, Fla.', 'Tom Reyes, a broker in Albany, N.Y., who sells boats']);
  });

  it('gives a bare -ing form after an object and a time phrase no source from that object', () => {
    expect(sources('Councillor Amadi unleashed a series of messages late Tuesday saying the audit was rigged.')).toEqual([null]);
  });

  it('takes a word limiting a number that opens the subject', () => {
    expect(sources('Only 38 percent of dockers say the deal is fair.\nAt least a dozen members of the board told the chair to resign.\nNine in 10 dockers say the deal is unfair.')).toEqual(['Only 38 percent of dockers', 'At least a dozen members of the board', 'Nine in 10 dockers']);
  });

  it('takes a description running to the sentence end into an "according to" source after its content, not a clause', () => {
    const text = 'Fees rose by a third, according to Lina Brandt, a harbour economist who tracks the port.\nIn the north, according to the pilots union, ferries ran late all week.\nFees rose, according to the ledger, the board said nothing.';
    const found = findStatements(text, lines(text)).filter((s) => /^according to$/i.test(text.slice(s.cue.start, s.cue.end)));
    expect(found.map((s) => [text.slice(s.source!.start, s.source!.end), s.claimant])).toEqual([
      ['Lina Brandt, a harbour economist who tracks the port', 'Lina Brandt'],
      ['the pilots union', 'pilots union'],
      ['the ledger', 'ledger'],
    ]);
  });

  it('takes the phrase placing an unnamed speaker after a quotation, without the anonymity clause, and keeps the claimant bare', () => {
    const text = '"The deal is off," said a person close to the harbour board.\n"Nobody agreed," said one official familiar with the talks, who asked not to be named.\n"We will see," said one Liberal involved in the planning.';
    const found = findStatements(text, lines(text)).filter((s) => text.slice(s.cue.start, s.cue.end) === 'said');
    expect(found.map((s) => [text.slice(s.source!.start, s.source!.end), s.claimant])).toEqual([
      ['a person close to the harbour board', 'a person'],
      ['one official familiar with the talks', 'one official'],
      ['one Liberal involved in the planning', 'one Liberal'],
    ]);
  });
});
