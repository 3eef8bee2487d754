/**
 * Turns a neutral Reply into Discord messages ("pages"): the headline and notes as content, the
 * quoted snippets in an embed with the matched words in bold, and the page's sources as fields
 * (numbered, linked, with outlet and date). Every page is planned against `LIMITS` while it is
 * built: items are packed whole, and an item too long for any page is split at sentence (then
 * word) boundaries into consecutive quotes, so no quoted word is ever altered or silently dropped.
 * All pages are rendered at once, so a quote longer than `LONG_QUOTE` is shown in at most
 * `MAX_QUOTE_PIECES` pieces and its last one says how many characters are left unshown.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { citationDate } from '../../answer/reply.js';
import type { Citation, Reply, ReplyItem } from '../../core/types.js';
import { LIMITS } from './limits.js';
import { SpanIndex } from '../../core/span-index.js';
import { longestCodeUnits, SENTENCE_ENDS, SPACES, splitQuote } from '../../render/split.js';
import { escapeInline, fitInline, quoteSnippet } from './markdown.js';

/** One Discord message of a rendered answer. */
export interface DiscordPage {
  content: string;
  embeds: APIEmbed[];
}

/** Rendering options. */
export interface RenderOptions {
  /** Most quoted items on one page; more become Previous/Next pages. @defaultValue 5 */
  itemsPerPage?: number;
  /** Embed colour. @defaultValue 0x1f6feb */
  color?: number;
}

/** Defaults for `RenderOptions`. */
export const defaultRenderOptions: Required<RenderOptions> = { itemsPerPage: 5, color: 0x1f6feb };

/** Longest link newsdesk puts in a field or marker; longer ones are shown unlinked. */
const MAX_URL = 300;
/** Extra citations ("also in") shown per item; the rest are counted in words. */
const MAX_ALSO_IN = 3;
/**
 * Quotes longer than this (in characters) are shown in at most `MAX_QUOTE_PIECES` pieces: Discord
 * answers are rendered whole when asked (paging replays stored pages), so without a bound one
 * passage of megabytes would be formatted into a thousand pages while the bot stalls. Passages
 * are capped at ingest far below this (`MAX_SENTENCE` in src/ingest/sentences.ts).
 */
const LONG_QUOTE = 40_000;
/** Most pieces (one page each) of a quote longer than `LONG_QUOTE`. */
const MAX_QUOTE_PIECES = 10;
/** Room kept in the last piece of a cut quote for the note that says so. */
const CUT_NOTE_ROOM = 100;
/** Room kept for the footer ("Page 12 of 34"). */
const FOOTER_RESERVE = 40;
/** Longest group heading, label and citation title, in rendered characters. */
const MAX_HEADING = 120;
const MAX_LABEL = 200;
const MAX_TITLE = 300;

/** A URL safe to put inside a markdown link: http(s), short enough, no characters that end the link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
    return href.length <= MAX_URL ? href : null;
  } catch {
    return null;
  }
}

/** `[n]` as a link to the article when it has a usable URL. */
function marker(id: number, byId: ReadonlyMap<number, Citation>): string {
  const url = safeUrl(byId.get(id)?.url);
  return url ? `[[${id}]](${url})` : `[${id}]`;
}

/** The field that cites one source: "[1] Outlet · 2021-06-04 (inferred)" over the linked title. */
export function citationField(c: Citation): APIEmbedField {
  const number = `[${c.id}] `;
  const name = number + fitInline(`${c.outlet ?? 'Outlet unknown'} · ${citationDate(c)}`, LIMITS.fieldName - number.length);
  const title = fitInline(c.title || 'Untitled', MAX_TITLE);
  const url = safeUrl(c.url);
  return { name, value: url ? `[${title}](${url})` : title };
}

const fieldSize = (f: APIEmbedField) => f.name.length + f.value.length;

/** A piece of the description: one whole item, part of a long item, or one plain line. */
interface Block {
  text: string;
  /** Citations the block shows, which the page must list as fields. */
  cites: number[];
  /** Group heading to show above it when the page does not already show it. */
  group?: string;
  /** Counts towards `itemsPerPage`. */
  item: boolean;
  separator: string;
}

/**
 * How Discord quotes are split (part of every rendered answer, so fixed): at sentence ends by
 * punctuation (with the whitespace after them), then at spaces, then the longest run of characters
 * that fits; a sentence too long for one piece is finished before the next one starts (nested).
 */
const DISCORD_SPLIT = { levels: [SENTENCE_ENDS, SPACES], hardCut: longestCodeUnits, nested: true } as const;

/**
 * Splits `[from, to)` of an item's text into consecutive ranges whose rendered quote (plus
 * `extra` characters of header and markers) fits in `budget` (see `splitQuote`). A piece is never
 * longer than `budget` characters (escaping never shortens text), so cuts are looked for only that
 * far ahead; at most `maxPieces` pieces are made. An empty range is one empty piece (the quote's
 * citation markers are still shown).
 * @returns the ranges, and whether they reach `to`
 */
function splitRange(item: ReplyItem, highlights: SpanIndex, from: number, to: number, budget: number, extra: number, maxPieces = Infinity): { ranges: Array<[number, number]>; complete: boolean } {
  const text = item.text;
  if (from >= to) return { ranges: [[from, to]], complete: true };
  const fits = (a: number, b: number) => b - a + extra <= budget && quoteSnippet(text, highlights, a, b).length + extra <= budget;
  const { pieces, complete } = splitQuote(text, { ...DISCORD_SPLIT, fits, from, to, maxPieces, window: budget + 1 });
  return { ranges: pieces.map((p) => [p.start, p.end]), complete };
}

/** The room an item may take in a description, after its citations' fields and the footer. */
function itemBudget(cites: number[], fields: ReadonlyMap<number, APIEmbedField>): number {
  const citeRoom = cites.reduce((n, id) => n + fieldSize(fields.get(id) ?? { name: '', value: '' }), 0);
  return Math.min(LIMITS.embedDescription, LIMITS.embedTotal - FOOTER_RESERVE - citeRoom) - (MAX_HEADING + 10);
}

/** Blocks for one item: a header line, the quote, and the citation markers. */
function itemBlocks(item: ReplyItem, byId: ReadonlyMap<number, Citation>, fields: ReadonlyMap<number, APIEmbedField>): Block[] {
  const also = (item.alsoIn ?? []).filter((n) => n !== item.source);
  const shownAlso = also.slice(0, MAX_ALSO_IN);
  const cites = [item.source, ...shownAlso].filter((n) => byId.has(n));
  const markers =
    ' ' + [item.source, ...shownAlso].map((n) => marker(n, byId)).join(' ') + (also.length > shownAlso.length ? ` +${also.length - shownAlso.length} more` : '');
  const header = [
    item.label ? `**${fitInline(item.label, MAX_LABEL)}**` : '',
    item.caption ? '*(photo caption)*' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const continued = '*(continued)*';
  const headRoom = Math.max(header.length, continued.length) + 1;
  const budget = itemBudget(cites, fields);
  const highlights = new SpanIndex(item.highlights ?? []);
  // Every page is rendered when the answer is, so a quote of megabytes is shown only up to a bound,
  // with a visible note of what is left; shorter quotes are always shown whole (and unchanged).
  const long = item.text.length > LONG_QUOTE;
  const { ranges, complete } = splitRange(item, highlights, 0, item.text.length, budget, headRoom + markers.length + (long ? CUT_NOTE_ROOM : 0), long ? MAX_QUOTE_PIECES : Infinity);
  const last = ranges[ranges.length - 1]?.[1] ?? 0;
  const cutNote = complete ? '' : `\n*(${(item.text.length - last).toLocaleString('en')} more characters of this passage are not shown; read them in the article)*`;
  return ranges.map(([a, b], i) => {
    const head = i === 0 ? header : continued;
    const quote = quoteSnippet(item.text, highlights, a, b) + markers + (i === ranges.length - 1 ? cutNote : '');
    return {
      text: head ? `${head}\n${quote}` : quote,
      cites,
      ...(item.group !== undefined ? { group: item.group } : {}),
      item: i === 0,
      separator: '\n\n',
    };
  });
}

/** A plain line (help text, source lists): escaped, except `<https://…>` links, which stay clickable. */
function lineBlock(line: string): Block {
  const parts = line.split(/(<https?:\/\/[^\s<>]+>)/);
  const rendered = parts.map((p, i) => (i % 2 === 1 && safeUrl(p.slice(1, -1)) === p.slice(1, -1) ? p : escapeInline(p))).join('');
  const text = rendered.length <= LIMITS.embedDescription - FOOTER_RESERVE ? rendered : fitInline(line, LIMITS.embedDescription - FOOTER_RESERVE);
  return { text, cites: [], item: false, separator: '\n' };
}

/** The message content: bold headline, then the notes, fitted into `LIMITS.content`. */
function renderContent(reply: Reply): string {
  let content = `**${fitInline(reply.headline || reply.command, LIMITS.content / 2)}**`;
  for (const note of reply.notes) {
    const line = '\n' + fitInline(note, 500);
    if (content.length + line.length > LIMITS.content) break;
    content += line;
  }
  return content;
}

interface PagePlan {
  blocks: Block[];
  cites: Set<number>;
}

/** The embed description of a page: its blocks, with a group heading wherever the group changes (and at the top). */
function descriptionOf(plan: PagePlan): string {
  let out = '';
  let group: string | undefined;
  for (const b of plan.blocks) {
    let text = b.text;
    if (b.group !== undefined && b.group !== group) text = `__**${fitInline(b.group, MAX_HEADING)}**__\n${text}`;
    group = b.group ?? group;
    out += (out ? b.separator : '') + text;
  }
  return out;
}

/**
 * Renders a Reply as one or more Discord pages, each within `LIMITS`.
 * @example renderReply(reply)[0] // { content: '**3 passages for …**', embeds: [{ description: '> …', fields: [...] }] }
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordPage[] {
  const opts = { ...defaultRenderOptions, ...options };
  const content = renderContent(reply);
  const byId = new Map(reply.citations.map((c) => [c.id, c]));
  const showFields = !reply.lines?.length;
  const fields = new Map(reply.citations.map((c) => [c.id, citationField(c)]));
  const blocks: Block[] = [
    ...reply.items.flatMap((item) => itemBlocks(item, byId, fields)),
    ...(reply.lines ?? []).map(lineBlock),
  ];
  if (!blocks.length) return [{ content, embeds: [] }];

  const plans: PagePlan[] = [];
  let current: PagePlan = { blocks: [], cites: new Set() };
  const fits = (plan: PagePlan): boolean => {
    const description = descriptionOf(plan);
    const pageFields = showFields ? [...plan.cites].map((id) => fields.get(id)!) : [];
    const total = description.length + pageFields.reduce((n, f) => n + fieldSize(f), 0) + FOOTER_RESERVE;
    const items = plan.blocks.filter((b) => b.item).length;
    return (
      description.length <= LIMITS.embedDescription &&
      pageFields.length <= LIMITS.embedFields &&
      total <= LIMITS.embedTotal &&
      items <= opts.itemsPerPage
    );
  };
  for (const block of blocks) {
    const next: PagePlan = { blocks: [...current.blocks, block], cites: new Set([...current.cites, ...block.cites]) };
    if (!current.blocks.length || fits(next)) current = next;
    else {
      plans.push(current);
      current = { blocks: [block], cites: new Set(block.cites) };
    }
  }
  plans.push(current);

  return plans.map((plan, i) => {
    const embed: APIEmbed = { color: opts.color, description: descriptionOf(plan) };
    if (showFields && plan.cites.size) {
      embed.fields = [...plan.cites].sort((a, b) => a - b).map((id) => fields.get(id)!);
    }
    if (plans.length > 1) embed.footer = { text: `Page ${i + 1} of ${plans.length}` };
    return { content, embeds: [embed] };
  });
}

/** Total characters of an embed as Discord counts them against `LIMITS.embedTotal`. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + fieldSize(f), 0)
  );
}
