/** A live corpus changes the library in place: remembered timelines and topics must follow it. */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { listTopics } from '../../src/topics/index.js';

const article = (id: string, published: string, body: string) =>
  ingestText(`Harbour news\n\n${body}`, { id, meta: { title: 'Harbour news', outlet: 'Test Wire', url: null, published, publishedInferred: false } });

describe('timelines and topics over a library that changes', () => {
  it('a timeline asked before and after an article arrives shows the new event', () => {
    const library = libraryFromArticles([
      article('a.md', '2024-03-10', 'The Valmora harbour closed on March 2 after a storm, the port authority said.'),
    ]);
    const before = buildTimeline(library, 'valmora');
    expect(before.entries).toHaveLength(1);
    library.applyChanges({
      upsert: [article('b.md', '2024-04-20', 'The Valmora harbour reopened on April 15, officials said.')],
      remove: [],
    });
    const after = buildTimeline(library, 'valmora');
    expect(after.entries).toHaveLength(2);
    library.applyChanges({ upsert: [], remove: ['a.md'] });
    expect(buildTimeline(library, 'valmora').entries).toHaveLength(1);
  });

  it('topics follow the library too', () => {
    const library = libraryFromArticles([article('a.md', '2024-03-10', 'Ministers from Estoria met in Valmora on March 2.')]);
    expect(listTopics(library, 50)).toContain('valmora');
    expect(listTopics(library, 50).join(' ')).not.toMatch(/quintara/i);
    library.applyChanges({
      // A topic needs two articles mentioning it.
      upsert: [
        article('b.md', '2024-04-20', 'Officials in Quintara said on April 15 that the embassy of Quintara in Valmora would open.'),
        article('c.md', '2024-04-22', 'The new embassy of Quintara opened in Valmora on April 21.'),
      ],
      remove: [],
    });
    expect(listTopics(library, 50).join(' ')).toMatch(/quintara/i);
  });
});
