/**
 * Files on Discord: attachments (discord.js sends them as multipart, the message as `payload_json`),
 * and the timeline chart attached to a timeline answer once the answer itself is out, so drawing it
 * never delays the reply past Discord's three-second window.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformFile } from '../../core/platform.js';
import type { Reply } from '../../core/types.js';

/** The chart's file name on the message. */
export const CHART_FILE_NAME = 'timeline.png';

/** A file as discord.js takes an attachment. */
export function attachment(file: PlatformFile): { attachment: Buffer; name: string; description?: string } {
  return { attachment: Buffer.from(file.data), name: file.name, ...(file.title ? { description: file.title.slice(0, 1024) } : {}) };
}

/** The chart file of a reply, or null when the reply is not a timeline with events. */
export async function timelineChartFile(reply: Reply): Promise<PlatformFile | null> {
  if (reply.command !== 'timeline' || reply.error || !reply.items.length) return null;
  const { png } = await (await import('../../render/timeline-chart.js')).timelineChartPng(reply);
  return { name: CHART_FILE_NAME, data: png, title: reply.headline };
}

/**
 * Adds the chart to the answer already sent for `interaction` (the same message, public or
 * private as the answer is). A failure costs the picture only: it goes to `onError`.
 */
export async function attachTimelineChart(interaction: ChatInputCommandInteraction, reply: Reply, onError: (err: unknown) => void): Promise<void> {
  try {
    const file = await timelineChartFile(reply);
    if (file) await interaction.editReply({ files: [attachment(file)] });
  } catch (err) {
    onError(err);
  }
}
