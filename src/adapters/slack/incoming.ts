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
