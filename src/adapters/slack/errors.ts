/**
 * Errors of the Slack adapter as the log sees them: without anything that could carry a token. Its
 * own module so every listener can use it without importing the others.
 */

/** Describes an error for the log without anything that could carry a token (request configs, headers). */
export function describeError(err: unknown): { code?: string; message: string } {
  const e = err as { code?: unknown; message?: unknown; data?: { error?: unknown } } | null;
  const message = redactSecrets(String(e?.message ?? err));
  const code = typeof e?.code === 'string' ? e.code : undefined;
  return code ? { code, message } : { message };
}

/** Removes anything shaped like a Slack token from a string. */
export function redactSecrets(text: string): string {
  return text.replace(/\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g, '[redacted]');
}
