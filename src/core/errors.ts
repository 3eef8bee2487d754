/** Why a newsdesk operation failed; tests assert the code, users read the message. */
export type NewsdeskErrorCode =
  | 'usage' // the user typed something the command cannot take
  | 'config' // a missing or malformed environment variable
  | 'corpus' // the corpus folder is missing or unusable
  | 'unreadable' // one corpus file cannot be ingested
  | 'not_found' // unknown command, article or subscription
  | 'rate_limited' // the user asks too often
  | 'forbidden' // the user may not do this here (e.g. subscribe a channel without managing it)
  | 'platform' // a chat platform call failed
  | 'state' // the state database is unusable
  | 'loading' // the library is still loading; ask again soon
  | 'internal';

/** An error with a code and a one-line message that is safe to show to a user. */
export class NewsdeskError extends Error {
  readonly code: NewsdeskErrorCode;
  constructor(message: string, code: NewsdeskErrorCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsdeskError';
    this.code = code;
  }
}

/** True when `err` is a NewsdeskError, optionally with the given code. */
export function isNewsdeskError(err: unknown, code?: NewsdeskErrorCode): err is NewsdeskError {
  return err instanceof NewsdeskError && (code === undefined || err.code === code);
}
