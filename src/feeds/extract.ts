/**
 * Reader view for an article page: @mozilla/readability over linkedom's light DOM finds the
 * article, then newsdesk's own chrome classifier (src/ingest/classify.ts) drops what Readability
 * keeps but is not reporting (share prompts, newsletter appeals, related lists, comments).
 * The result is plain paragraphs, the exact text every later quote is a slice of.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { classify } from '../ingest/classify.js';
import { htmlToText } from '../ingest/html-text.js';

/** An article read off its page. */
export interface ExtractedArticle {
  title: string | undefined;
  /** Plain paragraphs separated by blank lines, chrome removed. */
  text: string;
  author: string | undefined;
  /** The page's `<link rel="canonical">`, resolved against the page URL. */
  canonicalUrl: string | undefined;
  /** `article:published_time` (or similar) when the page states it. */
  published: string | undefined;
}

type PageDocument = ReturnType<typeof parseHTML>['document'];
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/** Most characters of page HTML handed to the DOM: a limit on work for any page (bodies are ≤ 5 MB anyway). */
const MAX_HTML = 3_000_000;

/**
 * Class or id words that name the boxes outlets set inside an article for their own ends: appeals
 * for money or members, newsletter and subscription prompts, calls to action, paywall notices,
 * promotions. Readability drops related lists, share bars, comments and sponsors by such names
 * but keeps these; their prose ("Over the years, outlets like ours…") reads like reporting to
 * the text classifier once taken out of its box. Matched as whole words of a class or id
 * (`donation-appeal`, `nl_signup`), never as parts of words (`appealsCourt` stays).
 */
const FURNITURE_NAME = /(?:^|[-_])(?:appeal|donate|donation|donations|newsletter|signup|subscribe|subscription|membership|paywall|promo|cta)(?:$|[-_])/i;

/** Most elements inspected for furniture names: a bound on work for pages with huge DOMs. */
const MAX_FURNITURE_CHECKS = 20_000;

/**
 * Removes in-article furniture boxes named by their class or id, unless a box holds most of the
 * page's text (then the name describes a layout, not a box, and Readability should decide).
 */
function removeNamedFurniture(document: PageDocument): void {
  const total = document.body?.textContent?.length ?? 0;
  const elements = document.querySelectorAll('[class], [id]');
  const limit = Math.min(elements.length, MAX_FURNITURE_CHECKS);
  for (let i = 0; i < limit; i++) {
    const el = elements[i]!;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!names.some((n) => n !== '' && FURNITURE_NAME.test(n))) continue;
    if (!el.parentNode) continue;
    if ((el.textContent?.length ?? 0) > total * 0.4) continue;
    el.remove();
  }
}

function metaContent(document: PageDocument, names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

/**
 * Paragraphs of plain text without the pieces the chrome classifier marks as site furniture.
 * @param knownTitle - the story's title, so a repeated headline line is dropped too
 */
export function withoutChrome(text: string, knownTitle?: string): string {
  const { blocks } = classify(text, knownTitle);
  return blocks
    .filter((b) => b.kind !== 'chrome' && b.kind !== 'title')
    .map((b) => text.slice(b.start, b.end).trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Extracts the article from a page's HTML.
 * @param html - the decoded page
 * @param pageUrl - where it came from (relative links, canonical URL)
 * @returns undefined when the page holds no readable article
 * @example extractArticle(page.text(), page.url)?.text
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | undefined {
  const { document } = parseHTML(html.slice(0, MAX_HTML));
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  let canonicalUrl: string | undefined;
  try {
    canonicalUrl = canonicalHref ? new URL(canonicalHref, pageUrl).toString() : undefined;
  } catch {
    canonicalUrl = undefined;
  }
  const published = metaContent(document, ['article:published_time', 'datePublished', 'pubdate', 'date']);
  const author = metaContent(document, ['author', 'article:author']);
  removeNamedFurniture(document);
  const parsed = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 200 }).parse();
  if (!parsed?.content) return undefined;
  const title = parsed.title?.trim() || undefined;
  const text = withoutChrome(htmlToText(parsed.content), title);
  if (text === '') return undefined;
  return { title, text, author: parsed.byline?.trim() || author, canonicalUrl, published };
}
