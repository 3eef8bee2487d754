import { describe, expect, it } from 'vitest';
import { FeedFormatError, isWordPressUrl, parseFeed, wordPressPage } from '../../src/feeds/parse.js';
import { atomFeed, jsonFeed, rssFeed, wordPressPosts, type FakeStory } from '../helpers/fake-feeds.js';

const stories: FakeStory[] = [
  {
    guid: 'urn:story:1',
    title: "Talks resume in Baku & Yerevan's reply",
    link: 'http://example.org/2026/talks',
    published: '2026-02-03T10:00:00.000Z',
    updated: '2026-02-03T12:00:00.000Z',
    author: 'Ani Petrosyan',
    summary: 'Negotiators met again on Tuesday.',
    content: '<p>Negotiators met again on Tuesday.</p><p>The foreign ministry said the talks were <b>constructive</b>.</p>',
  },
  { guid: 'urn:story:2', title: 'Second story', link: 'http://example.org/2026/second', published: '2026-02-04T08:30:00.000Z', summary: 'Only a summary here.' },
];

describe('parseFeed', () => {
  for (const [format, doc] of [
    ['rss', rssFeed(stories)],
    ['atom', atomFeed(stories)],
    ['json', jsonFeed(stories)],
    ['wordpress', wordPressPosts(stories)],
  ] as const) {
    it(`reads ${format}`, () => {
      const feed = parseFeed(doc, 'http://example.org/feed');
      expect(feed.format).toBe(format);
      expect(feed.entries).toHaveLength(2);
      const [first, second] = feed.entries;
      expect(first).toMatchObject({
        guid: 'urn:story:1',
        title: "Talks resume in Baku & Yerevan's reply".replace("'", format === 'wordpress' ? '\u2019' : "'"),
        link: 'http://example.org/2026/talks',
        published: '2026-02-03T10:00:00.000Z',
        author: 'Ani Petrosyan',
      });
      expect(first!.content).toContain('The foreign ministry said the talks were constructive.');
      expect(second!.content).toBeUndefined();
      expect(second!.summary).toBe('Only a summary here.');
      if (format !== 'rss') expect(first!.updated).toBe('2026-02-03T12:00:00.000Z');
    });
  }

  it('refuses broken XML and unknown JSON with a FeedFormatError', () => {
    expect(() => parseFeed('<rss><channel><item><title>cut off', 'http://example.org/feed')).toThrow(FeedFormatError);
    expect(() => parseFeed('{"hello": 1}', 'http://example.org/feed')).toThrow(FeedFormatError);
    expect(() => parseFeed('<html><body>not a feed</body></html>', 'http://example.org/feed')).toThrow(FeedFormatError);
  });

  it('knows WordPress endpoints and pages them', () => {
    expect(isWordPressUrl('https://oc-media.org/wp-json/wp/v2/posts')).toBe(true);
    expect(isWordPressUrl('https://oc-media.org/feed/')).toBe(false);
    expect(wordPressPage('https://oc-media.org/wp-json/wp/v2/posts', 2)).toBe('https://oc-media.org/wp-json/wp/v2/posts?page=2&per_page=20&_embed=author');
  });
});
