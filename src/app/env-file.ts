/**
 * The `.env` file: settings kept beside the process instead of exported in the shell. Values are
 * decoded by Node's own parser (`util.parseEnv`, the syntax of `node --env-file`); this module adds
 * what Node leaves out — a malformed line is refused with its file and line number instead of
 * being skipped or run together with the next line — and never repeats a line's text, which may
 * hold a secret.
 */
import { readFileSync, statSync } from 'node:fs';
import * as util from 'node:util';
import { NewsdeskError } from '../core/errors.js';

/** Largest `.env` read, in bytes: a settings file, not a data file. */
export const MAX_ENV_FILE_BYTES = 256 * 1024;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUOTES = new Set(['"', "'", '`']);

/** A malformed line as one line that names the file and the line, never its content. */
function malformed(file: string, line: number, why: string): NewsdeskError {
  return new NewsdeskError(`${file} line ${line}: ${why}`, 'config');
}

/**
 * Checks the shape of every line: blank, `# comment`, or `NAME=value` (optionally after `export `),
 * a quoted value closed by the same quote, possibly on a later line.
 * @throws NewsdeskError (code `config`) naming the first malformed line
 */
export function checkEnvText(text: string, file = '.env'): void {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw malformed(file, i + 1, 'expected NAME=value');
    const name = line.slice(0, eq).trim().replace(/^export\s+/, '');
    if (!NAME.test(name)) throw malformed(file, i + 1, 'the name before "=" must be letters, digits and _ (not starting with a digit)');
    const value = line.slice(eq + 1).trim();
    const quote = value[0];
    if (quote === undefined || !QUOTES.has(quote)) continue;
    // A quoted value ends at its closing quote, which may be on a later line (a multi-line value).
    let rest = value.slice(1);
    let j = i;
    while (!rest.includes(quote)) {
      j++;
      if (j >= lines.length) throw malformed(file, i + 1, `the value opened with ${quote} is never closed`);
      rest = lines[j]!;
    }
    const after = rest.slice(rest.indexOf(quote) + 1).trim();
    if (after !== '' && !after.startsWith('#')) throw malformed(file, j + 1, `unexpected text after the closing ${quote}`);
    i = j;
  }
}

/**
 * Reads a `.env` file into variables.
 * @param file - path of the file; a missing file is no error (it is optional)
 * @returns the variables it sets, or `undefined` when there is no such file
 * @throws NewsdeskError (code `config`) for a malformed line, a file too large, or one that cannot be read
 * @example readEnvFile('.env') // { CORPUS_DIR: './archive', SLACK_BOT_TOKEN: 'xoxb-…' }
 */
export function readEnvFile(file: string): Record<string, string> | undefined {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new NewsdeskError(`${file} is not a file`, 'config');
    size = stat.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (err instanceof NewsdeskError) throw err;
    throw new NewsdeskError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'config', { cause: err });
  }
  if (size > MAX_ENV_FILE_BYTES) throw new NewsdeskError(`${file} is over ${MAX_ENV_FILE_BYTES / 1024} KB; it should hold settings only`, 'config');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new NewsdeskError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'config', { cause: err });
  }
  checkEnvText(text.replace(/^\uFEFF/, ''), file);
  const parseEnv = (util as { parseEnv?: (content: string) => Record<string, string> }).parseEnv;
  if (!parseEnv) throw new NewsdeskError(`${file} needs Node.js 20.12 or later to be read (or export its variables in the shell)`, 'config');
  return parseEnv(text.replace(/^\uFEFF/, ''));
}
