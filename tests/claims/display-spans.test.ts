/**
 * What /claim shows for a statement that shares its sentence with another claimant's (issue 14, patterns 6 and 8):
 * its own clause only where a clause ends, never a fragment cut mid-clause ("which harbour traders had urged her
 * to do.", "… followed the plan"), and always a verbatim run of the article.
 */
import { describe, expect, it } from 'vitest';
import { analyseClaims } from '../../src/claims/analyser.js';
import { closesClause, opensClause, ownSpan } from '../../src/claims/own-span.js';
import { ingestText } from '../../src/ingest/index.js';

/** Each attributed statement's claimant and the words shown for it. */
function shown(text: string): [string, string][] {
  const article = ingestText(text, { id: 'pier.md', meta: { outlet: 'Valley Post' } });
  const all = analyseClaims(article).statements;
  return all
    .filter((s) => s.kind === 'attributed')
    .map((s) => {
      const own = ownSpan(s, all, text);
      return [s.claimant ?? '', text.slice(own.start, own.end)] as [string, string];
    });
}

describe('a clause is shown on its own only where a clause ends', () => {
  it('shows a relative clause\'s statement with the sentence it hangs on', () => {
    const text = 'Pier row\n\nMayor Ida Marsh said the pier would stay shut until May, which harbour traders had urged her to do.';
    expect(shown(text)).toEqual([
      ['Mayor Ida Marsh', 'Mayor Ida Marsh said the pier would stay shut until May'],
      ['harbour traders', 'Mayor Ida Marsh said the pier would stay shut until May, which harbour traders had urged her to do.'],
    ]);
  });

  it('does not end a statement in the middle of its object ("followed the plan" | "the council proposed")', () => {
    const text = 'Pier row\n\nHarbour master Omar Sato said the new ferry route followed the plan the Tarn council proposed last year.';
    const whole = 'Harbour master Omar Sato said the new ferry route followed the plan the Tarn council proposed last year.';
    expect(shown(text)).toEqual([
      ['Harbour master Omar Sato', whole],
      ['Tarn council', whole],
    ]);
  });

  it('still splits side-by-side statements at ", and"', () => {
    const text = 'Pier row\n\nMayor Ida Marsh said the pier would stay shut, and harbour master Omar Sato insisted it would reopen in May.';
    expect(shown(text)).toEqual([
      ['Mayor Ida Marsh', 'Mayor Ida Marsh said the pier would stay shut'],
      ['harbour master Omar Sato', 'harbour master Omar Sato insisted it would reopen in May.'],
    ]);
  });

  it('reads clause edges', () => {
    expect(opensClause('The port was quiet, but ')).toBe(true);
    expect(opensClause('a hearing in which ')).toBe(true);
    expect(opensClause('sold its berth to Kessel Shipping Corp. ')).toBe(true);
    expect(opensClause('He apologised for nothing, something ')).toBe(false);
    expect(opensClause('the ferry, which ')).toBe(false);
    expect(opensClause('the talks with Mr. ')).toBe(false);
    expect(closesClause(', the mayor said.')).toBe(true);
    expect(closesClause(' according to the harbour log.')).toBe(true);
    expect(closesClause(' the council proposed last year.')).toBe(false);
  });
});

describe('a statement inside a relative clause is shown with its antecedent, not the whole sentence', () => {
  it('shows "a survey that X said was …" without the sentence\'s other finding', () => {
    const text = 'Pier row\n\nHowever, an audit released on Monday found no trace of the repairs nor of a harbour survey that Mayor Ida Marsh said was carried out in May.';
    // (The audit's own finding is a statement of its own, shown with its whole sentence.)
    expect(shown(text).filter(([claimant]) => claimant === 'Mayor Ida Marsh')).toEqual([['Mayor Ida Marsh', 'a harbour survey that Mayor Ida Marsh said was carried out in May.']]);
    expect(shown(text).map(([claimant]) => claimant)).not.toContain('harbour survey');
  });

  it('ends a ", which X said …," clause at its comma', () => {
    const text = 'Pier row\n\nThe new ferry tolls, which harbour master Omar Sato said will apply from June, will not cover cargo boats.';
    expect(shown(text)).toEqual([['harbour master Omar Sato', 'The new ferry tolls, which harbour master Omar Sato said will apply from June']]);
  });

  it('leaves a "that" after a verb alone: it opens what was said, no relative clause', () => {
    const text = 'Pier row\n\nOfficials noted that harbour master Omar Sato said the pier was safe.';
    for (const [, words] of shown(text)) expect(words).toBe('Officials noted that harbour master Omar Sato said the pier was safe.');
  });
});

describe('a "who" clause shown on its own starts at the name it is about', () => {
  it('shows the antecedent with the clause, not a bare "who has vowed …"', () => {
    const text = 'Pier row\n\nOn his show, Ivo Brandt praised harbour master Omar Sato, who has vowed to keep the pier shut until June.';
    expect(shown(text)).toEqual([
      ['Ivo Brandt', 'On his show, Ivo Brandt praised harbour master Omar Sato'],
      ['Omar Sato', 'harbour master Omar Sato, who has vowed to keep the pier shut until June.'],
    ]);
  });

  it('keeps a title\'s full stop inside the name ("Mr. Omar Sato, who …")', () => {
    const text = 'Pier row\n\nOn his show, Ivo Brandt praised Mr. Omar Sato, who has vowed to keep the pier shut until June.';
    const sato = shown(text).find(([, words]) => /who has vowed/.test(words) && !/praised/.test(words));
    expect(sato?.[1]).toBe('Mr. Omar Sato, who has vowed to keep the pier shut until June.');
  });
});
