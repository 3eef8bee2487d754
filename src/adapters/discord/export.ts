/**
 * "Export" on Discord answers: a row of format buttons (CSV, JSON, and TimelineJS for a timeline).
 * A custom id holds 100 characters, so the answer itself is kept in memory for an hour under a
 * short key; a click posts the file to the conversation as an attachment, within Discord's limit.
 */
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import type { Clock } from '../../core/ports.js';
import type { Reply } from '../../core/types.js';
import { KeyedMemo } from './keyed-memo.js';
import { FORMAT_LABELS, exportFile, isExportFormat, type ExportFormat } from '../../render/export.js';

/** Custom-id prefix of the export buttons. */
export const EXPORT_PREFIX = 'ndx';
/**
 * Discord's attachment limit for a server without boosts is 10 MB (10,000,000 bytes is the
 * conservative reading); the message around the file needs a little of the request too.
 */
export const EXPORT_MAX_BYTES = 9_900_000;
const LIMIT_NAME = "Discord's 10 MB file limit";

const NO_MENTIONS = { parse: [] as [], repliedUser: false };

/** Recent answers by the key their export buttons carry; few and short-lived, since a reply can be large. */
export class ExportMemo extends KeyedMemo<Reply> {
  constructor(clock: Clock, ttlMs = 60 * 60_000, max = 200) {
    super(clock, ttlMs, max);
  }
}

/** The export row: one button per format. */
export function exportRow(key: string, formats: readonly ExportFormat[]): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: formats.map((f) => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${EXPORT_PREFIX}:${f}:${key}`, label: `Export ${FORMAT_LABELS[f]}` })),
  };
}

/** Reads an export custom id; null for any other. */
export function parseExportId(customId: string): { format: ExportFormat; key: string } | null {
  const m = /^ndx:([a-z]+):([A-Za-z0-9_-]{1,40})$/.exec(customId);
  return m && isExportFormat(m[1]!) ? { format: m[1], key: m[2]! } : null;
}

/** Posts the export of the kept answer to the conversation, or says privately why not. */
export async function handleExport(interaction: ButtonInteraction, target: { format: ExportFormat; key: string }, memo: ExportMemo): Promise<void> {
  const privately = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  const reply = memo.get(target.key);
  if (!reply) return void (await privately('This answer can no longer be exported (its Export buttons last an hour, and not across a restart of newsdesk) — run the command again.'));
  const file = exportFile(reply, target.format, EXPORT_MAX_BYTES, LIMIT_NAME);
  if (!file) return void (await privately(`Not even one quote of this answer fits within ${LIMIT_NAME}.`));
  // The note is ours (counts, the command); the query in it is the asker's, shown with mentions off.
  await interaction.reply({ content: file.note.slice(0, 1900), files: [{ attachment: Buffer.from(file.data), name: file.name }], allowedMentions: NO_MENTIONS });
}
