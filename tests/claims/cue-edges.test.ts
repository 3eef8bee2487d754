import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { growBy, growCues, MIN_CASES, shippedEdges, type CueEdges } from '../../src/claims/model/cue-edges.js';
import { learnCueEdges } from '../../src/claims/model/cue-edges-train.js';
import { readBrat, type GoldArticle } from '../../src/claims/model/train.js';
import { tokenize } from '../../src/claims/tokens.js';
import { lines } from '../helpers/sentences.js';

const cueOf = (text: string, s: { cue: { start: number; end: number } }) => text.slice(s.cue.start, s.cue.end);

describe('cue edges (PolNeAR cue convention)', () => {
  const edges: CueEdges = {
    version: 2,
    cue: {
      left: { '1|also': [10, 2, 1], '2|also has': [10, 9, 1], '1|mayor': [20, 0, 19] },
      right: { '1|for': [10, 8, 2], '1|that': [30, 1, 29], '1|in': [MIN_CASES - 1, MIN_CASES - 1, 0] },
    },
    source: { left: { '-1|both': [10, 9, 1], '-1|the': [50, 20, 30] }, right: {} },
  };

  it('moves an edge by the words whose context most often ended the gold span, when that beats staying in the same cases; not when unseen or rare', () => {
    const words = (s: string) => tokenize(s);
    expect(growBy(edges.cue.left, words('also has the'))).toBe(2);
    expect(growBy(edges.cue.left, words('mayor the'))).toBe(0);
    expect(growBy(edges.cue.right, words('for a vote'))).toBe(1);
    expect(growBy(edges.cue.right, words('that the'))).toBe(0);
    // Seen fewer than MIN_CASES times: left as it is.
    expect(growBy(edges.cue.right, words('in a statement'))).toBe(0);
    expect(growBy(edges.cue.right, words('nobody knows'))).toBe(0);
    // Trims: "Both" leaves a source; "the" usually stays (20 of 50 against 30 of 50).
    expect(growBy(edges.source!.left, [], words('Both Smith'))).toBe(-1);
    expect(growBy(edges.source!.left, [], words('the mayor'))).toBe(0);
    // A one-word span is never trimmed away.
    expect(growBy(edges.source!.left, [], words('Both'))).toBe(0);
  });

  it('trims a source by its learned edge and leaves its cue alone when nothing is learned for it', () => {
    const text = 'Both Smith and Jones said the plan works.';
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const moved = growCues(edges, text, [{ start: 0, end: text.length, sentence: 0, title: false }], [{ cue: at('said'), source: at('Both Smith and Jones') }]);
    expect(text.slice(moved[0]!.source!.start, moved[0]!.source!.end)).toBe('Smith and Jones');
    expect(cueOf(text, moved[0]!)).toBe('said');
  });

  it('grows a statement\'s cue over its auxiliary and adverb and its particle, never into its source, and moves nothing else', () => {
    const text = 'The council has also called for a new vote.';
    const statements = findStatements(text, lines(text), { actions: true, nested: false, cueEdges: null, tagger: null, chooser: null });
    expect(statements.map((s) => cueOf(text, s))).toEqual(['called']);
    const units = [{ start: 0, end: text.length, sentence: 0, title: false }];
    const grown = growCues(edges, text, units, statements);
    expect(cueOf(text, grown[0]!)).toBe('has also called for');
    expect(grown[0]!.source).toEqual(statements[0]!.source);
    expect(grown[0]!.content).toEqual(statements[0]!.content);
    // A source right before the cue stops the growing: "Mayor also" would take the source's word.
    const t2 = 'Officials also said they would wait.';
    const s2 = findStatements(t2, lines(t2), { actions: true, nested: false, cueEdges: null, tagger: null, chooser: null });
    const g2 = growCues({ version: 2, cue: { left: { '1|also': [10, 10, 0], '2|also officials': [10, 10, 0] }, right: {} } }, t2, [{ start: 0, end: t2.length, sentence: 0, title: false }], s2);
    expect(cueOf(t2, g2[0]!)).toBe('also said');
  });

  it('counts on gold how far past the rules\' cue the gold cue ends', () => {
    const text = 'Smith has said that the plan works.\nJones has said that it fails.\nLee called for a vote.';
    const ann = [
      ['T1', 'Cue', 'has said', 0], ['T2', 'Source', 'Smith', 0], ['T3', 'Cue', 'has said', 1], ['T4', 'Source', 'Jones', 0], ['T5', 'Cue', 'called for', 0], ['T6', 'Source', 'Lee', 0],
    ] as const;
    let from = 0;
    const out: string[] = [];
    for (const [id, kind, words] of ann) {
      const at = text.indexOf(words, kind === 'Cue' ? from : 0);
      if (kind === 'Cue') from = at + 1;
      out.push(`${id}\t${kind} ${at} ${at + words.length}\t${words}`);
    }
    // Sources: Smith, Jones and Lee are each found from 0, which is fine as each name occurs once.
    out.push('E1\tAttribution:T1 Cue:T1 Source:T2', 'E2\tAttribution:T3 Cue:T3 Source:T4', 'E3\tAttribution:T5 Cue:T5 Source:T6');
    const gold: GoldArticle = { text, sentences: lines(text), gold: readBrat(text, out.join('\n')) };
    const learnt = learnCueEdges(Array.from({ length: MIN_CASES }, () => gold), null);
    expect(learnt.cue.left['1|has']).toEqual([2 * MIN_CASES, 2 * MIN_CASES, 0]);
    expect(learnt.cue.right['1|for']).toEqual([MIN_CASES, MIN_CASES, 0]);
    // The sources were right as the rules marked them: every move counted, none exact.
    expect(learnt.source!.left['1|,']).toBeUndefined();
    expect(Object.values(learnt.source!.left).every(([, exact, stay]) => exact === 0 && stay > 0)).toBe(true);
  });

  it('with the shipped edges, PolNeAR scope marks "has also said" and "called for"; /claim\'s scope keeps the verb', () => {
    expect(shippedEdges()).not.toBeNull();
    const text = 'The governor has also said that taxes will rise.\nThe union called for a strike on Monday.';
    const wide = findStatements(text, lines(text), { actions: true, nested: false });
    expect(wide.map((s) => cueOf(text, s))).toEqual(['has also said', 'called for']);
    const product = findStatements(text, lines(text), {});
    expect(product.map((s) => cueOf(text, s))).toEqual(['said', 'called']);
  });
});
