import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startProcess } from '../../src/app/main.js';
import { repoRoot } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { articlePage, rssFeed, startFakeSite, type FakeSite } from '../helpers/fake-feeds.js';

const SECRET = 'feeds-main-test-signing-secret';
let slackFake: FakeSlack;
let site: FakeSite;

beforeAll(async () => {
  slackFake = await startFakeSlack();
  site = await startFakeSite();
});
afterAll(async () => {
  await slackFake.close();
  await site.close();
});

async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

describe('npm start with FEEDS_FILE', () => {
  it('polls the feeds beside the bot and the new story is found by /search', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nd-feeds-main-'));
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    const sample = readdirSync(path.join(repoRoot, 'corpus')).find((f) => f.endsWith('.md'))!;
    copyFileSync(path.join(repoRoot, 'corpus', sample), path.join(corpus, sample));
    site.serve('/news/zanzibar', articlePage('Zanzibar ferry service resumes', [
      'The Zanzibar ferry service resumed on Monday after a three-week suspension caused by storms, the port authority said in a statement issued in the morning.',
      'Passengers crowded the terminal as the first boat left the harbour, and officials said extra crossings would be added during the holiday weekend to clear the backlog.',
    ]));
    site.serve('/feed', rssFeed([{ guid: 'z1', title: 'Zanzibar ferry service resumes', link: site.url('/news/zanzibar'), published: '2026-03-02T09:00:00Z', summary: 'Ferries again.' }]));
    writeFileSync(path.join(dir, 'feeds.yml'), `feeds:\n  - url: ${site.url('/feed')}\n    outlet: Coast News\n`);
    const port = await freePort();
    const config = loadConfig({
      CORPUS_DIR: corpus,
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: 'off',
      SLACK_BOT_TOKEN: 'xoxb-feeds-test-not-secret',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackFake.apiUrl,
      SLACK_PORT: String(port),
      FEEDS_FILE: path.join(dir, 'feeds.yml'),
      FEEDS_ALLOW_PRIVATE: 'true',
      FEEDS_HOST_DELAY_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '1000',
    });
    let stop!: () => void;
    let ready!: () => void;
    const serving = new Promise<void>((resolve) => (ready = resolve));
    const stopped = startProcess(config, { until: new Promise<void>((resolve) => (stop = resolve)), onReady: () => ready() });
    try {
      await Promise.race([serving, stopped]);
      const stored = path.join(corpus, 'feeds', 'coast-news', '2026-03-02-zanzibar-ferry-service-resumes.md');
      await until(() => existsSync(stored), 'the story file');
      let found = '';
      for (let attempt = 0; attempt < 40 && !/service resumed on Monday/.test(found); attempt++) {
        const responseUrl = slackFake.responseUrl(`feeds-${attempt}`);
        await sendSigned(port, slashCommandBody({ command: '/find', text: 'zanzibar ferry', responseUrl }), 'application/x-www-form-urlencoded', { secret: SECRET });
        found = JSON.stringify((await slackFake.waitFor((r) => r.path === new URL(responseUrl).pathname, 10_000)).body);
        if (!/service resumed on Monday/.test(found)) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(found).toMatch(/service resumed on Monday after a three-week suspension/);
      expect(found).toMatch(/Coast News · 2026-03-02 · Zanzibar ferry service resumes/);
      expect(found).toMatch(/1 passage for .*from 1 article/);
    } finally {
      stop();
    }
    await expect(stopped).resolves.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
