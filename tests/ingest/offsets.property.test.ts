/**
 * The verbatim invariant, as properties: for any raw text, blocks and sentences are in range,
 * ordered, non-overlapping, nested, trimmed, and exactly what they claim to be; chrome and
 * datelines never yield sentences; every character of reporting is in some sentence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestText, sha256 } from '../../src/ingest/index.js';
import type { Article } from '../../src/core/types.js';
import { expectLinearGrowth } from '../helpers/scaling.js';

const corpusDir = path.resolve(import.meta.dirname, '..', '..', 'corpus');
const seedParagraphs = readdirSync(corpusDir)
  .flatMap((f) => readFileSync(path.join(corpusDir, f), 'utf8').split(/\n/))
  .filter((l) => l.trim() !== '' && !l.startsWith('---') && !/^[a-z_]+: /.test(l));

const SENTENCE_KINDS = new Set(['title', 'standfirst', 'body', 'caption']);
const isBlank = (s: string) => s.trim().length === 0;

function checkArticle(raw: string, a: Article): void {
  expect(a.text).toBe(raw);
  expect(a.contentHash).toBe(sha256(raw));
  let prevEnd = 0;
  for (const b of a.blocks) {
    expect(b.start).toBeGreaterThanOrEqual(prevEnd);
    expect(b.end).toBeGreaterThan(b.start);
    expect(b.end).toBeLessThanOrEqual(raw.length);
    const text = raw.slice(b.start, b.end);
    expect(text.trim()).toBe(text);
    prevEnd = b.end;
  }
  // Everything between blocks is whitespace (or the marks of a Markdown heading): no text is
  // silently dropped from classification.
  const gapIsEmpty = (gap: string) => isBlank(gap.replace(/^[ \t]+#+(?=\s|$)/, '').replace(/#{1,6}[ \t]+$/, ''));
  let cursor = 0;
  for (const b of a.blocks) {
    expect(gapIsEmpty(raw.slice(cursor, b.start))).toBe(true);
    cursor = b.end;
  }
  expect(gapIsEmpty(raw.slice(cursor))).toBe(true);

  prevEnd = 0;
  const covered = new Map<number, number>();
  a.sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.block).toBeGreaterThanOrEqual(0);
    expect(s.block).toBeLessThan(a.blocks.length);
    const block = a.blocks[s.block]!;
    expect(s.kind).toBe(block.kind);
    expect(SENTENCE_KINDS.has(block.kind)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(Math.max(block.start, prevEnd));
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(block.end);
    const text = raw.slice(s.start, s.end);
    expect(text.trim()).toBe(text);
    covered.set(s.block, (covered.get(s.block) ?? 0) + text.replace(/\s/g, '').length);
    prevEnd = s.end;
  });
  a.blocks.forEach((b, i) => {
    const content = raw.slice(b.start, b.end).replace(/\s/g, '').length;
    expect(covered.get(i) ?? 0).toBe(SENTENCE_KINDS.has(b.kind) ? content : 0);
  });
}

const fragments = fc.constantFrom(
  '\n',
  '\n\n',
  '\r\n',
  '    ',
  ' ',
  '. ',
  'Mr. Smith said. ',
  '“Quoted,” he said. ',
  'YEREVAN, June 4. /TASS/. ',
  'LONDON (Reuters) - ',
  'Date: 23 February 2021\n',
  'Share this article:\n',
  'Related Articles\n',
  'Photo: Getty Images\n',
  'I believe this is wrong.\n',
  'Become a member\n',
  'U.S. officials rose 3.5 pct. ',
  '\u00a0',
  '😀 ',
  'e\u0301 ',
  '…',
);
const rawText = fc
  .array(fc.oneof(fragments, fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...seedParagraphs)), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

describe('ingestText offsets', () => {
  it('hold for arbitrary text', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        checkArticle(raw, ingestText(raw, { id: 'x' }));
      }),
      { numRuns: 400 },
    );
  });

  it('hold for shuffled corpus paragraphs with a known title', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(seedParagraphs, { minLength: 1 }),
        fc.constantFrom('\n', '\n\n', '\n \n'),
        fc.nat(),
        (paras, sep, pick) => {
          const raw = paras.join(sep);
          const title = paras[pick % paras.length]!;
          const a = ingestText(raw, { id: 'x', meta: { title } });
          checkArticle(raw, a);
          expect(a.meta.title).toBe(title);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('hold for long runs of the characters the rules look at', () => {
    const alphabet = fc.constantFrom('A', 'B', '-', ' ', '.', ',', '/', '(', ')', '\n', 'I', '“', '"', 'a', ':', '#', '?', 'Photo', 'Share');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 500, maxLength: 4000 }), (parts) => {
        const raw = parts.join('');
        checkArticle(raw, ingestText(raw, { id: 'x' }));
      }),
      { numRuns: 40 },
    );
  });

  it('stays linear on pathological input (no regular expression runs away)', () => {
    const cases: Array<[string, (n: number) => string, number]> = [
      ['A-', (n) => 'A-'.repeat(n), 1_000],
      ['AB. ', (n) => 'AB. '.repeat(n), 1_000],
      ['“', (n) => '“'.repeat(n), 1_000],
      ['dateline then slashes', (n) => `YEREVAN, June 4 ${'/'.repeat(n)}`, 1_000],
      ['Share this lines', (n) => 'Share this\n'.repeat(n), 250],
      ['Hello there.', (n) => 'Hello there. '.repeat(n), 250],
    ];
    for (const [label, make, small] of cases) {
      const full = make(small * 20);
      checkArticle(full, ingestText(full, { id: 'x' }));
      expectLinearGrowth(label, (n) => void ingestText(make(n), { id: 'x' }), small);
    }
  });

  it('gives the empty and whitespace-only text no blocks and no sentences', () => {
    for (const raw of ['', '   ', '\n\n\t\n']) {
      const a = ingestText(raw, { id: 'blank' });
      expect(a.blocks).toEqual([]);
      expect(a.sentences).toEqual([]);
      expect(a.meta.title).toBe('blank');
    }
  });
});
