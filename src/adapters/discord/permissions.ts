/**
 * Who manages a Discord channel for newsdesk: members with Manage Channels. Commands that are for
 * managers only are registered with it as their default permission (Discord then hides them from
 * everyone else, and a server can change that in its Integrations settings); every request is
 * checked again when it runs, from the permissions Discord sends with the interaction, because a
 * server's override or a command registered before may let anyone call it.
 */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Authority } from '../../core/permissions.js';

/** The permission that makes a member a channel manager. */
export const MANAGE_PERMISSION = PermissionFlagsBits.ManageChannels;

/** How refusals name who may. */
export const MANAGERS = 'members with the Manage Channels permission';

/**
 * The authority of the member behind an interaction.
 * @param permissions - `interaction.memberPermissions` (null in a DM, where nobody manages a channel)
 */
export function discordAuthority(permissions: Readonly<PermissionsBitField> | null): Authority {
  const may = permissions?.has(MANAGE_PERMISSION) ?? false;
  return { who: MANAGERS, canManage: () => Promise.resolve(may) };
}
