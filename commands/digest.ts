/**
 * `/digest`: scheduled digests of new reporting for a channel, and a digest on demand.
 *
 * In a Slack or Discord channel (with the digest service running): `subscribe [topic]
 * [schedule] [timezone]`, `list`, `unsubscribe [id]`, `now` (post the channel's digests at
 * once). Without an action it shows what arrived since `--since` (default: the last 24 hours)
 * without posting anything. Subscribing and unsubscribing are for the channel's managers (Slack
 * workspace admins and owners or ADMINS_SLACK; Discord Manage Channels). On the CLI, where no bot has watched the corpus arrive, "new" means
 * published on or after `--since` (default: the day before today, UTC).
 */
import { z } from 'zod';
import type { Command, CommandContext } from '../src/core/command.js';
import { DIGEST_ACTIONS, parseDigestText, parseSince, type DigestTextInput } from '../src/digest/command-text.js';
import { formatInZone, parseTimezone } from '../src/digest/schedule.js';
import { NewsdeskError } from '../src/core/errors.js';
import { requireManager } from '../src/core/permissions.js';
import { countOf } from '../src/answer/plural.js';
import { MAX_QUERY_LENGTH } from '../src/core/command.js';
import type { DigestChannel, DigestDesk, DigestSubscriptionInfo } from '../src/core/services.js';
import type { Reply } from '../src/core/types.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number, what: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `That ${what} is too long (at most ${max} characters).`).optional());

const input = z.object({
  action: z.enum(DIGEST_ACTIONS, { error: `Action must be one of: ${DIGEST_ACTIONS.filter((a) => a !== 'show').join(', ')}.` }).default('show'),
  topic: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, `That topic is too long (at most ${MAX_QUERY_LENGTH} characters).`)
      .refine((s) => /[\p{L}\p{N}]/u.test(s), 'That topic has no letters or digits to look for.')
      .optional(),
  ),
  schedule: text(100, 'schedule'),
  timezone: text(64, 'time zone'),
  since: text(100, 'date'),
  id: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'A digest id is a number, as /digest list shows it.' }).int().positive('A digest id is a positive number.').optional(),
  ),
});

type Input = z.output<typeof input>;

/** The channel a subscription command is about. */
function channelOf(ctx: CommandContext): DigestChannel {
  const { platform, channelId } = ctx.origin;
  if ((platform === 'slack' || platform === 'discord') && channelId) return { platform, channel: channelId };
  throw new NewsdeskError('Digest subscriptions are made in a Slack or Discord channel; here, "digest --since DATE" shows a digest.', 'usage');
}

function info(query: string, headline: string, lines: string[] = [], notes: string[] = []): Reply {
  return { command: 'digest', query, headline, items: [], citations: [], notes, lines };
}

async function describe(sub: DigestSubscriptionInfo, service: DigestDesk): Promise<string> {
  const what = sub.topic ? `on "${sub.topic}"` : 'everything new';
  const next = service.nextRun(sub);
  const last = await service.lastRun(sub);
  const lastText = last?.postedAt ? `, last posted ${formatInZone(last.postedAt, sub.timezone)}` : '';
  const origin = sub.origin === 'env' ? ' (from settings)' : '';
  return `#${sub.id} ${what} — "${sub.cron}" ${sub.timezone}${origin}; next ${next ? formatInZone(next, sub.timezone) : 'never'}${lastText}`;
}

/** Articles published on or after `since` (YYYY-MM-DD compared as text; undated ones left out). */
function publishedSince(ctx: CommandContext, since: Date): string[] {
  const day = since.toISOString().slice(0, 10);
  return ctx.library.articles.filter((a) => a.meta.published !== null && a.meta.published >= day).map((a) => a.id);
}

async function show(params: Input, ctx: CommandContext, service: DigestDesk | undefined): Promise<Reply> {
  const now = ctx.clock.now();
  const topic = params.topic ?? null;
  const query = topic ?? '';
  let since: Date;
  let reply: Reply | null;
  if (service) {
    since = params.since ? parseSince(params.since, now) : new Date(now.getTime() - 24 * 3_600_000);
    const timezone = params.timezone ? parseTimezone(params.timezone) : undefined;
    reply = await service.preview({ since, topic, ...(timezone ? { timezone } : {}) });
  } else {
    since = params.since ? parseSince(params.since, now) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
    const { buildDigest } = await import('../src/digest/content.js');
    reply = await buildDigest({
      library: ctx.library,
      articleIds: publishedSince(ctx, since),
      topic,
      windowLabel: `published since ${since.toISOString().slice(0, 10)}`,
      commands: ctx.commands,
      clock: ctx.clock,
      logger: ctx.logger,
      services: ctx.services,
    });
  }
  if (reply) return reply;
  const when = service ? formatInZone(since, params.timezone ? parseTimezone(params.timezone) : 'UTC') : since.toISOString().slice(0, 10);
  return info(query, `Nothing new${topic ? ` on "${topic}"` : ''} since ${when}.`, [], [
    service ? 'Try an earlier --since.' : 'Try an earlier --since, e.g. --since 2021-01-01.',
  ]);
}

export default {
  name: 'digest',
  description: 'New reporting since the last digest; subscribe a channel to scheduled digests',
  usage: 'digest [subscribe [topic] [schedule] [timezone] | list | unsubscribe [id] | now [id]] [--since DATE] [--topic T]',
  options: [
    { name: 'action', description: 'What to do (default: show what is new)', required: false, choices: DIGEST_ACTIONS },
    { name: 'topic', description: 'Only reporting on this topic', required: false, autocomplete: 'topics' },
    { name: 'schedule', description: 'Cron schedule, e.g. 0 9 * * 1-5 (weekdays at 09:00)', required: false },
    { name: 'timezone', description: 'Time zone of the schedule, e.g. Asia/Yerevan', required: false },
    { name: 'since', description: 'Show what is new since this date, e.g. 2021-06-01 or 24h', required: false },
    { name: 'id', description: 'Digest id (from list) for unsubscribe or now', required: false },
  ],
  input,
  managers: 'some',
  fromText: (t: string): DigestTextInput => parseDigestText(t),
  fromOptions: (o) => ({
    action: typeof o.action === 'string' && o.action ? o.action.toLowerCase() : 'show',
    topic: o.topic,
    schedule: o.schedule,
    timezone: o.timezone,
    since: o.since,
    id: o.id,
  }),
  async run(params, ctx): Promise<Reply> {
    const service = ctx.services.digest;
    const query = params.topic ?? '';
    if (params.action === 'show') return show(params, ctx, service);
    if (!service) {
      // The running bot says why it has no digests (a read-only DATA_DIR); elsewhere it is not the bot.
      const off = ctx.services.digestUnavailable;
      if (off !== undefined) throw new NewsdeskError(off, 'state');
      throw new NewsdeskError(
        `"digest ${params.action}" needs the running bot (npm start with Slack or Discord); here, "digest --since DATE" shows a digest.`,
        'usage',
      );
    }
    const ref = channelOf(ctx);
    if (params.action === 'subscribe' || params.action === 'unsubscribe') await requireManager(ctx.origin, 'subscribe or unsubscribe this channel');
    switch (params.action) {
      case 'subscribe': {
        const sub = await service.subscribe({
          ...ref,
          topic: params.topic ?? null,
          ...(params.schedule ? { schedule: params.schedule } : {}),
          ...(params.timezone ? { timezone: params.timezone } : {}),
          createdBy: ctx.origin.userId ?? null,
        });
        return info(query, `Subscribed: digest #${sub.id} ${sub.topic ? `on "${sub.topic}"` : 'of everything new'} for this channel.`, [
          await describe(sub, service),
        ], ['Only articles that arrive from now on count as new. Nothing new → no post.']);
      }
      case 'list': {
        const subs = await service.list(ref);
        if (!subs.length) return info(query, 'This channel has no digests.', [], ['/digest subscribe [topic] [schedule] [timezone] adds one.']);
        return info(query, `This channel has ${countOf(subs.length, 'digest')}.`, await Promise.all(subs.map((s) => describe(s, service))));
      }
      case 'unsubscribe': {
        const sub = await service.unsubscribe({ ...ref, ...(params.id !== undefined ? { id: params.id } : {}) });
        return info(query, `Unsubscribed: digest #${sub.id} ${sub.topic ? `on "${sub.topic}"` : 'of everything new'} will no longer be posted here.`);
      }
      case 'now': {
        const results = await service.runNow({ ...ref, ...(params.id !== undefined ? { id: params.id } : {}) });
        const lines = results.map(({ subscription: s, outcome }) => {
          const what = s.topic ? `#${s.id} on "${s.topic}"` : `#${s.id}`;
          return outcome === 'posted'
            ? `${what}: posted.`
            : outcome === 'empty'
              ? `${what}: nothing new since the last digest, nothing posted.`
              : `${what}: posting failed; it will be part of the next digest.`;
        });
        const posted = results.filter((r) => r.outcome === 'posted').length;
        return info(query, posted ? `Posted ${countOf(posted, 'digest')} to this channel.` : 'No digest posted.', lines);
      }
    }
  },
} satisfies Command<Input>;
