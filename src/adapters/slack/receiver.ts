/**
 * newsdesk's HTTP receiver for Bolt (HTTP mode): Bolt's own HTTPReceiver buffers a request body of
 * any size before checking its signature and trusts the parsed body's shape. This one refuses a
 * body over a limit before holding it, checks the timestamp both ways (stale and future), drops a
 * replayed request, answers a malformed signed body with 400, and otherwise hands Bolt the same
 * event its receiver would (ack → HTTP 200 body; no ack within ~3 s → Bolt's default answer).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ListenOptions } from 'node:net';
import { HTTPModuleFunctions, HTTPResponseAck, verifySlackRequest, type App, type Logger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { SeenEvents } from './handlers.js';
import { parseSlackBody } from './incoming.js';

/** Slack's request bodies are small (a slash command is under 1 KB); 1 MiB leaves ample room. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** How far a request timestamp may be from our clock, either way (Slack's rule is 5 minutes). */
const MAX_SKEW_SECONDS = 5 * 60;

/** Options for `SlackReceiver`. */
export interface SlackReceiverOptions {
  /** Slack's signing secret ("Basic Information"). */
  signingSecret: string;
  /** Bolt-style logger (ours, secrets scrubbed). */
  logger: Logger;
  /** Largest request body read, in bytes; larger ones get 413. @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** Signed requests remembered against replay. @defaultValue 50,000 */
  replayMemory?: number;
}

/**
 * A Bolt `Receiver` over `node:http`. Give it to `new App({ receiver })`; `app.start(listen)`
 * calls `start` with `{ port, host }`.
 * @example const app = new App({ token, receiver: new SlackReceiver({ signingSecret, logger }) })
 */
export class SlackReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly maxBodyBytes: number;
  private readonly path: string;
  /**
   * Hashes of signed requests already handled. A (timestamp, body) pair stays acceptable for at
   * most 10 minutes (5 ahead of our clock, 5 behind), so entries live that long; the size cap
   * bounds memory (oldest dropped first).
   */
  private readonly replays: SeenEvents;

  constructor(private readonly opts: SlackReceiverOptions) {
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.path = '/slack/events';
    this.replays = new SeenEvents(2 * MAX_SKEW_SECONDS * 1000 + 1000, opts.replayMemory ?? 50_000);
  }

  /** Called by Bolt's App constructor. */
  init(app: App): void {
    this.app = app;
  }

  /**
   * Listens; resolves with the server once it is listening.
   * @param listen - port and host (`app.start({ port, host })`), or a port
   */
  start(listen: ListenOptions | number = 3000): Promise<Server> {
    if (this.server) return Promise.reject(new Error('the Slack receiver is already started'));
    const server = createServer((req, res) => this.handle(req, res));
    // Slack sends a request at once; a client trickling bytes should not hold a connection for minutes.
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    this.server = server;
    return new Promise((resolve, reject) => {
      let listening = false;
      server.on('error', (err) => {
        if (listening) {
          // After start (e.g. EMFILE on accept): an 'error' with no listener would end the process.
          this.opts.logger.error(`Slack receiver: ${err.message}`);
          return;
        }
        this.server = undefined;
        server.close();
        reject(err);
      });
      server.listen(listen, () => {
        listening = true;
        resolve(server);
      });
    });
  }

  /** Stops listening. */
  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const log = this.opts.logger;
    // A client that goes away mid-body is nothing to report; without a listener the 'error' would throw.
    req.on('error', () => {});
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== this.path) return answer(req, res, 404);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.maxBodyBytes) {
      log.warn(`Refused a request to ${this.path}: body of ${declared} bytes is over the limit`);
      return answer(req, res, 413, 'Request body too large.');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= this.maxBodyBytes) {
        chunks.push(chunk);
        return;
      }
      // A chunked body (no Content-Length) grew past the limit: stop reading and drop what we hold.
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      chunks.length = 0;
      log.warn(`Refused a request to ${this.path}: body over the limit of ${this.maxBodyBytes} bytes`);
      answer(req, res, 413, 'Request body too large.');
    };
    const onEnd = () => {
      this.process(req, res, Buffer.concat(chunks, size)).catch((err: unknown) => {
        // Never reached in practice (process catches Bolt's errors); kept so no request can reject unhandled.
        log.error(`Slack request failed: ${(err as Error)?.message ?? String(err)}`);
        if (!res.headersSent) answer(req, res, 500);
      });
    };
    req.on('data', onData);
    req.on('end', onEnd);
  }

  private async process(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const log = this.opts.logger;
    const text = raw.toString('utf8');
    const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const form = mediaType === 'application/x-www-form-urlencoded';

    // Slack checks TLS with an unsigned `ssl_check=1` form; it carries nothing to act on.
    if (form && new URLSearchParams(text).get('ssl_check') === '1') return answer(req, res, 200);

    const timestamp = this.verify(req, text);
    if (timestamp === null) return answer(req, res, 401);

    const parsed = parseSlackBody(text, form);
    if (!parsed.ok) {
      log.warn(`Refused a signed request to ${this.path}: ${parsed.reason}`);
      return answer(req, res, 400, `Bad request: ${parsed.reason}.`);
    }
    const body = parsed.body;
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ challenge: body.challenge }));
      return;
    }

    // The same signed bytes twice is a replay (Slack's own retries carry a new timestamp): answer
    // as an ack would, so a sender stops, but run nothing again.
    const key = createHash('sha256').update(`${timestamp}:`).update(raw).digest('hex');
    if (!this.replays.firstTime(key, Date.now())) {
      log.warn(`Ignored a replayed request to ${this.path}`);
      return answer(req, res, 200);
    }

    const ack = new HTTPResponseAck({ logger: log, processBeforeResponse: false, httpRequest: req, httpRequestBody: body, httpResponse: res });
    const retryNum = Number.parseInt(header(req, 'x-slack-retry-num') ?? '', 10);
    const retryReason = header(req, 'x-slack-retry-reason');
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      ...(Number.isNaN(retryNum) ? {} : { retryNum }),
      ...(retryReason !== undefined ? { retryReason } : {}),
    };
    try {
      if (!this.app) throw new Error('the Slack receiver was started without an app');
      await this.app.processEvent(event);
    } catch (error) {
      // Bolt's default: 401 for an authorization failure, 500 otherwise, nothing once acked.
      const handled = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: log,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (handled) ack.ack();
    }
  }

  /** The request's timestamp (seconds) when its signature is Slack's and it is within 5 minutes either way; else null. */
  private verify(req: IncomingMessage, text: string): number | null {
    const log = this.opts.logger;
    const signature = header(req, 'x-slack-signature');
    const stamp = header(req, 'x-slack-request-timestamp');
    if (signature === undefined || stamp === undefined || !/^\d{1,12}$/.test(stamp)) {
      log.warn(`Refused a request to ${this.path}: missing or malformed signature headers`);
      return null;
    }
    const timestamp = Number(stamp);
    // Wall-clock time, not the runtime's clock (which tests may freeze): Slack signs with real time.
    const nowMs = Date.now();
    if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) {
      log.warn(`Refused a request to ${this.path}: timestamp more than 5 minutes from now`);
      return null;
    }
    try {
      verifySlackRequest({
        signingSecret: this.opts.signingSecret,
        body: text,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: nowMs,
      });
    } catch (err) {
      log.warn(`Refused a request to ${this.path}: ${(err as Error).message}`);
      return null;
    }
    return timestamp;
  }
}

/** One header's value; a repeated header counts as missing. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Sends a status with an optional short message. When the body was not read to its end, the
 * connection is closed once the answer is out, so nothing more of it is read.
 */
function answer(req: IncomingMessage, res: ServerResponse, status: number, message?: string): void {
  const unread = !req.complete;
  const headers: Record<string, string> = message ? { 'content-type': 'text/plain; charset=utf-8' } : {};
  if (unread) headers.connection = 'close';
  res.writeHead(status, headers);
  const done = () => {
    if (unread) req.socket.destroy();
  };
  if (message === undefined) res.end(done);
  else res.end(message, done);
}
