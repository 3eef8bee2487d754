/**
 * Turns a neutral Reply into Discord messages ("pages"): the headline and notes as content, the
 * quoted snippets in an embed with the matched words in bold, and the page's sources as fields
 * (numbered, linked, with outlet and date). Every page is planned against `LIMITS` while it is
 * built: items are packed whole, and an item too long for any page is split at sentence (then
 * word) boundaries into consecutive quotes, so no quoted word is ever dropped or altered.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { citationDate } from '../../reply.js';
import type { Citation, Reply, ReplyItem } from '../../types.js';
import { LIMITS } from './limits.js';
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

/** Sentence ends (then any whitespace) inside a snippet: the preferred places to split a long item. */
function boundaries(text: string, from: number, to: number, pattern: RegExp): number[] {
  const cuts: number[] = [];
  const re = new RegExp(pattern.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (at > from && at < to) cuts.push(at);
    if (m[0].length === 0) re.lastIndex++;
  }
  return cuts;
}

/** Where a long item may be split, best first: sentence ends (with the whitespace after them), then any whitespace. */
const SPLIT_LEVELS = [/[.!?…]+["'”’)\]]*\s+|\n+/, /\s+/];

/**
 * Splits `[from, to)` of an item's text into consecutive ranges whose rendered quote (plus
 * `extra` characters of header and markers) fits in `budget`, preferring sentence ends, then
 * spaces, then any character (never inside a surrogate pair). Each piece is found by binary
 * search, since a longer range never renders shorter.
 */
function splitRange(item: ReplyItem, from: number, to: number, budget: number, extra: number, level = 0): Array<[number, number]> {
  const fits = (a: number, b: number) => quoteSnippet(item.text, item.highlights, a, b).length + extra <= budget;
  if (fits(from, to)) return [[from, to]];
  for (let l = level; l < SPLIT_LEVELS.length; l++) {
    const cuts = boundaries(item.text, from, to, SPLIT_LEVELS[l]!);
    if (!cuts.length) continue;
    let lo = 0;
    let hi = cuts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fits(from, cuts[mid]!)) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Even the first piece is too long: split it at the next level down, then go on from its end.
    if (best === -1) return [...splitRange(item, from, cuts[0]!, budget, extra, l + 1), ...splitRange(item, cuts[0]!, to, budget, extra, level)];
    return [[from, cuts[best]!], ...splitRange(item, cuts[best]!, to, budget, extra, level)];
  }
  // One unbroken run of characters: the longest prefix that fits (at least one character).
  let lo = from + 1;
  let hi = to - 1;
  let end = from + 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(from, mid)) {
      end = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (/[\ud800-\udbff]/.test(item.text[end - 1] ?? '') && end - 1 > from) end--;
  return [[from, end], ...splitRange(item, end, to, budget, extra, SPLIT_LEVELS.length)];
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
  const ranges = splitRange(item, 0, item.text.length, budget, headRoom + markers.length);
  return ranges.map(([a, b], i) => {
    const head = i === 0 ? header : continued;
    const quote = quoteSnippet(item.text, item.highlights, a, b) + markers;
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
