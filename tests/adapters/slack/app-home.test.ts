/**
 * Slack's App Home end to end: real Bolt (HTTP mode) over a runtime with a real digest desk (SQLite
 * file), signed `app_home_opened`, button and `view_submission` payloads, and the views posted to
 * the fake Slack checked as JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { HOME_SEARCH_ACTION, SEARCH_MODAL } from '../../../src/adapters/slack/app-home.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { loadConfig } from '../../../src/app/config.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { DigestService } from '../../../src/digest/service.js';
import { SqliteStatePort } from '../../../src/store/state-port.js';
import { appHomeOpenedBody, homeButtonBody, sendSigned, startFakeSlack, viewSubmissionBody, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { ARTICLES, SECRET, TOKEN, fixtureLibrary, recordingLogger, testCommands } from '../../helpers/slack-fixtures.js';

const JSON_TYPE = 'application/json';
const FORM = 'application/x-www-form-urlencoded';

interface ViewBlock {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; action_id?: string; text?: string | { text: string } }[];
  block_id?: string;
}
const viewOf = (r: RecordedRequest) => JSON.parse(String(r.body.view)) as { type: string; callback_id?: string; blocks: ViewBlock[] };
const sectionTexts = (blocks: ViewBlock[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);

let fake: FakeSlack;
let slack: SlackAdapter;
let desk: DigestService;
let dir: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  dir = mkdtempSync(path.join(tmpdir(), 'nd-app-home-'));
  const logger = recordingLogger();
  const library = fixtureLibrary();
  const commands = await testCommands();
  desk = new DigestService({ store: SqliteStatePort.open({ dataDir: dir, logger }), library: () => library, logger, commands, defaults: { schedule: '0 8 * * *', timezone: 'UTC' } });
  // The reporter is in C0000001 (a topic digest whose topic tries to ping) and C0000002 (everything new), not in C0000777.
  await desk.subscribe({ platform: 'slack', channel: 'C0000001', topic: 'Gyumri <!channel>' });
  await desk.subscribe({ platform: 'slack', channel: 'C0000002' });
  await desk.subscribe({ platform: 'slack', channel: 'C0000777', topic: 'secret desk' });
  await desk.subscribe({ platform: 'discord', channel: '123', topic: 'other platform' });
  fake.memberships.set('U0000001', ['C0000001', 'C0000002']);
  const config = loadConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000' });
  const runtime = createRuntime({ commands, library: () => library, logger, config, services: { digest: desk } });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
});

afterAll(async () => {
  await slack?.stop();
  await desk?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

describe('App Home', () => {
  it('publishes help, the digests of the person\'s own channels and a search button', async () => {
    expect((await sendSigned(slack.port!, appHomeOpenedBody({ eventId: 'EvHome1' }), JSON_TYPE, { secret: SECRET })).status).toBe(200);
    const publish = await fake.waitFor((r) => r.path === '/api/views.publish', 20_000);
    expect(publish.body.user_id).toBe('U0000001');
    const view = viewOf(publish);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const texts = sectionTexts(view.blocks);
    expect(texts[0]).toContain('`/claim <topic>`');
    const buttons = view.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
    expect(buttons.map((b) => b.action_id)).toEqual([HOME_SEARCH_ACTION]);
    const digests = texts.filter((t) => t.startsWith('<#'));
    expect(digests).toHaveLength(2);
    // (The topic's "<" is escaped; mrkdwn's "*" gets a zero-width space after it.)
    expect(digests[0]!.replace(/\u200b/g, '')).toMatch(/^<#C0000001> · on “Gyumri &lt;!channel&gt;” · schedule 0 8 \* \* \* \(UTC\) · no digest posted yet · next \d{4}-\d{2}-\d{2} 08:00 UTC$/);
    expect(digests[1]).toMatch(/^<#C0000002> · everything new · /);
    // Another person's channel and another platform's subscriptions are not shown; nothing pings.
    expect(JSON.stringify(view)).not.toMatch(/C0000777|secret desk|other platform|<!|<@/);
  });

  it('shows "latest digest <time>" for a channel once its digest has been posted', async () => {
    desk.setPoster('slack', slack);
    // The corpus watcher's part: the articles arrive after the subscription, so the digest has news.
    await desk.noteChanges({ upserted: fixtureLibrary().articles, removed: [] });
    const [run] = await desk.runNow({ platform: 'slack', channel: 'C0000002' });
    expect(run!.outcome).toBe('posted');
    const posted = (await desk.lastRun(run!.subscription))!.postedAt!;
    expect(posted).toBeInstanceOf(Date);
    const before = fake.requests.length;
    await sendSigned(slack.port!, appHomeOpenedBody({ eventId: 'EvHomeDigest' }), JSON_TYPE, { secret: SECRET });
    const publish = await fake.waitFor((r) => r.path === '/api/views.publish' && fake.requests.indexOf(r) >= before, 20_000);
    const digests = sectionTexts(viewOf(publish).blocks).filter((t) => t.startsWith('<#'));
    const stamp = `${posted.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(digests[1]!.replace(/\u200b/g, '')).toMatch(new RegExp(`^<#C0000002> · everything new · schedule 0 8 \\* \\* \\* \\(UTC\\) · latest digest ${stamp} · next \\d{4}-\\d{2}-\\d{2} 08:00 UTC$`));
    // The other channel has had none.
    expect(digests[0]).toContain('no digest posted yet');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await sendSigned(slack.port!, appHomeOpenedBody({ eventId: 'EvHome2', userId: 'U0000005', tab: 'messages' }), JSON_TYPE, { secret: SECRET });
    await sendSigned(slack.port!, appHomeOpenedBody({ eventId: 'EvHome3', userId: 'U0000006' }), JSON_TYPE, { secret: SECRET });
    const publish = await fake.waitFor((r) => r.path === '/api/views.publish' && r.body.user_id === 'U0000006', 20_000);
    expect(sectionTexts(viewOf(publish).blocks).some((t) => t.startsWith('<#'))).toBe(false);
    expect(JSON.stringify(viewOf(publish))).toContain('None of your channels has a digest.');
    expect(fake.requests.filter((r) => r.path === '/api/views.publish' && r.body.user_id === 'U0000005')).toEqual([]);
  });

  it('opens the search modal from the button and answers its submission in the modal', async () => {
    await sendSigned(slack.port!, homeButtonBody({ actionId: HOME_SEARCH_ACTION, triggerId: 'trig-1' }), FORM, { secret: SECRET });
    const open = await fake.waitFor((r) => r.path === '/api/views.open', 20_000);
    expect(open.body.trigger_id).toBe('trig-1');
    const modal = viewOf(open);
    expect(modal.callback_id).toBe(SEARCH_MODAL);
    const input = modal.blocks.find((b) => b.type === 'input')!;
    const submitted = await sendSigned(
      slack.port!,
      viewSubmissionBody({ callbackId: SEARCH_MODAL, viewId: 'VMODAL01', blockId: input.block_id!, actionId: 'question', value: 'who denied the report about Gyumri? <!here>' }),
      FORM,
      { secret: SECRET },
    );
    expect(submitted.status).toBe(200);
    // At once: the modal becomes "looking…"; then the answer replaces it.
    expect(JSON.parse(submitted.text)).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    const update = await fake.waitFor((r) => r.path === '/api/views.update', 20_000);
    expect(update.body.view_id).toBe('VMODAL01');
    const answer = viewOf(update);
    expect(answer.type).toBe('modal');
    const texts = sectionTexts(answer.blocks).map(plainFromMrkdwn);
    expect(texts[0]).toMatch(/claims? about "[^"]*Gyumri/);
    const quotes = texts.flatMap((s) => [...s.matchAll(/“([^”]*)” \[\d+\]/g)].map((m) => m[1]!));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(ARTICLES.some((a) => a.text.includes(q)), q).toBe(true);
    // No Share/More buttons in a modal, and nothing typed pings.
    expect(answer.blocks.filter((b) => b.type === 'actions')).toEqual([]);
    expect(JSON.stringify(answer)).not.toMatch(/<!|<@/);
  });

  it('asks again for an empty question without leaving the modal', async () => {
    const res = await sendSigned(slack.port!, viewSubmissionBody({ callbackId: SEARCH_MODAL, viewId: 'VMODAL02', blockId: 'question', actionId: 'question', value: '   ' }), FORM, { secret: SECRET });
    expect(JSON.parse(res.text)).toEqual({ response_action: 'errors', errors: { question: 'Type a question or some words.' } });
  });
});
