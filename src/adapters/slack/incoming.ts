/**
 * What arrives from Slack, made neutral: message text with Slack's markup turned into the words a
 * person typed, and the JSON our buttons carry.
 */
import { z } from 'zod';
import type { Cursor } from './render.js';

/**
 * Slack's encoded text as plain words: `<@U1|ana>` → "@ana", `<!here>` → "@here",
 * `<#C1|news>` → "#news", `<https://x|label>` → "label", entities decoded. Commands receive
 * this; anything shown back is escaped again by the renderer.
 * @param text - message or slash-command text as Slack sends it
 * @param dropUsers - user ids to remove entirely (the bot's own mention)
 */
export function plainFromSlack(text: string, dropUsers: readonly string[] = []): string {
  const out = text.replace(/<([^<>]*)>/g, (_m, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return dropUsers.includes(id) ? ' ' : `@${label ?? id}`;
    }
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!subteam^')) return `@${label?.replace(/^@/, '') ?? 'group'}`;
    if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
    return label ?? target;
  });
  return out
    .replace(/&(amp|lt|gt);/g, (_m, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Slack's mention markup: `<!here>`, `<!channel>`, `<!subteam^S…|@desk>`, `<@U…>`, `<@U…|name>`, `<#C…|name>`. */
const SLACK_MENTIONS = /<[!@#][^<>]*>/g;

/**
 * A question typed in a message (an @mention or a DM) as the words asked: every mention of a
 * person, group, channel or everyone removed, since none names anything the articles know (and
 * "@here" searched for would find nothing), then the rest made plain as `plainFromSlack` does.
 * @example questionFromSlack('<@UBOT> who denied it? <!here>') // "who denied it?"
 */
export function questionFromSlack(text: string): string {
  return plainFromSlack(text.replace(SLACK_MENTIONS, ' '));
}

/** How a "More" page is delivered: privately to the clicker, or into the thread the answer is in. */
export type Delivery = 'ephemeral' | 'thread';

/** What a button carries: enough to run the command again and render the same page. */
export interface ButtonValue {
  command: string;
  text: string;
  cursor: Cursor;
  delivery: Delivery;
}

const wire = z.object({
  c: z.string().min(1).max(40),
  t: z.string().max(2000),
  u: z.number().int().min(0),
  o: z.number().int().min(0),
  d: z.enum(['e', 't']),
});

/** Encodes a button value (kept short: Slack allows 2,000 characters). */
export function encodeButton(v: ButtonValue): string {
  return JSON.stringify({ c: v.command, t: v.text, u: v.cursor.unit, o: v.cursor.offset, d: v.delivery === 'thread' ? 't' : 'e' });
}

/** Decodes a button value; null for anything we did not write. */
export function decodeButton(value: string | undefined): ButtonValue | null {
  if (!value) return null;
  try {
    const parsed = wire.safeParse(JSON.parse(value));
    if (!parsed.success) return null;
    const v = parsed.data;
    return { command: v.c, text: v.t, cursor: { unit: v.u, offset: v.o }, delivery: v.d === 't' ? 'thread' : 'ephemeral' };
  } catch {
    return null;
  }
}

/** Any JSON object (not null, not an array), its fields unchecked. */
const record = z.looseObject({});
const text = z.string().optional();

/**
 * The fields of a request body that Bolt or our listeners read, with the types they assume.
 * Everything else passes through unchecked. Without this, a signed `null` or an `event` that is a
 * string throws inside Bolt (a `null` body once took the whole process down).
 */
const bodyShape = z.looseObject({
  type: text,
  command: text,
  text,
  name: text,
  challenge: text,
  team_id: text,
  user_id: text,
  channel_id: text,
  enterprise_id: text,
  response_url: text,
  event_id: text,
  is_enterprise_install: z.union([z.boolean(), z.string()]).optional(),
  event: z
    .looseObject({
      type: z.string(),
      user: z.union([z.string(), record]).optional(),
      channel: z.union([z.string(), record]).optional(),
      channel_id: text,
      item: record.optional(),
      subteam: record.optional(),
      text,
      ts: text,
      thread_ts: text,
    })
    .optional(),
  authorizations: z.array(record).optional(),
  actions: z.array(z.looseObject({ action_id: text, block_id: text, value: text, type: text })).optional(),
  user: z.looseObject({ id: text, team_id: text }).optional(),
  team: z.looseObject({ id: text }).nullable().optional(),
  enterprise: z.looseObject({ id: text }).nullable().optional(),
  channel: z.looseObject({ id: text }).optional(),
  message: z.looseObject({ ts: text, thread_ts: text }).optional(),
  container: record.optional(),
  view: record.optional(),
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
  function_data: record.optional(),
});

/** Interactive payload types Bolt routes to listeners that read `user.id` (and `view` for views). */
const INTERACTIVE_TYPES = new Set(['block_actions', 'interactive_message', 'block_suggestion', 'dialog_submission', 'workflow_step_edit', 'shortcut', 'message_action', 'view_submission', 'view_closed']);

/** A request body Slack could have sent, or why it cannot be one. */
export type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Parses a request body the way Slack sends it — a form (slash commands; interactivity as a JSON
 * `payload` field) or JSON (Events API) — and checks that it is something Bolt can route without
 * tripping over it. Linear in the body; never throws.
 * @param raw - the body as received (already size-limited by the receiver)
 * @param form - true for `application/x-www-form-urlencoded`
 * @returns the body as an object, or a short reason for a 400 answer
 */
export function parseSlackBody(raw: string, form: boolean): ParsedBody {
  let value: unknown;
  if (form) {
    const fields = new URLSearchParams(raw);
    const payload = fields.get('payload');
    if (payload === null) {
      // A slash command: every field a string (the last of repeated fields wins).
      value = Object.fromEntries(fields);
      if (typeof (value as { command?: unknown }).command !== 'string') return { ok: false, reason: 'form body without command or payload' };
    } else {
      const parsed = parseJson(payload);
      if (!parsed.ok) return { ok: false, reason: 'payload is not JSON' };
      value = parsed.value;
    }
  } else {
    const parsed = parseJson(raw);
    if (!parsed.ok) return { ok: false, reason: 'body is not JSON' };
    value = parsed.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'body is not a JSON object' };
  const shape = bodyShape.safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    return { ok: false, reason: `field ${issue.path.join('.') || '(body)'} has the wrong type` };
  }
  const b = shape.data;
  if (b.command !== undefined || b.event !== undefined) return { ok: true, body: value as Record<string, unknown> };
  if (b.type === undefined) return { ok: false, reason: 'body has no type' };
  if (b.type === 'url_verification' && typeof b.challenge !== 'string') return { ok: false, reason: 'url_verification without challenge' };
  const interactive = INTERACTIVE_TYPES.has(b.type) || b.actions !== undefined || b.name !== undefined;
  if (interactive && b.user === undefined) return { ok: false, reason: 'interactive payload without user' };
  if ((b.type === 'view_submission' || b.type === 'view_closed') && b.view === undefined) return { ok: false, reason: 'view payload without view' };
  return { ok: true, body: value as Record<string, unknown> };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
