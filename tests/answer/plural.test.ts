/** The one counted-noun helper every command's headline and notes use. */
import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/answer/plural.js';

describe('countOf', () => {
  it('is singular for exactly one and plural for zero, two and more', () => {
    expect(countOf(1, 'passage')).toBe('1 passage');
    expect(countOf(0, 'article')).toBe('0 articles');
    expect(countOf(2, 'article')).toBe('2 articles');
    expect(countOf(1000, 'topic')).toBe('1000 topics');
  });

  it('pluralises the last word of a phrase by default', () => {
    expect(countOf(1, 'more new article')).toBe('1 more new article');
    expect(countOf(3, 'more new article')).toBe('3 more new articles');
  });

  it('takes an irregular plural as given', () => {
    expect(countOf(1, 'syndicated copy', 'syndicated copies')).toBe('1 syndicated copy');
    expect(countOf(4, 'syndicated copy', 'syndicated copies')).toBe('4 syndicated copies');
    expect(countOf(2, 'claim or denial', 'claims and denials')).toBe('2 claims and denials');
  });
});
