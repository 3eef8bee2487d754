import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/app/cli.js';
import { cleanEnv, repoRoot, runNewsdesk, tempDir } from '../helpers/cli.js';

interface JsonDoc {
  command: string;
  query: string;
  items: Array<{ text: string; source: number; start: number; end: number } & Record<string, unknown>>;
  sources: Array<{ id: number; title: string; outlet: string | null; published: string | null; publishedInferred: boolean; url: string | null; articleId: string }>;
}

const corpusDir = path.join(repoRoot, 'corpus');
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('newsdesk CLI (spawned)', () => {
  it('help lists the commands and exits 0', async () => {
    const r = await runNewsdesk(['help']);
    expect(r.code).toBe(0);
    for (const name of ['search', 'sources', 'help']) expect(r.stdout).toContain(`/${name}`);
  });

  it('search --json prints one document whose items are verbatim text of the cited articles', async () => {
    const r = await runNewsdesk(['search', 'gyumri', 'base', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.command).toBe('search');
    expect(doc.query).toBe('gyumri base');
    expect(doc.items.length).toBeGreaterThan(0);
    const ids = new Set(doc.sources.map((s) => s.id));
    for (const item of doc.items) {
      expect(ids.has(item.source)).toBe(true);
      const source = doc.sources.find((s) => s.id === item.source)!;
      const raw = readFileSync(path.join(corpusDir, source.articleId), 'utf8');
      expect(raw).toContain(item.text);
      expect(item.text.toLowerCase()).toMatch(/gyumri|base/);
    }
    for (const s of doc.sources) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'published', 'publishedInferred', 'url']));
      expect(s.published === null || /^\d{4}-\d{2}-\d{2}$/.test(s.published)).toBe(true);
    }
    // results come from more than one article when several match
    expect(new Set(doc.items.map((i) => i.source)).size).toBeGreaterThan(1);
  });

  it('sources lists the shipped corpus with its metadata, inferred dates flagged', async () => {
    const r = await runNewsdesk(['sources', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.sources).toHaveLength(5);
    const tass = doc.sources.find((s) => s.url === 'https://tass.com/world/1298581');
    expect(tass).toMatchObject({ outlet: 'TASS', published: '2021-06-04', publishedInferred: true });
    const warsaw = doc.sources.find((s) => s.url === 'https://warsawinstitute.org/armenia-invites-russian-troops-territory/');
    expect(warsaw).toMatchObject({ published: '2021-02-23', publishedInferred: false });
  });

  it('an empty query is a usage error: exit 2 and one usage line', async () => {
    const r = await runNewsdesk(['search']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/usage: newsdesk search/);
    expect(r.stdout).toBe('');
  });

  it('a query over 500 characters is refused clearly', async () => {
    const r = await runNewsdesk(['search', 'armenia '.repeat(80)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too long/);
    noStackTrace(r.stderr);
  });

  it('quotes, operators and any Unicode are treated as text', async () => {
    for (const q of ['"gyumri" AND -troops* ~ (base) OR:', 'Գյումրի ☃ 🇦🇲 مرحبا', 'border \\ / * ? ^ $ [ ] { } <!channel> @here']) {
      const r = await runNewsdesk(['search', q, '--json']);
      expect(r.code, `${q}: ${r.stderr}`).toBe(0);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });

  it('a query of punctuation only is answered clearly as a usage error', async () => {
    const r = await runNewsdesk(['search', '?!', '***']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no letters or digits/);
  });

  it('an unknown command exits 2 with a usage line', async () => {
    const r = await runNewsdesk(['frobnicate', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command "frobnicate"/);
    noStackTrace(r.stderr);
  });

  it('a missing corpus folder is a failure: exit 1, one line, no stack trace', async () => {
    const r = await runNewsdesk(['search', 'x', '--corpus', '/nonexistent/newsdesk-corpus']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not found/i);
    noStackTrace(r.stderr);
  });

  it('skips an unreadable file with one warning naming it and answers from the rest', async () => {
    const dir = tempDir('newsdesk-corpus-');
    mkdirSync(path.join(dir, 'wire'));
    writeFileSync(
      path.join(dir, 'wire', 'harbour.md'),
      '---\ntitle: Harbour reopens\noutlet: Test Wire\npublished: 2024-03-01\n---\nThe harbour reopened on Friday after repairs, the port authority said.\n',
    );
    writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00, 0x89, 0x50]));
    const r = await runNewsdesk(['search', 'harbour', '--json', '--corpus', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/broken\.txt/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.items[0]?.text).toContain('harbour reopened');
    expect(doc.sources[0]).toMatchObject({ title: 'Harbour reopens', outlet: 'Test Wire', published: '2024-03-01' });
  });

  it('npm start with no chat platform opens the console on the sample corpus', async () => {
    const r = await runNewsdesk(['start'], { stdin: '/search gyumri\n/sources\n/nonsense\n/quit\n', env: cleanEnv({ DATA_DIR: tempDir() }) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/newsdesk console/);
    expect(r.stdout).toMatch(/Gyumri/);
    expect(r.stdout).toMatch(/5 articles in the corpus/);
    expect(r.stdout).toMatch(/Unknown command "nonsense"/);
  });

  it('the console counts a one-article corpus in the singular', async () => {
    const dir = tempDir('newsdesk-corpus-');
    writeFileSync(path.join(dir, 'harbour.md'), '---\ntitle: Harbour reopens\noutlet: Test Wire\npublished: 2024-03-01\n---\nThe harbour reopened on Friday.\n');
    const r = await runNewsdesk(['console', '--corpus', dir], { stdin: '/quit\n', env: cleanEnv({ DATA_DIR: tempDir() }) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^newsdesk console — 1 article\. /m);
  });

  it('a second run over an unchanged corpus answers the same (from the snapshot)', async () => {
    const dataDir = tempDir();
    const env = cleanEnv({ DATA_DIR: dataDir });
    const first = await runNewsdesk(['search', 'border', 'troops', '--json'], { env });
    const second = await runNewsdesk(['search', 'border', 'troops', '--json'], { env });
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('a reader that closes early (`newsdesk sources | head -1`) ends newsdesk quietly: exit 0, no EPIPE trace', async () => {
    for (const args of [['sources'], ['search', 'gyumri', '--json']]) {
      const r = await runNewsdesk(args, { closeStdout: true });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
    }
  }, 60_000);

  it('an unknown flag is refused with a usage line and exit 2, not searched for', async () => {
    for (const args of [['search', 'gyumri', '--bogus'], ['search', '-x', 'gyumri']]) {
      const r = await runNewsdesk(args);
      expect(r.code, args.join(' ')).toBe(2);
      const flag = args.find((a) => a.startsWith('-'))!;
      expect(r.stderr).toMatch(new RegExp(`^newsdesk: unknown flag ${flag} \\(a word starting with "-" goes after --, e\\.g\\. newsdesk search -- ${flag}\\)\\. usage: newsdesk <command>`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  }, 60_000);

  it('a flag without its value, or with one it does not take, is refused with exit 2', async () => {
    const missing = await runNewsdesk(['search', 'gyumri', '--corpus']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^newsdesk: --corpus needs a value\. usage:/);
    const valued = await runNewsdesk(['search', 'gyumri', '--json=yes']);
    expect(valued.code).toBe(2);
    expect(valued.stderr).toMatch(/^newsdesk: --json takes no value\. usage:/);
  }, 60_000);

  it('flags go before or after the command, take --flag=value, and -- ends them so a query may start with "-"', async () => {
    const first = await runNewsdesk(['--json', `--corpus=${corpusDir}`, 'search', 'gyumri']);
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as JsonDoc).query).toBe('gyumri');
    const dashed = await runNewsdesk(['search', '--json', '--', '-gyumri', '--json']);
    expect(dashed.code, dashed.stderr).toBe(0);
    const doc = JSON.parse(dashed.stdout) as JsonDoc;
    expect(doc.query).toBe('-gyumri --json');
    expect(doc.items.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('parseArgs', () => {
  it('splits the CLI flags from the command and its words', () => {
    expect(parseArgs(['/Timeline', 'armenia-russia', '--format=timelinejs', '-h'])).toEqual({
      command: 'timeline',
      words: ['armenia-russia'],
      json: false,
      format: 'timelinejs',
      help: true,
      version: false,
    });
    expect(parseArgs(['--corpus', './archive', 'search', '--', '--json', '-x'])).toEqual({
      command: 'search',
      words: ['--json', '-x'],
      json: false,
      corpus: './archive',
      help: false,
      version: false,
    });
  });

  it('throws a usage error naming an unknown flag', () => {
    expect(() => parseArgs(['search', 'gyumri', '--bogus'])).toThrow(/^unknown flag --bogus /);
    expect(() => parseArgs(['search', 'gyumri', '--since', '2021-06-01'])).toThrow(/^unknown flag --since /);
  });

  it("passes a command's own flags (digest --since, --topic) to it as words, in their place", () => {
    expect(parseArgs(['digest', '--since', '2021-06-01', '--topic', 'armenia', 'russia', '--json', '--tz=Asia/Yerevan'])).toEqual({
      command: 'digest',
      words: ['--since', '2021-06-01', '--topic', 'armenia', 'russia', '--tz=Asia/Yerevan'],
      json: true,
      help: false,
      version: false,
    });
    expect(() => parseArgs(['digest', '--bogus'])).toThrow(/^unknown flag --bogus \(a word starting with "-" goes after --, e\.g\. newsdesk digest -- --bogus\)$/);
  });

  it('passes --page to the paged commands (claim, sources)', () => {
    expect(parseArgs(['sources', '--page', '2', '--json'])).toMatchObject({ command: 'sources', words: ['--page', '2'], json: true });
    expect(parseArgs(['claim', 'gyumri', '--page=2'])).toMatchObject({ command: 'claim', words: ['gyumri', '--page=2'] });
    expect(() => parseArgs(['search', 'gyumri', '--page', '2'])).toThrow(/^unknown flag --page /);
  });
});
