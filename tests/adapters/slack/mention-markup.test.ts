/**
 * Mention markup in questions, end to end: real Bolt (HTTP mode) receives signed `app_mention`
 * and `message.im` events whose text carries `<!here>`, `<!channel>`, `<@U…>`, `<#C…|name>` and
 * `<!subteam^S…>`. Each is answered exactly as the same question without the markup (so "@here"
 * is never searched for), and the answer pings nobody.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { BOT, directMessageBody, mentionBody, sendSigned, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { SECRET, testRuntime } from '../../helpers/slack-fixtures.js';

const JSON_TYPE = 'application/json';
const PING = /<[!@#]/;
const QUESTION = 'who denied the report about Gyumri?';
const MARKED = `<@${BOT.userId}> <!channel> ${QUESTION} <!here> <@U0000009|ana> <#C0000009|newsroom> <!subteam^S0000001|@desk> <!everyone>`;

const postsTo = (channel: string) => (r: RecordedRequest) => r.path === '/api/chat.postMessage' && r.body.channel === channel;
/** What a reader sees and clicks: the text and blocks, without where it was posted. */
const answerOf = (r: RecordedRequest) => JSON.stringify({ text: r.body.text, blocks: r.blocks });

let fake: FakeSlack;
let slack: SlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '100' });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

const send = (body: string) => sendSigned(slack.port!, body, JSON_TYPE, { secret: SECRET });

describe('mention markup in a question', () => {
  it('an @mention with @here, @channel, people, a group and a channel gets the answer to the question alone, pinging nobody', async () => {
    await send(mentionBody({ eventId: 'EvMk01', channelId: 'C0000101', text: `<@${BOT.userId}> ${QUESTION}` }));
    const plain = await fake.waitFor(postsTo('C0000101'), 20_000);
    await send(mentionBody({ eventId: 'EvMk02', channelId: 'C0000102', text: MARKED }));
    const marked = await fake.waitFor(postsTo('C0000102'), 20_000);
    expect(answerOf(plain)).toMatch(/Gyumri/);
    expect(answerOf(marked)).toBe(answerOf(plain));
    expect(answerOf(marked)).not.toMatch(PING);
    expect(answerOf(marked)).not.toMatch(/@(here|channel|everyone|desk|ana)|#newsroom/);
  });

  it('a DM with the same markup gets the same answer as the plain DM', async () => {
    await send(directMessageBody({ eventId: 'EvMk11', channelId: 'D0000101', text: QUESTION }));
    const plain = await fake.waitFor(postsTo('D0000101'), 20_000);
    await send(directMessageBody({ eventId: 'EvMk12', channelId: 'D0000102', text: MARKED }));
    const marked = await fake.waitFor(postsTo('D0000102'), 20_000);
    expect(answerOf(marked)).toBe(answerOf(plain));
    expect(answerOf(marked)).not.toMatch(PING);
  });
});
