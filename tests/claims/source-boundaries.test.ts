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
});
