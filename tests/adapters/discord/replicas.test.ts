/**
 * Two replicas connected to Discord (two real discord.js clients against the fake gateway, which,
 * like Discord without sharding, sends every interaction and message to both): each is answered
 * once, by whichever replica's delivery-ledger insert lands first in the shared, real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import type { DeliveryLedger } from '../../../src/core/services.js';
import { deliveryLedger } from '../../../src/store/delivery-ledger.js';
import { PgStateStore } from '../../../src/store/pg/pg-state-store.js';
import { FakeDiscord, IDS, trackUnhandledRejections } from '../../helpers/fake-discord.js';
import { fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';
import { postgresDatabase } from '../../helpers/postgres.js';

let fake: FakeDiscord;
const adapters: DiscordAdapter[] = [];
const stores: PgStateStore[] = [];
const rejections = trackUnhandledRejections();
/** Every ledger answer, by key: the test waits for both replicas' answers instead of a time. */
const answers = new Map<string, boolean[]>();
const waiting: Array<{ key: string; resolve: () => void }> = [];

/** The real ledger, with its answers noted. */
function noted(ledger: DeliveryLedger): DeliveryLedger {
  return {
    async firstDelivery(key) {
      const fresh = await ledger.firstDelivery(key);
      answers.set(key, [...(answers.get(key) ?? []), fresh]);
      for (const w of waiting.filter((x) => x.key === key && answers.get(key)!.length >= 2)) (waiting.splice(waiting.indexOf(w), 1), w.resolve());
      return fresh;
    },
  };
}
const bothAnswered = (key: string) =>
  (answers.get(key)?.length ?? 0) >= 2 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ key, resolve }));

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const url = await postgresDatabase();
  const commands = await loadCommands();
  const library = fixtureLibrary();
  for (let i = 0; i < 2; i++) {
    const store = await PgStateStore.open({ url, logger: silentLogger });
    stores.push(store);
    const runtime = createRuntime({
      commands,
      library: () => library,
      logger: silentLogger,
      config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000', DISCORD_ASK_CHANNELS: IDS.channel }),
      services: { deliveries: noted(deliveryLedger(store, silentLogger)!) },
    });
    adapters.push(await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 }));
  }
});

afterAll(async () => {
  for (const a of adapters) await a.stop();
  for (const s of stores) await s.close();
  await fake?.close();
  rejections.dispose();
  expect(rejections.errors).toEqual([]);
});

describe('two Discord replicas', () => {
  it('answer a slash command both receive once', async () => {
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: 'Gyumri' }]);
    await bothAnswered(`discord:interaction:${id}`);
    expect(answers.get(`discord:interaction:${id}`)!.sort()).toEqual([false, true]);
    await fake.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`));
    expect(fake.requests.filter((r) => r.path.startsWith(`/api/v10/interactions/${id}/`))).toHaveLength(1);
  });

  it('answer a question in an ask channel both see once', async () => {
    const id = fake.message('who reported the tremor in Gyumri?');
    await bothAnswered(`discord:message:${id}`);
    const replies = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages` && r.body?.message_reference?.message_id === id);
    await fake.waitFor(() => replies().length > 0);
    expect(replies()).toHaveLength(1);
  });
});
