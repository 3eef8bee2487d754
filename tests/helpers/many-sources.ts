/**
 * More articles than one page of `sources` lists, each with its own title ("Report 001" …), so a
 * test can tell which page a message shows.
 */
import { SOURCES_PAGE } from '../../commands/sources.js';
import type { Article } from '../../src/core/types.js';
import { bodyArticle } from './articles.js';

/** Articles on the first page and 7 more, in corpus order. */
export const MANY_SOURCES = SOURCES_PAGE + 7;

/** `MANY_SOURCES` articles, "Report 001" to "Report 057" (for a page of 50). */
export function manySourcesArticles(): Article[] {
  return Array.from({ length: MANY_SOURCES }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return bodyArticle(`report-${n}.md`, { title: `Report ${n}`, outlet: 'Fjord Post', url: `https://example.org/report/${n}`, published: '2026-03-01' }, `The council met for session ${n} of the year.`);
  });
}

/** The report numbers a text names ("Report 051" → 51). */
export const reportsIn = (text: string): number[] => [...text.matchAll(/Report (\d{3})/g)].map((m) => Number(m[1]));
