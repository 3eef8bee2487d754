import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/corpus.js';
import { cachedStructure, clearIngestCache, ingestPending, ingestText, ingestTextOrPending, rememberStructure, type PendingText } from '../../src/ingest/ingest-text.js';

const BODY = 'GENEVA, March 3 (Reuters) - Talks resumed on Monday, officials said. "We are close," one envoy told reporters.\n\nA second round is planned for April.';

describe('a text split by another thread', () => {
  let dir: string;
  beforeEach(() => {
    clearIngestCache();
    dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-pending-'));
  });
  afterEach(() => {
    clearIngestCache();
    rmSync(dir, { recursive: true, force: true });
  });

  it('comes back pending when the gate refuses it, and ingests as the text would once the structure is given', () => {
    const asked: string[] = [];
    const pending = ingestTextOrPending(BODY, { id: 'copy.md', meta: { outlet: 'Wire' } }, (key) => (asked.push(key), false));
    expect('raw' in pending).toBe(true);
    expect(asked).toHaveLength(1);
    const expected = ingestText(BODY, { id: 'copy.md', meta: { outlet: 'Wire' } });
    // Another thread's structure, as it arrives over a message: a copy of it, not the same objects.
    const theirs = structuredClone(cachedStructure((pending as PendingText).key)!);
    clearIngestCache();
    rememberStructure((pending as PendingText).key, theirs);
    const done = ingestPending(pending as PendingText);
    expect(done).toEqual(expected);
    expect(done.sentences).toBe(theirs.sentences);
  });

  it('is not asked about a text already split here, and a granted text is ingested at once', () => {
    let asked = 0;
    const first = ingestTextOrPending(BODY, { id: 'a.md' }, () => (asked++, true));
    expect('raw' in first).toBe(false);
    const again = ingestTextOrPending(BODY, { id: 'b.md' }, () => (asked++, false));
    expect('raw' in again).toBe(false);
    expect(asked).toBe(1);
  });

  it('keeps the places of pending entries among a JSON file\'s articles', async () => {
    const entries = ['One story. It ran long.', 'Two story. It ran short.', 'Three story. It ran late.'].map((body, i) => ({ title: `Story ${i}`, body }));
    const file = path.join(dir, 'export.json');
    writeFileSync(file, JSON.stringify(entries));
    const plain = await ingestFile(file, dir);
    clearIngestCache();
    let n = 0;
    const gated = await ingestFile(file, dir, { structureGate: () => n++ !== 1 });
    expect(gated.pending?.map((p) => p.at)).toEqual([1]);
    expect(gated.articles.map((a) => a.id)).toEqual([plain.articles[0]!.id, plain.articles[2]!.id]);
    expect(ingestPending(gated.pending![0]!.text)).toEqual(plain.articles[1]);
  });
});
