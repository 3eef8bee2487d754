/**
 * The console on a terminal (readline in terminal mode over real streams): Tab completion of
 * commands and topics, history, a topic too common to answer, an empty corpus, and a broken
 * front-matter warning that reads as a whole sentence.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { consoleCompleter, runConsole } from '../../src/app/console.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import type { Library } from '../../src/core/ports.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { tooCommonTopic } from '../../src/topics/common.js';
import { bodyArticle } from '../helpers/articles.js';
import { cleanEnv, runNewsdesk, tempDir } from '../helpers/cli.js';
import { fixtureLibrary, testCommands } from '../helpers/slack-fixtures.js';

async function runtimeOver(library: Library, corpusDir = './corpus'): Promise<Runtime> {
  return createRuntime({ commands: await testCommands(), library: () => library, logger: silentLogger, config: loadConfig({ CORPUS_DIR: corpusDir, LOG_LEVEL: 'silent' }) });
}

/**
 * Types into a console and returns what it printed. A string arrives as one chunk (a paste); an
 * array arrives key by key, one chunk each, as a person types (readline inserts a pasted Tab).
 */
async function session(runtime: Runtime, keys: string | string[], interactive = true): Promise<string> {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  const done = runConsole(runtime, { input, output, interactive });
  for (const key of typeof keys === 'string' ? [keys] : keys) {
    input.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
  input.end();
  await done;
  // Terminal mode redraws the line with escape codes; the text is what a reader sees.
  return out.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

describe('console completion', () => {
  const complete = consoleCompleter(['claim', 'timeline', 'search', 'sources', 'help'], () => ['armenia', 'armenia-russia', 'gyumri']);

  it('completes command names after the slash', () => {
    expect(complete('/cl')).toEqual([['/claim '], '/cl']);
    expect(complete('/s')).toEqual([['/search ', '/sources '], '/s']);
    expect(complete('/q')).toEqual([['/quit '], '/q']);
    expect(complete('/')[0]).toContain('/timeline ');
  });

  it('completes topics after /claim and /timeline, not after other commands or in a question', () => {
    expect(complete('/claim arm')).toEqual([['armenia', 'armenia-russia'], 'arm']);
    expect(complete('/timeline  GY')).toEqual([['gyumri'], 'GY']);
    expect(complete('/claim ')).toEqual([['armenia', 'armenia-russia', 'gyumri'], '']);
    expect(complete('/search arm')).toEqual([[], 'arm']);
    expect(complete('who said arm')).toEqual([[], 'who said arm']);
  });

  it('Tab completes on a real terminal stream, and the up arrow repeats the last line', async () => {
    const runtime = await runtimeOver(fixtureLibrary());
    // "/cl" Tab → "/claim ", "gy" Tab → "gyumri"; Enter; up arrow, Enter; /quit.
    const shown = await session(runtime, [...'/cl\tgy\t\r', '\u001b[A', '\r', ...'/quit\r']);
    const answers = shown.match(/\d+ claims? about "gyumri"/gi) ?? [];
    expect(answers).toHaveLength(2);
    expect(shown).toContain('newsdesk> /claim gyumri');
    expect(shown).toContain('Tab completes commands and topics');
  });
});

describe('console keys', () => {
  it('Ctrl+C and Ctrl+D on an empty line leave the console, as /quit does', async () => {
    const runtime = await runtimeOver(fixtureLibrary());
    for (const key of ['\u0003', '\u0004']) {
      const input = new PassThrough();
      const output = new PassThrough();
      output.resume();
      const done = runConsole(runtime, { input, output, interactive: true });
      input.write(key); // the stream stays open: only the key can end the console
      await done;
    }
  });
});

describe('topics too common to answer', () => {
  it('/claim the and /timeline the say the topic is too common instead of answering', async () => {
    const runtime = await runtimeOver(fixtureLibrary());
    const shown = await session(runtime, '/claim the\n/timeline of the\n/quit\n', false);
    expect(shown).toContain('The topic "the" is too common: it is made only of words every article uses.');
    expect(shown).toContain('The topic "of the" is too common');
    expect(shown).toContain('Give a name, a place or a phrase such as "gyumri".');
    expect(shown).not.toMatch(/about "the"/);
    expect(shown).not.toMatch(/dated events? for/i);
  });

  it('on a large archive, a plain word in most articles is too common; a name in all of them is not', () => {
    const articles = Array.from({ length: 60 }, (_, i) =>
      bodyArticle(`a${i}.txt`, { title: `Story ${i}` }, `The harbour in Gyumri was busy on day ${i}, officials said. Ships ${i % 3 ? 'waited' : 'left'} for the tide.`),
    );
    const library = libraryFromArticles(articles);
    expect(tooCommonTopic('harbour', library)?.headline).toBe('The topic "harbour" is too common: it appears in 100% of the articles.');
    expect(tooCommonTopic('Gyumri', library)).toBeUndefined();
    expect(tooCommonTopic('gyumri', library)).toBeUndefined();
    expect(tooCommonTopic('left', library)).toBeUndefined(); // a third of the articles
    expect(tooCommonTopic('US', library)).toBeUndefined(); // a place, whatever its letters
    // A small corpus cannot tell common from central: only function words are refused there.
    expect(tooCommonTopic('harbour', libraryFromArticles(articles.slice(0, 5)))).toBeUndefined();
  });
});

describe('empty corpus and broken files', () => {
  it('an empty corpus says which folder, what to put there and where the formats are described', async () => {
    const dir = tempDir('newsdesk-empty-');
    const shown = await session(await runtimeOver(libraryFromArticles([]), dir), '/quit\n', false);
    expect(shown).toContain(`The corpus folder ${dir} holds no articles.`);
    expect(shown).toMatch(/\.md or \.txt files .*\.json CMS exports/);
    expect(shown).toContain('CORPUS_DIR');
    expect(shown).toContain('README.md, section "The corpus"');
  });

  it('a broken front-matter warning is one whole sentence with the line, not cut at a colon', async () => {
    const dir = tempDir('newsdesk-corpus-');
    writeFileSync(path.join(dir, 'good.md'), '---\ntitle: Harbour reopens\n---\nThe harbour reopened on Friday.\n');
    writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: "Unclosed quote\noutlet: Wire\n---\nThe harbour reopened on Friday.\n');
    const r = await runNewsdesk(['console', '--corpus', dir], { stdin: '/quit\n', env: cleanEnv({ DATA_DIR: tempDir() }) });
    expect(r.code, r.stderr).toBe(0);
    const warning = r.stderr.trim();
    expect(warning).toMatch(/^newsdesk: warning: Skipped corpus file broken\.md: malformed front matter: .+ \(line \d+, column \d+\)$/);
    expect(warning).not.toMatch(/:\s*$/);
  });
});
