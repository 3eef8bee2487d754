/**
 * Fuzzer for the Slack HTTP receiver (`npm run fuzz`): random slash commands, Events API bodies,
 * interactivity payloads, arbitrary JSON and bytes, with random headers, signed and not, sent over
 * real HTTP to real Bolt behind our receiver; every answer the bot posts lands on the fake Slack.
 *
 * Properties, for every case:
 * - the answer is a well-formed HTTP status (100–599), never a dropped connection;
 * - the process keeps serving: a real signed `/search` right after is answered;
 * - nothing newsdesk posted (response_url, chat.postMessage, chat.postEphemeral) carries a live
 *   mention (`<!channel>`, `<@U…>`, `<#C…>`, bare `@here`/`@channel`/`@everyone`);
 * - every quoted snippet (“…” [n]) is verbatim text of an article.
 * Bounded by FUZZ_RUNS (default 200); prints how many cases ran.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { encodeButton } from '../../src/adapters/slack/incoming.js';
import { plainFromMrkdwn } from '../../src/adapters/slack/mrkdwn.js';
import { ACTIONS } from '../../src/adapters/slack/render.js';
import { ARTICLES, SECRET, testRuntime } from '../helpers/slack-fixtures.js';
import { BOT, sendSigned, sign, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest } from '../helpers/fake-slack.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let fake: FakeSlack;
let slack: SlackAdapter;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  // One "user" sends every case; the rate limiter has its own tests.
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000000' });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  port = slack.port!;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

// ---------------------------------------------------------------------------------------------
// Inputs

const MENTIONS = ['<!channel>', '<!here>', '<!everyone>', '<!here|here>', '<@U0000009>', `<@${BOT.userId}>`, '<@U1|ana>', '<#C1|news>', '<!subteam^S1|@editors>', '@here', '@channel', '@everyone', '&lt;!channel&gt;', '<https://example.org|x>', '<mailto:a@b.c|m>', '<!date^1|x>'];
const WORDS = ['gyumri', 'Gyumri', 'bread', 'commenter', 'wrote', 'today', 'denied', 'border', 'talks', 'claim', 'who', '--since', '2021-01-01', 'sources', 'help', 'subscribe', '*bold*', '_it_', '~s~', '`c`', '```', '>', '&amp;', '\u200b', '\u202e', 'é', '🇦🇲', '“', '”', '[1]'];

/** Words of the fixture articles, so that many cases get quotes back (one article quotes "<!channel>" itself). */
const CORPUS_WORDS = ['commenter', 'wrote', 'today', 'code', 'gyumri', 'denied', 'bread', 'border', 'talks', 'market', 'troops'];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CORPUS_WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...MENTIONS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const text = fc.oneof(
  { weight: 12, arbitrary: fc.array(token, { maxLength: 3 }).map((t) => t.join(' ')) },
  { weight: 3, arbitrary: fc.array(token, { maxLength: 12 }).map((t) => t.join(' ')) },
  // Long text: a repeated word with mentions, up to 20,000 characters.
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'gyumri <!channel> bread '.repeat(Math.ceil(n / 24)).slice(0, n)) },
);
/** A field that is usually right, sometimes any JSON value (wrong type). */
const maybeWrong = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 20, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const command = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('/search', '/claim', '/timeline', '/digest', '/newsdesk', '/sources', '/ask', '/help', '/topics', '/frob') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
const responseUrl = fc.oneof({ weight: 6, arbitrary: fc.constant('fake') }, { weight: 1, arbitrary: fc.constantFrom('', 'not a url', 'http://127.0.0.1:1/closed') });
const url = (choice: string) => (choice === 'fake' ? fake.responseUrl('fuzz') : choice);

const slash = fc
  .record({ command, text, responseUrl, user: fc.constantFrom('U0000001', 'U2', ''), channel: fc.constantFrom('C0000001', 'C2', ''), extra: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 3 }) })
  .map(({ command, text, responseUrl, user, channel, extra }) => {
    const form = new URLSearchParams(slashCommandBody({ command, text, responseUrl: url(responseUrl), userId: user, channelId: channel }));
    for (const [k, v] of extra) form.append(k, v);
    return { body: form.toString(), type: FORM };
  });

const event = fc
  .record({
    type: maybeWrong(fc.constantFrom('event_callback', 'app_rate_limited', 'url_verification')),
    eventType: maybeWrong(fc.constantFrom('app_mention', 'message', 'reaction_added')),
    text: maybeWrong(text.map((t) => `<@${BOT.userId}> ${t}`)),
    user: maybeWrong(fc.constantFrom('U0000001', BOT.userId, 'U3')),
    channel: maybeWrong(fc.constantFrom('C0000001', 'C4')),
    eventId: fc.string({ maxLength: 10 }),
    ts: maybeWrong(fc.constantFrom('1700000000.000100', '1700000001.000200')),
    challenge: maybeWrong(fc.string({ maxLength: 10 })),
  })
  .map((e) => ({
    body: JSON.stringify({
      token: 'legacy',
      team_id: BOT.teamId,
      api_app_id: 'A0000001',
      type: e.type,
      challenge: e.challenge,
      event_id: `Fz${e.eventId}`,
      authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true }],
      event: { type: e.eventType, user: e.user, text: e.text, channel: e.channel, ts: e.ts, event_ts: e.ts },
    }),
    type: JSON_TYPE,
  }));

const buttonValue = fc.oneof(
  fc
    .record({ command: fc.constantFrom('search', 'claim', 'timeline', 'sources', 'nope'), text, unit: fc.nat(30), offset: fc.nat(500), thread: fc.boolean() })
    .map((v) => encodeButton({ command: v.command, text: v.text, cursor: { unit: v.unit, offset: v.offset }, delivery: v.thread ? 'thread' : 'ephemeral' })),
  fc.string({ maxLength: 40 }),
);
const interaction = fc
  .record({
    type: maybeWrong(fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'message_action', 'block_suggestion')),
    actionId: fc.constantFrom(ACTIONS.more, ACTIONS.more, ACTIONS.share, ACTIONS.share, 'other'),
    value: maybeWrong(buttonValue),
    user: maybeWrong(fc.constant({ id: 'U0000001', team_id: BOT.teamId })),
    team: maybeWrong(fc.constant({ id: BOT.teamId })),
    channel: maybeWrong(fc.constant({ id: 'C0000001' })),
    message: maybeWrong(fc.constant({ ts: '1700000000.000100' })),
    actions: fc.boolean(),
    responseUrl,
  })
  .map((p) => {
    const payload = {
      type: p.type,
      user: p.user,
      team: p.team,
      channel: p.channel,
      message: p.message,
      response_url: url(p.responseUrl),
      ...(p.actions ? { actions: [{ type: 'button', action_id: p.actionId, block_id: 'b', value: p.value }] } : {}),
    };
    return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), type: FORM };
  });

const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => ({ body: JSON.stringify(v) ?? 'null', type: JSON_TYPE }));
const anyBytes = fc.record({ body: fc.string({ unit: 'binary', maxLength: 200 }), type: fc.constantFrom(FORM, JSON_TYPE, 'text/plain', `${FORM}; charset=utf-8`, '') });
const payloadJson = fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: `payload=${encodeURIComponent(JSON.stringify(v) ?? '')}`, type: FORM }));
// Bodies around and over the 1 MiB limit (only their length is random).
const huge = fc.integer({ min: 900_000, max: 3_000_000 }).map((n) => ({ body: `text=${'x'.repeat(n)}`, type: FORM }));

const body = fc.oneof(
  { weight: 6, arbitrary: slash },
  { weight: 3, arbitrary: event },
  { weight: 3, arbitrary: interaction },
  { weight: 2, arbitrary: anyJson },
  { weight: 1, arbitrary: payloadJson },
  { weight: 1, arbitrary: anyBytes },
  { weight: 1, arbitrary: huge },
);
const signing = fc.oneof({ weight: 8, arbitrary: fc.constant('signed') }, { weight: 1, arbitrary: fc.constantFrom('unsigned', 'wrong-secret', 'future', 'stale', 'garbage') });
const printable = fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const headers = fc.dictionary(fc.constantFrom('x-slack-retry-num', 'x-slack-retry-reason', 'x-forwarded-for', 'user-agent', 'accept'), printable, { maxKeys: 3 });
const caseArb = fc.record({ body, signing, headers, contentType: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(FORM, JSON_TYPE, 'text/plain', 'multipart/form-data') }) });

// ---------------------------------------------------------------------------------------------
// Checks

/** Every string Slack would display from a posted message: `text` fields anywhere, including blocks. */
function displayed(r: RecordedRequest): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(r.body, '');
  walk(r.blocks ?? [], '');
  return out;
}

/** The quotes of a posted answer as a reader sees them (text between “ and ” [n]). */
function quotes(r: RecordedRequest): string[] {
  const sections = ((r.blocks ?? []) as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section' && b.text).map((b) => b.text!.text);
  return sections.map(plainFromMrkdwn).flatMap((s) => [...s.matchAll(/“([\s\S]*?)” \[\d+\]/g)].map((m) => m[1]!));
}

const isPost = (r: RecordedRequest) => r.path.startsWith('/response/') || r.path === '/api/chat.postMessage' || r.path === '/api/chat.postEphemeral';

let checked = 0;
let quotesChecked = 0;
/** Checks every post the fake received since the last call. */
function checkPosts(): void {
  const fresh = fake.requests.slice(checked);
  checked = fake.requests.length;
  for (const r of fresh.filter(isPost)) {
    for (const t of displayed(r)) {
      // Links to http(s) are the only Slack markup newsdesk sends.
      expect(t.replace(/<https?:\/\/[^<>|\s]+\|[^<>]*>/g, ''), `live markup in ${r.path}`).not.toMatch(/<[!@#]/);
      expect(t, `bare broadcast in ${r.path}`).not.toMatch(/@(here|channel|everyone)\b/i);
    }
    for (const q of quotes(r)) {
      expect(ARTICLES.some((a) => a.text.includes(q)), `not verbatim: ${q.slice(0, 80)}`).toBe(true);
      quotesChecked++;
    }
  }
}

let sentinels = 0;
/** A real signed /search, answered: the server is still up and Bolt still runs listeners. */
async function stillServing(): Promise<void> {
  const responseUrl = fake.responseUrl(`sentinel-${++sentinels}`);
  const res = await sendSigned(port, slashCommandBody({ command: '/search', text: 'bread', responseUrl }), FORM, { secret: SECRET });
  expect(res.status).toBe(200);
  await fake.waitFor((r) => responseUrl.endsWith(r.path), 10_000);
}

/** Sends one case over HTTP; resolves with the status. */
async function send(c: { body: { body: string; type: string }; signing: string; headers: Record<string, string>; contentType: string | null }): Promise<{ status: number; text: string }> {
  const now = Math.floor(Date.now() / 1000);
  const ts = c.signing === 'future' ? now + 600 : c.signing === 'stale' ? now - 600 : now;
  const h: Record<string, string> = { 'content-type': c.contentType ?? c.body.type, ...c.headers };
  if (c.signing !== 'unsigned') {
    h['x-slack-request-timestamp'] = c.signing === 'garbage' ? 'soon' : String(ts);
    h['x-slack-signature'] = sign(c.signing === 'wrong-secret' ? 'not-the-secret' : SECRET, ts, c.body.body);
  }
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: h, body: c.body.body });
  return { status: res.status, text: await res.text() };
}

it(`random Slack requests (FUZZ_RUNS=${RUNS}) never stop the receiver, and every post is safe and verbatim`, async () => {
  let cases = 0;
  const statuses = new Map<number, number>();
  const reasons = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      cases++;
      const { status, text } = await send(c);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 400) reasons.set(text, (reasons.get(text) ?? 0) + 1);
      expect(Number.isInteger(status) && status >= 100 && status <= 599).toBe(true);
      await stillServing();
      checkPosts();
    }),
    { numRuns: RUNS },
  );
  await stillServing();
  checkPosts();
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`slack fuzz: ${cases} cases ran (statuses ${summary}); ${fake.requests.filter(isPost).length} posts and ${quotesChecked} quotes checked`);
  console.log(`slack fuzz: 400 answers: ${[...reasons].map(([t, n]) => `${n}× ${t}`).join(' | ')}`);
  expect(cases).toBeGreaterThanOrEqual(RUNS);
});
