/**
 * Reads a feed into entries: RSS 2.0, Atom and JSON Feed through @extractus/feed-extractor, and
 * the WordPress REST API's post lists. feed-extractor rather than rss-parser: it reads JSON Feed
 * too, is maintained, parses XML with fast-xml-parser (rss-parser pulls in the unmaintained
 * xml2js), and parses from a string, so every byte still comes through our own fetcher.
 * Its normalised entry truncates and flattens the description, so the raw fields we need
 * (full content, GUID, author, updated) are taken with its `getExtraEntryFields` hook.
 */
import { extractFromJson, extractFromXml, type FeedData } from '@extractus/feed-extractor';
import { decodeEntities, htmlToText } from '../ingest/html-text.js';

/** One story as a feed announces it. */
export interface FeedEntry {
  /** The feed's own id for it (RSS guid, Atom id, JSON Feed id, WordPress guid); the link when absent. */
  guid: string;
  title: string;
  /** The article page. */
  link: string | undefined;
  /** ISO date-time, when the feed gives one. */
  published: string | undefined;
  updated: string | undefined;
  author: string | undefined;
  /** The summary as plain text. */
  summary: string | undefined;
  /** The full body as plain text, when the feed carries one. */
  content: string | undefined;
}

/** The formats read. */
export type FeedFormat = 'rss' | 'atom' | 'json' | 'wordpress';

/** A parsed feed. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string | undefined;
  entries: FeedEntry[];
}

/** Most entries kept from one feed document: a runaway feed cannot flood the corpus in one poll. */
export const MAX_ENTRIES = 500;

type Raw = Record<string, unknown>;

/** The text of a field fast-xml-parser may give as a string, a number, `{#text}` or a list of those. */
function textOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') {
    const o = v as Raw;
    return textOf(o['#text'] ?? o.name ?? o.rendered ?? o._text);
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Plain text of an HTML fragment (feeds put HTML in descriptions and content). */
function plain(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const text = htmlToText(html.replace(/^<!\[CDATA\[|\]\]>$/g, '')).trim();
  return text === '' ? undefined : text;
}

function isoDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The raw fields of an RSS item or Atom entry that the normaliser drops. */
function xmlExtras(item: Raw): Raw {
  const author = item['dc:creator'] ?? item.author ?? item['itunes:author'];
  return {
    rawGuid: textOf(item.guid) ?? textOf(item.id),
    rawContent: textOf(item['content:encoded']) ?? textOf(item.content),
    rawSummary: textOf(item.description) ?? textOf(item.summary),
    rawAuthor: textOf(author),
    rawUpdated: textOf(item.updated) ?? textOf(item['atom:updated']) ?? textOf(item['dc:modified']),
    rawPublished: textOf(item.published) ?? textOf(item.pubDate) ?? textOf(item['dc:date']),
  };
}

function jsonExtras(item: Raw): Raw {
  const authors = (item.authors as Raw[] | undefined) ?? (item.author ? [item.author as Raw] : []);
  return {
    rawGuid: textOf(item.id),
    rawContent: textOf(item.content_html) ?? textOf(item.content_text),
    rawSummary: textOf(item.summary),
    rawAuthor: textOf(authors[0]?.name),
    rawUpdated: textOf(item.date_modified),
    rawPublished: textOf(item.date_published),
  };
}

function toEntries(data: FeedData): FeedEntry[] {
  return (data.entries ?? []).slice(0, MAX_ENTRIES).map((e) => {
    const link = e.link || undefined;
    const content = plain(e.rawContent as string | undefined);
    const summary = plain(e.rawSummary as string | undefined);
    return {
      guid: (e.rawGuid as string | undefined) ?? link ?? e.id,
      title: decodeEntities(e.title ?? '').trim(),
      link,
      published: isoDate(e.rawPublished as string | undefined) ?? isoDate(e.published),
      updated: isoDate(e.rawUpdated as string | undefined),
      author: e.rawAuthor as string | undefined,
      summary: summary ?? (content ? undefined : plain(e.description)),
      // Atom puts the summary in <summary> and the body in <content>; RSS may repeat the description.
      content: content !== summary ? content : undefined,
    };
  });
}

/** A WordPress REST API post (the fields we read). */
interface WordPressPost {
  id?: number;
  link?: string;
  guid?: { rendered?: string };
  date_gmt?: string;
  modified_gmt?: string;
  title?: { rendered?: string };
  excerpt?: { rendered?: string };
  content?: { rendered?: string; protected?: boolean };
  _embedded?: { author?: { name?: string }[] };
}

const gmt = (v: string | undefined): string | undefined => (v ? isoDate(/[Z+]/.test(v) ? v : `${v}Z`) : undefined);

function wordPressEntries(posts: WordPressPost[]): FeedEntry[] {
  return posts.slice(0, MAX_ENTRIES).map((p) => ({
    guid: p.guid?.rendered ?? p.link ?? String(p.id),
    title: decodeEntities(plain(p.title?.rendered) ?? '').trim(),
    link: p.link,
    published: gmt(p.date_gmt),
    updated: gmt(p.modified_gmt),
    author: p._embedded?.author?.[0]?.name,
    summary: plain(p.excerpt?.rendered),
    content: p.content?.protected ? undefined : plain(p.content?.rendered),
  }));
}

/** True when `url` is a WordPress REST API posts endpoint (`…/wp-json/wp/v2/posts`). */
export function isWordPressUrl(url: string): boolean {
  return /\/wp-json\/wp\/v2\/posts\/?$/.test(new URL(url).pathname) || new URL(url).searchParams.get('rest_route') === '/wp/v2/posts';
}

/**
 * The URL of page `page` of a WordPress posts endpoint, with authors embedded.
 * @example wordPressPage('https://oc-media.org/wp-json/wp/v2/posts', 2) // …/posts?page=2&per_page=20&_embed=author
 */
export function wordPressPage(url: string, page: number, perPage = 20): string {
  const u = new URL(url);
  u.searchParams.set('page', String(page));
  u.searchParams.set('per_page', String(perPage));
  u.searchParams.set('_embed', 'author');
  return u.toString();
}

/** Thrown for a document that is not a feed we can read. */
export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}

/**
 * Parses a feed document (already decoded to text).
 * @param baseUrl - the feed's URL, to resolve relative links
 * @throws FeedFormatError when the document is broken or of no known format
 * @example parseFeed(text, 'https://oc-media.org/feed/').entries[0].title
 */
export function parseFeed(text: string, baseUrl: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const options = { descriptionMaxLen: 0, baseUrl, useISODateFormat: true };
  try {
    if (body.startsWith('[')) {
      const posts = JSON.parse(body) as unknown;
      if (!Array.isArray(posts)) throw new FeedFormatError('not a list of posts');
      return { format: 'wordpress', title: undefined, entries: wordPressEntries(posts as WordPressPost[]) };
    }
    if (body.startsWith('{')) {
      const json = JSON.parse(body) as Raw;
      if (!Array.isArray(json.items)) throw new FeedFormatError('a JSON document without "items" (not a JSON Feed)');
      const data = extractFromJson(json, { ...options, getExtraEntryFields: jsonExtras });
      return { format: 'json', title: data.title || undefined, entries: toEntries(data) };
    }
    const data = extractFromXml(body, { ...options, getExtraEntryFields: xmlExtras });
    const format: FeedFormat = /<feed[\s>]/.test(body.slice(0, 2000)) ? 'atom' : 'rss';
    return { format, title: data.title || undefined, entries: toEntries(data) };
  } catch (err) {
    if (err instanceof FeedFormatError) throw err;
    throw new FeedFormatError(`not a readable feed: ${(err as Error).message.slice(0, 200)}`);
  }
}
