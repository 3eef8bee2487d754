/**
 * Participles that found their cue but no source (issue 14): after a subordinator of time ("while saying",
 * "before explaining"), in a phrase of time opening the sentence or set off after its subject, and after a
 * dash closing the main clause. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { lines, statementOf as sourceOf } from '../helpers/sentences.js';

/** Source and content of the statement with cue `cue`, read as eval:attribution reads PolNeAR (actions kept), by the rules alone. */
function polnear(text: string, cue: string): { source: string | null; content: string } | undefined {
  const s = findStatements(text, lines(text), { nested: false, actions: true, negated: true, chooser: null, tagger: null, cueEdges: null }).find((x) => text.slice(x.cue.start, x.cue.end) === cue);
  return s ? { source: s.source ? text.slice(s.source.start, s.source.end) : null, content: text.slice(s.content.start, s.content.end) } : undefined;
}

describe('a participle after a subordinator of time', () => {
  it('is the act of the clause subject before it', () => {
    const text = 'Councillor Ana Poll approved the harbour budget while saying the pier needed repairs.';
    expect(sourceOf(text, 'saying')).toEqual({ source: 'Councillor Ana Poll', claimant: 'Councillor Ana Poll' });
  });

  it('after "before" as well', () => {
    const text = 'Mayor Ivo Brandt thanked the dockers before warning that the ferry fares would rise.';
    expect(sourceOf(text, 'warning')?.source).toBe('Mayor Ivo Brandt');
  });

  it('inside a relative clause is the relative pronoun\'s', () => {
    const text = 'But Ana Poll, who stumbled while arguing that the fee was fair, left early.';
    expect(sourceOf(text, 'arguing')?.source).toBe('who');
  });

  it('takes no first word inside a quotation for its subject', () => {
    const text = '“Harbours need money,” Poll sang to the crowd before asking them to vote for the levy.';
    expect(polnear(text, 'asking')?.source ?? null).not.toBe('Harbours');
  });
});

describe('a participle phrase of time opening the sentence', () => {
  it('is the act of the subject after its comma, its content the phrase', () => {
    const text = 'After saying for a month that the pier was unsafe, Councillor Ana Poll voted to reopen it.';
    expect(sourceOf(text, 'saying')?.source).toBe('Councillor Ana Poll');
    expect(polnear(text, 'saying')?.content).toBe('the pier was unsafe');
  });

  it('after a short time phrase, and past an adverb before the verb', () => {
    const text = 'Two weeks after announcing his support for the levy, Mayor Ivo Brandt still opposes the fee.';
    expect(sourceOf(text, 'announcing')?.source).toBe('Mayor Ivo Brandt');
  });

  it('not after a longer opening clause', () => {
    const text = 'The board met for hours after hearing from the dockers, and Ana Poll left.';
    expect(polnear(text, 'hearing')?.source ?? null).not.toBe('Ana Poll');
  });
});

describe('a participle phrase of time set off after a name inside a clause', () => {
  it('takes no guess from the sentence\'s subject', () => {
    const text = 'The dockers were surprised when Ana Poll, after railing against the fee for a year, voted for it.';
    expect(polnear(text, 'railing')?.source ?? null).not.toBe('The dockers');
  });
});

describe('a participle after a dash closing the main clause', () => {
  it('is the clause subject\'s act', () => {
    const text = 'Councillor Ana Poll changed her vote on the pier at the last minute – saying the repairs could wait.';
    expect(sourceOf(text, 'saying')?.source).toBe('Councillor Ana Poll');
  });

  it('not a bare -ing noun set between dashes', () => {
    const text = 'He struggles with one task in politics – bragging – admitting that it embarrasses him.';
    expect(polnear(text, 'bragging')?.source ?? null).toBeNull();
  });
});

describe('a participle after the main clause, past an opening phrase the subject search stopped at', () => {
  it('takes the subject after the phrase\'s comma', () => {
    const text = 'Shortly after the vote, the families of the dockers had marched, warning that the pier would close.';
    expect(sourceOf(text, 'warning')?.source).toBe('the families of the dockers');
  });

  it('after an opening participle phrase too, for a subordinated participle inside it', () => {
    const text = 'Speaking to reporters after announcing a lower harbour fee, Ida Lund said the port would grow.';
    expect(polnear(text, 'announcing')?.source).toBe('Ida Lund');
  });
});

describe('a progressive "be" or a verb of beginning before an -ing cue', () => {
  it('stands between the subject and the cue', () => {
    const text = 'Councillor Ana Poll will be challenging the harbour fee at the next meeting.';
    expect(sourceOf(text, 'challenging')?.source).toBe('Councillor Ana Poll');
  });

  it('after "have begun" as well', () => {
    const text = 'More dockers have begun urging the board to drop the fee.';
    expect(polnear(text, 'urging')?.source).toBe('More dockers');
  });
});

describe('a bare -ing cue after a verb of spending time', () => {
  it('is the act of that verb\'s subject', () => {
    const text = 'Councillor Ana Poll spent much of the harbour meeting attacking the new ferry fee.';
    expect(sourceOf(text, 'attacking')?.source).toBe('Councillor Ana Poll');
  });

  it('after "took turns" and "avoids" as well', () => {
    expect(polnear('The dockers took turns urging the board to drop the fee.', 'urging')?.source).toBe('The dockers');
    expect(polnear('Ida Lund avoids discussing the ferry fee with her rivals.', 'discussing')?.source).toBe('Ida Lund');
  });

  it('not for a bare -ing cue after another verb', () => {
    // (A message the board issues is its claim: source.issued-message-participle.)
    expect(polnear('The board thanked the dockers in the hall urging calm.', 'urging')?.source ?? null).toBeNull();
  });
});

describe('progressive and spending edges', () => {
  it('reads past "seem to" before a progressive "be"', () => {
    expect(polnear('Many dockers seem to be hoping for a later opening of the pier.', 'hoping')?.source).toBe('Many dockers');
  });

  it('takes no spender for an -ing noun after a preposition', () => {
    expect(polnear('Harbour firms will spend a fifth of their budgets on publishing brochures this year.', 'publishing')?.source ?? null).toBeNull();
  });
});

describe('a participle phrase set off right after the subject opening the sentence', () => {
  it('is that subject\'s act in PolNeAR scope, its content ending at the closing comma', () => {
    const text = 'Ida Lund, writing in the Harbour Gazette, noticed that the fees had doubled.';
    expect(polnear(text, 'writing')).toEqual({ source: 'Ida Lund', content: 'in the Harbour Gazette' });
  });

  it('not when a main verb follows no closing comma', () => {
    expect(polnear('Ida Lund, citing the fees and the tolls that the board had raised.', 'citing')?.source ?? null).toBeNull();
  });
});

describe('a participle after a subordinator inside an opening participle phrase', () => {
  it('takes no opening participle for its subject', () => {
    const text = 'Speaking to reporters after announcing a lower fee, or toll, of two crowns, Ida Lund said trade would grow.';
    expect(polnear(text, 'announcing')?.source ?? null).not.toBe('Speaking');
  });
});

describe('a subject cut to one capitalised word before its noun (source.participle-cut-subject)', () => {
  it('is no source for a participle after "before"/"after"', () => {
    const scope = { nested: false as const, actions: true, negated: true, chooser: null, tagger: null, cueEdges: null };
    const text = 'Tarnish patrol boats usually circle a ferry before warning its crew that the pier is closed.';
    const s = findStatements(text, lines(text), scope).find((x) => text.slice(x.cue.start, x.cue.end) === 'warning');
    expect(s).toBeDefined();
    expect(s!.source ? text.slice(s!.source.start, s!.source.end) : null).toBeNull();
  });
});

describe('a participle after a message its clause issues (source.issued-message-participle)', () => {
  it('is the claim of the subject who issued the message', () => {
    const text = 'The ferry union put out a statement saying the new rota was unsafe.';
    expect(sourceOf(text, 'saying')).toEqual({ source: 'The ferry union', claimant: 'ferry union' });
  });

  it('past a phrase of address and one of time after the message', () => {
    expect(polnear('Councillor Ana Poll sent an email to the dockers on Tuesday urging a strike.', 'urging')?.source).toBe('Councillor Ana Poll');
    expect(polnear('The harbour board filed a lawsuit last week alleging that the tolls were illegal.', 'alleging')?.source).toBe('The harbour board');
  });

  it('past a time phrase between the subject and its verb', () => {
    expect(polnear('The Tarnby town council on Monday approved a resolution condemning the toll.', 'condemning')?.source).toBe('The Tarnby town council');
  });

  it('not when the noun before the participle is no message', () => {
    expect(polnear('The mayor sent a crate of fish on Tuesday saying nothing.', 'saying')?.source ?? null).toBeNull();
  });
});

describe('an adverb between a subordinator and its participle (source.adverb-after-subordinator)', () => {
  it('leaves the participle the clause subject\'s act', () => {
    expect(polnear('Mayor Ivo Brandt lost the vote after repeatedly dismissing the dockers as idle.', 'dismissing')?.source).toBe('Mayor Ivo Brandt');
    expect(polnear('Councillor Ana Poll opened the session by first criticizing the ferry crews.', 'criticizing')?.source).toBe('Councillor Ana Poll');
  });

  it('takes no words up to the subordinator for the subject', () => {
    expect(polnear('The pilots who angered the board by publicly warning of danger left.', 'warning')?.source).not.toBe('The pilots who angered the board by');
  });
});

describe('a participle after an absolute "with" (source.with-absolute-subject)', () => {
  it('has the whole phrase after "with" for subject, coordinated or counted', () => {
    expect(polnear('The pier closed on Monday, with the harbour board and Ida Lund calling the move overdue.', 'calling')?.source).toBe('the harbour board and Ida Lund');
    expect(polnear('The ferry toll rose again in May, with nearly 300 dockers blasting the board.', 'blasting')?.source).toBe('nearly 300 dockers');
  });

  it('not when a verb stands between "with" and the participle', () => {
    expect(polnear('The pier closed, with dockers left idle and the mayor criticizing the board.', 'criticizing')?.source ?? null).not.toBe('dockers left idle and the mayor');
  });
});

describe('"worried" after a form of "be" (source.worried-adjective)', () => {
  it('is the subject\'s worry, no passive waiting for an agent', () => {
    expect(polnear('The harbour pilots are deeply worried about the new rota.', 'worried')?.source).toBe('The harbour pilots');
    expect(polnear('The Tarnby ferry union was worried that fares would rise.', 'worried')?.source).toBe('The Tarnby ferry union');
  });

  it('still a passive with an agent after "by"', () => {
    expect(polnear('The pilots were worried by the new rota.', 'worried')?.source ?? null).not.toBe('The pilots');
  });
});

describe('an infinitive carried by a phrase (cue.carried-infinitive, source.carried-infinitive)', () => {
  it('reports, with the subject before the phrase', () => {
    expect(polnear('Ida Lund took to the harbour radio to say the fees were fair.', 'say')?.source).toBe('Ida Lund');
    expect(polnear('Councillor Ole Berg went out of his way to criticize the ferry board.', 'criticize')?.source).toBe('Councillor Ole Berg');
    expect(polnear('The dockers were quick to deny that the cranes had failed.', 'deny')?.source).toBe('The dockers');
    expect(polnear('The Tarn mayor went so far as to say the pier was cursed.', 'say')?.source).toBe('The Tarn mayor');
    expect(polnear('Radio host Ida Lund used her show on Friday to criticize the toll.', 'criticize')?.source).toBe('Radio host Ida Lund');
  });

  it('not after "to" with no such phrase', () => {
    expect(polnear('The council met on Monday to say farewell to the pier.', 'say')).toBeUndefined();
  });
});

describe('a participle past an adverb whose clause subject names no one (source.adverb-participle-person)', () => {
  it('stays unattributed', () => {
    expect(polnear('Their gut reaction is to deny it while systematically downplaying the risk.', 'downplaying')?.source ?? null).toBeNull();
  });
});
