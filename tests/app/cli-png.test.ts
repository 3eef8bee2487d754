/** `newsdesk timeline <topic> --format png`: a PNG on stdout, never on a terminal. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/app/cli.js';
import { binPath, cleanEnv, repoRoot, tempDir } from '../helpers/cli.js';
import { inkPixels, pngHeader, pngPixels, PNG_SIGNATURE } from '../helpers/png.js';

const corpus = path.join(repoRoot, 'corpus');

/** Runs the CLI in this process; stdout is kept as bytes, and may pretend to be a terminal. */
async function cli(argv: string[], options: { tty?: boolean } = {}): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const out: Buffer[] = [];
  let stderr = '';
  const stdout = Object.assign(new Writable({ write: (chunk, _enc, done) => (out.push(Buffer.from(chunk)), done()) }), options.tty ? { isTTY: true } : {});
  const code = await runCli(argv, {
    stdout,
    stderr: new Writable({ write: (chunk, _enc, done) => ((stderr += String(chunk)), done()) }),
    env: cleanEnv({ DATA_DIR: tempDir() }),
    color: false,
    cwd: repoRoot,
  });
  return { code, stdout: Buffer.concat(out), stderr };
}

describe('timeline --format png', () => {
  it('writes a PNG chart of the timeline to stdout', async () => {
    const run = await cli(['timeline', 'armenia-russia', '--format', 'png', '--corpus', corpus]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect([...run.stdout.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const header = pngHeader(run.stdout);
    expect(header.width).toBe(800);
    expect(header.height).toBeGreaterThan(200);
    expect(inkPixels(pngPixels(run.stdout))).toBeGreaterThan(5000);
  });

  it('refuses to write the picture to a terminal, with one line saying how to redirect it', async () => {
    const run = await cli(['timeline', 'armenia-russia', '--format', 'png', '--corpus', corpus], { tty: true });
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toBe('newsdesk: --format png writes binary; redirect it to a file (newsdesk timeline … --format png > out.png).\n');
  });

  it('the installed binary (compiled dist/, which must carry the font) pipes the same PNG', async () => {
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      const child = spawn(process.execPath, [binPath, 'timeline', 'armenia-russia', '--format', 'png', '--corpus', corpus], {
        cwd: repoRoot,
        env: cleanEnv({ DATA_DIR: tempDir() }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => (err += String(d)));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`exit ${code}: ${err}`))));
    });
    expect(pngHeader(bytes)).toMatchObject({ width: 800, bitDepth: 8, colorType: 6 });
    expect(inkPixels(pngPixels(bytes))).toBeGreaterThan(5000);
  });
});
