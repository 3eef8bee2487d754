/** The manifest declares what the shortcut, DM and App Home listeners need. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECK_CALLBACK_ID } from '../../../src/adapters/slack/shortcut.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as {
  features: { shortcuts?: { name: string; type: string; callback_id: string; description: string }[]; app_home?: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
};

describe('manifest.yml: where reporters already are', () => {
  it('declares the "Check claims" message shortcut with the callback id the adapter listens for', () => {
    expect(manifest.features.shortcuts).toContainEqual(expect.objectContaining({ name: 'Check claims', type: 'message', callback_id: CHECK_CALLBACK_ID }));
    // Slack's limits for a shortcut's description.
    for (const s of manifest.features.shortcuts ?? []) expect(s.description.length).toBeLessThanOrEqual(150);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('subscribes to direct messages and opens the Messages tab for writing', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    expect(manifest.oauth_config.scopes.bot).toContain('im:history');
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('turns the Home tab on and asks for app_home_opened and the scopes to list a person\'s channels', () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['channels:read', 'groups:read']));
  });
});
