/**
 * Digest posts on Discord that are never doubled. Each is sent with the run's key as `nonce` and
 * `enforce_nonce`, so Discord itself returns the first message instead of creating a second one
 * for a few minutes; and, because Discord does not keep the nonce on the stored message, the key
 * is also written in the embed footer ("digest <key>"), where a history search after a longer
 * downtime finds it. Reading history needs the Read Message History permission; without it the
 * answer is `unknown` and the digest service decides.
 */
import { SnowflakeUtil, type APIEmbed, type Client } from 'discord.js';
import type { DigestDelivery, DigestLookup } from '../../digest/types.js';
import { LIMITS } from './limits.js';
import { embedSize } from './render.js';

/** How long Discord drops a repeat with the same nonce ("a few minutes"; kept well inside that). */
export const NONCE_WINDOW_MS = 2 * 60_000;

/** Messages read per history page, and pages read at most: the search is bounded. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** How far before the recorded intent the search starts, for a clock that differs from Discord's. */
const SKEW_MS = 5 * 60_000;

/** The footer mark of a digest run. */
export const footerMark = (delivery: DigestDelivery): string => `digest ${delivery.runId}`;

/** The page's embeds with the run's mark added to the last one's footer (after "Page 1 of 3"). */
export function markEmbeds(embeds: APIEmbed[], delivery: DigestDelivery): APIEmbed[] {
  if (!embeds.length) return [{ footer: { text: footerMark(delivery) } }];
  const last = embeds[embeds.length - 1]!;
  const text = last.footer?.text ? `${last.footer.text} · ${footerMark(delivery)}` : footerMark(delivery);
  const marked = { ...last, footer: { ...last.footer, text } };
  // The renderer keeps room for a footer; should a page ever be full to the last character, the mark gets an embed of its own.
  if (embedSize(marked) > LIMITS.embedTotal - embeds.slice(0, -1).reduce((n, e) => n + embedSize(e), 0)) {
    return embeds.length < LIMITS.embedsPerMessage ? [...embeds, { footer: { text: footerMark(delivery) } }] : embeds;
  }
  return [...embeds.slice(0, -1), marked];
}

/**
 * Looks for the digest post of `delivery` among the bot's messages in the channel since the intent.
 * @returns `posted`, `absent`, or `unknown` with Discord's reason (e.g. "Missing Access")
 */
export async function findDigestPost(client: Client, channelId: string, delivery: DigestDelivery): Promise<DigestLookup> {
  const me = client.user?.id;
  const mark = footerMark(delivery);
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isTextBased() || !('messages' in channel)) return { status: 'unknown', reason: 'not a text channel newsdesk can read' };
    let after = SnowflakeUtil.generate({ timestamp: BigInt(Math.max(Number(SnowflakeUtil.epoch), delivery.since.getTime() - SKEW_MS)) }).toString();
    for (let page = 0; page < MAX_PAGES; page++) {
      const batch = await channel.messages.fetch({ after, limit: PAGE_SIZE, cache: false });
      for (const m of batch.values()) {
        if (m.author.id === me && (m.nonce === delivery.runId || m.embeds.some((e) => e.footer?.text?.includes(mark)))) return { status: 'posted' };
      }
      if (batch.size < PAGE_SIZE) return { status: 'absent' };
      after = [...batch.keys()].reduce((a, b) => (BigInt(b) > BigInt(a) ? b : a));
    }
    return { status: 'unknown', reason: `more than ${PAGE_SIZE * MAX_PAGES} messages since the digest began` };
  } catch (err) {
    return { status: 'unknown', reason: (err as Error)?.message ?? String(err) };
  }
}
