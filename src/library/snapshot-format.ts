/**
 * The snapshot file's layout, shared by its writer (`snapshot-write.ts`), its reader
 * (`snapshot-file.ts`) and its decoder (`snapshot.ts`): the magic, the footer's header and
 * section table, and how the footer is found. `snapshot.ts` describes the layout whole.
 */
import type { ArrayKind } from './stored-article.js';

/** Bump when the snapshot layout or the index format changes; older snapshots are then rebuilt. */
export const SNAPSHOT_FORMAT = 'newsdesk-index-10';

/** The 8 bytes a snapshot file starts and ends with. */
export const MAGIC = Buffer.from('NDSNAP\u0000\u0001', 'latin1');

/** One section in the footer's table: its array kind, and where in the body it lies (offset 8-byte aligned). */
export interface SectionInfo {
  name: string;
  type: ArrayKind;
  offset: number;
  bytes: number;
}

/** The footer: what the snapshot was built for and the table of its sections. */
export interface Header {
  format: string;
  key: string;
  /** What besides the files decides the index (format, code, analysers): a snapshot of another salt is never reused. */
  salt?: string;
  version: string;
  /** CRC-32 of the region read at start (the sections not lazy) and its length. */
  checksum: string;
  /** Bytes of the region read at start; it follows the lazy region. */
  eager?: number;
  /** The lazy region at the start of the body: its bytes, block size and the CRC-32 of each block (u32 LE, base64). */
  lazy?: { bytes: number; block: number; crcs: string };
  sections: SectionInfo[];
  avgLen: number;
  extra: unknown;
}

/** The corpus files a snapshot was built from and the salt of its key, so a later start can reuse it in part. */
export interface SnapshotSource {
  salt: string;
  files: readonly string[];
  /** Aligned with `files`. */
  entries: readonly string[];
}

/** Thrown (as a plain Error) when a snapshot cannot be used; callers rebuild. */
export class SnapshotError extends Error {}

/** Size of a block of the lazy region, each with its own CRC-32. */
export const LAZY_BLOCK = 4 << 10;

/** Rounds up to a multiple of 8 (sections start 8-byte aligned). */
export function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Finds the footer (section table, key, checksum) and the body it describes. */
export function parseHeader(buf: Buffer): { header: Header; bodyStart: number; bodyEnd: number } {
  const m = MAGIC.length;
  if (buf.length < 2 * m + 4 || !buf.subarray(0, m).equals(MAGIC) || !buf.subarray(buf.length - m).equals(MAGIC)) {
    throw new SnapshotError('not a snapshot file, or cut short');
  }
  const len = buf.readUInt32LE(buf.length - m - 4);
  const footerStart = buf.length - m - 4 - len;
  if (footerStart < m) throw new SnapshotError('footer truncated');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', footerStart, footerStart + len)) as Header;
  } catch {
    throw new SnapshotError('footer is not JSON');
  }
  if (typeof header?.key !== 'string' || !Array.isArray(header.sections)) throw new SnapshotError('footer malformed');
  return { header, bodyStart: m, bodyEnd: footerStart };
}
