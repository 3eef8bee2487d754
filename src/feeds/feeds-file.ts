/**
 * The feeds a newsroom follows, from the YAML file named by FEEDS_FILE:
 *
 * ```yaml
 * feeds:
 *   - url: https://oc-media.org/feed/
 *     outlet: OC Media
 *     tags: [caucasus]
 *     every: 30m
 * ```
 * A missing file is no feeds; a malformed one is an error that names the file and the entry.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { NewsdeskError } from '../core/errors.js';
import type { FeedSource } from './poller.js';

/** Shortest poll interval allowed: a feed is not a chat. */
export const MIN_EVERY_MS = 60_000;

/**
 * Reads "30m", "2h", "1d", "90s" or a bare number of minutes as milliseconds.
 * @returns undefined when unreadable
 */
export function parseEvery(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 60_000 : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 }[(m[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

const entry = z.object({
  url: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'url must be an http or https URL'),
  outlet: z.string().trim().min(1, 'outlet is required'),
  tags: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  every: z
    .union([z.string(), z.number()])
    .optional()
    .refine((v) => v === undefined || (parseEvery(v) ?? 0) >= MIN_EVERY_MS, 'every must be a duration of at least 1m (e.g. 30m, 2h)'),
});

const file = z.union([z.object({ feeds: z.array(entry).nullable() }), z.array(entry), z.null()]);

/**
 * Parses the text of a feeds file.
 * @param where - the file name, for messages
 * @throws NewsdeskError (code `config`) naming the file and what is wrong
 */
export function parseFeedsFile(text: string, where: string): FeedSource[] {
  let data: unknown;
  try {
    data = parseYaml(text, { logLevel: 'error' });
  } catch (err) {
    throw new NewsdeskError(`${where} is not valid YAML: ${(err as Error).message.split('\n')[0]}`, 'config');
  }
  const parsed = file.safeParse(data ?? null);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.filter((p) => typeof p === 'number');
    throw new NewsdeskError(`${where}${at.length ? ` (feed ${Number(at[0]) + 1})` : ''}: ${issue.message}`, 'config');
  }
  const list = parsed.data === null ? [] : Array.isArray(parsed.data) ? parsed.data : (parsed.data.feeds ?? []);
  return list.map((e) => ({
    url: new URL(e.url).toString(),
    outlet: e.outlet,
    ...(e.tags ? { tags: e.tags } : {}),
    ...(e.every !== undefined ? { everyMs: parseEvery(e.every)! } : {}),
  }));
}

/**
 * Reads FEEDS_FILE; a file that does not exist is no feeds.
 * @throws NewsdeskError (code `config`) for a file that cannot be read or parsed
 */
export function readFeedsFile(path: string): FeedSource[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new NewsdeskError(`FEEDS_FILE ${path} cannot be read: ${(err as Error).message}`, 'config');
  }
  return parseFeedsFile(text, path);
}
