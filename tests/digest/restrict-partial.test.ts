/**
 * A digest's view of its new articles over a library that holds only what was fetched for it (a
 * replica on the archive in PostgreSQL, `partial`): finding the topic's articles among the new
 * ones asks the index for passages of those articles only. Asking for the archive's best thousand
 * and filtering, as over a library in memory, would make the replica fetch every one of them.
 */
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/core/ports.js';
import { restrictLibrary } from '../../src/digest/content.js';
import { liveLibrary, makeArticle } from '../helpers/digest.js';

describe('restrictLibrary over a partial library', () => {
  it('searches the new articles only, never the whole archive', () => {
    const old = Array.from({ length: 30 }, (_, i) =>
      makeArticle(`old-${i}.md`, { title: `Harbour report ${i}`, published: '2026-11-01' }, `The harbour reopened after storm number ${i}. Ships waited.`),
    );
    const fresh = makeArticle('fresh.md', { title: 'Ferry resumes', published: '2026-11-23' }, 'The ferry resumed service from the harbour on Monday.');
    const other = makeArticle('other.md', { title: 'Budget passed', published: '2026-11-23' }, 'Parliament passed the budget on Monday.');
    const memory = liveLibrary([...old, fresh, other]);
    const asked: number[] = [];
    const partial: Library = {
      get articles() {
        return memory.articles;
      },
      get: (id) => memory.get(id),
      search: (q, o) => memory.search(q, o),
      searchArticles: (q, limit) => (asked.push(limit ?? 20), memory.searchArticles(q, limit)),
      suggest: (q, l) => memory.suggest(q, l),
      version: memory.version,
      partial: true,
    };
    const view = restrictLibrary(partial, new Set(['fresh.md', 'other.md']));
    expect(view.searchArticles('harbour', 10)).toEqual(['fresh.md']);
    expect(view.searchArticles('budget', 10)).toEqual(['other.md']);
    expect(asked).toEqual([]);
    // A library in memory still ranks at the article level (title, lead, body), as before.
    expect(restrictLibrary(memory, new Set(['fresh.md'])).searchArticles('harbour', 10)).toEqual(['fresh.md']);
  });
});
