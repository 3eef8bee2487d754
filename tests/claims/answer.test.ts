/**
 * The `/claim` answer as a reader sees it (issue 14, pattern 8): one name per claimant in a heading,
 * verbs agreeing with their subject, and every claim group reachable page by page.
 */
import { describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import { claimsAbout } from '../../src/claims/answer.js';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { parseArgs } from '../../src/app/cli.js';

const meta = (title: string) => ({ title, outlet: 'Valley Post', url: null, published: '2026-04-01', publishedInferred: false });

describe('claim headings read as a sentence', () => {
  const text = [
    'Dam dispute widens',
    '',
    'The river authority (RVA) said the Kessel dam leaks every spring.',
    '',
    'RVA spokeswoman Mira Lenz said the Kessel dam leaks every spring and needs repair.',
    '',
    'Farmers in the valley say the Kessel dam floods their fields each year.',
  ].join('\n');
  const library = libraryFromArticles([ingestText(text, { id: 'dam.md', meta: meta('Dam dispute widens') })]);
  const headings = [...new Set(claimsAbout(library, { topic: 'kessel dam' }).items.map((i) => i.group))];

  it('names a claimant once when a spokeswoman speaks for the body already named', () => {
    const leaks = headings.find((h) => /RVA/.test(h ?? ''))!;
    expect(leaks).toMatch(/^Claim 1 · RVA asserts · /);
  });

  it('makes the verb agree with a plural claimant', () => {
    expect(headings.some((h) => /· Farmers in the valley assert ·/.test(h ?? ''))).toBe(true);
  });
});

describe('claim pages', () => {
  // Twelve different claims about one topic by twelve people: more than one page holds.
  const towns = ['Arlo', 'Bree', 'Cask', 'Dunn', 'Eyre', 'Fenn', 'Gale', 'Holt', 'Isel', 'Jorr', 'Kirk', 'Lune'];
  const says = [
    'pays for the new lighthouse', 'ruins small fishing crews', 'was approved without a public vote', 'doubles ferry ticket prices',
    'funds dredging near the pier', 'breaks European shipping law', 'drives cruise lines to rival ports', 'brings fresh jobs downtown',
    'hurts yacht owners most', 'keeps council budgets balanced', 'started under the previous governor', 'expires after five winters',
  ];
  const articles = towns.map((town, i) =>
    ingestText(`Harbour news from ${town}\n\nMayor ${town} Smithers said the harbour tariff ${says[i]}.`, {
      id: `${town}.md`,
      meta: meta(`Harbour news from ${town}`),
    }),
  );
  const library = libraryFromArticles(articles);

  it('shows ten claims on the first page and says how to see the rest', () => {
    const first = claimsAbout(library, { topic: 'harbour tariff' });
    const groups = new Set(first.items.filter((i) => i.fields?.kind !== 'outlet').map((i) => i.group));
    expect(groups.size).toBe(10);
    expect(first.notes).toContain('2 more claims: claim harbour tariff --page 2.');
  });

  it('shows the rest on the second page, numbered on from the first', () => {
    const first = claimsAbout(library, { topic: 'harbour tariff' });
    const second = claimsAbout(library, { topic: 'harbour tariff', page: 2 });
    const heads = [...new Set(second.items.map((i) => i.group))];
    expect(heads.map((h) => /^Claim (\d+)/.exec(h ?? '')?.[1])).toEqual(['11', '12']);
    expect(second.headline).toMatch(/\(claims 11–12 of 12\)/);
    const all = new Set([...first.items, ...second.items].map((i) => i.text));
    for (const town of towns) expect([...all].some((t) => t.includes(`Mayor ${town} Smithers`))).toBe(true);
  });

  it('says which page is the last when asked for one past it', () => {
    const past = claimsAbout(library, { topic: 'harbour tariff', page: 5 });
    expect(past.items).toEqual([]);
    expect(past.notes).toContain('There are 12 claims in all: page 2 is the last.');
  });

  it('reads --page from the typed text and refuses a page that is not a whole number', () => {
    expect(claim.input.parse(claim.fromText('harbour tariff --page 2'))).toEqual({ topic: 'harbour tariff', page: 2 });
    expect(claim.input.parse(claim.fromText('harbour tariff --page=3'))).toEqual({ topic: 'harbour tariff', page: 3 });
    expect(claim.input.safeParse(claim.fromText('harbour tariff --page two')).success).toBe(false);
    expect(claim.input.safeParse(claim.fromText('harbour tariff --page 0')).success).toBe(false);
  });

  it('passes --page through the command line to the command', () => {
    expect(parseArgs(['claim', 'harbour', 'tariff', '--page', '2']).words).toEqual(['harbour', 'tariff', '--page', '2']);
  });
});

describe('unattributed quotations in the answer', () => {
  it('lists a quotation the article gives no speaker for apart, with no claimant, never as the outlet\'s reporting', () => {
    const text = 'Depot strike looms\n\nThe Brackley depot was quiet by evening.\n\n"Nobody at the Brackley depot wants a strike."';
    const library = libraryFromArticles([ingestText(text, { id: 'depot.md', meta: meta('Depot strike looms') })]);
    const reply = claimsAbout(library, { topic: 'brackley depot' });
    const quotation = reply.items.find((i) => i.text === '"Nobody at the Brackley depot wants a strike."');
    expect(quotation?.fields).toMatchObject({ claimant: null, kind: 'quotation' });
    expect(quotation?.label).toMatch(/^Unattributed quotation/);
    expect(reply.items.filter((i) => i.fields?.kind === 'outlet').map((i) => i.text)).toEqual(['The Brackley depot was quiet by evening.']);
  });
});

describe('each claimant with its own part of a shared sentence', () => {
  it('quotes two side-by-side statements each with its own clause', () => {
    const text = 'Toll row\n\nMayor Ines Fabre said the Corran bridge toll was unfair, and Senator Hal Brody insisted the Corran bridge toll would stay.';
    const library = libraryFromArticles([ingestText(text, { id: 'toll.md', meta: meta('Toll row') })]);
    const items = claimsAbout(library, { topic: 'corran bridge' }).items.filter((i) => i.fields?.kind === 'attributed');
    expect(items.map((i) => [i.fields?.claimant, i.text]).sort()).toEqual([
      ['Mayor Ines Fabre', 'Mayor Ines Fabre said the Corran bridge toll was unfair'],
      ['Senator Hal Brody', 'Senator Hal Brody insisted the Corran bridge toll would stay.'],
    ]);
    for (const i of items) expect(text.slice(i.span.start, i.span.end)).toBe(i.text);
  });

  it('keeps the whole sentence for a claim reported inside a denial', () => {
    const text = 'Toll row\n\nThe ministry denied claims by the Corran council that the bridge toll was illegal.';
    const library = libraryFromArticles([ingestText(text, { id: 'toll2.md', meta: meta('Toll row') })]);
    const items = claimsAbout(library, { topic: 'bridge toll' }).items.filter((i) => i.fields?.kind === 'attributed');
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const i of items) expect(i.text).toBe('The ministry denied claims by the Corran council that the bridge toll was illegal.');
  });
});

describe('a plural agent noun is a claimant', () => {
  it('shows "economists warned" as the economists\' claim, not the outlet\'s reporting', () => {
    const text = 'Levy row\n\nThe Tarn harbour levy will backfire on small traders, several economists warned on Monday.';
    const library = libraryFromArticles([ingestText(text, { id: 'levy.md', meta: meta('Levy row') })]);
    const items = claimsAbout(library, { topic: 'tarn harbour levy' }).items;
    expect(items.map((i) => [i.fields?.kind, i.fields?.claimant])).toEqual([['attributed', 'several economists']]);
  });
});

describe('own reporting holds only the outlet\'s own sentences', () => {
  const text = [
    'Dam repairs delayed',
    '',
    'The Kessel dam repairs will start in June.',
    '',
    'Of the Kessel dam, all the engineers I interviewed said the spillway was too small.',
    '',
    'To varying degrees, all agreed that the Kessel dam needs a second spillway.',
  ].join('\n');
  const library = libraryFromArticles([ingestText(text, { id: 'repairs.md', meta: meta('Dam repairs delayed') })]);
  const own = claimsAbout(library, { topic: 'kessel dam' }).items.filter((i) => i.fields?.kind === 'outlet').map((i) => i.text);

  it('never shows a sentence reporting someone\'s words as the outlet\'s, even when no speaker can be named', () => {
    expect(own).toEqual(['The Kessel dam repairs will start in June.']);
  });
});

describe('one sentence, one item (issue 14, pattern 8)', () => {
  const shown = (sentence: string) => {
    const text = ['Pier news', '', sentence].join('\n');
    const library = libraryFromArticles([ingestText(text, { id: 'pier.md', meta: meta('Pier news') })]);
    return claimsAbout(library, { topic: 'pier' }).items.filter((i) => /^c\d+$/.test(String(i.fields?.group)));
  };

  it('shows a statement with its "according to" channel once, under the speaker', () => {
    const items = shown('Harbour master Ida Lund said the Tarn pier was unsafe, according to the Valley Gazette.');
    expect(items).toHaveLength(1);
    expect(items[0]!.fields?.claimant).toBe('Harbour master Ida Lund');
  });

  it('shows a statement reported inside another once, under the one who reports it', () => {
    // (The speaker is named before her verb: with "Eva Holm, the union's chair, said", the source model retrained this
    // stop drops the outer source, a model error the note records; the folding checked here is the answer's.)
    const items = shown("Union chair Eva Holm said the strike is a direct response to threats the mayor made against the crews - threats that, Holm noted, Mayor Per Olsen said last week were prompted by the Tarn pier's losses.");
    const holm = items.filter((i) => i.fields?.claimant === 'Union chair Eva Holm');
    expect(holm).toHaveLength(1);
    expect(holm[0]!.text).toMatch(/^Union chair Eva Holm said the strike/);
  });

  it('keeps a claim beside another claimant\'s denial of it in the same sentence', () => {
    const items = shown('The port office denied claims by the ferry union that the Tarn pier was unsafe.');
    expect(items.map((i) => i.fields?.stance).sort()).toEqual(['asserts', 'denies']);
  });
});

describe('own reporting holds what the outlet reports, not questions or bare quotations', () => {
  it('leaves out a question and a sentence that is all quotation', () => {
    const text = ['Pier news', '', 'Q: Should the Tarn pier be sold to the ferry company?', '', '"Nobody trusts the Tarn pier board anymore."', '', 'The Tarn pier opened in 1902.', '', 'Harbour master Ida Lund said the Tarn pier was unsafe.'].join('\n');
    const library = libraryFromArticles([ingestText(text, { id: 'pier.md', meta: meta('Pier news') })]);
    const own = claimsAbout(library, { topic: 'tarn pier' }).items.filter((i) => i.fields?.group === 'outlet').map((i) => i.text);
    expect(own).toEqual(['The Tarn pier opened in 1902.']);
  });
});
