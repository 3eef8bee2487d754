/**
 * "the spokesman", "the official", "the sources" written alone show the claimant the text named with that noun a little
 * earlier, and stay the bare noun whenever two could be meant. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { claimants } from '../helpers/sentences.js';

describe('"the spokesman", "the official", "the sources" (claimant.the-role-noun)', () => {
  it('is the one claimant named with that noun a few sentences before', () => {
    const spokesman = claimants('A Tarnline spokesman said fares would rise in May.\nThe spokesman said the new boats were late.');
    expect(spokesman[0]).toMatch(/Tarnline spokesman$/);
    expect(spokesman[1]).toBe(spokesman[0]);
    expect(claimants('Harbour sources said the ferry would be sold.\nThe sources said the price was 5 mln dlrs.')).toEqual(['Harbour sources', 'Harbour sources']);
    expect(claimants('Ana Lund, a senior harbour official, said the pier was unsafe.\nThe official said repairs would take a year.')[1]).toBe(claimants('Ana Lund, a senior harbour official, said the pier was unsafe.')[0]);
  });

  it('stays the noun after two claimants of that noun, another of it written since, or a bare noun', () => {
    expect(claimants('A Tarnline spokesman said fares would rise.\nA harbour spokesman said the pier was closed.\nThe spokesman said the new boats were late.')[2]).toBe('spokesman');
    expect(claimants('A Tarnline spokesman said fares would rise.\nA harbour spokeswoman declined to comment on the pier.\nThe spokesman said the new boats were late.')[1]).toBe('spokesman');
    expect(claimants('An aide said fares would rise.\nThe aide said the new boats were late.')[1]).toBe('aide');
  });

  it('never takes a claimant of another noun or number', () => {
    expect(claimants('A harbour official said fares would rise.\nThe officials said the new boats were late.')[1]).toBe('officials');
    expect(claimants('A Tarnline spokesman said fares would rise.\nThe official said the new boats were late.')[1]).toBe('official');
  });
});

describe('"the senator", "the candidate" (claimant.the-office)', () => {
  it('is the latest person quoted when the text shows that person holding the office', () => {
    const senator = claimants('Sen. Ana Lund said the pier was unsafe.\nThe senator said repairs would take a year.');
    expect(senator[1]).toBe(senator[0]);
    const candidate = claimants('Harbour candidate Ivo Berg said the pier was unsafe.\nThe candidate said repairs would take a year.');
    expect(candidate[1]).toBe(candidate[0]);
  });

  it('stays the noun when the office is not shown or another of it is written since', () => {
    expect(claimants('Ana Lund said the pier was unsafe.\nThe senator said repairs would take a year.')[1]).toBe('senator');
    expect(claimants('Sen. Ana Lund said the pier was unsafe.\nSen. Ivo Berg disagreed with her at length on Monday.\nThe senator said repairs would take a year.').at(-1)).toBe('senator');
  });
});
