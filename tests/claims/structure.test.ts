/**
 * Issue 14's structural patterns, one block each, on sentences written for these tests: where a
 * claimant may come from, quote-only paragraphs, negated cues, titles and gender.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import type { SentenceLike } from '../../src/claims/attribution.js';
import { productSentences } from '../helpers/sentences.js';

/** The product's sentences, the first line read as the headline when `headline` is set. */
function sentences(text: string, headline = false): SentenceLike[] {
  return productSentences(text).map((s) => (headline && s.block === 0 ? { ...s, kind: 'title' as const } : s));
}

/** Claimant, stance and cue of each statement the analyser would keep. */
function found(text: string, headline = false) {
  return findStatements(text, sentences(text, headline), { keepSourceless: false }).map((s) => ({
    claimant: s.claimant,
    stance: s.stance,
    cue: text.slice(s.cue.start, s.cue.end),
  }));
}

describe('pattern 1: a claimant never comes from the headline', () => {
  it('keeps a surname as written when only the headline gives a fuller name', () => {
    const text = 'Tenant Who Sued Landlord Marek Kowal Loses Appeal\n"The repairs were all done on time," Kowal said on Monday.';
    expect(found(text, true)).toEqual([{ claimant: 'Kowal', stance: 'asserts', cue: 'said' }]);
  });

  it('still takes the fuller name from an earlier body sentence', () => {
    const text = 'Ferry Row Deepens\nHarbour chief Ilse Marten visited the yard on Monday.\n"We are not closing," Marten said.';
    expect(found(text, true).map((s) => s.claimant)).toEqual(['Ilse Marten']);
  });

  it('keeps "of the" inside a title of the fuller name', () => {
    const text = 'Tariff Talks Stall\nThe plan was welcomed by Irish Minister of the Environment Sean Daly on Monday.\nDaly said the tariff talks had stalled.';
    expect(found(text, true).map((s) => s.claimant)).toEqual(['Irish Minister of the Environment Sean Daly']);
  });

  it('never takes a word opening the clause into the fuller name', () => {
    const text = 'Ferry Row Deepens\nShould Tarnco fail to pay, the harbour board could sue.\nTarnco said it would pay in full.';
    expect(found(text, true).map((s) => s.claimant)).toEqual(['Tarnco']);
  });

  it('keeps a fuller name of seven words before the surname whole', () => {
    const text = 'Tariff Talks Stall\nApril 2 - New York Federal Reserve Bank President Paul Dorn spoke at a dinner.\nDorn said the tariff would hurt exports.';
    expect(found(text, true).map((s) => s.claimant)).toEqual(['New York Federal Reserve Bank President Paul Dorn']);
  });
});

describe('pattern 5: titles and gender agree in coreference', () => {
  it('does not resolve "Mrs." to a man named earlier', () => {
    const text = 'Governor Paul Brennan attended the gala.\nMrs. Brennan said she believes the museum should stay open.';
    // The rules also find "she believes" inside the statement; the learned model keeps the one outer claim.
    const claimants = found(text).map((s) => s.claimant);
    expect(claimants[0]).toBe('Mrs. Brennan');
    expect(new Set(claimants)).toEqual(new Set(['Mrs. Brennan']));
  });

  it('resolves "Ms." to the woman the article calls "she"', () => {
    const text = 'Rita Okonjo said the count was fair.\nShe said the vote was clean.\nMs. Okonjo said the result stands.';
    expect(found(text).map((s) => s.claimant)).toEqual(['Rita Okonjo', 'Rita Okonjo', 'Rita Okonjo']);
  });
});

describe('pattern 4: a negated or non-committal cue asserts nothing', () => {
  it('does not make the subject of "have not said" assert the content', () => {
    const text = '"The wells are safe," Duarte said, though Ibsen and other engineers have not said the pumping will resume.';
    expect(found(text)).toEqual([{ claimant: 'Duarte', stance: 'asserts', cue: 'said' }]);
  });

  it('makes no claimant of a document that "does not show" something, nor of a noun in its content', () => {
    const text = 'The audit does not show that the mayor\'s aides approved the payments.';
    expect(found(text)).toEqual([]);
  });

  it('treats "never said" alike, and keeps the cue when asked to (PolNeAR scoring)', () => {
    const text = 'Senator Ada Quill never said the bill was dead.';
    expect(found(text)).toEqual([]);
    expect(findStatements(text, sentences(text), { negated: true }).map((s) => s.claimant)).toEqual(['Senator Ada Quill']);
  });
});

describe('pattern 2: quote-only paragraphs', () => {
  /** Claimant, kind and text of the statements whose span is a whole paragraph opening with a quotation mark. */
  const quoted = (text: string) =>
    findStatements(text, sentences(text), { keepSourceless: false })
      .filter((s) => /^["“]/.test(text.slice(s.span.start, s.span.end)))
      .map((s) => ({ claimant: s.claimant, kind: s.kind, text: text.slice(s.span.start, s.span.end) }));

  it('carries the speaker of "X told the crowd:" into the quotation paragraphs after it', () => {
    const text = 'Councillor Ruth Abara spoke at the depot on Wednesday.\nAbara told the striking drivers:\n"Your pay claim is fair."\n"The council has the money."';
    expect(quoted(text)).toEqual([
      { claimant: 'Councillor Ruth Abara', kind: 'attributed', text: '"Your pay claim is fair."' },
      { claimant: 'Councillor Ruth Abara', kind: 'attributed', text: '"The council has the money."' },
    ]);
  });

  it('carries the named speaker of the quotation in the paragraph before', () => {
    const text = '"We will appeal," said Judge Tomas Reyes.\n"This ruling cannot stand."';
    expect(quoted(text).at(-1)).toEqual({ claimant: 'Judge Tomas Reyes', kind: 'attributed', text: '"This ruling cannot stand."' });
  });

  it('leaves a quotation with no speaker in the text unattributed, not the outlet\'s', () => {
    const text = 'The depot was quiet by evening.\n"Nobody here wants a strike."';
    const found = findStatements(text, sentences(text), { keepSourceless: false, outletStatements: true, outlet: 'Metro Daily' });
    expect(found.map((s) => [s.kind, s.claimant, text.slice(s.span.start, s.span.end)])).toEqual([
      ['outlet', 'Metro Daily', 'The depot was quiet by evening.'],
      ['quotation', null, '"Nobody here wants a strike."'],
    ]);
  });

  it('carries the described speaker, not a statement inside the description, into the quotation after it', () => {
    const text = '"Do they read the papers?" said Ed Lund, a Tarn superdelegate and Holm supporter who has accused Berg supporters of harassing his peers. "Are they reading some chain email with bogus numbers?"';
    const going = findStatements(text, sentences(text), { keepSourceless: false }).filter((s) => text.slice(s.span.start, s.span.end).startsWith('"Are'));
    expect(going.map((s) => [s.kind, s.claimant])).toEqual([['attributed', 'Ed Lund']]);
  });

  it('carries a speaker whose quotation follows a time phrase ("pointed out in December, “…”")', () => {
    const text = 'As harbour pilot Ida Lund pointed out in December, “The fees will rise again.”\n“The board has no plan for the pier.”';
    expect(quoted(text).at(-1)).toEqual({ claimant: 'harbour pilot Ida Lund', kind: 'attributed', text: '“The board has no plan for the pier.”' });
  });

  it('carries nobody into a quotation paragraph that names the speaker, nor past it', () => {
    const text = 'As harbour pilot Ida Lund pointed out in December, “The fees will rise again.”\n“One flaw of Lund’s piece is that it ignores the pier.”\n“The board knows this.”';
    expect(quoted(text).map((s) => [s.kind, s.claimant])).toEqual([['quotation', null], ['quotation', null]]);
  });

  it('takes a transcript\'s speaker label, and the turn goes on in the next quoted paragraph', () => {
    const text = 'Partial transcript follows.\n"HOST: Will you run?\n"MARTINEZ: No. I have made up my mind.\n"My family comes first.';
    expect(quoted(text).map((s) => [s.claimant, s.text])).toEqual([
      ['HOST', '"HOST: Will you run?'],
      ['MARTINEZ', '"MARTINEZ: No.'],
      ['MARTINEZ', '"My family comes first.'],
    ]);
  });
});

describe('newsroom labels are not speakers', () => {
  it('does not read "UPDATE:" or "BREAKING:" opening a paragraph as a transcript speaker', () => {
    const text = 'The depot will close.\nUPDATE: 5/12 — The council has removed the listing from its site.\nBREAKING: Crews are at the harbour wall.';
    expect(found(text).map((s) => s.claimant)).toEqual([]);
  });

  it('still reads a speaker label in the same place', () => {
    const text = 'The depot will close.\nKOWAL: The council has removed the listing from its site.';
    expect(found(text).map((s) => s.claimant)).toEqual(['KOWAL']);
  });
});

describe('pattern 1: a headline reports one statement', () => {
  it('does not make a second claimant of a noun inside the headline\'s content', () => {
    const text = 'Mayor Says Harbour Board Will Admit Its Errors\n"We will see," Mayor Lin Tao said.';
    expect(found(text, true).map((s) => s.claimant)).toEqual(['Mayor', 'Mayor Lin Tao']);
  });
});

describe('a source is a noun phrase, never a prepositional opening', () => {
  it('takes no claimant from "Following early reports of …"', () => {
    const text = 'Following early reports of the flood, the river authority said the dam held.';
    expect(found(text).map((s) => [s.claimant, s.cue])).toEqual([['river authority', 'said']]);
  });
});
