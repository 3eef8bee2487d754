/**
 * Next past the first page of `/newsdesk sources` in Discord: the real discord.js client against
 * the fake Discord, over more articles than one page of sources lists. The second page is asked
 * of the command (`--page 2`), not kept from a reply listing every article.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { libraryFromArticles } from '../../../src/library/build.js';
import { SOURCES_PAGE } from '../../../commands/sources.js';
import { testConfig } from '../../helpers/discord-fixtures.js';
import { FakeDiscord, trackUnhandledRejections, botMessage, isCallback } from '../../helpers/fake-discord.js';
import { MANY_SOURCES, manySourcesArticles, reportsIn } from '../../helpers/many-sources.js';

interface Message {
  content: string;
  embeds: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  components: Array<{ components: Array<{ label: string; custom_id: string; disabled: boolean }> }>;
}

/** The reports a page quotes (its quotes' labels, "**Report 051**"; the page of citation lines names them too, unbolded). */
const shownIn = (m: Message) => m.embeds.flatMap((e) => reportsIn((e.description ?? '').match(/\*\*Report \d{3}\*\*/g)?.join(' ') ?? ''));
const nextOf = (m: Message) => m.components[0]?.components.find((b) => b.label === 'Next');

describe('sources past the first page in Discord', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const library = libraryFromArticles(manySourcesArticles());
    const runtime = createRuntime({ commands: await loadCommands(), library: () => library, logger: silentLogger, config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000' }) });
    adapter = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 });
  });
  afterEach(() => {
    expect(rejections.errors).toEqual([]);
    expect(fake.unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    rejections.dispose();
  });

  it('the first answer lists one page of sources with the total; Next past its last message shows the next page', async () => {
    const { id } = fake.command('newsdesk', [{ name: 'sources', type: 1, options: [] }]);
    let message: Message = (await fake.waitFor(isCallback(id), 30_000)).body.data;
    expect(message.content).toContain(`${MANY_SOURCES} articles in the corpus (1–${SOURCES_PAGE} shown)`);
    const shown = [shownIn(message)];
    for (let click = 1; click <= 20 && !shown.flat().includes(MANY_SOURCES); click++) {
      const next = nextOf(message);
      expect(next?.disabled, `Next enabled after reports ${shown.flat().join(', ')}`).toBe(false);
      const press = fake.button(next!.custom_id, botMessage(`30000000000000020${String(click).padStart(2, '0')}`, message));
      const update = await fake.waitFor(isCallback(press.id), 30_000);
      expect(update.body.type).toBe(7);
      message = update.body.data;
      shown.push(shownIn(message));
    }
    // Every report once, in corpus order, across the two pages of the command.
    expect(shown.flat()).toEqual(Array.from({ length: MANY_SOURCES }, (_, i) => i + 1));
    expect(message.content).toContain(`${MANY_SOURCES} articles in the corpus (${SOURCES_PAGE + 1}–${MANY_SOURCES} shown)`);
    expect(nextOf(message)?.disabled).toBe(true);
  });

  it('answers the page option of /newsdesk sources', async () => {
    const { id } = fake.command('newsdesk', [{ name: 'sources', type: 1, options: [{ name: 'page', type: 3, value: '2' }] }]);
    const message: Message = (await fake.waitFor(isCallback(id), 30_000)).body.data;
    expect(message.content).toContain(`(${SOURCES_PAGE + 1}–${MANY_SOURCES} shown)`);
    expect(shownIn(message)[0]).toBe(SOURCES_PAGE + 1);
  });
});
