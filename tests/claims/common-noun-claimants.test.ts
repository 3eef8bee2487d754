/**
 * A speaker written as a common noun ("the company", "the … concern", "the bank", "the president") shows the name of
 * the one company or person the text has quoted that fits the noun, and stays the noun whenever that is unclear.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { claimants } from '../helpers/sentences.js';


describe('"the company", "the firm", "the concern" after a company named without a legal ending', () => {
  it('is that company when it is the only one quoted', () => {
    expect(claimants('Harbourline Shipping said fares would rise in May.\nThe company said the new boats were late.')).toEqual(['Harbourline Shipping', 'Harbourline Shipping']);
    expect(claimants('Harbourline Shipping said fares would rise in May.\nThe concern said the new boats were late.')).toEqual(['Harbourline Shipping', 'Harbourline Shipping']);
    // (Called "the company", it is no person: a later "it" stands for it.)
    expect(claimants('Harbourline Shipping said fares would rise in May.\nThe firm said the new boats were late.\nIt said the old ones would be sold.')).toEqual(['Harbourline Shipping', 'Harbourline Shipping', 'Harbourline Shipping']);
  });

  it('takes a place before the noun only when the sentence that quoted the company names it', () => {
    expect(claimants('ELKTON, May 3 - Harbourline Shipping said fares would rise.\nThe Elkton ferry concern said the new boats were late.')).toEqual(['Harbourline Shipping', 'Harbourline Shipping']);
    expect(claimants('Harbourline Shipping said fares would rise.\nThe Elkton ferry concern said the new boats were late.')[1]).toBe('Elkton ferry concern');
  });

  it('stays the noun with two companies quoted, a parent or new company, a person, or a union', () => {
    expect(claimants('Harbourline Shipping said fares would rise.\nTarnwell Energy said fuel would cost more.\nThe company said the new boats were late.')[2]).toBe('company');
    expect(claimants('Harbourline Shipping said fares would rise.\nThe parent company said the new boats were late.')[1]).toBe('parent company');
    expect(claimants('Ivo Lund of Tarnwell Securities said fares would rise.\nThe company said the new boats were late.')[1]).toBe('company');
    expect(claimants('Harbour Workers of Tarnwell said fares would rise.\nThe company said the new boats were late.')[1]).toBe('company');
  });
});

describe('"the bank"', () => {
  it('is the one company quoted when its name is a bank\'s, and stays "bank" after another company', () => {
    expect(claimants('Harbour Trustco Corp said loans would rise.\nThe bank said the new branch was late.')).toEqual(['Harbour Trustco Corp', 'Harbour Trustco Corp']);
    expect(claimants('Harbourline Shipping said fares would rise.\nThe bank said the loans were late.')[1]).toBe('bank');
  });
});

describe('"the central bank"', () => {
  it('is the one bank quoted when its name is a central bank\'s, and stays "central bank" after a commercial bank', () => {
    expect(claimants('The Tarnese Central Bank said reserves rose in May.\nThe central bank said the currency was stable.')).toEqual(['Tarnese Central Bank', 'Tarnese Central Bank']);
    expect(claimants('The Reserve Bank of Tarnland said reserves rose in May.\nThe bank said the currency was stable.')).toEqual(['Reserve Bank of Tarnland', 'Reserve Bank of Tarnland']);
    expect(claimants('Harbour Trustco Bank said loans rose in May.\nThe central bank said the currency was stable.')[1]).toBe('central bank');
  });
});

describe('a company named with "and" before its legal ending', () => {
  it('is one company ("Tarn Science and Technology Inc"), but a person and a company are two', () => {
    expect(claimants('Tarnwell Science and Technology Inc said fares would rise.\nThe company said the new boats were late.')).toEqual(['Tarnwell Science and Technology Inc', 'Tarnwell Science and Technology Inc']);
    expect(claimants('Ivo Lundqvist and Tarnwell Capital Inc said they would bid.\nThe company said the offer was fair.')[1]).toBe('company');
  });
});

describe('"the president"', () => {
  it('is the latest person quoted when the text shows that person holding the office', () => {
    expect(claimants('President Ivo Lund toured the harbour on Monday.\nLund said fares would rise.\nThe president said the new boats were late.')).toEqual(['President Ivo Lund', 'President Ivo Lund']);
    expect(claimants('Tarnline president Ema Holm said fares would rise.\nThe president said the new boats were late.')).toEqual(['Tarnline president Ema Holm', 'Tarnline president Ema Holm']);
  });

  it('stays "president" for a vice or former president, or when another president is named since', () => {
    expect(claimants('Vice President Ivo Lund said fares would rise.\nThe president said the new boats were late.')[1]).toBe('president');
    expect(claimants('President Ivo Lund said fares would rise.\nPresident Ema Holm of Tarnland arrived on Tuesday.\nThe president said the new boats were late.').at(-1)).toBe('president');
  });
});

describe('"the department", "the agency", "the ministry" …', () => {
  it('is the one body of that head quoted so far', () => {
    expect(claimants('The Tarnese Harbour Department said fees would rise.\nThe department said the new pier was late.')).toEqual(['Tarnese Harbour Department', 'Tarnese Harbour Department']);
    expect(claimants('The Tarn Ferry Agency said fees would rise.\nFerries will run late in May, the agency said.')).toEqual(['Tarn Ferry Agency', 'Tarn Ferry Agency']);
  });

  it('stays as written with two bodies of that head quoted, or another named since', () => {
    expect(claimants('The Harbour Department said fees would rise.\nThe Ferry Department said boats were late.\nThe department said the new pier was late.')[2]).toBe('department');
    expect(claimants('The Harbour Department said fees would rise.\nA Ferry Department memo was leaked on Monday.\nThe department said the new pier was late.').at(-1)).toBe('department');
  });
});

describe('a company opening a paragraph as its subject', () => {
  it('is what a later "the company" stands for, though its own sentence made no statement', () => {
    expect(claimants('ELKTON, May 3 - <Tarnline Shipping Corp> agreed to buy two ferries.\n\nThe company said the deal was worth 5 mln dlrs.')).toEqual(['Tarnline Shipping Corp']);
    expect(claimants('ELKTON, May 3 - Tarnline Shipping Corp agreed to buy two ferries.\n\nBrandt Ferries Inc said it would sell them.\n\nThe company said the deal was worth 5 mln dlrs.').at(-1)).toBe('company');
  });

  it('is not "the company" when another name has spoken since', () => {
    expect(claimants('Tarnline Shipping said it would sue the port.\nBrandline said the suit was filed in May.\nThe suit seeks 5 mln dlrs, the company said.').at(-1)).toBe('company');
  });
});
