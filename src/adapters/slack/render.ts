/**
 * Block Kit rendering of a neutral `Reply`, one page (message) at a time.
 *
 * A reply is read as a stream of units — its notes, then its items, then its lines — and a page
 * takes units from a cursor until the next one would break a limit in `LIMITS`; the cursor of
 * the first unit left over is what the "More" button carries. Quotes are split only at sentence
 * boundaries (word boundaries for a sentence longer than a section), so the pieces of a quote
 * joined give its text back exactly.
 */
import { citationDate } from '../../answer/reply.js';
import type { Citation, Reply, ReplyItem } from '../../core/types.js';
import { LIMITS } from './limits.js';
import { SpanIndex } from '../../core/span-index.js';
import { escapeMrkdwn, escapeShort, markHighlights, nextPiece } from './mrkdwn.js';

/**
 * Characters segmented after a piece's start to find where it ends: a section holds at most
 * `LIMITS.sectionText` characters and escaping never shortens text, so a piece is never longer;
 * the rest is context for the segmenter. Keeps the work per piece independent of the quote's length.
 */
const SECTION_WINDOW = 2 * LIMITS.sectionText;

/** A mrkdwn text object; `verbatim` stops Slack from linking names and parsing mentions on its own. */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

/** A button with a JSON value (see `actions.ts`). */
export interface SlackButton {
  type: 'button';
  text: { type: 'plain_text'; text: string; emoji: boolean };
  action_id: string;
  value: string;
  style?: 'primary';
}

/** The blocks this renderer produces. */
export type SlackBlock =
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; elements: SlackButton[] };

/** One Slack message: blocks plus the plain fallback text for notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Where a page starts: a unit (notes, then items, then lines) and a character offset inside it. */
export interface Cursor {
  unit: number;
  offset: number;
}

/** Options for one page. */
export interface PageOptions {
  /** Where to start. @defaultValue the beginning */
  cursor?: Cursor;
  /** Value of a "Share in channel" button for this page; no button when absent or too long. */
  shareValue?: (cursor: Cursor) => string;
  /** Value of a "More" button for the page after this one; no button when absent or too long. */
  moreValue?: (next: Cursor) => string;
  /** Value of the "More" button on the reply's last page, running the answer's next page (`Reply.nextPage`). */
  nextPageValue?: (text: string) => string;
  /** A line shown above the answer (e.g. who shared it). */
  preface?: string;
  /** Value of the 👍/👎 buttons for the quotes this page shows; no buttons when absent, undefined or too long. */
  feedbackValue?: (reply: Reply, shown: readonly ReplyItem[]) => string | undefined;
  /** Value of an "Export" button (an answer with quotes only); no button when absent or too long. */
  exportValue?: () => string;
}

/** A rendered page and where the next one starts (null when this is the last). */
export interface Page {
  message: SlackMessage;
  next: Cursor | null;
}

/** Action ids of our buttons. */
export const ACTIONS = { share: 'newsdesk_share', more: 'newsdesk_more', feedbackUp: 'newsdesk_feedback_up', feedbackDown: 'newsdesk_feedback_down', export: 'newsdesk_export', exportAs: 'newsdesk_export_as' } as const;

const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });

/** Every character of text in blocks: what the `messageChars` limit counts. */
export function blocksLength(blocks: readonly SlackBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'section') n += b.text.text.length;
    else if (b.type === 'context') for (const e of b.elements) n += e.text.length;
    else for (const e of b.elements) n += e.text.text.length;
  }
  return n;
}

/** Text that starts and ends where bold markers may touch it. */
function boldable(text: string): string {
  // Not a `\s+$` regex: that backtracks over every run of spaces, quadratic on a long one.
  let start = 0;
  while (start < text.length && /[\s\u200B]/u.test(text[start]!)) start++;
  return text.slice(start).trimEnd();
}

/** A bold, shortened one-liner (headline, group, label); empty text gives an empty string. */
function boldShort(text: string, max: number): string {
  const t = boldable(text);
  return t ? `*${escapeShort(t, max - 2)}*` : '';
}

/** Only http(s) links become links; `&`, `<`, `>` and `|` cannot end the link early. */
function linkTarget(url: string | null): string | null {
  if (!url || url.length > 500 || !/^https?:\/\/\S+$/i.test(url)) return null;
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

function citationRef(c: Citation | undefined, n: number): string {
  const target = linkTarget(c?.url ?? null);
  return target ? `<${target}|[${n}]>` : `[${n}]`;
}

/** The context block citing an item: "[n] Outlet · date · Title", then any other articles carrying it. */
function citationContext(item: ReplyItem, citations: ReadonlyMap<number, Citation>): SlackBlock {
  const c = citations.get(item.source);
  const elements: MrkdwnText[] = [];
  if (c) {
    const outlet = escapeShort(c.outlet ?? 'outlet unknown', 100);
    const title = escapeShort(c.title || 'untitled', 300);
    elements.push(mrkdwn(`${citationRef(c, c.id)} ${outlet} · ${escapeMrkdwn(citationDate(c))} · ${title}`));
  } else {
    elements.push(mrkdwn(`[${item.source}]`));
  }
  const also = (item.alsoIn ?? []).filter((n) => n !== item.source);
  if (also.length) {
    let text = 'Also in';
    let shown = 0;
    for (const n of also) {
      const other = citations.get(n);
      const part = ` ${citationRef(other, n)}${other?.outlet ? ` ${escapeShort(other.outlet, 60)}` : ''}${shown < also.length - 1 ? ',' : ''}`;
      if (text.length + part.length > 500) break;
      text += part;
      shown++;
    }
    if (shown < also.length) text += ` and ${also.length - shown} more`;
    elements.push(mrkdwn(text));
  }
  return { type: 'context', elements };
}

/** Collects blocks for one page within the block and character budget. */
class PageBudget {
  readonly blocks: SlackBlock[] = [];
  private chars = 0;
  constructor(
    private readonly maxBlocks: number,
    private readonly maxChars: number,
  ) {}
  fits(blocks: readonly SlackBlock[]): boolean {
    return this.blocks.length + blocks.length <= this.maxBlocks && this.chars + blocksLength(blocks) <= this.maxChars;
  }
  /** How many of `blocks`, taken in order, fit. */
  fitting(blocks: readonly SlackBlock[]): number {
    let n = 0;
    let chars = this.chars;
    for (const b of blocks) {
      chars += blocksLength([b]);
      if (this.blocks.length + n + 1 > this.maxBlocks || chars > this.maxChars) break;
      n++;
    }
    return n;
  }
  add(blocks: readonly SlackBlock[]): void {
    this.blocks.push(...blocks);
    this.chars += blocksLength(blocks);
  }
}

/**
 * The sections of one quote from `offset`: label and opening quote on its first piece, citation on
 * its last. Only as many pieces as one page could show are made (a page holds fewer blocks than
 * `LIMITS.blocks` and fewer characters than `LIMITS.messageChars`), so a quote of megabytes costs
 * no more than one of a few pages; `complete` is false when pieces were left for later pages,
 * which the "More" cursor then reaches.
 */
function itemSections(item: ReplyItem, offset: number): { sections: SlackBlock[]; ends: number[]; complete: boolean } {
  const text = item.text;
  const label = item.label ? boldShort(`${item.label}:`, LIMITS.labelText) : '';
  const head = `${label ? label + ' ' : ''}${item.caption ? '(photo caption) ' : ''}“`;
  const also = (item.alsoIn ?? []).filter((n) => n !== item.source).slice(0, 20).map((n) => `[${n}]`).join('');
  const tail = `” [${item.source}]${also}`;
  const highlights = new SpanIndex(item.highlights ?? []);
  const render = (s: number, e: number) =>
    (s === 0 ? head : '') + markHighlights(text, highlights, s, e) + (e === text.length ? tail : '');
  if (offset >= text.length) return { sections: [section(render(offset, offset))], ends: [text.length], complete: true };
  // Escaping never shortens text: a piece longer than a section in raw characters cannot fit, so it is not rendered to find out.
  const fits = (s: number, e: number) => e - s <= LIMITS.sectionText && render(s, e).length <= LIMITS.sectionText;
  const sections: SlackBlock[] = [];
  const ends: number[] = [];
  let start = offset;
  let chars = 0;
  while (start < text.length && sections.length < LIMITS.blocks && chars <= LIMITS.messageChars) {
    const piece = nextPiece(text, fits, start, SECTION_WINDOW);
    const block = section(render(piece!.start, piece!.end));
    sections.push(block);
    ends.push(piece!.end);
    chars += blocksLength([block]);
    start = piece!.end;
  }
  return { sections, ends, complete: start >= text.length };
}

/**
 * Renders one page of a reply.
 * @example const { message, next } = renderPage(reply, { moreValue: (c) => JSON.stringify(c) })
 */
export function renderPage(reply: Reply, options: PageOptions = {}): Page {
  const cursor = options.cursor ?? { unit: 0, offset: 0 };
  const items = reply.items;
  const lines = reply.lines ?? [];
  const notes = reply.notes;
  const units = items.length + lines.length + notes.length;
  const first = cursor.unit === 0 && cursor.offset === 0;

  const fallback = first ? escapeShort(boldable(reply.headline) || reply.command, LIMITS.fallbackText) : escapeShort(`More: ${reply.headline}`, LIMITS.fallbackText);
  // Room kept for the status line and the buttons, which are only known at the end.
  const page = new PageBudget(LIMITS.blocks - 2, LIMITS.messageChars - fallback.length - 2 * LIMITS.buttonText - 120);

  if (options.preface) page.add([{ type: 'context', elements: [mrkdwn(escapeShort(options.preface, 300))] }]);
  if (first) {
    const headline = boldShort(reply.headline, LIMITS.sectionText);
    if (headline) page.add([section(headline)]);
  } else {
    page.add([{ type: 'context', elements: [mrkdwn(`Continued: ${escapeShort(reply.headline, 300)}`)] }]);
  }

  const citations = new Map(reply.citations.map((c) => [c.id, c]));
  // Notes first (how a question was routed, "no results — did you mean"): they explain the quotes.
  let next: Cursor | null = packNotes(page, notes, 0, Math.min(cursor.unit, units), cursor.offset);
  const base = notes.length;
  let unit = Math.max(Math.min(cursor.unit, units), base);
  let offset = cursor.unit >= base ? cursor.offset : 0;
  let itemsShown = 0;
  let firstItem = -1;
  let lastItem = -1;
  let group: string | undefined;

  // Items: each with its citation, whole when it fits, split across pages only when alone.
  while (unit < base + items.length && !next) {
    if (itemsShown >= LIMITS.itemsPerMessage) {
      next = { unit, offset };
      break;
    }
    const item = items[unit - base]!;
    const heading: SlackBlock[] = [];
    // A group heading starts its group and each page, but never splits a quote continued from the last page.
    if (item.group !== undefined && offset === 0 && (itemsShown === 0 || item.group !== group)) {
      const g = boldShort(item.group, LIMITS.labelText);
      if (g) heading.push(section(g));
    }
    const { sections, ends, complete } = itemSections(item, offset);
    const cite = citationContext(item, citations);
    const whole = [...heading, ...sections, cite];
    if (complete && page.fits(whole)) {
      page.add(whole);
    } else if (itemsShown === 0) {
      // Alone on its page and still too long: show the pieces that fit, the rest comes with "More".
      page.add(heading);
      let take = page.fitting(sections);
      while (take > 1 && !page.fits([...sections.slice(0, take), cite])) take--;
      take = Math.max(take, 1);
      page.add([...sections.slice(0, take), cite]);
      if (take < sections.length || !complete) next = { unit, offset: ends[take - 1]! };
    } else {
      next = { unit, offset };
      break;
    }
    group = item.group;
    itemsShown++;
    if (firstItem < 0) firstItem = unit - base;
    lastItem = unit - base;
    if (!next) {
      unit++;
      offset = 0;
    }
  }

  // Lines (help text, source lists), packed several to a section.
  if (!next) next = packLines(page, lines, base + items.length, unit, offset);

  const status: SlackBlock[] = [];
  if (firstItem >= 0 && (next !== null || !first) && items.length > 1) {
    status.push({ type: 'context', elements: [mrkdwn(`Quotes ${firstItem + 1}–${lastItem + 1} of ${items.length}`)] });
  }
  const buttons: SlackButton[] = [];
  const share = options.shareValue?.(cursor);
  if (share !== undefined && share.length <= LIMITS.buttonValue) {
    buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Share in channel', emoji: false }, action_id: ACTIONS.share, value: share, style: 'primary' });
  }
  // The last page of this reply: "More" asks for the answer's next page, when it has one.
  const more = next ? options.moreValue?.(next) : reply.nextPage !== undefined ? options.nextPageValue?.(reply.nextPage) : undefined;
  if (more !== undefined && more.length <= LIMITS.buttonValue) {
    buttons.push({ type: 'button', text: { type: 'plain_text', text: 'More', emoji: false }, action_id: ACTIONS.more, value: more });
  }
  const judged = firstItem >= 0 && !reply.error ? options.feedbackValue?.(reply, items.slice(firstItem, lastItem + 1)) : undefined;
  if (judged !== undefined && judged.length <= LIMITS.buttonValue) {
    buttons.push(
      { type: 'button', text: { type: 'plain_text', text: '👍', emoji: true }, action_id: ACTIONS.feedbackUp, value: judged },
      { type: 'button', text: { type: 'plain_text', text: '👎', emoji: true }, action_id: ACTIONS.feedbackDown, value: judged },
    );
  }
  const exported = reply.items.length && !reply.error ? options.exportValue?.() : undefined;
  if (exported !== undefined && exported.length <= LIMITS.buttonValue) {
    buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Export', emoji: false }, action_id: ACTIONS.export, value: exported });
  }
  const blocks = [...page.blocks, ...status, ...(buttons.length ? [{ type: 'actions' as const, elements: buttons }] : [])];
  return { message: { text: fallback, blocks }, next };
}

/** Adds lines from `unit`/`offset` as sections; returns where the next page starts, or null when all fit. */
function packLines(page: PageBudget, lines: readonly string[], base: number, unit: number, offset: number): Cursor | null {
  let text = '';
  let start: Cursor = { unit, offset };
  /** Adds the pending section; false when the page is full. */
  const flush = (): boolean => {
    if (!text) return true;
    const block = section(text);
    if (!page.fits([block])) return false;
    page.add([block]);
    text = '';
    return true;
  };
  let u = Math.max(unit, base);
  let o = unit >= base ? offset : 0;
  while (u < base + lines.length) {
    const line = lines[u - base]!;
    // Escaping never shortens text (nor blanks it): a rest longer than a section is split below, never escaped whole.
    const rest = line.length - o <= LIMITS.sectionText ? escapeMrkdwn(line, o) : line.slice(o);
    if (!rest.trim()) {
      // A blank line adds nothing a reader needs, and a section cannot be blank.
      u++;
      o = 0;
      continue;
    }
    const joined = text ? `${text}\n${rest}` : rest;
    if (joined.length <= LIMITS.sectionText) {
      if (!text) start = { unit: u, offset: o };
      text = joined;
      u++;
      o = 0;
      continue;
    }
    if (text) {
      if (!flush()) return start;
      continue;
    }
    // One line longer than a section: its first piece alone.
    const piece = nextPiece(line, (s, e) => e - s <= LIMITS.sectionText && escapeMrkdwn(line, s, e).length <= LIMITS.sectionText, o, SECTION_WINDOW);
    start = { unit: u, offset: o };
    text = escapeMrkdwn(line, piece!.start, piece!.end);
    if (!flush()) return start;
    o = piece!.end;
    if (o >= line.length) {
      u++;
      o = 0;
    }
  }
  return flush() ? null : start;
}

/** Adds notes from `unit`/`offset` as context elements; returns where the next page starts, or null. */
function packNotes(page: PageBudget, notes: readonly string[], base: number, unit: number, offset: number): Cursor | null {
  let elements: MrkdwnText[] = [];
  let blockStart: Cursor = { unit, offset };
  const flush = (): boolean => {
    if (!elements.length) return true;
    const block: SlackBlock = { type: 'context', elements };
    if (!page.fits([block])) return false;
    page.add([block]);
    elements = [];
    return true;
  };
  let u = unit;
  let o = offset;
  while (u < base + notes.length) {
    const note = notes[u - base]!;
    if (!note.trim()) {
      u++;
      o = 0;
      continue;
    }
    if (elements.length === 0) blockStart = { unit: u, offset: o };
    const piece = nextPiece(note, (s, e) => e - s <= LIMITS.contextText && escapeMrkdwn(note, s, e).length <= LIMITS.contextText, o, 2 * LIMITS.contextText);
    elements.push(mrkdwn(escapeMrkdwn(note, piece!.start, piece!.end)));
    o = piece!.end;
    if (o >= note.length) {
      u++;
      o = 0;
    }
    if (elements.length === LIMITS.contextElements && !flush()) return blockStart;
  }
  if (!flush()) return blockStart;
  return null;
}
