/**
 * `newsdesk help` and a typo must start fast (issue 13: `help` < 400 ms, measured in
 * `npm run bench -- cli-start`). Time is not asserted here; what makes it slow is: every module
 * it loads. This test lists the modules a real `newsdesk help` process resolves (a loader hook)
 * and requires that no analysis code — claims, dates, timelines, topics, chrono, the index —
 * is among them: those load when a command that needs them runs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, runNewsdesk, tempDir } from '../helpers/cli.js';

/** Starts `newsdesk …args` with a hook that prints every module it resolves; returns their URLs. */
async function modulesLoadedBy(args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const dir = tempDir('newsdesk-lazy-');
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(hooks, `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }\n`);
  const register = path.join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const env = cleanEnv({ DATA_DIR: dir, CORPUS_DIR: path.join(repoRoot, 'corpus'), NODE_OPTIONS: `--import ${pathToFileURL(register).href}` });
  const r = await runNewsdesk(args, { env });
  const modules = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
  return { code: r.code, modules };
}

/** Module paths that belong to answering, not to listing the commands. */
const ANALYSIS = /chrono-node|wink-|\/src\/(claims|dates|timeline|search|library|ingest|digest\/content)\/|\/src\/topics\/(index|aliases|corpus-topics|common|places)\./;

describe('what `newsdesk help` loads', () => {
  it('lists the commands without loading the claims, dates, timeline, topics or index code', async () => {
    const { code, modules } = await modulesLoadedBy(['help']);
    expect(code).toBe(0);
    // The hook saw the commands themselves (so an empty list cannot pass).
    expect(modules.some((m) => /\/commands\/claim\.(js|ts)$/.test(m))).toBe(true);
    expect(modules.some((m) => /\/commands\/timeline\.(js|ts)$/.test(m))).toBe(true);
    expect(modules.filter((m) => ANALYSIS.test(m))).toEqual([]);
  });

  it('still loads them when a command needs them', async () => {
    const { code, modules } = await modulesLoadedBy(['timeline', 'gyumri']);
    expect(code).toBe(0);
    expect(modules.some((m) => /\/src\/timeline\/answer\.(js|ts)$/.test(m))).toBe(true);
  });
});
