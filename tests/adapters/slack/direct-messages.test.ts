/**
 * Questions in a direct message to newsdesk, end to end: real Bolt (HTTP mode) receives signed
 * `message.im` events and the answers land on the fake Slack, in the same DM.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { BOT, directMessageBody, sendSigned, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { ARTICLES, SECRET, testRuntime } from '../../helpers/slack-fixtures.js';

const JSON_TYPE = 'application/json';
const PING = /<[!@]/;

const postsTo = (channel: string) => (r: RecordedRequest) => r.path === '/api/chat.postMessage' && r.body.channel === channel;
const sections = (r: RecordedRequest) =>
  ((r.blocks ?? []) as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => plainFromMrkdwn(b.text!.text));
const contexts = (r: RecordedRequest) =>
  ((r.blocks ?? []) as { type: string; elements?: { text?: string }[] }[]).filter((b) => b.type === 'context').flatMap((b) => b.elements!.map((e) => plainFromMrkdwn(String(e.text))));

let fake: FakeSlack;
let slack: SlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '3' });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

const send = (body: string, headers: Record<string, string> = {}) => sendSigned(slack.port!, body, JSON_TYPE, { secret: SECRET, headers });

describe('direct messages', () => {
  it('answers a question in the DM it was asked in, once per event_id, and what the asker typed pings nobody', async () => {
    const body = directMessageBody({ eventId: 'EvDm01', channelId: 'D0000001', text: '<!channel> <@U0000009> who denied the report about Gyumri? <!here>' });
    expect((await send(body)).status).toBe(200);
    expect((await send(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    const answer = await fake.waitFor(postsTo('D0000001'), 20_000);
    expect(answer.body.thread_ts).toBeUndefined();
    expect(contexts(answer).some((c) => /^Asked \/claim about "[^"]*Gyumri[^"]*" \(the question says "who denied"\)\.$/.test(c))).toBe(true);
    const quotes = sections(answer).flatMap((s) => [...s.matchAll(/“([^”]*)” \[\d+\]/g)].map((m) => m[1]!));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(ARTICLES.some((a) => a.text.includes(q)), q).toBe(true);
    expect(`${String(answer.body.text)}${JSON.stringify(answer.blocks)}`).not.toMatch(PING);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.filter(postsTo('D0000001'))).toHaveLength(1);
  });

  it("ignores its own messages, other bots' and edits, and answers the person's next message", async () => {
    await send(directMessageBody({ eventId: 'EvDm10', channelId: 'D0000002', userId: BOT.userId, botId: BOT.botId, text: 'gyumri' }));
    await send(directMessageBody({ eventId: 'EvDm11', channelId: 'D0000002', userId: 'UOTHERBOT', botId: 'BOTHER01', text: 'gyumri' }));
    await send(directMessageBody({ eventId: 'EvDm12', channelId: 'D0000002', userId: 'U0000002', subtype: 'message_changed', text: 'gyumri' }));
    await send(directMessageBody({ eventId: 'EvDm13', channelId: 'D0000002', userId: 'U0000002', text: 'bread prices', ts: '1700000400.000100' }));
    const answer = await fake.waitFor(postsTo('D0000002'), 20_000);
    expect(sections(answer).join('\n')).toMatch(/[Bb]read/);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.filter(postsTo('D0000002'))).toHaveLength(1);
  });

  it('shares the rate limit of mentions and commands: the request over it gets the polite refusal in the DM', async () => {
    for (let i = 0; i < 4; i++) await send(directMessageBody({ eventId: `EvDm2${i}`, channelId: 'D0000003', userId: 'U0000077', text: `gyumri market ${i}` }));
    const deadline = Date.now() + 20_000;
    while (fake.requests.filter(postsTo('D0000003')).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const texts = fake.requests.filter(postsTo('D0000003')).map((r) => String(r.body.text));
    expect(texts).toHaveLength(4);
    expect(texts.filter((t) => t.startsWith("You're asking faster than newsdesk can keep up"))).toHaveLength(1);
  });
});
