/**
 * Discord's message command "Check claims" (Apps → Check claims on any message): the claims about
 * what the message names, and its timeline when it is about events, as ephemeral replies only the
 * asker sees. The message's own text is never posted back, and no reply resolves a mention.
 */
import {
  ApplicationCommandType,
  MessageFlags,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { CHECK_MESSAGE_NAME, checkMessage } from '../../answer/check-message.js';
import type { GuardedExecute, PlatformRuntime } from '../../core/platform.js';
import type { Reply } from '../../core/types.js';
import { withoutMentions } from './mentions.js';

/** The message command as `npm run register-commands` sends it (type 3: a message's Apps menu). */
export const CHECK_MESSAGE_COMMAND: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
  name: CHECK_MESSAGE_NAME,
  type: ApplicationCommandType.Message,
};

/** Mentions are never resolved into pings, whatever the text says. */
const NO_MENTIONS = { parse: [] as [], repliedUser: false };


/** What the handler needs from the adapter: the process, its guard and the page renderer. */
export interface CheckMessageDeps {
  runtime: PlatformRuntime;
  guard: GuardedExecute;
  /** The first page of a reply as message options (later pages kept for the paging buttons). */
  firstPage(reply: Reply): { content: string; embeds: unknown[]; components: unknown[] };
}

/** The handler of the "Check claims" message command. */
export function checkMessageHandler({ runtime, guard, firstPage }: CheckMessageDeps): (interaction: MessageContextMenuCommandInteraction) => Promise<void> {
  return async (interaction) => {
    if (interaction.commandName !== CHECK_MESSAGE_NAME) return;
    // Ephemeral from the start: the thinking indicator and every answer are the asker's alone.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const origin = {
      platform: 'discord' as const,
      userId: interaction.user.id,
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    };
    const text = withoutMentions(interaction.targetMessage.content);
    const answers = await checkMessage(text, runtime.library(), 'discord', (command, topic) => guard.run(command, { text: topic }, origin));
    let first = true;
    for (const answer of answers) {
      const page = answer.refused ? { content: answer.text } : firstPage(answer.reply);
      const payload = { ...page, allowedMentions: NO_MENTIONS } as Parameters<MessageContextMenuCommandInteraction['editReply']>[0] & object;
      if (first) await interaction.editReply(payload);
      else await interaction.followUp({ ...(payload as object), flags: MessageFlags.Ephemeral });
      first = false;
    }
  };
}
