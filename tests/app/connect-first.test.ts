/**
 * The bot connects before its library is ready: Slack and Discord (real Bolt and discord.js against
 * the fake servers) answer every command with the "reading the archive" message while the corpus
 * loads, and with real answers once it is loaded. The load is held by a gate in the library loader,
 * so "still loading" lasts exactly as long as the test wants, without sleeping.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startProcess } from '../../src/app/main.js';
import { buildLibrary, type BuildLibraryOptions, type BuildProgress } from '../../src/library/build.js';
import { FakeDiscord, isCallback } from '../helpers/fake-discord.js';
import { repoRoot } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { msg, startNewsdesk } from '../helpers/newsdesk-process.js';

const SECRET = 'connect-first-signing-secret';

let slackFake: FakeSlack;
let discordFake: FakeDiscord;

beforeAll(async () => {
  slackFake = await startFakeSlack();
  discordFake = await FakeDiscord.start();
});

afterAll(async () => {
  await slackFake.close();
  await discordFake.close();
});

describe('npm start while the archive is still loading', () => {
  it('connects at once, answers "reading the archive" until the library is ready, then answers for real', async () => {
    const port = await freePort();
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-connect-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: 'off',
      SLACK_BOT_TOKEN: 'xoxb-connect-test-not-secret',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackFake.apiUrl,
      SLACK_PORT: String(port),
      DISCORD_TOKEN: 'discord-connect-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const reports: BuildProgress[] = [];
    // The real loader, held at the gate once it has read the corpus: its progress is what the bot reports.
    const loadLibrary = async (opts: BuildLibraryOptions) => {
      const built = await buildLibrary({ ...opts, onProgress: (p) => (reports.push(p), opts.onProgress?.(p)) });
      await gate;
      return built;
    };
    let stop!: () => void;
    let connected!: (state: { platforms: string[] }) => void;
    const up = new Promise<{ platforms: string[] }>((resolve) => (connected = resolve));
    let ready!: () => void;
    const serving = new Promise<void>((resolve) => (ready = resolve));
    let isReady = false;
    const stopped = startProcess(config, {
      until: new Promise<void>((resolve) => (stop = resolve)),
      onConnected: connected,
      onReady: () => ((isReady = true), ready()),
      loadLibrary,
    });
    try {
      const state = await Promise.race([up, stopped.then(() => ({ platforms: ['the process stopped'] }))]);
      expect(state.platforms.sort()).toEqual(['discord', 'slack']);
      expect(isReady).toBe(false);

      // Slack, while loading: a clean reply with how far reading has come.
      const early = slackFake.responseUrl('early');
      const sent = await sendSigned(port, slashCommandBody({ command: '/newsdesk', text: 'search gyumri', responseUrl: early }), 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(sent.status).toBe(200);
      const waiting = await slackFake.waitFor((r) => r.path === new URL(early).pathname, 10_000);
      const last = reports.at(-1)!;
      expect(last).toEqual({ phase: 'index', done: 5, total: 5 });
      expect(JSON.stringify(waiting.body)).toContain('newsdesk is indexing the archive (5 articles); ask again in a minute.');
      expect(JSON.stringify(waiting.body)).not.toMatch(/Gyumri|went wrong|Error/);

      // Discord, while loading: the same message; autocomplete offers nothing rather than failing.
      const asked = discordFake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
      const callback = await discordFake.waitFor(isCallback(asked.id), 10_000);
      expect(JSON.stringify(callback.body)).toContain('newsdesk is indexing the archive (5 articles)');
      const typed = discordFake.autocomplete('timeline', [{ name: 'topic', type: 3, value: 'Gy', focused: true }]);
      const choices = await discordFake.waitFor(isCallback(typed.id), 10_000);
      expect(choices.body).toEqual({ type: 8, data: { choices: [] } });
      expect(isReady).toBe(false);

      open();
      await serving;
      const later = slackFake.responseUrl('later');
      await sendSigned(port, slashCommandBody({ command: '/newsdesk', text: 'search gyumri', responseUrl: later }), 'application/x-www-form-urlencoded', { secret: SECRET });
      const answer = await slackFake.waitFor((r) => r.path === new URL(later).pathname, 10_000);
      expect(JSON.stringify(answer.body)).toMatch(/Gyumri/);
      expect(JSON.stringify(answer.body)).not.toContain('reading the archive');
      const again = discordFake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
      const real = await discordFake.waitFor(isCallback(again.id), 30_000);
      expect(JSON.stringify(real.body)).toMatch(/Gyumri/);
    } finally {
      open();
      stop();
    }
    await expect(stopped).resolves.toBe(0);
  });

  it('stops cleanly when asked to while the archive is still loading', async () => {
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-connect-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: 'off',
      DISCORD_TOKEN: 'discord-connect-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    let stop!: () => void;
    let connected!: () => void;
    const up = new Promise<void>((resolve) => (connected = resolve));
    let readyCalled = false;
    const never = new Promise<never>(() => undefined);
    const stopped = startProcess(config, {
      until: new Promise<void>((resolve) => (stop = resolve)),
      onConnected: () => connected(),
      onReady: () => (readyCalled = true),
      loadLibrary: () => never,
    });
    await up;
    stop();
    await expect(stopped).resolves.toBe(0);
    expect(readyCalled).toBe(false);
  });

  it('refuses a bad digest setting before connecting, and a missing corpus after, stopping what it connected', async () => {
    const fresh = await FakeDiscord.start();
    try {
      const base = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-connect-')), LOG_LEVEL: 'silent', HEALTH_PORT: 'off', DISCORD_TOKEN: 'discord-connect-test-not-secret', DISCORD_API_URL: fresh.api };
      const badSchedule = loadConfig({ ...base, CORPUS_DIR: path.join(repoRoot, 'corpus'), DIGEST_SCHEDULE: 'every tuesday', DIGEST_DISCORD_CHANNELS: '100000000000000004' });
      await expect(startProcess(badSchedule, { until: new Promise<void>(() => undefined) })).rejects.toMatchObject({ code: 'config', message: expect.stringMatching(/DIGEST_SCHEDULE/) });
      expect(fresh.identifyPayload).toBeUndefined();

      const noCorpus = loadConfig({ ...base, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-connect-')), CORPUS_DIR: path.join(tmpdir(), 'nd-no-such-corpus') });
      let connected = false;
      const failed = startProcess(noCorpus, { until: new Promise<void>(() => undefined), onConnected: () => (connected = true) });
      await expect(failed).rejects.toMatchObject({ code: 'corpus' });
      expect(connected).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('`newsdesk start` opens its health port, logs its reading progress at info, and says it is running once indexed', async () => {
    const health = await freePort();
    const p = startNewsdesk({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-connect-')),
      HEALTH_PORT: String(health),
      HEALTH_HOST: '127.0.0.1',
      DISCORD_TOKEN: 'discord-connect-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    try {
      await p.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
      const index = (m: string | RegExp) => p.lines.findIndex(msg(m));
      expect(index('health endpoints listening (/healthz, /readyz, /metrics)')).toBeGreaterThanOrEqual(0);
      const reading = p.lines.filter((l) => l.phase === 'ingest');
      expect(reading.map((l) => [l.level, l.msg])).toContainEqual([30, 'reading the archive (5 of 5 files)']);
      expect(index(/^indexing the archive \(5 articles\)$/)).toBeGreaterThan(index('reading the archive (0 of 5 files)'));
      expect(index('newsdesk is running')).toBeGreaterThan(index(/^indexing the archive/));
      expect(index('newsdesk is running')).toBeGreaterThan(index('connected'));
    } finally {
      p.child.kill('SIGTERM');
    }
    expect((await p.exited).code).toBe(0);
  });
});
