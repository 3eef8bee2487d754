/**
 * The `--page N` option of the commands that answer a page at a time (`claim`, `sources`): the
 * number's schema with its messages, and where it stands in typed text.
 */
import { z } from 'zod';

/**
 * A page number from 1 to `max`, optional, with one short message per mistake.
 * @param max - highest page accepted (far past any real answer, small enough to stay a number)
 */
export function pageNumber(max: number) {
  return z.coerce
    .number({ error: 'The page is a number, e.g. --page 2.' })
    .int('The page is a whole number, e.g. --page 2.')
    .min(1, 'Pages start at 1.')
    .max(max, `At most page ${max}.`)
    .optional();
}

/**
 * "gyumri --page 2" (or "--page=2") as typed on the CLI or in chat: the text before the option and
 * the page as typed; text with no `--page` at its end is all `rest`.
 */
export function splitPage(text: string): { rest: string; page?: string } {
  const m = /(?:^|\s)--page(?:=|\s+)(\S*)\s*$/.exec(text);
  return m ? { rest: text.slice(0, m.index), page: m[1]! } : { rest: text };
}
