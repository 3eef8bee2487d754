/**
 * 👍 / 👎 on Discord answers end to end: real discord.js against the fake Discord, the buttons
 * of a real answer clicked, the reason picked in the select menu, the comment modal submitted,
 * and the verdicts read back from the real state database file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { THANKS } from '../../../src/adapters/discord/feedback.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime, type Runtime } from '../../../src/app/runtime.js';
import { FeedbackStore } from '../../../src/store/feedback-store.js';
import { STATE_FILE } from '../../../src/store/state-db.js';
import { FakeDiscord, IDS, trackUnhandledRejections, isCallback } from '../../helpers/fake-discord.js';
import { ARTICLES, fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

const EPHEMERAL = 64;

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let runtime: Runtime;
let store: FeedbackStore;
let dataDir: string;
const rejections = trackUnhandledRejections();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nd-discord-feedback-'));
  fake = await FakeDiscord.start();
  const library = fixtureLibrary();
  const config = testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000', DATA_DIR: dataDir });
  store = FeedbackStore.open({ dataDir, logger: silentLogger });
  runtime = createRuntime({ commands: await loadCommands(), library: () => library, logger: silentLogger, config, services: { feedback: store } });
  adapter = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 });
});

afterEach(() => {
  expect(rejections.errors).toEqual([]);
  expect(fake.unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

afterAll(async () => {
  await adapter?.stop();
  store?.close();
  await fake?.close();
  rejections.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The feedback table as another process would read it from the file. */
function rows(): Record<string, unknown>[] {
  const db = new Database(path.join(dataDir, STATE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT * FROM feedback ORDER BY id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

interface Component {
  type: number;
  custom_id: string;
  emoji?: { name: string };
  options?: { value: string }[];
  components?: Component[];
}

describe('feedback on Discord', () => {
  it('an answer carries 👍 and 👎; 👍 is kept, 👎 offers the reasons, the pick is kept and the modal adds a comment, all in the state file', async () => {
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
    const answer = await fake.waitFor(isCallback(id), 30_000);
    const data = answer.body.data as { content: string; components: Component[] };
    // Rows: paging (when more than a page), 👍/👎, Export.
    const row = data.components.find((r) => r.components?.some((c) => c.emoji?.name === '👍'))!.components!;
    expect(row.map((c) => c.emoji?.name)).toEqual(['👍', '👎']);
    const message = fake.messageFrom(data);

    const up = fake.button(row[0]!.custom_id, message);
    const thanks = await fake.waitFor(isCallback(up.id));
    expect(thanks.body.data.content).toBe(THANKS);
    expect(thanks.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);

    const down = fake.button(row[1]!.custom_id, message);
    const menu = await fake.waitFor(isCallback(down.id));
    expect(menu.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const select = (menu.body.data.components as Component[])[0]!.components![0]!;
    expect(select.options!.map((o) => o.value)).toEqual(['wrong_speaker', 'wrong_stance', 'wrong_date', 'not_relevant', 'other']);

    const pick = fake.select(select.custom_id, ['wrong_date'], fake.messageFrom(menu.body.data));
    const modal = await fake.waitFor(isCallback(pick.id));
    expect(modal.body.type).toBe(9);
    const comment = 'Dated a year late; tell @everyone and <@100000000000000007>';
    const submit = fake.modalSubmit(modal.body.data.custom_id, { comment });
    const done = await fake.waitFor(isCallback(submit.id));
    expect(done.body.data.content).toBe(THANKS);
    expect(done.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const [first, second] = rows();
    expect(first).toMatchObject({ platform: 'discord', user_id: IDS.user, channel_id: IDS.channel, workspace_id: IDS.guild, command: 'search', query: 'gyumri', verdict: 'up', reason: null });
    expect(second).toMatchObject({ verdict: 'down', reason: 'wrong_date', comment, command: 'search', query: 'gyumri' });
    const items = JSON.parse(String(second!.items)) as { article: string; start: number; end: number }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(ARTICLES.find((a) => a.id === item.article)!.text.slice(item.start, item.end)).toMatch(/gyumri/i);
    // Nothing the reader typed was sent back to Discord.
    expect(fake.requests.some((r) => JSON.stringify(r.body ?? '').includes('Dated a year late'))).toBe(false);
  });

  it('a comment on someone else\'s verdict is not kept', async () => {
    const before = rows();
    const last = before.at(-1)!;
    const submit = fake.modalSubmit(`ndf:t:${String(last.id)}`, { comment: 'not mine' });
    await fake.waitFor(isCallback(submit.id));
    // The fake's interactions come from IDS.user, who did give it: a verdict of another user is the test.
    const db = new Database(path.join(dataDir, STATE_FILE));
    db.prepare('UPDATE feedback SET user_id = ? WHERE id = ?').run(IDS.otherUser, last.id);
    db.close();
    const again = fake.modalSubmit(`ndf:t:${String(last.id)}`, { comment: 'overwritten?' });
    await fake.waitFor(isCallback(again.id));
    expect(rows().at(-1)!.comment).toBe('not mine');
  });
});
