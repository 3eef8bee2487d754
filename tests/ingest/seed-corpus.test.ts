/** The five shipped sample articles: metadata, chrome, captions, datelines, verbatim bodies. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestText, loadCorpus } from '../../src/ingest/index.js';
import type { Article, BlockKind } from '../../src/core/types.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const corpusDir = path.join(repoRoot, 'corpus');
const sharedCorpus = '/work/shared/corpus';

let articles: Article[] = [];

beforeAll(async () => {
  const loaded = await loadCorpus(corpusDir);
  expect(loaded.warnings).toEqual([]);
  articles = loaded.articles;
});

function byUrlPart(part: string): Article {
  const a = articles.find((x) => x.meta.url?.includes(part));
  if (!a) throw new Error(`no article with url containing ${part}`);
  return a;
}

function blocksOf(a: Article, kind: BlockKind): string[] {
  return a.blocks.filter((b) => b.kind === kind).map((b) => a.text.slice(b.start, b.end));
}

function chromeWith(a: Article, needle: string): { reason?: string } | undefined {
  return a.blocks.find((b) => b.kind === 'chrome' && a.text.slice(b.start, b.end).includes(needle));
}

function sentenceTexts(a: Article): string[] {
  return a.sentences.map((s) => a.text.slice(s.start, s.end));
}

describe('shipped corpus', () => {
  it('has five articles whose bodies are byte-identical to the received files', () => {
    expect(articles).toHaveLength(5);
    const received = readdirSync(sharedCorpus).map((f) => readFileSync(path.join(sharedCorpus, f), 'utf8'));
    for (const a of articles) expect(received).toContain(a.text);
  });

  it('OC Media: metadata, caption, appeal, teaser and lists', () => {
    const a = byUrlPart('oc-media.org');
    expect(a.meta).toMatchObject({ outlet: 'OC Media', published: '2025-07-07', publishedInferred: true });
    expect(blocksOf(a, 'title')).toEqual(['Ukraine claims Russia upping military presence in Armenia amidst tensions with Baku']);
    expect(blocksOf(a, 'caption')).toEqual(["The entrance to Russia's military base in Gyumri, Armenia. Photo: Wikimedia commons."]);
    expect(chromeWith(a, 'Become a member')?.reason).toBe('membership appeal');
    expect(chromeWith(a, 'fearless journalists')?.reason).toBe('membership appeal');
    expect(chromeWith(a, 'Join the voices')?.reason).toBe('membership appeal');
    expect(chromeWith(a, 'Simonyan suggests possible ban')?.reason).toBe('teaser');
    expect(chromeWith(a, 'The statement came following commentary')?.reason).toBe('teaser');
    expect(chromeWith(a, 'Related Articles')?.reason).toBe('related list');
    expect(chromeWith(a, 'Most Popular')?.reason).toBe('related list');
    const text = sentenceTexts(a).join('\n');
    expect(text).toContain('The authenticity of the leaked message could not be independently verified.');
    expect(text).toContain('In 2023, dozens of anti-Russian protesters were arrested');
    expect(text).not.toContain('member');
    expect(text).not.toContain('Simonyan');
    // The caption is quoted once, as a caption, not twice.
    expect(a.sentences.filter((s) => s.kind === 'caption').map((s) => a.text.slice(s.start, s.end))).toEqual([
      "The entrance to Russia's military base in Gyumri, Armenia.",
      'Photo: Wikimedia commons.',
    ]);
  });

  it('aggregator copy: unknown outlet stays null, date from the URL', () => {
    const a = byUrlPart('oikosix');
    expect(a.meta).toMatchObject({ outlet: null, published: '2025-07-06', publishedInferred: false });
    expect(blocksOf(a, 'title')).toHaveLength(1);
    expect(a.blocks.filter((b) => b.kind === 'chrome')).toEqual([]);
  });

  it('Warsaw Institute: Date line, donation appeal and copyright notice are not reporting', () => {
    const a = byUrlPart('warsawinstitute');
    expect(a.meta).toMatchObject({ outlet: 'Warsaw Institute', published: '2021-02-23', publishedInferred: false });
    expect(blocksOf(a, 'dateline')).toEqual(['Date: 23 February 2021']);
    expect(chromeWith(a, 'Support Us')?.reason).toBe('donation appeal');
    expect(chromeWith(a, 'please support our actions')?.reason).toBe('donation appeal');
    expect(chromeWith(a, 'may be disseminated')?.reason).toBe('copyright notice');
    expect(chromeWith(a, 'Related posts')?.reason).toBe('related list');
    const text = sentenceTexts(a).join('\n');
    expect(text).not.toMatch(/Donations|support our actions|disseminated/);
  });

  it('TASS: dateline read, standfirst marked, navigation dropped', () => {
    const a = byUrlPart('tass.com');
    expect(a.meta).toMatchObject({ outlet: 'TASS', published: '2021-06-04', publishedInferred: true });
    expect(a.annotations.dateline).toMatchObject({ place: 'YEREVAN', month: 6, day: 4, outlet: 'TASS' });
    expect(blocksOf(a, 'dateline')).toEqual(['YEREVAN, June 4. /TASS/.']);
    expect(blocksOf(a, 'standfirst')).toEqual([
      'According to Sergey Kopyrkin, Russia significantly contributed to ensuring Armenia’s security under its alliance obligations',
    ]);
    expect(chromeWith(a, 'All news')?.reason).toBe('navigation');
    expect(sentenceTexts(a)).toContain(
      'Moscow has increased the number of Russian border troops deployed to Armenia in accordance with its alliance obligations, Russian Ambassador to Yerevan Sergey Kopyrkin said at a meeting with Governor of Armenia’s Sinyuk region Melikset Pogosyan, the Russian embassy said in a statement on Friday.',
    );
  });

  it('republished RT piece: repeated title, reader comment and widgets are chrome', () => {
    const a = byUrlPart('xennialtimes');
    expect(a.meta).toMatchObject({ outlet: null, published: '2021-08-05', publishedInferred: true });
    expect(blocksOf(a, 'title')).toHaveLength(1);
    expect(chromeWith(a, 'I believe that the first job of a journalist')?.reason).toBe('reader comment');
    expect(chromeWith(a, 'Share this article')?.reason).toBe('share widget');
    expect(chromeWith(a, 'View all comments')?.reason).toBe('comment widget');
    expect(chromeWith(a, 'You cannot copy')?.reason).toBe('copy-protection notice');
    const text = sentenceTexts(a).join('\n');
    expect(text).toContain('Armenia agreed to withdraw from neighbouring regions');
    expect(text).toContain('I think it makes sense'); // a quote in the reporting stays
    expect(text).not.toMatch(/Media outlets have gained|Share this|comment/);
  });

  it('reads what the text itself says when the metadata is missing', () => {
    const bare = articles.map((a) => ingestText(a.text, { id: a.id }));
    expect(bare.map((a) => a.meta.title)).toEqual(articles.map((a) => a.meta.title));
    const byTitle = new Map(bare.map((a) => [a.meta.title, a.meta]));
    expect(byTitle.get('Russia increases border troop strength in Armenia, ambassador says')).toMatchObject({ outlet: 'TASS', published: null });
    expect(byTitle.get('Armenia Invites More Russian Troops to Its Territory')).toMatchObject({ published: '2021-02-23', publishedInferred: false });
    // Chrome and captions do not depend on the metadata.
    for (const [i, a] of bare.entries()) expect(a.blocks).toEqual(articles[i]!.blocks);
  });

  it('never gives chrome or datelines a sentence', () => {
    for (const a of articles) {
      for (const s of a.sentences) expect(['title', 'standfirst', 'body', 'caption']).toContain(a.blocks[s.block]!.kind);
    }
  });
});
