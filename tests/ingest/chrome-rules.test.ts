/**
 * The chrome rules on pages of other outlets, written for this test rather than taken from the
 * seed corpus: the same rules must hold on any newsroom's archive.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import type { Article } from '../../src/core/types.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'ingest');

function kindOf(a: Article, needle: string): string {
  const b = a.blocks.find((x) => a.text.slice(x.start, x.end).includes(needle));
  if (!b) throw new Error(`no block contains ${needle}`);
  return b.reason ? `${b.kind}: ${b.reason}` : b.kind;
}

function sentences(a: Article): string[] {
  return a.sentences.map((s) => a.text.slice(s.start, s.end));
}

describe('a wire story on a news site with every kind of furniture', () => {
  const raw = readFileSync(path.join(fixtures, 'other-outlet-page.txt'), 'utf8');
  const a = ingestText(raw, { id: 'other-outlet-page.txt' });

  it('finds headline, standfirst, dateline and outlet', () => {
    expect(a.meta.title).toBe('Port workers end strike after pay deal');
    expect(a.meta.outlet).toBe('Reuters');
    expect(a.meta.published).toBeNull();
    expect(a.annotations.dateline).toMatchObject({ place: 'ODESA', month: 3, day: 12, outlet: 'Reuters' });
    expect(kindOf(a, 'Union says agreement covers')).toBe('standfirst: standfirst');
    expect(kindOf(a, 'ODESA, March 12')).toBe('dateline: dateline');
  });

  it('marks each piece of furniture with why', () => {
    expect(kindOf(a, 'Skip to main content')).toBe('chrome: navigation');
    expect(kindOf(a, 'We use cookies')).toBe('chrome: cookie banner');
    expect(kindOf(a, 'Accept all cookies')).toBe('chrome: cookie banner');
    expect(kindOf(a, 'Advertisement')).toBe('chrome: advertisement');
    expect(kindOf(a, 'Read more: Grain exports')).toBe('chrome: related list');
    expect(kindOf(a, 'morning newsletter')).toBe('chrome: newsletter sign-up');
    expect(kindOf(a, 'Follow us on Telegram')).toBe('chrome: follow widget');
    expect(kindOf(a, 'Share on Facebook')).toBe('chrome: share widget');
    expect(kindOf(a, 'Tweet')).toBe('chrome: share widget');
    expect(kindOf(a, 'Most Read')).toBe('chrome: related list');
    expect(kindOf(a, 'Storm closes mountain roads')).toBe('chrome: related list');
    expect(kindOf(a, '12 Comments')).toBe('chrome: comment widget');
    expect(kindOf(a, 'long overdue')).toBe('chrome: reader comment');
    expect(kindOf(a, 'My brother works there')).toBe('chrome: reader comment');
    expect(kindOf(a, 'All rights reserved')).toBe('chrome: copyright notice');
  });

  it('keeps the caption as a caption and the reporting as reporting', () => {
    expect(kindOf(a, 'Dockers gather outside')).toBe('caption: photo caption');
    expect(sentences(a)).toEqual([
      'Port workers end strike after pay deal',
      'Union says agreement covers 4,000 dockers at three terminals',
      'Port workers ended a five-day strike on Tuesday after the union and the port authority agreed on a pay rise of 12 percent, the union said.',
      "Dockers at the city's three terminals will return to work on Wednesday morning.",
      '"We got what we asked for," union leader Olena Kravets told reporters.',
      'Dockers gather outside the port authority building on Monday.',
      'Photo: Reuters/Ivan Petrov',
      'The authority said ships waiting at anchor would be handled first.',
      'It did not say how long clearing the backlog would take.',
    ]);
  });
});

describe('short widget labels and notices', () => {
  it.each([
    ['Continue reading below', 'navigation'],
    ['Listen to this article', 'navigation'],
    ['Tags: Armenia, Russia, Gyumri', 'navigation'],
    ['Click here to subscribe', 'navigation'],
    ['Support independent journalism. Donate today.', 'donation appeal'],
    ['Subscribe to our newsletter for the latest news', 'newsletter sign-up'],
    ['Content is protected !!', 'copy-protection notice'],
    ['This article was originally published on The Conversation.', 'syndication notice'],
    ['Related: Ministers meet in Brussels', 'related list'],
    ['Become a Patron!', 'membership appeal'],
    ['Editor’s Choice', 'related list'],
    ['You May Also Like', 'related list'],
  ])('%j is %s', (line, reason) => {
    const raw = `Talks resume in Geneva\n\nDelegations met on Monday for a second round, the mediators said.\n\n${line}\n\nThe next round is due in June, officials said.`;
    const a = ingestText(raw, { id: 'x' });
    const block = a.blocks.find((b) => raw.slice(b.start, b.end) === line);
    expect(block).toMatchObject({ kind: 'chrome', reason });
  });

  it.each(['Image credit: NASA', 'Getty Images', 'A protester in Yerevan on Monday. (Photo by Karen Minasyan/AFP via Getty Images)', 'Photograph: Jane Doe/The Guardian'])(
    '%j is a caption',
    (line) => {
      const raw = `Talks resume in Geneva\n\n${line}\n\nDelegations met on Monday for a second round, the mediators said.`;
      const a = ingestText(raw, { id: 'x' });
      expect(a.blocks.find((b) => raw.slice(b.start, b.end) === line)).toMatchObject({ kind: 'caption' });
    },
  );
});

describe('rules that must not fire on reporting', () => {
  it('keeps "become a member", "support" and "comment" when the story is about them', () => {
    const raw = [
      'Bank joins clearing house',
      'The bank will become a member of the clearing house in May, it said on Friday.',
      'It said the move would not make a contribution to operating margins this year.',
      'Officials declined to comment on the support package.',
    ].join('\n\n');
    const a = ingestText(raw, { id: 'x' });
    expect(a.blocks.map((b) => b.kind)).toEqual(['title', 'body', 'body', 'body']);
  });

  it('keeps a first-person op-ed whole: only a change of voice after the reporting is a reader', () => {
    const raw = ['Why I still read print', 'I buy two papers every morning.', 'My neighbours think I am old-fashioned.', 'Share this article'].join('\n\n');
    const a = ingestText(raw, { id: 'x' });
    expect(a.blocks.map((b) => b.kind)).toEqual(['title', 'body', 'body', 'chrome']);
  });

  it('keeps a subheading followed by reporting, and a last paragraph with no widgets after it', () => {
    const raw = [
      'Talks resume in Geneva',
      'Delegations met on Monday for a second round, the mediators said.',
      'What comes next',
      'A third round is planned for June. The venue has not been chosen.',
    ].join('\n\n');
    const a = ingestText(raw, { id: 'x' });
    expect(a.blocks.map((b) => b.kind)).toEqual(['title', 'body', 'body', 'body']);
  });

  it('keeps an article\'s last subheading and paragraph even when share buttons follow', () => {
    const raw = [
      'Talks resume in Geneva',
      'Delegations met on Monday for a second round, the mediators said.',
      'Who is at the table',
      'Both foreign ministers attended, with observers from three countries.',
      'What comes next',
      'A third round is planned for June.',
      'Share this article',
    ].join('\n\n');
    const a = ingestText(raw, { id: 'x' });
    expect(a.blocks.map((b) => b.kind)).toEqual(['title', 'body', 'body', 'body', 'body', 'body', 'chrome']);
  });

  it('takes a teaser card (headline with its blurb right under it) before a related list as chrome', () => {
    const raw = [
      'Talks resume in Geneva',
      'Delegations met on Monday for a second round, the mediators said.',
      'Mediators expect a deal by June.',
      'Minister resigns over procurement scandal\nThe resignation follows a report by auditors on army contracts.',
      'More stories',
    ].join('\n\n');
    const a = ingestText(raw, { id: 'x' });
    expect(a.blocks.map((b) => `${b.kind}${b.reason ? `:${b.reason}` : ''}`)).toEqual([
      'title:headline',
      'body',
      'body',
      'chrome:teaser',
      'chrome:teaser',
      'chrome:related list',
    ]);
  });

  it('takes a line printed twice in a row once, and a repeated table row twice', () => {
    const raw = 'Weekly grain report from the ports\n\nSoldiers at the gate. Photo: AFP\nSoldiers at the gate. Photo: AFP\n\nWheat 120 vs 118\n\nMaize 90 vs 91\n\nWheat 120 vs 118';
    const a = ingestText(raw, { id: 'x' });
    expect(a.blocks.map((b) => `${b.kind}${b.reason ? `:${b.reason}` : ''}`)).toEqual([
      'title:headline',
      'caption:photo caption',
      'chrome:repeated line',
      'body',
      'body',
      'body',
    ]);
  });

  it('reads a "Published:" line and lets given metadata win over the text', () => {
    const raw = 'Published: March 3, 2024\n\nMINSK, March 3 /BelTA/. The plant reopened on Sunday, officials said.';
    const a = ingestText(raw, { id: 'x' });
    expect(a.meta).toMatchObject({ published: '2024-03-03', publishedInferred: false, outlet: 'BelTA' });
    const b = ingestText(raw, { id: 'x', meta: { published: '2024-03-04', publishedInferred: true, outlet: 'Desk', title: 'Given' } });
    expect(b.meta).toMatchObject({ published: '2024-03-04', publishedInferred: true, outlet: 'Desk', title: 'Given' });
  });

  it('finds the headline when the page adds the site name to it', () => {
    const raw = 'Harbour Times\n\nHarbour reopens after the storm | Harbour Times\n\nThe harbour reopened on Friday, officials said.';
    const a = ingestText(raw, { id: 'x', meta: { title: 'Harbour reopens after the storm' } });
    expect(a.blocks.map((b) => b.kind)).toEqual(['chrome', 'title', 'body']);
    expect(a.meta.title).toBe('Harbour reopens after the storm');
  });

  it('reads a Markdown heading as the headline without its marks', () => {
    const raw = '# Ferry service resumes on the lake #\n\nThe ferry ran again on Monday, the operator said.\n\n## Timetable\n\nBoats leave every hour.';
    const a = ingestText(raw, { id: 'x.md' });
    expect(a.meta.title).toBe('Ferry service resumes on the lake');
    expect(a.blocks.map((b) => raw.slice(b.start, b.end))).toEqual([
      'Ferry service resumes on the lake',
      'The ferry ran again on Monday, the operator said.',
      'Timetable',
      'Boats leave every hour.',
    ]);
  });

  it('reads a plain text file\'s first line as its headline even when it ends in a full stop', () => {
    const raw = 'Harbour board: fees will rise, ferry captains warn.\n\nThe harbour board said on Monday that mooring fees would rise by a fifth, and captains said the ferries could not pay.';
    const a = ingestText(raw, { id: 'x.txt' });
    expect(a.blocks.map((b) => b.kind)).toEqual(['title', 'body']);
    expect(a.meta.title).toBe('Harbour board: fees will rise, ferry captains warn.');
    const wire = 'Ferry captains protest new fees.\n\nTARNPORT (AP) — Were the fees too high?\n\nCaptains said they were.';
    expect(ingestText(wire, { id: 'y.txt' }).blocks[0]!.kind).toBe('title');
    // A first line that runs on into the next (no blank line), an introducer, or a long opening sentence is reporting.
    expect(ingestText('The board said:\n\nThe harbour board said on Monday that mooring fees would rise by a fifth, and captains said the ferries could not pay.', { id: 'z.txt' }).blocks[0]!.kind).toBe('body');
    const long = 'The harbour board said on Monday that mooring fees would rise by a fifth next spring, the third rise in as many years for the captains.';
    expect(ingestText(`${long}\n\nCaptains said the ferries could not pay and that the board had not asked them before deciding.`, { id: 'w.txt' }).blocks[0]!.kind).toBe('body');
  });

  it('falls back to the opening words of the reporting when there is no headline', () => {
    const raw = 'The river rose by two metres overnight and flooded the lower town, where hundreds of people were moved to the school.';
    expect(ingestText(raw, { id: 'x' }).meta.title).toBe('The river rose by two metres overnight and flooded the lower town, where hundreds of…');
  });
});
