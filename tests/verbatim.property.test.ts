/**
 * The promise a newsroom relies on, checked over the shipped corpus with random questions: every
 * quoted item of every command is exact text of the article it cites, and none comes from site chrome.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../src/core/command.js';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { buildLibrary } from '../src/library/build.js';
import { silentLogger } from '../src/app/log.js';
import { createRuntime, type Runtime } from '../src/app/runtime.js';
import type { Article } from '../src/core/types.js';
import { repoRoot, tempDir } from './helpers/cli.js';

let runtime: Runtime;
let articles: readonly Article[];
let vocabulary: string[];

beforeAll(async () => {
  const config = loadConfig({ CORPUS_DIR: path.join(repoRoot, 'corpus'), DATA_DIR: tempDir() });
  const [commands, built] = await Promise.all([
    loadCommands(),
    buildLibrary({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, logger: silentLogger }),
  ]);
  articles = built.library.articles;
  runtime = createRuntime({ commands: commands as Map<string, Command>, library: () => built.library, logger: silentLogger, config });
  // Words of the whole pages, chrome included, so questions also aim at what must never be quoted.
  vocabulary = [...new Set(articles.flatMap((a) => a.text.match(/\p{L}{3,}/gu) ?? []))];
});

describe('every quote is verbatim and never chrome (property over the shipped corpus)', () => {
  it('holds for search, claim, timeline and ask', async () => {
    expect(articles.length).toBeGreaterThan(0);
    const question = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 3 }).map((ix) => ix.map((i) => vocabulary[i % vocabulary.length]).join(' ')),
      fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2, maxLength: 2 }).map((ix) => ix.map((i) => vocabulary[i % vocabulary.length]!.toLowerCase()).join('-')),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('search', 'claim', 'timeline', 'ask'), question, async (name, text) => {
        const reply = await runtime.execute(name, { text }, { platform: 'cli' });
        for (const item of reply.items) {
          const citation = reply.citations.find((c) => c.id === item.source);
          expect(citation?.id, `${name} "${text}": item cites a missing source`).toBe(item.source);
          const article = articles.find((a) => a.id === citation!.articleId)!;
          expect(article.text.slice(item.span.start, item.span.end)).toBe(item.text);
          const block = article.blocks.find((b) => b.start <= item.span.start && item.span.end <= b.end);
          expect(block && block.start <= item.span.start && item.span.end <= block.end, `${name} "${text}": item spans blocks`).toBe(true);
          expect(block!.kind, `${name} "${text}": "${item.text}"`).not.toBe('chrome');
          if (block!.kind === 'caption') expect(item.caption).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
