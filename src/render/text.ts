/** Renders a Reply for a terminal: numbered quotes, matched words in bold, then the sources. */
import { citationLine } from '../answer/reply.js';
import type { Reply, ReplyItem, Span } from '../core/types.js';
import { markRanges } from './highlight.js';

/** Rendering options. */
export interface TextOptions {
  /** Use ANSI bold for matched words and headings. @defaultValue false */
  color?: boolean;
  /** Terminal width for wrapping labels. @defaultValue 100 */
  width?: number;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** Strips control characters an article could carry (ANSI escapes, bells) so it cannot drive the terminal. */
export function safeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

function markHighlights(item: ReplyItem, color: boolean): string {
  const text = item.text;
  if (!color || !item.highlights?.length) return safeForTerminal(text);
  // A terminal takes every highlight as given, in order of start; one overlapping a marked one is skipped.
  const ranges: Span[] = [];
  let at = 0;
  for (const h of [...item.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    ranges.push(h);
    at = h.end;
  }
  return markRanges(ranges, 0, text.length, { open: BOLD, close: RESET, escape: (a, b) => safeForTerminal(text.slice(a, b)) });
}

/** The whole answer as terminal text. */
export function toText(reply: Reply, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const b = (s: string) => (color ? BOLD + s + RESET : s);
  const dim = (s: string) => (color ? DIM + s + RESET : s);
  const out: string[] = [b(safeForTerminal(reply.headline))];
  let group: string | undefined;
  reply.items.forEach((item, i) => {
    if (item.group !== undefined && item.group !== group) {
      group = item.group;
      out.push('', b(safeForTerminal(group)));
    }
    const label = item.label ? `${safeForTerminal(item.label)}${item.caption ? ' (photo caption)' : ''}: ` : item.caption ? '(photo caption) ' : '';
    const also = item.alsoIn?.length ? ` ${item.alsoIn.map((n) => `[${n}]`).join('')}` : '';
    out.push(`${String(i + 1).padStart(2)}. ${label}“${markHighlights(item, color)}” [${item.source}]${also}`);
  });
  for (const line of reply.lines ?? []) out.push(safeForTerminal(line));
  if (reply.citations.length && !reply.lines?.length) {
    out.push('', b('Sources'));
    for (const c of reply.citations) out.push(`[${c.id}] ${safeForTerminal(citationLine(c))}${c.url ? dim(` ${c.url}`) : ''}`);
  }
  for (const note of reply.notes) out.push(dim(safeForTerminal(note)));
  return out.join('\n');
}
