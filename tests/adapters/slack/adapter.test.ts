/**
 * The Slack adapter end to end: real Bolt (HTTP mode) started by `startSlack`, signed requests
 * sent to it, and every answer caught by a fake Slack on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { ACTIONS } from '../../../src/adapters/slack/render.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { isNewsdeskError } from '../../../src/core/errors.js';
import type { Runtime } from '../../../src/app/runtime.js';
import { BOT, buttonBody, mentionBody, sendSigned, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { ARTICLES, SECRET, TOKEN, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const JSON_TYPE = 'application/json';

interface Block {
  type: string;
  text?: { type: string; text: string; verbatim?: boolean };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

const blocksOf = (r: RecordedRequest): Block[] => (r.blocks ?? []) as Block[];
const sections = (r: RecordedRequest) => blocksOf(r).filter((b) => b.type === 'section').map((b) => b.text!.text);
const contexts = (r: RecordedRequest) => blocksOf(r).filter((b) => b.type === 'context').flatMap((b) => b.elements!.map((e) => String(e.text)));
const button = (r: RecordedRequest, actionId: string) =>
  blocksOf(r)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements!)
    .find((e) => e.action_id === actionId);

/** The quotes of an answer as a reader sees them (text between “ and ”). */
function quotes(r: RecordedRequest): string[] {
  return sections(r)
    .map(plainFromMrkdwn)
    .flatMap((s) => [...s.matchAll(/“([\s\S]*)” \[\d+\]/g)].map((m) => m[1]!));
}

/** Every quote is exact text of a fixture article. */
function expectVerbatim(r: RecordedRequest): void {
  const q = quotes(r);
  expect(q.length).toBeGreaterThan(0);
  for (const text of q) expect(ARTICLES.some((a) => a.text.includes(text))).toBe(true);
}

/** Citations as [n] links with outlet and date in context blocks. */
function expectCitations(r: RecordedRequest): void {
  const cites = contexts(r).filter((t) => /^<https?:\/\/[^|>]+\|\[\d+\]>/.test(t));
  expect(cites.length).toBeGreaterThan(0);
  for (const c of cites) expect(c).toMatch(/^<[^>]+\|\[\d+\]> .+ · (\d{4}-\d{2}-\d{2}( \(inferred\))?|date unknown) · .+/);
}

let fake: FakeSlack;
let runtime: Runtime;
let slack: SlackAdapter;
let logger: ReturnType<typeof recordingLogger>;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  logger = recordingLogger();
  // The rate limit has its own test; here one user sends many requests.
  runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' }, logger);
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  port = slack.port!;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

afterEach(() => {
  // Every request newsdesk made went to a route the fake knows.
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

/** Sends a signed slash command and returns the answer posted to its response_url. */
async function slash(command: string, text: string, userId = 'U0000001'): Promise<RecordedRequest> {
  const responseUrl = fake.responseUrl(command.slice(1));
  const res = await sendSigned(port, slashCommandBody({ command, text, responseUrl, userId }), FORM, { secret: SECRET });
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  return fake.waitFor((r) => responseUrl.endsWith(r.path));
}

describe('start-up', () => {
  it('checks the token with auth.test against SLACK_API_URL and listens on the port it reports', () => {
    const auth = fake.requests.find((r) => r.path === '/api/auth.test');
    expect(auth?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(port).toBeGreaterThan(0);
  });

  it('refuses a token that is not a bot token with a one-line config error', async () => {
    const rt = await testRuntime(fake.apiUrl, { SLACK_BOT_TOKEN: 'not-a-token' });
    const err = await startSlack(rt, { port: 0, host: '127.0.0.1' }).catch((e: unknown) => e);
    expect(isNewsdeskError(err, 'config')).toBe(true);
    expect((err as Error).message).toBe('SLACK_BOT_TOKEN must be a bot token (it starts with "xoxb-")');
  });

  it('turns a token Slack rejects into a config error naming SLACK_BOT_TOKEN', async () => {
    fake.failAuth('invalid_auth');
    try {
      const rt = await testRuntime(fake.apiUrl);
      const err = await startSlack(rt, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } }).catch((e: unknown) => e);
      expect(isNewsdeskError(err, 'config')).toBe(true);
      expect((err as Error).message).toBe('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    } finally {
      fake.failAuth(null);
    }
  });

  it('refuses a malformed app token for Socket Mode before connecting', async () => {
    const rt = await testRuntime(fake.apiUrl, { SLACK_APP_TOKEN: 'xoxb-wrong-kind' });
    const err = await startSlack(rt).catch((e: unknown) => e);
    expect(isNewsdeskError(err, 'config')).toBe(true);
    expect((err as Error).message).toMatch(/^SLACK_APP_TOKEN must be/);
  });
});

describe('slash commands', () => {
  it('/find (search) answers privately via response_url with verbatim quotes, bold matches and citations', async () => {
    const r = await slash('/find', 'denied');
    expect(r.body.response_type).toBe('ephemeral');
    expectVerbatim(r);
    expectCitations(r);
    expect(sections(r).some((s) => s.includes('*denied*'))).toBe(true);
    expect(button(r, ACTIONS.share)).toMatchObject({ type: 'button', text: { type: 'plain_text', text: 'Share in channel' }, style: 'primary' });
    expect(button(r, ACTIONS.share)!.value!.length).toBeGreaterThan(0);
    expect(typeof r.body.text).toBe('string');
  });

  it('/claim quotes claims with citations', async () => {
    const r = await slash('/claim', 'Gyumri');
    expect(r.body.response_type).toBe('ephemeral');
    expectVerbatim(r);
    expectCitations(r);
  });

  it('/timeline quotes dated events with citations, inferred dates marked', async () => {
    const r = await slash('/timeline', 'Gyumri');
    expectVerbatim(r);
    expectCitations(r);
  });

  it('/digest shows what is new since a date, quoted and cited', async () => {
    const r = await slash('/digest', '--since 2021-01-01');
    expect(r.body.response_type).toBe('ephemeral');
    expectVerbatim(r);
    expectCitations(r);
  });

  it('/newsdesk alone and /newsdesk help list the commands as typed in Slack', async () => {
    for (const text of ['', 'help']) {
      const r = await slash('/newsdesk', text);
      const all = sections(r).map(plainFromMrkdwn).join('\n');
      for (const usage of ['/find <query>', '/claim <topic>', '/timeline <topic>', '/newsdesk sources', '/newsdesk ask <question>']) expect(all).toContain(usage);
      // Slack's built-in /search would answer instead of newsdesk.
      expect(all).not.toMatch(/^\/search/m);
    }
  });

  it('every slash command manifest.yml declares is answered by the adapter, none as unknown', async () => {
    const declared = (parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')) as { features: { slash_commands: { command: string }[] } }).features.slash_commands.map((c) => c.command);
    expect(declared).toContain('/find');
    for (const command of declared) {
      const text = ({ '/digest': '--since 2021-01-01', '/newsdesk': 'sources' } as Record<string, string>)[command] ?? 'gyumri';
      const r = await slash(command, text);
      const all = [...sections(r), ...contexts(r)].map(plainFromMrkdwn).join('\n');
      expect(all, command).not.toMatch(/Unknown command/);
      expect(r.body.response_type, command).toBe('ephemeral');
    }
  });

  it('/newsdesk search, /newsdesk find and the old /search run search, as /find does', async () => {
    const viaFind = quotes(await slash('/find', 'denied'));
    expect(viaFind.length).toBeGreaterThan(0);
    expect(quotes(await slash('/newsdesk', 'search denied'))).toEqual(viaFind);
    expect(quotes(await slash('/newsdesk', 'find denied'))).toEqual(viaFind);
    expect(quotes(await slash('/search', 'denied'))).toEqual(viaFind);
  });

  it('/newsdesk sources lists every article with outlet and date, across pages', async () => {
    let page: RecordedRequest | undefined = await slash('/newsdesk', 'sources');
    const seen: string[] = [];
    for (let i = 0; page && i < 10; i++) {
      seen.push(...[...sections(page), ...contexts(page)].map(plainFromMrkdwn));
      const more = button(page, ACTIONS.more);
      if (!more) break;
      const responseUrl = fake.responseUrl('sources-more');
      await sendSigned(port, buttonBody({ actionId: ACTIONS.more, value: more.value!, responseUrl }), FORM, { secret: SECRET });
      page = await fake.waitFor((x) => responseUrl.endsWith(x.path));
    }
    const all = seen.join('\n');
    for (const a of ARTICLES) expect(all).toContain(`${a.meta.title} — ${a.meta.outlet}, ${a.meta.published}${a.meta.publishedInferred ? ' (inferred)' : ''}`);
    expect(all).toContain('Border talks resume — Daily *Star*, 2021-05-30 (inferred)');
  });

  it('/newsdesk <command> runs any other command', async () => {
    const r = await slash('/newsdesk', 'search bread');
    expectVerbatim(r);
    expect(quotes(r).every((q) => /bread/i.test(q))).toBe(true);
  });

  it('an unknown command gets a short private message and no buttons', async () => {
    const r = await slash('/newsdesk', 'frobnicate now');
    expect(r.body.response_type).toBe('ephemeral');
    expect(plainFromMrkdwn(sections(r)[0]!)).toBe('Unknown command "frobnicate".');
    expect(blocksOf(r).some((b) => b.type === 'actions')).toBe(false);
  });

  it('a usage error gets a short private message with the usage', async () => {
    const r = await slash('/search', '   ');
    expect(plainFromMrkdwn(sections(r)[0]!)).toBe('Give a search query.');
    expect(contexts(r).map(plainFromMrkdwn)).toContain('Usage: search <query>');
    expect(blocksOf(r).some((b) => b.type === 'actions')).toBe(false);
  });

  it('a wrong signature gets 401 and no answer', async () => {
    const before = fake.requests.length;
    const responseUrl = fake.responseUrl('forged');
    const res = await sendSigned(port, slashCommandBody({ command: '/search', text: 'gyumri', responseUrl }), FORM, { secret: 'wrong-secret' });
    expect(res.status).toBe(401);
    // A real command sent afterwards is answered, and the forged one never was.
    await slash('/search', 'bread');
    expect(fake.requests.slice(before).some((r) => responseUrl.endsWith(r.path))).toBe(false);
  });
});

describe('safety', () => {
  it('a query with <!channel>, @here and a user mention produces no live mention', async () => {
    const r = await slash('/search', '<!channel> @here <@U0000009> <!subteam^S123|@editors> commenter');
    // Everything Slack displays: fallback text, sections, context elements, button labels.
    const shown = [String(r.body.text), ...sections(r), ...contexts(r), ...blocksOf(r).flatMap((b) => (b.type === 'actions' ? b.elements!.map((e) => (e.text as { text: string }).text) : []))];
    expect(shown.length).toBeGreaterThan(3);
    for (const text of shown) {
      // Links are the only Slack markup in our output, and only to http(s).
      expect(text.replace(/<https?:\/\/[^<>|\s]+\|\[\d+\]>/g, '')).not.toMatch(/[<>]/);
      // Bare broadcast words are broken by an invisible separator.
      expect(text).not.toMatch(/@(here|channel|everyone)/i);
    }
    expect(r.raw).not.toMatch(/<[!@#]/);
    for (const b of blocksOf(r)) if (b.text) expect(b.text.verbatim).toBe(true);
    // The article's own "<!channel>" is quoted, readable, and inert.
    expect(quotes(r).join(' ')).toContain('<!channel> and @here and <@U0000009>');
  });
});

describe('buttons', () => {
  it('"Share in channel" posts the same answer publicly', async () => {
    const r = await slash('/find', 'denied');
    const share = button(r, ACTIONS.share)!;
    const responseUrl = fake.responseUrl('share');
    const res = await sendSigned(port, buttonBody({ actionId: ACTIONS.share, value: share.value!, responseUrl }), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    const shared = await fake.waitFor((x) => responseUrl.endsWith(x.path));
    expect(shared.body.response_type).toBe('in_channel');
    expect(quotes(shared)).toEqual(quotes(r));
    expect(button(shared, ACTIONS.share)).toBeUndefined();
    expect(contexts(shared).map(plainFromMrkdwn)).toContain('Shared from /find denied');
  });

  it('"More" appears when there are more quotes than one message holds, and shows the rest', async () => {
    const r = await slash('/search', 'gyumri');
    const first = quotes(r);
    expect(first).toHaveLength(5);
    const more = button(r, ACTIONS.more)!;
    expect(more).toMatchObject({ type: 'button', text: { type: 'plain_text', text: 'More' } });
    const responseUrl = fake.responseUrl('more');
    await sendSigned(port, buttonBody({ actionId: ACTIONS.more, value: more.value!, responseUrl }), FORM, { secret: SECRET });
    const next = await fake.waitFor((x) => responseUrl.endsWith(x.path));
    const second = quotes(next);
    expect(second.length).toBeGreaterThan(0);
    for (const q of second) expect(first).not.toContain(q);
    expect(contexts(next).some((c) => /^Quotes 6–\d+ of \d+$/.test(c))).toBe(true);
    expectVerbatim(next);
  });
});

describe('mentions', () => {
  it('answers an @mention in its thread through ask, once per event_id', async () => {
    const ts = '1700000200.000100';
    const body = mentionBody({ eventId: 'Ev0001', text: `<@${BOT.userId}> who denied the report about Gyumri?`, ts });
    const first = await sendSigned(port, body, JSON_TYPE, { secret: SECRET });
    expect(first.status).toBe(200);
    // Slack retries the same event; it must not be answered again.
    const retry = await sendSigned(port, body, JSON_TYPE, { secret: SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    const answer = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts);
    expect(answer.body.channel).toBe('C0000001');
    expect(answer.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expectVerbatim(answer);
    expect(contexts(answer).map(plainFromMrkdwn).some((c) => /^Asked \/claim about "[^"]*Gyumri[^"]*" \(the question says "who denied"\)\.$/.test(c))).toBe(true);
    // A later, different event is answered; by then the retry has long been handled.
    const ts2 = '1700000300.000100';
    await sendSigned(port, mentionBody({ eventId: 'Ev0002', text: `<@${BOT.userId}> bread prices`, ts: ts2 }), JSON_TYPE, { secret: SECRET });
    await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts2);
    expect(fake.requests.filter((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts)).toHaveLength(1);
  });

  it('a mention inside a thread is answered in that thread', async () => {
    const body = mentionBody({ eventId: 'Ev0003', text: `<@${BOT.userId}> when did the border talks happen?`, ts: '1700000400.000200', threadTs: '1700000400.000100' });
    await sendSigned(port, body, JSON_TYPE, { secret: SECRET });
    const answer = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === '1700000400.000100');
    expect(contexts(answer).map(plainFromMrkdwn).some((c) => c.startsWith('Asked /timeline'))).toBe(true);
  });
});

describe('mentions, paging', () => {
  it('"More" under a thread answer posts the next quotes into the same thread', async () => {
    const ts = '1700000500.000100';
    await sendSigned(port, mentionBody({ eventId: 'Ev0005', text: `<@${BOT.userId}> gyumri`, ts }), JSON_TYPE, { secret: SECRET });
    const answer = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts);
    expect(button(answer, ACTIONS.share)).toBeUndefined();
    const more = button(answer, ACTIONS.more)!;
    const responseUrl = fake.responseUrl('thread-more');
    await sendSigned(port, buttonBody({ actionId: ACTIONS.more, value: more.value!, responseUrl, messageTs: '1700000500.000900', threadTs: ts }), FORM, { secret: SECRET });
    const next = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts && r !== answer);
    expect(next.body.channel).toBe('C0000001');
    expect(quotes(next).length).toBeGreaterThan(0);
    for (const q of quotes(next)) expect(quotes(answer)).not.toContain(q);
    expect(fake.requests.some((r) => responseUrl.endsWith(r.path))).toBe(false);
  });
});

describe('digests', () => {
  it('postReply posts the rendered answer with chat.postMessage', async () => {
    const reply = await runtime.execute('search', { text: 'bread' }, { platform: 'slack', channelId: 'C0000002' });
    await slack.postReply('C0000002', reply);
    const posted = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0000002');
    expect(posted.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(quotes(posted)).toEqual(reply.items.map((i) => i.text));
  });

  it('postReply to a channel that does not exist fails with a platform error marked not retryable', async () => {
    const reply = await runtime.execute('search', { text: 'bread' }, { platform: 'slack' });
    const err = await slack.postReply('CMISSING1', reply).catch((e: unknown) => e);
    expect(isNewsdeskError(err, 'platform')).toBe(true);
    expect((err as Error).message).toBe('Slack refused the message for CMISSING1: channel_not_found');
    expect((err as { retryable?: boolean }).retryable).toBe(false);
  });
});

describe('rate limit', () => {
  it('refuses a user over RATE_LIMIT_PER_MINUTE politely, other users unaffected', async () => {
    const fake2 = await startFakeSlack();
    const rt = await testRuntime(fake2.apiUrl, { RATE_LIMIT_PER_MINUTE: '2' });
    const s = await startSlack(rt, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    try {
      const ask = async (user: string) => {
        const responseUrl = fake2.responseUrl(user);
        await sendSigned(s.port!, slashCommandBody({ command: '/search', text: 'bread', responseUrl, userId: user }), FORM, { secret: SECRET });
        return fake2.waitFor((r) => responseUrl.endsWith(r.path));
      };
      expect(quotes(await ask('U1')).length).toBeGreaterThan(0);
      expect(quotes(await ask('U1')).length).toBeGreaterThan(0);
      const refused = await ask('U1');
      expect(refused.body.response_type).toBe('ephemeral');
      expect(String(refused.body.text)).toMatch(/^You're asking faster than newsdesk can keep up — please try again in \d+ s\.$/);
      expect(quotes(await ask('U2')).length).toBeGreaterThan(0);
      // A mention from the same user is refused privately, not in the channel.
      await sendSigned(s.port!, mentionBody({ eventId: 'EvLimit', text: `<@${BOT.userId}> bread`, userId: 'U1' }), JSON_TYPE, { secret: SECRET });
      const ephemeral = await fake2.waitFor((r) => r.path === '/api/chat.postEphemeral');
      expect(ephemeral.body.user).toBe('U1');
      expect(String(ephemeral.body.text)).toMatch(/^You're asking faster than newsdesk can keep up/);
      expect(fake2.requests.some((r) => r.path === '/api/chat.postMessage')).toBe(false);
    } finally {
      await s.stop();
      await fake2.close();
    }
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret', () => {
    const all = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
