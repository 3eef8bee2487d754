/**
 * `COPY … FROM STDIN` for the bulk load of an empty archive, through pg-copy-streams (the `pg`
 * client has no COPY of its own): rows in COPY's text format, written to the copy stream in
 * chunks (the server reads them far faster than array parameters of large strings).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Bytes per chunk written to the copy stream. */
const CHUNK = 1 << 20;

/** A field in COPY's text format: backslash, tab, newline and carriage return escaped; null as `\N`. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Runs `COPY table (columns) FROM STDIN` with `rows` (each already `copyField`-escaped fields). */
export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: readonly string[][]): Promise<void> {
  const data = Buffer.from(rows.map((r) => r.join('\t') + '\n').join(''), 'utf8');
  const chunks = function* (): Generator<Buffer> {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
  };
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
}
