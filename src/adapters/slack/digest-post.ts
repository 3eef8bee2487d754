/**
 * Digest posts on Slack that can be found again. Each carries message metadata naming its run
 * (`newsdesk_digest`, `{ run_id }`), and after a restart the channel's recent history is searched
 * for it with `conversations.history` (`include_all_metadata`), so a post that reached Slack just
 * before the process died is not posted twice. Reading history needs the `channels:history`
 * (public) or `groups:history` (private) scope and the bot in the channel; without them the
 * answer is `unknown` and the digest service decides.
 */
import type { webApi } from '@slack/bolt';
import type { DigestDelivery, DigestLookup } from '../../digest/types.js';

/** `event_type` of the metadata on every digest newsdesk posts. */
export const DIGEST_EVENT_TYPE = 'newsdesk_digest';

/** Messages read per history page, and pages read at most: the search is bounded. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** How far before the recorded intent the search starts, for a clock that differs from Slack's. */
const SKEW_MS = 5 * 60_000;

/** The `metadata` argument of `chat.postMessage` for a digest post. */
export function digestMetadata(delivery: DigestDelivery): { event_type: string; event_payload: { run_id: string } } {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { run_id: delivery.runId } };
}

interface HistoryMessage {
  metadata?: { event_type?: string; event_payload?: { run_id?: unknown } };
}

/**
 * Looks for the digest post of `delivery` among the channel's messages since the intent.
 * @returns `posted`, `absent`, or `unknown` with Slack's reason (e.g. `missing_scope`, `not_in_channel`)
 */
export async function findDigestPost(client: webApi.WebClient, channel: string, delivery: DigestDelivery): Promise<DigestLookup> {
  const oldest = ((delivery.since.getTime() - SKEW_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.conversations.history({
        channel,
        oldest,
        limit: PAGE_SIZE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const messages = (res.messages ?? []) as HistoryMessage[];
      if (messages.some((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && m.metadata.event_payload?.run_id === delivery.runId)) {
        return { status: 'posted' };
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return { status: 'absent' };
    }
    return { status: 'unknown', reason: `more than ${PAGE_SIZE * MAX_PAGES} messages since the digest began` };
  } catch (err) {
    const e = err as { data?: { error?: string; needed?: string }; message?: string };
    const reason = e.data?.error ? `${e.data.error}${e.data.needed ? ` (needs ${e.data.needed})` : ''}` : (e.message ?? String(err)).split('\n')[0]!;
    return { status: 'unknown', reason };
  }
}
