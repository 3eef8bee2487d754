import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/core/make-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('makeDirectory', () => {
  it('makes a folder and its missing parents, and accepts one that exists', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-mkdir-'));
    const deep = path.join(root, 'a', 'b', 'c');
    makeDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('refuses a path through a file with ENOTDIR', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-mkdir-'));
    writeFileSync(path.join(root, 'file'), 'x');
    expect(() => makeDirectory(path.join(root, 'file', 'data'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(existsSync(path.join(root, 'file', 'data'))).toBe(false);
  });

  // Node 20's mkdirSync(…, { recursive: true }) spins forever on such a path, so the call runs in a
  // child process with a deadline: a hang is a failed test, not a stuck test run.
  it('returns an error under /proc/self instead of looping (DATA_DIR=/proc/self/x)', () => {
    const script = `import { makeDirectory } from './src/core/make-dir.ts';
      try { makeDirectory('/proc/self/newsdesk-x/data'); console.log('made'); } catch (e) { console.log(e.code); }`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8', timeout: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.stdout.trim()).toBe('ENOENT');
  });
});
