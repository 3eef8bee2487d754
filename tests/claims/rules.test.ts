/**
 * The rule registry: every rule's example is a sentence the rule fires on, and switching the rule
 * off changes what attribution finds there, so no registered rule is dead or untested.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { RULES, resetRuleFires, ruleFires, switchRulesOff, type RuleId } from '../../src/claims/rules.js';
import { productSentences } from '../helpers/sentences.js';
import type { RawStatement } from '../../src/claims/types.js';
/** The registry is about the rules themselves, so they are read without the learned model (which may drop the same source a rule vetoes). */

/** What attribution finds in a text as `/claim` reads it, as comparable rows (cue, source, claimant, stance, content, and the claimant's keys, which merge names in a heading). */
function rows(text: string, headline: boolean, polnear = false): string[] {
  const sentences = productSentences(text).map((s) => (headline && s.block === 0 ? { ...s, kind: 'title' as const } : s));
  // A rule of PolNeAR's wider scope is read as eval:attribution reads PolNeAR (one attribution per token, actions kept).
  // (A source model's place is held by one that changes nothing: some PolNeAR-scope rules apply only after a model's review.)
  const scope = polnear ? { nested: false, actions: true, negated: true, tagger: null, cueEdges: null, chooser: (_t: string, _u: unknown, raws: RawStatement[]) => raws } : { chooser: null };
  return findStatements(text, sentences, { keepSourceless: false, ...scope }).map(
    (s) => `${text.slice(s.cue.start, s.cue.end)}|${s.source ? text.slice(s.source.start, s.source.end) : ''}|${s.claimant ?? ''}|${s.stance}|${text.slice(s.content.start, s.content.end)}|${s.claimantKeys.join(';')}`,
  );
}

afterEach(() => switchRulesOff([]));

describe('every registered rule', () => {
  it.each(Object.keys(RULES) as RuleId[])('%s fires on its example and changes the result there', (id) => {
    const { text, headline = false, scope } = RULES[id].example as { text: string; cue: string; headline?: boolean; scope?: 'polnear' };
    const polnear = scope === 'polnear';
    switchRulesOff([]);
    resetRuleFires();
    const on = rows(text, headline, polnear);
    expect(ruleFires().get(id) ?? 0).toBeGreaterThan(0);
    switchRulesOff([id]);
    expect(rows(text, headline, polnear)).not.toEqual(on);
  });
});
