/** Renders a Reply for a terminal: numbered quotes, matched words in bold, then the sources. */
import { citationLine } from '../answer/reply.js';
import type { Reply, ReplyItem } from '../core/types.js';

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
  const sorted = [...item.highlights].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    out += safeForTerminal(text.slice(at, h.start)) + BOLD + safeForTerminal(text.slice(h.start, h.end)) + RESET;
    at = h.end;
  }
  return out + safeForTerminal(text.slice(at));
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
