/**
 * The timeline chart on Discord: the real discord.js client against the fake Discord, which parses
 * the multipart body discord.js sends for an attachment.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { FakeDiscord, IDS, trackUnhandledRejections, type RecordedRequest } from '../../helpers/fake-discord.js';
import { fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';
import { pngHeader, PNG_SIGNATURE } from '../../helpers/png.js';

const withFiles = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`) && (r.files?.length ?? 0) > 0;

describe('timeline chart on Discord', () => {
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

  it('/timeline answers, then the same message gets the chart as a PNG attachment (multipart)', async () => {
    const { token } = fake.command('timeline', [{ name: 'topic', type: 3, value: 'border' }]);
    const edit = await fake.waitFor(withFiles(token), 30_000);
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const [file] = edit.files!;
    expect(file!.name).toBe('timeline.png');
    expect([...file!.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngHeader(file!.data).width).toBe(800);
    // payload_json describes the attachment (alt text: the headline) and leaves the answer's text alone.
    expect(edit.body.attachments).toEqual([{ id: '0', description: expect.stringMatching(/^\d+ dated events? for border/) }]);
    expect(edit.body.content).toBeUndefined();
  });

  it('a /search answer gets no attachment', async () => {
    const { id, token } = fake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
    await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${id}/`), 30_000);
    // The search answer's own requests are done once a later /timeline's chart arrives.
    const next = fake.command('timeline', [{ name: 'topic', type: 3, value: 'border' }]);
    await fake.waitFor(withFiles(next.token), 30_000);
    expect(fake.requests.some((r) => r.path.includes(`/${token}/`) && (r.files?.length ?? 0) > 0)).toBe(false);
  });

  it('the Platform port uploads a file to a channel with uploadFile', async () => {
    await adapter.uploadFile!(IDS.channel, { name: 'export.csv', data: new TextEncoder().encode('a,b\n1,2\n') });
    const post = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages` && (r.files?.length ?? 0) > 0);
    expect(post.files![0]!.name).toBe('export.csv');
    expect(post.files![0]!.data.toString('utf8')).toBe('a,b\n1,2\n');
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
