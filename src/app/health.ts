/**
 * The bot's health endpoints on `HEALTH_PORT`, in every mode (Socket Mode opens no other port):
 * `GET /healthz` (the process is alive), `GET /readyz` (200 once the library is loaded and every
 * configured platform is connected, else 503, with a JSON report either way) and `GET /metrics`
 * (Prometheus text). Plain node:http, and bounded: GET and HEAD only, no request body is read,
 * small headers, short timeouts, a cap on connections, and small answers.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';
import type { BuildProgress, LibraryStatus } from './library-state.js';

/** How one configured platform stands. */
export type PlatformHealth = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** The JSON body of `/readyz`. */
export interface Readiness {
  ready: boolean;
  library: { state: 'loading' | 'ready'; articles: number; progress: BuildProgress | null };
  platforms: Record<string, PlatformHealth>;
  /** The last digest post since start, or null. */
  lastDigest: { platform: string; outcome: 'posted' | 'failed'; at: string } | null;
}

/** What the endpoints read, asked afresh on every request. */
export interface HealthSource {
  readiness(): Readiness;
  /** Prometheus text exposition and its content type. */
  metrics(): Promise<{ contentType: string; text: string }>;
}

/**
 * The readiness report: ready once the library is loaded and every configured platform is connected.
 * @param status - the runtime's `libraryStatus()`
 */
export function readiness(
  status: LibraryStatus,
  platforms: Record<string, PlatformHealth>,
  lastDigest: { platform: string; outcome: 'posted' | 'failed'; at: Date } | null,
): Readiness {
  const loaded = status.state === 'ready';
  return {
    ready: loaded && Object.values(platforms).every((p) => p === 'connected'),
    library: { state: status.state, articles: loaded ? status.articles : 0, progress: loaded ? null : status.progress },
    platforms: { ...platforms },
    lastDigest: lastDigest ? { ...lastDigest, at: lastDigest.at.toISOString() } : null,
  };
}

/** A listening health server. */
export interface HealthServer {
  /** The port it listens on (the configured one, or the one the system chose for port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** Bounds of the server: a probe or a scrape needs little. */
const LIMITS = { headerBytes: 8 * 1024, connections: 64, requestTimeoutMs: 10_000, headersTimeoutMs: 5_000, keepAliveMs: 5_000 } as const;

/**
 * Starts the health server.
 * @param listen - port (0 lets the system choose; tests use it) and host (@defaultValue all interfaces)
 * @throws when the port cannot be listened on (e.g. it is taken)
 * @example const health = await startHealthServer({ port: 8080 }, source, logger);
 */
export async function startHealthServer(listen: { port: number; host?: string | undefined }, source: HealthSource, logger: Logger): Promise<HealthServer> {
  const server = createServer({ maxHeaderSize: LIMITS.headerBytes, requestTimeout: LIMITS.requestTimeoutMs, headersTimeout: LIMITS.headersTimeoutMs }, (req, res) => {
    void answer(req, res, source).catch((err: unknown) => {
      logger.error({ err: (err as Error)?.message ?? String(err), path: pathOf(req) }, 'health endpoint failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n', req.method === 'HEAD');
      else res.destroy();
    });
  });
  server.maxConnections = LIMITS.connections;
  server.keepAliveTimeout = LIMITS.keepAliveMs;
  server.listen({ port: listen.port, ...(listen.host ? { host: listen.host } : {}) });
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => Promise.reject(err as Error))]);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The request's path without its query, or "/" when it has none a URL parser accepts. */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://health').pathname;
  } catch {
    return '/';
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...extra });
  res.end(head ? undefined : body);
}

async function answer(req: IncomingMessage, res: ServerResponse, source: HealthSource): Promise<void> {
  const head = req.method === 'HEAD';
  const path = pathOf(req);
  const known = path === '/healthz' || path === '/readyz' || path === '/metrics';
  if (!known) return send(res, 404, 'text/plain; charset=utf-8', 'not found (try /healthz, /readyz or /metrics)\n', head);
  if (req.method !== 'GET' && !head) {
    // A body is never read: the connection is closed after the answer instead.
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false, { allow: 'GET, HEAD', connection: 'close' });
  }
  if (path === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}\n', head);
  if (path === '/readyz') {
    const readiness = source.readiness();
    return send(res, readiness.ready ? 200 : 503, 'application/json', JSON.stringify(readiness) + '\n', head);
  }
  const { contentType, text } = await source.metrics();
  return send(res, 200, contentType, text, head);
}
