import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/app/commands-loader.js';
import { loadConfig } from '../../src/app/config.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildLibrary, type IndexedLibrary } from '../../src/library/build.js';
import { passagesOf } from '../../src/search/passages.js';
import { buildSegment } from '../../src/search/segment.js';
import { SegmentedLibrary } from '../../src/library/indexed-library.js';
import { makeArticle } from '../helpers/search.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A corpus where the headline lives only in the metadata (front matter, a JSON export), never in the body. */
function writeCorpus(dir: string): void {
  writeFileSync(
    path.join(dir, 'flamingos.md'),
    [
      '---',
      'title: "Zanzibarian flamingos return"',
      'outlet: Coast Wire',
      'published: 2024-05-02',
      '---',
      'The birds came back to the salt flats on Tuesday after a two-year absence, rangers said.',
      '',
      'Counts put the flock at roughly four thousand.',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'ports.json'),
    JSON.stringify([{ title: 'Harbour cranes idle in Mombasa strike', body: 'Dock workers walked out on Monday over pay. The union said talks would resume.' }]),
  );
  writeFileSync(path.join(dir, 'untitled.txt'), 'Fishermen at Kilwa landed a record catch of octopus on Sunday, and the market price fell by half.\n');
  writeFileSync(
    path.join(dir, 'rain.md'),
    '---\ntitle: "Rains arrive early"\noutlet: Coast Wire\npublished: 2024-05-03\n---\nRains arrive early\n\nThe long rains began a week early across the coast, the weather office said.\n',
  );
}

describe('titles are searchable', () => {
  let root: string;
  let library: IndexedLibrary;
  let runtime: Runtime;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-titles-'));
    writeCorpus(root);
    ({ library } = await buildLibrary({ corpusDir: root, logger: silent, snapshot: false }));
    const commands = await loadCommands();
    runtime = createRuntime({ commands, library: () => library, logger: silent, config: loadConfig({}) });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds an article by a word only its front-matter headline holds, quoting its text verbatim', async () => {
    const reply = await runtime.execute('search', { text: 'zanzibarian' }, { platform: 'cli' });
    expect(reply.citations.map((c) => c.title)).toEqual(['Zanzibarian flamingos return']);
    expect(reply.items.length).toBeGreaterThan(0);
    const article = library.get('flamingos.md')!;
    for (const item of reply.items) expect(item.text).toBe(article.text.slice(item.span.start, item.span.end));
    // The title is not in the text, so the quote is the story's opening passage.
    expect(reply.items[0]!.text).toBe('The birds came back to the salt flats on Tuesday after a two-year absence, rangers said.');
  });

  it('finds a JSON-export article by its title field, and ranks a title match with a body match', async () => {
    const reply = await runtime.execute('search', { text: 'mombasa strike' }, { platform: 'cli' });
    expect(reply.citations[0]?.articleId).toBe('ports.json#0');
    expect(library.searchArticles('zanzibarian flamingos')).toEqual(['flamingos.md']);
    // Title words and body words of one article count together.
    expect(library.searchArticles('zanzibarian rangers')).toEqual(['flamingos.md']);
  });

  it('quotes the opening reporting for a title match, not a photo caption above it', () => {
    const article = makeArticle(
      'lake.md',
      [{ kind: 'caption', text: 'Birds at Lake Natron. Photo by a ranger.' }, 'The flock came back on Tuesday after two dry years, rangers said.'],
      { title: 'Zanzibarian flamingos return' },
    );
    const lib = SegmentedLibrary.fromArticles([article]);
    const [hit] = lib.search('zanzibarian');
    expect(article.text.slice(hit!.span.start, hit!.span.end)).toBe('The flock came back on Tuesday after two dry years, rangers said.');
  });

  it('indexes the metadata title once, and only when the text does not carry it already', () => {
    const extra = (id: string) => {
      const article = library.get(id)!;
      return buildSegment([article]).passageCount - passagesOf(article).length;
    };
    expect(extra('flamingos.md')).toBe(1);
    expect(extra('ports.json#0')).toBe(1);
    // The headline line of the text is the title: counting it twice would skew every idf.
    expect(extra('rain.md')).toBe(0);
    // No title anywhere: ingest's fallback title is the opening of the first sentence.
    expect(library.get('untitled.txt')!.meta.title.startsWith('Fishermen at Kilwa')).toBe(true);
    expect(extra('untitled.txt')).toBe(0);
  });
});
