/**
 * The timeline chart on Slack: real Bolt (HTTP mode) against the fake Slack, which records the
 * three calls of files.uploadV2. The chart follows public timeline answers only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { ACTIONS } from '../../../src/adapters/slack/render.js';
import type { Runtime } from '../../../src/app/runtime.js';
import { BOT, buttonBody, mentionBody, sendSigned, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { SECRET, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';
import { pngHeader, PNG_SIGNATURE } from '../../helpers/png.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let fake: FakeSlack;
let runtime: Runtime;
let slack: SlackAdapter;
let port: number;
const logger = recordingLogger();

beforeAll(async () => {
  fake = await startFakeSlack();
  runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' }, logger);
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  port = slack.port!;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

/** The PNG inside an upload's body: raw, or the file part of a multipart form. */
async function uploadedPng(upload: RecordedRequest): Promise<Buffer> {
  const type = String(upload.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data')) return upload.bytes;
  const form = await new Response(new Uint8Array(upload.bytes), { headers: { 'content-type': type } }).formData();
  const file = [...form.values()].find((v) => typeof v !== 'string');
  expect(file, 'a file part').toBeDefined();
  return Buffer.from(await (file as Blob).arrayBuffer());
}

/** The three calls of one files.uploadV2, in order, after `from` requests. */
async function uploadCalls(from: number): Promise<{ url: RecordedRequest; upload: RecordedRequest; complete: RecordedRequest }> {
  const complete = await fake.waitFor((r) => r.path === '/api/files.completeUploadExternal' && fake.requests.indexOf(r) >= from, 10_000);
  const later = fake.requests.slice(from);
  const url = later.find((r) => r.path === '/api/files.getUploadURLExternal')!;
  const upload = later.find((r) => r.path.startsWith('/upload/'))!;
  return { url, upload, complete };
}

describe('timeline chart on Slack', () => {
  it('a shared /timeline answer is followed by its chart, uploaded with files.uploadV2 to the channel', async () => {
    const responseUrl = fake.responseUrl('timeline');
    await sendSigned(port, slashCommandBody({ command: '/timeline', text: 'gyumri', responseUrl }), FORM, { secret: SECRET });
    const privateAnswer = await fake.waitFor((r) => responseUrl.endsWith(r.path));
    // The private answer carries no file: Slack files in a channel are public.
    expect(fake.requests.some((r) => r.path === '/api/files.getUploadURLExternal')).toBe(false);
    const share = (privateAnswer.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTIONS.share)!;
    const from = fake.requests.length;
    const shareUrl = fake.responseUrl('share');
    await sendSigned(port, buttonBody({ actionId: ACTIONS.share, value: share.value!, responseUrl: shareUrl, channelId: 'C0000042' }), FORM, { secret: SECRET });
    const { url, upload, complete } = await uploadCalls(from);
    expect(url.body).toMatchObject({ filename: 'timeline.png' });
    const png = await uploadedPng(upload);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngHeader(png).width).toBe(800);
    expect(Number(url.body.length)).toBe(png.length);
    expect(complete.body.channel_id).toBe('C0000042');
    expect(JSON.parse(String(complete.body.files))).toEqual([{ id: expect.stringMatching(/^F\d+$/), title: expect.stringMatching(/dated event/) }]);
  });

  it('an @mention routed to the timeline gets its chart in the same thread', async () => {
    const from = fake.requests.length;
    const ts = '1700000500.000100';
    await sendSigned(port, mentionBody({ eventId: 'EvChart1', text: `<@${BOT.userId}> when did the border talks happen?`, ts }), JSON_TYPE, { secret: SECRET });
    const { upload, complete } = await uploadCalls(from);
    expect(complete.body).toMatchObject({ channel_id: 'C0000001', thread_ts: ts });
    expect(pngHeader(await uploadedPng(upload)).width).toBe(800);
  });

  it('a chart Slack refuses costs the picture only: the answer stands and the failure is logged', async () => {
    const ts = '1700000700.000100';
    await sendSigned(port, mentionBody({ eventId: 'EvChart3', text: `<@${BOT.userId}> when did the border talks happen?`, ts, channelId: 'CNOFILES1' }), JSON_TYPE, { secret: SECRET });
    await fake.waitFor((r) => r.path === '/api/files.completeUploadExternal' && r.body.channel_id === 'CNOFILES1', 10_000);
    await expect.poll(() => logger.lines.find((l) => l.includes('slack timeline chart upload failed'))).toMatch(/missing_scope/);
    expect(fake.requests.some((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'CNOFILES1' && r.body.thread_ts === ts)).toBe(true);
    expect(logger.lines.some((l) => l.includes('slack mention failed'))).toBe(false);
  });

  it('a search answer carries no chart', async () => {
    const from = fake.requests.length;
    const ts = '1700000600.000100';
    await sendSigned(port, mentionBody({ eventId: 'EvChart2', text: `<@${BOT.userId}> bread prices`, ts }), JSON_TYPE, { secret: SECRET });
    await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts);
    expect(fake.requests.slice(from).some((r) => r.path.includes('Upload') || r.path.startsWith('/upload/'))).toBe(false);
  });

  it('the Platform port uploads a file with uploadFile', async () => {
    const from = fake.requests.length;
    await slack.uploadFile!('C0000007', { name: 'export.csv', data: new TextEncoder().encode('a,b\n1,2\n'), title: 'Export' });
    const { url, upload, complete } = await uploadCalls(from);
    expect(url.body).toMatchObject({ filename: 'export.csv', length: '8' });
    expect((await uploadedPng(upload)).toString('utf8')).toBe('a,b\n1,2\n');
    expect(complete.body.channel_id).toBe('C0000007');
  });
});
