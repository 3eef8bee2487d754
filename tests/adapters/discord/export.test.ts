/**
 * "Export" on Discord end to end: real discord.js against the fake Discord; a real answer's
 * export buttons, and the file posted as an attachment (the multipart body as the fake got it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { FakeDiscord, trackUnhandledRejections, isCallback } from '../../helpers/fake-discord.js';
import { ARTICLES, fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

let fake: FakeDiscord;
let adapter: DiscordAdapter;
const rejections = trackUnhandledRejections();

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const library = fixtureLibrary();
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

interface Component {
  custom_id: string;
  label?: string;
  components?: Component[];
}

describe('export on Discord', () => {
  it('an answer offers CSV and JSON; a click posts the JSON file as an attachment in the conversation', async () => {
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
    const answer = await fake.waitFor(isCallback(id), 30_000);
    const data = answer.body.data as { components: Component[] };
    const row = data.components.at(-1)!.components!;
    expect(row.map((c) => c.label)).toEqual(['Export CSV', 'Export JSON']);

    const click = fake.button(row[1]!.custom_id, fake.messageFrom(data));
    const posted = await fake.waitFor(isCallback(click.id));
    expect(String(posted.headers['content-type'])).toMatch(/^multipart\/form-data/);
    expect(posted.body.type).toBe(4);
    expect(posted.body.data.content).toMatch(/^JSON export of search "gyumri": \d+ quotes?\.$/);
    expect(posted.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(posted.files).toHaveLength(1);
    const [file] = posted.files!;
    expect(file!.name).toBe('search-gyumri.json');
    const doc = JSON.parse(file!.data.toString('utf8')) as { command: string; items: { text: string; source: number; start: number; end: number }[]; sources: { id: number; articleId: string }[] };
    expect(doc.command).toBe('search');
    expect(doc.items.length).toBeGreaterThan(0);
    for (const item of doc.items) {
      const source = doc.sources.find((s) => s.id === item.source)!;
      expect(ARTICLES.find((a) => a.id === source.articleId)!.text.slice(item.start, item.end)).toBe(item.text);
    }
  });
});
