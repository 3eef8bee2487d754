/**
 * 👍 / 👎 on Slack answers end to end: real Bolt against the fake Slack, the buttons of a real
 * answer clicked, the 👎 modal opened and submitted, and the verdicts read back from the real
 * state database file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { FEEDBACK_ACTIONS, THANKS } from '../../../src/adapters/slack/feedback.js';
import { FeedbackStore } from '../../../src/store/feedback-store.js';
import { STATE_FILE } from '../../../src/store/state-db.js';
import type { Runtime } from '../../../src/app/runtime.js';
import { buttonBody, sendSigned, slashCommandBody, startFakeSlack, viewSubmissionBody, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { ARTICLES, SECRET, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';

let fake: FakeSlack;
let runtime: Runtime;
let slack: SlackAdapter;
let store: FeedbackStore;
let dataDir: string;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}
const buttons = (r: RecordedRequest): Button[] =>
  ((r.body.blocks ?? []) as { type: string; elements?: Button[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nd-slack-feedback-'));
  fake = await startFakeSlack();
  runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000', DATA_DIR: dataDir }, recordingLogger());
  store = FeedbackStore.open({ dataDir, logger: runtime.logger });
  runtime.services.feedback = store;
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
});

afterAll(async () => {
  await slack?.stop();
  store?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

interface Row {
  platform: string;
  user_id: string;
  channel_id: string;
  workspace_id: string;
  command: string;
  query: string;
  verdict: string;
  reason: string | null;
  comment: string | null;
  items: string;
  created_at: string;
}

/** The feedback table as another process would read it from the file. */
function rows(): Row[] {
  const db = new Database(path.join(dataDir, STATE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT * FROM feedback ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

describe('feedback on Slack', () => {
  it('an answer carries 👍 and 👎; 👍 is kept at once, 👎 opens a modal whose choice and comment are kept in the state file', async () => {
    const responseUrl = fake.responseUrl('find');
    await sendSigned(slack.port!, slashCommandBody({ command: '/find', text: 'bread', responseUrl, channelId: 'C0000042' }), FORM, { secret: SECRET });
    const answer = await fake.waitFor((r) => responseUrl.endsWith(r.path));
    const up = buttons(answer).find((b) => b.action_id === FEEDBACK_ACTIONS.up)!;
    const down = buttons(answer).find((b) => b.action_id === FEEDBACK_ACTIONS.down)!;
    expect([up.text.text, down.text.text]).toEqual(['👍', '👎']);

    const thanksUrl = fake.responseUrl('up');
    await sendSigned(slack.port!, buttonBody({ actionId: FEEDBACK_ACTIONS.up, value: up.value, responseUrl: thanksUrl, channelId: 'C0000042' }), FORM, { secret: SECRET });
    const thanks = await fake.waitFor((r) => thanksUrl.endsWith(r.path));
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: THANKS });

    await sendSigned(slack.port!, buttonBody({ actionId: FEEDBACK_ACTIONS.down, value: down.value, responseUrl: fake.responseUrl('down'), channelId: 'C0000042' }), FORM, { secret: SECRET });
    const opened = await fake.waitFor((r) => r.path === '/api/views.open');
    expect(opened.body.trigger_id).toBe('1.2.3');
    const view = JSON.parse(String(opened.body.view)) as { callback_id: string; private_metadata: string; blocks: { block_id: string; element: { options?: { value: string }[] } }[] };
    expect(view.blocks[0]!.element.options!.map((o) => o.value)).toEqual(['wrong_speaker', 'wrong_stance', 'wrong_date', 'not_relevant', 'other']);

    const comment = 'The baker said it, not the <!channel> @everyone <@U0000009>';
    const res = await sendSigned(
      slack.port!,
      viewSubmissionBody({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          reason: { reason: { type: 'radio_buttons', selected_option: { value: 'wrong_speaker', text: { type: 'plain_text', text: 'Wrong speaker' } } } },
          comment: { comment: { type: 'plain_text_input', value: comment } },
        },
      }),
      FORM,
      { secret: SECRET },
    );
    // The modal closes (an empty 200); the verdict is in the file once the listener has run.
    expect(res.status).toBe(200);
    await expect.poll(() => rows().length).toBe(2);

    const [first, second] = rows();
    expect(first).toMatchObject({ platform: 'slack', user_id: 'U0000001', channel_id: 'C0000042', workspace_id: 'T0000001', command: 'search', query: 'bread', verdict: 'up', reason: null, comment: null });
    expect(second).toMatchObject({ verdict: 'down', reason: 'wrong_speaker', comment, command: 'search', query: 'bread' });
    expect(new Date(second!.created_at).toISOString()).toBe(second!.created_at);
    // Each judged item points at exact text of its article, and is one of the quotes the reader saw.
    const items = JSON.parse(second!.items) as { article: string; start: number; end: number }[];
    expect(items.length).toBeGreaterThan(0);
    const shown = JSON.stringify(answer.body.blocks);
    for (const item of items) {
      const article = ARTICLES.find((a) => a.id === item.article)!;
      const quote = article.text.slice(item.start, item.end);
      expect(quote).toMatch(/bread/i);
      expect(shown).toContain(quote.split(' ')[0]);
    }
    // Nothing the reader typed came back to Slack.
    expect(fake.requests.some((r) => r.raw.includes('U0000009') && r.path !== '/slack/events')).toBe(false);
  });

  it('ignores a forged button value', async () => {
    const before = rows().length;
    const url = fake.responseUrl('forged');
    await sendSigned(slack.port!, buttonBody({ actionId: FEEDBACK_ACTIONS.up, value: '{"c":"search"}', responseUrl: url }), FORM, { secret: SECRET });
    // A real answer afterwards proves the click was handled (and dropped) before it.
    const responseUrl = fake.responseUrl('after');
    await sendSigned(slack.port!, slashCommandBody({ command: '/find', text: 'bread', responseUrl }), FORM, { secret: SECRET });
    await fake.waitFor((r) => responseUrl.endsWith(r.path));
    expect(rows().length).toBe(before);
    expect(fake.requests.some((r) => url.endsWith(r.path))).toBe(false);
  });
});
