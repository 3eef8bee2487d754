/**
 * "More" past the first page of `/newsdesk sources` in Slack: real Bolt (HTTP mode) against the
 * fake Slack, over more articles than one page of sources lists; the next page is asked of the
 * command (`sources --page 2`), and `/newsdesk sources --page 2` asks it directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { ACTIONS } from '../../../src/adapters/slack/render.js';
import { plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { libraryFromArticles } from '../../../src/library/build.js';
import { SOURCES_PAGE } from '../../../commands/sources.js';
import { buttonBody, sendSigned, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedRequest } from '../../helpers/fake-slack.js';
import { MANY_SOURCES, manySourcesArticles } from '../../helpers/many-sources.js';
import { SECRET, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string }[];
}

const blocksOf = (r: RecordedRequest): Block[] => (r.blocks ?? []) as Block[];
const moreOf = (r: RecordedRequest) => blocksOf(r).filter((b) => b.type === 'actions').flatMap((b) => b.elements!).find((e) => e.action_id === ACTIONS.more);
/** The reports a message quotes: its sections that start with a quote's label ("Report 051"). */
const shownIn = (r: RecordedRequest) =>
  blocksOf(r).filter((b) => b.type === 'section').map((b) => plainFromMrkdwn(b.text!.text)).flatMap((t) => /^Report (\d{3})\b/.exec(t)?.[1] ?? []).map(Number);
/** The message's whole text, blocks included. */
const textOf = (r: RecordedRequest) => JSON.stringify(r.blocks ?? []) + String(r.body.text ?? '');

let fake: FakeSlack;
let slack: SlackAdapter;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000' }, recordingLogger(), libraryFromArticles(manySourcesArticles()));
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  port = slack.port!;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

describe('sources past the first page', () => {
  it('"More" on the last message of a page of sources shows the next page, with the total', async () => {
    const responseUrl = fake.responseUrl('sources');
    await sendSigned(port, slashCommandBody({ command: '/newsdesk', text: 'sources', responseUrl }), FORM, { secret: SECRET });
    let message = await fake.waitFor((r) => responseUrl.endsWith(r.path), 30_000);
    expect(textOf(message)).toContain(`${MANY_SOURCES} articles in the corpus (1–${SOURCES_PAGE} shown)`);
    const seen: number[] = [...shownIn(message)];
    for (let click = 1; click <= 30 && !seen.includes(MANY_SOURCES); click++) {
      const more = moreOf(message);
      expect(more, `a More button after reports ${seen.join(', ')}`).toBeDefined();
      const url = fake.responseUrl(`more-${click}`);
      await sendSigned(port, buttonBody({ actionId: ACTIONS.more, value: more!.value!, responseUrl: url }), FORM, { secret: SECRET });
      message = await fake.waitFor((r) => url.endsWith(r.path), 30_000);
      seen.push(...shownIn(message));
    }
    expect(seen).toEqual(Array.from({ length: MANY_SOURCES }, (_, i) => i + 1));
    expect(textOf(message)).toContain(`(${SOURCES_PAGE + 1}–${MANY_SOURCES} shown)`);
    // The last page has no More.
    expect(moreOf(message)).toBeUndefined();
  });

  it('/newsdesk sources --page 2 lists the second page', async () => {
    const responseUrl = fake.responseUrl('sources-2');
    await sendSigned(port, slashCommandBody({ command: '/newsdesk', text: 'sources --page 2', responseUrl }), FORM, { secret: SECRET });
    const message = await fake.waitFor((r) => responseUrl.endsWith(r.path), 30_000);
    expect(shownIn(message)[0]).toBe(SOURCES_PAGE + 1);
  });
});
