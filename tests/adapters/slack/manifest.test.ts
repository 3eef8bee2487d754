/** The Slack app manifest declares what the adapter needs, and the docs describe what it declares. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/claim', '/timeline', '/search', '/digest', '/newsdesk']);
    for (const c of manifest.features.slash_commands) {
      expect(c.should_escape).toBe(false);
      // Slack's limit for a command description.
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('asks for the scopes, event and interactivity the adapter uses, in Socket Mode', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'chat:write']));
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_mention');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('is described in the README, command by command and setting by setting', () => {
    expect(docs).toMatch(/^## Add newsdesk to Slack$/m);
    for (const c of manifest.features.slash_commands) expect(docs).toContain(`\`${c.command}`);
    for (const v of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_PORT', 'SLACK_API_URL', 'RATE_LIMIT_PER_MINUTE']) expect(docs).toContain(v);
  });
});
