/**
 * bin/newsdesk.js runs the JavaScript compiled into dist/ (vitest's globalSetup compiles it when
 * the sources changed), so no CLI call pays for compiling TypeScript. The proof: the same calls
 * with tsx made unloadable still answer.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStatus, SOURCE_DIRS, STAMP } from '../../bin/build-status.js';
import { assetFiles } from '../../scripts/build.js';
import { binPath, cleanEnv, repoRoot, tempDir } from '../helpers/cli.js';

/** A module hook that makes any import of tsx fail, so a process that needs tsx cannot run. */
const BLOCK_TSX = (() => {
  const hook = `export async function resolve(specifier, context, next) {
    const found = await next(specifier, context);
    if (/^tsx(\\/|$)/.test(specifier) || found.url.includes('/node_modules/tsx/')) throw new Error('tsx is blocked here: ' + specifier);
    return found;
  }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
})();

/** Runs node with tsx blocked; `env` goes on top of a clean environment without NEWSDESK_FROM_SOURCE. */
function runWithoutTsx(args: string[], env: Record<string, string> = {}) {
  const base = cleanEnv({ DATA_DIR: tempDir(), ...env });
  if (!('NEWSDESK_FROM_SOURCE' in env)) delete base.NEWSDESK_FROM_SOURCE;
  return spawnSync(process.execPath, [...BLOCK_TSX, ...args], { cwd: repoRoot, env: base, encoding: 'utf8', timeout: 60_000 });
}

/** A run that asks for the sources (the mutation run) builds no dist/ to test: vitest's global setup skips it. */
const noBuild = ['1', 'true'].includes(process.env.NEWSDESK_FROM_SOURCE ?? '');

describe('bin/newsdesk.js', () => {
  it.skipIf(noBuild)('runs help and a search from dist/ without loading tsx', () => {
    expect(buildStatus(repoRoot).state).toBe('current');
    const help = runWithoutTsx([binPath, 'help']);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('/search');
    const search = runWithoutTsx([binPath, 'search', 'gyumri', '--json']);
    expect(search.stderr).toBe('');
    expect(search.status).toBe(0);
    expect((JSON.parse(search.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it.skipIf(noBuild)('answers help without reading the corpus: it works with the corpus folder missing, where search says so', () => {
    const missing = path.join(tempDir(), 'no-such-archive');
    const help = runWithoutTsx([binPath, 'help', '--corpus', missing]);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('/search');
    const search = runWithoutTsx([binPath, 'search', 'gyumri', '--corpus', missing]);
    expect(search.status).toBe(1);
    expect(search.stderr).toContain('Corpus folder not found');
  });

  it('runs the sources through tsx when asked (NEWSDESK_FROM_SOURCE=1), which the block stops', () => {
    // The block is what makes the first test mean something: with tsx needed, the call fails.
    const blocked = runWithoutTsx([binPath, 'help'], { NEWSDESK_FROM_SOURCE: '1' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('tsx is blocked here');
    const env = cleanEnv({ DATA_DIR: tempDir(), NEWSDESK_FROM_SOURCE: '1' });
    const viaTsx = spawnSync(process.execPath, [binPath, 'help'], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
    expect(viaTsx.status).toBe(0);
    expect(viaTsx.stderr).toBe('');
    expect(viaTsx.stdout).toContain('/search');
  });

  it('without a build (a fresh worktree) runs the sources through tsx and says why on stderr', () => {
    // A copy of the repository without dist/: its own bin, the real sources and packages linked in.
    const root = tempDir('newsdesk-no-dist-');
    mkdirSync(path.join(root, 'bin'));
    for (const f of ['newsdesk.js', 'build-status.js']) copyFileSync(path.join(repoRoot, 'bin', f), path.join(root, 'bin', f));
    for (const d of ['src', 'commands', 'node_modules', 'corpus']) symlinkSync(path.join(repoRoot, d), path.join(root, d), 'dir');
    writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
    const env = cleanEnv({ DATA_DIR: tempDir() });
    delete env.NEWSDESK_FROM_SOURCE;
    const run = spawnSync(process.execPath, [path.join(root, 'bin', 'newsdesk.js'), 'help'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('newsdesk: dist/ has no compiled code; running the TypeScript sources through tsx (about 2 s slower). `npm run build` compiles them.\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/search');
  });

  it.skipIf(noBuild)('starts ingest worker threads from compiled code without tsx', () => {
    const corpus = tempDir('newsdesk-bin-corpus-');
    for (let i = 0; i < 4; i++) writeFileSync(path.join(corpus, `story-${i}.md`), `# Story ${i}\n\nThe mayor of Gyumri said the market reopens on day ${i}.\n`);
    const pool = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'library', 'ingest-pool.js')).href;
    const script = `
      const { ingestInParallel } = await import(${JSON.stringify(pool)});
      const silent = { debug() {}, info() {}, warn() {}, error() {} };
      const files = ['story-0.md', 'story-1.md', 'story-2.md', 'story-3.md'];
      const r = await ingestInParallel(${JSON.stringify(corpus)}, files, 2, true, silent, { followSymlinks: false, realRoot: ${JSON.stringify(corpus)} });
      process.stdout.write(JSON.stringify(r.articles.map((a) => [a.meta.title, Object.keys(a.annotations).length > 0])));`;
    const file = path.join(corpus, '..', `${path.basename(corpus)}-pool.mjs`);
    writeFileSync(file, script);
    const run = runWithoutTsx([file]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([0, 1, 2, 3].map((i) => [`Story ${i}`, true]));
  });
});

describe('the build', () => {
  it.skipIf(noBuild)('copies every file compiled code reads beside itself into dist/, byte for byte (the chart font, the attribution model)', () => {
    const assets = SOURCE_DIRS.flatMap((dir) => assetFiles(repoRoot, dir));
    expect(assets).toContain(path.join('src', 'claims', 'model', 'weights.json'));
    expect(assets).toContain(path.join('src', 'render', 'fonts', 'DejaVuSans.ttf'));
    for (const file of assets) expect(readFileSync(path.join(repoRoot, 'dist', file)).equals(readFileSync(path.join(repoRoot, file))), file).toBe(true);
  });

  it.skipIf(noBuild)('gives the compiled attribution its learned model: the source ranker, cue tagger and cue edges load from dist/ without tsx', () => {
    const dir = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'claims', 'model')).href;
    const script = `const [c, t, e] = await Promise.all(['choose', 'tagger', 'cue-edges'].map((m) => import('${dir}/' + m + '.js')));
      console.log(JSON.stringify([c.shippedChooser() !== null, t.shippedTagger() !== null, e.shippedEdges() !== null]));`;
    const run = runWithoutTsx(['--input-type=module', '-e', script]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, true, true]);
  });
});

describe('buildStatus', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  /** A repository-shaped folder: one source, a build stamped at `builtAt`, the source written at `editedAt` (seconds). */
  function repo(builtAt: number | null, editedAt = 1000): string {
    const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-build-status-'));
    roots.push(root);
    mkdirSync(path.join(root, 'src', 'app'), { recursive: true });
    mkdirSync(path.join(root, 'commands'));
    writeFileSync(path.join(root, 'src', 'app', 'cli.ts'), 'export {};\n');
    for (const p of ['src/app/cli.ts', 'src/app', 'src', 'commands']) utimesSync(path.join(root, p), editedAt, editedAt);
    if (builtAt !== null) {
      mkdirSync(path.join(root, 'dist'));
      writeFileSync(path.join(root, STAMP), '');
      utimesSync(path.join(root, STAMP), builtAt, builtAt);
    }
    return root;
  }

  it('is missing without a stamped build', () => {
    expect(buildStatus(repo(null))).toEqual({ state: 'missing' });
  });

  it('is current when every source is older than the build', () => {
    expect(buildStatus(repo(2000))).toEqual({ state: 'current' });
  });

  it('is stale when a source changed after the build, and names it', () => {
    const root = repo(2000);
    utimesSync(path.join(root, 'src', 'app', 'cli.ts'), 3000, 3000);
    expect(buildStatus(root)).toEqual({ state: 'stale', changed: path.join('src', 'app', 'cli.ts') });
  });

  it('is stale when a command was deleted after the build (its folder changed)', () => {
    const root = repo(2000);
    writeFileSync(path.join(root, 'commands', 'old.ts'), 'export {};\n');
    utimesSync(path.join(root, 'commands', 'old.ts'), 1000, 1000);
    utimesSync(path.join(root, 'commands'), 1000, 1000);
    expect(buildStatus(root).state).toBe('current');
    rmSync(path.join(root, 'commands', 'old.ts'));
    expect(buildStatus(root)).toEqual({ state: 'stale', changed: 'commands' });
  });

  it('is stale when a file the build copies as it is (model weights) changed after the build, and current with no sources beside dist', () => {
    const root = repo(2000);
    writeFileSync(path.join(root, 'src', 'app', 'weights.json'), '{}\n');
    utimesSync(path.join(root, 'src', 'app', 'weights.json'), 3000, 3000);
    utimesSync(path.join(root, 'src', 'app'), 1000, 1000);
    expect(buildStatus(root)).toEqual({ state: 'stale', changed: path.join('src', 'app', 'weights.json') });
    rmSync(path.join(root, 'src'), { recursive: true });
    rmSync(path.join(root, 'commands'), { recursive: true });
    expect(buildStatus(root)).toEqual({ state: 'current' });
  });
});
