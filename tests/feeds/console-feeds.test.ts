/**
 * `newsdesk console` with FEEDS_FILE polls the feeds as `npm start` does: a story on the fake
 * outlet is written to the corpus, taken in by the live corpus watcher and found by /search typed
 * in the console; `/feeds fetch` there answers at once.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startProcess } from '../../src/app/main.js';
import { articlePage, rssFeed, startFakeSite, type FakeSite } from '../helpers/fake-feeds.js';

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

describe('newsdesk console with FEEDS_FILE', () => {
  it('polls the feeds beside the console; the new story is found by /search typed there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nd-feeds-console-'));
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    site.serve('/news/ferry', articlePage('Lake ferry service resumes', [
      'The lake ferry service resumed on Monday after a three-week suspension caused by storms, the port authority said in a statement issued in the morning.',
      'Passengers crowded the terminal as the first boat left the harbour, and officials said extra crossings would be added during the holiday weekend.',
    ]));
    site.serve('/feed', rssFeed([{ guid: 'f1', title: 'Lake ferry service resumes', link: site.url('/news/ferry'), published: '2026-03-02T09:00:00Z', summary: 'Ferries again.' }]));
    writeFileSync(path.join(dir, 'feeds.yml'), `feeds:\n  - url: ${site.url('/feed')}\n    outlet: Lake News\n`);
    const config = loadConfig({
      CORPUS_DIR: corpus,
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: 'off',
      FEEDS_FILE: path.join(dir, 'feeds.yml'),
      FEEDS_ALLOW_PRIVATE: 'true',
      FEEDS_HOST_DELAY_SECONDS: '0',
    });
    const input = new PassThrough();
    let output = '';
    const sink = new Writable({ write: (chunk, _enc, done) => void ((output += String(chunk)), done()) });
    const stopped = startProcess(config, { consoleIO: { input, output: sink, interactive: false } });
    try {
      await until(() => existsSync(path.join(corpus, 'feeds', 'lake-news', '2026-03-02-lake-ferry-service-resumes.md')), 'the story file');
      for (let attempt = 0; attempt < 80 && !/service resumed on Monday/.test(output); attempt++) {
        const before = output.length;
        input.write('/search lake ferry\n');
        await until(() => output.length > before, 'an answer');
        if (!/service resumed on Monday/.test(output)) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toMatch(/service resumed on Monday after a three-week suspension/);
      const before = output.length;
      input.write('/feeds fetch\n');
      await until(() => output.length > before, 'the fetch answer');
      expect(output.slice(before)).toMatch(/Fetching 1 feed now|Already fetching the feeds/);
    } finally {
      input.end('/quit\n');
    }
    await expect(stopped).resolves.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
