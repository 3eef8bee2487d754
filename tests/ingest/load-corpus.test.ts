/** loadCorpus and ingestFile: formats, front matter, unreadable files, the missing folder. */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { ingestFile, loadCorpus } from '../../src/ingest/index.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'ingest');

function tempCorpus(): string {
  return mkdtempSync(path.join(tmpdir(), 'newsdesk-ingest-'));
}

function recordingLogger(): Logger & { warnings: unknown[] } {
  const warnings: unknown[] = [];
  return { warnings, info() {}, error() {}, debug() {}, warn: (obj: unknown) => void warnings.push(obj) };
}

const GOOD = 'Flood barriers held overnight\n\nThe new flood barriers held overnight, the river authority said on Tuesday.\n';

describe('loadCorpus', () => {
  it('reads front matter, plain text and subfolders in path order', async () => {
    const dir = tempCorpus();
    mkdirSync(path.join(dir, 'b-sub', 'deeper'), { recursive: true });
    writeFileSync(
      path.join(dir, 'a.md'),
      '---\ntitle: "Flood barriers held"\noutlet: River Post\nurl: https://river.test/a\npublished: 2024-05-02\npublished_inferred: true\nauthor: Sam Lee\nlanguage: en\ntags: [floods, river]\n---\n' +
        GOOD,
    );
    writeFileSync(path.join(dir, 'b-sub', 'deeper', 'c.txt'), GOOD);
    writeFileSync(path.join(dir, 'b-sub', 'notes.csv'), 'ignored,file\n');
    writeFileSync(path.join(dir, '.hidden.md'), GOOD);
    symlinkSync(dir, path.join(dir, 'b-sub', 'loop'));
    const { articles, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['a.md', 'b-sub/deeper/c.txt']);
    const [a, c] = articles;
    expect(a!.meta).toEqual({
      title: 'Flood barriers held',
      outlet: 'River Post',
      url: 'https://river.test/a',
      published: '2024-05-02',
      publishedInferred: true,
      author: 'Sam Lee',
      language: 'en',
      tags: ['floods', 'river'],
    });
    expect(a!.text).toBe(GOOD);
    // No metadata at all: the headline line becomes the title, nothing else is invented.
    expect(c!.meta).toEqual({ title: 'Flood barriers held overnight', outlet: null, url: null, published: null, publishedInferred: false });
  });

  it('skips each unreadable file with one warning naming it and why, and loads the rest', async () => {
    const dir = tempCorpus();
    writeFileSync(path.join(dir, 'good.txt'), GOOD);
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x48]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owners protest\n\nThe owners said.', 'latin1'));
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'blank.txt'), '  \n\n\t\n');
    writeFileSync(path.join(dir, 'huge.txt'), 'A'.repeat(2000));
    writeFileSync(path.join(dir, 'unclosed.md'), '---\ntitle: Never closed\n\nBody text here.\n');
    writeFileSync(path.join(dir, 'bad-yaml.md'), '---\ntitle: [unbalanced\n---\nBody text.\n');
    writeFileSync(path.join(dir, 'bad-date.md'), '---\ntitle: Fine\npublished: last Tuesday\n---\nBody text.\n');
    writeFileSync(path.join(dir, 'list.md'), '---\n- just\n- a list\n---\nBody text.\n');
    writeFileSync(path.join(dir, 'broken.json'), '{"title": "x", "body": ');
    const logger = recordingLogger();
    const { articles, warnings } = await loadCorpus(dir, { logger, maxFileBytes: 1000 });
    expect(articles.map((a) => a.id)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(warnings.map((w) => [w.file, w.reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      ['bad-date.md', 'bad-yaml.md', 'binary.txt', 'blank.txt', 'broken.json', 'empty.md', 'huge.txt', 'latin1.txt', 'list.md', 'unclosed.md'].sort(),
    );
    expect(warnings).toHaveLength(10);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['empty.md']).toMatch(/empty/);
    expect(reasons['blank.txt']).toMatch(/empty/);
    expect(reasons['huge.txt']).toMatch(/too large \(2000 bytes, limit 1000\)/);
    expect(reasons['unclosed.md']).toMatch(/malformed front matter: no closing/);
    expect(reasons['bad-yaml.md']).toMatch(/malformed front matter/);
    expect(reasons['bad-date.md']).toMatch(/malformed front matter: published: published "last Tuesday" is not a date/);
    expect(reasons['list.md']).toMatch(/malformed front matter/);
    expect(reasons['broken.json']).toMatch(/malformed JSON/);
    expect(logger.warnings).toHaveLength(10);
    expect(logger.warnings[0]).toMatchObject({ file: warnings[0]!.file, reason: warnings[0]!.reason });
  });

  it('applies the default 5 MB limit', async () => {
    const dir = tempCorpus();
    writeFileSync(path.join(dir, 'big.txt'), `Title line here\n\n${'word '.repeat(1_100_000)}`);
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles).toEqual([]);
    expect(warnings).toEqual([{ file: 'big.txt', reason: expect.stringMatching(/too large .*limit 5242880/) }]);
  });

  it('throws a corpus error for a missing folder', async () => {
    const missing = path.join(tempCorpus(), 'nope');
    await expect(loadCorpus(missing)).rejects.toSatisfy((err: unknown) => isNewsdeskError(err, 'corpus'));
    await expect(loadCorpus(missing)).rejects.toThrow(`Corpus folder not found: ${missing}`);
  });

  it('reads CMS JSON exports: arrays, single objects and wrapped lists', async () => {
    const dir = tempCorpus();
    cpSync(path.join(fixtures, 'cms'), dir, { recursive: true });
    const { articles, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([{ file: 'wordpress-export.json#3', reason: expect.stringMatching(/no article text/) }]);
    expect(articles.map((a) => a.id)).toEqual([
      'single-article.json',
      'wordpress-export.json#0',
      'wordpress-export.json#1',
      'wordpress-export.json#2',
      'wrapped-export.json#0',
    ]);
    const [single, wp0, wp1, wpHtml, wrapped] = articles;
    expect(single!.meta).toMatchObject({ title: 'Rail strike called off', outlet: 'Wire Desk', published: '2024-03-03' });
    expect(single!.annotations.dateline).toMatchObject({ place: 'KYIV', month: 3, day: 3, outlet: 'Reuters' });
    expect(wp0!.meta).toMatchObject({
      title: 'City council approves budget after long debate',
      url: 'https://example-news.test/2024/03/14/council-approves-budget/',
      published: '2024-03-14',
      author: 'Maria Lopez',
      tags: ['budget', 'council'],
      outlet: null,
    });
    expect(wp0!.blocks.at(-1)).toMatchObject({ kind: 'chrome', reason: 'share widget' });
    expect(wp1!.meta).toMatchObject({ title: 'Harbour reopens after storm', outlet: 'Example Coast Times', published: '2024-03-15' });
    // An HTML body becomes plain text; offsets point into that text.
    expect(wpHtml!.meta).toMatchObject({ title: 'Fire closes central market – traders count losses', published: '2024-03-16' });
    expect(wpHtml!.text).toBe(
      'A fire closed the central market on Saturday, the fire service said.\n\nSmoke over the market hall. Photo: Anna Berg\n\n“We lost everything,” said one trader.\nNobody was hurt.\n\nShare this article',
    );
    expect(wpHtml!.blocks.map((b) => b.kind)).toEqual(['body', 'caption', 'body', 'body', 'chrome']);
    expect(wrapped!.meta).toMatchObject({ title: 'Bridge inspection finds cracks', published: '2024-04-01' });
  });
});

describe('ingestFile', () => {
  it('ingests one file with an id relative to the corpus folder', async () => {
    const dir = tempCorpus();
    mkdirSync(path.join(dir, 'x'));
    const file = path.join(dir, 'x', 'story.txt');
    writeFileSync(file, GOOD);
    const result = await ingestFile(file, dir);
    expect(result.warning).toBeUndefined();
    expect(result.articles.map((a) => a.id)).toEqual(['x/story.txt']);
  });

  it('returns a warning instead of throwing for a file that disappeared', async () => {
    const dir = tempCorpus();
    const result = await ingestFile(path.join(dir, 'gone.txt'), dir);
    expect(result.articles).toEqual([]);
    expect(result.warning).toEqual({ file: 'gone.txt', reason: 'cannot be read (ENOENT)' });
  });
});
