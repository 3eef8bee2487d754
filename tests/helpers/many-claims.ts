/**
 * Articles with more claims about one topic ("Tarsk") than one page of `claim` shows, each claim
 * about something else, so every one is a group of its own: for testing paging past the first page.
 */
import type { Article } from '../../src/core/types.js';
import { bodyArticle } from './articles.js';

const CLAIMS = [
  ['Anna Berg', 'bridge would reopen in spring'],
  ['Olav Lind', 'school roof leaked every winter'],
  ['Mira Holt', 'clinic needed twelve more nurses'],
  ['Jonas Falk', 'harbour cranes were rusting badly'],
  ['Eva Strand', 'library lost four thousand books'],
  ['Lars Moen', 'museum found a medieval coin hoard'],
  ['Ida Sand', 'stadium seats were sold out'],
  ['Pia Dahl', 'market stalls paid double rent'],
  ['Sofie Ek', 'airport runway cracked during frost'],
  ['Nils Brun', 'tunnel flooded after heavy rain'],
  ['Karin Vik', 'theatre staged an opera premiere'],
  ['Emil Rud', 'brewery exported beer to Japan'],
  ['Tove Aas', 'forest fires burned near farms'],
] as const;

/** One article a claim, the topic "Tarsk" in each, dated a day apart. */
export function manyClaimsArticles(): Article[] {
  return CLAIMS.map(([who, what], i) =>
    bodyArticle(
      `tarsk-${i + 1}.md`,
      { title: `Tarsk notes ${i + 1}`, outlet: `Tarsk Herald`, url: `https://example.org/tarsk/${i + 1}`, published: `2026-04-${String(i + 1).padStart(2, '0')}` },
      `${who} said that the Tarsk ${what}.`,
    ),
  );
}
