/**
 * "Export" on Slack answers: the button offers the formats the answer has (CSV, JSON, and
 * TimelineJS for a timeline); a format runs the command again, as "More" does, and uploads the
 * file to the conversation with `files.uploadV2` (in the thread when the answer is in one).
 */
import type { App, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { GuardedExecute, Origin, PlatformRuntime } from '../../core/platform.js';
import { EXPORT_FORMATS, FORMAT_LABELS, exportFile, exportFormats, type ExportFormat } from '../../render/export.js';
import { decodeButton } from './incoming.js';
import { uploadToSlack } from './chart.js';
import { describeError } from './errors.js';
import { ACTIONS } from './render.js';

/**
 * Slack takes files up to 1 GB; an answer's export is capped far lower, so a mistaken export
 * never floods a channel or the upload.
 */
export const EXPORT_MAX_BYTES = 10 * 1024 * 1024;
const LIMIT_NAME = 'the 10 MB export limit';

const choice = z.object({ f: z.enum(EXPORT_FORMATS), v: z.string().max(1900) });

interface ClickBody {
  user?: { id?: string; team_id?: string };
  team?: { id?: string } | null;
  channel?: { id?: string };
  message?: { ts?: string; thread_ts?: string };
  container?: { thread_ts?: string };
  actions?: { value?: string }[];
}

/** Registers the Export button and its format buttons; requests go through `guard` like every other. */
export function registerExport(app: App, runtime: PlatformRuntime, guard: GuardedExecute): void {
  const log = runtime.logger;
  const originOf = (b: ClickBody): Origin => ({
    platform: 'slack',
    ...(b.channel?.id ? { channelId: b.channel.id } : {}),
    ...(b.user?.id ? { userId: b.user.id } : {}),
    ...((b.team?.id ?? b.user?.team_id) ? { workspaceId: (b.team?.id ?? b.user?.team_id)! } : {}),
  });
  const privately = (respond: RespondFn, text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });

  // Export: which formats? (Running the command here only to list them would cost a second run; the
  // command name says whether TimelineJS applies.)
  app.action(ACTIONS.export, async ({ ack, body, respond }) => {
    await ack();
    try {
      const b = body as ClickBody;
      const value = b.actions?.[0]?.value;
      const button = decodeButton(value);
      if (!button || !value) return;
      const formats = button.command === 'timeline' ? EXPORT_FORMATS : EXPORT_FORMATS.filter((f) => f !== 'timelinejs');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Export this answer as:',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'Export this answer as a file in this conversation:', verbatim: true } },
          {
            type: 'actions',
            elements: formats.map((f) => ({ type: 'button', text: { type: 'plain_text', text: FORMAT_LABELS[f], emoji: false }, action_id: `${ACTIONS.exportAs}_${f}`, value: JSON.stringify({ f, v: value }) })),
          },
        ],
      });
    } catch (err) {
      log.error({ err: describeError(err), action: 'export' }, 'slack export failed');
    }
  });

  app.action(new RegExp(`^${ACTIONS.exportAs}_`), async ({ ack, body, respond, client }) => {
    await ack();
    const b = body as ClickBody;
    try {
      let parsed: z.infer<typeof choice> | null = null;
      try {
        const result = choice.safeParse(JSON.parse(b.actions?.[0]?.value ?? ''));
        parsed = result.success ? result.data : null;
      } catch {
        parsed = null;
      }
      const button = decodeButton(parsed?.v);
      const channel = b.channel?.id;
      if (!parsed || !button || !channel) return;
      const answer = await guard.run(button.command, { text: button.text }, originOf(b));
      if (answer.refused) return void (await privately(respond, answer.text));
      const format: ExportFormat = parsed.f;
      if (!exportFormats(answer.reply).includes(format)) return void (await privately(respond, `This answer has nothing to export as ${FORMAT_LABELS[format]}.`));
      const file = exportFile(answer.reply, format, EXPORT_MAX_BYTES, LIMIT_NAME);
      if (!file) return void (await privately(respond, `Not even one quote of this answer fits within ${LIMIT_NAME}.`));
      const threadTs = b.container?.thread_ts ?? b.message?.thread_ts;
      await uploadToSlack(client, channel, { name: file.name, data: file.data, title: file.note.slice(0, 250) }, threadTs);
      await privately(respond, `Uploaded ${file.name} to this conversation. ${file.note}`);
    } catch (err) {
      const slackError = (err as { data?: { error?: string } }).data?.error;
      log.error({ err: describeError(err), action: 'export_as' }, 'slack export failed');
      await privately(respond, slackError === 'missing_scope' || slackError === 'not_in_channel' ? 'newsdesk cannot upload files here (it needs files:write and to be in the channel).' : 'The export could not be uploaded; the error was logged.').catch(() => {});
    }
  });
}
