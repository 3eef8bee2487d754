/**
 * Socket Mode: with SLACK_APP_TOKEN, real Bolt opens a WebSocket (URL from apps.connections.open
 * on SLACK_API_URL), acks each envelope over it and answers through response_url as in HTTP mode.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { BOT, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { ARTICLES, testRuntime } from '../../helpers/slack-fixtures.js';

const APP_TOKEN = 'xapp-1-test-app-token-not-real';
let fake: FakeSlack;
let slack: SlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { SLACK_APP_TOKEN: APP_TOKEN });
  slack = await startSlack(runtime, { clientOptions: { retryConfig: { retries: 0 } } });
  await fake.socketConnected();
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

it('connects with the app token, listens on no port, acks a slash command and answers via response_url', async () => {
  const open = fake.requests.find((r) => r.path === '/api/apps.connections.open');
  expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
  expect(slack.port).toBeUndefined();
  const responseUrl = fake.responseUrl('socket');
  fake.sendEnvelope({
    envelope_id: 'env-1',
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      team_id: BOT.teamId,
      channel_id: 'C0000001',
      user_id: 'U0000001',
      command: '/search',
      text: 'bread',
      api_app_id: 'A0000001',
      response_url: responseUrl,
      trigger_id: '1.2.3',
    },
  });
  const answer = await fake.waitFor((r) => responseUrl.endsWith(r.path));
  expect(fake.socketMessages.some((m) => m.envelope_id === 'env-1')).toBe(true);
  expect(answer.body.response_type).toBe('ephemeral');
  const sections = ((answer.blocks ?? []) as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => plainFromMrkdwn(b.text!.text));
  const quotes = sections.flatMap((s) => [...s.matchAll(/“([\s\S]*)” \[\d+\]/g)].map((m) => m[1]!));
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) expect(ARTICLES.some((a) => a.text.includes(q))).toBe(true);
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});
