/**
 * A fake Slack on 127.0.0.1 for running real Bolt against: the Web API methods newsdesk calls
 * (`/api/auth.test`, `/api/chat.postMessage`, `/api/chat.postEphemeral`, `/api/views.publish|open|update`, `/api/users.conversations`,
 * `/api/users.info` and `/api/usergroups.users.list` (from `directory`),
 * `/api/apps.connections.open`, and files.uploadV2's `/api/files.getUploadURLExternal`, `/upload/<id>`,
 * `/api/files.completeUploadExternal`), `response_url` endpoints (`/response/<anything>`) and a Socket
 * Mode WebSocket (`/socket`); channels whose id starts with CMISSING do not exist, CNOTIN and D… (a DM between people) take no ephemeral message, and those starting CNOFILES refuse files (missing_scope). It records every request and socket message, answers unknown routes
 * with 404, and signs requests the way Slack does, for sending slash commands, events and clicks.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The body as received (a file upload is binary). */
  bytes: Buffer;
  /** The form fields (Web API) or the JSON body (response_url), as an object. */
  body: Record<string, unknown>;
  /** `blocks` of a Web API call, parsed from the JSON string inside the form. */
  blocks?: unknown[];
  status: number;
}

/** What the fake answers to `auth.test`. */
export const BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0000001' } as const;

/** A running fake Slack. */
export interface FakeSlack {
  /** Base of the Web API, for `clientOptions.slackApiUrl`. */
  apiUrl: string;
  /** A fresh `response_url` on the fake. */
  responseUrl(name?: string): string;
  requests: RecordedRequest[];
  /** Resolves with the first request (already received or arriving) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Answer `auth.test` with this Slack error instead of ok (e.g. "invalid_auth"). */
  failAuth(error: string | null): void;
  /** Socket Mode: sends an envelope to every connected client (after Slack's "hello"). */
  sendEnvelope(envelope: Record<string, unknown>): void;
  /** Socket Mode: messages clients sent (acks), parsed. */
  socketMessages: Record<string, unknown>[];
  /** Resolves once a Socket Mode client is connected and greeted. */
  socketConnected(timeoutMs?: number): Promise<void>;
  /**
   * Socket Mode outage: `true` cuts every connected client and refuses new sockets until called
   * with `false` (the client keeps retrying on its own and gets through then).
   */
  socketOutage(on: boolean): void;
  close(): Promise<void>;
  /** Channel history (`conversations.history`), posted messages with their `metadata`, and held posts. */
  history: ChannelHistory;
  /** Who is who: `users.info` and `usergroups.users.list` answer from it. */
  directory: SlackDirectory;
  /** User id → the channel ids `users.conversations` says the user is in. */
  memberships: Map<string, string[]>;
}

/** The workspace's people as the fake knows them: every user exists; some are admins or owners; groups have members. */
export interface SlackDirectory {
  /** User id → role; a user not here is a plain member. */
  roles: Map<string, 'admin' | 'owner'>;
  /** User group id → member ids. */
  groups: Map<string, string[]>;
  /** When set, both methods fail with this Slack error (e.g. `missing_scope`). */
  error: string | null;
}

/** Starts a fake Slack on an ephemeral port of 127.0.0.1. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const requests: RecordedRequest[] = [];
  const waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  let authError: string | null = null;
  let ts = 1_700_000_000;
  const history = new ChannelHistory();
  const directory: SlackDirectory = { roles: new Map(), groups: new Map(), error: null };
  const memberships = new Map<string, string[]>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const type = String(req.headers['content-type'] ?? '');
      let body: Record<string, unknown> = {};
      if (type.includes('application/json')) body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      else body = Object.fromEntries(new URLSearchParams(raw));
      let blocks: unknown[] | undefined;
      if (typeof body.blocks === 'string') blocks = JSON.parse(body.blocks) as unknown[];
      else if (Array.isArray(body.blocks)) blocks = body.blocks;

      let status = 200;
      let answer: unknown;
      const held = req.method === 'POST' && path === '/api/chat.postMessage' ? history.takeHold() : undefined;
      if (held) {
        // Slack got the message (or not, as the test chose) and the answer never comes: the poster dies waiting.
        if (held.keep) history.add(body);
        requests.push({ method: req.method ?? '', path, headers: req.headers, raw, bytes, body, ...(blocks ? { blocks } : {}), status: 0 });
        for (const w of [...waiters]) if (w.match(requests.at(-1)!)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(requests.at(-1)!));
        return;
      }
      if (req.method === 'POST' && path === '/api/conversations.history') {
        answer = history.read(body);
      } else if (req.method === 'POST' && path === '/api/auth.test') {
        answer = authError ? { ok: false, error: authError } : { ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: BOT.teamId, url: 'https://fake.slack.test/' };
      } else if (req.method === 'POST' && path === '/api/chat.postMessage') {
        answer = String(body.channel).startsWith('CMISSING')
          ? { ok: false, error: 'channel_not_found' }
          : (history.add(body), { ok: true, channel: body.channel, ts: `${++ts}.000100`, message: { text: body.text } });
      } else if (req.method === 'POST' && path === '/api/chat.postEphemeral') {
        // Slack shows an ephemeral message only where the app is a member (CNOTIN: a conversation newsdesk is not in).
        answer = /^(CMISSING|CNOTIN|D)/.test(String(body.channel)) ? { ok: false, error: 'channel_not_found' } : { ok: true, message_ts: `${++ts}.000200` };
      } else if (req.method === 'POST' && (path === '/api/users.info' || path === '/api/usergroups.users.list') && directory.error) {
        answer = { ok: false, error: directory.error };
      } else if (req.method === 'POST' && path === '/api/users.info') {
        const id = String(body.user);
        const role = directory.roles.get(id);
        answer = { ok: true, user: { id, team_id: BOT.teamId, name: `user-${id}`, is_admin: role === 'admin' || role === 'owner', is_owner: role === 'owner', is_bot: false } };
      } else if (req.method === 'POST' && path === '/api/usergroups.users.list') {
        const members = directory.groups.get(String(body.usergroup));
        answer = members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' };
      } else if (req.method === 'POST' && path === '/api/apps.connections.open') {
        answer = { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` };
      } else if (req.method === 'POST' && path === '/api/files.getUploadURLExternal') {
        // Step 1 of files.uploadV2: where to send the bytes (here, back to this fake).
        const id = `F${++ts}`;
        answer = { ok: true, file_id: id, upload_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/${id}` };
      } else if (req.method === 'POST' && path.startsWith('/upload/')) {
        answer = { ok: true };
      } else if (req.method === 'POST' && path === '/api/files.completeUploadExternal') {
        const files = JSON.parse(String(body.files ?? '[]')) as { id: string; title?: string }[];
        // A channel whose id starts with CNOFILES takes messages but not files (an app without files:write).
        const channel = String(body.channel_id);
        answer = channel.startsWith('CMISSING')
          ? { ok: false, error: 'channel_not_found' }
          : channel.startsWith('CNOFILES')
            ? { ok: false, error: 'missing_scope' }
            : { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      } else if (req.method === 'POST' && /^\/api\/views\.(publish|open|update)$/.test(path)) {
        // App Home and modals: the view back, with an id (views.update keeps the one it was given).
        const view = typeof body.view === 'string' ? (JSON.parse(body.view) as Record<string, unknown>) : {};
        answer = { ok: true, view: { ...view, id: String(body.view_id ?? `V${++ts}`) } };
      } else if (req.method === 'POST' && path === '/api/users.conversations') {
        // The channels a user is in: `memberships` (set by the test), none otherwise.
        answer = { ok: true, channels: (memberships.get(String(body.user)) ?? []).map((id) => ({ id })), response_metadata: { next_cursor: '' } };
      } else if (req.method === 'POST' && path.startsWith('/response/')) {
        answer = { ok: true };
      } else {
        status = 404;
        answer = { ok: false, error: 'unknown_method' };
      }
      const record: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, raw, bytes, body, ...(blocks ? { blocks } : {}), status };
      requests.push(record);
      for (const w of [...waiters]) {
        if (w.match(record)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(record);
        }
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  const sockets = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  const socketMessages: Record<string, unknown>[] = [];
  let greeted: () => void = () => {};
  const connected = new Promise<void>((resolve) => (greeted = resolve));
  let outage = false;
  server.on('upgrade', (req, socket, head) => {
    if (outage || (req.url ?? '').split('?')[0] !== '/socket') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('message', (data) => socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.on('close', () => clients.delete(ws));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0000001' } }));
      greeted();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responses = 0;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name = 'r') => `${base}/response/${name}-${++responses}`,
    requests,
    waitFor(match, timeoutMs = 5000) {
      const found = requests.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake Slack: no matching request within ${timeoutMs} ms (got ${requests.map((r) => r.path).join(', ') || 'none'})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    failAuth(error) {
      authError = error;
    },
    sendEnvelope(envelope) {
      for (const ws of clients) ws.send(JSON.stringify(envelope));
    },
    socketMessages,
    socketConnected: (timeoutMs = 5000) =>
      Promise.race([connected, new Promise<void>((_, reject) => setTimeout(() => reject(new Error('no Socket Mode client connected')), timeoutMs))]),
    socketOutage(on) {
      outage = on;
      if (on) for (const ws of clients) ws.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    history,
    directory,
    memberships,
  };
}

/** A message kept in a channel's history, as `conversations.history` returns it. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  user: string;
  bot_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * The fake's channel history: every message `chat.postMessage` accepted (or a held post kept), with
 * its `metadata`, read back by `conversations.history` newest first, `oldest`-bounded and paged by
 * `cursor`; metadata only with `include_all_metadata`, as Slack does. A channel can be made unreadable.
 */
export class ChannelHistory {
  private readonly channels = new Map<string, StoredMessage[]>();
  private readonly errors = new Map<string, string>();
  private holds: Array<{ keep: boolean }> = [];
  /** `conversations.history` calls answered. */
  reads = 0;

  /** Messages in a channel, oldest first. */
  messages(channel: string): StoredMessage[] {
    return this.channels.get(channel) ?? [];
  }

  /** Makes `conversations.history` on `channel` ('*' for every channel) fail with a Slack error (e.g. `missing_scope`). */
  fail(channel: string, error: string | null): void {
    if (error) this.errors.set(channel, error);
    else this.errors.delete(channel);
  }

  /** The next `chat.postMessage` is never answered; `keep` says whether Slack posted it anyway. */
  hold(options: { keep: boolean }): void {
    this.holds.push(options);
  }

  /** @internal the next hold, if any. */
  takeHold(): { keep: boolean } | undefined {
    return this.holds.shift();
  }

  private posted = 0;

  /**
   * @internal keeps a posted message. Its history `ts` is wall-clock time (what `oldest` is
   * compared with), unique per message; the `chat.postMessage` answer keeps the fake's own counter.
   */
  add(body: Record<string, unknown>): string {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.posted).padStart(6, '0')}`;
    const channel = String(body.channel);
    const raw = body.metadata;
    const metadata = typeof raw === 'string' ? (JSON.parse(raw) as StoredMessage['metadata']) : (raw as StoredMessage['metadata']);
    const list = this.channels.get(channel) ?? [];
    list.push({ type: 'message', ts, text: String(body.text ?? ''), user: BOT.userId, bot_id: BOT.botId, ...(metadata ? { metadata } : {}) });
    this.channels.set(channel, list);
    return ts;
  }

  /** @internal answers `conversations.history`. */
  read(body: Record<string, unknown>): unknown {
    this.reads++;
    const channel = String(body.channel);
    const error = this.errors.get(channel) ?? this.errors.get('*');
    if (error) return { ok: false, error, ...(error === 'missing_scope' ? { needed: 'channels:history,groups:history', provided: 'chat:write' } : {}) };
    const oldest = Number(body.oldest ?? 0);
    const limit = Math.min(Number(body.limit ?? 100), 1000);
    const start = Number(body.cursor ?? 0);
    const withMeta = String(body.include_all_metadata) === 'true';
    const newestFirst = this.messages(channel).filter((m) => Number(m.ts) > oldest).reverse();
    const page = newestFirst.slice(start, start + limit).map((m) => (withMeta ? m : { ...m, metadata: undefined }));
    const more = start + limit < newestFirst.length;
    return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(start + limit) : '' } };
  }
}

/** Slack's request signature over the exact bytes sent. */
export function sign(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** Options for `sendSigned`. */
export interface SendOptions {
  /** Sign with this secret instead (a wrong one tests refusal). */
  secret: string;
  /** Extra headers, e.g. `x-slack-retry-num`. */
  headers?: Record<string, string>;
  /** Request timestamp in seconds (default now): a fixed one replays a request, a far one tests refusal. */
  timestamp?: number;
}

/** POSTs a signed request to Bolt's `/slack/events`; returns status and body. */
export async function sendSigned(port: number, body: string, contentType: string, opts: SendOptions): Promise<{ status: number; text: string }> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(opts.secret, timestamp, body),
      ...opts.headers,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A slash command as Slack sends it (form-encoded). */
export function slashCommandBody(fields: { command: string; text: string; responseUrl: string; userId?: string; channelId?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    team_domain: 'newsroom',
    channel_id: fields.channelId ?? 'C0000001',
    channel_name: 'newsroom',
    user_id: fields.userId ?? 'U0000001',
    user_name: 'reporter',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0000001',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** A button click (block_actions) on a message, form-encoded with a JSON `payload`. */
export function buttonBody(fields: { actionId: string; value: string; responseUrl: string; userId?: string; channelId?: string; messageTs?: string; threadTs?: string }): string {
  const payload = {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0000001', username: 'reporter', team_id: BOT.teamId },
    api_app_id: 'A0000001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: fields.messageTs ?? '1700000000.000100', channel_id: fields.channelId ?? 'C0000001', is_ephemeral: true },
    trigger_id: '1.2.3',
    team: { id: BOT.teamId, domain: 'newsroom' },
    channel: { id: fields.channelId ?? 'C0000001', name: 'newsroom' },
    message: { type: 'message', ts: fields.messageTs ?? '1700000000.000100', ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}), text: 'answer' },
    response_url: fields.responseUrl,
    actions: [{ type: 'button', action_id: fields.actionId, block_id: 'b1', value: fields.value, action_ts: '1700000001.000000' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An `app_mention` event callback (JSON). */
export function mentionBody(fields: { eventId: string; text: string; userId?: string; channelId?: string; ts?: string; threadTs?: string }): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: fields.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_mention',
      user: fields.userId ?? 'U0000001',
      text: fields.text,
      ts: fields.ts ?? '1700000100.000100',
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
      channel: fields.channelId ?? 'C0000001',
      event_ts: fields.ts ?? '1700000100.000100',
    },
  });
}

/** A message shortcut (`message_action`) on a message, form-encoded with a JSON `payload`. */
export function messageShortcutBody(fields: { callbackId: string; text: string; responseUrl: string; userId?: string; channelId?: string; messageTs?: string; threadTs?: string }): string {
  const ts = fields.messageTs ?? '1700000200.000100';
  const payload = {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000201.000000',
    team: { id: BOT.teamId, domain: 'newsroom' },
    user: { id: fields.userId ?? 'U0000001', name: 'reporter', username: 'reporter', team_id: BOT.teamId },
    channel: { id: fields.channelId ?? 'C0000001', name: 'newsroom' },
    is_enterprise_install: false,
    callback_id: fields.callbackId,
    trigger_id: '1.2.3',
    response_url: fields.responseUrl,
    message_ts: ts,
    message: { type: 'message', user: 'U0000002', ts, text: fields.text, ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}) },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A `message` event callback from a direct message to newsdesk (`message.im`), or one with a `subtype`/`botId`. */
export function directMessageBody(fields: { eventId: string; text: string; userId?: string; channelId?: string; ts?: string; subtype?: string; botId?: string }): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: fields.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'message',
      channel: fields.channelId ?? 'D0000001',
      channel_type: 'im',
      ...(fields.userId !== undefined || !fields.botId ? { user: fields.userId ?? 'U0000001' } : {}),
      ...(fields.subtype ? { subtype: fields.subtype } : {}),
      ...(fields.botId ? { bot_id: fields.botId } : {}),
      text: fields.text,
      ts: fields.ts ?? '1700000300.000100',
      event_ts: fields.ts ?? '1700000300.000100',
    },
  });
}

/** An `app_home_opened` event callback (JSON) for `tab` ('home' or 'messages'). */
export function appHomeOpenedBody(fields: { eventId: string; userId?: string; tab?: 'home' | 'messages' }): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: fields.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
    event: { type: 'app_home_opened', user: fields.userId ?? 'U0000001', channel: 'D0000001', tab: fields.tab ?? 'home', event_ts: '1700000600.000100' },
  });
}

/** A button click on the App Home (block_actions in a view), with a `trigger_id` for opening a modal. */
export function homeButtonBody(fields: { actionId: string; userId?: string; triggerId?: string }): string {
  const payload = {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0000001', username: 'reporter', team_id: BOT.teamId },
    api_app_id: 'A0000001',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'VHOME0001' },
    trigger_id: fields.triggerId ?? '12345.67890.abcdef',
    team: { id: BOT.teamId, domain: 'newsroom' },
    view: { id: 'VHOME0001', type: 'home', callback_id: '', hash: 'h1', blocks: [] },
    actions: [{ type: 'button', action_id: fields.actionId, block_id: 'b1', action_ts: '1700000601.000000' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * A modal's submission (`view_submission`), form-encoded with a JSON `payload`: either `values` as
 * Slack sends the view's state, or one plain-text input (`blockId`/`actionId`/`value`).
 */
export function viewSubmissionBody(fields: {
  callbackId: string;
  viewId?: string;
  privateMetadata?: string;
  values?: Record<string, Record<string, unknown>>;
  blockId?: string;
  actionId?: string;
  value?: string;
  userId?: string;
}): string {
  const values = fields.values ?? { [fields.blockId ?? 'b1']: { [fields.actionId ?? 'a1']: { type: 'plain_text_input', value: fields.value ?? '' } } };
  const payload = {
    type: 'view_submission',
    team: { id: BOT.teamId, domain: 'newsroom' },
    user: { id: fields.userId ?? 'U0000001', username: 'reporter', name: 'reporter', team_id: BOT.teamId },
    api_app_id: 'A0000001',
    token: 'legacy-verification-token',
    trigger_id: '12345.67890.fedcba',
    view: {
      id: fields.viewId ?? 'V0000001',
      team_id: BOT.teamId,
      type: 'modal',
      callback_id: fields.callbackId,
      ...(fields.privateMetadata !== undefined ? { private_metadata: fields.privateMetadata } : {}),
      state: { values },
      hash: 'h2',
      blocks: [],
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
