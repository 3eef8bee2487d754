/**
 * The health, readiness and metrics endpoints of the running bot, through real HTTP on 127.0.0.1:
 * the process (`startProcess`) serves Discord — which opens no port of its own, like Slack's Socket
 * Mode — against the fake Discord, with its library held at a gate so "loading" lasts as long as
 * the test needs.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startProcess } from '../../src/app/main.js';
import { createMetrics } from '../../src/app/metrics.js';
import { buildLibrary, type BuildLibraryOptions } from '../../src/library/build.js';
import type { Platform } from '../../src/core/platform.js';
import { FakeDiscord, isCallback } from '../helpers/fake-discord.js';
import { repoRoot } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { testCommands } from '../helpers/slack-fixtures.js';

/** One HTTP request to the health server; the body as text. */
function call(port: number, pathName: string, method = 'GET', body?: string): Promise<{ status: number; type: string; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathName, method }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The value of one sample in Prometheus text, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let discordFake: FakeDiscord;

beforeAll(async () => {
  discordFake = await FakeDiscord.start();
});

afterAll(async () => {
  await discordFake.close();
});

describe('GET /healthz, /readyz and /metrics on HEALTH_PORT', () => {
  it('is alive at once, ready only once the library is loaded, and counts commands by outcome', async () => {
    const port = await freePort();
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-health-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
      DISCORD_TOKEN: 'discord-health-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const loadLibrary = async (opts: BuildLibraryOptions) => {
      const built = await buildLibrary(opts);
      await gate;
      return built;
    };
    let stop!: () => void;
    let connected!: () => void;
    const up = new Promise<void>((resolve) => (connected = resolve));
    let ready!: () => void;
    const serving = new Promise<void>((resolve) => (ready = resolve));
    const stopped = startProcess(config, { until: new Promise<void>((resolve) => (stop = resolve)), onConnected: () => connected(), onReady: () => ready(), loadLibrary });
    try {
      await up;
      const alive = await call(port, '/healthz');
      expect([alive.status, alive.text]).toEqual([200, '{"status":"ok"}\n']);

      const loading = await call(port, '/readyz');
      expect(loading.status).toBe(503);
      expect(loading.type).toBe('application/json');
      expect(JSON.parse(loading.text)).toEqual({
        ready: false,
        library: { state: 'loading', articles: 0, progress: { phase: 'index', done: 5, total: 5 } },
        platforms: { discord: 'connected' },
        lastDigest: null,
      });

      const early = discordFake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
      await discordFake.waitFor(isCallback(early.id), 10_000);
      const during = await call(port, '/metrics');
      expect(during.status).toBe(200);
      expect(during.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(sample(during.text, 'newsdesk_commands_total{command="search",platform="discord",outcome="loading"}')).toBe(1);
      expect(sample(during.text, 'newsdesk_library_ready')).toBe(0);
      expect(sample(during.text, 'newsdesk_library_load_done{phase="index"}')).toBe(5);
      expect(sample(during.text, 'newsdesk_library_load_total{phase="index"}')).toBe(5);
      expect(sample(during.text, 'newsdesk_corpus_articles')).toBe(0);

      open();
      await serving;
      const readyNow = await call(port, '/readyz');
      expect(readyNow.status).toBe(200);
      expect(JSON.parse(readyNow.text)).toEqual({
        ready: true,
        library: { state: 'ready', articles: 5, progress: null },
        platforms: { discord: 'connected' },
        lastDigest: null,
      });

      const asked = discordFake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
      await discordFake.waitFor(isCallback(asked.id), 30_000);
      const unknownTopic = discordFake.command('timeline', [{ name: 'topic', type: 3, value: 'zzzzqqqq' }]);
      await discordFake.waitFor(isCallback(unknownTopic.id), 30_000);
      const after = await call(port, '/metrics');
      expect(sample(after.text, 'newsdesk_commands_total{command="search",platform="discord",outcome="ok"}')).toBe(1);
      expect(sample(after.text, 'newsdesk_commands_total{command="search",platform="discord",outcome="loading"}')).toBe(1);
      expect(after.text).toMatch(/^newsdesk_commands_total\{command="timeline",platform="discord",outcome="[a-z_]+"\} 1$/m);
      expect(sample(after.text, 'newsdesk_command_duration_seconds_count{command="search"}')).toBe(2);
      expect(sample(after.text, 'newsdesk_corpus_articles')).toBe(5);
      expect(sample(after.text, 'newsdesk_library_ready')).toBe(1);
      expect(after.text).not.toMatch(/newsdesk_library_load_done\{/);
      expect(after.text).toMatch(/^process_cpu_user_seconds_total /m);
      // The query text never becomes a label.
      expect(after.text).not.toContain('gyumri');

      const head = await call(port, '/healthz', 'HEAD');
      expect([head.status, head.text]).toEqual([200, '']);
      const missing = await call(port, '/admin');
      expect(missing.status).toBe(404);
      const posted = await call(port, '/readyz', 'POST', 'x'.repeat(100_000));
      expect(posted.status).toBe(405);
      expect(posted.headers.allow).toBe('GET, HEAD');
    } finally {
      open();
      stop();
    }
    await expect(stopped).resolves.toBe(0);
    // Stopped: the port is closed.
    await expect(call(port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers 503 while a configured platform is not connected (Slack in Socket Mode, which opens no port of its own)', async () => {
    discordFake.closeOnIdentify = 4004; // authentication failed
    const port = await freePort();
    const { startFakeSlack } = await import('../helpers/fake-slack.js');
    const slack = await startFakeSlack();
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-health-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-health-test-not-secret',
      SLACK_APP_TOKEN: 'xapp-health-test-not-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-health-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    let stop!: () => void;
    let ready!: () => void;
    const serving = new Promise<void>((resolve) => (ready = resolve));
    const stopped = startProcess(config, { until: new Promise<void>((resolve) => (stop = resolve)), onReady: () => ready() });
    try {
      await serving;
      await slack.socketConnected();
      const report = await call(port, '/readyz');
      expect(report.status).toBe(503);
      expect(JSON.parse(report.text)).toMatchObject({ ready: false, library: { state: 'ready', articles: 5 }, platforms: { slack: 'connected', discord: 'failed' } });
    } finally {
      stop();
      discordFake.closeOnIdentify = undefined;
    }
    await expect(stopped).resolves.toBe(0);
    await slack.close();
  });
});

/** Asks /readyz until `want` holds for its JSON report (the connection changes on its own time); the last report. */
async function readyzUntil(port: number, want: (report: { status: number; body: Record<string, any> }) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(port, '/readyz');
    const report = { status: r.status, body: JSON.parse(r.text) as Record<string, any> };
    if (want(report)) return report;
    if (Date.now() > deadline) throw new Error(`/readyz never matched; last: ${r.status} ${r.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('/readyz follows the connection after start', () => {
  it('turns 503 ("reconnecting") when the Slack socket is lost and 200 again once the client is back', async () => {
    const port = await freePort();
    const { startFakeSlack } = await import('../helpers/fake-slack.js');
    const slack = await startFakeSlack();
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-health-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-health-test-not-secret',
      SLACK_APP_TOKEN: 'xapp-health-test-not-secret',
      SLACK_API_URL: slack.apiUrl,
    });
    let stop!: () => void;
    let ready!: () => void;
    const serving = new Promise<void>((resolve) => (ready = resolve));
    const stopped = startProcess(config, { until: new Promise<void>((resolve) => (stop = resolve)), onReady: () => ready() });
    try {
      await serving;
      await slack.socketConnected();
      const up = await readyzUntil(port, (r) => r.status === 200);
      expect(up.body).toMatchObject({ ready: true, platforms: { slack: 'connected' } });
      slack.socketOutage(true);
      const down = await readyzUntil(port, (r) => r.status === 503);
      expect(down.body).toMatchObject({ ready: false, library: { state: 'ready' }, platforms: { slack: 'reconnecting' } });
      slack.socketOutage(false);
      const back = await readyzUntil(port, (r) => r.status === 200);
      expect(back.body).toMatchObject({ ready: true, platforms: { slack: 'connected' } });
    } finally {
      stop();
      slack.socketOutage(false);
    }
    await expect(stopped).resolves.toBe(0);
    await slack.close();
  });
  it('does the same for the Discord gateway: 503 while it is gone, 200 once discord.js has resumed', async () => {
    const port = await freePort();
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-health-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
      DISCORD_TOKEN: 'discord-health-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    let stop!: () => void;
    let ready!: () => void;
    const serving = new Promise<void>((resolve) => (ready = resolve));
    const stopped = startProcess(config, { until: new Promise<void>((resolve) => (stop = resolve)), onReady: () => ready() });
    try {
      await serving;
      await readyzUntil(port, (r) => r.status === 200);
      discordFake.gatewayOutage(true);
      const down = await readyzUntil(port, (r) => r.status === 503);
      expect(down.body).toMatchObject({ ready: false, platforms: { discord: 'reconnecting' } });
      discordFake.gatewayOutage(false);
      const back = await readyzUntil(port, (r) => r.status === 200);
      expect(back.body).toMatchObject({ ready: true, platforms: { discord: 'connected' } });
    } finally {
      stop();
      discordFake.gatewayOutage(false);
    }
    await expect(stopped).resolves.toBe(0);
  });
});

describe('digest metrics', () => {
  it('count each digest posted and each failed attempt, and remember the last', async () => {
    const commands = await testCommands();
    let now = new Date('2026-01-05T09:00:00Z');
    const metrics = createMetrics({ commands, status: () => ({ state: 'ready', articles: 3 }), now: () => now });
    const sent: string[] = [];
    let refuse = false;
    // A platform as the digest service sees it: posts, or fails as a refused post does.
    const platform: Platform = {
      name: 'slack',
      stop: async () => undefined,
      postReply: async (channel) => {
        if (refuse) throw new Error('channel_not_found');
        sent.push(channel);
      },
    };
    const outlet = metrics.digestOutlet(platform);
    const reply = { command: 'digest', query: '', headline: 'Digest', items: [], citations: [], notes: [] };
    await outlet.postReply('C1', reply);
    expect(metrics.lastDigest()).toEqual({ platform: 'slack', outcome: 'posted', at: now });
    refuse = true;
    now = new Date('2026-01-06T09:00:00Z');
    await expect(outlet.postReply('C2', reply)).rejects.toThrow('channel_not_found');
    expect(metrics.lastDigest()).toEqual({ platform: 'slack', outcome: 'failed', at: now });
    const text = await metrics.text();
    expect(sample(text, 'newsdesk_digest_posts_total{platform="slack"}')).toBe(1);
    expect(sample(text, 'newsdesk_digest_post_failures_total{platform="slack"}')).toBe(1);
    expect(sent).toEqual(['C1']);
  });
});

describe('HEALTH_PORT', () => {
  it('defaults to 8080, turns off with off or 0, and names itself when malformed', () => {
    expect(loadConfig({}).HEALTH_PORT).toBe(8080);
    expect(loadConfig({ HEALTH_PORT: '9100' }).HEALTH_PORT).toBe(9100);
    expect(loadConfig({ HEALTH_PORT: 'off' }).HEALTH_PORT).toBeNull();
    expect(loadConfig({ HEALTH_PORT: '0' }).HEALTH_PORT).toBeNull();
    expect(() => loadConfig({ HEALTH_PORT: '70000' })).toThrow(/^HEALTH_PORT must be a port number/);
    expect(() => loadConfig({ HEALTH_HOST: 'not a host!' })).toThrow(/^HEALTH_HOST /);
    // Slack's HTTP mode listens on SLACK_PORT: the two cannot share it (Socket Mode opens no port there).
    const slack = { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' };
    expect(() => loadConfig({ ...slack, SLACK_PORT: '8080' })).toThrow(/^HEALTH_PORT must differ from SLACK_PORT/);
    expect(loadConfig({ ...slack, SLACK_PORT: '8080', HEALTH_PORT: '9100' }).HEALTH_PORT).toBe(9100);
    expect(loadConfig({ ...slack, SLACK_APP_TOKEN: 'xapp-x', SLACK_PORT: '8080' }).HEALTH_PORT).toBe(8080);
  });
});
