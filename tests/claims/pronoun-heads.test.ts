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
  // (Rules only: the resolution tested here is the rules' own; whether the learned model keeps a source is not.)
  return findStatements(text, lines(text), { chooser: null, tagger: null, cueEdges: null }).map((s) => `${s.claimant ?? ''}|${text.slice(s.cue.start, s.cue.end)}`);
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

describe('"who"/"which" stand for the noun right before them (claimant.relative-noun-before)', () => {
  it.each([
    ['The new plan has won over Ida Lund, who came out and endorsed the mayor on Tuesday.', 'Ida Lund|endorsed', 'won over Ida Lund|endorsed'],
    ['Brandt said he has had no meetings with harbour pilots who have suggested that the pier close.', 'harbour pilots|suggested', 'no meetings with harbour pilots|suggested'],
    ['Both the Tarn and Ostby camps ran slates of dockside candidates who pledged their support to the union.', 'dockside candidates|pledged', 'Both the Tarn and Ostby camps ran slates of dockside candidates|pledged'],
    ['Tarnland and Ostland are members of the Harbour Trade Organization, which writes the rules of the port.', 'Harbour Trade Organization|writes', 'members of the Harbour Trade Organization|writes'],
  ])('%s', (text, now, before) => {
    expect(shown(text)).toContain(now);
    switchRulesOff(['claimant.relative-noun-before']);
    expect(shown(text)).toContain(before);
  });

  it('gives "which" the body, not the person its description names', () => {
    const text = 'Ed Lund, the president of the Tarn Dockers Union, which endorsed the strike in May, said the pier was unsafe.';
    expect(shown(text)[0]).toBe('Tarn Dockers Union|endorsed');
    switchRulesOff(['claimant.relative-noun-before']);
    expect(shown(text)[0]).toBe('Ed Lund|endorsed');
  });

  it('keeps a list of names and a described person whole', () => {
    expect(shown('Ida Lund and Ed Berg, who say the pier is safe, spoke on Monday.')).toContain('Ida Lund and Ed Berg|say');
    expect(shown('Karin Holm, a director of Harbour Watch, who added that the pier was safe, left early.')).toContain('Karin Holm|added');
  });
});

describe('a capitalised modifier stays with the noun "who" stands for (claimant.relative-name-modifier)', () => {
  it.each([
    ['The delay could increase anxiety among Tarnese supporters who hoped the pier would stay open.', 'Tarnese supporters|hoped', 'supporters|hoped'],
    ['The mayor heard a lecture from the Ostlandic minister, who said the pier would never be paid for.', 'Ostlandic minister|said', 'minister|said'],
  ])('%s', (text, now, before) => {
    expect(shown(text)).toContain(now);
    switchRulesOff(['claimant.relative-name-modifier']);
    expect(shown(text)).toContain(before);
  });
});

describe('a date before "which" is no antecedent (claimant.relative-not-date)', () => {
  it('shows nobody for "the figures released Friday, which showed"', () => {
    const text = 'The rise was reflected in the harbour figures released Friday, which showed the largest increase since 1979.';
    expect(shown(text)).not.toContain('Friday|showed');
    switchRulesOff(['claimant.relative-not-date']);
    expect(shown(text)).toContain('Friday|showed');
  });
});

describe('a person named with the firm they speak for is a person (claimant.person-of-firm)', () => {
  const text = 'Analyst Ed Lund said the pier was safe.\nLund said fees would fall.\nEconomist Susan Berg of Tarn Securities Inc said fees would rise.\nShe said the port would grow.';
  it('lets "she" stand for her, not for the analyst before', () => {
    expect(shown(text).at(-1)).toBe('Economist Susan Berg of Tarn Securities Inc|said');
    switchRulesOff(['claimant.person-of-firm']);
    expect(shown(text).at(-1)).not.toBe('Economist Susan Berg of Tarn Securities Inc|said');
  });

  it('needs a known given name: "Tarnby Holm of Ostby Inc" may be a firm', () => {
    expect(shown('Tarnby Holm of Ostby Inc said fees would rise.\nHe said the port would grow.').at(-1)).toBe('|said');
  });
});
