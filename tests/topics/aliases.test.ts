/**
 * Names as the news writes them, learned from a corpus written for these tests: the written form
 * of a typed name, acronym ↔ long form (with "&"/"and"), a surname or distinctive head used after
 * the full name (only in that article, and not where a rival name makes it ambiguous), possessives.
 */
import { describe, expect, it } from 'vitest';
import { expands, learnAliases } from '../../src/topics/aliases.js';
import { compileTopic, parseTopic } from '../../src/topics/index.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { libraryOf } from '../helpers/timeline.js';

const doc = (id: string, title: string, body: string, published = '2021-06-04') => ({
  id,
  text: `${title}\n\n${body}`,
  meta: { title, outlet: 'Test Wire', url: null, published, publishedInferred: false },
});

const corpus = () =>
  libraryOf([
    doc('a.md', 'Harbour chief quits', 'Port chief Dana Reyes has resigned after a row over pay. Reyes said the board had ignored the dockers. Reyes\' letter was read out at the meeting.'),
    doc('b.md', 'Harbour chief in talks', 'Dana Reyes met union leaders on the quay. Reyes has promised a new offer to the dockers.'),
    doc('c.md', 'Budget of the union', 'Ministers of the European Union have agreed a budget for ports. The EU plan gives money to harbours.'),
    doc('d.md', 'Phone deal', 'American Telephone and Telegraph has signed a deal with the port. AT&T will wire the docks.'),
    doc('e.md', 'Index falls', 'The FTSE 100 fell sharply as port shares slid. The FTSE closed at its lowest level this year.'),
    doc('f.md', 'Indexes mixed', 'The FTSE 100 rose while the FTSE 250 fell. The FTSE slipped in late trade.'),
    doc('g.md', 'New phone', 'The iPhone 3G went on sale in the port city. The iPhone 3G sold out by noon.'),
    doc('h.md', 'Newer phone', 'The iPhone 3GS went on sale in the port city. Buyers queued for the iPhone 3GS all day.'),
    doc('i.md', 'Other Reyes', 'Tom Reyes, a fisherman, has sold his boat. Reyes said the catch had fallen.'),
  ]);

describe('learnAliases', () => {
  it('learns the written form of a name typed in lower case', async () => {
    expect(learnAliases(await corpus(), 'iphone 3g').written).toBe('iPhone 3G');
  });

  it('learns a long form for an acronym and an acronym for a long form, reading "&" as "and"', async () => {
    const library = await corpus();
    expect(learnAliases(library, 'EU').aliases).toContain('European Union');
    expect(learnAliases(library, 'European Union').aliases).toContain('EU');
    expect(learnAliases(library, 'AT&T').aliases).toContain('American Telephone and Telegraph');
    expect(expands('AT&T', 'American Telephone and Telegraph')).toBe(true);
    expect(expands('EU', 'Eastern Railways')).toBe(false);
  });

  it('learns a surname and a distinctive head as short forms, and marks a person', async () => {
    const library = await corpus();
    expect(learnAliases(library, 'dana reyes')).toMatchObject({ written: 'Dana Reyes', scoped: ['Reyes'], person: true });
    expect(learnAliases(library, 'FTSE 100').scoped).toEqual(['FTSE']);
  });

  it('reads no surname into a body written like a name: "the Harbour Guard", "Tarn Party"', async () => {
    const library = await libraryOf([
      doc('k.md', 'Guard patrols', 'The Harbour Guard sent two boats to the quay. Guard officers said the Harbour Guard would stay. The Guard post was empty.'),
      doc('l.md', 'Party row', 'Tarn Party leaders met on the quay. Party members said Tarn Party funds were low.'),
    ]);
    expect(learnAliases(library, 'harbour guard')).toMatchObject({ written: 'Harbour Guard', scoped: [] });
    expect(learnAliases(library, 'harbour guard').person).toBeUndefined();
    expect(learnAliases(library, 'tarn party').scoped).toEqual([]);
    // (A given name first is a person, even where the news writes "the Diana Orrock affair".)
    const affair = await libraryOf([doc('q.md', 'Affair', 'The Diana Orrock affair shook the port. The Diana Orrock case went to court. Orrock said she would appeal.')]);
    expect(learnAliases(affair, 'diana orrock')).toMatchObject({ scoped: ['Orrock'], person: true });
    const [match] = compileTopic(parseTopic('harbour guard', library));
    expect(match!('Guard officers said the boats would stay.', library.get('k.md')!)).toBe(false);
  });

  it('learns "the Times" for a paper the news calls so, but no "State" for "the Harbour State"', async () => {
    const library = await libraryOf([
      doc('o.md', 'Paper story', 'The Tarnwell Times reported the closure on Monday. The Times said the quay would reopen in May, the mayor told the Times.'),
      doc('p.md', 'Group story', 'The Harbour State group attacked the quay. The State Department said the Harbour State had lost ground, and State officials agreed.'),
    ]);
    expect(learnAliases(library, 'tarnwell times')).toMatchObject({ scoped: ['Times'] });
    expect(learnAliases(library, 'tarnwell times').person).toBeUndefined();
    expect(learnAliases(library, 'harbour state').scoped).toEqual([]);
    const [match] = compileTopic(parseTopic('tarnwell times', library));
    expect(match!('The Times said the quay would reopen in May.', library.get('o.md')!)).toBe(true);
  });

  it('uses a body\'s distinctive head only where no other name ends in it', async () => {
    const library = await libraryOf([
      doc('m.md', 'College sued', 'Tarnwell University was sued by former students. Ivo Tarnwell said the suit was baseless. Tarnwell said the school had done nothing wrong.'),
      doc('n.md', 'College opens', 'Tarnwell University opened a campus on the quay. Tarnwell staff said classes begin in May.'),
    ]);
    expect(learnAliases(library, 'tarnwell university').scoped).toEqual(['Tarnwell']);
    const [match] = compileTopic(parseTopic('tarnwell university', library));
    expect(match!('Tarnwell staff said classes begin in May.', library.get('n.md')!)).toBe(true);
    expect(match!('Tarnwell said the school had done nothing wrong.', library.get('m.md')!)).toBe(false);
  });
});

describe('alias-aware topic matching', () => {
  it('matches the surname (and its possessive) only in an article that names the person in full', async () => {
    const library = await corpus();
    const [match] = compileTopic(parseTopic('dana reyes', library));
    const a = library.get('a.md')!;
    const i = library.get('i.md')!;
    expect(match!('Reyes said the board had ignored the dockers.', a)).toBe(true);
    expect(match!("Reyes' letter was read out at the meeting.", a)).toBe(true);
    expect(match!('Reyes said the catch had fallen.', i)).toBe(false);
    // Without the article (a bare sentence), only the full name counts.
    expect(match!('Reyes said the board had ignored the dockers.')).toBe(false);
  });

  it('matches a long form for the acronym typed', async () => {
    const library = await corpus();
    const [match] = compileTopic(parseTopic('EU', library));
    expect(match!('Ministers of the European Union have agreed a budget for ports.')).toBe(true);
  });

  it('uses a distinctive head only where no rival name shares it', async () => {
    const library = await corpus();
    const [match] = compileTopic(parseTopic('ftse 100', library));
    expect(match!('The FTSE closed at its lowest level this year.', library.get('e.md')!)).toBe(true);
    expect(match!('The FTSE slipped in late trade.', library.get('f.md')!)).toBe(false);
  });

  it('keeps a model name whole: "iphone 3g" is not the iPhone 3GS', async () => {
    const library = await corpus();
    const [match] = compileTopic(parseTopic('iphone 3g', library));
    expect(match!('The iPhone 3G went on sale in the port city.')).toBe(true);
    expect(match!('The iPhone 3GS went on sale in the port city.')).toBe(false);
  });

  it('gives the timeline the sentences that name a person by surname, and by "he"/"she" right after', async () => {
    const library = await libraryOf([
      doc('j.md', 'Harbour chief', 'Dana Reyes took over the port in 2015. In 2018 she sacked the board. Reyes resigned in 2020 after a row over pay.'),
    ]);
    expect(buildTimeline(library, 'dana reyes').entries.map((e) => e.event.mention.date)).toEqual(['2015', '2018', '2020']);
  });
});

describe('plain and accented texts match alike', () => {
  // An ASCII alias is tried on an ASCII text with ASCII patterns (faster to build); any other text with the Unicode ones.
  it('finds a common word whole, with its endings, whatever letters surround it', () => {
    const [match] = compileTopic(parseTopic('guards'));
    for (const [text, named] of [
      ["The guard's post was empty.", true],
      ['The GUARD’S post was empty.', true],
      ['Über the guards-9 post.', true],
      ['The vanguards left.', false],
      ['The vanguärds and guardsmen left.', false],
      ['The éguards left.', false],
      ['The 𝐀guards left.', false],
      ['The guards9 left.', false],
    ] as const) expect([text, match!(text)]).toEqual([text, named]);
  });

  it('finds a name in its case or in capitals only, beside plain or accented letters', () => {
    const [match] = compileTopic(parseTopic('Apple'));
    for (const [text, named] of [
      ["APPLE's shares rose.", true],
      ['Apple€ shares rose.', true],
      ['apple shares rose.', false],
      ['Pineapple shares rose.', false],
      ['ÀApple shares rose.', false],
      ['Applé shares rose.', false],
    ] as const) expect([text, match!(text)]).toEqual([text, named]);
  });

  it('learns the written form from plain and accented articles together', async () => {
    const library = await libraryOf([
      doc('x.md', 'Über the quay', 'DANA REYES spoke. Later DANA REYES left, and DANA REYES came back.'),
      doc('y.md', 'On the quay', 'Dana Reyes spoke to the dockers.'),
    ]);
    expect(learnAliases(library, 'dana reyes').written).toBe('DANA REYES');
  });
});
