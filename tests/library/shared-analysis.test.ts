import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analyser, Logger } from '../../src/core/ports.js';
import { buildLibrary } from '../../src/library/build.js';
import { AnalysisClaims, analysisHash, analysisKey, completeDeferred, sharedTable } from '../../src/library/shared-analysis.js';
import { story } from '../helpers/search.js';

function file(title: string, date: string, outlet: string, body: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\noutlet: ${outlet}\npublished: ${date}\n---\n${title}\n\n${body}\n`;
}

const BODY = [
  '"The bridge will reopen on Friday," the transport minister, Anna Kovacs, told reporters on Monday.',
  'Engineers found cracks in two piers in March 2023, the ministry said in a statement.',
  'Opposition lawmakers said the repairs had cost far more than planned.',
].join('\n\n');

describe('copies analysed once across worker threads', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-shared-analysis-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives every copy the annotations analysing it would, analysing each story once', async () => {
    const corpus = path.join(root, 'corpus');
    // The same stories in both halves of the file list (so in both workers' slices), plus copies whose
    // date or outlet differ (the analysers read those: analysed on their own).
    for (const half of ['a', 'b']) {
      mkdirSync(path.join(corpus, half), { recursive: true });
      for (let i = 0; i < 5; i++) writeFileSync(path.join(corpus, half, `story-${i}.md`), file(`Bridge story ${i}`, '2024-05-06', 'Test Wire', `${BODY}\n\nStory number ${i}.`));
    }
    writeFileSync(path.join(corpus, 'b', 'story-0-later.md'), file('Bridge story 0', '2024-06-20', 'Test Wire', `${BODY}\n\nStory number 0.`));
    writeFileSync(path.join(corpus, 'b', 'story-1-other.md'), file('Bridge story 1', '2024-05-06', 'Other Wire', `${BODY}\n\nStory number 1.`));
    const debug: unknown[] = [];
    const logger: Logger = { info() {}, warn() {}, error() {}, debug: (obj, msg) => void (msg === 'parallel ingest done' && debug.push(obj)) };
    const one = await buildLibrary({ corpusDir: corpus, logger, snapshot: false, workers: 0 });
    const two = await buildLibrary({ corpusDir: corpus, logger, snapshot: false, workers: 2 });
    expect(debug).toEqual([expect.objectContaining({ workers: 2, analysed: 7, copies: 5 })]);
    expect(two.library.articles.map((a) => a.id)).toEqual(one.library.articles.map((a) => a.id));
    expect(JSON.parse(JSON.stringify(two.library.articles))).toEqual(JSON.parse(JSON.stringify(one.library.articles)));
    const later = two.library.articles.find((a) => a.id === 'b/story-0-later.md')!;
    const first = two.library.articles.find((a) => a.id === 'a/story-0.md')!;
    expect(later.annotations['claims']).toEqual(first.annotations['claims']);
    expect(later.annotations['dates']).not.toEqual(first.annotations['dates']);
  });

  it('claims a key once across views of the same table', () => {
    const buffer = sharedTable(10);
    const a = new AnalysisClaims(buffer);
    const b = new AnalysisClaims(buffer);
    const [one, two] = [story('a.md', 'Port strike', ['Dock workers walked out.']), story('b.md', 'Port strike ends', ['Dock workers returned.'])].map(analysisHash);
    expect(a.claim(one!)).toBe(true);
    expect(b.claim(one!)).toBe(false);
    expect(a.claim(one!)).toBe(false);
    expect(b.claim(two!)).toBe(true);
  });

  it('analyses a deferred copy itself when no owner has its inputs (a missing owner, or a hash collision)', () => {
    let runs = 0;
    const analysers: Analyser[] = [
      { name: 'count', version: '1', analyse: () => ++runs },
      { name: 'fails', version: '1', analyse: () => { throw new Error('no'); } },
    ];
    const owner = story('a.md', 'Port strike', ['Dock workers walked out.']);
    owner.annotations['count'] = 7;
    const twin = story('b.md', 'Port strike', ['Dock workers walked out.']);
    const lone = story('c.md', 'Port strike ends', ['Dock workers returned.']);
    // Same text, another date: the dates analysers read it, so it is not a copy.
    const later = story('d.md', 'Port strike', ['Dock workers walked out.'], { published: '2024-09-01' });
    expect(analysisKey(twin)).toBe(analysisKey(owner));
    expect(analysisHash(twin)).toBe(analysisHash(owner));
    expect(analysisKey(lone)).not.toBe(analysisKey(owner));
    expect(analysisKey(later)).not.toBe(analysisKey(owner));
    const owners = new Map([[analysisHash(owner), owner]]);
    const deferred = [
      { article: twin, hash: analysisHash(twin) },
      { article: lone, hash: analysisHash(lone) },
      // As if its hash had collided with the owner's.
      { article: later, hash: analysisHash(owner) },
    ];
    expect(completeDeferred(deferred, owners, analysers)).toBe(3);
    expect(twin.annotations['count']).toBe(7);
    expect('fails' in twin.annotations).toBe(false);
    expect(lone.annotations['count']).toBe(1);
    expect(later.annotations['count']).toBe(2);
    expect(runs).toBe(2);
  });
});
