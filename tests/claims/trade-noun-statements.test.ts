/**
 * A body named by its trade ("the utility", "the concern", "the exchange") or one person named by a job ("one
 * dealer", "a senior banker") is a speaker: `/claim` shows the statement instead of dropping it. Sentences written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyseClaims } from '../../src/claims/analyser.js';
import { bodyArticle } from '../helpers/articles.js';

function shown(text: string): Array<string | null> {
  const article = bodyArticle('t1', { title: 'Harbour fares', outlet: 'The Ledger' }, text);
  return analyseClaims(article).statements.filter((s) => s.kind === 'attributed').map((s) => s.claimant);
}

describe('a speaker named by a trade or a job', () => {
  it('keeps "the concern said", "the utility said", "the exchange said" when no company was named before', () => {
    expect(shown('The concern said the money would repay harbour debt.')).toEqual(['concern']);
    expect(shown('The utility said the new turbines at the harbour were late.')).toEqual(['utility']);
    expect(shown('Ferry seats sold for a record price on Friday, the exchange said.')).toEqual(['exchange']);
  });

  it('keeps one person named by a job ("one dealer", "a senior banker"), not "the narrator" or "the businessman"', () => {
    expect(shown('"Fares will not fall this year," one dealer said.')).toEqual(['one dealer']);
    expect(shown('Harbour fees will rise in May, a senior banker said.')).toEqual(['a senior banker']);
    expect(shown('The harbour is closing, the narrator said.')).not.toContain('narrator');
  });
});
