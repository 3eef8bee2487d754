/** Shared fixtures for timeline and topics tests: the shipped sample corpus as a library, and a runtime over it. */
import path from 'node:path';
import timeline from '../../commands/timeline.js';
import topics from '../../commands/topics.js';
import type { Command } from '../../src/core/command.js';
import type { Library } from '../../src/core/ports.js';
import { loadConfig } from '../../src/app/config.js';
import { loadCorpus } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import type { Article } from '../../src/core/types.js';

const corpusDir = path.resolve(import.meta.dirname, '..', '..', 'corpus');

let sample: Promise<Library> | undefined;

/** The shipped corpus, ingested, analysed and indexed once per test file. */
export function sampleLibrary(): Promise<Library> {
  sample ??= loadCorpus(corpusDir).then(({ articles }) => libraryFromArticles(articles));
  return sample;
}

/** A runtime with the timeline and topics commands over a library. */
export function runtimeOver(library: Library): Runtime {
  return createRuntime({
    commands: new Map<string, Command>([
      [timeline.name, timeline],
      [topics.name, topics],
    ]),
    library: () => library,
    logger: silentLogger,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
  });
}

/** A library of articles built from the given texts through the real ingest. */
export async function libraryOf(texts: { id: string; text: string; meta: Partial<Article['meta']> }[]): Promise<Library> {
  const { ingestText } = await import('../../src/ingest/index.js');
  return libraryFromArticles(texts.map((t) => ingestText(t.text, { id: t.id, meta: t.meta })));
}
