/**
 * `npm run build` (also `prepare`, which `npm ci` runs): compiles `src/` and `commands/` into
 * `dist/` with tsc (tsconfig.build.json, incremental), removes compiled files whose source is gone
 * (the command loader would otherwise still load a deleted command), copies every other file of those
 * folders that compiled code reads beside itself (the chart font, the learned attribution model's
 * weights), removes copies whose source is gone, and stamps the build with the time it started, so
 * `bin/newsdesk.js` can tell a current build from a stale one.
 */
import { cpSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SOURCE_DIRS, STAMP } from '../bin/build-status.js';

/** The repository this script belongs to. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files under `dir` (dist/…) whose source under `root` no longer exists: a compiled `.js` without its `.ts`, a copied file without its original. */
function orphans(root: string, dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...orphans(root, full));
    else {
      const source = path.join(root, path.relative(path.join(root, 'dist'), full)).replace(/\.js$/, '.ts');
      if (!statSync(source, { throwIfNoEntry: false })) found.push(full);
    }
  }
  return found;
}

/**
 * The files under `dir` that tsc does not compile but compiled code reads beside itself (the chart
 * font, `src/claims/model/*.json`): every file that is not TypeScript, as paths relative to `root`.
 */
export function assetFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const here = path.join(root, dir);
  if (!statSync(here, { throwIfNoEntry: false })?.isDirectory()) return found;
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...assetFiles(root, rel));
    else if (!entry.name.endsWith('.ts')) found.push(rel);
  }
  return found;
}

/** How {@link build} treats type errors. */
export interface BuildOptions {
  /**
   * `fail` (npm run build, npm ci): no stamp, an error. `warn` (the tests' global setup): tsc has
   * still written the JavaScript, so stamp it and pass the errors to `log` — vitest runs code with
   * type errors too, and a half-finished module elsewhere should not stop every test.
   * @defaultValue 'fail'
   */
  typeErrors?: 'fail' | 'warn';
}

/** tsc's exit status for "errors found, JavaScript written anyway". */
const ERRORS_OUTPUT_WRITTEN = 2;

/**
 * Compiles the repository at `root` into `root/dist`.
 * @param log - where tsc's messages and the summary go
 * @throws Error when tsc fails (with `typeErrors: 'fail'`, also on type errors); nothing is stamped then, so the bin keeps running the sources
 */
export function build(root: string = REPO_ROOT, log: (line: string) => void = (l) => process.stderr.write(l + '\n'), options: BuildOptions = {}): void {
  const started = new Date();
  let tsc: string;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // `npm ci --omit=dev` installs no TypeScript; the bin then runs the sources through tsx.
    log('newsdesk build: TypeScript is not installed (npm ci --omit=dev?), so nothing was compiled; newsdesk runs the sources through tsx.');
    return;
  }
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  const typeErrorsOnly = run.status === ERRORS_OUTPUT_WRITTEN && options.typeErrors === 'warn';
  if (run.status !== 0 && !typeErrorsOnly) throw new Error(`tsc -p tsconfig.build.json failed${output ? `:\n${output}` : ` (${run.error?.message ?? run.signal})`}`);
  if (output) log(output);
  for (const dir of SOURCE_DIRS) {
    const compiled = path.join(root, 'dist', dir);
    if (!statSync(compiled, { throwIfNoEntry: false })) continue;
    for (const file of orphans(root, compiled)) rmSync(file);
  }
  // Files the compiled code reads beside itself (the chart font, the attribution model): tsc copies only code.
  for (const dir of SOURCE_DIRS) {
    for (const file of assetFiles(root, dir)) cpSync(path.join(root, file), path.join(root, 'dist', file));
  }
  const stamp = path.join(root, STAMP);
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    build();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
