/**
 * The stance each reporting verb carries, written out by hand (not derived from the lexicon), so
 * a verb moved to the wrong stance fails here: "rejected" denies, it never asserts.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import {
  COMMON_VERBS,
  CUE_PREFILTER,
  CUE_VERBS,
  DENIAL_WORDS,
  OUTLET_DISPUTE,
  PHRASAL_CUES,
  TIME_WORD,
  inflect,
  speakerNoun,
} from '../../src/claims/lexicon.js';
import type { Stance } from '../../src/claims/types.js';
import { lines } from '../helpers/sentences.js';

const EXPECTED: Record<Stance, string[]> = {
  denies: [
    'deny', 'denies', 'denied', 'denying',
    'reject', 'rejects', 'rejected', 'rejecting',
    'dismiss', 'dismisses', 'dismissed', 'dismissing',
    'refute', 'refutes', 'refuted', 'refuting',
    'rebut', 'rebuts', 'rebutted', 'rebutting',
    'rebuffed', 'rebuffing',
  ],
  disputes: [
    'disputed', 'disputing',
    'questioned', 'questioning',
    'challenged', 'challenging',
    'contested', 'contesting',
    'doubted', 'doubting',
    'disagree', 'disagrees', 'disagreed',
    'countered', 'countering',
    'retort', 'retorts', 'retorted', 'retorting',
    'contradict', 'contradicts', 'contradicted', 'contradicting',
    'downplays', 'downplayed', 'downplaying',
  ],
  confirms: [
    'acknowledge', 'acknowledges', 'acknowledged', 'acknowledging',
    'concede', 'concedes', 'conceded', 'conceding',
    'admit', 'admits', 'admitted', 'admitting',
    'confirm', 'confirms', 'confirmed', 'confirming',
    'verify', 'verifies', 'verified', 'verifying',
    'corroborate', 'corroborates', 'corroborated', 'corroborating',
  ],
  asserts: [
    'say', 'says', 'said', 'saying', 'told', 'tells', 'wrote', 'written', 'claim', 'claims', 'claimed', 'claiming',
    'warned', 'insisted', 'alleged', 'accused', 'announced', 'argued', 'stressed', 'reported', 'declared', 'predicted',
    'explained', 'suggested', 'promised', 'vowed', 'pledged', 'reaffirmed', 'urged', 'criticised', 'criticized',
    'believes', 'thought', 'feared', 'hoped', 'expected', 'found', 'showed',
  ],
};

describe('CUE_VERBS: the stance of every form', () => {
  for (const [stance, forms] of Object.entries(EXPECTED) as Array<[Stance, string[]]>) {
    it(`${stance}: ${forms.slice(0, 6).join(', ')} …`, () => {
      for (const form of forms) expect([form, CUE_VERBS.get(form)?.stance]).toEqual([form, stance]);
    });
  }

  it('keeps noun-like forms out ("disputes", "questions", "states", "report")', () => {
    for (const form of ['dispute', 'disputes', 'question', 'questions', 'state', 'states', 'report', 'doubts', 'counter', 'rebuffs', 'posts', 'challenge', 'shown']) {
      expect([form, CUE_VERBS.has(form)]).toEqual([form, false]);
    }
  });

  it('marks speech, cognition, beliefs and positions', () => {
    expect(CUE_VERBS.get('said')).toEqual({ lemma: 'say', stance: 'asserts', speech: true });
    expect(CUE_VERBS.get('rejected')).toEqual({ lemma: 'reject', stance: 'denies', speech: true });
    expect(CUE_VERBS.get('believes')).toEqual({ lemma: 'believe', stance: 'asserts', speech: false });
    expect(CUE_VERBS.get('doubted')).toEqual({ lemma: 'doubt', stance: 'disputes', speech: false });
    expect(CUE_VERBS.get('knows')).toEqual({ lemma: 'know', stance: 'asserts', speech: false, belief: true });
    expect(CUE_VERBS.get('wants')).toEqual({ lemma: 'want', stance: 'asserts', speech: false, position: true });
    expect(CUE_VERBS.get('reads')).toEqual({ lemma: 'read', stance: 'asserts', speech: true });
    expect(CUE_VERBS.get('read')).toEqual({ lemma: 'read', stance: 'asserts', speech: true });
    expect(CUE_VERBS.get('calls')).toEqual({ lemma: 'call', stance: 'asserts', speech: true });
    // A form both a reporting verb and an attitude keeps its reporting-verb entry.
    expect(CUE_VERBS.get('hoped')).toEqual({ lemma: 'hope', stance: 'asserts', speech: false });
    expect(CUE_VERBS.get('saw')).toEqual({ lemma: 'see', stance: 'asserts', speech: false, belief: true });
    expect(CUE_VERBS.get('posted')).toEqual({ lemma: 'post', stance: 'asserts', speech: false, position: true });
    expect(CUE_VERBS.has('ferry')).toBe(false);
  });
});

describe('findStatements reads the stance of the verb in a sentence', () => {
  const cases: Array<[string, Stance]> = [
    ['rejected', 'denies'], ['rejects', 'denies'], ['has rejected', 'denies'], ['denied', 'denies'], ['denies', 'denies'],
    ['dismissed', 'denies'], ['refuted', 'denies'], ['rebutted', 'denies'], ['rebuffed', 'denies'],
    ['disputed', 'disputes'], ['questioned', 'disputes'], ['challenged', 'disputes'], ['contested', 'disputes'],
    ['doubted', 'disputes'], ['contradicted', 'disputes'], ['countered', 'disputes'], ['downplayed', 'disputes'],
    ['confirmed', 'confirms'], ['confirms', 'confirms'], ['acknowledged', 'confirms'], ['admitted', 'confirms'],
    ['conceded', 'confirms'], ['verified', 'confirms'], ['corroborated', 'confirms'],
    ['said', 'asserts'], ['claimed', 'asserts'], ['warned', 'asserts'],
  ];
  it.each(cases)('Kari Nilsen %s reports that …: %s', (verb, stance) => {
    const text = `Union leader Kari Nilsen ${verb} reports that the Skagen ferry had been repaired.`;
    const found = findStatements(text, lines(text));
    const cue = verb.split(' ').at(-1)!;
    const statement = found.find((s) => text.slice(s.cue.start, s.cue.end) === cue);
    expect(statement).toMatchObject({ stance, claimant: 'Union leader Kari Nilsen', kind: 'attributed' });
  });
});

describe('inflect', () => {
  it.each([
    ['say', ['say', 'said', 'says', 'saying']],
    ['deny', ['deny', 'denies', 'denied', 'denying']],
    ['note', ['note', 'notes', 'noted', 'noting']],
    ['dismiss', ['dismiss', 'dismisses', 'dismissed', 'dismissing']],
    ['reject', ['reject', 'rejects', 'rejected', 'rejecting']],
    ['rebut', ['rebut', 'rebuts', 'rebutted', 'rebutting']],
    ['refer', ['refer', 'refers', 'referred', 'referring']],
    ['stop', ['stop', 'stops', 'stopped', 'stopping']],
    ['vow', ['vow', 'vows', 'vowed', 'vowing']],
    ['play', ['play', 'plays', 'played', 'playing']],
    ['push', ['push', 'pushes', 'pushed', 'pushing']],
    ['fix', ['fix', 'fixes', 'fixed', 'fixing']],
    ['buzz', ['buzz', 'buzzes', 'buzzed', 'buzzing']],
    ['watch', ['watch', 'watches', 'watched', 'watching']],
    ['show', ['show', 'showed', 'shown', 'shows', 'showing']],
  ])('%s', (lemma, forms) => {
    expect(inflect(lemma)).toEqual(forms);
  });
});

describe('phrasal cues', () => {
  const stanceOf = (phrase: string) => PHRASAL_CUES.find((c) => c.re.test(phrase))?.stance;
  it.each([
    ['pushed back on the report', 'disputes'],
    ['push back', 'disputes'],
    ['cast doubt on it', 'disputes'],
    ['casting doubt', 'disputes'],
    ['poured cold water on', 'disputes'],
    ['took issue with', 'disputes'],
    ['take issue with', 'disputes'],
    ['raised concerns about', 'disputes'],
    ['raising doubts', 'disputes'],
    ['made it clear', 'asserts'],
    ['makes clear', 'asserts'],
    ['made the case', 'asserts'],
    ['making the accusation', 'asserts'],
    ['took aim at', 'asserts'],
    ['laid out', 'asserts'],
    ['shot back', 'disputes'],
    ['hits back', 'disputes'],
    ['lashed out', 'asserts'],
    ['weighed in', 'asserts'],
    ['sounded off', 'asserts'],
  ] as const)('%s: %s', (phrase, stance) => {
    expect(stanceOf(phrase)).toBe(stance);
  });

  it('ignores the same words used otherwise', () => {
    for (const phrase of ['pushed the cart back', 'made a profit', 'took a break', 'laid down', 'a push back', 'back pushed', 'hit the road']) {
      expect([phrase, stanceOf(phrase)]).toEqual([phrase, undefined]);
    }
  });
});

describe('denial words and the outlet’s push-back', () => {
  it('hears a denial in the words that call a claim false', () => {
    for (const w of ['fictitious', 'false', 'falsehoods', 'baseless', 'groundless', 'untrue', 'fabricated', 'fake', 'lies', 'a lie', 'nonsense', 'absurd', 'unfounded', 'disinformation', 'propaganda', 'not true', 'no truth', 'rumours', 'rumor']) {
      expect([w, DENIAL_WORDS.test(`He called the report ${w} on Monday.`)]).toEqual([w, true]);
    }
    for (const w of ['falsetto', 'fakery', 'true', 'truthful', 'liesure', 'accurate', 'fabricator']) {
      expect([w, DENIAL_WORDS.test(`He called the report ${w} on Monday.`)]).toEqual([w, false]);
    }
  });

  it('hears a denial after "said" only in a verdict said of something', () => {
    const stanceOf = (text: string) => findStatements(text, lines(text), { chooser: null }).find((s) => text.slice(s.cue.start, s.cue.end) === 'said')?.stance;
    expect(stanceOf('The ferry firm said the report was false.')).toBe('denies');
    expect(stanceOf('A harbour spokesman said these were only rumours.')).toBe('denies');
    expect(stanceOf('Dockers said rumours of a sale were fed by the board reshuffle.')).toBe('asserts');
    expect(stanceOf('Dockers said there were widespread rumours that the pier would close.')).toBe('asserts');
    expect(stanceOf('The mayor said she expects fake letters before the vote.')).toBe('asserts');
    expect(stanceOf('Traders said the shares were rising on a rumour of a bid.')).toBe('asserts');
  });

  it('hears the outlet saying it could not verify a claim', () => {
    for (const s of [
      'The claim could not be independently verified.',
      'Reuters has not confirmed the report.',
      'The figures cannot be corroborated.',
      'He spoke without providing any evidence.',
      'She said so without offering further details.',
      'The unverified video spread quickly.',
      'The unsubstantiated claim spread quickly.',
    ]) {
      expect([s, OUTLET_DISPUTE.test(s)]).toEqual([s, true]);
    }
    for (const s of ['The claim was verified by two sources.', 'He confirmed the report.', 'Evidence was provided.']) {
      expect([s, OUTLET_DISPUTE.test(s)]).toEqual([s, false]);
    }
  });
});

describe('closed word classes', () => {
  it('knows speaker nouns, singular and plural', () => {
    expect(['spokesman', 'officials', 'attorneys', 'ministries', 'Kremlin'.toLowerCase(), 'member', 'members'].map(speakerNoun)).toEqual([true, true, true, false, true, true, true]);
    expect(['ferry', 'ferrys', 's', 'bridge'].map(speakerNoun)).toEqual([false, false, false, false]);
  });

  it('knows time words between a subject and its verb, as whole words', () => {
    expect(['friday', 'monday', 'today', 'yesterday', 'earlier', 'morning'].map((w) => TIME_WORD.test(w))).toEqual([true, true, true, true, true, true]);
    expect(['fridays', 'day', 'thursdayish', 'tomorrow'].map((w) => TIME_WORD.test(w))).toEqual([false, false, false, false]);
  });

  it('stops a phrase at common verbs in every form', () => {
    for (const w of ['began', 'begins', 'chose', 'chooses', 'carried', 'carries', 'won', 'became', 'will']) expect([w, COMMON_VERBS.has(w)]).toEqual([w, true]);
    for (const w of ['ferry', 'mayor', 'harbour']) expect([w, COMMON_VERBS.has(w)]).toEqual([w, false]);
  });

  it('lets through only sentences that can hold an attribution', () => {
    for (const s of ['The mayor said so.', 'According to the mayor, it is open.', 'Critics pushed back.', 'Polls show a lead.', 'Note: open.', 'He REJECTED it.']) {
      expect([s, CUE_PREFILTER.test(s)]).toEqual([s, true]);
    }
    for (const s of ['The ferry sails at noon.', 'Rain fell on Gyumri.']) expect([s, CUE_PREFILTER.test(s)]).toEqual([s, false]);
  });
});
