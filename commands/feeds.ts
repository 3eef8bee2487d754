/**
 * `/feeds`: the outlets whose feeds flow into the corpus. `list` shows each feed's last fetch,
 * stories and last error; `add <url> [outlet]` and `remove <url>` change what is followed;
 * `fetch [--once]` fetches every feed now (on the CLI it waits and lists each feed's outcome; in
 * chat and the console it answers at once and the result is logged). In chat only the channel
 * managers may use it (a URL added from chat makes the bot fetch it): Slack workspace admins and
 * owners or ADMINS_SLACK, Discord members with Manage Channels, and the users in FEEDS_ADMINS (the
 * older setting). On the CLI and the console whoever runs the process may.
 */
import { z } from 'zod';
import type { Command, CommandContext } from '../src/core/command.js';
import { NewsdeskError } from '../src/core/errors.js';
import { requireManager } from '../src/core/permissions.js';
import type { FeedInfo, FeedsDesk } from '../src/core/services.js';
import type { Reply } from '../src/core/types.js';
import { countOf } from '../src/answer/plural.js';

const ACTIONS = ['list', 'fetch', 'add', 'remove'] as const;

const input = z.object({
  action: z.enum(ACTIONS, { error: `Say what to do: ${ACTIONS.join(', ')}.` }),
  url: z.string().trim().max(2000).optional(),
  outlet: z.string().trim().max(200).optional(),
});

type Input = z.output<typeof input>;

function reply(query: string, headline: string, lines: string[] = [], notes: string[] = []): Reply {
  return { command: 'feeds', query, headline, items: [], citations: [], notes, lines };
}

function describeFeed(f: FeedInfo): string {
  const when = f.lastFetch ? `last fetched ${f.lastFetch.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'not fetched yet';
  const health = f.lastError ? `; failing (${f.failureStreak}×): ${f.lastError}` : '';
  return `${f.outlet} <${f.url}>: ${countOf(f.items, 'story', 'stories')}, ${when}${health}${f.origin === 'chat' ? ' (added from chat)' : ''}`;
}

/** Refuses chat users who are neither channel managers nor in FEEDS_ADMINS, naming who may. */
async function checkAdmin(desk: FeedsDesk, ctx: CommandContext): Promise<void> {
  const { userId } = ctx.origin;
  if (userId && desk.admins.includes(userId)) return;
  await requireManager(ctx.origin, 'manage feeds');
}

export default {
  name: 'feeds',
  description: 'The outlets whose feeds flow into the corpus: list, fetch, add, remove (admins)',
  usage: 'feeds list|fetch [--once]|add <url> [outlet]|remove <url>',
  options: [
    { name: 'action', description: 'list, fetch, add or remove', required: true, choices: ACTIONS },
    { name: 'url', description: 'The feed URL (add, remove)', required: false },
    { name: 'outlet', description: 'The outlet name (add)', required: false },
  ],
  input,
  managers: 'all',
  fromText(text: string) {
    const words = text.trim().split(/\s+/).filter((w) => w !== '' && w !== '--once');
    const [action, url, ...rest] = words;
    return { action: action?.toLowerCase(), url, outlet: rest.length ? rest.join(' ') : undefined };
  },
  async run(params: Input, ctx): Promise<Reply> {
    const desk = ctx.services.feeds;
    if (!desk) throw new NewsdeskError('Feeds are not running here (set FEEDS_FILE, or use "newsdesk feeds …" on the command line).', 'usage');
    await checkAdmin(desk, ctx);
    switch (params.action) {
      case 'list': {
        const feeds = await desk.list();
        return reply('', feeds.length ? `${countOf(feeds.length, 'feed')} followed` : 'No feeds are followed yet.', feeds.map(describeFeed));
      }
      case 'fetch': {
        if (ctx.origin.platform !== 'cli') {
          // Chat and the console answer at once: one slow outlet must not hold the reply (or the console's prompt).
          const { feeds, started } = await desk.fetchInBackground();
          const tail = 'new stories go into the corpus as they are read (the result is logged).';
          return reply('', started ? `Fetching ${countOf(feeds, 'feed')} now; ${tail}` : `Already fetching the feeds; ${tail}`);
        }
        const results = await desk.fetchNow();
        const failed = results.filter((r) => r.status === 'failed');
        const created = results.reduce((n, r) => n + r.created, 0);
        const updated = results.reduce((n, r) => n + r.updated, 0);
        return reply(
          '',
          `Fetched ${countOf(results.length, 'feed')}: ${countOf(created, 'new story', 'new stories')}, ${updated} updated${failed.length ? `, ${failed.length} failed` : ''}`,
          results.map((r) => `${r.url}: ${r.status}${r.error ? ` (${r.error})` : r.created || r.updated ? ` (+${r.created} new, ${r.updated} updated)` : ''}`),
        );
      }
      case 'add': {
        if (!params.url) throw new NewsdeskError('Give the feed URL: feeds add <url> [outlet].', 'usage');
        const added = await desk.add({ url: params.url, outlet: params.outlet, addedBy: ctx.origin.userId ?? null });
        return reply(params.url, `Following ${added.outlet} <${added.url}>; its stories arrive with the next poll.`);
      }
      case 'remove': {
        if (!params.url) throw new NewsdeskError('Give the feed URL: feeds remove <url>.', 'usage');
        const removed = await desk.remove(params.url);
        return reply(params.url, `No longer following ${removed.outlet} <${removed.url}>; the stories already stored stay in the corpus.`);
      }
    }
  },
} satisfies Command<Input>;
