/**
 * `npm run register-commands`: registers newsdesk's slash commands with Discord, generated from
 * the same command definitions the bot answers. With DISCORD_GUILD_ID the commands go to that
 * server (they appear at once — use it while setting up); without, globally (for every server
 * the bot is in). Registration replaces the whole set, so a removed command disappears.
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { toDiscordCommands } from '../src/adapters/discord/commands.js';
import { CHECK_MESSAGE_COMMAND } from '../src/adapters/discord/check-message.js';
import type { Command } from '../src/core/command.js';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig, withEnvFile } from '../src/app/config.js';
import { NewsdeskError, isNewsdeskError } from '../src/core/errors.js';

/** What `registerCommands` needs. */
export interface RegisterOptions {
  token: string;
  appId: string;
  /** Register to this server only; globally when absent. */
  guildId?: string;
  /** REST base (DISCORD_API_URL); Discord's own when absent. */
  api?: string;
  commands: ReadonlyMap<string, Command>;
  /** discord.js REST timeout in ms. @defaultValue 15000 */
  timeout?: number;
}

/** What was registered. */
export interface RegisterResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Replaces the application's slash commands with newsdesk's (one PUT, as the discord.js guide's deploy script does).
 * @throws NewsdeskError `platform` when Discord refuses
 * @example await registerCommands({ token, appId, guildId, commands: await loadCommands() })
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  // The slash commands, and the "Check claims" message command (a message's Apps menu).
  const body = [...toDiscordCommands(options.commands), CHECK_MESSAGE_COMMAND];
  const rest = new REST({ version: '10', timeout: options.timeout ?? 15_000, ...(options.api ? { api: options.api.replace(/\/+$/, '') } : {}) }).setToken(
    options.token,
  );
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  try {
    const saved = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
    return { scope: options.guildId ? 'guild' : 'global', names: saved.map((c) => c.name) };
  } catch (err) {
    throw new NewsdeskError(`Discord refused the commands: ${(err as Error).message}`, 'platform', { cause: err });
  }
}

/** The command-line entry: reads configuration, registers, prints one line. */
async function main(): Promise<number> {
  try {
    // The same settings as `npm start`: the environment over `.env` in the working directory.
    const config = loadConfig(withEnvFile(process.env, process.cwd()));
    if (!config.DISCORD_TOKEN) throw new NewsdeskError('DISCORD_TOKEN is missing (the bot token from the Developer Portal, Bot page)', 'config');
    if (!config.DISCORD_APP_ID) throw new NewsdeskError('DISCORD_APP_ID is missing (the Application ID from the Developer Portal, General Information page)', 'config');
    const result = await registerCommands({
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      guildId: config.DISCORD_GUILD_ID,
      api: config.DISCORD_API_URL,
      commands: await loadCommands(),
    });
    const where = result.scope === 'guild' ? `server ${config.DISCORD_GUILD_ID}` : 'all servers (global commands can take up to an hour to show)';
    process.stdout.write(`Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`register-commands: ${isNewsdeskError(err) ? err.message : (err as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
