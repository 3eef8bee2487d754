import { describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import type { CommandContext } from '../../src/core/command.js';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { silentLogger } from '../../src/app/log.js';
import type { Reply } from '../../src/core/types.js';

const meta = (outlet: string, published: string) => ({ title: `${outlet} report`, outlet, url: null, published, publishedInferred: false });

const wire = [
  'Harbour dispute deepens',
  '',
  'The Norwegian Fisheries Agency, the NFA, has claimed that Danish trawlers entered the Skagen fishing zone without permits.',
  '',
  'NFA spokesperson Kari Nilsen said the trawlers had switched off their transponders near Skagen.',
].join('\n');

const denial = [
  'Denmark rejects trawler claims',
  '',
  "Denmark's Fisheries Ministry has denied claims by the Norwegian Fisheries Agency (NFA) that Danish trawlers entered the Skagen zone.",
  '',
  'Ministry spokesman Lars Holm called the report fabricated.',
].join('\n');

async function ask(topic: string): Promise<Reply> {
  const articles = [
    ingestText(wire, { id: 'wire.md', meta: meta('Nordic Wire', '2026-03-02') }),
    ingestText(wire, { id: 'copy.md', meta: meta('Coastal Daily', '2026-03-03') }),
    ingestText(denial, { id: 'denial.md', meta: meta('Copenhagen Post', '2026-03-04') }),
  ];
  const library = libraryFromArticles(articles);
  const ctx: CommandContext = { library, clock: { now: () => new Date('2026-03-05') }, logger: silentLogger, origin: { platform: 'cli' }, commands: new Map(), services: {} };
  return claim.run(claim.input.parse({ topic }), ctx);
}

describe('claim grouping', () => {
  it('shows a syndicated claim once, with the copy in alsoIn, and the denial beside it', async () => {
    const reply = await ask('skagen');
    const first = reply.items.find((i) => /has claimed that Danish trawlers/.test(i.text))!;
    expect(first.fields).toMatchObject({ claimant: 'Norwegian Fisheries Agency (NFA)', stance: 'asserts' });
    const source = reply.citations.find((c) => c.id === first.source)!;
    expect(source.outlet).toBe('Nordic Wire'); // the earliest appearance is the one quoted
    const copy = reply.citations.find((c) => c.outlet === 'Coastal Daily')!;
    expect(first.alsoIn).toEqual([copy.id]);
    expect(reply.items.filter((i) => i.text === first.text)).toHaveLength(1);
    const denials = reply.items.filter((i) => i.fields?.stance === 'denies');
    expect(denials.map((d) => d.fields?.claimant)).toContain("Denmark's Fisheries Ministry");
    for (const d of denials) expect(d.fields?.group).toBe(first.fields?.group);
    expect(denials.find((d) => d.fields?.claimant === "Denmark's Fisheries Ministry")!.fields?.answers).toBe('Norwegian Fisheries Agency (NFA)');
  });

  it('orders groups by relevance, and a statement naming the topic before one that does not', async () => {
    const reply = await ask('skagen');
    const groups = [...new Set(reply.items.map((i) => i.fields?.group))];
    expect(groups[0]).toBe(reply.items.find((i) => /has claimed that Danish trawlers/.test(i.text))!.fields?.group);
    expect(reply.headline).toMatch(/denied or disputed/);
  });
});
