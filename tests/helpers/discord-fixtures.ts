/**
 * The real library over hand-written articles whose text tries to break Discord's layout and to
 * ping everyone.
 */
import type { Library } from '../../src/core/ports.js';
import { loadConfig, type Config } from '../../src/app/config.js';
import { libraryFromArticles } from '../../src/library/build.js';
import type { Article } from '../../src/core/types.js';
import { bodyArticle } from './articles.js';

/** An article whose whole text is body (shared with the other adapter's tests). */
export const makeArticle = bodyArticle;

/**
 * The articles the Discord tests search. The real search joins a sentence shorter than 80
 * characters to the next one, so sentences a test expects to be quoted on their own (and the
 * "#" that must start a quoted line) follow one of at least 80 characters.
 */
export const ARTICLES: Article[] = [
  makeArticle(
    'gyumri.md',
    { title: 'Quake anniversary in Gyumri', outlet: 'Armenpress', url: 'https://example.org/news/gyumri?id=1', published: '2021-06-04', publishedInferred: false },
    'Residents of Gyumri gathered on Friday to remember the earthquake that destroyed much of the city. ' +
      'The mayor said the rebuilt school will open in September, in time for the start of the new year. ' +
      'Officials in Gyumri promised more **housing** money @everyone should read. ' +
      'A reporter asked about `code` and ||spoilers|| and <@123456> in Gyumri.',
  ),
  makeArticle(
    'border.txt',
    { title: 'Border talks [update]', outlet: 'Daily *Star*', url: 'https://example.com/border_(talks)', published: '2021-05-30', publishedInferred: true },
    'Armenia and Azerbaijan held border talks on Thursday, the first round of such talks in over a year. ' +
      'Both delegations met at a guest house near the border and spoke for about three hours, aides said. ' +
      '# Not a heading in Gyumri either, whatever this line looks like to anything that renders markdown. ' +
      'The ministry denied the report.',
  ),
];

/** The real library (index, passage search, suggestions, analysers) over the test articles. */
export function fixtureLibrary(articles: Article[] = ARTICLES): Library {
  return libraryFromArticles(articles);
}

/** Configuration as the tests want it (env-shaped, through the real loader). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ DISCORD_TOKEN: 'test-token-not-secret', DISCORD_APP_ID: '100000000000000001', LOG_LEVEL: 'silent', ...env });
}
