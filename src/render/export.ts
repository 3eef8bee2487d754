/**
 * An answer as a file a desk can take elsewhere: CSV (a spreadsheet), JSON (the `--json`
 * contract) or TimelineJS (Knight Lab's timeline, for `timeline` answers). The file is kept
 * within a platform's upload limit by dropping quotes from the end — whole quotes, never a cut
 * one — and says so.
 */
import type { Reply } from '../core/types.js';
import { citationDate } from '../answer/reply.js';
import { toJson } from './json.js';
import { toTimelineJs } from '../timeline/timelinejs.js';

/** The export formats. */
export const EXPORT_FORMATS = ['csv', 'json', 'timelinejs'] as const;
/** One of `EXPORT_FORMATS`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is named to readers. */
export const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = { csv: 'CSV', json: 'JSON', timelinejs: 'TimelineJS' };

/** An export, ready to upload. */
export interface ExportFile {
  name: string;
  data: Uint8Array;
  /** One line for the message that goes with the file (what it is, and whether it was cut). */
  note: string;
}

/** The formats a reply can be exported as: none for an error or an answer without quotes; TimelineJS only for timelines. */
export function exportFormats(reply: Reply): ExportFormat[] {
  if (reply.error || !reply.items.length) return [];
  return reply.command === 'timeline' ? ['csv', 'json', 'timelinejs'] : ['csv', 'json'];
}

/** True when `format` names an export format. */
export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

const CSV_COLUMNS = ['n', 'quote', 'label', 'group', 'source', 'outlet', 'title', 'date', 'url', 'article', 'start', 'end'] as const;

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or CR) gets a leading apostrophe, as OWASP advises; `start`/`end` still locate the exact text.
 */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV of a reply: one row per quote, with its citation. */
export function toCsv(reply: Reply): string {
  const citations = new Map(reply.citations.map((c) => [c.id, c]));
  const rows = [CSV_COLUMNS.join(',')];
  reply.items.forEach((item, i) => {
    const c = citations.get(item.source);
    rows.push(
      [i + 1, item.text, item.label, item.group, item.source, c?.outlet, c?.title, c ? citationDate(c) : '', c?.url, c?.articleId, item.span.start, item.span.end].map(cell).join(','),
    );
  });
  // CRLF as RFC 4180 writes it; a byte-order mark so spreadsheet programs read the UTF-8 as UTF-8.
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

/** The bytes of a reply in `format`. */
function encode(reply: Reply, format: ExportFormat): Uint8Array {
  const text = format === 'csv' ? toCsv(reply) : JSON.stringify(format === 'json' ? toJson(reply) : toTimelineJs(reply), null, 2) + '\n';
  return new TextEncoder().encode(text);
}

/** The reply with its first `n` quotes, and only the citations they use. */
function firstQuotes(reply: Reply, n: number): Reply {
  const items = reply.items.slice(0, n);
  const used = new Set(items.flatMap((i) => [i.source, ...(i.alsoIn ?? [])]));
  return { ...reply, items, citations: reply.citations.filter((c) => used.has(c.id)) };
}

/**
 * The export of a reply in `format`, at most `maxBytes` long.
 * @param maxBytes - the platform's upload limit (Discord's attachment limit, Slack's cap)
 * @param limitName - how the note names the limit, e.g. "Discord's 10 MB file limit"
 * @returns null when not even one quote fits
 * @example exportFile(reply, 'csv', 10 * 1024 * 1024, "Discord's 10 MB file limit")
 */
export function exportFile(reply: Reply, format: ExportFormat, maxBytes: number, limitName: string): ExportFile | null {
  const base = `${reply.command}-${slug(reply.query) || 'answer'}`;
  const name = `${base}.${format === 'csv' ? 'csv' : format === 'json' ? 'json' : 'timelinejs.json'}`;
  const what = `${FORMAT_LABELS[format]} export of ${reply.command} "${reply.query.slice(0, 100)}"`;
  const whole = encode(reply, format);
  if (whole.length <= maxBytes) return { name, data: whole, note: `${what}: ${reply.items.length} quote${reply.items.length === 1 ? '' : 's'}.` };
  // The most quotes that fit: the size grows with the count, so a binary search finds it in log n encodings.
  let lo = 0;
  let hi = reply.items.length - 1;
  let best: Uint8Array | null = null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const data = encode(firstQuotes(reply, mid), format);
    if (data.length <= maxBytes) {
      lo = mid;
      best = data;
    } else hi = mid - 1;
  }
  if (lo === 0 || !best) return null;
  return { name, data: best, note: `${what}: cut to the first ${lo} of ${reply.items.length} quotes to stay within ${limitName}.` };
}

/** A file-name-safe short form of a query. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
