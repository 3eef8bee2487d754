/**
 * A small real corpus and runtime for the Slack tests: hand-written articles (analysed by the real
 * analysers), a word-matching object satisfying `Library`, and the shipped command modules.
 * The article text tries to ping the channel and to break mrkdwn.
 */
import type { Command } from '../../src/core/command.js';
import type { Library, Logger } from '../../src/core/ports.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { loadConfig } from '../../src/app/config.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import type { Article } from '../../src/core/types.js';
import { bodyArticle } from './articles.js';
import ask from '../../commands/ask.js';
import claim from '../../commands/claim.js';
import digest from '../../commands/digest.js';
import help from '../../commands/help.js';
import search from '../../commands/search.js';
import sources from '../../commands/sources.js';
import timeline from '../../commands/timeline.js';
import topics from '../../commands/topics.js';

/** The signing secret the tests sign with. */
export const SECRET = 'test-signing-secret-0123456789';
/** The bot token the tests configure (fake; never a real credential). */
export const TOKEN = 'xoxb-000-test-token-not-real';

/** An article whose whole text is body (shared with the other adapter's tests). */
export const makeArticle = bodyArticle;

/** Articles the Slack tests quote. */
export const ARTICLES: Article[] = [
  makeArticle(
    'gyumri-base.md',
    { title: 'Russian base in Gyumri on alert', outlet: 'Armenpress', url: 'https://example.org/news?id=1&lang=en', published: '2021-06-04' },
    'The Russian military base in Gyumri was put on alert on 3 June 2021, the defence ministry said. ' +
      'Officials denied that troops had left Gyumri. ' +
      'A commenter wrote <!channel> and @here and <@U0000009> about *Gyumri* _today_ ~now~ `code`. ',
  ),
  makeArticle(
    'border-talks.txt',
    { title: 'Border talks resume', outlet: 'Daily *Star*', url: 'https://example.com/border_(talks)', published: '2021-05-30', publishedInferred: true },
    'Armenia and Azerbaijan held border talks on 28 May 2021. ' +
      'The foreign ministry claimed that the talks near Gyumri were constructive. ' +
      'An opposition spokesman denied the report about Gyumri.',
  ),
  ...Array.from({ length: 5 }, (_, i) =>
    makeArticle(
      `market-${i + 1}.md`,
      { title: `Gyumri market report ${i + 1}`, outlet: `Outlet ${i + 1}`, url: `https://example.net/market/${i + 1}`, published: `2021-06-0${i + 1}` },
      `Traders in Gyumri reported prices for week ${i + 1}. Bread in Gyumri cost ${100 + i} dram on market day ${i + 1}. Nothing else changed.`,
    ),
  ),
];

/** The real library (index, search, suggestions, analysers) over the test articles. */
export function fixtureLibrary(articles: Article[] = ARTICLES): Library {
  return libraryFromArticles(articles);
}

/** The shipped commands the Slack adapter is tested with. */
export async function testCommands(): Promise<Map<string, Command>> {
  const list: Command[] = [search, sources, help, ask, claim, timeline, digest, topics];
  return new Map(list.map((c) => [c.name, c]));
}

/** A logger that keeps every line, so tests can check nothing secret was logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (obj: unknown, msg?: string) => {
    lines.push(`${level} ${JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v))} ${msg ?? ''}`);
  };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error'), debug: keep('debug') };
}

/** A runtime over the fixture corpus (or `library`), configured for Slack against `apiUrl`. */
export async function testRuntime(apiUrl: string, env: Record<string, string> = {}, logger: Logger = recordingLogger(), library: Library = fixtureLibrary()): Promise<Runtime> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return createRuntime({ commands: await testCommands(), library: () => library, logger, config });
}
