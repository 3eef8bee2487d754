/**
 * `newsdesk feedback list [N]` and `newsdesk feedback export --format jsonl`: readers' verdicts
 * from the state database (the SQLite file, or PostgreSQL with DATABASE_URL), for a quick look and for a desk's own test set (docs/feedback.md).
 * It works beside a running bot (SQLite in WAL mode lets one process write while others read).
 */
import type { Writable } from 'node:stream';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/ports.js';
import { NewsdeskError } from '../core/errors.js';
import { REASON_LABELS } from '../core/feedback.js';
import { feedbackJsonLine, type FeedbackRecord } from '../store/feedback-store.js';
import { openFeedback } from '../store/open-state.js';
import { STATE_FILE } from '../store/state-db.js';

/** Usage of `newsdesk feedback`. */
export const FEEDBACK_USAGE = 'newsdesk feedback list [N] | newsdesk feedback export --format jsonl';

/** Text a reader typed, made unable to mention anyone wherever it is pasted: `@` and `<…>` defused. */
export function defuseMentions(text: string): string {
  return text.replace(/@/g, '@\u200b').replace(/</g, '‹').replace(/>/g, '›');
}

/** One line of `feedback list`. */
export function describeFeedback(r: FeedbackRecord): string {
  const when = r.time.slice(0, 16).replace('T', ' ');
  const verdict = r.verdict === 'up' ? '👍' : `👎 ${r.reason ? REASON_LABELS[r.reason] : ''}`.trimEnd();
  const quotes = `${r.items.length} quote${r.items.length === 1 ? '' : 's'}`;
  const comment = r.comment ? ` — “${defuseMentions(r.comment.replace(/\s+/g, ' ').slice(0, 200))}”` : '';
  return `#${r.id} ${when} UTC ${r.platform} ${r.user ?? '?'} ${verdict} · ${r.command} "${defuseMentions(r.query.slice(0, 80))}" · ${quotes}${comment}`;
}

/**
 * Runs `newsdesk feedback …` and returns the exit code (0 done, 2 usage). With `databaseUrl` the
 * verdicts of every replica are read from PostgreSQL; without, the state file in `dataDir`.
 * @param words - the words after `feedback`
 * @param format - `--format`, required by `export` (only `jsonl`)
 */
export async function runFeedbackCli(
  words: readonly string[],
  format: string | undefined,
  where: { dataDir: string; databaseUrl?: string | undefined },
  io: { stdout: Writable },
  logger: Logger,
): Promise<number> {
  const [action = 'list', ...rest] = words;
  if (action !== 'list' && action !== 'export') throw new NewsdeskError(`feedback takes list or export. usage: ${FEEDBACK_USAGE}`, 'usage');
  if (action === 'export' && format !== 'jsonl') throw new NewsdeskError(`feedback export writes --format jsonl. usage: ${FEEDBACK_USAGE}`, 'usage');
  const limit = rest[0] === undefined ? 20 : Number(rest[0]);
  if (!Number.isInteger(limit) || limit < 1) throw new NewsdeskError(`feedback list takes a number of verdicts to show. usage: ${FEEDBACK_USAGE}`, 'usage');
  // No state file yet means no feedback yet: say so rather than create one.
  if (!where.databaseUrl && !existsSync(path.resolve(where.dataDir, STATE_FILE))) {
    if (action === 'list') io.stdout.write('No feedback yet.\n');
    return 0;
  }
  const store = await openFeedback({ databaseUrl: where.databaseUrl, dataDir: where.dataDir, logger });
  try {
    if (action === 'export') {
      for await (const record of store.all()) io.stdout.write(feedbackJsonLine(record) + '\n');
      return 0;
    }
    const list = await store.list(limit);
    io.stdout.write(list.length ? list.map(describeFeedback).join('\n') + '\n' : 'No feedback yet.\n');
    return 0;
  } finally {
    await store.close();
  }
}
