/**
 * A fake feed and article site on 127.0.0.1 for the feeds tests: each path is answered by a
 * handler the test sets (and may change between polls), every request is recorded.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request to a path. */
export type FakeRoute = (req: IncomingMessage, res: ServerResponse) => void;

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** The running fake site. */
export interface FakeSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Sets (or replaces) what a path answers. */
  route(path: string, handler: FakeRoute): void;
  /** Answers a path with a fixed body. */
  serve(path: string, body: string | Buffer, headers?: http.OutgoingHttpHeaders, status?: number): void;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a fake site; unknown paths (robots.txt included) answer 404. */
export async function startFakeSite(): Promise<FakeSite> {
  const routes = new Map<string, FakeRoute>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    route: (path, handler) => void routes.set(path, handler),
    serve: (path, body, headers = {}, status = 200) =>
      void routes.set(path, (_req, res) => {
        res.writeHead(status, headers).end(body);
      }),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
