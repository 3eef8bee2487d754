import { describe, expect, it } from 'vitest';
import { analyseClaims } from '../../src/claims/analyser.js';
import { bodyArticle } from '../helpers/articles.js';

describe('claims analyser', () => {
  it('keeps a statement whose claimant is a document or study ("according to a new analysis"), so its sentence is not shown as the outlet’s own reporting', () => {
    const text = 'Councilwoman Ortiz clearly won the budget hearing, according to an independent analysis of the testimony.';
    const article = bodyArticle('a1', { title: 'Budget hearing', outlet: 'The Ledger' }, text);
    const found = analyseClaims(article).statements.filter((s) => s.kind === 'attributed');
    expect(found.map((s) => text.slice(s.cue.start, s.cue.end))).toEqual(['according to']);
    expect(found[0]!.claimant).toMatch(/analysis/);
  });

  it('still drops a claimant that names no speaker nor document ("the weather suggested")', () => {
    const text = 'The storm, the weather service said, was weakening; the calm morning suggested otherwise.';
    const article = bodyArticle('a2', { title: 'Storm', outlet: 'The Ledger' }, text);
    const claimants = analyseClaims(article).statements.filter((s) => s.kind === 'attributed').map((s) => s.claimant);
    expect(claimants).not.toContain('calm morning');
  });
});
