/**
 * `npm run eval:feedback` end to end: verdicts kept by the real FeedbackStore in a real state file,
 * exported by the real `newsdesk feedback export --format jsonl`, then replayed by the script (as a
 * child process) on the shipped corpus. Each judged quote's fate is asserted: still shown with the
 * same label, shown with another label (what a fixed 👎 looks like), gone, or from a missing article.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import { runCli } from '../../src/app/cli.js';
import { loadConfig } from '../../src/app/config.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime } from '../../src/app/runtime.js';
import { feedbackSubject } from '../../src/core/feedback.js';
import type { Reply } from '../../src/core/types.js';
import { FeedbackStore } from '../../src/store/feedback-store.js';
import { formatReport, readVerdicts, type ItemResult } from '../../scripts/eval-feedback-lib.js';
import { cleanEnv, repoRoot, tempDir } from '../helpers/cli.js';
import { fakeClock } from '../helpers/digest.js';
import { runtimeOver, sampleLibrary } from '../helpers/timeline.js';

let dataDir: string;
let exportFile: string;
let claimReply: Reply;
let timelineReply: Reply;

async function exportJsonl(): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await runCli(['feedback', 'export', '--format', 'jsonl'], { stdout, stderr: new PassThrough(), env: cleanEnv({ DATA_DIR: dataDir }), color: false });
  expect(code).toBe(0);
  return out;
}

function evalFeedback(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'eval-feedback.ts'), ...args], { cwd: repoRoot, env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dataDir = tempDir('nd-eval-feedback-');
  exportFile = path.join(dataDir, 'feedback.jsonl');
  const library = await sampleLibrary();
  const runtime = createRuntime({ commands: new Map([[claim.name, claim]]), library: () => library, logger: silentLogger, config: loadConfig({ LOG_LEVEL: 'silent' }) });
  claimReply = await runtime.execute('claim', { text: 'gyumri' }, { platform: 'cli' });
  timelineReply = await runtimeOver(library).execute('timeline', { text: 'gyumri' }, { platform: 'cli' });
  expect(claimReply.items.length).toBeGreaterThanOrEqual(2);
  expect(timelineReply.items.length).toBeGreaterThanOrEqual(1);

  const clock = fakeClock('2026-12-03T10:00:00Z');
  const store = FeedbackStore.open({ dataDir, logger: silentLogger, clock });
  const origin = { platform: 'slack' as const, userId: 'U1', channelId: 'C1', workspaceId: 'T1' };
  // 1: a 👎 wrong speaker on a quote shown then with another claimant — today's answer differs.
  const first = feedbackSubject(claimReply, claimReply.items.slice(0, 1));
  first.items[0] = { ...first.items[0]!, label: 'Somebody Else — denies' };
  await store.record({ subject: first, verdict: 'down', reason: 'wrong_speaker', origin });
  // 2: a 👍 on a quote as it is still shown.
  await store.record({ subject: feedbackSubject(claimReply, claimReply.items.slice(1, 2)), verdict: 'up', origin });
  // 3: a 👎 wrong date on a timeline quote as it is still shown (unfixed).
  await store.record({ subject: feedbackSubject(timelineReply, timelineReply.items.slice(0, 1)), verdict: 'down', reason: 'wrong_date', origin });
  // 4: a 👎 not relevant on a quote no longer in the answer, and one from an article since removed.
  // An article of the corpus the answer does not cite (on any page: the script reads up to three).
  const cited = new Set<string>();
  for (let page = 1; page <= 3; page++) {
    const reply = await runtime.execute('claim', { text: `gyumri --page ${page}` }, { platform: 'cli' });
    for (const c of reply.citations) cited.add(c.articleId);
  }
  const article = library.articles.find((a) => !cited.has(a.id))!.id;
  await store.record({
    subject: { command: 'claim', query: 'gyumri', items: [{ article, start: 0, end: 1 }, { article: 'deleted-story.md', start: 5, end: 50 }] },
    verdict: 'down',
    reason: 'not_relevant',
    origin,
  });
  store.close();
  writeFileSync(exportFile, (await exportJsonl()) + 'not json\n');
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run eval:feedback', () => {
  it('reads the real export and says, per reason and for 👍, what became of each judged quote', async () => {
    const { verdicts, problems } = readVerdicts(await exportJsonl());
    expect(verdicts).toHaveLength(4);
    expect(problems).toEqual([]);

    const run = await evalFeedback([exportFile, '--corpus', path.join(repoRoot, 'corpus'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/line 5 skipped: not JSON/);
    const results = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as ItemResult);
    const first = claimReply.items[0]!;
    const second = claimReply.items[1]!;
    expect(results.map((r) => [r.verdictId, r.group, r.outcome])).toEqual([
      [1, 'wrong_speaker', 'changed'],
      [2, 'up', 'same'],
      [3, 'wrong_date', 'same'],
      [4, 'not_relevant', 'gone'],
      [4, 'not_relevant', 'no_article'],
    ]);
    expect(results[0]).toMatchObject({ start: first.span.start, end: first.span.end, labelThen: 'Somebody Else — denies', labelNow: first.label });
    expect(results[0]!.now).toEqual({ claimant: first.fields!.claimant, stance: first.fields!.stance });
    expect(results[1]).toMatchObject({ labelThen: second.label, labelNow: second.label });
    expect(results[2]!.now).toEqual({ date: timelineReply.items[0]!.fields!.date });

    const report = formatReport(results, [], verdicts.length);
    expect(report).toMatch(/^4 verdicts, 5 judged quotes replayed\n/);
    expect(report).toMatch(/👎 wrong speaker +0 +1 +0 +0 +0 +0\n/);
    expect(report).toMatch(/👍 +1 +0 +0 +0 +0 +0\n/);
    expect(report).toContain(`#1 👎 wrong speaker · claim "gyumri" · ${results[0]!.article} ${first.span.start}-${first.span.end}: changed (fixed?) label “Somebody Else — denies” → “${first.label}”`);
  }, 60_000);

  it('without a file is a usage error', async () => {
    const run = await evalFeedback([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run eval:feedback/);
  }, 30_000);
});
