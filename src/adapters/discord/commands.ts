/**
 * Discord slash commands generated from the same neutral `Command` definitions every front end
 * uses: `/claim topic:`, `/timeline topic:`, `/search query:`, `/digest …` and `/newsdesk help|sources`.
 * Every command also gets a `private` option that makes the answer visible only to the asker.
 */
import {
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUERY_LENGTH, type Command, type CommandOption } from '../../core/command.js';
import { NewsdeskError } from '../../core/errors.js';
import { LIMITS } from './limits.js';
import { MANAGE_PERMISSION } from './permissions.js';

/** The umbrella command that holds the housekeeping commands as subcommands. */
export const UMBRELLA = 'newsdesk';
/** Commands shown as `/newsdesk <name>` rather than as their own slash command. */
export const UMBRELLA_SUBCOMMANDS: ReadonlySet<string> = new Set(['help', 'sources']);
/** The boolean option, added to every command, that asks for an ephemeral answer. */
export const PRIVATE_OPTION = 'private';

type OptionTarget = SlashCommandBuilder | SlashCommandSubcommandBuilder;

/** Adds a command's options (required ones first, as Discord demands) plus `private`. */
function addOptions<T extends OptionTarget>(target: T, command: Command): T {
  const options = [...command.options].sort((a, b) => Number(b.required) - Number(a.required));
  for (const option of options.slice(0, LIMITS.commandOptions - 1)) addOption(target, option);
  if (!command.options.some((o) => o.name === PRIVATE_OPTION)) {
    target.addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription('Only you see the answer').setRequired(false));
  }
  return target;
}

function addOption(target: OptionTarget, option: CommandOption): void {
  target.addStringOption((o) => {
    o.setName(option.name).setDescription(option.description.slice(0, LIMITS.commandDescription)).setRequired(option.required);
    if (option.choices?.length) {
      o.addChoices(
        ...option.choices.slice(0, LIMITS.choices).map((c) => ({ name: c.slice(0, LIMITS.choiceName), value: c.slice(0, LIMITS.choiceValue) })),
      );
    } else {
      // Discord then refuses over-long input before newsdesk sees it.
      o.setMaxLength(MAX_QUERY_LENGTH);
      if (option.autocomplete) o.setAutocomplete(true);
    }
    return o;
  });
}

/**
 * The slash-command definitions for a set of neutral commands, ready for
 * `PUT /applications/{app}/commands` (pure: also used by `npm run register-commands`).
 * @throws NewsdeskError (code `internal`) naming a command Discord would refuse
 * @example toDiscordCommands(await loadCommands()).map((c) => c.name) // ['claim', 'newsdesk', 'search', …]
 */
export function toDiscordCommands(commands: ReadonlyMap<string, Command> | Iterable<Command>): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const list = [...(commands instanceof Map ? commands.values() : (commands as Iterable<Command>))].sort((a, b) => a.name.localeCompare(b.name));
  const out: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  const umbrella = new SlashCommandBuilder().setName(UMBRELLA).setDescription('newsdesk: help and the list of sources');
  let grouped = 0;
  for (const command of list) {
    try {
      if (UMBRELLA_SUBCOMMANDS.has(command.name) && !list.some((c) => c.name === UMBRELLA)) {
        umbrella.addSubcommand((sub) => addOptions(sub.setName(command.name).setDescription(command.description), command));
        grouped++;
      } else {
        const builder = addOptions(new SlashCommandBuilder().setName(command.name).setDescription(command.description), command);
        // Discord sets default permissions per command, not per option: only an all-managers command is hidden from others.
        if (command.managers === 'all') builder.setDefaultMemberPermissions(MANAGE_PERMISSION);
        out.push(builder.toJSON());
      }
    } catch (err) {
      throw new NewsdeskError(`Command "${command.name}" cannot be a Discord slash command: ${(err as Error).message.split('\n')[0]}`, 'internal', {
        cause: err,
      });
    }
  }
  if (grouped) out.push(umbrella.toJSON());
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The neutral command a slash command (and optional subcommand) stands for. */
export function commandNameFor(commandName: string, subcommand: string | null): string {
  return commandName === UMBRELLA && subcommand ? subcommand : commandName;
}
