/** The Slack app manifest declares what the adapter needs, and the docs describe what it declares. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_RESERVED_COMMANDS, SLACK_SLASH_COMMANDS, SLACK_UMBRELLA } from '../../../src/core/invocation.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as {
  features: { slash_commands: { command: string; description: string; should_escape: boolean }[]; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};
// The README section "Add newsdesk to Slack", up to the next section of the same level.
const docs = /^## Add newsdesk to Slack$[\s\S]*?(?=^## )/m.exec(readFileSync(path.join(root, 'README.md'), 'utf8'))?.[0] ?? '';

describe('manifest.yml', () => {
  it('declares the five slash commands, unescaped so the adapter sees plain text', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/claim', '/timeline', '/find', '/digest', '/newsdesk']);
    for (const c of manifest.features.slash_commands) {
      expect(c.should_escape).toBe(false);
      // Slack's limit for a command description.
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('asks for the scopes, event and interactivity the adapter uses, in Socket Mode', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'chat:write', 'files:write', 'users:read', 'usergroups:read']));
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_mention');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('is described in the README, command by command and setting by setting', () => {
    expect(docs).toMatch(/^## Add newsdesk to Slack$/m);
    for (const c of manifest.features.slash_commands) expect(docs).toContain(`\`${c.command}`);
    for (const v of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_PORT', 'SLACK_API_URL', 'RATE_LIMIT_PER_MINUTE']) expect(docs).toContain(v);
  });

  it('declares none of Slack\'s built-in commands, which make Slack refuse the whole manifest', () => {
    // The names the issue lists, checked here too so the table in src/core cannot lose one.
    const builtIns = ['search', 'status', 'me', 'join', 'away', 'dnd', 'shrug', 'remind', 'msg', 'feed', 'who', 'collapse', 'expand', 'leave', 'open', 'topic', 'mute', 'pro', 'shortcuts'];
    for (const name of builtIns) expect(SLACK_RESERVED_COMMANDS.has(name), name).toBe(true);
    const declared = manifest.features.slash_commands.map((c) => c.command.replace(/^\//, ''));
    expect(declared.filter((name) => SLACK_RESERVED_COMMANDS.has(name))).toEqual([]);
  });

  it('declares exactly the slash commands the Slack adapter maps, plus the umbrella', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command.replace(/^\//, ''));
    expect(new Set(declared)).toEqual(new Set([...Object.keys(SLACK_SLASH_COMMANDS), SLACK_UMBRELLA]));
  });
});

describe('repository links', () => {
  /** Repo-relative paths a file points at: Markdown link targets, and paths named in YAML comments. */
  function linksIn(file: string): string[] {
    const text = readFileSync(path.join(root, file), 'utf8');
    const targets = file.endsWith('.md')
      ? [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
      : [...text.matchAll(/(?<![\w/.:-])((?:\.\.?\/)?[\w-]+(?:\/[\w.-]+)*\.(?:md|ya?ml|json|ts|example))\b/g)].map((m) => m[1]!);
    return targets
      .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
      .map((t) => path.normalize(path.join(path.dirname(file), t.split('#')[0]!)));
  }

  it.each(['manifest.yml', 'README.md', 'docs/slack.md'])('every repo-relative link in %s exists', (file) => {
    const links = linksIn(file);
    if (file === 'manifest.yml') expect(links).toContain(path.normalize('docs/slack.md'));
    const missing = links.filter((l) => !existsSync(path.join(root, l)));
    expect(missing).toEqual([]);
  });
});
