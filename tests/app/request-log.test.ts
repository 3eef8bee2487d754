/**
 * Logs people can read: one line per handled request (command, platform, duration, outcome) from
 * the real Slack adapter through the one guard, written by the real pino logger; never the query
 * and never a secret. And the format: pretty on a terminal, JSON otherwise, LOG_FORMAT to choose.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createLogger } from '../../src/app/log.js';
import { loadConfig } from '../../src/app/config.js';
import { BOT, mentionBody, sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { SECRET, TOKEN, testRuntime } from '../helpers/slack-fixtures.js';

/** A stream that keeps what is written, optionally claiming to be a terminal. */
function sink(isTTY = false): Writable & { text: () => string; isTTY?: boolean } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string; isTTY?: boolean };
  stream.text = () => chunks.join('');
  if (isTTY) stream.isTTY = true;
  return stream;
}

const QUERY_WORD = 'zanzibarquerytext';

describe('the request line', () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;
  const out = sink();

  /** Parsed JSON log entries with msg "request". */
  const requests = () =>
    out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((e) => e.msg === 'request');

  async function slash(command: string, text: string, userId: string): Promise<void> {
    const responseUrl = fake.responseUrl(`${command.slice(1)}-${userId}-${requests().length}`);
    const res = await sendSigned(port(), slashCommandBody({ command, text, responseUrl, userId }), 'application/x-www-form-urlencoded', { secret: SECRET });
    expect(res.status).toBe(200);
    await fake.waitFor((r) => responseUrl.endsWith(r.path));
  }
  const port = () => slack.port!;

  beforeAll(async () => {
    fake = await startFakeSlack();
    const logger = createLogger('info', { format: 'json', stream: out });
    const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '3', LOG_LEVEL: 'info' }, logger);
    slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  });

  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  it('logs command, platform, duration and outcome for each request, and nothing of what was asked', async () => {
    await slash('/find', `gyumri ${QUERY_WORD}`, 'U1');
    await slash('/newsdesk', `frobnicate ${QUERY_WORD}`, 'U1');
    await slash('/claim', '', 'U1');
    const ts = '1700000900.000100';
    await sendSigned(port(), mentionBody({ eventId: 'EvLog1', text: `<@${BOT.userId}> who denied ${QUERY_WORD} in Gyumri?`, ts, userId: 'U2' }), 'application/json', { secret: SECRET });
    await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts);

    const lines = requests();
    expect(lines.map((l) => [l.command, l.platform, l.outcome])).toEqual([
      ['search', 'slack', 'ok'],
      // A name that is no command may be someone's words: it is logged as "unknown".
      ['unknown', 'slack', 'not_found'],
      ['claim', 'slack', 'usage'],
      ['ask', 'slack', 'ok'],
    ]);
    for (const l of lines) {
      expect(typeof l.ms).toBe('number');
      expect(l.ms as number).toBeGreaterThanOrEqual(0);
      expect(l.level).toBe(30);
      expect(Object.keys(l).sort()).toEqual(['command', 'hostname', 'level', 'ms', 'msg', 'outcome', 'pid', 'platform', 'time']);
    }
    const all = out.text();
    expect(all).not.toContain(QUERY_WORD);
    expect(all).not.toContain('frobnicate');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });

  it('logs a refusal over the rate limit as rate_limited', async () => {
    for (let i = 0; i < 4; i++) await slash('/find', 'bread', 'U9');
    expect(requests().slice(-4).map((l) => l.outcome)).toEqual(['ok', 'ok', 'ok', 'rate_limited']);
  });
});

describe('log format', () => {
  const entry = (format: 'auto' | 'pretty' | 'json', tty: boolean): string => {
    const out = sink(tty);
    createLogger('info', { format, stream: out }).info({ command: 'search', platform: 'slack', ms: 12.5, outcome: 'ok', token: 'xoxb-1-secret' }, 'request');
    return out.text();
  };

  it('auto: readable lines on a terminal, JSON otherwise', () => {
    const pretty = entry('auto', true).replace(/\u001b\[[0-9;]*m/g, '');
    // One line: time, level, message, then the fields.
    expect(pretty).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: request \{.*"command":"search".*"ms":12\.5.*"outcome":"ok".*\}\n$/);
    expect(pretty).not.toContain('"level"');
    expect(JSON.parse(entry('auto', false))).toMatchObject({ msg: 'request', command: 'search', ms: 12.5 });
  });

  it('LOG_FORMAT forces either, and the pretty form redacts secrets as the JSON one does', () => {
    expect(JSON.parse(entry('json', true))).toMatchObject({ msg: 'request', token: '[redacted]' });
    const pretty = entry('pretty', false);
    expect(pretty).toMatch(/request/);
    expect(pretty).not.toContain('xoxb-1-secret');
    expect(pretty).not.toMatch(/\u001b\[/); // no colour codes when the stream is not a terminal
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/^LOG_FORMAT/);
  });
});
