/**
 * Cue classes the rules found no cue for (issue 14): each class is read in the scope it belongs to
 * — PolNeAR's (one attribution per token, actions kept, as eval:attribution scores it) or /claim's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements, type FindOptions } from '../../src/claims/attribution.js';
import { switchRulesOff, type RuleId } from '../../src/claims/rules.js';
import { productSentences } from '../helpers/sentences.js';

/** PolNeAR's scope as eval:attribution reads it, rules only. */
const POLNEAR: FindOptions = { nested: false, actions: true, negated: true, chooser: null, tagger: null, cueEdges: null };
/** What `/claim` reads, rules only. */
const PRODUCT: FindOptions = { keepSourceless: false, chooser: null };

/** "cue|source" rows of what attribution finds. */
function found(text: string, options: FindOptions, title = false): string[] {
  const sentences = productSentences(text).map((s) => (title && s.block === 0 ? { ...s, kind: 'title' as const } : s));
  return findStatements(text, sentences, options).filter((s) => s.kind === 'attributed').map((s) => `${text.slice(s.cue.start, s.cue.end)}|${s.source ? text.slice(s.source.start, s.source.end) : ''}`);
}

afterEach(() => switchRulesOff([]));

/** `row` is not what /claim reads in `text`, and is once rule `id` is switched off. */
function droppedBy(id: RuleId, text: string, row: string): void {
  expect(found(text, PRODUCT)).not.toContain(row);
  switchRulesOff([id]);
  expect(found(text, PRODUCT)).toContain(row);
}

describe('a statement inside another statement\'s content (nested.own-speaker)', () => {
  /** A source model that reviewed every source and changed none. */
  const reviewed: FindOptions = { ...POLNEAR, chooser: (_text, _units, raws) => raws };
  const text = '"The ferry will stop in May," the harbour master said on Friday, according to the Tarn Gazette.';

  it('is kept in PolNeAR scope when no other statement names its speaker, once a source model reviewed the sources', () => {
    expect(found(text, reviewed)).toEqual(['said|the harbour master', 'according to|the Tarn Gazette']);
  });

  it('is dropped by the rules alone, and without the rule, as one attribution per token would have it', () => {
    expect(found(text, POLNEAR)).toEqual(['according to|the Tarn Gazette']);
    switchRulesOff(['nested.own-speaker']);
    expect(found(text, reviewed)).toEqual(['according to|the Tarn Gazette']);
  });
});

describe('a headline\'s poll label (colon.poll-label)', () => {
  const text = 'Poll: Harbour Voters Back the Ferry Levy\nThe levy passed in May.';

  it('reads "Poll:" as the poll reporting the headline, in PolNeAR scope', () => {
    expect(found(text, POLNEAR, true)).toEqual([':|Poll']);
  });

  it('reads it when the headline opens with the poll\'s figures', () => {
    expect(found('Poll: 3 Harbour Wards Are Too Close to Call\nThe levy passed in May.', POLNEAR, true)).toEqual([':|Poll']);
  });

  it('leaves the headline the outlet\'s own in /claim, and a label in the body alone', () => {
    expect(found(text, PRODUCT, true)).toEqual([]);
    expect(found('The race is close.\nPoll: a third of voters are undecided about the levy.', POLNEAR)).toEqual([]);
  });
});

describe('a round-up\'s "More from X:" (colon.more-from)', () => {
  it('quotes the names after "More from", without it', () => {
    expect(found('Turnout was low all day. - More from Ida Holm and Tom Vale: "The rain kept voters home."', PRODUCT)).toEqual([':|Ida Holm and Tom Vale']);
  });

  it('quotes "the report" after a "From" opening the sentence', () => {
    expect(found('Panels are not all alike. From the report: "Samples built with care do better."', PRODUCT)).toEqual([':|the report']);
  });

  it('leaves a colon after a place or a time alone', () => {
    expect(found('Voters came from Tarn: "We want the ferry back," one said.', PRODUCT).filter((r) => r.startsWith(':'))).toEqual([]);
  });
});

describe('"reads" of a written text (cue.read-without-document)', () => {
  it('is a cue after "it" closing a quotation, before a quotation, and after a suit, caption or headline', () => {
    expect(found('"The pier is closed to all ferries," it reads.', PRODUCT)).toEqual(['reads|it']);
    expect(found('At the foot of the flyer it reads, "Vote early."', PRODUCT)).toEqual(['reads|it']);
    expect(found('"The board broke its own rules," the suit reads.', PRODUCT)).toEqual(['reads|the suit']);
  });

  it('is no cue when a text only reads like something', () => {
    expect(found('The note was signed by the mayor, though it reads more like a press release.', PRODUCT)).toEqual([]);
  });
});

describe('a poll opening its sentence, with its respondents\' statement inside (poll.opening-with-respondents)', () => {
  const text = 'In a Tarn Gazette poll released on Monday, 60 percent of voters said the ferry should return.';

  it('reports its figures in PolNeAR scope, beside the respondents\' statement', () => {
    expect(found(text, POLNEAR)).toEqual(['In|a Tarn Gazette poll released on Monday', 'said|60 percent of voters']);
  });

  it('leaves /claim the respondents\' statement alone', () => {
    expect(found(text, PRODUCT)).toEqual(['said|60 percent of voters']);
  });
});

describe('a particular poll mid-sentence (poll.standing)', () => {
  it('reports the standing before it in PolNeAR scope, with what dates it', () => {
    expect(found('Mayor Kern fell to 10 percent in the latest Tarn Gazette poll released Wednesday, a collapse.', POLNEAR)).toEqual(['in|the latest Tarn Gazette poll released Wednesday']);
    expect(found('Ames led Lund by 28 points in the same poll.', POLNEAR)).toEqual(['in|the same poll']);
  });

  it('leaves "the polls" at large, a poll inside a subject, and /claim alone', () => {
    expect(found('Ames has a wide lead in the polls.', POLNEAR)).toEqual([]);
    expect(found('Most voters in a Tarn Gazette poll said the ferry should return.', POLNEAR)).toEqual(['said|Most voters in a Tarn Gazette poll']);
    expect(found('Ames led Lund by 28 points in the same poll.', PRODUCT)).toEqual([]);
  });
});

describe('a condition or a wish about what someone says (cue.hypothetical)', () => {
  it.each([
    ['If the ferry company says the pier is unsafe, the council will close it.', 'says|the ferry company'],
    ['Unless the harbour master tells them otherwise, the boats sail at noon.', 'tells|the harbour master'],
    ['I hope next spring the voters say the old mill should stay.', 'say|the voters'],
    ['She wished the mayor would admit that the bridge plan failed.', 'admit|the mayor'],
    ['Reporters asked whether the union agreed, and if the chairman believes the deal will hold.', 'believes|the chairman'],
    ['It is not clear whether the port director denied the leaked memo.', 'denied|the port director'],
  ])('%s reports nothing its subject said', (text, before) => droppedBy('cue.hypothetical', text, before));

  it('leaves a statement that only stands near "if", a name "Hope", and what someone did say inside a condition', () => {
    expect(found('If fees rise, the mayor said, the ferry will close.', PRODUCT)).toEqual(['said|the mayor']);
    expect(found('Board spokeswoman Hope Adair said the pier would reopen in May.', PRODUCT)).toEqual(['said|Board spokeswoman Hope Adair']);
    expect(found('If you read the letter in which the mayor said the pier was unsafe, the plan is dead.', PRODUCT)).toEqual(['said|the mayor']);
    expect(found('Hopes were expressed that the strike would end soon, the union said.', PRODUCT)).toContain('said|the union');
  });

  it('keeps the condition in PolNeAR\'s scope, which annotates it', () => {
    expect(found('If the ferry company says the pier is unsafe, the council will close it.', POLNEAR)).toContain('says|the ferry company');
  });
});

describe('a statement the subject refused or only wants to make (cue.declined-to, cue.wants-to)', () => {
  it.each([
    ['cue.declined-to', 'The ferry line declined to confirm that the Tuesday crossing would stop.', 'confirm|The ferry line'],
    ['cue.declined-to', 'Councillor Ames refused to say whether the mill would be sold.', 'say|Councillor Ames'],
    ['cue.wants-to', 'The dockers want to tell the board that the cranes are unsafe.', 'tell|The dockers'],
  ] as const)('%s: %s reports nothing said', (id, text, before) => droppedBy(id, text, before));

  it('leaves what was said after a refusal, and "went on to say"', () => {
    expect(found('The mayor declined to name the buyer but said the sale would close in June.', PRODUCT)).toContain('said|The mayor');
    expect(found('The mayor went on to say that the pier would reopen.', PRODUCT)).toEqual(['say|The mayor']);
  });
});

describe('a direct question about a statement (cue.question-inversion)', () => {
  it.each([
    ['Did the ferry company say the pier was unsafe?', 'say|the ferry company'],
    ['Why would the harbour board deny that the cranes are old?', 'deny|the harbour board'],
    ['Has the mayor admitted that the budget is short?', 'admitted|the mayor'],
  ])('%s reports nothing said', (text, before) => droppedBy('cue.question-inversion', text, before));

  it('leaves a statement before a question tag, and a quoted question\'s asker', () => {
    expect(found('The mayor said the pier was unsafe, didn\'t she?', PRODUCT)).toEqual(['said|The mayor']);
    expect(found('"Did you see the crane fall?" the inspector asked.', PRODUCT)).toEqual(['asked|the inspector']);
  });
});

describe('a subject that says nobody made the statement (cue.negative-subject)', () => {
  it.each([
    ['Few dockers believe that the new cranes are safe.', 'believe|Few dockers'],
    ['Not one councillor has claimed the ferry will return.', 'claimed|one councillor'],
    ['Hardly anybody in the port thinks the tugs are fast enough.', 'thinks|Hardly anybody in the port'],
  ])('%s has no claimant', (text, before) => droppedBy('cue.negative-subject', text, before));

  it('leaves "a few", "quite a few" and a time phrase with "few"', () => {
    expect(found('A few dockers said the cranes were unsafe.', PRODUCT)).toEqual(['said|A few dockers']);
    expect(found('The figures of the past few weeks suggest that trade is slowing.', PRODUCT)).toEqual(['suggest|The figures of the past few weeks']);
  });
});

describe('a plural cue word that only a noun can be (cue.plural-noun-before-noun-follower)', () => {
  it.each([
    ['The harbour audit rated 30% of Tarnline claims as false.', 'claims|30% of Tarnline'],
    ['Ferry owners could see claims totaling $2 million after the storm.', 'claims|Ferry owners could see'],
  ] as const)('%s: the words before it are no speaker', (text, before) => droppedBy('cue.plural-noun-before-noun-follower', text, before));

  it('leaves the verb before a clause', () => {
    expect(found('The harbour master claims that the pier is unsafe.', PRODUCT)).toContain('claims|The harbour master');
  });
});
