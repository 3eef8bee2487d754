/**
 * `.json` articles as a CMS export gives them: one article object, an array of them, or an
 * object wrapping the array (`articles`, `items`, `posts`, `data`, `results`). Field names vary by
 * CMS, so the common spellings are accepted.
 */
import type { ArticleMeta } from '../core/types.js';
import { parseStatedDate } from './dateline.js';
import { decodeEntities, htmlToText, looksLikeHtml } from './html-text.js';

/** One article read from a JSON export, before ingest. */
export interface JsonArticle {
  /** Index in the array, or undefined for a single-object file. */
  index?: number;
  body: string;
  meta: Partial<ArticleMeta>;
}

/** One article entry that could not be used (the rest of the file still loads). */
export interface JsonProblem {
  index?: number;
  reason: string;
}

const FIELDS = {
  title: ['title', 'headline', 'name', 'heading'],
  body: ['body', 'text', 'content', 'articleBody', 'article_body', 'body_text', 'bodyText', 'fullText', 'full_text', 'story'],
  url: ['url', 'link', 'permalink', 'canonical_url', 'canonicalUrl', 'href', 'web_url', 'webUrl'],
  published: ['published', 'date', 'publishedAt', 'published_at', 'datePublished', 'date_published', 'pubDate', 'pub_date', 'publication_date', 'publicationDate', 'created_at', 'createdAt', 'webPublicationDate', 'date_gmt', 'firstPublished', 'first_published', 'dateCreated', 'issued'],
  outlet: ['outlet', 'source', 'publication', 'publisher', 'site_name', 'siteName', 'site', 'source_name'],
  author: ['author', 'authors', 'byline', 'creator', 'writer'],
  language: ['language', 'lang', 'locale'],
  tags: ['tags', 'keywords', 'categories', 'subjects', 'topics'],
  inferred: ['published_inferred', 'publishedInferred'],
} as const;

const WRAPPERS = ['articles', 'items', 'posts', 'data', 'results', 'stories', 'documents', 'docs'];

/** A string from a field value: plain strings, WordPress `{rendered}`, `{name}` objects, arrays of names. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((v): v is string => v !== undefined && v.trim() !== '');
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of ['rendered', 'name', 'title', 'value', 'text', 'raw']) if (typeof o[k] === 'string') return o[k] as string;
  }
  return undefined;
}

function pick(obj: Record<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (obj[n] !== undefined && obj[n] !== null) return obj[n];
  // CMS exports are inconsistent about case ("Title", "Body").
  const lower = new Map(Object.keys(obj).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const k = lower.get(n.toLowerCase());
    if (k !== undefined && obj[k] !== undefined && obj[k] !== null) return obj[k];
  }
  return undefined;
}

function toDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Unix time in seconds or milliseconds.
    const ms = value < 1e11 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  const s = text(value)?.trim();
  if (!s) return undefined;
  const stated = parseStatedDate(s) ?? parseStatedDate(s.slice(0, 10));
  if (stated) return stated;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function readOne(value: unknown, index: number | undefined): JsonArticle | JsonProblem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { index, reason: 'not an article object' };
  const obj = value as Record<string, unknown>;
  const found = text(pick(obj, FIELDS.body));
  const body = found !== undefined && looksLikeHtml(found) ? htmlToText(found) : found;
  if (body === undefined || body.trim() === '') return { index, reason: 'no article text (expected "body", "text" or "content")' };
  const meta: Partial<ArticleMeta> = {};
  const rawTitle = text(pick(obj, FIELDS.title));
  // WordPress titles are plain text with entities (`&#8211;`); some CMSs send HTML.
  const title = (rawTitle !== undefined && looksLikeHtml(rawTitle) ? htmlToText(rawTitle) : rawTitle && decodeEntities(rawTitle))?.trim();
  if (title) meta.title = title;
  const url = text(pick(obj, FIELDS.url))?.trim();
  if (url) meta.url = url;
  const rawDate = pick(obj, FIELDS.published);
  if (rawDate !== undefined) {
    const date = toDate(rawDate);
    if (!date) return { index, reason: `published "${String(text(rawDate) ?? rawDate)}" is not a date` };
    meta.published = date;
  }
  const inferred = pick(obj, FIELDS.inferred);
  if (typeof inferred === 'boolean') meta.publishedInferred = inferred;
  const outlet = text(pick(obj, FIELDS.outlet))?.trim();
  if (outlet) meta.outlet = outlet;
  const author = text(pick(obj, FIELDS.author))?.trim();
  if (author) meta.author = author;
  const language = text(pick(obj, FIELDS.language))?.trim();
  if (language) meta.language = language;
  const tags = pick(obj, FIELDS.tags);
  if (Array.isArray(tags)) meta.tags = tags.map(text).filter((t): t is string => t !== undefined && t.trim() !== '');
  else if (typeof tags === 'string') meta.tags = tags.split(',').map((t) => t.trim()).filter(Boolean);
  return index === undefined ? { body, meta } : { index, body, meta };
}

/**
 * Reads the articles of a parsed JSON document.
 * @returns the usable articles and one problem per unusable entry
 */
export function readJsonArticles(data: unknown): { articles: JsonArticle[]; problems: JsonProblem[] } {
  let list: unknown[] | undefined;
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    const key = WRAPPERS.find((k) => Array.isArray(obj[k]));
    if (key !== undefined && pick(obj, FIELDS.body) === undefined) list = obj[key] as unknown[];
  }
  const articles: JsonArticle[] = [];
  const problems: JsonProblem[] = [];
  if (list === undefined) {
    const one = readOne(data, undefined);
    if ('body' in one) articles.push(one);
    else problems.push(one);
    return { articles, problems };
  }
  list.forEach((item, i) => {
    const one = readOne(item, i);
    if ('body' in one) articles.push(one);
    else problems.push(one);
  });
  return { articles, problems };
}
