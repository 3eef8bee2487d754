/**
 * Whom an "it", "who" or "which" is shown as when its antecedent is written as a phrase: the phrase's head decides
 * (a person or a plural is never "it"). Every sentence here is written for the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { switchRulesOff } from '../../src/claims/rules.js';
import { lines } from '../helpers/sentences.js';

afterEach(() => switchRulesOff([]));

/** Claimant and cue of each statement, in order. */
function shown(text: string): string[] {
  return findStatements(text, lines(text)).map((s) => `${s.claimant ?? ''}|${text.slice(s.cue.start, s.cue.end)}`);
}

describe('"it" never stands for a phrase headed by a person or a plural (claimant.it-not-person-head)', () => {
  it('is no source familiar with an inquiry', () => {
    const text = 'But a source familiar with the harbour inquiry said the divers had been warned.\n\nIt accused the board of hiding the cost.';
    expect(shown(text)).not.toContain('a source familiar with the harbour inquiry|accused');
    switchRulesOff(['claimant.it-not-person-head']);
    expect(shown(text)).toContain('a source familiar with the harbour inquiry|accused');
  });

  it('is no counsellor of a department, and no commissioner named with his title', () => {
    const a = 'There was no sign of frost damage in the barley, the Tarn Farm Department\'s counsellor in Ostby said in a field report.\n\nLater sowing will help the crop catch up, it said.';
    expect(shown(a).at(-1)).toBe('|said');
    const b = 'Harbour Trade Commissioner Ivo Brandt has written to the board.\n\n"The levy would harm our trade," it said.';
    expect(shown(b).at(-1)).toBe('|said');
    switchRulesOff(['claimant.it-not-person-head']);
    expect(shown(a).at(-1)).toBe("Tarn Farm Department's counsellor in Ostby|said");
    expect(shown(b).at(-1)).toBe('Harbour Trade Commissioner Ivo Brandt|said');
  });

  it('is no plural opening the sentence with a phrase after it', () => {
    const text = 'Papers from the Tarn Harbour Board began circulating after it announced a leak.';
    expect(shown(text)).not.toContain('Papers from the Tarn Harbour Board|announced');
    switchRulesOff(['claimant.it-not-person-head']);
    expect(shown(text)).toContain('Papers from the Tarn Harbour Board|announced');
  });

  it('keeps a body named with a plural, a firm ending in -s and a bank of a country', () => {
    expect(shown('Gold Mines of Tarnland Ltd said sales fell.\n\nIt said prices would rise.')).toEqual(['Gold Mines of Tarnland Ltd|said', 'Gold Mines of Tarnland Ltd|said']);
    expect(shown('Bank of Tarnland said deposits fell.\n\nIt said rates would rise.')).toEqual(['Bank of Tarnland|said', 'Bank of Tarnland|said']);
  });
});
