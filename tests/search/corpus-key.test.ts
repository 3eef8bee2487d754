import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusKey, formatManifest, parseManifest } from '../../src/search/corpus-key.js';

const EXT = ['.md', '.txt', '.json'];

describe('corpusKey', () => {
  let dir: string;
  const old = new Date(Date.now() - 3600_000);
  const put = (rel: string, text: string, when = old) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    utimesSync(file, when, when);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-key-'));
    put('a.md', 'alpha');
    put('sub/b.txt', 'bravo');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is stable, and reuses remembered hashes for untouched files', async () => {
    const first = await corpusKey(dir, EXT, 'salt');
    expect(first.hashed).toBe(2);
    expect(first.files).toEqual(['a.md', 'sub/b.txt']);
    const again = await corpusKey(dir, EXT, 'salt', parseManifest(formatManifest(first.manifest)));
    expect(again.hashed).toBe(0);
    expect(again.key).toBe(first.key);
    expect((await corpusKey(dir, EXT, 'other salt')).key).not.toBe(first.key);
  });

  it('notices a same-size edit, a new file and a removed file', async () => {
    const first = await corpusKey(dir, EXT, 'salt');
    put('a.md', 'ALPHA', new Date(Date.now() - 1800_000));
    const edited = await corpusKey(dir, EXT, 'salt', first.manifest);
    expect(edited.hashed).toBe(1);
    expect(edited.key).not.toBe(first.key);
    put('c.json', '{}');
    const added = await corpusKey(dir, EXT, 'salt', edited.manifest);
    expect(added.key).not.toBe(edited.key);
    rmSync(path.join(dir, 'c.json'));
    expect((await corpusKey(dir, EXT, 'salt', added.manifest)).key).toBe(edited.key);
  });

  it('ignores hidden files and files ingest does not read', async () => {
    const first = await corpusKey(dir, EXT, 'salt');
    put('.hidden.md', 'x');
    put('.git/config.md', 'x');
    put('notes.docx', 'x');
    expect((await corpusKey(dir, EXT, 'salt')).key).toBe(first.key);
  });

  it('re-reads a file modified just before it was hashed (its time may not change on the next edit)', async () => {
    put('a.md', 'alpha', new Date());
    const first = await corpusKey(dir, EXT, 'salt');
    const again = await corpusKey(dir, EXT, 'salt', first.manifest);
    expect(again.hashed).toBe(1);
  });

  it('rejects a manifest that is not one', () => {
    expect(parseManifest('{"hashedAt":1}')).toBeNull();
    expect(parseManifest('')).toBeNull();
  });
});
