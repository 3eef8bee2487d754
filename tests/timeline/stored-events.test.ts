/**
 * Events found at ingest (the `events` analyser) are exactly the events a timeline would find at
 * query time: the same events and news sentences per article, and the same timelines from a
 * library whose articles were analysed without it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { claimsAnalyser } from '../../src/claims/analyser.js';
import { datesAnalyser } from '../../src/dates/analyser.js';
import { eventsAnalyser } from '../../src/timeline/analyser.js';
import { eventsOf, findArticleEvents } from '../../src/timeline/events.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { libraryOf } from '../helpers/timeline.js';

const corpusDir = path.resolve(import.meta.dirname, '..', '..', 'corpus');

describe('events found at ingest', () => {
  it('stores on every article what the timeline would find at query time', async () => {
    const { articles } = await loadCorpus(corpusDir);
    const library = libraryFromArticles(articles);
    expect(library.articles.length).toBeGreaterThanOrEqual(5);
    let events = 0;
    for (const article of library.articles) {
      expect(article.annotations['events'], article.id).toBeDefined();
      const found = findArticleEvents(article);
      expect(eventsOf(article), article.id).toEqual(found.events);
      expect((article.annotations['events'] as { news: number[] }).news, article.id).toEqual(found.news);
      events += found.events.length;
    }
    expect(events).toBeGreaterThanOrEqual(20);
  });

  it('gives the same timelines as a library analysed without the events analyser', async () => {
    const [withEvents, without] = await Promise.all([loadCorpus(corpusDir), loadCorpus(corpusDir)]);
    const stored = libraryFromArticles(withEvents.articles);
    const computed = libraryFromArticles(without.articles, [claimsAnalyser, datesAnalyser]);
    expect(computed.articles[0]!.annotations['events']).toBeUndefined();
    for (const topic of ['armenia-russia', 'russia', 'armenia', 'ukraine']) {
      const a = buildTimeline(stored, topic).entries;
      expect(a.length, topic).toBeGreaterThan(0);
      expect(a, topic).toEqual(buildTimeline(computed, topic).entries);
    }
  });

  it('stores a planned event as planned and a news sentence without a date', async () => {
    const library = await libraryOf([
      {
        id: 'a.md',
        text: 'Acme opens plant\n\nAcme has opened a kettle plant in the northern valley town. Acme will hold a vote on the new plant on Friday, its chief said.',
        meta: { title: 'Acme opens plant', published: '2021-06-02', publishedInferred: false },
      },
    ]);
    const article = library.articles[0]!;
    expect(eventsAnalyser.analyse(article)).toEqual(article.annotations['events']);
    expect(eventsOf(article).map((e) => [e.mention.date, e.basis])).toEqual([['2021-06-04', 'planned']]);
    const body = article.sentences.findIndex((s) => article.text.slice(s.start, s.end).startsWith('Acme has opened'));
    expect((article.annotations['events'] as { news: number[] }).news).toEqual([body]);
  });
});

describe('years that only qualify a noun', () => {
  it('does not date a sentence by a coordinated list of years before a noun ("her 2000 and 2006 races")', async () => {
    const library = await libraryOf([
      {
        id: 'v.md',
        text: 'Vale enters race\n\nSenator Dana Vale won her 1998, 2004 and 2010 council races by wide margins. Dana Vale left the council in 2012 to teach law.',
        meta: { title: 'Vale enters race', published: '2021-06-02', publishedInferred: false },
      },
    ]);
    const events = eventsOf(library.articles[0]!).map((e) => e.mention.text);
    expect(events).toEqual(['2012']);
  });
});
