/**
 * The chrome rules' length limits, tested at the limit and one character past it: an appeal,
 * notice or widget is short; past its limit a paragraph is reporting, whatever it mentions.
 */
import { describe, expect, it } from 'vitest';
import { chromeReason, firstPersonSingular, soundsLikeAppeal, withoutQuotes, type ChromeReason } from '../../src/ingest/chrome.js';
import { ingestText } from '../../src/ingest/index.js';

/** Filler that contains none of the rules' hint words, so only the opening decides. */
const FILLER = ' lorem ipsum dolor sit amet';

/** `opening` followed by filler, cut to exactly `length` characters. */
function ofLength(opening: string, length: number): string {
  let text = opening;
  while (text.length < length) text += FILLER;
  const cut = text.slice(0, length);
  expect(cut).toHaveLength(length);
  return cut;
}

const LIMITS: Array<[ChromeReason, string, number]> = [
  ['copy-protection notice', 'You cannot copy content of this page.', 200],
  ['cookie banner', 'This website uses cookies to improve your experience.', 400],
  ['copyright notice', '© 2024 The Harbour Gazette.', 300],
  ['copyright notice', 'Articles on this site may not be reproduced without written permission.', 400],
  ['newsletter sign-up', 'Sign up for our morning newsletter.', 250],
  ['membership appeal', 'Become a member today and keep our newsroom independent.', 300],
  ['donation appeal', 'Please support independent journalism: we need you.', 500],
  ['comment widget', 'Be the first to comment on this.', 120],
  ['navigation', 'Tags: port, strike, Odesa', 300],
  ['syndication notice', 'This story was originally published by the Harbour Gazette.', 250],
  ['related list', 'Read more: Port workers end strike.', 200],
  ['share widget', 'Share this article with a friend.', 60],
];

describe('chrome length limits', () => {
  for (const [reason, opening, limit] of LIMITS) {
    it(`"${opening}" is ${reason} up to ${limit} characters and reporting past it`, () => {
      expect(chromeReason(opening)).toBe(reason);
      expect(chromeReason(ofLength(opening, limit - 1))).toBe(reason);
      expect(chromeReason(ofLength(opening, limit))).toBe(reason);
      expect(chromeReason(ofLength(opening, limit + 1))).toBeUndefined();
    });
  }

  it('keeps a 157-character "Become a member today …" appeal out of the body', () => {
    const appeal =
      'Become a member today and help us keep independent reporting free for everyone. Members fund every investigation we publish, all year round, in every town.';
    const padded = `${appeal}..`;
    expect(padded).toHaveLength(157);
    expect(chromeReason(padded)).toBe('membership appeal');

    const raw = [
      'Port workers end strike after pay deal',
      '',
      'Port workers ended a five-day strike on Tuesday after the union and the port authority agreed on a pay rise of 12 percent, the union said.',
      '',
      padded,
      '',
      "Dockers at the city's three terminals will return to work on Wednesday morning, the port authority said in a statement.",
    ].join('\n');
    const article = ingestText(raw, { id: 'appeal.txt' });
    const block = article.blocks.find((b) => article.text.slice(b.start, b.end).startsWith('Become a member'));
    expect(block).toMatchObject({ kind: 'chrome', reason: 'membership appeal' });
    const sentences = article.sentences.map((s) => article.text.slice(s.start, s.end));
    expect(sentences.some((s) => s.includes('Become a member'))).toBe(false);
    expect(sentences).toContain("Dockers at the city's three terminals will return to work on Wednesday morning, the port authority said in a statement.");
  });

  it('keeps reporting about membership as reporting', () => {
    // Short, but nobody is addressed: a country joining a bloc.
    expect(chromeReason('Armenia will become a member of the trade bloc in 2025, officials said.')).toBeUndefined();
    // Addressed in quotes only: still reporting.
    expect(chromeReason('"Become a member of our party today," the candidate told the crowd in Gyumri on Sunday.')).toBeUndefined();
    // A long body paragraph that does speak of "our" membership: past the limit it is reporting.
    const long =
      'The union says it will become a member of the international transport federation next spring, and its leaders told reporters on Tuesday that our members voted for the move by a large margin after a debate that lasted most of the weekend; the federation, which represents dockers, seafarers and rail workers in more than a hundred countries, said it welcomed the decision.';
    expect(long.length).toBeGreaterThan(300);
    expect(chromeReason(long)).toBeUndefined();
    const article = ingestText(['Union to join federation', '', long].join('\n'), { id: 'union.txt' });
    expect(article.sentences.map((s) => article.text.slice(s.start, s.end)).join(' ')).toContain('will become a member of the international transport federation');
  });

  it('needs the reader addressed for appeals whose words also occur in reporting', () => {
    expect(chromeReason('Become a supporter of the Harbour Gazette.')).toBe('membership appeal');
    expect(chromeReason('You can become a patron of the newsroom.')).toBe('membership appeal');
    expect(chromeReason('We ask readers to become a subscriber of the paper.')).toBe('membership appeal');
    expect(chromeReason('Join our community of readers now.')).toBe('membership appeal');
    expect(chromeReason('The mayor will become a member of the board.')).toBeUndefined();
    expect(chromeReason('Please donate to the fund today.')).toBe('donation appeal');
    expect(chromeReason('Please donate to the fund, the mayor said.')).toBeUndefined();
    expect(chromeReason('The charity said the appeal should make a donation drive possible.')).toBeUndefined();
  });
});

describe('chrome labels', () => {
  it('classifies short labels whatever their case and trailing punctuation', () => {
    expect(chromeReason('SHARE:')).toBe('share widget');
    expect(chromeReason('Follow us on Bluesky')).toBe('follow widget');
    expect(chromeReason("Editor’s picks")).toBe('related list');
    expect(chromeReason('Comments (12)')).toBe('comment widget');
    expect(chromeReason('Donate now!')).toBe('donation appeal');
    expect(chromeReason('Become a member today')).toBe('membership appeal');
    expect(chromeReason('Sign up now')).toBe('newsletter sign-up');
    expect(chromeReason('Sponsored content')).toBe('advertisement');
    expect(chromeReason('‹ Skip to main content ›')).toBe('navigation');
    expect(chromeReason('Harbour Gazette logo')).toBe('page header');
    expect(chromeReason('* * *')).toBe('separator');
    expect(chromeReason('— — —')).toBe('separator');
  });

  it('reads labels only on short pieces: a long piece is not a label', () => {
    expect(chromeReason('Share')).toBe('share widget');
    expect(chromeReason(`Share${' '.repeat(75)}`)).toBe('share widget'); // 80 characters
    expect(chromeReason(`Share${' '.repeat(76)}`)).toBeUndefined(); // 81: too long to be a label
  });

  it('does not take a sentence that starts like a label for one', () => {
    expect(chromeReason('Share prices fell sharply on Tuesday.')).toBeUndefined();
    expect(chromeReason('Next year the port will open a new terminal.')).toBeUndefined();
    expect(chromeReason('Home ministry officials met on Monday.')).toBeUndefined();
  });
});

describe('appeal voice', () => {
  it('hears an appeal in an imperative or in "we"/"you" with appeal words, outside quotes', () => {
    expect(soundsLikeAppeal('Support independent reporting.')).toBe(true);
    expect(soundsLikeAppeal('Your gift keeps our journalists in the field.')).toBe(true);
    expect(soundsLikeAppeal('We rely on readers like you.')).toBe(true);
    expect(soundsLikeAppeal('The port reopened on Tuesday.')).toBe(false);
    expect(soundsLikeAppeal('"We need your support," the mayor said.')).toBe(false);
    expect(soundsLikeAppeal(`We rely on readers like you.${' x'.repeat(300)}`)).toBe(false);
  });

  it('removes quoted speech of every quote style', () => {
    expect(withoutQuotes('He said “we will” and «nous» and "you" and ‘us’ today.')).toBe('He said   and   and   and   today.');
  });

  it('hears the first person singular outside quotes only', () => {
    expect(firstPersonSingular('I think the port should stay open.')).toBe(true);
    expect(firstPersonSingular("I'm a docker and my brother works there.")).toBe(true);
    expect(firstPersonSingular('Give me a break.')).toBe(true);
    expect(firstPersonSingular('"I will not resign," the mayor said.')).toBe(false);
    expect(firstPersonSingular('The iPhone maker said item I of the deal stands.')).toBe(true);
    expect(firstPersonSingular('The union met on Tuesday.')).toBe(false);
  });
});
