/**
 * Files on Slack: `files.uploadV2` (Bolt's Web API client: getUploadURLExternal, the upload, then
 * completeUploadExternal), and the timeline chart that goes with a public timeline answer. Slack
 * has no private files in a channel, so the chart follows only public answers (a shared one, an
 * @mention's thread), never the private reply to a slash command.
 */
import type { App } from '@slack/bolt';
import type { PlatformFile } from '../../core/platform.js';
import type { Reply } from '../../core/types.js';

/** The chart's file name in the conversation. */
export const CHART_FILE_NAME = 'timeline.png';

/**
 * Uploads a file to a channel (in a thread when `threadTs` is given).
 * @param client - Bolt's Web API client
 */
export async function uploadToSlack(client: App['client'], channel: string, file: PlatformFile, threadTs?: string): Promise<void> {
  const upload = { channel_id: channel, file: Buffer.from(file.data), filename: file.name, ...(file.title ? { title: file.title } : {}) };
  await client.files.uploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload);
}

/** The chart file of a reply, or null when the reply is not a timeline with events. */
export async function timelineChartFile(reply: Reply): Promise<PlatformFile | null> {
  if (reply.command !== 'timeline' || reply.error || !reply.items.length) return null;
  const { png } = await (await import('../../render/timeline-chart.js')).timelineChartPng(reply);
  // The headline is ours (counts, the topic's label); the file title shows it as plain text.
  return { name: CHART_FILE_NAME, data: png, title: reply.headline.slice(0, 200) };
}

/**
 * Posts the chart of a public timeline answer beside it. A failed upload costs the picture only:
 * the answer is already posted, so the error goes to `onError` instead of the asker.
 */
export async function postTimelineChart(client: App['client'], channel: string, reply: Reply, threadTs: string | undefined, onError: (err: unknown) => void): Promise<void> {
  try {
    const file = await timelineChartFile(reply);
    if (file) await uploadToSlack(client, channel, file, threadTs);
  } catch (err) {
    onError(err);
  }
}
