/**
 * Reading `/digest …` typed as text (CLI, console, Slack): an action, then a topic, a schedule
 * and a time zone in that order, e.g. `subscribe gyumri 0 9 * * 1-5 Asia/Yerevan`. A cron
 * expression is five words itself, so the schedule is recognised by its shape at the end.
 */
import { createRequire } from 'node:module';
import type * as chronoEn from 'chrono-node/en';
import { NewsdeskError } from '../core/errors.js';
import { SCHEDULE_PRESETS } from './schedule.js';

/**
 * chrono's English parser, loaded on the first free-form date ("yesterday"): every CLI call reads
 * this module (for its flags), and `help` should not pay for a date parser it never uses.
 * English only: the package root also loads fifteen other locales, ~150 ms of every start.
 */
let chrono: typeof chronoEn | undefined;
function englishDates(): typeof chronoEn {
  chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof chronoEn;
  return chrono;
}

/** What `/digest` can do. */
export const DIGEST_ACTIONS = ['show', 'subscribe', 'list', 'unsubscribe', 'now'] as const;
/** One of {@link DIGEST_ACTIONS}. */
export type DigestAction = (typeof DIGEST_ACTIONS)[number];

/** `/digest` input before validation. */
export interface DigestTextInput {
  action: DigestAction;
  topic?: string;
  schedule?: string;
  timezone?: string;
  since?: string;
  id?: string;
}

const MONTHS_DAYS = '(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const NAMED_FIELD = new RegExp(`^${MONTHS_DAYS}(?:[-,]${MONTHS_DAYS})*$`, 'i');
const NUMERIC_FIELD = /^[0-9*?LW#/,-]+$/i;

/** True when a word could be one field of a cron expression. */
function isCronField(word: string): boolean {
  return NUMERIC_FIELD.test(word) || NAMED_FIELD.test(word);
}

/** True when a word looks like an IANA time zone name (validated later). */
function looksLikeTimezone(word: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+-]*\/[A-Za-z0-9_+/-]+$/.test(word) || /^(utc|gmt|etc\/utc)$/i.test(word);
}

/** True when a word is a schedule on its own (`weekdays`, `@daily`). */
function isScheduleWord(word: string): boolean {
  return Object.hasOwn(SCHEDULE_PRESETS, word.toLowerCase()) || /^@(hourly|daily|midnight|weekly|monthly|yearly|annually)$/i.test(word);
}

interface Token {
  text: string;
  quoted: boolean;
}

/** Splits on spaces, keeping "quoted phrases" (straight or curly quotes) together. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) {
    const quoted = m[1] ?? m[2] ?? m[3];
    if (quoted !== undefined) tokens.push({ text: quoted.trim(), quoted: true });
    else tokens.push({ text: m[4]!, quoted: false });
  }
  return tokens.filter((t) => t.text.length > 0);
}

/** Flags the digest command reads from its text (`--since DATE`); the CLI passes them through to it. */
export const FLAGS: ReadonlySet<string> = new Set(['since', 'topic', 'schedule', 'timezone', 'tz', 'id']);
/** Flags whose value may be several words (a topic, a cron expression, "last monday"). */
const MULTI_WORD_FLAGS = new Set(['since', 'topic', 'schedule']);

/**
 * Parses the text after `digest`.
 * @throws NewsdeskError (code `usage`) for an unknown flag or one without a value
 * @example
 * parseDigestText('subscribe gyumri 0 9 * * 1-5 Asia/Yerevan')
 * // { action: 'subscribe', topic: 'gyumri', schedule: '0 9 * * 1-5', timezone: 'Asia/Yerevan' }
 */
export function parseDigestText(text: string): DigestTextInput {
  const tokens = tokenize(text);
  const flags: Record<string, string> = {};
  const words: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = t.quoted ? null : /^--([a-z]+)(?:=(.*))?$/i.exec(t.text);
    if (!m) {
      words.push(t);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (!FLAGS.has(name)) throw new NewsdeskError(`Unknown option --${name.slice(0, 20)}.`, 'usage');
    // A flag's value runs to the next flag, so `--topic armenia russia` works unquoted from a shell.
    const parts: string[] = m[2] !== undefined && m[2] !== '' ? [m[2]] : [];
    const multi = MULTI_WORD_FLAGS.has(name);
    while (
      i + 1 < tokens.length &&
      (multi || parts.length === 0) &&
      (tokens[i + 1]!.quoted || !tokens[i + 1]!.text.startsWith('--'))
    ) {
      parts.push(tokens[++i]!.text);
    }
    if (parts.length === 0) throw new NewsdeskError(`--${name} needs a value.`, 'usage');
    flags[name === 'tz' ? 'timezone' : name] = parts.join(' ');
  }

  let action: DigestAction = 'show';
  const first = words[0];
  if (first && !first.quoted && (DIGEST_ACTIONS as readonly string[]).includes(first.text.toLowerCase())) {
    action = first.text.toLowerCase() as DigestAction;
    words.shift();
  }
  const out: DigestTextInput = { action };

  if (action === 'subscribe') Object.assign(out, splitSubscription(words));
  else if (action === 'unsubscribe' || action === 'now') {
    const id = words.map((w) => w.text.replace(/^#/, '')).join(' ');
    if (id) out.id = id;
  } else if (action === 'show' && words.length) out.topic = words.map((w) => w.text).join(' ');
  if (flags.topic) out.topic = flags.topic;
  if (flags.schedule) out.schedule = flags.schedule;
  if (flags.timezone) out.timezone = flags.timezone;
  if (flags.since) out.since = flags.since;
  if (flags.id) out.id = flags.id;
  return out;
}

/** `[topic…] [schedule] [timezone]`, read from the end. */
function splitSubscription(words: Token[]): Pick<DigestTextInput, 'topic' | 'schedule' | 'timezone'> {
  const rest = [...words];
  const out: Pick<DigestTextInput, 'topic' | 'schedule' | 'timezone'> = {};
  const last = rest[rest.length - 1];
  if (last && !last.quoted && looksLikeTimezone(last.text)) {
    out.timezone = last.text;
    rest.pop();
  }
  const tail = rest[rest.length - 1];
  if (tail && tail.quoted && tail.text.split(/\s+/).length >= 5 && tail.text.split(/\s+/).every(isCronField)) {
    out.schedule = tail.text;
    rest.pop();
  } else if (tail && !tail.quoted && isScheduleWord(tail.text)) {
    out.schedule = tail.text;
    rest.pop();
  } else {
    let n = 0;
    while (n < rest.length && n < 7) {
      const w = rest[rest.length - 1 - n]!;
      if (w.quoted || !isCronField(w.text)) break;
      n++;
    }
    const run = rest.slice(rest.length - n).map((w) => w.text);
    // One bare number is more likely part of a topic ("elections 2023") than a schedule.
    if (n >= 2 || run.some((w) => w.includes('*'))) {
      out.schedule = run.join(' ');
      rest.splice(rest.length - n, n);
    }
  }
  if (rest.length) out.topic = rest.map((w) => w.text).join(' ');
  return out;
}

/**
 * Reads a `--since` value: `2021-06-01`, an ISO time, `24h`/`7d`, or words chrono-node
 * understands ("yesterday", "last monday"), relative to `now`.
 * @throws NewsdeskError (code `usage`) with examples
 */
export function parseSince(value: string, now: Date): Date {
  const v = value.trim();
  const rel = /^(\d{1,4})\s*(h|hours?|d|days?|w|weeks?)$/i.exec(v);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!.toLowerCase()[0];
    const hours = unit === 'h' ? n : unit === 'd' ? n * 24 : n * 24 * 7;
    return new Date(now.getTime() - hours * 3_600_000);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)) return d;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  } else {
    const d = englishDates().parseDate(v, now);
    if (d) return d;
  }
  throw new NewsdeskError(`"${v.slice(0, 40)}" is not a date I can read; try 2021-06-01, 24h, 7d or "yesterday".`, 'usage');
}
