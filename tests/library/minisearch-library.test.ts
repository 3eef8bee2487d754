import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { buildLibrary } from '../../src/library/build.js';
import { MiniSearchIndex } from '../../src/search/minisearch-index.js';
import { makeArticle } from '../helpers/search.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-msl-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'harbour.md'), '---\ntitle: "Dock strike closes Mombasa harbour"\noutlet: Coast Wire\n---\nDock strike closes Mombasa harbour\n\nDock workers in Mombasa walked out on Monday over unpaid wages, the union said. The harbour was closed.\n\nShipping lines diverted three vessels to Dar es Salaam.\n');
  writeFileSync(path.join(dir, 'rains.md'), '---\ntitle: "Rains arrive early"\noutlet: Coast Wire\n---\nThe long rains began a week early across the coast, the weather office said. Dock work in Mombasa slowed.\n');
  return dir;
}

describe('SEARCH_BACKEND=minisearch', () => {
  it('is read from the environment, compact by default, and an unknown engine is refused by name', () => {
    expect(loadConfig({}).SEARCH_BACKEND).toBe('compact');
    expect(loadConfig({ SEARCH_BACKEND: 'minisearch' }).SEARCH_BACKEND).toBe('minisearch');
    expect(() => loadConfig({ SEARCH_BACKEND: 'lucene' })).toThrow(/SEARCH_BACKEND/);
  });

  it('serves search from MiniSearch over the same articles, and follows live changes', async () => {
    const dir = corpus();
    const { library } = await buildLibrary({ corpusDir: dir, logger: silent, snapshot: false, searchBackend: 'minisearch' });
    const { library: compact } = await buildLibrary({ corpusDir: dir, logger: silent, snapshot: false });
    const reference = new MiniSearchIndex(library.articles);
    for (const q of ['mombasa dock', 'harbour', 'rains']) {
      expect(library.search(q)).toEqual(reference.search(q));
      expect(library.searchArticles(q)).toEqual(reference.searchArticles(q));
    }
    // MiniSearch's scores (its own BM25 per field, times the matched words) are not the compact engine's.
    expect(library.search('mombasa dock').map((h) => h.score)).not.toEqual(compact.search('mombasa dock').map((h) => h.score));

    library.applyChanges({ upsert: [makeArticle('floods.md', ['Floods cut the Nairobi road on Tuesday.'])], remove: ['rains.md'] });
    expect(library.searchArticles('nairobi')).toEqual(['floods.md']);
    expect(library.searchArticles('rains')).toEqual([]);
    expect(library.get('floods.md')?.id).toBe('floods.md');
  });
});
