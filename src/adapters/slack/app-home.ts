/**
 * Slack's App Home: on `app_home_opened` (Home tab) newsdesk publishes (`views.publish`) a short
 * help, the digests of the channels the person is in (subscriptions and their latest run, from the
 * digest desk), and a search button. The button opens a modal (`views.open`); its submission is
 * answered in the modal itself (`views.update`) through `ask`, under the same rate limit as
 * everything else.
 */
import type { App } from '@slack/bolt';
import type { DigestDesk, DigestSubscriptionInfo } from '../../core/services.js';
import type { GuardedExecute, Origin, PlatformRuntime } from '../../core/platform.js';
import { MAX_QUERY_LENGTH } from '../../core/command.js';
import { describeError } from './errors.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderPage, type SlackBlock } from './render.js';

/** The Home tab's search button. */
export const HOME_SEARCH_ACTION = 'newsdesk_home_search';
/** The search modal's `callback_id`. */
export const SEARCH_MODAL = 'newsdesk_search';
/** The block and action id of the modal's question field. */
const QUESTION = 'question';
/** Slack's limits: blocks in a view, channels read per person (pages of 200). */
const MAX_VIEW_BLOCKS = 100;
const MAX_CHANNEL_PAGES = 5;
/** Subscriptions listed on the Home tab; beyond it the tab says how many more. */
const MAX_LISTED = 40;

type Client = App['client'];
type Block = Record<string, unknown>;

const text = (t: string) => ({ type: 'mrkdwn', text: t, verbatim: true });
const plain = (t: string) => ({ type: 'plain_text', text: t, emoji: true });

/** The channels `user` is a member of (that newsdesk can see), at most a thousand; null when Slack will not say. */
async function channelsOf(client: Client, user: string, log: PlatformRuntime['logger']): Promise<string[] | null> {
  const ids: string[] = [];
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_CHANNEL_PAGES; page++) {
      const res = await client.users.conversations({ user, types: 'public_channel,private_channel', exclude_archived: true, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const c of res.channels ?? []) if (typeof c.id === 'string') ids.push(c.id);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return ids;
  } catch (err) {
    log.warn({ err: describeError(err) }, 'slack app home: channels of the user unavailable (channels:read, groups:read)');
    return null;
  }
}

/** A UTC time as a reader expects it: "2026-12-03 14:30 UTC". */
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** One line per subscription: the channel, what it covers, its schedule, its latest digest. */
async function subscriptionLine(desk: DigestDesk, channel: string, s: DigestSubscriptionInfo): Promise<string> {
  const last = await desk.lastRun(s);
  const next = desk.nextRun(s);
  const what = s.topic ? `on “${escapeMrkdwn(s.topic)}”` : 'everything new';
  const latest = last?.postedAt ? `latest digest ${when(last.postedAt)}` : 'no digest posted yet';
  // The channel id comes from Slack; only a well-formed one becomes a channel link.
  const where = /^[CG][A-Z0-9]{2,}$/.test(channel) ? `<#${channel}>` : escapeMrkdwn(channel);
  return `${where} · ${what} · schedule ${escapeMrkdwn(s.cron)} (${escapeMrkdwn(s.timezone)}) · ${latest}${next ? ` · next ${when(next)}` : ''}`;
}

/** The Home tab of one person. */
export async function homeView(runtime: PlatformRuntime, client: Client, user: string): Promise<{ type: 'home'; blocks: Block[] }> {
  const blocks: Block[] = [
    { type: 'header', text: plain('newsdesk') },
    {
      type: 'section',
      text: text(
        'Quotes from your newsroom’s articles, each cited. `/claim <topic>` — who claims or denies what; `/timeline <topic>` — the dated events; ' +
          '`/find <words>` — passages; `/digest` — what is new; `@newsdesk <question>` in a channel or a message here. ' +
          'On any message, *More actions → Check claims* shows the claims about what it names.',
      ),
    },
    { type: 'actions', elements: [{ type: 'button', action_id: HOME_SEARCH_ACTION, text: plain('Search the articles'), style: 'primary' }] },
    { type: 'divider' },
    { type: 'header', text: plain('Digests in your channels') },
  ];
  const desk = runtime.services?.digest;
  const lines: string[] = [];
  let note: string;
  if (!desk) note = runtime.services?.digestUnavailable ?? 'Scheduled digests are not running here.';
  else {
    const channels = await channelsOf(client, user, runtime.logger);
    if (channels === null) note = 'newsdesk cannot see which channels you are in (it needs the channels:read and groups:read scopes).';
    else {
      const found: Array<{ channel: string; s: DigestSubscriptionInfo }> = [];
      for (const channel of channels) for (const s of await desk.list({ platform: 'slack', channel })) found.push({ channel, s });
      // Only the listed ones need their latest run (a state query each).
      for (const { channel, s } of found.slice(0, MAX_LISTED)) lines.push(await subscriptionLine(desk, channel, s));
      note = found.length ? '' : 'None of your channels has a digest. `/digest subscribe` in a channel starts one.';
      if (found.length > MAX_LISTED) note = `${found.length - MAX_LISTED} more: \`/digest list\` in a channel shows its own.`;
    }
  }
  for (const line of lines) blocks.push({ type: 'section', text: text(line) });
  if (note) blocks.push({ type: 'context', elements: [text(note)] });
  return { type: 'home', blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
}

/** The search modal, empty. */
function searchModal(): Block {
  return {
    type: 'modal',
    callback_id: SEARCH_MODAL,
    title: plain('Search newsdesk'),
    submit: plain('Ask'),
    close: plain('Close'),
    blocks: [
      {
        type: 'input',
        block_id: QUESTION,
        label: plain('Question or words'),
        element: { type: 'plain_text_input', action_id: QUESTION, max_length: MAX_QUERY_LENGTH, placeholder: plain('who denied the report about the base?') },
      },
    ],
  };
}

/** A modal showing an answer (or a line of text) with a Close button. */
function answerModal(blocks: SlackBlock[] | Block[]): Block {
  return { type: 'modal', callback_id: `${SEARCH_MODAL}_answer`, title: plain('newsdesk'), close: plain('Close'), blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
}

/**
 * Registers the Home tab, its search button and the search modal.
 * @param guard - the same guarded `execute` as every other listener (one rate limit per person)
 */
export function registerAppHome(app: App, runtime: PlatformRuntime, guard: GuardedExecute): void {
  const log = runtime.logger;
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: (await homeView(runtime, client, event.user)) as never });
    } catch (err) {
      log.error({ err: describeError(err) }, 'slack app home publish failed');
    }
  });

  app.action(HOME_SEARCH_ACTION, async ({ ack, body, client }) => {
    await ack();
    const trigger = (body as { trigger_id?: string }).trigger_id;
    if (!trigger) return;
    await client.views.open({ trigger_id: trigger, view: searchModal() as never }).catch((err: unknown) => log.error({ err: describeError(err) }, 'slack search modal failed'));
  });

  app.view(SEARCH_MODAL, async ({ ack, body, view, client }) => {
    const question = String(view.state.values[QUESTION]?.[QUESTION]?.value ?? '').trim();
    if (!question) {
      await ack({ response_action: 'errors', errors: { [QUESTION]: 'Type a question or some words.' } });
      return;
    }
    // Slack wants the answer to a submission within 3 s: "searching" now, the answer as an update.
    await ack({ response_action: 'update', view: answerModal([{ type: 'section', text: text(`Looking for “${escapeMrkdwn(question)}”…`) }]) as never });
    const origin: Origin = { platform: 'slack', userId: body.user.id, workspaceId: body.user.team_id ?? body.team?.id };
    let blocks: SlackBlock[] | Block[];
    try {
      const name = runtime.commands.has('ask') ? 'ask' : 'search';
      const answer = await guard.run(name, { text: question }, origin);
      // No Share or More in a modal: the buttons answer in a conversation, and a modal has none.
      blocks = answer.refused ? [{ type: 'section', text: text(escapeMrkdwn(answer.text)) }] : renderPage(answer.reply).message.blocks;
    } catch (err) {
      blocks = [{ type: 'section', text: text(guard.failed({ err: describeError(err), view: SEARCH_MODAL }, 'slack search modal failed')) }];
    }
    await client.views.update({ view_id: view.id, view: answerModal(blocks) as never }).catch((err: unknown) => log.error({ err: describeError(err) }, 'slack search modal update failed'));
  });
}
