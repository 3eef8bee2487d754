/**
 * Subjects the plain source search before the cue missed (issue 14): a name after an opening phrase
 * of occasion with no comma, a subject whose relative clause a pronoun opens, and a person right
 * before a bare participle. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { statementOf as sourceOf } from '../helpers/sentences.js';

describe('a name after an opening phrase of occasion with no comma', () => {
  it('takes the name, not the phrase, as the subject', () => {
    const text = 'In a long radio interview Ida Lund declared that the pier would close.';
    expect(sourceOf(text, 'declared')).toEqual({ source: 'Ida Lund', claimant: 'Ida Lund' });
  });

  it('reads past "But" before the opening preposition', () => {
    const text = 'But at the harbour meeting Berg argued that fees must rise.';
    expect(sourceOf(text, 'argued')?.source).toBe('Berg');
  });

  it('takes no name after a phrase holding a clause of its own', () => {
    const text = 'In the speech he gave Lund argued that fees must rise.';
    expect(sourceOf(text, 'argued')?.source ?? null).not.toBe('Lund');
  });
});

describe('a subject whose relative clause a pronoun opens', () => {
  it('runs the source from the quantifier to the cue', () => {
    const text = 'On the quay, all the dockers I interviewed said the cranes were unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('all the dockers I interviewed');
  });

  it('takes "everyone" as the head, whatever the cue', () => {
    const text = 'Everyone we polled criticized the new ferry rota.';
    expect(sourceOf(text, 'criticized')?.source).toBe('Everyone we polled');
  });
});

describe('a person right before a bare participle', () => {
  it('keeps a name after "footage of"', () => {
    const text = 'The council aired footage of Ida Lund saying the pier would close.';
    expect(sourceOf(text, 'saying')).toEqual({ source: 'Ida Lund', claimant: 'Ida Lund' });
  });

  it('keeps people after "featuring"', () => {
    const text = 'The union released a film featuring dockers telling their own stories.';
    expect(sourceOf(text, 'telling')?.source).toBe('dockers');
  });

  it('keeps a name opening a clause after a dash', () => {
    const text = 'Both issued statements on Monday – Lund saying the pier was safe.';
    expect(sourceOf(text, 'saying')?.source).toBe('Lund');
  });

  it('takes no common noun opening the clause, often the head of a reduced relative', () => {
    const text = 'Under the new rota, dockers reporting injuries would get a week off.';
    expect(sourceOf(text, 'reporting')?.source ?? null).toBeNull();
  });

  it('still takes no document before the participle for its source (its sender speaks: source.issued-message-participle)', () => {
    const text = 'The mayor sent a series of notes late Sunday saying the depot would close.';
    expect(sourceOf(text, 'saying')?.source ?? null).toBe('The mayor');
  });

  it('still drops the members of a body ("the board of directors urging")', () => {
    const text = 'The families wrote to the harbour board of directors urging a new vote.';
    expect(sourceOf(text, 'urging')?.source ?? null).not.toBe('directors');
  });
});

describe('a limiting word between the subject and its verb', () => {
  it('leaves "almost" before an adverb out of the source', () => {
    const text = 'The harbour pilots almost universally rejected the new rota.';
    expect(sourceOf(text, 'rejected')?.source).toBe('The harbour pilots');
  });

  it('reads past "only" before an adverb to the name', () => {
    const text = 'Ms. Lund only occasionally disagreed with the board.';
    expect(sourceOf(text, 'disagreed')?.source).toBe('Ms. Lund');
  });
});

describe('a floating quantifier after an auxiliary', () => {
  it('takes the subject before "have both", without the quantifier', () => {
    const text = 'Ida Lund and Ole Berg have both argued that the pier is unsafe.';
    expect(sourceOf(text, 'argued')?.source).toBe('Ida Lund and Ole Berg');
  });

  it('takes the pronoun before "have both"', () => {
    const text = 'The pilots met on Monday, and they have both said the pier is unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('they');
  });

  it('does not read past a form of "be" (a passive)', () => {
    const text = 'The dockers were all warned that the pier is unsafe.';
    expect(sourceOf(text, 'warned')?.source ?? null).not.toBe('The dockers');
  });
});

describe('a limiting word after "be"', () => {
  it('does not read a passive as the subject\'s statement', () => {
    const text = 'Harbour spending is almost entirely blamed for the shortfall.';
    expect(sourceOf(text, 'blamed')?.source ?? null).not.toBe('Harbour spending');
  });
});

describe('a person after "of" before a bare participle', () => {
  it('takes no people after a quantity noun ("an array of … writing")', () => {
    const text = 'The mayor had a wide array of local bands writing songs about him.';
    expect(sourceOf(text, 'writing')?.source ?? null).not.toBe('local bands');
  });
});

describe('a place adverb after the subject', () => {
  it('keeps "there" after a plural in the source', () => {
    const text = 'The pier closed in May, and dockers there say the cranes were unsafe.';
    expect(sourceOf(text, 'say')?.source).toBe('dockers there');
  });
});

describe('"here" after the subject (a wire dateline)', () => {
  it('leaves "here" out of the source', () => {
    const text = 'Fees will rise next month, dealers here said.';
    expect(sourceOf(text, 'said')?.source ?? null).not.toBe('dealers here');
  });
});

describe('an opening participle phrase with an adverb or a dashed aside', () => {
  it('is skipped: the subject after it speaks for a later "and" verb', () => {
    expect(sourceOf('Quietly leaving the hall, Mayor Ove Dahl thanked the crew, and said the ferry would sail at dawn.', 'said')?.source).toBe('Mayor Ove Dahl');
    expect(sourceOf('Visiting the docks ― much as he did after the storm last year ― Ove Dahl met the crews, and said the pier would reopen.', 'said')?.source).toBe('Ove Dahl');
  });
});

describe('an opening time phrase that no comma closes', () => {
  it('runs up to the subject: the first comma is the main clause\'s', () => {
    expect(sourceOf('Three weeks later he toured the docks, thanked the crews and said the ferry would return.', 'said')?.source).toBe('he');
    expect(sourceOf('On Friday the harbour master toured the docks, thanked the crews and said the ferry would return.', 'said')?.source).toBe('the harbour master');
  });

  it('leaves a time phrase that a comma closes', () => {
    expect(sourceOf('On Friday, the harbour master toured the docks and said the ferry would return.', 'said')?.source).toBe('the harbour master');
  });
});
