/**
 * How a person types each command on each front end. Most commands are `/name` everywhere, but
 * Slack reserves some names for its own built-in commands (`/search` among them) and refuses an
 * app manifest that declares one, so on Slack the search command is `/find`, and the commands
 * without a slash command of their own go under `/newsdesk`. `manifest.yml` declares exactly
 * the slash commands in `SLACK_SLASH_COMMANDS` plus the umbrella (a test keeps them in step).
 */
import type { Origin } from './command.js';

/** Slack's umbrella slash command: `/newsdesk <command> …` runs any command (`/newsdesk search …` too). */
export const SLACK_UMBRELLA = 'newsdesk';

/**
 * The Slack slash commands newsdesk declares, by slash name → the command each runs.
 * `find` rather than `search`, which is a Slack built-in: "find" is the word a reporter uses for
 * looking something up in the archive, is short to type, and is not one of Slack's reserved names.
 */
export const SLACK_SLASH_COMMANDS: Readonly<Record<string, string>> = {
  claim: 'claim',
  timeline: 'timeline',
  find: 'search',
  digest: 'digest',
};

/**
 * Slack's built-in slash commands: an app manifest that declares one of them is refused.
 * (Slack's help page "Use built-in slash commands", plus names Slack refuses in manifests.)
 */
export const SLACK_RESERVED_COMMANDS: ReadonlySet<string> = new Set([
  'active', 'apps', 'archive', 'away', 'call', 'collapse', 'dm', 'dnd', 'expand', 'feed', 'feedback',
  'invite', 'join', 'kick', 'leave', 'me', 'msg', 'mute', 'open', 'prefs', 'pro', 'remind', 'remove',
  'rename', 'search', 'shortcuts', 'shrug', 'star', 'status', 'topic', 'who',
]);

/**
 * What a person types on `platform` to run `command`, e.g. "/find" for search on Slack,
 * "/newsdesk sources" for sources there, "/search" elsewhere.
 * @example invocation('search', 'slack') // "/find"
 */
export function invocation(command: string, platform: Origin['platform']): string {
  if (platform !== 'slack') return `/${command}`;
  const slash = Object.keys(SLACK_SLASH_COMMANDS).find((s) => SLACK_SLASH_COMMANDS[s] === command);
  return slash ? `/${slash}` : `/${SLACK_UMBRELLA} ${command}`;
}

/**
 * A command's usage line (`"search <query>"`) as typed on `platform`: `"/find <query>"` on Slack.
 * @param usage - the command's usage, starting with its name
 */
export function usageOn(name: string, usage: string, platform: Origin['platform']): string {
  const rest = usage.startsWith(name) ? usage.slice(name.length) : ` ${usage}`;
  return `${invocation(name, platform)}${rest}`;
}
