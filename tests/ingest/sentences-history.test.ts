/**
 * A text's sentences do not depend on what was read before it (src/core/wink.ts). wink-nlp keeps
 * every unseen word it reads, and its tokenizer splits "F.N." into "F.N" + "." once it has seen
 * "F.N" (a ticker), which ends a sentence inside a name. These texts are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/ingest/sentences.js';
import { WinkPipeline } from '../../src/core/wink.js';
import { questionTopic } from '../../src/topics/question.js';

const sentencesOf = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

const UNDERWRITER = 'The offering of two mln shares was managed by F.N. Wolf and Co and two other brokers. Trading begins on Monday.';
const TICKERS = [
  'Shares of Ford Motor Co <F.N> and General Motors <GM.N> rose in early trading.',
  'The index fell, led by <J.K> and <B.T.R.>, while the U.K.-based fund held.',
  'Acme <AC.M.E> said it sold its stake in Q.R.S.T to a buyer in St. Louis.',
];
const NAMES = [
  'A statement by J.K. Rowling and the publisher was released on Friday. It named no date.',
  'Analysts at B.T.R. Securities said the merger would close. They gave no figure.',
  'The plant in Q.R.S.T. Industrial Park will close. Workers were told on Tuesday.',
];

describe('sentences and what was read before', () => {
  // First in this file on purpose: the module's pipeline has read nothing but the ticker before.
  it('keeps "F.N. Wolf and Co" in one sentence after a ticker "<F.N>" was read', () => {
    sentencesOf(TICKERS[0]!);
    expect(sentencesOf(UNDERWRITER)).toEqual([
      'The offering of two mln shares was managed by F.N. Wolf and Co and two other brokers.',
      'Trading begins on Monday.',
    ]);
  });

  it('gives every text the same sentences whatever the order the texts are read in', () => {
    const texts = [UNDERWRITER, ...TICKERS, ...NAMES];
    const split = (pipeline: WinkPipeline, text: string) => pipeline.read(text, (doc) => doc.sentences().out() as string[]);
    const alone = texts.map((t) => split(new WinkPipeline(['sbd']), t));
    const forwards = new WinkPipeline(['sbd']);
    const backwards = new WinkPipeline(['sbd']);
    const inOrder = texts.map((t) => split(forwards, t));
    const reversed = [...texts].reverse().map((t) => split(backwards, t)).reverse();
    expect(inOrder).toEqual(alone);
    expect(reversed).toEqual(alone);
    // And the sentences the ingest keeps, read once more after all of them.
    for (const [i, t] of texts.entries()) expect(sentencesOf(t)).toEqual(alone[i]!.map((s) => s.trim()).filter(Boolean));
  });

  it('turns a question into the same topic after other questions were asked', () => {
    // The first question this file asks: the tagger has read only the ticker before the name.
    questionTopic('Why did <F.N> fall after the results?');
    const topic = questionTopic('What did F.N. Wolf and Co say about the offering?');
    expect(topic).toBe('F.N. Wolf and Co offering');
    expect(questionTopic('What did F.N. Wolf and Co say about the offering?')).toBe(topic);
  });
});
