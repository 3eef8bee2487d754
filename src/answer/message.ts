/** Replies that carry only a message: usage, refusal, failure. Commands and the runtime make them alike. */
import type { NewsdeskErrorCode } from '../core/errors.js';
import type { Reply } from '../core/types.js';

/** A reply that is only a message (usage, refusal, failure). */
export function messageReply(
  command: string,
  query: string,
  headline: string,
  notes: string[] = [],
  errorCode: NewsdeskErrorCode = 'usage',
): Reply {
  return { command, query, headline, items: [], citations: [], notes, error: true, errorCode };
}
