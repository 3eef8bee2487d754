/**
 * "Export" on Slack end to end: real Bolt against the fake Slack; the Export button of a real
 * answer offers the formats, a format uploads the file with files.uploadV2, and the uploaded
 * multipart body is the answer's CSV / TimelineJS.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { ACTIONS } from '../../../src/adapters/slack/render.js';
import type { Runtime } from '../../../src/app/runtime.js';
import { buttonBody, sendSigned, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { ARTICLES, SECRET, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';

let fake: FakeSlack;
let runtime: Runtime;
let slack: SlackAdapter;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}
const buttons = (r: RecordedRequest): Button[] =>
  ((r.body.blocks ?? []) as { type: string; elements?: Button[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

beforeAll(async () => {
  fake = await startFakeSlack();
  runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' }, recordingLogger());
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

/** The file part of a multipart upload (files.uploadV2 step 2). */
async function uploadedFile(upload: RecordedRequest): Promise<{ text: string }> {
  const type = String(upload.headers['content-type'] ?? '');
  expect(type).toMatch(/^multipart\/form-data; boundary=/);
  const form = await new Response(new Uint8Array(upload.bytes), { headers: { 'content-type': type } }).formData();
  const file = [...form.values()].find((v) => typeof v !== 'string') as Blob | undefined;
  expect(file, 'a file part').toBeDefined();
  return { text: await file!.text() };
}

/** Runs a slash command, clicks Export and then `format`; returns the three upload calls and the private note. */
async function exportAs(command: string, text: string, format: string, channelId: string) {
  const responseUrl = fake.responseUrl('answer');
  await sendSigned(slack.port!, slashCommandBody({ command, text, responseUrl, channelId }), FORM, { secret: SECRET });
  const answer = await fake.waitFor((r) => responseUrl.endsWith(r.path));
  const exportButton = buttons(answer).find((b) => b.action_id === ACTIONS.export)!;
  expect(exportButton.text.text).toBe('Export');
  const offerUrl = fake.responseUrl('offer');
  await sendSigned(slack.port!, buttonBody({ actionId: ACTIONS.export, value: exportButton.value, responseUrl: offerUrl, channelId }), FORM, { secret: SECRET });
  const offer = await fake.waitFor((r) => offerUrl.endsWith(r.path));
  const choices = buttons(offer);
  const chosen = choices.find((b) => b.action_id === `${ACTIONS.exportAs}_${format}`)!;
  const from = fake.requests.length;
  const doneUrl = fake.responseUrl('done');
  await sendSigned(slack.port!, buttonBody({ actionId: chosen.action_id, value: chosen.value, responseUrl: doneUrl, channelId }), FORM, { secret: SECRET });
  const done = await fake.waitFor((r) => doneUrl.endsWith(r.path), 10_000);
  const later = fake.requests.slice(from);
  return {
    answer,
    offered: choices.map((b) => b.text.text),
    url: later.find((r) => r.path === '/api/files.getUploadURLExternal')!,
    upload: later.find((r) => r.path.startsWith('/upload/'))!,
    complete: later.find((r) => r.path === '/api/files.completeUploadExternal')!,
    note: String(done.body.text),
  };
}

describe('export on Slack', () => {
  it('offers CSV and JSON for a search and uploads the CSV to the conversation, every quote verbatim', async () => {
    const { offered, url, upload, complete, note } = await exportAs('/find', 'bread', 'csv', 'C0000077');
    expect(offered).toEqual(['CSV', 'JSON']);
    expect(url.body).toMatchObject({ filename: 'search-bread.csv' });
    // The name travels in step 1 (getUploadURLExternal); step 2 is the bytes.
    const file = await uploadedFile(upload);
    const lines = file.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('n,quote,label,group,source,outlet,title,date,url,article,start,end');
    expect(lines.length).toBeGreaterThan(1);
    // Each row's quote is exact text of the article it names, at its offsets.
    for (const line of lines.slice(1)) {
      const [, article, start, end] = /,([^,]+),(\d+),(\d+)$/.exec(line)!;
      const quote = ARTICLES.find((a) => a.id === article)!.text.slice(Number(start), Number(end));
      expect(line).toContain(quote.includes(',') || quote.includes('"') ? `"${quote.replace(/"/g, '""')}"` : quote);
    }
    expect(complete.body.channel_id).toBe('C0000077');
    expect(JSON.parse(String(complete.body.files))[0].title).toMatch(/^CSV export of search "bread": \d+ quotes?\.$/);
    expect(note).toMatch(/^Uploaded search-bread\.csv to this conversation\. CSV export of search "bread"/);
  });

  it('offers TimelineJS for a timeline and uploads Knight Lab JSON', async () => {
    const { offered, url, upload } = await exportAs('/timeline', 'gyumri', 'timelinejs', 'C0000078');
    expect(offered).toEqual(['CSV', 'JSON', 'TimelineJS']);
    expect(url.body).toMatchObject({ filename: 'timeline-gyumri.timelinejs.json' });
    const file = await uploadedFile(upload);
    const doc = JSON.parse(file.text) as { events: { start_date: { year: string }; text: { text: string } }[] };
    expect(doc.events.length).toBeGreaterThan(0);
    expect(doc.events[0]!.start_date.year).toMatch(/^\d{4}$/);
  });
});
