/**
 * Next past the first page of claims in Discord: the real discord.js client against the fake
 * Discord, over articles holding more claims about one topic than one page of `claim` shows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { libraryFromArticles } from '../../../src/library/build.js';
import { testConfig } from '../../helpers/discord-fixtures.js';
import { FakeDiscord, trackUnhandledRejections, botMessage, isCallback } from '../../helpers/fake-discord.js';
import { manyClaimsArticles } from '../../helpers/many-claims.js';

interface Message {
  content: string;
  embeds: Array<{ description?: string }>;
  components: Array<{ components: Array<{ label: string; custom_id: string; disabled: boolean }> }>;
}

/** The claim numbers a page shows (its group headings, "Claim 11 · …"). */
const claimsOn = (m: Message) => m.embeds.flatMap((e) => [...(e.description ?? '').matchAll(/Claim (\d+) · /g)].map((x) => Number(x[1])));
const nextOf = (m: Message) => m.components[0]?.components.find((b) => b.label === 'Next');

describe('claims past the first page in Discord', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const library = libraryFromArticles(manyClaimsArticles());
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

  it('Next on the last page of a page of claims shows the next page of claims, and Previous goes back', async () => {
    const { id } = fake.command('claim', [{ name: 'topic', type: 3, value: 'tarsk' }]);
    let message: Message = (await fake.waitFor(isCallback(id), 30_000)).body.data;
    const shown = [claimsOn(message)];
    for (let click = 1; click <= 8 && !shown.flat().includes(11); click++) {
      const next = nextOf(message);
      expect(next?.disabled, `Next enabled after claims ${shown.flat().join(', ')}`).toBe(false);
      const press = fake.button(next!.custom_id, botMessage(`30000000000000010${click}`, message));
      const update = await fake.waitFor(isCallback(press.id), 30_000);
      expect(update.body.type).toBe(7);
      message = update.body.data;
      shown.push(claimsOn(message));
    }
    expect(shown.flat()).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    // The answer's last page: Next is off; Previous goes back to claims of the first page.
    expect(nextOf(message)?.disabled).toBe(true);
    const previous = message.components[0]!.components.find((b) => b.label === 'Previous')!;
    const back = fake.button(previous.custom_id, botMessage('300000000000000199', message));
    const update = await fake.waitFor(isCallback(back.id), 30_000);
    expect(claimsOn(update.body.data)).toEqual(shown.at(-2));
  });
});
