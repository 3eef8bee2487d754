import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { cueCases, FEATURE_VERSION, makeChooser, pick, shippedChooser } from '../../src/claims/model/choose.js';
import { trainRanker, type RankerWeights } from '../../src/claims/model/ranker.js';
import { casesOf, readBrat, trainOn, type GoldArticle } from '../../src/claims/model/train.js';
import { lines } from '../helpers/sentences.js';

/** A gold article written for these tests: each attribution given as [source, cue] substrings. */
function article(text: string, attributions: Array<[string | null, string]>): GoldArticle {
  let from = 0;
  const ann: string[] = [];
  attributions.forEach(([source, cue], i) => {
    const c = text.indexOf(cue, from);
    ann.push(`T${2 * i + 1}\tCue ${c} ${c + cue.length}\t${cue}`);
    const parts = [`Cue:T${2 * i + 1}`];
    if (source) {
      const s = text.lastIndexOf(source, c) >= 0 && text.lastIndexOf(source, c) + source.length <= c ? text.lastIndexOf(source, c) : text.indexOf(source, c);
      ann.push(`T${2 * i + 2}\tSource ${s} ${s + source.length}\t${source}`);
      parts.push(`Source:T${2 * i + 2}`);
    }
    ann.push(`E${i + 1}\tAttribution:T${2 * i + 1} ${parts.join(' ')}`);
    from = c + cue.length;
  });
  return { text, sentences: lines(text), gold: readBrat(text, ann.join('\n')) };
}

const SLICE: GoldArticle[] = [
  article('The mayor of the town said the bridge would reopen in May.\nCritics of the plan, including two council members, argued that it cost too much.\n"We will not wait," said Ana Ruiz, a shop owner.', [
    ['The mayor of the town', 'said'], ['Critics of the plan, including two council members,', 'argued'], ['Ana Ruiz, a shop owner', 'said'],
  ]),
  article('Officials in the ministry said on Monday that talks had stalled.\nThe report, which was leaked last week, found no wrongdoing.\nHe added that a deal was close.', [
    ['Officials in the ministry', 'said'], ['The report, which was leaked last week,', 'found'], ['He', 'added'],
  ]),
];

describe('attribution model training', () => {
  it('learns the candidate the gold marks', () => {
    const examples = [{ features: [['none'], ['right', 'near']], gold: 1 }, { features: [['none'], ['wrong', 'near']], gold: 0 }];
    const w = trainRanker(examples, { epochs: 3 });
    expect((w['right'] ?? 0) + (w['near'] ?? 0)).toBeGreaterThan(w['none'] ?? 0);
    expect((w['wrong'] ?? 0) + (w['near'] ?? 0)).toBeLessThan(w['none'] ?? 0);
  });

  it('is deterministic: the same slice trained twice gives the same weights, byte for byte', () => {
    const a = trainOn(SLICE, { epochs: 4, seed: 7 });
    const b = trainOn(SLICE, { epochs: 4, seed: 7 });
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('reads the gold sources of the slice as written', () => {
    const [first] = SLICE;
    expect(first!.gold.map((g) => g.source && first!.text.slice(g.source.start, g.source.end))).toEqual(['The mayor of the town', 'Critics of the plan, including two council members,', 'Ana Ruiz, a shop owner']);
    expect(casesOf(first!).length).toBe(3);
  });
});

describe('the shipped attribution model', () => {
  const file = new URL('../../src/claims/model/weights.json', import.meta.url);

  it('loads and scores every cue of a text', () => {
    expect(existsSync(file)).toBe(true);
    const model = JSON.parse(readFileSync(file, 'utf8')) as RankerWeights;
    expect(model.version).toBe(FEATURE_VERSION);
    expect(shippedChooser()).not.toBeNull();
    const text = 'The senator said the vote would be close.';
    let scored = 0;
    const weights = new Map(Object.entries(model.weights));
    findStatements(text, lines(text), {
      chooser: (t, units, raws) => {
        for (const c of cueCases(t, units, raws)) {
          expect(Number.isFinite(pick(weights, c).margin)).toBe(true);
          scored++;
        }
        return raws;
      },
    });
    expect(scored).toBe(1);
  });

  it('keeps the rules where it is unsure: with margins out of reach it changes nothing', () => {
    const model = JSON.parse(readFileSync(file, 'utf8')) as RankerWeights;
    const never = makeChooser({ ...model, margins: { drop: 1e9, change: 1e9 } });
    const text = 'Ms. Okafor, the council’s treasurer, said the budget was balanced.\nIn Lagos, the heat wave continued, officials said.';
    const plain = findStatements(text, lines(text), { chooser: null });
    expect(findStatements(text, lines(text), { chooser: never })).toEqual(plain);
  });
});

describe('the model hook in findStatements', () => {
  it('drops the source of a belief reported inside another statement (the rules alone credit it to the noun in the content)', () => {
    const text = 'Mr. Adeyemi said his cousins believe the mill will reopen next spring.';
    const source = (chooser: null | 'shipped') => findStatements(text, lines(text), { chooser, nested: true }).map((s) => [text.slice(s.cue.start, s.cue.end), s.source && text.slice(s.source.start, s.source.end)]);
    // The rules alone: "his cousins" believe — words the article puts in Mr. Adeyemi's mouth.
    expect(source(null)).toEqual([['said', 'Mr. Adeyemi'], ['believe', 'his cousins']]);
    expect(source('shipped')).toEqual([['said', 'Mr. Adeyemi'], ['believe', null]]);
  });

  it('leaves the claims analyser nothing to credit to the noun in the content', () => {
    const text = 'Mr. Adeyemi said his cousins believe the mill will reopen next spring.';
    const claimants = findStatements(text, lines(text), { keepSourceless: false }).map((s) => s.claimant);
    expect(claimants).toEqual(['Mr. Adeyemi']);
  });
});

describe('the model hook on a run-on unit', () => {
  it('leaves a unit with more statements than it reviews to the rules (bounded work on a page with no sentence end)', () => {
    const clause = 'Mr. Adeyemi said his cousins believe the mill will reopen next spring; ';
    const text = clause.repeat(25).trim();
    // (Nested statements kept: the model's own decisions are what is read here.)
    const sources = findStatements(text, lines(text), { nested: true }).map((s) => s.source && text.slice(s.source.start, s.source.end));
    expect(sources.length).toBe(50);
    expect(sources.filter((s) => s === 'his cousins').length).toBe(25);
  });
});
