/** Slash-command definitions generated from the neutral commands, and `npm run register-commands` against the fake. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toDiscordCommands } from '../../../src/adapters/discord/commands.js';
import type { Command } from '../../../src/core/command.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { isNewsdeskError } from '../../../src/core/errors.js';
import { registerCommands } from '../../../scripts/register-commands.js';
import { CHECK_MESSAGE_COMMAND } from '../../../src/adapters/discord/check-message.js';
import { FakeDiscord, IDS } from '../../helpers/fake-discord.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

const tiny = (name: string, options: Command['options']): Command => ({
  name,
  description: `The ${name} command`,
  usage: name,
  options,
  input: z.object({}),
  fromText: () => ({}),
  run: () => ({ command: name, query: '', headline: '', items: [], citations: [], notes: [] }),
});

describe('toDiscordCommands', () => {
  it('makes topic options autocomplete, keeps choices, puts required options first and adds private', () => {
    const [claim] = toDiscordCommands([
      tiny('claim', [
        { name: 'since', description: 'From when', required: false },
        { name: 'topic', description: 'A topic', required: true, autocomplete: 'topics' },
        { name: 'stance', description: 'Which side', required: false, choices: ['claims', 'denials'] },
      ]),
    ]);
    expect(claim!.name).toBe('claim');
    expect(claim!.options).toEqual([
      { type: 3, name: 'topic', description: 'A topic', required: true, autocomplete: true, max_length: 500 },
      { type: 3, name: 'since', description: 'From when', required: false, max_length: 500 },
      {
        type: 3,
        name: 'stance',
        description: 'Which side',
        required: false,
        choices: [
          { name: 'claims', value: 'claims' },
          { name: 'denials', value: 'denials' },
        ],
      },
      { type: 5, name: 'private', description: 'Only you see the answer', required: false },
    ]);
  });

  it('puts help and sources under /newsdesk and the shipped commands at the top level', async () => {
    const commands = await loadCommands();
    const defs = toDiscordCommands(commands);
    const names = defs.map((d) => d.name);
    expect(names).toContain('newsdesk');
    expect(names).toContain('search');
    expect(names).not.toContain('help');
    const umbrella = defs.find((d) => d.name === 'newsdesk')!;
    expect(umbrella.options!.map((o) => [o.name, o.type])).toEqual([
      ['help', 1],
      ['sources', 1],
    ]);
    const search = defs.find((d) => d.name === 'search')!;
    expect(search.options![0]).toMatchObject({ name: 'query', type: 3, required: true });
    for (const name of ['claim', 'timeline']) {
      const def = defs.find((d) => d.name === name);
      if (commands.has(name)) expect(def?.options?.find((o) => o.name === 'topic')).toMatchObject({ autocomplete: true });
    }
    const digest = defs.find((d) => d.name === 'digest');
    if (commands.has('digest')) {
      const action = digest!.options!.find((o) => o.name === 'action') as { choices?: Array<{ value: string }> } | undefined;
      expect(action?.choices?.map((c) => c.value)).toEqual([...commands.get('digest')!.options.find((o) => o.name === 'action')!.choices!]);
    }
    // Every definition is within Discord's limits.
    for (const def of defs) {
      expect(def.description.length).toBeLessThanOrEqual(100);
      expect((def.options ?? []).length).toBeLessThanOrEqual(25);
    }
  });

  it('names the command Discord would refuse', () => {
    try {
      toDiscordCommands([tiny('bad', [{ name: 'Has Space', description: 'x', required: false }])]);
      expect.unreachable();
    } catch (err) {
      expect(isNewsdeskError(err, 'internal')).toBe(true);
      expect((err as Error).message).toMatch(/^Command "bad" cannot be a Discord slash command/);
    }
  });
});

/** Runs `node --import tsx scripts/register-commands.ts` with only the given Discord variables. */
function runScript(env: Record<string, string>, cwd = repoRoot): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DISCORD_|SLACK_|DIGEST_|NODE_OPTIONS|VITEST)/.test(k)) base[k] = v;
  // A developer's own .env is not read unless the test brings one (in its own working directory).
  if (cwd === repoRoot) base.NEWSDESK_ENV_FILE = '';
  return new Promise((resolve, reject) => {
    // tsx by its resolved URL and the script by its full path, so the script may run from any folder.
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(repoRoot, 'scripts', 'register-commands.ts')], { cwd, env: { ...base, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('register-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('PUTs the generated commands to the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await runScript({ DISCORD_TOKEN: 'reg-token', DISCORD_APP_ID: IDS.app, DISCORD_GUILD_ID: IDS.guild, DISCORD_API_URL: fake.api });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const put = await fake.waitFor((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
    expect(put.headers.authorization).toBe('Bot reg-token');
    // The slash commands, then the "Check claims" message command (type 3).
    expect(put.body).toEqual([...toDiscordCommands(await loadCommands()), CHECK_MESSAGE_COMMAND]);
    expect(put.body.at(-1)).toEqual({ name: 'Check claims', type: 3 });
    expect(result.stdout).toMatch(new RegExp(`^Registered \\d+ commands for server ${IDS.guild}: /`));
    expect(result.stdout).not.toContain('reg-token');
    expect(fake.unknown).toEqual([]);
  });

  it('registers globally without DISCORD_GUILD_ID (exported function)', async () => {
    const before = fake.requests.length;
    const commands = new Map([['probe', tiny('probe', [])]]);
    const result = await registerCommands({ token: 'reg-token', appId: IDS.app, api: fake.api, commands });
    expect(result).toEqual({ scope: 'global', names: ['probe', 'Check claims'] });
    const put = fake.requests.slice(before).find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/api/v10/applications/${IDS.app}/commands`);
  });

  it('reads DISCORD_* from .env in the working directory, as npm start does', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'newsdesk-register-'));
    writeFileSync(path.join(cwd, '.env'), `DISCORD_TOKEN=env-file-token\nDISCORD_APP_ID=${IDS.app}\nDISCORD_GUILD_ID=${IDS.guild}\n`);
    const before = fake.requests.length;
    const result = await runScript({ DISCORD_API_URL: fake.api }, cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const put = fake.requests.slice(before).find((r) => r.method === 'PUT');
    expect(put?.headers.authorization).toBe('Bot env-file-token');
    expect(result.stdout).not.toContain('env-file-token');
  });

  it('says in one line what is missing', async () => {
    const noToken = await runScript({ DISCORD_API_URL: fake.api });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toBe('register-commands: DISCORD_TOKEN is missing (the bot token from the Developer Portal, Bot page)\n');
    const noApp = await runScript({ DISCORD_TOKEN: 'reg-token', DISCORD_API_URL: fake.api });
    expect(noApp.code).toBe(1);
    expect(noApp.stderr).toBe('register-commands: DISCORD_APP_ID is missing (the Application ID from the Developer Portal, General Information page)\n');
  });
});
