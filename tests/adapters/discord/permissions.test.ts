/**
 * Who may subscribe a Discord channel to digests: real discord.js against the fake Discord, the
 * member's permissions as Discord sends them with the interaction, the real digest service over
 * a real state file; and the registered commands' default permissions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, toDiscordCommands, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime, type Runtime } from '../../../src/app/runtime.js';
import { createDigestService, type DigestService } from '../../../src/digest/index.js';
import { FakeDiscord, MANAGER_PERMISSIONS, trackUnhandledRejections, isCallback } from '../../helpers/fake-discord.js';
import { fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

const EPHEMERAL = 64;

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let runtime: Runtime;
let digest: DigestService;
let dataDir: string;
const rejections = trackUnhandledRejections();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nd-discord-perm-'));
  fake = await FakeDiscord.start();
  const library = fixtureLibrary();
  runtime = createRuntime({
    commands: await loadCommands(),
    library: () => library,
    logger: silentLogger,
    config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000', DATA_DIR: dataDir }),
  });
  digest = await createDigestService({ config: runtime.config, runtime });
  runtime.services.digest = digest;
  adapter = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 });
});

afterEach(() => {
  expect(rejections.errors).toEqual([]);
  expect(fake.unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

afterAll(async () => {
  await adapter?.stop();
  await digest?.stop();
  await fake?.close();
  rejections.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `/digest action:ACTION` as a member with `permissions`; returns the interaction callback. */
async function digestAs(action: string, permissions?: string): Promise<{ content: string; flags: number }> {
  const { id } = fake.command('digest', [{ name: 'action', type: 3, value: action }], permissions ? { permissions } : {});
  const callback = await fake.waitFor(isCallback(id), 30_000);
  return { content: String(callback.body.data.content), flags: callback.body.data.flags ?? 0 };
}

describe('digest subscriptions on Discord', () => {
  it('refuses a member without Manage Channels, privately and in one line naming who can; nothing is stored', async () => {
    const refused = await digestAs('subscribe');
    expect(refused.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content.replaceAll('\u200b', '')).toContain('Only members with the Manage Channels permission can subscribe or unsubscribe this channel.');
    expect(await digest.list()).toEqual([]);
  });

  it('lets a member with Manage Channels subscribe and unsubscribe; anyone may list', async () => {
    expect((await digestAs('subscribe', MANAGER_PERMISSIONS)).content).toMatch(/Subscribed: digest #\d+ of everything new for this channel\./);
    expect(await digest.list()).toHaveLength(1);
    expect((await digestAs('list')).content).toMatch(/This channel has 1 digest\./);
    expect((await digestAs('unsubscribe')).content.replaceAll('\u200b', '')).toContain('Only members with the Manage Channels permission');
    expect((await digestAs('unsubscribe', MANAGER_PERMISSIONS)).content).toMatch(/Unsubscribed: digest #\d+/);
    expect(await digest.list()).toEqual([]);
  });
});

describe('registration', () => {
  it('registers /feeds for Manage Channels only; /digest stays visible (only some of its actions are for managers)', async () => {
    const body = toDiscordCommands(await loadCommands());
    const perms = Object.fromEntries(body.map((c) => [c.name, c.default_member_permissions ?? null]));
    expect(perms.feeds).toBe('16');
    expect(perms.digest).toBeNull();
    expect(perms.search).toBeNull();
  });
});
