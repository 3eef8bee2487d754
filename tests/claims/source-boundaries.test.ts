import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { lines } from '../helpers/sentences.js';

/** The source of each attributed statement, as written, in order (what `/claim` runs). */
function sources(text: string): Array<string | null> {
  return findStatements(text, lines(text)).filter((s) => s.kind === 'attributed').map((s) => (s.source ? text.slice(s.source.start, s.source.end) : null));
}

describe('source boundaries (issue 14)', () => {
  it('takes a description opening with "one of" after the subject into the source', () => {
    expect(sources('Ada Roy, one of the ferry union\'s founders, said the crossing would close.')).toEqual(['Ada Roy, one of the ferry union\'s founders,']);
  });

  it('keeps a described role in the source when its own relative clause holds a statement, not a relative clause opening after the name', () => {
    expect(sources('Tove Berg, a ferry pilot who warned the council about the tides, said the crossing would close.').at(-1)).toBe('Tove Berg, a ferry pilot who warned the council about the tides,');
    expect(sources('Tove Berg, who warned the council about the tides, said the crossing would close.').at(-1)).toBe('Tove Berg');
  });

  it('joins a first conjunct closed by a party tag to the subject', () => {
    expect(sources('Rep. Tove Berg (D-Maine) and former mayor Ed Lund told the council the crossing would close.')).toEqual(['Rep. Tove Berg (D-Maine) and former mayor Ed Lund']);
  });

  it('takes a whole list with a comma before its "and" as the subject, but no date as a conjunct', () => {
    expect(sources('Ferry crews, harbour pilots, and the mayor of Tarn warned the council the crossing would close.')).toEqual(['Ferry crews, harbour pilots, and the mayor of Tarn']);
    expect(sources('The pier closed after the storm of Jan. 4, 2019, and the mayor said the crossing would stay shut.')).toEqual(['the mayor']);
  });

  it('writes a subject noun after "whose" with "whose"', () => {
    expect(sources('The vote was a blow to the harbour board, whose pilots warned that the crossing would close.')).toEqual(['whose pilots']);
  });

  it('keeps an adjective in -ly before a lower-case noun in the subject', () => {
    expect(sources('But early harbour figures suggest the crossing lost money.\nAn elderly pilot said the crossing would close.')).toEqual(['early harbour figures', 'An elderly pilot']);
  });

  it('runs a description after a closing cue over a short naming phrase to the sentence end, never over a clause', () => {
    expect(sources('"The crossing is closed," said Ola Dahl, an engineer at the ferry\'s owner, Nordic Sea Lines.')).toEqual(['Ola Dahl, an engineer at the ferry\'s owner, Nordic Sea Lines']);
    expect(sources('"The crossing is closed," said Ola Dahl, an engineer at the ferry firm, adding that repairs would take weeks.')[0]).toBe('Ola Dahl, an engineer at the ferry firm,');
  });

  it('keeps a capitalised "Today" ending a title in the source, not a lower-case one', () => {
    expect(sources('Ferry Today reported that the crossing would close.\nThe mayor today said the crossing would close.')).toEqual(['Ferry Today', 'The mayor']);
  });

  it('takes a bare date after a poll into the source, not a date after "on"', () => {
    expect(sources('A Ferry Board survey last week found that most pilots back the fee.\nA Ferry Board survey on Monday found that most pilots back the fee.')).toEqual(['A Ferry Board survey last week', 'A Ferry Board survey']);
  });

  it('leaves a live page\'s time stamp out of the source', () => {
    expect(sources('Posted at 9:41PM Tove Berg said the crossing would close.')).toEqual(['Tove Berg']);
  });

  it('takes "one of" a group with the member named after it as the subject', () => {
    expect(sources('One of the ferry\'s engineers, Ola Dahl, told the council the crossing would close.')).toEqual(['One of the ferry\'s engineers, Ola Dahl,']);
  });
});
