/**
 * "More" past the first page of claims in Slack: real Bolt (HTTP mode) against the fake Slack, over
 * articles holding more claims about one topic than one page of `claim` shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { ACTIONS } from '../../../src/adapters/slack/render.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { libraryFromArticles } from '../../../src/library/build.js';
import { buttonBody, sendSigned, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { manyClaimsArticles } from '../../helpers/many-claims.js';
import { SECRET, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string }[];
}

const blocksOf = (r: RecordedRequest): Block[] => (r.blocks ?? []) as Block[];
const moreOf = (r: RecordedRequest) => blocksOf(r).filter((b) => b.type === 'actions').flatMap((b) => b.elements!).find((e) => e.action_id === ACTIONS.more);
/** The claim headings a message shows ("Claim 11 · Karin Vik asserts · …"). */
const headings = (r: RecordedRequest) =>
  blocksOf(r).filter((b) => b.type === 'section').map((b) => plainFromMrkdwn(b.text!.text)).filter((t) => /^Claim \d+ · /.test(t)).map((t) => Number(/^Claim (\d+)/.exec(t)![1]));

let fake: FakeSlack;
let slack: SlackAdapter;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' }, recordingLogger(), libraryFromArticles(manyClaimsArticles()));
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  port = slack.port!;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

describe('claims past the first page', () => {
  it('"More" on the last message of a page of claims shows the next page of claims', async () => {
    const responseUrl = fake.responseUrl('claim');
    await sendSigned(port, slashCommandBody({ command: '/claim', text: 'tarsk', responseUrl }), FORM, { secret: SECRET });
    let message = await fake.waitFor((r) => responseUrl.endsWith(r.path), 30_000);
    const seen: number[] = [...headings(message)];
    // Through the messages of page 1 (a few quotes each) to its last, then one more click.
    for (let click = 1; click <= 6 && !seen.includes(11); click++) {
      const more = moreOf(message);
      expect(more, `a More button after claims ${seen.join(', ')}`).toBeDefined();
      const url = fake.responseUrl(`more-${click}`);
      await sendSigned(port, buttonBody({ actionId: ACTIONS.more, value: more!.value!, responseUrl: url }), FORM, { secret: SECRET });
      message = await fake.waitFor((r) => url.endsWith(r.path), 30_000);
      seen.push(...headings(message));
    }
    expect(seen).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(message.body.response_type).toBe('ephemeral');
    // The last page of claims has no More.
    expect(moreOf(message)).toBeUndefined();
  });

});
