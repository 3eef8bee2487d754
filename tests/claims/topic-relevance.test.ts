import { describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import type { CommandContext } from '../../src/core/command.js';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { silentLogger } from '../../src/app/log.js';
import type { Reply } from '../../src/core/types.js';
import { relevanceTier } from '../../src/claims/grouping.js';

const meta = (outlet: string, published: string) => ({ title: `${outlet} report`, outlet, url: null, published, publishedInferred: false });

async function ask(texts: string[], topic: string): Promise<Reply> {
  const articles = texts.map((t, i) => ingestText(t, { id: `harbour-${i}.md`, meta: meta(`Fjord Courier ${i}`, `2026-04-0${i + 1}`) }));
  const ctx: CommandContext = { library: libraryFromArticles(articles), clock: { now: () => new Date('2026-04-09') }, logger: silentLogger, origin: { platform: 'cli' }, commands: new Map(), services: {} };
  return claim.run(claim.input.parse({ topic }), ctx);
}

/** Attributed items shown, as claimant → first words. */
const shown = (reply: Reply) => reply.items.filter((i) => i.fields?.kind === 'attributed').map((i) => `${String(i.fields?.claimant)}: ${i.text.split(' ').slice(0, 4).join(' ')}`);

const story = [
  'Coastal towns weigh new fees',
  '',
  'Mayor Olav Brekke said the Tollund harbour levy would pay for dredging the main channel.',
  '',
  '"It is long overdue," he added. "The sand bars have cost us two ferries."',
  '',
  'Council members met on Tuesday to discuss the summer budget.',
  '',
  '"Ships are getting bigger every year," Brekke said.',
  '',
  'The Tollund port authority also plans a new ferry terminal, according to its budget.',
  '',
  '"Our members expect a record tourist season," said Ingrid Saltvik, who leads the regional hotel association.',
  '',
  'Hotel owners in the valley said bookings had doubled since March.',
].join('\n');

describe('claim: what /claim shows is about the topic (issue 14, relevance)', () => {
  it('does not show a statement only because a neighbouring paragraph names the topic', async () => {
    const reply = await ask([story], 'tollund');
    const all = shown(reply).join('\n');
    expect(all).not.toMatch(/Saltvik/);
    expect(all).not.toMatch(/Hotel owners/);
  });

  it('shows the statements going on from one that names the topic: same speaker, next sentence or paragraphs', async () => {
    const reply = await ask([story], 'tollund');
    const brekke = reply.items.filter((i) => i.fields?.claimant === 'Mayor Olav Brekke' || i.fields?.claimant === 'Olav Brekke').map((i) => i.text);
    expect(brekke.some((t) => /harbour levy/.test(t))).toBe(true);
    expect(brekke.some((t) => /long overdue/.test(t))).toBe(true);
    // Two paragraphs after his last statement on the levy, with no other speaker between: still his point on it.
    expect(brekke.some((t) => /Ships are getting bigger/.test(t))).toBe(true);
  });

  it('keeps a denial that answers a claim about the topic, though the denial does not name it', async () => {
    const claimText = [
      'Dredging row',
      '',
      'The Fisheries Union has claimed that dredging near Tollund killed thousands of young cod last autumn.',
      '',
      'Port director Lars Dahl called the report fabricated.',
    ].join('\n');
    const reply = await ask([claimText], 'tollund');
    const union = reply.items.find((i) => /killed thousands of young cod/.test(i.text));
    const denial = reply.items.find((i) => /called the report fabricated/.test(i.text));
    expect(union?.fields?.stance).toBe('asserts');
    expect(denial?.fields?.stance).toMatch(/denies|disputes/);
    expect(denial?.fields?.group).toBe(union?.fields?.group);
  });

  it('ranks every claim naming the topic above one only set in its paragraph, however often that one is repeated', async () => {
    const context = [
      'Ferry plans',
      '',
      'Tollund wants a second ferry line to the islands. Transport planner Per Lunde said the timetable would not change before the autumn.',
      '',
      'Ferry captain Nils Berg called the timetable report fabricated.',
    ].join('\n');
    const named = [
      'Levy vote',
      '',
      'Councillor Astrid Moe said the Tollund levy vote had been moved to May.',
    ].join('\n');
    // The context claim is reported by five outlets, with a denial: bonuses for its spread must not lift it over the claim naming the topic.
    const reply = await ask([...['Ferry plans', 'Island ferries', 'Ferry news', 'Ferry talks', 'Ferry line'].map((h) => context.replace('Ferry plans', h)), named], 'tollund');
    const order = reply.items.filter((i) => i.fields?.kind === 'attributed').map((i) => i.text);
    const moe = order.findIndex((t) => /levy vote/.test(t));
    expect(moe).toBeGreaterThanOrEqual(0);
    expect(order.findIndex((t) => /timetable would not change/.test(t))).toBeGreaterThan(moe);
  });

  it('keeps group bonuses inside their tier', () => {
    expect(relevanceTier(3)).toBe(3);
    expect(relevanceTier(2.999)).toBe(2);
    expect(relevanceTier(1.5)).toBe(1);
  });
});
