/**
 * A fake Discord on 127.0.0.1: the REST routes newsdesk uses and a gateway WebSocket on the same
 * port, speaking the wire protocol so the real discord.js client runs against it. Every REST
 * request is recorded; unknown routes get 404 (tests assert there were none). Facts behind the
 * handshake: /work/shared/notes/adapter-testing.md.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SnowflakeUtil } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without the query, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (undefined when empty or not JSON); for a multipart upload, its `payload_json`. */
  body: any;
  /** The file parts of a multipart upload (discord.js sends attachments as `files[n]`). */
  files?: { field: string; name: string; contentType: string; data: Buffer }[];
  status: number;
  /** False when the fake has no such route (answered 404). */
  known: boolean;
  at: number;
}

/** A canned failure for the next request(s) matching a method and path. */
export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail. @defaultValue 1 */
  times?: number;
}

/** Ids of the fake world, all numeric snowflakes. */
export const IDS = {
  app: '100000000000000001',
  bot: '100000000000000002',
  guild: '100000000000000003',
  channel: '100000000000000004',
  askChannel: '100000000000000005',
  user: '100000000000000006',
  otherUser: '100000000000000007',
  /** The bot's managed role (what people pick by mistake when they mean the bot). */
  botRole: '100000000000000008',
  /** A channel the bot is not in. */
  unknownChannel: '100000000000000009',
  /** A DM channel between the bot and a user (never in GUILD_CREATE). */
  dmChannel: '100000000000000012',
} as const;

/** A plain member's permissions in the fake guild (no Manage Channels). */
export const MEMBER_PERMISSIONS = '2248473465835073';
/** The same plus Manage Channels (1 << 4): a channel manager. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 16n);

let snowflake = 200000000000000000n;
/** A fresh numeric snowflake. */
export const nextId = (): string => String(++snowflake);

const user = (id: string, name: string, bot = false) => ({ id, username: name, discriminator: '0', global_name: name, avatar: null, bot });

/** The fake server. */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: Failure[] = [];
  private readonly waiters: Array<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  private identified!: () => void;
  /** Resolves when a client has sent IDENTIFY and been dispatched READY + GUILD_CREATE. */
  readonly identify = new Promise<void>((resolve) => (this.identified = resolve));
  /** The IDENTIFY payload the client sent (intents, token). */
  identifyPayload: any;
  /** When set, IDENTIFY is answered by closing the gateway with this code (4014: disallowed intents). */
  closeOnIdentify: number | undefined;
  /** Channel messages newsdesk sent, nonce semantics, history reads and held posts. */
  readonly history = new DiscordHistory();
  /** A gateway outage: sockets are cut and new ones refused (see `gatewayOutage`). */
  private outage = false;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  /** Starts a fake on a free port. */
  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true });
    const fake = new FakeDiscord(server, wss);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (fake.outage || !req.url?.startsWith('/gateway')) return socket.destroy();
      wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  /** `http://127.0.0.1:PORT/api` — what DISCORD_API_URL / `rest.api` is set to. */
  get api(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** Requests to routes the fake does not know (answered 404). */
  get unknown(): RecordedRequest[] {
    return this.requests.filter((r) => !r.known);
  }

  /** Makes the next matching request(s) fail. */
  fail(failure: Failure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake discord: no matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`)), timeoutMs);
      this.waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /**
   * A gateway outage: `true` cuts every socket (as a network drop would, no close frame) and
   * refuses new ones until called with `false`; discord.js keeps retrying and resumes then.
   */
  gatewayOutage(on: boolean): void {
    this.outage = on;
    if (on) for (const ws of this.sockets) ws.terminate();
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  /**
   * Dispatches a slash-command interaction and returns its id and token. `permissions` is the
   * member's permission bit set as Discord sends it (default: a member without Manage Channels).
   */
  command(name: string, options: unknown[] = [], opts: { userId?: string; permissions?: string } = {}): { id: string; token: string } {
    return this.interaction(2, { id: nextId(), name, type: 1, options }, opts);
  }

  /** Dispatches a message command (type 3, a message's Apps menu) on a user's message with `content`. */
  messageCommand(name: string, content: string, opts: { userId?: string; authorId?: string } = {}): { id: string; token: string } {
    const target = nextId();
    const authorId = opts.authorId ?? IDS.otherUser;
    const message = {
      id: target,
      channel_id: IDS.channel,
      author: user(authorId, `reporter${authorId.slice(-2)}`),
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: content.includes('@everyone'),
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
    };
    return this.interaction(2, { id: nextId(), name, type: 3, target_id: target, resolved: { messages: { [target]: message } } }, opts);
  }

  /** Dispatches an autocomplete interaction; `options` carries one option with `focused: true`. */
  autocomplete(name: string, options: unknown[]): { id: string; token: string } {
    return this.interaction(4, { id: nextId(), name, type: 1, options });
  }

  /** Dispatches a button click on a message newsdesk sent. */
  button(customId: string, message: unknown): { id: string; token: string } {
    return this.interaction(3, { custom_id: customId, component_type: 2 }, {}, { message });
  }

  /** Dispatches a choice in a select menu (`values`) on a message newsdesk sent. */
  select(customId: string, values: string[], message: unknown): { id: string; token: string } {
    return this.interaction(3, { custom_id: customId, component_type: 3, values }, {}, { message });
  }

  /** Dispatches a modal's submission: `fields` are its text inputs by custom id. */
  modalSubmit(customId: string, fields: Record<string, string>): { id: string; token: string } {
    const components = Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] }));
    return this.interaction(5, { custom_id: customId, components });
  }

  /** A message object carrying `data` (an interaction callback's content and components), for clicks on it. */
  messageFrom(data: { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number }): unknown {
    return { id: nextId(), channel_id: IDS.channel, author: user(IDS.bot, 'newsdesk', true), content: data.content ?? '', embeds: data.embeds ?? [], components: data.components ?? [], timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, type: 0, flags: data.flags ?? 0 };
  }

  private interaction(type: number, data: unknown, opts: { userId?: string; permissions?: string } = {}, extra: object = {}): { id: string; token: string } {
    const id = nextId();
    const token = `itok-${id}`;
    const userId = opts.userId ?? IDS.user;
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: IDS.app,
      type,
      token,
      version: 1,
      guild_id: IDS.guild,
      channel_id: IDS.channel,
      channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'newsroom' },
      member: { user: user(userId, `reporter${userId.slice(-2)}`), roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: opts.permissions ?? MEMBER_PERMISSIONS },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': IDS.guild },
      context: 0,
      data,
      ...extra,
    });
    return { id, token };
  }

  /** Dispatches a channel message from a user. */
  message(content: string, opts: { channelId?: string; mentionsBot?: boolean; mentionRoles?: string[]; authorId?: string; bot?: boolean; dm?: boolean } = {}): string {
    const id = nextId();
    const authorId = opts.authorId ?? IDS.user;
    // A DM (`dm`) has no guild and no member, and its channel is not in the client's cache.
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: opts.channelId ?? (opts.dm ? IDS.dmChannel : IDS.channel),
      // Discord sends the channel's type with a message (1: DM); discord.js builds the uncached DM channel from it.
      ...(opts.dm ? { channel_type: 1 } : { guild_id: IDS.guild, member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } }),
      author: user(authorId, `reporter${authorId.slice(-2)}`, opts.bot ?? false),
      content,
      mentions: opts.mentionsBot ? [user(IDS.bot, 'newsdesk', true)] : [],
      mention_roles: opts.mentionRoles ?? [],
      mention_everyone: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
    });
    return id;
  }

  /** A full message object as Discord returns it after a send or an edit. */
  private messageObject(channelId: string, body: any): unknown {
    return {
      id: nextId(),
      channel_id: channelId,
      author: user(IDS.bot, 'newsdesk', true),
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
    };
  }

  private route(method: string, path: string, body: any, query: URLSearchParams = new URLSearchParams()): { status: number; body?: unknown; known?: false } {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      const port = (this.server.address() as AddressInfo).port;
      return {
        status: 200,
        body: { url: `ws://127.0.0.1:${port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if ((m = /^\/api\/v10\/webhooks\/(\d+)\/[^/]+\/messages\/@original$/.exec(path)) && (method === 'PATCH' || method === 'GET')) {
      return { status: 200, body: this.messageObject(IDS.channel, body) };
    }
    if (method === 'POST' && (m = /^\/api\/v10\/webhooks\/(\d+)\/[^/]+$/.exec(path))) return { status: 200, body: this.messageObject(IDS.channel, body) };
    if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      return { status: 200, body: this.history.create(m[1]!, body, () => this.messageObject(m![1]!, body)) };
    }
    if (method === 'GET' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) return this.history.list(m[1]!, query);
    if (method === 'POST' && /^\/api\/v10\/channels\/\d+\/typing$/.test(path)) return { status: 204 };
    if (method === 'GET' && (m = /^\/api\/v10\/channels\/(\d+)$/.exec(path))) {
      const channel = this.channels().find((c) => c.id === m![1]);
      return channel ? { status: 200, body: channel } : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && Array.isArray(body)) {
      return { status: 200, body: body.map((c: object) => ({ id: nextId(), application_id: IDS.app, version: nextId(), ...c })) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 }, known: false };
  }

  /** The guild's text channels. */
  private channels(): Array<{ id: string; type: number; name: string; guild_id: string; position: number; permission_overwrites: [] }> {
    return [
      { id: IDS.channel, type: 0, name: 'newsroom', guild_id: IDS.guild, position: 0, permission_overwrites: [] },
      { id: IDS.askChannel, type: 0, name: 'ask-the-desk', guild_id: IDS.guild, position: 1, permission_overwrites: [] },
    ];
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    let body: any;
    let files: RecordedRequest['files'];
    const type = String(req.headers['content-type'] ?? '');
    try {
      if (type.startsWith('multipart/form-data')) {
        // Attachments: the message as `payload_json`, each file as its own part.
        const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
        body = JSON.parse(String(form.get('payload_json') ?? '{}'));
        files = [];
        for (const [field, value] of form.entries()) {
          if (typeof value === 'string') continue;
          const blob = value as Blob & { name?: string };
          files.push({ field, name: blob.name ?? '', contentType: blob.type, data: Buffer.from(await blob.arrayBuffer()) });
        }
      } else body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const held = method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(path) ? this.history.takeHold() : undefined;
    if (held) {
      // Discord got the message (or not, as the test chose) and the answer never comes: the sender dies waiting.
      if (held.keep) this.history.create(/\/channels\/(\d+)\//.exec(path)![1]!, body, () => this.messageObject(/\/channels\/(\d+)\//.exec(path)![1]!, body));
      const recorded: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body, status: 0, known: true, at: Date.now() };
      this.requests.push(recorded);
      for (const w of this.waiters.filter((x) => x.match(recorded))) (this.waiters.splice(this.waiters.indexOf(w), 1), w.resolve(recorded));
      return;
    }
    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && (f.times ?? 1) > 0);
    let status: number;
    let headers: Record<string, string> = {};
    let out: unknown;
    let known = true;
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      ({ status } = failure);
      headers = failure.headers ?? {};
      out = failure.body;
    } else {
      const routed = this.route(method, path, body, url.searchParams);
      ({ status, body: out } = routed);
      known = routed.known ?? true;
    }
    const recorded: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body, ...(files ? { files } : {}), status, known, at: Date.now() };
    this.requests.push(recorded);
    res.writeHead(status, { ...(out === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    res.end(out === undefined ? undefined : JSON.stringify(out));
    for (const w of this.waiters.filter((x) => x.match(recorded))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(recorded);
    }
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 300 } }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: any };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      // RESUME after a drop: the session goes on (nothing was missed in the fake).
      if (msg.op === 6) ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
      if (msg.op === 2) {
        this.identifyPayload = msg.d;
        if (this.closeOnIdentify) return ws.close(this.closeOnIdentify, 'Disallowed intent(s).');
        this.dispatchTo(ws, 'READY', {
          v: 10,
          user: { ...user(IDS.bot, 'newsdesk', true), verified: true, flags: 0 },
          guilds: [{ id: IDS.guild, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/gateway`,
          application: { id: IDS.app, flags: 0 },
          shard: [0, 1],
        });
        this.dispatchTo(ws, 'GUILD_CREATE', {
          id: IDS.guild,
          name: 'Newsroom',
          unavailable: false,
          owner_id: IDS.otherUser,
          joined_at: '2024-01-01T00:00:00.000Z',
          member_count: 3,
          large: false,
          roles: [
            { id: IDS.guild, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '1071698660929', managed: false, mentionable: false, flags: 0 },
            { id: IDS.botRole, name: 'newsdesk', color: 0, hoist: false, position: 1, permissions: '274877991936', managed: true, mentionable: false, flags: 0, tags: { bot_id: IDS.bot } },
          ],
          emojis: [],
          stickers: [],
          members: [],
          presences: [],
          voice_states: [],
          threads: [],
          stage_instances: [],
          guild_scheduled_events: [],
          features: [],
          channels: this.channels(),
        });
        this.identified();
      }
    });
  }

  /** Sends a dispatch to one session only: its own READY and GUILD_CREATE (a second client must not get the first's again). */
  private dispatchTo(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Closes the gateway and the HTTP server. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Matches the callback the bot posts to answer interaction `id` (a reply or an update). */
export const isCallback = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`) && r.path.endsWith('/callback');

/** The bot's own message `id` in the test channel, holding `content`, `embeds` and `components` (what a button press is on). */
export function botMessage(id: string, shown: { content: string; embeds: unknown[]; components: unknown[] }): Record<string, unknown> {
  return { id, channel_id: IDS.channel, author: { id: IDS.bot, username: 'newsdesk', discriminator: '0' }, content: shown.content, embeds: shown.embeds, components: shown.components, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, type: 0 };
}

/**
 * Collects unhandled promise rejections for the duration of a test file, so a failing REST call
 * inside an event handler fails the test instead of hanging or passing silently.
 */
export function trackUnhandledRejections(): { errors: unknown[]; dispose(): void } {
  const errors: unknown[] = [];
  const onRejection = (reason: unknown) => errors.push(reason);
  process.on('unhandledRejection', onRejection);
  return { errors, dispose: () => process.off('unhandledRejection', onRejection) };
}

/**
 * The fake's channel messages: what newsdesk sent, with Discord's nonce rule (with `enforce_nonce`,
 * a repeat of a nonce still in its window returns the first message instead of creating one) and
 * `GET /channels/{id}/messages` (`after`, `limit`, newest first). Like Discord, a listed message
 * does not carry its nonce. Ids are snowflakes of the wall-clock time, so `after` works as it does there.
 */
export class DiscordHistory {
  private readonly channels = new Map<string, Array<{ message: any; nonce?: string; nonceLive: boolean }>>();
  private readonly forbidden = new Set<string>();
  private holds: Array<{ keep: boolean }> = [];
  /** Message lists answered. */
  reads = 0;

  /** Messages in a channel, oldest first, as Discord stored them. */
  messages(channelId: string): any[] {
    return (this.channels.get(channelId) ?? []).map((e) => e.message);
  }

  /** Lists on `channelId` get 403 Missing Access (no Read Message History); false allows them again. */
  forbid(channelId: string, forbidden = true): void {
    if (forbidden) this.forbidden.add(channelId);
    else this.forbidden.delete(channelId);
  }

  /** Ends every nonce's window ("a few minutes" later): a repeat now creates a new message. */
  expireNonces(): void {
    for (const list of this.channels.values()) for (const e of list) e.nonceLive = false;
  }

  /** The next channel message POST is never answered; `keep` says whether Discord created it anyway. */
  hold(options: { keep: boolean }): void {
    this.holds.push(options);
  }

  /** @internal the next hold, if any. */
  takeHold(): { keep: boolean } | undefined {
    return this.holds.shift();
  }

  /** @internal creates a message (or returns the one with the same enforced nonce). */
  create(channelId: string, body: any, make: () => any): any {
    const list = this.channels.get(channelId) ?? [];
    this.channels.set(channelId, list);
    const nonce = body?.nonce === undefined ? undefined : String(body.nonce);
    if (nonce !== undefined && body?.enforce_nonce === true) {
      const same = list.find((e) => e.nonce === nonce && e.nonceLive);
      if (same) return { ...same.message, nonce };
    }
    const message = { ...make(), id: SnowflakeUtil.generate().toString() };
    list.push({ message, ...(nonce !== undefined ? { nonce } : {}), nonceLive: true });
    return nonce === undefined ? message : { ...message, nonce };
  }

  /** @internal answers `GET /channels/{id}/messages`. */
  list(channelId: string, query: URLSearchParams): { status: number; body: unknown } {
    this.reads++;
    if (this.forbidden.has(channelId)) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    const after = BigInt(query.get('after') ?? '0');
    const limit = Math.min(Number(query.get('limit') ?? 50), 100);
    const oldestFirst = this.messages(channelId).filter((m) => BigInt(m.id) > after);
    return { status: 200, body: oldestFirst.slice(0, limit).reverse() };
  }
}
