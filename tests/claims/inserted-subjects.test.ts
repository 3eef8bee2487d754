import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { lines } from '../helpers/sentences.js';

/** The source of the attributed statement whose cue is `cue`, as written (what `/claim` runs). */
function sourceOf(text: string, cue: string): string | null | undefined {
  const found = findStatements(text, lines(text)).find((s) => s.kind === 'attributed' && text.slice(s.cue.start, s.cue.end).split(' ').includes(cue));
  return found ? (found.source ? text.slice(found.source.start, found.source.end) : null) : undefined;
}

describe('a subject before an inserted phrase (issue 14)', () => {
  it('finds the subject before a phrase that ends in a quotation closed after its comma', () => {
    expect(sourceOf('Ida Lund, who calls the harbour board a “farce,” said the pier would close.', 'said')).toBe('Ida Lund');
    expect(sourceOf("Mr. Okafor, citing ''the sheer cost of steel,'' said the bridge was doomed.", 'said')).toBe('Mr. Okafor');
    // A description ending in a quoted title is part of the source as written.
    expect(sourceOf('Rosa Vidal, a host of "Dock Talk," argued that the ferry was unsafe.', 'argued')).toBe('Rosa Vidal, a host of "Dock Talk,"');
  });

  it('finds the subject before a phrase set between double hyphens, spaced hyphens or bars', () => {
    expect(sourceOf('Aldo Ferreira -- co-author of Tides, a guide to the harbour, -- said the fees were too high.', 'said')).toBe('Aldo Ferreira -- co-author of Tides, a guide to the harbour, --');
    expect(sourceOf('Mrs. Haddad -- whose brother built the pier -- has publicly denied that it is unsafe.', 'denied')).toBe('Mrs. Haddad');
    expect(sourceOf('The harbour master ― who has feuded with the board for weeks ― said she regretted her remarks.', 'said')).toBe('The harbour master');
    expect(sourceOf('Councillor Amadi - in a speech to dockers - said the depot would stay open.', 'said')).toBe('Councillor Amadi');
  });

  it('gives an -ing cue after an inserted phrase and an auxiliary the subject before the phrase', () => {
    expect(sourceOf('Ana Poll, speaking at a rally in Tarnby, is arguing that the pier must close.', 'arguing')).toBe('Ana Poll');
    expect(sourceOf('Former Mayor Ana Poll, for her part, is insisting that the fees are fair.', 'insisting')).toBe('Former Mayor Ana Poll');
  });

  it('reads a subject across an abbreviation closing parentheses, and a group before the members it includes', () => {
    expect(sourceOf('Ida Lund, an aide to Sen. Tove Berg (D-Ore.), said the pier must close.', 'said')).toBe('Ida Lund, an aide to Sen. Tove Berg (D-Ore.),');
    expect(sourceOf('But others, including Sen. Ana Poll (D-Ariz.) and Rep. Tove Berg (D-Ore.), said the pier must close.', 'said')).toBe('others, including Sen. Ana Poll (D-Ariz.) and Rep. Tove Berg (D-Ore.),');
  });

  it('gives a participle after the clause the subject before an adverbial or participle phrase set in', () => {
    expect(sourceOf('Ana Poll, meanwhile, was touring the harbour, saying the pier was unsafe.', 'saying')).toBe('Ana Poll');
    expect(sourceOf('Tove Berg, looking tired, toured the pier, saying it was unsafe for dockers.', 'saying')).toBe('Tove Berg');
    // An opening phrase ending in a place is no subject: the name after it is.
    expect(sourceOf('At a rally in Tarnby, Ohio, on Sunday, Mayor Ana Poll toured the pier, saying it was unsafe.', 'saying')).not.toBe('Ohio');
  });
});
