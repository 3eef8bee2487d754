/**
 * `COPY … FROM STDIN` through the `pg` client's submittable interface (it has no COPY of its
 * own): rows in COPY's text format, sent in chunks, for the bulk load of an empty archive (the
 * server reads them far faster than array parameters of large strings).
 */
import type pg from 'pg';

/** Bytes per CopyData message. */
const CHUNK = 1 << 20;

/** A field in COPY's text format: backslash, tab, newline and carriage return escaped; null as `\N`. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** The minimal connection surface a submittable talks to. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** A COPY FROM STDIN as a `pg` submittable; settles once the server is ready again. */
class CopyIn {
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly settle: (err?: Error) => void,
  ) {}

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let i = 0; i < this.data.length; i += CHUNK) connection.sendCopyFromChunk(this.data.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  handleError(err: Error): void {
    this.settle(err);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY table (columns) FROM STDIN` with `rows` (each already `copyField`-escaped fields). */
export function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: readonly string[][]): Promise<void> {
  const data = Buffer.from(rows.map((r) => r.join('\t') + '\n').join(''), 'utf8');
  return new Promise((resolve, reject) => {
    let settled = false;
    const submittable = new CopyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, data, (err) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    });
    (client as unknown as { query(s: unknown): unknown }).query(submittable);
  });
}
