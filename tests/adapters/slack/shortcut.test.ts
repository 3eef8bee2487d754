/**
 * The "Check claims" message shortcut end to end: real Bolt (HTTP mode) receives a signed
 * `message_action`, and the private answers land on the fake Slack.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { CHECK_CALLBACK_ID } from '../../../src/adapters/slack/shortcut.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { messageShortcutBody, sendSigned, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { ARTICLES, SECRET, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';

/** Everything a request carried as text: its top-level text and every text of its blocks. */
function postedText(r: RecordedRequest): string {
  return `${String(r.body.text ?? '')}\n${JSON.stringify(r.blocks ?? [])}`;
}

/** Slack markup that notifies someone: <!channel>, <!here>, <!everyone>, <@U…>, <!subteam^…>. */
const PING = /<[!@]/;

/** The section texts of a posted page, as a reader sees them. */
const sections = (r: RecordedRequest) =>
  ((r.blocks ?? []) as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => plainFromMrkdwn(b.text!.text));

/** Every quote of a page (text between “ and ”) is exact text of a fixture article, and there is one. */
function expectVerbatim(r: RecordedRequest): void {
  const quotes = sections(r).flatMap((s) => [...s.matchAll(/“([^”]*)” \[\d+\]/g)].map((m) => m[1]!));
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) expect(ARTICLES.some((a) => a.text.includes(q)), q).toBe(true);
}

let fake: FakeSlack;
let slack: SlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

/** Sends the shortcut and returns the requests it caused once `count` answers have arrived. */
async function check(fields: Parameters<typeof messageShortcutBody>[0], count: number, answered: (r: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
  const before = fake.requests.length;
  const res = await sendSigned(slack.port!, messageShortcutBody(fields), FORM, { secret: SECRET });
  expect(res.status).toBe(200);
  const deadline = Date.now() + 20_000;
  while (fake.requests.slice(before).filter(answered).length < count) {
    if (Date.now() > deadline) throw new Error(`only ${fake.requests.slice(before).filter(answered).map((r) => r.path).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  // Anything sent after the last expected answer would show here too.
  await new Promise((r) => setTimeout(r, 200));
  return fake.requests.slice(before);
}

describe('Check claims (message shortcut)', () => {
  it('answers with the claims and the timeline, ephemeral in the thread, and the source message pings nobody', async () => {
    const text = '<!channel> <!here> <!everyone> <!subteam^S0001|@desk> <@U0000009> says troops left Gyumri on 3 June 2021 — @everyone check it';
    const ephemeral = (r: RecordedRequest) => r.path === '/api/chat.postEphemeral';
    const sent = await check({ callbackId: CHECK_CALLBACK_ID, text, responseUrl: fake.responseUrl('sc'), threadTs: '1700000100.000100' }, 2, ephemeral);
    const answers = sent.filter(ephemeral);
    expect(answers).toHaveLength(2);
    for (const a of answers) {
      expect(a.body.user).toBe('U0000001');
      expect(a.body.channel).toBe('C0000001');
      expect(a.body.thread_ts).toBe('1700000100.000100');
    }
    const [claims, timeline] = answers as [RecordedRequest, RecordedRequest];
    expect(String(claims.body.text)).toMatch(/Gyumri/);
    expect(postedText(claims)).toContain('Checked the message for \\"Gyumri\\"');
    expect(sections(claims)[0]).toMatch(/^\d+ claims about "Gyumri"/);
    expectVerbatim(claims);
    expect(String(timeline.body.text)).toMatch(/event|timeline/i);
    // Nothing public, nothing that notifies: no post to the channel, no mention markup anywhere.
    expect(sent.filter((r) => r.path === '/api/chat.postMessage')).toEqual([]);
    for (const r of sent) expect(postedText(r)).not.toMatch(PING);
  });

  it('answers in the asker\'s DM when Slack cannot show an ephemeral message there', async () => {
    const dm = (r: RecordedRequest) => r.path === '/api/chat.postMessage';
    const sent = await check({ callbackId: CHECK_CALLBACK_ID, text: 'Officials say troops left Gyumri <@U0000009>', responseUrl: fake.responseUrl('sc'), channelId: 'CNOTIN01', userId: 'U0000042' }, 1, dm);
    const posts = sent.filter(dm);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('U0000042');
    expect(postedText(posts[0]!)).toContain('Checked the message for');
    expect(sections(posts[0]!)[0]).toMatch(/^\d+ claims about "Gyumri"/);
    expectVerbatim(posts[0]!);
    // Tried ephemeral first, once; a Share button in a DM would share nothing.
    expect(sent.filter((r) => r.path === '/api/chat.postEphemeral')).toHaveLength(1);
    expect(postedText(posts[0]!)).not.toContain('newsdesk_share');
    for (const r of sent) expect(postedText(r)).not.toMatch(PING);
  });

  it('says so when the message names nothing the articles know', async () => {
    const ephemeral = (r: RecordedRequest) => r.path === '/api/chat.postEphemeral';
    const sent = await check({ callbackId: CHECK_CALLBACK_ID, text: 'lunch at noon? <!here>', responseUrl: fake.responseUrl('sc') }, 1, ephemeral);
    const answers = sent.filter(ephemeral);
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.body.text)).toContain('names no person, place or organisation');
    expect(postedText(answers[0]!)).not.toMatch(PING);
  });
});
