/**
 * The HTTP receiver under attack (issue #11 items 2, 5 and 14): real Bolt started by `startSlack`,
 * real HTTP over 127.0.0.1 (raw sockets where the test must see how much of a body was read),
 * answers caught by the fake Slack.
 */
import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeenEvents, registerHandlers } from '../../../src/adapters/slack/handlers.js';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { SlackReceiver } from '../../../src/adapters/slack/receiver.js';
import { ACTIONS } from '../../../src/adapters/slack/render.js';
import { loadConfig } from '../../../src/app/config.js';
import { isNewsdeskError } from '../../../src/core/errors.js';
import { buttonBody, mentionBody, sendSigned, sign, slashCommandBody, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { SECRET, TOKEN, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const MiB = 1024 * 1024;

let fake: FakeSlack;
let slack: SlackAdapter;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  port = slack.port!;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** Sends a signed /search and returns the HTTP status and the answer posted to its response_url. */
async function answered(text = 'bread'): Promise<{ status: number; posted: boolean }> {
  const responseUrl = fake.responseUrl('probe');
  const res = await sendSigned(port, slashCommandBody({ command: '/search', text, responseUrl }), FORM, { secret: SECRET });
  const posted = await fake.waitFor((r) => responseUrl.endsWith(r.path)).then(() => true);
  return { status: res.status, posted };
}

const postsTo = (responseUrl: string) => fake.requests.filter((r) => responseUrl.endsWith(r.path)).length;

/** What a raw client saw: the status line (if any answer came), bytes it managed to send, and whether the server closed. */
interface RawOutcome {
  status: number | null;
  sent: number;
  closedByServer: boolean;
}

/**
 * Opens a socket, sends `head`, then body chunks from `next()` (null = done) as fast as the socket
 * takes them, and stops writing as soon as an answer arrives. Resolves when the connection ends.
 */
function rawPost(head: string, next: () => Buffer | null, giveUpMs = 10_000): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    let answered = false;
    let closedByServer = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from the receiver within ${giveUpMs} ms (sent ${sent} bytes)`));
    }, giveUpMs);
    const pump = () => {
      while (!answered) {
        const chunk = next();
        if (!chunk) return;
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('data', (d) => {
      received += d.toString('latin1');
      if (/^HTTP\/1\.1 \d{3}/.test(received)) answered = true;
    });
    socket.on('end', () => {
      closedByServer = true;
    });
    // A write after the server closed fails with EPIPE/ECONNRESET: that is the server refusing to read on.
    socket.on('error', () => {
      closedByServer = true;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ status: m ? Number(m[1]) : null, sent, closedByServer });
    });
  });
}

/** `count` chunks of `size` bytes of `fill`, then null. */
function chunks(count: number, size: number, fill: string): () => Buffer | null {
  const chunk = Buffer.alloc(size, fill);
  let left = count;
  return () => (left-- > 0 ? chunk : null);
}

describe('request bodies are capped before they are read (item 2)', () => {
  it('a Content-Length over the limit gets 413 at once and the connection is closed without reading the body', async () => {
    const declared = 50 * MiB;
    const head = `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${declared}\r\nX-Slack-Signature: v0=00\r\nX-Slack-Request-Timestamp: ${now()}\r\n\r\n`;
    // One 64 KiB chunk, then the client waits: the answer must come without the other 49.9 MiB.
    const out = await rawPost(head, chunks(1, 64 * 1024, 'a'));
    expect(out.status).toBe(413);
    expect(out.closedByServer).toBe(true);
    expect(out.sent).toBe(64 * 1024);
    expect((await answered()).posted).toBe(true);
  });

  it('a chunked body growing past the limit gets 413 and the server stops reading long before its end', async () => {
    const total = 64 * MiB;
    const head = `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${JSON_TYPE}\r\nTransfer-Encoding: chunked\r\nX-Slack-Signature: v0=00\r\nX-Slack-Request-Timestamp: ${now()}\r\n\r\n`;
    const size = 64 * 1024;
    const body = chunks(total / size, size, 'b');
    const frame = Buffer.from(`${size.toString(16)}\r\n`);
    const out = await rawPost(head, () => {
      const c = body();
      return c ? Buffer.concat([frame, c, Buffer.from('\r\n')]) : null;
    });
    expect(out.status).toBe(413);
    expect(out.closedByServer).toBe(true);
    // Before the fix Bolt read all 64 MiB (then said 401); now the socket closes after about 1 MiB
    // plus what the kernel buffers held.
    expect(out.sent).toBeLessThan(total / 2);
    expect((await answered()).posted).toBe(true);
  });

  it('a signed body just under the limit is still handled', async () => {
    const responseUrl = fake.responseUrl('big');
    const body = `${slashCommandBody({ command: '/search', text: 'bread', responseUrl })}&padding=${'p'.repeat(MiB - 2048)}`;
    expect(Buffer.byteLength(body)).toBeLessThan(MiB);
    const res = await sendSigned(port, body, FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    await fake.waitFor((r) => responseUrl.endsWith(r.path));
  });
});

describe('signed but malformed bodies get 400 and the process keeps serving (item 5)', () => {
  const cases: [string, string, string][] = [
    ['JSON null', 'null', JSON_TYPE],
    ['JSON array', '[]', JSON_TYPE],
    ['JSON string', '"x"', JSON_TYPE],
    ['JSON number', '42', JSON_TYPE],
    ['object without type', '{}', JSON_TYPE],
    ['invalid JSON', '{"type":', JSON_TYPE],
    ['event that is a string', '{"type":"event_callback","event":"x"}', JSON_TYPE],
    ['event channel null', '{"type":"event_callback","event":{"type":"app_mention","channel":null,"text":"hi"}}', JSON_TYPE],
    ['event text a number', '{"type":"event_callback","event":{"type":"app_mention","channel":"C1","text":5}}', JSON_TYPE],
    ['command a number', '{"command":5,"text":"x"}', JSON_TYPE],
    ['url_verification without challenge', '{"type":"url_verification"}', JSON_TYPE],
    ['form without command or payload', 'foo=bar&text=hello', FORM],
    ['payload not JSON', 'payload=%7Bnot%20json', FORM],
    ['payload null', 'payload=null', FORM],
    ['payload actions not a list', `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":"x"}')}`, FORM],
    ['payload without user', `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`, FORM],
    ['payload team a string', `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"team":"T1","actions":[]}')}`, FORM],
  ];

  it.each(cases)('%s → 400 with a short message', async (_name, body, type) => {
    const res = await sendSigned(port, body, type, { secret: SECRET });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^Bad request: [^\n]{1,80}\.$/);
    expect(await answered()).toEqual({ status: 200, posted: true });
  });

  it('a signed null body does not take the process down: many in a row, then a real command is answered', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, () => sendSigned(port, 'null', JSON_TYPE, { secret: SECRET }).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(await answered()).toEqual({ status: 200, posted: true });
  });
});

describe('timestamps and replays (item 14)', () => {
  it('refuses a timestamp more than 5 minutes in the future with 401 and runs nothing', async () => {
    const responseUrl = fake.responseUrl('future');
    const res = await sendSigned(port, slashCommandBody({ command: '/search', text: 'bread', responseUrl }), FORM, { secret: SECRET, timestamp: now() + 10 * 60 });
    expect(res.status).toBe(401);
    await answered();
    expect(postsTo(responseUrl)).toBe(0);
  });

  it('still refuses a timestamp more than 5 minutes old, and accepts one a little ahead of our clock', async () => {
    const stale = await sendSigned(port, slashCommandBody({ command: '/search', text: 'bread', responseUrl: fake.responseUrl('stale') }), FORM, { secret: SECRET, timestamp: now() - 6 * 60 });
    expect(stale.status).toBe(401);
    const responseUrl = fake.responseUrl('ahead');
    const ahead = await sendSigned(port, slashCommandBody({ command: '/search', text: 'bread', responseUrl }), FORM, { secret: SECRET, timestamp: now() + 60 });
    expect(ahead.status).toBe(200);
    await fake.waitFor((r) => responseUrl.endsWith(r.path));
  });

  it('the same signed slash command sent twice runs once', async () => {
    const responseUrl = fake.responseUrl('replay');
    const body = slashCommandBody({ command: '/search', text: 'bread', responseUrl });
    const timestamp = now();
    expect((await sendSigned(port, body, FORM, { secret: SECRET, timestamp })).status).toBe(200);
    await fake.waitFor((r) => responseUrl.endsWith(r.path));
    // The replay is answered like an ack (a sender stops) but not run.
    const replay = await sendSigned(port, body, FORM, { secret: SECRET, timestamp });
    expect(replay).toEqual({ status: 200, text: '' });
    // A later request is answered; by then a run of the replay would have posted too.
    await answered();
    expect(postsTo(responseUrl)).toBe(1);
  });

  it('a replay with the signature spelled differently (extra "=…", which still verifies) runs nothing either', async () => {
    const responseUrl = fake.responseUrl('replay-variant');
    const body = slashCommandBody({ command: '/search', text: 'bread', responseUrl });
    const timestamp = now();
    await sendSigned(port, body, FORM, { secret: SECRET, timestamp });
    await fake.waitFor((r) => responseUrl.endsWith(r.path));
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `${sign(SECRET, timestamp, body)}=again` },
      body,
    });
    expect(res.status).toBe(200);
    await answered();
    expect(postsTo(responseUrl)).toBe(1);
  });

  it('a replayed button click runs once, and a different request with the same timestamp still runs', async () => {
    const timestamp = now();
    const first = fake.responseUrl('click');
    const click = buttonBody({ actionId: ACTIONS.more, value: JSON.stringify({ c: 'search', t: 'gyumri', u: 0, o: 0, d: 'e' }), responseUrl: first });
    await sendSigned(port, click, FORM, { secret: SECRET, timestamp });
    await fake.waitFor((r) => first.endsWith(r.path));
    await sendSigned(port, click, FORM, { secret: SECRET, timestamp });
    const other = fake.responseUrl('same-second');
    await sendSigned(port, slashCommandBody({ command: '/search', text: 'bread', responseUrl: other }), FORM, { secret: SECRET, timestamp });
    await fake.waitFor((r) => other.endsWith(r.path));
    await answered();
    expect(postsTo(first)).toBe(1);
  });
});

describe('what the receiver keeps doing as Bolt did', () => {
  it('echoes the challenge of a signed url_verification', async () => {
    const res = await sendSigned(port, JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' }), JSON_TYPE, { secret: SECRET });
    expect(res).toEqual({ status: 200, text: '{"challenge":"c-123"}' });
  });

  it('answers an unsigned ssl_check with 200 and runs nothing', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body: 'ssl_check=1&token=x' });
    expect(res.status).toBe(200);
  });

  it('refuses an unsigned request with 401, and answers other paths and methods with 404', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': JSON_TYPE }, body: '{}' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
  });

  it('acks an event at once with an empty 200, retries included', async () => {
    const body = mentionBody({ eventId: 'EvRecv1', text: 'hello', ts: '1700009000.000100' });
    expect(await sendSigned(port, body, JSON_TYPE, { secret: SECRET, headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } })).toEqual({ status: 200, text: '' });
    await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === '1700009000.000100');
  });
});

describe('SLACK_HOST (item 2)', () => {
  it('binds the receiver to the configured address only', async () => {
    const runtime = await testRuntime(fake.apiUrl, { SLACK_HOST: '127.0.0.2', SLACK_PORT: '0' });
    const s = await startSlack(runtime, { clientOptions: { retryConfig: { retries: 0 } } });
    try {
      expect(s.host).toBe('127.0.0.2');
      // Our receiver answers there (401: unsigned) …
      expect((await fetch(`http://127.0.0.2:${s.port}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(401);
      // … and nothing listens on the same port of another loopback address.
      const refused = await fetch(`http://127.0.0.1:${s.port}/slack/events`, { method: 'POST', body: '{}' }).then(
        () => 'answered',
        (e: { cause?: { code?: string } }) => e.cause?.code,
      );
      expect(refused).toBe('ECONNREFUSED');
    } finally {
      await s.stop();
    }
  });

  it('listens on all interfaces when SLACK_HOST is empty', async () => {
    const runtime = await testRuntime(fake.apiUrl, { SLACK_HOST: '', SLACK_PORT: '0' });
    const s = await startSlack(runtime, { clientOptions: { retryConfig: { retries: 0 } } });
    try {
      expect(['::', '0.0.0.0']).toContain(s.host);
    } finally {
      await s.stop();
    }
  });

  it('is read from the environment and checked', () => {
    expect(loadConfig({ SLACK_HOST: ' 127.0.0.1 ' }).SLACK_HOST).toBe('127.0.0.1');
    expect(loadConfig({ SLACK_HOST: '[::1]' }).SLACK_HOST).toBe('::1');
    expect(loadConfig({ SLACK_HOST: 'localhost' }).SLACK_HOST).toBe('localhost');
    expect(loadConfig({}).SLACK_HOST).toBeUndefined();
    expect(() => loadConfig({ SLACK_HOST: 'not a host!' })).toThrow('SLACK_HOST must be an IP address or a host name (empty = all interfaces)');
  });

  it('an address this machine does not have stops start-up with a config error naming SLACK_HOST', async () => {
    const runtime = await testRuntime(fake.apiUrl, { SLACK_HOST: '192.0.2.1', SLACK_PORT: '0' });
    const err = await startSlack(runtime, { clientOptions: { retryConfig: { retries: 0 } } }).catch((e: unknown) => e);
    expect(isNewsdeskError(err, 'config')).toBe(true);
    expect((err as Error).message).toBe('SLACK_HOST is not an address of this machine');
  });
});

describe('SlackReceiver on its own', () => {
  const quiet: BoltLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };

  it('remembers a bounded number of requests (oldest forgotten first) and honours its body limit', async () => {
    const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' });
    const app = new App({ token: TOKEN, receiver: new SlackReceiver({ signingSecret: SECRET, logger: quiet, replayMemory: 2, maxBodyBytes: 1500 }), logger: quiet, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }, deferInitialization: true });
    registerHandlers(app, runtime);
    await app.init();
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const p = (server.address() as AddressInfo).port;
    try {
      const timestamp = now();
      const urls = ['cap-a', 'cap-b', 'cap-c'].map((n) => fake.responseUrl(n));
      const bodies = urls.map((responseUrl) => slashCommandBody({ command: '/search', text: 'bread', responseUrl }));
      for (const [i, body] of bodies.entries()) {
        expect((await sendSigned(p, body, FORM, { secret: SECRET, timestamp })).status).toBe(200);
        await fake.waitFor((r) => urls[i]!.endsWith(r.path));
      }
      // Only the last two are remembered: the first, replayed, runs again (memory stays bounded) …
      await sendSigned(p, bodies[0]!, FORM, { secret: SECRET, timestamp });
      await fake.waitFor((r) => urls[0]!.endsWith(r.path) && fake.requests.filter((x) => urls[0]!.endsWith(x.path)).length === 2);
      // … the last, replayed, does not.
      await sendSigned(p, bodies[2]!, FORM, { secret: SECRET, timestamp });
      const probe = fake.responseUrl('cap-probe');
      await sendSigned(p, slashCommandBody({ command: '/search', text: 'bread', responseUrl: probe }), FORM, { secret: SECRET });
      await fake.waitFor((r) => probe.endsWith(r.path));
      expect(postsTo(urls[2]!)).toBe(1);
      // The limit given: a signed body of 1,501 bytes is refused before it is checked.
      const padded = `${bodies[1]!}&pad=`.padEnd(1501, 'x');
      expect(await sendSigned(p, padded, FORM, { secret: SECRET })).toEqual({ status: 413, text: 'Request body too large.' });
    } finally {
      await app.stop();
    }
  });
});

describe('SeenEvents when full (the replay and event-id memory)', () => {
  it('still recognises its oldest id instead of evicting it first and taking it as new', () => {
    const seen = new SeenEvents(60_000, 2);
    expect(seen.firstTime('a', 0)).toBe(true);
    expect(seen.firstTime('b', 0)).toBe(true);
    expect(seen.firstTime('a', 1)).toBe(false);
    expect(seen.firstTime('c', 2)).toBe(true);
    expect(seen.firstTime('b', 3)).toBe(false);
  });
});
